package render

import (
	"strings"
	"testing"
)

func TestTermSafe(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"한글 로그 그룹", "한글 로그 그룹"},
		{"tab\tand\nnewline", "tab\tand\nnewline"},
		{"red \x1b[31mALERT\x1b[0m done", "red ALERT done"},
		{"title \x1b]0;pwned\x07 after", "title  after"},
		{"osc8 \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "osc8 link"},
		{"clear\x1b[2J\x1b[H", "clear"},
		{"dcs \x1bPq#0;2;0;0;0\x1b\\ end", "dcs  end"},
		{"esc7 \x1b7x\x1b8", "esc7 x"},
		{"charset \x1b(B ok", "charset  ok"},
		{"cr\roverwrite", "croverwrite"},
		{"bell\x07 bs\x08 nul\x00 del\x7f", "bell bs nul del"},
		{"c1 csi \u009b31m red", "c1 csi 31m red"},
		{"bidi \u202egnp.exe\u202c", "bidi gnp.exe"},
		{"rlm a\u200fb alm c\u061cd lrm e\u200ef isolate \u2067x\u2069", "rlm ab alm cd lrm ef isolate x"},
		{"c1 range \u0080\u0085\u009f end", "c1 range  end"},
		{"bad utf8 \xff\xfe", "bad utf8 \ufffd\ufffd"},
		{"unterminated \x1b[31", "unterminated "},
		{"trailing esc \x1b", "trailing esc "},
	} {
		if got := TermSafe(c.in); got != c.want {
			t.Errorf("TermSafe(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := TermSafe(TermSafe(c.in)); got != TermSafe(c.in) {
			t.Errorf("TermSafe is not idempotent on %q", c.in)
		}
	}
	if got := TermLine("a\nb\tc\x1b[1m"); got != "a b c" {
		t.Errorf("TermLine = %q", got)
	}
}

func FuzzTermSafe(f *testing.F) {
	for _, s := range []string{"x\x1b[31my", "\x1b]0;t\x07", "\u009b1m", "\xff", "a\r\nb", "/var/log/\u202egol.txt", "a\u200fb\u061cc\u200e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := TermSafe(s)
		for _, r := range out {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c {
				t.Fatalf("TermSafe(%q) = %q keeps %U", s, out, r)
			}
		}
		if TermSafe(out) != out {
			t.Fatalf("not idempotent: %q → %q → %q", s, out, TermSafe(out))
		}
		if len(out) > 3*len(s) || strings.Count(out, "\n") > strings.Count(s, "\n") {
			t.Fatalf("grew: %q → %q", s, out)
		}
	})
}
