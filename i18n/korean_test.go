package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestParticle(t *testing.T) {
	cases := []struct{ word, pair, want string }{
		{"서버", "을(를)", "를"},
		{"그룹", "을(를)", "을"},
		{"파일", "(으)로", "로"},
		{"그룹", "(으)로", "으로"},
		{"서버", "(으)로", "로"},
		{"파일", "이(가)", "이"},
		{"역할", "은(는)", "은"},
		{"config.json", "을(를)", "을"},
		{"/var/log/syslog", "을(를)", "를"},
		{"/etc/rsyslog.conf", "이(가)", "가"},
		{"mail", "(으)로", "로"},
		{"cwagent", "은(는)", "는"},
		{"/ec2/system/syslog", "(으)로", "로"},
		{`"web"`, "이(가)", "이"}, // 웹
		{"10", "이(가)", "이"},    // 십
		{"1", "(으)로", "로"},     // 일
		{"3", "을(를)", "을"},     // 삼
		{"45", "은(는)", "는"},    // 사십오
		{"365", "이(가)", "가"},   // 삼백육십오
		{"2", "을(를)", "를"},     // 이
		{"0", "이(가)", "이"},     // 영
		{"nginx", "을(를)", "를"},
		{"httpd", "을(를)", "를"},
		{"wrong", "을(를)", "을"},
		{"151", "은(는)", "은"},       // 백오십일
		{"256", "(이)라", "이라"},      // 이백오십육
		{"eu-west-1", "이(가)", "이"}, // 일
		{"2", "(이)면", "면"},
		{"135", "(이)면", "면"}, // 오
		{"151", "(이)면", "이면"},
		// A parenthetical attached to a word is read past.
		{"36(웹 계층 + 여유분)", "(으)로", "으로"},
		{"135(웹 계층 + 여유분)", "(으)로", "로"},
		{"PHP-FPM(proxy_fcgi)", "(으)로", "으로"},
		{"서버(server)", "을(를)", "를"},
		{"(기본값)", "이(가)", "이"}, // nothing before it: read inside
		{"값 (server)", "을(를)", "를"},
	}
	for _, c := range cases {
		if got := Particle(c.word, c.pair); got != c.want {
			t.Errorf("Particle(%q, %q) = %q, want %q", c.word, c.pair, got, c.want)
		}
	}
}

// TestKoreanTextHasNoWrittenPairs renders every Korean message with
// sample arguments: no "을(를)" or its kin survives.
func TestKoreanTextHasNoWrittenPairs(t *testing.T) {
	p := New(KO)
	for k, txt := range catalog() {
		n := len(verbs(txt.ko))
		args := make([]any, n)
		for i := range args {
			args[i] = "/var/log/syslog"
		}
		out := p.T(k, args...)
		if strings.Contains(txt.ko, "%[") { // indexed verbs: the sample may misfit; still resolved
			out = resolveParticles(out)
		}
		for _, pair := range []string{"(를)", "(을)", "(가)", "(이)", "(는)", "(은)", "(으)", "(와)", "(과)"} {
			if strings.Contains(out, pair) {
				t.Errorf("%s: %q left in %q", k, pair, out)
			}
		}
	}
}

func TestResolveParticles(t *testing.T) {
	p := New(KO)
	got := resolveParticles("표식 abc이(가) 그룹 /ec2/x/syslog에 도착. 파일 /etc/app.conf을(를) 백업 /b/x.bak(으)로, 역할 web은(는)")
	want := "표식 abc가 그룹 /ec2/x/syslog에 도착. 파일 /etc/app.conf를 백업 /b/x.bak으로, 역할 web은"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	_ = p
}

func TestDuration(t *testing.T) {
	ko, en := New(KO), New(EN)
	cases := []struct {
		d      time.Duration
		ko, en string
	}{
		{60 * time.Second, "60초", "60 s"},
		{90 * time.Second, "1분 30초", "1 min 30 s"},
		{5 * time.Minute, "5분", "5 min"},
		{2*time.Hour + 5*time.Minute, "2시간 5분", "2 h 5 min"},
		{1500 * time.Millisecond, "1.5초", "1.5 s"},
		{0, "0초", "0 s"},
		{42*time.Second + 300*time.Millisecond, "42초", "42 s"},
	}
	for _, c := range cases {
		if got := ko.Duration(c.d); got != c.ko {
			t.Errorf("ko %v: %q, want %q", c.d, got, c.ko)
		}
		if got := en.Duration(c.d); got != c.en {
			t.Errorf("en %v: %q, want %q", c.d, got, c.en)
		}
	}
	// A duration argument is written in words.
	if got := ko.T(DurSeconds, 3); got != "3초" {
		t.Errorf("%q", got)
	}
}

func TestOSErrorsInKorean(t *testing.T) {
	ko, en := New(KO), New(EN)
	_, err := os.Open("/nonexistent/answers.yaml")
	if got := ko.Error(err); got != "/nonexistent/answers.yaml: 파일이나 디렉터리가 없습니다" {
		t.Errorf("ko: %q", got)
	}
	if got := en.Error(err); got != err.Error() {
		t.Errorf("en changed: %q", got)
	}
	wrapped := fmt.Errorf("reading answers: %w", &fs.PathError{Op: "read", Path: "/tmp", Err: syscall.EISDIR})
	if got := ko.Error(wrapped); got != "reading answers: /tmp: 파일이 아니라 디렉터리입니다" {
		t.Errorf("ko wrapped: %q", got)
	}
	// A reason kept as text (a --root walk's own loop error) reads the same.
	if got := ko.Error(errors.New("too many levels of symbolic links")); strings.Contains(got, "symbolic") {
		t.Errorf("ko text: %q", got)
	}
	if got := ko.T(ErrFlagNeedsArg, "--wait"); got != "옵션 --wait에 값이 필요합니다" {
		t.Errorf("%q", got)
	}
}
