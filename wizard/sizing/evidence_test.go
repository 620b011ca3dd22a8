package sizing

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cwsetup/cwsetup/wizard/host"
)

func TestEvidence(t *testing.T) {
	dir := t.TempDir()
	for rel, c := range map[string]string{
		"var/log/kern.log": "2026-11-30T03:12:44.123456+09:00 web1 kernel: [81234.1] Out of memory: Kill process 951 (mysqld) score 512 or sacrifice child\n" +
			"Nov 30 04:00:01 web1 kernel: Memory cgroup out of memory: Killed process 77 (ja\x1b[2Jva) total-vm:1kB\n",
		"var/log/apache2/error.log":  "[Tue Nov 24 09:00:00.1 2026] [mpm_event:error] [pid 10:tid 1] AH00484: server reached MaxRequestWorkers setting, consider raising the MaxRequestWorkers setting\n",
		"var/log/php8.2-fpm.log":     "[24-Nov-2026 09:00:01] WARNING: [pool shop] server reached pm.max_children setting (5), consider raising it\n",
		"proc/sys/vm/swappiness":     "10\n",
		"var/log/journal/x/system.j": "binary",
	} {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, _ := host.Open(dir)
	e := ReadEvidence(r, Meminfo{SwapTotalKB: 1 << 20, SwapFreeKB: 1<<20 - 200<<10})
	if len(e.OOMKills) != 2 || e.OOMKills[0].Process != "mysqld" || e.OOMKills[0].When != "2026-11-30T03:12:44.123456+09:00" || e.OOMKills[1].Process != "ja[2Jva" {
		t.Errorf("OOM kills: %+v", e.OOMKills)
	}
	if e.MaxWorkersHits != 1 || len(e.FPMMaxChildren) != 1 || e.FPMMaxChildren[0].Pool != "shop" || e.Swappiness != 10 || e.SwapUsedMB != 200 || !e.JournalSkipped {
		t.Errorf("evidence: %+v", e)
	}
	// The journal (journalctl -k on the live system) adds what the text
	// logs lack, once.
	err := e.AddJournal(context.Background(), func(context.Context) ([]string, error) {
		return []string{
			"2026-11-30T03:12:44.123456+09:00 web1 kernel: Out of memory: Kill process 951 (mysqld) score 512 or sacrifice child",
			"2026-12-01T02:00:00+0900 web1 kernel: Out of memory: Killed process 4242 (php-fpm) total-vm:1kB",
		}, nil
	})
	if err != nil || len(e.OOMKills) != 3 || e.OOMKills[2].Source != "journal" || e.JournalSkipped {
		t.Errorf("journal: %v %+v", err, e.OOMKills)
	}
}
