package tui

import (
	"strings"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/i18n"
)

const screenDone = "done"

// doneScreen is the last screen: after a good apply and verify, the next
// steps (app.NextSteps); after a failure, what failed, the likely causes
// and what to run next. It never says "done" about a run that failed.
func doneScreen() screen {
	return screen{
		id:     screenDone,
		title:  i18n.TUIDoneTitle,
		why:    i18n.TUIDoneWhy,
		scroll: true,
		body: func(m *Model, width int) string {
			return m.scrolled(doneText(m, width), width)
		},
		form: func(m *Model) *huh.Form { return noteForm(m, i18n.TUISizingDone) },
	}
}

func doneText(m *Model, width int) string {
	s, p, st := m.sess, m.p, m.st
	var b strings.Builder
	line := func(style func(...string) string, text string) { b.WriteString(style(text) + "\n") }
	wrap := st.body.Width(width).Render
	// item is an entry of a list: wrapped lines keep its indent.
	item := func(style lipgloss.Style, indent int, text string) {
		b.WriteString(style.Width(width).PaddingLeft(indent).Render(text) + "\n")
	}
	// Commands and URLs are never clipped; one longer than the screen is
	// broken at the edge (they are printed whole after the wizard ends).
	cmd := func(c string) {
		for _, l := range strings.Split(ansi.Hardwrap(c, max(width-4, 20), false), "\n") {
			b.WriteString("    " + l + "\n")
		}
	}
	if changed := s.IAMChanges(p); len(changed) > 0 {
		line(wrap, p.T(i18n.TUIDoneIAMChanged))
		for _, c := range changed {
			line(wrap, c)
		}
	}
	switch {
	case s.applyErr != nil || !s.applyDone:
		line(st.bad.Width(width).Render, "✗ "+p.T(i18n.TUIDoneApplyFailed))
		if s.applyErr != nil {
			item(st.body, 2, p.Error(s.applyErr))
		}
		if s.applyRes != nil && s.applyRes.RolledBack {
			item(st.body, 2, p.T(i18n.TUIApplyRolledBack, s.applyRes.Backup))
		}
		line(wrap, p.T(i18n.TUIDoneApplyNext))
		cmd("sudo cwsetup apply --dry-run")
	case s.verifyErr != nil:
		line(st.bad.Width(width).Render, "✗ "+p.T(i18n.TUIDoneVerifyFailed))
		if s.verifyRes != nil {
			for _, c := range s.verifyRes.Failures() {
				item(st.body, 2, "✗ "+p.Error(c.Msg))
				for _, h := range c.Hints {
					item(st.dim, 4, p.Error(h))
				}
			}
		}
		if s.verifyRes == nil || len(s.verifyRes.Failures()) == 0 {
			item(st.body, 2, p.Error(s.verifyErr))
		}
		line(wrap, p.T(i18n.TUIDoneVerifyNext))
		for _, c := range app.RetryCommands() {
			cmd(c)
		}
	case !s.verifyDone:
		line(st.warn.Width(width).Render, "! "+p.T(i18n.TUIDoneUnverified))
		cmd("sudo cwsetup verify")
	default:
		n := s.Next()
		line(st.ok.Render, "✓ "+p.T(i18n.TUIDoneOK))
		if n.ConsoleURL != "" {
			line(wrap, p.T(i18n.AppNextConsole, n.Region))
			cmd(n.ConsoleURL)
		}
		if n.Tail != "" {
			line(wrap, p.T(i18n.AppNextTail))
			cmd(n.Tail)
		}
		if n.Backup != "" {
			line(wrap, p.T(i18n.AppNextBackup))
			cmd(n.Backup)
		} else {
			line(wrap, p.T(i18n.AppNextNoBack))
			cmd(n.Config)
		}
		line(wrap, p.T(i18n.AppNextUndo))
		for _, u := range n.Undo {
			cmd(u)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
