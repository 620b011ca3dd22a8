// Package iamsetup is the IAM setup job (docs/iam.md): the agent's role,
// its trust and inline policy, the instance profile, the instance's
// association, and the log groups and security alarms the answers need.
//
// It works in two steps. Plan reads what exists and computes every change
// without making any; callers show the plan (text, --json, or a screen) and
// ask for confirmation. Apply makes exactly the planned changes and reports
// what was done and what failed. An existing role is adopted only when it
// holds nothing beyond cwsetup's own policy and trusts only EC2, unless the
// spec says AdoptRole (the operator has seen what it holds).
//
// The job prints nothing and imports no AWS SDK: it talks to AWS through the
// ports below, which aws/ implements (aws.IAMSetupPorts).
package iamsetup

import "context"

// Role is an IAM role as the job needs it.
type Role struct {
	Name, ARN string
	// TrustPolicy is the assume-role policy document, JSON (decoded).
	TrustPolicy string
}

// ManagedPolicy is a managed policy attached to a role.
type ManagedPolicy struct{ Name, ARN string }

// InstanceProfile is an IAM instance profile and the roles in it.
type InstanceProfile struct {
	Name, ARN string
	Roles     []string
}

// Association is an instance's instance-profile association.
type Association struct {
	ID, InstanceID, ProfileARN, State string
}

// LogGroup is a log group as it is, or as the spec wants it.
type LogGroup struct {
	Name string `json:"name"`
	// RetentionDays: in a spec 0 leaves retention alone and -1 means never
	// expire; as read from AWS 0 means never expire.
	RetentionDays int `json:"retention_days"`
	// Class is STANDARD or INFREQUENT_ACCESS ("" = the service default,
	// STANDARD; AWS may also leave it out of an answer).
	Class string `json:"class,omitempty"`
}

// Log group classes.
const (
	ClassStandard   = "STANDARD"
	ClassInfrequent = "INFREQUENT_ACCESS"
)

// MetricFilter is a metric filter publishing one metric.
type MetricFilter struct {
	LogGroup, Name, Pattern string
	Namespace, MetricName   string
	Value                   string   // "1"
	DefaultValue            *float64 // 0 for counters
}

// MetricAlarm is a CloudWatch alarm on one metric.
type MetricAlarm struct {
	Name, Description, Namespace, MetricName string
	Statistic, ComparisonOperator            string
	TreatMissingData                         string
	PeriodSeconds, EvaluationPeriods         int32
	Threshold                                float64
	Actions                                  []string
}

// IAM is the part of IAM the job uses. Documents are JSON, already
// URL-decoded. Reads of a single missing entity return nil (or found
// false), not an error.
type IAM interface {
	GetRole(ctx context.Context, name string) (*Role, error)
	CreateRole(ctx context.Context, name, trustPolicy, description string) error
	UpdateAssumeRolePolicy(ctx context.Context, name, trustPolicy string) error
	// ListRolePolicies names the role's inline policies (all pages).
	ListRolePolicies(ctx context.Context, role string) ([]string, error)
	GetRolePolicy(ctx context.Context, role, policy string) (doc string, found bool, err error)
	PutRolePolicy(ctx context.Context, role, policy, document string) error
	// ListAttachedRolePolicies lists the managed policies attached to the
	// role (all pages).
	ListAttachedRolePolicies(ctx context.Context, role string) ([]ManagedPolicy, error)
	// PolicyDocument is the default version of a managed policy.
	PolicyDocument(ctx context.Context, policyARN string) (string, error)
	GetInstanceProfile(ctx context.Context, name string) (*InstanceProfile, error)
	CreateInstanceProfile(ctx context.Context, name string) (InstanceProfile, error)
	AddRoleToInstanceProfile(ctx context.Context, profile, role string) error
}

// EC2 attaches instance profiles to instances. Associate and Replace wait
// out the propagation of a just-created instance profile.
type EC2 interface {
	// Associations lists the instance's associations that are associating
	// or associated.
	Associations(ctx context.Context, instanceID string) ([]Association, error)
	Associate(ctx context.Context, instanceID, profileName string) error
	Replace(ctx context.Context, associationID, profileName string) error
}

// Logs is the part of CloudWatch Logs the job uses.
type Logs interface {
	// DescribeLogGroup returns the group of exactly that name, or nil.
	DescribeLogGroup(ctx context.Context, name string) (*LogGroup, error)
	CreateLogGroup(ctx context.Context, name, class string) error
	PutRetentionPolicy(ctx context.Context, name string, days int) error
	DeleteRetentionPolicy(ctx context.Context, name string) error
	// DescribeMetricFilter returns the group's filter of that name, or nil.
	DescribeMetricFilter(ctx context.Context, group, name string) (*MetricFilter, error)
	PutMetricFilter(ctx context.Context, f MetricFilter) error
}

// Alarms is the part of CloudWatch the job uses.
type Alarms interface {
	// DescribeAlarm returns the alarm of that name, or nil.
	DescribeAlarm(ctx context.Context, name string) (*MetricAlarm, error)
	PutMetricAlarm(ctx context.Context, a MetricAlarm) error
}

// Ports are the job's ways to AWS. EC2 may be nil when the spec has no
// instance; Logs and Alarms when it has no log groups or alarms.
type Ports struct {
	IAM    IAM
	EC2    EC2
	Logs   Logs
	Alarms Alarms
}

// Alarm is a security alarm: a metric filter on a log group and an alarm
// on the metric it feeds (1 per matching event, 0 otherwise).
type Alarm struct {
	LogGroup, FilterName, Pattern string
	Namespace, MetricName         string
	AlarmName, Description        string
	Threshold                     float64 // events per period (Sum >= Threshold)
	PeriodSeconds                 int32
	SNSTopicARN                   string // "" for no notification
}

// Spec is what the setup should end with.
type Spec struct {
	// RoleName is also the instance profile's and the inline policy's name.
	RoleName string
	// PolicyJSON and TrustJSON are the documents `cwsetup iam policy`
	// prints (render.LeastPrivilegePolicy, render.TrustPolicy).
	PolicyJSON, TrustJSON string
	InstanceID            string // "" to skip the association
	LogGroups             []LogGroup
	Alarms                []Alarm
	// AdoptRole takes an existing role that holds more than cwsetup's
	// policy or trusts more than EC2 (after the plan has shown it).
	AdoptRole bool
}

// RoleDescription is the description of a role the job creates.
const RoleDescription = "CloudWatch agent (set up by cwsetup)"

// TrustedService is the only principal the agent's role should trust.
const TrustedService = "ec2.amazonaws.com"
