package svcconf

import (
	"errors"
	"io/fs"
	"path"
	"slices"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// includer reads a main file and the files it includes, refusing cycles and
// runaway nesting.
type includer struct {
	root     host.Root
	stack    []string // resolved host paths being read, outermost first
	files    []string // every file read, in order
	problems []Problem
}

// problem records err. A PathError's own path is the local one (under a
// test root, a temp dir), so only its operation and cause are kept and the
// host path goes in the message.
func (in *includer) problem(file string, line int, err error) {
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
// is one) when p is unreadable, part of a cycle or over the limits; when ok,
// the caller must call leave after parsing.
func (in *includer) enter(p, from string, line int) ([]byte, bool) {
	rp, err := in.root.Resolve(p)
	if err != nil {
		in.problem(p, 0, err)
		return nil, false
	}
	if slices.Contains(in.stack, rp) {
		in.problem(from, line, &fs.PathError{Op: "include", Path: p, Err: ErrIncludeCycle})
		return nil, false
	}
	if len(in.stack) >= maxIncludeDepth || len(in.files) >= maxFiles {
		in.problem(from, line, &fs.PathError{Op: "include", Path: p, Err: ErrTooManyFiles})
		return nil, false
	}
	data, err := ReadRegular(in.root, p, maxFileSize)
	if err != nil {
		in.problem(p, 0, err)
		return nil, false
	}
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

// expand turns an include argument (already absolute) into the files to
// read, in order: a glob's matches sorted, a directory's files (recursing
// into subdirectories when recurse), or the path itself. suffix, when set,
// filters directory entries (MySQL's !includedir reads only *.cnf).
func (in *includer) expand(p, from string, line int, optional, recurse bool, suffix string) []string {
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
