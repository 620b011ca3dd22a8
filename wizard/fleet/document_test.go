package fleet

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
)

func TestParseChecksums(t *testing.T) {
	a, b := strings.Repeat("a", 64), strings.Repeat("B", 64)
	got, err := ParseChecksums([]byte(a + "  cwsetup_linux_amd64.tar.gz\n" + b + " *cwsetup_linux_arm64.tar.gz\n" +
		strings.Repeat("c", 64) + "  install.sh\n\ngarbage line here\n"))
	if err != nil || got["amd64"] != a || got["arm64"] != strings.ToLower(b) || len(got) != 2 {
		t.Fatalf("%v %v", got, err)
	}
	for _, bad := range []string{"", strings.Repeat("c", 64) + "  install.sh\n", "abc  cwsetup_linux_amd64.tar.gz\n",
		a + "  cwsetup_linux_amd64.tar.gz\n" + strings.Repeat("d", 64) + "  cwsetup_linux_amd64.tar.gz\n"} {
		if _, err := ParseChecksums([]byte(bad)); !i18n.IsUsage(err) {
			t.Errorf("%q accepted: %v", bad, err)
		}
	}
	spec := DocumentSpec{Version: "1.2.3", ReleaseURL: DefaultReleaseURL}
	for _, bad := range []map[string]string{nil, {"amd64": "x"}, {"386": a}, {"amd64": a + "'; id #"}} {
		spec.SHA256 = bad
		if err := spec.ValidateDigests(); !i18n.IsUsage(err) {
			t.Errorf("digests %v accepted", bad)
		}
	}
	if got := spec.ChecksumsURL(); got != DefaultReleaseURL+"/download/v1.2.3/checksums.txt" {
		t.Error(got)
	}
}

// fakeRelease is a release archive whose cwsetup is a shell script
// reporting version v and echoing its arguments.
func fakeRelease(t *testing.T, v string) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	body := "#!/bin/sh\ncase $1 in version) echo \"cwsetup " + v + " (test)\" ;; *) echo \"ran $*\" ;; esac\n"
	tw.WriteHeader(&tar.Header{Name: "cwsetup", Mode: 0o755, Size: int64(len(body))})
	tw.Write([]byte(body))
	tw.Close()
	gz.Close()
	return buf.Bytes()
}

func digest(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// TestDocumentScriptTrustsOnlyThePinnedDigest runs the document's script
// with sh against a local release server: the instance side of the trust
// chain. It never reads checksums.txt (a tampered one changes nothing),
// refuses an archive whose digest is not the pinned one, refuses a binary
// of another version, and uses a packaged cwsetup at the pinned version.
func TestDocumentScriptTrustsOnlyThePinnedDigest(t *testing.T) {
	for _, tool := range []string{"sh", "curl", "sha256sum", "tar", "od"} {
		if _, err := exec.LookPath(tool); err != nil {
			testpeer.Missing(t, tool+" not on PATH")
		}
	}
	arch := map[string]string{"amd64": "amd64", "arm64": "arm64"}[runtime.GOARCH]
	if arch == "" {
		t.Skipf("no release for %s", runtime.GOARCH)
	}
	good, old := fakeRelease(t, "1.2.3"), fakeRelease(t, "1.2.2")
	var mu sync.Mutex
	files := map[string][]byte{}
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		paths = append(paths, r.URL.Path)
		b, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	}))
	defer srv.Close()
	dir := "/download/v1.2.3/"
	serve := func(archive []byte) {
		mu.Lock()
		defer mu.Unlock()
		paths = nil
		files[dir+ArchiveName(arch)] = archive
		// A hostile checksums file matching whatever is served: never read.
		files[dir+"checksums.txt"] = []byte(digest(archive) + "  " + ArchiveName(arch) + "\n")
	}
	run := func(t *testing.T, pinned, installDir, packaged string) (int, string, string) {
		t.Helper()
		spec := DocumentSpec{Version: "1.2.3", ReleaseURL: srv.URL, SHA256: map[string]string{arch: pinned}}
		script := strings.ReplaceAll(strings.Join(RunCommand(spec), "\n"), "{{ answers }}", "/cwsetup/web:1") + "\n"
		c := exec.Command("sh", "-c", script)
		c.Env = append(os.Environ(), "CWSETUP_INSTALL_DIR="+installDir, "CWSETUP_PACKAGED="+packaged,
			"CWSETUP_JITTER=0", "TMPDIR="+t.TempDir())
		var o, e bytes.Buffer
		c.Stdout, c.Stderr = &o, &e
		err := c.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), o.String(), e.String()
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, o.String(), e.String()
	}
	noPkg := filepath.Join(t.TempDir(), "none")
	requested := func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), paths...)
	}

	t.Run("pinned archive installs and runs", func(t *testing.T) {
		serve(good)
		bin := t.TempDir()
		code, out, errOut := run(t, digest(good), bin, noPkg)
		if code != 0 || !strings.Contains(out, "ran apply --answers-ssm /cwsetup/web:1 --yes") {
			t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
		}
		if strings.Join(requested(), " ") != dir+ArchiveName(arch) {
			t.Errorf("downloads %v: only the archive, never checksums.txt", requested())
		}
		serve(good)
		if code, _, _ := run(t, digest(good), bin, noPkg); code != 0 || len(requested()) != 0 {
			t.Errorf("second run exit %d downloads %v", code, requested())
		}
	})
	t.Run("tampered archive with matching checksums.txt", func(t *testing.T) {
		serve(append(bytes.Clone(good), 0))
		bin := t.TempDir()
		code, out, _ := run(t, digest(good), bin, noPkg)
		res, ok := ParseResult(out)
		if code != 1 || !ok || res.Step != StepInstall || !strings.Contains(res.Summary, "checksum mismatch") {
			t.Errorf("exit %d result %+v", code, res)
		}
		if ents, _ := os.ReadDir(bin); len(ents) != 0 {
			t.Errorf("installed %v", ents)
		}
	})
	t.Run("pinned digest of another version", func(t *testing.T) {
		// What a tampered checksums file at pinning time could name: a
		// genuine older archive. The version check refuses it.
		serve(old)
		bin := t.TempDir()
		code, out, _ := run(t, digest(old), bin, noPkg)
		res, ok := ParseResult(out)
		if code != 1 || !ok || !strings.Contains(res.Summary, "is version 1.2.2, not 1.2.3") {
			t.Errorf("exit %d result %+v", code, res)
		}
		if ents, _ := os.ReadDir(bin); len(ents) != 0 {
			t.Errorf("installed %v", ents)
		}
	})
	t.Run("no digest for this architecture", func(t *testing.T) {
		serve(good)
		code, out, _ := run(t, "", t.TempDir(), noPkg)
		if res, ok := ParseResult(out); code != 1 || !ok || !strings.Contains(res.Summary, "pins no SHA-256") || len(requested()) != 0 {
			t.Errorf("exit %d result %+v downloads %v", code, res, requested())
		}
	})
	t.Run("packaged cwsetup at the pinned version", func(t *testing.T) {
		serve(good)
		pkgDir := t.TempDir()
		pkg := filepath.Join(pkgDir, "cwsetup")
		os.WriteFile(pkg, []byte("#!/bin/sh\ncase $1 in version) echo 'cwsetup 1.2.3 (deb)' ;; *) echo \"packaged $*\" ;; esac\n"), 0o755)
		bin := t.TempDir()
		code, out, _ := run(t, digest(good), bin, pkg)
		if code != 0 || !strings.Contains(out, "packaged apply") || len(requested()) != 0 {
			t.Errorf("exit %d out %q downloads %v", code, out, requested())
		}
		// At another version it is not used: the pinned archive is.
		os.WriteFile(pkg, []byte("#!/bin/sh\necho 'cwsetup 1.0.0 (deb)'\n"), 0o755)
		code, out, _ = run(t, digest(good), bin, pkg)
		if code != 0 || !strings.Contains(out, "ran apply") || len(requested()) != 1 {
			t.Errorf("old package: exit %d out %q downloads %v", code, out, requested())
		}
	})
}
