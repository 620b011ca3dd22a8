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
	Name          string
	PM            string // static, dynamic, ondemand
	MaxChildren   Value
	MemoryLimitMB int64 // php_admin_value[memory_limit], 0 when not set
	Source        string
}

// MySQLSettings are the memory settings of mysqld/mariadbd, in bytes
// (MaxConnections is a count).
type MySQLSettings struct {
	MariaDB        bool
	BufferPool     Value
	KeyBuffer      Value
	LogBuffer      Value
	MaxConnections Value
	ReadBuffer     Value
	ReadRndBuffer  Value
	SortBuffer     Value
	JoinBuffer     Value
	ThreadStack    Value
	BinlogCache    Value
	Source         string
}

func (m *MySQLSettings) applyDefaults() {
	d := func(v *Value, n int64) {
		if !v.Set {
			*v = def(n)
		}
	}
	d(&m.BufferPool, 128<<20)
	d(&m.KeyBuffer, 8<<20)
	d(&m.LogBuffer, 16<<20)
	d(&m.MaxConnections, 151)
	d(&m.ReadBuffer, 128<<10)
	d(&m.ReadRndBuffer, 256<<10)
	d(&m.SortBuffer, 256<<10)
	d(&m.JoinBuffer, 256<<10)
	d(&m.ThreadStack, 256<<10)
	d(&m.BinlogCache, 32<<10)
	if m.MariaDB {
		d(&m.KeyBuffer, 128<<20)
	}
}

// PerThreadBytes is what each connection can allocate for itself
// (mysqltuner's per-thread sum without the temporary-table limits, which
// are a rare worst case and made its totals meaningless).
func (m MySQLSettings) PerThreadBytes() int64 {
	return m.ReadBuffer.N + m.ReadRndBuffer.N + m.SortBuffer.N + m.JoinBuffer.N + m.ThreadStack.N + m.BinlogCache.N
}

// ServerBytes are the global buffers allocated once.
func (m MySQLSettings) ServerBytes() int64 { return m.BufferPool.N + m.KeyBuffer.N + m.LogBuffer.N }

// PeakBytes is server buffers plus every allowed connection's buffers.
func (m MySQLSettings) PeakBytes() int64 {
	return m.ServerBytes() + m.PerThreadBytes()*m.MaxConnections.N
}

// TomcatSettings are the JVM heap and connector threads.
type TomcatSettings struct {
	XmxMB      Value // -Xmx; default: a quarter of MemTotal (JVM ergonomics)
	MaxThreads Value // largest Connector maxThreads; default 200
	Source     string
}

// applyDefaults fills what the JVM and Tomcat use when nothing is set.
func (t *TomcatSettings) applyDefaults(totalMB int64) {
	if !t.XmxMB.Set {
		t.XmxMB = def(totalMB / 4) // JVM ergonomics: a quarter of physical memory
	}
	if !t.MaxThreads.Set {
		t.MaxThreads = def(200)
	}
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
