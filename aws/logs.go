package aws

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/cwsetup/cwsetup/i18n"
)

// LogsAPI is the part of CloudWatch Logs cwsetup uses: log groups for setup
// and verify, events for the verify marker, metric filters for alarms.
// *cloudwatchlogs.Client has it; NewLogs builds one.
type LogsAPI interface {
	DescribeLogGroups(context.Context, *cloudwatchlogs.DescribeLogGroupsInput, ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.DescribeLogGroupsOutput, error)
	CreateLogGroup(context.Context, *cloudwatchlogs.CreateLogGroupInput, ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.CreateLogGroupOutput, error)
	PutRetentionPolicy(context.Context, *cloudwatchlogs.PutRetentionPolicyInput, ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.PutRetentionPolicyOutput, error)
	DeleteRetentionPolicy(context.Context, *cloudwatchlogs.DeleteRetentionPolicyInput, ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.DeleteRetentionPolicyOutput, error)
	FilterLogEvents(context.Context, *cloudwatchlogs.FilterLogEventsInput, ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.FilterLogEventsOutput, error)
	GetLogEvents(context.Context, *cloudwatchlogs.GetLogEventsInput, ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.GetLogEventsOutput, error)
	PutMetricFilter(context.Context, *cloudwatchlogs.PutMetricFilterInput, ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.PutMetricFilterOutput, error)
	DescribeMetricFilters(context.Context, *cloudwatchlogs.DescribeMetricFiltersInput, ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.DescribeMetricFiltersOutput, error)
}

// NewLogs returns a CloudWatch Logs client for cfg.
func NewLogs(cfg sdk.Config) LogsAPI { return cloudwatchlogs.NewFromConfig(cfg) }

// Log group classes CloudWatch Logs accepts.
const (
	ClassStandard   = "STANDARD"
	ClassInfrequent = "INFREQUENT_ACCESS"
)

// RetentionDays are the retention values CloudWatch Logs accepts. moto
// accepts any number, so cwsetup checks itself.
var RetentionDays = []int{1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
	731, 1096, 1827, 2192, 2557, 2922, 3288, 3653}

// LogGroup is a log group as it is (or should be).
type LogGroup struct {
	Name string `json:"name"`
	// RetentionDays: 0 means never expire (or, in a spec, leave it alone);
	// -1 in a spec means never expire (remove a retention policy).
	RetentionDays int    `json:"retention_days"`
	Class         string `json:"class,omitempty"`
	Exists        bool   `json:"exists"`
}

// CheckLogGroup validates a log group spec.
func CheckLogGroup(g LogGroup) error {
	if g.RetentionDays != 0 && g.RetentionDays != -1 && !slices.Contains(RetentionDays, g.RetentionDays) {
		return i18n.UsageErrorf(i18n.AWSErrBadRetention, g.RetentionDays, fmt.Sprint(RetentionDays))
	}
	if g.Class != "" && g.Class != ClassStandard && g.Class != ClassInfrequent {
		return i18n.UsageErrorf(i18n.AWSErrBadClass, g.Class)
	}
	return nil
}

// DescribeLogGroup reads one log group by exact name (Exists false when
// there is none). For verify: retention and class as CloudWatch has them.
func DescribeLogGroup(ctx context.Context, api LogsAPI, name string) (LogGroup, error) {
	in := &cloudwatchlogs.DescribeLogGroupsInput{LogGroupNamePrefix: sdk.String(name)}
	for {
		out, err := api.DescribeLogGroups(ctx, in)
		if err != nil {
			return LogGroup{Name: name}, Explain(err)
		}
		for _, g := range out.LogGroups {
			if sdk.ToString(g.LogGroupName) == name {
				return LogGroup{Name: name, Exists: true, RetentionDays: int(sdk.ToInt32(g.RetentionInDays)),
					Class: string(g.LogGroupClass)}, nil
			}
		}
		if out.NextToken == nil {
			return LogGroup{Name: name}, nil
		}
		in.NextToken = out.NextToken
	}
}

// ClassMismatch is a group that exists with another class than wanted;
// a class cannot be changed after creation, so cwsetup only reports it.
type ClassMismatch struct{ Name, Have, Want string }

// EnsureLogGroups creates missing groups with their class and retention,
// and sets the retention of existing ones where it differs.
func EnsureLogGroups(ctx context.Context, api LogsAPI, want []LogGroup) ([]Change, []ClassMismatch, error) {
	var cs []Change
	var mismatches []ClassMismatch
	for _, w := range want {
		if err := CheckLogGroup(w); err != nil {
			return cs, mismatches, err
		}
		have, err := DescribeLogGroup(ctx, api, w.Name)
		if err != nil {
			return cs, mismatches, err
		}
		if !have.Exists {
			in := &cloudwatchlogs.CreateLogGroupInput{LogGroupName: sdk.String(w.Name)}
			if w.Class != "" {
				in.LogGroupClass = logtypes.LogGroupClass(w.Class)
			}
			if _, err := api.CreateLogGroup(ctx, in); err != nil && ErrorCode(err) != "ResourceAlreadyExistsException" {
				return cs, mismatches, Explain(err)
			}
			cs = append(cs, Change{Created, ResLogGroup, w.Name})
		} else {
			cs = append(cs, Change{Unchanged, ResLogGroup, w.Name})
			// moto leaves the class empty; only a reported class can differ.
			if w.Class != "" && have.Class != "" && have.Class != w.Class {
				mismatches = append(mismatches, ClassMismatch{w.Name, have.Class, w.Class})
			}
		}
		switch {
		case w.RetentionDays == 0:
		case w.RetentionDays == -1 && have.RetentionDays != 0:
			if _, err := api.DeleteRetentionPolicy(ctx, &cloudwatchlogs.DeleteRetentionPolicyInput{LogGroupName: sdk.String(w.Name)}); err != nil {
				return cs, mismatches, Explain(err)
			}
			cs = append(cs, Change{Updated, ResRetention, w.Name})
		case w.RetentionDays > 0 && have.RetentionDays != w.RetentionDays:
			if _, err := api.PutRetentionPolicy(ctx, &cloudwatchlogs.PutRetentionPolicyInput{
				LogGroupName: sdk.String(w.Name), RetentionInDays: sdk.Int32(int32(w.RetentionDays)),
			}); err != nil {
				return cs, mismatches, Explain(err)
			}
			a := Updated
			if !have.Exists {
				a = Created
			}
			cs = append(cs, Change{a, ResRetention, w.Name})
		case w.RetentionDays > 0:
			cs = append(cs, Change{Unchanged, ResRetention, w.Name})
		}
	}
	return cs, mismatches, nil
}

// FindEvent reports whether an event containing text arrived in the group
// since the given time (the verify marker). The text is searched as an
// exact phrase.
func FindEvent(ctx context.Context, api LogsAPI, group, text string, since time.Time) (bool, error) {
	in := &cloudwatchlogs.FilterLogEventsInput{
		LogGroupName:  sdk.String(group),
		StartTime:     sdk.Int64(since.UnixMilli()),
		FilterPattern: sdk.String(`"` + strings.ReplaceAll(text, `"`, `\"`) + `"`),
	}
	for {
		out, err := api.FilterLogEvents(ctx, in)
		if err != nil {
			return false, Explain(err)
		}
		for _, e := range out.Events {
			if strings.Contains(sdk.ToString(e.Message), text) {
				return true, nil
			}
		}
		if out.NextToken == nil {
			return false, nil
		}
		in.NextToken = out.NextToken
	}
}
