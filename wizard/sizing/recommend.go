package sizing

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/detect"
)

// Rules of thumb the recommendations use.
const (
	preforkChildMB = 15.0 // assumed prefork child when none runs
	fpmChildMB     = 40.0 // assumed PHP-FPM child when none runs and no memory_limit
	// Floors: an idle child measured right after start is smaller than a
	// busy one; sizing on it would allow absurd worker counts.
	preforkFloorMB = 8.0
	fpmFloorMB     = 20.0
	// A worker/event thread costs its stack's resident pages (the 8 MiB
	// ThreadStackSize is a reservation; about 128 KiB of it is touched)
	// plus what the measured child grew by per thread.
	threadStackMB    = 0.125
	assumedThreadMB  = 0.5  // per-thread cost when no child runs
	assumedProcessMB = 10.0 // per-process base of a threaded child when none runs
	minProcessMB     = 2.0
	preforkMaxLimit  = 20000 // prefork's compiled-in ServerLimit ceiling
	threadedMaxLimit = 20000 // worker/event's ServerLimit ceiling (MAX_SERVER_LIMIT)
	mcpcPrefork      = 5000
	mcpcThreaded     = 50000
	// On a box shared with a web tier, MySQL's global buffers get at most
	// 40 % of what is left after the OS, the cache and fixed services (the
	// source post's split: 1 GB of 3 GB, 2 GB of 6.2 GB).
	mysqlSharedCap = 0.4
	// A database server: three quarters of what is left go to the pool.
	mysqlDedicatedShare = 0.75
	connMargin          = 0.1 // max_connections over the web tier's slots: cron, admins
	minConnMargin       = 5
	jvmHeapShare        = 0.8 // of what is left after metaspace, code cache and stacks (GC, direct buffers)
)

// plan is the one ledger while the report is built: every MB is given
// once, in this order: OS reserve, cache headroom, fixed services
// (PostgreSQL, Redis as measured), Tomcat at its worst case, MySQL's global
// buffers, then the web tier and the database connections it can open.
type plan struct {
	totalMB, reserveMB, cacheMB int64
	svc                         map[string]ServiceMemory
	share                       map[string]int64
	notes                       *[]Note
	web                         webPlan
	apacheCur                   int64 // workers the current Apache configuration allows
	// peakMB is what a service may grow to under its configured limits
	// (capped at its share), for instance advice.
	peakMB map[string]float64
	ev     Evidence // the logs' word on memory pressure
	// fixedMB are the buffers allocated at a configured size (MySQL's
	// global buffers, Tomcat's heap), for instance advice.
	fixedMB map[string]int64
	// maxUsedConns is the server's Max_used_connections (0: not read).
	maxUsedConns int64
}

func mbOf(kb int64) float64 { return math.Round(float64(kb)/1024*10) / 10 }

func (p *plan) note(k i18n.Key, args ...any) { *p.notes = append(*p.notes, Note{Key: k, Args: args}) }

func (p *plan) has(name string) bool { _, ok := p.svc[name]; return ok }

// Build turns a measurement into the report.
func Build(m Measurement, opt Options) Report {
	totalMB := m.Mem.TotalKB / 1024
	r := Report{
		Memory: MemoryFacts{
			TotalMB:     totalMB,
			AvailableMB: m.Mem.AvailableKB / 1024,
			KernelMB:    m.Mem.KernelKB() / 1024,
			SwapMB:      m.Mem.SwapTotalKB / 1024,
			SwapUsedMB:  max(0, m.Mem.SwapTotalKB-m.Mem.SwapFreeKB) / 1024,
		},
		Budget:          []BudgetLine{},
		Services:        []ServiceReport{},
		Recommendations: []Recommendation{},
		Instances:       []InstanceOffer{},
		Notes:           []Note{},
		Evidence:        m.Evidence,
	}
	if r.Evidence.OOMKills == nil {
		r.Evidence = Evidence{Swappiness: -1, OOMKills: []OOMKill{}, LogsRead: []string{}, FPMMaxChildren: []PoolHits{}}
	}
	p := &plan{totalMB: totalMB, share: map[string]int64{}, svc: map[string]ServiceMemory{}, peakMB: map[string]float64{}, notes: &r.Notes, ev: r.Evidence, fixedMB: map[string]int64{}}
	var inexact []string
	for _, s := range m.Services {
		p.svc[s.Name] = s
		r.Services = append(r.Services, ServiceReport{
			Name: s.Name, Processes: s.Processes, PSSMB: mbOf(s.PSSKB),
			AvgChildPSSMB: mbOf(s.AvgChildKB()), LargestChildPSSMB: mbOf(s.LargestChildKB()), PSSExact: s.Exact,
			ParentPSSMB: mbOf(s.ParentKB), Children: s.Children,
		})
		if !s.Exact && s.Name != Other {
			inexact = append(inexact, s.Name)
		}
	}
	if len(inexact) > 0 {
		p.note(i18n.SizingNoteRSSFallback, strings.Join(inexact, ", "))
	}

	// Kernel/OS reserve: what the kernel holds plus every process that is
	// not a sized service (sshd, rsyslog, the agent…), at least the floor.
	otherMB := p.svc[Other].PSSKB / 1024
	p.reserveMB = max(MinReserveMB(totalMB), r.Memory.KernelMB+otherMB)
	p.cacheMB = CacheHeadroomMB(totalMB)
	r.Memory.ReservedMB = p.reserveMB + p.cacheMB
	r.Budget = append(r.Budget, BudgetLine{"os_reserve", p.reserveMB}, BudgetLine{"cache_headroom", p.cacheMB})
	left := max(0, totalMB-p.reserveMB-p.cacheMB)

	// Fixed services: what they hold now.
	for _, name := range []string{detect.PostgreSQL, detect.Redis} {
		if s, ok := p.svc[name]; ok {
			p.share[name] = min(left, s.PSSKB/1024)
			left -= p.share[name]
		}
	}
	var recs []Recommendation
	if p.has(detect.Tomcat) {
		ts := TomcatSettings{}
		known := m.Settings.Tomcat != nil
		if known {
			ts = *m.Settings.Tomcat
		}
		ts.applyDefaults(totalMB)
		p.fixedMB[detect.Tomcat] = ts.XmxMB.N
		// Tomcat shares the box with what the others hold now.
		var others int64
		for name, s := range p.svc {
			if name != detect.Tomcat && name != Other && name != detect.PostgreSQL && name != detect.Redis {
				others += s.PSSKB / 1024
			}
		}
		budget := max(0, left-others)
		tr, mb := p.tomcat(ts, known, budget)
		recs = append(recs, tr...)
		p.share[detect.Tomcat] = min(left, mb)
		left -= p.share[detect.Tomcat]
	}

	var ms *MySQLSettings
	if p.has(detect.MySQL) {
		v := MySQLSettings{}
		if m.Settings.MySQL != nil {
			v = *m.Settings.MySQL
		}
		v.applyDefaults()
		ms = &v
		if db := m.DB; db.Tried {
			r.DB = &db
			switch {
			case db.Connected && db.Error == "" && v.applyServer(db.Variables):
				v.Source = "server"
				p.maxUsedConns = db.MaxUsedConnections
				p.note(i18n.SizingNoteDBRead, db.Socket, time.Duration(db.UptimeSeconds)*time.Second, db.MaxUsedConnections,
					engineList(db.Engines), db.TmpDiskTables, db.TmpTables)
			default:
				p.note(i18n.SizingNoteDBUnread, db.Socket, db.Error)
			}
		}
		p.fixedMB[detect.MySQL] = mib(v.ServerBytes())
		if v.Source == "" {
			flavour := "MySQL"
			if v.MariaDB {
				flavour = "MariaDB"
			}
			p.note(i18n.SizingNoteMySQLDefaults, flavour)
		}
	}
	webRunning := p.has(detect.Apache) || p.has(detect.Nginx) || p.has(detect.PHPFPM)
	var mysqlRecs []Recommendation
	var serverMB int64
	if ms != nil {
		serverMB, mysqlRecs = p.mysqlServer(ms, m.Settings.MySQL != nil, left, webRunning)
		left -= serverMB
	}

	// The web tier: Apache and/or Nginx with PHP-FPM, one budget.
	if webRunning {
		var perConn float64
		if ms != nil {
			perConn = float64(ms.TypicalConnBytes()) / (1 << 20) * (1 + connMargin)
		}
		var ap *ApacheSettings
		if p.has(detect.Apache) {
			a := ApacheSettings{MPM: "prefork"}
			if m.Settings.Apache != nil {
				a = *m.Settings.Apache
			}
			a.applyDefaults()
			ap = &a
			p.apacheCur = apacheLimit(ap)
		}
		// The connections' fixed margin (minConnMargin, plus one for
		// rounding up) is kept out of the web tier's part.
		webBudget := left
		if ms != nil {
			webBudget = max(0, left-int64(math.Ceil(float64((minConnMargin+1)*ms.TypicalConnBytes())/(1<<20))))
		}
		p.web = p.planWeb(ap, m.Settings.FPM, webBudget, perConn)
		if ms != nil {
			p.web.perConnWorst = float64(ms.PerThreadBytes()) / (1 << 20)
		}
		if p.has(detect.Nginx) && m.Settings.Nginx != nil {
			recs = append(recs, p.nginx(m.Settings.Nginx, m.CPU.CPUs))
		}
		if ap != nil {
			recs = append(recs, p.apache(ap, m.Settings.Apache != nil)...)
		}
		if p.has(detect.PHPFPM) {
			recs = append(recs, p.fpm(m.Settings.FPM)...)
		}
		for _, name := range []string{detect.Apache, detect.Nginx, detect.PHPFPM} {
			if v, ok := p.share[name]; ok {
				left -= v
			}
		}
	}
	var connsMB int64
	if ms != nil {
		conns, connRecs := p.mysqlConns(ms, m.Settings.MySQL != nil, left, serverMB)
		mysqlRecs = append(mysqlRecs, connRecs...)
		p.share[detect.MySQL] = serverMB + conns
		left -= conns
		connsMB = conns
	}
	p.tierOrder(ms != nil, webRunning, serverMB, connsMB)
	recs = append(recs, mysqlRecs...)
	for i := range recs {
		// "ok" means the current value is the recommendation.
		if rc := &recs[i]; rc.Severity == OK && rc.Current != "" && rc.Current != rc.Recommended {
			rc.Severity = Tune
		}
	}
	r.Recommendations = append(r.Recommendations, recs...)
	for _, name := range serviceOrder {
		if v, ok := p.share[name]; ok {
			r.Budget = append(r.Budget, BudgetLine{name, v})
		}
	}
	if left > 0 {
		r.Budget = append(r.Budget, BudgetLine{"unassigned", left})
	} else if left < 0 {
		// The configured worst cases do not fit; the ledger shows the excess.
		r.Budget = append(r.Budget, BudgetLine{"over", left})
	}
	r.Web = p.web.report()
	// A service's own cgroup bounds it whatever the ledger gives it.
	for _, name := range serviceOrder {
		lim, ok := m.Cgroups[name]
		if ok && name != detect.Tomcat && p.share[name] > lim.MB {
			p.note(i18n.SizingNoteCgroupTight, name, p.share[name], lim.MB, lim.File)
		}
	}

	for _, pr := range m.SettingsProblems {
		p.note(i18n.SizingNoteConfigProblem, pr)
	}
	p.evidenceNotes(r.Evidence, m.Settings)

	r.CPU = CPUFacts{VCPU: m.CPU.CPUs, BusyPercent: round1(m.CPU.BusyPct), BusyVCPU: round2(m.CPU.BusyVCPU()), SampleSeconds: round1(m.CPU.Seconds), Sampled: m.CPUErr == nil && m.CPU.CPUs > 0, Source: "none"}
	if r.CPU.Sampled {
		r.CPU.Source = "sample"
	}
	// Beyond what runs now, the web tier may grow to its limits.
	var growth float64
	for name, peak := range p.peakMB {
		growth += max(0, peak-mbOf(p.svc[name].PSSKB))
	}
	var fixed, resident int64
	for name, mb := range p.fixedMB {
		fixed += mb
		resident += min(mb, p.svc[name].PSSKB/1024)
	}
	advise(&r, m, opt, growth, fixed, resident)
	return r
}

// engineList is "InnoDB 120+30 MB, Aria 1+0 MB" (data+index).
func engineList(es []EngineSize) string {
	if len(es) == 0 {
		return "-"
	}
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = fmt.Sprintf("%s %d+%d MB", e.Engine, e.DataMB, e.IndexMB)
	}
	return strings.Join(parts, ", ")
}

// tierOrder says, when more than one tier shares the box, in which order
// they were given memory: a later tier only gets what the earlier ones
// left, so it is the one cut when memory is short.
func (p *plan) tierOrder(mysql, web bool, serverMB, connsMB int64) {
	var tiers []Msg
	for _, name := range []string{detect.PostgreSQL, detect.Redis} {
		if v, ok := p.share[name]; ok {
			tiers = append(tiers, Msg{i18n.SizingTierFixed, []any{name, v}})
		}
	}
	if v, ok := p.share[detect.Tomcat]; ok {
		tiers = append(tiers, Msg{i18n.SizingTierTomcat, []any{v}})
	}
	if mysql {
		tiers = append(tiers, Msg{i18n.SizingTierMySQLServer, []any{serverMB}})
	}
	if web {
		var mb int64
		for _, name := range []string{detect.Apache, detect.Nginx, detect.PHPFPM} {
			mb += p.share[name]
		}
		tiers = append(tiers, Msg{i18n.SizingTierWeb, []any{mb}})
	}
	if mysql && web {
		tiers = append(tiers, Msg{i18n.SizingTierMySQLConns, []any{connsMB}})
	}
	if len(tiers) > 1 {
		p.note(i18n.SizingNoteTierOrder, tiers)
	}
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
func (p *plan) nginx(n *NginxSettings, cpus int) Recommendation {
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

// worse returns the more severe of a and b.
func worse(a, b Severity) Severity {
	rank := map[Severity]int{OK: 0, Tune: 0, Warn: 1, Danger: 2}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// floorChild raises an idle-looking child size to the floor, and says so.
func (p *plan) floorChild(service string, measured, floor float64) float64 {
	if measured >= floor {
		return measured
	}
	p.note(i18n.SizingNoteChildFloor, service, measured, floor)
	return floor
}

func roundDown(n, step int64) int64 {
	if n < 0 {
		return 0
	}
	return n / step * step
}

func mib(b int64) int64 { return b >> 20 }

func fmtMB(mb int64) string { return fmt.Sprintf("%dM", mb) }
