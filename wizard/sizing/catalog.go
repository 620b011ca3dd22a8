package sizing

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
)

// catalogJSON is the dated price catalog; scripts/refresh-prices rebuilds
// it from the AWS Price List bulk files. Nothing is fetched at run time.
//
//go:embed catalog.json
var catalogJSON []byte

// Catalog is the embedded instance and price catalog.
type Catalog struct {
	Date           string             `json:"date"`
	Source         string             `json:"source"`
	SourceKind     string             `json:"source_kind"` // hand-collected | price-list
	Method         string             `json:"method"`
	Region         string             `json:"region"`
	Currency       string             `json:"currency"`
	AdviceFamilies AdviceFamilies     `json:"advice_families"`
	Surcharge      map[string]float64 `json:"unlimited_surcharge_usd_per_vcpu_hour"`
	Types          []InstanceType     `json:"types"`
}

// AdviceFamilies are the families instance advice draws from.
type AdviceFamilies struct {
	Burstable []string `json:"burstable"`
	C         string   `json:"c"`
	M         string   `json:"m"`
	R         string   `json:"r"`
}

// InstanceType is one catalog row.
type InstanceType struct {
	Type             string  `json:"type"`
	Family           string  `json:"family"`
	VCPU             int     `json:"vcpu"`
	MemoryGiB        float64 `json:"memory_gib"`
	Arch             string  `json:"arch"`
	Burstable        bool    `json:"burstable"`
	BaselinePct      float64 `json:"baseline_percent,omitempty"` // per vCPU
	HourlyUSD        float64 `json:"hourly_usd"`
	OnDemandEstimate bool    `json:"on_demand_estimate"`
	Reserved1YUSD    float64 `json:"reserved_1y_hourly_usd"` // effective hourly, no upfront
	Reserved3YUSD    float64 `json:"reserved_3y_hourly_usd"`
	ReservedEstimate bool    `json:"reserved_estimate"`
	priced           bool    // set by advice for the advice region
}

// BaselineVCPU is the sustained CPU a burstable type earns credits for, in
// vCPU-equivalents (t3.micro: 10 % × 2 = 0.2).
func (t InstanceType) BaselineVCPU() float64 { return t.BaselinePct / 100 * float64(t.VCPU) }

// CreditsPerHour is what a burstable type earns (baseline × vCPU × 60).
func (t InstanceType) CreditsPerHour() float64 { return t.BaselineVCPU() * 60 }

// HoursThreeYears is the hours in a 3-year comparison (3 × 8760).
const HoursThreeYears = 26280

// LoadCatalog parses the embedded catalog.
func LoadCatalog() (*Catalog, error) { return ParseCatalog(catalogJSON) }

// ParseCatalog parses and checks a catalog file.
func ParseCatalog(b []byte) (*Catalog, error) {
	var c Catalog
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("price catalog: %w", err)
	}
	if c.Date == "" || c.Region == "" || len(c.Types) == 0 {
		return nil, fmt.Errorf("price catalog: date, region and types are required")
	}
	for _, t := range c.Types {
		if t.VCPU <= 0 || t.MemoryGiB <= 0 || t.HourlyUSD <= 0 {
			return nil, fmt.Errorf("price catalog: %s has no vCPU, memory or price", t.Type)
		}
		if t.Burstable && t.BaselinePct <= 0 {
			return nil, fmt.Errorf("price catalog: burstable %s has no baseline", t.Type)
		}
	}
	sort.SliceStable(c.Types, func(i, j int) bool {
		a, b := c.Types[i], c.Types[j]
		if a.Family != b.Family {
			return a.Family < b.Family
		}
		return a.MemoryGiB < b.MemoryGiB || (a.MemoryGiB == b.MemoryGiB && a.VCPU < b.VCPU)
	})
	return &c, nil
}

// Family returns a family's types, smallest first.
func (c *Catalog) Family(name string) []InstanceType {
	var out []InstanceType
	for _, t := range c.Types {
		if t.Family == name {
			out = append(out, t)
		}
	}
	return out
}
