package host

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

// Tail sizes for checking a log's timestamp format: enough lines to see
// both start and continuation lines, little enough to stay fast on big logs.
const (
	TailBytes = 64 << 10
	TailLines = 50
)

// ErrNotRegular marks a path that is a directory, FIFO, socket or device:
// not a file whose lines can be read (opening a FIFO would block).
var ErrNotRegular = errors.New("not a regular file")

// ErrRefused marks a file cwsetup never reads because of what it is (a
// secret file, /proc, /sys, /dev), named directly or through a symlink.
var ErrRefused = errors.New("not a log file: cwsetup does not read it")

// RefusedPath reports whether p, or what its symlinks lead to, is a place
// cwsetup never reads lines from (/proc, /sys, /dev, secret files); the
// problem says which. Path syntax is not judged here.
func (r Root) RefusedPath(p string) PathProblem {
	for _, q := range []string{p, r.Canonical(p)} {
		switch pr := CheckLogPath(q); pr {
		case PathPseudo, PathSecret, PathKeychain:
			return pr
		}
	}
	return PathOK
}

// OpenLog opens a host file whose lines are to be read: refused places
// and hard-linked files fail with ErrRefused, anything but a regular file with ErrNotRegular
// (opened non-blocking, so a FIFO planted as a log cannot hang cwsetup).
func (r Root) OpenLog(p string) (*os.File, error) {
	if r.RefusedPath(p) != PathOK {
		return nil, &fs.PathError{Op: "open", Path: p, Err: ErrRefused}
	}
	lp, err := r.local(p)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(lp, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: p, Err: ErrNotRegular}
	}
	// A file with a second name may be a secret under a log's name (a
	// hard link to /etc/shadow): what the name says proves nothing.
	if sys, ok := st.Sys().(*syscall.Stat_t); ok && sys.Nlink > 1 {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: p, Err: ErrRefused}
	}
	return f, nil
}

// TailLines returns the last non-empty lines (at most TailLines) of a host
// log file, reading only its last TailBytes, however large the file (an
// 8 GiB log costs the same as a small one). A partial first line is
// dropped unless it is all there is: then it is the end of the file's last
// line, longer than the window. NUL bytes before a line (what copytruncate
// leaves in a file still being written at its old offset) are dropped.
// The lines are raw: Redact them before showing any.
func (r Root) TailLines(p string) ([]string, error) {
	f, err := r.OpenLog(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	// One byte before the window tells whether its first line is whole.
	off := max(st.Size()-TailBytes-1, 0)
	buf := make([]byte, st.Size()-off)
	n, err := f.ReadAt(buf, off)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	buf = buf[:n]
	if off > 0 && len(buf) > 0 {
		if buf[0] == '\n' {
			buf = buf[1:]
		} else if i := bytes.IndexByte(buf, '\n'); i >= 0 && len(bytes.TrimSpace(buf[i+1:])) > 0 {
			buf = buf[i+1:]
		} else {
			buf = buf[1:]
		}
	}
	var lines []string
	for _, l := range strings.Split(string(buf), "\n") {
		l = strings.TrimLeft(l, "\x00")
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) > TailLines {
		lines = lines[len(lines)-TailLines:]
	}
	return lines, nil
}
