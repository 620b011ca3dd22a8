package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/wizard/sizing"
)

// testdata/ap-northeast-2-abridged.csv is an AmazonEC2 offer CSV cut down
// to a few rows and columns (real column names and preamble), with the
// rows a careless filter would pick up: Windows, RHEL, dedicated tenancy,
// unused capacity reservations, pre-installed SQL, convertible RIs.
func baseCatalog(t *testing.T, types ...string) *sizing.Catalog {
	t.Helper()
	c, err := sizing.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	keep := c.Types[:0:0]
	for _, tt := range c.Types {
		for _, w := range types {
			if tt.Type == w {
				keep = append(keep, tt)
			}
		}
	}
	c.Types = keep
	return c
}

func TestConvert(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "ap-northeast-2-abridged.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := Convert(f, "ap-northeast-2", baseCatalog(t, "t3.micro", "m6i.large"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Date != "2026-11-20" || c.SourceKind != "price-list" || !strings.Contains(c.Source, "2026-11-20T18:31:47Z") {
		t.Errorf("header: %+v", c)
	}
	got := map[string]sizing.InstanceType{}
	for _, tt := range c.Types {
		got[tt.Type] = tt
	}
	micro := got["t3.micro"]
	if micro.HourlyUSD != 0.013 || micro.Reserved1YUSD != 0.0081 || micro.Reserved3YUSD != 0.0056 || micro.OnDemandEstimate || micro.ReservedEstimate || micro.BaselinePct != 10 {
		t.Errorf("t3.micro: %+v", micro)
	}
	m := got["m6i.large"]
	// 3-year All Upfront 1345 USD / 26,280 h.
	if m.HourlyUSD != 0.118 || m.Reserved1YUSD != 0.0745 || m.Reserved3YUSD != 0.05118 || m.MemoryGiB != 8 {
		t.Errorf("m6i.large: %+v", m)
	}
	b, err := Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sizing.ParseCatalog(b); err != nil {
		t.Fatalf("converted catalog does not load: %v", err)
	}
}

func TestConvertRefusesPartial(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "ap-northeast-2-abridged.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// m6i.xlarge has on-demand only: the catalog would lose its reserved prices.
	_, err = Convert(f, "ap-northeast-2", baseCatalog(t, "t3.micro", "m6i.xlarge"))
	if err == nil || !strings.Contains(err.Error(), "m6i.xlarge") {
		t.Fatalf("partial result accepted: %v", err)
	}
	if _, err := Convert(strings.NewReader("a\nb\nc\nd\ne\nSKU,Unit\n"), "x", baseCatalog(t, "t3.micro")); err == nil {
		t.Error("non-EC2 CSV accepted")
	}
}

func TestRunRewritesCatalog(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "catalog.json")
	b, _ := Marshal(baseCatalog(t, "t3.micro", "m6i.large"))
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(filepath.Join("testdata", "ap-northeast-2-abridged.csv"), "ap-northeast-2", out); err != nil {
		t.Fatal(err)
	}
	nb, _ := os.ReadFile(out)
	c, err := sizing.ParseCatalog(nb)
	if err != nil || c.Date != "2026-11-20" || len(c.Types) != 2 {
		t.Fatalf("%v %+v", err, c)
	}
}
