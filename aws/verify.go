package aws

import (
	"context"
	"errors"
	"net/http"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/cwsetup/cwsetup/i18n"
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
// verify`, with DescribeLogGroup and FindEvent (logs.go). Needs
// logs:DescribeLogGroups and logs:FilterLogEvents.
type DeliveryReader struct{ api LogsAPI }

// NewDeliveryReader builds a reader from the standard configuration.
func NewDeliveryReader(ctx context.Context, region string) (*DeliveryReader, error) {
	cfg, err := Load(ctx, region)
	if err != nil {
		return nil, err
	}
	return &DeliveryReader{api: NewLogs(cfg)}, nil
}

// LogGroups returns the state of each named group (missing ones with
// Exists false).
func (r *DeliveryReader) LogGroups(ctx context.Context, names []string) (map[string]LogGroupState, error) {
	out := map[string]LogGroupState{}
	for _, n := range names {
		if _, done := out[n]; done {
			continue
		}
		g, err := DescribeLogGroup(ctx, r.api, n)
		if err != nil {
			return nil, &ReadError{err: err}
		}
		out[n] = LogGroupState{Name: n, Exists: g.Exists, RetentionDays: int32(g.RetentionDays), Class: g.Class}
	}
	return out, nil
}

// markerSlack widens the search window: the agent stamps an event with
// the time parsed from the line, and syslog lines carry whole seconds.
const markerSlack = time.Minute

// FindEvent reports whether an event containing needle (an exact phrase)
// arrived in group since about the given time. A group that does not
// exist yet holds no event.
func (r *DeliveryReader) FindEvent(ctx context.Context, group, needle string, since time.Time) (bool, error) {
	found, err := FindEvent(ctx, r.api, group, needle, since.Add(-markerSlack))
	var le *i18n.Error
	if err != nil && errors.As(err, &le) && le.Key == i18n.AWSErrNotFound {
		return false, nil
	}
	if err != nil {
		return false, &ReadError{err: err}
	}
	return found, nil
}

// ReadError is a failed read-back call (already explained by Explain).
type ReadError struct{ err error }

func (e *ReadError) Error() string { return e.err.Error() }

// Unwrap gives the localized explanation.
func (e *ReadError) Unwrap() error { return e.err }

// AccessDenied reports a permission refusal (the agent's least-privilege
// role need not allow reading logs back): AWS's access-denied codes, or a
// bare HTTP 403 whose body the SDK could not decode (emulators answer JSON
// services in XML).
func (e *ReadError) AccessDenied() bool {
	var le *i18n.Error
	if errors.As(e.err, &le) && le.Key == i18n.AWSErrAccessDenied {
		return true
	}
	var re *awshttp.ResponseError
	return errors.As(e.err, &re) && re.HTTPStatusCode() == http.StatusForbidden
}

// Action is the IAM action that failed ("logs:FilterLogEvents").
func (e *ReadError) Action() string {
	var le *i18n.Error
	if errors.As(e.err, &le) && le.Key == i18n.AWSErrAccessDenied && len(le.Args) > 0 {
		if a, ok := le.Args[0].(string); ok {
			return a
		}
	}
	return Action(e.err)
}

// LogShipper sends lines to CloudWatch Logs the way the agent does: it
// creates the group (with retention) and stream on first use, then
// PutLogEvents. cwsetup itself never ships logs; the test stand-in for the
// agent (internal/fakectl) uses this so that only this package talks to
// AWS.
type LogShipper struct {
	c     logsSDK
	ready map[string]bool
}

// NewLogShipper builds a shipper from the standard configuration.
func NewLogShipper(ctx context.Context, region string) (*LogShipper, error) {
	cfg, err := Load(ctx, region)
	if err != nil {
		return nil, err
	}
	return &LogShipper{c: newLogs(cfg), ready: map[string]bool{}}, nil
}

// Ship sends lines (with their times) to group/stream; retention > 0 is
// set on a group the shipper creates.
func (s *LogShipper) Ship(ctx context.Context, group, stream string, retention int32, lines []string, at time.Time) error {
	if len(lines) == 0 {
		return nil
	}
	if !s.ready[group] {
		if err := s.c.CreateLogGroup(ctx, group, ""); err != nil && !alreadyExists(err) {
			return err
		}
		if retention > 0 {
			if err := s.c.PutRetentionPolicy(ctx, group, int(retention)); err != nil {
				return err
			}
		}
		s.ready[group] = true
	}
	key := group + "\x00" + stream
	if !s.ready[key] {
		_, err := s.c.c.CreateLogStream(ctx, &cloudwatchlogs.CreateLogStreamInput{LogGroupName: &group, LogStreamName: &stream})
		if err != nil && !alreadyExists(err) {
			return err
		}
		s.ready[key] = true
	}
	ev := make([]logstypes.InputLogEvent, 0, len(lines))
	for _, l := range lines {
		ev = append(ev, logstypes.InputLogEvent{Message: sdk.String(l), Timestamp: sdk.Int64(at.UnixMilli())})
	}
	_, err := s.c.c.PutLogEvents(ctx, &cloudwatchlogs.PutLogEventsInput{LogGroupName: &group, LogStreamName: &stream, LogEvents: ev})
	return err
}
