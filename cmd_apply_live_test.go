package main

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/internal/fakectl/ctltest"
	"github.com/cwsetup/cwsetup/internal/testpeer"
)

// TestApplyVerifyLive runs apply and verify on this machine itself
// (--root /) with the real rsyslog of scripts/peers.d/daemons.sh: the
// marker goes through `logger -t cwsetup`, rsyslog and /var/log/syslog to
// the stand-in agent and into moto. It installs the stand-in ctl under
// /opt/aws/amazon-cloudwatch-agent and removes it afterwards; it refuses
// to run where a real agent is installed.
func TestApplyVerifyLive(t *testing.T) {
	if os.Getenv("CWSETUP_LIVE_DAEMONS") != "1" || os.Geteuid() != 0 {
		testpeer.Missing(t, "live rsyslog as root (CWSETUP_LIVE_DAEMONS=1 from scripts/peers.d/daemons.sh)")
	}
	const home = "/opt/aws/amazon-cloudwatch-agent"
	if _, err := os.Stat(home); err == nil {
		t.Skip("an agent is installed on this machine; the live test leaves it alone")
	}
	if _, err := os.Stat("/var/log/syslog"); err != nil {
		testpeer.Missing(t, "/var/log/syslog written by rsyslog")
	}
	testpeer.MotoServer(t)
	_, optAWS := os.Stat("/opt/aws")
	_, state := os.Stat("/var/lib/cwsetup")
	t.Cleanup(func() {
		os.RemoveAll(home)
		if errors.Is(optAWS, fs.ErrNotExist) {
			os.Remove("/opt/aws")
		}
		if errors.Is(state, fs.ErrNotExist) {
			os.RemoveAll("/var/lib/cwsetup")
		}
	})
	ctltest.Install(t, "/")
	liveAgentUserCleanup(t)

	ans := filepath.Join(t.TempDir(), "answers.yaml")
	os.WriteFile(ans, []byte(`role: base
log_group_prefix: /cwsetup-live
logs:
  - service: system
    name: syslog
    path: /var/log/syslog
    timestamp_format: "%Y-%m-%dT%H:%M:%S.%f"
    retention_days: 30
metrics:
  enabled: false
`), 0o644)
	code, _, errOut := runCLI(t, nil, "apply", "--answers", ans, "--yes", "--wait", "30s", "--lang", "en")
	if code != exitOK {
		t.Fatalf("apply on / exit %d:\n%s", code, errOut)
	}
	for _, want := range []string{
		"[ok  ] marker cwsetup-verify-",
		"arrived in /cwsetup-live/system/syslog",
		"[ok  ] log group /cwsetup-live/system/syslog exists, retention: 30 days",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("output lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "$ dpkg") || strings.Contains(errOut, "$ apt") {
		t.Errorf("a package manager ran:\n%s", errOut)
	}
	// The agent runs as cwagent, proven on the real /var/log/syslog.
	if _, err := exec.LookPath("setfacl"); err == nil && !strings.Contains(errOut, "can read every shipped file") {
		t.Errorf("no proof that cwagent reads /var/log/syslog:\n%s", errOut)
	}
}

// liveAgentUserCleanup puts this machine back as it was after an apply on
// / that runs the agent as cwagent: the ACLs of /var/log and its syslog
// (saved with getfacl now) and a cwagent user apply created.
func liveAgentUserCleanup(t *testing.T) {
	t.Helper()
	testpeer.AgentUserLock(t)
	_, userErr := user.Lookup("cwagent")
	saved, aclErr := exec.Command("getfacl", "-n", "-p", "/var/log", "/var/log/syslog").Output()
	t.Cleanup(func() {
		if aclErr == nil {
			cmd := exec.Command("setfacl", "--restore=-")
			cmd.Stdin = strings.NewReader(string(saved))
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("restoring the ACLs of /var/log: %v %s", err, out)
			}
		}
		if userErr != nil {
			exec.Command("userdel", "cwagent").Run()
			exec.Command("groupdel", "cwagent").Run()
		}
	})
}
