package detect

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// copyTree copies a fixture root, symlinks as symlinks.
func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			l, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(l, target)
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(target, b, 0o644)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

// busyRoot is the Ubuntu 24.04 fixture plus n processes of a busy host:
// shells, kernel threads, php-fpm and apache workers, and some java
// processes that are not Tomcat (their cmdline must be read).
func busyRoot(t testing.TB, n int) host.Root {
	dir := t.TempDir()
	copyTree(t, testpeer.Testdata("roots", "ubuntu2404"), dir)
	kinds := []struct{ comm, cmdline string }{
		{"kworker/0:1", ""},
		{"bash", "-bash\x00"},
		{"sshd", "sshd: ubuntu@pts/0\x00"},
		{"apache2", "/usr/sbin/apache2\x00-k\x00start\x00"},
		{"php-fpm8.3", "php-fpm: pool www\x00"},
		{"python3", "/usr/bin/python3\x00/usr/bin/networkd-dispatcher\x00"},
		{"cron", "/usr/sbin/cron\x00-f\x00-P\x00"},
		{"java", "/usr/bin/java\x00-jar\x00/opt/app/worker.jar\x00"},
	}
	for i := 0; i < n; i++ {
		k := kinds[i%len(kinds)]
		if k.comm == "java" && i > 80 {
			k = kinds[1] // a handful of JVMs, not hundreds
		}
		d := filepath.Join(dir, "proc", fmt.Sprint(20000+i))
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(d, "comm"), []byte(k.comm+"\n"), 0o644)
		os.WriteFile(filepath.Join(d, "cmdline"), []byte(k.cmdline), 0o644)
		os.WriteFile(filepath.Join(d, "stat"), []byte(fmt.Sprintf("%d (%s) S 1 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 100 0 0\n", 20000+i, k.comm)), 0o644)
	}
	r, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// BenchmarkDetect: the target is ≤ 30 ms per run with 1,000 processes.
func BenchmarkDetect(b *testing.B) {
	r := busyRoot(b, 1000)
	rep, err := Detect(r)
	if err != nil || len(rep.Services) != 4 {
		b.Fatalf("detect on the busy root: %v %+v", err, rep)
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := Detect(r); err != nil {
			b.Fatal(err)
		}
	}
	// Wall time swings with other load on the machine; CPU time per run
	// (user+system, this process) shows the work itself.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// The busy root gives the same services as the plain fixture: the extra
// processes (including JVMs that are not Tomcat) change nothing.
func TestBusyRootSameServices(t *testing.T) {
	busy, err := Detect(busyRoot(t, 1000))
	if err != nil {
		t.Fatal(err)
	}
	plain := detectRoot(t, "ubuntu2404")
	if len(busy.Services) != len(plain.Services) {
		t.Fatalf("busy %d services, plain %d", len(busy.Services), len(plain.Services))
	}
	for i := range busy.Services {
		if busy.Services[i].Name != plain.Services[i].Name || busy.Services[i].State != plain.Services[i].State {
			t.Errorf("service %d: %s/%s vs %s/%s", i, busy.Services[i].Name, busy.Services[i].State, plain.Services[i].Name, plain.Services[i].State)
		}
	}
}

// BenchmarkDetectIncludeExplosion: 5,000 php-fpm pool files that each
// include /etc/php-fpm.d/*.conf. The target is ≤ 5 s per run (it was a
// hang); each file is read once, so it is linear in the files.
func BenchmarkDetectIncludeExplosion(b *testing.B) {
	dir := b.TempDir()
	testpeer.PoolExplosion(b, dir, 5000)
	r, err := host.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		rep, err := Detect(r)
		if err != nil || len(rep.Services) != 1 || len(rep.Services[0].Pools) != 5000 || len(rep.Services[0].Problems) != 1 {
			b.Fatalf("detect: %v %+v", err, rep)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}
