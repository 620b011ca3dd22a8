package aws

import (
	"context"
	"errors"
	"strings"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
)

// LogsAPI is the part of CloudWatch Logs cwsetup uses: log groups for setup
// and verify, events for the verify marker, metric filters for alarms.
// NewLogs returns the real one (the SDK's cloudwatchlogs client).
type LogsAPI interface {
	// DescribeLogGroups returns the groups whose names start with prefix,
	// page by page, until page returns false.
	DescribeLogGroups(ctx context.Context, prefix string, page func([]LogGroup) bool) error
	CreateLogGroup(ctx context.Context, name, class string) error
	PutRetentionPolicy(ctx context.Context, name string, days int) error
	DeleteRetentionPolicy(ctx context.Context, name string) error
	// FilterLogEvents passes the messages matching pattern since
	// startMillis to page, page by page, until page returns false.
	FilterLogEvents(ctx context.Context, group, pattern string, startMillis int64, page func([]string) bool) error
	PutMetricFilter(ctx context.Context, f MetricFilter) error
	DescribeMetricFilters(ctx context.Context, group, namePrefix string) ([]MetricFilter, error)
	// TestMetricFilter returns the indexes (0-based) of the messages that
	// pattern matches, as CloudWatch Logs itself evaluates it.
	TestMetricFilter(ctx context.Context, pattern string, messages []string) ([]int, error)
}

// MetricFilter is a metric filter publishing one metric.
type MetricFilter struct {
	LogGroup, Name, Pattern string
	Namespace, MetricName   string
	Value                   string   // "1"
	DefaultValue            *float64 // 0 for counters
}

// logsSDK implements LogsAPI with the SDK's CloudWatch Logs client.
type logsSDK struct{ c *cloudwatchlogs.Client }

// NewLogs returns a CloudWatch Logs client for cfg.
func NewLogs(cfg sdk.Config) LogsAPI { return newLogs(cfg) }

func newLogs(cfg sdk.Config) logsSDK {
	return logsSDK{cloudwatchlogs.NewFromConfig(cfg, func(o *cloudwatchlogs.Options) { o.APIOptions = apiOptions(o.APIOptions) })}
}

func (l logsSDK) DescribeLogGroups(ctx context.Context, prefix string, page func([]LogGroup) bool) error {
	in := &cloudwatchlogs.DescribeLogGroupsInput{}
	if prefix != "" {
		in.LogGroupNamePrefix = &prefix
	}
	p := cloudwatchlogs.NewDescribeLogGroupsPaginator(l.c, in)
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		gs := make([]LogGroup, 0, len(out.LogGroups))
		for _, g := range out.LogGroups {
			gs = append(gs, LogGroup{Name: sdk.ToString(g.LogGroupName), RetentionDays: int(sdk.ToInt32(g.RetentionInDays)),
				Class: string(g.LogGroupClass), Exists: true})
		}
		if !page(gs) {
			return nil
		}
	}
	return nil
}

func (l logsSDK) CreateLogGroup(ctx context.Context, name, class string) error {
	_, err := l.c.CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: &name,
		LogGroupClass: logstypes.LogGroupClass(class)})
	return err
}

func (l logsSDK) PutRetentionPolicy(ctx context.Context, name string, days int) error {
	_, err := l.c.PutRetentionPolicy(ctx, &cloudwatchlogs.PutRetentionPolicyInput{LogGroupName: &name,
		RetentionInDays: sdk.Int32(int32(days))})
	return err
}

func (l logsSDK) DeleteRetentionPolicy(ctx context.Context, name string) error {
	_, err := l.c.DeleteRetentionPolicy(ctx, &cloudwatchlogs.DeleteRetentionPolicyInput{LogGroupName: &name})
	return err
}

func (l logsSDK) FilterLogEvents(ctx context.Context, group, pattern string, start int64, page func([]string) bool) error {
	p := cloudwatchlogs.NewFilterLogEventsPaginator(l.c, &cloudwatchlogs.FilterLogEventsInput{LogGroupName: &group,
		FilterPattern: &pattern, StartTime: &start})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		ms := make([]string, 0, len(out.Events))
		for _, e := range out.Events {
			ms = append(ms, sdk.ToString(e.Message))
		}
		if !page(ms) {
			return nil
		}
	}
	return nil
}

func (l logsSDK) PutMetricFilter(ctx context.Context, f MetricFilter) error {
	_, err := l.c.PutMetricFilter(ctx, &cloudwatchlogs.PutMetricFilterInput{
		LogGroupName: &f.LogGroup, FilterName: &f.Name, FilterPattern: &f.Pattern,
		MetricTransformations: []logstypes.MetricTransformation{{MetricName: &f.MetricName,
			MetricNamespace: &f.Namespace, MetricValue: &f.Value, DefaultValue: f.DefaultValue}},
	})
	return err
}

func (l logsSDK) DescribeMetricFilters(ctx context.Context, group, prefix string) ([]MetricFilter, error) {
	in := &cloudwatchlogs.DescribeMetricFiltersInput{LogGroupName: &group}
	if prefix != "" {
		in.FilterNamePrefix = &prefix
	}
	var fs []MetricFilter
	p := cloudwatchlogs.NewDescribeMetricFiltersPaginator(l.c, in)
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, f := range out.MetricFilters {
			m := MetricFilter{LogGroup: sdk.ToString(f.LogGroupName), Name: sdk.ToString(f.FilterName),
				Pattern: sdk.ToString(f.FilterPattern)}
			if len(f.MetricTransformations) == 1 {
				t := f.MetricTransformations[0]
				m.MetricName, m.Namespace, m.Value = sdk.ToString(t.MetricName), sdk.ToString(t.MetricNamespace), sdk.ToString(t.MetricValue)
				m.DefaultValue = t.DefaultValue
			}
			fs = append(fs, m)
		}
	}
	return fs, nil
}

// maxTestMessages is TestMetricFilter's limit of messages per call.
const maxTestMessages = 50

func (l logsSDK) TestMetricFilter(ctx context.Context, pattern string, messages []string) ([]int, error) {
	var idx []int
	for base := 0; base < len(messages); base += maxTestMessages {
		batch := messages[base:min(base+maxTestMessages, len(messages))]
		out, err := l.c.TestMetricFilter(ctx, &cloudwatchlogs.TestMetricFilterInput{FilterPattern: &pattern,
			LogEventMessages: batch})
		if err != nil {
			return nil, err
		}
		for _, m := range out.Matches {
			// EventNumber counts the batch's messages from 1.
			if n := int(m.EventNumber); n >= 1 && n <= len(batch) {
				idx = append(idx, base+n-1)
			}
		}
	}
	return idx, nil
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
	found := LogGroup{Name: name}
	err := api.DescribeLogGroups(ctx, name, func(gs []LogGroup) bool {
		for _, g := range gs {
			if g.Name == name {
				found = g
				return false
			}
		}
		return true
	})
	if err != nil {
		return LogGroup{Name: name}, Explain(err)
	}
	return found, nil
}

// FindEvent reports whether an event containing text arrived in the group
// since the given time (the verify marker). The text is searched as an
// exact phrase.
func FindEvent(ctx context.Context, api LogsAPI, group, text string, since time.Time) (bool, error) {
	pattern := `"` + strings.ReplaceAll(text, `"`, `\"`) + `"`
	found := false
	err := api.FilterLogEvents(ctx, group, pattern, since.UnixMilli(), func(ms []string) bool {
		for _, m := range ms {
			if strings.Contains(m, text) {
				found = true
				return false
			}
		}
		return true
	})
	if err != nil {
		return false, Explain(err)
	}
	return found, nil
}

// alreadyExists reports CloudWatch Logs' ResourceAlreadyExistsException.
func alreadyExists(err error) bool {
	var e *logstypes.ResourceAlreadyExistsException
	return errors.As(err, &e)
}
