package tui

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"charm.land/huh/v2"

	"github.com/cwsetup/cwsetup/i18n"
)

// The wizard's form fields. Each is a huh field on a terminal; in
// accessible mode the same field asks its question as plain numbered
// lines in the user's language (huh's own accessible prompts are English
// and ask hidden fields too).

// choice is a pick-one list.
type choice[T comparable] struct {
	Title, Desc string
	// DescFunc, with Bindings (usually Value), makes the help follow the
	// highlighted option on the full screen; accessible mode prints Desc.
	DescFunc func() string
	Bindings any
	Options  []huh.Option[T]
	Value    *T
	Validate func(T) error
	Height   int
	Hidden   func() bool // accessible mode: skip while true (the group is hidden)
}

func (c choice[T]) field(m *Model) huh.Field {
	f := huh.NewSelect[T]().Title(c.Title).Description(c.Desc).Options(c.Options...).Value(c.Value)
	if c.DescFunc != nil && !m.accessible {
		f.DescriptionFunc(c.DescFunc, c.Bindings)
	}
	if c.Validate != nil {
		f.Validate(c.Validate)
	}
	if c.Height > 0 {
		f.Height(c.Height)
	}
	if !m.accessible {
		return f
	}
	return &accField{Field: f, hidden: c.Hidden, ask: func(w io.Writer, in lineReader) {
		labels := optionLabels(c.Options)
		def := slices.IndexFunc(c.Options, func(o huh.Option[T]) bool { return o.Value == *c.Value })
		i := askNumber(m, w, in, c.Title, c.Desc, labels, nil, max(def, 0), func(i int) error {
			if c.Validate != nil {
				return c.Validate(c.Options[i].Value)
			}
			return nil
		})
		*c.Value = c.Options[i].Value
	}}
}

// choices is a pick-any list.
type choices[T comparable] struct {
	Title, Desc string
	Options     []huh.Option[T]
	Value       *[]T
	Height      int
}

func (c choices[T]) field(m *Model) *huh.MultiSelect[T] {
	f := huh.NewMultiSelect[T]().Title(c.Title).Description(c.Desc).Options(c.Options...).Value(c.Value)
	if c.Height > 0 {
		f.Height(c.Height)
	}
	return f
}

// fieldOf returns what a form holds for c: the huh field, or in
// accessible mode the numbered toggles.
func (c choices[T]) fieldOf(m *Model) huh.Field {
	f := c.field(m)
	if !m.accessible {
		return f
	}
	return &accField{Field: f, ask: func(w io.Writer, in lineReader) {
		on := make([]bool, len(c.Options))
		for i, o := range c.Options {
			on[i] = slices.Contains(*c.Value, o.Value)
		}
		labels := optionLabels(c.Options)
		title, desc := c.Title, c.Desc
		for {
			i := askNumber(m, w, in, title, desc, labels, on, -1, nil)
			if i < 0 {
				break
			}
			on[i] = !on[i]
			title, desc = "", "" // asked once; the list follows each toggle
		}
		var v []T
		for i, o := range c.Options {
			if on[i] {
				v = append(v, o.Value)
			}
		}
		*c.Value = v
	}}
}

// entry is a line of text.
type entry struct {
	Key, Title, Desc, Placeholder string
	DescFn                        func() string // a first line recomputed when Bind changes
	Bind                          any
	Suggestions                   []string
	Value                         *string
	Validate                      func(string) error
	Hidden                        func() bool
}

func (e entry) field(m *Model) huh.Field {
	f := huh.NewInput().Title(e.Title).Description(e.Desc).Value(e.Value)
	desc := func() string {
		if e.DescFn == nil {
			return e.Desc
		}
		return strings.TrimSpace(e.DescFn() + "\n" + e.Desc)
	}
	if e.DescFn != nil {
		f.DescriptionFunc(desc, e.Bind)
	}
	if e.Key != "" {
		f.Key(e.Key)
	}
	if e.Placeholder != "" {
		f.Placeholder(e.Placeholder)
	}
	if len(e.Suggestions) > 0 {
		f.Suggestions(e.Suggestions)
	}
	if e.Validate != nil {
		f.Validate(e.Validate)
	}
	if !m.accessible {
		return f
	}
	return &accField{Field: f, hidden: e.Hidden, ask: func(w io.Writer, in lineReader) {
		writeQuestion(w, e.Title, desc())
		for {
			if *e.Value != "" {
				fmt.Fprintln(w, m.p.T(i18n.TUIAccKeep, *e.Value))
			}
			fmt.Fprint(w, "> ")
			line, ok := in.line()
			if !ok {
				fmt.Fprintln(w)
				return
			}
			v := strings.TrimSpace(line)
			if v == "" {
				v = *e.Value
			}
			if e.Validate != nil {
				if err := e.Validate(v); err != nil {
					fmt.Fprintln(w, m.p.Error(err))
					continue
				}
			}
			*e.Value = v
			return
		}
	}}
}

// yesNo is a yes/no question.
type yesNo struct {
	Title, Desc string
	DescFunc    func() string // recomputed as the answer changes; over Desc
	Bindings    any
	Yes, No     string
	Value       *bool
}

func (y yesNo) field(m *Model) huh.Field {
	f := huh.NewConfirm().Title(y.Title).Affirmative(y.Yes).Negative(y.No).Value(y.Value)
	if y.DescFunc != nil {
		f.DescriptionFunc(y.DescFunc, y.Bindings)
	} else {
		f.Description(y.Desc)
	}
	if !m.accessible {
		return f
	}
	return &accField{Field: f, ask: func(w io.Writer, in lineReader) {
		desc := y.Desc
		if y.DescFunc != nil {
			desc = y.DescFunc()
		}
		writeQuestion(w, y.Title, desc)
		def := y.No
		if *y.Value {
			def = y.Yes
		}
		for {
			fmt.Fprint(w, m.p.T(i18n.TUIAccYesNo, y.Yes, y.No, def))
			line, ok := in.line()
			if !ok {
				fmt.Fprintln(w)
				return
			}
			switch v := strings.ToLower(strings.TrimSpace(line)); {
			case v == "":
				return
			case v == "y" || v == "yes" || v == "예" || v == "네" || v == strings.ToLower(y.Yes):
				*y.Value = true
				return
			case v == "n" || v == "no" || v == "아니요" || v == "아니오" || v == strings.ToLower(y.No):
				*y.Value = false
				return
			}
			fmt.Fprintln(w, m.p.T(i18n.TUIAccBadYesNo, strings.TrimSpace(line)))
		}
	}}
}

// accField is a huh field whose accessible prompt is cwsetup's own.
type accField struct {
	huh.Field
	ask    func(w io.Writer, in lineReader)
	hidden func() bool
}

// RunAccessible implements huh.Field.
func (a *accField) RunAccessible(w io.Writer, r io.Reader) error {
	if a.hidden != nil && a.hidden() {
		return nil
	}
	a.ask(w, lineReader{r})
	return nil
}

// lineReader reads a line a byte at a time, so nothing after the line is
// taken from the input that later prompts read.
type lineReader struct{ r io.Reader }

func (l lineReader) line() (string, bool) {
	var b []byte
	var c [1]byte
	for {
		n, err := l.r.Read(c[:])
		if n == 1 {
			if c[0] == '\n' {
				return strings.TrimSuffix(string(b), "\r"), true
			}
			b = append(b, c[0])
			if len(b) > 64<<10 { // a line, not a file
				return string(b), true
			}
			continue
		}
		if err != nil {
			return string(b), len(b) > 0
		}
	}
}

func optionLabels[T comparable](opts []huh.Option[T]) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.Key
	}
	return out
}

// writeQuestion prints a question's title and its help, wrapped, whole.
func writeQuestion(w io.Writer, title, desc string) {
	if title != "" {
		fmt.Fprintln(w, title)
	}
	if desc != "" {
		fmt.Fprintln(w, wrapPlain(desc, 76))
	}
}

// askNumber lists labels numbered from 1 and reads a number until it is
// one of them and check accepts it; Enter takes def. With on (toggles), 0
// or Enter ends the list and the result is -1.
func askNumber(m *Model, w io.Writer, in lineReader, title, desc string, labels []string, on []bool, def int, check func(int) error) int {
	p := m.p
	writeQuestion(w, title, desc)
	for {
		for i, l := range labels {
			switch {
			case on == nil:
				fmt.Fprintf(w, "%d. %s\n", i+1, l)
			case on[i]:
				fmt.Fprintf(w, "%d. [x] %s\n", i+1, l)
			default:
				fmt.Fprintf(w, "%d. [ ] %s\n", i+1, l)
			}
		}
		switch {
		case on != nil:
			fmt.Fprint(w, p.T(i18n.TUIAccToggle, len(labels)))
		case len(labels) == 1:
			fmt.Fprint(w, p.T(i18n.TUIAccOnlyOne))
		default:
			fmt.Fprint(w, p.T(i18n.TUIAccNumber, len(labels), def+1))
		}
		line, ok := in.line()
		v := strings.TrimSpace(line)
		if !ok {
			fmt.Fprintln(w)
			if on != nil {
				return -1
			}
			return def
		}
		n := def + 1
		if on != nil {
			n = 0
		}
		if v != "" {
			var err error
			if n, err = strconv.Atoi(v); err != nil || n < 0 || n > len(labels) || (n == 0 && on == nil) {
				lo := 1
				if on != nil {
					lo = 0
				}
				fmt.Fprintln(w, p.T(i18n.TUIAccBadNumber, v, lo, len(labels)))
				continue
			}
		}
		if on != nil && n == 0 {
			return -1
		}
		if check != nil {
			if err := check(n - 1); err != nil {
				fmt.Fprintln(w, p.Error(err))
				continue
			}
		}
		return n - 1
	}
}
