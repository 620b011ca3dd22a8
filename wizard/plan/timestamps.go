package plan

import (
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/tsformat"
)

// TimestampCheck is the verdict of one log's timestamp_format on the
// file's recent lines.
type TimestampCheck struct {
	Index  int    // into Answers.Logs
	Path   string // the log's path (or glob)
	File   string // the file actually read ("" when none exists yet)
	Format string
	tsformat.Check
	// First and Last are the times of the oldest and newest parsed lines
	// read (zero when none parsed); they give the log's growth rate.
	First, Last time.Time
	SpanBytes   int64 // bytes of the lines read, which span First to Last
}

// OK reports whether the format is fine for this log: every line parsed,
// or for multi-line logs (stack traces) at least one.
func (c TimestampCheck) OK(multiLine bool) bool {
	if multiLine {
		return c.Check.OK()
	}
	return c.AllMatched()
}

// CheckTimestamps tries each file log's timestamp_format on the last lines
// of its file under r (the newest match for a glob). Logs without a format,
// journal sources and files that do not exist yet are left out.
func CheckTimestamps(r host.Root, a Answers) []TimestampCheck {
	var out []TimestampCheck
	for i, l := range a.Logs {
		if l.Journal != nil || l.TimestampFormat == "" {
			continue
		}
		f, err := tsformat.Parse(l.TimestampFormat)
		if err != nil {
			continue // Validate reports it
		}
		file := newestFile(r, l.Path)
		if file == "" {
			continue
		}
		c := TimestampCheck{Index: i, Path: l.Path, File: file, Format: l.TimestampFormat}
		lines, err := r.TailLines(file)
		if err != nil {
			continue
		}
		c.Check = f.CheckLines(lines)
		c.FailedLine = host.Redact(c.FailedLine) // shown to the user
		loc := time.Local
		if l.Timezone == "UTC" {
			loc = time.UTC
		}
		for _, line := range lines {
			c.SpanBytes += int64(len(line)) + 1
			if t, ok := f.Find(line, loc); ok {
				if c.First.IsZero() {
					c.First = t
				}
				c.Last = t
			}
		}
		out = append(out, c)
	}
	return out
}

// newestFile is p itself when it exists, or the newest regular file
// matching the glob p, or "".
func newestFile(r host.Root, p string) string {
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
		if err != nil || !st.Mode().IsRegular() {
			continue
		}
		if best == "" || st.ModTime().After(bestMod) || st.ModTime().Equal(bestMod) && m > best {
			best, bestMod = m, st.ModTime()
		}
	}
	return best
}

// MultiLineCheck is a multi_line_start regular expression tried on the
// recent lines of its file.
type MultiLineCheck struct {
	Index   int    // into Answers.Logs
	File    string // the file read
	Pattern string
	Lines   int // lines read
	Matched int // lines the pattern matches: starts of events
}

// CheckMultiLine tries each file log's multi_line_start regular expression
// (not {timestamp_format}: CheckTimestamps covers it) on the last lines of
// its file, compiled as Go's RE2, the agent's own engine. A pattern that
// matches none of them would keep the agent from ever starting an event,
// and it stops publishing the file. Files that do not exist yet, and
// patterns that do not compile (Validate reports them), are left out.
func CheckMultiLine(r host.Root, a Answers) []MultiLineCheck {
	var out []MultiLineCheck
	for i, l := range a.Logs {
		if l.Journal != nil || l.MultiLineStart == "" || l.MultiLineStart == "{timestamp_format}" {
			continue
		}
		re, err := regexp.Compile(l.MultiLineStart)
		if err != nil {
			continue
		}
		file := newestFile(r, l.Path)
		if file == "" {
			continue
		}
		lines, err := r.TailLines(file)
		if err != nil {
			continue
		}
		c := MultiLineCheck{Index: i, File: file, Pattern: l.MultiLineStart, Lines: len(lines)}
		for _, line := range lines {
			if re.MatchString(line) {
				c.Matched++
			}
		}
		out = append(out, c)
	}
	return out
}
