package release

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/aws"
	"github.com/cwsetup/cwsetup/internal/fakectl/ctltest"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/fleet"
)

const fleetAnswers = "role: base\nlog_group_prefix: /fleet\nlogs:\n  - service: system\n    name: syslog\n    path: /var/log/syslog\n    retention_days: 30\n"

// runReleased runs the released cwsetup with the test's AWS environment.
func runReleased(t *testing.T, bin string, args ...string) (string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "LANG=C")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("cwsetup %v: %v\n%s", args, err, errOut.String())
	}
	return out.String(), errOut.String()
}

// TestFleetDocumentRunsOnInstance: moto records a SendCommand but runs
// nothing, so this test plays the SSM agent. The released cwsetup runs
// `fleet publish` and `fleet apply` against moto (SSM-managed check from
// the recorded DescribeInstanceInformation); the document fleet apply
// stored is read back, its {{ answers }} parameter substituted with the
// value the command was sent with (as the SSM agent does), and its
// runCommand lines run with sh — the one change: `--root` is appended to
// the apply line, since the "instance" is a fixture root, not /. The
// script downloads the release from a local server, checks its SHA-256,
// installs cwsetup, reads the answers from moto's Parameter Store and
// applies them with the stand-in agent.
func TestFleetDocumentRunsOnInstance(t *testing.T) {
	dir := dist(t)
	arch := hostArch(t)
	requireTools(t, "sh", "curl", "sha256sum", "tar", "awk")
	m := testpeer.MotoServer(t)
	rec := testpeer.NewSSMRecorded(t, m)
	ids := m.RunInstances(t, 1, map[string]string{"Role": "web"})
	rec.Manage("Online", ids...)

	// The admin's side: the released binary publishes and sends.
	admin := t.TempDir()
	untar(t, filepath.Join(dir, "cwsetup_linux_"+arch+".tar.gz"), admin)
	adminBin := filepath.Join(admin, "cwsetup")
	answers := filepath.Join(t.TempDir(), "answers.yaml")
	os.WriteFile(answers, []byte(fleetAnswers), 0o644)
	runReleased(t, adminBin, "fleet", "publish", "--answers", answers, "--name", "/cwsetup/web", "--yes")
	srv := serve(t, dir)
	out, _ := runReleased(t, adminBin, "fleet", "apply", "--name", "/cwsetup/web", "--targets", "tag:Role=web",
		"--release-url", srv.URL, "--yes", "--json")
	var sent struct {
		CommandID string `json:"command_id"`
	}
	if err := json.Unmarshal([]byte(out), &sent); err != nil || sent.CommandID == "" {
		t.Fatalf("fleet apply: %v %s", err, out)
	}

	// What the SSM agent would get: the document and the command's parameter.
	ctx := context.Background()
	cfg, err := aws.Load(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	ports := aws.NewFleet(cfg).Ports()
	doc, err := ports.Docs.Get(ctx, "cwsetup-apply")
	if err != nil {
		t.Fatal(err)
	}
	cmd, err := ports.Cmds.Command(ctx, sent.CommandID)
	if err != nil {
		t.Fatal(err)
	}
	value := cmd.Parameters[fleet.AnswersParam][0]
	var d struct {
		Parameters map[string]struct{ AllowedPattern string }
	}
	if err := json.Unmarshal([]byte(doc.Content), &d); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(d.Parameters[fleet.AnswersParam].AllowedPattern).MatchString(value) || value != "/cwsetup/web:1" {
		t.Fatalf("parameter value %q vs allowedPattern %q", value, d.Parameters[fleet.AnswersParam].AllowedPattern)
	}
	lines, err := fleet.RunCommandOf([]byte(doc.Content))
	if err != nil {
		t.Fatal(err)
	}

	// The instance: a Debian fixture root with the stand-in agent.
	root := filepath.Join(t.TempDir(), "root")
	if err := os.CopyFS(root, os.DirFS(testpeer.Testdata("roots", "debian12"))); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(root, "var/log"), 0o755)
	os.WriteFile(filepath.Join(root, "var/log/syslog"), []byte("2026-12-02T07:00:01.123456+09:00 web1 systemd[1]: Started Session 1 of User admin.\n"), 0o644)
	ctltest.Install(t, root)

	script := func(lines []string) string {
		ls := append([]string(nil), lines...)
		for i, l := range ls {
			ls[i] = strings.ReplaceAll(l, "{{ "+fleet.AnswersParam+" }}", value)
		}
		ls[len(ls)-1] += " --root '" + root + "' --wait 30s"
		p := filepath.Join(t.TempDir(), "_script.sh")
		os.WriteFile(p, []byte(strings.Join(ls, "\n")+"\n"), 0o700)
		return p
	}
	instDir := filepath.Join(t.TempDir(), "bin")
	runDoc := func(t *testing.T, path, installDir string) (int, string, string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		c := exec.CommandContext(ctx, "sh", path)
		c.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
		c.Env = append(os.Environ(), "CWSETUP_INSTALL_DIR="+installDir, "TMPDIR="+t.TempDir(), "LANG=C", "HOME="+t.TempDir(),
			"CWSETUP_PACKAGED="+filepath.Join(t.TempDir(), "none"), "CWSETUP_JITTER=0")
		var o, e bytes.Buffer
		c.Stdout, c.Stderr = &o, &e
		err := c.Run()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, o.String(), e.String()
	}

	before := len(srv.requested())
	code, stdout, stderr := runDoc(t, script(lines), instDir)
	if code != 0 {
		t.Fatalf("document exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	res, ok := fleet.ParseResult(stdout)
	if !ok || !res.OK() || res.Param != "/cwsetup/web:1" || res.Summary != "config applied and verified" {
		t.Errorf("result line %+v (found %v) in stdout %q", res, ok, stdout)
	}
	if strings.Count(strings.TrimSpace(stdout), "\n") != 0 {
		t.Errorf("stdout holds more than the result line: %q", stdout)
	}
	got := srv.requested()[before:]
	// The archive only: its digest is pinned in the document (fleet apply
	// read checksums.txt on the admin's side), no checksums file is trusted here.
	want := []string{"/download/v" + testVersion + "/cwsetup_linux_" + arch + ".tar.gz"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("downloads %v, want %v", got, want)
	}
	if v, err := exec.Command(filepath.Join(instDir, "cwsetup"), "version").Output(); err != nil || !strings.HasPrefix(string(v), "cwsetup "+testVersion+" ") {
		t.Errorf("installed cwsetup: %v %q", err, v)
	}
	cfgJSON, err := os.ReadFile(filepath.Join(root, "opt/aws/amazon-cloudwatch-agent/bin/config.json"))
	if err != nil || !bytes.Contains(cfgJSON, []byte(`"/fleet/system/syslog"`)) {
		t.Errorf("config does not carry the published answers: %v\n%s", err, cfgJSON)
	}
	for _, w := range []string{"Answers: /cwsetup/web version 1 from Parameter Store", "cwsetup: installed cwsetup " + testVersion} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	t.Logf("document %d bytes, %d runCommand lines; parameter %d bytes", len(doc.Content), len(lines), len(fleetAnswers))

	// Again (State Manager's next run): cwsetup is there, nothing downloaded.
	before = len(srv.requested())
	code, stdout, stderr = runDoc(t, script(lines), instDir)
	if code != 0 || len(srv.requested()) != before {
		t.Errorf("second run exit %d, downloads %v\n%s", code, srv.requested()[before:], stderr)
	}

	// A tampered archive, with a checksums.txt tampered to match it: the
	// instance never reads that file, nothing installed, the result line
	// names the step.
	bad := t.TempDir()
	for _, name := range dirNames(t, dir) {
		b, _ := os.ReadFile(filepath.Join(dir, name))
		os.WriteFile(filepath.Join(bad, name), b, 0o644)
	}
	other := map[string]string{"amd64": "arm64", "arm64": "amd64"}[arch]
	swapped, _ := os.ReadFile(filepath.Join(dir, "cwsetup_linux_"+other+".tar.gz"))
	os.WriteFile(filepath.Join(bad, "cwsetup_linux_"+arch+".tar.gz"), swapped, 0o644)
	sum := sha256.Sum256(swapped)
	os.WriteFile(filepath.Join(bad, "checksums.txt"), []byte(hex.EncodeToString(sum[:])+"  cwsetup_linux_"+arch+".tar.gz\n"), 0o644)
	badSrv := serve(t, bad)
	badLines := make([]string, len(lines))
	for i, l := range lines {
		badLines[i] = strings.ReplaceAll(l, srv.URL, badSrv.URL)
	}
	fresh := filepath.Join(t.TempDir(), "bin")
	code, stdout, stderr = runDoc(t, script(badLines), fresh)
	res, ok = fleet.ParseResult(stdout)
	if code != 1 || !ok || res.Step != fleet.StepInstall || !strings.Contains(res.Summary, "checksum mismatch") {
		t.Errorf("tampered archive: exit %d, result %+v\nstderr: %s", code, res, stderr)
	}
	if names := dirNames(t, fresh); len(names) != 0 {
		t.Errorf("tampered archive installed %v", names)
	}
}
