package sizing

import (
	"context"
	"errors"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/host"
)

type fakeHistory struct {
	h   CPUHistory
	err error
}

func (f fakeHistory) CPUHistory(context.Context, string, bool, int) (CPUHistory, error) {
	return f.h, f.err
}

type fakePrices map[string]float64

func (f fakePrices) OnDemandUSD(_ context.Context, region string, _ []string) (map[string]float64, error) {
	if region != "eu-west-1" {
		return nil, errors.New("only eu-west-1 here")
	}
	return f, nil
}

func assessFixture(t *testing.T, name string, opt Options) Report {
	t.Helper()
	r, err := host.Open(testpeer.Testdata("sizing", name))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := r.ReadFile("/proc/stat")
	b, _ := r.ReadFile("/proc/stat.later")
	rep, err := Assess(context.Background(), r, SnapshotSampler(a, b), opt)
	if err != nil {
		t.Fatal(err)
	}
	rep.Localize(i18n.New(i18n.EN))
	return rep
}

func noteKeys(r Report) map[i18n.Key]bool {
	k := map[i18n.Key]bool{}
	for _, n := range r.Notes {
		k[n.Key] = true
	}
	return k
}

// CloudWatch history replaces the sample: above the baseline for 14 days,
// burstable types are advised against; under it, they fit.
func TestHistoryDecidesBurstable(t *testing.T) {
	busy := fakeHistory{h: CPUHistory{Days: 14, Points: 4000, AvgPercent: 40, P95Percent: 70, MaxPercent: 99}}
	r := assessFixture(t, "rocky8-prefork-fpm-3", Options{History: busy, InstanceID: "i-0abc", InstanceType: "t3.medium"})
	if r.CPU.Source != "cloudwatch" || r.CPU.History == nil || r.Need.VCPU != 1.4 || r.Need.Burstable {
		t.Fatalf("cpu %+v need %+v", r.CPU, r.Need)
	}
	for _, o := range r.Instances {
		if o.Burstable {
			t.Errorf("burstable %s advised although CloudWatch shows 70%% CPU", o.Type)
		}
	}
	if !noteKeys(r)[i18n.SizingNoteHistoryAboveBase] {
		t.Errorf("notes %+v", r.Notes)
	}
	zero := 0.0
	calm := fakeHistory{h: CPUHistory{Days: 14, Points: 4000, AvgPercent: 3, P95Percent: 6, MaxPercent: 60, CreditBalanceMin: &zero}}
	r = assessFixture(t, "rocky8-prefork-fpm-3", Options{History: calm, InstanceID: "i-0abc", InstanceType: "t3.medium"})
	if !r.Need.Burstable || !r.Instances[0].Burstable || r.Instances[0].CPUFit != "baseline_ok" || !noteKeys(r)[i18n.SizingNoteCreditsExhausted] {
		t.Errorf("calm: need %+v first %+v notes %+v", r.Need, r.Instances[0], r.Notes)
	}
	// A failed read is a note; the sample stays the figure.
	r = assessFixture(t, "rocky8-prefork-fpm-3", Options{History: fakeHistory{err: errors.New("cloudwatch:GetMetricData: AccessDenied")}, InstanceID: "i-0abc"})
	if r.CPU.Source != "sample" || !noteKeys(r)[i18n.SizingNoteHistoryUnavailable] {
		t.Errorf("denied: %+v %+v", r.CPU, r.Notes)
	}
}

// Prices from the Price List are labelled with their region; the catalog's
// Seoul prices never stand in for another region.
func TestPricesAreTheRegions(t *testing.T) {
	r := assessFixture(t, "lamp-4g", Options{Region: "eu-west-1", Prices: fakePrices{"t3.medium": 0.0456, "t4g.medium": 0.0368, "m6i.large": 0.107}})
	if r.Catalog.PricesFrom != "price-list-api" || r.Catalog.PricesRegion != "eu-west-1" || r.Catalog.AdviceRegion != "eu-west-1" {
		t.Fatalf("catalog %+v", r.Catalog)
	}
	seen := map[string]InstanceOffer{}
	for _, o := range r.Instances {
		seen[o.Type] = o
	}
	if o := seen["t3.medium"]; !o.Priced || o.HourlyUSD != 0.0456 || o.OnDemandEstimate || !o.ReservedEstimate {
		t.Errorf("t3.medium %+v", o)
	}
	if o := seen["c6i.large"]; o.Priced || o.HourlyUSD != 0 {
		t.Errorf("c6i.large has no eu-west-1 price but shows %+v", o)
	}
	// Offline: the catalog's own region is priced from the catalog.
	r = assessFixture(t, "lamp-4g", Options{Prices: fakePrices{}})
	if r.Catalog.PricesFrom != "catalog" || r.Catalog.PricesRegion != "ap-northeast-2" || !noteKeys(r)[i18n.SizingNotePricesUnavailable] {
		t.Errorf("offline fallback: %+v %+v", r.Catalog, r.Notes)
	}
}
