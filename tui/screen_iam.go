package tui

import (
	"context"
	"strings"
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
	if canCreateRole(m.sess) {
		return m.rebuild() // the choice: create now or the console steps
	}
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
			switch {
			case s.iamSetupRan && m.busy:
				text += "\n" + m.spin.View() + " " + p.T(i18n.TUIIAMCreating)
			case s.iamSetupRan:
				// The outcome first, then what iam setup reported.
				if s.iamSetupErr != nil {
					text = st.bad.Width(width).Render("✗ " + p.Error(s.iamSetupErr))
				} else {
					text = st.ok.Width(width).Render("✓ " + p.T(i18n.TUIIAMCreated))
				}
				text += "\n" + lipgloss.NewStyle().Width(width).Render(strings.TrimRight(s.iamSetupOut, "\n"))
			case s.iam.Role == "" && s.iam.Steps != nil:
				text += "\n" + lipgloss.NewStyle().Width(width).Render(s.iam.Steps(p))
			}
			return m.scrolled(text, width)
		},
		form: func(m *Model) *huh.Form {
			s := m.sess
			if !canCreateRole(s) {
				return noteForm(m, i18n.TUIIAMNext)
			}
			s.iamChoice = iamConsole
			return huh.NewForm(huh.NewGroup(huh.NewSelect[string]().
				Title(m.p.T(i18n.TUIIAMChoose)).
				Options(
					huh.NewOption(m.p.T(i18n.TUIIAMChoiceCreate), iamCreate),
					huh.NewOption(m.p.T(i18n.TUIIAMChoiceConsole), iamConsole),
				).
				Value(&s.iamChoice)))
		},
		submit: func(m *Model) (tea.Cmd, bool) {
			s := m.sess
			if !canCreateRole(s) || s.iamChoice != iamCreate {
				return nil, false
			}
			m.busy = true
			setup, a, ctx, p := s.IAMSetup, *s.Answers, m.ctx, m.p
			s.iamSetupRan = true
			return tea.Batch(m.rebuild(), m.spin.Tick, func() tea.Msg {
				out, err := setup(ctx, a, p)
				return iamSetupDone{out, err}
			}), true
		},
	}
}

// The IAM screen's choices when no role is attached.
const (
	iamCreate  = "create"
	iamConsole = "console"
)

// canCreateRole: on EC2, no role, the setup function wired, not run yet.
func canCreateRole(s *Session) bool {
	return s.iamDone && s.iamErr == nil && s.iam.NotEC2 == nil && s.iam.Role == "" &&
		s.IAMSetup != nil && !s.iamSetupRan
}

type iamSetupDone struct {
	out string
	err error
}

func (d iamSetupDone) apply(m *Model) tea.Cmd {
	m.busy = false
	m.sess.iamSetupOut, m.sess.iamSetupErr = d.out, d.err
	return m.rebuild()
}
