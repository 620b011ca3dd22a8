package aws

import (
	"testing"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
)

func TestEndpoints(t *testing.T) {
	t.Setenv("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "")
	t.Setenv("AWS_ENDPOINT_URL_IAM", "")
	for _, c := range []struct {
		region, service string
		global          bool
		base            string
		wantURL, wantRg string
	}{
		{"ap-northeast-2", "ec2", false, "", "https://ec2.ap-northeast-2.amazonaws.com", "ap-northeast-2"},
		{"ap-northeast-2", "iam", true, "", "https://iam.amazonaws.com", "us-east-1"},
		{"cn-north-1", "iam", true, "", "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1"},
		{"cn-northwest-1", "logs", false, "", "https://logs.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"},
		{"us-gov-east-1", "iam", true, "", "https://iam.us-gov-west-1.amazonaws.com", "us-gov-west-1"},
		{"ap-northeast-2", "logs", false, "http://127.0.0.1:5000", "http://127.0.0.1:5000", "ap-northeast-2"},
	} {
		cfg := sdk.Config{Region: c.region}
		if c.base != "" {
			cfg.BaseEndpoint = &c.base
		}
		q := newQueryClient(cfg, "X", c.service, "")
		q.global = c.global
		if u, r := q.endpoint(); u != c.wantURL || r != c.wantRg {
			t.Errorf("%s %s: %s %s, want %s %s", c.region, c.service, u, r, c.wantURL, c.wantRg)
		}
	}
	// The service-specific variable wins over AWS_ENDPOINT_URL, as in the SDK.
	t.Setenv("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://logs.local:4566")
	base := "http://all.local"
	q := newQueryClient(sdk.Config{Region: "ap-northeast-2", BaseEndpoint: &base}, "CloudWatch Logs", "logs", "")
	if u, _ := q.endpoint(); u != "http://logs.local:4566" {
		t.Errorf("service endpoint: %s", u)
	}
}
