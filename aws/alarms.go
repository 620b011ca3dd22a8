package aws

import (
	"context"
	"net/url"
	"reflect"
	"strconv"

	sdk "github.com/aws/aws-sdk-go-v2/aws"

	"github.com/cwsetup/cwsetup/i18n"
)

// MetricAlarm is a CloudWatch alarm on one metric.
type MetricAlarm struct {
	Name, Description, Namespace, MetricName string
	Statistic, ComparisonOperator            string
	TreatMissingData                         string
	PeriodSeconds, EvaluationPeriods         int32
	Threshold                                float64
	Actions                                  []string
}

// CloudWatchAPI is the part of CloudWatch the security alarms use.
type CloudWatchAPI interface {
	PutMetricAlarm(ctx context.Context, a MetricAlarm) error
	// DescribeAlarm returns nil when there is no alarm of that name.
	DescribeAlarm(ctx context.Context, name string) (*MetricAlarm, error)
}

// cloudWatchQuery implements CloudWatchAPI with CloudWatch's query API.
// (The SDK's service/cloudwatch ≥ v1.53 speaks CBOR, which moto cannot
// route; the query protocol is what AWS documents and moto serves.)
type cloudWatchQuery struct{ q *queryClient }

// NewCloudWatch returns the CloudWatch alarm calls for cfg.
func NewCloudWatch(cfg sdk.Config) CloudWatchAPI {
	return cloudWatchQuery{newQueryClient(cfg, "CloudWatch", "monitoring", "2010-08-01")}
}

func (c cloudWatchQuery) PutMetricAlarm(ctx context.Context, a MetricAlarm) error {
	v := url.Values{
		"AlarmName": {a.Name}, "AlarmDescription": {a.Description}, "Namespace": {a.Namespace},
		"MetricName": {a.MetricName}, "Statistic": {a.Statistic}, "ComparisonOperator": {a.ComparisonOperator},
		"TreatMissingData": {a.TreatMissingData}, "Period": {strconv.Itoa(int(a.PeriodSeconds))},
		"EvaluationPeriods": {strconv.Itoa(int(a.EvaluationPeriods))},
		"Threshold":         {strconv.FormatFloat(a.Threshold, 'f', -1, 64)},
	}
	for i, act := range a.Actions {
		v.Set("AlarmActions.member."+strconv.Itoa(i+1), act)
	}
	return c.q.call(ctx, "PutMetricAlarm", v, nil)
}

func (c cloudWatchQuery) DescribeAlarm(ctx context.Context, name string) (*MetricAlarm, error) {
	var out struct {
		Alarms []struct {
			Name        string   `xml:"AlarmName"`
			Description string   `xml:"AlarmDescription"`
			Namespace   string   `xml:"Namespace"`
			MetricName  string   `xml:"MetricName"`
			Statistic   string   `xml:"Statistic"`
			Comparison  string   `xml:"ComparisonOperator"`
			Missing     string   `xml:"TreatMissingData"`
			Period      int32    `xml:"Period"`
			Evaluations int32    `xml:"EvaluationPeriods"`
			Threshold   float64  `xml:"Threshold"`
			Actions     []string `xml:"AlarmActions>member"`
		} `xml:"DescribeAlarmsResult>MetricAlarms>member"`
	}
	if err := c.q.call(ctx, "DescribeAlarms", url.Values{"AlarmNames.member.1": {name}}, &out); err != nil {
		return nil, err
	}
	for _, m := range out.Alarms {
		if m.Name == name {
			return &MetricAlarm{Name: m.Name, Description: m.Description, Namespace: m.Namespace,
				MetricName: m.MetricName, Statistic: m.Statistic, ComparisonOperator: m.Comparison,
				TreatMissingData: m.Missing, PeriodSeconds: m.Period, EvaluationPeriods: m.Evaluations,
				Threshold: m.Threshold, Actions: m.Actions}, nil
		}
	}
	return nil, nil
}

// SecurityAlarm is a metric filter on a log group and an alarm on the
// metric it publishes (value 1 per matching event, 0 otherwise).
type SecurityAlarm struct {
	LogGroup, FilterName, Pattern string
	Namespace, MetricName         string
	AlarmName, Description        string
	Threshold                     float64 // events per period (Sum >= Threshold)
	PeriodSeconds                 int32
	SNSTopicARN                   string // "" for no notification
}

// EnsureSecurityAlarms creates or updates the metric filters and alarms,
// changing only what differs. The log groups must exist.
func EnsureSecurityAlarms(ctx context.Context, logs LogsAPI, cw CloudWatchAPI, alarms []SecurityAlarm) ([]Change, error) {
	var cs []Change
	for _, a := range alarms {
		g, err := DescribeLogGroup(ctx, logs, a.LogGroup)
		if err != nil {
			return cs, err
		}
		if !g.Exists {
			return cs, i18n.Errorf(i18n.AlarmErrNoGroup, a.LogGroup)
		}
		c, err := ensureFilter(ctx, logs, a)
		if err != nil {
			return cs, err
		}
		cs = append(cs, c)
		if c, err = ensureAlarm(ctx, cw, a); err != nil {
			return cs, err
		}
		cs = append(cs, c)
	}
	return cs, nil
}

func ensureFilter(ctx context.Context, logs LogsAPI, a SecurityAlarm) (Change, error) {
	fs, err := logs.DescribeMetricFilters(ctx, a.LogGroup, a.FilterName)
	if err != nil {
		return Change{}, Explain(err)
	}
	want := MetricFilter{LogGroup: a.LogGroup, Name: a.FilterName, Pattern: a.Pattern, Namespace: a.Namespace,
		MetricName: a.MetricName, Value: "1", DefaultValue: sdk.Float64(0)}
	action := Created
	for _, f := range fs {
		if f.Name != a.FilterName {
			continue
		}
		action = Updated
		if f.Pattern == want.Pattern && f.MetricName == want.MetricName && f.Namespace == want.Namespace &&
			f.Value == want.Value && f.DefaultValue != nil && *f.DefaultValue == 0 {
			return Change{Unchanged, ResMetricFilter, a.FilterName + " " + a.LogGroup}, nil
		}
	}
	if err := logs.PutMetricFilter(ctx, want); err != nil {
		return Change{}, Explain(err)
	}
	return Change{action, ResMetricFilter, a.FilterName + " " + a.LogGroup}, nil
}

func ensureAlarm(ctx context.Context, cw CloudWatchAPI, a SecurityAlarm) (Change, error) {
	want := MetricAlarm{Name: a.AlarmName, Description: a.Description, Namespace: a.Namespace,
		MetricName: a.MetricName, Statistic: "Sum", ComparisonOperator: "GreaterThanOrEqualToThreshold",
		TreatMissingData: "notBreaching", PeriodSeconds: a.PeriodSeconds, EvaluationPeriods: 1, Threshold: a.Threshold}
	if a.SNSTopicARN != "" {
		want.Actions = []string{a.SNSTopicARN}
	}
	have, err := cw.DescribeAlarm(ctx, a.AlarmName)
	if err != nil {
		return Change{}, Explain(err)
	}
	action := Created
	if have != nil {
		action = Updated
		if reflect.DeepEqual(*have, want) || len(have.Actions) == 0 && len(want.Actions) == 0 &&
			reflect.DeepEqual(withActions(*have, nil), withActions(want, nil)) {
			return Change{Unchanged, ResAlarm, a.AlarmName}, nil
		}
	}
	if err := cw.PutMetricAlarm(ctx, want); err != nil {
		return Change{}, Explain(err)
	}
	return Change{action, ResAlarm, a.AlarmName}, nil
}

func withActions(m MetricAlarm, actions []string) MetricAlarm {
	m.Actions = actions
	return m
}
