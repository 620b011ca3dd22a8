package logcost_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/logcost"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

func accessLines(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "10.0.1.10 - - [24/Nov/2026:10:%02d:00 +0900] \"GET /healthz HTTP/1.1\" 200 2 \"-\" \"ELB-HealthChecker/2.0\"\n", i%60)
		case 1:
			fmt.Fprintf(&b, "203.0.113.9 - - [24/Nov/2026:10:%02d:00 +0900] \"GET /static/app.css?v=3 HTTP/1.1\" 304 0 \"-\" \"Mozilla/5.0\"\n", i%60)
		case 2:
			// A missing asset is not noise: it is kept.
			fmt.Fprintf(&b, "203.0.113.9 - - [24/Nov/2026:10:%02d:00 +0900] \"GET /img/logo.png HTTP/1.1\" 404 196 \"-\" \"Mozilla/5.0\"\n", i%60)
		default:
			fmt.Fprintf(&b, "203.0.113.9 - - [24/Nov/2026:10:%02d:00 +0900] \"POST /cart HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0\"\n", i%60)
		}
	}
	return b.String()
}

// The noise filters are tried on the access log's recent lines (the
// current file's and, since it has few, the newest plain rotated file's):
// lines, bytes and money, and the filter the agent would run.
func TestSuggest(t *testing.T) {
	tr := newTree(t)
	tr.write("var/log/httpd/access_log", []byte(accessLines(8)), time.Time{})
	tr.write("var/log/httpd/access_log-20261110", bytes.Repeat([]byte("x"), 1<<30/30), time.Time{})
	tr.write("var/log/httpd/access_log-20261117", []byte(accessLines(40)), time.Time{})
	tr.write("var/log/httpd/access_log-20261124.gz", gz(t, []byte(accessLines(400))), time.Time{})
	tr.write("var/log/messages", []byte(accessLines(8)), time.Time{}) // not an access log
	a := plan.Answers{Logs: []plan.LogSource{
		{Service: "system", Name: "messages", Path: "/var/log/messages"},
		{Service: "apache", Name: "access", Path: "/var/log/httpd/access_log"},
	}}
	r := tr.root()
	e := logcost.Of(r, a, logcost.Catalog("us-east-1"))
	s := logcost.Suggest(r, a, e)
	if len(s) != 2 {
		t.Fatalf("suggestions %+v", s)
	}
	hc, st := s[0], s[1]
	if hc.Kind != logcost.NoiseHealthCheck || st.Kind != logcost.NoiseStatic || hc.Index != 1 {
		t.Fatalf("kinds %+v", s)
	}
	if len(hc.Tried) != 2 || hc.Tried[0] != "/var/log/httpd/access_log" || hc.Tried[1] != "/var/log/httpd/access_log-20261117" {
		t.Errorf("tried %v", hc.Tried)
	}
	if hc.Lines != 48 || hc.Drops != 12 || st.Drops != 12 {
		t.Errorf("health %d/%d, static %d/%d; want 12/48 each", hc.Drops, hc.Lines, st.Drops, st.Lines)
	}
	var total, health int64
	for _, l := range strings.SplitAfter(accessLines(40)+accessLines(8), "\n") {
		if l == "" {
			continue
		}
		total += int64(len(l))
		if strings.Contains(l, "ELB-HealthChecker") {
			health += int64(len(l))
		}
	}
	if hc.Bytes != total || hc.DropB != health {
		t.Errorf("bytes %d/%d, want %d/%d", hc.DropB, hc.Bytes, health, total)
	}
	ingest := e.Logs[1].IngestUSD
	if ingest <= 0 || !near(hc.SavesUSD, ingest*float64(health)/float64(total)) {
		t.Errorf("saves %v of %v", hc.SavesUSD, ingest)
	}
	// The filters go into the config as the agent reads them.
	a.Logs[1].Filters = []plan.LogFilter{hc.Filter, st.Filter}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	cfg, err := render.AgentConfig(a)
	if err != nil {
		t.Fatal(err)
	}
	if ps := render.Check(cfg); len(ps) > 0 {
		t.Errorf("config with filters fails the agent's rules: %v", ps)
	}
	var c struct {
		Logs struct {
			LogsCollected struct {
				Files struct {
					CollectList []struct {
						Filters []plan.LogFilter `json:"filters"`
					} `json:"collect_list"`
				} `json:"files"`
			} `json:"logs_collected"`
		} `json:"logs"`
	}
	if err := json.Unmarshal(cfg, &c); err != nil {
		t.Fatal(err)
	}
	got := c.Logs.LogsCollected.Files.CollectList[1].Filters
	if len(got) != 2 || got[0] != hc.Filter || got[1].Type != "exclude" {
		t.Errorf("rendered filters %+v", got)
	}
	// A log that has filters gets no more proposals.
	if s := logcost.Suggest(r, a, e); len(s) != 0 {
		t.Errorf("proposals for a filtered log: %+v", s)
	}
	// Nothing shipped is dropped where the access log is clean.
	if re := regexp.MustCompile(st.Filter.Expression); re.MatchString(`1.2.3.4 - - [x] "GET /img/logo.png HTTP/1.1" 404 196 "-" "m"`) {
		t.Error("the static filter drops a 404")
	}
}

func TestFilterProblems(t *testing.T) {
	for _, f := range []plan.LogFilter{{Type: "drop", Expression: "x"}, {Type: "exclude"}, {Type: "include", Expression: "(?<=x)"}} {
		a := plan.Answers{Logs: []plan.LogSource{{Service: "a", Name: "b", Path: "/var/log/a", Filters: []plan.LogFilter{f}}}}
		if a.Validate() == nil {
			t.Errorf("filter %+v accepted", f)
		}
	}
	j := plan.Answers{Logs: []plan.LogSource{{Service: "a", Name: "b", Journal: &plan.JournalSelect{}, Filters: []plan.LogFilter{{Type: "exclude", Expression: "x"}}}}}
	if j.Validate() == nil {
		t.Error("filters on a journal entry accepted (the config has no place for them)")
	}
}
