package svcconf

import (
	"strings"
	"testing"
)

func TestFPMDebian(t *testing.T) {
	r := mkroot(t, map[string]string{
		"/etc/php/8.2/fpm/php-fpm.conf": `;;;;;;;;;;;;;;;;;;;;;
; FPM Configuration ;
;;;;;;;;;;;;;;;;;;;;;
[global]
pid = /run/php/php8.2-fpm.pid
error_log = /var/log/php8.2-fpm.log
;log_level = notice
include=/etc/php/8.2/fpm/pool.d/*.conf
`,
		"/etc/php/8.2/fpm/pool.d/www.conf": `[www]
user = www-data
listen = /run/php/php8.2-fpm.sock
pm = dynamic
pm.max_children = 5
pm.start_servers = 2
;slowlog = log/$pool.log.slow
slowlog = /var/log/php-fpm/$pool-slow.log
php_admin_value[error_log] = "/var/log/fpm-php.$pool.log" ; quoted
`,
		"/etc/php/8.2/fpm/pool.d/api.conf": "[api]\npm = static\npm.max_children = 20\n",
	})
	f, err := ParseFPM(r, "/etc/php/8.2/fpm/php-fpm.conf")
	if err != nil {
		t.Fatal(err)
	}
	if f.Global["error_log"] != "/var/log/php8.2-fpm.log" || len(f.INI.Problems) != 0 {
		t.Errorf("global %v problems %v", f.Global, f.INI.Problems)
	}
	if len(f.Pools) != 2 || f.Pools[0].Name != "api" || f.Pools[1].Name != "www" {
		t.Fatalf("pools %+v", f.Pools)
	}
	www := f.Pools[1].Values
	if www["pm"] != "dynamic" || www["pm.max_children"] != "5" || www["slowlog"] != "/var/log/php-fpm/www-slow.log" ||
		www["php_admin_value[error_log]"] != "/var/log/fpm-php.www.log" {
		t.Errorf("www = %v", www)
	}
	if f.Abs("log/www.log.slow") != "/usr/log/www.log.slow" || f.GlobalAbs("log/php-fpm.log") != "/var/log/php-fpm.log" {
		t.Errorf("Abs = %s, GlobalAbs = %s", f.Abs("log/www.log.slow"), f.GlobalAbs("log/php-fpm.log"))
	}
}

func TestMyCnfDebian(t *testing.T) {
	r := mkroot(t, map[string]string{
		"/etc/mysql/my.cnf": `# The MariaDB configuration file
[client-server]
socket = /run/mysqld/mysqld.sock
!includedir /etc/mysql/conf.d/
!includedir /etc/mysql/mariadb.conf.d/
`,
		"/etc/mysql/conf.d/mysql.cnf": "[mysql]\n",
		"/etc/mysql/mariadb.conf.d/50-server.cnf": `[server]
[mysqld]
user                    = mysql
pid-file                = /run/mysqld/mysqld.pid
basedir                 = /usr
datadir                 = /var/lib/mysql
#log_error = /var/log/mysql/error.log
innodb_buffer_pool_size = 2G
max_connections = 300 # tuned
[mariadb-10.11]
max-connections = 400
`,
		"/etc/mysql/mariadb.conf.d/50-mysqld_safe.cnf": "[mysqld_safe]\nskip_log_error\nsyslog\n",
		"/etc/mysql/mariadb.conf.d/README":             "[mysqld]\nlog_error = /nope\n",
	})
	m, err := ParseMyCnf(r, "/etc/mysql/my.cnf")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m.Get("log_error"); ok {
		t.Error("log_error from a commented line or a non-.cnf file")
	}
	if e, ok := m.Get("innodb-buffer-pool-size"); !ok || e.Value != "2G" || e.Line != 8 {
		t.Errorf("innodb_buffer_pool_size = %+v", e)
	}
	if e, _ := m.Get("max_connections"); e.Value != "400" {
		t.Errorf("max_connections = %+v (versioned group wins, later)", e)
	}
	if e, ok := m.Get("skip-log-error"); !ok || e.Value != "" {
		t.Errorf("bare option: %+v %v", e, ok)
	}
	if len(m.INI.Files) != 4 {
		t.Errorf("files %v", m.INI.Files)
	}
}

func TestServerXML(t *testing.T) {
	r := mkroot(t, map[string]string{"/etc/tomcat10/server.xml": `<?xml version="1.0" encoding="UTF-8"?>
<Server port="-1" shutdown="SHUTDOWN">
  <Service name="Catalina">
    <!--
    <Connector port="8443" protocol="org.apache.coyote.http11.Http11NioProtocol" maxThreads="150" SSLEnabled="true" />
    -->
    <Connector port="8080" protocol="HTTP/1.1" connectionTimeout="20000" redirectPort="8443" maxThreads="400" />
    <Engine name="Catalina" defaultHost="localhost">
      <Host name="localhost"  appBase="webapps" unpackWARs="true" autoDeploy="true">
        <Valve className="org.apache.catalina.valves.AccessLogValve" directory="logs"
               prefix="localhost_access_log" suffix=".txt"
               pattern="%h %l %u %t &quot;%r&quot; %s %b" />
      </Host>
    </Engine>
  </Service>
</Server>
`})
	sx, err := ParseServerXML(r, "/etc/tomcat10/server.xml")
	if err != nil {
		t.Fatal(err)
	}
	c := sx.Find("Connector", "")
	if len(c) != 1 || c[0].Attrs["maxThreads"] != "400" {
		t.Errorf("connectors %+v", c)
	}
	v := sx.Find("Valve", "AccessLogValve")
	if len(v) != 1 || v[0].Attrs["prefix"] != "localhost_access_log" || v[0].Attrs["pattern"] != `%h %l %u %t "%r" %s %b` ||
		len(v[0].Path) != 4 {
		t.Errorf("valve %+v", v)
	}
}

func TestINIIncludeCycles(t *testing.T) {
	r := mkroot(t, map[string]string{
		"/etc/php-fpm.conf":       "[global]\nerror_log = /var/log/php-fpm/error.log\ninclude=/etc/php-fpm.d/*.conf\n",
		"/etc/php-fpm.d/www.conf": "[www]\npm = static\ninclude=/etc/php-fpm.conf\n",
		"/etc/my.cnf":             "[mysqld]\n!include /etc/my.cnf\n!includedir /etc/my.cnf.d\nmax_connections=10\n",
		"/etc/my.cnf.d/a.cnf":     "!include /etc/my.cnf\n[mysqld]\nmax_connections=20\n",
		"/etc/my.cnf.d/loop.cnf":  "->loop.cnf",
	})
	f, err := ParseFPM(r, "/etc/php-fpm.conf")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.INI.Problems) != 1 || f.Pools[0].Values["pm"] != "static" {
		t.Errorf("fpm: problems %v pools %+v", f.INI.Problems, f.Pools)
	}
	m, err := ParseMyCnf(r, "/etc/my.cnf")
	if err != nil {
		t.Fatal(err)
	}
	// my.cnf→itself and a.cnf→my.cnf (one problem counting both), loop.cnf (link loop).
	if len(m.INI.Problems) != 2 || !strings.Contains(m.INI.Problems[0].Error(), "and 1 more") {
		t.Errorf("my.cnf problems %v", m.INI.Problems)
	}
	if e, _ := m.Get("max_connections"); e.Value != "10" {
		t.Errorf("max_connections %+v (the main file's line comes last)", e)
	}
}

func FuzzINI(f *testing.F) {
	f.Add("[global]\ninclude=/etc/x/*.conf\n[www]\npm = dynamic\nslowlog = /var/log/$pool.log ; c\n")
	f.Add("!includedir /etc/x\n[mysqld]\nskip-log-error\nlog_error = \"/var/log/m.log\"\n!include /etc/x/a.cnf\n")
	f.Fuzz(func(t *testing.T, conf string) {
		r := mkroot(t, map[string]string{"/etc/x/a.cnf": conf, "/etc/x/b.conf": "include=/etc/x/*.c*\n!include /etc/x/a.cnf\n!includedir /etc/x\n"})
		if fpm, err := ParseFPM(r, "/etc/x/a.cnf"); err == nil && len(fpm.INI.Files) > maxFiles {
			t.Fatalf("read %d files", len(fpm.INI.Files))
		}
		if my, err := ParseMyCnf(r, "/etc/x/a.cnf"); err == nil {
			_, _ = my.Get("log_error")
		}
	})
}
