// Package tsformat implements the CloudWatch agent's timestamp_format
// dialect: a strftime subset that the agent turns into a regular expression
// (to find the timestamp in a line) and a Go time layout (to parse it).
// Matching here must agree with the agent, quirks included: %z never
// matches "+09:00", %Z only three letters, %B only seven-letter months.
package tsformat

import (
	"regexp"
	"strings"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
)

// directive is one % sequence the agent knows.
type directive struct {
	regex  string
	layout string
}

var directives = map[string]directive{
	"%Y":  {`\d{4}`, "2006"},
	"%y":  {`\d{2}`, "06"},
	"%m":  {`\s{0,1}\d{1,2}`, "1"},
	"%-m": {`\s{0,1}\d{1,2}`, "1"},
	"%b":  {`\w{3}`, "Jan"},
	"%B":  {`\w{7}`, "January"},
	"%d":  {`\s{0,1}\d{1,2}`, "_2"},
	"%-d": {`\s{0,1}\d{1,2}`, "_2"},
	"%a":  {`\w{3}`, "Mon"},
	"%A":  {`\w{6,9}`, "Monday"},
	"%H":  {`\d{2}`, "15"},
	"%I":  {`\d{2}`, "03"},
	"%-I": {`\d{1,2}`, "3"},
	"%p":  {`\w{2}`, "PM"},
	"%M":  {`\d{2}`, "04"},
	"%-M": {`\d{1,2}`, "4"},
	"%S":  {`\d{2}`, "05"},
	"%-S": {`\d{1,2}`, "5"},
	"%f":  {`(\d{1,9})`, "999999999"},
	"%z":  {`[\+-]\d{4}`, "-0700"},
	"%Z":  {`\w{3}`, "MST"},
}

// Directives lists the directives the agent accepts, for help texts.
func Directives() []string {
	return []string{"%Y", "%y", "%m", "%-m", "%b", "%B", "%d", "%-d", "%a", "%A",
		"%H", "%I", "%-I", "%p", "%M", "%-M", "%S", "%-S", "%f", "%z", "%Z"}
}

// Format is a parsed timestamp_format.
type Format struct {
	raw    string
	re     *regexp.Regexp
	layout string
}

// Problem is why a format is unusable.
type Problem int

const (
	Empty            Problem = iota + 1 // nothing but spaces
	UnknownDirective                    // a % sequence the agent does not know
	BareFraction                        // %f not right after '.' or ','
	NoDirective                         // literal text only
	BadRegex                            // the derived expression does not compile
)

// Error describes an unusable format. It unwraps to the catalog message
// of its problem, so i18n.Printer.Error shows it in the user's language.
type Error struct {
	Format    string
	Problem   Problem
	Directive string // the unknown directive, for UnknownDirective
	Reason    string // the regexp error, for BadRegex
}

func (e *Error) Error() string { return e.Message().Error() }

// Message is the catalog message for the problem.
func (e *Error) Message() *i18n.Error {
	list := strings.Join(Directives(), " ")
	switch e.Problem {
	case Empty:
		return i18n.UsageErrorf(i18n.TsEmpty)
	case UnknownDirective:
		return i18n.UsageErrorf(i18n.TsUnknownDirective, e.Directive, e.Format, list)
	case BareFraction:
		return i18n.UsageErrorf(i18n.TsBareFraction, e.Format)
	case NoDirective:
		return i18n.UsageErrorf(i18n.TsNoDirective, e.Format, list)
	}
	return i18n.UsageErrorf(i18n.TsBadRegex, e.Format, e.Reason)
}

// Unwrap exposes the catalog message.
func (e *Error) Unwrap() error { return e.Message() }

// Parse compiles a timestamp_format. It rejects directives the agent does
// not know (the agent would treat them as literal text and never match).
func Parse(s string) (Format, error) {
	if strings.TrimSpace(s) == "" {
		return Format{}, &Error{Format: s, Problem: Empty}
	}
	var re, lay strings.Builder
	hasDirective := false
	for i := 0; i < len(s); {
		if s[i] != '%' {
			j := strings.IndexByte(s[i:], '%')
			if j < 0 {
				j = len(s) - i
			}
			lit := s[i : i+j]
			re.WriteString(regexp.QuoteMeta(lit))
			lay.WriteString(lit)
			i += j
			continue
		}
		d := s[i:min(i+2, len(s))]
		if i+2 < len(s) && s[i+1] == '-' {
			d = s[i : i+3]
		}
		dir, ok := directives[d]
		if !ok {
			return Format{}, &Error{Format: s, Problem: UnknownDirective, Directive: d}
		}
		hasDirective = true
		re.WriteString(dir.regex)
		if d == "%f" {
			// Go reads fractions only right after a '.' or ',' separator.
			l := lay.String()
			if !strings.HasSuffix(l, ".") && !strings.HasSuffix(l, ",") {
				return Format{}, &Error{Format: s, Problem: BareFraction}
			}
		}
		lay.WriteString(dir.layout)
		i += len(d)
	}
	if !hasDirective {
		return Format{}, &Error{Format: s, Problem: NoDirective}
	}
	compiled, err := regexp.Compile(re.String())
	if err != nil {
		return Format{}, &Error{Format: s, Problem: BadRegex, Reason: err.Error()}
	}
	return Format{raw: s, re: compiled, layout: lay.String()}, nil
}

// MustParse is Parse for formats known at compile time.
func MustParse(s string) Format {
	f, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return f
}

// String is the format as written in the agent config.
func (f Format) String() string { return f.raw }

// Regexp is the expression the agent searches each line with.
func (f Format) Regexp() string { return f.re.String() }

// Layout is the Go time layout the agent parses the match with.
func (f Format) Layout() string { return f.layout }

// Find locates the timestamp in line and parses it as the agent would,
// in loc (the config's timezone: Local or UTC). A year missing from the
// format is left as year 0, as the agent then fills in the current year.
func (f Format) Find(line string, loc *time.Location) (time.Time, bool) {
	if f.re == nil {
		return time.Time{}, false
	}
	m := f.re.FindString(line)
	if m == "" {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation(f.layout, m, loc)
	if err != nil {
		// The agent strips a leading space that %d/%m's \s{0,1} captured.
		t, err = time.ParseInLocation(f.layout, strings.TrimLeft(m, " "), loc)
		if err != nil {
			return time.Time{}, false
		}
	}
	return t, true
}

// Check is the verdict of a format tried on a file's lines.
type Check struct {
	Lines      int    // non-empty lines tried
	Matched    int    // lines whose timestamp parsed
	FailedLine string // first line (from the end) that did not parse
}

// OK is true when at least one tried line parsed. Continuation lines of
// multi-line events (stack traces) carry no timestamp, so single-line logs
// should use AllMatched instead.
func (c Check) OK() bool { return c.Lines > 0 && c.Matched > 0 }

// AllMatched is true when every tried line parsed.
func (c Check) AllMatched() bool { return c.Lines > 0 && c.Matched == c.Lines }

// CheckLines tries f on lines (typically the file's last lines).
func (f Format) CheckLines(lines []string) Check {
	var c Check
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimRight(lines[i], "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		c.Lines++
		if _, ok := f.Find(l, time.UTC); ok {
			c.Matched++
		} else if c.FailedLine == "" {
			c.FailedLine = l
		}
	}
	return c
}
