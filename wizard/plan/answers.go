// Package plan holds the answers of a cwsetup run — what to ship where, for
// how long, with which metrics — and the role presets that fill them from
// detection. The TUI fills Answers from its screens, `--answers F` loads them
// from YAML (or JSON), and render turns them into the agent's config.json.
package plan

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/lazy"
	"github.com/cwsetup/cwsetup/wizard/tsformat"
)

// Answers is everything the wizard asks. Field names are the keys of the
// answers file; zero values mean "the agent's default".
type Answers struct {
	// Role is the preset the defaults came from (informational once filled).
	Role Role `yaml:"role" json:"role"`
	// Region for the agent; empty means the instance's own region (IMDS).
	Region string `yaml:"region,omitempty" json:"region,omitempty"`
	// RunAsUser is agent.run_as_user (default cwagent, the agent's own
	// user: apply grants it read access with ACLs; root on request).
	RunAsUser string `yaml:"run_as_user" json:"run_as_user"`
	// LogGroupPrefix starts every default log group name: <prefix>/<service>/<log>.
	LogGroupPrefix string `yaml:"log_group_prefix" json:"log_group_prefix"`
	// StreamName is logs.log_stream_name, e.g. {instance_id}.
	StreamName string `yaml:"stream_name" json:"stream_name"`
	// LogGroupClass is STANDARD or INFREQUENT_ACCESS for every group (a log
	// may override it).
	LogGroupClass string `yaml:"log_group_class" json:"log_group_class"`
	// Logs are the chosen log sources, files and journal.
	Logs []LogSource `yaml:"logs" json:"logs"`
	// Metrics are the host metrics to publish.
	Metrics Metrics `yaml:"metrics" json:"metrics"`
	// Alarms are the optional security alarms on the auth log group(s).
	Alarms Alarms `yaml:"alarms" json:"alarms"`
}

// LogSource is one log to ship: a file (Path, globs allowed) or a journal
// selection (Journal), never both.
type LogSource struct {
	// Service names the daemon (detect service names, or "custom").
	Service string `yaml:"service" json:"service"`
	// Name is the log's short name, the last part of the default group name.
	Name string `yaml:"name" json:"name"`
	// Path of the file (or glob) on the host.
	Path string `yaml:"path,omitempty" json:"path,omitempty"`
	// Journal selects journal entries instead of a file.
	Journal *JournalSelect `yaml:"journal,omitempty" json:"journal,omitempty"`
	// TimestampFormat in the agent's dialect; empty means "time read".
	TimestampFormat string `yaml:"timestamp_format,omitempty" json:"timestamp_format,omitempty"`
	// Timezone of the timestamps: Local or UTC.
	Timezone string `yaml:"timezone,omitempty" json:"timezone,omitempty"`
	// MultiLineStart is a regex, or {timestamp_format}, that starts an event.
	MultiLineStart string `yaml:"multi_line_start,omitempty" json:"multi_line_start,omitempty"`
	// LogGroup overrides the default <prefix>/<service>/<name>.
	LogGroup string `yaml:"log_group,omitempty" json:"log_group,omitempty"`
	// StreamName overrides Answers.StreamName for this file (kept from an
	// awslogs section).
	StreamName string `yaml:"stream_name,omitempty" json:"stream_name,omitempty"`
	// RetentionDays is one of RetentionValues; 0 leaves retention unmanaged.
	RetentionDays int `yaml:"retention_days" json:"retention_days"`
	// Class overrides Answers.LogGroupClass for this log.
	Class string `yaml:"class,omitempty" json:"class,omitempty"`
	// Filters are the agent's include/exclude expressions for a file log,
	// applied in order: an event ships only when it passes every one.
	Filters []LogFilter `yaml:"filters,omitempty" json:"filters,omitempty"`
}

// LogFilter is one of the agent's log filters.
type LogFilter struct {
	Type       string `yaml:"type" json:"type"` // FilterInclude or FilterExclude
	Expression string `yaml:"expression" json:"expression"`
}

// Filter types the agent knows.
const (
	FilterInclude = "include"
	FilterExclude = "exclude"
)

// JournalSelect picks journal entries (agent ≥ 1.300070.0).
type JournalSelect struct {
	Units    []string            `yaml:"units,omitempty" json:"units,omitempty"`
	Priority string              `yaml:"priority,omitempty" json:"priority,omitempty"`
	Matches  []map[string]string `yaml:"matches,omitempty" json:"matches,omitempty"`
}

// Metrics are the host metrics (namespace CWAgent).
type Metrics struct {
	Enabled bool `yaml:"enabled" json:"enabled"`
	// Collect lists metric sets: mem, disk, swap, cpu.
	Collect []string `yaml:"collect,omitempty" json:"collect,omitempty"`
	// DiskPaths are the mount points for disk used_percent.
	DiskPaths []string `yaml:"disk_paths,omitempty" json:"disk_paths,omitempty"`
	// Procstat lists daemons to watch, by process name regex (exe) or,
	// prefixed with "pattern:", by command line regex.
	Procstat []string `yaml:"procstat,omitempty" json:"procstat,omitempty"`
	// InstanceIDDimension adds InstanceId to every metric (Compute Optimizer
	// needs it to see memory); it costs ec2:DescribeTags in the policy.
	InstanceIDDimension bool `yaml:"instance_id_dimension" json:"instance_id_dimension"`
	// IntervalSeconds is agent.metrics_collection_interval (default 60).
	IntervalSeconds int `yaml:"interval_seconds,omitempty" json:"interval_seconds,omitempty"`
}

// Log group classes.
const (
	ClassStandard   = "STANDARD"
	ClassInfrequent = "INFREQUENT_ACCESS"
)

// RetentionValues are the retention_in_days values CloudWatch accepts
// (-1: never expire).
var RetentionValues = []int{-1, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
	731, 1096, 1827, 2192, 2557, 2922, 3288, 3653}

// MetricSets are the values Metrics.Collect accepts.
var MetricSets = []string{"mem", "disk", "swap", "cpu"}

// StreamPlaceholders are the placeholders the agent expands in stream names.
var StreamPlaceholders = []string{"{instance_id}", "{hostname}", "{local_hostname}", "{ip_address}"}

// JournalPriorities are the priority values the agent accepts.
var JournalPriorities = []string{"emerg", "alert", "crit", "err", "warning", "notice", "info", "debug",
	"0", "1", "2", "3", "4", "5", "6", "7"}

// logGroupNameRE is CloudWatch Logs' log group name charset.
var logGroupNameRE = lazy.Regexp(`^[\.\-_/#A-Za-z0-9]+$`)

// placeholderRE finds {…} in stream names.
var placeholderRE = lazy.Regexp(`\{[^{}]*\}`)

// runAsRE is a POSIX user name (or a numeric uid).
var runAsRE = lazy.Regexp(`^[a-z_][a-z0-9_-]{0,31}\$?$|^[0-9]+$`)

// regionRE is an AWS region name.
var regionRE = lazy.Regexp(`^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$`)

// GroupName is the log group the source ships to.
func (a Answers) GroupName(l LogSource) string {
	if l.LogGroup != "" {
		return l.LogGroup
	}
	return DefaultGroupName(a.LogGroupPrefix, l.Service, l.Name)
}

// DefaultGroupName is <prefix>/<service>/<name>, cleaned to the charset
// CloudWatch accepts.
func DefaultGroupName(prefix, service, name string) string {
	parts := []string{strings.TrimRight(prefix, "/")}
	for _, p := range []string{service, name} {
		if p = sanitizeName(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "/")
}

// ClassOf is the effective log group class of a source.
func (a Answers) ClassOf(l LogSource) string {
	if l.Class != "" {
		return l.Class
	}
	return a.LogGroupClass
}

// LogGroups lists the distinct log groups the answers ship to, in order.
func (a Answers) LogGroups() []string {
	var out []string
	for _, l := range a.Logs {
		if g := a.GroupName(l); !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out
}

// GroupPrefix is the prefix every default group name starts with (for
// IAM resource scoping: arn:…:log-group:<prefix>/*).
func (a Answers) GroupPrefix() string { return strings.TrimRight(a.LogGroupPrefix, "/") }

// ManagesRetention reports whether the config sets retention on any group,
// so the role needs logs:PutRetentionPolicy.
func (a Answers) ManagesRetention() bool {
	for _, l := range a.Logs {
		if l.RetentionDays != 0 {
			return true
		}
	}
	return false
}

// NeedsDescribeTags reports whether the config uses append_dimensions that
// the agent resolves with ec2:DescribeTags.
func (a Answers) NeedsDescribeTags() bool {
	return a.Metrics.Enabled && a.Metrics.InstanceIDDimension
}

// UsesJournal reports whether any source reads the journal.
func (a Answers) UsesJournal() bool {
	for _, l := range a.Logs {
		if l.Journal != nil {
			return true
		}
	}
	return false
}

// Validate checks the answers and returns the first problem as a localized
// usage error naming the key, or nil.
func (a Answers) Validate() error {
	if p := a.Problems(); len(p) > 0 {
		return p[0]
	}
	return nil
}

// Problems returns every problem in the answers, each a localized usage
// error naming the key (e.g. logs[2].retention_days).
func (a Answers) Problems() []*i18n.Error {
	var ps []*i18n.Error
	bad := func(k i18n.Key, args ...any) { ps = append(ps, i18n.UsageErrorf(k, args...)) }

	if _, ok := ParseRole(string(a.Role)); !ok && a.Role != "" {
		bad(i18n.AnsBadRole, "role", a.Role, strings.Join(roleNames(), ", "))
	}
	if a.Region != "" && !regionRE().MatchString(a.Region) {
		bad(i18n.AnsBadRegion, "region", a.Region)
	}
	if a.RunAsUser != "" && !runAsRE().MatchString(a.RunAsUser) {
		bad(i18n.AnsBadRunAs, "run_as_user", a.RunAsUser)
	}
	if a.LogGroupPrefix != "" {
		if !logGroupNameRE().MatchString(a.LogGroupPrefix) {
			bad(i18n.AnsBadGroupName, "log_group_prefix", a.LogGroupPrefix)
		} else if strings.HasPrefix(a.LogGroupPrefix, "aws/") {
			bad(i18n.AnsGroupAWS, "log_group_prefix", a.LogGroupPrefix)
		}
	}
	if p := streamNameProblem("stream_name", a.StreamName); p != nil {
		ps = append(ps, p)
	}
	if a.LogGroupClass != "" && a.LogGroupClass != ClassStandard && a.LogGroupClass != ClassInfrequent {
		bad(i18n.AnsBadClass, "log_group_class", a.LogGroupClass)
	}
	collectsMetrics := a.Metrics.Enabled && (len(a.Metrics.Collect) > 0 || len(a.Metrics.Procstat) > 0)
	if len(a.Logs) == 0 && !collectsMetrics {
		bad(i18n.AnsNothing)
	}

	if len(a.Logs) > MaxLogs {
		bad(i18n.AnsTooManyLogs, len(a.Logs), MaxLogs)
		return ps // one problem, not a thousand
	}
	paths := map[string]int{}
	journals := map[string]int{}
	retention := map[string]int{}
	class := map[string]string{}
	for i, l := range a.Logs {
		key := func(k string) string { return fmt.Sprintf("logs[%d].%s", i, k) }
		switch {
		case l.Path == "" && l.Journal == nil:
			bad(i18n.AnsNoSource, fmt.Sprintf("logs[%d]", i))
		case l.Path != "" && l.Journal != nil:
			bad(i18n.AnsTwoSources, fmt.Sprintf("logs[%d]", i))
		case l.Path != "":
			if p := CheckLogPath(key("path"), l.Path); p != nil {
				ps = append(ps, p)
			} else if j, dup := paths[l.Path]; dup {
				bad(i18n.AnsDupPath, key("path"), l.Path, j)
			} else {
				paths[l.Path] = i
			}
		}
		if l.Journal != nil {
			if l.TimestampFormat != "" || l.MultiLineStart != "" || l.Timezone != "" {
				bad(i18n.AnsJournalFileKey, key("journal"))
			}
			if l.Journal.Priority != "" && !slices.Contains(JournalPriorities, l.Journal.Priority) {
				bad(i18n.AnsBadPriority, key("journal.priority"), l.Journal.Priority, strings.Join(JournalPriorities[:8], ", "))
			}
			for j, u := range l.Journal.Units {
				if strings.TrimSpace(u) == "" || len(u) > 256 || slices.Contains(l.Journal.Units[:j], u) {
					bad(i18n.AnsBadUnit, fmt.Sprintf("%s[%d]", key("journal.units"), j), u)
				}
			}
			for j, m := range l.Journal.Matches {
				dup := slices.ContainsFunc(l.Journal.Matches[:j], func(o map[string]string) bool { return maps.Equal(o, m) })
				if len(m) == 0 || dup {
					bad(i18n.AnsBadMatch, fmt.Sprintf("%s[%d]", key("journal.matches"), j))
				}
			}
			// The agent's schema wants journal entries to differ.
			sig := fmt.Sprintf("%s|%s|%v|%s|%v|%v", a.GroupName(l), a.ClassOf(l), l.RetentionDays, l.Journal.Priority, l.Journal.Units, l.Journal.Matches)
			if j, dup := journals[sig]; dup {
				bad(i18n.AnsDupJournal, fmt.Sprintf("logs[%d]", i), j)
			} else {
				journals[sig] = i
			}
		}
		if l.Service == "" && l.LogGroup == "" {
			bad(i18n.AnsRequired, key("service"))
		}
		if l.Name == "" && l.LogGroup == "" {
			bad(i18n.AnsRequired, key("name"))
		}
		if l.StreamName != "" {
			if l.Journal != nil {
				bad(i18n.AnsFileOnly, key("stream_name"))
			} else if p := streamNameProblem(key("stream_name"), l.StreamName); p != nil {
				ps = append(ps, p)
			}
		}
		for j, f := range l.Filters {
			fk := key(fmt.Sprintf("filters[%d]", j))
			switch {
			case l.Journal != nil:
				bad(i18n.AnsFileOnly, key("filters"))
			case f.Type != FilterInclude && f.Type != FilterExclude:
				bad(i18n.AnsFilterType, fk+".type", f.Type)
			case f.Expression == "":
				bad(i18n.AnsRequired, fk+".expression")
			default:
				if _, err := regexp.Compile(f.Expression); err != nil {
					bad(i18n.AnsBadRegex, fk+".expression", f.Expression, err.Error())
				}
			}
		}
		if l.TimestampFormat != "" {
			if p := timestampProblem(key("timestamp_format"), l.TimestampFormat); p != nil {
				ps = append(ps, p)
			}
		}
		if l.Timezone != "" && l.Timezone != "Local" && l.Timezone != "LOCAL" && l.Timezone != "UTC" {
			bad(i18n.AnsBadTimezone, key("timezone"), l.Timezone)
		}
		if l.MultiLineStart != "" && l.MultiLineStart != "{timestamp_format}" {
			// The agent replaces {timestamp_format} only as the whole value;
			// inside a pattern it would be a literal the lines never have.
			if strings.Contains(l.MultiLineStart, "{timestamp_format}") {
				bad(i18n.AnsMultiTSPart, key("multi_line_start"), l.MultiLineStart)
			} else if _, err := regexp.Compile(l.MultiLineStart); err != nil {
				bad(i18n.AnsBadRegex, key("multi_line_start"), l.MultiLineStart, err.Error())
			}
		}
		if l.MultiLineStart == "{timestamp_format}" && l.TimestampFormat == "" {
			bad(i18n.AnsMultiNeedsTS, key("multi_line_start"))
		}
		g := a.GroupName(l)
		if p := groupNameProblem(g); p != "" {
			k := key("log_group")
			if l.LogGroup == "" {
				k = "log_group_prefix"
			}
			switch p {
			case "length":
				bad(i18n.AnsGroupLen, k, g, len(g))
			case "aws":
				bad(i18n.AnsGroupAWS, k, g)
			default:
				bad(i18n.AnsBadGroupName, k, g)
			}
		}
		if l.RetentionDays != 0 && !slices.Contains(RetentionValues, l.RetentionDays) {
			bad(i18n.AnsBadRetention, key("retention_days"), l.RetentionDays, retentionList())
		}
		if l.Class != "" && l.Class != ClassStandard && l.Class != ClassInfrequent {
			bad(i18n.AnsBadClass, key("class"), l.Class)
		}
		// The agent allows one retention and one class per log group.
		if r, seen := retention[g]; seen && r != l.RetentionDays {
			bad(i18n.AnsRetentionConflict, key("retention_days"), g, r, l.RetentionDays)
		} else {
			retention[g] = l.RetentionDays
		}
		if c, seen := class[g]; seen && c != a.ClassOf(l) {
			bad(i18n.AnsClassConflict, key("class"), g, c, a.ClassOf(l))
		} else {
			class[g] = a.ClassOf(l)
		}
	}

	m := a.Metrics
	for i, c := range m.Collect {
		if !slices.Contains(MetricSets, c) || slices.Contains(m.Collect[:i], c) {
			bad(i18n.AnsBadMetric, fmt.Sprintf("metrics.collect[%d]", i), c, strings.Join(MetricSets, ", "))
		}
	}
	for i, d := range m.DiskPaths {
		if !strings.HasPrefix(d, "/") && d != "*" {
			bad(i18n.AnsBadPath, fmt.Sprintf("metrics.disk_paths[%d]", i), d)
		}
	}
	for i, p := range m.Procstat {
		re := strings.TrimPrefix(p, "pattern:")
		if re == "" || len(re) > 255 {
			bad(i18n.AnsProcstatLen, fmt.Sprintf("metrics.procstat[%d]", i), p)
		} else if _, err := regexp.Compile(re); err != nil {
			bad(i18n.AnsBadRegex, fmt.Sprintf("metrics.procstat[%d]", i), p, err.Error())
		}
	}
	if m.IntervalSeconds != 0 && (m.IntervalSeconds < 1 || m.IntervalSeconds > 172800) {
		bad(i18n.AnsBadInterval, "metrics.interval_seconds", m.IntervalSeconds)
	}
	ps = append(ps, a.Alarms.Problems()...)
	return append(ps, a.alarmClassProblems()...)
}

// ExpandPlaceholders replaces the agent's placeholders ({instance_id}, …)
// with a sample value, so a name can be checked against CloudWatch's
// charset; unknown placeholders stay and fail it.
func ExpandPlaceholders(s string) string {
	for _, p := range StreamPlaceholders {
		s = strings.ReplaceAll(s, p, "i-0123456789abcdef0")
	}
	return s
}

// groupNameProblem returns "" for a good log group name, else "length",
// "aws" (reserved prefix) or "charset".
func groupNameProblem(g string) string {
	switch {
	case len(g) < 1 || len(g) > 512:
		return "length"
	case !logGroupNameRE().MatchString(ExpandPlaceholders(g)):
		return "charset"
	case strings.HasPrefix(g, "aws/"):
		return "aws"
	}
	return ""
}

// timestampProblem says why the agent could not use a timestamp_format.
func timestampProblem(key, f string) *i18n.Error {
	_, err := tsformat.Parse(f)
	var te *tsformat.Error
	if err == nil || !errors.As(err, &te) {
		return nil
	}
	list := strings.Join(tsformat.Directives(), " ")
	switch te.Problem {
	case tsformat.UnknownDirective:
		return i18n.UsageErrorf(i18n.AnsTimestampDirective, key, f, te.Directive, list)
	case tsformat.BareFraction:
		return i18n.UsageErrorf(i18n.AnsTimestampFraction, key, f)
	case tsformat.NoDirective:
		return i18n.UsageErrorf(i18n.AnsTimestampNoDirective, key, f, list)
	}
	return i18n.UsageErrorf(i18n.AnsBadTimestamp, key, f, te.Reason, list)
}

// streamNameProblem checks a stream name (empty means the default).
func streamNameProblem(key, s string) *i18n.Error {
	switch {
	case s == "":
		return nil
	case len(s) > 512:
		return i18n.UsageErrorf(i18n.AnsStreamLen, key, s)
	case strings.ContainsAny(s, ":*"):
		return i18n.UsageErrorf(i18n.AnsStreamChars, key, s)
	}
	for _, p := range placeholderRE().FindAllString(s, -1) {
		if !slices.Contains(StreamPlaceholders, p) {
			return i18n.UsageErrorf(i18n.AnsStreamPlaceholder, key, s, p, strings.Join(StreamPlaceholders, " "))
		}
	}
	return nil
}

func retentionList() string {
	s := make([]string, len(RetentionValues))
	for i, v := range RetentionValues {
		s[i] = fmt.Sprint(v)
	}
	return strings.Join(s, ", ")
}

var nameCleanRE = lazy.Regexp(`[^\.\-_#A-Za-z0-9]+`)

// sanitizeName keeps a name part inside the log group charset.
func sanitizeName(s string) string {
	return strings.Trim(nameCleanRE().ReplaceAllString(s, "-"), "-")
}
