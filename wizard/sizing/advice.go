package sizing

import (
	"math"
	"sort"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
)

// Instance advice: the smallest type per family whose memory holds the
// measured use plus headroom (or plus what Apache/PHP-FPM may still grow to
// within their limits, when that is more), burstable only when the CPU sample stays
// under the type's baseline.

const (
	memHeadroom   = 1.25 // measured use + 25 %
	minNeedMB     = 512
	usableShare   = 0.95 // MemTotal is ~95 % of the GiB a type lists
	cpuTargetUtil = 0.7  // non-burstable: keep the sampled load under 70 %
)

// Options for Build.
type Options struct {
	Catalog          *Catalog
	ServerPriceUSD   float64 // --server-price: purchase price of a physical server
	ServerMonthlyUSD float64 // --server-monthly: power, rack, support per month
}

// growthMB is how much the forking services (Apache, PHP-FPM) may still
// grow within their configured limits (capped at what fits this box).
func advise(r *Report, m Measurement, opt Options, growthMB float64) {
	used := r.Memory.TotalMB - r.Memory.AvailableMB
	need := max(int64(math.Ceil(float64(used)*memHeadroom)), int64(math.Ceil(float64(used)+growthMB)), minNeedMB)
	busy := 0.0
	if r.CPU.Sampled {
		busy = m.CPU.BusyVCPU()
	}
	vcpu := max(2, int(math.Ceil(busy/cpuTargetUtil)))
	ratio := float64(need) / 1024 / float64(vcpu)
	fam := "r"
	switch {
	case ratio <= 2:
		fam = "c"
	case ratio <= 4:
		fam = "m"
	}
	r.Need = Need{MemoryMB: need, UsedMB: used, GrowthMB: int64(math.Ceil(growthMB)), VCPU: round2(busy), Family: fam}
	if opt.ServerPriceUSD > 0 || opt.ServerMonthlyUSD > 0 {
		r.Server = &ServerCost{
			PurchaseUSD: opt.ServerPriceUSD, MonthlyUSD: opt.ServerMonthlyUSD,
			ThreeYearUSD: round2(opt.ServerPriceUSD + 36*opt.ServerMonthlyUSD),
		}
	}
	c := opt.Catalog
	if c == nil {
		return
	}
	r.Catalog = CatalogInfo{Date: c.Date, Source: c.Source, Kind: c.SourceKind, Region: c.Region, Currency: c.Currency}
	fitsMem := func(t InstanceType) bool { return t.MemoryGiB*1024*usableShare >= float64(need) }

	var burst []InstanceOffer
	for _, f := range c.AdviceFamilies.Burstable {
		// The smallest type that holds the memory must also hold the CPU
		// load at its baseline: buying a bigger t3 for its baseline costs
		// more than an m/c type with full-time CPU.
		for _, t := range c.Family(f) {
			if fitsMem(t) {
				if busy <= t.BaselineVCPU() {
					burst = append(burst, offer(t))
				}
				break
			}
		}
	}
	r.Need.Burstable = len(burst) > 0 && r.CPU.Sampled
	std := map[string]string{"c": c.AdviceFamilies.C, "m": c.AdviceFamilies.M, "r": c.AdviceFamilies.R}
	order := []string{fam}
	for _, f := range []string{"c", "m", "r"} {
		if f != fam {
			order = append(order, f)
		}
	}
	var standard []InstanceOffer
	for _, f := range order {
		for _, t := range c.Family(std[f]) {
			if fitsMem(t) && t.VCPU >= vcpu {
				standard = append(standard, offer(t))
				break
			}
		}
	}
	// Cheapest first: the ratio picks the family to try first, but a
	// larger type in it can cost more than a smaller one of the next.
	sort.SliceStable(standard, func(i, j int) bool { return standard[i].HourlyUSD < standard[j].HourlyUSD })
	if r.Need.Burstable {
		r.Instances = append(r.Instances, burst...)
		r.Instances = append(r.Instances, standard[:min(1, len(standard))]...)
		r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteCredits, Args: []any{surcharge(c, "t3"), surcharge(c, "t4g"), surcharge(c, "t3") * 2 * 730}})
		for _, o := range burst {
			if strings.HasPrefix(o.Type, "t4g.") {
				r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteArm})
				break
			}
		}
	} else {
		r.Instances = append(r.Instances, standard...)
		if r.CPU.Sampled {
			r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteNoBurstable, Args: []any{busy}})
		}
	}
	for _, o := range r.Instances {
		if o.OnDemandEstimate || o.ReservedEstimate {
			r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteEstimates})
			break
		}
	}
}

func surcharge(c *Catalog, fam string) float64 { return c.Surcharge[fam] }

func offer(t InstanceType) InstanceOffer {
	return InstanceOffer{
		Type: t.Type, VCPU: t.VCPU, MemoryGiB: t.MemoryGiB, Burstable: t.Burstable,
		BaselinePct: t.BaselinePct, HourlyUSD: t.HourlyUSD,
		ThreeYearUSD: ThreeYear{
			OnDemand:   round2(t.HourlyUSD * HoursThreeYears),
			Reserved1Y: round2(t.Reserved1YUSD * HoursThreeYears),
			Reserved3Y: round2(t.Reserved3YUSD * HoursThreeYears),
		},
		OnDemandEstimate: t.OnDemandEstimate, ReservedEstimate: t.ReservedEstimate,
	}
}
