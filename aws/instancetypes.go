package aws

import (
	"context"
	"strings"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/cwsetup/cwsetup/wizard/sizing"
)

// InstanceTypes lists the instance types a region offers, with
// DescribeInstanceTypeOfferings and DescribeInstanceTypes (paginated):
// the sizing.TypeSource port.
type InstanceTypes struct{ cfg sdk.Config }

// NewInstanceTypes builds the adapter; each call uses the region asked for.
func NewInstanceTypes(cfg sdk.Config) InstanceTypes { return InstanceTypes{cfg} }

// describeBatch is DescribeInstanceTypes' limit of names per request.
const describeBatch = 100

// InstanceTypes implements sizing.TypeSource: the types of families
// offered in region.
func (s InstanceTypes) InstanceTypes(ctx context.Context, region string, families []string) ([]sizing.InstanceType, error) {
	c := ec2.NewFromConfig(s.cfg, func(o *ec2.Options) {
		o.Region = region
		o.APIOptions = apiOptions(o.APIOptions)
	})
	want := map[string]bool{}
	for _, f := range families {
		want[f] = true
	}
	// All the region's offerings, filtered here: a wildcard filter
	// ("t3.*") is not understood by every EC2 endpoint (moto matches
	// exactly), and the list is a few pages.
	var names []ec2types.InstanceType
	p := ec2.NewDescribeInstanceTypeOfferingsPaginator(c, &ec2.DescribeInstanceTypeOfferingsInput{
		LocationType: ec2types.LocationTypeRegion,
	})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return nil, shortErr(err)
		}
		for _, o := range out.InstanceTypeOfferings {
			if fam, _, _ := strings.Cut(string(o.InstanceType), "."); want[fam] {
				names = append(names, o.InstanceType)
			}
		}
	}
	var out []sizing.InstanceType
	for i := 0; i < len(names); i += describeBatch {
		batch := names[i:min(i+describeBatch, len(names))]
		dp := ec2.NewDescribeInstanceTypesPaginator(c, &ec2.DescribeInstanceTypesInput{InstanceTypes: batch})
		for dp.HasMorePages() {
			page, err := dp.NextPage(ctx)
			if err != nil {
				return nil, shortErr(err)
			}
			for _, t := range page.InstanceTypes {
				if it, ok := fromEC2(t); ok {
					out = append(out, it)
				}
			}
		}
	}
	return out, nil
}

func fromEC2(t ec2types.InstanceTypeInfo) (sizing.InstanceType, bool) {
	name := string(t.InstanceType)
	fam, _, ok := strings.Cut(name, ".")
	if !ok || t.VCpuInfo == nil || t.MemoryInfo == nil || sdk.ToInt32(t.VCpuInfo.DefaultVCpus) <= 0 {
		return sizing.InstanceType{}, false
	}
	arch := "x86_64"
	if t.ProcessorInfo != nil {
		for _, a := range t.ProcessorInfo.SupportedArchitectures {
			if a == ec2types.ArchitectureTypeArm64 {
				arch = "arm64"
			}
		}
	}
	return sizing.InstanceType{
		Type: name, Family: fam, VCPU: int(sdk.ToInt32(t.VCpuInfo.DefaultVCpus)),
		MemoryGiB: float64(sdk.ToInt64(t.MemoryInfo.SizeInMiB)) / 1024, Arch: arch,
		Burstable: sdk.ToBool(t.BurstablePerformanceSupported),
	}, true
}
