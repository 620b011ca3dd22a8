package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// sampleLogs are lines in every format of reference/log-formats.md, with
// the format cwsetup uses for them and whether events span lines.
var sampleLogs = []struct {
	path, format string
	multi        bool
	lines        string
}{
	{"/var/log/messages", "%b %d %H:%M:%S", false,
		"Nov 24 21:18:01 host sshd[2231]: Accepted publickey for ec2-user\nNov  4 21:18:02 host systemd[1]: Started Session 3.\n"},
	{"/var/log/syslog", "%Y-%m-%dT%H:%M:%S.%f", false,
		"2026-11-24T21:18:01.123456+09:00 host sshd[2231]: Invalid user admin\n2026-11-24T21:19:01.000001+09:00 host CRON[900]: (root) CMD (true)\n"},
	{"/var/log/httpd/access_log", "%d/%b/%Y:%H:%M:%S %z", false,
		"203.0.113.9 - - [24/Nov/2026:21:18:01 +0900] \"GET / HTTP/1.1\" 200 5120 \"-\" \"curl/8.5\"\n203.0.113.9 - - [24/Nov/2026:22:18:01 +0900] \"GET /x HTTP/1.1\" 404 12 \"-\" \"curl/8.5\"\n"},
	{"/var/log/httpd/error_log", "%a %b %d %H:%M:%S.%f %Y", false,
		"[Tue Nov 24 21:18:01.123456 2026] [core:notice] [pid 1101] AH00094: Command line: '/usr/sbin/httpd -D FOREGROUND'\n"},
	{"/var/log/nginx/error.log", "%Y/%m/%d %H:%M:%S", false,
		"2026/11/24 21:18:01 [error] 1302#1302: *1 open() \"/usr/share/nginx/html/x\" failed (2: No such file or directory)\n"},
	{"/var/log/php-fpm/error.log", "%d-%b-%Y %H:%M:%S", false,
		"[24-Nov-2026 21:18:01] NOTICE: fpm is running, pid 1201\n[24-Nov-2026 21:18:01] NOTICE: ready to handle connections\n"},
	{"/var/log/php-fpm/www-error.log", "%d-%b-%Y %H:%M:%S %Z", true,
		"[24-Nov-2026 12:18:01 UTC] PHP Fatal error:  Uncaught Error: Call to undefined function f() in /var/www/html/i.php:3\nStack trace:\n#0 {main}\n  thrown in /var/www/html/i.php on line 3\n"},
	{"/var/log/php-fpm/www-slow.log", "%d-%b-%Y %H:%M:%S", true,
		"\n[24-Nov-2026 21:18:01]  [pool www] pid 1210\nscript_filename = /var/www/html/slow.php\n[0x00007f] sleep() /var/www/html/slow.php:2\n"},
	{"/var/log/tomcat10/catalina.2026-11-24.log", "%d-%b-%Y %H:%M:%S.%f", true,
		"24-Nov-2026 21:18:01.123 INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [812] milliseconds\n24-Nov-2026 21:18:02.456 SEVERE [http-nio-8080-exec-1] org.apache.catalina.core.StandardWrapperValve.invoke Servlet.service() threw exception\njava.lang.NullPointerException\n\tat com.example.Shop.doGet(Shop.java:42)\n"},
	{"/var/log/tomcat10/localhost_access_log.2026-11-24.txt", "%d/%b/%Y:%H:%M:%S %z", false,
		"127.0.0.1 - - [24/Nov/2026:21:18:01 +0900] \"GET / HTTP/1.1\" 200 11230\n"},
	{"/var/log/mysql/error.log", "%Y-%m-%dT%H:%M:%S.%fZ", false,
		"2026-11-24T12:18:01.123456Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.40) starting as process 1401\n"},
	{"/var/log/mariadb/mariadb.log", "%Y-%m-%d %H:%M:%S", false,
		"2026-11-24 21:18:01 0 [Note] Starting MariaDB 10.11.6 source revision as process 1501\n"},
	{"/var/log/postgresql/postgresql-15-main.log", "%Y-%m-%d %H:%M:%S.%f %Z", true,
		"2026-11-24 21:18:01.123 KST [1234] LOG:  database system is ready to accept connections\n"},
	{"/var/log/redis/redis-server.log", "%d %b %Y %H:%M:%S.%f", true,
		"1234:M 24 Nov 2026 21:18:01.123 * Ready to accept connections tcp\n"},
}

func writeRoot(t *testing.T, files map[string]string) host.Root {
	t.Helper()
	dir := t.TempDir()
	for p, body := range files {
		local := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(local), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(local, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCheckTimestampsEveryReferenceFormat(t *testing.T) {
	files := map[string]string{}
	var a Answers
	for _, s := range sampleLogs {
		files[s.path] = s.lines
		l := LogSource{Service: "x", Name: LogName(s.path), Path: s.path, TimestampFormat: s.format}
		if s.multi {
			l.MultiLineStart = "{timestamp_format}"
		}
		a.Logs = append(a.Logs, l)
	}
	checks := CheckTimestamps(writeRoot(t, files), a)
	if len(checks) != len(sampleLogs) {
		t.Fatalf("%d checks for %d logs", len(checks), len(sampleLogs))
	}
	for i, c := range checks {
		s := sampleLogs[c.Index]
		if c.Index != i || c.File != s.path {
			t.Errorf("check %d: index %d file %q", i, c.Index, c.File)
		}
		if !c.OK(s.multi) {
			t.Errorf("%s: %q did not pass its own sample lines: %+v", s.path, s.format, c.Check)
		}
		// Stack-trace lines carry no timestamp: only the multi-line rule passes them.
		if strings.Contains(s.lines, "Stack trace") || strings.Contains(s.lines, "\tat ") {
			if c.OK(false) {
				t.Errorf("%s: a stack trace passed the single-line rule", s.path)
			}
		}
	}
}

func TestCheckTimestampsMismatch(t *testing.T) {
	r := writeRoot(t, map[string]string{
		// Ubuntu 24.04 rsyslog writes RFC 3339; the traditional format fails.
		"/var/log/syslog": "2026-11-24T21:18:01.123456+09:00 host sshd[2231]: x\n",
		// %z never matches a colon offset.
		"/var/log/app.log": "2026-11-24T21:18:01+09:00 started\n",
	})
	a := Answers{Logs: []LogSource{
		{Service: "system", Name: "syslog", Path: "/var/log/syslog", TimestampFormat: "%b %d %H:%M:%S"},
		{Service: "app", Name: "app", Path: "/var/log/app.log", TimestampFormat: "%Y-%m-%dT%H:%M:%S%z"},
		{Service: "app", Name: "later", Path: "/var/log/not-yet.log", TimestampFormat: "%Y-%m-%d"},
	}}
	checks := CheckTimestamps(r, a)
	if len(checks) != 2 {
		t.Fatalf("a file that does not exist yet is not checked: %+v", checks)
	}
	for _, c := range checks {
		if c.OK(false) || c.FailedLine == "" {
			t.Errorf("%s: %q should fail: %+v", c.Path, c.Format, c.Check)
		}
	}
}

func TestCheckTimestampsGlobNewest(t *testing.T) {
	r := writeRoot(t, map[string]string{
		"/var/log/tomcat/catalina.2026-11-23.log": "garbage without time\n",
		"/var/log/tomcat/catalina.2026-11-24.log": "24-Nov-2026 21:18:01.123 INFO [main] x\n",
	})
	old := filepath.Join(r.Dir(), "var/log/tomcat/catalina.2026-11-23.log")
	past := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(old, past, past); err != nil {
		t.Fatal(err)
	}
	a := Answers{Logs: []LogSource{{Service: "tomcat", Name: "catalina", Path: "/var/log/tomcat/catalina.*.log",
		TimestampFormat: "%d-%b-%Y %H:%M:%S.%f", MultiLineStart: "{timestamp_format}"}}}
	c := CheckTimestamps(r, a)
	if len(c) != 1 || c[0].File != "/var/log/tomcat/catalina.2026-11-24.log" || !c[0].OK(true) {
		t.Errorf("%+v", c)
	}
}

func TestCheckTimestampsReadsOnlyTheTail(t *testing.T) {
	var b strings.Builder
	b.WriteString("no timestamp on this first line\n")
	for b.Len() < 3*host.TailBytes {
		b.WriteString("2026-11-24 21:18:01 0 [Note] padding padding padding padding\n")
	}
	r := writeRoot(t, map[string]string{"/var/log/mariadb/mariadb.log": b.String()})
	c := CheckTimestamps(r, Answers{Logs: []LogSource{{Service: "mysql", Name: "mariadb",
		Path: "/var/log/mariadb/mariadb.log", TimestampFormat: "%Y-%m-%d %H:%M:%S"}}})
	if len(c) != 1 || !c[0].AllMatched() || c[0].Lines != host.TailLines {
		t.Errorf("%+v", c)
	}
}
