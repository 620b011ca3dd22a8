package sizing

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/detect"
)

// liveSocket is the socket of the MariaDB the tests install (Debian's
// mariadb-server, started by scripts/peers.d/daemons.sh).
func liveSocket(t *testing.T) string {
	t.Helper()
	const sock = "/run/mysqld/mysqld.sock"
	if _, err := os.Stat(sock); err != nil || os.Geteuid() != 0 {
		testpeer.Missing(t, "a running MariaDB on "+sock+" and root (scripts/peers.d/daemons.sh)")
	}
	return sock
}

// Root by socket: the server's own figures, read-only.
func TestReadDBRootBySocket(t *testing.T) {
	f := ReadDB(context.Background(), liveSocket(t), "root")
	if !f.Connected || f.Error != "" {
		t.Fatalf("%+v", f)
	}
	if f.UptimeSeconds <= 0 || f.MaxUsedConnections < 1 || f.Variables["innodb_buffer_pool_size"] <= 0 || f.Variables["max_connections"] <= 0 || f.Variables["thread_stack"] <= 0 {
		t.Errorf("facts: %+v", f)
	}
	// The report takes the server's values and says where they came from.
	m := Measurement{
		Mem:      Meminfo{TotalKB: 4 << 20, AvailableKB: 2 << 20},
		Services: []ServiceMemory{{Name: detect.MySQL, Processes: 1, PSSKB: 200 << 10, Exact: true}},
		Settings: Settings{MySQL: &MySQLSettings{MariaDB: true, BufferPool: set(3 << 30)}},
		DB:       f, CPUErr: errNoSample,
	}
	r := Build(m, Options{})
	r.Localize(i18n.New(i18n.EN))
	var notes []string
	for _, n := range r.Notes {
		notes = append(notes, n.Text)
	}
	all := strings.Join(notes, "\n")
	if !strings.Contains(all, "read over "+f.Socket) || !strings.Contains(all, "maximum reached") || strings.Contains(all, "No MariaDB option file") {
		t.Errorf("notes:\n%s", all)
	}
	want := fmtMB(f.Variables["innodb_buffer_pool_size"] >> 20)
	for _, rc := range r.Recommendations {
		if rc.Directive == "innodb_buffer_pool_size" && rc.Current != want {
			t.Errorf("buffer pool %s, the server runs %s", rc.Current, want)
		}
	}
}

// A user the server does not know: no access, said so.
func TestReadDBNoAccess(t *testing.T) {
	f := ReadDB(context.Background(), liveSocket(t), "cwsetup_no_such_user")
	if f.Connected || !strings.Contains(f.Error, "1698") && !strings.Contains(f.Error, "1045") {
		t.Errorf("%+v", f)
	}
	m := Measurement{Mem: Meminfo{TotalKB: 4 << 20, AvailableKB: 2 << 20},
		Services: []ServiceMemory{{Name: detect.MySQL, Processes: 1, PSSKB: 200 << 10, Exact: true}},
		Settings: Settings{MySQL: &MySQLSettings{MariaDB: true, Source: "/etc/mysql/my.cnf"}}, DB: f, CPUErr: errNoSample}
	r := Build(m, Options{})
	found := false
	for _, n := range r.Notes {
		found = found || n.Key == i18n.SizingNoteDBUnread
	}
	if !found {
		t.Errorf("no note on the failed read: %+v", r.Notes)
	}
}

// A socket that accepts and never answers: the read gives up at its
// deadline instead of hanging sizing.
func TestReadDBSilentSocket(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "silent.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			defer c.Close() // held open, never written to
		}
	}()
	f := ReadDB(context.Background(), sock, "root")
	if f.Connected || !strings.Contains(f.Error, "no answer within") {
		t.Errorf("%+v", f)
	}
}
