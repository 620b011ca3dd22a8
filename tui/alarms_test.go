package tui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// TestAlarmScreens draws the metrics screen's alarm pages (the toggle with
// the alarms it makes, then threshold, period and topic) in both
// languages, and checks they fit 80x24.
func TestAlarmScreens(t *testing.T) {
	for _, lang := range i18n.Langs {
		for _, page := range []string{"toggle", "inputs"} {
			t.Run(fmt.Sprintf("%s/%s", lang, page), func(t *testing.T) {
				s := session(lang)
				s.StartAt = screenMetrics
				p := i18n.New(lang)
				tm := start(t, s, 80, 24)
				waitFor(t, tm, p.T(i18n.TUIMetricsPick))
				press(tm, "enter", "enter")
				waitFor(t, tm, p.T(i18n.TUIAlarmsTitle))
				waitFor(t, tm, "cwsetup-ssh-failed-login") // the description is computed after the field shows
				if page == "inputs" {
					press(tm, "enter")
					waitFor(t, tm, p.T(i18n.TUIAlarmThreshold))
				}
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				out := screenText(final(t, tm))
				checkFits(t, out, 80, 24)
				teatest.RequireEqualOutput(t, []byte(out))
			})
		}
	}
}

// TestAlarmsToggleOff: "No" turns the alarms off and skips their inputs.
func TestAlarmsToggleOff(t *testing.T) {
	s := session(i18n.EN)
	s.StartAt = screenMetrics
	tm := start(t, s, 80, 24)
	waitFor(t, tm, "Metrics to publish")
	press(tm, "enter", "enter")
	waitFor(t, tm, "Security alarms (optional)")
	press(tm, "left", "enter") // No
	waitFor(t, tm, "iam setup'")
	tm.Quit()
	m := final(t, tm)
	if want := (plan.Alarms{PeriodSeconds: plan.DefaultAlarmPeriod}); m.sess.Answers.Alarms != want {
		t.Errorf("alarms %+v, want %+v", m.sess.Answers.Alarms, want)
	}
}
