package sizing

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// fixtureReport measures a fixture root with its two recorded /proc/stat
// snapshots and builds the report.
func fixtureReport(t testing.TB, name string) Report {
	t.Helper()
	dir := testpeer.Testdata("sizing", name)
	r, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	a, err := os.ReadFile(filepath.Join(dir, "proc/stat"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "proc/stat.later"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Measure(context.Background(), r, SnapshotSampler(a, b))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	rep := Build(m, Options{Catalog: cat})
	rep.Localize(i18n.New(i18n.EN))
	return rep
}
