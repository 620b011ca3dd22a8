package aws

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// queryClient speaks the AWS query protocol (form POST, XML answer) for the
// few EC2 calls cwsetup makes. The SDK's service/ec2 package would add
// about 19 MiB to the binary (all of EC2's operations stay linked because
// the CLI's templates use reflection), against a 15 MiB budget.
//
// It uses the SDK's configuration as the service clients do: credentials
// from the default chain, Signature V4, AWS_ENDPOINT_URL_<SERVICE> then
// AWS_ENDPOINT_URL, and retries throttling and 5xx answers.
type queryClient struct {
	cfg       sdk.Config
	serviceID string // in errors, as the SDK names it: "EC2"
	signing   string // signing name and endpoint prefix: "ec2"
	version   string // API version: "2016-11-15"
	http      *http.Client
}

func newQueryClient(cfg sdk.Config, serviceID, signing, version string) *queryClient {
	return &queryClient{cfg: cfg, serviceID: serviceID, signing: signing, version: version,
		http: &http.Client{Timeout: 30 * time.Second}}
}

func (c *queryClient) endpoint() string {
	envName := "AWS_ENDPOINT_URL_" + strings.ToUpper(strings.ReplaceAll(c.serviceID, " ", "_"))
	if v := os.Getenv(envName); v != "" {
		return v
	}
	if c.cfg.BaseEndpoint != nil && *c.cfg.BaseEndpoint != "" {
		return *c.cfg.BaseEndpoint
	}
	suffix := "amazonaws.com"
	if strings.HasPrefix(c.cfg.Region, "cn-") {
		suffix = "amazonaws.com.cn"
	}
	return "https://" + c.signing + "." + c.cfg.Region + "." + suffix
}

// queryError is the error document of the query protocol, in its EC2
// (<Response><Errors><Error>) and IAM/STS (<ErrorResponse><Error>) forms.
type queryError struct {
	Code    string `xml:"Errors>Error>Code"`
	Message string `xml:"Errors>Error>Message"`
	Code2   string `xml:"Error>Code"`
	Msg2    string `xml:"Error>Message"`
}

// call sends action with params and decodes the XML answer into out.
func (c *queryClient) call(ctx context.Context, action string, params url.Values, out any) error {
	opErr := func(err error) error {
		return &smithy.OperationError{ServiceID: c.serviceID, OperationName: action, Err: err}
	}
	if c.cfg.Region == "" {
		return opErr(&smithy.GenericAPIError{Code: "MissingRegion", Message: "Invalid Configuration: Missing Region"})
	}
	form := url.Values{"Action": {action}, "Version": {c.version}}
	for k, v := range params {
		form[k] = v
	}
	body := []byte(form.Encode())
	sum := sha256.Sum256(body)
	const attempts = 3
	for attempt := 1; ; attempt++ {
		if c.cfg.Credentials == nil {
			return opErr(&smithy.GenericAPIError{Code: "NoCredentials", Message: "failed to retrieve credentials"})
		}
		creds, err := c.cfg.Credentials.Retrieve(ctx)
		if err != nil {
			return opErr(err)
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint()+"/", bytes.NewReader(body))
		if err != nil {
			return opErr(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
		if err := v4.NewSigner().SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), c.signing, c.cfg.Region, time.Now()); err != nil {
			return opErr(err)
		}
		resp, err := c.http.Do(req)
		if err != nil {
			if attempt < attempts && ctx.Err() == nil {
				backoff(ctx, attempt)
				continue
			}
			return opErr(err)
		}
		data, err := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
		resp.Body.Close()
		if err != nil {
			return opErr(err)
		}
		if resp.StatusCode == http.StatusOK {
			if out == nil {
				return nil
			}
			if err := xml.Unmarshal(data, out); err != nil {
				return opErr(err)
			}
			return nil
		}
		var qe queryError
		_ = xml.Unmarshal(data, &qe)
		code, msg := qe.Code, qe.Message
		if code == "" {
			code, msg = qe.Code2, qe.Msg2
		}
		if code == "" {
			code = "UnknownError"
		}
		apiErr := &smithy.GenericAPIError{Code: code, Message: msg}
		retryable := resp.StatusCode >= 500 || code == "Throttling" || code == "RequestLimitExceeded" ||
			code == "ThrottlingException"
		if retryable && attempt < attempts {
			backoff(ctx, attempt)
			continue
		}
		return opErr(&smithyhttp.ResponseError{Response: &smithyhttp.Response{Response: resp}, Err: apiErr})
	}
}

func backoff(ctx context.Context, attempt int) {
	d := time.Duration(float64(100*time.Millisecond) * float64(int(1)<<attempt) * (0.5 + rand.Float64()))
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}
