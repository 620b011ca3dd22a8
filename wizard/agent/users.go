package agent

import (
	"bufio"
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// AgentUser is the user the agent's package creates and its default
// configs run the agent as.
const AgentUser = "cwagent"

// JournalGroup is the group whose members may read the whole journal.
const JournalGroup = "systemd-journal"

// Identity is a user as the root's own /etc/passwd and /etc/group have
// it. The ids are what the kernel compares, so they are what ACL entries
// and the readability proof use — on the live root and under --root
// alike: a mounted disk of another host gets that host's ids, not the ids
// this machine's name service would give the same name.
type Identity struct {
	Name   string `json:"name"`
	UID    int    `json:"uid"`
	GID    int    `json:"gid"`
	Groups []int  `json:"groups,omitempty"` // supplementary groups
}

// InGroup reports whether gid is the user's primary or a supplementary group.
func (id Identity) InGroup(gid int) bool { return id.GID == gid || slices.Contains(id.Groups, gid) }

// maxAccountFile bounds /etc/passwd and /etc/group as read here.
const maxAccountFile = 8 << 20

func readAccounts(r host.Root, p string) []byte {
	b, err := r.ReadFile(p)
	if err != nil || len(b) > maxAccountFile {
		return nil
	}
	return b
}

// fields yields the colon-separated fields of each non-comment line.
func accountLines(b []byte, each func(f []string) bool) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		l := sc.Text()
		if l == "" || l[0] == '#' {
			continue
		}
		if !each(strings.Split(l, ":")) {
			return
		}
	}
}

// LookupUser finds name in the root's /etc/passwd, with its
// supplementary groups from the root's /etc/group.
func LookupUser(r host.Root, name string) (Identity, bool) {
	var id Identity
	found := false
	accountLines(readAccounts(r, "/etc/passwd"), func(f []string) bool {
		if len(f) < 4 || f[0] != name {
			return true
		}
		uid, err1 := strconv.Atoi(f[2])
		gid, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil {
			return true
		}
		id, found = Identity{Name: name, UID: uid, GID: gid}, true
		return false
	})
	if !found {
		return Identity{}, false
	}
	accountLines(readAccounts(r, "/etc/group"), func(f []string) bool {
		if len(f) < 4 {
			return true
		}
		gid, err := strconv.Atoi(f[2])
		if err == nil && gid != id.GID && slices.Contains(strings.Split(f[3], ","), name) {
			id.Groups = append(id.Groups, gid)
		}
		return true
	})
	return id, true
}

// LookupGroup finds a group's id in the root's /etc/group.
func LookupGroup(r host.Root, name string) (int, bool) {
	gid, found := 0, false
	accountLines(readAccounts(r, "/etc/group"), func(f []string) bool {
		if len(f) < 3 || f[0] != name {
			return true
		}
		n, err := strconv.Atoi(f[2])
		if err == nil {
			gid, found = n, true
		}
		return !found
	})
	return gid, found
}

// nologinShell is the shell the agent's package gives its user: the first
// of these present on the host.
func nologinShell(r host.Root) string {
	for _, s := range []string{"/sbin/nologin", "/usr/sbin/nologin", "/bin/false"} {
		if r.Exists(s) {
			return s
		}
	}
	return "/bin/sh"
}

// CreateUserCommands create the agent's user the way its package's
// pre-install script does (a system group and a system user without a
// home directory or login shell). The group is left out when it exists.
// Under a foreign root the shadow tools work on its own files (--root:
// they chroot there), so the ids come from that host's own ranges.
func CreateUserCommands(r host.Root, name string) [][]string {
	var cmds [][]string
	if _, ok := LookupGroup(r, name); !ok {
		cmds = append(cmds, userTool(r, "groupadd", "-r", name))
	}
	return append(cmds, userTool(r, "useradd", "-r", "-M", "-d", "/home/"+name, "-g", name,
		"-c", "Cloudwatch Agent", "-s", nologinShell(r), name))
}

// userTool is a shadow-utils command (useradd, usermod, gpasswd, …) on
// the root's user database.
func userTool(r host.Root, tool string, args ...string) []string {
	argv := []string{tool}
	if !r.Live() {
		argv = append(argv, "--root", r.Dir())
	}
	return append(argv, args...)
}

// canCreateUsers: the root has a user database the shadow tools can
// change (a fixture without /etc/passwd is no host to add users to).
func canCreateUsers(r host.Root) bool {
	st, err := r.Stat("/etc/passwd")
	return err == nil && st.Mode().IsRegular()
}
