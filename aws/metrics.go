package aws

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/sizing"
)

// MetricHistory reads an instance's CloudWatch CPU history (AWS/EC2
// CPUUtilization; CPUCreditBalance and CPUSurplusCreditBalance for
// burstable types) with GetMetricData: the sizing.HistorySource port.
type MetricHistory struct {
	cw  *cloudwatch.Client
	now func() time.Time
	// Period is the CloudWatch period read, in seconds.
	Period int32
}

// HistoryPeriod is the CloudWatch period read by default: 5 minutes, the
// basic monitoring resolution (and what Compute Optimizer uses).
const HistoryPeriod = 300

// NewMetricHistory builds the adapter on cfg (its region is the
// instance's: metrics live in the instance's region).
func NewMetricHistory(cfg sdk.Config) MetricHistory {
	return MetricHistory{
		cw:     cloudwatch.NewFromConfig(cfg, func(o *cloudwatch.Options) { o.APIOptions = apiOptions(o.APIOptions) }),
		now:    time.Now,
		Period: HistoryPeriod,
	}
}

// CPUHistory implements sizing.HistorySource.
func (h MetricHistory) CPUHistory(ctx context.Context, instanceID string, credits bool, days int) (sizing.CPUHistory, error) {
	end := h.now().UTC().Truncate(time.Minute)
	start := end.Add(-time.Duration(days) * 24 * time.Hour)
	dims := []cwtypes.Dimension{{Name: sdk.String("InstanceId"), Value: sdk.String(instanceID)}}
	q := func(id, metric, stat string) cwtypes.MetricDataQuery {
		return cwtypes.MetricDataQuery{Id: sdk.String(id), ReturnData: sdk.Bool(true), MetricStat: &cwtypes.MetricStat{
			Metric: &cwtypes.Metric{Namespace: sdk.String("AWS/EC2"), MetricName: sdk.String(metric), Dimensions: dims},
			Period: sdk.Int32(h.Period), Stat: sdk.String(stat),
		}}
	}
	queries := []cwtypes.MetricDataQuery{q("cpu", "CPUUtilization", "Average"), q("cpumax", "CPUUtilization", "Maximum")}
	if credits {
		queries = append(queries, q("balance", "CPUCreditBalance", "Minimum"), q("surplus", "CPUSurplusCreditBalance", "Maximum"))
	}
	series := map[string][]point{}
	p := cloudwatch.NewGetMetricDataPaginator(h.cw, &cloudwatch.GetMetricDataInput{
		StartTime: &start, EndTime: &end, MetricDataQueries: queries, ScanBy: cwtypes.ScanByTimestampAscending,
	})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return sizing.CPUHistory{}, shortErr(err)
		}
		for _, r := range out.MetricDataResults {
			id := sdk.ToString(r.Id)
			for i := range r.Values {
				if i < len(r.Timestamps) {
					series[id] = append(series[id], point{r.Timestamps[i], r.Values[i]})
				}
			}
		}
	}
	return summarize(series, days), nil
}

type point struct {
	t time.Time
	v float64
}

// summarize turns the series into the report's figures: average, 95th
// percentile and maximum of the 5-minute CPU averages, the credit
// balance's lowest and last value, the surplus balance's highest.
func summarize(series map[string][]point, days int) sizing.CPUHistory {
	h := sizing.CPUHistory{Days: days}
	cpu := series["cpu"]
	h.Points = len(cpu)
	if h.Points == 0 {
		return h
	}
	vals := make([]float64, 0, len(cpu))
	sum := 0.0
	for _, p := range cpu {
		vals = append(vals, p.v)
		sum += p.v
	}
	sort.Float64s(vals)
	h.AvgPercent = round1(sum / float64(len(vals)))
	h.P95Percent = round1(vals[int(math.Ceil(0.95*float64(len(vals))))-1])
	h.MaxPercent = round1(vals[len(vals)-1])
	for _, p := range series["cpumax"] {
		h.MaxPercent = max(h.MaxPercent, round1(p.v))
	}
	if b := series["balance"]; len(b) > 0 {
		sort.Slice(b, func(i, j int) bool { return b[i].t.Before(b[j].t) })
		lo, last := b[0].v, b[len(b)-1].v
		for _, p := range b {
			lo = min(lo, p.v)
		}
		h.CreditBalanceMin, h.CreditBalanceLast = &lo, &last
	}
	if s := series["surplus"]; len(s) > 0 {
		hi := s[0].v
		for _, p := range s {
			hi = max(hi, p.v)
		}
		h.SurplusCreditsMax = &hi
	}
	return h
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// shortErr is an SDK error in a form short enough for a note: the action
// and AWS's error code for denials and other API errors, the localized
// explanation for missing credentials, region, network and timeouts.
func shortErr(err error) error {
	if code := ErrorCode(err); code != "" && code != "UnknownError" {
		var le *i18n.Error
		if e := Explain(err); errors.As(e, &le) && code != "AccessDenied" && code != "AccessDeniedException" && code != "UnauthorizedOperation" {
			return e
		}
		return fmt.Errorf("%s: %s", Action(err), code)
	}
	return Explain(err)
}
