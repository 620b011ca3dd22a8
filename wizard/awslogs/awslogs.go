// Package awslogs reads the configuration of the old CloudWatch Logs agent
// (awslogs: Amazon Linux 2's awslogs package with its awslogsd unit, or the
// older awslogs-agent-setup.py install under /var/awslogs) and converts each
// of its [section]s into what the new agent's collect_list needs, checking
// every converted timestamp format on the file's own lines. It reads only
// under a host.Root and never changes anything.
package awslogs

import (
	"bufio"
	"bytes"
	"errors"
	"github.com/cwsetup/cwsetup/internal/lazy"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/tsformat"
)

// Install layouts of the old agent.
const (
	LayoutPackage = "package" // AL2 awslogs package: /etc/awslogs, unit awslogsd
	LayoutSetup   = "setup"   // awslogs-agent-setup.py: /var/awslogs, service awslogs
)

// Init systems that run the old agent.
const (
	InitSystemd = "systemd"
	InitSysV    = "sysv"
)

// Format checks of a converted log, as detect names them.
const (
	CheckOK       = "ok"         // the converted format parsed the file's last lines
	CheckMismatch = "mismatch"   // it did not: the format is not carried over
	CheckEmpty    = "empty"      // the file has no lines yet: kept, unchecked
	CheckMissing  = "missing"    // no such file yet: kept, unchecked
	CheckUnread   = "unreadable" // cwsetup may not read it: kept, unchecked
	CheckNoFormat = "none"       // the section had no datetime_format
)

// Found is an old agent's configuration on the host.
type Found struct {
	Layout  string   `json:"layout"` // LayoutPackage or LayoutSetup
	Config  string   `json:"config"` // the main awslogs.conf
	Files   []string `json:"files"`  // every config file read, in order
	Region  string   `json:"region,omitempty"`
	Service string   `json:"service"`        // awslogsd or awslogs
	Init    string   `json:"init"`           // InitSystemd or InitSysV
	Unit    string   `json:"unit,omitempty"` // unit file or init script that showed it
	// StateFile is [general] state_file: where the old agent keeps its
	// read positions (the new agent does not read it).
	StateFile string `json:"state_file,omitempty"`
	Logs      []Log  `json:"logs"`
	Notes     []Note `json:"notes,omitempty"`
}

// Log is one [section] converted to the new agent's terms.
type Log struct {
	Section         string `json:"section"`
	Source          string `json:"source"` // "/etc/awslogs/awslogs.conf:12"
	Path            string `json:"path"`
	Group           string `json:"log_group_name"`
	Stream          string `json:"log_stream_name"`
	DatetimeFormat  string `json:"datetime_format,omitempty"` // as written (Python strftime)
	TimestampFormat string `json:"timestamp_format,omitempty"`
	Check           string `json:"check"`
	Timezone        string `json:"timezone,omitempty"`
	MultiLineStart  string `json:"multi_line_start_pattern,omitempty"`
	InitialPosition string `json:"initial_position"` // start_of_file (the old default) or end_of_file
}

// Note is a setting that could not be carried over as it was, and why.
type Note struct {
	Section string `json:"section"`
	Key     string `json:"key"`
	Value   string `json:"value"`
	Reason  string `json:"reason"` // one of the Reason* constants
}

// Reasons for a Note.
const (
	ReasonFormatDirective = "format_directive" // a strftime directive the new agent lacks
	ReasonFormatMismatch  = "format_mismatch"  // the converted format does not parse the file's lines
	ReasonPlaceholder     = "placeholder"      // a stream placeholder the new agent lacks
	ReasonPattern         = "pattern"          // a Python regex Go's RE2 cannot compile
	ReasonEncoding        = "encoding"         // a non-UTF-8 encoding (cwsetup ships UTF-8 only)
	ReasonAgentWide       = "agent_wide"       // per-log batching; the new agent flushes every log alike
	ReasonFingerprint     = "fingerprint"      // the new agent identifies files its own way
	ReasonTimezone        = "timezone"         // a time_zone other than LOCAL or UTC
	ReasonMissingKey      = "missing_key"      // a section without file or log_group_name: skipped
	ReasonBadGroup        = "bad_group"        // a group name CloudWatch refuses: skipped
	ReasonBadPath         = "bad_path"         // a file cwsetup never ships (secret, /proc): skipped
	ReasonDuplicate       = "duplicate"        // the same file in two sections: the first is kept
	ReasonUnknownKey      = "unknown_key"      // a key the old agent itself ignores
)

// Message is the note in the user's language (via i18n.Printer.Error).
func (n Note) Message() *i18n.Error {
	k := map[string]i18n.Key{
		ReasonFormatDirective: i18n.AwslogsNoteDirective,
		ReasonFormatMismatch:  i18n.AwslogsNoteMismatch,
		ReasonPlaceholder:     i18n.AwslogsNotePlaceholder,
		ReasonPattern:         i18n.AwslogsNotePattern,
		ReasonEncoding:        i18n.AwslogsNoteEncoding,
		ReasonAgentWide:       i18n.AwslogsNoteAgentWide,
		ReasonFingerprint:     i18n.AwslogsNoteFingerprint,
		ReasonTimezone:        i18n.AwslogsNoteTimezone,
		ReasonMissingKey:      i18n.AwslogsNoteMissingKey,
		ReasonBadGroup:        i18n.AwslogsNoteBadGroup,
		ReasonBadPath:         i18n.AwslogsNoteBadPath,
		ReasonDuplicate:       i18n.AwslogsNoteDuplicate,
		ReasonUnknownKey:      i18n.AwslogsNoteUnknownKey,
	}[n.Reason]
	return i18n.Errorf(k, n.Section, n.Key, n.Value)
}

// layouts are where each install keeps its files.
var layouts = []struct {
	layout, conf, dir, region, service string
	units                              []string
}{
	{LayoutPackage, "/etc/awslogs/awslogs.conf", "/etc/awslogs/config", "/etc/awslogs/awscli.conf", "awslogsd",
		[]string{"/usr/lib/systemd/system/awslogsd.service", "/lib/systemd/system/awslogsd.service", "/etc/systemd/system/awslogsd.service"}},
	{LayoutSetup, "/var/awslogs/etc/awslogs.conf", "/var/awslogs/etc/config", "/var/awslogs/etc/aws.conf", "awslogs",
		[]string{"/etc/systemd/system/awslogs.service", "/usr/lib/systemd/system/awslogs.service", "/lib/systemd/system/awslogs.service", "/etc/init.d/awslogs", "/etc/rc.d/init.d/awslogs"}},
}

// Find looks for the old agent under r; nil when neither layout has a
// config. An unreadable config is an error (the caller reports it).
func Find(r host.Root) (*Found, error) {
	for _, l := range layouts {
		data, err := r.ReadFile(l.conf)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		f := &Found{Layout: l.layout, Config: l.conf, Service: l.service, Init: InitSystemd}
		for _, u := range l.units {
			if r.Exists(u) {
				f.Unit = u
				if strings.Contains(u, "init.d") {
					f.Init = InitSysV
				}
				break
			}
		}
		secs := parseINI(l.conf, data)
		f.Files = append(f.Files, l.conf)
		// The old agent reads every *.conf of its config dir after the
		// main file, in name order; a later section of the same name wins.
		if ents, err := r.ReadDir(l.dir); err == nil {
			var names []string
			for _, e := range ents {
				if strings.HasSuffix(e.Name(), ".conf") && e.Type().IsRegular() {
					names = append(names, e.Name())
				}
			}
			sort.Strings(names)
			for _, n := range names {
				p := path.Join(l.dir, n)
				if d, err := r.ReadFile(p); err == nil {
					secs = mergeSections(secs, parseINI(p, d))
					f.Files = append(f.Files, p)
				}
			}
		}
		if d, err := r.ReadFile(l.region); err == nil {
			for _, s := range parseINI(l.region, d) {
				if s.name == "default" {
					f.Region = s.get("region")
				}
			}
		}
		f.convert(r, secs)
		return f, nil
	}
	return nil, nil
}

// section is one [name] of an INI file with its keys in order.
type section struct {
	name   string
	source string // file:line of the header
	keys   []string
	vals   map[string]string
}

func (s section) get(k string) string { return s.vals[k] }

// parseINI reads a file as Python's ConfigParser does for awslogs:
// "key = value" or "key: value", # and ; comments, indented continuation
// lines, keys lower-cased.
func parseINI(file string, data []byte) []section {
	var out []section
	var cur *section
	last := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		trim := strings.TrimSpace(line)
		if trim == "" || trim[0] == '#' || trim[0] == ';' {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			if cur != nil && last != "" {
				cur.vals[last] += "\n" + trim
			}
			continue
		}
		if strings.HasPrefix(trim, "[") && strings.HasSuffix(trim, "]") {
			out = append(out, section{name: strings.TrimSpace(trim[1 : len(trim)-1]),
				source: file + ":" + strconv.Itoa(n), vals: map[string]string{}})
			cur, last = &out[len(out)-1], ""
			continue
		}
		i := strings.IndexAny(trim, "=:")
		if cur == nil || i <= 0 {
			continue
		}
		k := strings.ToLower(strings.TrimSpace(trim[:i]))
		if _, dup := cur.vals[k]; !dup {
			cur.keys = append(cur.keys, k)
		}
		cur.vals[k] = strings.TrimSpace(trim[i+1:])
		last = k
	}
	return out
}

func mergeSections(a, b []section) []section {
	for _, s := range b {
		if i := slices.IndexFunc(a, func(x section) bool { return x.name == s.name }); i >= 0 {
			a[i] = s
			continue
		}
		a = append(a, s)
	}
	return a
}

// known are the per-log keys of the old agent.
var known = map[string]bool{"file": true, "log_group_name": true, "log_stream_name": true,
	"datetime_format": true, "time_zone": true, "multi_line_start_pattern": true, "encoding": true,
	"initial_position": true, "buffer_duration": true, "batch_count": true, "batch_size": true,
	"file_fingerprint_lines": true}

var groupRE = lazy.Regexp(`^[\.\-_/#A-Za-z0-9]{1,512}$`)

// note records a setting not carried over. Values are shown to the user,
// so anything that looks like a secret is blanked (an unknown key may be
// anything).
func (f *Found) note(sec, key, val, reason string) {
	shown, ok := strings.CutPrefix(host.Redact(key+" = "+val), key+" = ")
	if !ok {
		shown = host.Redacted
	}
	f.Notes = append(f.Notes, Note{Section: sec, Key: key, Value: shown, Reason: reason})
}

func (f *Found) convert(r host.Root, secs []section) {
	seen := map[string]bool{}
	for _, s := range secs {
		if s.name == "general" {
			f.StateFile = s.get("state_file")
			continue
		}
		file, group := s.get("file"), s.get("log_group_name")
		if file == "" || group == "" {
			f.note(s.name, "file", file, ReasonMissingKey)
			continue
		}
		if !groupRE().MatchString(group) {
			f.note(s.name, "log_group_name", group, ReasonBadGroup)
			continue
		}
		if host.CheckLogPath(file) != host.PathOK || r.RefusedPath(file) != host.PathOK {
			f.note(s.name, "file", file, ReasonBadPath)
			continue
		}
		if seen[file] {
			f.note(s.name, "file", file, ReasonDuplicate)
			continue
		}
		seen[file] = true
		l := Log{Section: s.name, Source: s.source, Path: file, Group: group,
			Stream: f.stream(s), InitialPosition: "start_of_file", Timezone: "Local"}
		if p := s.get("initial_position"); p == "end_of_file" {
			l.InitialPosition = p
		}
		switch tz := strings.ToUpper(s.get("time_zone")); tz {
		case "", "LOCAL":
		case "UTC":
			l.Timezone = "UTC"
		default:
			f.note(s.name, "time_zone", s.get("time_zone"), ReasonTimezone)
		}
		if e := strings.ToLower(strings.ReplaceAll(s.get("encoding"), "_", "-")); e != "" && e != "utf-8" && e != "utf8" && e != "ascii" {
			f.note(s.name, "encoding", s.get("encoding"), ReasonEncoding)
		}
		for _, k := range []string{"buffer_duration", "batch_count", "batch_size"} {
			if v := s.get(k); v != "" {
				f.note(s.name, k, v, ReasonAgentWide)
			}
		}
		if v := s.get("file_fingerprint_lines"); v != "" {
			f.note(s.name, "file_fingerprint_lines", v, ReasonFingerprint)
		}
		for _, k := range s.keys {
			if !known[k] {
				f.note(s.name, k, s.get(k), ReasonUnknownKey)
			}
		}
		f.format(r, s, &l)
		f.Logs = append(f.Logs, l)
	}
}

// placeholders of the old agent and their new-agent spelling (the same).
var placeholders = map[string]string{"{instance_id}": "{instance_id}", "{hostname}": "{hostname}", "{ip_address}": "{ip_address}"}

var braceRE = lazy.Regexp(`\{[^{}]*\}`)

// stream is the section's stream name in the new agent's placeholders;
// one the new agent lacks falls back to {instance_id}, the old default.
func (f *Found) stream(s section) string {
	v := s.get("log_stream_name")
	if v == "" {
		return "{instance_id}"
	}
	bad := false
	out := braceRE().ReplaceAllStringFunc(v, func(m string) string {
		if p, ok := placeholders[m]; ok {
			return p
		}
		bad = true
		return m
	})
	if bad || len(out) > 512 || strings.ContainsAny(out, ":*") {
		f.note(s.name, "log_stream_name", v, ReasonPlaceholder)
		return "{instance_id}"
	}
	return out
}

// format converts datetime_format and multi_line_start_pattern and checks
// the result on the file's last lines.
func (f *Found) format(r host.Root, s section, l *Log) {
	dt := s.get("datetime_format")
	l.DatetimeFormat = dt
	ml := s.get("multi_line_start_pattern")
	if dt == "" {
		l.Check = CheckNoFormat
		if ml == "{datetime_format}" {
			f.note(s.name, "multi_line_start_pattern", ml, ReasonFormatMismatch)
		} else if ml != "" {
			l.MultiLineStart = f.pattern(s, ml)
		}
		return
	}
	conv, bad := Convert(dt)
	if bad != "" {
		f.note(s.name, "datetime_format", dt, ReasonFormatDirective)
		l.Check = CheckNoFormat
		if ml != "" && ml != "{datetime_format}" {
			l.MultiLineStart = f.pattern(s, ml)
		}
		return
	}
	tf, err := tsformat.Parse(conv)
	if err != nil {
		f.note(s.name, "datetime_format", dt, ReasonFormatDirective)
		l.Check = CheckNoFormat
		return
	}
	multi := ml != ""
	if ml == "{datetime_format}" {
		l.MultiLineStart = "{timestamp_format}"
	} else if ml != "" {
		l.MultiLineStart = f.pattern(s, ml)
	}
	l.TimestampFormat = conv
	l.Check = check(r, l.Path, tf, multi)
	if l.Check == CheckMismatch {
		f.note(s.name, "datetime_format", dt, ReasonFormatMismatch)
		l.TimestampFormat = ""
		if l.MultiLineStart == "{timestamp_format}" {
			l.MultiLineStart = ""
		}
	}
}

func (f *Found) pattern(s section, p string) string {
	if _, err := regexp.Compile(p); err != nil {
		f.note(s.name, "multi_line_start_pattern", p, ReasonPattern)
		return ""
	}
	return p
}

// check tries tf on the last lines of p (for a glob: its last match, the
// current file of date-stamped names).
func check(r host.Root, p string, tf tsformat.Format, multi bool) string {
	target := p
	if strings.ContainsAny(path.Base(p), "*?[") {
		m, _ := r.Glob(p)
		if len(m) == 0 {
			return CheckMissing
		}
		target = m[len(m)-1]
	}
	lines, err := r.TailLines(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return CheckMissing
	case err != nil:
		return CheckUnread
	case len(lines) == 0:
		return CheckEmpty
	}
	c := tf.CheckLines(lines)
	if c.AllMatched() || multi && c.OK() {
		return CheckOK
	}
	return CheckMismatch
}

// pyOnly are Python/glibc strftime shorthands and their agent spelling.
var pyOnly = map[byte]string{'e': "%d", 'h': "%b", 'T': "%H:%M:%S", 'F': "%Y-%m-%d", 'D': "%m/%d/%y", 'R': "%H:%M"}

// same are directives Python and the agent share.
const same = "YymbBdaAHIpMSfzZ"

// Convert turns a Python strftime format into the agent's dialect. bad is
// the first directive the agent has no equivalent for ("" when none).
func Convert(py string) (agent, bad string) {
	var b strings.Builder
	for i := 0; i < len(py); i++ {
		c := py[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(py) {
			return "", "%"
		}
		d := py[i+1]
		dash := ""
		if d == '-' && i+2 < len(py) {
			dash, d = "-", py[i+2]
			i++
		}
		i++
		switch {
		case dash == "" && strings.IndexByte(same, d) >= 0:
			b.WriteString("%" + string(d))
		case dash == "-" && strings.IndexByte("mdIMS", d) >= 0:
			b.WriteString("%-" + string(d))
		case dash == "" && pyOnly[d] != "":
			b.WriteString(pyOnly[d])
		default:
			return "", "%" + dash + string(d)
		}
	}
	return b.String(), ""
}
