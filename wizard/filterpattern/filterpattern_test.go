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
		{`"GET /missing" curl`, "01000"},
		{`?ERROR ?404`, "01100"},
		{`?"db down" ?ERROR`, "00110"},
		{`?"Failed password" ?"Invalid user"`, "00000"},
		{`"say \"hi\""`, "00000"},
	} {
		p, err := Parse(c.pattern)
		if err != nil {
			t.Errorf("%s: %v", c.pattern, err)
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
			t.Errorf("%-40s matched %s, want %s", c.pattern, got.String(), c.want)
		}
	}
}

// TestParseErrors: syntax cwsetup's patterns do not use is refused, not
// guessed at.
func TestParseErrors(t *testing.T) {
	for _, bad := range []string{
		`"unclosed`, `?a b`, `a ?b`, `-ERROR`, `GET -404`, `%ERR[O]R%`, `[a, b]`, `{ $.a = 1 }`, `?""`,
	} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("%q parsed", bad)
		} else if !strings.Contains(err.Error(), "filter pattern") {
			t.Errorf("%q: error %v", bad, err)
		}
	}
}

func FuzzMatch(f *testing.F) {
	for _, p := range []string{``, `ERROR`, `?a ?"b c"`, `"x \" y" z`, `-x y`, `[a, b]`} {
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
