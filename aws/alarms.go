package aws

import (
	"context"
	"slices"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/cwsetup/cwsetup/i18n"
)

// CloudWatchAPI is the part of CloudWatch the security alarms use.
// service/cloudwatch is pinned at v1.52.8 (AWS query protocol), which
// moto_server can route; later versions speak CBOR.
type CloudWatchAPI interface {
	PutMetricAlarm(context.Context, *cloudwatch.PutMetricAlarmInput, ...func(*cloudwatch.Options)) (*cloudwatch.PutMetricAlarmOutput, error)
	DescribeAlarms(context.Context, *cloudwatch.DescribeAlarmsInput, ...func(*cloudwatch.Options)) (*cloudwatch.DescribeAlarmsOutput, error)
}

// NewCloudWatch returns a CloudWatch client for cfg.
func NewCloudWatch(cfg sdk.Config) CloudWatchAPI { return cloudwatch.NewFromConfig(cfg) }

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
	out, err := logs.DescribeMetricFilters(ctx, &cloudwatchlogs.DescribeMetricFiltersInput{
		LogGroupName: sdk.String(a.LogGroup), FilterNamePrefix: sdk.String(a.FilterName),
	})
	if err != nil {
		return Change{}, Explain(err)
	}
	action := Created
	for _, f := range out.MetricFilters {
		if sdk.ToString(f.FilterName) != a.FilterName {
			continue
		}
		action = Updated
		if sdk.ToString(f.FilterPattern) == a.Pattern && len(f.MetricTransformations) == 1 {
			t := f.MetricTransformations[0]
			if sdk.ToString(t.MetricName) == a.MetricName && sdk.ToString(t.MetricNamespace) == a.Namespace &&
				sdk.ToString(t.MetricValue) == "1" && t.DefaultValue != nil && *t.DefaultValue == 0 {
				return Change{Unchanged, ResMetricFilter, a.FilterName + " " + a.LogGroup}, nil
			}
		}
	}
	_, err = logs.PutMetricFilter(ctx, &cloudwatchlogs.PutMetricFilterInput{
		LogGroupName: sdk.String(a.LogGroup), FilterName: sdk.String(a.FilterName), FilterPattern: sdk.String(a.Pattern),
		MetricTransformations: []logtypes.MetricTransformation{{
			MetricName: sdk.String(a.MetricName), MetricNamespace: sdk.String(a.Namespace),
			MetricValue: sdk.String("1"), DefaultValue: sdk.Float64(0),
		}},
	})
	if err != nil {
		return Change{}, Explain(err)
	}
	return Change{action, ResMetricFilter, a.FilterName + " " + a.LogGroup}, nil
}

func ensureAlarm(ctx context.Context, cw CloudWatchAPI, a SecurityAlarm) (Change, error) {
	var actions []string
	if a.SNSTopicARN != "" {
		actions = []string{a.SNSTopicARN}
	}
	out, err := cw.DescribeAlarms(ctx, &cloudwatch.DescribeAlarmsInput{AlarmNames: []string{a.AlarmName}})
	if err != nil {
		return Change{}, Explain(err)
	}
	action := Created
	for _, m := range out.MetricAlarms {
		action = Updated
		if sdk.ToString(m.MetricName) == a.MetricName && sdk.ToString(m.Namespace) == a.Namespace &&
			m.Statistic == cwtypes.StatisticSum && sdk.ToInt32(m.Period) == a.PeriodSeconds &&
			sdk.ToInt32(m.EvaluationPeriods) == 1 && sdk.ToFloat64(m.Threshold) == a.Threshold &&
			m.ComparisonOperator == cwtypes.ComparisonOperatorGreaterThanOrEqualToThreshold &&
			sdk.ToString(m.TreatMissingData) == "notBreaching" && slices.Equal(m.AlarmActions, actions) &&
			sdk.ToString(m.AlarmDescription) == a.Description {
			return Change{Unchanged, ResAlarm, a.AlarmName}, nil
		}
	}
	_, err = cw.PutMetricAlarm(ctx, &cloudwatch.PutMetricAlarmInput{
		AlarmName: sdk.String(a.AlarmName), AlarmDescription: sdk.String(a.Description),
		Namespace: sdk.String(a.Namespace), MetricName: sdk.String(a.MetricName),
		Statistic: cwtypes.StatisticSum, Period: sdk.Int32(a.PeriodSeconds), EvaluationPeriods: sdk.Int32(1),
		Threshold: sdk.Float64(a.Threshold), ComparisonOperator: cwtypes.ComparisonOperatorGreaterThanOrEqualToThreshold,
		TreatMissingData: sdk.String("notBreaching"), AlarmActions: actions,
	})
	if err != nil {
		return Change{}, Explain(err)
	}
	return Change{action, ResAlarm, a.AlarmName}, nil
}
