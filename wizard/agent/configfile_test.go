package agent

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestWriteAtomicModeAndContent(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	p := filepath.Join(t.TempDir(), "bin", "config.json")
	if err := WriteAtomic(p, []byte(`{"a":1}`+"\n")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644 even under umask 077", st.Mode().Perm())
	}
	if _, err := os.Stat(p + TempSuffix); !os.IsNotExist(err) {
		t.Errorf("temp file left behind: %v", err)
	}
}

func TestBackupRestoreByteIdentical(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.json")
	// Odd bytes on purpose: no trailing newline, CRLF, non-ASCII.
	orig := []byte("{\r\n  \"agent\": {\"logfile\": \"/var/log/\xed\x95\x9c.log\"}\r\n}")
	if err := os.WriteFile(p, orig, 0o600); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 25, 7, 30, 0, 0, time.UTC)
	b, err := Backup(p, now)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(b) != "config.json.bak.20261125T073000Z" {
		t.Errorf("backup name %s", b)
	}
	if err := WriteAtomic(p, []byte("{}\n")); err != nil {
		t.Fatal(err)
	}
	if err := Restore(p, b); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	if !bytes.Equal(got, orig) {
		t.Fatalf("restored %q, want %q", got, orig)
	}
	// A second backup in the same second gets its own name.
	b2, err := Backup(p, now)
	if err != nil || b2 == b {
		t.Fatalf("second backup %q (%v) collides with %q", b2, err, b)
	}
}

func TestBackupOfMissingFile(t *testing.T) {
	b, err := Backup(filepath.Join(t.TempDir(), "config.json"), time.Now())
	if err != nil || b != "" {
		t.Fatalf("Backup of a missing file = %q, %v", b, err)
	}
}

func TestPruneBackupsKeepsNewest(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.json")
	os.WriteFile(p, []byte("x"), 0o644)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var made []string
	for i := 0; i < 7; i++ {
		b, err := Backup(p, base.Add(time.Duration(i)*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, b)
	}
	removed, err := PruneBackups(p, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(removed) != 4 || removed[0] != made[0] || removed[3] != made[3] {
		t.Errorf("removed %v", removed)
	}
	left, _ := Backups(p)
	if len(left) != 3 || left[2] != made[6] {
		t.Errorf("left %v", left)
	}
}

// TestCrashMidWrite kills a child process between fsync of the temp file
// and the rename: the real file must be intact, the temp file left, and
// the next write must succeed and clean it up.
func TestCrashMidWrite(t *testing.T) {
	if p := os.Getenv("CWSETUP_CRASH_WRITE"); p != "" {
		testHookBeforeRename = func(string) { syscall.Kill(os.Getpid(), syscall.SIGKILL) }
		WriteAtomic(p, []byte("NEW CONFIG\n"))
		os.Exit(0) // not reached
	}
	p := filepath.Join(t.TempDir(), "config.json")
	old := []byte("OLD CONFIG\n")
	os.WriteFile(p, old, 0o644)
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashMidWrite$")
	cmd.Env = append(os.Environ(), "CWSETUP_CRASH_WRITE="+p)
	err := cmd.Run()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child did not die by SIGKILL: %v", err)
	}
	if got, _ := os.ReadFile(p); !bytes.Equal(got, old) {
		t.Fatalf("real file after crash = %q, want the old one", got)
	}
	if got, err := os.ReadFile(p + TempSuffix); err != nil || string(got) != "NEW CONFIG\n" {
		t.Fatalf("temp file after crash = %q, %v", got, err)
	}
	if err := WriteAtomic(p, []byte("NEWER\n")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); string(got) != "NEWER\n" {
		t.Fatalf("after retry %q", got)
	}
	if _, err := os.Stat(p + TempSuffix); !os.IsNotExist(err) {
		t.Fatal("stale temp file not replaced")
	}
}
