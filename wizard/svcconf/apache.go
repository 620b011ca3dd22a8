package svcconf

import (
	"bufio"
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// ApacheOptions are what httpd knows before reading its config.
type ApacheOptions struct {
	// ServerRoot relative paths are resolved against until a ServerRoot
	// directive says otherwise; default: the main file's directory.
	ServerRoot string
	// Env supplies ${VAR} values (Debian: /etc/apache2/envvars).
	Env map[string]string
	// Defines are -D names given on the command line.
	Defines []string
}

// Apache is a parsed httpd configuration.
type Apache struct {
	ServerRoot string      // final ServerRoot
	Directives []Directive // in reading order, includes expanded in place
	Files      []string    // files read, in order
	Problems   []Problem
	modules    []string // loaded module ids (mpm_event_module) and sources (mod_mpm_event.c)
}

// builtinModules are compiled into the stock Debian and RHEL binaries.
var builtinModules = []string{"core", "so", "http_core", "log_config", "logio", "version", "unixd", "watchdog"}

// ParseApache reads main and everything it includes.
func ParseApache(r host.Root, main string, opt ApacheOptions) (*Apache, error) {
	a := &Apache{ServerRoot: opt.ServerRoot}
	if a.ServerRoot == "" {
		a.ServerRoot = path.Dir(main)
	}
	for _, m := range builtinModules {
		a.addModule(m+"_module", "mod_"+m+".c")
	}
	a.addModule("core_module", "core.c")
	p := &apacheParser{a: a, in: newIncluder(r), env: map[string]string{}}
	for k, v := range opt.Env {
		p.env[k] = v
	}
	for _, d := range opt.Defines {
		p.env[d] = ""
		p.defined = append(p.defined, d)
	}
	data, err := p.in.enterMain(main)
	if err != nil {
		return nil, err
	}
	p.parse(main, data, nil, true)
	p.in.leave()
	a.Files = p.in.files
	a.Problems = p.in.done(p.problems)
	return a, nil
}

func (a *Apache) addModule(id, src string) { a.modules = append(a.modules, id, src) }

// Loaded reports whether a module is loaded, by id (mpm_prefork_module) or
// source name (mod_mpm_prefork.c, prefork.c), as <IfModule> accepts.
func (a *Apache) Loaded(name string) bool { return slices.Contains(a.modules, name) }

// MPM is the loaded multi-processing module: prefork, worker, event, or ""
// when the config loads none (a static MPM the config cannot show).
func (a *Apache) MPM() string {
	for _, m := range a.modules {
		if s, ok := strings.CutPrefix(m, "mpm_"); ok {
			if s, ok = strings.CutSuffix(s, "_module"); ok {
				return s
			}
		}
	}
	return ""
}

// Find returns the active directives named name (case-insensitive).
func (a *Apache) Find(name string) []Directive {
	var out []Directive
	for _, d := range a.Directives {
		if d.Active && strings.EqualFold(d.Name, name) {
			out = append(out, d)
		}
	}
	return out
}

// Setting is the server-wide value of a single-valued directive (such as
// MaxRequestWorkers): the last active one outside <VirtualHost>,
// <Directory>, <Location> and <Files> blocks, so a value inside the active
// MPM's <IfModule> overrides an earlier global one, as in httpd.
func (a *Apache) Setting(name string) (Directive, bool) {
	for i := len(a.Directives) - 1; i >= 0; i-- {
		d := a.Directives[i]
		if !d.Active || !strings.EqualFold(d.Name, name) {
			continue
		}
		if d.In("VirtualHost") || d.In("Directory") || d.In("DirectoryMatch") || d.In("Location") ||
			d.In("LocationMatch") || d.In("Files") || d.In("FilesMatch") {
			continue
		}
		return d, true
	}
	return Directive{}, false
}

// Abs makes a path from the config absolute the way httpd does: relative
// to ServerRoot.
func (a *Apache) Abs(p string) string {
	if path.IsAbs(p) {
		return path.Clean(p)
	}
	return path.Join(a.ServerRoot, p)
}

type apacheParser struct {
	a        *Apache
	in       *includer
	env      map[string]string
	defined  []string
	problems []Problem
}

// parse reads one file's text; ctx is the enclosing blocks (an Include
// inside a <VirtualHost> puts the included directives in it) and active
// whether they count.
func (p *apacheParser) parse(file string, data []byte, ctx []Block, active bool) {
	type open struct {
		block  Block
		active bool
		line   int
	}
	var stack []open
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), maxFileSize)
	lineNo := 0
	for {
		text, first, ok := nextLogicalLine(sc, &lineNo)
		if !ok {
			break
		}
		s := strings.TrimSpace(text)
		if s == "" || s[0] == '#' {
			continue
		}
		cur := active
		if n := len(stack); n > 0 {
			cur = stack[n-1].active
		}
		if strings.HasPrefix(s, "</") {
			name := strings.TrimSpace(strings.TrimSuffix(s[2:], ">"))
			if n := len(stack); n > 0 && strings.EqualFold(stack[n-1].block.Name, name) {
				stack = stack[:n-1]
				ctx = ctx[:len(ctx)-1]
			} else {
				p.problems = append(p.problems, Problem{File: file, Line: first, Err: fmt.Errorf("unexpected </%s>", name)})
			}
			continue
		}
		if s[0] == '<' {
			inner := strings.TrimSpace(strings.TrimSuffix(s[1:], ">"))
			words := p.words(inner)
			if len(words) == 0 {
				continue
			}
			b := Block{Name: words[0], Args: words[1:]}
			stack = append(stack, open{block: b, active: cur && p.holds(b), line: first})
			ctx = append(slices.Clip(ctx), b)
			continue
		}
		words := p.words(s)
		if len(words) == 0 {
			continue
		}
		d := Directive{Name: words[0], Args: words[1:], File: file, Line: first,
			Context: slices.Clone(ctx), Active: cur}
		p.a.Directives = append(p.a.Directives, d)
		if !cur {
			continue
		}
		switch strings.ToLower(d.Name) {
		case "serverroot":
			if v := d.Arg(0); v != "" {
				p.a.ServerRoot = path.Clean(v)
			}
		case "define":
			if v := d.Arg(0); v != "" {
				p.env[v] = d.Arg(1)
				p.defined = append(p.defined, v)
			}
		case "undefine":
			p.defined = slices.DeleteFunc(p.defined, func(s string) bool { return s == d.Arg(0) })
			delete(p.env, d.Arg(0))
		case "loadmodule":
			if id := d.Arg(0); id != "" {
				// <IfModule> also takes the module's source file name, which
				// is mod_<name>.c even when the .so is named otherwise
				// (php7_module in libphp7.so is mod_php7.c).
				p.a.addModule(id, "mod_"+strings.TrimSuffix(id, "_module")+".c")
				p.a.addModule("", strings.TrimSuffix(path.Base(d.Arg(1)), ".so")+".c")
				// Old-style names: <IfModule prefork.c> for mpm_prefork_module.
				if s, ok := strings.CutPrefix(id, "mpm_"); ok {
					p.a.addModule("", strings.TrimSuffix(s, "_module")+".c")
				}
			}
		case "include", "includeoptional":
			optional := strings.EqualFold(d.Name, "IncludeOptional")
			for _, arg := range d.Args {
				target := p.a.Abs(arg)
				for _, f := range p.in.expand(target, file, first, optional, true, "") {
					if data, ok := p.in.enter(f, file, first); ok {
						p.parse(f, data, slices.Clone(ctx), true)
						p.in.leave()
					}
				}
			}
		}
	}
	for _, o := range stack {
		p.problems = append(p.problems, Problem{File: file, Line: o.line, Err: fmt.Errorf("<%s> not closed", o.block.Name)})
	}
}

// holds evaluates a conditional section; other sections are always true.
func (p *apacheParser) holds(b Block) bool {
	arg := ""
	if len(b.Args) > 0 {
		arg = b.Args[0]
	}
	neg := strings.HasPrefix(arg, "!")
	arg = strings.TrimPrefix(arg, "!")
	var v bool
	switch strings.ToLower(b.Name) {
	case "ifmodule":
		v = p.a.Loaded(arg)
	case "ifdefine":
		v = slices.Contains(p.defined, arg)
	default: // IfVersion, IfFile, If, VirtualHost, Directory...: not decidable here or not conditions
		return true
	}
	return v != neg
}

// nextLogicalLine joins backslash-continued lines. first is the number of
// the first physical line.
func nextLogicalLine(sc *bufio.Scanner, lineNo *int) (text string, first int, ok bool) {
	var b strings.Builder
	for sc.Scan() {
		*lineNo++
		if b.Len() == 0 {
			first = *lineNo
		}
		l := strings.TrimRight(sc.Text(), " \t\r")
		if strings.HasSuffix(l, "\\") {
			b.WriteString(strings.TrimSuffix(l, "\\"))
			b.WriteByte(' ')
			continue
		}
		b.WriteString(l)
		return b.String(), first, true
	}
	if b.Len() > 0 {
		return b.String(), first, true
	}
	return "", 0, false
}

// words splits a directive line into arguments: whitespace separated, with
// "double" or 'single' quotes and backslash escapes, ${VAR} expanded.
func (p *apacheParser) words(s string) []string {
	var out []string
	var cur strings.Builder
	inWord := false
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && i+1 < len(s) && (s[i+1] == quote || s[i+1] == '\\') {
				i++
				cur.WriteByte(s[i])
			} else if c == quote {
				quote = 0
			} else {
				cur.WriteByte(c)
			}
		case c == '"' || c == '\'':
			if !inWord || cur.Len() == 0 {
				quote = c
				inWord = true
			} else {
				cur.WriteByte(c)
			}
		case c == ' ' || c == '\t':
			if inWord {
				out = append(out, p.expandVars(cur.String()))
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		out = append(out, p.expandVars(cur.String()))
	}
	return out
}

// expandVars replaces ${NAME} with its value; httpd leaves unknown names
// as written (and warns).
func (p *apacheParser) expandVars(s string) string {
	if !strings.Contains(s, "${") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		name := s[i+2 : i+j]
		b.WriteString(s[:i])
		if v, ok := p.env[name]; ok && b.Len()+len(v) < 1<<16 { // Define chains can double a value per line
			b.WriteString(v)
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
}

// ApacheEnvvars reads the shell assignments of Debian's /etc/apache2/envvars
// (`export APACHE_LOG_DIR=/var/log/apache2$SUFFIX`). Only plain NAME=value
// lines count; $NAME and ${NAME} expand from earlier lines, unknown or
// computed (${X##...}) ones to "", as a shell without that variable would.
func ApacheEnvvars(r host.Root, file string) (map[string]string, error) {
	data, err := ReadRegular(r, file, maxFileSize)
	if err != nil {
		return nil, err
	}
	env := map[string]string{}
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		l = strings.TrimPrefix(l, "export ")
		eq := strings.IndexByte(l, '=')
		if eq <= 0 || !isShellName(l[:eq]) {
			continue
		}
		v := strings.TrimSpace(l[eq+1:])
		if i := strings.Index(v, " #"); i >= 0 {
			v = v[:i]
		}
		v = strings.Trim(v, `"'`)
		env[l[:eq]] = shellExpand(v, env)
	}
	return env, nil
}

func isShellName(s string) bool {
	for i, c := range s {
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

func shellExpand(v string, env map[string]string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != '$' || i+1 >= len(v) {
			b.WriteByte(v[i])
			continue
		}
		if v[i+1] == '{' {
			j := strings.IndexByte(v[i:], '}')
			if j < 0 {
				b.WriteString(v[i:])
				break
			}
			name := v[i+2 : i+j]
			if isShellName(name) {
				b.WriteString(env[name])
			}
			i += j
			continue
		}
		j := i + 1
		for j < len(v) && (v[j] == '_' || v[j] >= 'A' && v[j] <= 'Z' || v[j] >= 'a' && v[j] <= 'z' || v[j] >= '0' && v[j] <= '9') {
			j++
		}
		if j == i+1 {
			b.WriteByte('$')
			continue
		}
		b.WriteString(env[v[i+1:j]])
		i = j - 1
	}
	return b.String()
}
