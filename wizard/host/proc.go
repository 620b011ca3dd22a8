package host

import (
	"bytes"
	"os"
	"sort"
	"strconv"
	"strings"
)

// Process is one entry of /proc under the root.
type Process struct {
	PID     int
	PPID    int
	Comm    string   // /proc/PID/comm, at most 15 bytes
	Cmdline []string // NUL-separated argv; may be rewritten by the daemon
	Exe     string   // target of /proc/PID/exe; empty when unreadable
}

// Args is the command line joined with spaces.
func (p Process) Args() string { return strings.Join(p.Cmdline, " ") }

// Processes lists the processes under root's /proc, sorted by PID.
// Processes that vanish while being read are skipped; kernel threads
// (empty cmdline and no exe) are kept, callers filter by name.
func (r Root) Processes() ([]Process, error) {
	procDir := r.Path("/proc")
	ents, err := os.ReadDir(procDir)
	if err != nil {
		return nil, err
	}
	out := make([]Process, 0, len(ents))
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid <= 0 {
			continue
		}
		base := procDir + "/" + e.Name() + "/"
		comm, err := os.ReadFile(base + "comm")
		if err != nil {
			continue
		}
		p := Process{PID: pid, Comm: strings.TrimRight(string(comm), "\n")}
		if cl, err := os.ReadFile(base + "cmdline"); err == nil && len(cl) > 0 {
			cl = bytes.TrimRight(cl, "\x00")
			for _, a := range bytes.Split(cl, []byte{0}) {
				p.Cmdline = append(p.Cmdline, string(a))
			}
		}
		if st, err := os.ReadFile(base + "stat"); err == nil {
			p.PPID = ppidFromStat(st)
		}
		p.Exe, _ = os.Readlink(base + "exe")
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].PID < out[j].PID })
	return out, nil
}

// ppidFromStat reads field 4 of /proc/PID/stat. The comm field (2) is in
// parentheses and may itself hold spaces and parentheses.
func ppidFromStat(st []byte) int {
	i := bytes.LastIndexByte(st, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(st[i+1:]))
	if len(f) < 2 {
		return 0
	}
	n, _ := strconv.Atoi(f[1])
	return n
}
