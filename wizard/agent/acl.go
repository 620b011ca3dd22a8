package agent

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// Why POSIX ACLs, set with setfacl and saved with getfacl: an ACL entry
// gives the agent's user read access to one file without changing its
// owner, group or mode bits, so every other reader of the file keeps
// exactly what it had, and a default ACL on the directory carries the
// grant to the files logrotate and the daemon create later. The tools
// (package acl, present on Amazon Linux, RHEL and Ubuntu) are used rather
// than writing the system.posix_acl_* xattrs ourselves: the plan shows the
// very commands an administrator would type and can undo by hand, and
// getfacl's text is the standard, exact backup that `setfacl --restore`
// puts back — entries, mask and default ACL, or no extended ACL at all.
// cwsetup reads the xattrs only to decide, without changing anything,
// what is missing and whether the filesystem supports ACLs at all.

// GrantKind says what one ACL grant is for.
type GrantKind string

const (
	GrantRead     GrantKind = "read"     // u:ID:r on a shipped file
	GrantList     GrantKind = "list"     // u:ID:rx on the directory of shipped files (globs, rotation)
	GrantTraverse GrantKind = "traverse" // u:ID:x on a directory on the way to them
	GrantDefault  GrantKind = "default"  // d:u:ID:r: files created there later are readable too
)

// Grant is one setfacl change on a host path.
type Grant struct {
	Kind  GrantKind `json:"kind"`
	Path  string    `json:"path"`  // host path (symlinks resolved)
	Entry string    `json:"entry"` // setfacl -m argument, e.g. "u:998:r,m::r"
}

// Argv is the setfacl command for the grant on local, the path on this machine.
func (g Grant) Argv(local string) []string {
	if g.Kind == GrantDefault {
		return []string{"setfacl", "-d", "-m", g.Entry, local}
	}
	return []string{"setfacl", "-m", g.Entry, local}
}

// AccessPlan is who the agent runs as and what that user is granted.
type AccessPlan struct {
	// Wanted is the config's agent.run_as_user ("" means the agent's
	// default, root).
	Wanted string `json:"wanted"`
	// User is who the agent will run as: Wanted, or root (Reason says why).
	User     string    `json:"user"`
	Identity *Identity `json:"identity,omitempty"`
	// CreateUser: the user is missing and is created as the agent's
	// package would (in the root's own user database).
	CreateUser bool `json:"create_user,omitempty"`
	// JoinGroup is a group the user joins (systemd-journal for journald sources).
	JoinGroup string  `json:"join_group,omitempty"`
	Grants    []Grant `json:"grants,omitempty"`
	// Files are the shipped files (globs resolved to the current files),
	// host paths; Dirs the directories the agent lists for them.
	Files []string `json:"files,omitempty"`
	Dirs  []string `json:"dirs,omitempty"`
	// Journal is one journal file the proof opens for journald sources
	// (readable through JoinGroup, not through an ACL cwsetup sets).
	Journal string `json:"journal,omitempty"`
	// Fallback: Wanted was another user and the agent runs as root.
	Fallback bool `json:"fallback"`
	// Reason says why the agent runs as root; nil when it does not.
	Reason *i18n.Error `json:"-"`
	// Refused: a shipped path is, or leads to, something that is no log
	// (a secret, a device, a FIFO); apply stops before changing anything
	// and the config is not written, whoever the agent runs as.
	Refused *i18n.Error `json:"-"`
	// ReasonText is Reason in English, for --json.
	ReasonText string `json:"reason,omitempty"`
}

// AsRoot reports whether the agent will run as root.
func (p *AccessPlan) AsRoot() bool { return p.User == "root" }

func (p *AccessPlan) fallBack(why *i18n.Error) {
	p.User, p.Fallback, p.Reason, p.ReasonText = "root", p.Wanted != "" && p.Wanted != "root", why, why.Error()
	p.Grants, p.CreateUser, p.JoinGroup = nil, false, ""
}

// RunAsUserOf reads agent.run_as_user from a config.
func RunAsUserOf(cfg []byte) string {
	var doc struct {
		Agent struct {
			RunAsUser string `json:"run_as_user"`
		} `json:"agent"`
	}
	json.Unmarshal(cfg, &doc)
	return doc.Agent.RunAsUser
}

// AccessOptions is the input of PlanAccess.
type AccessOptions struct {
	Root   host.Root
	Config []byte
	Runner Runner // nil: ExecRunner
	// AllowPaths are host directories outside /var/log where the user
	// allowed read grants (--allow-path).
	AllowPaths []string
}

// PlanAccess decides who the agent runs as and what its user must be
// granted to read every file the config ships. It changes nothing: the
// current access is read from the files' modes and ACL xattrs. The agent
// runs as root when the config asks for it, when the user does not exist
// and cannot be created, when setfacl is missing, or when a file to
// grant lies on a filesystem without ACL support.
func PlanAccess(o AccessOptions) AccessPlan {
	if o.Runner == nil {
		o.Runner = ExecRunner{}
	}
	p := AccessPlan{Wanted: RunAsUserOf(o.Config)}
	if srcs, err := SourcesOf(o.Config); err == nil {
		if why := refusedSource(o.Root, srcs); why != nil {
			p.fallBack(why)
			p.Refused = why
			return p
		}
	}
	if p.Wanted == "" || p.Wanted == "root" {
		p.fallBack(i18n.Errorf(i18n.AccessWhyRequested, p.Wanted))
		return p
	}
	p.User = p.Wanted
	srcs, err := SourcesOf(o.Config)
	if err != nil {
		p.fallBack(i18n.Errorf(i18n.AccessWhyConfig, err))
		return p
	}
	id, ok := LookupUser(o.Root, p.Wanted)
	switch {
	case ok:
	case p.Wanted == AgentUser && canCreateUsers(o.Root):
		p.CreateUser = true
		id = Identity{Name: p.Wanted, UID: -1, GID: -1}
	case !o.Root.Live():
		p.fallBack(i18n.Errorf(i18n.AccessWhyNoUserRoot, p.Wanted, o.Root.Path("/etc/passwd")))
		return p
	default:
		p.fallBack(i18n.Errorf(i18n.AccessWhyNoUser, p.Wanted))
		return p
	}
	if !p.CreateUser {
		p.Identity = &id
	}

	n := needs{root: o.Root, id: id, allow: o.AllowPaths, access: map[string]uint16{}, deflt: map[string]bool{},
		files: map[string]bool{}, real: map[string]bool{}, seen: map[string]bool{}}
	journal := false
	for _, s := range srcs {
		if s.Journald {
			journal = true
			continue
		}
		n.source(s.FilePath, &p)
	}
	if journal {
		if gid, ok := LookupGroup(o.Root, JournalGroup); ok && !id.InGroup(gid) {
			p.JoinGroup = JournalGroup
		}
		p.Journal = journalFile(o.Root)
	}
	grants, why := n.grants()
	if why != nil {
		p.fallBack(why)
		return p
	}
	p.Grants = grants
	for _, g := range p.Grants {
		if !aclSupported(o.Root.Path(g.Path)) {
			p.fallBack(i18n.Errorf(i18n.AccessWhyNoACL, g.Path))
			return p
		}
	}
	if len(p.Grants) > 0 && (!o.Runner.Available("setfacl") || !o.Runner.Available("getfacl")) {
		p.fallBack(i18n.Errorf(i18n.AccessWhyNoTool))
		return p
	}
	return p
}

type needs struct {
	root   host.Root
	id     Identity
	access map[string]uint16 // host path → permission bits to add for the user
	deflt  map[string]bool   // directories that get d:u:ID:r
	files  map[string]bool   // shipped files as the config names them
	real   map[string]bool   // the same, symlinks resolved
	seen   map[string]bool   // directories listed in the plan
	allow  []string          // directories outside /var/log the user allowed
}

const (
	permR = 4
	permX = 1
)

func (n *needs) source(pattern string, p *AccessPlan) {
	matches, _ := n.root.Glob(pattern)
	found := false
	for _, m := range matches {
		st, err := n.root.Stat(m)
		if err != nil || !st.Mode().IsRegular() {
			continue
		}
		found = true
		real, err := n.root.Resolve(m)
		if err != nil {
			continue
		}
		n.real[real] = true
		if !n.files[m] {
			n.files[m] = true
			p.Files = append(p.Files, m)
		}
		// The agent opens the path as written: every directory on the way
		// to the link and to its target must let it through.
		n.traverse(path.Dir(m))
		n.traverse(path.Dir(real))
		dir := path.Dir(real)
		n.dir(dir, p)
		if !n.allows(real, permR) {
			n.access[real] |= permR
			n.wantDefault(dir)
		}
	}
	if found || hasMeta(path.Dir(pattern)) {
		return
	}
	// No file yet: the daemon creates it later in a directory that exists.
	dir, err := n.root.Resolve(path.Dir(pattern))
	if err != nil {
		return
	}
	if st, err := n.root.Stat(dir); err != nil || !st.IsDir() {
		return
	}
	n.traverse(dir)
	n.dir(dir, p)
	n.wantDefault(dir)
}

func (n *needs) dir(dir string, p *AccessPlan) {
	if !n.seen[dir] {
		n.seen[dir] = true
		p.Dirs = append(p.Dirs, dir)
	}
	if !n.allows(dir, permR|permX) {
		n.access[dir] |= permR | permX
	}
}

// traverse asks for x on dir and every directory above it.
func (n *needs) traverse(dir string) {
	for d := dir; ; d = path.Dir(d) {
		if !n.allows(d, permX) {
			n.access[d] |= permX
		}
		if d == "/" {
			return
		}
	}
}

func (n *needs) wantDefault(dir string) {
	if dir == "/var/log" {
		// Never: it would open every future group-readable file there.
		return
	}
	local := n.root.Path(dir)
	if a, err := readACL(local, xattrDefault); err == nil && a != nil {
		if e, ok := a.named(aclUser, n.id.UID); ok && e&permR != 0 && n.id.UID >= 0 {
			return
		}
	}
	n.deflt[dir] = true
}

// allows evaluates the user's access to a host path from its mode and
// access ACL, as the kernel does (acl(5), "ACCESS CHECK ALGORITHM").
func (n *needs) allows(p string, want uint16) bool {
	local := n.root.Path(p)
	var st syscall.Stat_t
	if err := syscall.Stat(local, &st); err != nil {
		return true // nothing there to grant on
	}
	a, _ := readACL(local, xattrAccess)
	return evalAccess(st, a, n.id, want)
}

func evalAccess(st syscall.Stat_t, a *acl, id Identity, want uint16) bool {
	mode := uint16(st.Mode & 0o777)
	ok := func(perm uint16) bool { return perm&want == want }
	if id.UID >= 0 && st.Uid == uint32(id.UID) {
		return ok(mode >> 6)
	}
	if a == nil {
		if id.GID >= 0 && id.InGroup(int(st.Gid)) {
			return ok(mode >> 3 & 7)
		}
		return ok(mode & 7)
	}
	mask, hasMask := a.get(aclMask, 0)
	masked := func(perm uint16) uint16 {
		if hasMask {
			return perm & mask
		}
		return perm
	}
	if e, found := a.named(aclUser, id.UID); found && id.UID >= 0 {
		return ok(masked(e))
	}
	matched := false
	for _, e := range a.entries {
		var hit bool
		switch e.tag {
		case aclGroupObj:
			hit = id.GID >= 0 && id.InGroup(int(st.Gid))
		case aclGroup:
			hit = id.GID >= 0 && id.InGroup(int(e.id))
		}
		if hit {
			matched = true
			if ok(masked(e.perm)) {
				return true
			}
		}
	}
	if matched {
		return false
	}
	return ok(mode & 7)
}

// grants turns the needs into setfacl changes, directories before files.
// An entry the user already has is widened, never narrowed, and the mask
// is given explicitly (old mask plus the new bits) so setfacl does not
// recompute it from every entry and widen other users' effective rights.
func (n *needs) grants() ([]Grant, *i18n.Error) {
	var out []Grant
	paths := make([]string, 0, len(n.access))
	for p := range n.access {
		paths = append(paths, p)
	}
	sort.Slice(paths, func(i, j int) bool { return less(paths[i], paths[j], n.real) })
	who := strconv.Itoa(n.id.UID)
	if n.id.UID < 0 {
		who = n.id.Name // the user is created first; setfacl resolves the name
	}
	for _, p := range paths {
		local := n.root.Path(p)
		perm := n.access[p]
		if why := n.allowed(p, perm); why != nil {
			return nil, why
		}
		var st syscall.Stat_t
		syscall.Stat(local, &st)
		a, _ := readACL(local, xattrAccess)
		mask := uint16(st.Mode>>3) & 7 // group bits: the mask, or the group entry without an ACL
		if a != nil {
			if e, ok := a.named(aclUser, n.id.UID); ok && n.id.UID >= 0 {
				perm |= e
			}
			if m, ok := a.get(aclMask, 0); ok {
				mask = m
			}
		}
		pin := ""
		if a != nil {
			if g, ok := a.get(aclGroupObj, 0); ok && g&(mask|perm) != g&mask {
				// The owning group's entry is wider than the mask lets it
				// be, as in a file created under a default ACL with mode
				// 600 (logrotate's `create 600 mysql mysql`): the entry is
				// set to what the group has now, so raising the mask gives
				// it nothing.
				pin = ",g::" + permText(g&mask)
				a = a.without(aclGroupObj)
			}
			if who := widened(a, n.id.UID, mask, mask|perm); who != "" {
				return nil, i18n.Errorf(i18n.AccessWhyWidensOthers, p, who)
			}
		}
		mask |= perm
		kind := GrantRead
		switch {
		case n.real[p] || st.Mode&syscall.S_IFMT == syscall.S_IFREG:
		case perm&permR != 0:
			kind = GrantList
		default:
			kind = GrantTraverse
		}
		out = append(out, Grant{Kind: kind, Path: p, Entry: fmt.Sprintf("u:%s:%s%s,m::%s", who, permText(perm), pin, permText(mask))})
	}
	dirs := make([]string, 0, len(n.deflt))
	for d := range n.deflt {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		// Without a default ACL yet, setfacl builds one from the directory's
		// mode: its group bits are the default group entry.
		local := n.root.Path(d)
		var st syscall.Stat_t
		syscall.Stat(local, &st)
		mask := uint16(st.Mode>>3) & 7
		if a, _ := readACL(local, xattrAccess); a != nil {
			if g, ok := a.get(aclGroupObj, 0); ok {
				mask = g
			}
		}
		if a, _ := readACL(local, xattrDefault); a != nil {
			if m, ok := a.get(aclMask, 0); ok {
				mask = m
			}
		}
		out = append(out, Grant{Kind: GrantDefault, Path: d, Entry: fmt.Sprintf("u:%s:r,m::%s", who, permText(mask|permR))})
	}
	return out, nil
}

// widened names the first other principal of an ACL (a named user or
// group, or the owning group) whose effective rights a mask change from
// old to new would raise; "" when none.
func widened(a *acl, self int, old, new uint16) string {
	for _, e := range a.entries {
		if e.perm&new == e.perm&old {
			continue
		}
		switch e.tag {
		case aclUser:
			if self < 0 || e.id != uint32(self) {
				return fmt.Sprintf("user %d", e.id)
			}
		case aclGroup:
			return fmt.Sprintf("group %d", e.id)
		case aclGroupObj:
			return "the owning group"
		}
	}
	return ""
}

// allowed says whether cwsetup may grant perm on a host path: under
// /var/log or a directory the user allowed, or x on a directory above
// one; never in a home, /root, /etc or a dot-directory.
func (n *needs) allowed(p string, perm uint16) *i18n.Error {
	if privatePath(p) {
		return i18n.Errorf(i18n.AccessWhyPrivateDir, p)
	}
	for _, a := range append([]string{"/var/log"}, n.allow...) {
		a = path.Clean(a)
		if under(p, a) || perm == permX && under(a, p) {
			return nil
		}
	}
	return i18n.Errorf(i18n.AccessWhyNotLogDir, p)
}

// under reports whether p is dir or inside it.
func under(p, dir string) bool {
	return p == dir || dir == "/" || strings.HasPrefix(p, dir+"/")
}

// privatePath: a home (/home/<user> and below), /root, /etc, or any path
// through a dot-directory (~/.aws, /srv/x/.config).
func privatePath(p string) bool {
	segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
	switch {
	case segs[0] == "root" || segs[0] == "etc":
		return true
	case segs[0] == "home" && len(segs) > 1:
		return true
	}
	for _, s := range segs[:len(segs)-1] {
		if strings.HasPrefix(s, ".") {
			return true
		}
	}
	return false
}

// refusedSource checks what every current match of every source really
// is: a link must lead to a path cwsetup accepts, and the file must be a
// regular file with one name (a hard link is another name of a file that
// may be a secret; its text cannot tell). The first refusal, nil when none.
func refusedSource(r host.Root, srcs []LogSource) *i18n.Error {
	for _, s := range srcs {
		if s.Journald {
			continue
		}
		matches, _ := r.Glob(s.FilePath)
		for _, m := range matches {
			real, err := r.Resolve(m)
			if err != nil {
				continue
			}
			if real != m && host.CheckLogPath(real) != host.PathOK {
				return i18n.Errorf(i18n.AccessErrRefused, m, i18n.Errorf(i18n.AccessWhyRefusedLink, real))
			}
			st, err := os.Lstat(r.Path(real))
			if err != nil {
				continue
			}
			if !st.Mode().IsRegular() && !(st.IsDir() && hasMeta(s.FilePath)) {
				return i18n.Errorf(i18n.AccessErrRefused, m, i18n.Errorf(i18n.AccessWhyNotRegular, real))
			}
			if sys, ok := st.Sys().(*syscall.Stat_t); ok && st.Mode().IsRegular() && sys.Nlink > 1 {
				return i18n.Errorf(i18n.AccessErrRefused, m, i18n.Errorf(i18n.AccessWhyHardLink, real, sys.Nlink))
			}
		}
	}
	return nil
}

// journalFile is a journal the proof can open: the newest-named system
// journal, persistent or volatile; "" when there is none.
func journalFile(r host.Root) string {
	for _, dir := range []string{"/var/log/journal", "/run/log/journal"} {
		matches, _ := r.Glob(dir + "/*/system*.journal")
		if len(matches) > 0 {
			return matches[len(matches)-1]
		}
	}
	return ""
}

func hasMeta(p string) bool { return strings.ContainsAny(p, `*?[\`) }

// less orders directories (shallow first) before files.
func less(a, b string, files map[string]bool) bool {
	if files[a] != files[b] {
		return !files[a]
	}
	return a < b
}

func permText(p uint16) string {
	s := ""
	if p&4 != 0 {
		s += "r"
	}
	if p&2 != 0 {
		s += "w"
	}
	if p&1 != 0 {
		s += "x"
	}
	if s == "" {
		return "-"
	}
	return s
}

// The kernel's POSIX ACL xattr format (include/uapi/linux/posix_acl_xattr.h).
const (
	xattrAccess  = "system.posix_acl_access"
	xattrDefault = "system.posix_acl_default"

	aclUserObj  = 0x01
	aclUser     = 0x02
	aclGroupObj = 0x04
	aclGroup    = 0x08
	aclMask     = 0x10
	aclOther    = 0x20
)

type aclEntry struct {
	tag, perm uint16
	id        uint32
}

type acl struct{ entries []aclEntry }

func (a *acl) get(tag uint16, id uint32) (uint16, bool) {
	for _, e := range a.entries {
		if e.tag == tag && (tag != aclUser && tag != aclGroup || e.id == id) {
			return e.perm, true
		}
	}
	return 0, false
}

// without is a copy of a with no entry of tag.
func (a *acl) without(tag uint16) *acl {
	b := &acl{}
	for _, e := range a.entries {
		if e.tag != tag {
			b.entries = append(b.entries, e)
		}
	}
	return b
}

func (a *acl) named(tag uint16, id int) (uint16, bool) {
	if id < 0 {
		return 0, false
	}
	return a.get(tag, uint32(id))
}

// readACL reads an ACL xattr; nil without error when the file has none.
func readACL(local, name string) (*acl, error) {
	buf := make([]byte, 1024)
	for {
		sz, err := syscall.Getxattr(local, name, buf)
		if errors.Is(err, syscall.ERANGE) && len(buf) < 1<<16 {
			buf = make([]byte, len(buf)*4)
			continue
		}
		if errors.Is(err, syscall.ENODATA) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		return parseACL(buf[:sz])
	}
}

func parseACL(b []byte) (*acl, error) {
	if len(b) < 4 || binary.LittleEndian.Uint32(b) != 2 || (len(b)-4)%8 != 0 {
		return nil, errors.New("malformed ACL xattr")
	}
	a := &acl{}
	for i := 4; i < len(b); i += 8 {
		a.entries = append(a.entries, aclEntry{
			tag:  binary.LittleEndian.Uint16(b[i:]),
			perm: binary.LittleEndian.Uint16(b[i+2:]),
			id:   binary.LittleEndian.Uint32(b[i+4:]),
		})
	}
	return a, nil
}

// aclSupported reports whether the filesystem of local stores ACLs: on
// one without, reading the xattr fails with EOPNOTSUPP instead of ENODATA.
func aclSupported(local string) bool {
	_, err := syscall.Getxattr(local, xattrAccess, make([]byte, 256))
	return !errors.Is(err, syscall.EOPNOTSUPP)
}
