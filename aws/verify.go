package aws

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"strings"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
)

// LogGroupState is what CloudWatch Logs says about one log group.
type LogGroupState struct {
	Name   string
	Exists bool
	// RetentionDays is 0 when the group never expires.
	RetentionDays int32
	Class         string
}

// DeliveryReader reads back what the agent delivered, for `cwsetup
// verify`: log groups with their retention, and one marker event.
// Needs logs:DescribeLogGroups and logs:FilterLogEvents.
type DeliveryReader struct{ c *cloudwatchlogs.Client }

// NewDeliveryReader builds a reader from the standard configuration.
func NewDeliveryReader(ctx context.Context, region string) (*DeliveryReader, error) {
	cfg, err := Load(ctx, region)
	if err != nil {
		return nil, err
	}
	return &DeliveryReader{c: cloudwatchlogs.NewFromConfig(cfg)}, nil
}

// LogGroups returns the state of each named group (missing ones with
// Exists false). One DescribeLogGroups per name, by prefix, because
// prefixes of different groups need not overlap.
func (r *DeliveryReader) LogGroups(ctx context.Context, names []string) (map[string]LogGroupState, error) {
	out := map[string]LogGroupState{}
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	for _, n := range sorted {
		if _, done := out[n]; done {
			continue
		}
		out[n] = LogGroupState{Name: n}
		p := cloudwatchlogs.NewDescribeLogGroupsPaginator(r.c, &cloudwatchlogs.DescribeLogGroupsInput{LogGroupNamePrefix: sdk.String(n)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return nil, &ReadError{err: err}
			}
			for _, g := range page.LogGroups {
				if sdk.ToString(g.LogGroupName) == n {
					out[n] = LogGroupState{Name: n, Exists: true, RetentionDays: sdk.ToInt32(g.RetentionInDays), Class: string(g.LogGroupClass)}
				}
			}
		}
	}
	return out, nil
}

// FindEvent reports whether an event containing needle (an exact phrase)
// arrived in group since the given time.
func (r *DeliveryReader) FindEvent(ctx context.Context, group, needle string, since time.Time) (bool, error) {
	p := cloudwatchlogs.NewFilterLogEventsPaginator(r.c, &cloudwatchlogs.FilterLogEventsInput{
		LogGroupName:  sdk.String(group),
		FilterPattern: sdk.String(`"` + needle + `"`),
		StartTime:     sdk.Int64(since.Add(-time.Minute).UnixMilli()),
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			var nf *types.ResourceNotFoundException
			if errors.As(err, &nf) {
				return false, nil
			}
			return false, &ReadError{err: err}
		}
		for _, e := range page.Events {
			if strings.Contains(sdk.ToString(e.Message), needle) {
				return true, nil
			}
		}
	}
	return false, nil
}

// ReadError is a failed read-back call. AccessDenied says whether AWS
// refused it for lack of permission (the agent's least-privilege role
// need not allow reading logs back).
type ReadError struct{ err error }

func (e *ReadError) Error() string { return Explain(e.err).Error() }

// Unwrap gives the localized explanation (and through it the SDK error).
func (e *ReadError) Unwrap() error { return Explain(e.err) }

// AccessDenied reports a permission refusal: the error code, or a bare
// HTTP 403 whose body the SDK could not decode (emulators answer JSON
// services in XML).
func (e *ReadError) AccessDenied() bool {
	switch ErrorCode(e.err) {
	case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation":
		return true
	case "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException":
		return false
	}
	var re *awshttp.ResponseError
	return errors.As(e.err, &re) && re.HTTPStatusCode() == http.StatusForbidden
}

// Action is the IAM action that failed ("logs:FilterLogEvents").
func (e *ReadError) Action() string { return Action(e.err) }

// LogShipper sends lines to CloudWatch Logs the way the agent does: it
// creates the group (with retention) and stream on first use, then
// PutLogEvents. cwsetup itself never ships logs; the test stand-in for the
// agent (internal/fakectl) uses this so that only this package talks to
// AWS.
type LogShipper struct {
	c     *cloudwatchlogs.Client
	ready map[string]bool
}

// NewLogShipper builds a shipper from the standard configuration.
func NewLogShipper(ctx context.Context, region string) (*LogShipper, error) {
	cfg, err := Load(ctx, region)
	if err != nil {
		return nil, err
	}
	return &LogShipper{c: cloudwatchlogs.NewFromConfig(cfg), ready: map[string]bool{}}, nil
}

// Ship sends lines (with their times) to group/stream; retention > 0 is
// set on a group the shipper creates.
func (s *LogShipper) Ship(ctx context.Context, group, stream string, retention int32, lines []string, at time.Time) error {
	if len(lines) == 0 {
		return nil
	}
	if !s.ready[group] {
		_, err := s.c.CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: sdk.String(group)})
		var exists *types.ResourceAlreadyExistsException
		if err != nil && !errors.As(err, &exists) {
			return err
		}
		if retention > 0 {
			if _, err := s.c.PutRetentionPolicy(ctx, &cloudwatchlogs.PutRetentionPolicyInput{
				LogGroupName: sdk.String(group), RetentionInDays: sdk.Int32(retention)}); err != nil {
				return err
			}
		}
		s.ready[group] = true
	}
	key := group + "\x00" + stream
	if !s.ready[key] {
		_, err := s.c.CreateLogStream(ctx, &cloudwatchlogs.CreateLogStreamInput{LogGroupName: sdk.String(group), LogStreamName: sdk.String(stream)})
		var exists *types.ResourceAlreadyExistsException
		if err != nil && !errors.As(err, &exists) {
			return err
		}
		s.ready[key] = true
	}
	ev := make([]types.InputLogEvent, 0, len(lines))
	for _, l := range lines {
		ev = append(ev, types.InputLogEvent{Message: sdk.String(l), Timestamp: sdk.Int64(at.UnixMilli())})
	}
	_, err := s.c.PutLogEvents(ctx, &cloudwatchlogs.PutLogEventsInput{LogGroupName: sdk.String(group), LogStreamName: sdk.String(stream), LogEvents: ev})
	return err
}
