package sizing

import (
	"fmt"
	"strconv"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/detect"
)

// tomcat sizes the JVM in budget MB: heap (from -Xmx or MaxRAMPercentage
// of the machine's or the cgroup's limit) + metaspace + code cache +
// maxThreads × Xss. It returns the recommendations and the worst case of
// the recommended settings, for the ledger.
func (p *plan) tomcat(ts TomcatSettings, known bool, budget int64) ([]Recommendation, int64) {
	alone := true
	for name := range p.svc {
		alone = alone && (name == detect.Tomcat || name == Other)
	}
	threads := ts.MaxThreads.N
	// The service's own cgroup bounds its budget: beyond it the kernel
	// kills the JVM inside the cgroup however much the machine has free.
	cgroup := ts.CgroupMB > 0 && ts.CgroupMB < budget
	if cgroup {
		budget = ts.CgroupMB
	}
	fixed := ts.MetaspaceMB.N + ts.CodeCacheMB.N + threads*ts.XssKB.N/1024
	target := max(roundDown(int64(jvmHeapShare*float64(budget-fixed)), 64), 128)
	need := ts.NeedMB(ts.XmxMB.N, threads)
	sev := Fit(float64(need), float64(budget), float64(p.cacheMB))
	if cgroup && need > budget {
		sev = Danger // no file cache to squeeze inside a cgroup
	}
	if sev == OK && ts.XmxMB.N > target {
		// It fits only without the JVM's own overhead (GC structures,
		// direct buffers, malloc arenas).
		sev = Warn
	}
	// A heap that fits stays; one that does not moves to the target, and
	// so does one far below it when Tomcat is alone on the box (beside
	// other services, a bigger heap would take what they may grow into).
	rec := ts.XmxMB.N
	if sev != OK || (alone && ts.XmxMB.N < target/2) {
		rec = target
	}
	limitKey := i18n.SizingLimitMachine
	if ts.LimitFromCgroup {
		limitKey = i18n.SizingLimitCgroup
	}
	detail := Msg{i18n.SizingDetailJVM, []any{ts.MetaspaceMB.N, ts.CodeCacheMB.N, threads, ts.XssKB.N}}
	end := tail(sev, alone && ts.XmxMB.N < target/2)
	if cgroup && sev == Danger {
		end = i18n.SizingTailCgroup
	}
	if cgroup {
		p.note(i18n.SizingNoteCgroupBound, detect.Tomcat, ts.CgroupMB, ts.CgroupFile)
	}
	var out []Recommendation
	switch ts.HeapFrom {
	case "MaxRAMPercentage", "default":
		// Java accepts MaxRAMPercentage from 0 to 100.
		pct := min(float64(rec)*100/float64(max(ts.LimitMB, 1)), 100)
		recPct := strconv.FormatFloat(float64(int64(pct)), 'f', -1, 64)
		cur := ""
		if known {
			cur = strconv.FormatFloat(ts.RAMPercent, 'f', -1, 64)
			if ts.HeapFrom == "default" {
				cur = "25"
			}
		}
		out = append(out, Recommendation{
			Service: detect.Tomcat, Directive: "-XX:MaxRAMPercentage", Current: cur, Default: ts.HeapFrom == "default",
			Recommended: recPct, Severity: sev, ReasonKey: i18n.SizingWhyRAMPercent,
			ReasonArgs: []any{cur, ts.LimitMB, limitKey, ts.XmxMB.N, detail, need, budget, rec, end},
		})
	default:
		xCur, xDef := "", false
		if known {
			xCur, xDef = fmt.Sprintf("%dm", ts.XmxMB.N), !ts.XmxMB.Set
		}
		out = append(out, Recommendation{
			Service: detect.Tomcat, Directive: "-Xmx", Current: xCur, Default: xDef,
			Recommended: fmt.Sprintf("%dm", rec), Severity: sev, ReasonKey: i18n.SizingWhyXmx,
			ReasonArgs: []any{budget, ts.XmxMB.N, detail, need, target, end},
		})
	}
	// Thread stacks are part of the need: with the recommended heap, as
	// many threads as the rest of the budget holds, never more than now.
	thr := threads
	thrSev := OK
	xssMB := float64(ts.XssKB.N) / 1024
	if room := float64(budget - rec - ts.MetaspaceMB.N - ts.CodeCacheMB.N); float64(thr)*xssMB > room {
		thr = max(25, int64(room/xssMB))
		thrSev = Warn
	}
	tCur, tDef := current(ts.MaxThreads, known)
	out = append(out, Recommendation{
		Service: detect.Tomcat, Directive: "maxThreads", Current: tCur, Default: tDef,
		Recommended: itoa(thr), Severity: thrSev, ReasonKey: i18n.SizingWhyMaxThreads,
		ReasonArgs: []any{xssMB, thr},
	})
	return out, ts.NeedMB(rec, thr)
}
