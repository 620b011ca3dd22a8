package aws

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
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
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// queryClient speaks the AWS query protocol (form POST, XML answer) for the
// few EC2, IAM, STS and CloudWatch calls cwsetup makes, and the JSON 1.1
// protocol for CloudWatch Logs. Measured on linux/amd64 with the linker's
// dead-code elimination working: the SDK's ec2, iam, cloudwatchlogs and
// cloudwatch packages add about 1.6 MB for these calls, which the 15 MB
// binary budget (DESIGN §7) does not have room for.
//
// It uses the SDK's configuration as the service clients do: credentials
// from the default chain, Signature V4, AWS_ENDPOINT_URL_<SERVICE> then
// AWS_ENDPOINT_URL, and retries throttling and 5xx answers.
type queryClient struct {
	cfg       sdk.Config
	serviceID string // in errors, as the SDK names it: "EC2"
	signing   string // signing name and endpoint prefix: "ec2"
	version   string // API version: "2016-11-15"
	global    bool   // IAM: one endpoint per partition, signed for its home region
	http      *http.Client
}

func newQueryClient(cfg sdk.Config, serviceID, signing, version string) *queryClient {
	return &queryClient{cfg: cfg, serviceID: serviceID, signing: signing, version: version,
		http: &http.Client{Timeout: 30 * time.Second}}
}

// endpoint returns the URL and the region to sign for.
func (c *queryClient) endpoint() (string, string) {
	region := c.cfg.Region
	if c.global {
		switch {
		case strings.HasPrefix(region, "cn-"):
			region = "cn-north-1"
		case strings.HasPrefix(region, "us-gov-"):
			region = "us-gov-west-1"
		default:
			region = "us-east-1"
		}
	}
	envName := "AWS_ENDPOINT_URL_" + strings.ToUpper(strings.ReplaceAll(c.serviceID, " ", "_"))
	if v := os.Getenv(envName); v != "" {
		return v, region
	}
	if c.cfg.BaseEndpoint != nil && *c.cfg.BaseEndpoint != "" {
		return *c.cfg.BaseEndpoint, region
	}
	switch {
	case c.global && region == "us-east-1":
		return "https://" + c.signing + ".amazonaws.com", region
	case strings.HasPrefix(region, "cn-"):
		return "https://" + c.signing + "." + region + ".amazonaws.com.cn", region
	}
	return "https://" + c.signing + "." + region + ".amazonaws.com", region
}

// queryError is the error document of the query protocol, in its EC2
// (<Response><Errors><Error>) and IAM/STS (<ErrorResponse><Error>) forms.
type queryError struct {
	Code      string `xml:"Errors>Error>Code"`
	Message   string `xml:"Errors>Error>Message"`
	Code2     string `xml:"Error>Code"`
	Msg2      string `xml:"Error>Message"`
	RequestID string `xml:"RequestID"`
	ReqID2    string `xml:"RequestId"`
}

// call sends action with params and decodes the XML answer into out.
func (c *queryClient) call(ctx context.Context, action string, params url.Values, out any) error {
	form := url.Values{"Action": {action}, "Version": {c.version}}
	for k, v := range params {
		form[k] = v
	}
	return c.send(ctx, action, "application/x-www-form-urlencoded; charset=utf-8", nil, []byte(form.Encode()),
		func(data []byte) error {
			if out == nil {
				return nil
			}
			return xml.Unmarshal(data, out)
		},
		func(data []byte) (code, msg, reqID string) {
			var qe queryError
			_ = xml.Unmarshal(data, &qe)
			if qe.Code == "" {
				qe.Code, qe.Message = qe.Code2, qe.Msg2
			}
			return qe.Code, qe.Message, qe.RequestID + qe.ReqID2
		})
}

// callJSON sends action in the AWS JSON 1.1 protocol (CloudWatch Logs):
// target is the X-Amz-Target prefix, e.g. "Logs_20140328".
func (c *queryClient) callJSON(ctx context.Context, target, action string, in, out any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return err
	}
	return c.send(ctx, action, "application/x-amz-json-1.1", map[string]string{"X-Amz-Target": target + "." + action}, body,
		func(data []byte) error {
			if out == nil || len(data) == 0 {
				return nil
			}
			return json.Unmarshal(data, out)
		},
		func(data []byte) (code, msg, reqID string) {
			var je struct {
				Type    string `json:"__type"`
				Message string `json:"message"`
				Msg2    string `json:"Message"`
			}
			_ = json.Unmarshal(data, &je)
			code = je.Type
			if i := strings.LastIndexByte(code, '#'); i >= 0 {
				code = code[i+1:]
			}
			if je.Message == "" {
				je.Message = je.Msg2
			}
			return code, je.Message, ""
		})
}

// send signs and sends one request, retrying throttling, 5xx answers and
// network errors (3 attempts), and turns error answers into the SDK's
// error types so Explain, ErrorCode and Action read them as usual.
func (c *queryClient) send(ctx context.Context, action, contentType string, headers map[string]string, body []byte,
	decode func([]byte) error, parseErr func([]byte) (code, msg, reqID string)) error {
	opErr := func(err error) error {
		return &smithy.OperationError{ServiceID: c.serviceID, OperationName: action, Err: err}
	}
	if c.cfg.Region == "" {
		return opErr(&smithy.GenericAPIError{Code: "MissingRegion", Message: "Invalid Configuration: Missing Region"})
	}
	if c.cfg.Credentials == nil {
		return opErr(&smithy.GenericAPIError{Code: "NoCredentials", Message: "failed to retrieve credentials"})
	}
	sum := sha256.Sum256(body)
	const attempts = 3
	for attempt := 1; ; attempt++ {
		creds, err := c.cfg.Credentials.Retrieve(ctx)
		if err != nil {
			return opErr(err)
		}
		ep, region := c.endpoint()
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(ep, "/")+"/", bytes.NewReader(body))
		if err != nil {
			return opErr(err)
		}
		req.Header.Set("Content-Type", contentType)
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		if err := v4.NewSigner().SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), c.signing, region, time.Now()); err != nil {
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
			if err := decode(data); err != nil {
				return opErr(err)
			}
			return nil
		}
		code, msg, reqID := parseErr(data)
		if code == "" {
			code = "UnknownError"
		}
		retryable := resp.StatusCode >= 500 || code == "Throttling" || code == "RequestLimitExceeded" ||
			code == "ThrottlingException"
		if retryable && attempt < attempts {
			backoff(ctx, attempt)
			continue
		}
		return opErr(&awshttp.ResponseError{RequestID: reqID,
			ResponseError: &smithyhttp.ResponseError{Response: &smithyhttp.Response{Response: resp},
				Err: &smithy.GenericAPIError{Code: code, Message: msg}}})
	}
}

func backoff(ctx context.Context, attempt int) {
	d := time.Duration(float64(100*time.Millisecond) * float64(int(1)<<attempt) * (0.5 + rand.Float64()))
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}
