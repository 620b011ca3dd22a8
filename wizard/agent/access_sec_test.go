package agent

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// Attacks on the grants (issue: read access that cannot be turned against
// the host), against real files, a real cwagent uid and real setfacl.

// secConfig runs the agent as user and ships paths.
func secConfig(user string, paths ...string) string {
	type file struct {
		Path  string `json:"file_path"`
		Group string `json:"log_group_name"`
	}
	var list []file
	for i, p := range paths {
		list = append(list, file{p, "/ec2/sec/" + string(rune('a'+i))})
	}
	doc := map[string]any{
		"agent": map[string]any{"run_as_user": user},
		"logs":  map[string]any{"logs_collected": map[string]any{"files": map[string]any{"collect_list": list}}},
	}
	b, _ := json.MarshalIndent(doc, "", "  ")
	return string(b) + "\n"
}

func applySec(t *testing.T, r host.Root, paths ...string) (*ApplyResult, error) {
	t.Helper()
	res, _, err := apply(t, r, secConfig(AgentUser, paths...), func(o *ApplyOptions) {
		o.RootConfig = []byte(secConfig("root", paths...))
	})
	return res, err
}

// refusedUnchanged checks apply refused with the reason and changed
// nothing: no config written, no ACL anywhere in watched.
func refusedUnchanged(t *testing.T, r host.Root, h Home, err error, before string, watched []string, want i18n.Key) {
	t.Helper()
	if got, _ := os.ReadFile(h.Config()); string(got) != oldConfig {
		t.Errorf("config changed although a source was refused:\n%s", got)
	}
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.Key != i18n.AccessErrRefused {
		t.Fatalf("apply: %v, want refused", err)
	}
	if len(ie.Args) < 2 {
		t.Fatalf("refusal without reason: %v", ie)
	}
	if why, ok := ie.Args[1].(*i18n.Error); !ok || why.Key != want {
		t.Fatalf("reason %v, want %s", ie.Args[1], want)
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.KO} {
		if s := i18n.New(lang).Error(err); strings.Contains(s, "!(") {
			t.Errorf("%s: %q", lang, s)
		}
	}
	if after := getfacls(t, watched); after != before {
		t.Errorf("ACLs changed:\n%s\n--- before:\n%s", after, before)
	}
}

func TestApplyRefusesSymlinkToSecret(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, h, watched := aclFixture(t, id)
	link := filepath.Join(r.Dir(), "var/log/app/current.log")
	if err := os.Symlink("/etc/shadow", link); err != nil {
		t.Fatal(err)
	}
	watched = append(watched, r.Path("/etc/shadow"), r.Path("/etc"))
	before := getfacls(t, watched)
	_, err := applySec(t, r, "/var/log/app/current.log")
	refusedUnchanged(t, r, h, err, before, watched, i18n.AccessWhyRefusedLink)
	if readableAs(id, r.Path("/etc/shadow")) == nil {
		t.Error("cwagent can read the shadow file")
	}
}

func TestApplyRefusesSymlinkInsideGlob(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, h, watched := aclFixture(t, id)
	dir := filepath.Join(r.Dir(), "var/log/tomcat")
	os.MkdirAll(dir, 0o750)
	os.WriteFile(filepath.Join(dir, "catalina.2026-11-25.log"), []byte("x\n"), 0o640)
	// Older by name, so not "the newest match": every match counts.
	if err := os.Symlink("/etc/shadow", filepath.Join(dir, "catalina.2000-01-01.log")); err != nil {
		t.Fatal(err)
	}
	watched = append(watched, dir, r.Path("/etc/shadow"), r.Path("/etc"))
	before := getfacls(t, watched)
	_, err := applySec(t, r, "/var/log/tomcat/catalina.*.log")
	refusedUnchanged(t, r, h, err, before, watched, i18n.AccessWhyRefusedLink)
}

func TestApplyRefusesFIFOAndDevice(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	for _, c := range []struct {
		name string
		make func(p string) error
	}{
		{"fifo", func(p string) error { return syscall.Mkfifo(p, 0o640) }},
		{"dev-zero-link", func(p string) error { return os.Symlink("/dev/zero", p) }},
		{"real-dev-zero", func(p string) error {
			// A device node inside the log directory itself.
			return syscall.Mknod(p, syscall.S_IFCHR|0o644, int(unixMkdev(1, 5)))
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, h, watched := aclFixture(t, id)
			p := filepath.Join(r.Dir(), "var/log/app/current.log")
			if err := c.make(p); err != nil {
				t.Fatal(err)
			}
			before := getfacls(t, watched)
			_, err := applySec(t, r, "/var/log/app/current.log")
			want := i18n.AccessWhyNotRegular
			if c.name == "dev-zero-link" {
				want = i18n.AccessWhyRefusedLink // /dev is never a log place
			}
			refusedUnchanged(t, r, h, err, before, watched, want)
		})
	}
}

func unixMkdev(major, minor uint32) uint64 {
	return uint64(major)<<8 | uint64(minor)
}

// TestApplyNeverWidensOtherPrincipals: chmod 600 on a file with an ACL
// leaves user:1000:rw with mask::---; raising the mask to r would give
// user 1000 read access it does not have now.
func TestApplyNeverWidensOtherPrincipals(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, h, watched := aclFixture(t, id)
	f := r.Path("/var/log/app/current.log")
	os.WriteFile(f, []byte("2026-11-25T08:00:00 x\n"), 0o600)
	if out, err := exec.Command("setfacl", "-m", "u:1000:rw", f).CombinedOutput(); err != nil {
		t.Fatalf("setfacl: %v %s", err, out)
	}
	os.Chmod(f, 0o600)
	watched = append(watched, f)
	before := getfacls(t, []string{f})
	if !strings.Contains(before, "user:1000:rw-\t#effective:---") {
		t.Fatalf("fixture: %s", before)
	}
	res, err := applySec(t, r, "/var/log/app/current.log")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Access.Fallback || res.Access.Reason == nil || res.Access.Reason.Key != i18n.AccessWhyWidensOthers {
		t.Fatalf("access %+v", res.Access)
	}
	if s := i18n.New(i18n.KO).Error(res.Access.Reason); !strings.Contains(s, "user 1000") {
		t.Errorf("reason %q", s)
	}
	if after := getfacls(t, []string{f}); after != before {
		t.Errorf("ACL changed:\n%s\n--- before:\n%s", after, before)
	}
	if got, _ := os.ReadFile(h.Config()); !strings.Contains(string(got), `"run_as_user": "root"`) {
		t.Errorf("config does not fall back to root:\n%s", got)
	}
	// The same file without the other user's entry is granted.
	exec.Command("setfacl", "-b", f).Run()
	os.Remove(h.Config())
	res, err = applySec(t, r, "/var/log/app/current.log")
	if err != nil || res.Access.Fallback {
		t.Fatalf("plain file: %v %+v", err, res.Access)
	}
	if err := readableAs(id, f); err != nil {
		t.Errorf("not readable after grant: %v", err)
	}
}

// TestApplyNeverTraversesHomes: a log under /home/alice/logs would need
// u:cwagent:x on /home/alice (0700), and then ~/.aws/credentials is open.
func TestApplyNeverTraversesHomes(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, h, _ := aclFixture(t, id)
	home := r.Path("/home/alice")
	os.MkdirAll(filepath.Join(home, "logs"), 0o755)
	os.MkdirAll(filepath.Join(home, ".aws"), 0o755)
	os.Chmod(home, 0o700)
	os.WriteFile(filepath.Join(home, "logs/app.log"), []byte("x\n"), 0o644)
	os.WriteFile(filepath.Join(home, ".aws/credentials"), []byte("[default]\n"), 0o644)
	watched := []string{home, filepath.Join(home, "logs"), filepath.Join(home, "logs/app.log")}
	before := getfacls(t, watched)
	res, err := applySec(t, r, "/home/alice/logs/app.log")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Access.Fallback || res.Access.Reason.Key != i18n.AccessWhyPrivateDir {
		t.Fatalf("access %+v", res.Access)
	}
	if after := getfacls(t, watched); after != before {
		t.Errorf("ACLs changed under the home:\n%s", after)
	}
	if readableAs(id, filepath.Join(home, ".aws/credentials")) == nil {
		t.Error("cwagent reads alice's credentials")
	}
	_ = h
}

// TestApplyOutsideVarLogNeedsConsent: a custom directory is granted only
// when the user allows it.
func TestApplyOutsideVarLogNeedsConsent(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, h, _ := aclFixture(t, id)
	dir := r.Path("/srv/app/logs")
	os.MkdirAll(dir, 0o750)
	f := filepath.Join(dir, "app.log")
	os.WriteFile(f, []byte("x\n"), 0o600)
	res, err := applySec(t, r, "/srv/app/logs/app.log")
	if err != nil || !res.Access.Fallback || res.Access.Reason.Key != i18n.AccessWhyNotLogDir {
		t.Fatalf("without consent: %v %+v", err, res.Access)
	}
	if readableAs(id, f) == nil {
		t.Fatal("granted without consent")
	}
	os.Remove(h.Config())
	paths := []string{"/srv/app/logs/app.log"}
	res, _, err = apply(t, r, secConfig(AgentUser, paths...), func(o *ApplyOptions) {
		o.RootConfig = []byte(secConfig("root", paths...))
		o.AllowPaths = []string{"/srv/app/logs"}
	})
	if err != nil || res.Access.Fallback {
		t.Fatalf("with --allow-path: %v %+v", err, res.Access)
	}
	if err := readableAs(id, f); err != nil {
		t.Errorf("not readable with consent: %v", err)
	}
}

// TestPlanAccessNoDefaultOnVarLog: a file directly in /var/log never gets
// a default ACL on /var/log itself.
func TestPlanAccessNoDefaultOnVarLog(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, _, _ := aclFixture(t, id)
	p := PlanAccess(AccessOptions{Root: r, Config: []byte(secConfig(AgentUser, "/var/log/secure", "/var/log/nginx/*.log"))})
	if p.AsRoot() {
		t.Fatalf("plan %+v", p)
	}
	for _, g := range p.Grants {
		if g.Kind == GrantDefault && g.Path == "/var/log" {
			t.Errorf("default ACL on /var/log: %+v", g)
		}
	}
}

// swapRunner is the real runner, but at the first setfacl it replaces
// every shipped file not yet granted with a link to the fixture's
// /etc/shadow: the check-then-use race, won by the attacker every time.
type swapRunner struct {
	ExecRunner
	t       *testing.T
	r       host.Root
	targets []string // host paths to swap
	swapped bool
}

func (s *swapRunner) Run(argv []string, stdin []byte) ([]byte, error) {
	if argv[0] == "setfacl" && !s.swapped {
		s.swapped = true
		for _, p := range s.targets {
			local := s.r.Path(p)
			if err := os.Remove(local); err != nil {
				s.t.Fatal(err)
			}
			if err := os.Symlink(s.r.Path("/etc/shadow"), local); err != nil {
				s.t.Fatal(err)
			}
		}
	}
	return s.ExecRunner.Run(argv, stdin)
}

// TestApplySwappedLinkMidGrant: files swapped for links to the shadow
// file after the plan (between getfacl and setfacl) get nothing; the
// shadow file's ACL is untouched and cwagent cannot read it. Each grant
// goes through an O_PATH descriptor opened without following links.
func TestApplySwappedLinkMidGrant(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, _, watched := aclFixture(t, id)
	shadow := r.Path("/etc/shadow")
	watched = append(watched, shadow, r.Path("/etc"))
	before := getfacls(t, []string{shadow, r.Path("/etc")})
	paths := []string{"/var/log/syslog", "/var/log/secure", "/var/log/nginx/access.log", "/var/log/nginx/error.log"}
	run := &swapRunner{t: t, r: r, targets: paths}
	res, _, err := apply(t, r, secConfig(AgentUser, paths...), func(o *ApplyOptions) {
		o.RootConfig = []byte(secConfig("root", paths...))
		o.Runner = run
	})
	if !run.swapped {
		t.Fatal("setfacl never ran: the race was not staged")
	}
	if after := getfacls(t, []string{shadow, r.Path("/etc")}); after != before {
		t.Errorf("the shadow file's ACL changed:\n%s\n--- before:\n%s", after, before)
	}
	if readableAs(id, shadow) == nil {
		t.Fatal("cwagent reads the shadow file")
	}
	if err != nil {
		t.Logf("apply: %v", err)
		return
	}
	if res.Access == nil || !res.Access.Fallback || res.Access.Reason == nil || res.Access.Reason.Key != i18n.AccessWhySwapped {
		t.Errorf("want a fall-back to root saying the file changed, got %+v", res.Access)
	}
}

// A hard link to the shadow file under a log's name is refused before
// anything changes: a second name is not something a path check can see.
func TestApplyRefusesHardLink(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, h, watched := aclFixture(t, id)
	if err := os.Link(r.Path("/etc/shadow"), r.Path("/var/log/app/current.log")); err != nil {
		t.Fatal(err)
	}
	watched = append(watched, r.Path("/etc/shadow"))
	before := getfacls(t, watched)
	_, err := applySec(t, r, "/var/log/app/current.log")
	refusedUnchanged(t, r, h, err, before, watched, i18n.AccessWhyHardLink)
}

// tamperRunner lets setfacl --restore fail silently: it exits 0 having
// done nothing, as a tool on a filesystem that ignores ACL writes would.
type tamperRunner struct{ ExecRunner }

func (tamperRunner) Run(argv []string, stdin []byte) ([]byte, error) {
	if len(argv) > 1 && argv[0] == "setfacl" && argv[1] == "--restore=-" {
		return nil, nil
	}
	return ExecRunner{}.Run(argv, stdin)
}

// The undo says the ACLs were restored only when getfacl afterwards reads
// what it read before.
func TestUndoVerifiesRestoredACL(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, _, _ := aclFixture(t, id)
	paths := []string{"/var/log/nginx/error.log"}
	t.Setenv("CWSETUP_FAKECTL_FAIL", "second-phase")
	res, _, _ := apply(t, r, secConfig(AgentUser, paths...), func(o *ApplyOptions) {
		o.RootConfig = []byte(secConfig("root", paths...))
		o.Runner = tamperRunner{}
	})
	if res == nil || !res.AccessUndone {
		t.Fatalf("the grants were not undone after the rejection: %+v", res)
	}
	var ie *i18n.Error
	if !errors.As(res.AccessUndoErr, &ie) || ie.Key != i18n.ApplyErrACLRestore {
		t.Fatalf("undo error %v, want the restore reported as failed (getfacl differs)", res.AccessUndoErr)
	}
}

// cancelRunner is the real runner; it cancels the run (SIGHUP, SIGINT or
// SIGTERM arriving: cli's NotifyContext) at the second setfacl.
type cancelRunner struct {
	ExecRunner
	cancel func()
	n      *int
}

func (c cancelRunner) Run(argv []string, stdin []byte) ([]byte, error) {
	if argv[0] == "setfacl" && argv[1] == "-m" {
		if *c.n++; *c.n == 2 {
			c.cancel()
		}
	}
	return c.ExecRunner.Run(argv, stdin)
}

// TestApplyInterruptMidGrant: a signal between two grants leaves no
// partial ACLs: what was granted is restored (compared) and the config is
// not touched.
func TestApplyInterruptMidGrant(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, h, watched := aclFixture(t, id)
	before := getfacls(t, watched)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	res, err := Apply(ctx, ApplyOptions{Root: r, Report: debianReport(), Config: []byte(aclConfig), RootConfig: []byte(aclRootConfig),
		Runner: cancelRunner{cancel: cancel, n: &n}})
	if n < 2 {
		t.Fatalf("only %d grants ran: the interrupt was not staged", n)
	}
	if !errors.Is(err, ErrInterrupted) || !res.AccessUndone || res.AccessUndoErr != nil {
		t.Fatalf("err %v undone %v %v", err, res.AccessUndone, res.AccessUndoErr)
	}
	if after := getfacls(t, watched); after != before {
		t.Fatalf("ACLs after the interrupt differ:\n%s\n--- before:\n%s", after, before)
	}
	if got, _ := os.ReadFile(h.Config()); string(got) != oldConfig {
		t.Fatalf("config changed:\n%s", got)
	}
}
