package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/cwsetup/cwsetup/i18n"
)

const screenIAM = "iam"

// IAMState is what the IAM screen shows, found by the caller's IAM: the
// role IMDS reports, or why this is not EC2, and the console steps with
// the least-privilege policy for these answers.
type IAMState struct {
	Role   string                      // attached role; "" when none
	NotEC2 func(p i18n.Printer) string // nil on EC2
	Steps  func(p i18n.Printer) string // nil when the policy cannot be rendered here
}

type iamReady struct {
	st  IAMState
	err error
}

func (r iamReady) apply(m *Model) tea.Cmd {
	m.busy = false
	m.sess.iam, m.sess.iamErr, m.sess.iamDone = r.st, r.err, true
	return nil
}

func iamScreen() screen {
	return screen{
		id:    screenIAM,
		title: i18n.TUIIAMTitle,
		why:   i18n.TUIIAMWhy,
		enter: func(m *Model) tea.Cmd {
			s := m.sess
			if s.Answers == nil {
				return nil
			}
			m.busy = true
			iam, a, ctx := s.IAM, *s.Answers, m.ctx
			return tea.Batch(m.spin.Tick, func() tea.Msg {
				ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
				defer cancel()
				st, err := iam(ctx, a)
				return iamReady{st, err}
			})
		},
		scroll: true,
		body: func(m *Model, width int) string {
			s, p, st := m.sess, m.p, m.st
			switch {
			case m.busy:
				return m.spin.View() + " " + p.T(i18n.TUIIAMChecking)
			case s.iamErr != nil:
				return st.bad.Width(width).Render(p.Error(s.iamErr))
			case !s.iamDone:
				return ""
			}
			var head string
			switch {
			case s.iam.NotEC2 != nil:
				head = st.warn.Width(width).Render("! " + p.T(i18n.TUIIAMNotEC2, s.iam.NotEC2(p)))
			case s.iam.Role != "":
				head = st.ok.Width(width).Render("✓ " + p.T(i18n.TUIIAMAttached, s.iam.Role))
			default:
				head = st.bad.Width(width).Render("✗ " + p.T(i18n.TUIIAMNone))
			}
			text := head
			if s.iam.Role == "" && s.iam.Steps != nil {
				text += "\n" + lipgloss.NewStyle().Width(width).Render(s.iam.Steps(p))
			}
			return m.scrolled(text, width)
		},
		form: func(m *Model) *huh.Form { return noteForm(m, i18n.TUIIAMNext) },
	}
}
