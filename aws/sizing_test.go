package aws

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/sizing"
)

// CPU history against moto: PutMetricData seeds 14 days of CPUUtilization
// and CPUCreditBalance for an instance; the adapter reads them back with
// GetMetricData, and GetMetricStatistics agrees on the average.
func TestMetricHistoryMoto(t *testing.T) {
	cfg, id := motoInstance(t)
	cw := cloudwatch.NewFromConfig(cfg)
	ctx := context.Background()
	now := time.Now().UTC().Truncate(5 * time.Minute)
	dims := []cwtypes.Dimension{{Name: sdk.String("InstanceId"), Value: sdk.String(id)}}
	// Every hour for 14 days minus a bit: 10 % busy, 35 % one hour a day in
	// three; the credit balance falls to 0 once. (Hourly data read with a
	// 1-hour period: moto aggregates each period by scanning every point,
	// which at 5 minutes over 14 days takes longer than a call's deadline.)
	var data []cwtypes.MetricDatum
	n := 0
	now = now.Truncate(time.Hour)
	for ts := now.Add(-14*24*time.Hour + time.Hour); ts.Before(now); ts = ts.Add(time.Hour) {
		cpu, bal := 10.0, 200.0
		if ts.Hour()%3 == 0 {
			cpu = 35
		}
		if n == 100 {
			bal = 0
		}
		data = append(data,
			cwtypes.MetricDatum{MetricName: sdk.String("CPUUtilization"), Dimensions: dims, Timestamp: sdk.Time(ts), Value: sdk.Float64(cpu), Unit: cwtypes.StandardUnitPercent},
			cwtypes.MetricDatum{MetricName: sdk.String("CPUCreditBalance"), Dimensions: dims, Timestamp: sdk.Time(ts), Value: sdk.Float64(bal), Unit: cwtypes.StandardUnitCount})
		n++
	}
	for i := 0; i < len(data); i += 500 {
		if _, err := cw.PutMetricData(ctx, &cloudwatch.PutMetricDataInput{Namespace: sdk.String("AWS/EC2"), MetricData: data[i:min(i+500, len(data))]}); err != nil {
			t.Fatal(err)
		}
	}
	src := NewMetricHistory(cfg)
	src.Period = 3600
	h, err := src.CPUHistory(ctx, id, true, 14)
	if err != nil {
		t.Fatal(err)
	}
	if h.Points < n-2 || h.Days != 14 || h.P95Percent != 35 || h.MaxPercent != 35 || h.AvgPercent < 17 || h.AvgPercent > 19 {
		t.Errorf("history %+v (seeded %d points)", h, n)
	}
	if h.CreditBalanceMin == nil || *h.CreditBalanceMin != 0 || h.CreditBalanceLast == nil || *h.CreditBalanceLast != 200 {
		t.Errorf("credit balance: %+v", h)
	}
	st, err := cw.GetMetricStatistics(ctx, &cloudwatch.GetMetricStatisticsInput{
		Namespace: sdk.String("AWS/EC2"), MetricName: sdk.String("CPUUtilization"), Dimensions: dims,
		StartTime: sdk.Time(now.Add(-15 * 24 * time.Hour)), EndTime: sdk.Time(now.Add(time.Minute)), Period: sdk.Int32(14 * 86400),
		Statistics: []cwtypes.Statistic{cwtypes.StatisticAverage},
	})
	if err != nil || len(st.Datapoints) == 0 {
		t.Fatalf("GetMetricStatistics: %v %+v", err, st)
	}
	var sum, cnt float64
	for _, d := range st.Datapoints {
		sum += sdk.ToFloat64(d.Average)
		cnt++
	}
	if avg := sum / cnt; avg < h.AvgPercent-1 || avg > h.AvgPercent+1 {
		t.Errorf("GetMetricStatistics average %.1f, GetMetricData %.1f", avg, h.AvgPercent)
	}
	// An instance with no data: zero points, no error.
	if h, err := src.CPUHistory(ctx, "i-0000000000000000f", false, 14); err != nil || h.Points != 0 {
		t.Errorf("no data: %+v %v", h, err)
	}
}

// Without credentials the history is not read, and the error says why.
func TestMetricHistoryNoCredentials(t *testing.T) {
	testpeer.SetAWSEnv(t, testpeer.ClosedEndpoint(t))
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", t.TempDir()+"/none")
	t.Setenv("AWS_CONFIG_FILE", t.TempDir()+"/none")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	cfg, err := Load(context.Background(), testpeer.TestRegion)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = NewMetricHistory(cfg).CPUHistory(context.Background(), "i-0123456789abcdef0", true, 14)
	var le *i18n.Error
	if err == nil || !strings.Contains(err.Error(), "credentials") || !asI18n(err, &le) {
		t.Fatalf("no credentials: %v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
}

func asI18n(err error, le **i18n.Error) bool {
	for e := err; e != nil; {
		if x, ok := e.(*i18n.Error); ok {
			*le = x
			return true
		}
		u, ok := e.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		e = u.Unwrap()
	}
	return false
}

// DescribeInstanceTypeOfferings + DescribeInstanceTypes against moto for
// two regions: each region's own offerings, Graviton included.
func TestInstanceTypesMoto(t *testing.T) {
	cfg, _ := motoInstance(t)
	src := NewInstanceTypes(cfg)
	for _, region := range []string{testpeer.TestRegion, "us-east-1"} {
		ts, err := src.InstanceTypes(context.Background(), region, sizing.FamiliesAdvised())
		if err != nil {
			t.Fatalf("%s: %v", region, err)
		}
		got := map[string]sizing.InstanceType{}
		for _, x := range ts {
			got[x.Type] = x
		}
		if x := got["t3.micro"]; x.VCPU != 2 || x.MemoryGiB != 1 || !x.Burstable || x.Arch != "x86_64" {
			t.Errorf("%s t3.micro: %+v", region, x)
		}
		if x := got["m7g.large"]; x.VCPU != 2 || x.MemoryGiB != 8 || x.Arch != "arm64" || x.Burstable {
			t.Errorf("%s m7g.large: %+v", region, x)
		}
		if x := got["t4g.small"]; x.Arch != "arm64" || !x.Burstable {
			t.Errorf("%s t4g.small: %+v", region, x)
		}
		for name := range got {
			fam, _, _ := strings.Cut(name, ".")
			if !strings.Contains(" "+strings.Join(sizing.FamiliesAdvised(), " ")+" ", " "+fam+" ") {
				t.Errorf("%s: %s is not of an advised family", region, name)
			}
		}
		if len(got) < 20 {
			t.Errorf("%s: only %d types", region, len(got))
		}
	}
}

// The Price List Query API: moto has no pricing service, so this test
// replays recorded GetProducts responses (the JSON 1.1 shape AWS returns:
// PriceList holds product documents as strings, paginated by NextToken)
// from an httptest server reached through AWS_ENDPOINT_URL_PRICING.
func TestPriceListRecorded(t *testing.T) {
	doc := func(typ, region, usd string) string {
		b, _ := json.Marshal(map[string]any{
			"product": map[string]any{"productFamily": "Compute Instance", "sku": "SKU" + typ,
				"attributes": map[string]string{"instanceType": typ, "regionCode": region, "operatingSystem": "Linux", "tenancy": "Shared",
					"preInstalledSw": "NA", "capacitystatus": "Used", "vcpu": "2", "memory": "1 GiB", "servicecode": "AmazonEC2"}},
			"serviceCode": "AmazonEC2",
			"terms": map[string]any{"OnDemand": map[string]any{"SKU" + typ + ".JRTCKXETXF": map[string]any{
				"priceDimensions": map[string]any{"SKU" + typ + ".JRTCKXETXF.6YS6EN2CT7": map[string]any{
					"unit": "Hrs", "pricePerUnit": map[string]string{"USD": usd}, "description": "$" + usd + " per On Demand Linux " + typ + " Instance Hour"}},
				"sku": "SKU" + typ, "effectiveDate": "2026-11-01T00:00:00Z"}}},
			"version": "20261101000000", "publicationDate": "2026-11-01T00:00:00Z",
		})
		return string(b)
	}
	var targets, regions []string
	var filters []map[string]string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		targets = append(targets, r.Header.Get("X-Amz-Target"))
		regions = append(regions, credentialRegion(r.Header.Get("Authorization")))
		body, _ := io.ReadAll(r.Body)
		var in struct {
			Filters   []map[string]string
			NextToken string
		}
		_ = json.Unmarshal(body, &in)
		filters = in.Filters
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		if in.NextToken == "" {
			fmt.Fprintf(w, `{"FormatVersion":"aws_v1","NextToken":"page2","PriceList":[%q,%q]}`,
				doc("t3.micro", "ap-northeast-2", "0.0130000000"), doc("m7g.large", "ap-northeast-2", "0.1002000000"))
			return
		}
		// A document of another region never becomes this region's price.
		fmt.Fprintf(w, `{"FormatVersion":"aws_v1","PriceList":[%q,%q]}`,
			doc("c6i.large", "ap-northeast-2", "0.0960000000"), doc("r6i.large", "us-east-1", "0.1260000000"))
	}))
	defer srv.Close()
	t.Setenv("AWS_ENDPOINT_URL_PRICING", srv.URL)
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "secret")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	cfg, err := Load(context.Background(), testpeer.TestRegion)
	if err != nil {
		t.Fatal(err)
	}
	got, err := NewPriceList(cfg).OnDemandUSD(context.Background(), "ap-northeast-2", []string{"t3.micro", "m7g.large", "c6i.large", "r6i.large"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got["t3.micro"] != 0.013 || got["m7g.large"] != 0.1002 || got["c6i.large"] != 0.096 {
		t.Errorf("prices %v", got)
	}
	if len(targets) != 2 || targets[0] != "AWSPriceListService.GetProducts" || regions[0] != "ap-south-1" {
		t.Errorf("requests: %v signed for %v", targets, regions)
	}
	want := map[string]string{"regionCode": "ap-northeast-2", "operatingSystem": "Linux", "instanceType": "t3.micro,m7g.large,c6i.large,r6i.large"}
	for _, f := range filters {
		if v, ok := want[f["Field"]]; ok && f["Value"] != v {
			t.Errorf("filter %v", f)
		}
		delete(want, f["Field"])
	}
	if len(want) != 0 {
		t.Errorf("filters missing %v: %v", want, filters)
	}
	if PricingEndpointRegion("eu-west-1") != "us-east-1" {
		t.Error("Europe should use us-east-1")
	}
}

// credentialRegion is the region of a SigV4 Authorization header's scope.
func credentialRegion(auth string) string {
	_, scope, ok := strings.Cut(auth, "Credential=")
	if !ok {
		return ""
	}
	parts := strings.Split(scope, "/")
	if len(parts) < 3 {
		return ""
	}
	return parts[2]
}
