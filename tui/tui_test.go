package tui

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/plan"
	"github.com/cwsetup/cwsetup/wizard/sizing"
	"github.com/cwsetup/cwsetup/wizard/tsformat"
)

var _ = flag.Bool // -update is teatest's golden flag

// webHost is what detection reports on a Debian 12 web server (the shape
// of test-infra.md §3.5): Apache and PHP-FPM running, rsyslog files.
func webHost() detect.Report {
	return detect.Report{
		OS:    detect.OS{ID: "debian", VersionID: "12", Family: "debian", PrettyName: "Debian GNU/Linux 12 (bookworm)"},
		Arch:  "amd64",
		Agent: detect.Agent{},
		Services: []detect.Service{
			{Name: detect.System, State: detect.Running, Flavor: "rsyslog", Logs: []detect.Log{
				{Path: "/var/log/syslog", Exists: true, Size: 48213, TimestampFormat: "%Y-%m-%dT%H:%M:%S.%f%z", FormatChecked: true},
				{Path: "/var/log/auth.log", Exists: true, Size: 9120, TimestampFormat: "%Y-%m-%dT%H:%M:%S.%f%z", FormatChecked: true},
			}},
			{Name: detect.Apache, State: detect.Running, Flavor: "apache2", Logs: []detect.Log{
				{Path: "/var/log/apache2/access.log", Exists: true, Size: 2_400_000, TimestampFormat: "%d/%b/%Y:%H:%M:%S %z", FormatChecked: true},
				{Path: "/var/log/apache2/error.log", Exists: true, Size: 812, TimestampFormat: "%a %b %d %H:%M:%S.%f %Y", FormatChecked: true},
			}},
			{Name: detect.PHPFPM, State: detect.Running, Logs: []detect.Log{
				{Path: "/var/log/php8.2-fpm.log", Exists: true, Size: 120, TimestampFormat: "", FormatChecked: false},
			}},
		},
	}
}

// session is a wizard session on the web host, already detected.
func session(lang i18n.Lang) *Session {
	r := webHost()
	s := &Session{Lang: lang, UTF8: true, Report: &r}
	s.Review = func(a plan.Answers) (*app.Config, error) {
		cfg, err := render.Merge(nil, a) // no config on the host yet
		return &app.Config{Config: cfg}, err
	}
	setDefaults(s, plan.SuggestRole(r))
	// The IAM screen of an instance without a role: the real policy for
	// the answers, in the console steps.
	s.IAM = func(_ context.Context, a plan.Answers) (IAMState, error) {
		in := render.PolicyInputFromAnswers(a, "ap-northeast-2", "123456789012", true)
		policy := string(render.LeastPrivilegePolicy(in).JSON())
		return IAMState{Policy: policy, Steps: func(p i18n.Printer) string {
			return p.T(i18n.IAMConsoleSteps, in.EffectiveRoleName(), "i-0abc1234def567890", in.Region, in.Account, "")
		}}, nil
	}
	// Apply and verify change a host: the screen tests stop before them.
	s.Apply = func(context.Context, plan.Answers, func(agent.Event)) (*agent.ApplyResult, error) {
		panic("apply ran in a screen test")
	}
	s.Verify = func(context.Context, func(agent.Check)) (*app.Verified, error) {
		panic("verify ran in a screen test")
	}
	// Sizing reads the committed lamp-4g host (testdata/sizing), no CPU sample.
	s.Sizing = func(ctx context.Context) (sizing.Report, error) {
		root, err := host.Open(testpeer.Testdata("sizing", "lamp-4g"))
		if err != nil {
			return sizing.Report{}, err
		}
		return app.Sizing(ctx, root, app.SizingOptions{})
	}
	return s
}

// tester drives a wizard under teatest. It keeps all output, and waits
// look only at what was drawn since the last key press: the v2 renderer
// draws only changed cells.
type tester struct {
	*teatest.TestModel
	t    *testing.T
	out  bytes.Buffer
	mark int
}

func start(t *testing.T, s *Session, w, h int) *tester {
	t.Helper()
	t.Setenv("TERM", "xterm-256color") // TERM=dumb would flip huh into accessible mode
	tm := teatest.NewTestModel(t, newModel(s),
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	return &tester{TestModel: tm, t: t}
}

func waitFor(t *testing.T, tm *tester, s string) {
	t.Helper()
	end := time.Now().Add(5 * time.Second)
	for time.Now().Before(end) {
		b, err := io.ReadAll(tm.Output())
		if err != nil {
			t.Fatal(err)
		}
		tm.out.Write(b)
		if bytes.Contains(tm.out.Bytes()[tm.mark:], []byte(s)) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%q not drawn in 5s; drawn since the last key:\n%s", s, ansi.Strip(tm.out.String()[tm.mark:]))
}

func press(tm *tester, keys ...string) {
	io.Copy(&tm.out, tm.Output())
	tm.mark = tm.out.Len()
	for _, k := range keys {
		switch k {
		case "enter":
			tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
		case "esc":
			tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
		case "down":
			tm.Send(tea.KeyPressMsg{Code: tea.KeyDown})
		case "up":
			tm.Send(tea.KeyPressMsg{Code: tea.KeyUp})
		case "tab":
			tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
		case "pgup":
			tm.Send(tea.KeyPressMsg{Code: tea.KeyPgUp})
		case "f2":
			tm.Send(tea.KeyPressMsg{Code: tea.KeyF2})
		case "ctrl+c":
			tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
		case "ctrl+u":
			tm.Send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
		default:
			for _, r := range k { // runes, so Hangul arrives whole
				tm.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
		}
	}
}

func final(t *testing.T, tm *tester) *Model {
	t.Helper()
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
}

// screenText is the model's screen as plain text: what a person sees.
func screenText(m *Model) string { return ansi.Strip(m.render()) }

// titles holds each screen's title key, to wait for the screen.
func titleOf(m *Model, id string) string {
	for _, sc := range m.screens {
		if sc.id == id {
			return m.p.T(sc.title)
		}
	}
	return ""
}

// TestScreens renders every screen in Korean and English at 80×24 and
// compares with the golden files (go test ./tui -update rewrites them).
func TestScreens(t *testing.T) {
	ids := []string{screenWelcome, screenHost, screenLogs, screenRole, screenDest, screenMetrics, screenIAM,
		screenReview, screenApply, screenVerify, screenSizing}
	// Content that comes after the screen opens (work done in the background).
	waitMore := map[string]string{screenSizing: "PSS", screenIAM: "iam setup"}
	for _, lang := range i18n.Langs {
		for _, id := range ids {
			t.Run(fmt.Sprintf("%s/%s", lang, id), func(t *testing.T) {
				s := session(lang)
				s.StartAt = id
				tm := start(t, s, 80, 24)
				m0 := newModel(session(lang))
				waitFor(t, tm, titleOf(m0, id))
				waitFor(t, tm, "enter")
				if w := waitMore[id]; w != "" {
					waitFor(t, tm, w)
				}
				if id == screenHost { // the IMDS rows come after detection
					waitFor(t, tm, i18n.New(lang).T(i18n.TUIHostRoleNone))
				}
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				m := final(t, tm)
				if m.screens[m.cur].id != id {
					t.Fatalf("on screen %s, want %s", m.screens[m.cur].id, id)
				}
				out := screenText(m)
				checkFits(t, out, 80, 24)
				teatest.RequireEqualOutput(t, []byte(out))
			})
		}
	}
}

// checkFits fails when a line is wider than the terminal (Hangul counts
// two cells) or the screen has a different number of lines.
func checkFits(t *testing.T, out string, w, h int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		t.Errorf("screen has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("line %d is %d cells wide (> %d): %q", i+1, lw, w, l)
		}
	}
}

func TestResize(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {100, 30}} {
		s := session(i18n.KO)
		s.StartAt = screenDest
		tm := start(t, s, 80, 24)
		waitFor(t, tm, "enter")
		tm.Send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		tm.Quit()
		m := final(t, tm)
		checkFits(t, screenText(m), size[0], size[1])
	}
}

func TestEscTwiceAborts(t *testing.T) {
	s := session(i18n.KO)
	s.StartAt = screenRole
	tm := start(t, s, 80, 24)
	waitFor(t, tm, "enter")
	press(tm, "esc")
	waitFor(t, tm, "아무것도 바꾸지 않고 끝내기")
	press(tm, "esc")
	m := final(t, tm)
	if m.result.Outcome != Aborted || m.result.SaveTo != "" {
		t.Fatalf("result %+v, want aborted without saving", m.result)
	}
}

func TestCtrlCThenQuitChoice(t *testing.T) {
	s := session(i18n.EN)
	tm := start(t, s, 80, 24)
	waitFor(t, tm, "enter")
	press(tm, "ctrl+c")
	waitFor(t, tm, "Quit without changing anything")
	press(tm, "down", "enter") // the default is to go back
	m := final(t, tm)
	if m.result.Outcome != Aborted {
		t.Fatalf("outcome %v, want aborted", m.result.Outcome)
	}
}

func TestQuitSavesAnswersPath(t *testing.T) {
	s := session(i18n.KO)
	s.SaveAnswers = func(string) error { return nil }
	s.StartAt = screenDest
	tm := start(t, s, 80, 24)
	waitFor(t, tm, "enter")
	press(tm, "esc")
	waitFor(t, tm, "답변을 파일로 저장한 뒤 끝내기")
	press(tm, "down", "enter")
	waitFor(t, tm, "답변을 저장할 파일")
	press(tm, "ctrl+u", "/tmp/답변.yaml", "enter")
	m := final(t, tm)
	if m.result.Outcome != Aborted || m.result.SaveTo != "/tmp/답변.yaml" {
		t.Fatalf("result %+v", m.result)
	}
}

func TestQuitDialogContinueKeepsScreen(t *testing.T) {
	s := session(i18n.EN)
	s.StartAt = screenRole
	tm := start(t, s, 80, 24)
	waitFor(t, tm, "enter")
	press(tm, "esc")
	waitFor(t, tm, "Go back to the wizard")
	press(tm, "enter") // the default
	waitFor(t, tm, "What does this server do?")
	tm.Quit()
	m := final(t, tm)
	if m.quit != nil || m.screens[m.cur].id != screenRole {
		t.Fatalf("after continue: quit dialog %v, screen %s", m.quit != nil, m.screens[m.cur].id)
	}
}

func TestLanguageSwitchTranslatesKeyHelp(t *testing.T) {
	s := session(i18n.KO)
	s.StartAt = screenRole
	tm := start(t, s, 80, 24)
	waitFor(t, tm, "서버 유형")
	press(tm, "f2")
	waitFor(t, tm, "Server type")
	tm.Quit()
	m := final(t, tm)
	out := screenText(m)
	for _, want := range []string{"Server type", "↑ up", "↓ down", "enter submit", "F2 한국어"} {
		if !strings.Contains(out, want) {
			t.Errorf("English screen lacks %q:\n%s", want, out)
		}
	}
	if strings.ContainsFunc(strings.ReplaceAll(out, "한국어", ""), isHangul) {
		t.Errorf("Hangul left on the English screen:\n%s", out)
	}
}

func isHangul(r rune) bool {
	return r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F
}

func TestNoEnglishOnKoreanScreens(t *testing.T) {
	s := session(i18n.KO)
	m := newModel(s)
	m.Init()
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	out := screenText(m)
	for _, word := range []string{"select", "submit", "next", "back", "quit", "toggle"} {
		if strings.Contains(out, " "+word) {
			t.Errorf("English key help %q on the Korean screen:\n%s", word, out)
		}
	}
}

func TestKoreanNeedsUTF8(t *testing.T) {
	s := session(i18n.EN)
	s.UTF8 = false
	tm := start(t, s, 80, 24)
	waitFor(t, tm, "enter")
	press(tm, "f2")
	waitFor(t, tm, "LANG=ko_KR.UTF-8")
	tm.Quit()
	m := final(t, tm)
	if m.sess.Lang != i18n.EN {
		t.Fatalf("language %s without a UTF-8 locale, want en", m.sess.Lang)
	}
	if strings.ContainsFunc(screenText(m), isHangul) {
		t.Errorf("Hangul on a screen without a UTF-8 locale:\n%s", screenText(m))
	}
}

// TestBackForwardKeepsAnswers changes the role and the retention, goes
// back and forward, and finds both kept.
func TestBackForwardKeepsAnswers(t *testing.T) {
	s := session(i18n.EN)
	s.StartAt = screenRole
	tm := start(t, s, 80, 24)
	waitFor(t, tm, "What does this server do?")
	press(tm, "down", "down", "down", "down", "enter") // base
	waitFor(t, tm, "Log group prefix")
	press(tm, "pgup")
	waitFor(t, tm, "What does this server do?")
	press(tm, "enter")
	waitFor(t, tm, "Log group prefix")
	tm.Quit()
	m := final(t, tm)
	if m.sess.Answers.Role != plan.RoleBase || m.sess.role != plan.RoleBase {
		t.Fatalf("role %s after back and forward, want base", m.sess.Answers.Role)
	}
}

func TestLogsUntickedStayOut(t *testing.T) {
	s := session(i18n.EN)
	s.StartAt = screenLogs
	tm := start(t, s, 80, 24)
	waitFor(t, tm, "Logs to ship")
	press(tm, "x", "enter") // untick the first (syslog)
	waitFor(t, tm, "What does this server do?")
	tm.Quit()
	m := final(t, tm)
	for _, l := range m.sess.Answers.Logs {
		if l.Path == "/var/log/syslog" {
			t.Fatalf("unticked /var/log/syslog is still shipped: %+v", m.sess.Answers.Logs)
		}
	}
	if len(m.sess.Answers.Logs) == 0 {
		t.Fatal("every log gone; only syslog was unticked")
	}
}

// TestFullFlow goes through every screen up to Apply, declines it, and
// quits: nothing was applied.
func TestFullFlow(t *testing.T) {
	s := session(i18n.KO)
	tm := start(t, s, 80, 24)
	waitFor(t, tm, "언어")
	press(tm, "down", "enter") // English
	waitFor(t, tm, "This host")
	for _, w := range []string{"Logs to ship", "What does this server do?", "Log group prefix"} {
		press(tm, "enter")
		waitFor(t, tm, w)
	}
	press(tm, "enter", "enter") // prefix, stream
	waitFor(t, tm, "Retention for service")
	press(tm, "enter", "enter") // retention ×2
	waitFor(t, tm, "Log group class")
	press(tm, "enter")
	waitFor(t, tm, "Metrics to publish")
	press(tm, "enter", "enter")
	waitFor(t, tm, "Security alarms (optional)")
	press(tm, "enter") // on (the preset's default)
	waitFor(t, tm, "Alarm threshold")
	press(tm, "enter", "enter", "enter") // threshold, period, topic as they are
	waitFor(t, tm, "iam setup'")
	press(tm, "enter") // the console steps: the wizard waits for the role
	waitFor(t, tm, "The role is not attached yet")
	press(tm, "down", "enter") // go on without it
	waitFor(t, tm, "Looks right?")
	press(tm, "enter")
	waitFor(t, tm, "Apply this configuration to the server now?")
	press(tm, "enter") // the default is No: back to the review
	waitFor(t, tm, "Looks right?")
	press(tm, "esc")
	waitFor(t, tm, "Quit without changing anything")
	press(tm, "esc")
	m := final(t, tm)
	if m.result.Outcome != Aborted || m.result.Lang != i18n.EN || m.sess.applyStarted {
		t.Fatalf("result %+v, apply started %v", m.result, m.sess.applyStarted)
	}
	if err := m.sess.Answers.Validate(); err != nil {
		t.Fatalf("answers after the flow: %v", err)
	}
	if want := (plan.Alarms{Enabled: true, PeriodSeconds: plan.DefaultAlarmPeriod}); m.sess.Answers.Alarms != want {
		t.Errorf("alarms %+v, want the defaults %+v", m.sess.Answers.Alarms, want)
	}
}

// TestAccessible runs the same screens as numbered prompts; each answer is
// one write, as a person typing lines.
func TestAccessible(t *testing.T) {
	s := session(i18n.EN)
	s.Apply, s.Verify, s.Sizing = nil, nil, nil // the flow ends at the review
	s.StartAt = screenRole
	inR, inW := io.Pipe()
	var out bytes.Buffer
	done := make(chan Result, 1)
	go func() {
		r, err := Run(context.Background(), s, Options{In: inR, Out: &out, Accessible: true})
		if err != nil {
			t.Error(err)
		}
		done <- r
	}()
	// ... metrics "0", InstanceId "", alarms on "", threshold 7, a period
	// CloudWatch refuses (45) then 600, no topic; the console steps (1),
	// then on without the role (2).
	for _, line := range []string{"5", "", "", "", "", "", "0", "", "", "7", "45", "600", "", "1", "2"} {
		if _, err := io.WriteString(inW, line+"\n"); err != nil {
			t.Fatal(err)
		}
	}
	var r Result
	select {
	case r = <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("accessible run did not finish; output:\n%s", out.String())
	}
	if r.Outcome != Completed || s.Answers.Role != plan.RoleBase {
		t.Fatalf("result %+v role %s; output:\n%s", r, s.Answers.Role, out.String())
	}
	if strings.Contains(out.String(), "\x1b[") {
		t.Errorf("colour codes in accessible output")
	}
	if !strings.Contains(out.String(), "What does this server do?") {
		t.Errorf("no role question in:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "CloudWatch does not accept an alarm period of 45 seconds") || strings.Contains(out.String(), "alarms.period_seconds") {
		t.Errorf("no period error, or one naming the answers-file key, in:\n%s", out.String())
	}
	if want := (plan.Alarms{Enabled: true, Threshold: 7, PeriodSeconds: 600}); s.Answers.Alarms != want {
		t.Errorf("alarms %+v, want %+v", s.Answers.Alarms, want)
	}
}

// TestAddPathLiveFormat adds a log of the user's own: the format is tested
// on the file's last lines as it is typed (plan.CheckTimestamps).
func TestAddPathLiveFormat(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "var/log/shop"), 0o755); err != nil {
		t.Fatal(err)
	}
	lines := "2026-11-25 07:00:01,123 INFO order 1 placed\n2026-11-25 07:00:02,456 WARN stock low\n"
	if err := os.WriteFile(filepath.Join(dir, "var/log/shop/app.log"), []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := session(i18n.EN)
	s.CheckFormat = func(path, format string) (tsformat.Check, bool, error) {
		if _, err := tsformat.Parse(format); err != nil {
			return tsformat.Check{}, false, err
		}
		for _, c := range plan.CheckTimestamps(root, plan.Answers{Logs: []plan.LogSource{{Path: path, TimestampFormat: format}}}) {
			return c.Check, true, nil
		}
		return tsformat.Check{}, false, nil
	}
	s.StartAt = screenLogs
	tm := start(t, s, 80, 24)
	waitFor(t, tm, "Logs to ship")
	press(tm, "enter")
	waitFor(t, tm, "Add a log of your own")
	press(tm, "/var/log/shop/*.log", "enter")
	waitFor(t, tm, "Its timestamp format")
	press(tm, "%Y-%m-%d %H:%M:%S,%f")
	waitFor(t, tm, "all 2 of the last 2 lines parse")
	press(tm, "enter")
	// The list again, with the new log in it.
	waitFor(t, tm, "Added /var/log/shop/*.log")
	waitFor(t, tm, "added    /var/log/shop/*.log")
	press(tm, "enter", "enter")
	waitFor(t, tm, "What does this server do?")
	tm.Quit()
	m := final(t, tm)
	var got *plan.LogSource
	for i, l := range m.sess.Answers.Logs {
		if l.Path == "/var/log/shop/*.log" {
			got = &m.sess.Answers.Logs[i]
		}
	}
	if got == nil || got.TimestampFormat != "%Y-%m-%d %H:%M:%S,%f" || got.Service != "custom" {
		t.Fatalf("added log: %+v", got)
	}
}

// TestAddPathBadFormatRefused: a format that parses none of the file's
// lines is refused with the count.
func TestAddPathBadFormatRefused(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "var/log/shop"), 0o755)
	os.WriteFile(filepath.Join(dir, "var/log/shop/app.log"), []byte("25/11/2026 07:00:01 INFO x\n"), 0o644)
	root, _ := host.Open(dir)
	s := session(i18n.EN)
	s.CheckFormat = func(path, format string) (tsformat.Check, bool, error) {
		for _, c := range plan.CheckTimestamps(root, plan.Answers{Logs: []plan.LogSource{{Path: path, TimestampFormat: format}}}) {
			return c.Check, true, nil
		}
		return tsformat.Check{}, false, nil
	}
	s.StartAt = screenLogs
	tm := start(t, s, 80, 24)
	waitFor(t, tm, "Logs to ship")
	press(tm, "enter")
	waitFor(t, tm, "Add a log of your own")
	press(tm, "/var/log/shop/app.log", "enter")
	waitFor(t, tm, "Its timestamp format")
	press(tm, "%Y-%m-%d %H:%M:%S", "enter")
	waitFor(t, tm, "none of the last 1 lines parse")
	tm.Quit()
	if m := final(t, tm); m.screens[m.cur].id != screenLogs {
		t.Fatalf("moved on to %s with a format that parses nothing", m.screens[m.cur].id)
	}
}

// runAccessibleLines runs the accessible wizard from screen start on
// lines typed one at a time, and returns what it printed.
func runAccessibleLines(t *testing.T, s *Session, lines ...string) (Result, string) {
	t.Helper()
	inR, inW := io.Pipe()
	var out bytes.Buffer
	done := make(chan Result, 1)
	go func() {
		r, err := Run(context.Background(), s, Options{In: inR, Out: &out, Accessible: true})
		if err != nil {
			t.Error(err)
		}
		done <- r
	}()
	go func() {
		for _, line := range lines {
			if _, err := io.WriteString(inW, line+"\n"); err != nil {
				return
			}
		}
		inW.Close()
	}()
	select {
	case r := <-done:
		return r, out.String()
	case <-time.After(5 * time.Second):
		t.Fatalf("accessible run did not finish; output:\n%s", out.String())
	}
	return Result{}, ""
}

// TestAccessibleKorean: a number out of range, a letter for yes/no, all
// answered in Korean; none of huh's English prompts appear, and hidden
// questions (the alarm inputs once alarms are off) are not asked.
func TestAccessibleKorean(t *testing.T) {
	s := session(i18n.KO)
	s.Apply, s.Verify, s.Sizing, s.IAM, s.Review = nil, nil, nil, nil, nil
	s.StartAt = screenRole
	// role: 9 (no such), then 5 (base); destination as it is; metrics
	// done; InstanceId "x" (neither) then y; alarms n.
	r, out := runAccessibleLines(t, s, "9", "5", "", "", "", "", "", "0", "x", "y", "n")
	if r.Outcome != Completed || s.Answers.Role != plan.RoleBase || s.Answers.Alarms.Enabled {
		t.Fatalf("result %+v role %s alarms %+v; output:\n%s", r, s.Answers.Role, s.Answers.Alarms, out)
	}
	for _, want := range []string{
		`"9"는 고를 수 있는 번호가 아닙니다. 1부터 5까지의 번호를 입력하세요.`,
		`"x"는 y도 n도 아닙니다. y나 n을 입력하세요.`,
		"1부터 5까지 번호를 입력하세요 (Enter는 1번): ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	for _, english := range []string{"Enter a number", "Invalid", "Confirm selection", "Select up to", "only one option", "invalid input"} {
		if strings.Contains(out, english) {
			t.Errorf("huh's English %q in the Korean accessible flow:\n%s", english, out)
		}
	}
	if strings.Contains(out, "경보 임계값") {
		t.Errorf("the alarm inputs were asked with alarms off:\n%s", out)
	}
	if testing.Verbose() {
		t.Log(out)
	}
}

// TestAccessibleLogListWhole: line prompts print every log label whole
// (no "…" at any width) and do not tell the user to press x, space or F2,
// keys that line mode does not have.
func TestAccessibleLogListWhole(t *testing.T) {
	s := session(i18n.KO)
	s.Apply, s.Verify, s.Sizing, s.IAM, s.Review = nil, nil, nil, nil, nil
	long := "/var/log/httpd/a-rather-long-virtual-host-name.example.com-error_log"
	s.Report.Services[1].Logs = append(s.Report.Services[1].Logs,
		detect.Log{Path: long, Exists: true, Size: 394, TimestampFormat: "%a %b %d %H:%M:%S.%f %Y", FormatChecked: true})
	// welcome: Korean; host: go on; logs: as ticked, nothing added; the rest as offered.
	_, out := runAccessibleLines(t, s, "", "", "", "", "", "", "", "", "", "", "0", "", "")
	if !strings.Contains(out, long+" (394 B)  ✓") {
		t.Errorf("the long log's label is not whole:\n%s", out)
	}
	for _, bad := range []string{"…", "x나 스페이스로", "F2로 언제든"} {
		if strings.Contains(out, bad) {
			t.Errorf("%q in the accessible flow:\n%s", bad, out)
		}
	}
}

// TestApplyStepsMarked: a step whose only event is a note (the access
// step falling back to root) is shown by that note, and the step before
// it (the lock) is marked done, not failed.
func TestApplyStepsMarked(t *testing.T) {
	s := session(i18n.KO)
	m := newModel(s)
	m.Init()
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	s.applyStarted = true
	for _, e := range []agent.Event{
		{Step: agent.StepLock, Kind: agent.EvStart, Msg: i18n.Errorf(i18n.ApplyStepLock, "/var/lib/cwsetup/apply.lock")},
		{Step: agent.StepAccess, Kind: agent.EvNote, Msg: i18n.Errorf(i18n.ApplyAgentAsRoot, i18n.Errorf(i18n.ApplyStepFetch))},
		{Step: agent.StepWrite, Kind: agent.EvStart, Msg: i18n.Errorf(i18n.ApplyStepWrite, "/opt/config.json")},
		{Step: agent.StepWrite, Kind: agent.EvDone, Msg: i18n.Errorf(i18n.ApplyWritten, "/opt/config.json")},
	} {
		applyEvent{e: e}.apply(m)
	}
	applyFinished{res: &agent.ApplyResult{}}.apply(m)
	body := applyBody(m, 100)
	if strings.Contains(body, "✗") || strings.Contains(body, "access") {
		t.Errorf("a step marked failed, or shown by its id:\n%s", body)
	}
	if root := m.p.T(i18n.ApplyAgentAsRoot, i18n.Errorf(i18n.ApplyStepFetch)); !strings.Contains(body, string([]rune(root)[:12])) {
		t.Errorf("the access step's note is not shown:\n%s", body)
	}
}
