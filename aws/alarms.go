package aws

import (
	"context"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
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

// cloudWatchSDK implements CloudWatchAPI with the SDK's CloudWatch client.
// service/cloudwatch is pinned at v1.52.8 in go.mod: from v1.53.0 the SDK
// speaks Smithy RPCv2 CBOR to CloudWatch, which moto 5.2.1 (the test peer)
// does not route; v1.52.8 speaks the query protocol, which AWS serves too
// (../shared/reference/test-infra.md §1.3).
type cloudWatchSDK struct{ c *cloudwatch.Client }

// NewCloudWatch returns the CloudWatch alarm calls for cfg.
func NewCloudWatch(cfg sdk.Config) CloudWatchAPI {
	return cloudWatchSDK{cloudwatch.NewFromConfig(cfg, func(o *cloudwatch.Options) { o.APIOptions = apiOptions(o.APIOptions) })}
}

func (c cloudWatchSDK) PutMetricAlarm(ctx context.Context, a MetricAlarm) error {
	_, err := c.c.PutMetricAlarm(ctx, &cloudwatch.PutMetricAlarmInput{
		AlarmName: &a.Name, AlarmDescription: optional(a.Description), Namespace: &a.Namespace, MetricName: &a.MetricName,
		Statistic: cwtypes.Statistic(a.Statistic), ComparisonOperator: cwtypes.ComparisonOperator(a.ComparisonOperator),
		TreatMissingData: optional(a.TreatMissingData), Period: &a.PeriodSeconds, EvaluationPeriods: &a.EvaluationPeriods,
		Threshold: &a.Threshold, AlarmActions: a.Actions,
	})
	return err
}

// optional is nil for "", so an empty value is left out of the request.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (c cloudWatchSDK) DescribeAlarm(ctx context.Context, name string) (*MetricAlarm, error) {
	out, err := c.c.DescribeAlarms(ctx, &cloudwatch.DescribeAlarmsInput{AlarmNames: []string{name},
		AlarmTypes: []cwtypes.AlarmType{cwtypes.AlarmTypeMetricAlarm}})
	if err != nil {
		return nil, err
	}
	for _, m := range out.MetricAlarms {
		if sdk.ToString(m.AlarmName) != name {
			continue
		}
		a := &MetricAlarm{Name: name, Description: sdk.ToString(m.AlarmDescription), Namespace: sdk.ToString(m.Namespace),
			MetricName: sdk.ToString(m.MetricName), Statistic: string(m.Statistic),
			ComparisonOperator: string(m.ComparisonOperator), TreatMissingData: sdk.ToString(m.TreatMissingData),
			PeriodSeconds: sdk.ToInt32(m.Period), EvaluationPeriods: sdk.ToInt32(m.EvaluationPeriods),
			Threshold: sdk.ToFloat64(m.Threshold)}
		if len(m.AlarmActions) > 0 {
			a.Actions = m.AlarmActions
		}
		return a, nil
	}
	return nil, nil
}
