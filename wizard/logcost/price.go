package logcost

// Where prices came from.
const (
	FromCatalog = "catalog" // the embedded, dated list prices, for the region
	FromNone    = "none"    // no price for the region: bytes only
)

// Prices are CloudWatch Logs' prices in one region, USD.
type Prices struct {
	Region string `json:"region"`
	From   string `json:"from"`           // FromCatalog or FromNone
	Date   string `json:"date,omitempty"` // when the catalog's figures were collected
	// Per GB ingested, by log class.
	IngestStandard   float64 `json:"ingest_standard_usd_per_gb"`
	IngestInfrequent float64 `json:"ingest_infrequent_usd_per_gb"`
	// Per GB-month stored (both classes).
	Storage float64 `json:"storage_usd_per_gb_month"`
}

// Priced reports whether p has prices.
func (p Prices) Priced() bool { return p.From != FromNone && p.IngestStandard > 0 }

// catalogDate is when the embedded figures were written down.
const catalogDate = "2026-12-08"

// catalog holds list prices as the CloudWatch pricing page publishes
// them ("Logs" tab, custom logs, first tier), by region. Only regions whose
// figures were checked are here: any other region is unpriced, never
// priced with another region's figures.
var catalog = map[string]Prices{
	"us-east-1": {IngestStandard: 0.50, IngestInfrequent: 0.25, Storage: 0.03},
}

// Catalog is the embedded price of region, or FromNone.
func Catalog(region string) Prices {
	p, ok := catalog[region]
	if !ok || region == "" {
		return Prices{Region: region, From: FromNone}
	}
	p.Region, p.From, p.Date = region, FromCatalog, catalogDate
	return p
}
