package aws

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/cwsetup/cwsetup/internal/testpeer"
)

// recorder is an HTTP client that notes where each request would go and
// what it is signed for, and sends nothing.
type recorder struct {
	mu   sync.Mutex
	host map[string]string // signing service → URL host
	sign map[string]string // signing service → signing region
}

var errNotSent = errors.New("request recorded, not sent")

var scopeRE = regexp.MustCompile(`Credential=[^/]+/\d{8}/([^/]+)/([^/]+)/aws4_request`)

func (r *recorder) Do(req *http.Request) (*http.Response, error) {
	m := scopeRE.FindStringSubmatch(req.Header.Get("Authorization"))
	if m == nil {
		return nil, errors.New("unsigned request to " + req.URL.String())
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.host[m[2]], r.sign[m[2]] = req.URL.Host, m[1]
	return nil, errNotSent
}

// TestEndpointsAreTheSDKs proves that the clients cwsetup builds use the
// SDK's endpoint rules: for a commercial, a China and a GovCloud region,
// and with FIPS on, every service is asked at the URL the service's own
// EndpointResolverV2 gives for that configuration.
func TestEndpointsAreTheSDKs(t *testing.T) {
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_ACCESS_KEY_ID", testpeer.FakeAccessKeyID)
	t.Setenv("AWS_SECRET_ACCESS_KEY", testpeer.FakeSecretAccessKey)
	t.Setenv("AWS_CONFIG_FILE", "/dev/null")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
	for _, v := range []string{"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_EC2",
		"AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "AWS_ENDPOINT_URL_CLOUDWATCH", "AWS_USE_DUALSTACK_ENDPOINT", "AWS_PROFILE"} {
		t.Setenv(v, "")
	}
	ctx := context.Background()
	for _, c := range []struct {
		region string
		fips   bool
		// A few URLs spelled out, so that the test also fails if both
		// sides went wrong the same way.
		iamHost, iamSigning, logsHost string
	}{
		{"ap-northeast-2", false, "iam.amazonaws.com", "us-east-1", "logs.ap-northeast-2.amazonaws.com"},
		{"cn-north-1", false, "iam.cn-north-1.amazonaws.com.cn", "cn-north-1", "logs.cn-north-1.amazonaws.com.cn"},
		{"us-gov-west-1", false, "iam.us-gov.amazonaws.com", "us-gov-west-1", "logs.us-gov-west-1.amazonaws.com"},
		{"us-east-1", true, "iam-fips.amazonaws.com", "us-east-1", "logs-fips.us-east-1.amazonaws.com"},
		{"us-gov-west-1", true, "iam.us-gov.amazonaws.com", "us-gov-west-1", "logs.us-gov-west-1.amazonaws.com"},
	} {
		name := c.region
		if c.fips {
			name += "+fips"
		}
		t.Run(name, func(t *testing.T) {
			t.Setenv("AWS_REGION", c.region)
			t.Setenv("AWS_USE_FIPS_ENDPOINT", map[bool]string{true: "true", false: ""}[c.fips])
			cfg, err := Load(ctx, "")
			if err != nil {
				t.Fatal(err)
			}
			rec := &recorder{host: map[string]string{}, sign: map[string]string{}}
			cfg.HTTPClient = rec
			cfg.RetryMaxAttempts = 1

			// One call through each of cwsetup's clients.
			_, _ = NewIAM(cfg).GetRole(ctx, "r")
			_, _ = CallerAccount(ctx, cfg)
			_, _ = NewAssociations(cfg).Associations(ctx, "i-0abc1234def567890")
			_, _ = DescribeLogGroup(ctx, NewLogs(cfg), "/g")
			_, _ = NewCloudWatch(cfg).DescribeAlarm(ctx, "a")

			p := func(s string) *string { return &s }
			b := func(v bool) *bool { return &v }
			want := map[string]func() (smithyendpoints.Endpoint, error){
				"iam": func() (smithyendpoints.Endpoint, error) {
					return iam.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, iam.EndpointParameters{
						Region: p(c.region), UseFIPS: b(c.fips), UseDualStack: b(false)})
				},
				"sts": func() (smithyendpoints.Endpoint, error) {
					return sts.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, sts.EndpointParameters{
						Region: p(c.region), UseFIPS: b(c.fips), UseDualStack: b(false), UseGlobalEndpoint: b(false)})
				},
				"ec2": func() (smithyendpoints.Endpoint, error) {
					return ec2.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, ec2.EndpointParameters{
						Region: p(c.region), UseFIPS: b(c.fips), UseDualStack: b(false)})
				},
				"logs": func() (smithyendpoints.Endpoint, error) {
					return cloudwatchlogs.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, cloudwatchlogs.EndpointParameters{
						Region: p(c.region), UseFIPS: b(c.fips), UseDualStack: b(false)})
				},
				"monitoring": func() (smithyendpoints.Endpoint, error) {
					return cloudwatch.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, cloudwatch.EndpointParameters{
						Region: p(c.region), UseFIPS: b(c.fips), UseDualStack: b(false)})
				},
			}
			for svc, resolve := range want {
				ep, err := resolve()
				if err != nil {
					t.Fatalf("%s: SDK resolver: %v", svc, err)
				}
				if got := rec.host[svc]; got != ep.URI.Host {
					t.Errorf("%s: request went to %q, the SDK's rules say %q", svc, got, ep.URI.Host)
				}
			}
			if rec.host["iam"] != c.iamHost || rec.sign["iam"] != c.iamSigning {
				t.Errorf("iam: %s signed for %s, want %s for %s", rec.host["iam"], rec.sign["iam"], c.iamHost, c.iamSigning)
			}
			if rec.host["logs"] != c.logsHost || rec.sign["logs"] != c.region {
				t.Errorf("logs: %s signed for %s, want %s for %s", rec.host["logs"], rec.sign["logs"], c.logsHost, c.region)
			}
		})
	}
}

// TestEndpointOverride: AWS_ENDPOINT_URL_<SERVICE> wins over
// AWS_ENDPOINT_URL, as the SDK documents (the tests' moto relies on the
// latter).
func TestEndpointOverride(t *testing.T) {
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_ACCESS_KEY_ID", testpeer.FakeAccessKeyID)
	t.Setenv("AWS_SECRET_ACCESS_KEY", testpeer.FakeSecretAccessKey)
	t.Setenv("AWS_REGION", "ap-northeast-2")
	t.Setenv("AWS_ENDPOINT_URL", "http://all.local:5000")
	t.Setenv("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://logs.local:4566")
	t.Setenv("AWS_ENDPOINT_URL_IAM", "")
	cfg, err := Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{host: map[string]string{}, sign: map[string]string{}}
	cfg.HTTPClient, cfg.RetryMaxAttempts = rec, 1
	_, _ = DescribeLogGroup(context.Background(), NewLogs(cfg), "/g")
	_, _ = NewIAM(cfg).GetRole(context.Background(), "r")
	if rec.host["logs"] != "logs.local:4566" || rec.host["iam"] != "all.local:5000" {
		t.Errorf("overrides: %v", rec.host)
	}
}
