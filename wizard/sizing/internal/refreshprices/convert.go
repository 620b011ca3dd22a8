package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/sizing"
)

// csvPreamble is the number of metadata lines before the header row of
// an AWS Price List offer CSV (FormatVersion, Disclaimer, Publication
// Date, Version, OfferCode).
const csvPreamble = 5

// column names in the AmazonEC2 offer CSV.
const (
	colTermType  = "TermType"
	colUnit      = "Unit"
	colPrice     = "PricePerUnit"
	colCurrency  = "Currency"
	colLease     = "LeaseContractLength"
	colPurchase  = "PurchaseOption"
	colClass     = "OfferingClass"
	colFamily    = "Product Family"
	colType      = "Instance Type"
	colVCPU      = "vCPU"
	colMemory    = "Memory"
	colTenancy   = "Tenancy"
	colOS        = "Operating System"
	colLicense   = "License Model"
	colPreSW     = "Pre Installed S/W"
	colCapacity  = "CapacityStatus"
	colRegion    = "Region Code"
	colProcArch  = "Processor Architecture"
	colUsageType = "usageType"
)

// prices collects one type's figures while the CSV streams by.
type prices struct {
	vcpu          int
	memGiB        float64
	onDemand      float64
	ri            map[string]float64 // "1yr"/"3yr" → effective hourly
	upfront       map[string]float64 // All Upfront fee by term
	haveNoUpfront map[string]bool
}

// Convert reads an AmazonEC2 regional offer CSV and refreshes every type
// of base (the catalog in the repository) with on-demand and standard
// 1-/3-year Reserved Instance prices for Linux, shared tenancy. It
// refuses a partial result: every type of base must be found.
func Convert(r io.Reader, region string, base *sizing.Catalog) (*sizing.Catalog, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	published := ""
	for i := 0; i < csvPreamble; i++ {
		rec, err := cr.Read()
		if err != nil {
			return nil, fmt.Errorf("offer file preamble: %w", err)
		}
		if len(rec) >= 2 && rec[0] == "Publication Date" {
			published = rec[1]
		}
	}
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("offer file header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, need := range []string{colTermType, colUnit, colPrice, colType, colTenancy, colOS, colPreSW, colCapacity, colLease, colPurchase, colClass, colVCPU, colMemory} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("offer file has no column %q: not an AmazonEC2 CSV?", need)
		}
	}
	want := map[string]*prices{}
	for _, t := range base.Types {
		want[t.Type] = &prices{ri: map[string]float64{}, upfront: map[string]float64{}, haveNoUpfront: map[string]bool{}}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("offer file: %w", err)
		}
		p := want[get(rec, colType)]
		if p == nil || get(rec, colTenancy) != "Shared" || get(rec, colOS) != "Linux" ||
			get(rec, colPreSW) != "NA" || (get(rec, colCapacity) != "Used" && get(rec, colCapacity) != "") ||
			(get(rec, colRegion) != "" && get(rec, colRegion) != region) ||
			(get(rec, colLicense) != "" && get(rec, colLicense) != "No License required") ||
			(get(rec, colCurrency) != "" && get(rec, colCurrency) != "USD") {
			continue
		}
		price, err := strconv.ParseFloat(get(rec, colPrice), 64)
		if err != nil {
			continue
		}
		if v, err := strconv.Atoi(get(rec, colVCPU)); err == nil {
			p.vcpu = v
		}
		if m, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(get(rec, colMemory), "GiB")), 64); err == nil {
			p.memGiB = m
		}
		unit := get(rec, colUnit)
		switch get(rec, colTermType) {
		case "OnDemand":
			if unit == "Hrs" && price > 0 {
				p.onDemand = price
			}
		case "Reserved":
			if get(rec, colClass) != "standard" {
				continue
			}
			term := get(rec, colLease)
			switch get(rec, colPurchase) {
			case "No Upfront":
				if unit == "Hrs" {
					p.ri[term] = price
					p.haveNoUpfront[term] = true
				}
			case "All Upfront":
				if unit == "Quantity" && !p.haveNoUpfront[term] {
					p.upfront[term] = price
				}
			}
		}
	}
	out := *base
	out.Types = nil
	out.Region = region
	out.SourceKind = "price-list"
	out.Date = strings.SplitN(published, "T", 2)[0]
	out.Source = fmt.Sprintf("AWS Price List bulk API, AmazonEC2 %s index.csv, publication date %s", region, published)
	out.Method = "On-demand: Linux, shared tenancy, no pre-installed software, USD per hour. Reserved: standard Reserved Instance, " +
		"No Upfront hourly (All Upfront fee / term hours when a term has no No Upfront offer); EC2 Instance Savings Plans are usually close to it."
	var missing []string
	for _, t := range base.Types {
		p := want[t.Type]
		for term, fee := range p.upfront {
			if !p.haveNoUpfront[term] {
				years := 1.0
				if term == "3yr" {
					years = 3
				}
				p.ri[term] = fee / (years * 8760)
			}
		}
		if p.onDemand == 0 || p.ri["1yr"] == 0 || p.ri["3yr"] == 0 {
			missing = append(missing, t.Type)
			continue
		}
		t.HourlyUSD, t.OnDemandEstimate = p.onDemand, false
		t.Reserved1YUSD, t.Reserved3YUSD, t.ReservedEstimate = round5(p.ri["1yr"]), round5(p.ri["3yr"]), false
		if p.vcpu > 0 {
			t.VCPU = p.vcpu
		}
		if p.memGiB > 0 {
			t.MemoryGiB = p.memGiB
		}
		out.Types = append(out.Types, t)
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("no on-demand or 1-/3-year reserved price for %s in %s: refusing a partial catalog", strings.Join(missing, ", "), region)
	}
	if out.Date == "" {
		return nil, fmt.Errorf("offer file has no Publication Date")
	}
	return &out, nil
}

func round5(f float64) float64 { return float64(int64(f*100000+0.5)) / 100000 }

// Marshal writes the catalog the way catalog.json is kept: 2-space
// indent, UTF-8 as is, trailing newline.
func Marshal(c *sizing.Catalog) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}
