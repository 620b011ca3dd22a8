package render

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/htmlindex"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/lazy"
	"github.com/cwsetup/cwsetup/wizard/plan"
	"github.com/cwsetup/cwsetup/wizard/tsformat"
)

// Problem is one reason the agent (or CloudWatch) would reject a config.
// Path is a JSON pointer into the config, as the agent's translator prints
// it (/logs/logs_collected/files/collect_list/0/retention_in_days).
type Problem struct {
	Path string
	Err  *i18n.Error
}

// String is the problem in English, in the agent's own wording where the
// agent has one ("Under path : … | Error : …").
func (p Problem) String() string { return p.Err.Error() }

func problem(path string, k i18n.Key, args ...any) Problem {
	return Problem{Path: path, Err: i18n.Errorf(k, args...)}
}

// TranslatorRules applies the agent translator's rules beyond the schema:
// one retention and one class per log group, a known encoding, and
// timestamp formats in the agent's strftime dialect only (an unknown
// directive would be taken literally and never match).
func TranslatorRules(config []byte) []Problem {
	var c struct {
		Logs struct {
			LogsCollected struct {
				Files struct {
					CollectList []map[string]any `json:"collect_list"`
				} `json:"files"`
				Journald struct {
					CollectList []map[string]any `json:"collect_list"`
				} `json:"journald"`
			} `json:"logs_collected"`
		} `json:"logs"`
	}
	if err := json.Unmarshal(config, &c); err != nil {
		return []Problem{problem("/", i18n.ProbSchema, "/", "not a config object: "+err.Error())}
	}
	var out []Problem
	retention := map[string]float64{}
	class := map[string]string{}
	check := func(base string, e map[string]any) {
		group, _ := e["log_group_name"].(string)
		if r, ok := e["retention_in_days"].(float64); ok && r != 0 && group != "" {
			if prev, seen := retention[group]; seen && prev != r {
				out = append(out, problem(base+"/retention_in_days", i18n.TrRetention, group))
			} else if !seen {
				retention[group] = r
			}
		}
		if k, ok := e["log_group_class"].(string); ok && group != "" {
			if prev, seen := class[group]; seen && !strings.EqualFold(prev, k) {
				out = append(out, problem(base+"/log_group_class", i18n.TrClass, group))
			} else if !seen {
				class[group] = k
			}
		}
		if enc, ok := e["encoding"].(string); ok {
			if _, err := htmlindex.Get(enc); err != nil {
				out = append(out, problem(base+"/encoding", i18n.TrEncoding, enc))
			}
		}
		if f, ok := e["timestamp_format"].(string); ok {
			if _, err := tsformat.Parse(f); err != nil {
				out = append(out, problem(base+"/timestamp_format", i18n.TrTimestamp, f, err))
			}
		}
		if m, ok := e["multi_line_start_pattern"].(string); ok && m != "{timestamp_format}" {
			if _, err := regexp.Compile(m); err != nil {
				out = append(out, problem(base+"/multi_line_start_pattern", i18n.TrRegex, m, err.Error()))
			}
		}
	}
	for i, e := range c.Logs.LogsCollected.Files.CollectList {
		check(fmt.Sprintf("/logs/logs_collected/files/collect_list/%d", i), e)
	}
	for i, e := range c.Logs.LogsCollected.Journald.CollectList {
		check(fmt.Sprintf("/logs/logs_collected/journald/collect_list/%d", i), e)
	}
	return out
}

// Check is cwsetup's own check of a config before anything is written,
// without the schema file: the schema rules that matter (required keys,
// allowed keys of collect_list entries, retention values, timezone, journal
// priority), what CloudWatch itself enforces (log group name charset and
// length, group class values, stream name placeholders), and
// TranslatorRules.
func Check(config []byte) []Problem {
	var root map[string]json.RawMessage
	if err := json.Unmarshal(config, &root); err != nil {
		return []Problem{problem("/", i18n.ChkNotJSON, "/", err.Error())}
	}
	var out []Problem
	add := func(path string, k i18n.Key, args ...any) {
		out = append(out, problem(path, k, append([]any{path}, args...)...))
	}

	var logs struct {
		LogsCollected *struct {
			Files *struct {
				CollectList []map[string]json.RawMessage `json:"collect_list"`
			} `json:"files"`
			Journald *struct {
				CollectList []map[string]json.RawMessage `json:"collect_list"`
			} `json:"journald"`
		} `json:"logs_collected"`
		LogStreamName *string `json:"log_stream_name"`
	}
	if raw, ok := root["logs"]; ok {
		if err := json.Unmarshal(raw, &logs); err != nil {
			add("/logs", i18n.ChkBadValue, err.Error())
		}
		if logs.LogsCollected == nil {
			add("/logs", i18n.ChkMissingKey, "logs_collected")
		}
		if logs.LogStreamName != nil {
			out = append(out, checkStream("/logs/log_stream_name", *logs.LogStreamName)...)
		}
	}
	fileKeys := []string{"file_path", "log_group_name", "log_stream_name", "log_group_class", "multi_line_start_pattern",
		"timestamp_format", "timezone", "trim_timestamp", "encoding", "auto_removal", "backpressure_mode", "blacklist",
		"publish_multi_logs", "retention_in_days", "filters", "service.name", "deployment.environment"}
	journalKeys := []string{"log_group_name", "log_stream_name", "log_group_class", "retention_in_days", "filters",
		"units", "priority", "matches"}
	entry := func(base string, e map[string]json.RawMessage, allowed []string, required string) {
		var keys []string
		for k := range e {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !slices.Contains(allowed, k) {
				add(base, i18n.ChkUnknownKey, k)
			}
		}
		if _, ok := e[required]; !ok {
			add(base, i18n.ChkMissingKey, required)
		}
		str := func(k string) (string, bool) {
			raw, ok := e[k]
			if !ok {
				return "", false
			}
			var s string
			if json.Unmarshal(raw, &s) != nil {
				add(base+"/"+k, i18n.ChkNotString)
				return "", false
			}
			return s, true
		}
		if g, ok := str("log_group_name"); ok {
			out = append(out, checkGroup(base+"/log_group_name", g)...)
		}
		if s, ok := str("log_stream_name"); ok {
			out = append(out, checkStream(base+"/log_stream_name", s)...)
		}
		if c, ok := str("log_group_class"); ok && c != plan.ClassStandard && c != plan.ClassInfrequent {
			add(base+"/log_group_class", i18n.ChkEnum, c, plan.ClassStandard+", "+plan.ClassInfrequent)
		}
		if tz, ok := str("timezone"); ok && tz != "Local" && tz != "LOCAL" && tz != "UTC" {
			add(base+"/timezone", i18n.ChkEnum, tz, "Local, LOCAL, UTC")
		}
		if p, ok := str("priority"); ok && !slices.Contains(plan.JournalPriorities, p) {
			add(base+"/priority", i18n.ChkEnum, p, strings.Join(plan.JournalPriorities, ", "))
		}
		str("file_path")
		str("timestamp_format")
		str("multi_line_start_pattern")
		if raw, ok := e["retention_in_days"]; ok {
			n, err := strconv.Atoi(strings.TrimSpace(string(raw)))
			if err != nil || !slices.Contains(plan.RetentionValues, n) {
				add(base+"/retention_in_days", i18n.ChkEnum, strings.TrimSpace(string(raw)), retentionEnum())
			}
		}
	}
	if lc := logs.LogsCollected; lc != nil {
		if lc.Files != nil {
			if len(lc.Files.CollectList) == 0 {
				add("/logs/logs_collected/files/collect_list", i18n.ChkEmptyList)
			}
			for i, e := range lc.Files.CollectList {
				entry(fmt.Sprintf("/logs/logs_collected/files/collect_list/%d", i), e, fileKeys, "file_path")
			}
		}
		if lc.Journald != nil {
			if len(lc.Journald.CollectList) == 0 {
				add("/logs/logs_collected/journald/collect_list", i18n.ChkEmptyList)
			}
			for i, e := range lc.Journald.CollectList {
				entry(fmt.Sprintf("/logs/logs_collected/journald/collect_list/%d", i), e, journalKeys, "log_group_name")
			}
		}
	}
	if raw, ok := root["metrics"]; ok {
		var m struct {
			MetricsCollected map[string]json.RawMessage `json:"metrics_collected"`
		}
		if err := json.Unmarshal(raw, &m); err != nil || m.MetricsCollected == nil {
			add("/metrics", i18n.ChkMissingKey, "metrics_collected")
		}
		for _, k := range []string{"cpu", "disk", "mem", "swap"} {
			if raw, ok := m.MetricsCollected[k]; ok {
				var b struct {
					Measurement []json.RawMessage `json:"measurement"`
				}
				if json.Unmarshal(raw, &b) != nil || b.Measurement == nil {
					add("/metrics/metrics_collected/"+k, i18n.ChkMissingKey, "measurement")
				}
			}
		}
	}
	if _, l := root["logs"]; !l {
		if _, m := root["metrics"]; !m {
			add("/", i18n.ChkNothing)
		}
	}
	return append(out, TranslatorRules(config)...)
}

// CollectdTypesDB is the file the agent's collectd input needs; without it
// the agent fails to start.
const CollectdTypesDB = "/usr/share/collectd/types.db"

// UsesCollectd reports whether a config has the collectd metrics input
// (cwsetup never adds it; a merged user config may have it).
func UsesCollectd(config []byte) bool {
	var c struct {
		Metrics struct {
			MetricsCollected map[string]json.RawMessage `json:"metrics_collected"`
		} `json:"metrics"`
	}
	_ = json.Unmarshal(config, &c)
	_, ok := c.Metrics.MetricsCollected["collectd"]
	return ok
}

var groupCharsetRE = lazy.Regexp(`^[\.\-_/#A-Za-z0-9]+$`)

func checkGroup(path, g string) []Problem {
	switch {
	case len(g) < 1 || len(g) > 512:
		return []Problem{problem(path, i18n.ChkLength, path, len(g))}
	case !groupCharsetRE().MatchString(plan.ExpandPlaceholders(g)):
		// Placeholders such as {instance_id} are expanded by the agent.
		return []Problem{problem(path, i18n.TrGroupCharset, g)}
	}
	return nil
}

var streamPlaceholderRE = lazy.Regexp(`\{[^{}]*\}`)

func checkStream(path, s string) []Problem {
	if len(s) < 1 || len(s) > 512 {
		return []Problem{problem(path, i18n.ChkLength, path, len(s))}
	}
	for _, p := range streamPlaceholderRE().FindAllString(s, -1) {
		if !slices.Contains(plan.StreamPlaceholders, p) {
			return []Problem{problem(path, i18n.TrPlaceholder, p, strings.Join(plan.StreamPlaceholders, " "))}
		}
	}
	return nil
}

func retentionEnum() string {
	s := make([]string, len(plan.RetentionValues))
	for i, v := range plan.RetentionValues {
		s[i] = strconv.Itoa(v)
	}
	return strings.Join(s, ", ")
}
