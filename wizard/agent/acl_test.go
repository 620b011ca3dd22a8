package agent

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// These tests set real ACLs with the acl package's setfacl/getfacl
// (scripts/peers.d/acl.sh) on this machine's own filesystem under a temp
// root, for a real cwagent user created with the agent package's own
// useradd conventions, and check every claim by opening the files as that
// uid with setpriv(1) — not through cwsetup's own helper.

func needACLPeers(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		testpeer.Missing(t, "ACL tests need root (setfacl on files of other owners, setuid for the proof)")
	}
	for _, tool := range []string{"setfacl", "getfacl", "setpriv", "useradd", "userdel"} {
		if _, err := exec.LookPath(tool); err != nil {
			testpeer.Missing(t, tool+" not installed (scripts/peers.d/acl.sh installs the acl package)")
		}
	}
}

// realAgentUser makes sure a cwagent user exists on this machine for the
// test, creating it with CreateUserCommands (the agent package's
// conventions) and removing it afterwards; a cwagent that was there
// before is used and left alone.
func realAgentUser(t *testing.T) Identity {
	t.Helper()
	testpeer.AgentUserLock(t)
	live, _ := host.Open("/")
	if id, ok := LookupUser(live, AgentUser); ok {
		t.Logf("using the existing user %s (uid %d)", AgentUser, id.UID)
		return id
	}
	run := ExecRunner{}
	for _, c := range CreateUserCommands(live, AgentUser) {
		if _, err := run.Run(c, nil); err != nil {
			t.Fatalf("creating %s: %v", AgentUser, err)
		}
	}
	t.Cleanup(func() {
		run.Run([]string{"userdel", AgentUser}, nil)
		if _, ok := LookupGroup(live, AgentUser); ok {
			run.Run([]string{"groupdel", AgentUser}, nil)
		}
		if _, ok := LookupUser(live, AgentUser); ok {
			t.Errorf("user %s left behind", AgentUser)
		}
	})
	id, ok := LookupUser(live, AgentUser)
	if !ok {
		t.Fatalf("useradd did not create %s", AgentUser)
	}
	return id
}

const aclConfig = `{
  "agent": {
    "run_as_user": "cwagent"
  },
  "logs": {
    "logs_collected": {
      "files": {
        "collect_list": [
          {"file_path": "/var/log/secure", "log_group_name": "/ec2/system/secure"},
          {"file_path": "/var/log/syslog", "log_group_name": "/ec2/system/syslog"},
          {"file_path": "/var/log/nginx/*.log", "log_group_name": "/ec2/nginx/all"},
          {"file_path": "/var/log/app/current.log", "log_group_name": "/ec2/app/current"}
        ]
      }
    }
  }
}
`

var aclRootConfig = strings.Replace(aclConfig, `"run_as_user": "cwagent"`, `"run_as_user": "root"`, 1)

// aclFixture is a host root (standing for a mounted disk: traversable
// from /) with logs as a RHEL/Debian host has them: secure 0600,
// syslog 0640, nginx's directory 0750 and an app directory where the log
// does not exist yet. Its /etc/passwd gives cwagent the real user's ids
// (no cwagent at all for an id with UID -1).
func aclFixture(t *testing.T, id Identity) (host.Root, Home, []string) {
	t.Helper()
	r, h := fixtureRoot(t, true)
	dir := r.Dir()
	for d := dir; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		os.Chmod(d, 0o755) // t.TempDir()'s directories are 0700
	}
	files := map[string]os.FileMode{
		"var/log/secure":           0o600,
		"var/log/syslog":           0o640,
		"var/log/nginx/access.log": 0o640,
		"var/log/nginx/error.log":  0o600,
	}
	for _, d := range []string{"etc", "var/log/nginx", "var/log/app"} {
		os.MkdirAll(filepath.Join(dir, d), 0o755)
	}
	os.Chmod(filepath.Join(dir, "var/log/nginx"), 0o750)
	os.Chmod(filepath.Join(dir, "var/log/app"), 0o700)
	for f, m := range files {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("2026-11-25T08:00:00 line of "+f+"\n"), m); err != nil {
			t.Fatal(err)
		}
		os.Chmod(filepath.Join(dir, f), m)
	}
	passwd := "root:x:0:0:root:/root:/bin/bash\n"
	group := "root:x:0:\nadm:x:4:\nsystemd-journal:x:190:\n"
	if id.UID >= 0 {
		passwd += fmt.Sprintf("%s:x:%d:%d:Cloudwatch Agent:/home/cwagent:/sbin/nologin\n", id.Name, id.UID, id.GID)
		group += fmt.Sprintf("%s:x:%d:\n", id.Name, id.GID)
	}
	os.WriteFile(filepath.Join(dir, "etc/passwd"), []byte(passwd), 0o644)
	os.WriteFile(filepath.Join(dir, "etc/group"), []byte(group), 0o644)
	os.WriteFile(filepath.Join(dir, "etc/shadow"), []byte("root:*:20000:0:99999:7:::\n"), 0o600)
	gshadow := "root:*::\nadm:*::\nsystemd-journal:!::\n"
	if id.UID >= 0 {
		gshadow += id.Name + ":!::\n"
	}
	os.WriteFile(filepath.Join(dir, "etc/gshadow"), []byte(gshadow), 0o600)
	watched := []string{"", "var", "var/log", "var/log/secure", "var/log/syslog", "var/log/nginx",
		"var/log/nginx/access.log", "var/log/nginx/error.log", "var/log/app"}
	for i, w := range watched {
		watched[i] = filepath.Join(dir, w)
	}
	return r, h, watched
}

// getfacls is getfacl's exact text for each path.
func getfacls(t *testing.T, paths []string) string {
	t.Helper()
	out, err := exec.Command("getfacl", append([]string{"-n", "-p"}, paths...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("getfacl: %v %s", err, out)
	}
	return string(out)
}

// readableAs opens local as id with setpriv (independent of cwsetup).
func readableAs(id Identity, local string) error {
	out, err := exec.Command("setpriv", fmt.Sprintf("--reuid=%d", id.UID), fmt.Sprintf("--regid=%d", id.GID),
		"--clear-groups", "head", "-c", "1", local).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%v: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}

func applyACL(t *testing.T, r host.Root, mod ...func(*ApplyOptions)) (*ApplyResult, []Event, error) {
	t.Helper()
	return apply(t, r, aclConfig, append([]func(*ApplyOptions){func(o *ApplyOptions) { o.RootConfig = []byte(aclRootConfig) }}, mod...)...)
}

func TestApplyGrantsAgentUserReadAccess(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, h, _ := aclFixture(t, id)
	for _, f := range []string{"var/log/secure", "var/log/nginx/access.log"} {
		if err := readableAs(id, filepath.Join(r.Dir(), f)); err == nil {
			t.Fatalf("fixture broken: %s readable as cwagent before apply", f)
		}
	}
	res, evs, err := applyACL(t, r)
	if err != nil {
		t.Fatal(err)
	}
	acc := res.Access
	if acc == nil || acc.User != AgentUser || acc.Fallback || acc.Identity == nil || acc.Identity.UID != id.UID {
		t.Fatalf("access plan %+v", acc)
	}
	if got, _ := os.ReadFile(h.Config()); string(got) != aclConfig {
		t.Fatalf("written config is not the cwagent one:\n%s", got)
	}
	wantFiles := []string{"/var/log/secure", "/var/log/syslog", "/var/log/nginx/access.log", "/var/log/nginx/error.log"}
	if !slices.Equal(acc.Files, wantFiles) {
		t.Errorf("files %v, want %v", acc.Files, wantFiles)
	}
	for _, f := range wantFiles {
		if err := readableAs(id, r.Path(f)); err != nil {
			t.Errorf("%s not readable as cwagent after apply: %v", f, err)
		}
	}
	// Exactly what is needed: the root's directories are world-searchable
	// here (0755), so only nginx's and the app's directories and the files
	// get entries, plus default ACLs where logs get created (never on
	// /var/log itself: it would open every future file there).
	var got []string
	for _, g := range acc.Grants {
		got = append(got, string(g.Kind)+" "+g.Path+" "+g.Entry)
	}
	u := fmt.Sprint(id.UID)
	want := []string{
		"list /var/log/app u:" + u + ":rx,m::rx",
		"list /var/log/nginx u:" + u + ":rx,m::rx",
		"read /var/log/nginx/access.log u:" + u + ":r,m::r",
		"read /var/log/nginx/error.log u:" + u + ":r,m::r",
		"read /var/log/secure u:" + u + ":r,m::r",
		"read /var/log/syslog u:" + u + ":r,m::r",
		"default /var/log/app u:" + u + ":r,m::r",
		"default /var/log/nginx u:" + u + ":r,m::rx",
	}
	if !slices.Equal(got, want) {
		t.Errorf("grants\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(res.Readable) != 7 {
		t.Errorf("proof covered %d paths, want 4 files + 3 directories: %+v", len(res.Readable), res.Readable)
	}
	// The group keeps exactly its old rights: mode bits other than the
	// group class (now the mask) are unchanged.
	if st, _ := os.Stat(r.Path("/var/log/secure")); st.Mode().Perm()&0o707 != 0o600 {
		t.Errorf("secure mode %v", st.Mode())
	}
	proven := false
	for _, e := range evs {
		if e.Kind == EvDone && e.Msg != nil && e.Msg.Key == i18n.ApplyAccessProven {
			proven = true
		}
	}
	if !proven {
		t.Error("no proof event")
	}

	// logrotate: the old file moves away, a new one is created (0640, as
	// "create 0640 root adm" does); the daemon's app log appears too. Both
	// are readable through the directories' default ACLs.
	nginx := r.Path("/var/log/nginx")
	if err := os.Rename(filepath.Join(nginx, "access.log"), filepath.Join(nginx, "access.log.1")); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{filepath.Join(nginx, "access.log"), r.Path("/var/log/app/current.log")} {
		if err := os.WriteFile(f, []byte("new line\n"), 0o640); err != nil {
			t.Fatal(err)
		}
		if err := readableAs(id, f); err != nil {
			t.Errorf("%s created after apply is not readable as cwagent: %v", f, err)
		}
	}
	if err := readableAs(id, filepath.Join(nginx, "access.log.1")); err != nil {
		t.Errorf("rotated file lost its grant: %v", err)
	}

	// verify reports the user and each file, proven as that user.
	vr, _ := Verify(context.Background(), VerifyOptions{Root: r, Wait: time.Millisecond, Poll: time.Millisecond})
	if vr.AgentUser == nil || vr.AgentUser.User != AgentUser || vr.AgentUser.Identity == nil {
		t.Fatalf("verify agent user %+v", vr.AgentUser)
	}
	readable := 0
	for _, f := range vr.AgentUser.Files {
		if !f.Readable {
			t.Errorf("verify: %s not readable: %s", f.Path, f.Error)
		}
		readable++
	}
	if readable != 8 { // the app log exists now
		t.Errorf("verify checked %d paths: %+v", readable, vr.AgentUser.Files)
	}

	// A second apply with the same config grants nothing new.
	res2, _, err := applyACL(t, r)
	if err != nil || !res2.Unchanged {
		t.Fatalf("second apply: %v %+v", err, res2)
	}
	for _, g := range res2.Access.Grants {
		t.Errorf("second apply grants again: %+v", g)
	}
}

func TestApplyRollbackRestoresACLsExactly(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, h, watched := aclFixture(t, id)
	// One file has an ACL of its own already: it must come back as it was.
	if out, err := exec.Command("setfacl", "-m", "u:65534:rw", r.Path("/var/log/syslog")).CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	before := getfacls(t, watched)
	t.Setenv("CWSETUP_FAKECTL_FAIL", "second-phase")
	res, _, err := applyACL(t, r)
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.Key != i18n.ApplyErrFetchFailed {
		t.Fatalf("err %v", err)
	}
	if len(res.Access.Grants) == 0 || !res.AccessUndone || res.AccessUndoErr != nil {
		t.Fatalf("grants %d undone %v %v", len(res.Access.Grants), res.AccessUndone, res.AccessUndoErr)
	}
	if after := getfacls(t, watched); after != before {
		t.Fatalf("ACLs after rollback differ:\n%s\n--- before:\n%s", after, before)
	}
	if got, _ := os.ReadFile(h.Config()); string(got) != oldConfig {
		t.Fatalf("config not restored")
	}
	if err := readableAs(id, r.Path("/var/log/secure")); err == nil {
		t.Error("secure still readable as cwagent after the rollback")
	}
}

// TestApplyInterruptUndoesGrants: SIGINT during fetch-config (the context
// cancelled) restores the config and the ACLs.
func TestApplyInterruptUndoesGrants(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, h, watched := aclFixture(t, id)
	before := getfacls(t, watched)
	t.Setenv("CWSETUP_FAKECTL_DELAY", "700ms")
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		started := h.Local(HomeDir + "/var/fetch.started")
		for i := 0; i < 1000; i++ {
			if _, err := os.Stat(started); err == nil {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
	}()
	res, err := Apply(ctx, ApplyOptions{Root: r, Report: debianReport(), Config: []byte(aclConfig), RootConfig: []byte(aclRootConfig)})
	if !errors.Is(err, ErrInterrupted) || !res.AccessUndone {
		t.Fatalf("err %v undone %v", err, res.AccessUndone)
	}
	if after := getfacls(t, watched); after != before {
		t.Fatalf("ACLs after the interrupt differ:\n%s\n--- before:\n%s", after, before)
	}
}

// unsupportedRunner is a host whose filesystem refuses ACLs on one path
// the way setfacl reports it; everything else really runs.
type unsupportedRunner struct {
	ExecRunner
	path string
}

func (u unsupportedRunner) Run(argv []string, stdin []byte) ([]byte, error) {
	target := argv[len(argv)-1]
	if strings.HasPrefix(target, "/proc/") { // grants go through a descriptor
		target, _ = os.Readlink(target)
	}
	if argv[0] == "setfacl" && target == u.path {
		return nil, &CommandError{Argv: argv, Exit: 1, Stderr: "setfacl: " + u.path + ": Operation not supported\n"}
	}
	return u.ExecRunner.Run(argv, stdin)
}

// TestApplyFallsBackToRootWithoutACLs: setfacl failing with EOPNOTSUPP on
// the last file (after others were granted) undoes those grants, writes
// the root config and says why.
func TestApplyFallsBackToRootWithoutACLs(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, h, watched := aclFixture(t, id)
	before := getfacls(t, watched)
	res, evs, err := applyACL(t, r, func(o *ApplyOptions) {
		o.Runner = unsupportedRunner{path: r.Path("/var/log/syslog")}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Access.Fallback || res.Access.User != "root" || res.Access.Reason.Key != i18n.AccessWhyNoACL {
		t.Fatalf("access %+v", res.Access)
	}
	if got, _ := os.ReadFile(h.Config()); string(got) != aclRootConfig {
		t.Fatalf("written config does not run as root:\n%s", got)
	}
	if after := getfacls(t, watched); after != before {
		t.Fatalf("grants made before the failure were not undone:\n%s\n--- before:\n%s", after, before)
	}
	shown := false
	for _, e := range evs {
		if e.Kind == EvNote && e.Msg != nil && e.Msg.Key == i18n.ApplyAgentAsRoot {
			for _, lang := range []i18n.Lang{i18n.EN, i18n.KO} {
				s := i18n.New(lang).Error(e.Msg)
				if !strings.Contains(s, "/var/log/syslog") || strings.Contains(s, "!") {
					t.Errorf("reason %q", s)
				}
			}
			shown = true
		}
	}
	if !shown {
		t.Error("the reason for root was not shown")
	}
}

// TestPlanAccessRamfsHasNoACLs: a real filesystem without ACL support
// (ramfs, mounted here when this machine allows it) is found before
// anything changes.
func TestPlanAccessRamfsHasNoACLs(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, _, _ := aclFixture(t, id)
	mnt := r.Path("/var/log/nginx")
	if out, err := exec.Command("mount", "-t", "ramfs", "ramfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount ramfs here (%v %s); the runner-level EOPNOTSUPP test covers the fallback", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	os.Chmod(mnt, 0o750)
	os.WriteFile(filepath.Join(mnt, "access.log"), []byte("x\n"), 0o640)
	p := PlanAccess(AccessOptions{Root: r, Config: []byte(aclConfig)})
	if !p.Fallback || p.Reason == nil || p.Reason.Key != i18n.AccessWhyNoACL || len(p.Grants) != 0 {
		t.Fatalf("plan %+v", p)
	}
	if !strings.Contains(p.ReasonText, "/var/log/nginx") {
		t.Errorf("reason %q", p.ReasonText)
	}
}

func TestApplyDryRunListsGrants(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, _, watched := aclFixture(t, id)
	before := getfacls(t, watched)
	res, evs, err := applyACL(t, r, func(o *ApplyOptions) { o.DryRun = true })
	if err != nil {
		t.Fatal(err)
	}
	if after := getfacls(t, watched); after != before {
		t.Fatal("dry run changed ACLs")
	}
	var planned []string
	for _, e := range evs {
		if e.Kind == EvCommand {
			t.Errorf("dry run ran %v", e.Argv)
		}
		if e.Kind == EvPlanned && e.Step == StepAccess && e.Argv != nil {
			planned = append(planned, strings.Join(e.Argv, " "))
		}
	}
	if len(planned) != len(res.Access.Grants) || len(planned) == 0 {
		t.Fatalf("planned %v for %d grants", planned, len(res.Access.Grants))
	}
	want := fmt.Sprintf("setfacl -m u:%d:r,m::r %s", id.UID, r.Path("/var/log/secure"))
	if !slices.Contains(planned, want) {
		t.Errorf("%q not in %v", want, planned)
	}
}

func TestPlanAccessRootOnRequest(t *testing.T) {
	r, _ := fixtureRoot(t, false)
	p := PlanAccess(AccessOptions{Root: r, Config: []byte(aclRootConfig)})
	if p.User != "root" || p.Fallback || p.Reason == nil || p.Reason.Key != i18n.AccessWhyRequested || len(p.Grants) != 0 {
		t.Fatalf("%+v", p)
	}
	// A foreign root without the user: root, and why.
	p = PlanAccess(AccessOptions{Root: r, Config: []byte(aclConfig)})
	if p.User != "root" || !p.Fallback || p.Reason.Key != i18n.AccessWhyNoUserRoot {
		t.Fatalf("%+v", p)
	}
}

func TestEvalAccess(t *testing.T) {
	id := Identity{Name: "cwagent", UID: 998, GID: 997, Groups: []int{4}}
	st := func(mode uint32, uid, gid uint32) syscall.Stat_t {
		return syscall.Stat_t{Mode: mode, Uid: uid, Gid: gid}
	}
	named := &acl{entries: []aclEntry{{aclUserObj, 6, 0}, {aclUser, 4, 998}, {aclGroupObj, 0, 0}, {aclMask, 4, 0}, {aclOther, 0, 0}}}
	masked := &acl{entries: []aclEntry{{aclUserObj, 6, 0}, {aclUser, 4, 998}, {aclGroupObj, 0, 0}, {aclMask, 0, 0}, {aclOther, 0, 0}}}
	for _, c := range []struct {
		name string
		st   syscall.Stat_t
		a    *acl
		want bool
	}{
		{"other bits", st(0o644, 0, 0), nil, true},
		{"0600 root", st(0o600, 0, 0), nil, false},
		{"group adm", st(0o640, 0, 4), nil, true},
		{"owner", st(0o600, 998, 0), nil, true},
		{"named entry", st(0o640, 0, 0), named, true},
		{"named entry masked off", st(0o600, 0, 0), masked, false},
	} {
		if got := evalAccess(c.st, c.a, id, permR); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCreateUserCommands(t *testing.T) {
	r, _ := fixtureRoot(t, false)
	os.MkdirAll(r.Path("/usr/sbin"), 0o755)
	os.WriteFile(r.Path("/usr/sbin/nologin"), nil, 0o755)
	got := CreateUserCommands(r, "cwagent")
	// The agent package's preinst, on the root's own user database.
	want := [][]string{{"groupadd", "--root", r.Dir(), "-r", "cwagent"},
		{"useradd", "--root", r.Dir(), "-r", "-M", "-d", "/home/cwagent", "-g", "cwagent", "-c", "Cloudwatch Agent", "-s", "/usr/sbin/nologin", "cwagent"}}
	if !slices.EqualFunc(got, want, slices.Equal[[]string]) {
		t.Errorf("%q", got)
	}
}

// userDB is the root's user database, byte for byte.
func userDB(t *testing.T, r host.Root) string {
	t.Helper()
	var b strings.Builder
	for _, f := range []string{"/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow"} {
		data, err := os.ReadFile(r.Path(f))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "== %s\n%s", f, data)
	}
	return b.String()
}

const journalConfig = `{
  "agent": {
    "run_as_user": "cwagent"
  },
  "logs": {
    "logs_collected": {
      "files": {
        "collect_list": [
          {"file_path": "/var/log/secure", "log_group_name": "/ec2/system/secure"}
        ]
      },
      "journald": {
        "collect_list": [
          {"log_group_name": "/ec2/system/messages"}
        ]
      }
    }
  }
}
`

// TestApplyCreatesAgentUserUnderRoot: a host whose agent package did not
// create cwagent gets it from useradd with the package's conventions, in
// the root's own user database (--root), joins systemd-journal for the
// journald source, and is granted and proven with the ids that database
// gave it. A rejected config undoes all of it: users, groups and ACLs
// byte for byte as before.
func TestApplyCreatesAgentUserUnderRoot(t *testing.T) {
	needACLPeers(t)
	for _, tool := range []string{"groupadd", "usermod", "gpasswd", "groupdel"} {
		if _, err := exec.LookPath(tool); err != nil {
			testpeer.Missing(t, tool+" not installed (passwd package)")
		}
	}
	rootCfg := strings.Replace(journalConfig, `"run_as_user": "cwagent"`, `"run_as_user": "root"`, 1)
	for _, fail := range []string{"", "second-phase"} {
		t.Run("fail="+fail, func(t *testing.T) {
			r, h, watched := aclFixture(t, Identity{UID: -1})
			// The journal as systemd keeps it: 0640 root:systemd-journal.
			jdir := r.Path("/var/log/journal/0123456789abcdef0123456789abcdef")
			os.MkdirAll(jdir, 0o755)
			jf := filepath.Join(jdir, "system.journal")
			os.WriteFile(jf, []byte("LPKSHHRH"), 0o640)
			os.Chown(jf, 0, 190)
			beforeDB, beforeACL := userDB(t, r), getfacls(t, watched)
			t.Setenv("CWSETUP_FAKECTL_FAIL", fail)
			res, evs, err := apply(t, r, journalConfig, func(o *ApplyOptions) { o.RootConfig = []byte(rootCfg) })
			if fail != "" {
				if err == nil || !res.AccessUndone || res.AccessUndoErr != nil {
					t.Fatalf("err %v undone %v %v", err, res.AccessUndone, res.AccessUndoErr)
				}
				if got := userDB(t, r); got != beforeDB {
					t.Errorf("user database after rollback:\n%s\n--- before:\n%s", got, beforeDB)
				}
				if got := getfacls(t, watched); got != beforeACL {
					t.Errorf("ACLs after rollback:\n%s\n--- before:\n%s", got, beforeACL)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			id, ok := LookupUser(r, AgentUser)
			if !ok {
				t.Fatalf("cwagent not created in the root's passwd:\n%s", userDB(t, r))
			}
			if jg, _ := LookupGroup(r, JournalGroup); !id.InGroup(jg) {
				t.Errorf("cwagent not in %s: %+v", JournalGroup, id)
			}
			live, _ := host.Open("/")
			if lid, ok := LookupUser(live, AgentUser); ok && lid.UID == id.UID {
				t.Logf("note: the live machine has a cwagent with the same uid")
			}
			if res.Access.Fallback || res.Access.Identity == nil || res.Access.Identity.UID != id.UID {
				t.Fatalf("access %+v", res.Access)
			}
			if got, _ := os.ReadFile(h.Config()); string(got) != journalConfig {
				t.Errorf("config %s", got)
			}
			if err := readableAs(id, r.Path("/var/log/secure")); err != nil {
				t.Errorf("secure not readable as the created user: %v", err)
			}
			if res.Access.Journal != "/var/log/journal/0123456789abcdef0123456789abcdef/system.journal" {
				t.Errorf("journal to prove: %q", res.Access.Journal)
			}
			proved := false
			for _, f := range res.Readable {
				proved = proved || f.Path == res.Access.Journal && f.Readable
			}
			if !proved {
				t.Errorf("the journal was not opened as cwagent (through %s): %+v", JournalGroup, res.Readable)
			}
			var ran []string
			for _, e := range evs {
				if e.Kind == EvCommand && e.Step == StepAccess {
					ran = append(ran, e.Argv[0])
				}
			}
			if want := []string{"groupadd", "useradd", "usermod"}; !slices.Equal(ran[:3], want) {
				t.Errorf("commands %v, want %v first", ran, want)
			}
		})
	}
}
