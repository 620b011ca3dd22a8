package main

import (
	"strings"
	"testing"
)

func TestCompletionCommand(t *testing.T) {
	cases := []struct {
		name   string
		env    map[string]string
		args   []string
		code   int
		stdout string // prefix of stdout
		stderr string // part of stderr
	}{
		{"bash", nil, []string{"completion", "bash"}, 0, "# bash completion V2 for cwsetup", ""},
		{"zsh", nil, []string{"completion", "zsh"}, 0, "#compdef cwsetup", ""},
		{"fish", nil, []string{"completion", "fish"}, 0, "# fish completion for cwsetup", ""},
		{"zsh no descriptions", nil, []string{"completion", "zsh", "--no-descriptions"}, 0, "#compdef cwsetup", ""},
		{"no shell", nil, []string{"completion"}, 2, "", "say which shell: 'cwsetup completion bash', 'zsh' or 'fish'"},
		{"no shell ko", map[string]string{"LANG": "ko_KR.UTF-8"}, []string{"completion"}, 2, "", "셸을 지정하세요"},
		{"unknown shell", nil, []string{"completion", "tcsh"}, 2, "", `unsupported shell "tcsh"`},
		{"unknown shell ko", nil, []string{"--lang", "ko", "completion", "tcsh"}, 2, "", `지원하지 않는 셸 "tcsh"`},
		{"two shells", nil, []string{"completion", "bash", "zsh"}, 2, "", `unexpected argument "zsh"`},
		{"help ko", nil, []string{"--lang", "ko", "completion", "--help"}, 0, "", "셸에서 Tab 키로"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, c.env, c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, c.code, errOut)
			}
			if !strings.HasPrefix(out, c.stdout) {
				t.Errorf("stdout starts %.60q, want %q", out, c.stdout)
			}
			if c.stdout == "" && out != "" {
				t.Errorf("unexpected stdout %.80q", out)
			}
			if !strings.Contains(errOut, c.stderr) {
				t.Errorf("stderr lacks %q:\n%s", c.stderr, errOut)
			}
		})
	}
}

// TestShellCompleteOnStdout checks what the completion scripts run on Tab:
// candidates with localized descriptions on stdout, the directive last.
func TestShellCompleteOnStdout(t *testing.T) {
	code, out, _ := runCLI(t, map[string]string{"LANG": "ko_KR.UTF-8"}, "__complete", "comp")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.HasPrefix(out, "completion\tbash, zsh, fish용 셸 자동 완성 스크립트 출력\n") || !strings.HasSuffix(out, "\n:4\n") {
		t.Errorf("__complete comp printed %q", out)
	}
	_, out, _ = runCLI(t, nil, "__complete", "completion", "")
	if got := strings.Fields(out); strings.Join(got, " ") != "bash zsh fish :4" {
		t.Errorf("__complete completion '' printed %q", out)
	}
	_, out, _ = runCLI(t, nil, "__complete", "version", "--lang", "")
	if got := strings.Fields(out); strings.Join(got, " ") != "ko en :4" {
		t.Errorf("__complete version --lang '' printed %q", out)
	}
	_, out, _ = runCLI(t, nil, "__complete", "--root", "")
	if got := strings.TrimSpace(out); got != ":16" { // ShellCompDirectiveFilterDirs
		t.Errorf("__complete --root '' printed %q", out)
	}
}
