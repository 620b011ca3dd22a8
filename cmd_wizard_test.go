package main

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/host"
)

func TestWizardFlags(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want wizardOptions
	}{
		{"none", nil, wizardOptions{}},
		{"accessible", []string{"--accessible"}, wizardOptions{Accessible: true}},
		{"save", []string{"--save-answers", "답변.yaml"}, wizardOptions{SaveAnswers: "답변.yaml"}},
		{"both", []string{"--save-answers=a.yaml", "--accessible", "--lang", "ko"}, wizardOptions{Accessible: true, SaveAnswers: "a.yaml"}},
		{"allow", []string{"--allow-path", "/srv/a/logs", "--allow-path", "/opt/b/log"}, wizardOptions{AllowPaths: []string{"/srv/a/logs", "/opt/b/log"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			s := &streams{In: &buf, Out: &buf, ErrOut: &buf, Getenv: os.Getenv}
			g := &globals{p: i18n.New(i18n.EN)}
			cmd := newRootCmd(g, s)
			if err := cmd.ParseFlags(tc.args); err != nil {
				t.Fatal(err)
			}
			if got := *wizardOptionsFrom(cmd); !reflect.DeepEqual(got, tc.want) && !(len(got.AllowPaths) == 0 && len(tc.want.AllowPaths) == 0 &&
				got.Accessible == tc.want.Accessible && got.SaveAnswers == tc.want.SaveAnswers) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestLocaleName(t *testing.T) {
	env := map[string]string{"LANG": "C"}
	if got := localeName(func(k string) string { return env[k] }); got != "C" {
		t.Errorf("localeName = %q, want C", got)
	}
	env = map[string]string{"LC_ALL": "ko_KR.EUC-KR", "LANG": "C"}
	if got := localeName(func(k string) string { return env[k] }); got != "ko_KR.EUC-KR" {
		t.Errorf("LC_ALL first: got %q", got)
	}
}

func TestLastLine(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(dir+"/var/log/app", 0o755)
	os.WriteFile(dir+"/var/log/app/old.log", []byte("old last\n"), 0o644)
	past := time.Now().Add(-time.Hour)
	os.Chtimes(dir+"/var/log/app/old.log", past, past)
	os.WriteFile(dir+"/var/log/app/new.log", []byte("first\nsecond line\n\n"), 0o644)
	big := bytes.Repeat([]byte("x"), 90000) // longer than the tail read: its end, shortened
	os.WriteFile(dir+"/var/log/app/big.txt", append(big, '\n'), 0o644)
	os.WriteFile(dir+"/var/log/app/key.txt", []byte("aws_secret_access_key = abc123\n"), 0o644)
	root, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"/var/log/app/*.log":   "second line", // the newest file
		"/var/log/app/old.log": "old last",
		"/var/log/app/big.txt": strings.Repeat("x", 300) + "…",
		"/var/log/app/key.txt": "aws_secret_access_key = [REDACTED]",
		"/var/log/none.log":    "",
	} {
		if got, err := lastLine(root, path); err != nil || got != want {
			t.Errorf("lastLine(%s) = %q, %v; want %q", path, got, err, want)
		}
	}
}

// The wizard takes --allow-path as apply does, and refuses a bad one
// before it opens the terminal (exit 2, the reason in the language).
func TestWizardAllowPathRefused(t *testing.T) {
	code, _, errOut := runCLI(t, nil, "--lang", "ko", "--root", t.TempDir(), "--allow-path", "/home/alice/logs")
	if code != exitUsage || !strings.Contains(errOut, "홈 디렉터리") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}
