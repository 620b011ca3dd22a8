// Package ctltest builds the stand-in amazon-cloudwatch-agent-ctl
// (internal/fakectl) once per test binary and installs it into fixture
// roots. For tests only.
package ctltest

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/cwsetup/cwsetup/internal/testpeer"
)

// CtlRel is the ctl's path inside a root.
const CtlRel = "opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl"

var (
	once  sync.Once
	built string
	err   error
)

// Build compiles the stand-in (once per test binary) and returns its path.
// The binary lives at one fixed place per checkout in the temp directory,
// replaced atomically, so test runs do not pile up copies and test
// binaries running in parallel do not disturb each other.
func Build(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		sum := sha256.Sum256([]byte(testpeer.RepoRoot()))
		dir := filepath.Join(os.TempDir(), "cwsetup-fakectl-"+hex.EncodeToString(sum[:6]))
		if err = os.MkdirAll(dir, 0o755); err != nil {
			return
		}
		tmp, e := os.MkdirTemp(dir, "build-")
		if e != nil {
			err = e
			return
		}
		defer os.RemoveAll(tmp)
		out := filepath.Join(tmp, "amazon-cloudwatch-agent-ctl")
		cmd := exec.Command("go", "build", "-o", out, "./internal/fakectl")
		cmd.Dir = testpeer.RepoRoot()
		if o, e := cmd.CombinedOutput(); e != nil {
			err = &buildError{out: string(o), err: e}
			return
		}
		built = filepath.Join(dir, "amazon-cloudwatch-agent-ctl")
		err = os.Rename(out, built)
	})
	if err != nil {
		t.Fatalf("building the stand-in ctl: %v", err)
	}
	return built
}

type buildError struct {
	out string
	err error
}

func (b *buildError) Error() string { return b.err.Error() + "\n" + b.out }

// Install puts the stand-in into root as the agent's ctl, with a version
// file, points it at the agent's real schema (from ../shared) through the
// environment, and stops its background agent when the test ends.
func Install(t testing.TB, root string) string {
	t.Helper()
	schema := testpeer.Shared(t, "reference/agent-config.schema.json")
	t.Setenv("CWSETUP_FAKECTL_SCHEMA", schema)
	src := Build(t)
	dst := filepath.Join(root, CtlRel)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(filepath.Dir(dst), "CWAGENT_VERSION"), []byte("1.300071.0\n"), 0o644)
	t.Cleanup(func() { exec.Command(dst, "-a", "stop").Run() })
	return dst
}
