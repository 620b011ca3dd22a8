// Package logcost estimates what shipping the planned logs to CloudWatch
// Logs will cost: each log's growth measured on the host (rotated files
// and their dates, or the current file over the span of its own
// timestamps), priced for the region and log class. It reads only under a
// host.Root, never the network, and every figure says how it was made.
package logcost

import (
	"encoding/binary"
	"github.com/cwsetup/cwsetup/internal/lazy"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/tsformat"
)

// How a growth rate was measured.
const (
	// MethodRotatedDates: logrotate's dated files (messages-20261124):
	// their sizes over the days between the first and the last date.
	MethodRotatedDates = "rotated-dates"
	// MethodRotatedTimes: numbered files (.1, .2.gz): their sizes over the
	// time between their last writes (modification times).
	MethodRotatedTimes = "rotated-mtimes"
	// MethodTimestamps: the current file's size over the time between its
	// first and its last timestamp.
	MethodTimestamps = "timestamps"
	// MethodNone: nothing to measure with (no rotated files, no
	// timestamps or less than an hour of them, no file yet).
	MethodNone = "none"
)

// minSpan is the shortest span a rate is taken over: a few minutes of a
// fresh file say nothing about a day.
const minSpan = time.Hour

// Growth is how fast one log grows.
type Growth struct {
	File        string  `json:"file,omitempty"` // the current file measured
	Method      string  `json:"method"`
	BytesPerDay float64 `json:"bytes_per_day"`
	// Files and Days are what the rate was taken over: rotated files (0
	// for MethodTimestamps) and the span in days.
	Files int     `json:"files,omitempty"`
	Days  float64 `json:"days,omitempty"`
	// Compressed is how many of Files were gzip files, counted by the
	// uncompressed size gzip stores in them.
	Compressed int `json:"compressed,omitempty"`
}

var (
	datedRE    = lazy.Regexp(`^-(\d{8})(\.gz)?$`)
	numberedRE = lazy.Regexp(`^\.(\d{1,3})(\.gz)?$`)
)

// rotated is one rotated sibling of the current file.
type rotated struct {
	path string
	date time.Time // from the name (dated) or the modification time
	n    int       // the number of a numbered file
	size int64
	gz   bool
}

// Measure measures the growth of the log at p (a path or a glob: its
// newest match, the file the agent follows). format and loc read the
// file's timestamps for MethodTimestamps; format may be empty.
func Measure(r host.Root, p, format string, loc *time.Location) Growth {
	file := newest(r, p)
	if file == "" {
		return Growth{Method: MethodNone}
	}
	g := Growth{File: file, Method: MethodNone}
	dated, numbered := siblings(r, file)
	if rate, days, n, gz, ok := datedRate(dated); ok {
		g.Method, g.BytesPerDay, g.Days, g.Files, g.Compressed = MethodRotatedDates, rate, days, n, gz
		return g
	}
	if rate, days, n, gz, ok := numberedRate(numbered); ok {
		g.Method, g.BytesPerDay, g.Days, g.Files, g.Compressed = MethodRotatedTimes, rate, days, n, gz
		return g
	}
	if format == "" {
		return g
	}
	tf, err := tsformat.Parse(format)
	if err != nil {
		return g
	}
	if rate, days, ok := timestampRate(r, file, tf, loc); ok {
		g.Method, g.BytesPerDay, g.Days = MethodTimestamps, rate, days
	}
	return g
}

// datedRate: a file dated D holds what was written between the rotation
// before it and D, so the files after the first date cover first..last.
func datedRate(fs []rotated) (rate, days float64, n, gz int, ok bool) {
	if len(fs) < 2 {
		return 0, 0, 0, 0, false
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].date.Before(fs[j].date) })
	span := fs[len(fs)-1].date.Sub(fs[0].date)
	if span < minSpan {
		return 0, 0, 0, 0, false
	}
	var bytes int64
	for _, f := range fs[1:] {
		bytes += f.size
		if f.gz {
			gz++
		}
	}
	days = span.Hours() / 24
	return float64(bytes) / days, days, len(fs) - 1, gz, true
}

// numberedRate: .1 is the newest rotation, .N the oldest; a file was last
// written when it was rotated, so .1 ... .N-1 cover mtime(.N)..mtime(.1).
func numberedRate(fs []rotated) (rate, days float64, n, gz int, ok bool) {
	if len(fs) < 2 {
		return 0, 0, 0, 0, false
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].n < fs[j].n })
	span := fs[0].date.Sub(fs[len(fs)-1].date)
	if span < minSpan {
		return 0, 0, 0, 0, false // times reset by a copy, or not in order
	}
	var bytes int64
	for _, f := range fs[:len(fs)-1] {
		bytes += f.size
		if f.gz {
			gz++
		}
	}
	days = span.Hours() / 24
	return float64(bytes) / days, days, len(fs) - 1, gz, true
}

// siblings lists the rotated files next to file: name-YYYYMMDD and
// name.N, each optionally .gz.
func siblings(r host.Root, file string) (dated, numbered []rotated) {
	dir, base := path.Split(file)
	ents, err := r.ReadDir(dir)
	if err != nil {
		return nil, nil
	}
	for _, e := range ents {
		name := e.Name()
		if !strings.HasPrefix(name, base) || !e.Type().IsRegular() {
			continue
		}
		rest := name[len(base):]
		p := path.Join(dir, name)
		if m := datedRE().FindStringSubmatch(rest); m != nil {
			d, err := time.Parse("20060102", m[1])
			if err != nil {
				continue
			}
			if size, ok := sizeOf(r, p, m[2] != ""); ok {
				dated = append(dated, rotated{path: p, date: d, size: size, gz: m[2] != ""})
			}
		} else if m := numberedRE().FindStringSubmatch(rest); m != nil {
			n, _ := strconv.Atoi(m[1])
			st, err := r.Stat(p)
			if err != nil || n == 0 {
				continue
			}
			if size, ok := sizeOf(r, p, m[2] != ""); ok {
				numbered = append(numbered, rotated{path: p, date: st.ModTime(), n: n, size: size, gz: m[2] != ""})
			}
		}
	}
	return dated, numbered
}

// sizeOf is the bytes a rotated file held when it was written: its size,
// or for gzip the uncompressed size stored in its last four bytes (modulo
// 4 GiB, as gzip stores it).
func sizeOf(r host.Root, p string, gz bool) (int64, bool) {
	f, err := r.OpenLog(p)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, false
	}
	if !gz {
		return st.Size(), true
	}
	if st.Size() < 18 { // gzip header and trailer
		return 0, false
	}
	var head [2]byte
	var tail [4]byte
	if _, err := f.ReadAt(head[:], 0); err != nil || head != [2]byte{0x1f, 0x8b} {
		return 0, false
	}
	if _, err := f.ReadAt(tail[:], st.Size()-4); err != nil && err != io.EOF {
		return 0, false
	}
	return int64(binary.LittleEndian.Uint32(tail[:])), true
}

// headBytes is how much of a file's start is read for its first timestamp.
const headBytes = 64 << 10

// timestampRate is the file's size over its first..last timestamps.
func timestampRate(r host.Root, file string, tf tsformat.Format, loc *time.Location) (rate, days float64, ok bool) {
	f, err := r.OpenLog(file)
	if err != nil {
		return 0, 0, false
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return 0, 0, false
	}
	buf := make([]byte, min(st.Size(), headBytes))
	n, _ := io.ReadFull(f, buf)
	f.Close()
	var first, last time.Time
	for _, line := range strings.Split(string(buf[:n]), "\n") {
		if t, ok := tf.Find(line, loc); ok {
			first = t
			break
		}
	}
	lines, err := r.TailLines(file)
	if err != nil || first.IsZero() {
		return 0, 0, false
	}
	for i := len(lines) - 1; i >= 0; i-- {
		if t, ok := tf.Find(lines[i], loc); ok {
			last = t
			break
		}
	}
	// Year-less formats (syslog's "Nov 24") leave year 0 on both ends,
	// which still gives the span; a new-year wrap gives none.
	span := last.Sub(first)
	if last.IsZero() || span < minSpan {
		return 0, 0, false
	}
	days = span.Hours() / 24
	return float64(st.Size()) / days, days, true
}

// newest is p itself when it is a regular file, or the newest regular
// file matching the glob p (the one the agent follows), or "".
func newest(r host.Root, p string) string {
	if !strings.ContainsAny(path.Base(p), "*?[") {
		if st, err := r.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
		return ""
	}
	matches, _ := r.Glob(p)
	var best string
	var bestMod time.Time
	for _, m := range matches {
		st, err := r.Stat(m)
		if err != nil || !st.Mode().IsRegular() || strings.HasSuffix(m, ".gz") {
			continue
		}
		if best == "" || st.ModTime().After(bestMod) || st.ModTime().Equal(bestMod) && m > best {
			best, bestMod = m, st.ModTime()
		}
	}
	return best
}
