package detect

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/tsformat"
)

// Check results of a log (Log.Check).
const (
	CheckOK         = "ok"          // the format parsed the file's last lines
	CheckMismatch   = "mismatch"    // it did not; FailedLine shows the line
	CheckEmpty      = "empty"       // the file has no lines to try
	CheckMissing    = "missing"     // no such file (yet)
	CheckUnreadable = "unreadable"  // exists, but this user may not read it (permission denied)
	CheckNotRegular = "not_regular" // a directory, FIFO, socket or device: nothing to follow
	CheckError      = "error"       // exists, but reading failed otherwise: Log.CheckError says how
	CheckRefused    = "refused"     // a glob matched a file cwsetup never reads (a link to a secret)
	CheckJournal    = "journal"     // the journal: entries carry their own timestamps
)

// Reasons a configured log is not collected as a file (Skipped.Reason).
const (
	SkipPiped    = "piped"    // "|/usr/sbin/rotatelogs …": no file to follow
	SkipSyslog   = "syslog"   // goes to syslog/journal: collected with the system log
	SkipVariable = "variable" // path has per-request variables ($host)
	SkipOff      = "off"
	// SkipRefused: a place cwsetup never reads or ships (/proc, /sys,
	// /dev, secret files), named directly or through a symlink.
	SkipRefused = "refused"
	// SkipBadPath: a path the agent cannot be given (control characters,
	// over 4 KiB, not UTF-8).
	SkipBadPath = "bad_path"
)

// kind is a type of log: the formats its lines may have (the first is the
// default when none can be checked) and whether events span lines.
type kind struct {
	formats   []string
	multiLine bool
	utc       bool // timestamps are UTC whatever the host's zone (MySQL 8)
	startPat  string
}

var (
	kSyslog      = kind{formats: []string{"%b %d %H:%M:%S", "%Y-%m-%dT%H:%M:%S.%f"}}
	kSyslogRFC   = kind{formats: []string{"%Y-%m-%dT%H:%M:%S.%f", "%b %d %H:%M:%S"}}
	kAccess      = kind{formats: []string{"%d/%b/%Y:%H:%M:%S %z"}}
	kApacheError = kind{formats: []string{"%a %b %d %H:%M:%S.%f %Y", "%a %b %d %H:%M:%S %Y"}}
	kNginxError  = kind{formats: []string{"%Y/%m/%d %H:%M:%S"}}
	kFPM         = kind{formats: []string{"%d-%b-%Y %H:%M:%S"}}
	kFPMSlow     = kind{formats: []string{"%d-%b-%Y %H:%M:%S"}, multiLine: true}
	kPHPError    = kind{formats: []string{"%d-%b-%Y %H:%M:%S %Z"}, multiLine: true}
	kCatalina    = kind{formats: []string{"%d-%b-%Y %H:%M:%S.%f"}, multiLine: true}
	// MySQL/MariaDB error logs: "ready for connections." is followed by a
	// bare "Version: …" line, so events can span lines.
	kMySQL      = kind{formats: []string{"%Y-%m-%dT%H:%M:%S.%fZ", "%Y-%m-%d %H:%M:%S"}, multiLine: true}
	kMariaDB    = kind{formats: []string{"%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S.%fZ"}, multiLine: true}
	kMySQLSlow  = kind{formats: []string{"%Y-%m-%dT%H:%M:%S.%fZ"}, multiLine: true, startPat: "^# Time: "}
	kPostgres   = kind{formats: []string{"%Y-%m-%d %H:%M:%S.%f %Z", "%Y-%m-%d %H:%M:%S %Z"}, multiLine: true}
	kRedis      = kind{formats: []string{"%d %b %Y %H:%M:%S.%f"}, multiLine: true}
	mysqlUTCFmt = "%Y-%m-%dT%H:%M:%S.%fZ"
)

// otherFormats are tried, after every kind's own, to suggest a format for
// a log whose lines the expected one did not parse (custom LogFormat,
// log4j/logback layouts, ISO times).
var otherFormats = []string{
	"%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S,%f", "%Y-%m-%d %H:%M:%S.%f",
	"%d/%b/%Y:%H:%M:%S", "%d-%b-%Y %H:%M:%S", "%b %d, %Y %I:%M:%S %p",
}

// logFormats parses every known timestamp format on first use (not at
// package init: most commands never check a log). order is the suggestion
// order.
var logFormats = sync.OnceValue(func() (t struct {
	parsed map[string]tsformat.Format
	order  []string
}) {
	t.parsed = map[string]tsformat.Format{}
	for _, k := range []kind{kSyslog, kSyslogRFC, kAccess, kApacheError, kNginxError, kFPM, kFPMSlow, kPHPError,
		kCatalina, kMySQL, kMariaDB, kMySQLSlow, kPostgres, kRedis} {
		for _, f := range k.formats {
			if _, ok := t.parsed[f]; !ok {
				t.parsed[f] = tsformat.MustParse(f)
				t.order = append(t.order, f)
			}
		}
	}
	for _, f := range otherFormats {
		if _, ok := t.parsed[f]; !ok {
			t.parsed[f] = tsformat.MustParse(f)
			t.order = append(t.order, f)
		}
	}
	// Longer formats first: "%Y-%m-%d %H:%M:%S" also finds a prefix of
	// "2026-11-24 21:18:01.123", and would drop the fraction.
	sort.SliceStable(t.order, func(i, j int) bool { return len(t.order[i]) > len(t.order[j]) })
	return t
})

// suggest returns the first known format that parses the lines, "" when
// none does. It is only a suggestion: the log stays unchecked.
func suggest(lines []string, multiLine bool) string {
	for _, f := range logFormats().order {
		c := logFormats().parsed[f].CheckLines(lines)
		if c.AllMatched() || multiLine && c.OK() {
			return f
		}
	}
	return ""
}

// inspect fills a Log for path (a file or a glob) of kind k: existence,
// size, and the timestamp format tried on the last lines.
func inspect(r host.Root, p, name, source string, k kind) Log {
	l := Log{Path: p, Name: name, Source: source, TimestampFormat: k.formats[0], Check: CheckMissing}
	target := p
	if strings.ContainsAny(path.Base(p), "*?[") {
		matches, _ := r.Glob(p)
		var files []string
		for _, m := range matches {
			if st, err := r.Stat(m); err == nil && st.Mode().IsRegular() {
				files = append(files, m)
				l.Size += st.Size()
			}
		}
		if len(files) == 0 {
			l.Size = 0
			// A directory we may not list (tomcat10's is 2770) hides its
			// files: that is "unreadable", not "missing".
			if _, err := r.ReadDir(path.Dir(p)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				l.Check = CheckUnreadable
			}
			return finish(l, k)
		}
		// Date-stamped names sort by date: the last is the current one.
		target = files[len(files)-1]
		l.Exists = true
	} else {
		st, err := r.Stat(p)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				readErr(&l, err)
			}
			return finish(l, k)
		}
		l.Exists, l.Size = true, st.Size()
		if !st.Mode().IsRegular() {
			// A directory, FIFO or device: opening a FIFO would block.
			l.Check = CheckNotRegular
			return finish(l, k)
		}
	}
	lines, err := r.TailLines(target)
	switch {
	case err != nil:
		readErr(&l, err)
	case len(lines) == 0:
		l.Check = CheckEmpty
	default:
		l.LastLine = clipN(host.Redact(lines[len(lines)-1]), 160)
		l.Check = CheckMismatch
		var first tsformat.Check
		for i, f := range k.formats {
			c := logFormats().parsed[f].CheckLines(lines)
			if i == 0 {
				first = c
			}
			if c.AllMatched() || k.multiLine && c.OK() {
				l.TimestampFormat, l.Check = f, CheckOK
				break
			}
		}
		if l.Check == CheckMismatch {
			l.FailedLine = clipN(host.Redact(first.FailedLine), 160)
			l.SuggestedFormat = suggest(lines, k.multiLine)
		}
	}
	return finish(l, k)
}

// readErr says why a log that exists could not be read: permission is
// "unreadable" (another user, or root, may read it); anything else is
// named as it is.
func readErr(l *Log, err error) {
	switch {
	case errors.Is(err, fs.ErrPermission):
		l.Check = CheckUnreadable
	case errors.Is(err, host.ErrNotRegular):
		l.Check = CheckNotRegular
	case errors.Is(err, host.ErrRefused):
		l.Check = CheckRefused
	default:
		l.Check, l.CheckError = CheckError, causeOf(err).Error()
	}
}

func finish(l Log, k kind) Log {
	l.FormatChecked = l.Check == CheckOK
	if k.multiLine {
		l.MultiLineStartPattern = "{timestamp_format}"
		if k.startPat != "" {
			l.MultiLineStartPattern = k.startPat
		}
	}
	if k.utc || l.TimestampFormat == mysqlUTCFmt {
		l.Timezone = "UTC"
	}
	return l
}

// logName is a short stable name for a log, from its file name:
// access.log → access, catalina.*.log → catalina, error_log → error_log.
func logName(p string) string {
	b := path.Base(p)
	if i := strings.IndexAny(b, "*?["); i >= 0 {
		b = strings.TrimRight(b[:i], ".-_")
	}
	for _, ext := range []string{".log", ".txt"} {
		b = strings.TrimSuffix(b, ext)
	}
	return b
}
