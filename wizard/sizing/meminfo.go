package sizing

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// Meminfo holds the /proc/meminfo fields sizing uses, in KiB.
type Meminfo struct {
	TotalKB       int64
	FreeKB        int64
	AvailableKB   int64
	BuffersKB     int64
	CachedKB      int64
	SUnreclaimKB  int64
	KernelStackKB int64
	PageTablesKB  int64
	SwapTotalKB   int64
	SwapFreeKB    int64
}

// KernelKB is memory the kernel holds for itself and cannot give back:
// unreclaimable slab, kernel stacks and page tables.
func (m Meminfo) KernelKB() int64 { return m.SUnreclaimKB + m.KernelStackKB + m.PageTablesKB }

// ReadMeminfo reads /proc/meminfo under root.
func ReadMeminfo(r host.Root) (Meminfo, error) {
	b, err := r.ReadFile("/proc/meminfo")
	if err != nil {
		return Meminfo{}, err
	}
	return ParseMeminfo(b)
}

// ParseMeminfo parses the text of /proc/meminfo. MemTotal is required;
// MemAvailable (Linux 3.14+) falls back to MemFree+Buffers+Cached.
func ParseMeminfo(b []byte) (Meminfo, error) {
	var m Meminfo
	fields := map[string]*int64{
		"MemTotal": &m.TotalKB, "MemFree": &m.FreeKB, "MemAvailable": &m.AvailableKB,
		"Buffers": &m.BuffersKB, "Cached": &m.CachedKB, "SUnreclaim": &m.SUnreclaimKB,
		"KernelStack": &m.KernelStackKB, "PageTables": &m.PageTablesKB,
		"SwapTotal": &m.SwapTotalKB, "SwapFree": &m.SwapFreeKB,
	}
	haveAvail := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		name, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		p, want := fields[name]
		if !want {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 {
			continue
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return Meminfo{}, fmt.Errorf("meminfo %s: %w", name, err)
		}
		*p = n
		if name == "MemAvailable" {
			haveAvail = true
		}
	}
	if m.TotalKB <= 0 {
		return Meminfo{}, fmt.Errorf("meminfo: no MemTotal")
	}
	if !haveAvail {
		m.AvailableKB = m.FreeKB + m.BuffersKB + m.CachedKB
	}
	return m, nil
}
