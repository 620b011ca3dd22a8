package sizing

import (
	"math"
	"sort"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
)

// Instance advice: the smallest type per family whose memory holds the
// measured use plus headroom (or plus what the web tier may still grow to
// within its limits, when that is more). Burstable types stay in the list:
// they are advised against only when this instance's own CloudWatch
// history shows the CPU above their baseline; a sample of seconds only
// adds a caveat.

const (
	memHeadroom   = 1.25 // measured use + 25 %
	minNeedMB     = 512
	usableShare   = 0.95 // MemTotal is ~95 % of the GiB a type lists
	cpuTargetUtil = 0.7  // non-burstable: keep the load under 70 %
)

// Options for Build and Assess.
type Options struct {
	Catalog          *Catalog
	ServerPriceUSD   float64 // --server-price: purchase price of a physical server
	ServerMonthlyUSD float64 // --server-monthly: power, rack, support per month
	// Region is the region advice is for (--region, else the instance's);
	// "" means the catalog's, said so in the report.
	Region string
	// This instance, when on EC2 (its history is read by History).
	InstanceID   string
	InstanceType string
	// Ports to AWS (aws/ implements them; nil: not used).
	History HistorySource
	Types   TypeSource
	Prices  PriceSource
	Journal JournalReader
	// NoCredentials: the ports are nil because no AWS credentials were
	// found (said in a note).
	NoCredentials bool
	// Looked up by Assess; Build uses what is here.
	history    *CPUHistory
	types      []InstanceType
	prices     map[string]float64
	lookupNote []Note
}

// adviceFamilies are the families advice draws from, by role. Graviton
// (arm64) families are used when the region's types come from EC2.
var (
	burstFamilies = []string{"t3", "t3a", "t4g"}
	stdFamilies   = map[string][]string{"c": {"c6i", "c7g"}, "m": {"m6i", "m7g"}, "r": {"r6i", "r7g"}}
)

// advise fills Need, Instances and Catalog. growthMB is how much the web
// tier may still grow within its limits (capped at what fits this box).
// fixedMB are the fixed buffers at their configured size and
// residentFixedMB the part of them resident now: they count at their
// configured size, cold or warm, and headroom applies only to the rest.
func advise(r *Report, m Measurement, opt Options, growthMB float64, fixedMB, residentFixedMB int64) {
	used := r.Memory.TotalMB - r.Memory.AvailableMB
	variable := max(0, used-residentFixedMB)
	need := max(fixedMB+max(int64(math.Ceil(float64(variable)*memHeadroom)), int64(math.Ceil(float64(variable)+growthMB))), minNeedMB)
	busy := 0.0
	from := Msg{i18n.SizingCPUFromNone, nil}
	switch h := opt.history; {
	case h != nil && h.Points > 0 && r.CPU.VCPU > 0:
		r.CPU.History, r.CPU.Source = h, "cloudwatch"
		busy = h.P95Percent / 100 * float64(r.CPU.VCPU)
		from = Msg{i18n.SizingCPUFromHistory, []any{h.Days}}
	case r.CPU.Sampled:
		busy = m.CPU.BusyVCPU()
		from = Msg{i18n.SizingCPUFromSample, []any{r.CPU.SampleSeconds}}
	}
	if opt.NoCredentials {
		r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteNoCredentials})
	}
	r.Notes = append(r.Notes, opt.lookupNote...)
	vcpu := max(2, int(math.Ceil(busy/cpuTargetUtil)))
	ratio := float64(need) / 1024 / float64(vcpu)
	fam := "r"
	switch {
	case ratio <= 2:
		fam = "c"
	case ratio <= 4:
		fam = "m"
	}
	r.Need = Need{MemoryMB: need, UsedMB: used, GrowthMB: int64(math.Ceil(growthMB)), VCPU: round2(busy), Family: fam, CPUFrom: from,
		FixedMB: fixedMB, VariableMB: variable}
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
	region := opt.Region
	if region == "" {
		region = c.Region
	}
	r.Catalog = CatalogInfo{Date: c.Date, Source: c.Source, Kind: c.SourceKind, Region: c.Region, Currency: c.Currency,
		AdviceRegion: region, TypesFrom: "catalog", PricesFrom: "none"}
	types := candidateTypes(c, opt, region, &r.Catalog)
	if r.Catalog.PricesFrom == "none" {
		r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteRegionUnpriced, Args: []any{region, c.Region}})
	}
	fitsMem := func(t InstanceType) bool { return t.MemoryGiB*1024*usableShare >= float64(need) }
	byFamily := map[string][]InstanceType{}
	for _, t := range types {
		byFamily[t.Family] = append(byFamily[t.Family], t)
	}
	for _, ts := range byFamily {
		sort.SliceStable(ts, func(i, j int) bool {
			return ts[i].MemoryGiB < ts[j].MemoryGiB || (ts[i].MemoryGiB == ts[j].MemoryGiB && ts[i].VCPU < ts[j].VCPU)
		})
	}
	historyAbove := false
	var burst []InstanceOffer
	for _, f := range burstFamilies {
		for _, t := range byFamily[f] {
			if !fitsMem(t) {
				continue
			}
			o := offer(t)
			switch {
			case r.CPU.Source == "none":
				o.CPUFit = "unmeasured"
			case busy <= t.BaselineVCPU():
				o.CPUFit = "baseline_ok"
			case r.CPU.Source == "cloudwatch":
				historyAbove = true
				o.CPUFit = ""
			default:
				o.CPUFit = "sample_above_baseline"
			}
			if o.CPUFit != "" {
				burst = append(burst, o)
			}
			break
		}
	}
	var standard []InstanceOffer
	order := []string{fam}
	for _, f := range []string{"c", "m", "r"} {
		if f != fam {
			order = append(order, f)
		}
	}
	for _, role := range order {
		for _, f := range stdFamilies[role] {
			for _, t := range byFamily[f] {
				if fitsMem(t) && t.VCPU >= vcpu {
					standard = append(standard, offer(t))
					break
				}
			}
		}
	}
	all := append(burst, standard...)
	// Cheapest first (unpriced: smallest first); the family the host's
	// memory per vCPU points at wins ties.
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.Priced && b.Priced {
			return a.HourlyUSD < b.HourlyUSD
		}
		if a.Priced != b.Priced {
			return a.Priced
		}
		return a.MemoryGiB < b.MemoryGiB
	})
	r.Instances = append(r.Instances, all...)
	for _, o := range burst {
		r.Need.Burstable = r.Need.Burstable || o.CPUFit == "baseline_ok"
	}
	if len(burst) > 0 {
		// Running flat out costs the surcharge on what the baseline's own
		// credits do not cover: vCPUs × (1 − baseline) × rate × 730 h.
		o := burst[0]
		fam, _, _ := strings.Cut(o.Type, ".")
		rate := surcharge(c, fam)
		if rate == 0 {
			rate = surcharge(c, "t3")
		}
		month := float64(o.VCPU) * (1 - o.BaselinePct/100) * rate * 730
		r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteCredits, Args: []any{surcharge(c, "t3"), surcharge(c, "t4g"), o.Type, o.VCPU, o.BaselinePct, month}})
	}
	switch {
	case r.CPU.Source == "none" && len(burst) > 0:
		r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteNoCPU})
	case historyAbove:
		h := r.CPU.History
		r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteHistoryAboveBase, Args: []any{h.Days, h.P95Percent, round2(busy)}})
	default:
		for _, o := range burst {
			if o.CPUFit == "sample_above_baseline" {
				r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteSampleAboveBase, Args: []any{r.CPU.SampleSeconds, round2(busy)}})
				break
			}
		}
	}
	if h := r.CPU.History; h != nil && h.CreditBalanceMin != nil && *h.CreditBalanceMin < 1 {
		r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteCreditsExhausted, Args: []any{h.Days}})
	}
	for _, o := range r.Instances {
		if m.Arch == "arm64" && o.Arch != "arm64" {
			// On Graviton, arm64 types are the same-arch option; x86 is the move.
			r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteX86Move})
			break
		}
		if m.Arch != "arm64" && o.Arch == "arm64" {
			r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteArm})
			break
		}
	}
	for _, o := range r.Instances {
		if o.Priced && (o.OnDemandEstimate || o.ReservedEstimate) {
			r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteEstimates})
			break
		}
	}
}

// candidateTypes are the types advice may pick for region: the region's
// own offerings when EC2 told them (opt.types), else the catalog's; priced
// from the Price List API (opt.prices), else from the catalog when it is
// for region, else unpriced. info records where each came from.
func candidateTypes(c *Catalog, opt Options, region string, info *CatalogInfo) []InstanceType {
	catalog := map[string]InstanceType{}
	for _, t := range c.Types {
		catalog[t.Type] = t
	}
	types := c.Types
	if len(opt.types) > 0 {
		types, info.TypesFrom = opt.types, "ec2-api"
	}
	out := make([]InstanceType, 0, len(types))
	for _, t := range types {
		ct, inCatalog := catalog[t.Type]
		if t.Burstable && t.BaselinePct == 0 {
			t.BaselinePct = burstBaseline(t.Type)
		}
		switch usd, ok := opt.prices[t.Type]; {
		case ok && usd > 0:
			t.HourlyUSD, t.OnDemandEstimate = usd, false
			t.Reserved1YUSD, t.Reserved3YUSD, t.ReservedEstimate = reservedEstimate(t.Family, usd)
			if inCatalog && !ct.ReservedEstimate && c.Region == region {
				t.Reserved1YUSD, t.Reserved3YUSD, t.ReservedEstimate = ct.Reserved1YUSD, ct.Reserved3YUSD, false
			}
			t.priced = true
			info.PricesFrom, info.PricesRegion = "price-list-api", region
		case inCatalog && c.Region == region:
			t.HourlyUSD, t.OnDemandEstimate = ct.HourlyUSD, ct.OnDemandEstimate
			t.Reserved1YUSD, t.Reserved3YUSD, t.ReservedEstimate = ct.Reserved1YUSD, ct.Reserved3YUSD, ct.ReservedEstimate
			t.priced = true
			if info.PricesFrom == "none" {
				info.PricesFrom, info.PricesRegion = "catalog", region
			}
		default:
			// Never another region's price: no price.
			t.HourlyUSD, t.Reserved1YUSD, t.Reserved3YUSD = 0, 0, 0
			t.OnDemandEstimate, t.ReservedEstimate, t.priced = false, false, false
		}
		out = append(out, t)
	}
	return out
}

// reservedEstimate is the no-upfront effective hourly by the catalog's
// rules of thumb (see catalog.json "method").
func reservedEstimate(family string, od float64) (ri1, ri3 float64, estimate bool) {
	d1, d3 := 0.37, 0.55
	if strings.HasPrefix(family, "t") {
		d1, d3 = 0.18, 0.45
	}
	return math.Round(od*(1-d1)*1e5) / 1e5, math.Round(od*(1-d3)*1e5) / 1e5, true
}

// burstBaseline is the baseline per vCPU of t3/t3a/t4g sizes (AWS's
// burstable credit table; the three families share it).
func burstBaseline(typ string) float64 {
	_, size, _ := strings.Cut(typ, ".")
	return map[string]float64{"nano": 5, "micro": 10, "small": 20, "medium": 20, "large": 30, "xlarge": 40, "2xlarge": 40}[size]
}

func surcharge(c *Catalog, fam string) float64 { return c.Surcharge[fam] }

func offer(t InstanceType) InstanceOffer {
	arch := t.Arch
	if arch == "" {
		arch = "x86_64"
	}
	return InstanceOffer{
		Type: t.Type, VCPU: t.VCPU, MemoryGiB: t.MemoryGiB, Burstable: t.Burstable,
		BaselinePct: t.BaselinePct, HourlyUSD: t.HourlyUSD,
		ThreeYearUSD: ThreeYear{
			OnDemand:   round2(t.HourlyUSD * HoursThreeYears),
			Reserved1Y: round2(t.Reserved1YUSD * HoursThreeYears),
			Reserved3Y: round2(t.Reserved3YUSD * HoursThreeYears),
		},
		OnDemandEstimate: t.OnDemandEstimate, ReservedEstimate: t.ReservedEstimate,
		Arch: arch, Priced: t.priced,
	}
}
