package aws

import (
	"context"
	"net/url"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
)

// Association is an instance's instance-profile association.
type Association struct {
	ID, InstanceID, ProfileARN, State string
}

// AssociationAPI attaches instance profiles to instances.
type AssociationAPI interface {
	// Associations lists the instance's associations that are associating
	// or associated.
	Associations(ctx context.Context, instanceID string) ([]Association, error)
	Associate(ctx context.Context, instanceID, profileName string) error
	Replace(ctx context.Context, associationID, profileName string) error
}

// ec2Associations implements AssociationAPI with EC2's query API.
type ec2Associations struct{ q *queryClient }

// NewAssociations returns the EC2 association calls for cfg.
func NewAssociations(cfg sdk.Config) AssociationAPI {
	return ec2Associations{newQueryClient(cfg, "EC2", "ec2", "2016-11-15")}
}

func (e ec2Associations) Associations(ctx context.Context, instanceID string) ([]Association, error) {
	var out struct {
		Items []struct {
			ID         string `xml:"associationId"`
			InstanceID string `xml:"instanceId"`
			ARN        string `xml:"iamInstanceProfile>arn"`
			State      string `xml:"state"`
		} `xml:"iamInstanceProfileAssociationSet>item"`
		NextToken string `xml:"nextToken"`
	}
	params := url.Values{
		"Filter.1.Name": {"instance-id"}, "Filter.1.Value.1": {instanceID},
		"Filter.2.Name": {"state"}, "Filter.2.Value.1": {"associating"}, "Filter.2.Value.2": {"associated"},
	}
	var as []Association
	for {
		if err := e.q.call(ctx, "DescribeIamInstanceProfileAssociations", params, &out); err != nil {
			return nil, err
		}
		for _, it := range out.Items {
			as = append(as, Association{ID: it.ID, InstanceID: it.InstanceID, ProfileARN: it.ARN, State: it.State})
		}
		if out.NextToken == "" {
			return as, nil
		}
		params.Set("NextToken", out.NextToken)
		out.Items, out.NextToken = nil, ""
	}
}

func (e ec2Associations) Associate(ctx context.Context, instanceID, profileName string) error {
	return e.q.call(ctx, "AssociateIamInstanceProfile", url.Values{
		"InstanceId": {instanceID}, "IamInstanceProfile.Name": {profileName}}, nil)
}

func (e ec2Associations) Replace(ctx context.Context, associationID, profileName string) error {
	return e.q.call(ctx, "ReplaceIamInstanceProfileAssociation", url.Values{
		"AssociationId": {associationID}, "IamInstanceProfile.Name": {profileName}}, nil)
}
