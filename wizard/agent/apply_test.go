package agent

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/fakectl/ctltest"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
)

const goodConfig = `{
  "agent": {
    "run_as_user": "root"
  },
  "logs": {
    "logs_collected": {
      "files": {
        "collect_list": [
          {
            "file_path": "/var/log/syslog",
            "log_group_name": "/ec2/system/syslog",
            "log_stream_name": "{instance_id}",
            "retention_in_days": 90,
            "timestamp_format": "%Y-%m-%dT%H:%M:%S.%f"
          }
        ]
      }
    }
  }
}
`

// oldConfig is what the host had before; odd bytes so that "restored"
// means byte-identical, not merely equivalent JSON.
const oldConfig = "{\"logs\":{\"logs_collected\":{\"files\":{\"collect_list\":[{\"file_path\":\"/var/log/old.log\",\"log_group_name\":\"old\"}]}}}}  \n\n"

func fixtureRoot(t *testing.T, withOld bool) (host.Root, Home) {
	t.Helper()
	dir := t.TempDir()
	ctltest.Install(t, dir)
	os.MkdirAll(filepath.Join(dir, "var/log"), 0o755)
	r, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	h := Home{Root: r}
	if withOld {
		if err := os.WriteFile(h.Config(), []byte(oldConfig), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return r, h
}

func debianReport() detect.Report {
	return detect.Report{
		OS:    detect.OS{ID: "debian", VersionID: "12", Family: "debian", PrettyName: "Debian GNU/Linux 12 (bookworm)"},
		Arch:  "amd64",
		Agent: detect.Agent{Installed: true, Version: "1.300071.0"},
	}
}

func apply(t *testing.T, r host.Root, cfg string, mod ...func(*ApplyOptions)) (*ApplyResult, []Event, error) {
	t.Helper()
	var evs []Event
	o := ApplyOptions{Root: r, Report: debianReport(), Config: []byte(cfg), Progress: func(e Event) { evs = append(evs, e) },
		Now: func() time.Time { return time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC) }}
	for _, m := range mod {
		m(&o)
	}
	res, err := Apply(context.Background(), o)
	return res, evs, err
}

func TestApplySuccess(t *testing.T) {
	r, h := fixtureRoot(t, true)
	res, evs, err := apply(t, r, goodConfig)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(h.Config()); string(got) != goodConfig {
		t.Fatalf("config not written")
	}
	if got, _ := os.ReadFile(res.Backup); string(got) != oldConfig {
		t.Fatalf("backup %s holds %q", res.Backup, got)
	}
	if filepath.Base(res.Backup) != "config.json.bak.20261125T080000Z" {
		t.Errorf("backup name %s", res.Backup)
	}
	if res.Status == nil || !res.Status.Running() || !res.Status.Configured() || res.Status.Version != "1.300071.0" {
		t.Errorf("status %+v", res.Status)
	}
	if got, _ := os.ReadFile(h.LoadedConfig()); string(got) != goodConfig {
		t.Errorf("the agent did not load our config")
	}
	var streamed bool
	for _, e := range evs {
		if e.Kind == EvOutput && strings.Contains(e.Line, "Configuration validation succeeded") {
			streamed = true
		}
	}
	if !streamed {
		t.Error("fetch-config output was not streamed to the progress callback")
	}
	// Same config again: nothing rewritten, no new backup.
	res2, _, err := apply(t, r, goodConfig)
	if err != nil || !res2.Unchanged || res2.Backup != "" {
		t.Fatalf("second apply: %+v %v", res2, err)
	}
}

func TestApplyInvalidConfigRollsBack(t *testing.T) {
	r, h := fixtureRoot(t, true)
	bad := strings.Replace(goodConfig, `"retention_in_days": 90`, `"retention_in_days": 8`, 1)
	res, evs, err := apply(t, r, bad)
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.Key != i18n.ApplyErrFetchFailed {
		t.Fatalf("err %v", err)
	}
	if res.Failure == nil || res.Failure.Kind != FailSchema {
		t.Fatalf("failure %+v", res.Failure)
	}
	if len(res.Failure.Errors) == 0 || res.Failure.Errors[0].Path != "/logs/logs_collected/files/collect_list/0/retention_in_days" {
		t.Errorf("path errors %+v", res.Failure.Errors)
	}
	got, _ := os.ReadFile(h.Config())
	if !bytes.Equal(got, []byte(oldConfig)) {
		t.Fatalf("config after rollback %q, want the old bytes", got)
	}
	if !res.RolledBack || !res.Rollback.OK() || res.RollbackErr != nil {
		t.Fatalf("rollback %+v %v", res.Rollback, res.RollbackErr)
	}
	if loaded, _ := os.ReadFile(h.LoadedConfig()); !bytes.Equal(loaded, []byte(oldConfig)) {
		t.Error("the agent was not re-run on the old config")
	}
	var rollbackRan bool
	for _, e := range evs {
		if e.Step == StepRollback && e.Kind == EvCommand {
			rollbackRan = true
		}
	}
	if !rollbackRan {
		t.Error("no rollback fetch-config event")
	}
	ex := res.Failure.Explain()
	if len(ex) < 3 || ex[2].Key != i18n.ApplyHintRetention {
		t.Errorf("explanation %v", ex)
	}
}

func TestApplyTranslatorRule(t *testing.T) {
	r, _ := fixtureRoot(t, true)
	two := strings.Replace(goodConfig, `          }
        ]`, `          },
          {
            "file_path": "/var/log/auth.log",
            "log_group_name": "/ec2/system/syslog",
            "retention_in_days": 365
          }
        ]`, 1)
	res, _, err := apply(t, r, two)
	if err == nil || res.Failure == nil || res.Failure.Kind != FailTranslator {
		t.Fatalf("%v %+v", err, res.Failure)
	}
	ex := res.Failure.Explain()
	if ex[len(ex)-1].Key != i18n.ApplyHintRetentionConflict {
		t.Errorf("explanation %v", ex)
	}
}

func TestApplyFailureModes(t *testing.T) {
	for _, tc := range []struct {
		mode string
		kind FailureKind
	}{
		{"credentials", FailCredentials},
		{"second-phase", FailSecondPhase},
		{"start", FailStart},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			r, h := fixtureRoot(t, true)
			t.Setenv("CWSETUP_FAKECTL_FAIL", tc.mode)
			t.Setenv("CWSETUP_FAKECTL_FAIL_ONCE", "1")
			res, _, err := apply(t, r, goodConfig)
			if err == nil || res.Failure == nil || res.Failure.Kind != tc.kind {
				t.Fatalf("%v %+v", err, res.Failure)
			}
			if got, _ := os.ReadFile(h.Config()); string(got) != oldConfig {
				t.Fatal("old config not restored")
			}
			if !res.Rollback.OK() {
				t.Fatalf("rollback fetch-config: %s", res.Rollback.Output)
			}
			for _, lang := range []i18n.Lang{i18n.EN, i18n.KO} {
				for _, m := range res.Failure.Explain() {
					if s := i18n.New(lang).Error(m); strings.HasPrefix(s, "!") {
						t.Errorf("missing text %s", s)
					}
				}
			}
		})
	}
}

func TestApplyWithoutPreviousConfig(t *testing.T) {
	r, h := fixtureRoot(t, false)
	t.Setenv("CWSETUP_FAKECTL_FAIL", "start")
	res, _, err := apply(t, r, goodConfig)
	if err == nil || !res.RolledBack || res.Backup != "" {
		t.Fatalf("%v %+v", err, res)
	}
	if _, err := os.Stat(h.Config()); !os.IsNotExist(err) {
		t.Fatal("new config left in place although the agent rejected it")
	}
}

func TestApplyConcurrentRunRefused(t *testing.T) {
	r, h := fixtureRoot(t, true)
	l, err := AcquireLock(r.Path(LockPath))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	_, _, err = apply(t, r, goodConfig)
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.Key != i18n.ApplyErrLocked {
		t.Fatalf("err %v", err)
	}
	if got, _ := os.ReadFile(h.Config()); string(got) != oldConfig {
		t.Fatal("config changed although the lock was held")
	}
}

// TestApplyInterruptedDuringFetch cancels the context (as SIGINT does)
// while fetch-config runs: the ctl is allowed to finish, then the old
// config is restored and loaded again.
func TestApplyInterruptedDuringFetch(t *testing.T) {
	r, h := fixtureRoot(t, true)
	t.Setenv("CWSETUP_FAKECTL_DELAY", "700ms")
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		started := h.Local(HomeDir + "/var/fetch.started")
		for i := 0; i < 500; i++ {
			if _, err := os.Stat(started); err == nil {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
	}()
	res, err := Apply(ctx, ApplyOptions{Root: r, Report: debianReport(), Config: []byte(goodConfig)})
	if !errors.Is(err, ErrInterrupted) || !res.Interrupted {
		t.Fatalf("err %v", err)
	}
	if !res.Fetch.OK() {
		t.Fatalf("fetch-config was cut short: %s", res.Fetch.Output)
	}
	if got, _ := os.ReadFile(h.Config()); string(got) != oldConfig {
		t.Fatal("old config not restored after the interrupt")
	}
	if !res.Rollback.OK() {
		t.Fatal("old config not re-loaded")
	}
}

func TestApplyDryRunChangesNothing(t *testing.T) {
	r, h := fixtureRoot(t, true)
	before := snapshot(t, r.Dir())
	rep := debianReport()
	rep.Agent = detect.Agent{}
	res, evs, err := apply(t, r, goodConfig, func(o *ApplyOptions) { o.DryRun = true; o.Report = rep })
	if err != nil {
		t.Fatal(err)
	}
	if after := snapshot(t, r.Dir()); after != before {
		t.Fatalf("dry run changed the tree:\n%s\n---\n%s", before, after)
	}
	if res.Install == nil || res.Install.Method != ViaSignedPackage {
		t.Fatalf("install plan %+v", res.Install)
	}
	var planned []string
	for _, e := range evs {
		if e.Kind == EvPlanned && e.Argv != nil {
			planned = append(planned, strings.Join(e.Argv, " "))
		}
		if e.Kind == EvCommand {
			t.Errorf("dry run ran %v", e.Argv)
		}
	}
	want := []string{"dpkg -i -E /var/lib/cwsetup/download/amazon-cloudwatch-agent.deb", h.Ctl() + " -a fetch-config -m ec2 -s -c file:" + h.Config()}
	for _, w := range want {
		found := false
		for _, p := range planned {
			found = found || p == w
		}
		if !found {
			t.Errorf("planned commands %q lack %q", planned, w)
		}
	}
}

func TestApplyForeignRootNeverRunsPackageManager(t *testing.T) {
	r, _ := fixtureRoot(t, true)
	rep := debianReport()
	rep.Agent = detect.Agent{} // "not installed": a package manager would run on /
	_, evs, err := apply(t, r, goodConfig, func(o *ApplyOptions) { o.Report = rep })
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if e.Step == StepInstall && e.Kind == EvCommand {
			t.Fatalf("ran %v under a foreign root", e.Argv)
		}
	}
}

func snapshot(t *testing.T, dir string) string {
	var b strings.Builder
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		data := []byte{}
		if fi.Mode().IsRegular() {
			data, _ = os.ReadFile(p)
		}
		b.WriteString(p + " " + fi.Mode().String() + " " + string(rune(len(data))) + "\n")
		if fi.Mode().IsRegular() && fi.Size() < 1<<16 {
			b.Write(data)
		}
		return nil
	})
	return b.String()
}

// TestApplyDryRunUpgradeForJournal: the journal holds the system logs and
// the agent predates journald support, so apply plans an upgrade and
// names rsyslog as the alternative.
func TestApplyDryRunUpgradeForJournal(t *testing.T) {
	r, _ := fixtureRoot(t, true)
	rep := detect.Report{
		OS:       detect.OS{ID: "amzn", VersionID: "2023", Family: "amzn", PrettyName: "Amazon Linux 2023"},
		Arch:     "arm64",
		Agent:    detect.Agent{Installed: true, Version: "1.300049.1b929"},
		Services: []detect.Service{{Name: detect.System, Flavor: "journald"}},
	}
	res, evs, err := apply(t, r, goodConfig, func(o *ApplyOptions) { o.DryRun = true; o.Report = rep })
	if err != nil {
		t.Fatal(err)
	}
	if res.Install == nil || !res.Install.Upgrade {
		t.Fatalf("plan %+v", res.Install)
	}
	var upgrade, note, alt bool
	for _, e := range evs {
		if e.Kind == EvPlanned && strings.Join(e.Argv, " ") == "dnf upgrade -y amazon-cloudwatch-agent" {
			upgrade = true
		}
		if e.Msg != nil && e.Msg.Key == i18n.ApplyJournalOldAgent {
			note = true
		}
		if e.Msg != nil && e.Msg.Key == i18n.ApplyRsyslogAlternative && strings.Contains(i18n.New(i18n.EN).Error(e.Msg), "dnf install -y rsyslog") {
			alt = true
		}
	}
	if !upgrade || !note || !alt {
		t.Errorf("upgrade %v, note %v, rsyslog alternative %v", upgrade, note, alt)
	}
}

// TestApplyRollbackAlsoFails: the agent rejects the old config too (the
// service is broken); the old bytes are back anyway and both failures are
// reported.
func TestApplyRollbackAlsoFails(t *testing.T) {
	r, h := fixtureRoot(t, true)
	t.Setenv("CWSETUP_FAKECTL_FAIL", "start")
	res, _, err := apply(t, r, goodConfig)
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.Key != i18n.ApplyErrFetchFailed {
		t.Fatalf("err %v", err)
	}
	if !errors.As(res.RollbackErr, &ie) || ie.Key != i18n.ApplyErrRollbackFetch {
		t.Fatalf("rollback error %v", res.RollbackErr)
	}
	if got, _ := os.ReadFile(h.Config()); string(got) != oldConfig {
		t.Fatal("old config not restored")
	}
}

// An interrupted first apply (no config before) leaves no agent running
// the config it removed: the agent, started by fetch-config, is stopped
// again (the fake ctl runs a real background process with a pid file).
func TestApplyInterruptedFirstStopsAgent(t *testing.T) {
	r, h := fixtureRoot(t, false)
	t.Setenv("CWSETUP_FAKECTL_DELAY", "700ms")
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		started := h.Local(HomeDir + "/var/fetch.started")
		for i := 0; i < 500; i++ {
			if _, err := os.Stat(started); err == nil {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
	}()
	res, err := Apply(ctx, ApplyOptions{Root: r, Report: debianReport(), Config: []byte(goodConfig)})
	if !errors.Is(err, ErrInterrupted) || res.Backup != "" {
		t.Fatalf("err %v %+v", err, res)
	}
	if !res.Stopped || res.StopErr != nil {
		t.Fatalf("the agent was not stopped again: stopped %v, %v", res.Stopped, res.StopErr)
	}
	if _, err := os.Stat(h.Config()); !os.IsNotExist(err) {
		t.Error("the new config was left in place")
	}
	run, err := (Ctl{Path: h.Ctl()}).Run([]string{"-a", "status"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	st, err := ParseStatus(run.Output)
	if err != nil || st.Status != "stopped" {
		t.Errorf("agent status after the undo: %+v %v", st, err)
	}
}

// A ctl that never returns is killed at its deadline, with everything it
// started (its process group), and says so.
func TestCtlDeadline(t *testing.T) {
	dir := t.TempDir()
	ctl := filepath.Join(dir, "ctl")
	pidf := filepath.Join(dir, "child.pid")
	os.WriteFile(ctl, []byte("#!/bin/sh\nsleep 1000 &\necho $! > "+pidf+"\nwait\n"), 0o755)
	_, err := (Ctl{Path: ctl, Timeout: 300 * time.Millisecond}).Run([]string{"-a", "status"}, nil)
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.Key != i18n.ApplyErrCtlTimeout {
		t.Fatalf("err %v, want the deadline", err)
	}
	b, _ := os.ReadFile(pidf)
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	if pid <= 0 {
		t.Fatal("the child never started")
	}
	for i := 0; i < 200 && syscall.Kill(pid, 0) == nil; i++ {
		time.Sleep(10 * time.Millisecond) // reaped by init once killed
	}
	if err := syscall.Kill(pid, 0); err == nil {
		syscall.Kill(pid, syscall.SIGKILL)
		t.Error("the ctl's child outlived the deadline")
	}
}

// A tool that hangs is killed at its deadline too.
func TestToolDeadline(t *testing.T) {
	_, err := ExecRunner{Timeout: 200 * time.Millisecond}.Run([]string{"sleep", "1000"}, nil)
	var ce *CommandError
	if !errors.As(err, &ce) {
		t.Fatalf("err %v", err)
	}
	var ie *i18n.Error
	if !errors.As(ce.Err, &ie) || ie.Key != i18n.ApplyErrCtlTimeout {
		t.Fatalf("err %v, want the deadline", ce.Err)
	}
}
