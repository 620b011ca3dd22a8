package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/plan"
	"github.com/cwsetup/cwsetup/wizard/tsformat"
)

// fourFailures is a verify run where four checks failed: the agent
// stopped, a file it cannot read, a retention that differs, the marker
// that never came (with the credentials hint from the agent's log).
func fourFailures(s *Session) {
	s.applyStarted, s.applyDone = true, true
	s.applyRes = &agent.ApplyResult{Written: true, Backup: agent.ConfigPath + ".bak.20261125T070000Z"}
	s.verifyStarted, s.verifyDone = true, true
	s.checks = []agent.Check{
		{ID: agent.CheckAgent, Status: agent.Fail, Msg: i18n.Errorf(i18n.VerifyNotRunning, "stopped", "configured")},
		{ID: agent.CheckLoaded, Status: agent.Pass, Msg: i18n.Errorf(i18n.VerifyLoaded, agent.ConfigPath)},
		{ID: agent.CheckReadable, Status: agent.Fail, Subject: "/var/log/apache2/error.log",
			Msg: i18n.Errorf(i18n.VerifyNotReadableAs, "/var/log/apache2/error.log", "cwagent", os.ErrPermission)},
		{ID: agent.CheckLogGroup, Status: agent.Pass, Subject: "/ec2/system/syslog", Msg: i18n.Errorf(i18n.VerifyGroupOK, "/ec2/system/syslog", "90일")},
		{ID: agent.CheckLogGroup, Status: agent.Fail, Subject: "/ec2/system/auth", Msg: i18n.Errorf(i18n.VerifyGroupRetention, "/ec2/system/auth", "30", "365")},
		{ID: agent.CheckMarker, Status: agent.Fail, Subject: "cwsetup-verify-1",
			Msg:   i18n.Errorf(i18n.VerifyMarkerTimeout, "cwsetup-verify-1", "/ec2/system/syslog", 60*time.Second),
			Hints: []*i18n.Error{i18n.Errorf(i18n.VerifyCredsInLog, "E! cloudwatchlogs: NoCredentialProviders")}},
	}
	s.verifyRes = &app.Verified{VerifyResult: &agent.VerifyResult{Checks: s.checks}, Region: "ap-northeast-2"}
	s.verifyErr = i18n.Errorf(i18n.VerifyErrFailed)
}

// TestVerifyFourFailures draws the verify screen with four failed checks
// at 80×24 in both languages: the results scroll, the button, keys and
// footer stay.
func TestVerifyFourFailures(t *testing.T) {
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			s := session(lang)
			fourFailures(s)
			s.StartAt = screenVerify
			tm := start(t, s, 80, 24)
			p := i18n.New(lang)
			waitFor(t, tm, p.T(i18n.TUIVerifyTitle))
			waitFor(t, tm, "enter")
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			m := final(t, tm)
			out := screenText(m)
			checkFits(t, out, 80, 24)
			checkFrame(t, m, out)
			if m.scrollMax == 0 {
				t.Errorf("four failures fit without scrolling at 80×24? the test no longer shows scrolling:\n%s", out)
			}
			teatest.RequireEqualOutput(t, []byte(out))
		})
	}
}

// checkFrame: the footer's keys and the form's button are on screen, and
// nothing is clipped with "…".
func checkFrame(t *testing.T, m *Model, out string) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, "esc") || !strings.Contains(last, "F2") {
		t.Errorf("the last line is not the footer: %q", last)
	}
	if !strings.Contains(lines[len(lines)-2], "enter") {
		t.Errorf("the keys are not above the footer: %q", lines[len(lines)-2])
	}
	if strings.Contains(out, "…") && !strings.Contains(out, m.p.T(i18n.TUIHostDetecting)) {
		for _, l := range lines {
			if strings.HasSuffix(strings.TrimRight(l, " "), "…") && !strings.Contains(l, "중…") && !strings.Contains(l, "ing…") {
				t.Errorf("a clipped line: %q", l)
			}
		}
	}
}

func TestVerifyCountdown(t *testing.T) {
	for _, c := range []struct {
		lang    i18n.Lang
		elapsed time.Duration
		want    string
	}{
		{i18n.KO, 0, "최대 60초 남음"},
		{i18n.KO, 18*time.Second + 300*time.Millisecond, "최대 42초 남음"},
		{i18n.EN, 59*time.Second + 500*time.Millisecond, "at most 1 s left"},
		{i18n.KO, 75 * time.Second, "최대 0초 남음"},
	} {
		s := session(c.lang)
		s.VerifyWait = 60 * time.Second
		m := newModel(s)
		t0 := time.Date(2026, 11, 25, 7, 0, 0, 0, time.UTC)
		m.verifyStart = t0
		m.now = func() time.Time { return t0.Add(c.elapsed) }
		if got := m.verifyCountdown(); !strings.HasSuffix(got, c.want) {
			t.Errorf("%s after %v: %q, want …%q", c.lang, c.elapsed, got, c.want)
		}
	}
}

// koreanAllowed are the ASCII words a Korean screen may show: product and
// service names, AWS terms as the Korean console writes them, units, key
// names, and the values the user types or the agent reads (preset names,
// log group classes, the English endonym of the language switch).
var koreanAllowed = strings.Fields(`
	cwsetup CloudWatch Logs AWS EC2 IAM IMDS CloudShell Compute Optimizer Live Tail SNS ARN
	Apache PHP FPM Nginx Tomcat WAS DB MySQL MariaDB JVM Java catalina httpd mysqld
	Debian GNU Linux bookworm amd64 rsyslog syslog journald systemd root cwagent
	CPU vCPU GB MB KB B PSS SSH sudo JSON UTC Local
	STANDARD INFREQUENT_ACCESS InstanceId CPUUtilization CWAgent CloudWatchAgentServerPolicy
	FailedSSHLogins FailedSudo
	system apache php nginx tomcat mysql custom
	esc enter tab pgup ctrl shift x y n e F1 F2 English
	base
	t3 t4g
	E NoCredentialProviders`) // the last: the agent's own log line, quoted after its translation

// commands start a run of words that are a command line ('cwsetup iam
// setup', 'aws logs tail …'), up to the next Korean word.
var commands = []string{"cwsetup", "aws", "sudo"}

// codeLike are tokens shown as they are written: paths, file and key
// names, formats, commands, ids.
var codeLike = regexp.MustCompile(`[/._:%{}$"'=<>*@#+\-\\]|[0-9]`)

var asciiWord = regexp.MustCompile(`[A-Za-z]+`)

// TestKoreanGoldensHaveNoEnglish scans every Korean golden for ASCII
// words outside koreanAllowed (English left on a Korean screen) and for
// particle pairs written out ("을(를)") instead of chosen.
func TestKoreanGoldensHaveNoEnglish(t *testing.T) {
	var files []string
	filepath.WalkDir("testdata", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".golden") && slices.Contains(strings.Split(p, string(filepath.Separator)), "ko") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) < 12 {
		t.Fatalf("only %d Korean goldens found: %v", len(files), files)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inCommand := false
		for i, line := range strings.Split(string(b), "\n") {
			for _, pair := range []string{"을(를)", "(를)", "(을)", "(가)", "(이)", "(는)", "(은)", "(으)로", "(와)", "(과)"} {
				if strings.Contains(line, pair) {
					t.Errorf("%s:%d: %q written out: %q", f, i+1, pair, line)
				}
			}
			if isCodeLine(line) {
				continue
			}
			for _, tok := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '(' || r == ')' }) {
				tok = strings.Trim(tok, "()[],.;!?·•│┃>←→↑↓'\"")
				korean := strings.ContainsFunc(tok, isHangul)
				if slices.Contains(commands, tok) {
					inCommand = true
				}
				if inCommand {
					inCommand = !korean
					continue
				}
				if codeLike.MatchString(tok) {
					continue
				}
				for _, w := range asciiWord.FindAllString(tok, -1) {
					if !slices.Contains(koreanAllowed, w) {
						t.Errorf("%s:%d: English word %q on a Korean screen: %q", f, i+1, w, strings.TrimSpace(line))
					}
				}
			}
		}
	}
}

// isCodeLine: config.json and diffs on the review screen are file
// content, shown as the agent reads it.
func isCodeLine(l string) bool {
	l = strings.TrimSpace(l)
	if strings.ContainsFunc(l, isHangul) {
		return false
	}
	return strings.HasPrefix(l, `"`) || strings.HasPrefix(l, "+") || strings.HasPrefix(l, "-") ||
		strings.HasPrefix(l, "{") || strings.HasPrefix(l, "}") || strings.HasPrefix(l, "]") || strings.HasPrefix(l, "@@")
}

// TestLogList: a path added stays in the list (after going back too) and
// unticking it removes it; "e" changes a log's group name and retention;
// "/" finds; a path that matches nothing warns and may be kept; a format
// that parses nothing says so.
func TestLogList(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "var/log/shop"), 0o755)
	os.WriteFile(filepath.Join(dir, "var/log/shop/app.log"), []byte("25/11/2026 07:00:01 INFO x\n"), 0o644)
	root, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := session(i18n.EN)
	s.Root = root
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

	// A format that parses nothing, plainly.
	press(tm, "enter")
	waitFor(t, tm, "Add a log of your own")
	press(tm, "/var/log/shop/app.log")
	waitFor(t, tm, "matches /var/log/shop/app.log")
	press(tm, "enter")
	waitFor(t, tm, "Its timestamp format")
	press(tm, "%Y-%m-%d")
	waitFor(t, tm, "none of the last 1 lines parse with this format")
	press(tm, "ctrl+u", "enter")
	waitFor(t, tm, "Added /var/log/shop/app.log")

	// A path that matches nothing: a warning, and it is kept.
	press(tm, "enter")
	waitFor(t, tm, "Add a log of your own")
	press(tm, "/var/log/later/*.log")
	waitFor(t, tm, "no file matches this path yet")
	press(tm, "enter", "enter")
	waitFor(t, tm, "Added /var/log/later/*.log → log group /ec2/custom/") // where it goes is said
	waitFor(t, tm, "no file yet")

	// "/" finds; "e" on the found log changes its group and retention.
	press(tm, "/", "later", "enter")
	waitFor(t, tm, "/later") // huh shows the search after the title
	press(tm, "e")
	waitFor(t, tm, "group name")   // the renderer draws what differs from "Logs to ship"
	waitFor(t, tm, "— now: /ec2/") // the field names the file it changes (drawn before it)
	press(tm, "/shop/later", "enter")
	waitFor(t, tm, "Retention of this log")
	press(tm, "down", "down", "enter") // keep, never expire, 1 day
	waitFor(t, tm, "Add a log of your own")
	press(tm, "enter")
	waitFor(t, tm, "Changed.")

	// Back and forward: both added logs are still listed; untick one.
	press(tm, "enter", "enter")
	waitFor(t, tm, "What does this server do?")
	press(tm, "pgup")
	waitFor(t, tm, "/var/log/later/*.log")
	press(tm, "/", "shop/app", "enter", "x", "enter", "enter")
	waitFor(t, tm, "What does this server do?")
	tm.Quit()
	m := final(t, tm)
	var later *plan.LogSource
	for i, l := range m.sess.Answers.Logs {
		switch l.Path {
		case "/var/log/shop/app.log":
			t.Errorf("the unticked added log is still shipped: %+v", l)
		case "/var/log/later/*.log":
			later = &m.sess.Answers.Logs[i]
		}
	}
	if later == nil || later.LogGroup != "/shop/later" || later.RetentionDays != 1 {
		t.Fatalf("the edited log: %+v", later)
	}
	if slices.ContainsFunc(m.sess.custom, func(l plan.LogSource) bool { return l.Path == "/var/log/shop/app.log" }) {
		t.Errorf("unticked added log kept aside: %+v", m.sess.custom)
	}
}

// TestReviewDiff draws the review of a host that has a config: the diff's
// sides are labelled in the screen's language.
func TestReviewDiff(t *testing.T) {
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			s := session(lang)
			old := []byte("{\n  \"agent\": {\n    \"metrics_collection_interval\": 30\n  }\n}\n")
			s.Review = func(a plan.Answers) (*app.Config, error) {
				cfg, err := render.Merge(old, a)
				return &app.Config{Config: cfg, Existing: old, ExistingName: agent.ConfigPath, Diff: render.Diff(old, cfg)}, err
			}
			s.StartAt = screenReview
			tm := start(t, s, 80, 24)
			p := i18n.New(lang)
			waitFor(t, tm, p.T(i18n.TUIDiffOld))
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			m := final(t, tm)
			out := screenText(m)
			checkFits(t, out, 80, 24)
			checkFrame(t, m, out)
			if strings.Contains(out, "(current)") && lang == i18n.KO {
				t.Errorf("English diff label on the Korean screen:\n%s", out)
			}
			teatest.RequireEqualOutput(t, []byte(out))
		})
	}
}
