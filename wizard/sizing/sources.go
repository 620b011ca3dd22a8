package sizing

import (
	"context"
	"sync"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
)

// Ports to AWS. aws/ implements them with the SDK's service clients; the
// domain never imports the SDK. Each call runs under its own deadline.

// HistorySource reads an instance's CloudWatch CPU history: CPUUtilization
// and, for burstable types (credits true), CPUCreditBalance and
// CPUSurplusCreditBalance.
type HistorySource interface {
	CPUHistory(ctx context.Context, instanceID string, credits bool, days int) (CPUHistory, error)
}

// TypeSource lists the instance types a region offers (vCPU, memory,
// architecture, burstable) for the families advice uses.
type TypeSource interface {
	InstanceTypes(ctx context.Context, region string, families []string) ([]InstanceType, error)
}

// PriceSource reads on-demand Linux prices (USD per hour) for a region
// from the AWS Price List.
type PriceSource interface {
	OnDemandUSD(ctx context.Context, region string, types []string) (map[string]float64, error)
}

// HistoryDays is the CloudWatch lookback, as Compute Optimizer's.
const HistoryDays = 14

// lookupTimeout bounds each AWS lookup (its pages included); the three
// run at once, so sizing waits at most this long for AWS.
const lookupTimeout = 25 * time.Second

// FamiliesAdvised are the families advice may draw from.
func FamiliesAdvised() []string {
	out := append([]string{}, burstFamilies...)
	for _, role := range []string{"c", "m", "r"} {
		out = append(out, stdFamilies[role]...)
	}
	return out
}

// lookup asks the AWS ports (those set) at the same time, each under its
// own deadline, and keeps what they say in opt; a failed lookup becomes a
// note, never an error.
func lookup(ctx context.Context, opt *Options) {
	region := opt.Region
	if region == "" && opt.Catalog != nil {
		region = opt.Catalog.Region
	}
	var (
		wg                          sync.WaitGroup
		hist                        *CPUHistory
		types                       []InstanceType
		prices                      map[string]float64
		histErr, typesErr, priceErr error
	)
	run := func(f func(context.Context) error, err *error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, cancel := context.WithTimeout(ctx, lookupTimeout)
			defer cancel()
			*err = f(c)
		}()
	}
	if opt.History != nil && opt.InstanceID != "" {
		credits := isBurstable(opt.InstanceType)
		run(func(c context.Context) error {
			h, err := opt.History.CPUHistory(c, opt.InstanceID, credits, HistoryDays)
			if err == nil && h.Points > 0 {
				hist = &h
			}
			return err
		}, &histErr)
	}
	if opt.Types != nil {
		run(func(c context.Context) error {
			ts, err := opt.Types.InstanceTypes(c, region, FamiliesAdvised())
			types = ts
			return err
		}, &typesErr)
	}
	if opt.Prices != nil {
		run(func(c context.Context) error {
			p, err := opt.Prices.OnDemandUSD(c, region, priceNames(opt.Catalog))
			prices = p
			return err
		}, &priceErr)
	}
	wg.Wait()
	opt.history = hist
	if typesErr == nil {
		opt.types = types
	} else {
		opt.lookupNote = append(opt.lookupNote, Note{Key: i18n.SizingNoteTypesUnavailable, Args: []any{region, clean(typesErr.Error(), 300)}})
	}
	if priceErr == nil && len(prices) > 0 {
		opt.prices = prices
	} else if priceErr != nil {
		opt.lookupNote = append(opt.lookupNote, Note{Key: i18n.SizingNotePricesUnavailable, Args: []any{region, clean(priceErr.Error(), 300)}})
	}
	if histErr != nil {
		opt.lookupNote = append([]Note{{Key: i18n.SizingNoteHistoryUnavailable, Args: []any{clean(histErr.Error(), 300)}}}, opt.lookupNote...)
	}
}

// priceNames are the types prices are asked for: the catalog's and the
// Graviton families' usual sizes.
func priceNames(c *Catalog) []string {
	var names []string
	if c != nil {
		for _, t := range c.Types {
			names = append(names, t.Type)
		}
	}
	for _, f := range []string{"c7g", "m7g", "r7g"} {
		for _, size := range []string{"medium", "large", "xlarge", "2xlarge", "4xlarge"} {
			names = append(names, f+"."+size)
		}
	}
	return names
}

func isBurstable(typ string) bool {
	return len(typ) > 2 && typ[0] == 't' && typ[1] >= '0' && typ[1] <= '9'
}
