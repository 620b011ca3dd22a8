package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
)

// TestIAMPolicyCopySafe: on an instance without a role, the IAM screen
// shows every line of the policy JSON whole (never wrapped), saves the
// exact JSON to a file whose path it shows, and has a view of the JSON
// alone.
func TestIAMPolicyCopySafe(t *testing.T) {
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			s := session(lang)
			s.StartAt = screenIAM
			dir := t.TempDir()
			var saved []byte
			s.SavePolicy = func(b []byte) (string, error) {
				saved = b
				path := filepath.Join(dir, "cwsetup-policy.json")
				return path, os.WriteFile(path, b, 0o644)
			}
			p := i18n.New(lang)
			tm := start(t, s, 80, 24)
			waitFor(t, tm, p.T(i18n.TUIIAMChoiceSave))

			// Save: the first option after the console steps.
			press(tm, "down", "enter")
			waitFor(t, tm, "cwsetup-policy.json")
			// View: the JSON alone.
			press(tm, "down", "down", "enter")
			waitFor(t, tm, p.T(i18n.TUIIAMViewHead))
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			m := final(t, tm)
			if string(saved) != s.iam.Policy || s.policySaved == "" {
				t.Fatalf("saved %d bytes to %q, want the policy (%d bytes)", len(saved), s.policySaved, len(s.iam.Policy))
			}
			if !s.iamView {
				t.Fatal("not in the policy view")
			}
			body := policyText(m, "", 78)
			if strings.Contains(body, p.T(i18n.IAMConsoleSteps, "x", "y", "z", "w", "")[:20]) {
				t.Errorf("the policy view shows the console steps:\n%s", body)
			}
			got := strings.Split(body, "\n")
			for _, want := range strings.Split(strings.TrimRight(s.iam.Policy, "\n"), "\n") {
				found := false
				for _, g := range got {
					found = found || g == want
				}
				if !found {
					t.Errorf("policy line %q is not shown whole:\n%s", want, body)
				}
			}
			// The steps view ends with the same JSON, unwrapped; so does the view.
			policy := strings.TrimRight(s.iam.Policy, "\n")
			if !strings.HasSuffix(body, "\n"+policy) {
				t.Errorf("the policy view does not end with the policy as it is:\n%s", body)
			}
			s.iamView = false
			if steps := policyText(m, "", 78); !strings.HasSuffix(steps, "\n"+policy) {
				t.Errorf("the console steps do not end with the policy as it is:\n%s", steps)
			}
		})
	}
}
