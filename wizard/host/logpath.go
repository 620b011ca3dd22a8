package host

import (
	"path"
	"strings"
	"unicode/utf8"
)

// MaxPathLen is the longest log path accepted (PATH_MAX).
const MaxPathLen = 4096

// PathProblem says why a path (globs allowed) may not be a log source.
// The zero value means none.
type PathProblem string

// Problems of a log path. The first group is about the text of the path,
// the second about what it names: places that are not logs and files that
// hold secrets, which cwsetup never reads, shows or ships.
const (
	PathOK       PathProblem = ""
	PathEmpty    PathProblem = "empty"
	PathRelative PathProblem = "relative"     // does not start with /
	PathTooLong  PathProblem = "too_long"     // over MaxPathLen bytes
	PathControl  PathProblem = "control"      // NUL, newline or another control character
	PathBadUTF8  PathProblem = "utf8"         // not valid UTF-8
	PathDotDot   PathProblem = "dotdot"       // a ".." segment
	PathNotClean PathProblem = "not_clean"    // "//", "/./" or a trailing "/"
	PathPseudo   PathProblem = "pseudo"       // under /proc, /sys or /dev
	PathSecret   PathProblem = "secret"       // shadow files, SSH private keys, AWS credentials
	PathKeychain PathProblem = "key_material" // *.pem, *.key … outside a log directory
)

// CheckLogPath checks a log source path (a file or a glob, as the agent's
// file_path takes it) and returns the first problem, or PathOK.
//
// A glob is refused when it could match a refused file: "/etc/sha*" as
// well as "/etc/shadow". Wildcards are matched the way the agent matches
// them (a "*" also matches names that start with a dot; "**" any number of
// directories).
func CheckLogPath(p string) PathProblem {
	switch {
	case p == "":
		return PathEmpty
	case len(p) > MaxPathLen:
		return PathTooLong
	case !utf8.ValidString(p):
		return PathBadUTF8
	case strings.IndexFunc(p, isControl) >= 0:
		return PathControl
	case p[0] != '/':
		return PathRelative
	}
	segs := strings.Split(p[1:], "/")
	for _, s := range segs {
		if s == ".." {
			return PathDotDot
		}
	}
	if path.Clean(p) != p {
		return PathNotClean
	}
	return secretProblem(segs)
}

// isControl is a C0 or C1 control character, or DEL.
func isControl(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f }

// pseudoRoots hold kernel interfaces and devices, never log files: reading
// /proc/*/environ or /dev/mem leaks secrets, a device or FIFO blocks.
var pseudoRoots = []string{"proc", "sys", "dev"}

// secretFiles are files that hold secrets wherever they are found. "~"
// stands for any home directory (/root, /home/<user>, /var/lib/<svc>).
var secretFiles = []string{
	"/etc/shadow", "/etc/shadow-", "/etc/gshadow", "/etc/gshadow-",
	"/etc/security/opasswd", "/etc/master.passwd",
	"/etc/ssh/ssh_host_rsa_key", "/etc/ssh/ssh_host_ecdsa_key",
	"/etc/ssh/ssh_host_ed25519_key", "/etc/ssh/ssh_host_dsa_key",
	"~/.ssh/id_rsa", "~/.ssh/id_ecdsa", "~/.ssh/id_ed25519", "~/.ssh/id_dsa",
	"~/.ssh/id_ecdsa_sk", "~/.ssh/id_ed25519_sk",
	"~/.aws/credentials", "~/.aws/config",
	"/etc/mysql/debian.cnf", "/etc/krb5.keytab", "/etc/sudoers",
	"~/.pgpass", "~/.netrc", "~/.bash_history", "~/.docker/config.json", "~/.kube/config",
	"/var/lib/cloud/instance/user-data.txt", "/var/lib/cloud/instance/user-data.txt.i",
	"/var/lib/cloud/instances/i-0/user-data.txt", "/var/lib/cloud/instances/i-0/user-data.txt.i",
}

// secretDirs hold only secrets: every file under them is refused (private
// keys, sudo rules, container secrets).
var secretDirs = []string{"/etc/ssl/private", "/etc/pki/tls/private", "/etc/sudoers.d", "/run/secrets"}

// homes are sample home directories the "~" of secretFiles is tried as,
// so that a glob like /home/*/.ssh/* is caught.
var homes = []string{"/root", "/home/user", "/var/lib/user", "/srv/user", "/opt/user"}

// keyExts are file name extensions of key material: refused wherever the
// file is, log directories included (a daemon user can drop a key there);
// a log named server.key.log is fine.
var keyExts = []string{".pem", ".key", ".p12", ".pfx", ".jks", ".keystore"}

func secretProblem(segs []string) PathProblem {
	// /proc, /sys, /dev — and any glob whose first segment could be one.
	for _, pr := range pseudoRoots {
		if segMatch(segs[0], pr) {
			return PathPseudo
		}
	}
	// Secret files, by their shape: a literal path under any .ssh or .aws
	// directory, or a glob that could match a sample secret path.
	for i, s := range segs {
		if i+1 < len(segs) && (s == ".ssh" || s == ".aws") {
			base := segs[len(segs)-1]
			if s == ".aws" || !strings.HasSuffix(base, ".pub") && base != "known_hosts" && base != "authorized_keys" {
				return PathSecret
			}
		}
	}
	for _, f := range secretFiles {
		cands := []string{f}
		if rest, ok := strings.CutPrefix(f, "~"); ok {
			// Any home: the path's last segments are the file's.
			rs := strings.Split(rest[1:], "/")
			if len(segs) > len(rs) && globMatch(segs[len(segs)-len(rs):], rs) {
				return PathSecret
			}
			cands = cands[:0]
			for _, h := range homes {
				cands = append(cands, h+rest)
			}
		}
		for _, c := range cands {
			if globMatch(segs, strings.Split(c[1:], "/")) {
				return PathSecret
			}
		}
	}
	for _, d := range secretDirs {
		ds := strings.Split(d[1:], "/")
		if len(segs) > len(ds) && globMatch(segs[:len(ds)], ds) ||
			globMatch(segs, append(ds, "server.key")) || globMatch(segs, append(ds, "x", "server.key")) {
			return PathSecret
		}
	}
	// Key material: by extension, anywhere. A glob's last segment is tried
	// on a sample name with each extension.
	base := segs[len(segs)-1]
	for _, ext := range keyExts {
		if strings.HasSuffix(strings.ToLower(base), ext) || hasMeta(base) && segMatch(base, "server"+ext) {
			return PathKeychain
		}
	}
	return PathOK
}

// segMatch matches one path segment of a pattern against a name. A bad
// pattern matches nothing (the agent would find no file for it either).
func segMatch(pattern, name string) bool {
	if pattern == "**" {
		return true
	}
	if !hasMeta(pattern) {
		return pattern == name
	}
	ok, err := path.Match(pattern, name)
	return err == nil && ok
}

// globMatch matches pattern segments (with "**" for any number of
// segments) against the segments of a path. Dynamic programming over
// (pattern, name) positions: a pattern of many "**" stays linear.
func globMatch(pat, name []string) bool {
	// ok[j] is whether pat[:i] matches name[:j], row by row.
	ok := make([]bool, len(name)+1)
	ok[0] = true
	for _, ps := range pat {
		next := make([]bool, len(name)+1)
		if ps == "**" {
			seen := false
			for j := range next {
				seen = seen || ok[j]
				next[j] = seen
			}
		} else {
			for j := 1; j <= len(name); j++ {
				next[j] = ok[j-1] && segMatch(ps, name[j-1])
			}
		}
		ok = next
	}
	return ok[len(name)]
}
