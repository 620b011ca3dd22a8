package sizingtext

import (
	"strings"
	"testing"
)

func TestWrapLinesByDisplayWidth(t *testing.T) {
	text := "prefork 자식 프로세스 하나가 14.7 MB를 씁니다(PSS, 자식 20개 평균). OS 예비분, 파일 캐시, 다른 서비스를 빼면 Apache 자식들이 쓸 수 있는 메모리는 1974 MB입니다."
	lines := wrapLines(text, 40)
	if len(lines) < 3 {
		t.Fatalf("not wrapped: %q", lines)
	}
	for _, l := range lines {
		if w := cond.StringWidth(l); w > 40 {
			t.Errorf("line %q is %d columns wide", l, w)
		}
	}
	if strings.Join(lines, " ") != strings.Join(strings.Fields(text), " ") {
		t.Error("wrapping lost or changed words")
	}
	if got := wrapLines("averyveryverylongword", 5); len(got) != 1 {
		t.Errorf("long word split: %q", got)
	}
}

func TestTableAlignsHangul(t *testing.T) {
	tb := table{align: "lr"}
	tb.row("커널/OS 예비분", "500 MB")
	tb.row("apache", "1983 MB")
	var b strings.Builder
	tb.write(&b)
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if cond.StringWidth(lines[0]) != cond.StringWidth(lines[1]) {
		t.Errorf("rows not aligned:\n%s", b.String())
	}
}
