// Package sizing measures where a host's memory goes (per-service PSS from
// /proc, MemTotal/MemAvailable, a CPU sample), reads the current limits of
// Apache, PHP-FPM, MySQL/MariaDB and Tomcat, and recommends the limits that
// fit, a memory budget, and instance types priced from an embedded catalog.
// It never prints: Build returns a Report; render/sizingtext draws it.
package sizing

import (
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
)

// Report is the sizing result; its JSON form is the stable output of
// `cwsetup sizing --json` (documented in docs/sizing.md).
type Report struct {
	Memory          MemoryFacts      `json:"memory"`
	CPU             CPUFacts         `json:"cpu"`
	Budget          []BudgetLine     `json:"budget"`
	Services        []ServiceReport  `json:"services"`
	Recommendations []Recommendation `json:"recommendations"`
	Need            Need             `json:"need"`
	Instances       []InstanceOffer  `json:"instances"`
	Server          *ServerCost      `json:"server,omitempty"`
	Catalog         CatalogInfo      `json:"catalog"`
	Notes           []Note           `json:"notes"`
	// Added in the one-ledger version; older fields keep their names.
	Web      *WebTier `json:"web_tier,omitempty"`
	Evidence Evidence `json:"evidence"`
	// DB is what the running database said about itself (when tried).
	DB *DBFacts `json:"db,omitempty"`
}

// MemoryFacts are /proc/meminfo and the reserve sizing keeps aside, in MiB.
type MemoryFacts struct {
	TotalMB     int64 `json:"total_mb"`
	AvailableMB int64 `json:"available_mb"`
	ReservedMB  int64 `json:"reserved_mb"` // kernel/OS reserve + file-cache headroom
	KernelMB    int64 `json:"kernel_mb"`   // measured: unreclaimable slab, stacks, page tables
	SwapMB      int64 `json:"swap_mb"`
	SwapUsedMB  int64 `json:"swap_used_mb"`
}

// CPUFacts is the CPU sample.
type CPUFacts struct {
	VCPU          int     `json:"vcpu"`
	BusyPercent   float64 `json:"busy_percent"`
	BusyVCPU      float64 `json:"busy_vcpu"`
	SampleSeconds float64 `json:"sample_seconds"`
	Sampled       bool    `json:"sampled"`
	// Source says what the CPU figure advice used is: "cloudwatch" (this
	// instance's own history), "sample" (the seconds above, never a
	// sustained figure) or "none".
	Source  string      `json:"source"`
	History *CPUHistory `json:"history,omitempty"`
}

// CPUHistory is this instance's CloudWatch CPU history.
type CPUHistory struct {
	Days       int     `json:"days"`
	Points     int     `json:"points"`
	AvgPercent float64 `json:"avg_percent"`
	P95Percent float64 `json:"p95_percent"`
	MaxPercent float64 `json:"max_percent"`
	// Burstable instances: the lowest and the last CPUCreditBalance and
	// the highest CPUSurplusCreditBalance (credits spent beyond the balance).
	CreditBalanceMin  *float64 `json:"credit_balance_min,omitempty"`
	CreditBalanceLast *float64 `json:"credit_balance_last,omitempty"`
	SurplusCreditsMax *float64 `json:"surplus_credit_balance_max,omitempty"`
}

// BudgetLine is one row of the memory budget table.
type BudgetLine struct {
	Name string `json:"name"` // os_reserve, cache_headroom, a service name, unassigned, over (negative: the worst cases do not fit)
	MB   int64  `json:"mb"`
}

// ServiceReport is one service's measured memory.
type ServiceReport struct {
	Name          string  `json:"name"`
	Processes     int     `json:"processes"`
	PSSMB         float64 `json:"pss_mb"`
	AvgChildPSSMB float64 `json:"avg_child_pss_mb"`
	// LargestChildPSSMB is the largest child; limits are sized on it.
	LargestChildPSSMB float64 `json:"largest_child_pss_mb"`
	PSSExact          bool    `json:"pss_exact"`
	ParentPSSMB       float64 `json:"parent_pss_mb"`
	Children          int     `json:"children"`
}

// Severity of a recommendation.
type Severity string

const (
	OK     Severity = "ok"   // the current value is the one recommended
	Tune   Severity = "tune" // the current value fits, but another is recommended
	Warn   Severity = "warn"
	Danger Severity = "danger"
)

// Recommendation is the value that fits for one directive.
type Recommendation struct {
	Service     string   `json:"service"`
	Scope       string   `json:"scope,omitempty"` // PHP-FPM pool name
	Directive   string   `json:"directive"`
	Current     string   `json:"current"` // "" when unknown
	Default     bool     `json:"current_is_default"`
	Recommended string   `json:"recommended"`
	Severity    Severity `json:"severity"`
	Reason      string   `json:"reason"` // filled by Localize
	ReasonKey   i18n.Key `json:"-"`
	ReasonArgs  []any    `json:"-"`
}

// Need is the measured requirement instance advice is based on.
type Need struct {
	MemoryMB int64 `json:"memory_mb"`
	UsedMB   int64 `json:"used_mb"`
	GrowthMB int64 `json:"growth_mb"` // Apache/PHP-FPM growth up to their limits (capped at what fits)
	// FixedMB are the fixed buffers (MySQL's global buffers, Tomcat's heap)
	// at their configured size, resident or not; VariableMB is the rest of
	// what is used now, the part headroom applies to.
	FixedMB    int64   `json:"fixed_mb"`
	VariableMB int64   `json:"variable_mb"`
	VCPU       float64 `json:"vcpu"`
	Burstable  bool    `json:"burstable_fits"`
	Family     string  `json:"family"` // c, m or r: by the host's memory per vCPU
	CPUFrom    Msg     `json:"-"`      // what VCPU is: a sample, CloudWatch history, nothing
	// CPUText is CPUFrom in the report's language (filled by Localize).
	CPUText string `json:"cpu_from"`
}

// InstanceOffer is one suggested instance type with its prices.
type InstanceOffer struct {
	Type         string    `json:"type"`
	VCPU         int       `json:"vcpu"`
	MemoryGiB    float64   `json:"memory_gib"`
	Burstable    bool      `json:"burstable"`
	BaselinePct  float64   `json:"baseline_percent,omitempty"`
	HourlyUSD    float64   `json:"hourly_usd"`
	ThreeYearUSD ThreeYear `json:"three_year_usd"`
	// OnDemandEstimate and ReservedEstimate mark figures derived by rule
	// of thumb rather than read from a price list.
	OnDemandEstimate bool   `json:"on_demand_estimate"`
	ReservedEstimate bool   `json:"reserved_estimate"`
	Arch             string `json:"arch"`
	// Priced is false when no price is known for the advice region (the
	// prices fields are then 0).
	Priced bool `json:"priced"`
	// CPUFit: "baseline_ok", "sample_above_baseline" (a sample only: kept
	// with the caveat), "unmeasured", or "" for non-burstable types.
	CPUFit string `json:"cpu_fit,omitempty"`
}

// ThreeYear is a 3-year (26,280 h) cost under each purchase option.
type ThreeYear struct {
	OnDemand   float64 `json:"on_demand"`
	Reserved1Y float64 `json:"reserved_1y"` // 1-year term bought three times
	Reserved3Y float64 `json:"reserved_3y"`
}

// ServerCost is the physical server the user compared with.
type ServerCost struct {
	PurchaseUSD  float64 `json:"purchase_usd"`
	MonthlyUSD   float64 `json:"monthly_usd"`
	ThreeYearUSD float64 `json:"three_year_usd"`
}

// CatalogInfo says where the types and prices come from. Region is the
// embedded catalog's; PricesRegion is the region the prices shown are for
// ("" when none are shown: the catalog lacks the advice region and the
// Price List API was not reachable).
type CatalogInfo struct {
	Date         string `json:"date"`
	Source       string `json:"source"`
	Kind         string `json:"source_kind"` // hand-collected | price-list
	Region       string `json:"region"`
	Currency     string `json:"currency"`
	AdviceRegion string `json:"advice_region"`
	PricesRegion string `json:"prices_region"`
	PricesFrom   string `json:"prices_from"` // catalog | price-list-api | none
	TypesFrom    string `json:"types_from"`  // catalog | ec2-api
}

// Note is an explanation attached to the report (fallbacks, credits).
type Note struct {
	Key  i18n.Key `json:"key"`
	Text string   `json:"text"` // filled by Localize
	Args []any    `json:"-"`
}

// Localize fills the human texts (reasons, notes) in p's language.
func (r *Report) Localize(p i18n.Printer) {
	for i := range r.Recommendations {
		rc := &r.Recommendations[i]
		rc.Reason = strings.Join(strings.Fields(p.T(rc.ReasonKey, localArgs(p, rc.ReasonArgs)...)), " ")
	}
	r.Need.CPUText = localArgs(p, []any{r.Need.CPUFrom})[0].(string)
	for i := range r.Notes {
		r.Notes[i].Text = p.T(r.Notes[i].Key, localArgs(p, r.Notes[i].Args)...)
	}
}

// localArgs renders arguments that are catalog keys (the closing sentence
// of a reason) in p's language.
func localArgs(p i18n.Printer, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case i18n.Key:
			a = p.T(v)
		case Msg:
			a = ""
			if v.Key != "" {
				a = p.T(v.Key, localArgs(p, v.Args)...)
			}
		case []Msg: // a sequence, in order
			parts := make([]string, len(v))
			for j, m := range v {
				parts[j] = localArgs(p, []any{m})[0].(string)
			}
			a = strings.Join(parts, " → ")
		}
		out[i] = a
	}
	return out
}

// Msg is a sentence with its own arguments inside a reason; the zero Msg
// renders as nothing.
type Msg struct {
	Key  i18n.Key
	Args []any
}
