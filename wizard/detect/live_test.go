package detect

import (
	"os"
	"testing"

	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// TestLiveDaemons detects this machine with the real Debian daemons that
// scripts/peers.d/daemons.sh started.
func TestLiveDaemons(t *testing.T) {
	if os.Getenv("CWSETUP_LIVE_DAEMONS") != "1" {
		testpeer.Missing(t, "CWSETUP_LIVE_DAEMONS=1 is not set: run `. scripts/peers.d/daemons.sh` as root (make test does) to start nginx, apache2, php-fpm, mariadb, tomcat10 and rsyslog")
	}
	r, err := host.Open("/")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Detect(r)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OS.Family != "debian" || rep.Arch == "" {
		t.Errorf("os %+v arch %q", rep.OS, rep.Arch)
	}
	want := map[string]string{System: "rsyslog", Apache: "apache2", Nginx: "", PHPFPM: "", Tomcat: "tomcat10", MySQL: "mariadb"}
	got := map[string]Service{}
	for _, s := range rep.Services {
		got[s.Name] = s
	}
	for name, flavor := range want {
		s, ok := got[name]
		if !ok {
			t.Errorf("%s not detected", name)
			continue
		}
		if s.State != Running {
			t.Errorf("%s: state %s, evidence %v", name, s.State, s.Evidence)
		}
		if flavor != "" && s.Flavor != flavor {
			t.Errorf("%s: flavor %q, want %q", name, s.Flavor, flavor)
		}
		if len(s.Problems) > 0 {
			t.Errorf("%s: config problems %v", name, s.Problems)
		}
		checked := 0
		for _, l := range s.Logs {
			if !l.Exists {
				t.Errorf("%s: log %s does not exist", name, l.Path)
			}
			// Empty files (other_vhosts_access.log) have nothing to check;
			// every log with lines must parse with its reported format.
			if l.Size > 0 && !l.FormatChecked {
				t.Errorf("%s: %s not checked: %s %q", name, l.Path, l.Check, l.FailedLine)
			}
			if l.FormatChecked {
				checked++
			}
		}
		if name == MySQL {
			// Debian's mysqld_safe sends MariaDB's errors to syslog.
			if len(s.Skipped) != 1 || s.Skipped[0].Reason != SkipSyslog {
				t.Errorf("mysql: want its log reported as going to syslog, got logs %+v skipped %+v", s.Logs, s.Skipped)
			}
			continue
		}
		if checked == 0 {
			t.Errorf("%s: no log with a checked format: %+v", name, s.Logs)
		}
	}
	if s := got[Apache]; s.MPM != "event" {
		t.Errorf("apache MPM %q, want event", s.MPM)
	}
	if s := got[PHPFPM]; len(s.Pools) == 0 || s.Pools[0] != "www" {
		t.Errorf("php-fpm pools %v", s.Pools)
	}
}
