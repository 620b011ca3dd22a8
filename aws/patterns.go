package aws

import (
	"context"
	"fmt"
	"net/http"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/alarms"
)

// patternTester is alarms.PatternTester on CloudWatch Logs' own evaluator.
type patternTester struct{ l logsSDK }

// NewPatternTester returns CloudWatch Logs' filter-pattern evaluator
// (logs:TestMetricFilter) for cfg. Its errors are localized, and wrap
// alarms.ErrNotImplemented when the endpoint does not have the call.
func NewPatternTester(cfg sdk.Config) alarms.PatternTester {
	// One attempt: a 500 is how an emulator without the call answers, and
	// the check is worth no retries.
	l := logsSDK{cloudwatchlogs.NewFromConfig(cfg, func(o *cloudwatchlogs.Options) {
		o.APIOptions = apiOptions(o.APIOptions)
		o.RetryMaxAttempts = 1
	})}
	return patternTester{l}
}

func (p patternTester) TestMetricFilter(ctx context.Context, pattern string, messages []string) ([]int, error) {
	idx, err := p.l.TestMetricFilter(ctx, pattern, messages)
	if err == nil {
		return idx, nil
	}
	// moto answers HTTP 500 with an HTML page (NotImplementedError): no
	// AWS error code. AWS itself never answers this call so.
	if st := httpStatus(err); (st == http.StatusInternalServerError || st == http.StatusNotImplemented) && ErrorCode(err) == "" {
		return nil, fmt.Errorf("%w: %w", alarms.ErrNotImplemented, i18n.Errorf(i18n.AlarmPatternsNotImplemented))
	}
	if c := ErrorCode(err); c == "AccessDeniedException" || c == "AccessDenied" {
		return nil, i18n.Errorf(i18n.AlarmPatternsDenied)
	}
	return nil, Explain(err)
}
