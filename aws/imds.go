package aws

import (
	"context"
	"errors"
	"github.com/cwsetup/cwsetup/internal/lazy"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/ec2/imds"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// NotEC2Budget is how long cwsetup waits for IMDS before deciding it is not
// on EC2, when the machine's own identity does not say it is EC2 (docs/architecture.md, time limits).
const NotEC2Budget = 300 * time.Millisecond

// EC2Budget is how long IMDS gets when the machine's identity (DMI) says it
// is EC2: a loaded instance out of CPU credits answers slowly, and must not
// be called "not EC2".
const EC2Budget = 5 * time.Second

// EC2Facts is what IMDSv2 says about this instance. Its JSON form is part
// of `cwsetup detect --json`.
type EC2Facts struct {
	InstanceID       string `json:"instance_id"`
	InstanceType     string `json:"instance_type"`
	Region           string `json:"region"`
	AvailabilityZone string `json:"availability_zone"`
	AccountID        string `json:"account_id"`
	// InstanceProfileARN and RoleName are empty when no instance profile
	// is attached.
	InstanceProfileARN string `json:"instance_profile_arn"`
	RoleName           string `json:"role_name"`
	// ConfiguredRegion is AWS_REGION / the profile's region when it differs
	// from the instance's region (calls would go to another region).
	ConfiguredRegion string `json:"configured_region,omitempty"`
}

// Why cwsetup decided it is not on EC2; stable strings in JSON.
const (
	ReasonDisabled = "imds_disabled" // AWS_EC2_METADATA_DISABLED=true
	ReasonRefused  = "imds_refused"  // nothing listens at the IMDS address, or no route to it
	ReasonTimeout  = "imds_timeout"  // no answer within NotEC2Budget: not EC2, or hop limit 1 in a container
	ReasonRejected = "imds_rejected" // IMDS answered but refused the token flow
	ReasonError    = "imds_error"    // anything else
	// ReasonEC2Silent: the machine says it is EC2 (DMI), but IMDS gave no
	// facts within EC2Budget (IMDS turned off for the instance, hop limit
	// 1 in a container, or a heavily loaded instance). Not "not EC2".
	ReasonEC2Silent = "ec2_imds_no_answer"
)

// NotEC2Error says why IMDS gave no instance facts.
type NotEC2Error struct {
	Reason string
	Err    error
}

func (e *NotEC2Error) Error() string { return "not on EC2 (" + e.Reason + "): " + e.Err.Error() }
func (e *NotEC2Error) Unwrap() error { return e.Err }

// fastIMDS is an IMDSv2-only client that fails at once instead of retrying:
// the SDK's defaults take 4–5 s to give up off EC2.
func fastIMDS(cfg sdk.Config) *imds.Client {
	return imds.NewFromConfig(cfg, func(o *imds.Options) {
		o.Retryer = retry.AddWithMaxAttempts(retry.NewStandard(), 1)
		o.EnableFallback = sdk.FalseTernary
	})
}

// patientIMDS is an IMDSv2 client for a machine that says it is EC2: the
// SDK's own transport gives up after 500 ms without response headers,
// which a loaded instance can take; this one waits up to budget.
func patientIMDS(cfg sdk.Config, budget time.Duration) *imds.Client {
	return imds.NewFromConfig(cfg, func(o *imds.Options) {
		o.Retryer = retry.AddWithMaxAttempts(retry.NewStandard(), 2)
		o.EnableFallback = sdk.FalseTernary
		// Not a BuildableClient, so the IMDS client keeps these timeouts;
		// never through a proxy.
		o.HTTPClient = &http.Client{Transport: &http.Transport{
			DialContext:           (&net.Dialer{Timeout: time.Second}).DialContext,
			ResponseHeaderTimeout: budget,
		}}
	})
}

// InstanceFacts asks IMDSv2 about this instance. Off EC2 (or with IMDS
// disabled, or unreachable from a container) it returns a *NotEC2Error
// within NotEC2Budget. Callers that know the machine is EC2 use
// InstanceFactsWithin(ctx, EC2Budget).
func InstanceFacts(ctx context.Context) (*EC2Facts, error) {
	return InstanceFactsWithin(ctx, NotEC2Budget)
}

// InstanceFactsWithin is InstanceFacts with budget for the first answer
// (the identity document).
func InstanceFactsWithin(ctx context.Context, budget time.Duration) (*EC2Facts, error) {
	// The budget covers loading the configuration too; 50 ms are kept for
	// the caller and for scheduling delays on a busy machine.
	first, cancel := context.WithTimeout(ctx, budget-50*time.Millisecond)
	cfg, err := config.LoadDefaultConfig(first)
	if err != nil {
		cancel()
		return nil, Explain(err)
	}
	c := fastIMDS(cfg)
	if budget > NotEC2Budget {
		c = patientIMDS(cfg, budget)
	}
	doc, err := c.GetInstanceIdentityDocument(first, &imds.GetInstanceIdentityDocumentInput{})
	cancel()
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &NotEC2Error{Reason: notEC2Reason(err), Err: err}
	}
	f := &EC2Facts{
		InstanceID: doc.InstanceID, InstanceType: doc.InstanceType, Region: doc.Region,
		AvailabilityZone: doc.AvailabilityZone, AccountID: doc.AccountID,
	}
	if cfg.Region != "" && cfg.Region != f.Region {
		f.ConfiguredRegion = cfg.Region
	}
	// IMDS answered, so this is EC2: the rest may take normal time.
	rest, cancel := context.WithTimeout(ctx, max(2*time.Second, budget))
	defer cancel()
	info, err := c.GetIAMInfo(rest, &imds.GetIAMInfoInput{})
	switch {
	case err == nil:
		f.InstanceProfileARN = info.InstanceProfileArn
	case httpStatus(err) == http.StatusNotFound:
		return f, nil // no instance profile attached
	default:
		return nil, Explain(err)
	}
	out, err := c.GetMetadata(rest, &imds.GetMetadataInput{Path: "iam/security-credentials/"})
	if err != nil {
		if httpStatus(err) == http.StatusNotFound {
			return f, nil // profile without a role
		}
		return nil, Explain(err)
	}
	defer out.Content.Close()
	// Only the listing (role names) is read, never a credentials document.
	b, err := io.ReadAll(io.LimitReader(out.Content, 4096))
	if err != nil {
		return nil, err
	}
	f.RoleName = strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0])
	return f, nil
}

var statusRE = lazy.Regexp(`StatusCode: (\d{3})`)

func httpStatus(err error) int {
	var re *smithyhttp.ResponseError
	if errors.As(err, &re) {
		return re.HTTPStatusCode()
	}
	// The token step wraps the response error in its own type.
	if m := statusRE().FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

func notEC2Reason(err error) string {
	var ne net.Error
	switch {
	case strings.Contains(err.Error(), "access disabled to EC2 IMDS"):
		return ReasonDisabled
	case errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH) ||
		strings.Contains(err.Error(), "connection refused") || strings.Contains(err.Error(), "unreachable"):
		return ReasonRefused
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() ||
		strings.Contains(err.Error(), "deadline exceeded") || strings.Contains(err.Error(), "timeout"):
		return ReasonTimeout
	case httpStatus(err) >= 400:
		return ReasonRejected
	}
	return ReasonError
}
