package aws

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/pricing"
	ptypes "github.com/aws/aws-sdk-go-v2/service/pricing/types"
)

// PriceList reads on-demand Linux prices from the AWS Price List Query
// API (GetProducts, paginated): the sizing.PriceSource port. The API has
// endpoints in us-east-1 and ap-south-1 only, whatever region the prices
// are for.
type PriceList struct{ cfg sdk.Config }

// NewPriceList builds the adapter.
func NewPriceList(cfg sdk.Config) PriceList { return PriceList{cfg} }

// PricingEndpointRegion is the Price List Query API region closest to the
// region asked about.
func PricingEndpointRegion(region string) string {
	if strings.HasPrefix(region, "ap-") || strings.HasPrefix(region, "me-") {
		return "ap-south-1"
	}
	return "us-east-1"
}

// OnDemandUSD implements sizing.PriceSource: Linux, shared tenancy, no
// pre-installed software, capacity "Used", USD per hour.
func (s PriceList) OnDemandUSD(ctx context.Context, region string, types []string) (map[string]float64, error) {
	c := pricing.NewFromConfig(s.cfg, func(o *pricing.Options) {
		o.Region = PricingEndpointRegion(region)
		o.APIOptions = apiOptions(o.APIOptions)
	})
	term := func(field, value string) ptypes.Filter {
		return ptypes.Filter{Type: ptypes.FilterTypeTermMatch, Field: sdk.String(field), Value: sdk.String(value)}
	}
	filters := []ptypes.Filter{
		term("regionCode", region), term("operatingSystem", "Linux"), term("tenancy", "Shared"),
		term("preInstalledSw", "NA"), term("capacitystatus", "Used"), term("licenseModel", "No License required"),
	}
	if len(types) > 0 {
		filters = append(filters, ptypes.Filter{Type: ptypes.FilterTypeAnyOf, Field: sdk.String("instanceType"), Value: sdk.String(strings.Join(types, ","))})
	}
	out := map[string]float64{}
	p := pricing.NewGetProductsPaginator(c, &pricing.GetProductsInput{
		ServiceCode: sdk.String("AmazonEC2"), Filters: filters, FormatVersion: sdk.String("aws_v1"),
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, shortErr(err)
		}
		for _, doc := range page.PriceList {
			if typ, usd, ok := onDemandHourly(doc, region); ok {
				out[typ] = usd
			}
		}
	}
	return out, nil
}

// priceDoc is the part of a Price List product document read here.
type priceDoc struct {
	Product struct {
		Attributes map[string]string `json:"attributes"`
	} `json:"product"`
	Terms struct {
		OnDemand map[string]struct {
			PriceDimensions map[string]struct {
				Unit         string            `json:"unit"`
				PricePerUnit map[string]string `json:"pricePerUnit"`
			} `json:"priceDimensions"`
		} `json:"OnDemand"`
	} `json:"terms"`
}

// onDemandHourly reads one product document: its instance type and the
// hourly USD price, for region only (never another region's).
func onDemandHourly(doc, region string) (string, float64, bool) {
	var d priceDoc
	if err := json.Unmarshal([]byte(doc), &d); err != nil {
		return "", 0, false
	}
	a := d.Product.Attributes
	if a["regionCode"] != region || a["instanceType"] == "" {
		return "", 0, false
	}
	for _, t := range d.Terms.OnDemand {
		for _, pd := range t.PriceDimensions {
			if pd.Unit != "Hrs" {
				continue
			}
			if usd, err := strconv.ParseFloat(pd.PricePerUnit["USD"], 64); err == nil && usd > 0 {
				return a["instanceType"], usd, true
			}
		}
	}
	return "", 0, false
}
