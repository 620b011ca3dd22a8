package svcconf

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// includer reads a main file and the files it includes. Each file is read
// at most once per parse (a second include of it, or a cycle back to it,
// adds nothing: detection wants its log paths and limits, which a second
// reading would repeat), each include argument is expanded once, and the
// whole parse stops at maxFiles files or maxTotalBytes bytes with one
// problem saying so — a hostile tree of 5,000 pool files that each include
// the directory costs 5,000 reads, not 25 million, and one warning.
type includer struct {
	root    host.Root
	stack   []string        // resolved host paths being read, outermost first
	visited map[string]bool // resolved host paths read (or being read)
	// expanded holds each include argument already expanded, with the
	// files it gave: a file including an argument that gave itself is a
	// cycle.
	expanded map[string]map[string]bool
	files    []string // every file read, in order
	bytes    int64
	problems []Problem
	capped   *Problem // where the limits stopped the parse
	cycle    *Problem // the first include cycle
	cycles   int      // cycles after the first, counted in its message
}

func newIncluder(r host.Root) *includer {
	return &includer{root: r, visited: map[string]bool{}, expanded: map[string]map[string]bool{}}
}

// cycleAt records an include cycle: the first as a problem, the others
// counted in it (a pool that includes its own directory is one mistake
// however many files repeat it).
func (in *includer) cycleAt(from string, line int, target string) {
	if in.cycle != nil {
		in.cycles++
		return
	}
	in.cycle = &Problem{File: from, Line: line, Err: &fs.PathError{Op: "include", Path: target, Err: ErrIncludeCycle}}
}

// problem records err. A PathError's own path is the local one (under a
// test root, a temp dir), so only its operation and cause are kept and the
// host path goes in the message.
func (in *includer) problem(file string, line int, err error) {
	if in.root.Err() != nil {
		return // cancelled: the parse is abandoned, not broken
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Op != "include" {
		if file == "" {
			file = pe.Path
		}
		err = pe.Err
	}
	in.problems = append(in.problems, Problem{File: file, Line: line, Err: err})
}

// enter reads p for parsing. ok is false (and a problem recorded when it
// is one) when p is unreadable, already read, part of a cycle or over the
// limits; when ok, the caller must call leave after parsing.
func (in *includer) enter(p, from string, line int) ([]byte, bool) {
	if in.root.Err() != nil {
		return nil, false
	}
	rp, err := in.root.Resolve(p)
	if err != nil {
		in.problem(p, 0, err)
		return nil, false
	}
	if slices.Contains(in.stack, rp) {
		in.cycleAt(from, line, p)
		return nil, false
	}
	if in.visited[rp] {
		return nil, false
	}
	if len(in.stack) >= maxIncludeDepth || len(in.files) >= maxFiles || in.bytes >= maxTotalBytes {
		if in.capped == nil && in.root.Err() == nil {
			in.capped = &Problem{File: from, Line: line, Err: &fs.PathError{Op: "include", Path: p, Err: ErrTooManyFiles}}
		}
		return nil, false
	}
	in.visited[rp] = true
	data, err := ReadRegular(in.root, p, maxFileSize)
	if err != nil {
		in.problem(p, 0, err)
		return nil, false
	}
	in.bytes += int64(len(data))
	in.stack = append(in.stack, rp)
	in.files = append(in.files, p)
	return data, true
}

// includeErr records a failed include target under its host path.
func (in *includer) includeErr(from string, line int, target string, err error) {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Op != "include" {
		err = pe.Err
	}
	in.problem(from, line, &fs.PathError{Op: "include", Path: target, Err: err})
}

func (in *includer) leave() { in.stack = in.stack[:len(in.stack)-1] }

// done returns the problems of the parse plus those of the parser (syntax
// errors), at most maxProblems of them: the rest are counted in a last
// one. Folded include cycles are counted in the first.
func (in *includer) done(parser []Problem) []Problem {
	var ps []Problem
	if in.capped != nil {
		ps = append(ps, *in.capped) // always shown: the config was not read whole
	}
	if c := in.cycle; c != nil {
		if in.cycles > 0 {
			c.Err = &fs.PathError{Op: "include", Path: c.Err.(*fs.PathError).Path,
				Err: fmt.Errorf("%w (and %d more includes in a cycle)", ErrIncludeCycle, in.cycles)}
		}
		ps = append(ps, *c)
	}
	ps = append(append(ps, in.problems...), parser...)
	if len(ps) > maxProblems {
		more := len(ps) - maxProblems
		ps = append(ps[:maxProblems:maxProblems], Problem{File: ps[maxProblems].File, Err: fmt.Errorf("%d more problems not shown", more)})
	}
	return ps
}

// expand turns an include argument (already absolute) into the files to
// read, in order: a glob's matches sorted, a directory's files (recursing
// into subdirectories when recurse), or the path itself. suffix, when set,
// filters directory entries (MySQL's !includedir reads only *.cnf). An
// argument already expanded in this parse gives nothing: its files are
// read, or being read, from the first expansion.
func (in *includer) expand(p, from string, line int, optional, recurse bool, suffix string) []string {
	if in.root.Err() != nil {
		return nil
	}
	key := fmt.Sprintf("%s\x00%t\x00%s", p, recurse, suffix)
	if gave, done := in.expanded[key]; done {
		if gave[from] {
			in.cycleAt(from, line, p)
		}
		return nil
	}
	out := in.expandOnce(p, from, line, optional, recurse, suffix)
	gave := make(map[string]bool, len(out))
	for _, f := range out {
		gave[f] = true
	}
	in.expanded[key] = gave
	return out
}

func (in *includer) expandOnce(p, from string, line int, optional, recurse bool, suffix string) []string {
	if hasGlob(p) {
		m, err := in.root.Glob(p)
		if err != nil {
			in.includeErr(from, line, p, err)
			return nil
		}
		if len(m) == 0 && !optional {
			in.problem(from, line, &fs.PathError{Op: "include", Path: p, Err: fs.ErrNotExist})
		}
		var out []string
		for _, f := range m {
			if st, err := in.root.Stat(f); err == nil && !st.IsDir() {
				out = append(out, f)
			}
		}
		return out
	}
	st, err := in.root.Stat(p)
	if err != nil {
		if !optional || !errors.Is(err, fs.ErrNotExist) {
			in.includeErr(from, line, p, err)
		}
		return nil
	}
	if !st.IsDir() {
		return []string{p}
	}
	return in.dirFiles(p, from, line, recurse, suffix, 0)
}

func (in *includer) dirFiles(dir, from string, line int, recurse bool, suffix string, depth int) []string {
	if depth > maxIncludeDepth {
		in.problem(from, line, &fs.PathError{Op: "include", Path: dir, Err: ErrTooManyFiles})
		return nil
	}
	ents, err := in.root.ReadDir(dir)
	if err != nil {
		in.includeErr(from, line, dir, err)
		return nil
	}
	var out []string
	for _, e := range ents { // ReadDir sorts by name
		if len(out) > maxFiles {
			break // more than could ever be read
		}
		fp := path.Join(dir, e.Name())
		if suffix != "" && path.Ext(fp) != suffix {
			continue
		}
		st, err := in.root.Stat(fp)
		if err != nil {
			in.includeErr(from, line, fp, err) // a dangling or looping link
			continue
		}
		if st.IsDir() {
			if recurse {
				out = append(out, in.dirFiles(fp, from, line, recurse, suffix, depth+1)...)
			}
			continue
		}
		out = append(out, fp)
	}
	return out
}

// enterMain reads the main file; its failure is the parse's error (the
// root's own error when the parse was cancelled).
func (in *includer) enterMain(main string) ([]byte, error) {
	data, ok := in.enter(main, "", 0)
	if ok {
		return data, nil
	}
	if err := in.root.Err(); err != nil {
		return nil, err
	}
	return nil, in.problems[len(in.problems)-1]
}
