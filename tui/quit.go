package tui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/cwsetup/cwsetup/i18n"
)

const (
	quitContinue = "continue"
	quitNow      = "quit"
	quitSave     = "save"
)

// openQuit shows the quit dialog: nothing on the server has changed yet,
// so quitting is safe — what the IAM step made in AWS stays, and the
// dialog lists it; the answers can be saved first for `cwsetup apply
// --answers`.
func (m *Model) openQuit() tea.Cmd {
	m.gen++
	gen := m.gen
	m.quitChoice = quitContinue // Enter alone never ends the wizard
	if m.savePath == "" {
		m.savePath = m.sess.SaveAnswersPath
	}
	if m.savePath == "" {
		m.savePath = "cwsetup-answers.yaml"
	}
	canSave := m.sess.SaveAnswers != nil && m.sess.Answers != nil
	// The IAM step may have changed AWS already: say what stays.
	desc, now := m.p.T(i18n.TUIQuitNothingChanged), m.p.T(i18n.TUIQuitNow)
	if changed := m.sess.IAMChanges(m.p); len(changed) > 0 {
		desc = m.p.T(i18n.TUIQuitIAMKept) + "\n" + strings.Join(changed, "\n")
		now = m.p.T(i18n.TUIQuitNowIAM)
	}
	opts := []huh.Option[string]{
		huh.NewOption(m.p.T(i18n.TUIQuitContinue), quitContinue),
	}
	if canSave {
		opts = append(opts, huh.NewOption(m.p.T(i18n.TUIQuitSave), quitSave))
	}
	opts = append(opts, huh.NewOption(now, quitNow))
	groups := []*huh.Group{huh.NewGroup(
		huh.NewSelect[string]().
			Title(m.p.T(i18n.TUIQuitQuestion)).
			Description(desc).
			Options(opts...).
			Value(&m.quitChoice),
	)}
	if canSave {
		groups = append(groups, huh.NewGroup(
			huh.NewInput().
				Title(m.p.T(i18n.TUIQuitSavePath)).
				Value(&m.savePath).
				Validate(func(s string) error {
					if s == "" {
						return errors.New(m.p.T(i18n.TUIQuitSavePathEmpty))
					}
					return nil
				}),
		).WithHideFunc(func() bool { return m.quitChoice != quitSave }))
	}
	m.quit = huh.NewForm(groups...).
		WithTheme(formTheme).
		WithKeyMap(keyMap(m.p)).
		WithShowHelp(true)
	m.quit.SubmitCmd = func() tea.Msg { return quitDoneMsg{gen} }
	m.fit()
	return m.quit.Init()
}

func (m *Model) quitAnswered() tea.Cmd {
	switch m.quitChoice {
	case quitContinue:
		m.quit = nil
		return m.rebuild()
	case quitSave:
		return m.abort(m.savePath)
	}
	return m.abort("")
}

// abort ends the wizard before Apply: nothing was changed.
func (m *Model) abort(saveTo string) tea.Cmd {
	m.result.Outcome = Aborted
	m.result.SaveTo = saveTo
	return tea.Quit
}
