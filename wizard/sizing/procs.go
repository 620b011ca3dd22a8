package sizing

import (
	"bufio"
	"bytes"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// Other is the group of every process that belongs to no known service.
const Other = "other"

// ProcMem is the memory of one process.
type ProcMem struct {
	PID, PPID int
	Comm      string
	Service   string
	PSSKB     int64  // proportional set size; RSS when Exact is false
	USSKB     int64  // Private_Clean + Private_Dirty; 0 when unknown
	Exact     bool   // PSS came from smaps_rollup
	Threads   int    // num_threads from stat (worker/event children: ThreadsPerChild + 2)
	Args      string // command line, kept for java, php-fpm and mysqld (settings live there)
}

// classify names the service a process belongs to, Other for the rest.
// comm is matched first; java needs its cmdline.
func classify(p host.Process) string {
	c := p.Comm
	switch {
	case c == "apache2" || c == "httpd":
		return detect.Apache
	case strings.HasPrefix(c, "php-fpm"):
		return detect.PHPFPM
	case c == "mysqld" || c == "mariadbd":
		return detect.MySQL
	case c == "nginx":
		return detect.Nginx
	case c == "java":
		a := p.Args()
		if strings.Contains(a, "org.apache.catalina.startup.Bootstrap") || strings.Contains(a, "-Dcatalina.base=") {
			return detect.Tomcat
		}
	case c == "postgres" || c == "postmaster":
		return detect.PostgreSQL
	case c == "redis-server":
		return detect.Redis
	}
	return Other
}

// readProcMem reads PSS (and USS) from smaps_rollup; when that is not
// readable (other users' processes without root, kernels before 4.14) it
// falls back to VmRSS from status, which counts shared pages in full.
// Swapped-out memory (SwapPss, or VmSwap in the fallback) is counted: the
// process needs it back at full load.
func readProcMem(r host.Root, pid int) (pss, uss int64, exact bool, ok bool) {
	base := "/proc/" + strconv.Itoa(pid) + "/"
	if b, err := os.ReadFile(r.Path(base + "smaps_rollup")); err == nil && len(b) > 0 {
		var priv int64
		havePss := false
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			line := sc.Bytes()
			switch {
			case bytes.HasPrefix(line, []byte("Pss:")):
				pss += kbField(line)
				havePss = true
			case bytes.HasPrefix(line, []byte("SwapPss:")):
				// A swapped-out page is memory the process needs back at
				// full load: size on PSS plus its share of swap.
				pss += kbField(line)
			case bytes.HasPrefix(line, []byte("Private_Clean:")), bytes.HasPrefix(line, []byte("Private_Dirty:")):
				priv += kbField(line)
			}
		}
		if havePss {
			return pss, priv, true, true
		}
	}
	b, err := os.ReadFile(r.Path(base + "status"))
	if err != nil {
		return 0, 0, false, false
	}
	var rss, swap int64
	haveRss := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		switch line := sc.Bytes(); {
		case bytes.HasPrefix(line, []byte("VmRSS:")):
			rss, haveRss = kbField(line), true
		case bytes.HasPrefix(line, []byte("VmSwap:")):
			swap = kbField(line)
		}
	}
	if !haveRss {
		return 0, 0, false, true // a kernel thread or a zombie
	}
	return rss + swap, 0, false, true
}

// kbField parses "Name:   1234 kB".
func kbField(line []byte) int64 {
	_, rest, _ := bytes.Cut(line, []byte(":"))
	f := bytes.Fields(rest)
	if len(f) == 0 {
		return 0
	}
	n, _ := strconv.ParseInt(string(f[0]), 10, 64)
	return n
}

// MeasureProcesses reads every process's memory and classifies it. It
// lists comm only and reads stat (parent), smaps_rollup or status, and the
// command line just for java and php-fpm, where settings live.
func MeasureProcesses(r host.Root) ([]ProcMem, error) {
	names, err := r.ProcessNames()
	if err != nil {
		return nil, err
	}
	out := make([]ProcMem, 0, len(names))
	for _, e := range names {
		base := r.Path("/proc/"+strconv.Itoa(e.PID)) + "/"
		st, err := os.ReadFile(base + "stat")
		if err != nil {
			continue // vanished
		}
		ppid, threads := statFields(st)
		p := host.Process{PID: e.PID, PPID: ppid, Comm: e.Comm}
		if wantsArgs(e.Comm) {
			if cl, err := os.ReadFile(base + "cmdline"); err == nil {
				p.Cmdline = strings.Split(strings.TrimRight(string(cl), "\x00"), "\x00")
			}
		}
		svc := classify(p)
		pss, uss, exact, ok := readProcMem(r, p.PID)
		if !ok || (svc == Other && pss == 0) {
			continue // vanished, or a kernel thread (no user memory)
		}
		pm := ProcMem{PID: p.PID, PPID: p.PPID, Comm: p.Comm, Service: svc, PSSKB: pss, USSKB: uss, Exact: exact, Threads: threads}
		if svc == detect.Tomcat || svc == detect.PHPFPM || svc == detect.MySQL {
			pm.Args = p.Args()
		}
		out = append(out, pm)
	}
	return out, nil
}

// wantsArgs says whose command line holds settings: java (-Xmx), php-fpm
// (the master's config path, the pool name), mysqld (--defaults-file, options).
func wantsArgs(comm string) bool {
	return comm == "java" || strings.HasPrefix(comm, "php-fpm") || comm == "mysqld" || comm == "mariadbd"
}

// statFields reads the parent PID (field 4) and num_threads (field 20) of
// /proc/PID/stat; comm (field 2) is in parentheses and may hold spaces and
// parentheses itself.
func statFields(st []byte) (ppid, threads int) {
	i := bytes.LastIndexByte(st, ')')
	if i < 0 {
		return 0, 0
	}
	f := bytes.Fields(st[i+1:])
	if len(f) < 2 {
		return 0, 0
	}
	ppid, _ = strconv.Atoi(string(f[1]))
	if len(f) > 17 {
		threads, _ = strconv.Atoi(string(f[17]))
	}
	return ppid, threads
}

// ServiceMemory is the memory of one service's processes.
type ServiceMemory struct {
	Name      string
	Processes int
	PSSKB     int64
	ParentKB  int64 // the processes whose parent is not in the group (apache parent, php-fpm master)
	Children  int
	ChildKB   int64 // sum over children
	// MaxChildKB is the largest child (sizing uses it, never the count
	// alive); MaxChildThreads is that child's thread count.
	MaxChildKB      int64
	MaxChildThreads int
	Exact           bool // every process had a readable smaps_rollup
	// Pools splits PHP-FPM children by pool ("php-fpm: pool www").
	Pools map[string]PoolMemory
}

// PoolMemory is the children of one PHP-FPM pool.
type PoolMemory struct {
	Children int
	KB       int64
	MaxKB    int64 // the largest child of the pool
}

// fpmPool reads the pool name from a PHP-FPM child's rewritten command line.
func fpmPool(args string) string {
	_, name, ok := strings.Cut(args, "php-fpm: pool ")
	if !ok {
		return ""
	}
	return strings.TrimSpace(name)
}

// AvgChildKB is the average child size; a service without children (mysqld,
// java) counts its single process.
func (s ServiceMemory) AvgChildKB() int64 {
	if s.Children == 0 {
		if s.Processes == 0 {
			return 0
		}
		return s.PSSKB / int64(s.Processes)
	}
	return s.ChildKB / int64(s.Children)
}

// LargestChildKB is the largest child; a service without children
// (mysqld, java) counts its average process.
func (s ServiceMemory) LargestChildKB() int64 {
	return max(s.MaxChildKB, s.AvgChildKB())
}

// serviceOrder is the output order: web tier, then app, then databases.
var serviceOrder = []string{detect.Apache, detect.Nginx, detect.PHPFPM, detect.Tomcat, detect.MySQL, detect.PostgreSQL, detect.Redis, Other}

// Group sums processes by service. A parent is a process whose parent PID
// is not in its own group, so an apache parent's children, or a php-fpm
// master's pool workers, are its children.
func Group(procs []ProcMem) []ServiceMemory {
	pids := map[string]map[int]bool{}
	for _, p := range procs {
		if pids[p.Service] == nil {
			pids[p.Service] = map[int]bool{}
		}
		pids[p.Service][p.PID] = true
	}
	by := map[string]*ServiceMemory{}
	for _, p := range procs {
		s := by[p.Service]
		if s == nil {
			s = &ServiceMemory{Name: p.Service, Exact: true}
			by[p.Service] = s
		}
		s.Processes++
		s.PSSKB += p.PSSKB
		s.Exact = s.Exact && p.Exact
		if p.Service != Other && pids[p.Service][p.PPID] {
			s.Children++
			s.ChildKB += p.PSSKB
			if p.PSSKB > s.MaxChildKB {
				s.MaxChildKB, s.MaxChildThreads = p.PSSKB, p.Threads
			}
			if pool := fpmPool(p.Args); p.Service == detect.PHPFPM && pool != "" {
				if s.Pools == nil {
					s.Pools = map[string]PoolMemory{}
				}
				pm := s.Pools[pool]
				pm.Children++
				pm.KB += p.PSSKB
				pm.MaxKB = max(pm.MaxKB, p.PSSKB)
				s.Pools[pool] = pm
			}
		} else {
			s.ParentKB += p.PSSKB
		}
	}
	out := make([]ServiceMemory, 0, len(by))
	for _, name := range serviceOrder {
		if s := by[name]; s != nil {
			out = append(out, *s)
			delete(by, name)
		}
	}
	rest := make([]string, 0, len(by))
	for n := range by {
		rest = append(rest, n)
	}
	sort.Strings(rest)
	for _, n := range rest {
		out = append(out, *by[n])
	}
	return out
}
