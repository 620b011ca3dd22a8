package tui

import (
	"charm.land/huh/v2"

	"github.com/cwsetup/cwsetup/i18n"
)

// Screen ids, stable for tests and golden files.
const (
	screenWelcome = "welcome"
	screenHost    = "host"
)

// flow lists the wizard's screens (docs/wizard.md) whose domain code is present.
func flow(s *Session) []screen {
	out := []screen{welcomeScreen()}
	if s.Detect != nil || s.Report != nil {
		out = append(out, hostScreen(), logsScreen(), roleScreen(), destScreen(), metricsScreen())
		if s.IAM != nil {
			out = append(out, iamScreen())
		}
		if s.Review != nil {
			out = append(out, reviewScreen())
		}
		if s.Apply != nil {
			out = append(out, applyScreen())
			if s.Verify != nil {
				out = append(out, verifyScreen())
			}
		}
	}
	if s.Sizing != nil {
		out = append(out, sizingScreen())
	}
	if s.Apply != nil && (s.Detect != nil || s.Report != nil) {
		out = append(out, doneScreen())
	}
	for i := range out {
		// Progress grows at the end: show the newest lines and the outcome.
		out[i].tail = out[i].id == screenApply || out[i].id == screenVerify
	}
	return out
}

func welcomeScreen() screen {
	return screen{
		id:    screenWelcome,
		title: i18n.TUIWelcomeTitle,
		why:   i18n.TUIWelcomeWhy,
		form: func(m *Model) *huh.Form {
			ko := i18n.Endonym(i18n.KO)
			if !m.sess.UTF8 {
				ko = m.p.T(i18n.TUILangKoreanNoUTF8)
			}
			opts := []huh.Option[i18n.Lang]{
				huh.NewOption(ko, i18n.KO),
				huh.NewOption(i18n.Endonym(i18n.EN), i18n.EN),
			}
			return huh.NewForm(huh.NewGroup(choice[i18n.Lang]{
				Title:   m.p.T(i18n.TUIWelcomeLang),
				Desc:    m.keysHelp(i18n.TUIWelcomeLangHelp),
				Options: opts,
				Validate: func(l i18n.Lang) error {
					if l == i18n.KO && !m.sess.UTF8 {
						return errorText(m.p.T(i18n.TUINeedUTF8))
					}
					return nil
				},
				Value: &m.sess.Lang,
			}.field(m)))
		},
	}
}

// errorText is a validation message already in the user's language.
type errorText string

func (e errorText) Error() string { return string(e) }
