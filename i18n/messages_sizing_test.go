package i18n

import (
	"regexp"
	"strings"
	"testing"
)

// A particle written right after a verb cannot fit every value: "151는",
// "256라서", "eu-west-1가". Sizing's Korean texts write the pair ("%d은(는)")
// and Printer.T picks the form by how the value is read.
func TestSizingKoreanParticlesAfterValues(t *testing.T) {
	fixed := regexp.MustCompile(`%(?:\[\d+\])?[-+# 0-9.]*[dsqvfg](?:은|는|이|가|을|를|로|으로|와|과|라|이라|면|이면|나|이나)`)
	for k, txt := range catalog() {
		if !strings.HasPrefix(string(k), "sizing.") {
			continue
		}
		ko := txt.ko
		for _, pr := range particles {
			ko = strings.ReplaceAll(ko, pr.marker, "¤") // a written pair is resolved by T
		}
		for _, m := range fixed.FindAllString(ko, -1) {
			t.Errorf("%s: %q fixes a particle after a value: %s", k, m, txt.ko)
		}
	}
	p := New(KO)
	cases := []struct {
		k    Key
		args []any
		want string
	}{
		{SizingWhyServerLimitLow, []any{int64(256), int64(256), int64(20000)}, "ServerLimit이 256이라서"},
		{SizingWhyMaxConnectionsMatch, []any{int64(120), int64(151), 0.32}, "max_connections 151은"},
		{SizingWhyMaxConnectionsLower, []any{int64(32), int64(151), 0.32, int64(900), int64(36), int64(700), ""}, "36(웹 계층 + cron 작업·관리자용 여유분)으로"},
		{SizingWhyMaxConnectionsLower, []any{int64(122), int64(151), 0.32, int64(900), int64(135), int64(700), ""}, "135(웹 계층 + cron 작업·관리자용 여유분)로"},
	}
	for _, c := range cases {
		if got := p.T(c.k, c.args...); !strings.Contains(got, c.want) {
			t.Errorf("%s: want %q in %s", c.k, c.want, got)
		}
	}
}
