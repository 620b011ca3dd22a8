// Command benchexec measures a program the way a person meets it: started
// on a terminal (a fresh pty, 80×24), how long until its first output and
// until a marker text (the first frame) is on screen, and its peak RSS.
// scripts/bench runs it for cwsetup and, where installed, for the official
// CloudWatch agent wizard.
//
//	go run ./internal/benchexec -n 20 -marker Welcome -key $'\x03' -key $'\r' -- ./cwsetup
//
// One line of results goes to stdout (medians and nearest-rank p90 over the
// runs; the median and the highest peak RSS), for example
//
//	runs=20 first_ms=11.1 first_p90_ms=11.4 frame_ms=38.3 frame_p90_ms=41.0 rss_median_mib=24.1 rss_mib=30.8
//
// Runs are sequential.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/creack/pty"
)

type result struct {
	firstOutput time.Duration // exec → first byte on the terminal
	marker      time.Duration // exec → marker text seen (0: never)
	peakRSS     int64         // bytes, from the kernel's rusage
}

func main() {
	n := flag.Int("n", 10, "runs")
	marker := flag.String("marker", "", "text whose appearance counts as the first frame (default: first output)")
	var keys keyList
	flag.Var(&keys, "key", "keys to send, once the marker is on screen and output has settled, to make an interactive program exit (repeat for a sequence)")
	settle := flag.Duration("settle", 300*time.Millisecond, "with -key: quiet time before each key is sent")
	timeout := flag.Duration("timeout", 10*time.Second, "per run")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: benchexec [flags] -- command [args]")
		os.Exit(2)
	}
	var rs []result
	for i := 0; i < *n; i++ {
		r, err := runOnce(flag.Args(), *marker, keys, *settle, *timeout)
		if err != nil {
			fmt.Fprintf(os.Stderr, "benchexec: run %d: %v\n", i+1, err)
			os.Exit(1)
		}
		rs = append(rs, r)
	}
	first := pick(rs, func(r result) time.Duration { return r.firstOutput })
	line := fmt.Sprintf("runs=%d first_ms=%.1f first_p90_ms=%.1f", len(rs), ms(median(first)), ms(p90(first)))
	if *marker != "" {
		mk := pick(rs, func(r result) time.Duration { return r.marker })
		line += fmt.Sprintf(" frame_ms=%.1f frame_p90_ms=%.1f", ms(median(mk)), ms(p90(mk)))
	}
	var rss []int64
	for _, r := range rs {
		rss = append(rss, r.peakRSS)
	}
	sort.Slice(rss, func(i, j int) bool { return rss[i] < rss[j] })
	line += fmt.Sprintf(" rss_median_mib=%.1f rss_mib=%.1f", float64(rss[len(rss)/2])/(1<<20), float64(rss[len(rss)-1])/(1<<20))
	fmt.Println(line)
}

func runOnce(argv []string, marker string, keys []string, settle, timeout time.Duration) (result, error) {
	master, slave, err := openPty(24, 80)
	if err != nil {
		return result{}, err
	}
	defer master.Close()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLUMNS=80", "LINES=24")

	type chunk struct {
		at time.Duration
		b  []byte
	}
	chunks := make(chan chunk, 64)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		slave.Close()
		return result{}, err
	}
	slave.Close()
	go func() {
		defer close(chunks)
		buf := make([]byte, 32<<10)
		for {
			n, err := master.Read(buf)
			if n > 0 {
				chunks <- chunk{time.Since(start), append([]byte(nil), buf[:n]...)}
			}
			if err != nil { // EIO once the program and its children closed the pty
				return
			}
		}
	}()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	var r result
	var screen bytes.Buffer
	deadline := time.After(timeout)
	var quiet <-chan time.Time
	sent := 0
	for done := false; !done; {
		select {
		case c, ok := <-chunks:
			if !ok {
				chunks = nil
				continue
			}
			if r.firstOutput == 0 {
				r.firstOutput = c.at
			}
			screen.Write(c.b)
			if marker != "" && r.marker == 0 && bytes.Contains(screen.Bytes(), []byte(marker)) {
				r.marker = c.at
			}
			if sent < len(keys) && (marker == "" || r.marker != 0) {
				quiet = time.After(settle)
			}
		case <-quiet:
			quiet = nil
			if _, err := io.WriteString(master, keys[sent]); err != nil {
				return r, err
			}
			sent++
			if sent < len(keys) {
				quiet = time.After(settle)
			}
		case err := <-exited:
			var ee *exec.ExitError
			if err != nil && !errors.As(err, &ee) {
				return r, err
			}
			done = true
		case <-deadline:
			_ = cmd.Process.Signal(syscall.SIGTERM)
			select {
			case <-exited:
			case <-time.After(2 * time.Second):
				_ = cmd.Process.Kill()
				<-exited
			}
			return r, fmt.Errorf("%s did not exit within %v (output so far: %q)", argv[0], timeout, tail(screen.String()))
		}
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.peakRSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	if marker != "" && r.marker == 0 {
		return r, fmt.Errorf("marker %q never appeared (output: %q)", marker, tail(screen.String()))
	}
	return r, nil
}

type keyList []string

func (k *keyList) String() string     { return strings.Join(*k, " ") }
func (k *keyList) Set(v string) error { *k = append(*k, v); return nil }

// openPty returns a new pseudo-terminal pair of the given size.
func openPty(rows, cols uint16) (master, slave *os.File, err error) {
	master, slave, err = pty.Open()
	if err != nil {
		return nil, nil, err
	}
	if err := pty.Setsize(master, &pty.Winsize{Rows: rows, Cols: cols}); err != nil {
		master.Close()
		slave.Close()
		return nil, nil, err
	}
	return master, slave, nil
}

func pick(rs []result, f func(result) time.Duration) []time.Duration {
	var d []time.Duration
	for _, r := range rs {
		d = append(d, f(r))
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d
}

func median(d []time.Duration) time.Duration { return d[len(d)/2] }

// p90 is the nearest-rank 90th percentile: the ceil(0.9·n)-th smallest.
func p90(d []time.Duration) time.Duration { return d[(len(d)*9+9)/10-1] }

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func tail(s string) string {
	s = strings.ToValidUTF8(s, "?")
	if len(s) > 300 {
		return "…" + s[len(s)-300:]
	}
	return s
}
