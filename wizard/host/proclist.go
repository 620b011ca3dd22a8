package host

import (
	"bytes"
	"os"
	"sort"
	"strconv"
	"syscall"
)

// ProcEntry is a process as listed cheaply: its PID and comm only. Detection
// reads cmdline and exe for the few entries whose comm is ambiguous.
type ProcEntry struct {
	PID  int
	Comm string
}

// ProcessNames lists PID and comm of every process under root's /proc,
// sorted by PID: one small read per process, no cmdline, stat or exe.
func (r Root) ProcessNames() ([]ProcEntry, error) {
	procDir := r.Path("/proc")
	f, err := os.Open(procDir)
	if err != nil {
		return nil, err
	}
	names, err := f.Readdirnames(-1)
	f.Close()
	if err != nil {
		return nil, err
	}
	out := make([]ProcEntry, 0, len(names))
	buf := make([]byte, 64)
	path := make([]byte, 0, len(procDir)+32)
	for _, name := range names {
		if name == "" || name[0] < '1' || name[0] > '9' {
			continue
		}
		pid, err := strconv.Atoi(name)
		if err != nil {
			continue
		}
		path = append(append(append(path[:0], procDir...), '/'), name...)
		path = append(path, "/comm"...)
		n, ok := readSmall(string(path), buf)
		if !ok {
			continue // gone, or not a process directory
		}
		out = append(out, ProcEntry{PID: pid, Comm: string(bytes.TrimRight(buf[:n], "\n"))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].PID < out[j].PID })
	return out, nil
}

// readSmall reads up to len(buf) bytes of a file with raw system calls:
// os.Open would add an fstat and a poller registration per file, which
// shows at a thousand processes.
func readSmall(p string, buf []byte) (int, bool) {
	fd, err := syscall.Open(p, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return 0, false
	}
	n, err := syscall.Read(fd, buf)
	syscall.Close(fd)
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// ProcCmdline reads /proc/PID/cmdline as its NUL-separated arguments; nil
// when the process is gone or has none (kernel threads).
func (r Root) ProcCmdline(pid int) []string {
	b, err := os.ReadFile(r.Path("/proc/" + strconv.Itoa(pid) + "/cmdline"))
	if err != nil || len(b) == 0 {
		return nil
	}
	var out []string
	for _, a := range bytes.Split(bytes.TrimRight(b, "\x00"), []byte{0}) {
		out = append(out, string(a))
	}
	return out
}

// ProcExe is the target of /proc/PID/exe, "" when unreadable (other
// users' processes without root).
func (r Root) ProcExe(pid int) string {
	s, _ := os.Readlink(r.Path("/proc/" + strconv.Itoa(pid) + "/exe"))
	return s
}
