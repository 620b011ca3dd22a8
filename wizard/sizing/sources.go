package sizing

import (
	"context"
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

// lookupTimeout bounds each AWS lookup.
const lookupTimeout = 20 * time.Second

// FamiliesAdvised are the families advice may draw from.
func FamiliesAdvised() []string {
	out := append([]string{}, burstFamilies...)
	for _, role := range []string{"c", "m", "r"} {
		out = append(out, stdFamilies[role]...)
	}
	return out
}

// lookup asks the AWS ports (those set) and keeps what they say in opt;
// a failed lookup becomes a note, never an error.
func lookup(ctx context.Context, opt *Options) {
	call := func(f func(context.Context) error) error {
		c, cancel := context.WithTimeout(ctx, lookupTimeout)
		defer cancel()
		return f(c)
	}
	region := opt.Region
	if region == "" && opt.Catalog != nil {
		region = opt.Catalog.Region
	}
	if opt.History != nil && opt.InstanceID != "" {
		credits := isBurstable(opt.InstanceType)
		err := call(func(c context.Context) error {
			h, err := opt.History.CPUHistory(c, opt.InstanceID, credits, HistoryDays)
			if err == nil && h.Points > 0 {
				opt.history = &h
			}
			return err
		})
		if err != nil {
			opt.lookupNote = append(opt.lookupNote, Note{Key: i18n.SizingNoteHistoryUnavailable, Args: []any{clean(err.Error(), 300)}})
		}
	}
	if opt.Types != nil {
		err := call(func(c context.Context) error {
			ts, err := opt.Types.InstanceTypes(c, region, FamiliesAdvised())
			if err == nil {
				opt.types = ts
			}
			return err
		})
		if err != nil {
			opt.lookupNote = append(opt.lookupNote, Note{Key: i18n.SizingNoteTypesUnavailable, Args: []any{region, clean(err.Error(), 300)}})
		}
	}
	if opt.Prices != nil {
		var names []string
		if len(opt.types) > 0 {
			for _, t := range opt.types {
				names = append(names, t.Type)
			}
		} else if opt.Catalog != nil {
			for _, t := range opt.Catalog.Types {
				names = append(names, t.Type)
			}
		}
		err := call(func(c context.Context) error {
			p, err := opt.Prices.OnDemandUSD(c, region, names)
			if err == nil && len(p) > 0 {
				opt.prices = p
			}
			return err
		})
		if err != nil {
			opt.lookupNote = append(opt.lookupNote, Note{Key: i18n.SizingNotePricesUnavailable, Args: []any{region, clean(err.Error(), 300)}})
		}
	}
}

func isBurstable(typ string) bool {
	return len(typ) > 2 && typ[0] == 't' && typ[1] >= '0' && typ[1] <= '9'
}
