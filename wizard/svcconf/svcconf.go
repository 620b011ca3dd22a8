// Package svcconf reads service configuration files (Apache httpd, Nginx,
// PHP-FPM, MySQL/MariaDB, Tomcat) over a host.Root, the way the daemons
// themselves do: includes expanded (globs, relative paths, cycle-safe),
// variables substituted, and every directive kept with its file, line and
// enclosing blocks. Detection takes log paths from it; sizing takes limits.
// Parsers never fail on a bad included file: they record a Problem and go on.
package svcconf

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// Block is an enclosing section: <IfModule mpm_event_module>, <VirtualHost *:80>,
// or an Nginx block such as http, server, location /.
type Block struct {
	Name string
	Args []string
}

func (b Block) String() string {
	if len(b.Args) == 0 {
		return b.Name
	}
	return b.Name + " " + strings.Join(b.Args, " ")
}

// Directive is one configuration statement.
type Directive struct {
	Name    string   // as written; Apache names are case-insensitive
	Args    []string // unquoted, variables expanded
	File    string   // host path of the file it is in
	Line    int
	Context []Block // enclosing blocks, outermost first
	// Active is false inside an Apache <IfModule>/<IfDefine> whose condition
	// was false when the daemon would have read it. Nginx directives are
	// always active.
	Active bool
}

// Arg returns argument i, or "" when there is none.
func (d Directive) Arg(i int) string {
	if i < len(d.Args) {
		return d.Args[i]
	}
	return ""
}

// In reports whether the directive sits inside a block named name
// (case-insensitive), at any depth.
func (d Directive) In(name string) bool {
	return slices.ContainsFunc(d.Context, func(b Block) bool { return strings.EqualFold(b.Name, name) })
}

// Problem is something that could not be read or made sense of; parsing
// went on without it.
type Problem struct {
	File string
	Line int
	Err  error
}

func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", p.File, p.Line, p.Err)
	}
	return fmt.Sprintf("%s: %v", p.File, p.Err)
}

// Unwrap gives the underlying error (fs.ErrNotExist, fs.ErrPermission...).
func (p Problem) Unwrap() error { return p.Err }

// Limits that keep a hostile or broken config from taking unbounded time
// and memory. Each parse (one daemon's main file and its includes) reads a
// file at most once and stops, with one problem, at maxFiles files or
// maxTotalBytes bytes; at most maxProblems problems are kept.
const (
	maxIncludeDepth = 32
	maxFiles        = 10000
	maxFileSize     = 4 << 20
	maxTotalBytes   = 64 << 20
	maxProblems     = 50
)

// ErrIncludeCycle marks an include that would read a file already being read.
var ErrIncludeCycle = fmt.Errorf("include cycle")

// ErrTooManyFiles marks the include where a parse stopped: beyond
// maxFiles files or maxTotalBytes bytes, or nested beyond maxIncludeDepth.
var ErrTooManyFiles = fmt.Errorf("included files stop here: over 10,000 files, 64 MiB or 32 levels of nesting; the rest is not read")

// ErrTooLarge marks a file over maxFileSize (not a config file).
var ErrTooLarge = fmt.Errorf("file too large")

// hasGlob reports whether p has shell wildcard characters.
func hasGlob(p string) bool { return strings.ContainsAny(p, "*?[") }

// ErrNotRegular marks a path that is a directory, FIFO or device: reading
// a FIFO would block detection forever.
var ErrNotRegular = fmt.Errorf("not a regular file")

// ReadRegular reads a host file that must be a regular file of at most
// limit bytes.
func ReadRegular(r host.Root, p string, limit int64) ([]byte, error) {
	st, err := r.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: p, Err: ErrNotRegular}
	}
	if st.Size() > limit {
		return nil, &fs.PathError{Op: "read", Path: p, Err: ErrTooLarge}
	}
	return r.ReadFile(p)
}
