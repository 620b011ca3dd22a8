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
	"github.com/aws/aws-sdk-go-v2/config"
)

// Load returns the SDK configuration from the environment and profiles.
// A non-empty region overrides the configured one (e.g. the instance's
// region from IMDS, when AWS_REGION is unset).
func Load(ctx context.Context, region string) (sdk.Config, error) {
	var opts []func(*config.LoadOptions) error
	if region != "" {
		opts = append(opts, config.WithRegion(region))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return cfg, Explain(err)
	}
	return cfg, nil
}
