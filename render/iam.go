package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/cwsetup/cwsetup/internal/lazy"
)

// DefaultRoleName is the role (and instance profile, and inline policy)
// cwsetup creates unless told otherwise.
const DefaultRoleName = "cwsetup-cloudwatch-agent"

// DefaultLogGroupPrefix is the log-group prefix of the default naming
// scheme /ec2/<service>/<log>.
const DefaultLogGroupPrefix = "/ec2/"

// AgentNamespace is the metric namespace the CloudWatch agent writes to;
// PutMetricData is allowed for it only.
const AgentNamespace = "CWAgent"

// PolicyInput is what the least-privilege policy depends on. The answers
// model fills it (PolicyInputFromAnswers); `cwsetup iam policy` fills it
// from flags.
type PolicyInput struct {
	Region  string // e.g. ap-northeast-2
	Account string // 12 digits
	Prefix  string // log-group name prefix, e.g. /ec2/
	// Groups are log groups outside Prefix (names the user typed), allowed
	// by exact name.
	Groups []string
	// AgentCreatesGroups: the agent creates missing log groups itself
	// (logs:CreateLogGroup). False when cwsetup creates them up front.
	AgentCreatesGroups bool
	// AgentSetsRetention: the config has retention_in_days, which the
	// agent applies (logs:PutRetentionPolicy).
	AgentSetsRetention bool
	// Metrics: the config has a metrics section (cloudwatch:PutMetricData
	// in the CWAgent namespace).
	Metrics bool
	// DescribeTags: append_dimensions / ec2_metric_dimensions use tags or
	// the ASG name. DescribeVolumes: disk metrics carry EBS volume ids.
	DescribeTags    bool
	DescribeVolumes bool
	RoleName        string // default DefaultRoleName
	// FleetParameter is the Parameter Store parameter `cwsetup apply
	// --answers-ssm` reads (ssm:GetParameter on it alone), or "".
	FleetParameter string
}

// PolicyError says which input is invalid; Field is the flag/answer name.
type PolicyError struct {
	Field, Value string
}

func (e *PolicyError) Error() string { return fmt.Sprintf("invalid %s %q", e.Field, e.Value) }

var (
	regionRE   = lazy.Regexp(`^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$`)
	accountRE  = lazy.Regexp(`^[0-9]{12}$`)
	logGroupRE = lazy.Regexp(`^[A-Za-z0-9_\-/.#]{1,512}$`)
	roleNameRE = lazy.Regexp(`^[A-Za-z0-9+=,.@_\-]{1,64}$`)
	// paramRE is a Parameter Store name (no version selector: IAM
	// resources name the parameter itself).
	paramRE = lazy.Regexp(`^/?[A-Za-z0-9_.\-]+(/[A-Za-z0-9_.\-]+){0,14}$`)
)

// Validate checks every field the ARNs are built from.
func (in PolicyInput) Validate() error {
	switch {
	case !regionRE().MatchString(in.Region):
		return &PolicyError{"region", in.Region}
	case !accountRE().MatchString(in.Account):
		return &PolicyError{"account", in.Account}
	case !logGroupRE().MatchString(in.Prefix):
		return &PolicyError{"prefix", in.Prefix}
	case !roleNameRE().MatchString(in.EffectiveRoleName()):
		return &PolicyError{"role-name", in.RoleName}
	}
	for _, g := range in.Groups {
		if !logGroupRE().MatchString(g) {
			return &PolicyError{"log-group", g}
		}
	}
	if in.FleetParameter != "" && (!paramRE().MatchString(in.FleetParameter) || len(in.FleetParameter) > 1011) {
		return &PolicyError{"fleet-parameter", in.FleetParameter}
	}
	return nil
}

// FleetParameterARN is the ARN of the fleet answers parameter.
func (in PolicyInput) FleetParameterARN() string {
	return fmt.Sprintf("arn:aws:ssm:%s:%s:parameter/%s", in.Region, in.Account, strings.TrimPrefix(in.FleetParameter, "/"))
}

// EffectiveRoleName is the role name in effect (the default when unset).
func (in PolicyInput) EffectiveRoleName() string {
	if in.RoleName == "" {
		return DefaultRoleName
	}
	return in.RoleName
}

// PolicyDocument is an IAM policy. Field order is the order AWS shows.
type PolicyDocument struct {
	Version   string      `json:"Version"`
	Statement []Statement `json:"Statement"`
}

// Statement is one IAM policy statement.
type Statement struct {
	Sid       string         `json:"Sid,omitempty"`
	Effect    string         `json:"Effect"`
	Principal *Principal     `json:"Principal,omitempty"`
	Action    []string       `json:"Action"`
	Resource  []string       `json:"Resource,omitempty"`
	Condition map[string]any `json:"Condition,omitempty"`
}

// Principal of a trust policy statement.
type Principal struct {
	Service string `json:"Service"`
}

// LeastPrivilegePolicy builds the inline policy of the agent's role.
// in must be valid (Validate).
func LeastPrivilegePolicy(in PolicyInput) PolicyDocument {
	groupARN := fmt.Sprintf("arn:aws:logs:%s:%s:log-group:", in.Region, in.Account)
	groups := []string{groupARN + in.Prefix + "*"}
	for _, g := range in.Groups {
		if !strings.HasPrefix(g, in.Prefix) {
			groups = append(groups, groupARN+g)
		}
	}
	var streams []string
	for _, g := range groups {
		streams = append(streams, g, g+":log-stream:*")
	}
	doc := PolicyDocument{Version: "2012-10-17"}
	doc.Statement = append(doc.Statement, Statement{
		Sid:      "ShipLogsUnderPrefix",
		Effect:   "Allow",
		Action:   []string{"logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"},
		Resource: streams,
	})
	var manage []string
	if in.AgentCreatesGroups {
		manage = append(manage, "logs:CreateLogGroup")
	}
	if in.AgentSetsRetention {
		manage = append(manage, "logs:PutRetentionPolicy")
	}
	if len(manage) > 0 {
		doc.Statement = append(doc.Statement, Statement{
			Sid: "ManageLogGroupsUnderPrefix", Effect: "Allow", Action: manage, Resource: groups,
		})
	}
	// DescribeLogGroups cannot be scoped to a prefix (iam.md).
	doc.Statement = append(doc.Statement, Statement{
		Sid: "ListLogGroups", Effect: "Allow", Action: []string{"logs:DescribeLogGroups"}, Resource: []string{groupARN + "*"},
	})
	if in.Metrics {
		doc.Statement = append(doc.Statement, Statement{
			Sid: "PutAgentMetrics", Effect: "Allow", Action: []string{"cloudwatch:PutMetricData"}, Resource: []string{"*"},
			Condition: map[string]any{"StringEquals": map[string]string{"cloudwatch:namespace": AgentNamespace}},
		})
	}
	var ec2 []string
	if in.DescribeTags {
		ec2 = append(ec2, "ec2:DescribeTags")
	}
	if in.DescribeVolumes {
		ec2 = append(ec2, "ec2:DescribeVolumes")
	}
	if len(ec2) > 0 {
		doc.Statement = append(doc.Statement, Statement{
			Sid: "DescribeInstanceForDimensions", Effect: "Allow", Action: ec2, Resource: []string{"*"},
		})
	}
	// `cwsetup apply --answers-ssm` reads one parameter, nothing else of
	// Systems Manager (the SSM agent's own permissions are
	// AmazonSSMManagedInstanceCore, attached by the operator).
	if in.FleetParameter != "" {
		doc.Statement = append(doc.Statement, Statement{
			Sid: "ReadFleetAnswers", Effect: "Allow", Action: []string{"ssm:GetParameter"},
			Resource: []string{in.FleetParameterARN()},
		})
	}
	return doc
}

// TrustPolicy lets EC2 assume the role.
func TrustPolicy() PolicyDocument {
	return PolicyDocument{Version: "2012-10-17", Statement: []Statement{{
		Effect: "Allow", Principal: &Principal{Service: "ec2.amazonaws.com"}, Action: []string{"sts:AssumeRole"},
	}}}
}

// JSON renders a policy document: 2-space indent, trailing newline.
func (d PolicyDocument) JSON() []byte { return indentJSON(d) }

// Compact renders a policy document on one line, as sent to IAM.
func (d PolicyDocument) Compact() string {
	b, err := json.Marshal(d)
	if err != nil {
		panic(err) // only strings, slices and maps of strings
	}
	return string(b)
}

func indentJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// IAM output formats of `cwsetup iam policy`.
const (
	FormatJSON           = "json"
	FormatTerraform      = "terraform"
	FormatCloudFormation = "cloudformation"
)

// IAMFormats lists the accepted --format values.
var IAMFormats = []string{FormatJSON, FormatTerraform, FormatCloudFormation}

// IAMBundle renders the role's inline policy and trust policy in format.
// part limits JSON output to "policy" or "trust" ("" or "all": both).
func IAMBundle(in PolicyInput, format, part string) ([]byte, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	pol, trust := LeastPrivilegePolicy(in), TrustPolicy()
	switch format {
	case FormatJSON, "":
		switch part {
		case "policy":
			return pol.JSON(), nil
		case "trust":
			return trust.JSON(), nil
		}
		return indentJSON(struct {
			RoleName            string         `json:"role_name"`
			InstanceProfileName string         `json:"instance_profile_name"`
			PolicyName          string         `json:"policy_name"`
			Policy              PolicyDocument `json:"policy"`
			TrustPolicy         PolicyDocument `json:"trust_policy"`
		}{in.EffectiveRoleName(), in.EffectiveRoleName(), in.EffectiveRoleName(), pol, trust}), nil
	case FormatTerraform:
		return terraform(in.EffectiveRoleName(), pol, trust), nil
	case FormatCloudFormation:
		return cloudFormation(in.EffectiveRoleName(), pol, trust), nil
	}
	return nil, &PolicyError{"format", format}
}

func terraform(name string, pol, trust PolicyDocument) []byte {
	heredoc := func(d PolicyDocument) string {
		// Log-group names cannot contain '$' or '%', so nothing in the
		// JSON is a Terraform template sequence.
		lines := strings.Split(strings.TrimRight(string(d.JSON()), "\n"), "\n")
		return "<<-EOT\n    " + strings.Join(lines, "\n    ") + "\n  EOT"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Written by cwsetup: role, least-privilege inline policy and instance profile\n")
	fmt.Fprintf(&b, "# for the CloudWatch agent.\n\n")
	fmt.Fprintf(&b, "resource \"aws_iam_role\" \"cwsetup_agent\" {\n  name               = %q\n  assume_role_policy = %s\n}\n\n", name, heredoc(trust))
	fmt.Fprintf(&b, "resource \"aws_iam_role_policy\" \"cwsetup_agent\" {\n  name   = %q\n  role   = aws_iam_role.cwsetup_agent.id\n  policy = %s\n}\n\n", name, heredoc(pol))
	fmt.Fprintf(&b, "resource \"aws_iam_instance_profile\" \"cwsetup_agent\" {\n  name = %q\n  role = aws_iam_role.cwsetup_agent.name\n}\n", name)
	return []byte(b.String())
}

func cloudFormation(name string, pol, trust PolicyDocument) []byte {
	type policy struct {
		PolicyName     string         `json:"PolicyName"`
		PolicyDocument PolicyDocument `json:"PolicyDocument"`
	}
	type roleProps struct {
		RoleName                 string         `json:"RoleName"`
		AssumeRolePolicyDocument PolicyDocument `json:"AssumeRolePolicyDocument"`
		Policies                 []policy       `json:"Policies"`
	}
	type profileProps struct {
		InstanceProfileName string              `json:"InstanceProfileName"`
		Roles               []map[string]string `json:"Roles"`
	}
	type resource[P any] struct {
		Type       string `json:"Type"`
		Properties P      `json:"Properties"`
	}
	return indentJSON(struct {
		Version     string `json:"AWSTemplateFormatVersion"`
		Description string `json:"Description"`
		Resources   struct {
			Role            resource[roleProps]    `json:"AgentRole"`
			InstanceProfile resource[profileProps] `json:"AgentInstanceProfile"`
		} `json:"Resources"`
	}{
		Version:     "2010-09-09",
		Description: "cwsetup: least-privilege role and instance profile for the CloudWatch agent",
		Resources: struct {
			Role            resource[roleProps]    `json:"AgentRole"`
			InstanceProfile resource[profileProps] `json:"AgentInstanceProfile"`
		}{
			Role: resource[roleProps]{"AWS::IAM::Role", roleProps{name, trust, []policy{{name, pol}}}},
			InstanceProfile: resource[profileProps]{"AWS::IAM::InstanceProfile",
				profileProps{name, []map[string]string{{"Ref": "AgentRole"}}}},
		},
	})
}
