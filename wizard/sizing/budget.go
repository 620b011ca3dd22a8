package sizing

import "math"

// Memory budget (docs/sizing.md): total − kernel/OS reserve − file-cache
// headroom − the services that hold fixed memory → what the tier being
// sized may use.

// MinReserveMB is the least kept for the kernel and the OS: 300 MB on
// boxes of 2 GiB or less, 500 MB above.
func MinReserveMB(totalMB int64) int64 {
	if totalMB <= 2048 {
		return 300
	}
	return 500
}

// CacheHeadroomMB keeps ~10 % of memory for the page cache, so the box
// does not thrash its own binaries and logs.
func CacheHeadroomMB(totalMB int64) int64 { return totalMB / 10 }

// MemoryBudget is the budget for one tier.
type MemoryBudget struct {
	TotalMB   int64
	ReserveMB int64 // kernel/OS reserve
	CacheMB   int64 // file-cache headroom
	OthersMB  int64 // services that are not this tier
}

// TierMB is what is left for the tier; never negative.
func (b MemoryBudget) TierMB() int64 {
	return max(0, b.TotalMB-b.ReserveMB-b.CacheMB-b.OthersMB)
}

// Workers is how many children of childMB fit in budgetMB (rounded down,
// at least 0).
func Workers(budgetMB, childMB float64) int64 {
	if childMB <= 0 || budgetMB <= 0 {
		return 0
	}
	return int64(math.Floor(budgetMB / childMB))
}

// Users is the range of concurrent browser users a number of workers
// serves: a browser opens about 6–8 connections to a site.
func Users(workers int64) (lo, hi int64) { return workers / 8, workers / 6 }

// Fit grades a configured maximum against the budget: beyond the budget
// it eats the file cache (warn); beyond budget plus cache headroom it can
// exhaust memory and wake the OOM killer (danger).
func Fit(needMB, budgetMB, cacheMB float64) Severity {
	switch {
	case needMB > budgetMB+cacheMB:
		return Danger
	case needMB > budgetMB:
		return Warn
	}
	return OK
}
