package tui

import (
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// One palette for the frame and the forms. Colours are downsampled by the
// program to what the terminal (or NO_COLOR) allows.
var (
	colAccent = lipgloss.Color("#7571F9")
	colDim    = lipgloss.Color("243")
	colOK     = lipgloss.Color("#02BF87")
	colBad    = lipgloss.Color("#ED567A")
	colWarn   = lipgloss.Color("#E5A50A")
)

// styles of the wizard frame around the forms.
type styles struct {
	header lipgloss.Style // app name and step
	title  lipgloss.Style
	why    lipgloss.Style // the training paragraph
	body   lipgloss.Style
	footer lipgloss.Style
	key    lipgloss.Style // a key name in the footer
	ok     lipgloss.Style
	bad    lipgloss.Style
	warn   lipgloss.Style
	dim    lipgloss.Style
	flash  lipgloss.Style
}

func newStyles() styles {
	return styles{
		header: lipgloss.NewStyle().Foreground(colDim),
		title:  lipgloss.NewStyle().Bold(true).Foreground(colAccent),
		why: lipgloss.NewStyle().Foreground(colDim).
			BorderStyle(lipgloss.NormalBorder()).BorderLeft(true).BorderForeground(colDim).PaddingLeft(1),
		body:   lipgloss.NewStyle(),
		footer: lipgloss.NewStyle().Foreground(colDim),
		key:    lipgloss.NewStyle().Bold(true),
		ok:     lipgloss.NewStyle().Foreground(colOK),
		bad:    lipgloss.NewStyle().Foreground(colBad),
		warn:   lipgloss.NewStyle().Foreground(colWarn),
		dim:    lipgloss.NewStyle().Foreground(colDim),
		flash:  lipgloss.NewStyle().Foreground(colWarn).Bold(true),
	}
}

// formTheme is huh's Charm theme with the frame's accent colour.
var formTheme = huh.ThemeFunc(func(isDark bool) *huh.Styles {
	t := huh.ThemeCharm(isDark)
	t.Focused.Title = t.Focused.Title.Foreground(colAccent)
	t.Focused.NoteTitle = t.Focused.NoteTitle.Foreground(colAccent)
	t.Group.Title = t.Focused.Title
	t.Blurred.Title = t.Blurred.Title.Foreground(colDim)
	// Check boxes, so ✓/✗ stay free for "format checked" marks.
	for _, f := range []*huh.FieldStyles{&t.Focused, &t.Blurred} {
		f.SelectedPrefix = f.SelectedPrefix.SetString("[x] ")
		f.UnselectedPrefix = f.UnselectedPrefix.SetString("[ ] ")
	}
	return t
})
