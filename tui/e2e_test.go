package tui

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/internal/fakectl/ctltest"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// End-to-end tests of the real binary in a private tmux server: keys go
// in with send-keys, the screen comes back with capture-pane.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// buildBinary builds cwsetup once per test run.
func buildBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "cwsetup-e2e")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "cwsetup")
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		cmd.Dir = testpeer.RepoRoot()
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := testpeer.RunMain(m)
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// fixtureRoot is a small Debian 12 web server: rsyslog and Apache
// installed, their logs with real lines.
func fixtureRoot(t *testing.T) string {
	t.Helper()
	r := t.TempDir()
	files := map[string]string{
		"etc/os-release":       "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n",
		"proc/sys/kernel/arch": "x86_64\n",
		// An EC2 machine by its DMI identity: IMDS gets 5 s, so the IAM
		// screen never takes a slow IMDS under load for "not EC2".
		"sys/class/dmi/id/sys_vendor":        "Amazon EC2\n",
		"proc/meminfo":                       "MemTotal:        3969340 kB\nMemFree:          812344 kB\nMemAvailable:    2893540 kB\nBuffers:           81232 kB\nCached:          1787412 kB\nSwapTotal:             0 kB\nSwapFree:              0 kB\n",
		"proc/stat":                          "cpu  10132 0 3021 412033 311 0 120 0 0 0\ncpu0 5066 0 1510 206016 155 0 60 0 0 0\ncpu1 5066 0 1511 206017 156 0 60 0 0 0\n",
		"lib/systemd/system/rsyslog.service": "[Service]\nExecStart=/usr/sbin/rsyslogd -n -iNONE\n",
		"usr/sbin/rsyslogd":                  "",
		"usr/sbin/apache2":                   "",
		"var/log/syslog":                     "2026-11-24T15:21:52.642883+00:00 vm rsyslogd: start\n2026-11-24T15:22:04.236247+00:00 vm CRON[12]: job\n",
		"var/log/auth.log":                   "2026-11-24T15:22:16.769080+00:00 vm sshd[16843]: Connection closed by authenticating user nobody 127.0.0.1 port 58936 [preauth]\n",
		"var/log/apache2/access.log":         "127.0.0.1 - - [24/Nov/2026:15:22:30 +0000] \"GET /nope HTTP/1.1\" 404 474 \"-\" \"curl/7.88.1\"\n",
		"var/log/apache2/error.log":          "[Tue Nov 24 15:21:51.993710 2026] [mpm_event:notice] [pid 16525:tid 16525] AH00489: Apache/2.4.71 (Debian) configured -- resuming normal operations\n",
	}
	for p, c := range files {
		full := filepath.Join(r, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

// treeSum hashes every path, mode and content under root.
func treeSum(t *testing.T, root string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %v %d\n", strings.TrimPrefix(p, root), info.Mode(), info.Size())
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h.Write(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// tmux is one private tmux server running one command.
type tmux struct {
	t    *testing.T
	sock string
}

func newTmux(t *testing.T, w, h int, command string) *tmux {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		testpeer.Missing(t, "tmux not on PATH (scripts/peers.d/tui.sh installs it)")
	}
	x := &tmux{t: t, sock: fmt.Sprintf("cwsetup-test-%d-%d", os.Getpid(), time.Now().UnixNano())}
	x.run("-u", "new-session", "-d", "-s", "w", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		command+"; echo EXIT=$?; sleep 120")
	t.Cleanup(func() { exec.Command("tmux", "-L", x.sock, "kill-server").Run() })
	return x
}

func (x *tmux) run(args ...string) string {
	x.t.Helper()
	cmd := exec.Command("tmux", append([]string{"-L", x.sock}, args...)...)
	cmd.Env = slices.DeleteFunc(os.Environ(), func(e string) bool { return strings.HasPrefix(e, "TMUX=") })
	out, err := cmd.CombinedOutput()
	if err != nil {
		x.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// screen is the pane and its scrollback (accessible mode scrolls).
func (x *tmux) screen() string { return x.run("capture-pane", "-p", "-S", "-500", "-t", "w") }

// waitFor waits until the screen shows s.
func (x *tmux) waitFor(s string) {
	x.t.Helper()
	x.waitForLong(s, 10*time.Second)
}

func (x *tmux) waitForLong(s string, d time.Duration) {
	x.t.Helper()
	end := time.Now().Add(d)
	for time.Now().Before(end) {
		if strings.Contains(x.screen(), s) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	x.t.Fatalf("screen never showed %q; it shows:\n%s", s, x.screen())
}

// keys sends named keys (Enter, Escape, Down, F2) one per call, as a
// person types them.
func (x *tmux) keys(keys ...string) {
	for _, k := range keys {
		// A focus marker can be drawn a moment before huh's field takes
		// keys; a person is never that fast.
		time.Sleep(100 * time.Millisecond)
		x.run("send-keys", "-t", "w", k)
	}
}

// line types a line literally (Hangul included) and Enter.
func (x *tmux) line(s string) {
	if s != "" {
		x.run("send-keys", "-t", "w", "-l", s)
	}
	x.run("send-keys", "-t", "w", "Enter")
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// koreanFlow are the focus markers and keys of the Korean flow up to the
// end, screen by screen.
var koreanFlow = []struct{ wait, keys string }{
	{"┃ > 한국어", "Enter"},
	{"CloudWatch 에이전트 ", "Enter"}, // the detection result, not just the form
	{"┃ 전송할 로그", "Enter"},
	{"┃ 직접 추가할 로그", "Enter"},
	{"┃ 이 서버는 어떤 일을 하나요?", "Enter"},
	{"┃ 로그 그룹 접두사", "Enter Enter"},
	{"┃ 서비스·시스템 로그 보존 기간", "Enter Enter"},
	{"┃ 로그 그룹 클래스", "Enter"},
	{"┃ 보낼 지표", "Enter Enter"},
	{"┃ 보안 경보 (선택)", "Enter"},
	{"┃ 경보 임계값", "Enter Enter Enter"}, // threshold, period, topic as they are
	{"iam setup'", "Enter"},           // IMDS answered (role or not, or not EC2)
	{"┃ 이대로 괜찮은가요?", "Enter"},
	{"┃ 이 구성을 지금 서버에 적용할까요?", "Left Enter"},
}

// koreanFlowNoRole is koreanFlow on EC2 without a role: the console
// steps wait for the role, and the user goes on without it.
var koreanFlowNoRole = func() []struct{ wait, keys string } {
	var out []struct{ wait, keys string }
	for _, step := range koreanFlow {
		out = append(out, step)
		if strings.Contains(step.wait, "iam setup'") {
			out = append(out, struct{ wait, keys string }{"┃ 아직 역할이 없습니다. 어떻게 할까요?", "Down Enter"})
		}
	}
	return out
}()

// TestE2EKoreanFlow goes through every screen in Korean on a fixture root
// with the stand-in agent ctl, against moto_server: the config is written,
// the agent runs it, verify passes, the sizing report shows.
func TestE2EKoreanFlow(t *testing.T) {
	testpeer.MotoServer(t)
	imds := testpeer.IMDS(t, testpeer.TestInstance("")) // an instance without a role
	t.Setenv("AWS_EC2_METADATA_DISABLED", "false")
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds)
	bin, root := buildBinary(t), fixtureRoot(t)
	ctltest.Install(t, root)
	ans := filepath.Join(t.TempDir(), "답변.yaml")
	x := newTmux(t, 80, 24, fmt.Sprintf("env LANG=ko_KR.UTF-8 %s --root %s --save-answers %s", bin, shellQuote(root), shellQuote(ans)))
	for _, step := range koreanFlowNoRole {
		x.waitFor(step.wait)
		if strings.Contains(step.wait, "iam setup'") && !strings.Contains(x.screen(), "연결된 역할이 없습니다") {
			t.Errorf("IAM screen does not say that no role is attached:\n%s", x.screen())
		}
		if step.wait == "┃ 전송할 로그" {
			// The highlighted log (syslog) shows its last line, as the file has it.
			x.waitFor("마지막 줄: 2026-11-24T15:22:04.236247+00:00 vm CRON[12]: job")
		}
		x.keys(strings.Fields(step.keys)...)
	}
	x.waitFor("에이전트가 구성을 받아들였고 실행 중입니다")
	x.keys("Enter")
	x.waitForLong("확인 완료: 로그가 CloudWatch에 도착합니다", 90*time.Second)
	x.keys("Enter")
	x.waitFor("크기 추천")
	x.waitForLong("메모리 예산", 30*time.Second)
	x.keys("Enter")
	x.waitFor("결과와 다음 단계")
	x.waitFor("aws logs tail /ec2/system/syslog --follow")
	x.keys("Enter")
	x.waitFor("EXIT=0")
	// The next steps are printed again after the screen is gone, whole.
	for _, want := range []string{"다음 단계:", "aws logs tail /ec2/system/syslog --follow --region ap-northeast-2", "cwsetup: 완료했습니다"} {
		if !strings.Contains(x.screen(), want) {
			t.Errorf("the end lacks %q:\n%s", want, x.screen())
		}
	}
	cfg, err := os.ReadFile(filepath.Join(root, "opt/aws/amazon-cloudwatch-agent/bin/config.json"))
	if err != nil || !strings.Contains(string(cfg), `"/ec2/system/syslog"`) {
		t.Errorf("config.json not written with the answers (%v):\n%s", err, cfg)
	}
	if !strings.Contains(x.screen(), "답변을 "+ans+"에 저장했습니다") {
		t.Errorf("no saved-answers message:\n%s", x.screen())
	}
	b, err := os.ReadFile(ans)
	if err != nil {
		t.Fatal(err)
	}
	a, err := plan.Load(b, plan.Answers{})
	if err != nil {
		t.Fatalf("saved answers do not load: %v\n%s", err, b)
	}
	if a.Role != plan.RoleWebApachePHP || len(a.Logs) != 4 {
		t.Errorf("saved answers: role %s, %d logs:\n%s", a.Role, len(a.Logs), b)
	}
}

// TestE2EEscAtEachScreen quits at every screen (Esc, then Esc in the quit
// dialog): exit 130 and the fixture root byte for byte as before.
func TestE2EEscAtEachScreen(t *testing.T) {
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true") // whatever machine this runs on
	bin, root := buildBinary(t), fixtureRoot(t)
	ctltest.Install(t, root)
	before := treeSum(t, root)
	for i := range koreanFlow {
		t.Run(fmt.Sprint(i+1), func(t *testing.T) {
			x := newTmux(t, 80, 24, fmt.Sprintf("env LANG=ko_KR.UTF-8 %s --root %s", bin, shellQuote(root)))
			for _, step := range koreanFlow[:i] {
				x.waitFor(step.wait)
				x.keys(strings.Fields(step.keys)...)
			}
			x.waitFor(koreanFlow[i].wait)
			x.keys("Escape")
			x.waitFor("아무것도 바꾸지 않고 끝내기")
			x.keys("Escape")
			x.waitFor("EXIT=130")
			if !strings.Contains(x.screen(), "아무것도 변경하지 않았습니다") {
				t.Errorf("no 'nothing changed' message:\n%s", x.screen())
			}
			if treeSum(t, root) != before {
				t.Fatal("Esc changed the fixture root")
			}
		})
	}
}

// TestE2EPipedStdin is `curl … | sh`: stdin is a pipe, keys come from the
// terminal (/dev/tty).
func TestE2EPipedStdin(t *testing.T) {
	bin, root := buildBinary(t), fixtureRoot(t)
	x := newTmux(t, 80, 24, fmt.Sprintf("cat /dev/null | env LANG=en_US.UTF-8 %s --root %s", bin, shellQuote(root)))
	x.waitFor("┃ > English")
	x.keys("Up")
	x.waitFor("┃ > 한국어")
	x.keys("Down", "Enter")
	x.waitFor("┃ Continue with this host?")
	x.keys("C-c")
	x.waitFor("Quit without changing anything")
	x.keys("Down", "Down", "Enter") // past going back (the default) and saving
	x.waitFor("EXIT=130")
}

// noInput marks a step that only checks the screen.
const noInput = "\x00"

// TestE2EAccessibleEnglish runs the whole flow as numbered prompts, one
// line at a time, waiting for each prompt as a person would.
func TestE2EAccessibleEnglish(t *testing.T) {
	testpeer.MotoServer(t)
	imds := testpeer.IMDS(t, testpeer.TestInstance("cwsetup-agent"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "false")
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds)
	bin, root := buildBinary(t), fixtureRoot(t)
	ctltest.Install(t, root)
	ans := filepath.Join(t.TempDir(), "answers.yaml")
	x := newTmux(t, 100, 50, fmt.Sprintf("env LANG=C %s --accessible --lang en --root %s --save-answers %s", bin, shellQuote(root), shellQuote(ans)))
	steps := []struct{ wait, line string }{
		{"Type a number from 1 to 2", "2"},
		{"Continue with this host?", ""},
		{"== step 3 of 12: Services and logs ==", "0"},
		{"Change a log's group name or retention", ""},
		{"Add a log of your own", ""}, // no path: its format is not asked
		{"== step 4 of 12: Server type ==", "5"},
		{"== step 5 of 12: Destination ==", "/ec2/shop"},
		{"Log stream name", ""},
		{"Retention for service and system logs", "8"},
		{"Retention for security logs", ""},
		{"Log group class", ""},
		{"Metrics to publish", "0"},
		{"Add the InstanceId dimension?", ""},
		{"Security alarms (optional)", ""},
		{"Alarm threshold", "4"},
		{"Alarm period (seconds)", "600"},
		{"SNS topic ARN to notify", ""},
		{"Role cwsetup-agent is attached to this instance (checked via IMDS)", noInput},
		{"Apply this configuration to the server now?", "y"},
	}
	for _, s := range steps {
		x.waitForLong(s.wait, 90*time.Second)
		if s.line == noInput {
			continue
		}
		time.Sleep(50 * time.Millisecond) // the prompt's reader is in place
		x.line(s.line)
	}
	x.waitForLong("Verified: logs arrive in CloudWatch.", 90*time.Second)
	x.waitFor("== step 11 of 12: Sizing ==")
	x.waitForLong("== step 12 of 12: Result and next steps ==", 30*time.Second)
	x.line("")
	x.waitForLong("EXIT=0", 30*time.Second)
	// The review printed exactly the bytes apply wrote: this root has no
	// cwagent user, so both run the agent as root, and the review says why.
	joined := x.run("capture-pane", "-p", "-J", "-S", "-3000", "-t", "w")
	head := "New config.json (there is none yet):\n"
	i := strings.Index(joined, head)
	j := strings.Index(joined[max(i, 0):], "\n}\n")
	if i < 0 || j < 0 {
		t.Fatalf("no config.json in the review:\n%s", joined)
	}
	shown := joined[i+len(head) : i+j+2]
	written, err := os.ReadFile(filepath.Join(root, "opt/aws/amazon-cloudwatch-agent/bin/config.json"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(shown) != strings.TrimSpace(string(written)) {
		t.Errorf("the review showed:\n%s\napply wrote:\n%s", shown, written)
	}
	if !strings.Contains(string(written), `"run_as_user": "root"`) || !strings.Contains(joined, "The agent will run as root, not cwagent") {
		t.Errorf("no root fallback, or the review does not say it:\n%s", joined)
	}
	b, err := os.ReadFile(ans)
	if err != nil {
		t.Fatal(err)
	}
	a, err := plan.Load(b, plan.Answers{})
	if err != nil {
		t.Fatalf("saved answers do not load: %v\n%s", err, b)
	}
	if a.Role != plan.RoleBase || a.LogGroupPrefix != "/ec2/shop" {
		t.Errorf("answers: role %s prefix %s:\n%s", a.Role, a.LogGroupPrefix, b)
	}
	if want := (plan.Alarms{Enabled: true, Threshold: 4, PeriodSeconds: 600}); a.Alarms != want {
		t.Errorf("saved alarms %+v, want %+v:\n%s", a.Alarms, want, b)
	}
	for _, l := range a.Logs {
		if want := map[bool]int{true: 365, false: 60}[plan.IsSecurityLog(l.Path)]; l.RetentionDays != want {
			t.Errorf("%s retention %d, want %d", l.Path, l.RetentionDays, want)
		}
	}
}

// TestNoTerminal: with no terminal at all, exit 2 and point at apply.
func TestNoTerminal(t *testing.T) {
	bin := buildBinary(t)
	cmd := exec.Command(bin, "--lang", "en")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true} // no controlling terminal
	out, err := cmd.CombinedOutput()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 2 {
		t.Fatalf("exit %v, want 2; output:\n%s", err, out)
	}
	if !strings.Contains(string(out), "cwsetup apply --answers") {
		t.Errorf("message does not point at apply:\n%s", out)
	}
}

// TestE2ENoColorAndDumb: NO_COLOR draws no colour codes; TERM=dumb gives
// the numbered prompts of accessible mode.
func TestE2ENoColorAndDumb(t *testing.T) {
	bin, root := buildBinary(t), fixtureRoot(t)
	x := newTmux(t, 80, 24, fmt.Sprintf("env NO_COLOR=1 LANG=en_US.UTF-8 %s --root %s", bin, shellQuote(root)))
	x.waitFor("┃ > English")
	colored := x.run("capture-pane", "-e", "-p", "-t", "w")
	if strings.Contains(colored, "\x1b[38;") || strings.Contains(colored, "\x1b[3") && strings.Contains(colored, "m┃") {
		t.Errorf("colour codes with NO_COLOR:\n%q", colored)
	}
	x.keys("Escape")
	x.waitFor("Quit without changing anything")
	x.keys("Escape")
	x.waitFor("EXIT=130")

	d := newTmux(t, 80, 24, fmt.Sprintf("env TERM=dumb LANG=en_US.UTF-8 %s --root %s", bin, shellQuote(root)))
	d.waitFor("Type a number from 1 to 2")
}

// TestE2ELangC: with LANG=C, --lang ko falls back to English (Hangul
// would be garbled) and says how to get Korean.
func TestE2ELangC(t *testing.T) {
	bin, root := buildBinary(t), fixtureRoot(t)
	x := newTmux(t, 80, 24, fmt.Sprintf("env LANG=C %s --lang ko --root %s", bin, shellQuote(root)))
	x.waitFor("┃ Language")
	if strings.ContainsFunc(x.screen(), isHangul) {
		t.Errorf("Hangul on the screen with LANG=C:\n%s", x.screen())
	}
	x.keys("F2")
	x.waitFor("Korean needs a UTF-8 locale")
	x.keys("Escape")
	x.waitFor("Quit without changing anything")
	x.keys("Escape")
	x.waitFor("EXIT=130")
	if !strings.Contains(x.screen(), "LANG=ko_KR.UTF-8") {
		t.Errorf("no hint on setting a UTF-8 locale:\n%s", x.screen())
	}
}

// toApply walks the Korean flow up to the Apply confirmation and confirms.
func toApply(x *tmux) {
	for _, step := range koreanFlow[:len(koreanFlow)-1] {
		x.waitFor(step.wait)
		x.keys(strings.Fields(step.keys)...)
	}
	x.waitFor("┃ 이 구성을 지금 서버에 적용할까요?")
	x.keys("Left", "Enter")
}

// withOldConfig puts an existing agent config on the fixture root.
func withOldConfig(t *testing.T, root string) (path string, old []byte) {
	t.Helper()
	path = filepath.Join(root, "opt/aws/amazon-cloudwatch-agent/bin/config.json")
	old = []byte("{\"logs\":{\"logs_collected\":{\"files\":{\"collect_list\":[{\"file_path\":\"/var/log/syslog\",\"log_group_name\":\"before\"}]}}}}\n")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, old
}

// TestE2EApplyCannotBeInterrupted: during Apply, Esc only says that it
// cannot stop half-way; SIGTERM waits for the rollback, so the old config
// is back byte for byte and the exit is 130.
func TestE2EApplyCannotBeInterrupted(t *testing.T) {
	testpeer.MotoServer(t)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("CWSETUP_FAKECTL_DELAY", "3s")
	bin, root := buildBinary(t), fixtureRoot(t)
	ctltest.Install(t, root)
	cfg, old := withOldConfig(t, root)
	x := newTmux(t, 80, 24, fmt.Sprintf("env LANG=ko_KR.UTF-8 %s --root %s", bin, shellQuote(root)))
	toApply(x)
	started := filepath.Join(root, "opt/aws/amazon-cloudwatch-agent/var/fetch.started")
	for i := 0; i < 1000; i++ {
		if _, err := os.Stat(started); err == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	// While it runs there is nothing to confirm and esc is not offered.
	x.waitFor("마지막 단계가 끝날 때까지 기다리세요")
	if s := x.screen(); strings.Contains(s, "esc 끝내기") {
		t.Errorf("the running apply offers esc to quit:\n%s", s)
	}
	x.keys("Escape")
	x.waitFor("적용 중입니다")
	pane := strings.TrimSpace(x.run("display", "-p", "-t", "w", "#{pane_pid}"))
	out, err := exec.Command("pgrep", "-P", pane).Output()
	if err != nil {
		t.Fatalf("cwsetup's pid: %v", err)
	}
	pid := strings.Fields(string(out))[0]
	if err := exec.Command("kill", "-TERM", pid).Run(); err != nil {
		t.Fatal(err)
	}
	x.waitForLong("EXIT=130", 30*time.Second)
	if got, _ := os.ReadFile(cfg); string(got) != string(old) {
		t.Fatalf("config after SIGTERM during Apply:\n%s", got)
	}
}

// TestE2EApplyFailureRollsBack: the agent refuses to start; the screen
// says so and that the old config was restored, and it was.
func TestE2EApplyFailureRollsBack(t *testing.T) {
	testpeer.MotoServer(t)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("CWSETUP_FAKECTL_FAIL", "start")
	t.Setenv("CWSETUP_FAKECTL_FAIL_ONCE", "1")
	bin, root := buildBinary(t), fixtureRoot(t)
	ctltest.Install(t, root)
	cfg, old := withOldConfig(t, root)
	x := newTmux(t, 80, 24, fmt.Sprintf("env LANG=ko_KR.UTF-8 %s --root %s", bin, shellQuote(root)))
	toApply(x)
	x.waitForLong("적용에 실패했습니다", 30*time.Second)
	x.waitFor("이전 구성을 되돌렸습니다")
	// The outcome shows first; the steps are above it (↑ scrolls).
	seen := ""
	for i := 0; i < 40 && !(strings.Contains(seen, "│ Configuration validation succeeded") && strings.Contains(seen, "✗ 에이전트에 구성을 불러오는 중")); i++ {
		x.keys("Up")
		time.Sleep(100 * time.Millisecond)
		seen += x.screen()
	}
	if !strings.Contains(seen, "✗ 에이전트에 구성을 불러오는 중") || !strings.Contains(seen, "│ Configuration validation succeeded") {
		t.Errorf("the failed step is not marked with its output:\n%s", seen)
	}
	if got, _ := os.ReadFile(cfg); string(got) != string(old) {
		t.Fatalf("config after a failed Apply:\n%s", got)
	}
	x.keys("Enter")
	x.waitFor("적용한 것이 없어 확인할 것도 없습니다")
}

// TestE2ECreateRole: on an instance without a role, the IAM screen plans
// the role, policy and instance profile (moto), shows the plan, and on
// confirmation creates and attaches them. Quitting afterwards lists what
// was made in AWS — never "nothing changed" — and exits 130.
func TestE2ECreateRole(t *testing.T) {
	m := testpeer.MotoServer(t)
	inst := testpeer.TestInstance("")
	inst.ID = m.RunInstance(t)
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", testpeer.IMDS(t, inst))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "")
	t.Setenv("AWS_REGION", "") // the instance's region comes from IMDS
	bin, root := buildBinary(t), fixtureRoot(t)
	x := newTmux(t, 80, 24, fmt.Sprintf("env LANG=ko_KR.UTF-8 %s --root %s", bin, shellQuote(root)))
	for _, step := range koreanFlow {
		if strings.Contains(step.wait, "iam setup'") {
			break
		}
		x.waitFor(step.wait)
		x.keys(strings.Fields(step.keys)...)
	}
	x.waitFor("┃ 역할을 어떻게 연결할까요?")
	x.keys("Up", "Enter")
	x.waitForLong("변경을 지금 AWS에 적용할까요?", 30*time.Second)
	if !strings.Contains(x.screen(), "역할 cwsetup-cloudwatch-agent") {
		t.Errorf("the plan does not name the role:\n%s", x.screen())
	}
	x.keys("Left", "Enter")
	x.waitForLong("역할을 연결했습니다", 30*time.Second)
	// The outcome shows first; the report scrolls under it (shift+↓: the
	// form's list takes ↓).
	for i := 0; i < 30 && !strings.Contains(x.screen(), "생성됨    역할 cwsetup-cloudwatch-agent"); i++ {
		x.keys("S-Down")
		time.Sleep(100 * time.Millisecond)
	}
	x.waitFor("생성됨    역할 cwsetup-cloudwatch-agent")
	x.keys("Enter")
	x.waitFor("┃ 이대로 괜찮은가요?")
	x.keys("Escape")
	x.waitFor("AWS에 만든 것은 남음")
	if !strings.Contains(x.screen(), "생성됨    역할 cwsetup-cloudwatch-agent") {
		t.Errorf("the quit dialog does not list what was made in AWS:\n%s", x.screen())
	}
	x.keys("Escape")
	x.waitFor("EXIT=130")
	s := x.screen()
	if !strings.Contains(s, "AWS에는 IAM 단계에서 만든") || !strings.Contains(s, "생성됨    역할 cwsetup-cloudwatch-agent") {
		t.Errorf("the end does not list what was made in AWS:\n%s", s)
	}
	if !strings.Contains(s, "나중에 이 서버를 설정하려면") || !strings.Contains(s, "  sudo cwsetup\n") {
		t.Errorf("a quit after the IAM step gives no next step:\n%s", s)
	}
	if strings.Contains(s, "아무것도 변경하지 않았습니다") {
		t.Errorf("the end says nothing was changed after the role was made:\n%s", s)
	}
}

// TestE2EResize: the terminal grows and shrinks; the frame follows, the
// footer stays on the last line.
func TestE2EResize(t *testing.T) {
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	bin, root := buildBinary(t), fixtureRoot(t)
	x := newTmux(t, 80, 24, fmt.Sprintf("env LANG=ko_KR.UTF-8 %s --root %s", bin, shellQuote(root)))
	x.waitFor("┃ > 한국어")
	for _, size := range [][2]int{{120, 40}, {80, 24}, {100, 30}} {
		x.run("resize-window", "-t", "w", "-x", fmt.Sprint(size[0]), "-y", fmt.Sprint(size[1]))
		var lines []string
		for i := 0; i < 100; i++ {
			lines = strings.Split(strings.TrimRight(x.run("capture-pane", "-p", "-t", "w"), "\n"), "\n")
			if len(lines) == size[1] && strings.Contains(lines[len(lines)-1], "esc 끝내기") && strings.Contains(lines[0], "시작하기") {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		if len(lines) != size[1] || !strings.Contains(lines[len(lines)-1], "esc 끝내기") || !strings.Contains(lines[0], "시작하기") {
			t.Fatalf("at %dx%d the frame is not redrawn to fit:\n%s", size[0], size[1], strings.Join(lines, "\n"))
		}
	}
}

// TestE2EKoreanVerifyFails: the whole Korean flow on a host whose agent
// cannot reach CloudWatch Logs (no route to the endpoint, as without a
// NAT or VPC endpoint). Apply goes through, verify fails; the last screen
// says what failed, why and what to run next — never "완료" — and the
// exit status is 1.
func TestE2EKoreanVerifyFails(t *testing.T) {
	testpeer.MotoServer(t)
	imds := testpeer.IMDS(t, testpeer.TestInstance(""))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "false")
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds)
	t.Setenv("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://127.0.0.1:9") // discard: nothing listens
	bin, root := buildBinary(t), fixtureRoot(t)
	ctltest.Install(t, root)
	x := newTmux(t, 80, 24, fmt.Sprintf("env LANG=ko_KR.UTF-8 %s --root %s", bin, shellQuote(root)))
	for _, step := range koreanFlowNoRole {
		x.waitFor(step.wait)
		if strings.HasPrefix(step.wait, "┃ 아직 역할이 없습니다") {
			// The console path waits: the steps stay, IMDS is asked again
			// on Enter and still finds no role.
			x.waitFor("지금까지 IMDS 확인 1회")
			x.keys("Enter")
			x.waitForLong("지금까지 IMDS 확인 2회", 30*time.Second)
			x.waitFor(step.wait)
			if !strings.Contains(x.screen(), "아직 역할이 연결되지 않았습니다") {
				t.Errorf("the wait does not say the role is still missing:\n%s", x.screen())
			}
		}
		x.keys(strings.Fields(step.keys)...)
	}
	x.waitForLong("에이전트가 구성을 받아들였고 실행 중입니다", 30*time.Second)
	x.keys("Enter")
	x.waitForLong("확인에 실패했습니다. 위의 항목을 보세요", 90*time.Second)
	// The first cause named is the role the user went on without.
	if s := x.screen(); !strings.Contains(strings.Join(strings.Fields(s), ""), "IAM역할이연결되어있지않습니다") {
		t.Errorf("the failed verify does not name the missing role:\n%s", s)
	}
	x.keys("Enter")
	x.waitForLong("메모리 예산", 30*time.Second)
	x.keys("Enter")
	x.waitFor("구성은 적용했지만 확인에 실패했습니다")
	x.keys("Down", "Down", "Down", "Down", "Down", "Down")
	x.waitFor("sudo cwsetup verify --wait 2m")
	if s := x.screen(); !strings.Contains(s, "✗ ") || strings.Contains(s, "완료") {
		t.Errorf("the failure screen does not list the failed checks, or says 완료:\n%s", s)
	}
	x.keys("Enter")
	x.waitFor("EXIT=1")
	s := x.screen()
	for _, want := range []string{"[실패]", "sudo tail -n 50 /opt/aws/amazon-cloudwatch-agent/logs/", "sudo cwsetup verify --wait 2m", "확인에 실패했습니다"} {
		if !strings.Contains(s, want) {
			t.Errorf("the end lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "완료했습니다") {
		t.Errorf("a failed run ends with 완료했습니다:\n%s", s)
	}
	if !strings.Contains(strings.Join(strings.Fields(s), ""), "IAM역할이연결되어있지않습니다") {
		t.Errorf("the end does not name the missing role:\n%s", s)
	}
}

// TestE2EVerifyInterrupted: Ctrl-C while verify waits for the test line
// leaves the wizard with 130 and says verify did not complete — never
// "applied" with exit 0.
func TestE2EVerifyInterrupted(t *testing.T) {
	testpeer.MotoServer(t)
	imds := testpeer.IMDS(t, testpeer.TestInstance(""))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "false")
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds)
	t.Setenv("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://127.0.0.1:9") // the wait never ends by itself soon
	bin, root := buildBinary(t), fixtureRoot(t)
	ctltest.Install(t, root)
	x := newTmux(t, 80, 24, fmt.Sprintf("env LANG=ko_KR.UTF-8 %s --root %s", bin, shellQuote(root)))
	for _, step := range koreanFlowNoRole {
		x.waitFor(step.wait)
		x.keys(strings.Fields(step.keys)...)
	}
	x.waitForLong("에이전트가 구성을 받아들였고 실행 중입니다", 30*time.Second)
	x.keys("Enter")
	x.waitForLong("도착하기를 기다리는 중", 30*time.Second)
	x.keys("C-c")
	x.waitForLong("EXIT=130", 30*time.Second)
	if s := x.screen(); !strings.Contains(s, "확인을 마치지 못했습니다") {
		t.Errorf("the end does not say verify did not complete:\n%s", s)
	}
}
