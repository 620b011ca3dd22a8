package svcconf

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// Nginx is a parsed nginx configuration.
type Nginx struct {
	Prefix     string      // directory relative include paths are resolved against
	Directives []Directive // in reading order, includes expanded in place
	Files      []string
	Problems   []Problem
}

// ParseNginx reads main and everything it includes. Relative include paths
// are resolved against the main file's directory (nginx's conf prefix).
func ParseNginx(r host.Root, main string) (*Nginx, error) {
	n := &Nginx{Prefix: path.Dir(main)}
	in := newIncluder(r)
	data, err := in.enterMain(main)
	if err != nil {
		return nil, err
	}
	p := &nginxParser{n: n, in: in}
	p.parse(main, data, nil)
	in.leave()
	n.Files = in.files
	n.Problems = in.done(p.problems)
	return n, nil
}

// Find returns the directives named name (nginx names are case-sensitive).
func (n *Nginx) Find(name string) []Directive {
	var out []Directive
	for _, d := range n.Directives {
		if d.Name == name {
			out = append(out, d)
		}
	}
	return out
}

type nginxParser struct {
	n        *Nginx
	in       *includer
	problems []Problem
}

type nginxToken struct {
	text   string
	line   int
	quoted bool
}

// tokens splits nginx syntax: words, "quoted" or 'quoted' strings with
// backslash escapes, and the punctuation ; { }. # starts a comment.
func nginxTokens(data []byte) (toks []nginxToken, unterminated int) {
	line := 1
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '\n':
			line++
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#':
			for i < len(data) && data[i] != '\n' {
				i++
			}
		case c == ';' || c == '{' || c == '}':
			toks = append(toks, nginxToken{text: string(c), line: line})
			i++
		case c == '"' || c == '\'':
			start := line
			var b strings.Builder
			i++
			for ; i < len(data) && data[i] != c; i++ {
				if data[i] == '\\' && i+1 < len(data) {
					i++
				}
				if data[i] == '\n' {
					line++
				}
				b.WriteByte(data[i])
			}
			if i >= len(data) {
				return toks, start
			}
			i++
			toks = append(toks, nginxToken{text: b.String(), line: start, quoted: true})
		default:
			var b strings.Builder
			for i < len(data) {
				c := data[i]
				if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '{' || c == '}' {
					break
				}
				if c == '\\' && i+1 < len(data) {
					i++
					c = data[i]
				}
				b.WriteByte(c)
				i++
			}
			toks = append(toks, nginxToken{text: b.String(), line: line})
		}
	}
	return toks, 0
}

func (p *nginxParser) parse(file string, data []byte, ctx []Block) {
	toks, bad := nginxTokens(data)
	if bad > 0 {
		p.problems = append(p.problems, Problem{File: file, Line: bad, Err: fmt.Errorf("unterminated quoted string")})
	}
	depth := len(ctx)
	var words []nginxToken
	for _, t := range toks {
		if !t.quoted && (t.text == ";" || t.text == "{" || t.text == "}") {
			switch t.text {
			case ";":
				if len(words) == 0 {
					continue
				}
				d := p.directive(file, words, ctx)
				words = words[:0]
				if d.Name == "include" && d.Arg(0) != "" {
					target := d.Arg(0)
					if !path.IsAbs(target) {
						target = path.Join(p.n.Prefix, target)
					}
					for _, f := range p.in.expand(target, file, d.Line, hasGlob(target), false, "") {
						if data, ok := p.in.enter(f, file, d.Line); ok {
							p.parse(f, data, slices.Clone(ctx))
							p.in.leave()
						}
					}
				}
			case "{":
				if len(words) == 0 {
					p.problems = append(p.problems, Problem{File: file, Line: t.line, Err: fmt.Errorf("unexpected {")})
				}
				var b Block
				if len(words) > 0 {
					b = Block{Name: words[0].text}
					for _, w := range words[1:] {
						b.Args = append(b.Args, w.text)
					}
				}
				words = words[:0]
				ctx = append(slices.Clip(ctx), b)
			case "}":
				if len(ctx) <= depth {
					p.problems = append(p.problems, Problem{File: file, Line: t.line, Err: fmt.Errorf("unexpected }")})
					continue
				}
				ctx = ctx[:len(ctx)-1]
			}
			continue
		}
		words = append(words, t)
	}
	if len(words) > 0 {
		p.problems = append(p.problems, Problem{File: file, Line: words[0].line, Err: fmt.Errorf("%s: missing ;", words[0].text)})
	}
	if len(ctx) > depth {
		p.problems = append(p.problems, Problem{File: file, Err: fmt.Errorf("%d unclosed {", len(ctx)-depth)})
	}
}

func (p *nginxParser) directive(file string, words []nginxToken, ctx []Block) Directive {
	d := Directive{Name: words[0].text, File: file, Line: words[0].line, Context: slices.Clone(ctx), Active: true}
	for _, w := range words[1:] {
		d.Args = append(d.Args, w.text)
	}
	p.n.Directives = append(p.n.Directives, d)
	return d
}
