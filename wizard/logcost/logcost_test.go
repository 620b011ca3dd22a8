package logcost_test

import (
	"bytes"
	"compress/gzip"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/logcost"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

type tree struct {
	t   *testing.T
	dir string
}

func newTree(t *testing.T) tree { return tree{t, t.TempDir()} }

func (tr tree) write(p string, data []byte, mtime time.Time) {
	tr.t.Helper()
	p = filepath.Join(tr.dir, p)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tr.t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		tr.t.Fatal(err)
	}
	if !mtime.IsZero() {
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			tr.t.Fatal(err)
		}
	}
}

func (tr tree) root() host.Root {
	r, err := host.Open(tr.dir)
	if err != nil {
		tr.t.Fatal(err)
	}
	return r
}

func gz(t *testing.T, data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6*math.Max(1, math.Abs(b)) }

// Dated siblings: the files after the first date cover the days between
// the first and the last; gzip files count by their stored size.
func TestMeasureDated(t *testing.T) {
	tr := newTree(t)
	tr.write("var/log/messages", []byte("Nov 24 10:00:00 h x\n"), time.Time{})
	tr.write("var/log/messages-20261103", bytes.Repeat([]byte("a"), 5000), time.Time{}) // before the span: not counted
	tr.write("var/log/messages-20261110.gz", gz(t, bytes.Repeat([]byte("b\n"), 35000)), time.Time{})
	tr.write("var/log/messages-20261117", bytes.Repeat([]byte("c"), 70000), time.Time{})
	tr.write("var/log/messages-old", []byte("not a rotation"), time.Time{})
	g := logcost.Measure(tr.root(), "/var/log/messages", "%b %d %H:%M:%S", time.UTC)
	if g.Method != logcost.MethodRotatedDates || g.Files != 2 || g.Compressed != 1 || g.Days != 14 {
		t.Fatalf("growth %+v", g)
	}
	if !near(g.BytesPerDay, (70000+70000)/14.0) {
		t.Errorf("bytes/day %v, want %v", g.BytesPerDay, 140000/14.0)
	}
}

// Numbered siblings: .1 … .N-1 over the time between .N's and .1's last
// writes.
func TestMeasureNumbered(t *testing.T) {
	tr := newTree(t)
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	tr.write("var/log/app.log", []byte("x\n"), base.AddDate(0, 0, 10))
	tr.write("var/log/app.log.1", bytes.Repeat([]byte("a"), 24000), base.AddDate(0, 0, 9))
	tr.write("var/log/app.log.2.gz", gz(t, bytes.Repeat([]byte("b"), 12000)), base.AddDate(0, 0, 6))
	tr.write("var/log/app.log.3.gz", gz(t, bytes.Repeat([]byte("c"), 99999)), base.AddDate(0, 0, 3))
	g := logcost.Measure(tr.root(), "/var/log/app.log", "", time.UTC)
	if g.Method != logcost.MethodRotatedTimes || g.Files != 2 || g.Compressed != 1 || g.Days != 6 {
		t.Fatalf("growth %+v", g)
	}
	if !near(g.BytesPerDay, 36000/6.0) {
		t.Errorf("bytes/day %v", g.BytesPerDay)
	}
}

// Without rotated files: the current file's size over its own first and
// last timestamps; under an hour of them, or no format, gives nothing.
func TestMeasureTimestamps(t *testing.T) {
	tr := newTree(t)
	var b strings.Builder
	b.WriteString("2026-11-24 00:00:00,001 INFO start\n\tat continuation\n")
	for i := 0; i < 100; i++ {
		b.WriteString("2026-11-24 06:00:00,000 INFO busy\n")
	}
	b.WriteString("2026-11-24 12:00:00,000 INFO end\n")
	tr.write("var/log/shop.log", []byte(b.String()), time.Time{})
	tr.write("var/log/short.log", []byte("2026-11-24 00:00:00,001 a\n2026-11-24 00:30:00,000 b\n"), time.Time{})
	r := tr.root()
	g := logcost.Measure(r, "/var/log/shop.log", "%Y-%m-%d %H:%M:%S,%f", time.UTC)
	if g.Method != logcost.MethodTimestamps || !near(g.Days, (12*time.Hour-time.Millisecond).Hours()/24) {
		t.Fatalf("growth %+v", g)
	}
	if !near(g.BytesPerDay, float64(b.Len())/g.Days) {
		t.Errorf("bytes/day %v", g.BytesPerDay)
	}
	for _, c := range []struct{ path, format string }{
		{"/var/log/short.log", "%Y-%m-%d %H:%M:%S,%f"},
		{"/var/log/shop.log", ""},
		{"/var/log/none.log", "%Y-%m-%d %H:%M:%S,%f"},
	} {
		if g := logcost.Measure(r, c.path, c.format, time.UTC); g.Method != logcost.MethodNone || g.BytesPerDay != 0 {
			t.Errorf("%s %q: %+v, want none", c.path, c.format, g)
		}
	}
}

// A FIFO planted as a rotated file is neither opened nor counted.
func TestMeasureFIFO(t *testing.T) {
	tr := newTree(t)
	tr.write("var/log/messages", []byte("x\n"), time.Time{})
	tr.write("var/log/messages-20261110", []byte("0123456789"), time.Time{})
	if err := mkfifo(filepath.Join(tr.dir, "var/log/messages-20261117")); err != nil {
		t.Skip(err)
	}
	if g := logcost.Measure(tr.root(), "/var/log/messages", "", time.UTC); g.Method != logcost.MethodNone {
		t.Errorf("growth %+v from one file and a FIFO", g)
	}
}

func TestCatalog(t *testing.T) {
	if p := logcost.Catalog("us-east-1"); p.From != logcost.FromCatalog || p.IngestStandard != 0.50 || p.Date == "" || !p.Priced() {
		t.Errorf("catalog us-east-1: %+v", p)
	}
	// Never another region's figures.
	for _, region := range []string{"ap-northeast-2", ""} {
		if p := logcost.Catalog(region); p.Priced() || p.From != logcost.FromNone || p.Region != region {
			t.Errorf("%q: %+v", region, p)
		}
	}
}

func TestEstimate(t *testing.T) {
	tr := newTree(t)
	day := bytes.Repeat([]byte("x"), 1<<20) // 1 MiB a day
	tr.write("var/log/messages", []byte("x\n"), time.Time{})
	tr.write("var/log/messages-20261110", day, time.Time{})
	big := bytes.Repeat([]byte("y"), 100<<20) // 100 MiB a day: 3000 MiB a month
	tr.write("var/log/httpd/access_log", []byte("x\n"), time.Time{})
	tr.write("var/log/httpd/access_log-20261110", big, time.Time{})
	tr.write("var/log/httpd/access_log-20261111", big, time.Time{})
	tr.write("var/log/secure", []byte("x\n"), time.Time{})
	tr.write("var/log/secure-20261110", day, time.Time{})
	tr.write("var/log/secure-20261111", bytes.Repeat(day, 2), time.Time{})
	for d := 12; d <= 30; d++ {
		tr.write("var/log/messages-202611"+string(rune('0'+d/10))+string(rune('0'+d%10)), day, time.Time{})
	}
	tr.write("var/log/messages-20261111", day, time.Time{})
	a := plan.Answers{LogGroupClass: plan.ClassStandard, Logs: []plan.LogSource{
		{Service: "system", Name: "messages", Path: "/var/log/messages", RetentionDays: 30},
		{Service: "apache", Name: "access", Path: "/var/log/httpd/access_log", RetentionDays: -1},
		{Service: "system", Name: "secure", Path: "/var/log/secure", RetentionDays: 365},
		{Service: "app", Name: "new", Path: "/var/log/new.log"},
	}}
	a.Alarms.Enabled = true
	e := logcost.Of(tr.root(), a, logcost.Catalog("us-east-1"))
	if len(e.Logs) != 4 || e.Measured != 3 || e.Dominant != 1 {
		t.Fatalf("estimate %+v", e)
	}
	msg, acc, sec := e.Logs[0], e.Logs[1], e.Logs[2]
	gib := float64(logcost.GB)
	if !near(msg.MonthlyBytes, 30<<20) || !near(msg.IngestUSD, 30.0/1024*0.50) || !near(msg.StorageUSD, 30.0/1024*0.03) || msg.Growing {
		t.Errorf("messages %+v", msg)
	}
	if !near(acc.MonthlyBytes, 3000<<20) || !near(acc.IngestUSD, 3000*(1<<20)/gib*0.50) || !acc.Growing ||
		!near(acc.StorageUSD, 36500*(1<<20)/gib*0.03) || !near(acc.InfrequentSavesUSD, 3000*(1<<20)/gib*0.25) {
		t.Errorf("access_log %+v", acc)
	}
	// secure: 2 MiB/day, not large; and the security alarms need it STANDARD anyway.
	if sec.InfrequentSavesUSD != 0 || !near(sec.MonthlyBytes, 60<<20) {
		t.Errorf("secure %+v", sec)
	}
	if e.Logs[3].Growth.Method != logcost.MethodNone || e.Logs[3].IngestUSD != 0 {
		t.Errorf("new log %+v", e.Logs[3])
	}
	if !near(e.IngestUSD, msg.IngestUSD+acc.IngestUSD+sec.IngestUSD) || !near(e.MonthlyBytes, msg.MonthlyBytes+acc.MonthlyBytes+sec.MonthlyBytes) {
		t.Errorf("totals %+v", e)
	}
	// Unpriced region: bytes, no money.
	e = logcost.Of(tr.root(), a, logcost.Catalog("ap-northeast-2"))
	if e.IngestUSD != 0 || e.Logs[1].InfrequentSavesUSD != 0 || !near(e.Logs[1].MonthlyBytes, 3000<<20) {
		t.Errorf("unpriced %+v", e)
	}
}
