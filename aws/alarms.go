package aws

import (
	"context"
	"net/url"
	"strconv"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
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
