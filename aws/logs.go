package aws

import (
	"context"
	"strings"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
)

// LogsAPI is the part of CloudWatch Logs cwsetup uses: log groups for setup
// and verify, events for the verify marker, metric filters for alarms.
// NewLogs returns the real one (JSON 1.1 protocol, see queryClient).
type LogsAPI interface {
	// DescribeLogGroups returns one page of groups whose names start with
	// prefix, and the token of the next page ("" at the end).
	DescribeLogGroups(ctx context.Context, prefix, nextToken string) ([]LogGroup, string, error)
	CreateLogGroup(ctx context.Context, name, class string) error
	PutRetentionPolicy(ctx context.Context, name string, days int) error
	DeleteRetentionPolicy(ctx context.Context, name string) error
	// FilterLogEvents returns one page of the messages matching pattern
	// since startMillis.
	FilterLogEvents(ctx context.Context, group, pattern string, startMillis int64, nextToken string) ([]string, string, error)
	PutMetricFilter(ctx context.Context, f MetricFilter) error
	DescribeMetricFilters(ctx context.Context, group, namePrefix string) ([]MetricFilter, error)
}

// MetricFilter is a metric filter publishing one metric.
type MetricFilter struct {
	LogGroup, Name, Pattern string
	Namespace, MetricName   string
	Value                   string   // "1"
	DefaultValue            *float64 // 0 for counters
}

// logsJSON implements LogsAPI.
type logsJSON struct{ q *queryClient }

// NewLogs returns a CloudWatch Logs client for cfg.
func NewLogs(cfg sdk.Config) LogsAPI {
	return logsJSON{newQueryClient(cfg, "CloudWatch Logs", "logs", "")}
}

const logsTarget = "Logs_20140328"

func (l logsJSON) DescribeLogGroups(ctx context.Context, prefix, next string) ([]LogGroup, string, error) {
	in := map[string]any{}
	if prefix != "" {
		in["logGroupNamePrefix"] = prefix
	}
	if next != "" {
		in["nextToken"] = next
	}
	var out struct {
		Groups []struct {
			Name      string `json:"logGroupName"`
			Retention int    `json:"retentionInDays"`
			Class     string `json:"logGroupClass"`
		} `json:"logGroups"`
		Next string `json:"nextToken"`
	}
	if err := l.q.callJSON(ctx, logsTarget, "DescribeLogGroups", in, &out); err != nil {
		return nil, "", err
	}
	gs := make([]LogGroup, 0, len(out.Groups))
	for _, g := range out.Groups {
		gs = append(gs, LogGroup{Name: g.Name, RetentionDays: g.Retention, Class: g.Class, Exists: true})
	}
	return gs, out.Next, nil
}

func (l logsJSON) CreateLogGroup(ctx context.Context, name, class string) error {
	in := map[string]any{"logGroupName": name}
	if class != "" {
		in["logGroupClass"] = class
	}
	return l.q.callJSON(ctx, logsTarget, "CreateLogGroup", in, nil)
}

func (l logsJSON) PutRetentionPolicy(ctx context.Context, name string, days int) error {
	return l.q.callJSON(ctx, logsTarget, "PutRetentionPolicy", map[string]any{"logGroupName": name, "retentionInDays": days}, nil)
}

func (l logsJSON) DeleteRetentionPolicy(ctx context.Context, name string) error {
	return l.q.callJSON(ctx, logsTarget, "DeleteRetentionPolicy", map[string]any{"logGroupName": name}, nil)
}

func (l logsJSON) FilterLogEvents(ctx context.Context, group, pattern string, start int64, next string) ([]string, string, error) {
	in := map[string]any{"logGroupName": group, "startTime": start, "filterPattern": pattern}
	if next != "" {
		in["nextToken"] = next
	}
	var out struct {
		Events []struct {
			Message string `json:"message"`
		} `json:"events"`
		Next string `json:"nextToken"`
	}
	if err := l.q.callJSON(ctx, logsTarget, "FilterLogEvents", in, &out); err != nil {
		return nil, "", err
	}
	ms := make([]string, 0, len(out.Events))
	for _, e := range out.Events {
		ms = append(ms, e.Message)
	}
	return ms, out.Next, nil
}

type jsonTransformation struct {
	MetricName      string   `json:"metricName"`
	MetricNamespace string   `json:"metricNamespace"`
	MetricValue     string   `json:"metricValue"`
	DefaultValue    *float64 `json:"defaultValue,omitempty"`
}

func (l logsJSON) PutMetricFilter(ctx context.Context, f MetricFilter) error {
	return l.q.callJSON(ctx, logsTarget, "PutMetricFilter", map[string]any{
		"logGroupName": f.LogGroup, "filterName": f.Name, "filterPattern": f.Pattern,
		"metricTransformations": []jsonTransformation{{f.MetricName, f.Namespace, f.Value, f.DefaultValue}},
	}, nil)
}

func (l logsJSON) DescribeMetricFilters(ctx context.Context, group, prefix string) ([]MetricFilter, error) {
	in := map[string]any{"logGroupName": group}
	if prefix != "" {
		in["filterNamePrefix"] = prefix
	}
	var fs []MetricFilter
	for {
		var out struct {
			Filters []struct {
				Name      string               `json:"filterName"`
				Pattern   string               `json:"filterPattern"`
				Group     string               `json:"logGroupName"`
				Transform []jsonTransformation `json:"metricTransformations"`
			} `json:"metricFilters"`
			Next string `json:"nextToken"`
		}
		if err := l.q.callJSON(ctx, logsTarget, "DescribeMetricFilters", in, &out); err != nil {
			return nil, err
		}
		for _, f := range out.Filters {
			m := MetricFilter{LogGroup: f.Group, Name: f.Name, Pattern: f.Pattern}
			if len(f.Transform) == 1 {
				t := f.Transform[0]
				m.MetricName, m.Namespace, m.Value, m.DefaultValue = t.MetricName, t.MetricNamespace, t.MetricValue, t.DefaultValue
			}
			fs = append(fs, m)
		}
		if out.Next == "" {
			return fs, nil
		}
		in["nextToken"] = out.Next
	}
}

// LogGroup is a log group as it is (or should be).
type LogGroup struct {
	Name string `json:"name"`
	// RetentionDays: 0 means never expire (or, in a spec, leave it alone);
	// -1 in a spec means never expire (remove a retention policy).
	RetentionDays int    `json:"retention_days"`
	Class         string `json:"class,omitempty"`
	Exists        bool   `json:"exists"`
}

// DescribeLogGroup reads one log group by exact name (Exists false when
// there is none). For verify: retention and class as CloudWatch has them.
func DescribeLogGroup(ctx context.Context, api LogsAPI, name string) (LogGroup, error) {
	next := ""
	for {
		gs, n, err := api.DescribeLogGroups(ctx, name, next)
		if err != nil {
			return LogGroup{Name: name}, Explain(err)
		}
		for _, g := range gs {
			if g.Name == name {
				return g, nil
			}
		}
		if n == "" {
			return LogGroup{Name: name}, nil
		}
		next = n
	}
}

// FindEvent reports whether an event containing text arrived in the group
// since the given time (the verify marker). The text is searched as an
// exact phrase.
func FindEvent(ctx context.Context, api LogsAPI, group, text string, since time.Time) (bool, error) {
	pattern := `"` + strings.ReplaceAll(text, `"`, `\"`) + `"`
	next := ""
	for {
		ms, n, err := api.FilterLogEvents(ctx, group, pattern, since.UnixMilli(), next)
		if err != nil {
			return false, Explain(err)
		}
		for _, m := range ms {
			if strings.Contains(m, text) {
				return true, nil
			}
		}
		if n == "" {
			return false, nil
		}
		next = n
	}
}
