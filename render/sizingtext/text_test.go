package sizingtext

import (
	"errors"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/sizing"
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

// An unknown vCPU count is said, never "CPU: 0 vCPU".
func TestUnknownCPUCount(t *testing.T) {
	r := sizing.Build(sizing.Measurement{Mem: sizing.Meminfo{TotalKB: 1 << 20, AvailableKB: 1 << 19}, CPUErr: errors.New("no /proc/stat")}, sizing.Options{})
	for _, lang := range []i18n.Lang{i18n.EN, i18n.KO} {
		p := i18n.New(lang)
		r.Localize(p)
		var b strings.Builder
		if err := Write(&b, r, p); err != nil {
			t.Fatal(err)
		}
		if out := b.String(); strings.Contains(out, "CPU: 0 vCPU") || strings.Contains(out, "CPU: vCPU 0개") || !strings.Contains(out, "/proc/stat") {
			t.Errorf("%s:\n%s", lang, out)
		}
	}
}
