package sizing

import (
	"fmt"
	"math"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/detect"
)

// mysqlBreakdown lists MySQLTuner's terms for a reason.
func mysqlBreakdown(ms *MySQLSettings) Msg {
	flavour := "MySQL"
	if ms.MariaDB {
		flavour = "MariaDB"
	}
	ps := int64(0)
	if ms.PerfSchema {
		ps = perfSchemaMB
	}
	return Msg{i18n.SizingDetailMySQLServer, []any{flavour, mib(ms.BufferPool.N), mib(ms.KeyBuffer.N), mib(ms.LogBuffer.N),
		mib(ms.QueryCache.N), mib(ms.AriaPagecache.N), ps, mib(ms.ServerBytes()),
		float64(ms.PerThreadBytes()) / (1 << 20), kib(ms.SortBuffer.N), kib(ms.ThreadStack.N), mib(ms.TmpTableBytes())}}
}

func kib(b int64) string {
	if b%(1<<20) == 0 {
		return fmt.Sprintf("%dM", b>>20)
	}
	return fmt.Sprintf("%dK", b>>10)
}

// mysqlServer sizes the global buffers in left MB. Beside a web tier they
// get at most mysqlSharedCap of it, so MySQL cannot spend what the web tier
// is given; a database server gives the buffer pool three quarters of what
// is left after every allowed connection's worst case.
func (p *plan) mysqlServer(ms *MySQLSettings, known bool, left int64, shared bool) (int64, []Recommendation) {
	bp := mib(ms.BufferPool.N)
	otherMB := mib(ms.ServerBytes()) - bp
	curServer := mib(ms.ServerBytes())
	var rec int64
	var sev Severity
	var key i18n.Key
	var budget int64
	var extra []Recommendation
	if shared {
		budget = int64(mysqlSharedCap * float64(left))
		rec, sev, key = bp, OK, i18n.SizingWhyBufferPoolShared
		if curServer > budget {
			sev = Fit(float64(curServer), float64(budget), float64(p.cacheMB))
			// MyISAM's key buffer and MariaDB's Aria page cache serve
			// only those engines (and Aria's internal temporary tables):
			// on a small InnoDB box 16 MB each is plenty.
			for _, b := range []struct {
				name string
				v    *Value
			}{{"key_buffer_size", &ms.KeyBuffer}, {"aria_pagecache_buffer_size", &ms.AriaPagecache}} {
				if mib(b.v.N) > smallEngineBufMB && otherMB+128 > budget {
					cur, isDef := "", false
					if known {
						cur, isDef = fmtMB(mib(b.v.N)), !b.v.Set
					}
					extra = append(extra, Recommendation{
						Service: detect.MySQL, Directive: b.name, Current: cur, Default: isDef, Recommended: fmtMB(smallEngineBufMB),
						Severity: Warn, ReasonKey: i18n.SizingWhySmallEngineBuffer, ReasonArgs: []any{b.name, mib(b.v.N), budget},
					})
					otherMB -= mib(b.v.N) - smallEngineBufMB
				}
			}
			rec = max(roundDown(budget-otherMB, 128), 128)
		}
	} else {
		budget = left
		key = i18n.SizingWhyBufferPoolDedicated
		conns := mib(ms.TypicalConnBytes() * ms.MaxConnections.N)
		rec = max(roundDown(int64(mysqlDedicatedShare*float64(left-otherMB-conns)), 128), 128)
		sev = Fit(float64(curServer+conns), float64(left), float64(p.cacheMB))
	}
	bpCur, bpDef := "", false
	if known {
		bpCur, bpDef = fmtMB(bp), !ms.BufferPool.Set
	}
	raise := !shared && bp < rec/2
	out := []Recommendation{{
		Service: detect.MySQL, Directive: "innodb_buffer_pool_size", Current: bpCur, Default: bpDef,
		Recommended: fmtMB(rec), Severity: sev, ReasonKey: key,
		ReasonArgs: []any{mysqlBreakdown(ms), left, budget, curServer, rec, tail(sev, raise)},
	}}
	return otherMB + rec, append(out, extra...)
}

// smallEngineBufMB is the key buffer / Aria page cache advised when they
// crowd out the buffer pool.
const smallEngineBufMB = 16

// mysqlConns sizes max_connections: to the web tier's PHP slots plus a
// margin when there is a web tier (raised or lowered), else what memory
// allows. It returns the connections' worst case in MB.
func (p *plan) mysqlConns(ms *MySQLSettings, known bool, left, serverMB int64) (int64, []Recommendation) {
	perThread := float64(ms.TypicalConnBytes()) / (1 << 20)
	typical := func(n int64) int64 { return int64(math.Ceil(float64(ms.TypicalConnBytes()*n) / (1 << 20))) }
	cur := ms.MaxConnections.N
	slots := p.web.slots
	var rec int64
	sev := OK
	var key i18n.Key
	var args []any
	if slots > 0 {
		rec = slots + max(int64(math.Ceil(float64(slots)*connMargin)), minConnMargin)
		curPeak := serverMB + typical(cur)
		recPeak := serverMB + typical(rec)
		switch {
		case cur < slots:
			sev, key = Warn, i18n.SizingWhyMaxConnectionsWeb
			args = []any{slots, cur, rec, perThread}
		case cur > rec:
			sev = Fit(float64(curPeak), float64(recPeak), float64(p.cacheMB))
			key = i18n.SizingWhyMaxConnectionsLower
			args = []any{slots, cur, perThread, curPeak, rec, recPeak, tail(sev, false)}
		default:
			key = i18n.SizingWhyMaxConnectionsMatch
			args = []any{slots, cur, perThread}
		}
	} else {
		rec = cur
		if perThread > 0 {
			if memCap := max(10, int64(float64(max(left, 0))/perThread)); rec > memCap {
				rec, sev = memCap, Warn
			}
		}
		key = i18n.SizingWhyMaxConnections
		args = []any{perThread, cur, typical(cur), rec}
	}
	// MySQLTuner's theoretical maximum, shown apart: every allowed
	// connection using all its per-query buffers at once.
	worst := mib(ms.ServerBytes() + ms.ConnBytes(cur))
	p.note(i18n.SizingNoteMySQLWorstCase, cur, float64(ms.PerThreadBytes())/(1<<20), worst, worst*100/max(p.totalMB, 1), perThread)
	if used := p.maxUsedConns; used > 0 {
		reached := mib(ms.ServerBytes() + ms.ConnBytes(used))
		p.note(i18n.SizingNoteMySQLObserved, used, reached, reached*100/max(p.totalMB, 1))
	}
	mcCur, mcDef := current(ms.MaxConnections, known)
	return typical(rec), []Recommendation{{
		Service: detect.MySQL, Directive: "max_connections", Current: mcCur, Default: mcDef,
		Recommended: itoa(rec), Severity: sev, ReasonKey: key, ReasonArgs: args,
	}}
}
