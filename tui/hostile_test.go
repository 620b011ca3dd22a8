package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/tsformat"
)

// injected are the escape sequences a hostile log line or os-release
// carries; none may reach the terminal (styling never emits them).
var injected = []string{"\x1b]0;owned", "\x1b[2J", "\u009b", "\r", "\x07"}

// A log line and os-release with escape sequences: the host and logs
// screens show their text without the sequences (golden).
func TestHostileHostStrings(t *testing.T) {
	for _, c := range []struct{ id, wait string }{{screenHost, "none attached"}, {screenLogs, "EVIL"}} {
		t.Run(c.id, func(t *testing.T) {
			s := session(i18n.EN)
			s.Report.OS.PrettyName = "Debian \x1b]0;owned\x07GNU/Linux\x1b[2J 12"
			s.LastLine = func(string) (string, error) {
				return "\x1b[2J\x1b[31mEVIL\x1b[0m line \u009b1m\r", nil
			}
			s.StartAt = c.id
			tm := start(t, s, 80, 24)
			waitFor(t, tm, c.wait)
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			m := final(t, tm)
			raw := m.render()
			for _, seq := range injected {
				if strings.Contains(raw, seq) {
					t.Errorf("%q reaches the screen", seq)
				}
			}
			// The renderer itself clears and moves; the injected ones never pass.
			for _, seq := range []string{"\x1b]0;owned", "\x1b[31mEVIL", "\u009b1m", "line \u009b"} {
				if strings.Contains(tm.out.String(), seq) {
					t.Errorf("%q reaches the terminal", seq)
				}
			}
			teatest.RequireEqualOutput(t, []byte(screenText(m)))
		})
	}
}

// The wizard's "add a path" refuses secret files with the validator the
// answers file uses.
func TestAddPathSecretRefused(t *testing.T) {
	s := session(i18n.EN)
	s.CheckFormat = func(string, string) (tsformat.Check, bool, error) {
		t.Error("a refused path was read")
		return tsformat.Check{}, false, nil
	}
	s.StartAt = screenLogs
	tm := start(t, s, 80, 24)
	waitFor(t, tm, "Logs to ship")
	press(tm, "enter")
	waitFor(t, tm, "Add a log of your own")
	press(tm, "/root/.aws/credentials", "enter")
	waitFor(t, tm, "secrets")
	tm.Quit()
	m := final(t, tm)
	for _, l := range m.sess.Answers.Logs {
		if l.Path == "/root/.aws/credentials" {
			t.Fatalf("secret path added: %+v", l)
		}
	}
}
