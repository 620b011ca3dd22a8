package sizing

import (
	"strconv"
	"strings"
)

// Value is a configured number; Set is false when the config does not say
// and N holds the daemon's built-in default.
type Value struct {
	N   int64
	Set bool
}

func def(n int64) Value { return Value{N: n} }
func set(n int64) Value { return Value{N: n, Set: true} }

// Settings are the current limits of the services found.
type Settings struct {
	Nginx  *NginxSettings
	Apache *ApacheSettings
	FPM    []FPMPool
	MySQL  *MySQLSettings
	Tomcat *TomcatSettings
}

// ApacheSettings are the MPM limits in effect.
type ApacheSettings struct {
	MPM                    string // prefork, worker or event
	ModPHP                 bool   // mod_php loaded: prefork children carry PHP
	MaxRequestWorkers      Value
	ServerLimit            Value
	ThreadsPerChild        Value
	MaxConnectionsPerChild Value
	Source                 string // main config file read
}

// apacheDefaults fills unset values with httpd's compiled-in defaults.
func (a *ApacheSettings) applyDefaults() {
	threaded := a.MPM == "worker" || a.MPM == "event"
	if !a.ThreadsPerChild.Set {
		a.ThreadsPerChild = def(25)
		if !threaded {
			a.ThreadsPerChild = def(1)
		}
	}
	if !a.ServerLimit.Set {
		a.ServerLimit = def(256)
		if threaded {
			a.ServerLimit = def(16)
		}
	}
	if !a.MaxRequestWorkers.Set {
		a.MaxRequestWorkers = def(256)
		if threaded {
			a.MaxRequestWorkers = def(a.ServerLimit.N * a.ThreadsPerChild.N)
		}
	}
	if !a.MaxConnectionsPerChild.Set {
		a.MaxConnectionsPerChild = def(0)
	}
}

// NginxSettings are the worker settings of nginx.
type NginxSettings struct {
	WorkerProcesses string // "auto" or a number; nginx's default is 1
	Default         bool
	Source          string
}

// FPMPool is one PHP-FPM pool.
type FPMPool struct {
	Name        string
	PM          string // static, dynamic, ondemand
	MaxChildren Value
	// MemoryLimitMB is PHP's memory_limit for the pool (the pool's
	// php_admin_value/php_value, else php.ini): 0 when unknown, -1 for
	// "no limit".
	MemoryLimitMB int64
	MemoryLimitAt string // where memory_limit was read
	Source        string
}

// MySQLSettings are the memory settings of mysqld/mariadbd, in bytes
// (MaxConnections is a count). applyDefaults fills each flavour's own
// compiled-in defaults.
type MySQLSettings struct {
	MariaDB        bool
	BufferPool     Value
	KeyBuffer      Value
	LogBuffer      Value
	QueryCache     Value
	AriaPagecache  Value // MariaDB only
	MaxConnections Value
	ReadBuffer     Value
	ReadRndBuffer  Value
	SortBuffer     Value
	JoinBuffer     Value
	ThreadStack    Value
	BinlogCache    Value
	TmpTable       Value
	MaxHeapTable   Value
	TempTableRAM   Value // MySQL 8 TempTable engine's shared limit
	// PerfSchema is performance_schema on/off (MySQL 8: on, MariaDB: off).
	PerfSchema bool
	// Files are the option files read, in mysqld's order.
	Files  []string
	Source string
}

// perfSchemaMB is what an enabled performance_schema typically allocates
// (MySQL 8 with default sizing on a small server): an estimate, since only
// SHOW ENGINE PERFORMANCE_SCHEMA STATUS tells.
const perfSchemaMB = 128

func (m *MySQLSettings) applyDefaults() {
	d := func(v *Value, n int64) {
		if !v.Set {
			*v = def(n)
		}
	}
	d(&m.BufferPool, 128<<20)
	d(&m.LogBuffer, 16<<20)
	d(&m.MaxConnections, 151)
	d(&m.ReadBuffer, 128<<10)
	d(&m.ReadRndBuffer, 256<<10)
	d(&m.JoinBuffer, 256<<10)
	d(&m.BinlogCache, 32<<10)
	d(&m.TmpTable, 16<<20)
	d(&m.MaxHeapTable, 16<<20)
	if m.MariaDB {
		// MariaDB 10.5+ (mariadbd --help --verbose).
		d(&m.KeyBuffer, 128<<20)
		d(&m.SortBuffer, 2<<20)
		d(&m.ThreadStack, 299008) // 292 KiB
		d(&m.QueryCache, 1<<20)
		d(&m.AriaPagecache, 128<<20)
		d(&m.TempTableRAM, 0)
		return
	}
	// MySQL 8.0/8.4.
	d(&m.KeyBuffer, 8<<20)
	d(&m.SortBuffer, 256<<10)
	d(&m.ThreadStack, 1<<20)
	d(&m.QueryCache, 0)
	d(&m.AriaPagecache, 0)
	d(&m.TempTableRAM, 1<<30)
}

// TmpTableBytes is the in-memory temporary table one connection may build:
// min(tmp_table_size, max_heap_table_size).
func (m MySQLSettings) TmpTableBytes() int64 { return min(m.TmpTable.N, m.MaxHeapTable.N) }

// PerThreadBytes is MySQLTuner's per-thread buffers: read + read_rnd +
// sort + thread_stack + join + binlog_cache + the in-memory temp table.
func (m MySQLSettings) PerThreadBytes() int64 {
	return m.ReadBuffer.N + m.ReadRndBuffer.N + m.SortBuffer.N + m.JoinBuffer.N + m.ThreadStack.N + m.BinlogCache.N + m.TmpTableBytes()
}

// netBufferBytes is a connection's network and result buffer
// (net_buffer_length, 16 KiB by default in MySQL and MariaDB).
const netBufferBytes = 16 << 10

// TypicalConnBytes is what one connection holds for its whole life: its
// thread stack and its two network buffers. The read, sort and join
// buffers and the in-memory temporary table are allocated per query and
// freed when it ends; they make MySQLTuner's theoretical worst case
// (PerThreadBytes), which is reported apart, never multiplied into limits.
func (m MySQLSettings) TypicalConnBytes() int64 { return m.ThreadStack.N + 2*netBufferBytes }

// ServerBytes are the global buffers allocated once: key buffer, buffer
// pool, log buffer, query cache, Aria page cache, performance_schema.
func (m MySQLSettings) ServerBytes() int64 {
	n := m.BufferPool.N + m.KeyBuffer.N + m.LogBuffer.N + m.QueryCache.N + m.AriaPagecache.N
	if m.PerfSchema {
		n += perfSchemaMB << 20
	}
	return n
}

// ConnBytes is what conns connections may take at once (MySQLTuner's
// total_per_thread_buffers; with MySQL 8's TempTable engine the temporary
// tables share temptable_max_ram).
func (m MySQLSettings) ConnBytes(conns int64) int64 {
	if !m.MariaDB && m.TempTableRAM.N > 0 {
		return (m.PerThreadBytes()-m.TmpTableBytes())*conns + min(m.TempTableRAM.N, m.TmpTableBytes()*conns)
	}
	return m.PerThreadBytes() * conns
}

// PeakBytes is MySQLTuner's "maximum possible memory usage": server
// buffers plus every allowed connection's buffers.
func (m MySQLSettings) PeakBytes() int64 { return m.ServerBytes() + m.ConnBytes(m.MaxConnections.N) }

// TomcatSettings are the JVM's memory settings and the connector threads.
type TomcatSettings struct {
	XmxMB Value // -Xmx; else from MaxRAMPercentage (default 25 %) of the limit
	// HeapFrom says where the heap came from: "Xmx", "MaxRAMPercentage",
	// "default" (the JVM's 25 % of the limit).
	HeapFrom        string
	RAMPercent      float64 // -XX:MaxRAMPercentage (0: not set)
	InitialPercent  float64 // -XX:InitialRAMPercentage (0: not set)
	LimitMB         int64   // what the JVM sizes from: the cgroup's memory.max or MemTotal
	LimitFromCgroup bool
	// CgroupMB is the service's cgroup memory limit (0: none), read from
	// CgroupFile: the whole JVM must fit it, whatever the machine has.
	CgroupMB    int64
	CgroupFile  string
	MetaspaceMB Value // -XX:MaxMetaspaceSize; default: an estimate
	CodeCacheMB Value // -XX:ReservedCodeCacheSize; default 240 MB
	XssKB       Value // -Xss / -XX:ThreadStackSize; default 1 MiB
	MaxThreads  Value // largest Connector maxThreads; default 200
	Source      string
}

// metaspaceMB is a typical Tomcat application's metaspace when
// MaxMetaspaceSize is unlimited (the JVM default): an estimate.
const metaspaceMB = 256

// applyDefaults fills what the JVM and Tomcat use when nothing is set.
// limitMB is the machine's memory or the service's cgroup limit.
func (t *TomcatSettings) applyDefaults(limitMB int64) {
	if t.LimitMB == 0 {
		t.LimitMB = limitMB
	}
	if !t.XmxMB.Set {
		pct := 25.0 // JVM ergonomics: MaxRAMPercentage
		t.HeapFrom = "default"
		if t.RAMPercent > 0 {
			pct, t.HeapFrom = t.RAMPercent, "MaxRAMPercentage"
		}
		t.XmxMB = def(int64(float64(t.LimitMB) * pct / 100))
	} else if t.HeapFrom == "" {
		t.HeapFrom = "Xmx"
	}
	if !t.MetaspaceMB.Set {
		t.MetaspaceMB = def(metaspaceMB)
	}
	if !t.CodeCacheMB.Set {
		t.CodeCacheMB = def(240)
	}
	if !t.XssKB.Set {
		t.XssKB = def(1024)
	}
	if !t.MaxThreads.Set {
		t.MaxThreads = def(200)
	}
}

// NeedMB is the JVM's worst case with heapMB and threads: heap, metaspace,
// code cache and every thread's stack.
func (t TomcatSettings) NeedMB(heapMB, threads int64) int64 {
	return heapMB + t.MetaspaceMB.N + t.CodeCacheMB.N + threads*t.XssKB.N/1024
}

// ParseSize reads MySQL/JVM/PHP sizes: 128M, 1G, 512k, 1073741824.
func ParseSize(s string) (int64, bool) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), `"'`))
	if s == "" {
		return 0, false
	}
	mult := int64(1)
	switch s[len(s)-1] {
	case 'k', 'K':
		mult = 1 << 10
	case 'm', 'M':
		mult = 1 << 20
	case 'g', 'G':
		mult = 1 << 30
	case 't', 'T':
		mult = 1 << 40
	}
	if mult != 1 {
		s = s[:len(s)-1]
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || !(n >= 0) || n*float64(mult) > 1<<60 { // 1 EiB: not a real size
		return 0, false
	}
	return int64(n * float64(mult)), true
}
