package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
)

const screenReview = "review"

// reviewScreen shows the config.json the answers give and its diff
// against the one on the host (rendered by the caller's Review).
func reviewScreen() screen {
	return screen{
		id:    screenReview,
		title: i18n.TUIReviewTitle,
		why:   i18n.TUIReviewWhy,
		enter: func(m *Model) tea.Cmd {
			m.sess.review()
			return nil
		},
		scroll: true,
		body: func(m *Model, width int) string {
			s := m.sess
			if s.ReviewErr != nil {
				return m.st.bad.Width(width).Render(m.p.Error(s.ReviewErr))
			}
			c := s.Reviewed
			if c == nil {
				return ""
			}
			// The diff's two sides are labelled in the user's language; the
			// existing config.json is host content.
			text, head := render.TermSafe(render.DiffNamed(m.p.T(i18n.TUIDiffOld), m.p.T(i18n.TUIDiffNew), c.Existing, c.Config)), m.p.T(i18n.TUIReviewDiff)
			if c.Diff == "" {
				text, head = render.TermSafe(string(c.Config)), m.p.T(i18n.TUIReviewSame)
			}
			if len(c.Existing) == 0 {
				head = m.p.T(i18n.TUIReviewNew)
			}
			var b strings.Builder
			// What apply's preflight found comes first: apply refuses it.
			if !c.OK() {
				b.WriteString(m.st.bad.Width(width).Render("✗ "+m.p.T(i18n.TUIReviewProblems, len(c.Problems))) + "\n")
				for _, pr := range c.Problems {
					b.WriteString(m.st.bad.Width(width).Render("  - "+render.TermLine(m.p.Error(pr))) + "\n")
				}
			}
			if a := s.reviewAccess; a != nil {
				why := ""
				if a.Reason != nil {
					why = m.p.Error(a.Reason)
				}
				b.WriteString(m.st.warn.Width(width).Render(m.p.T(i18n.TUIReviewAsRoot, a.Wanted, why, a.Wanted)) + "\n")
			}
			b.WriteString(m.st.title.Render(head))
			for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
				switch {
				case strings.HasPrefix(l, "+"):
					l = m.st.ok.Render(l)
				case strings.HasPrefix(l, "-"):
					l = m.st.bad.Render(l)
				}
				b.WriteString("\n" + l)
			}
			return m.scrolled(b.String(), width)
		},
		form: func(m *Model) *huh.Form {
			return noteForm(m, i18n.TUIReviewContinue)
		},
	}
}
