package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// hostileRoot is the Ubuntu fixture with escape sequences in a log line
// and in os-release, and fake secrets where secrets live.
func hostileRoot(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, testpeer.Testdata("roots", "ubuntu2404"), dir)
	appendTo := func(p, s string) {
		t.Helper()
		f, err := os.OpenFile(filepath.Join(dir, p), os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString(s); err != nil {
			t.Fatal(err)
		}
	}
	// Not a line the access log format parses: detect and the summary show it.
	appendTo("var/log/apache2/access.log", "\x1b]0;owned\x07\x1b[2J\x1b[31mEVIL\x1b[0m \u009b1m \r\n")
	osr, err := os.ReadFile(filepath.Join(dir, "etc/os-release"))
	if err != nil {
		t.Fatal(err)
	}
	osr = []byte(strings.Replace(string(osr), `PRETTY_NAME="Ubuntu 24.04.1 LTS"`, "PRETTY_NAME=\"Ubuntu \x1b[5mBLINK\x1b[0m\"", 1))
	if err := os.WriteFile(filepath.Join(dir, "etc/os-release"), osr, 0o644); err != nil {
		t.Fatal(err)
	}
	for p, s := range map[string]string{
		"etc/shadow":             "root:$6$" + fakeSecret + ":19000::::::\n",
		"root/.aws/credentials":  "[default]\naws_secret_access_key = " + fakeSecret + "\n",
		"root/.ssh/id_ed25519":   "-----BEGIN OPENSSH PRIVATE KEY-----\n" + fakeSecret + "\n",
		"etc/ssl/private/ss.key": fakeSecret + "\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		appendTo(p, s)
	}
	return dir
}

const fakeSecret = "FAKE-SECRET-3f9a1c"

// noControl fails when text meant for a terminal carries an escape or
// another control character (newline and tab are fine).
func noControl(t *testing.T, what, s string) {
	t.Helper()
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f {
			t.Errorf("%s: control character %U reaches the terminal:\n%q", what, r, s)
			return
		}
	}
}

var noIMDS = map[string]string{"AWS_EC2_METADATA_DISABLED": "true"}

func TestHostileRootTerminalSafe(t *testing.T) {
	root := hostileRoot(t)
	code, out, errOut := runCLI(t, noIMDS, "detect", "--root", root)
	if code != 0 || !strings.Contains(errOut, "EVIL") || !strings.Contains(errOut, "BLINK") {
		t.Fatalf("detect: exit %d\n%s", code, errOut)
	}
	noControl(t, "detect", out+errOut)

	// --json keeps the bytes, escaped as JSON escapes them.
	code, out, errOut = runCLI(t, noIMDS, "detect", "--json", "--root", root)
	if code != 0 || !json.Valid([]byte(out)) || !strings.Contains(out, `\u001b]0;owned`) {
		t.Fatalf("detect --json: exit %d\n%s\n%s", code, out, errOut)
	}
	if strings.Contains(out, "\x1b") {
		t.Error("detect --json writes a raw ESC")
	}

	code, out, errOut = runCLI(t, noIMDS, "config", "--summary", "--root", root)
	if code != 0 || !strings.Contains(out, "EVIL") {
		t.Fatalf("config --summary: exit %d\n%s\n%s", code, out, errOut)
	}
	noControl(t, "config --summary", out+errOut)
}

// Answers naming secret files are refused (exit 2, both languages), and
// nothing of the secrets shows on stdout or stderr.
func TestAnswersSecretPathsRefused(t *testing.T) {
	root := hostileRoot(t)
	for _, c := range []struct{ path, en, ko string }{
		{"/etc/shadow", "holds secrets", "비밀 정보"},
		{"/root/.aws/credentials", "holds secrets", "비밀 정보"},
		{"/root/.ssh/id_ed25519", "holds secrets", "비밀 정보"},
		{"/etc/sha*", "holds secrets", "비밀 정보"},
		{"/etc/ssl/private/ss.key", "holds secrets", "비밀 정보"},
		{"/srv/app/tls/ss.key", "key material", "키 파일"},
		{"/proc/self/environ", "/proc, /sys or /dev", "/proc, /sys, /dev"},
		{"/var/log/../../etc/shadow", `".." segment`, `".." 구간`},
	} {
		body := "role: base\nlogs:\n  - {service: custom, name: x, path: '" + c.path + "', timestamp_format: '%Y'}\n"
		f := writeTemp(t, "a.yaml", body)
		for lang, want := range map[string]string{"en": c.en, "ko": c.ko} {
			for _, cmd := range [][]string{{"config"}, {"apply", "--dry-run"}} {
				args := append(cmd, "--lang", lang, "--root", root, "--answers", f)
				code, out, errOut := runCLI(t, noIMDS, args...)
				if code != exitUsage || !strings.Contains(errOut, want) {
					t.Errorf("%v %s: exit %d, stderr:\n%s\nwant %q", cmd, c.path, code, errOut, want)
				}
				if strings.Contains(out+errOut, fakeSecret) {
					t.Errorf("%v %s: the secret is in the output", cmd, c.path)
				}
			}
		}
	}
}

// config.json linked out of --root is neither read nor merged, nor
// written through: every command that touches it says so and stops.
func TestConfigJSONSymlinkOutOfRoot(t *testing.T) {
	root := hostileRoot(t)
	outside := filepath.Join(t.TempDir(), "config.json")
	const marker = `{"agent":{"region":"OUTSIDE-MARKER"}}`
	if err := os.WriteFile(outside, []byte(marker), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(root, agent.ConfigPath)
	if err := os.MkdirAll(filepath.Dir(cfg), 0o755); err != nil {
		t.Fatal(err)
	}
	os.Remove(cfg)
	if err := os.Symlink(outside, cfg); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"config", "--root", root},
		{"apply", "--dry-run", "--root", root},
		{"apply", "--yes", "--root", root},
	} {
		code, out, errOut := runCLI(t, noIMDS, args...)
		if code != exitUsage || !strings.Contains(errOut, "leads outside it through a symbolic link") || strings.Contains(out+errOut, "OUTSIDE-MARKER") {
			t.Errorf("%v: exit %d\nstdout %s\nstderr %s", args, code, out, errOut)
		}
	}
	if b, _ := os.ReadFile(outside); string(b) != marker {
		t.Errorf("the file outside the root changed: %s", b)
	}
	if m, _ := filepath.Glob(outside + ".*"); len(m) > 0 {
		t.Errorf("files written outside the root: %v", m)
	}
}

// An interrupted apply says what it leaves: the backup it restored from,
// or that nothing was written, and the lock released — never "nothing was
// changed" after a write.
func TestApplyLeftSaysWhatIsLeft(t *testing.T) {
	r, err := host.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	bak := r.Path(agent.ConfigPath) + ".bak.20261202T070000Z"
	for _, c := range []struct {
		res  *agent.ApplyResult
		want []string
	}{
		{&agent.ApplyResult{Interrupted: true}, []string{"before config.json was written", "lock " + r.Path(agent.LockPath) + " is released"}},
		{&agent.ApplyResult{Interrupted: true, Written: true, Backup: bak, RolledBack: true}, []string{"from the backup " + bak, "is released"}},
		{&agent.ApplyResult{Interrupted: true, Written: true, RolledBack: true}, []string{"was removed", "is released"}},
		{&agent.ApplyResult{Interrupted: true, Written: true, Backup: bak, RollbackErr: errors.New("x")}, []string{"could not be put back", bak}},
	} {
		err := abortedError{applyLeft(r, c.res)}
		msg := i18n.New(i18n.EN).Error(err)
		for _, w := range c.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%+v: %q lacks %q", c.res, msg, w)
			}
		}
		if c.res.Written && strings.Contains(msg, "nothing was changed") {
			t.Errorf("%+v: %q", c.res, msg)
		}
		if ko := i18n.New(i18n.KO).Error(err); ko == msg || !strings.Contains(ko, "잠금을 해제했습니다") {
			t.Errorf("ko: %q", ko)
		}
		if !errors.Is(err, errAborted) {
			t.Error("an interrupted apply must exit as aborted (130)")
		}
	}
}

// syscallsRead is the read system calls a process made so far
// (/proc/PID/io syscr), 0 when unknown.
func syscallsRead(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/io", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "syscr: "); ok {
			n, _ := strconv.Atoi(v)
			return n
		}
	}
	return 0
}

// The real binary, in the middle of the include explosion (10,000 pool
// files that each include their directory), stops on SIGTERM: exit 130,
// the aborted message, no report.
func TestDetectSIGTERMRealBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "cwsetup")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	root := t.TempDir()
	testpeer.PoolExplosion(t, root, 10000)
	cmd := exec.Command(bin, "detect", "--root", root)
	cmd.Env = append(os.Environ(), "AWS_EC2_METADATA_DISABLED=true", "LANG=C")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// Wait until it is reading the pool files (thousands of reads in),
	// then freeze it so the signal surely lands mid-walk.
	pid := cmd.Process.Pid
	for syscallsRead(pid) < 3000 {
		select {
		case err := <-done:
			t.Fatalf("detect finished before the signal (%v); the tree is too small for this machine\n%s", err, errOut.String())
		case <-time.After(time.Millisecond):
		}
	}
	syscall.Kill(pid, syscall.SIGSTOP)
	reads := syscallsRead(pid)
	syscall.Kill(pid, syscall.SIGTERM)
	syscall.Kill(pid, syscall.SIGCONT)
	var err error
	select {
	case err = <-done:
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		t.Fatal("detect ignored SIGTERM")
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitAborted {
		t.Fatalf("exit %v, want %d\n%s", err, exitAborted, errOut.String())
	}
	if !strings.Contains(errOut.String(), "aborted: nothing was changed") || strings.Contains(errOut.String(), "php-fpm") || out.Len() > 0 {
		t.Errorf("stdout %q\nstderr %q", out.String(), errOut.String())
	}
	t.Logf("stopped after %d read calls", reads)
}
