package aws

import (
	"context"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
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

// ec2Associations implements AssociationAPI with the SDK's EC2 client.
type ec2Associations struct{ c *ec2.Client }

// NewAssociations returns the EC2 association calls for cfg.
func NewAssociations(cfg sdk.Config) AssociationAPI {
	return ec2Associations{ec2.NewFromConfig(cfg, func(o *ec2.Options) { o.APIOptions = apiOptions(o.APIOptions) })}
}

func (e ec2Associations) Associations(ctx context.Context, instanceID string) ([]Association, error) {
	p := ec2.NewDescribeIamInstanceProfileAssociationsPaginator(e.c, &ec2.DescribeIamInstanceProfileAssociationsInput{
		Filters: []ec2types.Filter{
			{Name: sdk.String("instance-id"), Values: []string{instanceID}},
			{Name: sdk.String("state"), Values: []string{"associating", "associated"}},
		},
	})
	var as []Association
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, it := range out.IamInstanceProfileAssociations {
			a := Association{ID: sdk.ToString(it.AssociationId), InstanceID: sdk.ToString(it.InstanceId), State: string(it.State)}
			if it.IamInstanceProfile != nil {
				a.ProfileARN = sdk.ToString(it.IamInstanceProfile.Arn)
			}
			as = append(as, a)
		}
	}
	return as, nil
}

func (e ec2Associations) Associate(ctx context.Context, instanceID, profileName string) error {
	_, err := e.c.AssociateIamInstanceProfile(ctx, &ec2.AssociateIamInstanceProfileInput{InstanceId: &instanceID,
		IamInstanceProfile: &ec2types.IamInstanceProfileSpecification{Name: &profileName}})
	return err
}

func (e ec2Associations) Replace(ctx context.Context, associationID, profileName string) error {
	_, err := e.c.ReplaceIamInstanceProfileAssociation(ctx, &ec2.ReplaceIamInstanceProfileAssociationInput{
		AssociationId: &associationID, IamInstanceProfile: &ec2types.IamInstanceProfileSpecification{Name: &profileName}})
	return err
}
