package render

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/internal/testpeer"
)

func TestRegrantUnits(t *testing.T) {
	p, s := RegrantUnits("/usr/local/bin/cwsetup", []string{"/var/log", "/var/log/mariadb"}, []string{"/srv/my app/logs", `/srv/100%"x`})
	for _, want := range []string{"PathChanged=/var/log\n", "PathChanged=/var/log/mariadb\n", "Unit=cwsetup-regrant.service\n", "WantedBy=multi-user.target\n"} {
		if !strings.Contains(string(p), want) {
			t.Errorf("path unit lacks %q:\n%s", want, p)
		}
	}
	want := `ExecStart="/usr/local/bin/cwsetup" regrant --lang en --allow-path "/srv/my app/logs" --allow-path "/srv/100%%\"x"` + "\n"
	if !strings.Contains(string(s), want) {
		t.Errorf("service:\n%s\nwant %s", s, want)
	}
	if !strings.Contains(string(s), "Type=oneshot\n") {
		t.Errorf("service is not oneshot:\n%s", s)
	}
}

// systemd itself accepts the units (systemd-analyze verify).
func TestRegrantUnitsVerify(t *testing.T) {
	if _, err := exec.LookPath("systemd-analyze"); err != nil {
		testpeer.Missing(t, "systemd-analyze not installed (scripts/peers.d/acl.sh installs systemd)")
	}
	dir := t.TempDir()
	p, s := RegrantUnits("/usr/bin/true", []string{"/var/log", "/var/log/nginx"}, []string{"/srv/my app/logs"})
	os.WriteFile(filepath.Join(dir, "cwsetup-regrant.path"), p, 0o644)
	os.WriteFile(filepath.Join(dir, "cwsetup-regrant.service"), s, 0o644)
	cmd := exec.Command("systemd-analyze", "verify", "./cwsetup-regrant.path", "./cwsetup-regrant.service")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}
