package release

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// installRun is one run of install.sh.
type installRun struct {
	code   int
	stdout string
	stderr string
}

// runInstall runs the released install.sh with sh in its own session, so it
// has no controlling terminal (as under cloud-init or CI) unless wrap gives
// it one. stdin nil means /dev/null. A run that takes a minute has hung.
func runInstall(t *testing.T, dir, baseURL string, env []string, stdin []byte, wrap func(args []string) []string, args ...string) installRun {
	t.Helper()
	argv := append([]string{"sh", filepath.Join(dir, "install.sh")}, args...)
	if stdin != nil {
		argv = append([]string{"sh", "-s", "--"}, args...)
	}
	if wrap != nil {
		argv = wrap(argv)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	cmd.Env = append([]string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + t.TempDir(),
		"TMPDIR=" + t.TempDir(),
		"CWSETUP_BASE_URL=" + baseURL,
	}, env...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("install.sh %v did not finish within a minute (hangs?)\nstderr: %s", args, errOut.String())
	}
	r := installRun{stdout: out.String(), stderr: errOut.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("install.sh: %v", err)
	}
	return r
}

// dirNames lists a directory; a missing one is empty.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestInstallFromLocalRelease(t *testing.T) {
	dir := dist(t)
	arch := hostArch(t)
	requireTools(t, "sh", "curl", "bash")

	// sh is dash on Debian/Ubuntu; Amazon Linux and RHEL have bash as sh.
	withBash := func(argv []string) []string { return append([]string{"bash", "--posix"}, argv[1:]...) }
	for _, c := range []struct {
		name  string
		shell func([]string) []string
		args  []string
		path  string
	}{
		{"latest", nil, []string{"--no-run"}, "/latest/download/"},
		{"latest by name, bash", withBash, []string{"--no-run", "--version=latest"}, "/latest/download/"},
		{"pinned version", nil, []string{"--no-run", "--version", "v" + testVersion}, "/download/v" + testVersion + "/"},
		{"pinned version, bash", withBash, []string{"--no-run", "--version=" + testVersion}, "/download/v" + testVersion + "/"},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := serve(t, dir)
			inst := filepath.Join(t.TempDir(), "bin")
			r := runInstall(t, dir, srv.URL, []string{"CWSETUP_INSTALL_DIR=" + inst, "LANG=C"}, nil, c.shell, c.args...)
			if r.code != 0 {
				t.Fatalf("exit %d\nstderr: %s", r.code, r.stderr)
			}
			if names := dirNames(t, inst); len(names) != 1 || names[0] != "cwsetup" {
				t.Errorf("install dir holds %v, want only cwsetup", names)
			}
			bin := filepath.Join(inst, "cwsetup")
			st, err := os.Stat(bin)
			if err != nil {
				t.Fatal(err)
			}
			if st.Mode().Perm() != 0o755 {
				t.Errorf("installed mode %v, want 0755", st.Mode().Perm())
			}
			out, err := exec.Command(bin, "version").Output()
			if err != nil || !strings.HasPrefix(string(out), "cwsetup "+testVersion+" ") {
				t.Errorf("installed cwsetup version: %v %q", err, out)
			}
			if !strings.Contains(r.stderr, "installed "+bin) {
				t.Errorf("no 'installed' line:\n%s", r.stderr)
			}
			archive := c.path + "cwsetup_linux_" + arch + ".tar.gz"
			if got, want := strings.Join(srv.requested(), " "), archive+" "+c.path+"checksums.txt"; got != want {
				t.Errorf("requests %q, want %q", got, want)
			}
		})
	}
}

// TestInstallThenRunsWithTerminal gives install.sh a terminal (a pty from
// script(1)): it then execs cwsetup with the arguments it did not take,
// reading from /dev/tty.
func TestInstallThenRunsWithTerminal(t *testing.T) {
	dir := dist(t)
	hostArch(t)
	requireTools(t, "sh", "curl", "script")
	srv := serve(t, dir)
	inst := filepath.Join(t.TempDir(), "bin")
	inPty := func(argv []string) []string {
		q := make([]string, len(argv))
		for i, a := range argv {
			q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		return []string{"script", "-q", "-e", "-c", strings.Join(q, " "), "/dev/null"}
	}
	r := runInstall(t, dir, srv.URL, []string{"CWSETUP_INSTALL_DIR=" + inst, "LANG=C"}, nil, inPty, "--lang", "ko", "version")
	if r.code != 0 {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	// Through the pty everything arrives on stdout: the installer's Korean
	// lines, then the version line of the exec'd cwsetup in Korean.
	for _, want := range []string{"설치했습니다: " + inst + "/cwsetup", "cwsetup " + testVersion + " (커밋 "} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "터미널이 없습니다") {
		t.Errorf("claims no terminal although it has one:\n%s", r.stdout)
	}
}

func TestInstallRefusesTamperedArchive(t *testing.T) {
	dir := dist(t)
	arch := hostArch(t)
	requireTools(t, "sh", "curl")
	// A copy of the release whose archive was swapped for another valid
	// archive (what an attacker would do); checksums.txt is the real one.
	bad := t.TempDir()
	for _, name := range dirNames(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(bad, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	other := "amd64"
	if arch == "amd64" {
		other = "arm64"
	}
	swapped, err := os.ReadFile(filepath.Join(dir, "cwsetup_linux_"+other+".tar.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, "cwsetup_linux_"+arch+".tar.gz"), swapped, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serve(t, bad)

	inst := filepath.Join(t.TempDir(), "bin")
	// A cwsetup already installed must be left as it was.
	if err := os.MkdirAll(inst, 0o755); err != nil {
		t.Fatal(err)
	}
	old := []byte("#!/bin/sh\necho old\n")
	if err := os.WriteFile(filepath.Join(inst, "cwsetup"), old, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []struct{ env, want string }{
		{"LANG=C", "checksum mismatch for cwsetup_linux_" + arch + ".tar.gz"},
		{"LANG=ko_KR.UTF-8", "체크섬이 맞지 않습니다"},
	} {
		r := runInstall(t, dir, srv.URL, []string{"CWSETUP_INSTALL_DIR=" + inst, lang.env}, nil, nil)
		if r.code != 1 {
			t.Errorf("%s: exit %d, want 1\nstderr: %s", lang.env, r.code, r.stderr)
		}
		if !strings.Contains(r.stderr, lang.want) {
			t.Errorf("%s: stderr lacks %q:\n%s", lang.env, lang.want, r.stderr)
		}
		if got, _ := os.ReadFile(filepath.Join(inst, "cwsetup")); !bytes.Equal(got, old) {
			t.Errorf("%s: the installed cwsetup was replaced by a tampered download", lang.env)
		}
		if names := dirNames(t, inst); len(names) != 1 {
			t.Errorf("%s: install dir holds %v, want only the old cwsetup", lang.env, names)
		}
	}
	if !strings.Contains(strings.Join(srv.requested(), " "), "checksums.txt") {
		t.Error("the installer never fetched checksums.txt")
	}
}

// TestInstallUnsupportedArch runs the installer under a 32-bit personality
// (setarch linux32), where the kernel itself reports i686 or armv8l.
func TestInstallUnsupportedArch(t *testing.T) {
	dir := dist(t)
	requireTools(t, "sh", "setarch")
	machine, err := exec.Command("setarch", "linux32", "uname", "-m").Output()
	if err != nil {
		// Some arm64 kernels have no 32-bit personality: nothing to test.
		t.Skipf("setarch linux32 not supported by this kernel: %v", err)
	}
	m := strings.TrimSpace(string(machine))
	srv := serve(t, dir)
	inst := filepath.Join(t.TempDir(), "bin")
	linux32 := func(argv []string) []string { return append([]string{"setarch", "linux32"}, argv...) }
	r := runInstall(t, dir, srv.URL, []string{"CWSETUP_INSTALL_DIR=" + inst, "LANG=C"}, nil, linux32)
	if r.code != 1 {
		t.Errorf("exit %d, want 1\nstderr: %s", r.code, r.stderr)
	}
	want := "this CPU architecture (" + m + ") is not supported: cwsetup is built for x86_64 (amd64) and aarch64 (arm64"
	if !strings.Contains(r.stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
	}
	if got := srv.requested(); len(got) != 0 {
		t.Errorf("downloaded %v for an unsupported machine", got)
	}
	if names := dirNames(t, inst); len(names) != 0 {
		t.Errorf("installed %v", names)
	}
}

// TestInstallPipedWithoutTTY is `curl … | sh` with no terminal at all:
// it must install, not hang, and say how to run cwsetup without one.
func TestInstallPipedWithoutTTY(t *testing.T) {
	dir := dist(t)
	hostArch(t)
	requireTools(t, "sh", "curl")
	srv := serve(t, dir)
	script, err := os.ReadFile(filepath.Join(dir, "install.sh"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, lang string
		args       []string
		want       []string
	}{
		{"en", "LANG=en_US.UTF-8", nil, []string{"no terminal here", "apply --answers answers.yaml --yes"}},
		{"ko", "LC_ALL=ko_KR.UTF-8", nil, []string{"터미널이 없습니다", "apply --answers answers.yaml --yes"}},
		{"command given", "LANG=C", []string{"version"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			inst := filepath.Join(t.TempDir(), "bin")
			start := time.Now()
			r := runInstall(t, dir, srv.URL, []string{"CWSETUP_INSTALL_DIR=" + inst, c.lang}, script, nil, c.args...)
			t.Logf("piped install took %v", time.Since(start).Round(time.Millisecond))
			if r.code != 0 {
				t.Fatalf("exit %d\nstderr: %s", r.code, r.stderr)
			}
			if _, err := os.Stat(filepath.Join(inst, "cwsetup")); err != nil {
				t.Errorf("not installed: %v", err)
			}
			for _, w := range c.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if c.args != nil && !strings.HasPrefix(r.stdout, "cwsetup "+testVersion+" ") {
				t.Errorf("'sh -s -- version' did not run cwsetup version: stdout %q", r.stdout)
			}
		})
	}
}

func TestInstallRejectsBadInput(t *testing.T) {
	dir := dist(t)
	requireTools(t, "sh")
	for _, c := range []struct {
		name, url string
		args      []string
		code      int
		want      string
	}{
		{"plain http elsewhere", "http://example.com/releases", nil, 2, "is not an https URL"},
		{"bad language", "", []string{"--lang", "fr"}, 2, `unsupported language "fr"`},
		{"version without value", "", []string{"--version"}, 2, "option --version needs a value"},
		{"bad version", "", []string{"--version", "1.0;rm"}, 2, `invalid version "1.0;rm"`},
		{"missing version", "", []string{"--version", "0.0.1", "--no-run"}, 1, "could not download"},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := serve(t, dir)
			url := c.url
			if url == "" {
				url = srv.URL
			}
			inst := filepath.Join(t.TempDir(), "bin")
			r := runInstall(t, dir, url, []string{"CWSETUP_INSTALL_DIR=" + inst, "LANG=C"}, nil, nil, c.args...)
			if r.code != c.code || !strings.Contains(r.stderr, c.want) {
				t.Errorf("exit %d, want %d with %q; stderr:\n%s", r.code, c.code, c.want, r.stderr)
			}
			if names := dirNames(t, inst); len(names) != 0 {
				t.Errorf("installed %v", names)
			}
		})
	}
}

// TestInstallUnprivileged runs the installer as an ordinary user (nobody)
// with no terminal: it may not write /usr/local/bin-like directories and
// cannot ask sudo for a password, so it must stop with a way out and
// install nothing; into a directory of its own it installs without sudo.
func TestInstallUnprivileged(t *testing.T) {
	dir := dist(t)
	hostArch(t)
	requireTools(t, "sh", "curl", "setpriv")
	if os.Geteuid() != 0 {
		t.Skip("needs root to switch to an unprivileged user")
	}
	srv := serve(t, dir)
	script, err := os.ReadFile(filepath.Join(dir, "install.sh"))
	if err != nil {
		t.Fatal(err)
	}
	// Directories nobody can use: a world-writable temp and home under /tmp.
	shared, err := os.MkdirTemp("", "cwsetup-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(shared) })
	if err := os.Chmod(shared, 0o1777); err != nil {
		t.Fatal(err)
	}
	asNobody := func(argv []string) []string {
		return append([]string{"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"}, argv...)
	}
	env := []string{"LANG=C", "TMPDIR=" + shared, "HOME=" + shared}

	rootOwned := filepath.Join(t.TempDir(), "bin") // under root's 0700 temp dir
	r := runInstall(t, dir, srv.URL, append(env, "CWSETUP_INSTALL_DIR="+rootOwned), script, asNobody, "--no-run")
	if r.code != 1 || !strings.Contains(r.stderr, "cannot write to "+rootOwned+": run as root, or choose a writable directory such as CWSETUP_INSTALL_DIR=$HOME/.local/bin") {
		t.Errorf("root-owned dir: exit %d, want 1 with the way out; stderr:\n%s", r.code, r.stderr)
	}
	if names := dirNames(t, rootOwned); len(names) != 0 {
		t.Errorf("installed %v", names)
	}

	own := filepath.Join(shared, ".local", "bin")
	r = runInstall(t, dir, srv.URL, append(env, "CWSETUP_INSTALL_DIR="+own), script, asNobody, "--no-run")
	if r.code != 0 {
		t.Fatalf("own dir: exit %d\nstderr: %s", r.code, r.stderr)
	}
	if strings.Contains(r.stderr, "sudo") {
		t.Errorf("used sudo for a writable directory:\n%s", r.stderr)
	}
	st, err := os.Stat(filepath.Join(own, "cwsetup"))
	if err != nil {
		t.Fatal(err)
	}
	if uid := st.Sys().(*syscall.Stat_t).Uid; uid != 65534 {
		t.Errorf("installed file owned by uid %d, want nobody (65534)", uid)
	}
}

// TestInstallKeepsWorkingBinary serves a correctly checksummed archive
// whose cwsetup cannot run here: the one already installed must stay, and
// no temporary file may be left beside it.
func TestInstallKeepsWorkingBinary(t *testing.T) {
	dir := dist(t)
	arch := hostArch(t)
	requireTools(t, "sh", "curl")
	rel := t.TempDir()
	archive := "cwsetup_linux_" + arch + ".tar.gz"
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	broken := []byte("#!/bin/sh\necho 'exec format error' >&2\nexit 126\n")
	if err := tw.WriteHeader(&tar.Header{Name: "cwsetup", Mode: 0o755, Size: int64(len(broken)), Typeflag: tar.TypeReg}); err != nil {
		t.Fatal(err)
	}
	tw.Write(broken)
	tw.Close()
	zw.Close()
	if err := os.WriteFile(filepath.Join(rel, archive), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(buf.Bytes())
	if err := os.WriteFile(filepath.Join(rel, "checksums.txt"), []byte(hex.EncodeToString(sum[:])+"  "+archive+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serve(t, rel)

	inst := filepath.Join(t.TempDir(), "bin")
	if err := os.MkdirAll(inst, 0o755); err != nil {
		t.Fatal(err)
	}
	old := []byte("#!/bin/sh\necho old\n")
	if err := os.WriteFile(filepath.Join(inst, "cwsetup"), old, 0o755); err != nil {
		t.Fatal(err)
	}
	r := runInstall(t, dir, srv.URL, []string{"CWSETUP_INSTALL_DIR=" + inst, "LANG=C"}, nil, nil)
	want := "the downloaded cwsetup does not run on this machine, so " + inst + "/cwsetup was left as it was"
	if r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("exit %d, want 1 with %q; stderr:\n%s", r.code, want, r.stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(inst, "cwsetup")); !bytes.Equal(got, old) {
		t.Error("a binary that does not run replaced the working one")
	}
	if names := dirNames(t, inst); len(names) != 1 {
		t.Errorf("install dir holds %v, want only the old cwsetup", names)
	}
}

// TestInstallWithOtherTools runs the installer where curl or sha256sum is
// missing (minimal images): a PATH of links to the real tools, without them.
func TestInstallWithOtherTools(t *testing.T) {
	dir := dist(t)
	hostArch(t)
	base := []string{"sh", "uname", "tar", "gzip", "awk", "cut", "mktemp", "mkdir", "chmod", "id", "dirname", "cp", "mv", "rm"}
	for _, c := range []struct {
		name  string
		tools []string
	}{
		{"wget and shasum", []string{"wget", "shasum", "perl"}},
		{"wget and openssl", []string{"wget", "openssl"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			requireTools(t, append(base, c.tools...)...)
			bin := t.TempDir()
			for _, tool := range append(base, c.tools...) {
				p, _ := exec.LookPath(tool)
				if err := os.Symlink(p, filepath.Join(bin, tool)); err != nil {
					t.Fatal(err)
				}
			}
			srv := serve(t, dir)
			inst := filepath.Join(t.TempDir(), "bin")
			onlyTools := func(argv []string) []string {
				return append([]string{"env", "PATH=" + bin, filepath.Join(bin, "sh")}, argv[1:]...)
			}
			r := runInstall(t, dir, srv.URL, []string{"CWSETUP_INSTALL_DIR=" + inst, "LANG=C"}, nil, onlyTools, "--no-run")
			if r.code != 0 {
				t.Fatalf("exit %d\nstderr: %s", r.code, r.stderr)
			}
			out, err := exec.Command(filepath.Join(inst, "cwsetup"), "version").Output()
			if err != nil || !strings.HasPrefix(string(out), "cwsetup "+testVersion+" ") {
				t.Errorf("installed cwsetup version: %v %q", err, out)
			}
		})
	}
	t.Run("no downloader", func(t *testing.T) {
		requireTools(t, base...)
		bin := t.TempDir()
		for _, tool := range base {
			p, _ := exec.LookPath(tool)
			if err := os.Symlink(p, filepath.Join(bin, tool)); err != nil {
				t.Fatal(err)
			}
		}
		srv := serve(t, dir)
		onlyTools := func(argv []string) []string {
			return append([]string{"env", "PATH=" + bin, filepath.Join(bin, "sh")}, argv[1:]...)
		}
		r := runInstall(t, dir, srv.URL, []string{"LANG=C"}, nil, onlyTools, "--no-run")
		if r.code != 1 || !strings.Contains(r.stderr, "neither curl nor wget is installed") {
			t.Errorf("exit %d, want 1 and the missing downloader named; stderr:\n%s", r.code, r.stderr)
		}
		if got := srv.requested(); len(got) != 0 {
			t.Errorf("requests %v", got)
		}
	})
}
