package sizing

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/detect"
)

// Rules of thumb the recommendations use.
const (
	preforkChildMB  = 15.0 // assumed prefork child with mod_php when none runs
	threadedChildMB = 30.0 // assumed worker/event child process
	fpmChildMB      = 40.0 // assumed PHP-FPM child when none runs and no memory_limit
	// Floors: an idle child measured right after start is smaller than a
	// busy one; sizing on it would allow absurd worker counts.
	preforkFloorMB   = 8.0
	threadedFloorMB  = 10.0
	fpmFloorMB       = 20.0
	preforkMaxLimit  = 20000 // prefork's compiled-in ServerLimit ceiling
	mcpcPrefork      = 5000
	mcpcThreaded     = 50000
	frontShareFactor = 2    // a front end beside PHP-FPM gets twice what it uses now
	minFrontMB       = 64   // …and at least this
	jvmNonHeap       = 0.25 // metaspace, code cache, thread stacks ≈ a quarter of the heap
	heapShare        = 0.6  // -Xmx ≈ 60 % of Tomcat's budget
	threadStackMB    = 1.0  // default -Xss on 64-bit
)

// plan holds the budget shares while the report is built.
type plan struct {
	totalMB, reserveMB, cacheMB int64
	share                       map[string]int64
	svc                         map[string]ServiceMemory
	// peakMB is what a forking service may grow to under its configured
	// limit (capped at what fits), for instance advice.
	peakMB map[string]float64
	// dbConns is how many web workers may each hold a database connection
	// at once (PHP-FPM children, or prefork children with mod_php).
	dbConns map[string]int64
}

func mbOf(kb int64) float64 { return math.Round(float64(kb)/1024*10) / 10 }

// Build turns a measurement into the report.
func Build(m Measurement, opt Options) Report {
	totalMB := m.Mem.TotalKB / 1024
	r := Report{
		Memory: MemoryFacts{
			TotalMB:     totalMB,
			AvailableMB: m.Mem.AvailableKB / 1024,
			KernelMB:    m.Mem.KernelKB() / 1024,
			SwapMB:      m.Mem.SwapTotalKB / 1024,
		},
		Budget:          []BudgetLine{},
		Services:        []ServiceReport{},
		Recommendations: []Recommendation{},
		Instances:       []InstanceOffer{},
		Notes:           []Note{},
	}
	p := plan{totalMB: totalMB, share: map[string]int64{}, svc: map[string]ServiceMemory{}, peakMB: map[string]float64{}, dbConns: map[string]int64{}}
	var inexact []string
	for _, s := range m.Services {
		p.svc[s.Name] = s
		r.Services = append(r.Services, ServiceReport{
			Name: s.Name, Processes: s.Processes, PSSMB: mbOf(s.PSSKB),
			AvgChildPSSMB: mbOf(s.AvgChildKB()), PSSExact: s.Exact,
			ParentPSSMB: mbOf(s.ParentKB), Children: s.Children,
		})
		if !s.Exact && s.Name != Other {
			inexact = append(inexact, s.Name)
		}
	}
	if len(inexact) > 0 {
		r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteRSSFallback, Args: []any{strings.Join(inexact, ", ")}})
	}

	// Kernel/OS reserve: what the kernel holds plus every process that is
	// not a sized service (sshd, rsyslog, the agent…), at least the floor.
	otherMB := p.svc[Other].PSSKB / 1024
	p.reserveMB = max(MinReserveMB(totalMB), r.Memory.KernelMB+otherMB)
	p.cacheMB = CacheHeadroomMB(totalMB)
	r.Memory.ReservedMB = p.reserveMB + p.cacheMB
	r.Budget = append(r.Budget, BudgetLine{"os_reserve", p.reserveMB}, BudgetLine{"cache_headroom", p.cacheMB})

	// Services holding fixed memory come first: their configured buffers
	// will be used sooner or later even if the measurement caught them cold.
	var fixed int64
	for _, name := range []string{detect.Tomcat, detect.MySQL, detect.PostgreSQL, detect.Redis} {
		s, ok := p.svc[name]
		if !ok {
			continue
		}
		mb := s.PSSKB / 1024
		switch {
		case name == detect.MySQL && m.Settings.MySQL != nil:
			mb = max(mb, m.Settings.MySQL.ServerBytes()>>20)
		case name == detect.Tomcat:
			if m.Settings.Tomcat == nil {
				m.Settings.Tomcat = &TomcatSettings{}
			} else {
				t := *m.Settings.Tomcat
				m.Settings.Tomcat = &t // applyDefaults must not change the caller's copy
			}
			m.Settings.Tomcat.applyDefaults(totalMB)
			mb = max(mb, int64(float64(m.Settings.Tomcat.XmxMB.N)*(1+jvmNonHeap)))
		}
		p.share[name] = mb
		fixed += mb
	}
	web := MemoryBudget{TotalMB: totalMB, ReserveMB: p.reserveMB, CacheMB: p.cacheMB, OthersMB: fixed}.TierMB()

	// The web tier shares what is left. Nginx keeps what it uses; beside
	// PHP-FPM, Apache is only a front end; otherwise Apache gets it all.
	_, hasApache := p.svc[detect.Apache]
	_, hasFPM := p.svc[detect.PHPFPM]
	left := web
	if s, ok := p.svc[detect.Nginx]; ok {
		p.share[detect.Nginx] = min(left, s.PSSKB/1024)
		left -= p.share[detect.Nginx]
	}
	if hasApache && hasFPM {
		p.share[detect.Apache] = min(left, max(minFrontMB, frontShareFactor*p.svc[detect.Apache].PSSKB/1024))
		left -= p.share[detect.Apache]
		p.share[detect.PHPFPM] = left
		left = 0
	} else if hasApache {
		p.share[detect.Apache] = left
		left = 0
	} else if hasFPM {
		p.share[detect.PHPFPM] = left
		left = 0
	}
	for _, name := range serviceOrder {
		if v, ok := p.share[name]; ok {
			r.Budget = append(r.Budget, BudgetLine{name, v})
		}
	}
	if left > 0 {
		r.Budget = append(r.Budget, BudgetLine{"unassigned", left})
	}

	if _, ok := p.svc[detect.Nginx]; ok && m.Settings.Nginx != nil {
		r.Recommendations = append(r.Recommendations, p.nginx(m.Settings.Nginx, m.CPU.CPUs))
	}
	if _, ok := p.svc[detect.Apache]; ok {
		r.Recommendations = append(r.Recommendations, p.apache(m.Settings.Apache, &r.Notes)...)
	}
	if _, ok := p.svc[detect.PHPFPM]; ok {
		r.Recommendations = append(r.Recommendations, p.fpm(m.Settings.FPM, &r.Notes)...)
	}
	if _, ok := p.svc[detect.Tomcat]; ok {
		r.Recommendations = append(r.Recommendations, p.tomcat(m.Settings.Tomcat)...)
	}
	if _, ok := p.svc[detect.MySQL]; ok {
		r.Recommendations = append(r.Recommendations, p.mysql(m.Settings.MySQL)...)
	}
	for _, pr := range m.SettingsProblems {
		r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteConfigProblem, Args: []any{pr}})
	}

	r.CPU = CPUFacts{VCPU: m.CPU.CPUs, BusyPercent: round1(m.CPU.BusyPct), BusyVCPU: round2(m.CPU.BusyVCPU()), SampleSeconds: round1(m.CPU.Seconds), Sampled: m.CPUErr == nil && m.CPU.CPUs > 0}
	if !r.CPU.Sampled {
		r.Notes = append(r.Notes, Note{Key: i18n.SizingNoteNoCPU})
	}
	// Beyond what runs now, forking services may grow to their limits.
	var growth float64
	for name, peak := range p.peakMB {
		growth += max(0, peak-mbOf(p.svc[name].PSSKB))
	}
	advise(&r, m, opt, growth)
	return r
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }
func round2(f float64) float64 { return math.Round(f*100) / 100 }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// current renders a configured value; unknown settings render "".
func current(v Value, known bool) (string, bool) {
	if !known {
		return "", false
	}
	return itoa(v.N), !v.Set
}

// tail picks the sentence that ends a reason by severity.
func tail(sev Severity, raise bool) i18n.Key {
	switch {
	case sev == Danger:
		return i18n.SizingTailDanger
	case sev == Warn:
		return i18n.SizingTailWarn
	case raise:
		return i18n.SizingTailRaise
	}
	return i18n.SizingTailOK
}

// nginx: event-driven workers, one per vCPU; more only cost memory.
func (p plan) nginx(n *NginxSettings, cpus int) Recommendation {
	s := p.svc[detect.Nginx]
	child := mbOf(s.AvgChildKB())
	sev := OK
	if w, err := strconv.Atoi(n.WorkerProcesses); err == nil && cpus > 0 && w > 2*cpus {
		sev = Warn
	}
	return Recommendation{
		Service: detect.Nginx, Directive: "worker_processes", Current: n.WorkerProcesses, Default: n.Default,
		Recommended: "auto", Severity: sev, ReasonKey: i18n.SizingWhyNginxWorkers, ReasonArgs: []any{child, cpus},
	}
}

func (p plan) apache(a *ApacheSettings, notes *[]Note) []Recommendation {
	s := p.svc[detect.Apache]
	known := a != nil
	if a == nil {
		a = &ApacheSettings{MPM: "prefork"}
	}
	a.applyDefaults()
	budget := float64(p.share[detect.Apache]) - mbOf(s.ParentKB)
	child := mbOf(s.AvgChildKB())
	threaded := a.MPM == "worker" || a.MPM == "event"
	if s.Children == 0 {
		child = preforkChildMB
		if threaded {
			child = threadedChildMB
		}
		*notes = append(*notes, Note{Key: i18n.SizingNoteAssumedChild, Args: []any{detect.Apache, child}})
	} else {
		floor := preforkFloorMB
		if threaded {
			floor = threadedFloorMB
		}
		child = floorChild(detect.Apache, child, floor, notes)
	}
	var out []Recommendation
	cur, isDef := current(a.MaxRequestWorkers, known)
	if !threaded {
		rec := min(max(Workers(budget, child), 1), preforkMaxLimit)
		eff := min(a.MaxRequestWorkers.N, a.ServerLimit.N) // prefork silently caps at ServerLimit
		need := float64(eff)*child + mbOf(s.ParentKB)
		sev := Fit(need, float64(p.share[detect.Apache]), float64(p.cacheMB))
		p.peakMB[detect.Apache] = float64(min(eff, rec))*child + mbOf(s.ParentKB)
		if a.ModPHP {
			p.dbConns[detect.Apache] = rec
		}
		lo, hi := Users(rec)
		out = append(out, Recommendation{
			Service: detect.Apache, Directive: "MaxRequestWorkers", Current: cur, Default: isDef,
			Recommended: itoa(rec), Severity: sev,
			ReasonKey:  i18n.SizingWhyPreforkMRW,
			ReasonArgs: []any{child, s.Children, int64(budget), rec, lo, hi, eff, int64(need), tail(sev, eff < rec/2)},
		})
		slCur, slDef := current(a.ServerLimit, known)
		slSev := OK
		slKey := i18n.SizingWhyServerLimitPrefork
		if a.ServerLimit.N < a.MaxRequestWorkers.N {
			slSev, slKey = Warn, i18n.SizingWhyServerLimitLow
		}
		out = append(out, Recommendation{
			Service: detect.Apache, Directive: "ServerLimit", Current: slCur, Default: slDef,
			Recommended: itoa(rec), Severity: slSev, ReasonKey: slKey,
			ReasonArgs: []any{a.MaxRequestWorkers.N, a.ServerLimit.N, preforkMaxLimit},
		})
	} else {
		tpc := max(a.ThreadsPerChild.N, 1)
		procs := max(Workers(budget, child), 1)
		rec := procs * tpc
		curProcs := (a.MaxRequestWorkers.N + tpc - 1) / tpc
		need := float64(curProcs)*child + mbOf(s.ParentKB)
		sev := Fit(need, float64(p.share[detect.Apache]), float64(p.cacheMB))
		p.peakMB[detect.Apache] = float64(min(curProcs, procs))*child + mbOf(s.ParentKB)
		lo, hi := Users(rec)
		out = append(out, Recommendation{
			Service: detect.Apache, Directive: "MaxRequestWorkers", Current: cur, Default: isDef,
			Recommended: itoa(rec), Severity: sev,
			ReasonKey:  i18n.SizingWhyThreadedMRW,
			ReasonArgs: []any{a.MPM, child, s.Children, int64(budget), procs, tpc, rec, lo, hi, a.MaxRequestWorkers.N, curProcs, int64(need), tail(sev, a.MaxRequestWorkers.N < rec/2)},
		})
		slCur, slDef := current(a.ServerLimit, known)
		slSev := OK
		if a.ServerLimit.N*tpc < a.MaxRequestWorkers.N {
			slSev = Warn
		}
		out = append(out, Recommendation{
			Service: detect.Apache, Directive: "ServerLimit", Current: slCur, Default: slDef,
			Recommended: itoa(procs), Severity: slSev, ReasonKey: i18n.SizingWhyServerLimitThreaded,
			ReasonArgs: []any{tpc, procs},
		})
	}
	mc := int64(mcpcPrefork)
	if threaded {
		mc = mcpcThreaded
	}
	mcCur, mcDef := current(a.MaxConnectionsPerChild, known)
	mcSev := OK
	mcTail := i18n.SizingTailOK
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

func (p plan) fpm(pools []FPMPool, notes *[]Note) []Recommendation {
	s := p.svc[detect.PHPFPM]
	known := len(pools) > 0
	if !known {
		pools = []FPMPool{{Name: "www", PM: "dynamic", MaxChildren: def(5)}}
	}
	child := mbOf(s.AvgChildKB())
	if s.Children == 0 {
		child = fpmChildMB
		if pools[0].MemoryLimitMB > 0 {
			child = float64(pools[0].MemoryLimitMB)
		}
		*notes = append(*notes, Note{Key: i18n.SizingNoteAssumedChild, Args: []any{detect.PHPFPM, child}})
	} else {
		child = floorChild(detect.PHPFPM, child, fpmFloorMB, notes)
	}
	// Pools share the budget evenly after the master.
	budget := (float64(p.share[detect.PHPFPM]) - mbOf(s.ParentKB)) / float64(len(pools))
	smallBox := p.totalMB <= 2048
	p.peakMB[detect.PHPFPM] = mbOf(s.ParentKB)
	var out []Recommendation
	for _, pool := range pools {
		child, children := child, s.Children
		if pm, ok := s.Pools[pool.Name]; ok && pm.Children > 0 && len(pools) > 1 {
			// Pools run different code; size each on its own children.
			child = max(mbOf(pm.KB/int64(pm.Children)), fpmFloorMB)
			children = pm.Children
		}
		rec := max(Workers(budget, child), 1)
		need := float64(pool.MaxChildren.N) * child
		p.peakMB[detect.PHPFPM] += float64(min(pool.MaxChildren.N, rec)) * child
		p.dbConns[detect.PHPFPM] += rec
		sev := Fit(need, budget, float64(p.cacheMB)/float64(len(pools)))
		cur, isDef := current(pool.MaxChildren, known)
		scope := ""
		if len(pools) > 1 || known {
			scope = pool.Name
		}
		out = append(out, Recommendation{
			Service: detect.PHPFPM, Scope: scope, Directive: "pm.max_children", Current: cur, Default: isDef,
			Recommended: itoa(rec), Severity: sev, ReasonKey: i18n.SizingWhyFPMMaxChildren,
			ReasonArgs: []any{child, children, int64(budget), rec, pool.MaxChildren.N, int64(need), tail(sev, pool.MaxChildren.N < rec/2)},
		})
		pm := "dynamic"
		if smallBox {
			pm = "ondemand"
		}
		pmCur := ""
		if known {
			pmCur = pool.PM
		}
		out = append(out, Recommendation{
			Service: detect.PHPFPM, Scope: scope, Directive: "pm", Current: pmCur,
			Recommended: pm, Severity: OK, ReasonKey: i18n.SizingWhyFPMPM, ReasonArgs: []any{p.totalMB},
		})
	}
	return out
}

// othersMB is the measured PSS of every sized service except name.
func (p plan) othersMB(name string) int64 {
	var n int64
	for k, s := range p.svc {
		if k != name && k != Other {
			n += s.PSSKB / 1024
		}
	}
	return n
}

func (p plan) mysql(ms *MySQLSettings) []Recommendation {
	known := ms != nil
	if ms == nil {
		ms = &MySQLSettings{}
	}
	ms.applyDefaults()
	budget := MemoryBudget{TotalMB: p.totalMB, ReserveMB: p.reserveMB, CacheMB: p.cacheMB, OthersMB: p.othersMB(detect.MySQL)}.TierMB()
	perThread := float64(ms.PerThreadBytes()) / (1 << 20)
	conns := float64(ms.MaxConnections.N) * perThread
	peak := ms.PeakBytes() >> 20
	dedicated := true
	for _, w := range []string{detect.Apache, detect.Nginx, detect.PHPFPM, detect.Tomcat} {
		if _, ok := p.svc[w]; ok {
			dedicated = false
		}
	}
	bp := ms.BufferPool.N >> 20
	other := (ms.KeyBuffer.N + ms.LogBuffer.N) >> 20
	var rec int64
	sev := Fit(float64(peak), float64(budget), float64(p.cacheMB))
	if dedicated {
		// A database server: most of the budget becomes cache for data.
		rec = roundDown(int64(0.75*(float64(budget)-conns-float64(other))), 128)
	} else {
		rec = bp
		if sev != OK {
			rec = roundDown(int64(float64(budget)-conns-float64(other)), 128)
		}
	}
	rec = max(rec, 128)
	// When the buffer pool cannot shrink enough, fewer connections must do;
	// when the web tier can open more connections than allowed, its extra
	// requests fail with "Too many connections" — raise it as far as memory allows.
	mcRec := ms.MaxConnections.N
	memCap := int64(math.MaxInt32)
	if perThread > 0 {
		memCap = max(10, int64((float64(budget)-float64(rec+other))/perThread))
	}
	mcSev, mcKey := sev, i18n.SizingWhyMaxConnections
	mcArgs := []any{perThread, ms.MaxConnections.N, int64(conns)}
	web := p.dbConns[detect.PHPFPM]
	if web == 0 {
		web = p.dbConns[detect.Apache]
	}
	want := web + (web+9)/10 // a 10 % margin for cron jobs and admins
	switch {
	case web > 0 && ms.MaxConnections.N < web:
		mcRec = min(want, memCap)
		mcSev = worse(sev, Warn)
		mcKey = i18n.SizingWhyMaxConnectionsWeb
		mcArgs = []any{web, ms.MaxConnections.N, mcRec, perThread}
	case mcRec > memCap:
		mcRec = memCap
	}
	bpCur, bpDef := "", false
	if known {
		bpCur, bpDef = itoa(bp)+"M", !ms.BufferPool.Set
	}
	key := i18n.SizingWhyBufferPoolShared
	if dedicated {
		key = i18n.SizingWhyBufferPoolDedicated
	}
	out := []Recommendation{{
		Service: detect.MySQL, Directive: "innodb_buffer_pool_size", Current: bpCur, Default: bpDef,
		Recommended: itoa(rec) + "M", Severity: sev, ReasonKey: key,
		ReasonArgs: []any{budget, bp, perThread, ms.MaxConnections.N, peak, rec, mcRec, tail(sev, dedicated && bp < rec/2)},
	}}
	mcCur, mcDef := current(ms.MaxConnections, known)
	out = append(out, Recommendation{
		Service: detect.MySQL, Directive: "max_connections", Current: mcCur, Default: mcDef,
		Recommended: itoa(mcRec), Severity: mcSev, ReasonKey: mcKey, ReasonArgs: mcArgs,
	})
	return out
}

func (p plan) tomcat(ts *TomcatSettings) []Recommendation {
	known := ts != nil
	if ts == nil {
		ts = &TomcatSettings{}
	}
	ts.applyDefaults(p.totalMB)
	budget := MemoryBudget{TotalMB: p.totalMB, ReserveMB: p.reserveMB, CacheMB: p.cacheMB, OthersMB: p.othersMB(detect.Tomcat)}.TierMB()
	target := max(roundDown(int64(heapShare*float64(budget)), 64), 128)
	stacks := float64(ts.MaxThreads.N) * threadStackMB
	need := float64(ts.XmxMB.N)*(1+jvmNonHeap) + stacks
	sev := Fit(need, float64(budget), float64(p.cacheMB))
	// A heap that fits stays; one that does not, or is far below what
	// fits, moves to the target.
	rec := ts.XmxMB.N
	if sev != OK || ts.XmxMB.N < target/2 {
		rec = target
	}
	xCur, xDef := "", false
	if known {
		xCur, xDef = fmt.Sprintf("%dm", ts.XmxMB.N), !ts.XmxMB.Set
	}
	out := []Recommendation{{
		Service: detect.Tomcat, Directive: "-Xmx", Current: xCur, Default: xDef,
		Recommended: fmt.Sprintf("%dm", rec), Severity: sev, ReasonKey: i18n.SizingWhyXmx,
		ReasonArgs: []any{budget, target, ts.XmxMB.N, ts.MaxThreads.N, int64(need), tail(sev, ts.XmxMB.N < target/2)},
	}}
	// Thread stacks are part of the need: with the recommended heap, as
	// many threads as the rest of the budget holds, never more than now.
	thr := ts.MaxThreads.N
	thrSev := OK
	if room := float64(budget) - float64(rec)*(1+jvmNonHeap); float64(thr)*threadStackMB > room {
		thr = max(25, int64(room/threadStackMB))
		thrSev = Warn
	}
	tCur, tDef := current(ts.MaxThreads, known)
	out = append(out, Recommendation{
		Service: detect.Tomcat, Directive: "maxThreads", Current: tCur, Default: tDef,
		Recommended: itoa(thr), Severity: thrSev, ReasonKey: i18n.SizingWhyMaxThreads,
		ReasonArgs: []any{threadStackMB, thr},
	})
	return out
}

// worse returns the more severe of a and b.
func worse(a, b Severity) Severity {
	rank := map[Severity]int{OK: 0, Warn: 1, Danger: 2}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// floorChild raises an idle-looking child size to the floor, and says so.
func floorChild(service string, measured, floor float64, notes *[]Note) float64 {
	if measured >= floor {
		return measured
	}
	*notes = append(*notes, Note{Key: i18n.SizingNoteChildFloor, Args: []any{service, measured, floor}})
	return floor
}

func roundDown(n, step int64) int64 {
	if n < 0 {
		return 0
	}
	return n / step * step
}
