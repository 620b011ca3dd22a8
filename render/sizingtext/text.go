// Package sizingtext draws a sizing report as plain text for a terminal
// (80 columns, no colour), in the printer's language. Output is
// deterministic: the same report gives the same bytes.
package sizingtext

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/sizing"
)

// width is the text width reasons are wrapped to.
const width = 78

// cond measures display width the same way whatever the locale (the
// package default reads LANG and would change the layout).
var cond = func() *runewidth.Condition {
	c := runewidth.NewCondition()
	c.EastAsianWidth = false
	return c
}()

// Write renders r. r must already be localized (Report.Localize).
func Write(w io.Writer, r sizing.Report, p i18n.Printer) error {
	var b strings.Builder
	m := r.Memory
	osRes, cache := budgetLine(r, "os_reserve"), budgetLine(r, "cache_headroom")
	fmt.Fprintln(&b, p.T(i18n.SizingHdrMemory, m.TotalMB, m.AvailableMB, m.ReservedMB, osRes, cache))
	if r.CPU.Sampled {
		fmt.Fprintln(&b, p.T(i18n.SizingHdrCPU, r.CPU.VCPU, r.CPU.BusyPercent, r.CPU.SampleSeconds, r.CPU.BusyVCPU))
	} else {
		if r.CPU.VCPU > 0 {
			fmt.Fprintln(&b, p.T(i18n.SizingHdrCPUNone, r.CPU.VCPU))
		} else {
			fmt.Fprintln(&b, p.T(i18n.SizingHdrCPUUnknown))
		}
	}

	fmt.Fprintf(&b, "\n%s\n", p.T(i18n.SizingHdrServices))
	t := table{align: "lrrrrl"}
	t.row(p.T(i18n.SizingColService), p.T(i18n.SizingColProcs), p.T(i18n.SizingColPSS), p.T(i18n.SizingColChild), p.T(i18n.SizingColLargest), p.T(i18n.SizingColExact))
	for _, s := range r.Services {
		exact := p.T(i18n.SizingYes)
		if !s.PSSExact {
			exact = p.T(i18n.SizingNo)
		}
		child, largest := fmt.Sprintf("%.1f", s.AvgChildPSSMB), fmt.Sprintf("%.1f", s.LargestChildPSSMB)
		if s.Name == sizing.Other || s.Children == 0 {
			child, largest = "-", "-"
		}
		name := s.Name
		if name == sizing.Other {
			name = p.T(i18n.SizingOtherProcs)
		}
		t.row(name, fmt.Sprint(s.Processes), fmt.Sprintf("%.1f", s.PSSMB), child, largest, exact)
	}
	t.write(&b)

	fmt.Fprintf(&b, "\n%s\n", p.T(i18n.SizingHdrBudget))
	t = table{align: "lr"}
	var sum int64
	for _, l := range r.Budget {
		t.row(budgetName(p, l.Name), fmt.Sprintf("%d MB", l.MB))
		sum += l.MB
	}
	t.row(p.T(i18n.SizingBudgetTotal), fmt.Sprintf("%d MB", sum))
	t.write(&b)

	fmt.Fprintf(&b, "\n%s\n", p.T(i18n.SizingHdrRecs))
	if len(r.Recommendations) == 0 {
		wrap(&b, p.T(i18n.SizingNoRecs), "  ")
	} else {
		n := map[sizing.Severity]int{}
		for _, rc := range r.Recommendations {
			n[rc.Severity]++
		}
		fmt.Fprintln(&b, p.T(i18n.SizingRecSummary, n[sizing.Danger], n[sizing.Warn], n[sizing.Tune], n[sizing.OK]))
	}
	for _, rc := range r.Recommendations {
		cur := rc.Current
		if cur == "" {
			cur = p.T(i18n.SizingUnknown)
		} else if rc.Default {
			cur = p.T(i18n.SizingDefaultMark, cur)
		}
		name := rc.Service
		if rc.Scope != "" {
			name += "[" + rc.Scope + "]"
		}
		fmt.Fprintf(&b, "  %s %s\n", pad("["+severity(p, rc.Severity)+"]", 8, false), p.T(i18n.SizingRecLine, name, rc.Directive, cur, rc.Recommended))
		wrap(&b, rc.Reason, "           ")
	}

	b.WriteString("\n")
	if r.Need.FixedMB > 0 {
		wrap(&b, p.T(i18n.SizingHdrInstancesFixed, r.Need.MemoryMB, r.Need.FixedMB, r.Need.VariableMB, r.Need.GrowthMB, r.Need.VCPU, r.Need.CPUText), "")
	} else {
		wrap(&b, p.T(i18n.SizingHdrInstances, r.Need.MemoryMB, r.Need.UsedMB, r.Need.GrowthMB, r.Need.VCPU, r.Need.CPUText), "")
	}
	if len(r.Instances) == 0 {
		fmt.Fprintf(&b, "  %s\n", p.T(i18n.SizingNoInstances))
	} else {
		t = table{align: "lrrrrrrr"}
		t.row(p.T(i18n.SizingColType), p.T(i18n.SizingColVCPU), p.T(i18n.SizingColMemory), p.T(i18n.SizingColBaseline),
			p.T(i18n.SizingColHourly), p.T(i18n.SizingColOD3), p.T(i18n.SizingColRI1), p.T(i18n.SizingColRI3))
		for _, o := range r.Instances {
			base := "-"
			if o.Burstable {
				base = fmt.Sprintf("%g%%", o.BaselinePct)
			}
			name := o.Type
			if o.CPUFit == "sample_above_baseline" || o.CPUFit == "unmeasured" {
				name += "*"
			}
			if !o.Priced {
				t.row(name, fmt.Sprint(o.VCPU), fmt.Sprintf("%g", o.MemoryGiB), base, "-", "-", "-", "-")
				continue
			}
			od, ri := "", ""
			if o.OnDemandEstimate {
				od = "≈"
			}
			if o.ReservedEstimate {
				ri = "≈"
			}
			t.row(name, fmt.Sprint(o.VCPU), fmt.Sprintf("%g", o.MemoryGiB), base,
				od+fmt.Sprintf("%.4f", o.HourlyUSD), od+fmt.Sprintf("%.0f", o.ThreeYearUSD.OnDemand),
				ri+fmt.Sprintf("%.0f", o.ThreeYearUSD.Reserved1Y), ri+fmt.Sprintf("%.0f", o.ThreeYearUSD.Reserved3Y))
		}
		t.write(&b)
		wrap(&b, p.T(i18n.SizingInstLegend), "  ")
		for _, o := range r.Instances {
			if o.CPUFit == "sample_above_baseline" || o.CPUFit == "unmeasured" {
				wrap(&b, p.T(i18n.SizingCPUCaveatMark), "  ")
				break
			}
		}
	}
	if r.Server != nil {
		wrap(&b, p.T(i18n.SizingServerLine, r.Server.PurchaseUSD, r.Server.MonthlyUSD, r.Server.ThreeYearUSD), "  ")
	}
	switch r.Catalog.PricesFrom {
	case "catalog":
		src := p.T(i18n.SizingSourceHand)
		if r.Catalog.Kind == "price-list" {
			src = p.T(i18n.SizingSourcePriceList)
		}
		wrap(&b, p.T(i18n.SizingCatalogLine, r.Catalog.PricesRegion, r.Catalog.Date, src), "  ")
		wrap(&b, p.T(i18n.SizingEstimateMark), "  ")
	case "price-list-api":
		wrap(&b, p.T(i18n.SizingPriceAPILine, r.Catalog.PricesRegion), "  ")
		wrap(&b, p.T(i18n.SizingEstimateMark), "  ")
	}

	if len(r.Notes) > 0 {
		fmt.Fprintf(&b, "\n%s\n", p.T(i18n.SizingHdrNotes))
		for _, n := range r.Notes {
			lines := wrapLines(n.Text, width-4)
			for i, l := range lines {
				lead := "  - "
				if i > 0 {
					lead = "    "
				}
				fmt.Fprintf(&b, "%s%s\n", lead, l)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func budgetLine(r sizing.Report, name string) int64 {
	for _, l := range r.Budget {
		if l.Name == name {
			return l.MB
		}
	}
	return 0
}

func budgetName(p i18n.Printer, name string) string {
	switch name {
	case "os_reserve":
		return p.T(i18n.SizingBudgetOS)
	case "cache_headroom":
		return p.T(i18n.SizingBudgetCache)
	case "unassigned":
		return p.T(i18n.SizingBudgetUnassigned)
	case "over":
		return p.T(i18n.SizingBudgetOver)
	}
	return name
}

func severity(p i18n.Printer, s sizing.Severity) string {
	switch s {
	case sizing.Danger:
		return p.T(i18n.SizingSevDanger)
	case sizing.Warn:
		return p.T(i18n.SizingSevWarn)
	case sizing.Tune:
		return p.T(i18n.SizingSevTune)
	}
	return p.T(i18n.SizingSevOK)
}

// table lays out columns by display width, so Hangul (two columns per
// character) lines up. align has one 'l' or 'r' per column.
type table struct {
	align string
	rows  [][]string
}

func (t *table) row(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(b *strings.Builder) {
	w := make([]int, len(t.align))
	for _, r := range t.rows {
		for i, c := range r {
			w[i] = max(w[i], cond.StringWidth(c))
		}
	}
	for _, r := range t.rows {
		var line strings.Builder
		line.WriteString("  ")
		for i, c := range r {
			if i > 0 {
				line.WriteString("  ")
			}
			line.WriteString(pad(c, w[i], t.align[i] == 'r'))
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
}

func pad(s string, n int, right bool) string {
	gap := n - cond.StringWidth(s)
	if gap <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", gap) + s
	}
	return s + strings.Repeat(" ", gap)
}

func wrap(b *strings.Builder, text, indent string) {
	for _, l := range wrapLines(text, width-cond.StringWidth(indent)) {
		b.WriteString(indent + l + "\n")
	}
}

// wrapLines breaks text at spaces so no line is wider than n columns
// (a single longer word stays whole).
func wrapLines(text string, n int) []string {
	var lines []string
	var cur strings.Builder
	cw := 0
	for _, word := range strings.Fields(text) {
		ww := cond.StringWidth(word)
		if cw > 0 && cw+1+ww > n {
			lines = append(lines, cur.String())
			cur.Reset()
			cw = 0
		}
		if cw > 0 {
			cur.WriteByte(' ')
			cw++
		}
		cur.WriteString(word)
		cw += ww
	}
	if cw > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
