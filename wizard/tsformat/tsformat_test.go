package tsformat

import (
	"testing"
	"time"
)

// Sample lines from reference/log-formats.md and test-infra.md §3.5.
func TestFormatsParseRealLines(t *testing.T) {
	cases := []struct {
		format string
		line   string
		want   string // time in RFC 3339 (UTC location), year 0 when absent
	}{
		{"%b %d %H:%M:%S", "Nov 24 21:18:01 host sshd[2231]: Accepted publickey", "0000-11-24T21:18:01Z"},
		{"%b %d %H:%M:%S", "Nov  4 21:18:01 host sshd[2231]: Failed password", "0000-11-04T21:18:01Z"},
		{"%Y-%m-%dT%H:%M:%S.%f", "2026-11-24T21:18:01.123456+09:00 host sshd[2231]: x", "2026-11-24T21:18:01.123456Z"},
		{"%Y-%m-%dT%H:%M:%S.%f", "2026-11-24T15:21:52.642883+00:00 vm rsyslogd: start", "2026-11-24T15:21:52.642883Z"},
		{"%d/%b/%Y:%H:%M:%S %z", `203.0.113.9 - - [24/Nov/2026:21:18:01 +0900] "GET / HTTP/1.1" 200 5120`, "2026-11-24T12:18:01Z"},
		{"%a %b %d %H:%M:%S.%f %Y", "[Tue Nov 24 21:18:01.123456 2026] [core:notice] [pid 1101] AH00094", "2026-11-24T21:18:01.123456Z"},
		{"%Y/%m/%d %H:%M:%S", "2026/11/24 21:18:01 [error] 1302#1302: *1 open() failed", "2026-11-24T21:18:01Z"},
		{"%d-%b-%Y %H:%M:%S", "[24-Nov-2026 21:18:01] NOTICE: fpm is running, pid 1201", "2026-11-24T21:18:01Z"},
		{"%d-%b-%Y %H:%M:%S %Z", "[24-Nov-2026 12:18:01 UTC] PHP Fatal error: Uncaught", "2026-11-24T12:18:01Z"},
		{"%d-%b-%Y %H:%M:%S.%f", "24-Nov-2026 21:18:01.123 INFO [main] org.apache.catalina.startup", "2026-11-24T21:18:01.123Z"},
		{"%Y-%m-%dT%H:%M:%S.%fZ", "2026-11-24T12:18:01.123456Z 0 [System] [MY-010116] [Server]", "2026-11-24T12:18:01.123456Z"},
		{"%Y-%m-%d %H:%M:%S", "2026-11-24 21:18:01 0 [Note] Starting MariaDB", "2026-11-24T21:18:01Z"},
		{"%Y-%m-%d %H:%M:%S.%f %Z", "2026-11-24 21:18:01.123 KST [1234] LOG:  database system is ready", ""},
		{"%d %b %Y %H:%M:%S.%f", "1234:M 24 Nov 2026 21:18:01.123 * Ready to accept connections", "2026-11-24T21:18:01.123Z"},
	}
	for _, c := range cases {
		f, err := Parse(c.format)
		if err != nil {
			t.Fatalf("%q: %v", c.format, err)
		}
		got, ok := f.Find(c.line, time.UTC)
		if !ok {
			t.Errorf("%q did not parse %q (regex %s, layout %s)", c.format, c.line, f.Regexp(), f.Layout())
			continue
		}
		if c.want != "" && got.UTC().Format(time.RFC3339Nano) != c.want {
			t.Errorf("%q on %q = %s, want %s", c.format, c.line, got.UTC().Format(time.RFC3339Nano), c.want)
		}
	}
}

// The agent's quirks: these must NOT match.
func TestAgentQuirks(t *testing.T) {
	cases := []struct{ format, line string }{
		{"%Y-%m-%dT%H:%M:%S%z", "2026-11-24T21:18:01+09:00 host x"}, // %z is +0900 only
		{"%Y-%m-%dT%H:%M:%S.%f%z", "2026-11-24T12:18:01.123456Z x"}, // %z does not match Z
		{"%d-%b-%Y %H:%M:%S %Z", "[24-Nov-2026 12:18:01 Asia/Seoul] x"},
		{"%B %d %Y", "November 24 2026 x"}, // %B only matches seven letters
		{"%b %d %H:%M:%S", "2026-11-24T21:18:01.123456+09:00 host"},
	}
	for _, c := range cases {
		f := MustParse(c.format)
		if _, ok := f.Find(c.line, time.UTC); ok {
			t.Errorf("%q unexpectedly matched %q", c.format, c.line)
		}
	}
	if _, ok := MustParse("%B %d %Y").Find("January 24 2026", time.UTC); !ok {
		t.Error("seven-letter month should match %B")
	}
}

func TestParseRejects(t *testing.T) {
	for _, s := range []string{"", "  ", "%Q %H", "no directives", "%H:%M:%S%f", "%"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) accepted", s)
		}
	}
}

func TestCheckLines(t *testing.T) {
	f := MustParse("%d-%b-%Y %H:%M:%S.%f")
	lines := []string{
		"24-Nov-2026 21:18:01.123 SEVERE [main] x",
		"java.lang.NullPointerException",
		"\tat org.example.Foo(Foo.java:10)",
		"24-Nov-2026 21:18:02.456 INFO [main] y",
		"",
	}
	c := f.CheckLines(lines)
	if c.Lines != 4 || c.Matched != 2 || !c.OK() || c.AllMatched() {
		t.Errorf("check = %+v", c)
	}
	if c.FailedLine != "\tat org.example.Foo(Foo.java:10)" {
		t.Errorf("failed line %q", c.FailedLine)
	}
	if MustParse("%Y/%m/%d %H:%M:%S").CheckLines(lines).OK() {
		t.Error("wrong format reported OK")
	}
	if (Check{}).OK() {
		t.Error("no lines is not OK")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"%b %d %H:%M:%S", "%Y-%m-%dT%H:%M:%S.%fZ", "%-d %%", "[%a]"} {
		f.Add(s, "Nov 24 21:18:01 x")
	}
	f.Fuzz(func(t *testing.T, format, line string) {
		ff, err := Parse(format)
		if err != nil {
			return
		}
		ff.Find(line, time.UTC)
		ff.CheckLines([]string{line})
	})
}
