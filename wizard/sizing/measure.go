package sizing

import (
	"context"
	"fmt"
	"path"
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
	m.Settings, m.SettingsProblems = ReadSettings(r, m.Processes)
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
		s.MySQL = readMySQL(r, ps[0].Comm == "mariadbd", note)
	}
	if ps, ok := running[detect.Tomcat]; ok {
		s.Tomcat = readTomcat(r, ps[0].Args, note)
	}
	return s, problems
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
	var out []FPMPool
	for _, p := range f.Pools {
		pool := FPMPool{Name: p.Name, PM: p.Values["pm"], Source: p.File, MaxChildren: def(5)}
		if pool.PM == "" {
			pool.PM = "dynamic"
		}
		if v, ok := p.Values["pm.max_children"]; ok {
			if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > 0 {
				pool.MaxChildren = set(n)
			}
		}
		for _, k := range []string{"php_admin_value[memory_limit]", "php_value[memory_limit]"} {
			if n, ok := ParseSize(p.Values[k]); ok {
				pool.MemoryLimitMB = n >> 20
			}
		}
		out = append(out, pool)
	}
	return out
}

func readMySQL(r host.Root, mariadb bool, note func(...svcconf.Problem)) *MySQLSettings {
	main := firstExisting(r, "/etc/mysql/my.cnf", "/etc/my.cnf")
	out := &MySQLSettings{MariaDB: mariadb, Source: main}
	if main == "" {
		out.applyDefaults()
		return out
	}
	c, err := svcconf.ParseMyCnf(r, main)
	if err != nil {
		note(svcconf.Problem{File: main, Err: err})
		out.applyDefaults()
		return out
	}
	note(c.INI.Problems...)
	for key, v := range map[string]*Value{
		"innodb_buffer_pool_size": &out.BufferPool, "key_buffer_size": &out.KeyBuffer,
		"innodb_log_buffer_size": &out.LogBuffer, "max_connections": &out.MaxConnections,
		"read_buffer_size": &out.ReadBuffer, "read_rnd_buffer_size": &out.ReadRndBuffer,
		"sort_buffer_size": &out.SortBuffer, "join_buffer_size": &out.JoinBuffer,
		"thread_stack": &out.ThreadStack, "binlog_cache_size": &out.BinlogCache,
	} {
		e, ok := c.Get(key)
		if !ok {
			continue
		}
		if n, ok := ParseSize(e.Value); ok {
			*v = set(n)
		} else {
			note(svcconf.Problem{File: e.File, Line: e.Line, Err: fmt.Errorf("%s = %q is not a size", key, e.Value)})
		}
	}
	out.applyDefaults()
	return out
}

// readTomcat takes -Xmx from the JVM's command line and maxThreads from
// server.xml under -Dcatalina.base.
func readTomcat(r host.Root, args string, note func(...svcconf.Problem)) *TomcatSettings {
	out := &TomcatSettings{}
	base := ""
	for _, a := range strings.Fields(args) {
		switch {
		case strings.HasPrefix(a, "-Xmx"):
			if n, ok := ParseSize(a[4:]); ok {
				out.XmxMB = set(n >> 20)
			}
		case strings.HasPrefix(a, "-Dcatalina.base="):
			base = strings.TrimPrefix(a, "-Dcatalina.base=")
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

// Assess is the whole job for a caller such as the wizard's sizing
// screen: measure (CPU with cpu, nil to skip), build the report with the
// embedded catalog when opt.Catalog is nil. The caller localizes it
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
	return Build(m, opt), nil
}
