package main

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
)

// runCLI runs cwsetup in-process with the given environment.
func runCLI(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	s := &streams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Getenv: func(k string) string { return env[k] }}
	code = run(args, s)
	return code, out.String(), errOut.String()
}

func TestExitCodesAndLanguages(t *testing.T) {
	cases := []struct {
		name     string
		env      map[string]string
		args     []string
		code     int
		contains string
	}{
		{"version", nil, []string{"version"}, 0, "cwsetup "},
		{"help en", nil, []string{"--help"}, 0, "Usage:"},
		{"help ko by LANG", map[string]string{"LANG": "ko_KR.UTF-8"}, []string{"--help"}, 0, "사용법:"},
		{"help ko by flag", map[string]string{"LANG": "C"}, []string{"--lang", "ko", "--help"}, 0, "명령:"},
		{"help cmd ko", nil, []string{"--lang=ko", "help", "version"}, 0, "공통 옵션:"},
		{"unknown command", nil, []string{"bogus"}, 2, `unknown command "bogus"`},
		{"unknown command ko", nil, []string{"--lang", "ko", "bogus"}, 2, "알 수 없는 명령"},
		{"unknown flag ko", nil, []string{"--lang", "ko", "version", "--nope"}, 2, "알 수 없는 옵션 --nope"},
		{"bad lang", nil, []string{"--lang", "fr", "version"}, 2, "unsupported language"},
		{"extra arg", nil, []string{"version", "x"}, 2, `unexpected argument "x"`},
		{"extra arg ko", nil, []string{"--lang", "ko", "version", "x"}, 2, `예상하지 못한 인수입니다: "x"`},
		{"bad duration", nil, []string{"verify", "--wait", "abc"}, 2, `--wait "abc" is not valid: give a length of time`},
		{"bad duration ko", nil, []string{"--lang", "ko", "verify", "--wait", "abc"}, 2, `--wait 값 "abc"가 올바르지 않습니다: 90s, 5m, 1h30m처럼 시간 길이를 쓰세요`},
		{"bad bool ko", nil, []string{"--lang", "ko", "detect", "--json=maybe"}, 2, `--json 값 "maybe"가 올바르지 않습니다: true 또는 false를 쓰세요`},
		{"missing answers ko", nil, []string{"--lang", "ko", "config", "--answers", "/nonexistent/a.yaml"}, 2, "/nonexistent/a.yaml: 파일이나 디렉터리가 없습니다"},
		{"answers is a dir ko", nil, []string{"--lang", "ko", "config", "--answers", "/"}, 2, "파일이 아니라 디렉터리입니다"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, c.env, c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, c.code, errOut)
			}
			if !strings.Contains(out+errOut, c.contains) {
				t.Errorf("output lacks %q:\nstdout: %s\nstderr: %s", c.contains, out, errOut)
			}
			if strings.Contains(c.name, " ko") && regexp.MustCompile(`invalid|no such file|is a directory| for "`).MatchString(errOut) {
				t.Errorf("English left in a Korean message: %s", errOut)
			}
		})
	}
}

func TestVersionOnStdout(t *testing.T) {
	version, commit, date = "1.2.3", "abcdef1234567890", "2026-11-25"
	defer func() { version, commit, date = "", "", "" }()
	_, out, _ := runCLI(t, nil, "version")
	if !strings.HasPrefix(out, "cwsetup 1.2.3 (commit abcdef123456, built 2026-11-25, ") {
		t.Errorf("version line %q", out)
	}
}

func TestPreScanLang(t *testing.T) {
	for in, want := range map[string]string{
		"--lang ko detect":   "ko",
		"detect --lang=en":   "en",
		"detect -- --lang x": "",
		"detect":             "",
	} {
		if got := preScanLang(strings.Fields(in)); got != want {
			t.Errorf("%q: %q want %q", in, got, want)
		}
	}
}

// A deliberate stop is not an error: no "오류:"/"error:" before it, and
// after the wizard listed what is left in AWS, no second line at all.
func TestAbortIsNotAnError(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"aborted ko", errAborted, "중단했습니다: 아무것도 변경하지 않았습니다\n"},
		{"aborted en", errAborted, "aborted: nothing was changed\n"},
		{"signal ko", fmt.Errorf("detect: %w", errAborted), "중단했습니다: 아무것도 변경하지 않았습니다\n"},
		{"wizard kept ko", errAbortedQuiet, ""},
		{"failure ko", i18n.Errorf(i18n.ErrWriteOut, "x"), "오류: 출력을 쓸 수 없습니다: x\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := i18n.New(i18n.KO)
			if strings.HasSuffix(c.name, " en") {
				p = i18n.New(i18n.EN)
			}
			var b bytes.Buffer
			reportError(&b, p, c.err)
			if b.String() != c.want {
				t.Errorf("got %q, want %q", b.String(), c.want)
			}
		})
	}
}
