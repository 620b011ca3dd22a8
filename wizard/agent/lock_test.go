package agent

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
)

func TestLockRefusesSecondHolder(t *testing.T) {
	p := filepath.Join(t.TempDir(), "var/lib/cwsetup/apply.lock")
	l, err := AcquireLock(p)
	if err != nil {
		t.Fatal(err)
	}
	_, err = AcquireLock(p)
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.Key != i18n.ApplyErrLocked {
		t.Fatalf("second lock: %v", err)
	}
	if ie.Args[0] != strconv.Itoa(os.Getpid()) {
		t.Errorf("holder %v, want our pid", ie.Args[0])
	}
	ko := i18n.New(i18n.KO).Error(err)
	if !strings.Contains(ko, "다른 cwsetup") {
		t.Errorf("Korean message %q", ko)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	l2, err := AcquireLock(p)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	l2.Release()
}

// TestLockAcrossProcesses holds the lock in a child process.
func TestLockAcrossProcesses(t *testing.T) {
	if p := os.Getenv("CWSETUP_HOLD_LOCK"); p != "" {
		l, err := AcquireLock(p)
		if err != nil {
			os.Exit(3)
		}
		os.WriteFile(p+".held", nil, 0o644)
		time.Sleep(5 * time.Second)
		l.Release()
		os.Exit(0)
	}
	p := filepath.Join(t.TempDir(), "apply.lock")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockAcrossProcesses$")
	cmd.Env = append(os.Environ(), "CWSETUP_HOLD_LOCK="+p)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	for i := 0; i < 200; i++ {
		if _, err := os.Stat(p + ".held"); err == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	_, err := AcquireLock(p)
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.Key != i18n.ApplyErrLocked || ie.Args[0] != strconv.Itoa(cmd.Process.Pid) {
		t.Fatalf("lock held by child %d: got %v", cmd.Process.Pid, err)
	}
	// The kernel drops the lock when the holder dies.
	cmd.Process.Kill()
	cmd.Wait()
	l, err := AcquireLock(p)
	if err != nil {
		t.Fatalf("after the holder died: %v", err)
	}
	l.Release()
}

// TestLockRefusesSymlink: a lock path planted as a link (inside --root, so
// containment does not catch it) must not truncate what it points at.
func TestLockRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "precious")
	if err := os.WriteFile(target, []byte("keep me\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "apply.lock")
	if err := os.Symlink(target, p); err != nil {
		t.Fatal(err)
	}
	l, err := AcquireLock(p)
	if err == nil {
		l.Release()
		t.Fatal("lock through a symlink was taken")
	}
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.Key != i18n.ApplyErrLockOpen {
		t.Errorf("error %v, want ApplyErrLockOpen", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep me\n" {
		t.Errorf("target now %q", b)
	}
}
