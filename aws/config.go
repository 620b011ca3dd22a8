// Package aws is cwsetup's only door to AWS: instance facts over IMDSv2,
// the kind of credentials in use, the agent's IAM role, log groups and the
// security alarms. It is the only importer of aws-sdk-go-v2 and uses the
// SDK's standard configuration only (AWS_REGION, AWS_ENDPOINT_URL,
// AWS_EC2_METADATA_SERVICE_ENDPOINT, profiles, the default credential
// chain), so tests point the real binary at emulators with no hooks.
// cwsetup never asks for, stores or prints credentials.
package aws

import (
	"context"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/ec2rolecreds"
	"github.com/aws/aws-sdk-go-v2/feature/ec2/imds"
	"github.com/aws/smithy-go/logging"
)

// Load returns the SDK configuration from the environment and profiles.
// A non-empty region overrides the configured one (e.g. the instance's
// region from IMDS, when AWS_REGION is unset).
//
// The instance-role step of the credential chain speaks IMDSv2 only and
// retries little, so a host without credentials is told so at once instead
// of after the SDK's multi-second IMDS retries. The SDK's own log lines
// (such as "falling back to IMDSv1") are dropped: everything cwsetup says
// goes through the catalog.
func Load(ctx context.Context, region string) (sdk.Config, error) {
	opts := []func(*config.LoadOptions) error{config.WithLogger(logging.Nop{})}
	if region != "" {
		opts = append(opts, config.WithRegion(region))
	}
	base, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return base, Explain(err)
	}
	opts = append(opts, config.WithEC2RoleCredentialOptions(func(o *ec2rolecreds.Options) {
		o.Client = imds.NewFromConfig(base, func(o *imds.Options) {
			o.Retryer = retry.AddWithMaxAttempts(retry.NewStandard(), 2)
			o.EnableFallback = sdk.FalseTernary
		})
	}))
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return cfg, Explain(err)
	}
	return cfg, nil
}
