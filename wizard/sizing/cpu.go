package sizing

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// userHZ is the kernel's clock tick for /proc/stat (USER_HZ, 100 on every
// Linux architecture EC2 runs).
const userHZ = 100

// CPUStat is the aggregate "cpu" line of /proc/stat, in ticks.
type CPUStat struct {
	Total uint64 // all columns except guest (already counted in user)
	Idle  uint64 // idle + iowait
	CPUs  int    // number of cpuN lines
}

// ParseCPUStat reads the aggregate line and counts the cpuN lines.
func ParseCPUStat(b []byte) (CPUStat, error) {
	var s CPUStat
	found := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || !strings.HasPrefix(f[0], "cpu") {
			continue
		}
		if f[0] != "cpu" {
			s.CPUs++
			continue
		}
		if len(f) < 5 {
			return CPUStat{}, fmt.Errorf("/proc/stat: short cpu line")
		}
		// user nice system idle iowait irq softirq steal [guest guest_nice]
		for i, v := range f[1:] {
			if i >= 8 {
				break // guest time is already in user/nice
			}
			n, err := strconv.ParseUint(v, 10, 64)
			if err != nil {
				return CPUStat{}, fmt.Errorf("/proc/stat: %w", err)
			}
			s.Total += n
			if i == 3 || i == 4 {
				s.Idle += n
			}
		}
		found = true
	}
	if !found {
		return CPUStat{}, fmt.Errorf("/proc/stat: no cpu line")
	}
	if s.CPUs == 0 {
		s.CPUs = 1
	}
	return s, nil
}

// CPUUse is the result of a CPU sample.
type CPUUse struct {
	CPUs    int     // vCPUs seen
	BusyPct float64 // of the whole machine, 0–100
	Seconds float64 // length of the window
}

// BusyVCPU is the load in vCPU-equivalents (2 vCPUs at 50 % = 1.0).
func (c CPUUse) BusyVCPU() float64 { return c.BusyPct / 100 * float64(c.CPUs) }

// Between computes the use between two snapshots.
func Between(a, b CPUStat) (CPUUse, error) {
	if b.Total <= a.Total || b.Idle < a.Idle {
		return CPUUse{}, fmt.Errorf("/proc/stat: second sample is not later than the first")
	}
	dt := float64(b.Total - a.Total)
	busy := dt - float64(b.Idle-a.Idle)
	cpus := b.CPUs
	return CPUUse{CPUs: cpus, BusyPct: 100 * busy / dt, Seconds: dt / float64(cpus) / userHZ}, nil
}

// CPUSampler measures CPU use over a window.
type CPUSampler interface {
	Sample(ctx context.Context) (CPUUse, error)
}

// StatSampler reads /proc/stat, waits, reads it again. Read and Wait are
// fields so tests can feed two recorded snapshots without sleeping.
type StatSampler struct {
	Read     func() ([]byte, error)
	Wait     func(ctx context.Context, d time.Duration) error
	Duration time.Duration
}

// NewStatSampler samples root's /proc/stat over d.
func NewStatSampler(r host.Root, d time.Duration) StatSampler {
	return StatSampler{
		Read:     func() ([]byte, error) { return r.ReadFile("/proc/stat") },
		Wait:     sleepCtx,
		Duration: d,
	}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Sample implements CPUSampler.
func (s StatSampler) Sample(ctx context.Context) (CPUUse, error) {
	b1, err := s.Read()
	if err != nil {
		return CPUUse{}, err
	}
	a, err := ParseCPUStat(b1)
	if err != nil {
		return CPUUse{}, err
	}
	if err := s.Wait(ctx, s.Duration); err != nil {
		return CPUUse{}, err
	}
	b2, err := s.Read()
	if err != nil {
		return CPUUse{}, err
	}
	b, err := ParseCPUStat(b2)
	if err != nil {
		return CPUUse{}, err
	}
	return Between(a, b)
}

// SnapshotSampler replays recorded /proc/stat snapshots (fixture roots keep
// the second one as proc/stat.later). It never sleeps.
func SnapshotSampler(first, second []byte) StatSampler {
	n := 0
	return StatSampler{
		Read: func() ([]byte, error) {
			n++
			if n == 1 {
				return first, nil
			}
			return second, nil
		},
		Wait: func(context.Context, time.Duration) error { return nil },
	}
}
