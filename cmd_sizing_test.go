package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/sizing"
)

var updateSizing = flag.Bool("update", false, "rewrite golden files")

var sizingFixtures = []string{"lamp-4g", "lamp-8g", "nginx-fpm-2g", "tomcat-4g", "t3micro-danger"}

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
	for _, o := range r.Instances {
		if o.Burstable {
			t.Errorf("burstable offer %s for a busy host", o.Type)
		}
	}
	if x := rec(r, "apache", "MaxConnectionsPerChild"); x.Severity != sizing.OK || x.Recommended != "5000" {
		t.Errorf("lamp-8g MaxConnectionsPerChild: %+v", x)
	}
	// 281 mod_php workers can each hold a connection; 151 is too few.
	if x := rec(r, "mysql", "max_connections"); x.Severity != sizing.Warn || x.Recommended != "310" || !strings.Contains(x.Reason, "Too many connections") {
		t.Errorf("lamp-8g max_connections: %+v", x)
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
