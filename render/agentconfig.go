package render

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/plan"
)

// The agent's config.json as cwsetup writes it. Field order is the key
// order of the output; omitempty keeps keys the answers do not set out, so
// only keys the agent's schema knows appear.
type agentConfig struct {
	Agent   *agentSection   `json:"agent,omitempty"`
	Metrics *metricsSection `json:"metrics,omitempty"`
	Logs    *logsSection    `json:"logs,omitempty"`
}

type agentSection struct {
	MetricsCollectionInterval int    `json:"metrics_collection_interval,omitempty"`
	Region                    string `json:"region,omitempty"`
	RunAsUser                 string `json:"run_as_user,omitempty"`
}

type metricsSection struct {
	AppendDimensions map[string]string `json:"append_dimensions,omitempty"`
	MetricsCollected metricsCollected  `json:"metrics_collected"`
}

type metricsCollected struct {
	CPU      *cpuMetrics     `json:"cpu,omitempty"`
	Disk     *diskMetrics    `json:"disk,omitempty"`
	Mem      *basicMetrics   `json:"mem,omitempty"`
	Swap     *basicMetrics   `json:"swap,omitempty"`
	Procstat []procstatEntry `json:"procstat,omitempty"`
}

type basicMetrics struct {
	Measurement []string `json:"measurement"`
}

type cpuMetrics struct {
	Measurement []string `json:"measurement"`
	TotalCPU    bool     `json:"totalcpu"`
}

type diskMetrics struct {
	Measurement []string `json:"measurement"`
	Resources   []string `json:"resources,omitempty"`
}

type procstatEntry struct {
	Exe         string   `json:"exe,omitempty"`
	Pattern     string   `json:"pattern,omitempty"`
	Measurement []string `json:"measurement"`
}

type logsSection struct {
	LogsCollected logsCollected `json:"logs_collected"`
	LogStreamName string        `json:"log_stream_name,omitempty"`
}

type logsCollected struct {
	Files    *collectList[fileEntry]    `json:"files,omitempty"`
	Journald *collectList[journalEntry] `json:"journald,omitempty"`
}

type collectList[T any] struct {
	CollectList []T `json:"collect_list"`
}

type fileEntry struct {
	FilePath              string        `json:"file_path"`
	LogGroupName          string        `json:"log_group_name"`
	LogStreamName         string        `json:"log_stream_name,omitempty"`
	LogGroupClass         string        `json:"log_group_class,omitempty"`
	RetentionInDays       int           `json:"retention_in_days,omitempty"`
	TimestampFormat       string        `json:"timestamp_format,omitempty"`
	Timezone              string        `json:"timezone,omitempty"`
	MultiLineStartPattern string        `json:"multi_line_start_pattern,omitempty"`
	Filters               []filterEntry `json:"filters,omitempty"`
}

type filterEntry struct {
	Type       string `json:"type"`
	Expression string `json:"expression"`
}

type journalEntry struct {
	LogGroupName    string              `json:"log_group_name"`
	LogGroupClass   string              `json:"log_group_class,omitempty"`
	RetentionInDays int                 `json:"retention_in_days,omitempty"`
	Units           []string            `json:"units,omitempty"`
	Priority        string              `json:"priority,omitempty"`
	Matches         []map[string]string `json:"matches,omitempty"`
}

// Measurements per metric set: the ones Compute Optimizer and the usual
// alarms need, nothing more (each metric costs money).
var measurements = map[string][]string{
	"mem":  {"mem_used_percent"},
	"disk": {"used_percent"},
	"swap": {"swap_used_percent"},
	"cpu":  {"cpu_usage_idle", "cpu_usage_iowait", "cpu_usage_steal"},
}

var procstatMeasurements = []string{"cpu_usage", "memory_rss", "pid_count"}

// DefaultRunAsUser is the agent.run_as_user cwsetup writes unless the
// answers say otherwise: the user the agent's package creates. apply grants
// it read access to the shipped files (or falls back to root, saying why).
const DefaultRunAsUser = "cwagent"

// SetRunAsUser returns cfg with agent.run_as_user set to user, every other
// key kept in place (apply's root fallback).
func SetRunAsUser(cfg []byte, user string) ([]byte, error) {
	doc, err := parseObject(cfg)
	if err != nil {
		return nil, err
	}
	ag, err := parseObject(orEmpty(doc.get("agent")))
	if err != nil {
		return nil, err
	}
	v, _ := json.Marshal(user)
	agent, err := ag.set("run_as_user", v).compact()
	if err != nil {
		return nil, err
	}
	return doc.set("agent", agent).indent()
}

// AgentConfig renders the agent's config.json for valid answers:
// deterministic bytes (struct key order, 2-space indent, trailing newline).
// Invalid answers return their first problem.
func AgentConfig(a plan.Answers) ([]byte, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	return encode(buildConfig(a))
}

func buildConfig(a plan.Answers) agentConfig {
	var c agentConfig
	ag := &agentSection{Region: a.Region, RunAsUser: a.RunAsUser}
	if ag.RunAsUser == "" {
		// Always explicit: the agent's own default is root.
		ag.RunAsUser = DefaultRunAsUser
	}
	if a.Metrics.Enabled {
		ag.MetricsCollectionInterval = a.Metrics.IntervalSeconds
	}
	if *ag != (agentSection{}) {
		c.Agent = ag
	}

	if m := buildMetrics(a.Metrics); m != nil {
		c.Metrics = m
	}

	var files []fileEntry
	var journal []journalEntry
	for _, l := range a.Logs {
		group, class := a.GroupName(l), a.ClassOf(l)
		if l.Journal != nil {
			journal = append(journal, journalEntry{
				LogGroupName:    group,
				LogGroupClass:   class,
				RetentionInDays: l.RetentionDays,
				Units:           l.Journal.Units,
				Priority:        l.Journal.Priority,
				Matches:         l.Journal.Matches,
			})
			continue
		}
		e := fileEntry{
			FilePath:              l.Path,
			LogGroupName:          group,
			LogStreamName:         l.StreamName,
			LogGroupClass:         class,
			RetentionInDays:       l.RetentionDays,
			TimestampFormat:       l.TimestampFormat,
			MultiLineStartPattern: l.MultiLineStart,
		}
		for _, f := range l.Filters {
			e.Filters = append(e.Filters, filterEntry{Type: f.Type, Expression: f.Expression})
		}
		if l.TimestampFormat != "" {
			e.Timezone = l.Timezone
			if e.Timezone == "" {
				e.Timezone = "Local"
			}
		}
		files = append(files, e)
	}
	if len(files)+len(journal) > 0 {
		c.Logs = &logsSection{LogStreamName: a.StreamName}
		if c.Logs.LogStreamName == "" {
			c.Logs.LogStreamName = "{instance_id}"
		}
		if len(files) > 0 {
			c.Logs.LogsCollected.Files = &collectList[fileEntry]{CollectList: files}
		}
		if len(journal) > 0 {
			c.Logs.LogsCollected.Journald = &collectList[journalEntry]{CollectList: journal}
		}
	}
	return c
}

func buildMetrics(m plan.Metrics) *metricsSection {
	if !m.Enabled {
		return nil
	}
	var mc metricsCollected
	for _, set := range m.Collect {
		meas := measurements[set]
		switch set {
		case "mem":
			mc.Mem = &basicMetrics{Measurement: meas}
		case "swap":
			mc.Swap = &basicMetrics{Measurement: meas}
		case "cpu":
			mc.CPU = &cpuMetrics{Measurement: meas, TotalCPU: true}
		case "disk":
			res := m.DiskPaths
			if len(res) == 0 {
				res = []string{"/"}
			}
			mc.Disk = &diskMetrics{Measurement: meas, Resources: res}
		}
	}
	for _, p := range m.Procstat {
		e := procstatEntry{Measurement: procstatMeasurements}
		if pat, ok := strings.CutPrefix(p, "pattern:"); ok {
			e.Pattern = pat
		} else {
			e.Exe = p
		}
		mc.Procstat = append(mc.Procstat, e)
	}
	if mc.CPU == nil && mc.Disk == nil && mc.Mem == nil && mc.Swap == nil && len(mc.Procstat) == 0 {
		return nil
	}
	s := &metricsSection{MetricsCollected: mc}
	if m.InstanceIDDimension {
		s.AppendDimensions = map[string]string{"InstanceId": "${aws:InstanceId}"}
	}
	return s
}

// encode writes v as 2-space indented JSON with a trailing newline, without
// HTML escaping (regexes keep their < > &).
func encode(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
