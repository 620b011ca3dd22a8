package aws

import (
	"context"
	"errors"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Role is what role setup needs to know of an IAM role.
type Role struct {
	Name, ARN string
	// TrustPolicy as IAM stores it (URL-encoded).
	TrustPolicy string
}

// InstanceProfile is an IAM instance profile and the roles in it.
type InstanceProfile struct {
	Name, ARN string
	Roles     []string
}

// AttachedPolicy is a managed policy attached to a role.
type AttachedPolicy struct{ Name, ARN string }

// IAMAPI is the part of IAM role setup uses. Missing entities are errors
// for which NoSuchEntity(err) is true.
type IAMAPI interface {
	GetRole(ctx context.Context, name string) (Role, error)
	CreateRole(ctx context.Context, name, trustPolicy, description string) error
	UpdateAssumeRolePolicy(ctx context.Context, name, trustPolicy string) error
	// GetRolePolicy returns the inline policy document as IAM stores it.
	GetRolePolicy(ctx context.Context, role, policy string) (string, error)
	PutRolePolicy(ctx context.Context, role, policy, document string) error
	// ListRolePolicies names the role's inline policies (all pages).
	ListRolePolicies(ctx context.Context, role string) ([]string, error)
	// ListAttachedRolePolicies lists the managed policies attached to the
	// role (all pages).
	ListAttachedRolePolicies(ctx context.Context, role string) ([]AttachedPolicy, error)
	// PolicyDocument returns the default version of a managed policy as
	// IAM stores it (URL-encoded).
	PolicyDocument(ctx context.Context, policyARN string) (string, error)
	GetInstanceProfile(ctx context.Context, name string) (InstanceProfile, error)
	CreateInstanceProfile(ctx context.Context, name string) (InstanceProfile, error)
	// WaitInstanceProfile waits up to max until IAM shows the profile
	// (IAM is eventually consistent right after CreateInstanceProfile).
	WaitInstanceProfile(ctx context.Context, name string, max time.Duration) error
	AddRoleToInstanceProfile(ctx context.Context, profile, role string) error
}

// NoSuchEntity reports IAM's "no such role/policy/profile" answer.
func NoSuchEntity(err error) bool {
	var e *iamtypes.NoSuchEntityException
	return errors.As(err, &e)
}

// iamSDK implements IAMAPI with the SDK's IAM client.
type iamSDK struct{ c *iam.Client }

// NewIAM returns the IAM calls for cfg. The SDK's endpoint rules pick the
// partition's global endpoint and signing region.
func NewIAM(cfg sdk.Config) IAMAPI {
	return iamSDK{iam.NewFromConfig(cfg, func(o *iam.Options) { o.APIOptions = apiOptions(o.APIOptions) })}
}

func (i iamSDK) GetRole(ctx context.Context, name string) (Role, error) {
	out, err := i.c.GetRole(ctx, &iam.GetRoleInput{RoleName: &name})
	if err != nil {
		return Role{}, err
	}
	r := out.Role
	return Role{Name: sdk.ToString(r.RoleName), ARN: sdk.ToString(r.Arn), TrustPolicy: sdk.ToString(r.AssumeRolePolicyDocument)}, nil
}

func (i iamSDK) CreateRole(ctx context.Context, name, trust, description string) error {
	_, err := i.c.CreateRole(ctx, &iam.CreateRoleInput{RoleName: &name, AssumeRolePolicyDocument: &trust,
		Description: &description})
	return err
}

func (i iamSDK) UpdateAssumeRolePolicy(ctx context.Context, name, trust string) error {
	_, err := i.c.UpdateAssumeRolePolicy(ctx, &iam.UpdateAssumeRolePolicyInput{RoleName: &name, PolicyDocument: &trust})
	return err
}

func (i iamSDK) GetRolePolicy(ctx context.Context, role, policy string) (string, error) {
	out, err := i.c.GetRolePolicy(ctx, &iam.GetRolePolicyInput{RoleName: &role, PolicyName: &policy})
	if err != nil {
		return "", err
	}
	return sdk.ToString(out.PolicyDocument), nil
}

func (i iamSDK) PutRolePolicy(ctx context.Context, role, policy, document string) error {
	_, err := i.c.PutRolePolicy(ctx, &iam.PutRolePolicyInput{RoleName: &role, PolicyName: &policy, PolicyDocument: &document})
	return err
}

func (i iamSDK) ListRolePolicies(ctx context.Context, role string) ([]string, error) {
	var names []string
	p := iam.NewListRolePoliciesPaginator(i.c, &iam.ListRolePoliciesInput{RoleName: &role})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		names = append(names, out.PolicyNames...)
	}
	return names, nil
}

func (i iamSDK) ListAttachedRolePolicies(ctx context.Context, role string) ([]AttachedPolicy, error) {
	var ps []AttachedPolicy
	p := iam.NewListAttachedRolePoliciesPaginator(i.c, &iam.ListAttachedRolePoliciesInput{RoleName: &role})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, a := range out.AttachedPolicies {
			ps = append(ps, AttachedPolicy{Name: sdk.ToString(a.PolicyName), ARN: sdk.ToString(a.PolicyArn)})
		}
	}
	return ps, nil
}

func (i iamSDK) PolicyDocument(ctx context.Context, arn string) (string, error) {
	pol, err := i.c.GetPolicy(ctx, &iam.GetPolicyInput{PolicyArn: &arn})
	if err != nil {
		return "", err
	}
	v, err := i.c.GetPolicyVersion(ctx, &iam.GetPolicyVersionInput{PolicyArn: &arn, VersionId: pol.Policy.DefaultVersionId})
	if err != nil {
		return "", err
	}
	return sdk.ToString(v.PolicyVersion.Document), nil
}

func profileOf(p *iamtypes.InstanceProfile) InstanceProfile {
	if p == nil {
		return InstanceProfile{}
	}
	ip := InstanceProfile{Name: sdk.ToString(p.InstanceProfileName), ARN: sdk.ToString(p.Arn)}
	for _, r := range p.Roles {
		ip.Roles = append(ip.Roles, sdk.ToString(r.RoleName))
	}
	return ip
}

func (i iamSDK) GetInstanceProfile(ctx context.Context, name string) (InstanceProfile, error) {
	out, err := i.c.GetInstanceProfile(ctx, &iam.GetInstanceProfileInput{InstanceProfileName: &name})
	if err != nil {
		return InstanceProfile{}, err
	}
	return profileOf(out.InstanceProfile), nil
}

func (i iamSDK) CreateInstanceProfile(ctx context.Context, name string) (InstanceProfile, error) {
	out, err := i.c.CreateInstanceProfile(ctx, &iam.CreateInstanceProfileInput{InstanceProfileName: &name})
	if err != nil {
		return InstanceProfile{}, err
	}
	return profileOf(out.InstanceProfile), nil
}

func (i iamSDK) WaitInstanceProfile(ctx context.Context, name string, max time.Duration) error {
	w := iam.NewInstanceProfileExistsWaiter(i.c, func(o *iam.InstanceProfileExistsWaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Second, 3*time.Second
	})
	return w.Wait(ctx, &iam.GetInstanceProfileInput{InstanceProfileName: &name}, max)
}

func (i iamSDK) AddRoleToInstanceProfile(ctx context.Context, profile, role string) error {
	_, err := i.c.AddRoleToInstanceProfile(ctx, &iam.AddRoleToInstanceProfileInput{InstanceProfileName: &profile, RoleName: &role})
	return err
}

// CallerAccount returns the account of the credentials in use (STS
// GetCallerIdentity). Only the account is used: the answer's UserId can be
// an access key id.
func CallerAccount(ctx context.Context, cfg sdk.Config) (string, error) {
	c := sts.NewFromConfig(cfg, func(o *sts.Options) { o.APIOptions = apiOptions(o.APIOptions) })
	out, err := c.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return "", Explain(err)
	}
	return sdk.ToString(out.Account), nil
}

// RolePolicy returns a role's inline policy as IAM stores it, URL-decoded.
func RolePolicy(ctx context.Context, cfg sdk.Config, role, policy string) (string, error) {
	doc, err := NewIAM(cfg).GetRolePolicy(ctx, role, policy)
	if err != nil {
		return "", Explain(err)
	}
	return DecodeDocument(doc), nil
}
