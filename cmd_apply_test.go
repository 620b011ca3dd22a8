package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/fakectl/ctltest"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/host"
)

var updateApplyGoldens = flag.Bool("update-apply", false, "rewrite testdata/apply goldens")

func TestApplyFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want applyOptions
	}{
		{[]string{}, applyOptions{Keep: agent.DefaultKeepBackups, Wait: time.Minute}},
		{[]string{"--answers", "a.yaml", "--yes", "--dry-run", "--keep-backups", "2", "--no-verify", "--wait", "5s"},
			applyOptions{Answers: "a.yaml", Yes: true, DryRun: true, Keep: 2, NoVerify: true, Wait: 5 * time.Second}},
		{[]string{"-y"}, applyOptions{Yes: true, Keep: agent.DefaultKeepBackups, Wait: time.Minute}},
		{[]string{"--allow-path", "/srv/a/logs", "--allow-path", "/opt/b/log"},
			applyOptions{Keep: agent.DefaultKeepBackups, Wait: time.Minute, AllowPaths: []string{"/srv/a/logs", "/opt/b/log"}}},
	} {
		g := &globals{p: i18n.New(i18n.EN)}
		var got *applyOptions
		cmd := newApplyCmdWith(g, newStreams(), func(_ context.Context, o *applyOptions) error { got = o; return nil })
		cmd.SetArgs(tc.args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		if got.Answers != tc.want.Answers || got.Yes != tc.want.Yes || got.DryRun != tc.want.DryRun ||
			got.Keep != tc.want.Keep || got.NoVerify != tc.want.NoVerify || got.Wait != tc.want.Wait ||
			strings.Join(got.AllowPaths, ",") != strings.Join(tc.want.AllowPaths, ",") {
			t.Errorf("%v: got %+v", tc.args, got)
		}
	}
}

// A bad --allow-path is refused before anything is read or changed, in
// both languages, saying what to give instead.
func TestApplyAllowPathRefused(t *testing.T) {
	for _, c := range []struct{ path, en, ko string }{
		{"/home/alice/logs", "home directory", "홈 디렉터리"},
		{"/etc/httpd/logs", "/etc", "/etc"},
		{"logs", "absolute", "절대 경로"},
		{"/", "anywhere", "어디에나"},
	} {
		for lang, want := range map[string]string{"en": c.en, "ko": c.ko} {
			root := t.TempDir()
			code, _, errOut := runCLI(t, nil, "apply", "--root", root, "--lang", lang, "--dry-run", "--allow-path", c.path)
			if code != exitUsage || !strings.Contains(errOut, want) || !strings.Contains(errOut, "--allow-path") {
				t.Errorf("%s %s: exit %d: %s (want %q)", lang, c.path, code, errOut, want)
			}
			if ents, _ := os.ReadDir(root); len(ents) != 0 {
				t.Errorf("%s: the root changed: %v", c.path, ents)
			}
		}
	}
}

func TestApplyNeedsYes(t *testing.T) {
	code, _, errOut := runCLI(t, nil, "apply", "--root", t.TempDir(), "--lang", "ko")
	if code != exitUsage || !strings.Contains(errOut, "--yes") || !strings.Contains(errOut, "--dry-run") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}

// copyTree copies a fixture root so a test can change it.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			l, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(l, to)
		case d.IsDir():
			return os.MkdirAll(to, 0o755)
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(to, b, info.Mode().Perm())
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

func treeDigest(t *testing.T, dir string) string {
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, _ := os.Lstat(p)
		b.WriteString(p + " " + info.Mode().String() + "\n")
		if info.Mode().IsRegular() {
			data, _ := os.ReadFile(p)
			b.Write(data)
		}
		return nil
	})
	return b.String()
}

var (
	backupStampRE = regexp.MustCompile(`\.bak\.\d{8}T\d{6}Z`)
	byteCountRE   = regexp.MustCompile(`\(\d+ bytes,`)
	byteCountKoRE = regexp.MustCompile(`\(\d+바이트,`)
)

// withAgentUser makes a fixture root look like a host whose agent package
// created cwagent, with its logs as private as on a real host (0640 files,
// 0750 directories under /var/log): the dry run then lists the grants.
func withAgentUser(t *testing.T, dir string) {
	t.Helper()
	os.MkdirAll(filepath.Join(dir, "etc"), 0o755)
	os.WriteFile(filepath.Join(dir, "etc/passwd"), []byte("root:x:0:0:root:/root:/bin/bash\ncwagent:x:994:994:Cloudwatch Agent:/home/cwagent:/sbin/nologin\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "etc/group"), []byte("root:x:0:\nadm:x:4:\nsystemd-journal:x:190:\ncwagent:x:994:\n"), 0o644)
	logs := filepath.Join(dir, "var/log")
	filepath.WalkDir(logs, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil || p == logs || d.Type()&fs.ModeSymlink != 0:
		case d.IsDir():
			os.Chmod(p, 0o750)
		default:
			os.Chmod(p, 0o640)
		}
		return nil
	})
}

// TestApplyDryRunGoldens runs `apply --dry-run` on every fixture root, as
// found and with the agent removed (install selection per distro and
// arch), and compares the printed steps with goldens. The tree must not
// change.
func TestApplyDryRunGoldens(t *testing.T) {
	roots, _ := filepath.Glob(testpeer.Testdata("roots", "*"))
	if len(roots) == 0 {
		t.Fatal("no fixture roots under testdata/roots")
	}
	for _, src := range roots {
		if fi, err := os.Stat(src); err != nil || !fi.IsDir() {
			continue
		}
		name := filepath.Base(src)
		variants := []string{"", "-noagent", "-cwagent"}
		if name == "debian12" {
			variants = append(variants, "-cwagent-ko")
		}
		for _, variant := range variants {
			t.Run(name+variant, func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "root")
				copyTree(t, src, dir)
				if variant == "-noagent" {
					os.RemoveAll(filepath.Join(dir, "opt/aws/amazon-cloudwatch-agent"))
				}
				lang := "en"
				if strings.HasPrefix(variant, "-cwagent") {
					withAgentUser(t, dir)
					if strings.HasSuffix(variant, "-ko") {
						lang = "ko"
					}
				}
				before := treeDigest(t, dir)
				code, out, errOut := runCLI(t, nil, "apply", "--dry-run", "--root", dir, "--lang", lang)
				if after := treeDigest(t, dir); after != before {
					t.Fatal("apply --dry-run changed the fixture tree")
				}
				got := strings.ReplaceAll(errOut, dir, "$ROOT")
				got = backupStampRE.ReplaceAllString(got, ".bak.<UTC>")
				// The config itself is the config engineer's golden; here
				// the steps matter, so the diff and size are elided.
				got = elideDiff(got)
				got = byteCountRE.ReplaceAllString(got, "(<n> bytes,")
				got = byteCountKoRE.ReplaceAllString(got, "(<n>바이트,")
				got = "exit " + string(rune('0'+code)) + "\n" + got
				if out != "" {
					t.Errorf("dry run wrote to stdout: %q", out)
				}
				golden := testpeer.Testdata("apply", "dryrun", name+variant+".golden")
				if *updateApplyGoldens {
					os.MkdirAll(filepath.Dir(golden), 0o755)
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run: go test -run TestApplyDryRunGoldens -update-apply .)", err)
				}
				if got != string(want) {
					t.Errorf("dry run of %s%s differs from %s:\n%s", name, variant, golden, got)
				}
			})
		}
	}
}

// elideDiff replaces the config diff after its header with "<diff>": the
// diff ends where apply's own lines start again.
func elideDiff(out string) string {
	lines := strings.SplitAfter(out, "\n")
	var b strings.Builder
	in := false
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "Changes to the current config"):
			b.WriteString(l + "<diff>\n")
			in = true
			continue
		case in && (strings.HasPrefix(l, "==> ") || strings.HasPrefix(l, "  would ") || strings.HasPrefix(l, "Dry run finished")):
			in = false
		}
		if !in {
			b.WriteString(l)
		}
	}
	return b.String()
}

// debianRoot builds a small Debian 12 host with rsyslog and the stand-in
// agent installed.
func debianRoot(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"etc/os-release":                     "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n",
		"proc/sys/kernel/arch":               "x86_64\n",
		"usr/sbin/rsyslogd":                  "",
		"lib/systemd/system/rsyslog.service": "[Service]\nExecStart=/usr/sbin/rsyslogd -n -iNONE\n",
		"var/log/syslog":                     "2026-11-25T07:00:01.123456+09:00 web1 systemd[1]: Started Session 1 of User admin.\n2026-11-25T07:00:02.000001+09:00 web1 CRON[812]: (root) CMD (command -v debian-sa1 > /dev/null)\n",
		"var/log/auth.log":                   "2026-11-25T07:00:01.500000+09:00 web1 sshd[901]: Accepted publickey for admin from 10.0.0.5 port 50122 ssh2\n",
	}
	for p, c := range files {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctltest.Install(t, dir)
	return dir
}

const e2eAnswers = "log_group_prefix: /e2e\n"

func writeAnswers(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "answers.yaml")
	os.WriteFile(p, []byte(e2eAnswers), 0o644)
	return p
}

// TestApplyAndVerifyEndToEnd: apply --answers --root --yes against
// moto_server and the stand-in ctl, whose background agent ships the
// files (and verify's marker) into moto; then verify passes on its own.
func TestApplyAndVerifyEndToEnd(t *testing.T) {
	testpeer.MotoServer(t)
	dir := debianRoot(t)
	code, out, errOut := runCLI(t, nil, "apply", "--answers", writeAnswers(t), "--root", dir, "--yes", "--wait", "30s", "--lang", "en")
	if code != exitOK {
		t.Fatalf("apply exit %d:\n%s", code, errOut)
	}
	if out != "" {
		t.Errorf("apply wrote to stdout: %q", out)
	}
	for _, want := range []string{
		"Configuration validation succeeded",
		"[ok  ] agent running",
		"[ok  ] marker cwsetup-verify-",
		"[ok  ] log group /e2e/system/syslog exists, retention: 90 days",
		"Verified:",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("apply output lacks %q:\n%s", want, errOut)
		}
	}
	cfg, _ := os.ReadFile(filepath.Join(dir, "opt/aws/amazon-cloudwatch-agent/bin/config.json"))
	if !bytes.Contains(cfg, []byte(`"/e2e/system/syslog"`)) {
		t.Errorf("config does not use the answers' prefix:\n%s", cfg)
	}

	code, _, errOut = runCLI(t, nil, "verify", "--root", dir, "--wait", "30s", "--lang", "ko")
	if code != exitOK || !strings.Contains(errOut, "확인 완료") {
		t.Fatalf("verify exit %d:\n%s", code, errOut)
	}

	// apply of the same answers again: nothing rewritten, no new backup.
	code, _, errOut = runCLI(t, nil, "apply", "--answers", writeAnswers(t), "--root", dir, "--yes", "--no-verify", "--lang", "en")
	if code != exitOK || !strings.Contains(errOut, "already runs this config") {
		t.Fatalf("second apply exit %d:\n%s", code, errOut)
	}
	if bs, _ := agent.Backups(filepath.Join(dir, "opt/aws/amazon-cloudwatch-agent/bin/config.json")); len(bs) != 0 {
		t.Errorf("backups after an unchanged apply: %v", bs)
	}
}

// TestVerifyWithoutDelivery: the agent is stopped, so the marker never
// arrives; verify fails and says so.
func TestVerifyWithoutDelivery(t *testing.T) {
	testpeer.MotoServer(t)
	dir := debianRoot(t)
	if code, _, errOut := runCLI(t, nil, "apply", "--root", dir, "--yes", "--no-verify"); code != exitOK {
		t.Fatalf("apply: %s", errOut)
	}
	exec.Command(filepath.Join(dir, ctltest.CtlRel), "-a", "stop").Run()
	code, _, errOut := runCLI(t, nil, "verify", "--root", dir, "--wait", "2s", "--lang", "en")
	if code != exitFailure {
		t.Fatalf("verify exit %d, want 1:\n%s", code, errOut)
	}
	for _, want := range []string{"[FAIL] the agent is stopped", "[FAIL] marker cwsetup-verify-", "did not arrive"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("verify output lacks %q:\n%s", want, errOut)
		}
	}
}

// TestApplyMissingRoleRollsBack: the agent finds no credentials; apply
// explains it, restores the previous config byte for byte and exits 1.
func TestApplyMissingRoleRollsBack(t *testing.T) {
	dir := debianRoot(t)
	cfgPath := filepath.Join(dir, "opt/aws/amazon-cloudwatch-agent/bin/config.json")
	old := []byte("{\"logs\": {\"logs_collected\": {\"files\": {\"collect_list\": [{\"file_path\": \"/var/log/old.log\", \"log_group_name\": \"old\"}]}}}}\n\n")
	os.WriteFile(cfgPath, old, 0o600)
	t.Setenv("CWSETUP_FAKECTL_FAIL", "credentials")
	t.Setenv("CWSETUP_FAKECTL_FAIL_ONCE", "1")
	code, _, errOut := runCLI(t, nil, "apply", "--root", dir, "--yes", "--lang", "ko")
	if code != exitFailure {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	for _, want := range []string{"IAM 역할을 연결", "이전 구성을 복원했습니다", "그대로 복원했고"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("output lacks %q:\n%s", want, errOut)
		}
	}
	if got, _ := os.ReadFile(cfgPath); !bytes.Equal(got, old) {
		t.Fatalf("config after rollback:\n%s", got)
	}
	if bs, _ := agent.Backups(cfgPath); len(bs) != 1 {
		t.Errorf("backups %v", bs)
	}
}

func TestApplyConcurrentRunRefused(t *testing.T) {
	dir := debianRoot(t)
	r, _ := host.Open(dir)
	l, err := agent.AcquireLock(r.Path(agent.LockPath))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	code, _, errOut := runCLI(t, nil, "apply", "--root", dir, "--yes", "--lang", "en")
	if code != exitFailure || !strings.Contains(errOut, "another cwsetup") {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "opt/aws/amazon-cloudwatch-agent/bin/config.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("config written although another run held the lock")
	}
}

// TestApplyCtrlC sends SIGINT (and SIGTERM, and SIGHUP: the SSH session
// dropping) to the real binary while
// fetch-config runs: it finishes the step, restores the old config, and
// exits 130.
func TestApplyCtrlC(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "cwsetup")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := debianRoot(t)
			cfgPath := filepath.Join(dir, "opt/aws/amazon-cloudwatch-agent/bin/config.json")
			old := []byte("{\"logs\":{\"logs_collected\":{\"files\":{\"collect_list\":[{\"file_path\":\"/var/log/syslog\",\"log_group_name\":\"before\"}]}}}}\n")
			os.WriteFile(cfgPath, old, 0o644)
			cmd := exec.Command(bin, "apply", "--root", dir, "--yes", "--no-verify", "--lang", "en")
			cmd.Env = append(os.Environ(), "CWSETUP_FAKECTL_DELAY=1s")
			var errOut bytes.Buffer
			cmd.Stderr = &errOut
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			started := filepath.Join(dir, "opt/aws/amazon-cloudwatch-agent/var/fetch.started")
			for i := 0; i < 1000; i++ {
				if _, err := os.Stat(started); err == nil {
					break
				}
				time.Sleep(5 * time.Millisecond)
			}
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != exitAborted {
				t.Fatalf("exit %v, want 130:\n%s", err, errOut.String())
			}
			if got, _ := os.ReadFile(cfgPath); !bytes.Equal(got, old) {
				t.Fatalf("config after %v:\n%s\n%s", sig, got, errOut.String())
			}
			for _, want := range []string{"Configuration validation succeeded", "Restoring the previous config", "interrupted"} {
				if !strings.Contains(errOut.String(), want) {
					t.Errorf("output lacks %q:\n%s", want, errOut.String())
				}
			}
			if _, err := os.Stat(cfgPath + agent.TempSuffix); !errors.Is(err, fs.ErrNotExist) {
				t.Error("temp file left after an interrupted apply")
			}
		})
	}
}

// TestApplyRefusesKnownBadAnswers: a timestamp_format that does not parse
// the file's own lines is caught before anything is written (exit 2).
func TestApplyRefusesKnownBadAnswers(t *testing.T) {
	dir := debianRoot(t)
	ans := filepath.Join(t.TempDir(), "a.yaml")
	os.WriteFile(ans, []byte("logs:\n  - service: system\n    name: syslog\n    path: /var/log/syslog\n    timestamp_format: \"%b %d %H:%M:%S\"\n    retention_days: 90\n"), 0o644)
	code, _, errOut := runCLI(t, nil, "apply", "--root", dir, "--answers", ans, "--yes", "--lang", "en")
	if code != exitUsage || !strings.Contains(errOut, "did not parse 2 of 2 recent lines") {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "opt/aws/amazon-cloudwatch-agent/bin/config.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a config known to be wrong was written")
	}
}

// TestApplyDryRunJournalOldAgent: system logs only in the journal and an
// agent older than 1.300070.0: apply plans the upgrade and renders the
// config for the upgraded agent (journald input), naming rsyslog as the
// alternative.
func TestApplyDryRunJournalOldAgent(t *testing.T) {
	dir := t.TempDir()
	for p, c := range map[string]string{
		"etc/os-release":                                                  "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_ID=\"12\"\nID=debian\n",
		"proc/sys/kernel/arch":                                            "aarch64\n",
		"lib/systemd/systemd-journald":                                    "",
		"lib/systemd/system/systemd-journald.service":                     "[Service]\n",
		"opt/aws/amazon-cloudwatch-agent/bin/CWAGENT_VERSION":             "1.300049.1b929\n",
		"opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl": "#!/bin/sh\nexit 1\n",
		"opt/aws/amazon-cloudwatch-agent/bin/config.json":                 "{\"agent\": {\"run_as_user\": \"root\"}}\n",
	} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte(c), 0o755)
	}
	code, _, errOut := runCLI(t, nil, "apply", "--root", dir, "--dry-run", "--lang", "en")
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	for _, want := range []string{
		"agent 1.300049.1b929 cannot read it",
		"alternative: install and enable rsyslog instead: apt-get install -y rsyslog",
		"==> Upgrading the CloudWatch agent",
		"debian/arm64/latest/amazon-cloudwatch-agent.deb",
		`+      "journald": {`,
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("output lacks %q:\n%s", want, errOut)
		}
	}
}

// regrant on a root without a config says to run apply first (exit 1,
// both languages) and changes nothing; a bad --allow-path is refused.
func TestRegrantCLI(t *testing.T) {
	for lang, want := range map[string]string{"en": "run cwsetup apply first", "ko": "먼저 cwsetup apply를 실행하세요"} {
		root := t.TempDir()
		code, _, errOut := runCLI(t, nil, "regrant", "--root", root, "--lang", lang)
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d: %s", lang, code, errOut)
		}
		if code, _, errOut := runCLI(t, nil, "regrant", "--root", root, "--lang", lang, "--allow-path", "/home/a"); code != exitUsage {
			t.Errorf("%s: --allow-path /home/a: exit %d: %s", lang, code, errOut)
		}
	}
}

// undo on a machine cwsetup never changed: nothing to do (exit 1, both
// languages), nothing changed.
func TestUndoNothingCLI(t *testing.T) {
	for lang, want := range map[string]string{"en": "nothing to undo", "ko": "되돌릴 것이 없습니다"} {
		root := t.TempDir()
		code, _, errOut := runCLI(t, nil, "undo", "--root", root, "--lang", lang)
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d: %s", lang, code, errOut)
		}
		if ents, _ := os.ReadDir(root); len(ents) != 0 {
			t.Errorf("%s: the root changed: %v", lang, ents)
		}
	}
}
