package sizing

import (
	"fmt"
	"math"
	"testing"

	"github.com/cwsetup/cwsetup/wizard/detect"
)

// The worked examples from the source post (docs/sizing.md). The post budgets by
// hand: kernel 500 MB, MySQL, a buffer, Apache gets the rest, at 14.7 MB per
// prefork child. Its MemTotal is what such a box shows (a "8 GB" instance
// reports about 7.5 GB).
func TestBudgetWorkedExamples(t *testing.T) {
	cases := []struct {
		name                         string
		total, kernel, mysql, buffer int64
		wantApacheMB                 int64
		childMB                      float64
		wantWorkers                  int64
		postSays                     int64 // "~130", "~300"
	}{
		{"4 GB", 4000, 500, 1000, 500, 2000, 14.7, 136, 130},
		{"8 GB", 7500, 500, 2000, 800, 4200, 14.7, 285, 300},
	}
	for _, c := range cases {
		b := MemoryBudget{TotalMB: c.total, ReserveMB: c.kernel, CacheMB: c.buffer, OthersMB: c.mysql}
		if got := b.TierMB(); got != c.wantApacheMB {
			t.Errorf("%s: Apache budget %d MB, want %d", c.name, got, c.wantApacheMB)
		}
		w := Workers(float64(b.TierMB()), c.childMB)
		if w != c.wantWorkers {
			t.Errorf("%s: %d workers, want %d", c.name, w, c.wantWorkers)
		}
		if d := math.Abs(float64(w-c.postSays)) / float64(c.postSays); d > 0.06 {
			t.Errorf("%s: %d workers is %.0f%% off the post's ~%d", c.name, w, d*100, c.postSays)
		}
	}
}

func TestIssueRulesOfThumb(t *testing.T) {
	// 150 prefork workers at ~14.7 MB ≈ 2.1 GB; MaxRequestWorkers 1024 ≈ 15 GB.
	if mb := 150 * 14.7; mb < 2100 || mb > 2300 {
		t.Errorf("150 workers = %.0f MB", mb)
	}
	if gb := 1024 * 14.7 / 1024; gb < 14 || gb > 15.1 {
		t.Errorf("1024 workers = %.1f GB", gb)
	}
	if lo, hi := Users(150); lo != 18 || hi != 25 {
		t.Errorf("Users(150) = %d–%d", lo, hi)
	}
}

func TestFit(t *testing.T) {
	cases := []struct {
		need, budget, cache float64
		want                Severity
	}{
		{1000, 2000, 400, OK},
		{2205, 2000, 400, Warn},
		{15053, 500, 100, Danger},
		{2000, 2000, 0, OK},
	}
	for _, c := range cases {
		if got := Fit(c.need, c.budget, c.cache); got != c.want {
			t.Errorf("Fit(%v,%v,%v) = %s want %s", c.need, c.budget, c.cache, got, c.want)
		}
	}
}

func TestMinReserve(t *testing.T) {
	if MinReserveMB(950) != 300 || MinReserveMB(3900) != 500 {
		t.Error("reserve floor")
	}
	if (MemoryBudget{TotalMB: 100, ReserveMB: 300}).TierMB() != 0 {
		t.Error("negative budget not clamped")
	}
}

// The source post's cases end to end: prefork + mod_php children of 14.7 MB,
// the post's flat database share held by a fixed service (so no
// per-connection term), on a "4 GB" and an "8 GB" box. The post says ~130
// and ~300 workers.
func TestSourcePostThroughBuild(t *testing.T) {
	for _, c := range []struct {
		totalMB, dbMB int64
		post          int64
	}{{4000, 1000, 130}, {7500, 2000, 300}} {
		kids := int64(40)
		m := Measurement{
			Mem: Meminfo{TotalKB: c.totalMB << 10, AvailableKB: c.totalMB << 9},
			Services: []ServiceMemory{
				{Name: detect.Apache, Processes: int(kids) + 1, PSSKB: kids*15053 + 8000, ParentKB: 8000, Children: int(kids), ChildKB: kids * 15053, MaxChildKB: 15053, Exact: true},
				{Name: detect.Redis, Processes: 1, PSSKB: c.dbMB << 10, ParentKB: c.dbMB << 10, Exact: true},
			},
			Settings: Settings{Apache: &ApacheSettings{MPM: "prefork", ModPHP: true, MaxRequestWorkers: set(150)}},
			CPUErr:   errNoSample,
		}
		r := Build(m, Options{})
		var got int64
		for _, x := range r.Recommendations {
			if x.Directive == "MaxRequestWorkers" {
				fmt.Sscan(x.Recommended, &got)
			}
		}
		if d := math.Abs(float64(got-c.post)) / float64(c.post); d > 0.1 {
			t.Errorf("%d MB: MaxRequestWorkers %d, the post says ~%d (%.0f%% off)", c.totalMB, got, c.post, d*100)
		}
	}
}
