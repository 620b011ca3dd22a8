package tui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/cwsetup/cwsetup/i18n"
)

// padRight pads s with spaces to w terminal cells (Hangul is two cells).
func padRight(s string, w int) string {
	if d := w - lipgloss.Width(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// subjectless renders a problem of the answers under the field it is
// about: without the answers-file key it starts with ("log_group_prefix:
// …"), which names nothing on the screen.
func subjectless(p i18n.Printer, e *i18n.Error) string {
	if len(e.Args) > 0 {
		if _, isKey := e.Args[0].(string); isKey {
			c := *e
			c.Args = append([]any{"\x00"}, e.Args[1:]...)
			if s := p.Error(&c); strings.HasPrefix(s, "\x00: ") {
				return s[len("\x00: "):]
			}
		}
	}
	return p.Error(e)
}

// problemFor is the first of the answers' problems that belongs to a field
// (match reports whether an answers-file key is the field's), worded for
// the field.
func problemFor(m *Model, ps []*i18n.Error, match func(key string) bool) error {
	for _, e := range ps {
		if len(e.Args) == 0 {
			continue
		}
		if k, ok := e.Args[0].(string); ok && match(k) {
			return errorText(subjectless(m.p, e))
		}
	}
	return nil
}

// isKey matches answers-file keys: exactly one of keys, or under one that
// ends in "." or "[".
func isKey(keys ...string) func(string) bool {
	return func(k string) bool {
		for _, want := range keys {
			if k == want || (strings.HasSuffix(want, ".") || strings.HasSuffix(want, "[")) && strings.HasPrefix(k, want) {
				return true
			}
		}
		return false
	}
}

// hang wraps text to width after prefix (a mark such as "✓ "); wrapped
// lines are indented under the text, or start with cont when it is set.
func hang(prefix, text string, width int, cont ...string) string {
	pw := lipgloss.Width(prefix)
	ind := strings.Repeat(" ", pw)
	if len(cont) > 0 {
		ind = cont[0]
	}
	lines := strings.Split(lipgloss.NewStyle().Width(max(width-pw, 10)).Render(text), "\n")
	for i, l := range lines {
		l = strings.TrimRight(l, " ")
		if i == 0 {
			lines[i] = prefix + l
		} else {
			lines[i] = ind + l
		}
	}
	return strings.Join(lines, "\n")
}

// wrapPlain wraps text to width for line output (accessible mode):
// whole words, no padding at the line ends.
func wrapPlain(text string, width int) string {
	lines := strings.Split(lipgloss.NewStyle().Width(width).Render(text), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
