package sizing

import (
	"context"
	"fmt"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/svcconf"
)

// Measurement is what Measure read from the host.
type Measurement struct {
	Mem              Meminfo
	Processes        []ProcMem
	Services         []ServiceMemory
	CPU              CPUUse
	CPUErr           error // the sample failed or was skipped (nil sampler)
	Settings         Settings
	SettingsProblems []string
	Evidence         Evidence
	// Cgroups are the memory limits of each service's own cgroup (only
	// the services that have one).
	Cgroups map[string]CgroupLimit
	// Arch is the host's architecture ("amd64", "arm64"; "" unknown).
	Arch string
	// DB is what the running database said about itself (live root only).
	DB DBFacts
}

// hostArch reads the kernel's machine name under the root (a fixture has
// proc/sys/kernel/arch); on the live machine without it, Go's own.
func hostArch(r host.Root) string {
	b, err := r.ReadFile("/proc/sys/kernel/arch")
	switch a := strings.TrimSpace(string(b)); {
	case err != nil || a == "":
		if r.Live() {
			return runtime.GOARCH
		}
		return ""
	case a == "x86_64":
		return "amd64"
	case a == "aarch64":
		return "arm64"
	default:
		return a
	}
}

// CgroupLimit is a cgroup memory limit and the file that set it.
type CgroupLimit struct {
	MB   int64
	File string
}

// serviceCgroups reads the cgroup limit of each service's first parent
// process (the one systemd started).
func serviceCgroups(r host.Root, procs []ProcMem) map[string]CgroupLimit {
	pids := map[int]string{}
	for _, p := range procs {
		pids[p.PID] = p.Service
	}
	out := map[string]CgroupLimit{}
	for _, p := range procs {
		if p.Service == Other || pids[p.PPID] == p.Service {
			continue
		}
		if _, done := out[p.Service]; done {
			continue
		}
		if mb, file, ok := cgroupLimit(r, p.PID); ok {
			out[p.Service] = CgroupLimit{MB: mb, File: file}
		}
	}
	return out
}

// errNoSample marks a run without a CPU sampler.
var errNoSample = fmt.Errorf("CPU not sampled")

// Measure reads memory, processes and settings under r. The CPU sample
// (nil: skipped) runs meanwhile, so it costs no extra time.
func Measure(ctx context.Context, r host.Root, cpu CPUSampler) (Measurement, error) {
	type sample struct {
		use CPUUse
		err error
	}
	done := make(chan sample, 1)
	if cpu != nil {
		go func() {
			u, err := cpu.Sample(ctx)
			done <- sample{u, err}
		}()
	} else {
		done <- sample{err: errNoSample}
	}
	var m Measurement
	var err error
	if m.Mem, err = ReadMeminfo(r); err != nil {
		return m, err
	}
	if m.Processes, err = MeasureProcesses(r); err != nil {
		return m, err
	}
	m.Services = Group(m.Processes)
	m.Cgroups = serviceCgroups(r, m.Processes)
	m.Arch = hostArch(r)
	if r.Live() {
		for _, p := range m.Processes {
			if p.Service == detect.MySQL {
				if sock := mysqlSocket(r, p.Args); sock != "" {
					m.DB = ReadDB(ctx, sock, "root")
				}
				break
			}
		}
	}
	m.Settings, m.SettingsProblems = ReadSettings(r, m.Processes)
	m.Evidence = ReadEvidence(r, m.Mem)
	s := <-done
	m.CPU, m.CPUErr = s.use, s.err
	if m.CPU.CPUs == 0 {
		// No sample: still count the vCPUs.
		if b, err := r.ReadFile("/proc/stat"); err == nil {
			if st, err := ParseCPUStat(b); err == nil {
				m.CPU.CPUs = st.CPUs
			}
		}
	}
	if ctx.Err() != nil {
		return m, ctx.Err()
	}
	return m, nil
}

// ReadSettings reads the current limits of the services that run, with
// svcconf. Problems (unreadable includes, bad values) are returned as
// text; the affected values keep their defaults.
func ReadSettings(r host.Root, procs []ProcMem) (Settings, []string) {
	var s Settings
	var problems []string
	running := map[string][]ProcMem{}
	for _, p := range procs {
		running[p.Service] = append(running[p.Service], p)
	}
	note := func(ps ...svcconf.Problem) {
		for _, p := range ps {
			problems = append(problems, p.Error())
		}
	}
	if _, ok := running[detect.Nginx]; ok {
		s.Nginx = readNginx(r, note)
	}
	if _, ok := running[detect.Apache]; ok {
		s.Apache = readApache(r, note)
	}
	if ps, ok := running[detect.PHPFPM]; ok {
		s.FPM = readFPM(r, ps, note)
	}
	if ps, ok := running[detect.MySQL]; ok {
		s.MySQL = readMySQL(r, mysqlMain(ps), note)
	}
	if ps, ok := running[detect.Tomcat]; ok {
		s.Tomcat = readTomcat(r, ps[0], note)
	}
	return s, problems
}

// mysqlMain is the server process (mysqld_safe's child, not a client).
func mysqlMain(ps []ProcMem) ProcMem {
	for _, p := range ps {
		if p.Comm == "mariadbd" || p.Comm == "mysqld" {
			return p
		}
	}
	return ps[0]
}

func firstExisting(r host.Root, paths ...string) string {
	for _, p := range paths {
		if r.Exists(p) {
			return p
		}
	}
	return ""
}

func readNginx(r host.Root, note func(...svcconf.Problem)) *NginxSettings {
	main := firstExisting(r, "/etc/nginx/nginx.conf")
	if main == "" {
		return nil
	}
	n, err := svcconf.ParseNginx(r, main)
	if err != nil {
		note(svcconf.Problem{File: main, Err: err})
		return nil
	}
	note(n.Problems...)
	out := &NginxSettings{WorkerProcesses: "1", Default: true, Source: main}
	for _, d := range n.Find("worker_processes") {
		if len(d.Context) == 0 {
			out.WorkerProcesses, out.Default = d.Arg(0), false
		}
	}
	return out
}

func readApache(r host.Root, note func(...svcconf.Problem)) *ApacheSettings {
	main := firstExisting(r, "/etc/apache2/apache2.conf", "/etc/httpd/conf/httpd.conf")
	if main == "" {
		return nil
	}
	opt := svcconf.ApacheOptions{}
	if strings.HasPrefix(main, "/etc/apache2/") {
		opt.ServerRoot = "/etc/apache2"
		if env, err := svcconf.ApacheEnvvars(r, "/etc/apache2/envvars"); err == nil {
			opt.Env = env
		}
	} else {
		opt.ServerRoot = "/etc/httpd"
	}
	a, err := svcconf.ParseApache(r, main, opt)
	if err != nil {
		note(svcconf.Problem{File: main, Err: err})
		return nil
	}
	note(a.Problems...)
	out := &ApacheSettings{MPM: a.MPM(), Source: main}
	if out.MPM == "" {
		out.MPM = "prefork"
	}
	for _, m := range []string{"php_module", "php7_module", "php5_module"} {
		out.ModPHP = out.ModPHP || a.Loaded(m)
	}
	num := func(names ...string) Value {
		for _, n := range names {
			if d, ok := a.Setting(n); ok {
				if v, err := strconv.ParseInt(d.Arg(0), 10, 64); err == nil && v >= 0 {
					return set(v)
				}
				note(svcconf.Problem{File: d.File, Line: d.Line, Err: fmt.Errorf("%s %q is not a number", d.Name, d.Arg(0))})
			}
		}
		return Value{}
	}
	out.MaxRequestWorkers = num("MaxRequestWorkers", "MaxClients")
	out.ServerLimit = num("ServerLimit")
	out.ThreadsPerChild = num("ThreadsPerChild")
	out.MaxConnectionsPerChild = num("MaxConnectionsPerChild", "MaxRequestsPerChild")
	out.applyDefaults()
	return out
}

// fpmMain finds php-fpm.conf from the master's rewritten command line,
// "php-fpm: master process (/etc/php/8.2/fpm/php-fpm.conf)".
func fpmMain(r host.Root, procs []ProcMem) string {
	for _, p := range procs {
		if i := strings.Index(p.Args, "master process ("); i >= 0 {
			rest := p.Args[i+len("master process ("):]
			if j := strings.IndexByte(rest, ')'); j > 0 {
				return rest[:j]
			}
		}
	}
	if m, _ := r.Glob("/etc/php/*/fpm/php-fpm.conf"); len(m) > 0 {
		return m[len(m)-1]
	}
	return firstExisting(r, "/etc/php-fpm.conf")
}

func readFPM(r host.Root, procs []ProcMem, note func(...svcconf.Problem)) []FPMPool {
	main := fpmMain(r, procs)
	if main == "" {
		return nil
	}
	f, err := svcconf.ParseFPM(r, main)
	if err != nil {
		note(svcconf.Problem{File: main, Err: err})
		return nil
	}
	note(f.INI.Problems...)
	iniLimit, iniAt := phpIniMemoryLimit(r, main)
	var out []FPMPool
	for _, p := range f.Pools {
		pool := FPMPool{Name: p.Name, PM: p.Values["pm"], Source: p.File, MaxChildren: def(5), MemoryLimitMB: iniLimit, MemoryLimitAt: iniAt}
		if pool.PM == "" {
			pool.PM = "dynamic"
		}
		if v, ok := p.Values["pm.max_children"]; ok {
			if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > 0 {
				pool.MaxChildren = set(n)
			}
		}
		for _, k := range []string{"php_value[memory_limit]", "php_admin_value[memory_limit]"} {
			if v, ok := p.Values[k]; ok {
				if mb, ok := phpLimitMB(v); ok {
					pool.MemoryLimitMB, pool.MemoryLimitAt = mb, p.File
				}
			}
		}
		out = append(out, pool)
	}
	return out
}

// phpLimitMB reads a memory_limit value: "128M", "1G", "-1" (no limit).
func phpLimitMB(v string) (int64, bool) {
	v = strings.TrimSpace(strings.Trim(strings.TrimSpace(v), `"'`))
	if v == "-1" {
		return -1, true
	}
	n, ok := ParseSize(v)
	if !ok {
		return 0, false
	}
	return n >> 20, true
}

// phpIniMemoryLimit reads memory_limit from the php.ini PHP-FPM loads:
// beside php-fpm.conf on Debian (/etc/php/8.2/fpm/php.ini), /etc/php.ini
// on RHEL. PHP's own default is 128M.
func phpIniMemoryLimit(r host.Root, fpmConf string) (int64, string) {
	for _, ini := range []string{path.Join(path.Dir(fpmConf), "php.ini"), "/etc/php.ini"} {
		b, err := svcconf.ReadRegular(r, ini, 1<<20)
		if err != nil {
			continue
		}
		limit, found := int64(128), false
		for _, l := range strings.Split(string(b), "\n") {
			k, v, ok := strings.Cut(l, "=")
			if !ok || strings.TrimSpace(k) != "memory_limit" {
				continue
			}
			if i := strings.IndexByte(v, ';'); i >= 0 {
				v = v[:i]
			}
			if mb, ok := phpLimitMB(v); ok {
				limit, found = mb, true
			}
		}
		if found {
			return limit, ini
		}
		return 128, ini
	}
	return 0, ""
}

// myCnfFiles are the option files mysqld and mariadbd read, in order
// (later values win): /etc/my.cnf, then /etc/mysql/my.cnf (Debian's).
var myCnfFiles = []string{"/etc/my.cnf", "/etc/mysql/my.cnf"}

// mysqlVars are the option names sizing reads, with the field each fills.
func mysqlVars(m *MySQLSettings) map[string]*Value {
	return map[string]*Value{
		"innodb_buffer_pool_size": &m.BufferPool, "key_buffer_size": &m.KeyBuffer,
		"innodb_log_buffer_size": &m.LogBuffer, "query_cache_size": &m.QueryCache,
		"aria_pagecache_buffer_size": &m.AriaPagecache, "max_connections": &m.MaxConnections,
		"read_buffer_size": &m.ReadBuffer, "read_rnd_buffer_size": &m.ReadRndBuffer,
		"sort_buffer_size": &m.SortBuffer, "join_buffer_size": &m.JoinBuffer,
		"thread_stack": &m.ThreadStack, "binlog_cache_size": &m.BinlogCache,
		"tmp_table_size": &m.TmpTable, "max_heap_table_size": &m.MaxHeapTable,
		"temptable_max_ram": &m.TempTableRAM,
	}
}

// readMySQL reads the options as mysqld does: the option files in order
// with their !include/!includedir files (or only --defaults-file), then
// the command line, later values winning. The flavour is MariaDB when the
// binary is mariadbd or the configuration is MariaDB's (RHEL 8's MariaDB
// 10.3 runs as /usr/libexec/mysqld).
func readMySQL(r host.Root, p ProcMem, note func(...svcconf.Problem)) *MySQLSettings {
	out := &MySQLSettings{MariaDB: p.Comm == "mariadbd" || strings.Contains(p.Args, "mariadb")}
	args := strings.Fields(p.Args)
	files := myCnfFiles
	var extra string
	for _, a := range args {
		if v, ok := strings.CutPrefix(a, "--defaults-file="); ok {
			files = []string{v}
		}
		if v, ok := strings.CutPrefix(a, "--defaults-extra-file="); ok {
			extra = v
		}
	}
	if extra != "" {
		files = append(files[:len(files):len(files)], extra)
	}
	all := &svcconf.MyCnf{INI: &svcconf.INI{}}
	for _, f := range files {
		if !r.Exists(f) {
			continue
		}
		c, err := svcconf.ParseMyCnf(r, f)
		if err != nil {
			note(svcconf.Problem{File: f, Err: err})
			continue
		}
		note(c.INI.Problems...)
		all.INI.Entries = append(all.INI.Entries, c.INI.Entries...)
		all.INI.Files = append(all.INI.Files, c.INI.Files...)
		if out.Source == "" {
			out.Source = f
		}
	}
	out.Files = all.INI.Files
	for _, f := range all.INI.Files {
		out.MariaDB = out.MariaDB || strings.Contains(path.Base(f), "mariadb")
	}
	for _, e := range all.INI.Entries {
		out.MariaDB = out.MariaDB || strings.HasPrefix(strings.ToLower(e.Section), "mariadb")
	}
	// The command line wins over every file.
	cmdline := map[string]string{}
	for _, a := range args {
		if k, v, ok := strings.Cut(strings.TrimPrefix(a, "--"), "="); ok && strings.HasPrefix(a, "--") {
			cmdline[strings.ReplaceAll(k, "-", "_")] = v
		}
	}
	for key, v := range mysqlVars(out) {
		val, file, line := "", "", 0
		if e, ok := all.Get(key); ok {
			val, file, line = e.Value, e.File, e.Line
		}
		if c, ok := cmdline[key]; ok {
			val, file, line = c, "mysqld command line", 0
		}
		if file == "" {
			continue
		}
		if n, ok := ParseSize(val); ok {
			*v = set(n)
		} else {
			note(svcconf.Problem{File: file, Line: line, Err: fmt.Errorf("%s = %q is not a size", key, val)})
		}
	}
	out.PerfSchema = !out.MariaDB
	ps, have := cmdline["performance_schema"]
	if e, ok := all.Get("performance_schema"); ok && !have {
		ps, have = e.Value, true
	}
	if have {
		switch strings.ToLower(ps) {
		case "", "1", "on", "true":
			out.PerfSchema = true
		case "0", "off", "false":
			out.PerfSchema = false
		}
	}
	out.applyDefaults()
	return out
}

// readTomcat takes the JVM's memory flags from its command line, the
// cgroup limit the JVM sizes against, and maxThreads from server.xml under
// -Dcatalina.base.
func readTomcat(r host.Root, p ProcMem, note func(...svcconf.Problem)) *TomcatSettings {
	out := &TomcatSettings{}
	base := ""
	mb := func(s string) (Value, bool) {
		n, ok := ParseSize(s)
		return set(n >> 20), ok
	}
	for _, a := range strings.Fields(p.Args) {
		switch {
		case strings.HasPrefix(a, "-Xmx"):
			if v, ok := mb(a[4:]); ok {
				out.XmxMB = v
			}
		case strings.HasPrefix(a, "-Xss"):
			if n, ok := ParseSize(a[4:]); ok {
				out.XssKB = set(n >> 10)
			}
		case strings.HasPrefix(a, "-XX:ThreadStackSize="):
			if n, err := strconv.ParseInt(strings.TrimPrefix(a, "-XX:ThreadStackSize="), 10, 64); err == nil && n > 0 {
				out.XssKB = set(n) // in KiB
			}
		case strings.HasPrefix(a, "-XX:MaxRAMPercentage="):
			if f, err := strconv.ParseFloat(strings.TrimPrefix(a, "-XX:MaxRAMPercentage="), 64); err == nil && f > 0 && f <= 100 {
				out.RAMPercent = f
			}
		case strings.HasPrefix(a, "-XX:InitialRAMPercentage="):
			if f, err := strconv.ParseFloat(strings.TrimPrefix(a, "-XX:InitialRAMPercentage="), 64); err == nil && f > 0 && f <= 100 {
				out.InitialPercent = f
			}
		case strings.HasPrefix(a, "-XX:MaxRAM="):
			if v, ok := mb(strings.TrimPrefix(a, "-XX:MaxRAM=")); ok && v.N > 0 {
				out.LimitMB = v.N
			}
		case strings.HasPrefix(a, "-XX:MaxMetaspaceSize="):
			if v, ok := mb(strings.TrimPrefix(a, "-XX:MaxMetaspaceSize=")); ok {
				out.MetaspaceMB = v
			}
		case strings.HasPrefix(a, "-XX:ReservedCodeCacheSize="):
			if v, ok := mb(strings.TrimPrefix(a, "-XX:ReservedCodeCacheSize=")); ok {
				out.CodeCacheMB = v
			}
		case strings.HasPrefix(a, "-Dcatalina.base="):
			base = strings.TrimPrefix(a, "-Dcatalina.base=")
		}
	}
	if lim, file, ok := cgroupLimit(r, p.PID); ok {
		out.CgroupMB, out.CgroupFile = lim, file
		if out.LimitMB == 0 {
			out.LimitMB, out.LimitFromCgroup = lim, true
		}
	}
	xml := ""
	if base != "" {
		xml = firstExisting(r, path.Join(base, "conf/server.xml"))
	}
	if xml == "" {
		if m, _ := r.Glob("/etc/tomcat*/server.xml"); len(m) > 0 {
			xml = m[len(m)-1]
		}
	}
	if xml == "" {
		return out
	}
	out.Source = xml
	sx, err := svcconf.ParseServerXML(r, xml)
	if err != nil {
		note(svcconf.Problem{File: xml, Err: err})
		if sx == nil {
			return out
		}
	}
	for _, name := range []string{"Connector", "Executor"} {
		for _, e := range sx.Find(name, "") {
			if v, ok := e.Attrs["maxThreads"]; ok {
				if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > out.MaxThreads.N {
					out.MaxThreads = set(n)
				}
			}
		}
	}
	return out
}

// cgroupLimit is the memory limit of a process's cgroup: the smallest
// on its way up to the root (a slice above the service bounds it too).
// cgroup v2 reads memory.max under /sys/fs/cgroup ("max": none); v1 (RHEL
// 8 and Amazon Linux 2 by default) reads memory.limit_in_bytes under
// /sys/fs/cgroup/memory, where "no limit" is a page-rounded 2^63−1. File
// is the file that set the limit, for the report.
func cgroupLimit(r host.Root, pid int) (mb int64, file string, ok bool) {
	b, err := r.ReadFile("/proc/" + strconv.Itoa(pid) + "/cgroup")
	if err != nil {
		return 0, "", false
	}
	type where struct{ root, rel, name string }
	var places []where
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.SplitN(strings.TrimSpace(l), ":", 3)
		if len(f) != 3 || f[2] == "" {
			continue
		}
		rel := path.Clean("/" + f[2])
		switch {
		case f[0] == "0" && f[1] == "":
			places = append(places, where{"/sys/fs/cgroup", rel, "memory.max"})
		case slices.Contains(strings.Split(f[1], ","), "memory"):
			places = append(places, where{"/sys/fs/cgroup/memory", rel, "memory.limit_in_bytes"})
		}
	}
	for _, w := range places {
		for dir := w.rel; ; dir = path.Dir(dir) {
			fp := path.Join(w.root, dir, w.name)
			if v, err := r.ReadFile(fp); err == nil {
				// ≥ 1 PiB is v1's "unlimited".
				if n, err := strconv.ParseInt(strings.TrimSpace(string(v)), 10, 64); err == nil && n > 0 && n < 1<<50 {
					if m := n >> 20; !ok || m < mb {
						mb, file, ok = m, fp, true
					}
				}
			}
			if dir == "/" {
				break
			}
		}
	}
	return mb, file, ok
}

// Assess is the whole job for a caller such as the wizard's sizing
// screen: measure (CPU with cpu, nil to skip), read the journal and ask
// the AWS ports set in opt (each under a deadline; a failure becomes a
// note), build the report with the embedded catalog when opt.Catalog is nil. The caller localizes it
// (Report.Localize) and draws it (render/sizingtext).
func Assess(ctx context.Context, r host.Root, cpu CPUSampler, opt Options) (Report, error) {
	if opt.Catalog == nil {
		c, err := LoadCatalog()
		if err != nil {
			return Report{}, err
		}
		opt.Catalog = c
	}
	m, err := Measure(ctx, r, cpu)
	if err != nil {
		return Report{}, err
	}
	if opt.Journal != nil {
		jctx, cancel := context.WithTimeout(ctx, lookupTimeout)
		if err := m.Evidence.AddJournal(jctx, opt.Journal); err != nil {
			m.Evidence.JournalSkipped = true
		}
		cancel()
	}
	lookup(ctx, &opt)
	if ctx.Err() != nil {
		return Report{}, ctx.Err()
	}
	return Build(m, opt), nil
}
