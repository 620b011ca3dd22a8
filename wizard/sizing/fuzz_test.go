package sizing

import (
	"testing"
)

// The /proc parsers read text another kernel (or a fixture) wrote: they
// must never panic, and what they accept must be consistent.
func FuzzProcParsers(f *testing.F) {
	f.Add([]byte("MemTotal: 3969076 kB\nMemAvailable: 2398112 kB\n"), []byte("cpu  1 2 3 4 5 6 7 8 9 10\ncpu0 1 2 3 4\n"), "128M")
	f.Add([]byte("MemTotal:\nMemFree: -1 kB\n"), []byte("cpu 1\n"), "1.5G")
	f.Add([]byte(""), []byte("cpu  18446744073709551615 1 0 0\n"), "9999999999999T")
	f.Fuzz(func(t *testing.T, meminfo, stat []byte, size string) {
		if m, err := ParseMeminfo(meminfo); err == nil && m.TotalKB <= 0 {
			t.Errorf("accepted meminfo without a positive MemTotal: %+v", m)
		}
		if s, err := ParseCPUStat(stat); err == nil {
			if s.CPUs < 1 {
				t.Errorf("inconsistent stat: %+v", s)
			}
			if u, err := Between(s, s); err == nil {
				t.Errorf("same snapshot twice gave a sample: %+v", u)
			}
		}
		if n, ok := ParseSize(size); ok && n < 0 {
			t.Errorf("ParseSize(%q) = %d", size, n)
		}
	})
}
