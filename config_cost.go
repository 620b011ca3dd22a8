package main

import (
	"strconv"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/logcost"
)

// costSummary says what the planned file logs add a month and, when the
// region has a price, what they cost: per log with how its growth was
// measured, the total and the largest, Infrequent Access where it would
// save and nothing needs Standard, and storage by retention.
func costSummary(p i18n.Printer, e logcost.Estimate, sugg []logcost.Suggestion) string {
	var b strings.Builder
	line := func(k i18n.Key, args ...any) { b.WriteString(p.T(k, args...) + "\n") }
	priced := e.Prices.Priced()
	switch {
	case e.Prices.Region == "":
		line(i18n.CostHeaderNoRegion)
	case priced:
		line(i18n.CostHeaderCatalog, e.Prices.Region, e.Prices.Date)
	default:
		line(i18n.CostHeaderNoPrice, e.Prices.Region)
	}
	if e.Measured == 0 {
		line(i18n.CostNoneMeasured, len(e.Logs))
		return b.String() + filterSummary(p, sugg)
	}
	growing := false
	var perDay float64
	for _, c := range e.Logs {
		g := c.Growth
		var how string
		switch g.Method {
		case logcost.MethodRotatedDates:
			how = p.T(i18n.CostByDates, g.Files, days(g.Days))
		case logcost.MethodRotatedTimes:
			how = p.T(i18n.CostByTimes, g.Files, days(g.Days))
		case logcost.MethodTimestamps:
			how = p.T(i18n.CostByTimestamps, days(g.Days))
		default:
			line(i18n.CostLogNone, c.Path)
			continue
		}
		perDay += g.BytesPerDay
		day, month := humanBytes(int64(g.BytesPerDay)), humanBytes(int64(c.MonthlyBytes))
		if priced {
			line(i18n.CostLog, c.Path, day, how, month, money(c.IngestUSD), money(c.StorageUSD))
			growing = growing || c.Growing
		} else {
			line(i18n.CostLogBytes, c.Path, day, how, month)
		}
	}
	largest := e.Logs[e.Dominant].Path
	if priced {
		line(i18n.CostTotal, e.Measured, humanBytes(int64(e.MonthlyBytes)), money(e.IngestUSD), money(e.StorageUSD), largest)
	} else {
		line(i18n.CostTotalBytes, e.Measured, humanBytes(int64(e.MonthlyBytes)), largest)
		return b.String() + filterSummary(p, sugg)
	}
	for _, c := range e.Logs {
		if c.InfrequentSavesUSD > 0 {
			line(i18n.CostInfrequent, c.Path, money(c.InfrequentSavesUSD))
		}
	}
	var at [3]float64
	for i, d := range []int{30, 90, 365} {
		at[i], _ = logcost.StorageUSD(perDay, e.Prices, d)
	}
	line(i18n.CostRetention, money(at[0]), money(at[1]), money(at[2]))
	if growing {
		line(i18n.CostStorageGrowing)
	}
	return b.String() + filterSummary(p, sugg)
}

// filterSummary shows each proposed noise filter with what it drops of
// the lines it was tried on, and how to use it.
func filterSummary(p i18n.Printer, sugg []logcost.Suggestion) string {
	if len(sugg) == 0 {
		return ""
	}
	var b strings.Builder
	line := func(k i18n.Key, args ...any) { b.WriteString(p.T(k, args...) + "\n") }
	line(i18n.CostFilterHeader)
	for _, s := range sugg {
		kind := p.T(i18n.CostNoiseHealth)
		if s.Kind == logcost.NoiseStatic {
			kind = p.T(i18n.CostNoiseStatic)
		}
		saves := ""
		if s.SavesUSD > 0 {
			saves = p.T(i18n.CostFilterSaves, money(s.SavesUSD))
		}
		line(i18n.CostFilter, s.Path, kind, s.Drops, s.Lines, humanBytes(s.DropB), humanBytes(s.Bytes), saves)
		// YAML single quotes keep the expression's backslashes and quotes.
		yaml := "filters: [{type: " + s.Filter.Type + ", expression: '" + strings.ReplaceAll(s.Filter.Expression, "'", "''") + "'}]"
		line(i18n.CostFilterUse, yaml)
	}
	return b.String()
}

// days is a span in days for people: whole when it is, else one decimal.
func days(d float64) string {
	if d == float64(int(d)) {
		return strconv.Itoa(int(d))
	}
	return strconv.FormatFloat(d, 'f', 1, 64)
}

// money is USD for people: cents, and "< $0.01" for less than a cent.
func money(usd float64) string {
	switch {
	case usd == 0:
		return "$0"
	case usd < 0.005:
		return "< $0.01"
	}
	return "$" + strconv.FormatFloat(usd, 'f', 2, 64)
}
