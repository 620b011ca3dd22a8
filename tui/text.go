package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// padRight pads s with spaces to w terminal cells (Hangul is two cells).
func padRight(s string, w int) string {
	if d := w - lipgloss.Width(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}
