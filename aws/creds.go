package aws

import (
	"context"
	"strings"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/ec2rolecreds"
)

// Kinds of credentials, as `cwsetup detect --json` reports them.
const (
	CredInstanceRole = "instance-role"
	CredEnv          = "env"
	CredProfile      = "profile"
	CredContainer    = "container"
	CredWebIdentity  = "web-identity"
	CredNone         = "none"
)

// CredentialKind says which kind of credentials the SDK's default chain
// would use, never the credentials themselves. Off EC2 the instance-role
// step gives up within NotEC2Budget.
func CredentialKind(ctx context.Context) string {
	base, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return CredNone
	}
	// The same chain, with an IMDS client that does not retry for the
	// instance-role step.
	cfg, err := config.LoadDefaultConfig(ctx, config.WithEC2RoleCredentialOptions(func(o *ec2rolecreds.Options) {
		o.Client = fastIMDS(base)
	}))
	if err != nil || cfg.Credentials == nil {
		return CredNone
	}
	ctx, cancel := context.WithTimeout(ctx, NotEC2Budget)
	defer cancel()
	c, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return CredNone
	}
	return credentialKind(c)
}

func credentialKind(c sdk.Credentials) string {
	src := c.Source
	switch {
	case src == config.CredentialsSourceName:
		return CredEnv
	case src == ec2rolecreds.ProviderName:
		return CredInstanceRole
	case strings.HasPrefix(src, "CredentialsEndpointProvider"):
		return CredContainer
	case strings.HasPrefix(src, "WebIdentity"):
		return CredWebIdentity
	}
	// Shared config keys, SSO, credential_process, assume-role and console
	// login all come from a profile.
	return CredProfile
}
