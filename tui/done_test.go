package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/agent"
)

// doneStates are the ends a run can have, as the last screen draws them.
func doneStates(s *Session) map[string]func() {
	cfg, _ := render.Merge(nil, *s.Answers)
	applied := func() {
		s.Reviewed = &app.Config{Config: cfg}
		s.applyStarted, s.applyDone = true, true
		s.applyRes = &agent.ApplyResult{Written: true, Backup: agent.ConfigPath + ".bak.20261125T070000Z"}
	}
	return map[string]func(){
		"ok": func() {
			applied()
			s.verifyStarted, s.verifyDone = true, true
			s.verifyRes = &app.Verified{VerifyResult: &agent.VerifyResult{}, Region: "ap-northeast-2"}
		},
		"verify-failed": func() {
			applied()
			s.verifyStarted, s.verifyDone = true, true
			s.verifyRes = &app.Verified{VerifyResult: &agent.VerifyResult{Checks: []agent.Check{
				{ID: agent.CheckAgent, Status: agent.Pass, Msg: i18n.Errorf(i18n.VerifyRunning, "1.300071.0", "2026-11-25T07:00:00Z")},
				{ID: agent.CheckMarker, Status: agent.Fail, Subject: "cwsetup-verify-1", Msg: i18n.Errorf(i18n.VerifyMarkerTimeout, "cwsetup-verify-1", "/ec2/system/syslog", "60s"),
					Hints: []*i18n.Error{i18n.Errorf(i18n.VerifyCredsInLog, "E! cloudwatchlogs: NoCredentialProviders")}},
			}}}
			s.verifyErr = i18n.Errorf(i18n.VerifyErrFailed)
		},
		"apply-failed": func() {
			s.applyStarted, s.applyDone = true, true
			s.applyRes = &agent.ApplyResult{RolledBack: true, Backup: agent.ConfigPath + ".bak.20261125T070000Z"}
			s.applyErr = i18n.Errorf(i18n.ApplyErrFetchFailed, 1)
		},
	}
}

// TestDoneScreen draws the last screen of each end at 80×24 in both
// languages: the next steps after a good run; what failed and what to
// run next otherwise (never "done"); Session.Failure agrees.
func TestDoneScreen(t *testing.T) {
	for _, lang := range i18n.Langs {
		for _, state := range []string{"ok", "verify-failed", "apply-failed"} {
			t.Run(fmt.Sprintf("%s/%s", lang, state), func(t *testing.T) {
				s := session(lang)
				doneStates(s)[state]()
				s.StartAt = screenDone
				tm := start(t, s, 80, 24)
				waitFor(t, tm, i18n.New(lang).T(i18n.TUIDoneTitle))
				waitFor(t, tm, "enter")
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				m := final(t, tm)
				out := screenText(m)
				checkFits(t, out, 80, 24)
				teatest.RequireEqualOutput(t, []byte(out))
				if (s.Failure() == nil) != (state == "ok") {
					t.Errorf("Failure() = %v", s.Failure())
				}
				if strings.Contains(out, i18n.New(lang).T(i18n.TUIDoneOK)) != (state == "ok") {
					t.Errorf("the success line on a %s screen:\n%s", state, out)
				}
			})
		}
	}
}
