package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/sizing"
)

var updateSizing = flag.Bool("update", false, "rewrite golden files")

var sizingFixtures = []string{"lamp-4g", "lamp-8g", "nginx-fpm-2g", "tomcat-4g", "t3micro-danger",
	"rocky8-prefork-fpm-3", "rocky8-prefork-fpm-12", "rocky8-event-fpm-25", "rocky8-event-fpm-64", "rocky8-mariadb", "tomcat-ramp75", "tomcat-cgroup-v1", "shared-1g", "db-64g-cold"}

// fixtureSampler replays the fixture's two recorded /proc/stat snapshots.
func fixtureSampler(t *testing.T) func(host.Root, time.Duration) sizing.CPUSampler {
	return func(r host.Root, _ time.Duration) sizing.CPUSampler {
		a, err := r.ReadFile("/proc/stat")
		if err != nil {
			t.Fatal(err)
		}
		b, err := r.ReadFile("/proc/stat.later")
		if err != nil {
			t.Fatal(err)
		}
		return sizing.SnapshotSampler(a, b)
	}
}

func runSizingFixture(t *testing.T, name string, lang i18n.Lang, asJSON bool, price float64) (stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	dir := testpeer.Testdata("sizing", name)
	o := &sizingOptions{
		JSON: asJSON, Sample: 2 * time.Second, ServerPrice: price,
		Root:    func() (host.Root, error) { return host.Open(dir) },
		Sampler: fixtureSampler(t), Out: &out, ErrOut: &errOut, P: i18n.New(lang),
	}
	if err := runSizing(context.Background(), o); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out.String(), errOut.String()
}

func golden(t *testing.T, got, file string) {
	t.Helper()
	path := testpeer.Testdata("sizing", file)
	if *updateSizing {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestSizingGolden -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden; diff it with go test -update and git diff.\ngot:\n%s", file, got)
	}
}

func TestSizingGolden(t *testing.T) {
	for _, name := range sizingFixtures {
		t.Run(name, func(t *testing.T) {
			price := 0.0
			if name == "lamp-4g" {
				price = 4500
			}
			js, _ := runSizingFixture(t, name, i18n.EN, true, price)
			golden(t, js, name+".json")
			_, en := runSizingFixture(t, name, i18n.EN, false, price)
			golden(t, strings.SplitN(en, "\n", 2)[1], name+".en.txt") // first line is progress
			_, ko := runSizingFixture(t, name, i18n.KO, false, price)
			golden(t, strings.SplitN(ko, "\n", 2)[1], name+".ko.txt")
		})
	}
}

// What the issue asks of each fixture, checked on the JSON.
func TestSizingFixtureFacts(t *testing.T) {
	report := func(name string) sizing.Report {
		js, _ := runSizingFixture(t, name, i18n.EN, true, 0)
		var r sizing.Report
		if err := json.Unmarshal([]byte(js), &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	svc := func(r sizing.Report, name string) sizing.ServiceReport {
		for _, s := range r.Services {
			if s.Name == name {
				return s
			}
		}
		t.Fatalf("service %s missing", name)
		return sizing.ServiceReport{}
	}
	rec := func(r sizing.Report, service, directive string) sizing.Recommendation {
		for _, x := range r.Recommendations {
			if x.Service == service && x.Directive == directive {
				return x
			}
		}
		t.Fatalf("no recommendation for %s %s", service, directive)
		return sizing.Recommendation{}
	}

	r := report("lamp-4g")
	if a := svc(r, "apache"); a.Children != 20 || a.AvgChildPSSMB < 14.5 || a.AvgChildPSSMB > 14.9 || !a.PSSExact {
		t.Errorf("lamp-4g apache: %+v", a)
	}
	if m := svc(r, "mysql"); m.PSSMB < 950 || m.PSSMB > 1100 {
		t.Errorf("lamp-4g mysql: %+v", m)
	}
	if x := rec(r, "apache", "MaxRequestWorkers"); x.Current != "150" || x.Severity == sizing.OK {
		t.Errorf("lamp-4g MaxRequestWorkers 150 × 14.7 MB exceeds the ~2 GB Apache budget: %+v", x)
	}
	if r.Memory.TotalMB != 3876 || r.Memory.ReservedMB <= 0 || r.Catalog.Date == "" || r.Catalog.Region != "ap-northeast-2" {
		t.Errorf("lamp-4g memory/catalog: %+v %+v", r.Memory, r.Catalog)
	}
	if !r.Need.Burstable || !r.Instances[0].Burstable {
		t.Errorf("lamp-4g at 12%% CPU should fit a burstable type: %+v", r.Need)
	}

	r = report("t3micro-danger")
	if x := rec(r, "apache", "MaxRequestWorkers"); x.Severity != sizing.Danger || x.Current != "1024" || !strings.Contains(x.Reason, "OOM") {
		t.Errorf("MaxRequestWorkers 1024 on 1 GB must be danger: %+v", x)
	}

	r = report("lamp-8g")
	if r.Need.Burstable {
		t.Errorf("lamp-8g at 55%% CPU must not get burstable advice: %+v", r.Need)
	}
	// Burstable types stay in the list, marked: a 2 s sample cannot tell a
	// burst from a steady load.
	burst := 0
	for _, o := range r.Instances {
		if o.Burstable {
			burst++
			if o.CPUFit != "sample_above_baseline" {
				t.Errorf("burstable offer %s for a busy sample: cpu_fit %q", o.Type, o.CPUFit)
			}
		}
	}
	if burst == 0 {
		t.Error("lamp-8g: burstable types were dropped instead of kept with the caveat")
	}
	if x := rec(r, "apache", "MaxConnectionsPerChild"); x.Severity != sizing.OK || x.Recommended != "5000" {
		t.Errorf("lamp-8g MaxConnectionsPerChild: %+v", x)
	}
	// max_connections follows the web tier: every mod_php worker may hold a
	// connection, plus a margin; 151 is more than the web tier can open, so
	// it is lowered (each connection's worst case is in the ledger).
	mrw := rec(r, "apache", "MaxRequestWorkers")
	if x := rec(r, "mysql", "max_connections"); x.Recommended != fmt.Sprint(r.Web.PHPSlots+max((r.Web.PHPSlots+9)/10, 5)) || mrw.Recommended != fmt.Sprint(r.Web.PHPSlots) || x.Current != "151" {
		t.Errorf("lamp-8g max_connections %+v for %d PHP slots (MaxRequestWorkers %s)", x, r.Web.PHPSlots, mrw.Recommended)
	}

	r = report("nginx-fpm-2g")
	if x := rec(r, "php-fpm", "pm.max_children"); x.Current != "40" || x.Scope != "www" || x.Severity == sizing.OK {
		t.Errorf("nginx-fpm-2g 40 children × ~38 MB do not fit: %+v", x)
	}
	svc(r, "nginx")

	r = report("tomcat-4g")
	if tc := svc(r, "tomcat"); tc.PSSExact {
		t.Errorf("tomcat-4g has no smaps_rollup for java, RSS must be flagged: %+v", tc)
	}
	if x := rec(r, "tomcat", "-Xmx"); x.Current != "2048m" {
		t.Errorf("tomcat -Xmx: %+v", x)
	}
	if x := rec(r, "tomcat", "maxThreads"); x.Current != "400" {
		t.Errorf("tomcat maxThreads: %+v", x)
	}
	found := false
	for _, n := range r.Notes {
		found = found || n.Key == i18n.SizingNoteRSSFallback
	}
	if !found {
		t.Error("tomcat-4g: no RSS fallback note")
	}
}

// The Rocky 8 platform the project starts from: Apache prefork in front of
// PHP-FPM. The web tier is one budget sized on the configured maxima and
// the largest child, whatever the number of children alive.
func TestSizingWebTier(t *testing.T) {
	report := func(name string) sizing.Report {
		js, _ := runSizingFixture(t, name, i18n.EN, true, 0)
		var r sizing.Report
		if err := json.Unmarshal([]byte(js), &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	recs := func(r sizing.Report) map[string]sizing.Recommendation {
		m := map[string]sizing.Recommendation{}
		for _, x := range r.Recommendations {
			m[x.Service+" "+x.Directive] = x
		}
		return m
	}
	num := func(s string) int {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("not a number: %q", s)
		}
		return n
	}
	three, twelve := report("rocky8-prefork-fpm-3"), report("rocky8-prefork-fpm-12")
	r3, r12 := recs(three), recs(twelve)
	mrw := num(r3["apache MaxRequestWorkers"].Recommended)
	if mrw < 60 || mrw > 200 {
		t.Errorf("4 GB prefork + PHP-FPM, 3 idle children: MaxRequestWorkers %d, want 60–200", mrw)
	}
	if mc := num(r3["php-fpm pm.max_children"].Recommended); mc > mrw {
		t.Errorf("pm.max_children %d > MaxRequestWorkers %d", mc, mrw)
	}
	if w := three.Web; w == nil || !w.ProxiedToFPM || w.Front != "apache" || w.MPM != "prefork" {
		t.Errorf("web tier: %+v", three.Web)
	}
	for _, k := range []string{"apache MaxRequestWorkers", "apache ServerLimit", "php-fpm pm.max_children"} {
		if r3[k].Recommended != r12[k].Recommended {
			t.Errorf("%s: %s with 3 children, %s with 12: the count alive must not matter", k, r3[k].Recommended, r12[k].Recommended)
		}
	}
	// The quiet box keeps Apache workers apart from PHP slots: a worker
	// waiting on a busy pool costs a worker, not a PHP child.
	if mc := num(r3["php-fpm pm.max_children"].Recommended); mrw < 2*mc {
		t.Errorf("MaxRequestWorkers %d for %d PHP slots: Apache workers are not sized apart", mrw, mc)
	}
	if !strings.Contains(r3["apache MaxRequestWorkers"].Reason, "Apache workers are sized apart") {
		t.Errorf("the reason does not say why: %s", r3["apache MaxRequestWorkers"].Reason)
	}

	// Evidence in the 12-children root's logs.
	e := twelve.Evidence
	if len(e.OOMKills) != 1 || e.OOMKills[0].Process != "php-fpm" || e.OOMKills[0].Source != "/var/log/messages" || e.OOMKills[0].When != "Nov 30 03:12:44" {
		t.Errorf("OOM kills: %+v", e.OOMKills)
	}
	if e.MaxWorkersHits != 1 || len(e.FPMMaxChildren) != 1 || e.FPMMaxChildren[0].Hits != 2 || !e.JournalSkipped || e.Swappiness != 30 {
		t.Errorf("evidence: %+v", e)
	}

	// event + FPM: ThreadsPerChild 64 instead of 25 on the same memory
	// does not multiply the answer.
	e25, e64 := recs(report("rocky8-event-fpm-25")), recs(report("rocky8-event-fpm-64"))
	m25, m64 := num(e25["apache MaxRequestWorkers"].Recommended), num(e64["apache MaxRequestWorkers"].Recommended)
	if m25 == 0 || float64(m64)/float64(m25) > 1.5 {
		t.Errorf("MaxRequestWorkers %d at 25 threads, %d at 64: threads are not free", m25, m64)
	}
	for _, x := range []map[string]sizing.Recommendation{e25, e64} {
		if num(x["php-fpm pm.max_children"].Recommended) > num(x["apache MaxRequestWorkers"].Recommended) {
			t.Errorf("pm.max_children above MaxRequestWorkers: %+v", x)
		}
	}

	// MariaDB 10.3 on Rocky 8 (comm mysqld) through /etc/my.cnf and
	// !includedir /etc/my.cnf.d: the 1G pool is read, MariaDB's defaults
	// apply, max_connections follows the web tier (lowered from 151).
	mr := report("rocky8-mariadb")
	mx := recs(mr)
	if bp := mx["mysql innodb_buffer_pool_size"]; bp.Current != "1024M" || bp.Default || !strings.Contains(bp.Reason, "MariaDB") || !strings.Contains(bp.Reason, "Aria page cache 128 MB") {
		t.Errorf("buffer pool: %+v", bp)
	}
	if mc := mx["mysql max_connections"]; num(mc.Recommended) >= 151 || mc.Current != "151" || !strings.Contains(mc.Reason, "holds") {
		t.Errorf("max_connections: %+v", mc)
	}
	var mysqlMB, webMB int64
	for _, l := range mr.Budget {
		switch l.Name {
		case "mysql":
			mysqlMB = l.MB
		case "apache", "php-fpm":
			webMB += l.MB
		}
		if l.MB < 0 {
			t.Errorf("ledger over: %+v", mr.Budget)
		}
	}
	if mysqlMB == 0 || webMB == 0 {
		t.Errorf("ledger: %+v", mr.Budget)
	}

	// Tomcat with -XX:MaxRAMPercentage=75 on 3.9 GB: flagged.
	tr := recs(report("tomcat-ramp75"))
	if x := tr["tomcat -XX:MaxRAMPercentage"]; x.Current != "75" || x.Severity != sizing.Danger || num(x.Recommended) >= 75 || !strings.Contains(x.Reason, "machine's memory") {
		t.Errorf("MaxRAMPercentage: %+v", x)
	}

	// The 1 GB shared box runs 8 Apache and 6 PHP-FPM children with calm
	// logs: never advised below them.
	sh := recs(report("shared-1g"))
	if n := num(sh["apache MaxRequestWorkers"].Recommended); n < 8 {
		t.Errorf("1 GB box: MaxRequestWorkers %d below the 8 running", n)
	}
	if n := num(sh["php-fpm pm.max_children"].Recommended); n < 6 {
		t.Errorf("1 GB box: pm.max_children %d below the 6 running", n)
	}

	// The 64 GiB database box with a 48G pool, cold: offered 64 GiB types.
	db := report("db-64g-cold")
	for _, o := range db.Instances {
		if !o.Burstable && o.MemoryGiB != 64 {
			t.Errorf("64 GB DB box offered %s (%g GiB), need %d MB", o.Type, o.MemoryGiB, db.Need.MemoryMB)
		}
	}
	if len(db.Instances) == 0 {
		t.Errorf("64 GB DB box: no offer for %d MB", db.Need.MemoryMB)
	}

	// Tomcat in a 1 GiB cgroup (v1) on 3.9 GB: flagged, the limit named.
	cg := report("tomcat-cgroup-v1")
	if x := recs(cg)["tomcat -Xmx"]; x.Current != "768m" || x.Severity != sizing.Danger || num(strings.TrimSuffix(x.Recommended, "m")) > 1024-256-240-200 {
		t.Errorf("-Xmx in a cgroup: %+v", x)
	}
	named := false
	for _, n := range cg.Notes {
		named = named || strings.Contains(n.Text, "1024 MB (/sys/fs/cgroup/memory/system.slice/tomcat.service/memory.limit_in_bytes)")
	}
	if !named {
		t.Errorf("cgroup limit not named: %+v", cg.Notes)
	}
}

// A CPU sample is never called sustained, in either language.
func TestSizingSampleWording(t *testing.T) {
	for _, name := range sizingFixtures {
		_, en := runSizingFixture(t, name, i18n.EN, false, 0)
		_, ko := runSizingFixture(t, name, i18n.KO, false, 0)
		if strings.Contains(strings.ToLower(en), "sustained") || strings.Contains(ko, "지속") {
			t.Errorf("%s: a sample is worded as sustained", name)
		}
		if !strings.Contains(en, "sample") || !strings.Contains(ko, "표본") {
			t.Errorf("%s: the CPU figure is not labelled as a sample", name)
		}
	}
}

func TestSizingFlags(t *testing.T) {
	root := testpeer.Testdata("sizing", "lamp-4g")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"sizing", "--root", root, "--sample", "0", "--json"}, 0, `"total_mb": 3876`},
		{[]string{"sizing", "--root", root, "--sample", "-1s"}, 2, "--sample"},
		{[]string{"sizing", "--root", root, "--sample", "0", "--server-price", "-5"}, 2, "--server-price"},
		{[]string{"--lang", "ko", "sizing", "--root", root, "--sample", "0", "--server-price", "-5"}, 2, "0 이상의 USD"},
		{[]string{"sizing", "--root", root, "--server-price", "abc"}, 2, "abc"},
		{[]string{"sizing", "--root", filepath.Join(root, "nope")}, 2, "nope"},
		{[]string{"sizing", "--root", filepath.Join(root, "etc"), "--sample", "0"}, 1, "meminfo"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, nil, c.args...)
		if code != c.code || !strings.Contains(out+errOut, c.want) {
			t.Errorf("%v: exit %d (want %d), output lacks %q:\n%s%s", c.args, code, c.code, c.want, out, errOut)
		}
	}
}

// --region names a region the built-in catalog lacks: no prices at all
// (never Seoul's shown as us-east-1's), the memory/vCPU advice stays, and
// the report says so. Here AWS has no credentials to offer.
func TestSizingRegionWithoutPrices(t *testing.T) {
	var out, errOut bytes.Buffer
	dir := testpeer.Testdata("sizing", "rocky8-prefork-fpm-3")
	asked := ""
	o := &sizingOptions{
		JSON: true, Sample: 2 * time.Second, Region: "us-east-1",
		Root:    func() (host.Root, error) { return host.Open(dir) },
		Sampler: fixtureSampler(t), Out: &out, ErrOut: &errOut, P: i18n.New(i18n.EN),
		AWS: func(_ context.Context, region string, live bool) sizingAWS {
			asked = region
			return sizingAWS{Region: region, NoCredentials: true}
		},
	}
	if err := runSizing(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	var r sizing.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if asked != "us-east-1" || r.Catalog.AdviceRegion != "us-east-1" || r.Catalog.PricesFrom != "none" || r.Catalog.PricesRegion != "" || len(r.Instances) == 0 {
		t.Fatalf("catalog %+v, %d instances", r.Catalog, len(r.Instances))
	}
	for _, x := range r.Instances {
		if x.Priced || x.HourlyUSD != 0 || x.ThreeYearUSD.OnDemand != 0 {
			t.Errorf("%s has a price for a region the catalog lacks: %+v", x.Type, x)
		}
	}
	keys := map[i18n.Key]bool{}
	for _, n := range r.Notes {
		keys[n.Key] = true
	}
	if !keys[i18n.SizingNoteRegionUnpriced] || !keys[i18n.SizingNoteNoCredentials] {
		t.Errorf("notes: %+v", r.Notes)
	}
	// The text shows no price and names both regions.
	o.JSON, o.P = false, i18n.New(i18n.KO)
	errOut.Reset()
	if err := runSizing(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	txt := errOut.String()
	if strings.Contains(txt, "0.0520") || !strings.Contains(txt, "us-east-1") || !strings.Contains(txt, "ap-northeast-2") {
		t.Errorf("Korean text:\n%s", txt)
	}
	for _, bad := range []string{"--region", "ap-northeast-2;rm"} {
		o.Region = bad
		if err := runSizing(context.Background(), o); err == nil || !strings.Contains(err.Error(), "--region") {
			t.Errorf("--region %q: %v", bad, err)
		}
	}
}

// The live path against moto: the region's own types come from EC2
// (Graviton included); moto has no Price List, so prices are said to be
// unavailable for us-east-1 and none are shown.
func TestSizingRegionTypesFromEC2(t *testing.T) {
	testpeer.MotoServer(t)
	var out, errOut bytes.Buffer
	dir := testpeer.Testdata("sizing", "lamp-8g")
	o := &sizingOptions{
		JSON: true, Sample: 2 * time.Second, Region: "us-east-1",
		Root:    func() (host.Root, error) { return host.Open(dir) },
		Sampler: fixtureSampler(t), Out: &out, ErrOut: &errOut, P: i18n.New(i18n.EN), AWS: liveSizingAWS,
	}
	if err := runSizing(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	var r sizing.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if r.Catalog.TypesFrom != "ec2-api" || r.Catalog.PricesFrom != "none" || r.Catalog.AdviceRegion != "us-east-1" {
		t.Fatalf("catalog %+v notes %+v", r.Catalog, r.Notes)
	}
	arm := false
	for _, x := range r.Instances {
		arm = arm || x.Arch == "arm64"
		if x.Priced {
			t.Errorf("%s priced without a Price List for us-east-1", x.Type)
		}
	}
	keys := map[i18n.Key]bool{}
	for _, n := range r.Notes {
		keys[n.Key] = true
	}
	if !arm || !keys[i18n.SizingNotePricesUnavailable] || !keys[i18n.SizingNoteArm] {
		t.Errorf("instances %+v notes %+v", r.Instances, r.Notes)
	}
}
