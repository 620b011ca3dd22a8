package host

import (
	"bytes"
	"errors"
	"io"
	"strings"
)

// Tail sizes for checking a log's timestamp format: enough lines to see
// both start and continuation lines, little enough to stay fast on big logs.
const (
	TailBytes = 64 << 10
	TailLines = 50
)

// TailLines returns the last non-empty lines (at most TailLines) of a host
// file, reading only its last TailBytes; a partial first line is dropped.
func (r Root) TailLines(p string) ([]string, error) {
	f, err := r.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	off := max(st.Size()-TailBytes, 0)
	buf := make([]byte, st.Size()-off)
	n, err := f.ReadAt(buf, off)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	buf = buf[:n]
	if off > 0 {
		if i := bytes.IndexByte(buf, '\n'); i >= 0 {
			buf = buf[i+1:]
		}
	}
	var lines []string
	for _, l := range strings.Split(string(buf), "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) > TailLines {
		lines = lines[len(lines)-TailLines:]
	}
	return lines, nil
}
