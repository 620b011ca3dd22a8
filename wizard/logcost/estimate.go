package logcost

import (
	"slices"
	"time"

	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// GB is the unit CloudWatch Logs bills in (2^30 bytes).
const GB = 1 << 30

// DaysPerMonth turns a daily rate into a month's.
const DaysPerMonth = 30

// LargeMonthlyGB is the monthly ingestion above which a log is worth
// moving to Infrequent Access when nothing needs its metric filters.
const LargeMonthlyGB = 1.0

// LogCost is one planned file log's estimate.
type LogCost struct {
	Index  int    `json:"index"` // into Answers.Logs
	Path   string `json:"path"`
	Group  string `json:"log_group_name"`
	Class  string `json:"log_group_class"`
	Growth Growth `json:"growth"`
	// MonthlyBytes is ingestion per month (0 when Growth has no method).
	MonthlyBytes float64 `json:"monthly_bytes"`
	// IngestUSD is ingestion per month in the log's class.
	IngestUSD float64 `json:"ingest_usd_per_month"`
	// StorageUSD is storage per month once retention holds the stored
	// size steady; with no expiry, after a year (and still growing).
	StorageUSD float64 `json:"storage_usd_per_month"`
	Growing    bool    `json:"storage_growing,omitempty"`
	// InfrequentSavesUSD is what Infrequent Access would save on
	// ingestion per month: set only for a large STANDARD log that no
	// alarm's metric filter needs.
	InfrequentSavesUSD float64 `json:"infrequent_access_saves_usd_per_month,omitempty"`
}

// Estimate is the cost of the planned logs.
type Estimate struct {
	Prices Prices    `json:"prices"`
	Logs   []LogCost `json:"logs"`
	// Measured counts the logs whose growth could be measured; the totals
	// cover those only.
	Measured     int     `json:"measured"`
	MonthlyBytes float64 `json:"monthly_bytes"`
	IngestUSD    float64 `json:"ingest_usd_per_month"`
	StorageUSD   float64 `json:"storage_usd_per_month"`
	// Dominant is the index into Logs of the log that grows fastest (-1
	// when none was measured).
	Dominant int `json:"dominant"`
}

// Of estimates every file log of a (journal inputs are not files and are
// not measured).
func Of(r host.Root, a plan.Answers, prices Prices) Estimate {
	e := Estimate{Prices: prices, Dominant: -1}
	alarmed := []string{}
	if a.Alarms.Enabled {
		alarmed = a.SecurityGroups()
	}
	for i, l := range a.Logs {
		if l.Journal != nil {
			continue
		}
		loc := time.Local
		if l.Timezone == "UTC" {
			loc = time.UTC
		}
		c := LogCost{Index: i, Path: l.Path, Group: a.GroupName(l), Class: a.ClassOf(l),
			Growth: Measure(r, l.Path, l.TimestampFormat, loc)}
		if c.Class == "" {
			c.Class = plan.ClassStandard
		}
		if c.Growth.Method != MethodNone {
			c.MonthlyBytes = c.Growth.BytesPerDay * DaysPerMonth
			c.price(prices, l.RetentionDays)
			if c.Class == plan.ClassStandard && c.MonthlyBytes >= LargeMonthlyGB*GB && prices.IngestInfrequent > 0 &&
				!slices.Contains(alarmed, c.Group) {
				c.InfrequentSavesUSD = c.MonthlyBytes / GB * (prices.IngestStandard - prices.IngestInfrequent)
			}
			e.Measured++
			e.MonthlyBytes += c.MonthlyBytes
			e.IngestUSD += c.IngestUSD
			e.StorageUSD += c.StorageUSD
			if e.Dominant < 0 || c.MonthlyBytes > e.Logs[e.Dominant].MonthlyBytes {
				e.Dominant = len(e.Logs)
			}
		}
		e.Logs = append(e.Logs, c)
	}
	return e
}

func (c *LogCost) price(p Prices, retentionDays int) {
	if !p.Priced() {
		return
	}
	gb := c.MonthlyBytes / GB
	ingest := p.IngestStandard
	if c.Class == plan.ClassInfrequent && p.IngestInfrequent > 0 {
		ingest = p.IngestInfrequent
	}
	c.IngestUSD = gb * ingest
	c.StorageUSD, c.Growing = StorageUSD(c.Growth.BytesPerDay, p, retentionDays)
}

// StorageUSD is the monthly storage bill of a log growing bytesPerDay
// kept retentionDays (plan.RetentionValues; 0 or -1: never deleted, then
// the bill after a year, growing). It counts the bytes as written: the
// service stores them compressed, so this is an upper bound.
func StorageUSD(bytesPerDay float64, p Prices, retentionDays int) (usd float64, growing bool) {
	days := float64(retentionDays)
	if retentionDays <= 0 {
		days, growing = 365, true
	}
	return bytesPerDay * days / GB * p.Storage, growing
}
