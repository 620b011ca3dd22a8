package sizing

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/svcconf"
)

// A RHEL-family host (Amazon Linux 2023, Rocky 9): httpd with the event
// MPM loaded from conf.modules.d, MPM limits in a conf.d file, MariaDB's
// /etc/my.cnf with !includedir, PHP-FPM's /etc/php-fpm.conf, Tomcat found
// through /etc/tomcat*/server.xml.
func TestReadSettingsRHEL(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"etc/httpd/conf/httpd.conf": "ServerRoot \"/etc/httpd\"\nListen 80\nInclude conf.modules.d/*.conf\nUser apache\n" +
			"<IfModule mpm_prefork_module>\n  MaxRequestWorkers 999\n</IfModule>\nIncludeOptional conf.d/*.conf\n",
		"etc/httpd/conf.modules.d/00-mpm.conf": "# Select the MPM module which should be used by uncommenting exactly\n" +
			"#LoadModule mpm_prefork_module modules/mod_mpm_prefork.so\nLoadModule mpm_event_module modules/mod_mpm_event.so\n",
		"etc/httpd/conf.d/mpm.conf": "<IfModule mpm_event_module>\n  ServerLimit 20\n  ThreadsPerChild 25\n  MaxRequestWorkers 500\n  MaxConnectionsPerChild 10000\n</IfModule>\n",
		"etc/my.cnf":                "[client-server]\n!includedir /etc/my.cnf.d\n",
		"etc/my.cnf.d/mariadb-server.cnf": "[mysqld]\ndatadir=/var/lib/mysql\ninnodb_buffer_pool_size = 1G\nmax-connections = 300\nsort_buffer_size = 2M\n" +
			"[mariadb-10.5]\nkey_buffer_size = 32M\n",
		"etc/php-fpm.conf":       "[global]\npid = /run/php-fpm/php-fpm.pid\ninclude=/etc/php-fpm.d/*.conf\n",
		"etc/php-fpm.d/www.conf": "[www]\nuser = apache\nlisten = /run/php-fpm/www.sock\npm = static\npm.max_children = 12\nphp_value[memory_limit] = 256M\n",
		"etc/tomcat9/server.xml": "<Server><Service name=\"Catalina\"><Connector port=\"8080\" maxThreads=\"150\"/><Connector port=\"8009\" protocol=\"AJP/1.3\" maxThreads=\"250\"/></Service></Server>\n",
		"etc/sysconfig/tomcat9":  "JAVA_OPTS=\"-Xmx512m\"\n",
	}
	for rel, c := range files {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	procs := []ProcMem{
		{PID: 10, Service: detect.Apache, Comm: "httpd"},
		{PID: 20, Service: detect.PHPFPM, Comm: "php-fpm", Args: "php-fpm: master process (/etc/php-fpm.conf)"},
		{PID: 30, Service: detect.MySQL, Comm: "mariadbd"},
		{PID: 40, Service: detect.Tomcat, Comm: "java", Args: "/usr/bin/java -Xms256m -Xmx768m -classpath x org.apache.catalina.startup.Bootstrap start"},
	}
	s, problems := ReadSettings(r, procs)
	if len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
	a := s.Apache
	if a == nil || a.MPM != "event" || a.MaxRequestWorkers != set(500) || a.ServerLimit != set(20) || a.ThreadsPerChild != set(25) || a.MaxConnectionsPerChild != set(10000) {
		t.Errorf("apache: %+v", a)
	}
	m := s.MySQL
	if m == nil || !m.MariaDB || m.BufferPool != set(1<<30) || m.MaxConnections != set(300) || m.SortBuffer != set(2<<20) || m.KeyBuffer != set(32<<20) || m.ReadBuffer.Set {
		t.Errorf("mysql: %+v", m)
	}
	if len(s.FPM) != 1 || s.FPM[0].Name != "www" || s.FPM[0].PM != "static" || s.FPM[0].MaxChildren != set(12) || s.FPM[0].MemoryLimitMB != 256 {
		t.Errorf("fpm: %+v", s.FPM)
	}
	if tc := s.Tomcat; tc == nil || tc.XmxMB != set(768) || tc.MaxThreads != set(250) || tc.Source != "/etc/tomcat9/server.xml" {
		t.Errorf("tomcat: %+v", tc)
	}

	// Nothing readable: defaults, and no crash.
	empty, _ := host.Open(t.TempDir())
	s, _ = ReadSettings(empty, procs)
	if s.Apache != nil || s.FPM != nil || s.MySQL == nil || s.MySQL.BufferPool != def(128<<20) || s.Tomcat == nil || s.Tomcat.XmxMB != set(768) {
		t.Errorf("empty root: %+v %+v %+v", s.Apache, s.MySQL, s.Tomcat)
	}
}

// mysqld's order: /etc/my.cnf, then /etc/mysql/my.cnf, then the command
// line; --defaults-file replaces the files. The flavour follows the
// configuration when the binary is called mysqld (RHEL 8's MariaDB).
func TestReadMySQLAsMysqldDoes(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, c string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("etc/my.cnf", "[mysqld]\ninnodb_buffer_pool_size=512M\nmax_connections=80\n!includedir /etc/my.cnf.d\n")
	write("etc/my.cnf.d/mariadb-server.cnf", "[mysqld]\nsort_buffer_size=4M\n")
	write("etc/mysql/my.cnf", "[mysqld]\ninnodb_buffer_pool_size=2G\n")
	write("opt/db.cnf", "[mysqld]\nmax_connections=33\n")
	r, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := readMySQL(r, ProcMem{Comm: "mysqld", Args: "/usr/libexec/mysqld --basedir=/usr --max-connections=60"}, func(...svcconf.Problem) {})
	if !m.MariaDB || m.BufferPool != set(2<<30) || m.MaxConnections != set(60) || m.SortBuffer != set(4<<20) || m.ThreadStack != def(299008) || m.AriaPagecache != def(128<<20) || m.PerfSchema {
		t.Errorf("files in order + command line: %+v", m)
	}
	m = readMySQL(r, ProcMem{Comm: "mysqld", Args: "/usr/sbin/mysqld --defaults-file=/opt/db.cnf"}, func(...svcconf.Problem) {})
	if m.MariaDB || m.BufferPool != def(128<<20) || m.MaxConnections != set(33) || m.ThreadStack != def(1<<20) || !m.PerfSchema || m.TempTableRAM != def(1<<30) {
		t.Errorf("--defaults-file, MySQL defaults: %+v", m)
	}
	// MySQLTuner's per-thread sum with MariaDB's defaults: 128K + 256K + 2M
	// + 292K + 256K + 32K + 16M.
	mdb := MySQLSettings{MariaDB: true}
	mdb.applyDefaults()
	if got := mdb.PerThreadBytes(); got != 128<<10+256<<10+2<<20+299008+256<<10+32<<10+16<<20 {
		t.Errorf("MariaDB per-thread %d", got)
	}
}

// The JVM sizes MaxRAMPercentage against the service's cgroup v2 limit.
func TestTomcatCgroupLimit(t *testing.T) {
	dir := t.TempDir()
	for rel, c := range map[string]string{
		"proc/77/cgroup": "0::/system.slice/tomcat.service\n",
		"sys/fs/cgroup/system.slice/tomcat.service/memory.max": "1073741824\n",
		"sys/fs/cgroup/system.slice/memory.max":                "max\n",
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
	ts := readTomcat(r, ProcMem{PID: 77, Args: "java -XX:MaxRAMPercentage=50 -Xss512k org.apache.catalina.startup.Bootstrap start"}, func(...svcconf.Problem) {})
	ts.applyDefaults(8000)
	if !ts.LimitFromCgroup || ts.LimitMB != 1024 || ts.XmxMB.N != 512 || ts.HeapFrom != "MaxRAMPercentage" || ts.XssKB != set(512) {
		t.Errorf("%+v", ts)
	}
	// 512 heap + 256 metaspace + 240 code cache + 200 × 0.5 MB stacks.
	if n := ts.NeedMB(ts.XmxMB.N, ts.MaxThreads.N); n != 1108 {
		t.Errorf("need %d", n)
	}
}

// cgroup v1 (RHEL 8, Amazon Linux 2): memory.limit_in_bytes under
// /sys/fs/cgroup/memory, the smallest on the way up; v1's "unlimited" is
// no limit.
func TestCgroupLimitV1(t *testing.T) {
	dir := t.TempDir()
	for rel, c := range map[string]string{
		"proc/77/cgroup": "11:pids:/system.slice/tomcat.service\n4:memory:/system.slice/tomcat.service\n1:name=systemd:/system.slice/tomcat.service\n",
		"sys/fs/cgroup/memory/system.slice/tomcat.service/memory.limit_in_bytes": "2147483648\n",
		"sys/fs/cgroup/memory/system.slice/memory.limit_in_bytes":                "1073741824\n",
		"sys/fs/cgroup/memory/memory.limit_in_bytes":                             "9223372036854771712\n",
		"proc/78/cgroup": "4:memory:/user.slice\n",
		"sys/fs/cgroup/memory/user.slice/memory.limit_in_bytes": "9223372036854771712\n",
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
	if mb, file, ok := cgroupLimit(r, 77); !ok || mb != 1024 || file != "/sys/fs/cgroup/memory/system.slice/memory.limit_in_bytes" {
		t.Errorf("v1 limit: %d %q %v", mb, file, ok)
	}
	if mb, _, ok := cgroupLimit(r, 78); ok {
		t.Errorf("v1 unlimited read as %d MB", mb)
	}
}

// Tomcat alone in a 1 GiB cgroup on a 3.9 GB host: sized in the cgroup,
// never advised a MaxRAMPercentage above 100; a heap that does not fit the
// cgroup is a danger whatever the machine has free, with the limit named.
func TestTomcatInCgroup(t *testing.T) {
	build := func(ts TomcatSettings) (Recommendation, []Note) {
		m := Measurement{
			Mem:      Meminfo{TotalKB: 3969076, AvailableKB: 3 << 20},
			Services: []ServiceMemory{{Name: detect.Tomcat, Processes: 1, PSSKB: 600 << 10, Exact: true}},
			Settings: Settings{Tomcat: &ts},
			CPUErr:   errNoSample,
		}
		r := Build(m, Options{})
		return r.Recommendations[0], r.Notes
	}
	file := "/sys/fs/cgroup/system.slice/tomcat.service/memory.max"
	rc, notes := build(TomcatSettings{RAMPercent: 25, LimitMB: 1024, LimitFromCgroup: true, CgroupMB: 1024, CgroupFile: file})
	if pct, err := strconv.ParseFloat(rc.Recommended, 64); err != nil || pct > 100 || pct*1024/100+256+240+200 > 1024 {
		t.Errorf("MaxRAMPercentage in a 1 GiB cgroup: %+v", rc)
	}
	found := false
	for _, n := range notes {
		found = found || (n.Key == i18n.SizingNoteCgroupBound && n.Args[1] == int64(1024) && n.Args[2] == file)
	}
	if !found {
		t.Errorf("the cgroup limit is not named: %+v", notes)
	}
	rc, _ = build(TomcatSettings{XmxMB: set(768), CgroupMB: 1024, CgroupFile: file})
	if rc.Severity != Danger || rc.Directive != "-Xmx" {
		t.Errorf("-Xmx768m in a 1 GiB cgroup: %+v", rc)
	}
}
