package filterpattern

import (
	"strings"
	"testing"
)

// Events of reference/test-infra.md §1.4 (nginx access lines as nginx
// wrote them on Debian 12, an application line, two JSON lines).
var events = []string{
	`127.0.0.1 - - [24/Nov/2026:15:22:16 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1"`,
	`127.0.0.1 - - [24/Nov/2026:15:22:16 +0000] "GET /missing HTTP/1.1" 404 153 "-" "curl/7.88.1"`,
	`2026-11-24 15:22:17 ERROR something failed`,
	`{"level":"error","status":500,"user":{"id":7,"admin":true},"msg":"db down"}`,
	`{"level":"info","status":200,"user":{"id":8,"admin":false},"msg":null}`,
}

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    string // one digit per event, 1 = matches
	}{
		{``, "11111"},
		{`""`, "11111"},
		{`ERROR`, "00100"},
		{`error`, "00010"},
		{`GET 404`, "01000"},
		{`curl missing`, "01000"},
		{`"GET /missing"`, "01000"},
		{`?ERROR ?404`, "01100"},
		{`?"db down" ?ERROR`, "00110"},
		{`-ERROR`, "11011"},
		{`GET -404`, "10000"},
		{`-"GET /missing" curl`, "10000"},
		{`%ERR[O]R%`, "00100"},
		{`%^\{"level":"info"%`, "00001"},
		{`[ip, id, user, timestamp, request, status_code=404, size, ...]`, "01000"},
		{`[ip, id, user, timestamp, request, status_code>=400, ...]`, "01000"},
		{`[ip, id, user, timestamp, request, status_code!=404, ...]`, "10000"},
		{`[ip=127.0.0.*, ..., status_code=2*, size, referer, agent]`, "10000"},
		{`[ip=127.0.0.*, ..., status_code=2*, ...]`, "11000"}, // 2* also takes the timestamp field
		{`[..., agent="curl*"]`, "11000"},
		{`[ip, id, user, timestamp, request=*missing*, ...]`, "01000"},
		{`[date, time, level=ERROR, ...]`, "00100"},
		{`[a, b]`, "00010"}, // the first JSON line has exactly one space
		{`{ $.level = "error" }`, "00010"},
		{`{ $.status >= 500 }`, "00010"},
		{`{ $.status < 500 }`, "00001"},
		{`{ $.level = "err*" }`, "00010"},
		{`{ $.level != "error" }`, "00001"},
		{`{ $.user.id = 8 }`, "00001"},
		{`{ $.user.admin IS TRUE }`, "00010"},
		{`{ $.user.admin IS FALSE && $.status = 200 }`, "00001"},
		{`{ $.msg IS NULL }`, "00001"},
		{`{ $.nope NOT EXISTS }`, "00011"},
		{`{ $.msg EXISTS }`, "00000"},
		{`{ $.msg IS EXISTS }`, "00011"},
		{`{ $.status = 500 || $.level = "info" }`, "00011"},
		{`{ $.status = 500 && $.level = "info" || $.user.id = 8 }`, "00001"},
	} {
		p, err := Parse(c.pattern)
		if err != nil {
			if c.want != "00000" || !strings.Contains(c.pattern, "EXISTS") {
				t.Errorf("%s: %v", c.pattern, err)
			}
			continue
		}
		var got strings.Builder
		for _, e := range events {
			if p.Match(e) {
				got.WriteByte('1')
			} else {
				got.WriteByte('0')
			}
		}
		if got.String() != c.want {
			t.Errorf("%-60s matched %s, want %s", c.pattern, got.String(), c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{
		`"unclosed`, `[a, b`, `{ $.a = 1`, `?a b`, `a ?b`, `%(%`, `[a, b>x]`, `[..., ...=1]`,
		`{ level = 1 }`, `{ $.a > "x" }`, `{ $.a IS MAYBE }`,
	} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("%q parsed", bad)
		} else if !strings.Contains(err.Error(), "filter pattern") {
			t.Errorf("%q: error %v", bad, err)
		}
	}
}

func TestSplitEvent(t *testing.T) {
	got := splitEvent(events[1])
	want := []string{"127.0.0.1", "-", "-", "24/Nov/2026:15:22:16 +0000", "GET /missing HTTP/1.1", "404", "153", "-", "curl/7.88.1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("split %q", got)
	}
}

func FuzzMatch(f *testing.F) {
	for _, p := range []string{``, `ERROR`, `?a ?"b c"`, `-x y`, `[a, b=1*, ..., c>=3]`, `{ $.a.b = "x" || $.c IS NULL }`, `%a+b%`} {
		f.Add(p, events[1])
	}
	f.Fuzz(func(t *testing.T, pattern, event string) {
		p, err := Parse(pattern)
		if err != nil {
			return
		}
		p.Match(event) // must not panic
		if p.String() != pattern {
			t.Errorf("String() %q != %q", p.String(), pattern)
		}
	})
}
