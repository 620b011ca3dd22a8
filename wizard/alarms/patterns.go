package alarms

import (
	"context"
	"errors"
	"slices"
)

// Sample is a captured log line and the check that must count it ("" for
// none).
type Sample struct{ Line, Counts string }

// Samples are lines captured from a Debian 12 auth.log (testdata/auth.log:
// OpenSSH, sudo and PAM as they write them): every kind of event the checks
// count, and successes and noise they must not count. The tests check them
// with the local evaluator; CheckPatterns sends them to CloudWatch's.
var Samples = []Sample{
	{"2026-11-25T07:40:29.969032+00:00 vm sshd[2077]: Invalid user nosuchuser from 127.0.0.1 port 33156", "ssh-failed-login"},
	{"2026-11-25T07:40:31.564255+00:00 vm sshd[2077]: Failed password for invalid user nosuchuser from 127.0.0.1 port 33156 ssh2", "ssh-failed-login"},
	{"2026-11-25T07:40:34.930068+00:00 vm sshd[2216]: Failed password for www-data from 127.0.0.1 port 34110 ssh2", "ssh-failed-login"},
	{"2026-11-25T07:40:36.548548+00:00 vm sshd[2216]: Connection closed by authenticating user www-data 127.0.0.1 port 34110 [preauth]", "ssh-failed-login"},
	{"2026-11-25T07:40:39.139538+00:00 vm sshd[2579]: Connection closed by authenticating user daemon 127.0.0.1 port 34136 [preauth]", "ssh-failed-login"},
	{"2026-11-25T07:40:41.446078+00:00 vm sudo:   nobody : user NOT in sudoers ; PWD=/tmp ; USER=root ; COMMAND=/usr/bin/true", "sudo-failure"},
	{"2026-11-25T07:40:57.769655+00:00 vm sudo:   cwsudo : 3 incorrect password attempts ; PWD=/work/main ; USER=root ; COMMAND=/usr/bin/true", "sudo-failure"},
	{"2026-11-25T07:40:26.014633+00:00 vm sshd[1936]: Server listening on 127.0.0.1 port 2222.", ""},
	{"2026-11-25T07:40:29.974206+00:00 vm sshd[2077]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=127.0.0.1 ", ""},
	{"2026-11-25T07:40:32.763183+00:00 vm sshd[2077]: Connection closed by invalid user nosuchuser 127.0.0.1 port 33156 [preauth]", ""},
	{"2026-11-25T07:40:51.686341+00:00 vm sshd[3287]: Accepted password for cwsudo from 127.0.0.1 port 55394 ssh2", ""},
	{"2026-11-25T07:40:51.687695+00:00 vm sshd[3287]: pam_unix(sshd:session): session opened for user cwsudo(uid=1001) by (uid=0)", ""},
	{"2026-11-25T07:40:57.805548+00:00 vm sudo:   cwsudo : PWD=/work/main ; USER=root ; COMMAND=/usr/bin/true", ""},
}

// PatternTester evaluates a filter pattern on log messages as CloudWatch
// Logs does (logs:TestMetricFilter), returning the indexes of the messages
// it counts. aws/ implements it.
type PatternTester interface {
	TestMetricFilter(ctx context.Context, pattern string, messages []string) ([]int, error)
}

// ErrNotImplemented: the endpoint does not implement TestMetricFilter (an
// emulator such as moto).
var ErrNotImplemented = errors.New("logs:TestMetricFilter is not implemented by this endpoint")

// PatternCheck is CloudWatch's verdict on one check's pattern over the
// samples.
type PatternCheck struct {
	Check   string `json:"check"` // Check.ID
	Pattern string `json:"pattern"`
	Samples int    `json:"samples"`
	// Missed are sample lines the check must count that CloudWatch does
	// not; Extra those it counts that it must not.
	Missed []string `json:"missed,omitempty"`
	Extra  []string `json:"extra,omitempty"`
	// Skipped says why CloudWatch was not asked (ErrNotImplemented, a
	// refusal, a network error); nil when it answered.
	Skipped error `json:"-"`
}

// OK reports whether CloudWatch answered and counts exactly what it should.
func (c PatternCheck) OK() bool { return c.Skipped == nil && len(c.Missed) == 0 && len(c.Extra) == 0 }

// CheckPatterns asks CloudWatch Logs, through t, to evaluate each check's
// pattern on the samples, and compares what it counts with what the check
// must count. It changes nothing in AWS. When the first call is refused or
// not implemented, the remaining checks are skipped for the same reason.
func CheckPatterns(ctx context.Context, t PatternTester) []PatternCheck {
	lines := make([]string, len(Samples))
	for i, s := range Samples {
		lines[i] = s.Line
	}
	var out []PatternCheck
	var skip error
	for _, c := range Checks {
		pc := PatternCheck{Check: c.ID, Pattern: c.Pattern, Samples: len(Samples), Skipped: skip}
		if skip == nil {
			idx, err := t.TestMetricFilter(ctx, c.Pattern, lines)
			if err != nil {
				pc.Skipped, skip = err, err
			}
			for i, s := range Samples {
				if err != nil {
					break
				}
				counted := slices.Contains(idx, i)
				switch {
				case s.Counts == c.ID && !counted:
					pc.Missed = append(pc.Missed, s.Line)
				case s.Counts != c.ID && counted:
					pc.Extra = append(pc.Extra, s.Line)
				}
			}
		}
		out = append(out, pc)
	}
	return out
}
