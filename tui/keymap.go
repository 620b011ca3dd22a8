package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/huh/v2"

	"github.com/cwsetup/cwsetup/i18n"
)

// keyMap is huh's default key map with every help text in the user's
// language. Esc and Ctrl-C belong to the wizard frame (quit dialog) except
// while a list search is open; only pick-any lists search.
func keyMap(p i18n.Printer) *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	h := func(b *key.Binding, k i18n.Key) {
		b.SetHelp(b.Help().Key, p.T(k))
	}
	km.Quit = key.NewBinding(key.WithDisabled())

	h(&km.Input.AcceptSuggestion, i18n.TUIKeyComplete)
	h(&km.Input.Prev, i18n.TUIKeyBack)
	h(&km.Input.Next, i18n.TUIKeyNext)
	h(&km.Input.Submit, i18n.TUIKeySubmit)

	h(&km.Text.Prev, i18n.TUIKeyBack)
	h(&km.Text.Next, i18n.TUIKeyNext)
	h(&km.Text.Submit, i18n.TUIKeySubmit)
	h(&km.Text.NewLine, i18n.TUIKeyNewLine)
	km.Text.Editor.SetEnabled(false)

	s := &km.Select
	h(&s.Prev, i18n.TUIKeyBack)
	h(&s.Next, i18n.TUIKeySelect)
	h(&s.Submit, i18n.TUIKeySubmit)
	h(&s.Up, i18n.TUIKeyUp)
	h(&s.Down, i18n.TUIKeyDown)
	h(&s.Left, i18n.TUIKeyLeft)
	h(&s.Right, i18n.TUIKeyRight)
	h(&s.HalfPageUp, i18n.TUIKeyHalfUp)
	h(&s.HalfPageDown, i18n.TUIKeyHalfDown)
	h(&s.GotoTop, i18n.TUIKeyTop)
	h(&s.GotoBottom, i18n.TUIKeyBottom)
	s.Filter = key.NewBinding(key.WithDisabled())
	s.SetFilter = key.NewBinding(key.WithDisabled())
	s.ClearFilter = key.NewBinding(key.WithDisabled())

	ms := &km.MultiSelect
	h(&ms.Prev, i18n.TUIKeyBack)
	h(&ms.Next, i18n.TUIKeyConfirm)
	h(&ms.Submit, i18n.TUIKeySubmit)
	h(&ms.Toggle, i18n.TUIKeyToggle)
	h(&ms.Up, i18n.TUIKeyUp)
	h(&ms.Down, i18n.TUIKeyDown)
	h(&ms.HalfPageUp, i18n.TUIKeyHalfUp)
	h(&ms.HalfPageDown, i18n.TUIKeyHalfDown)
	h(&ms.GotoTop, i18n.TUIKeyTop)
	h(&ms.GotoBottom, i18n.TUIKeyBottom)
	h(&ms.SelectAll, i18n.TUIKeySelectAll)
	h(&ms.SelectNone, i18n.TUIKeySelectNone)
	// "/" finds in a long list (the logs); enter or esc ends the search
	// and keeps it. Esc never clears it: outside a search it is quit.
	ms.Filter = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", p.T(i18n.TUIKeyFilter)))
	ms.SetFilter = key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter", p.T(i18n.TUIKeyFilterDone)), key.WithDisabled())
	ms.ClearFilter = key.NewBinding(key.WithKeys(), key.WithDisabled())

	h(&km.Note.Prev, i18n.TUIKeyBack)
	h(&km.Note.Next, i18n.TUIKeyNext)
	h(&km.Note.Submit, i18n.TUIKeySubmit)

	c := &km.Confirm
	h(&c.Prev, i18n.TUIKeyBack)
	h(&c.Next, i18n.TUIKeyNext)
	h(&c.Submit, i18n.TUIKeySubmit)
	h(&c.Toggle, i18n.TUIKeyToggle)
	h(&c.Accept, i18n.TUIYes)
	h(&c.Reject, i18n.TUINo)
	return km
}
