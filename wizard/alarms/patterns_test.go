package alarms

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestSamplesLocally: what each sample says it counts is what the local
// evaluator counts, and every check has samples that count.
func TestSamplesLocally(t *testing.T) {
	n := map[string]int{}
	for _, s := range Samples {
		for _, c := range Checks {
			if got, want := c.Matches(s.Line), s.Counts == c.ID; got != want {
				t.Errorf("%s counts %q: %v, want %v", c.ID, s.Line, got, want)
			}
		}
		n[s.Counts]++
	}
	for _, c := range Checks {
		if n[c.ID] < 2 {
			t.Errorf("%s: %d samples", c.ID, n[c.ID])
		}
	}
	// Each sample is a line of the capture.
	all := strings.Join(lines(t, "auth.log"), "\n")
	for _, s := range Samples {
		if !strings.Contains(all, s.Line) {
			t.Errorf("not in testdata/auth.log: %q", s.Line)
		}
	}
}

// localTester stands in for CloudWatch with the local evaluator, with a
// twist: it may forget one line.
type localTester struct {
	forget string
	calls  int
	err    error
}

func (l *localTester) TestMetricFilter(ctx context.Context, pattern string, messages []string) ([]int, error) {
	l.calls++
	if l.err != nil {
		return nil, l.err
	}
	var idx []int
	for i, m := range messages {
		for _, c := range Checks {
			if c.Pattern == pattern && c.Matches(m) && !strings.Contains(m, l.forget) {
				idx = append(idx, i)
			}
		}
	}
	return idx, nil
}

func TestCheckPatterns(t *testing.T) {
	res := CheckPatterns(context.Background(), &localTester{forget: "\x00"})
	if len(res) != len(Checks) {
		t.Fatalf("%d results", len(res))
	}
	for _, r := range res {
		if !r.OK() || r.Samples != len(Samples) {
			t.Errorf("%+v", r)
		}
	}
	res = CheckPatterns(context.Background(), &localTester{forget: "authenticating user daemon"})
	if res[0].OK() || len(res[0].Missed) != 1 || !strings.Contains(res[0].Missed[0], "daemon") || !res[1].OK() {
		t.Errorf("a missed line: %+v", res)
	}
	lt := &localTester{err: ErrNotImplemented}
	res = CheckPatterns(context.Background(), lt)
	for _, r := range res {
		if !errors.Is(r.Skipped, ErrNotImplemented) || r.OK() {
			t.Errorf("not implemented: %+v", r)
		}
	}
	if lt.calls != 1 {
		t.Errorf("%d calls after the endpoint said it does not implement the call", lt.calls)
	}
}
