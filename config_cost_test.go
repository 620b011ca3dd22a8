package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/logcost"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// The cost of the LAMP root's default logs, priced with the catalog's
// us-east-1 figures: per log with how it was measured, the total, storage
// by retention; in both languages and as JSON.
func TestCostSummaryGolden(t *testing.T) {
	r, err := host.Open(testpeer.Testdata("roots", "rocky8"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := detect.Detect(r)
	if err != nil {
		t.Fatal(err)
	}
	a := plan.Defaults(*rep, "")
	a.Region = "us-east-1"
	e := logcost.Of(r, a, logcost.Catalog(a.Region))
	if e.Measured != 2 || e.Prices.From != logcost.FromCatalog {
		t.Fatalf("estimate %+v", e)
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.KO} {
		configGoldenFile(t, "cost-rocky8."+string(lang)+".txt", []byte(costSummary(i18n.New(lang), e, logcost.Suggest(r, a, e))))
	}
	js, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	configGoldenFile(t, "cost-rocky8.json", append(js, '\n'))
}

// The same root through config: no region, so bytes and no money; an
// unpriced region says why instead of borrowing us-east-1's figures.
func TestConfigCostUnpriced(t *testing.T) {
	_, out, _ := runCLI(t, nil, "config", "--root", testpeer.Testdata("roots", "rocky8"), "--summary")
	for _, w := range []string{
		"What shipping will add (estimate; no region set, so no price):",
		"  /var/log/messages: 550 B a day (rotated files: 2 over 14 days, by the dates in their names) → 16.1 KiB a month",
		"  Total of 2 measured logs: 67.2 KiB a month; the largest is /var/log/httpd/access_log",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("summary lacks %q:\n%s", w, out)
		}
	}
	if dollars.MatchString(out) {
		t.Errorf("money without a region:\n%s", out)
	}
	_, out, _ = runCLI(t, nil, "--lang", "ko", "config", "--root", testpeer.Testdata("roots", "al2-awslogs"), "--summary")
	if !strings.Contains(out, "AWS Price List API 없이는 ap-northeast-2 요금을 알 수 없습니다") || dollars.MatchString(out) {
		t.Errorf("ap-northeast-2 summary:\n%s", out)
	}
}

// dollars is an amount of money as costSummary writes it.
var dollars = regexp.MustCompile(`\$[0-9]|< \$`)

func TestMoney(t *testing.T) {
	for usd, want := range map[float64]string{0: "$0", 0.004: "< $0.01", 0.005: "$0.01", 1.234: "$1.23", 120: "$120.00"} {
		if got := money(usd); got != want {
			t.Errorf("money(%v) = %q, want %q", usd, got, want)
		}
	}
}
