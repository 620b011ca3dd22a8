package svcconf

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

// Debian 12's layout, trimmed to the lines that matter, with the contents
// of the stock files.
var debianApache = map[string]string{
	"/etc/apache2/envvars": `# envvars - default environment variables for apache2ctl
if [ "${APACHE_CONFDIR##/etc/apache2-}" != "${APACHE_CONFDIR}" ] ; then
	SUFFIX="-${APACHE_CONFDIR##/etc/apache2-}"
else
	SUFFIX=
fi
export APACHE_RUN_USER=www-data
export APACHE_RUN_GROUP=www-data
export APACHE_PID_FILE=/var/run/apache2$SUFFIX/apache2.pid
export APACHE_LOG_DIR=/var/log/apache2$SUFFIX
`,
	"/etc/apache2/apache2.conf": `# This is the main Apache server configuration file.
#ServerRoot "/etc/apache2"
DefaultRuntimeDir ${APACHE_RUN_DIR}
PidFile ${APACHE_PID_FILE}
Timeout 300
User ${APACHE_RUN_USER}
ErrorLog ${APACHE_LOG_DIR}/error.log
LogLevel warn
IncludeOptional mods-enabled/*.load
IncludeOptional mods-enabled/*.conf
Include ports.conf
LogFormat "%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"" vhost_combined
LogFormat "%h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"" combined
IncludeOptional conf-enabled/*.conf
IncludeOptional sites-enabled/*.conf
`,
	"/etc/apache2/ports.conf":                    "Listen 80\n<IfModule ssl_module>\n\tListen 443\n</IfModule>\n",
	"/etc/apache2/mods-available/mpm_event.load": "# Conflicts: mpm_worker mpm_prefork\nLoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so\n",
	"/etc/apache2/mods-available/mpm_event.conf": `<IfModule mpm_event_module>
	StartServers			 2
	MinSpareThreads		 25
	MaxSpareThreads		 75
	ThreadLimit			 64
	ThreadsPerChild		 25
	MaxRequestWorkers	  150
	MaxConnectionsPerChild   0
</IfModule>
`,
	"/etc/apache2/mods-available/mpm_prefork.conf": `<IfModule mpm_prefork_module>
	StartServers			 5
	MaxRequestWorkers	  150
	MaxConnectionsPerChild   0
</IfModule>
`,
	"/etc/apache2/mods-enabled/mpm_event.load":               "->../mods-available/mpm_event.load",
	"/etc/apache2/mods-enabled/mpm_event.conf":               "->../mods-available/mpm_event.conf",
	"/etc/apache2/conf-enabled/other-vhosts-access-log.conf": "CustomLog ${APACHE_LOG_DIR}/other_vhosts_access.log vhost_combined\n",
	"/etc/apache2/sites-enabled/000-default.conf": `<VirtualHost *:80>
	ServerAdmin webmaster@localhost
	DocumentRoot /var/www/html
	ErrorLog ${APACHE_LOG_DIR}/error.log
	CustomLog ${APACHE_LOG_DIR}/access.log combined
</VirtualHost>
`,
}

func TestApacheDebian(t *testing.T) {
	r := mkroot(t, debianApache)
	env, err := ApacheEnvvars(r, "/etc/apache2/envvars")
	if err != nil {
		t.Fatal(err)
	}
	if env["APACHE_LOG_DIR"] != "/var/log/apache2" {
		t.Fatalf("APACHE_LOG_DIR = %q", env["APACHE_LOG_DIR"])
	}
	a, err := ParseApache(r, "/etc/apache2/apache2.conf", ApacheOptions{Env: env})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Problems) != 0 {
		t.Errorf("problems: %v", a.Problems)
	}
	if a.MPM() != "event" {
		t.Errorf("MPM = %q, want event", a.MPM())
	}
	if d, ok := a.Setting("MaxRequestWorkers"); !ok || d.Arg(0) != "150" || !d.In("IfModule") {
		t.Errorf("MaxRequestWorkers = %+v %v", d, ok)
	}
	if d, ok := a.Setting("ThreadsPerChild"); !ok || d.Arg(0) != "25" {
		t.Errorf("ThreadsPerChild = %+v", d)
	}
	var logs []string
	for _, d := range append(a.Find("ErrorLog"), a.Find("CustomLog")...) {
		ctx := ""
		if d.In("VirtualHost") {
			ctx = "vhost:"
		}
		logs = append(logs, ctx+a.Abs(d.Arg(0)))
	}
	want := "/var/log/apache2/error.log vhost:/var/log/apache2/error.log /var/log/apache2/other_vhosts_access.log vhost:/var/log/apache2/access.log"
	if got := strings.Join(logs, " "); got != want {
		t.Errorf("logs\n got %s\nwant %s", got, want)
	}
	if d := a.Find("LogFormat")[0]; d.Arg(0) != `%v:%p %h %l %u %t "%r" %>s %O "%{Referer}i" "%{User-Agent}i"` {
		t.Errorf("escaped quotes: %q", d.Arg(0))
	}
	if len(a.Files) != 6 {
		t.Errorf("files read: %v", a.Files)
	}
}

// Rocky 8 with mod_php: prefork loaded from conf.modules.d, ServerRoot
// set, relative log paths, sections for the inactive MPMs.
var rockyApache = map[string]string{
	"/etc/httpd/conf/httpd.conf": `ServerRoot "/etc/httpd"
Listen 80
Include conf.modules.d/*.conf
User apache
ErrorLog "logs/error_log"
LogLevel warn
<IfModule log_config_module>
    LogFormat "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"" combined
    CustomLog "logs/access_log" combined
</IfModule>
<IfModule !mpm_prefork_module>
    ErrorLog "logs/never_log"
</IfModule>
<IfModule prefork.c>
    MaxRequestWorkers 256
    ServerLimit 256
</IfModule>
<IfDefine NOPE>
    Include /etc/does-not-exist.conf
</IfDefine>
IncludeOptional conf.d/*.conf
`,
	"/etc/httpd/conf.modules.d/00-base.conf": "LoadModule log_config_module modules/mod_log_config.so\n",
	"/etc/httpd/conf.modules.d/15-php.conf":  "<IfModule !mod_php5.c>\n  <IfModule prefork.c>\n    LoadModule php7_module modules/libphp7.so\n  </IfModule>\n</IfModule>\n",
	"/etc/httpd/conf.modules.d/00-mpm.conf": `# Select the MPM module which should be used by uncommenting exactly
# one of the following LoadModule lines.
LoadModule mpm_prefork_module modules/mod_mpm_prefork.so
#LoadModule mpm_worker_module modules/mod_mpm_worker.so
#LoadModule mpm_event_module modules/mod_mpm_event.so
`,
	"/etc/httpd/conf.d/vhost.conf": "<VirtualHost *:80>\n  ServerName shop.example.com\n  CustomLog \"|/usr/sbin/rotatelogs /var/log/httpd/shop_%Y%m%d 86400\" combined\n  MaxRequestWorkers 9\n</VirtualHost>\n",
}

func TestApacheRocky(t *testing.T) {
	r := mkroot(t, rockyApache)
	a, err := ParseApache(r, "/etc/httpd/conf/httpd.conf", ApacheOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Problems) != 0 {
		t.Errorf("problems: %v", a.Problems)
	}
	if a.ServerRoot != "/etc/httpd" || a.MPM() != "prefork" {
		t.Errorf("ServerRoot %q MPM %q", a.ServerRoot, a.MPM())
	}
	var logs []string
	for _, d := range append(a.Find("ErrorLog"), a.Find("CustomLog")...) {
		logs = append(logs, a.Abs(d.Arg(0)))
	}
	want := "/etc/httpd/logs/error_log /etc/httpd/logs/access_log /etc/httpd/|/usr/sbin/rotatelogs /var/log/httpd/shop_%Y%m%d 86400"
	if got := strings.Join(logs, " "); got != want {
		t.Errorf("logs\n got %s\nwant %s", got, want)
	}
	if !a.Loaded("mod_php7.c") || !a.Loaded("php7_module") || a.Loaded("mod_php5.c") {
		t.Errorf("mod_php7 by source name: %v", a.modules)
	}
	if d, ok := a.Setting("MaxRequestWorkers"); !ok || d.Arg(0) != "256" {
		t.Errorf("MaxRequestWorkers from the vhost or missing: %+v", d)
	}
}

func TestApacheIncludeCycleAndMissing(t *testing.T) {
	r := mkroot(t, map[string]string{
		"/etc/httpd/conf/httpd.conf": "ServerRoot /etc/httpd\nInclude conf.d/*.conf\nInclude conf/httpd.conf\nInclude /etc/missing.conf\nIncludeOptional /etc/nothing/*.conf\nErrorLog logs/e\n",
		"/etc/httpd/conf.d/a.conf":   "Include conf.d/b.conf\n",
		"/etc/httpd/conf.d/b.conf":   "Include conf.d/a.conf\nInclude conf.d/loop\n",
		"/etc/httpd/conf.d/loop":     "->loop",
	})
	a, err := ParseApache(r, "/etc/httpd/conf/httpd.conf", ApacheOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var cycles, missing int
	for _, p := range a.Problems {
		switch {
		case errors.Is(p, ErrIncludeCycle):
			cycles++
		case errors.Is(p, fs.ErrNotExist):
			missing++
		}
	}
	// a→b→a and httpd.conf→itself: one problem that counts the second (b
	// is not read again for the glob's second match: each file once).
	if cycles != 1 || missing != 1 || !strings.Contains(fmt.Sprint(a.Problems), "and 1 more includes in a cycle") {
		t.Errorf("cycles %d missing %d: %v", cycles, missing, a.Problems)
	}
	if len(a.Find("ErrorLog")) != 1 {
		t.Errorf("parsing did not go on after the problems")
	}
}

func TestApacheMainMissing(t *testing.T) {
	r := mkroot(t, map[string]string{"/etc/x": ""})
	if _, err := ParseApache(r, "/etc/httpd/conf/httpd.conf", ApacheOptions{}); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v", err)
	}
}

func FuzzApache(f *testing.F) {
	f.Add(debianApache["/etc/apache2/apache2.conf"])
	f.Add(rockyApache["/etc/httpd/conf/httpd.conf"])
	f.Add("<IfModule x>\nInclude *.conf\n</IfModule>\n</a>\n<b\nDefine X ${X}${X}\nServerRoot ..\nInclude ../../*\n\"unterminated \\")
	f.Fuzz(func(t *testing.T, conf string) {
		// The fuzzed text is the main file and is also included by a
		// second file it may include back (cycles through globs).
		r := mkroot(t, map[string]string{"/etc/httpd/httpd.conf": conf, "/etc/httpd/b.conf": "Include httpd.conf\nInclude *.conf\n"})
		a, err := ParseApache(r, "/etc/httpd/httpd.conf", ApacheOptions{Env: map[string]string{"X": "${X}"}})
		if err != nil {
			return
		}
		_ = a.MPM()
		_, _ = a.Setting("MaxRequestWorkers")
		if len(a.Files) > maxFiles {
			t.Fatalf("read %d files", len(a.Files))
		}
	})
}
