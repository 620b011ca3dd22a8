package detect

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/svcconf"
)

func src(d svcconf.Directive) string { return fmt.Sprintf("%s:%d %s", d.File, d.Line, d.Name) }

const fromDefault = "default"

func (svc *Service) configProblems(ps []svcconf.Problem) {
	for _, p := range ps {
		svc.Problems = append(svc.Problems, p.Error())
	}
}

// system: rsyslog or syslog-ng writing files, else the journal.
func (s *scan) system() *Service {
	rs := s.presence(commIs("rsyslogd"), []string{"rsyslog.service"}, []string{"/usr/sbin/rsyslogd"}, []string{"rsyslog"})
	ng := s.presence(commIs("syslog-ng"), []string{"syslog-ng.service"}, []string{"/usr/sbin/syslog-ng"}, []string{"syslog-ng-core"})
	var svc *Service
	switch {
	case len(rs.pids) > 0 || len(ng.pids) == 0 && rs.found():
		svc = rs.service(System)
		svc.Flavor = "rsyslog"
	case ng.found():
		svc = ng.service(System)
		svc.Flavor = "syslog-ng"
	}
	if svc != nil {
		k := kSyslog
		// Debian 12 and Ubuntu 24.04 write RFC 3339 timestamps.
		if s.os.ID == "debian" || s.os.ID == "ubuntu" && s.os.VersionID >= "24" {
			k = kSyslogRFC
		}
		if s.debianLike() {
			s.addLog(svc, "/var/log/syslog", fromDefault, k)
			s.addLog(svc, "/var/log/auth.log", fromDefault, k)
		} else {
			s.addLog(svc, "/var/log/messages", fromDefault, k)
			s.addLog(svc, "/var/log/secure", fromDefault, k)
		}
		return svc
	}
	jd := s.presence(commIs("systemd-journal"), []string{"systemd-journald.service"},
		[]string{"/usr/lib/systemd/systemd-journald", "/lib/systemd/systemd-journald"}, nil)
	svc = jd.service(System)
	if svc == nil {
		return nil
	}
	svc.Flavor = "journald"
	svc.Logs = append(svc.Logs, s.journal())
	return svc
}

// journal describes the systemd journal as one log source: path
// "journald", existing when a journal directory has *.journal files.
func (s *scan) journal() Log {
	l := Log{Path: "journald", Name: "journald", Source: fromDefault, Check: CheckJournal}
	for _, dir := range []string{"/var/log/journal", "/run/log/journal"} {
		files, _ := s.r.Glob(dir + "/*/*.journal")
		for _, f := range files {
			if st, err := s.r.Stat(f); err == nil {
				l.Exists = true
				l.Size += st.Size()
			}
		}
	}
	return l
}

func (s *scan) apache() *Service {
	p := s.presence(commIs("httpd", "apache2"), []string{"httpd.service", "apache2.service"},
		[]string{"/usr/sbin/httpd", "/usr/sbin/apache2"}, []string{"apache2"})
	svc := p.service(Apache)
	if svc == nil {
		return nil
	}
	flavor := "httpd"
	if p.comm == "apache2" || p.comm == "" && (strings.Contains(p.unit+p.binary, "apache2") || p.pkg != "") {
		flavor = "apache2"
	}
	svc.Flavor = flavor
	main, opt := "/etc/httpd/conf/httpd.conf", svcconf.ApacheOptions{ServerRoot: "/etc/httpd"}
	defLogs := []string{"/var/log/httpd/error_log", "/var/log/httpd/access_log"}
	if flavor == "apache2" {
		main, opt.ServerRoot = "/etc/apache2/apache2.conf", "/etc/apache2"
		defLogs = []string{"/var/log/apache2/error.log", "/var/log/apache2/access.log"}
		env, err := svcconf.ApacheEnvvars(s.r, "/etc/apache2/envvars")
		if err != nil {
			svc.problem("/etc/apache2/envvars", err)
		}
		opt.Env = env
	}
	a, err := svcconf.ParseApache(s.r, main, opt)
	if err != nil {
		svc.problem(main, err)
		s.addLog(svc, defLogs[0], fromDefault, kApacheError)
		s.addLog(svc, defLogs[1], fromDefault, kAccess)
		return svc
	}
	svc.Config, svc.MPM = main, a.MPM()
	svc.configProblems(a.Problems)
	errorLogs := a.Find("ErrorLog")
	if len(errorLogs) == 0 {
		s.addLog(svc, a.Abs("logs/error_log"), fromDefault, kApacheError)
	}
	for _, d := range append(errorLogs, a.Find("CustomLog")...) {
		target := d.Arg(0)
		k := kAccess
		if strings.EqualFold(d.Name, "ErrorLog") {
			k = kApacheError
		}
		switch {
		case target == "":
		case strings.HasPrefix(target, "|"):
			svc.skip(src(d), target, SkipPiped)
		case strings.HasPrefix(target, "syslog"):
			svc.skip(src(d), target, SkipSyslog)
		default:
			s.addLog(svc, a.Abs(target), src(d), k)
		}
	}
	return svc
}

func (s *scan) nginx() *Service {
	p := s.presence(commIs("nginx"), []string{"nginx.service"}, []string{"/usr/sbin/nginx"},
		[]string{"nginx", "nginx-core", "nginx-light", "nginx-full", "nginx-extras"})
	svc := p.service(Nginx)
	if svc == nil {
		return nil
	}
	const main = "/etc/nginx/nginx.conf"
	n, err := svcconf.ParseNginx(s.r, main)
	if err != nil {
		svc.problem(main, err)
		s.addLog(svc, "/var/log/nginx/error.log", fromDefault, kNginxError)
		s.addLog(svc, "/var/log/nginx/access.log", fromDefault, kAccess)
		return svc
	}
	svc.Config = main
	svc.configProblems(n.Problems)
	add := func(d svcconf.Directive, k kind) {
		target := d.Arg(0)
		switch {
		case target == "" || target == "off":
		case strings.HasPrefix(target, "syslog:"):
			svc.skip(src(d), target, SkipSyslog)
		case target == "stderr" || strings.HasPrefix(target, "memory:"):
			svc.skip(src(d), target, SkipSyslog)
		case strings.Contains(target, "$"):
			svc.skip(src(d), target, SkipVariable)
		default:
			if !path.IsAbs(target) {
				target = path.Join("/usr/share/nginx", target) // nginx's --prefix on Debian and RHEL
			}
			s.addLog(svc, target, src(d), k)
		}
	}
	errs, acc := n.Find("error_log"), n.Find("access_log")
	if len(errs) == 0 {
		s.addLog(svc, "/var/log/nginx/error.log", fromDefault, kNginxError)
	}
	for _, d := range errs {
		add(d, kNginxError)
	}
	if len(acc) == 0 && len(n.Find("http")) > 0 {
		s.addLog(svc, "/var/log/nginx/access.log", fromDefault, kAccess)
	}
	for _, d := range acc {
		add(d, kAccess)
	}
	return svc
}

func (s *scan) phpFPM() *Service {
	p := s.presence(func(c string) bool { return strings.HasPrefix(c, "php-fpm") },
		[]string{"php-fpm.service", "php*-fpm.service"}, []string{"/usr/sbin/php-fpm", "/usr/sbin/php-fpm*"}, []string{"php*-fpm"})
	svc := p.service(PHPFPM)
	if svc == nil {
		return nil
	}
	// Debian-likes version everything: comm php-fpm8.2, unit php8.2-fpm.
	version := fpmVersion(strings.TrimPrefix(p.comm, "php-fpm"))
	for _, e := range []string{p.binary, p.unit, p.pkg} {
		if version != "" {
			break
		}
		b := strings.TrimSuffix(path.Base(e), ".service")
		if v, ok := strings.CutPrefix(b, "php-fpm"); ok {
			version = fpmVersion(v)
		} else if v, ok := strings.CutPrefix(b, "php"); ok {
			version = fpmVersion(strings.TrimSuffix(v, "-fpm"))
		}
	}
	svc.Flavor = "php-fpm" + version
	main := "/etc/php-fpm.conf"
	defLog := "/var/log/php-fpm/error.log"
	if version != "" {
		main = "/etc/php/" + version + "/fpm/php-fpm.conf"
		defLog = "/var/log/php" + version + "-fpm.log"
	}
	f, err := svcconf.ParseFPM(s.r, main)
	if err != nil {
		svc.problem(main, err)
		s.addLog(svc, defLog, fromDefault, kFPM)
		return svc
	}
	svc.Config = main
	svc.configProblems(f.INI.Problems)
	entrySrc := func(section, key string) string {
		for i := len(f.INI.Entries) - 1; i >= 0; i-- {
			if e := f.INI.Entries[i]; e.Key == key && (e.Section == section || section == "global" && e.Section == "") {
				return fmt.Sprintf("%s:%d %s", e.File, e.Line, key)
			}
		}
		return fromDefault
	}
	if el, ok := f.Global["error_log"]; ok && el != "" {
		if el == "syslog" {
			svc.skip(entrySrc("global", "error_log"), el, SkipSyslog)
		} else {
			s.addLog(svc, f.GlobalAbs(el), entrySrc("global", "error_log"), kFPM)
		}
	} else {
		s.addLog(svc, defLog, fromDefault, kFPM)
	}
	for _, pool := range f.Pools {
		svc.Pools = append(svc.Pools, pool.Name)
		if sl := pool.Values["slowlog"]; sl != "" {
			s.addLog(svc, f.Abs(sl), entrySrc(pool.Name, "slowlog"), kFPMSlow)
		}
		for _, key := range []string{"php_admin_value[error_log]", "php_value[error_log]"} {
			if el := pool.Values[key]; el != "" {
				if el == "syslog" {
					svc.skip(entrySrc(pool.Name, key), el, SkipSyslog)
				} else {
					s.addLog(svc, f.Abs(el), entrySrc(pool.Name, key), kPHPError)
				}
			}
		}
	}
	return svc
}

// fpmVersion accepts "8.2"-like versions only.
func fpmVersion(v string) string {
	if v == "" || strings.Trim(v, "0123456789.") != "" || v[0] == '.' {
		return ""
	}
	return v
}

const bootstrapClass = "org.apache.catalina.startup.Bootstrap"

func (s *scan) tomcat() *Service {
	// Tomcat runs as java (or jsvc): only those processes' cmdlines are read.
	var p presence
	base := ""
	for _, pid := range append(append([]int(nil), s.byComm["java"]...), s.byComm["jsvc"]...) {
		args := s.r.ProcCmdline(pid)
		if !slices.Contains(args, bootstrapClass) {
			continue
		}
		if len(p.pids) == 0 {
			p.comm, p.comment = commOf(s, pid), "("+bootstrapClass+")"
			for _, a := range args {
				if v, ok := strings.CutPrefix(a, "-Dcatalina.base="); ok {
					base = v
				}
			}
		}
		p.pids = append(p.pids, pid)
	}
	p.unit = s.unit("tomcat.service", "tomcat11.service", "tomcat10.service", "tomcat9.service")
	p.binary = s.firstOf("/usr/share/tomcat*/bin/bootstrap.jar")
	if !p.found() {
		p.pkg = s.dpkgInstalled("tomcat11", "tomcat10", "tomcat9")
	}
	svc := p.service(Tomcat)
	if svc == nil {
		return nil
	}
	flavor := "tomcat"
	for _, e := range []string{base, p.unit, p.binary, p.pkg} {
		if i := strings.Index(e, "tomcat"); i >= 0 {
			v := e[i:]
			v = v[:len(v)-len(strings.TrimLeft(v[6:], "0123456789"))]
			if v != "tomcat" {
				flavor = v
				break
			}
		}
	}
	svc.Flavor = flavor
	if base == "" {
		base = "/usr/share/tomcat" // RHEL
		if s.debianLike() {
			base = "/var/lib/" + flavor
		}
	}
	logs := base + "/logs"
	s.addLog(svc, logs+"/catalina.*.log", fromDefault, kCatalina)
	if s.r.Exists(logs + "/catalina.out") {
		s.addLog(svc, logs+"/catalina.out", fromDefault, kCatalina)
	}
	conf := base + "/conf/server.xml"
	sx, err := svcconf.ParseServerXML(s.r, conf)
	if err != nil && sx == nil {
		svc.problem(conf, err)
		s.addLog(svc, logs+"/localhost_access_log.*.txt", fromDefault, kAccess)
		return svc
	}
	if err != nil {
		svc.problem(conf, err)
	}
	svc.Config = conf
	for _, v := range sx.Find("Valve", "AccessLogValve") {
		dir := v.Attrs["directory"]
		if dir == "" {
			dir = "logs"
		}
		if !path.IsAbs(dir) {
			dir = path.Join(base, dir)
		}
		prefix, suffix := v.Attrs["prefix"], v.Attrs["suffix"]
		if prefix == "" {
			prefix = "access_log"
		}
		s.addLog(svc, dir+"/"+prefix+"*"+suffix, conf+" AccessLogValve", kAccess)
	}
	return svc
}

func commOf(s *scan, pid int) string {
	for _, p := range s.procs {
		if p.PID == pid {
			return p.Comm
		}
	}
	return ""
}

func (s *scan) mysql() *Service {
	p := s.presence(commIs("mariadbd", "mysqld"), []string{"mariadb.service", "mysqld.service", "mysql.service"},
		[]string{"/usr/sbin/mariadbd", "/usr/sbin/mysqld", "/usr/libexec/mysqld"},
		[]string{"mariadb-server*", "mysql-server*"})
	svc := p.service(MySQL)
	if svc == nil {
		return nil
	}
	mariadb := p.comm == "mariadbd" || strings.Contains(p.unit+p.binary+p.pkg, "mariadb") ||
		s.r.Exists("/etc/my.cnf.d/mariadb-server.cnf") || s.r.Exists("/etc/mysql/mariadb.conf.d")
	k := kMySQL
	svc.Flavor = "mysql"
	if mariadb {
		svc.Flavor, k = "mariadb", kMariaDB
	}
	main := "/etc/my.cnf"
	if s.debianLike() {
		main = "/etc/mysql/my.cnf"
	}
	var def string
	switch {
	case s.debianLike() && mariadb:
		def = "" // Debian's mysqld_safe sends errors to syslog
	case s.debianLike():
		def = "/var/log/mysql/error.log"
	case mariadb:
		def = "/var/log/mariadb/mariadb.log"
	default:
		def = "/var/log/mysql/mysqld.log"
	}
	addDefault := func() {
		if def == "" {
			svc.skip(fromDefault, "syslog", SkipSyslog)
		} else {
			s.addLog(svc, def, fromDefault, k)
		}
	}
	m, err := svcconf.ParseMyCnf(s.r, main)
	if err != nil {
		svc.problem(main, err)
		addDefault()
		return svc
	}
	svc.Config = main
	svc.configProblems(m.INI.Problems)
	datadir := "/var/lib/mysql"
	if e, ok := m.Get("datadir"); ok && e.Value != "" {
		datadir = e.Value
	}
	abs := func(p string) string {
		if path.IsAbs(p) {
			return p
		}
		return path.Join(datadir, p)
	}
	entrySrc := func(e svcconf.Entry) string { return fmt.Sprintf("%s:%d %s", e.File, e.Line, e.Key) }
	if e, ok := m.Get("log_error", "mysqld", "server", "mariadb", "mariadbd"); ok && e.Value != "" {
		s.addLog(svc, abs(e.Value), entrySrc(e), k)
	} else if e, ok := m.Get("syslog", "mysqld_safe"); ok {
		svc.skip(entrySrc(e), "syslog", SkipSyslog)
	} else {
		addDefault()
	}
	if on, ok := m.Get("slow_query_log"); ok && (on.Value == "1" || strings.EqualFold(on.Value, "ON")) {
		if e, ok := m.Get("slow_query_log_file"); ok && e.Value != "" {
			s.addLog(svc, abs(e.Value), entrySrc(e), kMySQLSlow)
		}
	}
	return svc
}

func (s *scan) postgresql() *Service {
	p := s.presence(commIs("postgres", "postmaster"), []string{"postgresql.service", "postgresql-*.service"},
		[]string{"/usr/bin/postgres", "/usr/lib/postgresql/*/bin/postgres", "/usr/pgsql-*/bin/postgres"}, []string{"postgresql-1*"})
	svc := p.service(PostgreSQL)
	if svc == nil {
		return nil
	}
	if s.debianLike() {
		s.addLog(svc, "/var/log/postgresql/postgresql-*.log", fromDefault, kPostgres)
	} else {
		s.addLog(svc, "/var/lib/pgsql/data/log/postgresql-*.log", fromDefault, kPostgres)
	}
	return svc
}

func (s *scan) redis() *Service {
	p := s.presence(commIs("redis-server"), []string{"redis.service", "redis-server.service"},
		[]string{"/usr/bin/redis-server"}, []string{"redis-server"})
	svc := p.service(Redis)
	if svc == nil {
		return nil
	}
	def := "/var/log/redis/redis.log"
	if s.debianLike() {
		def = "/var/log/redis/redis-server.log"
	}
	for _, conf := range []string{"/etc/redis/redis.conf", "/etc/redis.conf"} {
		data, err := svcconf.ReadRegular(s.r, conf, 4<<20)
		if err != nil {
			continue
		}
		svc.Config = conf
		for i, l := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(l), "logfile"); ok && (v == "" || v[0] == ' ' || v[0] == '\t') {
				v = strings.Trim(strings.TrimSpace(v), `"`)
				source := fmt.Sprintf("%s:%d logfile", conf, i+1)
				if v == "" {
					svc.skip(source, `""`, SkipSyslog) // stdout: the journal under systemd
					return svc
				}
				s.addLog(svc, v, source, kRedis)
				return svc
			}
		}
		break
	}
	s.addLog(svc, def, fromDefault, kRedis)
	return svc
}
