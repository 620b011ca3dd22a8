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
	if err := r.Err(); err != nil {
		return nil, err
	}
	procDir := r.Path("/proc")
	f, err := os.Open(procDir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil {
		return nil, err
	}
	// openat relative to the open /proc: the kernel does not walk the
	// root's path again for each of a thousand processes.
	dirfd := int(f.Fd())
	out := make([]ProcEntry, 0, len(names))
	buf := make([]byte, 64)
	for _, name := range names {
		if name == "" || name[0] < '1' || name[0] > '9' {
			continue
		}
		pid, err := strconv.Atoi(name)
		if err != nil {
			continue
		}
		n, ok := readSmallAt(dirfd, name+"/comm", buf)
		if !ok {
			continue // gone, or not a process directory
		}
		out = append(out, ProcEntry{PID: pid, Comm: string(bytes.TrimRight(buf[:n], "\n"))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].PID < out[j].PID })
	return out, nil
}

// readSmallAt reads up to len(buf) bytes of a file with raw system calls:
// os.Open would add an fstat and a poller registration per file, which
// shows at a thousand processes.
func readSmallAt(dirfd int, p string, buf []byte) (int, bool) {
	fd, err := syscall.Openat(dirfd, p, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
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
