package main

import (
	"strings"
	"testing"
	"time"
)

// TestRunOnceInPty runs a small interactive shell program on a real pty: it
// must see a terminal, be measured from exec to its marker, get the keys,
// and report a peak RSS.
func TestRunOnceInPty(t *testing.T) {
	script := `[ -t 0 ] && [ -t 1 ] || exit 3; sleep 0.2; printf 'hello Welcome\n'; read -r answer; [ "$answer" = yes ] || exit 4`
	r, err := runOnce([]string{"sh", "-c", script}, "Welcome", []string{"yes\r"}, 50*time.Millisecond, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if r.marker < 200*time.Millisecond || r.marker > 5*time.Second {
		t.Errorf("marker after %v, want just over the 200 ms sleep", r.marker)
	}
	if r.firstOutput > r.marker {
		t.Errorf("first output %v after the marker %v", r.firstOutput, r.marker)
	}
	if r.peakRSS <= 0 {
		t.Errorf("peak RSS %d", r.peakRSS)
	}
}

func TestRunOnceReportsHangsAndMissingMarker(t *testing.T) {
	_, err := runOnce([]string{"sh", "-c", "echo nothing here"}, "Welcome", nil, 10*time.Millisecond, 5*time.Second)
	if err == nil || !strings.Contains(err.Error(), `marker "Welcome" never appeared`) {
		t.Errorf("missing marker: %v", err)
	}
	start := time.Now()
	_, err = runOnce([]string{"sleep", "30"}, "", nil, 10*time.Millisecond, 300*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "did not exit within") {
		t.Errorf("hang: %v", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("a hung program was not stopped: %v", time.Since(start))
	}
}

func TestP90(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 20; i++ {
		d = append(d, time.Duration(i))
	}
	if got := p90(d); got != 18 {
		t.Errorf("p90 of 1..20 = %d, want 18", got)
	}
	if got := p90(d[:1]); got != 1 {
		t.Errorf("p90 of one run = %d", got)
	}
}
