package sizing

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
)

func TestParseMeminfo(t *testing.T) {
	m, err := ParseMeminfo([]byte("MemTotal:        3969076 kB\nMemFree:          959244 kB\nMemAvailable:    2398112 kB\nSUnreclaim:        47000 kB\nKernelStack:        3600 kB\nPageTables:         9800 kB\n"))
	if err != nil || m.TotalKB != 3969076 || m.AvailableKB != 2398112 || m.KernelKB() != 60400 {
		t.Fatalf("%+v %v", m, err)
	}
	// Kernels before 3.14 have no MemAvailable.
	m, err = ParseMeminfo([]byte("MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 10 kB\nCached: 200 kB\n"))
	if err != nil || m.AvailableKB != 310 {
		t.Fatalf("fallback: %+v %v", m, err)
	}
	if _, err := ParseMeminfo([]byte("MemFree: 1 kB\n")); err == nil {
		t.Error("no MemTotal accepted")
	}
	if _, err := ParseMeminfo([]byte("MemTotal: x kB\n")); err == nil {
		t.Error("bad number accepted")
	}
}

func TestCPUSample(t *testing.T) {
	a := []byte("cpu  100 0 100 800 0 0 0 0 0 0\ncpu0 50 0 50 400 0 0 0 0 0 0\ncpu1 50 0 50 400 0 0 0 0 0 0\n")
	b := []byte("cpu  130 0 110 1060 0 0 0 0 50 0\ncpu0 65 0 55 530 0 0 0 0 0 0\ncpu1 65 0 55 530 0 0 0 0 0 0\n")
	u, err := SnapshotSampler(a, b).Sample(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// 300 ticks over 2 CPUs = 1.5 s; 40 busy = 13.3 %; guest (50) is not added twice.
	if u.CPUs != 2 || u.Seconds != 1.5 || fmt.Sprintf("%.1f", u.BusyPct) != "13.3" {
		t.Fatalf("%+v", u)
	}
	if _, err := SnapshotSampler(b, a).Sample(context.Background()); err == nil {
		t.Error("time going backwards accepted")
	}
	if _, err := ParseCPUStat([]byte("intr 1 2\n")); err == nil {
		t.Error("no cpu line accepted")
	}
}

func TestStatSamplerOnRoot(t *testing.T) {
	// The live sampler reads the root's /proc/stat twice with a wait of the
	// given length between; the wait is replaced so nothing sleeps.
	r, err := host.Open(testpeer.Testdata("sizing", "lamp-4g"))
	if err != nil {
		t.Fatal(err)
	}
	s := NewStatSampler(r, 5*time.Second)
	var waited time.Duration
	s.Wait = func(_ context.Context, d time.Duration) error { waited = d; return nil }
	if _, err := s.Sample(context.Background()); err == nil || waited != 5*time.Second {
		t.Fatalf("same snapshot twice: err %v, waited %v", err, waited)
	}
	// A cancelled context ends the real wait at once.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := NewStatSampler(r, time.Hour).Sample(ctx); err != context.Canceled {
		t.Fatalf("cancel: %v", err)
	}
}

func TestProcMemFallback(t *testing.T) {
	dir := t.TempDir()
	w := func(rel, s string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	w("proc/10/smaps_rollup", "00400000-7fff [rollup]\nRss: 20000 kB\nPss: 9000 kB\nPrivate_Clean: 100 kB\nPrivate_Dirty: 5000 kB\nSwap: 3000 kB\nSwapPss: 1500 kB\n")
	w("proc/11/status", "Name:\tapache2\nVmRSS:\t   20000 kB\nVmSwap:\t    4000 kB\n")
	w("proc/12/smaps_rollup", "") // unreadable as another user: empty
	w("proc/12/status", "Name:\tx\nVmRSS:\t 700 kB\n")
	r, _ := host.Open(dir)
	if pss, uss, exact, ok := readProcMem(r, 10); !ok || !exact || pss != 10500 || uss != 5100 {
		t.Errorf("smaps_rollup: %d %d %v %v", pss, uss, exact, ok)
	}
	if pss, _, exact, ok := readProcMem(r, 11); !ok || exact || pss != 24000 {
		t.Errorf("RSS fallback: %d %v %v", pss, exact, ok)
	}
	if pss, _, exact, _ := readProcMem(r, 12); exact || pss != 700 {
		t.Errorf("empty rollup: %d %v", pss, exact)
	}
	if _, _, _, ok := readProcMem(r, 13); ok {
		t.Error("vanished process reported")
	}
}

func TestClassifyAndGroup(t *testing.T) {
	cases := map[string]host.Process{
		detect.Apache: {Comm: "httpd", Cmdline: []string{"/usr/sbin/httpd", "-DFOREGROUND"}},
		detect.PHPFPM: {Comm: "php-fpm8.2", Cmdline: []string{"php-fpm: pool www"}},
		detect.MySQL:  {Comm: "mariadbd", Cmdline: []string{"/usr/sbin/mariadbd"}},
		detect.Tomcat: {Comm: "java", Cmdline: []string{"java", "org.apache.catalina.startup.Bootstrap", "start"}},
		Other:         {Comm: "java", Cmdline: []string{"java", "-jar", "app.jar"}},
	}
	for want, p := range cases {
		if got := classify(p); got != want {
			t.Errorf("classify(%s %v) = %q, want %q", p.Comm, p.Cmdline, got, want)
		}
	}
	g := Group([]ProcMem{
		{PID: 1, PPID: 0, Service: Other, PSSKB: 100, Exact: true},
		{PID: 10, PPID: 1, Service: detect.Apache, PSSKB: 8000, Exact: true},
		{PID: 11, PPID: 10, Service: detect.Apache, PSSKB: 15000, Exact: true},
		{PID: 12, PPID: 10, Service: detect.Apache, PSSKB: 14000, Exact: false},
		{PID: 20, PPID: 1, Service: detect.MySQL, PSSKB: 900000, Exact: true},
	})
	if len(g) != 3 || g[0].Name != detect.Apache || g[1].Name != detect.MySQL || g[2].Name != Other {
		t.Fatalf("order: %+v", g)
	}
	a := g[0]
	if a.Processes != 3 || a.Children != 2 || a.ParentKB != 8000 || a.AvgChildKB() != 14500 || a.Exact {
		t.Errorf("apache: %+v", a)
	}
	if g[1].AvgChildKB() != 900000 {
		t.Errorf("single-process service: %+v", g[1])
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"128M": 128 << 20, "1G": 1 << 30, "512k": 512 << 10, "1073741824": 1 << 30, " '2G' ": 2 << 30, "1.5G": 3 << 29} {
		if got, ok := ParseSize(in); !ok || got != want {
			t.Errorf("ParseSize(%q) = %d, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "M", "-1G", "lots", "NaN", "9999999999999T"} {
		if _, ok := ParseSize(in); ok {
			t.Errorf("ParseSize(%q) accepted", in)
		}
	}
}

func TestCatalog(t *testing.T) {
	c, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if c.Date == "" || c.Region != "ap-northeast-2" || c.Currency != "USD" {
		t.Errorf("catalog header: %+v", c)
	}
	micro := c.Family("t3")[1]
	if micro.Type != "t3.micro" || micro.HourlyUSD != 0.013 || micro.OnDemandEstimate || micro.CreditsPerHour() != 12 {
		t.Errorf("t3.micro: %+v credits %v", micro, micro.CreditsPerHour())
	}
	// AWS table: t3.large 36 credits/h, t3.xlarge 96.
	for _, tt := range c.Family("t3") {
		want := map[string]float64{"t3.nano": 6, "t3.small": 24, "t3.medium": 24, "t3.large": 36, "t3.xlarge": 96, "t3.2xlarge": 192}[tt.Type]
		if want != 0 && tt.CreditsPerHour() != want {
			t.Errorf("%s earns %v credits/h, AWS says %v", tt.Type, tt.CreditsPerHour(), want)
		}
	}
	for _, f := range []string{c.AdviceFamilies.C, c.AdviceFamilies.M, c.AdviceFamilies.R} {
		if len(c.Family(f)) == 0 {
			t.Errorf("advice family %s not in catalog", f)
		}
	}
	for _, bad := range []string{`{}`, `{"date":"x","region":"r","types":[{"type":"a"}]}`, `{"date":"x","region":"r","types":[{"type":"t","vcpu":2,"memory_gib":1,"hourly_usd":1,"burstable":true}]}`, `nope`} {
		if _, err := ParseCatalog([]byte(bad)); err == nil {
			t.Errorf("bad catalog accepted: %s", bad)
		}
	}
}

// The budget table covers the whole memory, for every fixture.
func TestBudgetAddsUp(t *testing.T) {
	for _, f := range allFixtures() {
		r := fixtureReport(t, f.name)
		if len(r.Services) < 2 || len(r.Recommendations) == 0 {
			t.Errorf("%s: services %+v, %d recommendations", f.name, r.Services, len(r.Recommendations))
		}
		var sum int64
		for _, l := range r.Budget {
			sum += l.MB
		}
		if sum != r.Memory.TotalMB {
			t.Errorf("%s: budget lines sum to %d MB, total is %d", f.name, sum, r.Memory.TotalMB)
		}
		for _, rc := range r.Recommendations {
			if rc.Reason == "" || strings.HasPrefix(rc.Reason, "!") || strings.Contains(rc.Reason, "%!") {
				t.Errorf("%s %s: bad reason %q", f.name, rc.Directive, rc.Reason)
			}
		}
	}
}

// Two PHP-FPM pools are sized on their own children.
func TestFPMPools(t *testing.T) {
	procs := []ProcMem{
		{PID: 10, PPID: 1, Service: detect.PHPFPM, PSSKB: 10 << 10, Exact: true, Args: "php-fpm: master process (/etc/php-fpm.conf)"},
		{PID: 11, PPID: 10, Service: detect.PHPFPM, PSSKB: 30 << 10, Exact: true, Args: "php-fpm: pool www"},
		{PID: 12, PPID: 10, Service: detect.PHPFPM, PSSKB: 30 << 10, Exact: true, Args: "php-fpm: pool www"},
		{PID: 13, PPID: 10, Service: detect.PHPFPM, PSSKB: 90 << 10, Exact: true, Args: "php-fpm: pool shop"},
	}
	g := Group(procs)
	if p := g[0].Pools; p["www"].Children != 2 || p["shop"].KB != 90<<10 {
		t.Fatalf("pools: %+v", p)
	}
	m := Measurement{
		Mem:      Meminfo{TotalKB: 4 << 20, AvailableKB: 3 << 20},
		Services: g,
		Settings: Settings{FPM: []FPMPool{{Name: "www", PM: "dynamic", MaxChildren: set(50)}, {Name: "shop", PM: "static", MaxChildren: set(10)}}},
		CPUErr:   errNoSample,
	}
	r := Build(m, Options{})
	got := map[string]string{}
	for _, rc := range r.Recommendations {
		if rc.Directive == "pm.max_children" {
			got[rc.Scope] = rc.Recommended
		}
	}
	// (4096 − 500 − 409 − 10) / 2 pools = 1588 MB each: www 30 MB → 52, shop 90 MB → 17.
	if got["www"] != "52" || got["shop"] != "17" {
		t.Errorf("per-pool max_children: %v", got)
	}
}

// Event MPM beside PHP-FPM (Debian's default since 12), from numbers.
func TestThreadedApacheWithFPM(t *testing.T) {
	m := Measurement{
		Mem: Meminfo{TotalKB: 4 << 20, AvailableKB: 3 << 20},
		Services: []ServiceMemory{
			{Name: detect.Apache, Processes: 3, PSSKB: 40 << 10, ParentKB: 8 << 10, Children: 2, ChildKB: 32 << 10, MaxChildKB: 16 << 10, MaxChildThreads: 27, Exact: true},
			{Name: detect.PHPFPM, Processes: 6, PSSKB: 210 << 10, ParentKB: 10 << 10, Children: 5, ChildKB: 200 << 10, MaxChildKB: 40 << 10, Exact: true},
		},
		Settings: Settings{
			Apache: &ApacheSettings{MPM: "event", MaxRequestWorkers: set(150), ThreadsPerChild: set(25), ServerLimit: def(16)},
			FPM:    []FPMPool{{Name: "www", PM: "dynamic", MaxChildren: set(5)}},
		},
		CPUErr: errNoSample,
	}
	r := Build(m, Options{})
	r.Localize(i18n.New(i18n.KO))
	got := map[string]Recommendation{}
	for _, rc := range r.Recommendations {
		got[rc.Directive] = rc
	}
	// One web budget: 4096 − 500 − 409 = 3187 MB, minus the parent (8) and
	// the master (10) = 3169 MB. A thread costs 0.125 MB of stack + (16 − 8)
	// MB / 25 threads = 0.445 MB, a process 16 − 25 × 0.445 = 4.9 MB; a
	// worker costs 0.445 + 4.9/25 = 0.65 MB. Apache workers are sized apart
	// from PHP slots: each PHP request is given a 40 MB child and 4 workers
	// (2.6 MB): 74 requests, 296 workers → 12 processes × 25 = 300.
	if x := got["MaxRequestWorkers"]; x.Recommended != "300" || x.Current != "150" {
		t.Errorf("event MaxRequestWorkers: %+v", x)
	}
	if x := got["ServerLimit"]; x.Recommended != "12" {
		t.Errorf("event ServerLimit: %+v", x)
	}
	if x := got["MaxConnectionsPerChild"]; x.Recommended != "50000" {
		t.Errorf("event MaxConnectionsPerChild: %+v", x)
	}
	// pm.max_children ≤ MaxRequestWorkers: 74. The current 5 fits but is
	// not the recommendation: "tune", never "ok" ("ok" means they agree).
	if x := got["pm.max_children"]; x.Recommended != "74" || x.Severity != Tune {
		t.Errorf("pm.max_children: %+v", x)
	}
	if !strings.Contains(got["pm.max_children"].Reason, "PHP-FPM 자식 프로세스") {
		t.Errorf("Korean reason: %s", got["pm.max_children"].Reason)
	}
	if len(r.Instances) != 0 {
		t.Error("no catalog, no instances")
	}
}

// On the real machine with the Debian daemons running (CI starts them via
// scripts/peers.d/daemons.sh), the report names each with non-zero PSS.
func TestLiveDaemons(t *testing.T) {
	if os.Getenv("CWSETUP_LIVE_DAEMONS") != "1" {
		testpeer.Missing(t, "CWSETUP_LIVE_DAEMONS=1 (real nginx, apache2, php-fpm, mariadb, tomcat10 started by scripts/peers.d/daemons.sh)")
	}
	r, err := host.Open("/")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Measure(context.Background(), r, NewStatSampler(r, 200*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	rep := Build(m, Options{Catalog: cat})
	rep.Localize(i18n.New(i18n.EN))
	seen := map[string]ServiceReport{}
	for _, s := range rep.Services {
		seen[s.Name] = s
	}
	for _, name := range []string{detect.Apache, detect.Nginx, detect.PHPFPM, detect.MySQL, detect.Tomcat} {
		s, ok := seen[name]
		if !ok {
			t.Errorf("running %s not in the report (services: %+v)", name, rep.Services)
			continue
		}
		if s.PSSMB <= 0 || s.Processes == 0 {
			t.Errorf("%s: %+v", name, s)
		}
		if os.Geteuid() == 0 && !s.PSSExact {
			t.Errorf("%s: PSS not exact although running as root", name)
		}
	}
	if !rep.CPU.Sampled || rep.CPU.VCPU == 0 {
		t.Errorf("CPU not sampled: %+v (%v)", rep.CPU, m.CPUErr)
	}
	if len(rep.Instances) == 0 {
		t.Error("no instance advice")
	}
	if m.Settings.Apache == nil || m.Settings.Apache.MPM == "" || len(m.Settings.FPM) == 0 || m.Settings.MySQL == nil || m.Settings.Tomcat == nil {
		t.Errorf("settings not read: %+v problems %v", m.Settings, m.SettingsProblems)
	}
}

// root1000 is lamp-4g's configs and base processes with prefork children
// up to 1,000 processes.
func root1000(b *testing.B) (host.Root, []int) {
	dir := b.TempDir()
	f := allFixtures()[0]
	for i := 0; len(f.procs) < 1000; i++ {
		f.procs = append(f.procs, fproc{pid: 5000 + i, ppid: 1020, comm: "apache2", argv: []string{"/usr/sbin/apache2", "-k", "start"},
			user: 33, pssKB: 15000, rssKB: 29000, shareKB: 14000})
	}
	writeFixture(b, dir, f)
	r, err := host.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	var pids []int
	for _, p := range f.procs {
		if p.pssKB > 0 {
			pids = append(pids, p.pid)
		}
	}
	return r, pids
}

// BenchmarkMeasure1000 is a full measurement (meminfo, 1,000 processes'
// smaps_rollup, grouping, settings, evidence) on a generated root. Report: ms/op.
func BenchmarkMeasure1000(b *testing.B) {
	r, _ := root1000(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, err := Measure(context.Background(), r, nil)
		if err != nil || len(m.Processes) < 990 {
			b.Fatalf("%v, %d processes", err, len(m.Processes))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
}

// BenchmarkSizing1000 is the whole sizing job (Assess: measure, ledger,
// recommendations, instance advice with the embedded catalog) on the same
// root; compare with BenchmarkReadRollup1000, the floor.
func BenchmarkSizing1000(b *testing.B) {
	r, _ := root1000(b)
	cat, err := LoadCatalog()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := Assess(context.Background(), r, nil, Options{Catalog: cat})
		if err != nil || len(rep.Recommendations) == 0 {
			b.Fatalf("%v, %d recommendations", err, len(rep.Recommendations))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
}

// BenchmarkReadRollup1000 only reads the 1,000 processes' smaps_rollup
// files: what any PSS-based sizing must pay.
func BenchmarkReadRollup1000(b *testing.B) {
	r, pids := root1000(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, pid := range pids {
			if _, err := os.ReadFile(r.Path("/proc/" + strconv.Itoa(pid) + "/smaps_rollup")); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
}

// A database-only host: the buffer pool may take most of the memory.
func TestDedicatedDatabase(t *testing.T) {
	m := Measurement{
		Mem:      Meminfo{TotalKB: 8 << 20, AvailableKB: 7 << 20},
		Services: []ServiceMemory{{Name: detect.MySQL, Processes: 1, PSSKB: 300 << 10, ParentKB: 300 << 10, Exact: true}},
		Settings: Settings{MySQL: &MySQLSettings{Source: "/etc/my.cnf"}},
		CPUErr:   errNoSample,
	}
	r := Build(m, Options{})
	bp := r.Recommendations[0]
	if bp.Directive != "innodb_buffer_pool_size" || bp.ReasonKey != i18n.SizingWhyBufferPoolDedicated || bp.Severity != Tune || bp.Current != "128M" || !bp.Default {
		t.Fatalf("%+v", bp)
	}
	// 8192 − 500 − 819 = 6873 MB; minus the key and log buffers (24 MB) and
	// what 151 connections hold (MySQL 8's 1 MiB thread stack + 32 KiB of
	// network buffers each = 155 MB; the per-query worst case is only
	// reported): 6694 × ¾ = 5020 → 4992M.
	if bp.Recommended != "4992M" {
		t.Errorf("dedicated buffer pool %s", bp.Recommended)
	}
}

// A 1 GB box running 8 Apache and 6 PHP-FPM children beside MariaDB with
// no OOM kill and no "reached" error in its logs is never advised below
// what runs there; with an OOM kill in the logs the formula stands.
func TestKeepWhatRunsWithoutPressure(t *testing.T) {
	var notes []string
	build := func(ev Evidence) map[string]Recommendation {
		m := Measurement{
			Mem: Meminfo{TotalKB: 1 << 20, AvailableKB: 300 << 10},
			Services: []ServiceMemory{
				{Name: detect.Apache, Processes: 9, PSSKB: 72 << 10, ParentKB: 8 << 10, Children: 8, ChildKB: 64 << 10, MaxChildKB: 9 << 10, Exact: true},
				{Name: detect.PHPFPM, Processes: 7, PSSKB: 370 << 10, ParentKB: 10 << 10, Children: 6, ChildKB: 360 << 10, MaxChildKB: 62 << 10, Exact: true},
				{Name: detect.MySQL, Processes: 1, PSSKB: 180 << 10, Exact: true},
			},
			Settings: Settings{
				Apache: &ApacheSettings{MPM: "prefork", MaxRequestWorkers: set(10), ServerLimit: set(10)},
				FPM:    []FPMPool{{Name: "www", PM: "ondemand", MaxChildren: set(6)}},
				MySQL:  &MySQLSettings{MariaDB: true, BufferPool: set(128 << 20)},
			},
			Evidence: ev,
			CPUErr:   errNoSample,
		}
		r := Build(m, Options{})
		r.Localize(i18n.New(i18n.EN))
		got := map[string]Recommendation{}
		for _, rc := range r.Recommendations {
			got[rc.Directive] = rc
		}
		notes = notes[:0]
		for _, n := range r.Notes {
			notes = append(notes, n.Text)
		}
		return got
	}
	calm := Evidence{Swappiness: 60, OOMKills: []OOMKill{}, LogsRead: []string{"/var/log/messages", "/var/log/httpd/error_log"}, FPMMaxChildren: []PoolHits{}}
	got := build(calm)
	if n := num(got["MaxRequestWorkers"].Recommended); n < 8 {
		t.Errorf("calm box: MaxRequestWorkers %d below the 8 running", n)
	}
	if n := num(got["pm.max_children"].Recommended); n < 6 {
		t.Errorf("calm box: pm.max_children %d below the 6 running", n)
	}
	all := strings.Join(notes, "\n")
	if !strings.Contains(all, "php-fpm[www] pm.max_children is not advised below 6, what runs now") {
		t.Errorf("no note on the kept limit:\n%s", all)
	}
	if !regexp.MustCompile(`MySQL's global buffers \(\d+ MB\) → the web tier \(\d+ MB\) → MySQL's connections`).MatchString(all) {
		t.Errorf("no tier order:\n%s", all)
	}
	oom := calm
	oom.OOMKills = []OOMKill{{When: "Nov 30 03:12:44", Process: "php-fpm", Source: "/var/log/messages"}}
	got = build(oom)
	if n := num(got["pm.max_children"].Recommended); n >= 6 {
		t.Errorf("after an OOM kill the formula stands: pm.max_children %d", n)
	}
}

func num(s string) int64 { n, _ := strconv.ParseInt(s, 10, 64); return n }

// Swapped-out children are memory they need back at full load: a box whose
// PHP-FPM children sit mostly in swap is not given more children than the
// same box with them resident.
func TestSwapLowersLimits(t *testing.T) {
	limits := func(swapped bool) (int64, int64) {
		f := rockyFixture("swap", "prefork", 0, 3, false)
		if swapped {
			f.memKB["SwapTotal"], f.memKB["SwapFree"] = 2097148, 209714 // 1.8 of 2 GB in use
			for i := range f.procs {
				if p := &f.procs[i]; p.comm == "php-fpm" && p.ppid != 1 {
					p.swapKB = p.pssKB - 8000
					p.pssKB, p.rssKB = 8000, 8000+p.shareKB
				}
			}
		}
		dir := t.TempDir()
		writeFixture(t, dir, f)
		r, err := host.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Measure(context.Background(), r, nil)
		if err != nil {
			t.Fatal(err)
		}
		rep := Build(m, Options{})
		var mrw, mc int64
		for _, rc := range rep.Recommendations {
			switch rc.Directive {
			case "MaxRequestWorkers":
				mrw = num(rc.Recommended)
			case "pm.max_children":
				mc = num(rc.Recommended)
			}
		}
		return mrw, mc
	}
	mrw, mc := limits(false)
	smrw, smc := limits(true)
	if smc > mc || smrw > mrw {
		t.Errorf("children in swap: MaxRequestWorkers %d, pm.max_children %d; resident: %d, %d", smrw, smc, mrw, mc)
	}
}

// Small counts read as words: never "0–0 users", "1 children", "largest
// of 0 children" or "vm.swappiness ?"; assumed MySQL defaults are said.
func TestWordingOfSmallCounts(t *testing.T) {
	m := Measurement{
		Mem: Meminfo{TotalKB: 700 << 10, AvailableKB: 300 << 10},
		Services: []ServiceMemory{
			{Name: detect.Apache, Processes: 2, PSSKB: 60 << 10, ParentKB: 8 << 10, Children: 1, ChildKB: 52 << 10, MaxChildKB: 52 << 10, Exact: true},
			{Name: detect.MySQL, Processes: 1, PSSKB: 150 << 10, Exact: true},
		},
		Settings: Settings{
			Apache: &ApacheSettings{MPM: "prefork", ModPHP: true, MaxRequestWorkers: set(150), ServerLimit: set(150)},
			MySQL:  &MySQLSettings{MariaDB: true}, // no option file was read
		},
		Evidence: Evidence{Swappiness: -1, OOMKills: []OOMKill{}, LogsRead: []string{}, FPMMaxChildren: []PoolHits{}},
		CPUErr:   errNoSample,
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.KO} {
		r := Build(m, Options{})
		r.Localize(i18n.New(lang))
		var all []string
		for _, rc := range r.Recommendations {
			all = append(all, rc.Reason)
		}
		for _, n := range r.Notes {
			all = append(all, n.Text)
		}
		text := strings.Join(all, "\n")
		for _, bad := range []string{"0–0", "0~0", " 1 children", "of 0 children", "swappiness ?", "0개 중"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: %q in:\n%s", lang, bad, text)
			}
		}
		want := map[i18n.Lang][]string{
			i18n.EN: {"PSS of the one child running", "less than one user at once", "vm.swappiness unknown", "No MariaDB option file was found"},
			i18n.KO: {"실행 중인 자식 하나의 PSS", "동시 사용자 1명에도 못 미치는", "vm.swappiness 알 수 없음", "MariaDB 설정 파일"},
		}[lang]
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: want %q in:\n%s", lang, w, text)
			}
		}
	}
	for n, want := range map[int64]i18n.Key{3: i18n.SizingUsersUnderOne, 9: i18n.SizingUsersOne, 12: i18n.SizingUsersAbout, 48: i18n.SizingUsersRange} {
		if got := usersMsg(n); got.Key != want {
			t.Errorf("usersMsg(%d) = %s, want %s", n, got.Key, want)
		}
	}
}

// A 64 GB MySQL box with a 48 GiB buffer pool is offered a 64 GiB type
// whether the pool is cold (2.9 GB resident after a restart) or warm: the
// pool counts at its configured size, and headroom only on what varies.
func TestInstanceNeedFromConfiguredBuffers(t *testing.T) {
	cat, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name            string
		mysqlMB, usedMB int64
	}{{"cold", 2900, 3600}, {"warm", 49500, 50300}} {
		totalKB := int64(63 << 20) // MemTotal of a 64 GiB type
		m := Measurement{
			Mem:      Meminfo{TotalKB: totalKB, AvailableKB: totalKB - tc.usedMB<<10},
			Services: []ServiceMemory{{Name: detect.MySQL, Processes: 1, PSSKB: tc.mysqlMB << 10, Exact: true}},
			Settings: Settings{MySQL: &MySQLSettings{BufferPool: set(48 << 30), Source: "/etc/mysql/my.cnf"}},
			CPUErr:   errNoSample,
		}
		r := Build(m, Options{Catalog: cat})
		if r.Need.FixedMB < 48<<10 {
			t.Errorf("%s: fixed %d MB, want the 48 GiB pool at its configured size", tc.name, r.Need.FixedMB)
		}
		var mem []float64
		for _, o := range r.Instances {
			if !o.Burstable {
				mem = append(mem, o.MemoryGiB)
			}
		}
		if len(mem) == 0 {
			t.Fatalf("%s: no offer for %d MB", tc.name, r.Need.MemoryMB)
		}
		for _, g := range mem {
			if g != 64 {
				t.Errorf("%s: need %d MB, offered %v GiB types, want 64 only", tc.name, r.Need.MemoryMB, mem)
				break
			}
		}
	}
}

// PHP-FPM in a 512 MB cgroup (MemoryMax=512M) is flagged with the limit
// named when its limits let it grow past it; Apache, unlimited, is not.
func TestServiceCgroupFlagged(t *testing.T) {
	f := rockyFixture("cg", "prefork", 0, 3, false)
	f.files["proc/1300/cgroup"] = "0::/system.slice/php-fpm.service\n"
	f.files["sys/fs/cgroup/system.slice/php-fpm.service/memory.max"] = "536870912\n"
	f.files["proc/1020/cgroup"] = "0::/system.slice/httpd.service\n"
	f.files["sys/fs/cgroup/system.slice/httpd.service/memory.max"] = "max\n"
	dir := t.TempDir()
	writeFixture(t, dir, f)
	r, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Measure(context.Background(), r, nil)
	if err != nil {
		t.Fatal(err)
	}
	if lim := m.Cgroups[detect.PHPFPM]; lim.MB != 512 || lim.File != "/sys/fs/cgroup/system.slice/php-fpm.service/memory.max" {
		t.Errorf("php-fpm cgroup: %+v", m.Cgroups)
	}
	if _, ok := m.Cgroups[detect.Apache]; ok {
		t.Errorf("apache has no limit: %+v", m.Cgroups)
	}
	rep := Build(m, Options{})
	rep.Localize(i18n.New(i18n.EN))
	var flagged []string
	for _, n := range rep.Notes {
		if n.Key == i18n.SizingNoteCgroupTight {
			flagged = append(flagged, n.Text)
		}
	}
	if len(flagged) != 1 || !strings.Contains(flagged[0], "php-fpm may reach") || !strings.Contains(flagged[0], "allows 512 MB (/sys/fs/cgroup/system.slice/php-fpm.service/memory.max)") {
		t.Errorf("cgroup notes: %q", flagged)
	}
}

// The unlimited-mode surcharge counts only what the baseline's own credits
// do not cover (t3.medium flat out: 2 × 80 % × USD 0.05 × 730 h ≈ USD 58,
// not 73); on a Graviton host x86 is the move, not arm64.
func TestCreditsAndArch(t *testing.T) {
	cat, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, arch := range []string{"amd64", "arm64"} {
		m := Measurement{Mem: Meminfo{TotalKB: 4 << 20, AvailableKB: 2 << 20}, CPUErr: errNoSample, Arch: arch}
		r := Build(m, Options{Catalog: cat})
		r.Localize(i18n.New(i18n.EN))
		keys := map[i18n.Key]string{}
		for _, n := range r.Notes {
			keys[n.Key] = n.Text
		}
		if c := keys[i18n.SizingNoteCredits]; !strings.Contains(c, "t3.medium") || !strings.Contains(c, "USD 58 a month") {
			t.Errorf("%s credits: %s", arch, c)
		}
		_, x86 := keys[i18n.SizingNoteX86Move]
		_, armMove := keys[i18n.SizingNoteArm]
		if (arch == "arm64") != x86 || (arch == "arm64") == armMove {
			t.Errorf("%s: x86 note %v, arm note %v", arch, x86, armMove)
		}
	}
}
