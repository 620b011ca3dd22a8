package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// hostDetected carries the detection result into the session.
type hostDetected struct {
	report detect.Report
	err    error
}

func (h hostDetected) apply(m *Model) tea.Cmd {
	m.busy = false
	if h.err != nil {
		m.sess.DetectErr = h.err
		return nil
	}
	r := h.report
	m.sess.Report = &r
	m.sess.DetectErr = nil
	if m.sess.Answers == nil {
		setDefaults(m.sess, plan.SuggestRole(r))
	}
	m.fit()
	return m.hostIAM()
}

// hostIAM asks IMDS for the instance and its role once, for the host
// screen's rows (the IAM screen asks again).
func (m *Model) hostIAM() tea.Cmd {
	s := m.sess
	if s.IAM == nil || s.Answers == nil || s.iamDone || m.hostChecking {
		return nil
	}
	m.hostChecking = true
	return m.checkRole()
}

func hostScreen() screen {
	return screen{
		id:    screenHost,
		title: i18n.TUIHostTitle,
		why:   i18n.TUIHostWhy,
		enter: func(m *Model) tea.Cmd {
			if m.sess.Report != nil {
				if m.sess.Answers == nil {
					setDefaults(m.sess, plan.SuggestRole(*m.sess.Report))
				}
				return m.hostIAM() // detected once; back/forward keeps it
			}
			m.busy = true
			detectFn := m.sess.Detect
			run := func() tea.Msg {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				r, err := detectFn(ctx)
				return hostDetected{r, err}
			}
			return tea.Batch(m.spin.Tick, run)
		},
		body: hostBody,
		// Without detection there is nothing to configure: stay and say so.
		submit: func(m *Model) (tea.Cmd, bool) {
			if m.sess.DetectErr != nil || m.sess.Report == nil {
				m.flash = m.p.T(i18n.TUIHostCannotGoOn)
				return m.rebuild(), true
			}
			if m.accessible && !m.hostGo {
				// No: end here, nothing changed.
				m.result.Outcome, m.result.Lang, m.ended = Aborted, m.sess.Lang, true
				return nil, true
			}
			return nil, false
		},
		form: func(m *Model) *huh.Form {
			if !m.accessible || m.sess.DetectErr != nil || m.sess.Report == nil {
				return noteForm(m, i18n.TUIHostContinue)
			}
			// Line mode asks the question it prints.
			m.hostGo = true
			return huh.NewForm(huh.NewGroup(yesNo{
				Title: m.p.T(i18n.TUIHostContinue),
				Yes:   m.p.T(i18n.TUIHostYes),
				No:    m.p.T(i18n.TUIAccApplyQuit),
				Value: &m.hostGo,
			}.field(m)))
		},
	}
}

// hostBody shows what detection found and what cwsetup will do about
// the problems.
func hostBody(m *Model, width int) string {
	p, st := m.p, m.st
	if m.busy {
		return m.spin.View() + " " + p.T(i18n.TUIHostDetecting)
	}
	if m.sess.DetectErr != nil {
		return st.bad.Width(width).Render(p.T(i18n.TUIHostDetectFailed, m.sess.DetectErr))
	}
	r := m.sess.Report
	if r == nil {
		return ""
	}
	var b strings.Builder
	lw := 0
	for _, k := range []i18n.Key{i18n.TUIHostOS, i18n.TUIHostArch, i18n.TUIHostInstance, i18n.TUIHostRole, i18n.TUIHostAgent, i18n.TUIHostServices} {
		lw = max(lw, lipgloss.Width(p.T(k)))
	}
	row := func(label, value string) {
		fmt.Fprintf(&b, "%s  %s\n", st.dim.Render(padRight(label, lw)), value)
	}
	osName := render.TermLine(r.OS.PrettyName) // os-release is host content
	if osName == "" {
		osName = p.T(i18n.TUIUnknown)
	}
	row(p.T(i18n.TUIHostOS), osName)
	arch := render.TermLine(r.Arch)
	if arch == "" {
		arch = p.T(i18n.TUIUnknown)
	}
	row(p.T(i18n.TUIHostArch), arch)
	if s := m.sess; s.IAM != nil {
		switch {
		case !s.iamDone && m.hostChecking:
			row(p.T(i18n.TUIHostInstance), p.T(i18n.TUIHostChecking))
		case !s.iamDone:
		case s.iamErr != nil:
			row(p.T(i18n.TUIHostInstance), p.T(i18n.TUIUnknown)) // the IAM screen shows the error
		case s.iam.NotEC2 != nil:
			row(p.T(i18n.TUIHostInstance), st.warn.Render("! "+p.T(i18n.TUIHostNotEC2)))
		default:
			inst := p.T(i18n.TUIUnknown)
			switch {
			case s.iam.Instance != "" && s.iam.Region != "":
				inst = p.T(i18n.TUIHostInstanceIn, s.iam.Instance, s.iam.Region)
			case s.iam.Instance != "":
				inst = s.iam.Instance
			}
			row(p.T(i18n.TUIHostInstance), render.TermLine(inst))
			if s.iam.Role != "" {
				row(p.T(i18n.TUIHostRole), st.ok.Render("✓ "+render.TermLine(s.iam.Role)))
			} else {
				row(p.T(i18n.TUIHostRole), st.bad.Render("✗ "+p.T(i18n.TUIHostRoleNone)))
			}
		}
	}
	switch {
	case !r.Agent.Installed:
		row(p.T(i18n.TUIHostAgent), st.warn.Render("✗ "+p.T(i18n.TUIHostAgentMissing)))
	case r.Agent.Running:
		row(p.T(i18n.TUIHostAgent), st.ok.Render("✓ "+p.T(i18n.TUIHostAgentRunning, r.Agent.Version)))
	default:
		row(p.T(i18n.TUIHostAgent), st.warn.Render("! "+p.T(i18n.TUIHostAgentStopped, r.Agent.Version)))
	}
	running, installed := 0, 0
	for _, s := range r.Services {
		if s.State == detect.Running {
			running++
		} else {
			installed++
		}
	}
	row(p.T(i18n.TUIHostServices), p.T(i18n.TUIHostServicesCount, running, installed))
	return strings.TrimRight(b.String(), "\n")
}
