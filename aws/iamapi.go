package aws

import (
	"context"
	"net/url"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
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

// IAMAPI is the part of IAM role setup uses. Missing entities are errors
// with code NoSuchEntity (ErrorCode).
type IAMAPI interface {
	GetRole(ctx context.Context, name string) (Role, error)
	CreateRole(ctx context.Context, name, trustPolicy, description string) error
	UpdateAssumeRolePolicy(ctx context.Context, name, trustPolicy string) error
	// GetRolePolicy returns the inline policy document as IAM stores it.
	GetRolePolicy(ctx context.Context, role, policy string) (string, error)
	PutRolePolicy(ctx context.Context, role, policy, document string) error
	GetInstanceProfile(ctx context.Context, name string) (InstanceProfile, error)
	CreateInstanceProfile(ctx context.Context, name string) (InstanceProfile, error)
	AddRoleToInstanceProfile(ctx context.Context, profile, role string) error
}

// iamQuery implements IAMAPI with IAM's query API.
type iamQuery struct{ q *queryClient }

// NewIAM returns the IAM calls for cfg.
func NewIAM(cfg sdk.Config) IAMAPI {
	q := newQueryClient(cfg, "IAM", "iam", "2010-05-08")
	q.global = true
	return iamQuery{q}
}

type xmlRole struct {
	Name  string `xml:"RoleName"`
	ARN   string `xml:"Arn"`
	Trust string `xml:"AssumeRolePolicyDocument"`
}

type xmlProfile struct {
	Name  string   `xml:"InstanceProfileName"`
	ARN   string   `xml:"Arn"`
	Roles []string `xml:"Roles>member>RoleName"`
}

func (i iamQuery) GetRole(ctx context.Context, name string) (Role, error) {
	var out struct {
		Role xmlRole `xml:"GetRoleResult>Role"`
	}
	err := i.q.call(ctx, "GetRole", url.Values{"RoleName": {name}}, &out)
	return Role{Name: out.Role.Name, ARN: out.Role.ARN, TrustPolicy: out.Role.Trust}, err
}

func (i iamQuery) CreateRole(ctx context.Context, name, trust, description string) error {
	return i.q.call(ctx, "CreateRole", url.Values{"RoleName": {name}, "AssumeRolePolicyDocument": {trust},
		"Description": {description}}, nil)
}

func (i iamQuery) UpdateAssumeRolePolicy(ctx context.Context, name, trust string) error {
	return i.q.call(ctx, "UpdateAssumeRolePolicy", url.Values{"RoleName": {name}, "PolicyDocument": {trust}}, nil)
}

func (i iamQuery) GetRolePolicy(ctx context.Context, role, policy string) (string, error) {
	var out struct {
		Document string `xml:"GetRolePolicyResult>PolicyDocument"`
	}
	err := i.q.call(ctx, "GetRolePolicy", url.Values{"RoleName": {role}, "PolicyName": {policy}}, &out)
	return out.Document, err
}

func (i iamQuery) PutRolePolicy(ctx context.Context, role, policy, document string) error {
	return i.q.call(ctx, "PutRolePolicy", url.Values{"RoleName": {role}, "PolicyName": {policy},
		"PolicyDocument": {document}}, nil)
}

func (i iamQuery) GetInstanceProfile(ctx context.Context, name string) (InstanceProfile, error) {
	var out struct {
		P xmlProfile `xml:"GetInstanceProfileResult>InstanceProfile"`
	}
	err := i.q.call(ctx, "GetInstanceProfile", url.Values{"InstanceProfileName": {name}}, &out)
	return InstanceProfile(out.P), err
}

func (i iamQuery) CreateInstanceProfile(ctx context.Context, name string) (InstanceProfile, error) {
	var out struct {
		P xmlProfile `xml:"CreateInstanceProfileResult>InstanceProfile"`
	}
	err := i.q.call(ctx, "CreateInstanceProfile", url.Values{"InstanceProfileName": {name}}, &out)
	return InstanceProfile(out.P), err
}

func (i iamQuery) AddRoleToInstanceProfile(ctx context.Context, profile, role string) error {
	return i.q.call(ctx, "AddRoleToInstanceProfile", url.Values{"InstanceProfileName": {profile}, "RoleName": {role}}, nil)
}

// CallerAccount returns the account of the credentials in use (STS
// GetCallerIdentity). Only the account is used: the answer's UserId can be
// an access key id.
func CallerAccount(ctx context.Context, cfg sdk.Config) (string, error) {
	var out struct {
		Account string `xml:"GetCallerIdentityResult>Account"`
	}
	if err := newQueryClient(cfg, "STS", "sts", "2011-06-15").call(ctx, "GetCallerIdentity", nil, &out); err != nil {
		return "", Explain(err)
	}
	return out.Account, nil
}

// RolePolicy returns a role's inline policy as IAM stores it, URL-decoded.
func RolePolicy(ctx context.Context, cfg sdk.Config, role, policy string) (string, error) {
	doc, err := NewIAM(cfg).GetRolePolicy(ctx, role, policy)
	if err != nil {
		return "", Explain(err)
	}
	return DecodeDocument(doc), nil
}
