package host

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestCheckLogPath(t *testing.T) {
	for _, c := range []struct {
		path string
		want PathProblem
	}{
		// Accepted: files, globs, ** and logs that merely look like keys.
		{"/var/log/messages", PathOK},
		{"/var/log/httpd/*_log", PathOK},
		{"/var/log/**/*.log", PathOK},
		{"/opt/tomcat/logs/catalina.*.log", PathOK},
		{"/srv/app/log/server.key.log", PathOK},
		{"/var/log/ssl/renew.pem", PathKeychain},
		{"/opt/tomcat/log/server.key", PathKeychain},
		{"/var/log/app/*.key", PathKeychain},
		{"/etc/ssl/private/ssl-cert-snakeoil.key", PathSecret},
		{"/etc/ssl/private/db", PathSecret},
		{"/etc/pki/tls/private/localhost", PathSecret},
		{"/etc/ssl/private/*", PathSecret},
		{"/etc/ssl/*/*", PathSecret},
		{"/etc/mysql/debian.cnf", PathSecret},
		{"/home/alice/.pgpass", PathSecret},
		{"/root/.netrc", PathSecret},
		{"/home/*/.bash_history", PathSecret},
		{"/home/bob/.docker/config.json", PathSecret},
		{"/root/.kube/config", PathSecret},
		{"/etc/krb5.keytab", PathSecret},
		{"/etc/sudoers", PathSecret},
		{"/etc/sudoers.d/90-cloud-init-users", PathSecret},
		{"/var/lib/cloud/instance/user-data.txt", PathSecret},
		{"/var/lib/cloud/instances/*/user-data.txt", PathSecret},
		{"/run/secrets/db_password", PathSecret},
		{"/run/secrets/**", PathSecret},
		{"/home/deploy/app/current/log/production.log", PathOK},
		{"/var/lib/mysql/slow.log", PathOK},
		{"/etc/shadow.log", PathOK},
		{"/root/.ssh/id_rsa.pub", PathOK},
		{"/var/log/[ab]*.log", PathOK},
		{"/var/log/x" + strings.Repeat("y", MaxPathLen-10), PathOK},
		// Text of the path.
		{"", PathEmpty},
		{"var/log/messages", PathRelative},
		{"./x.log", PathRelative},
		{"/var/log/x" + strings.Repeat("y", MaxPathLen-9), PathTooLong},
		{"/var/log/a\x00b", PathControl},
		{"/var/log/a\nb", PathControl},
		{"/var/log/a\rb", PathControl},
		{"/var/log/a\tb", PathControl},
		{"/var/log/\x1b[31mx", PathControl},
		{"/var/log/\u009b31mx", PathControl},
		{"/var/log/\xffx", PathBadUTF8},
		{"/var/log/../../etc/shadow", PathDotDot},
		{"/var/log/..", PathDotDot},
		{"/..", PathDotDot},
		{"/var//log/x", PathNotClean},
		{"/var/./log/x", PathNotClean},
		{"/var/log/", PathNotClean},
		// Kernel interfaces and devices.
		{"/proc/self/environ", PathPseudo},
		{"/proc/1/cmdline", PathPseudo},
		{"/proc", PathPseudo},
		{"/sys/kernel/debug/x", PathPseudo},
		{"/dev/mem", PathPseudo},
		{"/dev/stdin", PathPseudo},
		{"/p*/self/environ", PathPseudo},
		{"/*/kmsg", PathPseudo},
		{"/**/*.log", PathPseudo},
		{"/[dp]*/x", PathPseudo},
		// Secret files, named or globbed.
		{"/etc/shadow", PathSecret},
		{"/etc/gshadow", PathSecret},
		{"/etc/shadow-", PathSecret},
		{"/etc/sha*", PathSecret},
		{"/etc/*shadow", PathSecret},
		{"/etc/ssh/ssh_host_ed25519_key", PathSecret},
		{"/etc/ssh/ssh_host_*_key", PathSecret},
		{"/etc/ssh/*", PathSecret},
		{"/root/.ssh/id_rsa", PathSecret},
		{"/home/bob/.ssh/id_ed25519", PathSecret},
		{"/var/lib/jenkins/.ssh/deploy_key", PathSecret},
		{"/home/*/.ssh/*", PathSecret},
		{"/home/*/*/id_rsa", PathSecret},
		{"/root/.aws/credentials", PathSecret},
		{"/home/alice/.aws/credentials", PathSecret},
		{"/home/*/.aws/*", PathSecret},
		{"/root/*/credentials", PathSecret},
		{"/**/credentials", PathPseudo}, // ** also reaches /proc
		{"/root/**/credentials", PathSecret},
		// Key material outside a log directory.
		{"/etc/pki/tls/private/localhost.key", PathSecret},
		{"/etc/letsencrypt/live/example.com/privkey.pem", PathKeychain},
		{"/etc/ssl/private/*", PathSecret},
		{"/opt/app/conf/*.pem", PathKeychain},
		{"/opt/app/keystore.JKS", PathKeychain},
		{"/srv/app/*", PathSecret}, // could be a home's .pgpass
	} {
		if got := CheckLogPath(c.path); got != c.want {
			t.Errorf("CheckLogPath(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}

// Many "**" segments cost linear time, not exponential.
func TestCheckLogPathManyDoubleStars(t *testing.T) {
	p := "/var/log" + strings.Repeat("/**/a", 800)
	if got := CheckLogPath(p); got != PathOK {
		t.Errorf("got %q", got)
	}
}

func FuzzCheckLogPath(f *testing.F) {
	for _, s := range []string{"/var/log/x.log", "/etc/sha*", "/**/a/**/b", "/home/*/.ssh/id_rsa", "/proc", "/var//log", "/a/../b", "/x\x00", "/[", "/var/log/[a-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		pr := CheckLogPath(p)
		if pr != PathOK {
			return
		}
		// What is accepted is absolute, clean, bounded and printable, and
		// names none of the refused places.
		if !strings.HasPrefix(p, "/") || len(p) > MaxPathLen || strings.ContainsAny(p, "\x00\n\r\x1b") || filepath.Clean(p) != p {
			t.Fatalf("accepted %q", p)
		}
		for _, seg := range strings.Split(p, "/") {
			if seg == ".." {
				t.Fatalf("accepted %q with ..", p)
			}
		}
		for _, secret := range []string{"/etc/shadow", "/proc/self/environ", "/dev/mem", "/root/.ssh/id_rsa", "/root/.aws/credentials"} {
			if p == secret {
				t.Fatalf("accepted %q", p)
			}
		}
	})
}

func TestRedact(t *testing.T) {
	for _, c := range []struct{ in, secret string }{
		{"aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI"},
		{"aws_access_key_id=AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"},
		{"using key ASIAXXXXXXXXXXXXXXXX for s3", "ASIAXXXXXXXXXXXXXXXX"},
		{`{"password": "hunter2", "user": "bob"}`, "hunter2"},
		{"db_password: s3cr3t-value", "s3cr3t-value"},
		{"client_secret='abc def'", "abc def"},
		{"GET /api?token=eyJhbGciOiJIUzI1NiJ9.x.y HTTP/1.1", "eyJhbGciOiJIUzI1NiJ9"},
		{"Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig", "eyJhbGciOiJIUzI1NiJ9"},
		{"authorization: Basic dXNlcjpwYXNz", "dXNlcjpwYXNz"},
		{"curl -H 'X: y' bearer abc.def-ghi", "abc.def-ghi"},
		{"connect postgres://app:pa55w0rd@db:5432/x", "pa55w0rd"},
		{"-----BEGIN RSA PRIVATE KEY-----MIIEow", "MIIEow"},
		{"root:$6$rounds=5000$abcdefgh$Zk0lqQ3uJ8yV.Pq/abc:20000:0:99999:7:::", "Zk0lqQ3uJ8yV"},
		{"alice:$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7:19000::::::", "X3DX6M94c7o"},
		{"bob:$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW:19000::::::", "R9h/cIPz0gi"},
		{"svc:$1$saltsalt$qjXfR9Al5/Uqzl9LgVn8q0:19000::::::", "qjXfR9Al5"},
	} {
		got := Redact(c.in)
		if strings.Contains(got, c.secret) || !strings.Contains(got, Redacted) {
			t.Errorf("Redact(%q) = %q", c.in, got)
		}
	}
	for _, keep := range []string{
		`192.0.2.1 - - [24/Nov/2026:21:18:01 +0000] "GET / HTTP/1.1" 200 612`,
		"Nov 24 21:18:01 host sshd[1]: Failed password for root from 192.0.2.1 port 22 ssh2",
		"2026-11-24T21:18:01.123Z 0 [Note] token expired",
		"Nov 24 21:16:10 ip-10-0-1-23 sudo: ec2-user : TTY=pts/0 ; PWD=/home/ec2-user ; USER=root ; COMMAND=/bin/systemctl restart httpd",
	} {
		if got := Redact(keep); got != keep {
			t.Errorf("Redact changed an ordinary line: %q → %q", keep, got)
		}
	}
	lines := RedactLines([]string{"x", "-----BEGIN OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmU", "-----END OPENSSH PRIVATE KEY-----", "y"})
	if strings.Join(lines, "|") != "x|"+Redacted+"|"+Redacted+"|"+Redacted+"|y" {
		t.Errorf("RedactLines: %q", lines)
	}
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// An 8 GiB log (sparse: copytruncate leaves such holes) shows its last
// line, read from its end; the file is never read whole.
func TestTailLinesHugeSparseFile(t *testing.T) {
	r := mkroot(t)
	p := filepath.Join(r.Dir(), "var/log/huge.log")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	const size = 8 << 30
	last := "2026-11-24 21:18:01 the last line\n"
	if _, err := f.WriteAt([]byte(last), size); err != nil {
		f.Close()
		t.Skipf("no sparse 8 GiB file on this filesystem: %v", err)
	}
	f.Close()
	lines, err := r.TailLines("/var/log/huge.log")
	if err != nil || len(lines) != 1 || lines[0] != strings.TrimSuffix(last, "\n") {
		t.Fatalf("TailLines = %q, %v", lines, err)
	}
	// Lines before the window's first newline: the partial one is dropped.
	writeFile(t, p, strings.Repeat("x", TailBytes)+"\nfirst whole\nsecond whole\n")
	lines, err = r.TailLines("/var/log/huge.log")
	if err != nil || strings.Join(lines, "|") != "first whole|second whole" {
		t.Fatalf("TailLines = %q, %v", lines, err)
	}
	// A window starting exactly at a line keeps that line.
	writeFile(t, p, "old\n"+strings.Repeat("y", TailBytes-1)+"\n")
	lines, err = r.TailLines("/var/log/huge.log")
	if err != nil || len(lines) != 1 || len(lines[0]) != TailBytes-1 {
		t.Fatalf("TailLines: %d lines, %v", len(lines), err)
	}
}

// A FIFO or device where a log should be is "not a regular file", and
// opening it does not block.
func TestOpenLogNotRegular(t *testing.T) {
	r := mkroot(t)
	if err := syscall.Mkfifo(filepath.Join(r.Dir(), "var/log/fifo.log"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/var/log/fifo.log", "/var/log/httpd"} {
		_, err := r.TailLines(p)
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("%s: %v, want not a regular file", p, err)
		}
	}
}

// Secret files are refused by name and through a symlink from a log path.
func TestOpenLogRefusesSecrets(t *testing.T) {
	r := mkroot(t)
	writeFile(t, filepath.Join(r.Dir(), "etc/shadow"), "root:$6$secret:19000::::::\n")
	writeFile(t, filepath.Join(r.Dir(), "root/.aws/credentials"), "aws_secret_access_key = SECRET\n")
	if err := os.Symlink("/etc/shadow", filepath.Join(r.Dir(), "var/log/innocent.log")); err != nil {
		t.Fatal(err)
	}
	// A hard link has no target to check: a second name is refused.
	if err := os.Link(filepath.Join(r.Dir(), "etc/shadow"), filepath.Join(r.Dir(), "var/log/hard.log")); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/etc/shadow", "/root/.aws/credentials", "/var/log/innocent.log", "/var/log/hard.log", "/proc/self/environ"} {
		lines, err := r.TailLines(p)
		if !errors.Is(err, ErrRefused) || lines != nil {
			t.Errorf("%s: %q, %v; want refused", p, lines, err)
		}
	}
}

// config.json reached through a symlink that leaves the root is an error;
// links that stay inside are fine.
func TestContained(t *testing.T) {
	r := mkroot(t)
	outside := t.TempDir()
	writeFile(t, filepath.Join(outside, "config.json"), "{}")
	bin := filepath.Join(r.Dir(), "opt/aws/amazon-cloudwatch-agent/bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(filepath.Join(outside, "config.json"), filepath.Join(bin, "config.json")))
	must(os.Symlink(filepath.Join(outside, "nothing-yet"), filepath.Join(bin, "dangling.json")))
	must(os.Symlink("../../../../../../../../"+outside, filepath.Join(r.Dir(), "opt/out")))
	must(os.Symlink("bin", filepath.Join(r.Dir(), "opt/aws/amazon-cloudwatch-agent/b2")))
	for _, p := range []string{
		"/opt/aws/amazon-cloudwatch-agent/bin/config.json",
		"/opt/aws/amazon-cloudwatch-agent/bin/dangling.json",
		"/opt/out/config.json",
		"/opt/out/new.json",
	} {
		if _, err := r.Contained(p); !errors.Is(err, ErrOutsideRoot) {
			t.Errorf("Contained(%s) = %v, want outside the root", p, err)
		}
	}
	for _, p := range []string{"/opt/aws/amazon-cloudwatch-agent/b2/new.json", "/var/log/httpd/error_log", "/no/such/dir/x"} {
		lp, err := r.Contained(p)
		if err != nil || lp != r.Path(p) {
			t.Errorf("Contained(%s) = %q, %v", p, lp, err)
		}
	}
}
