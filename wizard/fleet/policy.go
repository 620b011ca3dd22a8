package fleet

import (
	"bytes"
	"encoding/json"
	"github.com/cwsetup/cwsetup/internal/lazy"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
)

// OperatorPolicyInput is what the operator's policy is scoped to.
type OperatorPolicyInput struct {
	Partition, Region, Account string
	Parameter                  string // the answers parameter (no version)
	Document                   string
	Targets                    []Target
	// LogGroupPrefix scopes the log reads of fleet status; "" for every group.
	LogGroupPrefix string
}

type statement struct {
	Sid       string                    `json:"Sid"`
	Effect    string                    `json:"Effect"`
	Action    []string                  `json:"Action"`
	Resource  any                       `json:"Resource"`
	Condition map[string]map[string]any `json:"Condition,omitempty"`
}

var (
	accountRE = lazy.Regexp(`^[0-9]{12}$`)
	regionRE  = lazy.Regexp(`^[a-z]{2}(-[a-z]+)+-[0-9]$`)
)

// OperatorPolicy is the least-privilege IAM policy for whoever runs
// `fleet publish`, `apply` and `status` (docs/fleet.md, Operator
// permissions): the answers parameter, the document, SendCommand and the
// association calls on that document and only on the targeted instances
// (their tags as ssm:resourceTag conditions, or their ARNs), and the reads
// that take no resource.
func OperatorPolicy(in OperatorPolicyInput) ([]byte, error) {
	if !accountRE().MatchString(in.Account) {
		return nil, i18n.UsageErrorf(i18n.FleetErrPolicyAccount, in.Account)
	}
	if !regionRE().MatchString(in.Region) {
		return nil, i18n.UsageErrorf(i18n.FleetErrPolicyRegion, in.Region)
	}
	if in.Partition == "" {
		in.Partition = "aws"
	}
	if in.LogGroupPrefix != "" && !logGroupRE().MatchString(in.LogGroupPrefix) {
		return nil, i18n.UsageErrorf(i18n.FleetErrBadOutputGroup, in.LogGroupPrefix)
	}
	arn := func(service, resource string) string {
		return "arn:" + in.Partition + ":" + service + ":" + in.Region + ":" + in.Account + ":" + resource
	}
	doc := arn("ssm", "document/"+in.Document)
	send := []string{"ssm:SendCommand", "ssm:CreateAssociation", "ssm:UpdateAssociation"}
	instances := statement{Sid: "SendToTargetedInstances", Effect: "Allow", Action: send}
	if ids := TargetIDs(in.Targets); ids != nil {
		var rs []string
		for _, id := range ids {
			rs = append(rs, arn("ec2", "instance/"+id))
		}
		instances.Resource = rs
	} else {
		instances.Resource = arn("ec2", "instance/*")
		cond := map[string]any{}
		for _, t := range TagTargets(in.Targets) {
			cond["ssm:resourceTag/"+strings.TrimPrefix(t.Key, "tag:")] = t.Values
		}
		instances.Condition = map[string]map[string]any{"StringEquals": cond}
	}
	groups := arn("logs", "log-group:*")
	if in.LogGroupPrefix != "" {
		groups = arn("logs", "log-group:"+strings.TrimSuffix(in.LogGroupPrefix, "/")+"/*")
	}
	p := struct {
		Version   string      `json:"Version"`
		Statement []statement `json:"Statement"`
	}{Version: "2012-10-17", Statement: []statement{
		{Sid: "Answers", Effect: "Allow", Action: []string{"ssm:GetParameter", "ssm:PutParameter", "ssm:GetParameterHistory"},
			Resource: ParameterARN(in.Partition, in.Region, in.Account, in.Parameter)},
		{Sid: "Document", Effect: "Allow", Action: []string{"ssm:GetDocument", "ssm:DescribeDocument", "ssm:CreateDocument",
			"ssm:UpdateDocument", "ssm:UpdateDocumentDefaultVersion"}, Resource: doc},
		{Sid: "SendTheDocument", Effect: "Allow", Action: send, Resource: doc},
		instances,
		{Sid: "ReadWithoutResource", Effect: "Allow", Action: []string{"ssm:DescribeInstanceInformation", "ssm:ListCommands",
			"ssm:ListCommandInvocations", "ssm:GetCommandInvocation", "ssm:ListAssociations", "ssm:DescribeAssociation",
			"ec2:DescribeInstances", "logs:DescribeLogGroups"}, Resource: "*"},
		{Sid: "LogEvidence", Effect: "Allow", Action: []string{"logs:DescribeLogStreams", "logs:FilterLogEvents"}, Resource: groups},
	}}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(p)
	return b.Bytes(), nil
}
