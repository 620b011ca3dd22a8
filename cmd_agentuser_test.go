package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/internal/testpeer"
)

// TestApplyAndVerifyAsAgentUser: on a host whose agent package created
// cwagent (here with the ids of this machine's nobody, 65534, so no user
// is created on the test machine), apply grants it the private logs with
// ACLs and proves them; verify (text and --json) says who the agent runs
// as and that each shipped file is readable as that user.
func TestApplyAndVerifyAsAgentUser(t *testing.T) {
	if os.Geteuid() != 0 {
		testpeer.Missing(t, "needs root (setfacl, setuid for the proof)")
	}
	if _, err := exec.LookPath("setfacl"); err != nil {
		testpeer.Missing(t, "setfacl not installed (scripts/peers.d/acl.sh)")
	}
	testpeer.MotoServer(t)
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	t.Setenv("AWS_SESSION_TOKEN", "")
	dir := debianRoot(t)
	for d := dir; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		os.Chmod(d, 0o755)
	}
	os.WriteFile(filepath.Join(dir, "etc/passwd"), []byte("root:x:0:0:root:/root:/bin/bash\ncwagent:x:65534:65534:Cloudwatch Agent:/home/cwagent:/sbin/nologin\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "etc/group"), []byte("root:x:0:\nadm:x:4:\ncwagent:x:65534:\n"), 0o644)
	for _, f := range []string{"var/log/syslog", "var/log/auth.log"} {
		os.Chmod(filepath.Join(dir, f), 0o640)
	}
	code, _, errOut := runCLI(t, nil, "apply", "--root", dir, "--yes", "--no-verify", "--lang", "en")
	if code != exitOK {
		t.Fatalf("apply exit %d:\n%s", code, errOut)
	}
	for _, want := range []string{
		"==> Granting cwagent read access to the shipped logs (2 files)",
		"setfacl -m u:65534:r,m::r " + filepath.Join(dir, "var/log/auth.log"),
		"cwagent (uid 65534) can read every shipped file (opened with its uid and groups — files: 2, directories: 1)",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("apply output lacks %q:\n%s", want, errOut)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "opt/aws/amazon-cloudwatch-agent/bin/config.json")); !strings.Contains(string(b), `"run_as_user": "cwagent"`) {
		t.Errorf("config does not run the agent as cwagent:\n%s", b)
	}

	_, out, errOut := runCLI(t, nil, "verify", "--root", dir, "--json", "--wait", "1s", "--lang", "en")
	for _, want := range []string{"[ok  ] the agent runs as cwagent (uid 65534)", "[ok  ] /var/log/auth.log is readable as cwagent"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("verify output lacks %q:\n%s", want, errOut)
		}
	}
	var doc struct {
		AgentUser struct {
			User     string `json:"user"`
			Identity struct {
				UID int `json:"uid"`
			} `json:"identity"`
			Files []struct {
				Path     string `json:"path"`
				Dir      bool   `json:"dir"`
				Readable bool   `json:"readable"`
			} `json:"files"`
		} `json:"agent_user"`
		Checks []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
		} `json:"checks"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("verify --json: %v\n%s", err, out)
	}
	au := doc.AgentUser
	if au.User != "cwagent" || au.Identity.UID != 65534 || len(au.Files) != 3 {
		t.Fatalf("agent_user %+v", au)
	}
	for _, f := range au.Files {
		if !f.Readable {
			t.Errorf("%s not readable as cwagent", f.Path)
		}
	}
	found := false
	for _, c := range doc.Checks {
		found = found || c.ID == "agent_user" && c.Status == "pass"
	}
	if !found {
		t.Errorf("no passing agent_user check: %+v", doc.Checks)
	}
}

// TestApplyRunAsRootOnRequest: --run-as root writes a config run as root,
// grants nothing and says why, in English and Korean.
func TestApplyRunAsRootOnRequest(t *testing.T) {
	dir := debianRoot(t)
	os.WriteFile(filepath.Join(dir, "etc/passwd"), []byte("root:x:0:0:root:/root:/bin/bash\ncwagent:x:994:994::/home/cwagent:/sbin/nologin\n"), 0o644)
	os.Chmod(filepath.Join(dir, "var/log/auth.log"), 0o640)
	for lang, want := range map[string]string{
		"en": `The agent runs as root: the config asks for it (agent.run_as_user is "root")`,
		"ko": `에이전트를 root로 실행합니다: 구성이 그렇게 지정합니다(agent.run_as_user가 "root")`,
	} {
		code, _, errOut := runCLI(t, nil, "apply", "--root", dir, "--dry-run", "--run-as", "root", "--lang", lang)
		if code != exitOK || !strings.Contains(errOut, want) || strings.Contains(errOut, "setfacl") {
			t.Errorf("%s: exit %d, want %q and no setfacl:\n%s", lang, code, want, errOut)
		}
	}
	if code, _, errOut := runCLI(t, nil, "apply", "--root", dir, "--dry-run", "--run-as", "bad user"); code != exitUsage {
		t.Errorf("--run-as 'bad user': exit %d\n%s", code, errOut)
	}
}

// TestApplySIGHUPMidGrant: the SSH session drops (SIGHUP to the real
// binary) while the grants are being set: the grant in progress finishes,
// every ACL is restored as it was (getfacl compared), the config is not
// touched, exit 130. setfacl is the real one behind a wrapper that marks
// the first grant and takes a second over it, so the signal lands between
// grants.
func TestApplySIGHUPMidGrant(t *testing.T) {
	if os.Geteuid() != 0 {
		testpeer.Missing(t, "needs root (setfacl, setuid for the proof)")
	}
	real, err := exec.LookPath("setfacl")
	if err != nil {
		testpeer.Missing(t, "setfacl not installed (scripts/peers.d/acl.sh)")
	}
	bin := filepath.Join(t.TempDir(), "cwsetup")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dir := debianRoot(t)
	for d := dir; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		os.Chmod(d, 0o755)
	}
	os.WriteFile(filepath.Join(dir, "etc/passwd"), []byte("root:x:0:0:root:/root:/bin/bash\ncwagent:x:65534:65534:Cloudwatch Agent:/home/cwagent:/sbin/nologin\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "etc/group"), []byte("root:x:0:\nadm:x:4:\ncwagent:x:65534:\n"), 0o644)
	watched := []string{filepath.Join(dir, "var/log"), filepath.Join(dir, "var/log/syslog"), filepath.Join(dir, "var/log/auth.log")}
	for _, f := range watched[1:] {
		os.Chmod(f, 0o640)
	}
	cfgPath := filepath.Join(dir, "opt/aws/amazon-cloudwatch-agent/bin/config.json")
	old := []byte("{\"agent\":{\"run_as_user\":\"root\"},\"logs\":{\"logs_collected\":{\"files\":{\"collect_list\":[{\"file_path\":\"/var/log/syslog\",\"log_group_name\":\"before\"}]}}}}\n")
	os.WriteFile(cfgPath, old, 0o644)
	getfacl := func() string {
		out, err := exec.Command("getfacl", append([]string{"-n", "-p"}, watched...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("getfacl: %v %s", err, out)
		}
		return string(out)
	}
	before := getfacl()
	wrap := t.TempDir()
	marker := filepath.Join(wrap, "granting")
	os.WriteFile(filepath.Join(wrap, "setfacl"), []byte("#!/bin/sh\nif [ \"$1\" = -m ]; then touch "+marker+"; sleep 1; fi\nexec "+real+" \"$@\"\n"), 0o755)
	cmd := exec.Command(bin, "apply", "--root", dir, "--yes", "--no-verify", "--lang", "en")
	cmd.Env = append(os.Environ(), "PATH="+wrap+":"+os.Getenv("PATH"))
	var errOut strings.Builder
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2000; i++ {
		if _, err := os.Stat(marker); err == nil {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if _, err := os.Stat(marker); err != nil {
		cmd.Process.Kill()
		t.Fatalf("no grant started:\n%s", errOut.String())
	}
	cmd.Process.Signal(syscall.SIGHUP)
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitAborted {
		t.Fatalf("exit %v, want 130:\n%s", err, errOut.String())
	}
	if after := getfacl(); after != before {
		t.Errorf("ACLs after SIGHUP differ:\n%s\n--- before:\n%s\n%s", after, before, errOut.String())
	}
	if got, _ := os.ReadFile(cfgPath); string(got) != string(old) {
		t.Errorf("config changed:\n%s", got)
	}
}
