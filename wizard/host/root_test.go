package host

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
)

func mkroot(t *testing.T) Root {
	t.Helper()
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "var/log/httpd"), 0o755))
	must(os.MkdirAll(filepath.Join(dir, "etc/httpd"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "var/log/httpd/error_log"), []byte("x\n"), 0o644))
	// Absolute link, as on a real RHEL host: /etc/httpd/logs -> /var/log/httpd.
	must(os.Symlink("/var/log/httpd", filepath.Join(dir, "etc/httpd/logs")))
	must(os.Symlink("loop2", filepath.Join(dir, "etc/loop1")))
	must(os.Symlink("loop1", filepath.Join(dir, "etc/loop2")))
	r, err := Open(dir)
	must(err)
	return r
}

func TestResolveInsideRoot(t *testing.T) {
	r := mkroot(t)
	got, err := r.Resolve("/etc/httpd/logs/error_log")
	if err != nil || got != "/var/log/httpd/error_log" {
		t.Fatalf("Resolve = %q, %v", got, err)
	}
	b, err := r.ReadFile("/etc/httpd/logs/error_log")
	if err != nil || string(b) != "x\n" {
		t.Fatalf("ReadFile through link: %q %v", b, err)
	}
	m, err := r.Glob("/etc/httpd/logs/*_log")
	if err != nil || len(m) != 1 || m[0] != "/etc/httpd/logs/error_log" {
		t.Fatalf("Glob = %v %v", m, err)
	}
}

func TestSymlinkLoop(t *testing.T) {
	r := mkroot(t)
	if _, err := r.ReadFile("/etc/loop1"); !errors.Is(err, ErrLinkLoop) {
		t.Fatalf("loop not reported: %v", err)
	}
}

func TestOpenBadRoot(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "nope"))
	if !i18n.IsUsage(err) || !strings.Contains(i18n.New(i18n.KO).Error(err), "경로가 없습니다") {
		t.Fatalf("missing root: %v", err)
	}
	f := filepath.Join(t.TempDir(), "file")
	os.WriteFile(f, nil, 0o644)
	if _, err := Open(f); !i18n.IsUsage(err) {
		t.Fatalf("file as root: %v", err)
	}
}

func TestProcesses(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "proc/42")
	os.MkdirAll(p, 0o755)
	os.WriteFile(filepath.Join(p, "comm"), []byte("php-fpm8.2\n"), 0o644)
	os.WriteFile(filepath.Join(p, "cmdline"), []byte("php-fpm: pool www\x00"), 0o644)
	os.WriteFile(filepath.Join(p, "stat"), []byte("42 (php-fpm8.2) S 7 42 42 0 -1"), 0o644)
	os.Symlink("/usr/sbin/php-fpm8.2", filepath.Join(p, "exe"))
	os.MkdirAll(filepath.Join(dir, "proc/self"), 0o755)
	r, _ := Open(dir)
	ps, err := r.Processes()
	if err != nil || len(ps) != 1 {
		t.Fatalf("%v %v", ps, err)
	}
	got := ps[0]
	if got.PID != 42 || got.PPID != 7 || got.Comm != "php-fpm8.2" || got.Args() != "php-fpm: pool www" || got.Exe != "/usr/sbin/php-fpm8.2" {
		t.Fatalf("%+v", got)
	}
}

func TestLiveProcesses(t *testing.T) {
	r, err := Open("/")
	if err != nil {
		t.Fatal(err)
	}
	ps, err := r.Processes()
	if err != nil {
		t.Fatal(err)
	}
	self := os.Getpid()
	for _, p := range ps {
		if p.PID == self {
			if p.PPID != os.Getppid() {
				t.Errorf("ppid %d want %d", p.PPID, os.Getppid())
			}
			return
		}
	}
	t.Fatal("own process not found in /proc")
}
