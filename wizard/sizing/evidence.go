package sizing

import (
	"bytes"
	"context"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/lazy"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// Evidence is what the host's own logs and counters say about memory
// pressure; it beats any formula: an OOM kill is a fact, a model is a guess.
type Evidence struct {
	OOMKills []OOMKill `json:"oom_kills"`
	// LogsRead are the files (and "journal") searched for OOM kills.
	LogsRead []string `json:"logs_read"`
	// JournalSkipped: the systemd journal exists but was not read (it is
	// binary; it is read with journalctl only when --root is /).
	JournalSkipped bool `json:"journal_skipped"`
	// MaxWorkersHits counts Apache's "server reached MaxRequestWorkers".
	MaxWorkersHits int    `json:"apache_max_workers_hits"`
	MaxWorkersLast string `json:"apache_max_workers_last,omitempty"`
	// FPMMaxChildren counts "reached pm.max_children" per pool.
	FPMMaxChildren []PoolHits `json:"fpm_max_children_hits"`
	SwapTotalMB    int64      `json:"swap_total_mb"`
	SwapUsedMB     int64      `json:"swap_used_mb"`
	Swappiness     int        `json:"swappiness"` // -1: unknown
}

// OOMKill is one kernel OOM kill.
type OOMKill struct {
	When    string `json:"when"`    // the log line's own timestamp text
	Process string `json:"process"` // the killed process's name
	Source  string `json:"source"`  // the file, or "journal"
}

// PoolHits is a PHP-FPM pool's count of "reached pm.max_children".
type PoolHits struct {
	Pool string `json:"pool"`
	Hits int    `json:"hits"`
	Last string `json:"last,omitempty"`
}

// JournalReader returns the kernel's messages from the systemd journal
// (journalctl -k); main wires it only when --root is /.
type JournalReader func(ctx context.Context) ([]string, error)

// evidenceTail is how much of each log's end is searched.
const evidenceTail = 4 << 20

var (
	oomRe = lazy.Regexp(`(?i)out of memory.*?: Kill(?:ed)? process \d+ \(([^)]{1,64})\)`)
	// Apache 2.4 (AH00161/AH00484), 2.2's MaxClients.
	mrwRe = lazy.Regexp(`server reached (MaxRequestWorkers|MaxClients) setting`)
	fpmRe = lazy.Regexp(`\[pool ([^\]]{1,64})\] server reached (?:pm\.)?max_children setting`)
)

var (
	syslogFiles = []string{"/var/log/messages", "/var/log/kern.log", "/var/log/syslog"}
	apacheLogs  = []string{"/var/log/httpd/error_log", "/var/log/apache2/error.log"}
	fpmLogs     = []string{"/var/log/php-fpm/error.log", "/var/log/php*-fpm.log", "/var/log/php-fpm.log"}
)

// ReadEvidence searches the ends of the system, Apache and PHP-FPM logs
// and reads swap and vm.swappiness. Unreadable files are skipped.
func ReadEvidence(r host.Root, mem Meminfo) Evidence {
	e := Evidence{Swappiness: -1, FPMMaxChildren: []PoolHits{}, OOMKills: []OOMKill{}, LogsRead: []string{}}
	e.SwapTotalMB = mem.SwapTotalKB / 1024
	e.SwapUsedMB = max(0, mem.SwapTotalKB-mem.SwapFreeKB) / 1024
	if b, err := r.ReadFile("/proc/sys/vm/swappiness"); err == nil {
		if n, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
			e.Swappiness = n
		}
	}
	seen := map[string]bool{}
	for _, f := range syslogFiles {
		lines, ok := tailFile(r, f)
		if !ok {
			continue
		}
		e.LogsRead = append(e.LogsRead, f)
		for _, l := range lines {
			if k, ok := parseOOM(l, f); ok && !seen[k.When+k.Process] {
				seen[k.When+k.Process] = true
				e.OOMKills = append(e.OOMKills, k)
			}
		}
	}
	if st, err := r.Stat("/var/log/journal"); err == nil && st.IsDir() {
		e.JournalSkipped = true // until AddJournal reads it
	}
	for _, f := range apacheLogs {
		lines, _ := tailFile(r, f)
		for _, l := range lines {
			if mrwRe().MatchString(l) {
				e.MaxWorkersHits++
				e.MaxWorkersLast = logTime(l)
			}
		}
	}
	pools := map[string]*PoolHits{}
	for _, pat := range fpmLogs {
		files := []string{pat}
		if strings.ContainsAny(pat, "*") {
			files, _ = r.Glob(pat)
		}
		for _, f := range files {
			lines, _ := tailFile(r, f)
			for _, l := range lines {
				if m := fpmRe().FindStringSubmatch(l); m != nil {
					name := printable(m[1])
					p := pools[name]
					if p == nil {
						p = &PoolHits{Pool: name}
						pools[name] = p
					}
					p.Hits++
					p.Last = logTime(l)
				}
			}
		}
	}
	for _, p := range pools {
		e.FPMMaxChildren = append(e.FPMMaxChildren, *p)
	}
	sort.Slice(e.FPMMaxChildren, func(i, j int) bool { return e.FPMMaxChildren[i].Pool < e.FPMMaxChildren[j].Pool })
	return e
}

// AddJournal adds the OOM kills the journal holds (read by jr).
func (e *Evidence) AddJournal(ctx context.Context, jr JournalReader) error {
	lines, err := jr(ctx)
	if err != nil {
		return err
	}
	e.JournalSkipped = false
	e.LogsRead = append(e.LogsRead, "journal")
	have := map[string]bool{}
	for _, k := range e.OOMKills {
		have[k.Process+"|"+k.When] = true
	}
	for _, l := range lines {
		if k, ok := parseOOM(l, "journal"); ok && !have[k.Process+"|"+k.When] {
			have[k.Process+"|"+k.When] = true
			e.OOMKills = append(e.OOMKills, k)
		}
	}
	return nil
}

func parseOOM(line, src string) (OOMKill, bool) {
	m := oomRe().FindStringSubmatch(line)
	if m == nil {
		return OOMKill{}, false
	}
	return OOMKill{When: logTime(line), Process: printable(m[1]), Source: src}, true
}

// logTime is the timestamp a log line starts with: syslog's "Nov 30
// 03:12:44", an RFC 3339 stamp, Apache's "[Mon Nov 30 03:12:44.1 2026]",
// PHP-FPM's "[30-Nov-2026 03:12:44]".
func logTime(l string) string {
	if strings.HasPrefix(l, "[") {
		if i := strings.IndexByte(l, ']'); i > 0 {
			return printable(l[1:i])
		}
	}
	f := strings.Fields(l)
	switch {
	case len(f) >= 3 && len(f[0]) == 3 && strings.Count(f[2], ":") == 2:
		return printable(strings.Join(f[:3], " "))
	case len(f) >= 1 && len(f[0]) >= 19 && f[0][4] == '-' && f[0][10] == 'T':
		return printable(f[0])
	}
	return ""
}

// printable keeps a log's text safe for a terminal: control characters and
// other non-printing runes are dropped, the length is bounded.
func printable(s string) string { return clean(s, 64) }

// clean drops non-printing runes and bounds s to about n bytes.
func clean(s string, n int) string {
	var b strings.Builder
	for _, c := range s {
		if c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029' || c == '\ufeff' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') {
			continue
		}
		b.WriteRune(c)
		if b.Len() >= n {
			break
		}
	}
	return b.String()
}

// tailFile returns the lines of the last evidenceTail bytes of a regular
// file (a partial first line dropped).
func tailFile(r host.Root, p string) ([]string, bool) {
	if st, err := r.Stat(p); err != nil || !st.Mode().IsRegular() {
		return nil, false
	}
	f, err := r.Open(p)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, false
	}
	off := max(st.Size()-evidenceTail, 0)
	buf := make([]byte, st.Size()-off)
	n, err := f.ReadAt(buf, off)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, false
	}
	buf = buf[:n]
	if off > 0 {
		if i := bytes.IndexByte(buf, '\n'); i >= 0 {
			buf = buf[i+1:]
		}
	}
	return strings.Split(string(buf), "\n"), true
}

// evidenceNotes turns the evidence into notes.
func (p *plan) evidenceNotes(e Evidence, s Settings) {
	if n := len(e.OOMKills); n > 0 {
		last := e.OOMKills[n-1]
		p.note(i18n.SizingNoteOOM, n, last.Process, last.When, last.Source)
	} else if len(e.LogsRead) > 0 {
		p.note(i18n.SizingNoteNoOOM, strings.Join(e.LogsRead, ", "))
	}
	if e.JournalSkipped {
		p.note(i18n.SizingNoteJournalSkipped)
	}
	if e.MaxWorkersHits > 0 {
		p.note(i18n.SizingNoteMRWReached, e.MaxWorkersHits, e.MaxWorkersLast)
	}
	for _, h := range e.FPMMaxChildren {
		p.note(i18n.SizingNoteFPMReached, h.Pool, h.Hits, h.Last)
	}
	if e.SwapTotalMB > 0 && e.SwapUsedMB > 0 {
		p.note(i18n.SizingNoteSwapUsed, e.SwapUsedMB, e.SwapTotalMB, swappiness(e))
	} else if e.SwapTotalMB == 0 {
		p.note(i18n.SizingNoteNoSwap, swappiness(e))
	}
	for _, pool := range s.FPM {
		if pool.MemoryLimitMB > 0 {
			p.note(i18n.SizingNoteMemoryLimit, pool.Name, pool.MemoryLimitMB, pool.MemoryLimitAt)
		}
	}
}

// swappiness names vm.swappiness, or says it could not be read.
func swappiness(e Evidence) Msg {
	if e.Swappiness < 0 {
		return Msg{i18n.SizingSwappinessUnknown, nil}
	}
	return Msg{i18n.SizingSwappiness, []any{e.Swappiness}}
}
