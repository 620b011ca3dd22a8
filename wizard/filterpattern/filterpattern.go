// Package filterpattern evaluates the part of the CloudWatch Logs filter
// pattern syntax that cwsetup's security alarms use, so their patterns are
// checked on captured auth.log and secure lines offline, in every test run:
// moto stores metric filters but never evaluates them, and CloudWatch's own
// evaluator (logs:TestMetricFilter, wizard/alarms.CheckPatterns) needs AWS.
//
// Supported, as CloudWatch Logs defines them for unstructured events: the
// empty pattern (every event); terms and "quoted phrases", all of which
// must occur (case-sensitive); and ?term / ?"phrase" alternatives, any of
// which must occur. Anything else (-exclusions, %regex%, [space-delimited],
// { JSON } patterns) is refused by Parse rather than guessed at.
package filterpattern

import (
	"fmt"
	"strings"
)

// Pattern is a parsed filter pattern.
type Pattern struct {
	src   string
	terms []string // all must occur, or any when anyOf
	anyOf bool
}

// Error says what is wrong with a pattern and where.
type Error struct {
	Pattern string
	Offset  int
	Problem string
}

func (e *Error) Error() string {
	return fmt.Sprintf("filter pattern %q at %d: %s", e.Pattern, e.Offset, e.Problem)
}

// String is the pattern as written.
func (p *Pattern) String() string { return p.src }

// Parse parses a filter pattern.
func Parse(src string) (*Pattern, error) {
	p := &Pattern{src: src}
	s := strings.TrimSpace(src)
	if s == "" || s == `""` {
		return p, nil
	}
	if c := s[0]; c == '[' || c == '{' {
		return nil, &Error{src, 0, "space-delimited and JSON patterns are not supported"}
	}
	toks, err := tokens(src, s)
	if err != nil {
		return nil, err
	}
	for i, tk := range toks {
		text := tk.text
		alt := tk.alt
		switch {
		case alt && i > 0 && !p.anyOf, !alt && p.anyOf:
			return nil, &Error{src, tk.at, "mixes ?term alternatives with plain terms"}
		case !tk.quoted && strings.HasPrefix(text, "-") && len(text) > 1:
			return nil, &Error{src, tk.at, "-term exclusions are not supported"}
		case !tk.quoted && len(text) >= 2 && text[0] == '%' && text[len(text)-1] == '%':
			return nil, &Error{src, tk.at, "%regex% terms are not supported"}
		case text == "":
			return nil, &Error{src, tk.at, "empty term"}
		}
		p.anyOf = alt
		p.terms = append(p.terms, text)
	}
	return p, nil
}

// MustParse is Parse for patterns known to be valid (package variables).
func MustParse(src string) *Pattern {
	p, err := Parse(src)
	if err != nil {
		panic(err)
	}
	return p
}

type token struct {
	text        string
	quoted, alt bool
	at          int
}

// tokens splits on spaces, keeping "quoted phrases" (with \" escapes)
// whole; a quote may follow the ? of an alternative.
func tokens(src, s string) ([]token, error) {
	var out []token
	i := 0
	for i < len(s) {
		if s[i] == ' ' || s[i] == '\t' {
			i++
			continue
		}
		tk := token{at: i}
		if s[i] == '?' {
			tk.alt = true
			i++
		}
		if i < len(s) && s[i] == '"' {
			j := i + 1
			var b strings.Builder
			for ; j < len(s) && s[j] != '"'; j++ {
				if s[j] == '\\' && j+1 < len(s) {
					j++
				}
				b.WriteByte(s[j])
			}
			if j >= len(s) {
				return nil, &Error{src, tk.at, "unclosed quote"}
			}
			tk.text, tk.quoted = b.String(), true
			out = append(out, tk)
			i = j + 1
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' {
			j++
		}
		tk.text = s[i:j]
		out = append(out, tk)
		i = j
	}
	return out, nil
}

// Match reports whether the pattern matches one log event.
func (p *Pattern) Match(event string) bool {
	if len(p.terms) == 0 {
		return true
	}
	for _, t := range p.terms {
		if strings.Contains(event, t) == p.anyOf {
			return p.anyOf
		}
	}
	return !p.anyOf
}
