package host

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestProcessNames(t *testing.T) {
	dir := t.TempDir()
	mk := func(pid, comm, cmdline string) {
		d := filepath.Join(dir, "proc", pid)
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(d, "comm"), []byte(comm+"\n"), 0o644)
		os.WriteFile(filepath.Join(d, "cmdline"), []byte(cmdline), 0o644)
	}
	mk("1201", "nginx", "nginx: master process nginx\x00")
	mk("99", "java", "/usr/bin/java\x00-Dcatalina.base=/var/lib/tomcat10\x00org.apache.catalina.startup.Bootstrap\x00start\x00")
	mk("7", "kworker/0:1", "")
	os.MkdirAll(filepath.Join(dir, "proc", "sys"), 0o755)
	os.MkdirAll(filepath.Join(dir, "proc", "555"), 0o755) // vanished: no comm
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := r.ProcessNames()
	if err != nil {
		t.Fatal(err)
	}
	want := []ProcEntry{{7, "kworker/0:1"}, {99, "java"}, {1201, "nginx"}}
	if !slices.Equal(ps, want) {
		t.Fatalf("ProcessNames = %v, want %v", ps, want)
	}
	if c := r.ProcCmdline(99); len(c) != 4 || c[3] != "start" {
		t.Errorf("cmdline = %q", c)
	}
	if c := r.ProcCmdline(7); c != nil {
		t.Errorf("kernel thread cmdline = %q", c)
	}
	// The live /proc lists this test process.
	live, _ := Open("/")
	lp, err := live.ProcessNames()
	if err != nil || !slices.ContainsFunc(lp, func(p ProcEntry) bool { return p.PID == os.Getpid() }) {
		t.Errorf("live /proc: own pid %d not listed (%d entries, %v)", os.Getpid(), len(lp), err)
	}
}
