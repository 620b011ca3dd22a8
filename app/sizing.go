package app

import (
	"context"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/sizing"
)

// SizingOptions tune Sizing.
type SizingOptions struct {
	// CPU samples CPU use over a short window; nil: no sample.
	CPU              sizing.CPUSampler
	ServerPriceUSD   float64
	ServerMonthlyUSD float64
	// Journal reads the kernel's messages from the systemd journal (the
	// live root only); nil: the journal is not searched.
	Journal sizing.JournalReader
	// Region is the region advice and prices are for ("" : the catalog's);
	// InstanceID/InstanceType name this instance when on EC2. The AWS
	// ports (nil: not asked) are aws/'s adapters; NoCredentials says they
	// are nil because no credentials were found.
	Region, InstanceID, InstanceType string
	History                          sizing.HistorySource
	Types                            sizing.TypeSource
	Prices                           sizing.PriceSource
	NoCredentials                    bool
}

// Sizing is the sizing job (docs/sizing.md): memory by service, the web tier's
// budget and limits, instance and purchase advice. The report is not
// localized yet (sizing.Report.Localize does that for a printer). A
// cancelled context is returned as ctx.Err().
func Sizing(ctx context.Context, r host.Root, o SizingOptions) (sizing.Report, error) {
	cat, err := sizing.LoadCatalog()
	if err != nil {
		return sizing.Report{}, i18n.Errorf(i18n.SizingErrCatalog, err)
	}
	rep, err := sizing.Assess(ctx, r, o.CPU, sizing.Options{
		Catalog: cat, ServerPriceUSD: o.ServerPriceUSD, ServerMonthlyUSD: o.ServerMonthlyUSD, Journal: o.Journal,
		Region: o.Region, InstanceID: o.InstanceID, InstanceType: o.InstanceType,
		History: o.History, Types: o.Types, Prices: o.Prices, NoCredentials: o.NoCredentials,
	})
	if err != nil {
		if ctx.Err() != nil {
			return sizing.Report{}, ctx.Err()
		}
		return sizing.Report{}, i18n.Errorf(i18n.SizingErrMeasure, r.Dir(), err)
	}
	return rep, nil
}
