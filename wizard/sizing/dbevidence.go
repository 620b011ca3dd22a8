package sizing

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// DBFacts is what the running MySQL/MariaDB says about itself, read as
// MySQLTuner reads it: read-only statements, root over the local socket
// (unix_socket/auth_socket is root's default on MariaDB and Ubuntu's
// MySQL), under a deadline. Tried is false when nothing was attempted.
type DBFacts struct {
	Tried     bool   `json:"tried"`
	Socket    string `json:"socket,omitempty"`
	Connected bool   `json:"connected"`
	Error     string `json:"error,omitempty"` // why it could not read, when it could not
	// Status counters since the server started.
	UptimeSeconds      int64 `json:"uptime_seconds"`
	MaxUsedConnections int64 `json:"max_used_connections"`
	TmpTables          int64 `json:"created_tmp_tables"`
	TmpDiskTables      int64 `json:"created_tmp_disk_tables"`
	// Engines: data and index size per storage engine (user schemas).
	Engines []EngineSize `json:"engines"`
	// PerfSchemaMB is performance_schema's own memory (-1: not known).
	PerfSchemaMB int64 `json:"performance_schema_mb"`
	// Variables are the server's own values of the memory settings.
	Variables map[string]int64 `json:"variables,omitempty"`
}

// EngineSize is one storage engine's data and index size, in MiB.
type EngineSize struct {
	Engine  string `json:"engine"`
	DataMB  int64  `json:"data_mb"`
	IndexMB int64  `json:"index_mb"`
}

// dbDeadline bounds the whole read: a silent socket must not hang sizing.
const dbDeadline = 3 * time.Second

// dbVariables are the settings read from the server instead of defaults.
var dbVariables = []string{"innodb_buffer_pool_size", "max_connections", "key_buffer_size", "innodb_log_buffer_size",
	"query_cache_size", "aria_pagecache_buffer_size", "read_buffer_size", "read_rnd_buffer_size", "sort_buffer_size",
	"join_buffer_size", "thread_stack", "binlog_cache_size", "tmp_table_size", "max_heap_table_size", "net_buffer_length"}

// socketCandidates are where mysqld listens by default (Debian/Ubuntu,
// RHEL's MariaDB, MySQL's RPMs).
var socketCandidates = []string{"/run/mysqld/mysqld.sock", "/var/run/mysqld/mysqld.sock", "/var/lib/mysql/mysql.sock", "/tmp/mysql.sock"}

// mysqlSocket is the socket from mysqld's command line, else the first
// default that exists under r.
func mysqlSocket(r host.Root, args string) string {
	for _, a := range strings.Fields(args) {
		if v, ok := strings.CutPrefix(a, "--socket="); ok && v != "" {
			return v
		}
	}
	for _, s := range socketCandidates {
		if r.Exists(s) {
			return s
		}
	}
	return ""
}

// ReadDB reads the facts over socket as user (no password: socket
// authentication), every statement read-only, all within dbDeadline.
func ReadDB(ctx context.Context, socket, user string) DBFacts {
	f := DBFacts{Tried: true, Socket: socket, PerfSchemaMB: -1}
	ctx, cancel := context.WithTimeout(ctx, dbDeadline)
	defer cancel()
	cfg := mysql.NewConfig()
	cfg.User, cfg.Net, cfg.Addr = user, "unix", socket
	// The context is the one deadline (dial, handshake, every statement).
	cfg.Timeout = dbDeadline
	cfg.Logger = quietLogger{} // failures go into the report, not onto the terminal
	conn, err := mysql.NewConnector(cfg)
	if err != nil {
		f.Error = err.Error()
		return f
	}
	db := sql.OpenDB(conn)
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		f.Error = dbError(err)
		return f
	}
	f.Connected = true
	status, err := nameValues(ctx, db, "SHOW GLOBAL STATUS WHERE Variable_name IN ('Uptime','Max_used_connections','Created_tmp_tables','Created_tmp_disk_tables')")
	if err != nil {
		f.Error = dbError(err)
		return f
	}
	f.UptimeSeconds, f.MaxUsedConnections = status["uptime"], status["max_used_connections"]
	f.TmpTables, f.TmpDiskTables = status["created_tmp_tables"], status["created_tmp_disk_tables"]
	vars, err := nameValues(ctx, db, "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('"+strings.Join(dbVariables, "','")+"','performance_schema')")
	if err != nil {
		f.Error = dbError(err)
		return f
	}
	ps := vars["performance_schema"] == 1
	delete(vars, "performance_schema")
	f.Variables = vars
	rows, err := db.QueryContext(ctx, `SELECT engine, COALESCE(SUM(data_length),0), COALESCE(SUM(index_length),0)
		FROM information_schema.tables
		WHERE table_schema NOT IN ('mysql','information_schema','performance_schema','sys') AND engine IS NOT NULL
		GROUP BY engine ORDER BY engine`)
	if err != nil {
		f.Error = dbError(err)
		return f
	}
	for rows.Next() {
		var e string
		var d, i int64
		if err := rows.Scan(&e, &d, &i); err != nil {
			break
		}
		f.Engines = append(f.Engines, EngineSize{Engine: e, DataMB: d >> 20, IndexMB: i >> 20})
	}
	rows.Close()
	if ps {
		var n sql.NullInt64
		if err := db.QueryRowContext(ctx, "SELECT SUM(CURRENT_NUMBER_OF_BYTES_USED) FROM performance_schema.memory_summary_global_by_event_name").Scan(&n); err == nil && n.Valid {
			f.PerfSchemaMB = n.Int64 >> 20
		}
	} else {
		f.PerfSchemaMB = 0
	}
	return f
}

type quietLogger struct{}

func (quietLogger) Print(...any) {}

// nameValues runs a SHOW … that returns (name, value) rows; non-numeric
// values read ON as 1 and OFF as 0, others are skipped.
func nameValues(ctx context.Context, db *sql.DB, q string) (map[string]int64, error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		k = strings.ToLower(k)
		switch strings.ToUpper(v) {
		case "ON":
			out[k] = 1
		case "OFF":
			out[k] = 0
		default:
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				out[k] = n
			}
		}
	}
	return out, rows.Err()
}

// dbError is an error's short form for the report.
func dbError(err error) string {
	var me *mysql.MySQLError
	var ne net.Error
	switch {
	case errors.As(err, &me):
		return fmt.Sprintf("%d: %s", me.Number, me.Message)
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return fmt.Sprintf("no answer within %s", dbDeadline)
	}
	return err.Error()
}

// applyServer replaces option-file values and defaults with the server's
// own; it says whether any was taken.
func (m *MySQLSettings) applyServer(v map[string]int64) bool {
	took := false
	for name, dst := range map[string]*Value{
		"innodb_buffer_pool_size": &m.BufferPool, "max_connections": &m.MaxConnections, "key_buffer_size": &m.KeyBuffer,
		"innodb_log_buffer_size": &m.LogBuffer, "query_cache_size": &m.QueryCache, "aria_pagecache_buffer_size": &m.AriaPagecache,
		"read_buffer_size": &m.ReadBuffer, "read_rnd_buffer_size": &m.ReadRndBuffer, "sort_buffer_size": &m.SortBuffer,
		"join_buffer_size": &m.JoinBuffer, "thread_stack": &m.ThreadStack, "binlog_cache_size": &m.BinlogCache,
		"tmp_table_size": &m.TmpTable, "max_heap_table_size": &m.MaxHeapTable,
	} {
		if n, ok := v[name]; ok {
			dst.N = n
			took = true
		}
	}
	return took
}
