// Package testpeer is for tests only: it decides what happens when a real
// test peer (a daemon, moto_server, tmux, the ../shared reference files) is
// missing — skip on a developer machine, fail under CI=true — and finds
// files shared by the project's tests.
package testpeer

import (
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// CI reports whether the tests run in CI, where every peer must be present.
func CI() bool { return os.Getenv("CI") == "true" }

// Missing stops the test because a peer is absent: t.Fatal under CI,
// t.Skip elsewhere. why says what is missing and how to get it.
func Missing(t testing.TB, why string) {
	t.Helper()
	if CI() {
		t.Fatalf("test peer missing under CI=true: %s", why)
	}
	t.Skipf("skipped, test peer missing: %s", why)
}

// RepoRoot is the repository's top directory.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Testdata returns a path under the repository's testdata/.
func Testdata(elem ...string) string {
	return filepath.Join(append([]string{RepoRoot(), "testdata"}, elem...)...)
}

// Shared returns the path of a file in ../shared (beside the repository),
// which tests read but the project never copies. When it is absent the
// test skips, or fails under CI=true.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(RepoRoot(), "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		Missing(t, "../shared/"+rel+" not found (the project's shared reference folder beside the repository)")
	}
	return p
}

// AgentUserLock serializes, across test binaries, the tests that create,
// use or remove this machine's own cwagent user (wizard/agent's ACL
// tests, the live apply test): go test runs packages in parallel. Held
// until the test and its later-registered cleanups are done.
func AgentUserLock(t testing.TB) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "cwsetup-agent-user.lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	})
}
