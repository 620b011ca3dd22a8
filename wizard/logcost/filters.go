package logcost

import (
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// Kinds of known noise in access logs.
const (
	NoiseHealthCheck = "health_check"  // load-balancer and orchestrator probes
	NoiseStatic      = "static_assets" // successful requests for CSS, JS, images, fonts
)

// noise are the exclude filters proposed for access logs (Go RE2, the
// agent's own engine), in the order they are offered.
var noise = []struct{ kind, expr string }{
	{NoiseHealthCheck, `ELB-HealthChecker|GoogleHC/|kube-probe/|"(GET|HEAD) /(health|healthz|healthcheck|ping|status)[/?]?[^ "]* HTTP`},
	{NoiseStatic, `"(GET|HEAD) [^ "?]+\.(css|js|mjs|map|png|jpe?g|gif|ico|svg|webp|woff2?|ttf|eot)(\?[^ "]*)? HTTP/[0-9.]+" (200|304) `},
}

// Suggestion is an exclude filter proposed for a log, tried on its lines.
type Suggestion struct {
	Index  int            `json:"index"` // into Answers.Logs
	Path   string         `json:"path"`
	Kind   string         `json:"kind"`
	Filter plan.LogFilter `json:"filter"`
	Tried  []string       `json:"tried"` // the files whose last lines were tried
	Lines  int            `json:"lines"`
	Bytes  int64          `json:"bytes"`
	Drops  int            `json:"dropped_lines"`
	DropB  int64          `json:"dropped_bytes"`
	// SavesUSD is the ingestion it saves a month: the dropped share of
	// the log's measured growth, at its class's price (0 when either is
	// unknown).
	SavesUSD float64 `json:"saves_usd_per_month,omitempty"`
}

// Suggest tries the known noise filters on every access log of a that has
// no filters yet, on its last lines (and, when the current file has few,
// those of its newest uncompressed rotated file), and proposes those that
// would drop something. e prices the savings (Of on the same answers).
func Suggest(r host.Root, a plan.Answers, e Estimate) []Suggestion {
	costs := map[int]LogCost{}
	for _, c := range e.Logs {
		costs[c.Index] = c
	}
	var out []Suggestion
	for i, l := range a.Logs {
		if l.Journal != nil || len(l.Filters) > 0 || !strings.Contains(path.Base(l.Path), "access") {
			continue
		}
		files, lines := sample(r, l.Path)
		if len(lines) == 0 {
			continue
		}
		for _, n := range noise {
			re := regexp.MustCompile(n.expr)
			s := Suggestion{Index: i, Path: l.Path, Kind: n.kind, Tried: files,
				Filter: plan.LogFilter{Type: plan.FilterExclude, Expression: n.expr}}
			for _, line := range lines {
				size := int64(len(line)) + 1
				s.Lines++
				s.Bytes += size
				if re.MatchString(line) {
					s.Drops++
					s.DropB += size
				}
			}
			if s.Drops == 0 {
				continue
			}
			if c, ok := costs[i]; ok && c.IngestUSD > 0 && s.Bytes > 0 {
				s.SavesUSD = c.IngestUSD * float64(s.DropB) / float64(s.Bytes)
			}
			out = append(out, s)
		}
	}
	return out
}

// sample is the last lines of the log's current file, and when it has
// fewer than host.TailLines, also of its newest rotated file that is not
// compressed (the agent reads no .gz; neither is decompressed here).
func sample(r host.Root, p string) (files, lines []string) {
	file := newest(r, p)
	if file == "" {
		return nil, nil
	}
	if l, err := r.TailLines(file); err == nil {
		files, lines = append(files, file), l
	}
	if len(lines) >= host.TailLines {
		return files, lines
	}
	dated, numbered := siblings(r, file)
	var plain []rotated
	for _, f := range append(dated, numbered...) {
		if !f.gz {
			plain = append(plain, f)
		}
	}
	if len(plain) == 0 {
		return files, lines
	}
	// The newest: the latest date, or the lowest number (.1).
	sort.Slice(plain, func(i, j int) bool {
		if plain[i].n != plain[j].n {
			return plain[i].n < plain[j].n
		}
		return plain[i].date.After(plain[j].date)
	})
	if l, err := r.TailLines(plain[0].path); err == nil {
		files, lines = append(files, plain[0].path), append(l, lines...)
	}
	return files, lines
}
