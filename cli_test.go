package main

import (
	"bytes"
	"strings"
	"testing"
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
