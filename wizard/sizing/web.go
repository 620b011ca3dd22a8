package sizing

import (
	"math"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/detect"
)

// webPlan is the web tier sized as one budget: each request that runs PHP
// holds an Apache worker (when Apache is the front), a PHP child (mod_php
// inside that worker, or a PHP-FPM child behind it) and possibly a database
// connection. Sizes come from the configured maxima and the largest child,
// never from how many children are alive.
type webPlan struct {
	budgetMB     float64 // what the web tier and its database connections may use
	availMB      float64 // after parents, masters and nginx
	perConn      float64 // what one database connection holds, with the margin
	perConnWorst float64 // MySQLTuner's per-connection maximum, reported only
	apache       bool
	mpm          string
	threaded     bool
	modPHP       bool
	proxied      bool // Apache in front of PHP-FPM
	// prefork: per worker; worker/event: per thread, plus base per process
	workerMB, workerAvgMB float64
	baseMB                float64
	tpc                   int64
	procs, mrw            int64
	parentMB, masterMB    float64
	nginxMB               float64
	pools                 []poolPlan
	slots                 int64 // requests that may run PHP at once
}

type poolPlan struct {
	pool             FPMPool
	known            bool
	childMB, avgMB   float64
	children         int
	slots            int64
	assumed, floored bool
}

// WebTier is the web tier's plan in the report.
type WebTier struct {
	Front         string  `json:"front,omitempty"` // apache, nginx, "" (PHP-FPM alone)
	MPM           string  `json:"mpm,omitempty"`
	ModPHP        bool    `json:"mod_php"`
	ProxiedToFPM  bool    `json:"proxied_to_fpm"`
	BudgetMB      int64   `json:"budget_mb"`
	WorkerMB      float64 `json:"worker_mb,omitempty"`       // prefork child, or worker/event thread
	ProcessBaseMB float64 `json:"process_base_mb,omitempty"` // worker/event child without its threads
	PHPSlots      int64   `json:"php_slots"`                 // PHP requests at once (and database connections)
	PerConnMB     float64 `json:"db_conn_mb,omitempty"`      // what a connection holds for its life, with the margin
	// MySQLTuner's per-connection maximum (every per-query buffer at
	// once): reported, never multiplied into the limits.
	PerConnWorstMB float64 `json:"db_conn_worst_mb,omitempty"`
}

func (w webPlan) report() *WebTier {
	if w.budgetMB == 0 && w.slots == 0 && !w.apache && len(w.pools) == 0 {
		return nil
	}
	t := &WebTier{MPM: w.mpm, ModPHP: w.modPHP, ProxiedToFPM: w.proxied, BudgetMB: int64(w.budgetMB),
		WorkerMB: round2(w.workerMB), ProcessBaseMB: round2(w.baseMB), PHPSlots: w.slots, PerConnMB: round2(w.perConn), PerConnWorstMB: round2(w.perConnWorst)}
	switch {
	case w.apache:
		t.Front = detect.Apache
	case w.nginxMB > 0:
		t.Front = detect.Nginx
	}
	return t
}

// planWeb sizes the web tier in budgetMB.
func (p *plan) planWeb(a *ApacheSettings, pools []FPMPool, budgetMB int64, perConn float64) webPlan {
	w := webPlan{budgetMB: float64(budgetMB), perConn: perConn}
	if s, ok := p.svc[detect.Nginx]; ok {
		w.nginxMB = mbOf(s.PSSKB)
	}
	_, hasFPM := p.svc[detect.PHPFPM]
	if a != nil {
		s := p.svc[detect.Apache]
		w.apache, w.mpm, w.modPHP = true, a.MPM, a.ModPHP
		w.threaded = a.MPM == "worker" || a.MPM == "event"
		w.parentMB = mbOf(s.ParentKB)
		w.proxied = hasFPM && !(a.ModPHP && !w.threaded)
		w.workerAvgMB = mbOf(s.AvgChildKB())
		if !w.threaded {
			if s.Children == 0 {
				w.workerMB = preforkChildMB
				p.note(i18n.SizingNoteAssumedChild, detect.Apache, w.workerMB)
			} else {
				w.workerMB = p.floorChild(detect.Apache, mbOf(s.LargestChildKB()), preforkFloorMB)
			}
		} else {
			w.tpc = max(a.ThreadsPerChild.N, 1)
			w.workerMB, w.baseMB = p.threadCost(s, w.tpc)
		}
	}
	if hasFPM {
		s := p.svc[detect.PHPFPM]
		w.masterMB = mbOf(s.ParentKB)
		known := len(pools) > 0
		if !known {
			pools = []FPMPool{{Name: "www", PM: "dynamic", MaxChildren: def(5)}}
		}
		for _, pool := range pools {
			pp := poolPlan{pool: pool, known: known, children: s.Children}
			largest, avg := mbOf(s.LargestChildKB()), mbOf(s.AvgChildKB())
			if pm, ok := s.Pools[pool.Name]; ok && pm.Children > 0 && len(pools) > 1 {
				// Pools run different code; size each on its own children.
				largest, avg, pp.children = mbOf(max(pm.MaxKB, pm.KB/int64(pm.Children))), mbOf(pm.KB/int64(pm.Children)), pm.Children
			}
			switch {
			case pp.children == 0:
				pp.childMB, pp.assumed = fpmChildMB, true
				if pool.MemoryLimitMB > 0 {
					pp.childMB = float64(pool.MemoryLimitMB)
				}
				p.note(i18n.SizingNoteAssumedChild, detect.PHPFPM, pp.childMB)
			default:
				pp.childMB = p.floorChild(detect.PHPFPM, largest, fpmFloorMB)
				pp.floored = pp.childMB > largest
			}
			pp.avgMB = avg
			w.pools = append(w.pools, pp)
		}
	}
	w.availMB = max(0, w.budgetMB-w.nginxMB-w.parentMB-w.masterMB)
	switch {
	case len(w.pools) > 0:
		w.sizePools()
	case w.apache && !w.threaded:
		slot := w.workerMB
		if w.modPHP {
			slot += perConn
		}
		w.mrw = min(max(int64(w.availMB/slot), 1), preforkMaxLimit)
		if w.modPHP {
			w.slots = w.mrw
		}
	case w.apache:
		w.procs = min(max(int64(w.availMB/(w.baseMB+float64(w.tpc)*w.workerMB)), 1), threadedMaxLimit)
		w.mrw = w.procs * w.tpc
	}
	p.keepRunning(&w)
	// The shares of the ledger.
	if w.apache {
		p.share[detect.Apache] = int64(math.Ceil(w.apacheMB(w.mrw)))
	}
	if w.nginxMB > 0 {
		p.share[detect.Nginx] = int64(math.Ceil(w.nginxMB))
	}
	if len(w.pools) > 0 {
		fpm := w.masterMB
		for _, pp := range w.pools {
			fpm += float64(pp.slots) * pp.childMB
		}
		p.share[detect.PHPFPM] = int64(math.Ceil(fpm))
	}
	return w
}

// keepRunning never advises a limit below what runs now when the logs
// read show no OOM kill and no "reached" error for it: what runs today is
// known to fit, and a formula that says otherwise is the one to doubt.
func (p *plan) keepRunning(w *webPlan) {
	e := p.ev
	if len(e.LogsRead) == 0 || len(e.OOMKills) > 0 {
		return
	}
	logs := strings.Join(e.LogsRead, ", ")
	hit := map[string]bool{}
	for _, h := range e.FPMMaxChildren {
		hit[h.Pool] = h.Hits > 0
	}
	raised := false
	for i := range w.pools {
		pp := &w.pools[i]
		if n := int64(pp.children); pp.known && !hit[pp.pool.Name] && n > pp.slots {
			p.note(i18n.SizingNoteKeptRunning, detect.PHPFPM+"["+pp.pool.Name+"]", "pm.max_children", n, logs, pp.slots)
			pp.slots, raised = n, true
		}
	}
	if raised {
		w.slots = 0
		for _, pp := range w.pools {
			w.slots += pp.slots
		}
		w.mrw = max(w.mrw, w.slots)
	}
	s := p.svc[detect.Apache]
	if w.apache && e.MaxWorkersHits == 0 && s.Children > 0 {
		running := int64(s.Children)
		if w.threaded {
			running *= w.tpc
		}
		if running > w.mrw {
			p.note(i18n.SizingNoteKeptRunning, detect.Apache, "MaxRequestWorkers", running, logs, w.mrw)
			w.mrw = running
		}
	}
	if w.threaded {
		w.procs = max(w.procs, (w.mrw+w.tpc-1)/w.tpc)
		w.mrw = w.procs * w.tpc
	}
	if !w.proxied && w.modPHP {
		w.slots = max(w.slots, w.mrw)
	}
}

// threadCost is a worker/event thread's cost (its stack plus what the
// largest child grew by per thread over the parent) and a child process's
// base without its threads.
func (p *plan) threadCost(s ServiceMemory, tpc int64) (perThread, base float64) {
	if s.Children == 0 {
		p.note(i18n.SizingNoteAssumedThreads, assumedThreadMB, assumedProcessMB)
		return assumedThreadMB, assumedProcessMB
	}
	largest := mbOf(s.LargestChildKB())
	threads := float64(tpc)
	if s.MaxChildThreads > 2 {
		threads = float64(s.MaxChildThreads - 2) // minus the main and listener threads
	}
	growth := max(0, largest-mbOf(s.ParentKB)) / threads
	perThread = threadStackMB + growth
	base = max(minProcessMB, largest-threads*perThread)
	return round2(perThread), round2(base)
}

// frontMB is one Apache worker's cost: a prefork child, or a thread plus
// its share of its process.
func (w webPlan) frontMB() float64 {
	if w.threaded {
		return round2(w.workerMB + w.baseMB/float64(w.tpc))
	}
	return w.workerMB
}

// apacheMB is Apache's memory with mrw workers.
func (w webPlan) apacheMB(mrw int64) float64 {
	if !w.threaded {
		return w.parentMB + float64(mrw)*w.workerMB
	}
	procs := (mrw + w.tpc - 1) / w.tpc
	return w.parentMB + float64(procs)*w.baseMB + float64(procs*w.tpc)*w.workerMB
}

// Behind PHP-FPM, Apache workers are sized apart from PHP slots: a page is
// one PHP request plus the static files and kept-alive connections the
// browser opens beside it, and a worker waiting on a busy pool costs a
// worker, not a PHP child. Apache gets this many workers per PHP slot;
// worker/event threads are cheap, prefork children are processes.
const (
	proxiedPreforkPerSlot  = 2
	proxiedThreadedPerSlot = 4
)

// workersPerSlot is how many Apache workers each PHP request is given.
func (w webPlan) workersPerSlot() int64 {
	switch {
	case !w.apache:
		return 0
	case !w.proxied:
		return 1
	case w.threaded:
		return proxiedThreadedPerSlot
	}
	return proxiedPreforkPerSlot
}

// sizePools gives each PHP-FPM pool an even part of the web budget; each
// PHP request costs its child, a database connection and its Apache
// workers (workersPerSlot). pm.max_children ≤ MaxRequestWorkers holds by
// construction.
func (w *webPlan) sizePools() {
	front := 0.0
	if w.apache {
		front = w.workerMB
		if w.threaded {
			front += w.baseMB / float64(w.tpc)
		}
	}
	k := w.workersPerSlot()
	front *= float64(k)
	part := w.availMB / float64(len(w.pools))
	for i := range w.pools {
		pp := &w.pools[i]
		pp.slots = max(int64(part/(pp.childMB+front+w.perConn)), 1)
	}
	for {
		w.slots = 0
		for _, pp := range w.pools {
			w.slots += pp.slots
		}
		w.mrw = w.slots * k
		if w.threaded {
			w.procs = (w.mrw + w.tpc - 1) / w.tpc
			w.mrw = w.procs * w.tpc
		}
		used := 0.0
		if w.apache {
			used = w.apacheMB(w.mrw) - w.parentMB
		}
		for _, pp := range w.pools {
			used += float64(pp.slots) * (pp.childMB + w.perConn)
		}
		if used <= w.availMB || w.slots <= int64(len(w.pools)) {
			return
		}
		// Rounding up to whole processes overshot: take one slot from the
		// pool with the most.
		big := 0
		for i, pp := range w.pools {
			if pp.slots > w.pools[big].slots {
				big = i
			}
		}
		w.pools[big].slots--
	}
}

func (p *plan) apache(a *ApacheSettings, known bool) []Recommendation {
	w := p.web
	s := p.svc[detect.Apache]
	share := float64(p.share[detect.Apache])
	var out []Recommendation
	if w.threaded && a.ModPHP {
		out = append(out, Recommendation{
			Service: detect.Apache, Directive: "MPM", Current: a.MPM + " + mod_php", Recommended: "PHP-FPM",
			Severity: Danger, ReasonKey: i18n.SizingWhyThreadedModPHP, ReasonArgs: []any{a.MPM},
		})
	}
	cur, isDef := current(a.MaxRequestWorkers, known)
	users := usersMsg(w.mrw)
	var detail Msg
	switch {
	case w.proxied && w.perConn > 0:
		detail = Msg{i18n.SizingDetailProxied, []any{w.pools[0].childMB, w.perConn, w.workersPerSlot(), w.frontMB(), w.slots, w.mrw}}
	case w.proxied:
		detail = Msg{i18n.SizingDetailProxiedNoDB, []any{w.pools[0].childMB, w.workersPerSlot(), w.frontMB(), w.slots, w.mrw}}
	case w.modPHP && !w.threaded && w.perConn > 0:
		detail = Msg{i18n.SizingDetailModPHP, []any{w.perConn}}
	case w.modPHP && !w.threaded:
		detail = Msg{i18n.SizingDetailModPHPNoDB, nil}
	default:
		detail = Msg{i18n.SizingDetailStatic, nil}
	}
	if !w.threaded {
		eff := min(a.MaxRequestWorkers.N, a.ServerLimit.N) // prefork silently caps at ServerLimit
		need := w.apacheMB(eff)
		sev := Fit(need, share, float64(p.cacheMB))
		p.peakMB[detect.Apache] = min(need, share)
		out = append(out, Recommendation{
			Service: detect.Apache, Directive: "MaxRequestWorkers", Current: cur, Default: isDef,
			Recommended: itoa(w.mrw), Severity: sev, ReasonKey: i18n.SizingWhyPreforkMRW,
			ReasonArgs: []any{w.workerMB, measured(s.Children, w.workerAvgMB), int64(w.budgetMB), detail, w.mrw, users, eff, int64(need), tail(sev, eff < w.mrw/2)},
		})
		slCur, slDef := current(a.ServerLimit, known)
		slSev, slKey := OK, i18n.SizingWhyServerLimitPrefork
		if a.ServerLimit.N < a.MaxRequestWorkers.N {
			slSev, slKey = Warn, i18n.SizingWhyServerLimitLow
		}
		out = append(out, Recommendation{
			Service: detect.Apache, Directive: "ServerLimit", Current: slCur, Default: slDef,
			Recommended: itoa(max(w.mrw, 1)), Severity: slSev, ReasonKey: slKey,
			ReasonArgs: []any{a.MaxRequestWorkers.N, a.ServerLimit.N, preforkMaxLimit},
		})
	} else {
		need := w.apacheMB(a.MaxRequestWorkers.N)
		curProcs := (a.MaxRequestWorkers.N + w.tpc - 1) / w.tpc
		sev := Fit(need, share, float64(p.cacheMB))
		p.peakMB[detect.Apache] = min(need, share)
		out = append(out, Recommendation{
			Service: detect.Apache, Directive: "MaxRequestWorkers", Current: cur, Default: isDef,
			Recommended: itoa(w.mrw), Severity: sev, ReasonKey: i18n.SizingWhyThreadedMRW,
			ReasonArgs: []any{a.MPM, w.workerMB, w.baseMB, threadsMeasured(s.Children), int64(w.budgetMB), detail, w.procs, w.tpc, w.mrw, users,
				a.MaxRequestWorkers.N, curProcs, int64(need), tail(sev, a.MaxRequestWorkers.N < w.mrw/2)},
		})
		slCur, slDef := current(a.ServerLimit, known)
		slSev := OK
		if a.ServerLimit.N*w.tpc < a.MaxRequestWorkers.N {
			slSev = Warn
		}
		out = append(out, Recommendation{
			Service: detect.Apache, Directive: "ServerLimit", Current: slCur, Default: slDef,
			Recommended: itoa(w.procs), Severity: slSev, ReasonKey: i18n.SizingWhyServerLimitThreaded,
			ReasonArgs: []any{w.tpc, w.procs},
		})
	}
	mc := int64(mcpcPrefork)
	if w.threaded {
		mc = mcpcThreaded
	}
	mcCur, mcDef := current(a.MaxConnectionsPerChild, known)
	mcSev, mcTail := OK, i18n.SizingTailOK
	if a.MaxConnectionsPerChild.N == 0 {
		mcSev, mcTail = Warn, i18n.SizingTailNeverRecycled
	}
	out = append(out, Recommendation{
		Service: detect.Apache, Directive: "MaxConnectionsPerChild", Current: mcCur, Default: mcDef,
		Recommended: itoa(mc), Severity: mcSev, ReasonKey: i18n.SizingWhyMCPC,
		ReasonArgs: []any{mc, mcTail},
	})
	return out
}

// measured says what a child size was taken from, by how many ran.
func measured(children int, avgMB float64) Msg {
	switch children {
	case 0:
		return Msg{i18n.SizingMeasuredNone, nil}
	case 1:
		return Msg{i18n.SizingMeasuredOne, nil}
	}
	return Msg{i18n.SizingMeasuredMany, []any{children, avgMB}}
}

func threadsMeasured(children int) Msg {
	switch children {
	case 0:
		return Msg{i18n.SizingMeasuredNone, nil}
	case 1:
		return Msg{i18n.SizingThreadsMeasuredOne, nil}
	}
	return Msg{i18n.SizingThreadsMeasuredMany, []any{children}}
}

// usersMsg is how many browser users workers serve at once, never "0–0".
func usersMsg(workers int64) Msg {
	lo, hi := Users(workers)
	switch {
	case hi == 0:
		return Msg{i18n.SizingUsersUnderOne, nil}
	case hi == 1:
		return Msg{i18n.SizingUsersOne, nil}
	case lo <= 1 || lo == hi:
		return Msg{i18n.SizingUsersAbout, []any{hi}}
	}
	return Msg{i18n.SizingUsersRange, []any{lo, hi}}
}

// apacheLimit is the number of Apache workers the current configuration
// allows (prefork caps at ServerLimit), 0 without Apache.
func apacheLimit(a *ApacheSettings) int64 {
	if a == nil {
		return 0
	}
	if a.MPM == "worker" || a.MPM == "event" {
		return min(a.MaxRequestWorkers.N, a.ServerLimit.N*max(a.ThreadsPerChild.N, 1))
	}
	return min(a.MaxRequestWorkers.N, a.ServerLimit.N)
}

func (p *plan) fpm(pools []FPMPool) []Recommendation {
	w := p.web
	smallBox := p.totalMB <= 2048
	var out []Recommendation
	var curTotal int64
	for _, pp := range w.pools {
		curTotal += pp.pool.MaxChildren.N
	}
	p.peakMB[detect.PHPFPM] = w.masterMB
	n := float64(len(w.pools))
	for _, pp := range w.pools {
		pool := pp.pool
		share := float64(pp.slots) * pp.childMB
		need := float64(pool.MaxChildren.N) * pp.childMB
		sev := Fit(need, share, float64(p.cacheMB)/n)
		p.peakMB[detect.PHPFPM] += min(need, share)
		cur, isDef := current(pool.MaxChildren, pp.known)
		scope := ""
		if len(w.pools) > 1 || pp.known {
			scope = pool.Name
		}
		var front Msg
		switch {
		case w.apache && w.perConn > 0:
			front = Msg{i18n.SizingDetailFPMBehindApache, []any{w.workersPerSlot(), w.frontMB(), w.perConn}}
		case w.apache:
			front = Msg{i18n.SizingDetailFPMBehindApacheNoDB, []any{w.workersPerSlot(), w.frontMB()}}
		case w.perConn > 0:
			front = Msg{i18n.SizingDetailFPMAlone, []any{w.perConn}}
		}
		extra := Msg{}
		if w.proxied && p.apacheCur > 0 && curTotal > p.apacheCur {
			sev = worse(sev, Warn)
			extra = Msg{i18n.SizingDetailFPMOverMRW, []any{curTotal, p.apacheCur}}
		}
		out = append(out, Recommendation{
			Service: detect.PHPFPM, Scope: scope, Directive: "pm.max_children", Current: cur, Default: isDef,
			Recommended: itoa(pp.slots), Severity: sev, ReasonKey: i18n.SizingWhyFPMMaxChildren,
			ReasonArgs: []any{pp.childMB, measured(pp.children, pp.avgMB), front, int64(w.availMB / n), pp.slots, pool.MaxChildren.N, int64(need), extra, tail(sev, pool.MaxChildren.N < pp.slots/2)},
		})
		pm := "dynamic"
		if smallBox {
			pm = "ondemand"
		}
		pmCur := ""
		if pp.known {
			pmCur = pool.PM
		}
		out = append(out, Recommendation{
			Service: detect.PHPFPM, Scope: scope, Directive: "pm", Current: pmCur,
			Recommended: pm, Severity: OK, ReasonKey: i18n.SizingWhyFPMPM, ReasonArgs: []any{p.totalMB},
		})
		if pool.MemoryLimitMB == -1 {
			out = append(out, Recommendation{
				Service: detect.PHPFPM, Scope: scope, Directive: "memory_limit", Current: "-1",
				Recommended: "128M", Severity: Warn, ReasonKey: i18n.SizingWhyMemoryLimitNone, ReasonArgs: []any{pool.MemoryLimitAt},
			})
		}
	}
	return out
}
