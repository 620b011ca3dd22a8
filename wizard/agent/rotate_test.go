package agent

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/internal/testpeer"
)

// The grants through the distributions' own rotation (regrant.go), with
// Debian's real logrotate on the stanzas in testdata/rotate/distros.conf,
// a real cwagent uid, real setfacl and the kernel's own access check
// (setpriv). Each file gets a line after the rotation, as its daemon
// would write one.
func TestRotationKeepsReadAccess(t *testing.T) {
	needACLPeers(t)
	if _, err := exec.LookPath("logrotate"); err != nil {
		testpeer.Missing(t, "logrotate not installed (scripts/peers.d/acl.sh installs it)")
	}
	id := realAgentUser(t)
	r, _, _ := aclFixture(t, id)
	files := map[string]os.FileMode{
		"var/log/messages":            0o600,
		"var/log/secure":              0o600,
		"var/log/mariadb/mariadb.log": 0o600,
		"var/log/httpd/access_log":    0o644,
		"var/log/php-fpm/error.log":   0o600,
		"var/log/nginx/access.log":    0o640,
		"var/log/apache2/access.log":  0o640,
		"var/log/syslog":              0o640,
		"var/log/auth.log":            0o640,
		"var/log/maillog":             0o600, // re-created by rsyslog itself, below
	}
	for _, d := range []string{"mariadb", "httpd", "php-fpm", "nginx", "apache2"} {
		os.MkdirAll(r.Path("/var/log/"+d), 0o750)
	}
	os.Chmod(r.Path("/var/log/httpd"), 0o700) // Rocky's mode
	var paths []string
	for f, m := range files {
		p := r.Path("/" + f)
		if err := os.WriteFile(p, []byte("2026-11-25T08:00:00 before the rotation\n"), m); err != nil {
			t.Fatal(err)
		}
		os.Chmod(p, m)
		paths = append(paths, "/"+f)
	}
	res, err := applySec(t, r, paths...)
	if err != nil || res.Access.Fallback {
		t.Fatalf("apply: %v %+v", err, res.Access)
	}
	for _, p := range paths {
		if err := readableAs(id, r.Path(p)); err != nil {
			t.Fatalf("%s not readable after apply: %v", p, err)
		}
	}

	conf, err := os.ReadFile("testdata/rotate/distros.conf")
	if err != nil {
		t.Fatal(err)
	}
	confPath := filepath.Join(t.TempDir(), "logrotate.conf")
	os.WriteFile(confPath, []byte(strings.ReplaceAll(string(conf), "ROOT", r.Dir())), 0o644)
	out, err := exec.Command("logrotate", "-f", "-s", filepath.Join(t.TempDir(), "state"), confPath).CombinedOutput()
	if err != nil {
		t.Fatalf("logrotate: %v\n%s", err, out)
	}
	// The real rsyslogd re-creating a file it writes, with $FileCreateMode
	// 0600 (the file gone, as after a rotation without create).
	os.Remove(r.Path("/var/log/maillog"))
	rsyslogWrites(t, r.Path("/var/log/maillog"), "2026-11-26T08:00:00 written by rsyslogd")
	for f := range files {
		if f == "var/log/maillog" {
			continue
		}
		fh, err := os.OpenFile(r.Path("/"+f), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
		if err != nil {
			t.Fatalf("%s after the rotation: %v", f, err)
		}
		fh.WriteString("2026-11-26T08:00:00 after the rotation\n")
		fh.Close()
	}
	lost := map[string]bool{}
	for _, p := range paths {
		if readableAs(id, r.Path(p)) != nil {
			lost[p] = true
		}
	}
	// What the rotation alone does (the reason regrant exists): explicit
	// restrictive modes and a re-created file lose the grant.
	for _, p := range []string{"/var/log/mariadb/mariadb.log", "/var/log/maillog"} {
		if !lost[p] {
			t.Errorf("%s kept read access through the rotation; the stand-in no longer shows the loss regrant fixes", p)
		}
	}
	t.Logf("unreadable after logrotate -f, before regrant: %v", lost)

	allow := []string{}
	rg, err := Regrant(RegrantOptions{Root: r, AllowPaths: allow})
	if err != nil {
		t.Fatalf("regrant: %v", err)
	}
	if len(rg.Granted) == 0 {
		cfg, _ := os.ReadFile(Home{Root: r}.Config())
		t.Errorf("regrant granted nothing: %+v\n%s", rg, cfg)
	}
	for _, p := range paths {
		if err := readableAs(id, r.Path(p)); err != nil {
			t.Errorf("%s not readable after regrant: %v", p, err)
		}
	}
	// The owning group of mariadb.log (mode 600) still reads nothing: the
	// mask was raised for cwagent only (acl.go pins the group entry).
	var st syscall.Stat_t
	if err := syscall.Stat(r.Path("/var/log/mariadb/mariadb.log"), &st); err != nil {
		t.Fatal(err)
	}
	if readableAs(Identity{UID: 65534, GID: int(st.Gid)}, r.Path("/var/log/mariadb/mariadb.log")) == nil {
		t.Errorf("the owning group (gid %d) can read mariadb.log after regrant", st.Gid)
	}
	// Nothing is set twice: a second regrant changes nothing (the path
	// unit that runs it must not trigger itself).
	again, err := Regrant(RegrantOptions{Root: r, AllowPaths: allow})
	if err != nil || len(again.Granted) != 0 {
		t.Errorf("second regrant: %v, granted %+v", err, again.Granted)
	}
	// The shadow file was never touched on the way.
	if readableAs(id, r.Path("/etc/shadow")) == nil {
		t.Error("cwagent reads the shadow file")
	}
}

// rsyslogWrites runs Debian's rsyslogd with its own socket and a
// $FileCreateMode 0600 file action on file, logs msg through it with
// logger, and waits for the line to be written.
func rsyslogWrites(t *testing.T, file, msg string) {
	t.Helper()
	bin, err := exec.LookPath("rsyslogd")
	if err != nil {
		testpeer.Missing(t, "rsyslogd not installed (scripts/peers.d/daemons.sh installs rsyslog)")
	}
	d := t.TempDir()
	conf := "global(workDirectory=\"" + d + "\")\n" +
		"module(load=\"imuxsock\" SysSock.Use=\"off\")\n" +
		"input(type=\"imuxsock\" Socket=\"" + d + "/sock\")\n" +
		"$FileCreateMode 0600\n" +
		"$template raw,\"%msg:2:$%\\n\"\n" +
		"*.* " + file + ";raw\n"
	os.WriteFile(filepath.Join(d, "rsyslog.conf"), []byte(conf), 0o644)
	cmd := exec.Command(bin, "-n", "-f", filepath.Join(d, "rsyslog.conf"), "-i", filepath.Join(d, "pid"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	waitFor(t, func() bool { _, err := os.Stat(filepath.Join(d, "sock")); return err == nil })
	if out, err := exec.Command("logger", "-u", filepath.Join(d, "sock"), msg).CombinedOutput(); err != nil {
		t.Fatalf("logger: %v %s", err, out)
	}
	waitFor(t, func() bool { b, _ := os.ReadFile(file); return strings.Contains(string(b), msg) })
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("rsyslogd made %s with %v (%v), want 0600", file, st.Mode(), err)
	}
}

// waitFor polls cond for up to 10 s (a peer's start-up, not a timing
// assertion).
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for i := 0; i < 1000; i++ {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the peer did not get there in 10 s")
}

// apply writes the regrant units for the directories of the shipped logs
// when the agent runs as cwagent (under --root it does not run systemctl,
// and says what to run), and plans them in a dry run.
func TestApplyInstallsRegrantHook(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, _, _ := aclFixture(t, id)
	var dirsSeen []string
	hook := Hook{Units: func(dirs []string) ([]byte, []byte) {
		dirsSeen = dirs
		return []byte("[Path]\n"), []byte("[Service]\n")
	}}
	paths := []string{"/var/log/syslog", "/var/log/nginx/access.log"}
	res, evs, err := apply(t, r, secConfig(AgentUser, paths...), func(o *ApplyOptions) {
		o.RootConfig = []byte(secConfig("root", paths...))
		o.Hook = hook
		o.DryRun = true
	})
	if err != nil || res.Hook {
		t.Fatalf("dry run: %v hook %v", err, res.Hook)
	}
	if _, err := os.Stat(r.Path(RegrantPathUnit)); err == nil {
		t.Fatal("a dry run wrote the unit")
	}
	planned := 0
	for _, e := range evs {
		if e.Step == StepHook && e.Kind == EvPlanned {
			planned++
		}
	}
	if planned != 2 {
		t.Errorf("dry run planned %d hook steps, want 2 (both units)", planned)
	}
	res, evs, err = apply(t, r, secConfig(AgentUser, paths...), func(o *ApplyOptions) {
		o.RootConfig = []byte(secConfig("root", paths...))
		o.Hook = hook
	})
	if err != nil || !res.Hook {
		t.Fatalf("apply: %v hook %v", err, res.Hook)
	}
	if got, _ := os.ReadFile(r.Path(RegrantPathUnit)); string(got) != "[Path]\n" {
		t.Errorf("path unit %q", got)
	}
	if got, _ := os.ReadFile(r.Path(RegrantServiceUnit)); string(got) != "[Service]\n" {
		t.Errorf("service %q", got)
	}
	if strings.Join(dirsSeen, ",") != "/var/log,/var/log/nginx" {
		t.Errorf("watched dirs %v", dirsSeen)
	}
	for _, e := range evs {
		if len(e.Argv) > 0 && e.Argv[0] == "systemctl" {
			t.Errorf("systemctl ran under --root: %v", e.Argv)
		}
	}
	// Run as root: no hook.
	os.Remove(r.Path(RegrantPathUnit))
	res, _, err = apply(t, r, secConfig("root", paths...), func(o *ApplyOptions) { o.Hook = hook })
	if err != nil || res.Hook {
		t.Fatalf("as root: %v hook %v", err, res.Hook)
	}
}

// cwsetup undo after apply, a rotation and a regrant: the hook is gone,
// the old config is back, every ACL is as it was before the first apply
// (getfacl compared) and the re-created file has no cwagent entry left;
// the record is removed, and a second undo has nothing to do.
func TestUndoTakesBackEverything(t *testing.T) {
	needACLPeers(t)
	id := realAgentUser(t)
	r, h, watched := aclFixture(t, id)
	if out, err := exec.Command("setfacl", "-m", "u:65534:r", r.Path("/var/log/syslog")).CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	before := getfacls(t, watched)
	hook := Hook{Units: func([]string) ([]byte, []byte) { return []byte("[Path]\n"), []byte("[Service]\n") }}
	paths := []string{"/var/log/syslog", "/var/log/secure", "/var/log/nginx/access.log", "/var/log/nginx/error.log"}
	res, _, err := apply(t, r, secConfig(AgentUser, paths...), func(o *ApplyOptions) {
		o.RootConfig = []byte(secConfig("root", paths...))
		o.Hook = hook
	})
	if err != nil || res.Access.Fallback || !res.Recorded || !res.Hook {
		t.Fatalf("apply: %v %+v recorded %v", err, res.Access, res.Recorded)
	}
	// A second apply (same config) must not overwrite what was before.
	if res, _, err := apply(t, r, secConfig(AgentUser, paths...), func(o *ApplyOptions) {
		o.RootConfig = []byte(secConfig("root", paths...))
	}); err != nil || !res.Recorded {
		t.Fatalf("second apply: %v", err)
	}
	// A rotation re-creates error.log (mode 600), and regrant grants it.
	f := r.Path("/var/log/nginx/error.log")
	os.Rename(f, f+".1")
	os.WriteFile(f, []byte("2026-11-26T08:00:00 new\n"), 0o600)
	os.Chmod(f, 0o600)
	if _, err := Regrant(RegrantOptions{Root: r}); err != nil {
		t.Fatal(err)
	}
	if err := readableAs(id, f); err != nil {
		t.Fatalf("not readable after regrant: %v", err)
	}

	u, err := Undo(context.Background(), UndoOptions{Root: r})
	if err != nil {
		t.Fatalf("undo: %v %v", err, u.Errors)
	}
	if u.Config != "restored" || !u.HookRemoved || u.Restored == 0 {
		t.Errorf("undo %+v", u)
	}
	if got, _ := os.ReadFile(h.Config()); string(got) != oldConfig {
		t.Errorf("config after undo:\n%s", got)
	}
	for _, p := range []string{RegrantPathUnit, RegrantServiceUnit, RecordPath} {
		if _, err := os.Stat(r.Path(p)); err == nil {
			t.Errorf("%s left after undo", p)
		}
	}
	// The rotated-away file is not watched; the new one is compared apart.
	after := getfacls(t, watched)
	if strings.ReplaceAll(after, "\n", "") == "" {
		t.Fatal("no getfacl output")
	}
	for _, part := range strings.Split(before, "\n\n") {
		if strings.Contains(part, "nginx/error.log") {
			continue
		}
		if !strings.Contains(after, part) {
			t.Errorf("ACL not restored exactly:\n%s\n--- after undo:\n%s", part, after)
		}
	}
	if out := getfacls(t, []string{f}); strings.Contains(out, "user:"+strconv.Itoa(id.UID)+":") {
		t.Errorf("cwagent entry left on the re-created file:\n%s", out)
	}
	if readableAs(id, r.Path("/var/log/secure")) == nil {
		t.Error("secure still readable as cwagent after undo")
	}
	if _, err := Undo(context.Background(), UndoOptions{Root: r}); err == nil {
		t.Error("a second undo found something to do")
	}
}

// Undo of a first apply (no config before) removes the config and stops
// the agent it started.
func TestUndoFirstApply(t *testing.T) {
	r, h := fixtureRoot(t, false)
	res, _, err := apply(t, r, goodConfig)
	if err != nil || !res.Recorded {
		t.Fatalf("apply: %v", err)
	}
	u, err := Undo(context.Background(), UndoOptions{Root: r})
	if err != nil || u.Config != "removed" {
		t.Fatalf("undo: %v %+v", err, u)
	}
	if _, err := os.Stat(h.Config()); !os.IsNotExist(err) {
		t.Error("config left after undoing the first apply")
	}
	run, err := (Ctl{Path: h.Ctl()}).Run([]string{"-a", "status"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := ParseStatus(run.Output); err != nil || st.Status != "stopped" {
		t.Errorf("agent after undo: %+v %v", st, err)
	}
}
