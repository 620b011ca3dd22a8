package detect

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/host"
)

var update = flag.Bool("update", false, "rewrite testdata/detect/*.json from the fixture roots")

// roots are the fixture roots under testdata/roots with a golden each.
var roots = []string{"al2023", "al2", "rocky8", "rhel9", "ubuntu2404", "debian12"}

func detectRoot(t testing.TB, name string) *Report {
	t.Helper()
	r, err := host.Open(testpeer.Testdata("roots", name))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Detect(r)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rep
}

func marshal(t testing.TB, rep *Report) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rep); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestFixtureRootsGolden(t *testing.T) {
	for _, name := range roots {
		t.Run(name, func(t *testing.T) {
			got := marshal(t, detectRoot(t, name))
			golden := testpeer.Testdata("detect", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./wizard/detect -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("detect --json for %s differs from %s (rerun with -update after checking):\n%s", name, golden, got)
			}
		})
	}
}

// What each fixture is there to show, asserted independently of the goldens.
func TestFixtureRootsFacts(t *testing.T) {
	svc := func(rep *Report, name string) Service {
		for _, s := range rep.Services {
			if s.Name == name {
				return s
			}
		}
		t.Fatalf("%s not detected in %+v", name, rep.Services)
		return Service{}
	}
	log := func(s Service, p string) Log {
		for _, l := range s.Logs {
			if l.Path == p {
				return l
			}
		}
		t.Fatalf("%s: no log %s in %+v", s.Name, p, s.Logs)
		return Log{}
	}

	al2023 := detectRoot(t, "al2023")
	if al2023.OS.Family != "amzn" || al2023.Arch != "arm64" {
		t.Errorf("al2023 os %+v arch %s", al2023.OS, al2023.Arch)
	}
	if s := svc(al2023, System); s.Flavor != "journald" || s.Logs[0].Path != "journald" || !s.Logs[0].Exists {
		t.Errorf("al2023 system %+v", s)
	}
	fpm := svc(al2023, PHPFPM)
	if slow := log(fpm, "/var/log/php-fpm/www-slow.log"); !slow.FormatChecked || slow.MultiLineStartPattern != "{timestamp_format}" {
		t.Errorf("slowlog ($pool expanded) %+v", slow)
	}
	if l := log(fpm, "/var/log/php-fpm/www-error.log"); l.TimestampFormat != "%d-%b-%Y %H:%M:%S %Z" || !l.FormatChecked {
		t.Errorf("php error log %+v", l)
	}
	if l := log(svc(al2023, Nginx), "/var/log/nginx/shop.access.log"); !l.FormatChecked || !strings.HasPrefix(l.Source, "/etc/nginx/conf.d/shop.conf:") {
		t.Errorf("included nginx site log %+v", l)
	}

	al2 := detectRoot(t, "al2")
	if !al2.Agent.Installed || !al2.Agent.Running || al2.Agent.Version != "1.300049.1b929" || al2.Agent.ConfigPath == "" {
		t.Errorf("al2 agent %+v", al2.Agent)
	}
	ap := svc(al2, Apache)
	if ap.MPM != "prefork" || ap.Flavor != "httpd" {
		t.Errorf("al2 apache %s %s", ap.Flavor, ap.MPM)
	}
	if l := log(ap, "/var/log/httpd/api_access_log"); l.FormatChecked || l.Check != CheckMismatch ||
		l.FailedLine != `2026-11-24T21:18:06 10.0.2.31 "POST /v1/orders HTTP/1.1" 201 40122` {
		t.Errorf("a mismatching format must be reported with its line: %+v", l)
	}
	if l := log(ap, "/var/log/httpd/api_access_log"); l.SuggestedFormat != "%Y-%m-%dT%H:%M:%S" {
		t.Errorf("suggestion for ISO times: %q", l.SuggestedFormat)
	}
	if len(ap.Skipped) != 1 || ap.Skipped[0].Reason != SkipPiped {
		t.Errorf("piped CustomLog: %+v", ap.Skipped)
	}
	// logs/ is a link to /var/log/httpd: the real path is reported.
	log(ap, "/var/log/httpd/error_log")

	rocky := detectRoot(t, "rocky8")
	if s := svc(rocky, MySQL); s.Flavor != "mariadb" || !log(s, "/var/log/mariadb/mariadb.log").FormatChecked {
		t.Errorf("rocky8 mariadb %+v", s)
	}
	// The fixture's secure is a symlink loop: said as it is, not "run as root".
	if l := log(svc(rocky, System), "/var/log/secure"); l.Check != CheckError || !strings.Contains(l.CheckError, "symbolic links") {
		t.Errorf("unreadable secure: %+v", l)
	}
	if svc(rocky, Apache).MPM != "prefork" {
		t.Error("rocky8 MPM")
	}

	rhel := detectRoot(t, "rhel9")
	tc := svc(rhel, Tomcat)
	if tc.State != Running || len(tc.Evidence) == 0 || !strings.HasPrefix(tc.Evidence[0], "process 1650 java") {
		t.Errorf("tomcat must be the Bootstrap java, not the jar: %+v", tc)
	}
	if l := log(tc, "/var/log/tomcat/catalina.*.log"); !l.FormatChecked || l.Size == 0 {
		t.Errorf("catalina glob %+v", l)
	}
	my := svc(rhel, MySQL)
	if l := log(my, "/var/log/mysql/mysqld.log"); l.Timezone != "UTC" || !l.FormatChecked {
		t.Errorf("mysql 8 log %+v", l)
	}
	if l := log(my, "/var/log/mysql/slow.log"); l.MultiLineStartPattern != "^# Time: " || !l.FormatChecked {
		t.Errorf("slow log %+v", l)
	}
	if s := svc(rhel, Redis); s.State != Installed || log(s, "/var/log/redis/redis.log").Exists {
		t.Errorf("redis %+v", s)
	}

	ub := detectRoot(t, "ubuntu2404")
	if s := svc(ub, Apache); s.MPM != "event" || s.Flavor != "apache2" {
		t.Errorf("ubuntu apache %+v", s)
	}
	if s := svc(ub, PHPFPM); s.Flavor != "php-fpm8.3" || len(s.Pools) != 1 {
		t.Errorf("ubuntu php-fpm %+v", s)
	}
	if l := log(svc(ub, System), "/var/log/syslog"); l.TimestampFormat != "%Y-%m-%dT%H:%M:%S.%f" || !l.FormatChecked {
		t.Errorf("ubuntu 24.04 RFC 3339 syslog %+v", l)
	}
	if ub.Agent.Running || !ub.Agent.Installed || ub.Agent.ConfigPath != "" {
		t.Errorf("ubuntu agent %+v", ub.Agent)
	}

	deb := detectRoot(t, "debian12")
	if s := svc(deb, System); s.Flavor != "journald" {
		t.Errorf("debian12 without rsyslog: %+v", s)
	}
	if l := log(svc(deb, Nginx), "/var/log/nginx/error.log"); l.Check != CheckEmpty || l.FormatChecked {
		t.Errorf("empty error.log %+v", l)
	}
	if s := svc(deb, MySQL); s.State != Installed || s.Evidence[0] != "package mariadb-server" {
		t.Errorf("dpkg-only mariadb %+v", s)
	}
}

// mkroot writes files under a temp root; "->target" values are symlinks.
func mkroot(t testing.TB, files map[string]string) host.Root {
	t.Helper()
	dir := t.TempDir()
	for p, c := range files {
		lp := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(lp), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		if strings.HasPrefix(c, "->") {
			err = os.Symlink(c[2:], lp)
		} else if c == "<dir>" {
			err = os.MkdirAll(lp, 0o755)
		} else {
			err = os.WriteFile(lp, []byte(c), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	r, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestBadRoots(t *testing.T) {
	en := i18n.New(i18n.EN)
	ko := i18n.New(i18n.KO)
	cases := []struct {
		name  string
		files map[string]string
		want  string // in the English message
		key   i18n.Key
	}{
		{"no os-release", map[string]string{"/etc/hostname": "x\n"}, "has no etc/os-release", i18n.ErrNoOSRelease},
		{"garbage", map[string]string{"/etc/os-release": "NAME=Debian\nthis is not a release file\nID=debian\n"}, "line 2 is not a KEY=value line: this is not a release file", i18n.ErrOSReleaseBad},
		{"binary", map[string]string{"/etc/os-release": "ID=x\n\x7fELF\x02\x01\x01\x00\xff\xfe"}, "line 2", i18n.ErrOSReleaseBad},
		{"unterminated quote", map[string]string{"/etc/os-release": "ID=\"debian\nVERSION_ID=12\n"}, "line 1", i18n.ErrOSReleaseBad},
		{"no ID", map[string]string{"/etc/os-release": "NAME=\"Some Linux\"\n"}, "has no ID= line", i18n.ErrOSReleaseNoID},
		{"symlink loop", map[string]string{"/etc/os-release": "->os-release"}, "too many levels of symbolic links", i18n.ErrOSReleaseRead},
		{"a directory", map[string]string{"/etc/os-release": "<dir>"}, "not a regular file", i18n.ErrOSReleaseRead},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Detect(mkroot(t, c.files))
			var ie *i18n.Error
			if !errors.As(err, &ie) || ie.Key != c.key || !i18n.IsUsage(err) {
				t.Fatalf("err = %#v, want usage error %s", err, c.key)
			}
			if msg := en.Error(err); !strings.Contains(msg, c.want) {
				t.Errorf("message %q lacks %q", msg, c.want)
			}
			if msg := ko.Error(err); !strings.ContainsAny(msg, "없습니다다") || msg == en.Error(err) {
				t.Errorf("Korean message %q", msg)
			}
		})
	}
}

// A usable root whose service configs and logs are broken: detection
// reports what it could not read and never fails or hangs.
func TestBrokenConfigsAndLogs(t *testing.T) {
	r := mkroot(t, map[string]string{
		"/etc/os-release":                   "ID=rocky\nID_LIKE=\"rhel centos fedora\"\nVERSION_ID=9.4\n",
		"/proc/10/comm":                     "httpd\n",
		"/proc/11/comm":                     "nginx\n",
		"/proc/12/comm":                     "rsyslogd\n",
		"/etc/httpd/conf/httpd.conf":        "ServerRoot /etc/httpd\nInclude conf.d/*.conf\nErrorLog logs/error_log\n",
		"/etc/httpd/conf.d/a.conf":          "Include conf.d/b.conf\nCustomLog logs/a_log combined\n",
		"/etc/httpd/conf.d/b.conf":          "Include conf.d/a.conf\n",
		"/etc/httpd/logs":                   "->/var/log/httpd",
		"/var/log/httpd/error_log":          "->error_log",
		"/var/log/httpd/a_log":              "<dir>",
		"/etc/nginx/nginx.conf":             "http { include /etc/nginx/nginx.conf; access_log /var/log/nginx/x.log;\n",
		"/var/log/nginx/x.log":              "\x00\x01\x02 binary junk\n",
		"/var/log/messages":                 "",
		"/var/log/secure":                   "Nov 24 21:14:22 h sshd[1]: ok\n",
		"/usr/lib/systemd/system/x.service": "",
	})
	// A FIFO where a log should be must not block detection.
	if err := syscall.Mkfifo(filepath.Join(r.Dir(), "var/log/secure.fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(r.Dir(), "var/log/secure.fifo"), filepath.Join(r.Dir(), "var/log/secure")); err != nil {
		t.Fatal(err)
	}
	rep, err := Detect(r)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Service{}
	for _, s := range rep.Services {
		byName[s.Name] = s
	}
	ap := byName[Apache]
	if len(ap.Problems) == 0 || !strings.Contains(strings.Join(ap.Problems, "\n"), "include cycle") {
		t.Errorf("apache problems %v", ap.Problems)
	}
	// Each says what it is: a link loop, a directory; a FIFO is not a
	// regular file (none of them "needs root").
	want := map[string]string{"/var/log/httpd/error_log": CheckError, "/var/log/httpd/a_log": CheckNotRegular}
	for _, l := range ap.Logs {
		if l.Check != want[l.Path] {
			t.Errorf("%s: check %s, want %s", l.Path, l.Check, want[l.Path])
		}
	}
	if l := byName[System].Logs[1]; l.Path != "/var/log/secure" || l.Check != CheckNotRegular {
		t.Errorf("FIFO log: %+v", l)
	}
	ng := byName[Nginx]
	if len(ng.Problems) < 2 {
		t.Errorf("nginx problems (cycle, unclosed block): %v", ng.Problems)
	}
	if len(ng.Logs) == 0 || ng.Logs[len(ng.Logs)-1].Check != CheckMismatch {
		t.Errorf("binary junk log: %+v", ng.Logs)
	}
	for _, p := range append(ap.Problems, ng.Problems...) {
		if strings.Contains(p, r.Dir()) {
			t.Errorf("problem shows the local root path: %s", p)
		}
	}
}

func FuzzParseOSRelease(f *testing.F) {
	for _, name := range roots {
		if b, err := os.ReadFile(testpeer.Testdata("roots", name, "etc", "os-release")); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("ID=\"a\\\"b\"\nX='y'\n#c\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		osr, kv, err := ParseOSRelease(data)
		if err != nil {
			var oe *OSReleaseError
			if !errors.As(err, &oe) {
				t.Fatalf("error of type %T", err)
			}
			return
		}
		if osr.ID == "" || kv["ID"] != osr.ID {
			t.Fatalf("parsed without ID: %+v", osr)
		}
	})
}

func TestPostgresAndRedis(t *testing.T) {
	r := mkroot(t, map[string]string{
		"/etc/os-release":       "ID=debian\nVERSION_ID=12\n",
		"/proc/300/comm":        "postgres\n",
		"/proc/301/comm":        "postgres\n",
		"/proc/400/comm":        "redis-server\n",
		"/etc/redis/redis.conf": "# Specify the log file name.\nlogfile /var/log/redis/redis-server.log\n",
		"/var/log/postgresql/postgresql-15-main.log": "2026-11-24 21:18:01.123 KST [300] LOG:  database system is ready to accept connections\n" +
			"2026-11-24 21:20:11.402 KST [512] ERROR:  relation \"orders\" does not exist at character 15\n" +
			"2026-11-24 21:20:11.402 KST [512] STATEMENT:  SELECT * FROM orders\n\t  WHERE id = 1\n",
		"/var/log/redis/redis-server.log": "400:C 24 Nov 2026 21:18:01.101 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n" +
			"400:M 24 Nov 2026 21:18:01.123 * Ready to accept connections tcp\n",
	})
	rep, err := Detect(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Services) != 2 {
		t.Fatalf("services %+v", rep.Services)
	}
	pg, rd := rep.Services[0], rep.Services[1]
	if pg.Name != PostgreSQL || pg.State != Running || len(pg.Logs) != 1 || !pg.Logs[0].FormatChecked ||
		pg.Logs[0].TimestampFormat != "%Y-%m-%d %H:%M:%S.%f %Z" || pg.Logs[0].MultiLineStartPattern == "" {
		t.Errorf("postgresql %+v", pg)
	}
	if rd.Name != Redis || rd.State != Running || len(rd.Logs) != 1 || !rd.Logs[0].FormatChecked ||
		rd.Logs[0].Source != "/etc/redis/redis.conf:2 logfile" {
		t.Errorf("redis %+v", rd)
	}
}

func TestInspectGlobInUnreadableDir(t *testing.T) {
	r := mkroot(t, map[string]string{
		"/etc/os-release": "ID=debian\n",
		"/var/log/t":      "->t", // stands in for a directory this user may not list
	})
	if l := inspect(r, "/var/log/t/catalina.*.log", "catalina", fromDefault, kCatalina); l.Check != CheckUnreadable || l.Exists {
		t.Errorf("glob in an unreadable directory: %+v", l)
	}
	if l := inspect(r, "/var/log/none/catalina.*.log", "catalina", fromDefault, kCatalina); l.Check != CheckMissing {
		t.Errorf("glob in a missing directory: %+v", l)
	}
}
