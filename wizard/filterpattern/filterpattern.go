// Package filterpattern evaluates CloudWatch Logs filter patterns (the
// syntax of metric filters and FilterLogEvents) against log lines, so the
// security alarms' patterns can be tested on real auth.log and secure
// lines: moto stores metric filters but never evaluates them.
//
// Supported: the empty pattern; terms and "quoted phrases" (all must
// occur, case-sensitive); ?term alternatives (any must occur); -term
// exclusions; %regex% terms; space-delimited patterns [a, b=x*, c>=400,
// ...] with = != < <= > >= and * wildcards; JSON patterns { $.a.b = "x" }
// with && and || (no parentheses).
package filterpattern

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Pattern is a parsed filter pattern.
type Pattern struct {
	src   string
	kind  kind
	terms []term  // kindTerms
	anyOf bool    // kindTerms: ?term form
	cols  []field // kindSpace
	json  []jsonCond
	ors   []bool // kindJSON: ors[i] joins json[i] and json[i+1] with || (else &&)
}

type kind int

const (
	kindAll kind = iota
	kindTerms
	kindSpace
	kindJSON
)

type term struct {
	text    string
	re      *regexp.Regexp
	exclude bool
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
	s := strings.TrimSpace(src)
	p := &Pattern{src: src}
	switch {
	case s == "" || s == `""`:
		p.kind = kindAll
	case strings.HasPrefix(s, "["):
		p.kind = kindSpace
		if !strings.HasSuffix(s, "]") {
			return nil, &Error{src, len(src), "missing ]"}
		}
		cols, err := parseFields(src, s[1:len(s)-1])
		if err != nil {
			return nil, err
		}
		p.cols = cols
	case strings.HasPrefix(s, "{"):
		p.kind = kindJSON
		if !strings.HasSuffix(s, "}") {
			return nil, &Error{src, len(src), "missing }"}
		}
		if err := p.parseJSON(s[1 : len(s)-1]); err != nil {
			return nil, err
		}
	default:
		p.kind = kindTerms
		if err := p.parseTerms(s); err != nil {
			return nil, err
		}
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

func (p *Pattern) parseTerms(s string) error {
	toks, err := tokens(p.src, s)
	if err != nil {
		return err
	}
	for i, tk := range toks {
		t := term{text: tk.text}
		switch {
		case !tk.quoted && strings.HasPrefix(tk.text, "?"):
			if i > 0 && !p.anyOf {
				return &Error{p.src, tk.at, "mixes ?term alternatives with plain terms"}
			}
			p.anyOf = true
			t.text = tk.text[1:]
		case p.anyOf:
			return &Error{p.src, tk.at, "mixes ?term alternatives with plain terms"}
		case !tk.quoted && strings.HasPrefix(tk.text, "-") && len(tk.text) > 1:
			t.exclude = true
			t.text = tk.text[1:]
		}
		if uq, ok := unquote(t.text); ok && !tk.quoted {
			t.text = uq // ?"a phrase" and -"a phrase"
		}
		if !tk.quoted && len(t.text) >= 2 && strings.HasPrefix(t.text, "%") && strings.HasSuffix(t.text, "%") {
			re, err := regexp.Compile(t.text[1 : len(t.text)-1])
			if err != nil {
				return &Error{p.src, tk.at, "bad regular expression: " + err.Error()}
			}
			t.re = re
		}
		if t.text == "" {
			return &Error{p.src, tk.at, "empty term"}
		}
		p.terms = append(p.terms, t)
	}
	return nil
}

type token struct {
	text   string
	quoted bool
	at     int
}

// tokens splits on spaces, keeping "quoted phrases" (with \" escapes)
// whole; a quote may follow a ?/- prefix.
func tokens(src, s string) ([]token, error) {
	var out []token
	i := 0
	for i < len(s) {
		if s[i] == ' ' || s[i] == '\t' {
			i++
			continue
		}
		start := i
		prefix := ""
		if (s[i] == '?' || s[i] == '-') && i+1 < len(s) && s[i+1] == '"' {
			prefix = s[i : i+1]
			i++
		}
		if s[i] == '"' {
			j := i + 1
			var b strings.Builder
			for ; j < len(s) && s[j] != '"'; j++ {
				if s[j] == '\\' && j+1 < len(s) {
					j++
				}
				b.WriteByte(s[j])
			}
			if j >= len(s) {
				return nil, &Error{src, start, "unclosed quote"}
			}
			if prefix != "" {
				out = append(out, token{prefix + strconv.Quote(b.String()), false, start})
			} else {
				out = append(out, token{b.String(), true, start})
			}
			i = j + 1
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' {
			j++
		}
		out = append(out, token{s[i:j], false, start})
		i = j
	}
	return out, nil
}

func unquote(s string) (string, bool) {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		if u, err := strconv.Unquote(s); err == nil {
			return u, true
		}
	}
	return s, false
}

func (t term) matches(event string) bool {
	if t.re != nil {
		return t.re.MatchString(event)
	}
	return strings.Contains(event, t.text)
}

// Match reports whether the pattern matches one log event.
func (p *Pattern) Match(event string) bool {
	switch p.kind {
	case kindAll:
		return true
	case kindTerms:
		if p.anyOf {
			for _, t := range p.terms {
				if t.matches(event) {
					return true
				}
			}
			return false
		}
		for _, t := range p.terms {
			if t.matches(event) == t.exclude {
				return false
			}
		}
		return true
	case kindSpace:
		return matchFields(p.cols, splitEvent(event))
	case kindJSON:
		return p.matchJSON(event)
	}
	return false
}

// --- space-delimited patterns ---

type field struct {
	name     string
	ellipsis bool
	op       string // "", =, !=, <, <=, >, >=
	value    string
	num      float64
	isNum    bool
}

var fieldRE = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_]*|\.\.\.)\s*(?:(!=|<=|>=|=|<|>)\s*(.+?))?\s*$`)

func parseFields(src, body string) ([]field, error) {
	var out []field
	for _, part := range splitTopLevel(body) {
		m := fieldRE.FindStringSubmatch(part)
		if m == nil {
			return nil, &Error{src, strings.Index(src, part), "bad field " + strconv.Quote(strings.TrimSpace(part))}
		}
		f := field{name: m[1], ellipsis: m[1] == "...", op: m[2], value: m[3]}
		if f.ellipsis && f.op != "" {
			return nil, &Error{src, strings.Index(src, part), "... cannot have a condition"}
		}
		if uq, ok := unquote(f.value); ok {
			f.value = uq
		} else if n, err := strconv.ParseFloat(f.value, 64); err == nil {
			f.num, f.isNum = n, true
		}
		if f.op != "" && f.op != "=" && f.op != "!=" && !f.isNum {
			return nil, &Error{src, strings.Index(src, part), f.op + " needs a number"}
		}
		out = append(out, f)
	}
	return out, nil
}

// splitTopLevel splits on commas outside quotes.
func splitTopLevel(s string) []string {
	var out []string
	inQ := false
	last := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			inQ = !inQ
		case ',':
			if !inQ {
				out = append(out, s[last:i])
				last = i + 1
			}
		}
	}
	return append(out, s[last:])
}

// splitEvent splits a line into space-delimited fields; "…" and […] are
// one field each, without their delimiters.
func splitEvent(e string) []string {
	var out []string
	i := 0
	for i < len(e) {
		if e[i] == ' ' {
			i++
			continue
		}
		var end byte = ' '
		switch e[i] {
		case '"':
			end = '"'
		case '[':
			end = ']'
		}
		if end != ' ' {
			if j := strings.IndexByte(e[i+1:], end); j >= 0 {
				out = append(out, e[i+1:i+1+j])
				i += j + 2
				continue
			}
		}
		j := strings.IndexByte(e[i:], ' ')
		if j < 0 {
			j = len(e) - i
		}
		out = append(out, e[i:i+j])
		i += j
	}
	return out
}

func matchFields(pat []field, ev []string) bool {
	if len(pat) == 0 {
		return len(ev) == 0
	}
	f := pat[0]
	if f.ellipsis {
		for k := 0; k <= len(ev); k++ {
			if matchFields(pat[1:], ev[k:]) {
				return true
			}
		}
		return false
	}
	// Without an ellipsis the field counts must agree.
	if len(ev) == 0 {
		return false
	}
	return f.holds(ev[0]) && matchFields(pat[1:], ev[1:])
}

func (f field) holds(v string) bool {
	switch f.op {
	case "":
		return true
	case "=":
		return equalWild(f, v)
	case "!=":
		return !equalWild(f, v)
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return false
	}
	return compare(n, f.op, f.num)
}

func compare(n float64, op string, want float64) bool {
	switch op {
	case "<":
		return n < want
	case "<=":
		return n <= want
	case ">":
		return n > want
	case ">=":
		return n >= want
	case "=":
		return n == want
	case "!=":
		return n != want
	}
	return false
}

func equalWild(f field, v string) bool {
	if f.isNum {
		n, err := strconv.ParseFloat(v, 64)
		return err == nil && n == f.num
	}
	return wildcard(f.value, v)
}

// wildcard matches s against a pattern where * is any run of characters.
func wildcard(pat, s string) bool {
	parts := strings.Split(pat, "*")
	if len(parts) == 1 {
		return pat == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for _, mid := range parts[1 : len(parts)-1] {
		i := strings.Index(s, mid)
		if i < 0 {
			return false
		}
		s = s[i+len(mid):]
	}
	return strings.HasSuffix(s, parts[len(parts)-1])
}

// --- JSON patterns ---

type jsonCond struct {
	path  []string
	op    string
	value string
	num   float64
	kind  string // "string", "number", "true", "false", "null", "exists", "not-exists"
}

var jsonCondRE = regexp.MustCompile(`^\s*\$((?:\.[A-Za-z0-9_\-]+)+)\s*(!=|<=|>=|=|<|>|IS|NOT EXISTS)?\s*(.*?)\s*$`)

func (p *Pattern) parseJSON(body string) error {
	rest := body
	for {
		i, sep := nextBool(rest)
		part := rest
		if i >= 0 {
			part = rest[:i]
		}
		m := jsonCondRE.FindStringSubmatch(part)
		if m == nil || m[2] == "" {
			return &Error{p.src, strings.Index(p.src, strings.TrimSpace(part)), "bad JSON condition " + strconv.Quote(strings.TrimSpace(part))}
		}
		c := jsonCond{path: strings.Split(m[1][1:], "."), op: m[2]}
		v := m[3]
		switch {
		case c.op == "NOT EXISTS":
			c.kind = "not-exists"
		case c.op == "IS" && (v == "TRUE" || v == "FALSE" || v == "NULL"):
			c.kind = strings.ToLower(v)
		case c.op == "IS" && v == "EXISTS":
			c.kind = "exists"
		case c.op == "IS":
			return &Error{p.src, 0, "IS takes TRUE, FALSE, NULL or EXISTS"}
		default:
			if uq, ok := unquote(v); ok {
				c.kind, c.value = "string", uq
			} else if n, err := strconv.ParseFloat(v, 64); err == nil {
				c.kind, c.num = "number", n
			} else if v != "" && (c.op == "=" || c.op == "!=") {
				c.kind, c.value = "string", v
			} else {
				return &Error{p.src, 0, "bad value " + strconv.Quote(v)}
			}
			if c.kind == "string" && c.op != "=" && c.op != "!=" {
				return &Error{p.src, 0, c.op + " needs a number"}
			}
		}
		p.json = append(p.json, c)
		if i < 0 {
			return nil
		}
		p.ors = append(p.ors, sep == "||")
		rest = rest[i+2:]
	}
}

// nextBool finds the next && or || outside quotes.
func nextBool(s string) (int, string) {
	inQ := false
	for i := 0; i+1 < len(s); i++ {
		switch {
		case s[i] == '"':
			inQ = !inQ
		case !inQ && (s[i:i+2] == "&&" || s[i:i+2] == "||"):
			return i, s[i : i+2]
		}
	}
	return -1, ""
}

func (p *Pattern) matchJSON(event string) bool {
	var doc any
	if err := json.Unmarshal([]byte(event), &doc); err != nil {
		return false
	}
	// && binds tighter than ||: evaluate OR-groups of AND-chains.
	result, group := false, true
	for i, c := range p.json {
		group = group && c.holds(doc)
		if i == len(p.json)-1 || p.ors[i] {
			result = result || group
			group = true
		}
	}
	return result
}

var errMissing = errors.New("missing")

func lookup(doc any, path []string) (any, error) {
	for _, k := range path {
		m, ok := doc.(map[string]any)
		if !ok {
			return nil, errMissing
		}
		if doc, ok = m[k]; !ok {
			return nil, errMissing
		}
	}
	return doc, nil
}

func (c jsonCond) holds(doc any) bool {
	v, err := lookup(doc, c.path)
	switch c.kind {
	case "exists":
		return err == nil
	case "not-exists":
		return err != nil
	}
	if err != nil {
		return false
	}
	switch c.kind {
	case "true", "false":
		b, ok := v.(bool)
		return ok && b == (c.kind == "true")
	case "null":
		return v == nil
	case "number":
		n, ok := v.(float64)
		return ok && compare(n, c.op, c.num)
	case "string":
		s, ok := v.(string)
		if !ok {
			if n, isNum := v.(float64); isNum {
				s, ok = strconv.FormatFloat(n, 'f', -1, 64), true
			}
		}
		eq := ok && wildcard(c.value, s)
		if c.op == "!=" {
			return ok && !eq
		}
		return eq
	}
	return false
}
