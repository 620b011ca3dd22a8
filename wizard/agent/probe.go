package agent

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"syscall"
	"time"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// The readability proof runs in a helper process: cwsetup's own binary,
// started with the agent user's uid, gid and groups (syscall.Credential,
// set by the kernel between fork and exec), so the kernel itself — modes,
// ACLs, LSMs — decides what that user may open. A subprocess keeps root's
// credentials out of reach of the check entirely, which switching ids on
// one locked thread of this process would not (Go's syscall.Setresuid
// changes every thread). The binary is executed through an inherited file
// descriptor (/proc/self/fd/3), so it need not lie where the agent user
// may reach it (a binary under /root, a test binary in a 0700 temp dir).

const (
	envAccessProbe = "CWSETUP_ACCESS_PROBE"
	argAccessProbe = "__cwsetup-access-probe"
)

// init turns any binary that links this package — cwsetup and its test
// binaries alike — into the helper when started as one.
func init() {
	if os.Getenv(envAccessProbe) == "1" && len(os.Args) == 2 && os.Args[1] == argAccessProbe {
		os.Exit(runAccessProbe(os.Stdin, os.Stdout))
	}
}

// maxProbe bounds one helper run.
const (
	maxProbeRequests = 100_000
	probeTimeout     = 60 * time.Second
)

type probeAnswer struct {
	Errno int    `json:"errno,omitempty"`
	Msg   string `json:"msg,omitempty"`
}

// runAccessProbe reads requests ("f" or "d", NUL, local path, NUL) and
// answers each: a file is opened for reading, a directory opened and
// listed. It never reads file contents.
func runAccessProbe(in io.Reader, out io.Writer) int {
	sc := bufio.NewScanner(io.LimitReader(in, 64<<20))
	sc.Buffer(make([]byte, 64*1024), 64*1024)
	sc.Split(splitNUL)
	var answers []probeAnswer
	for len(answers) < maxProbeRequests && sc.Scan() {
		op := sc.Text()
		if !sc.Scan() {
			break
		}
		answers = append(answers, probeOne(op, sc.Text()))
	}
	if err := json.NewEncoder(out).Encode(answers); err != nil {
		return 1
	}
	return 0
}

func probeOne(op, p string) probeAnswer {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
	if err == nil && op == "d" {
		_, err = f.Readdirnames(1)
		if errors.Is(err, io.EOF) {
			err = nil
		}
	}
	if f != nil {
		f.Close()
	}
	if err == nil {
		return probeAnswer{}
	}
	a := probeAnswer{Msg: err.Error()}
	var en syscall.Errno
	if errors.As(err, &en) {
		a.Errno = int(en)
	}
	return a
}

func splitNUL(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// FileAccess is whether the agent's user can read one path.
type FileAccess struct {
	Path     string `json:"path"` // host path
	Dir      bool   `json:"dir,omitempty"`
	Readable bool   `json:"readable"`
	Error    string `json:"error,omitempty"`
	Err      error  `json:"-"`
}

// ProveReadable opens each file and lists each directory (host paths
// under r) as id, in a helper process, and reports each.
func ProveReadable(r host.Root, id Identity, files, dirs []string) ([]FileAccess, error) {
	var req bytes.Buffer
	var out []FileAccess
	for _, d := range dirs {
		fmt.Fprintf(&req, "d\x00%s\x00", r.Path(d))
		out = append(out, FileAccess{Path: d, Dir: true})
	}
	for _, f := range files {
		fmt.Fprintf(&req, "f\x00%s\x00", r.Path(f))
		out = append(out, FileAccess{Path: f})
	}
	if len(out) == 0 {
		return nil, nil
	}
	if len(out) > maxProbeRequests {
		return nil, fmt.Errorf("%d paths to check, at most %d", len(out), maxProbeRequests)
	}
	self, err := os.Open("/proc/self/exe")
	if err != nil {
		return nil, err
	}
	defer self.Close()
	ctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "/proc/self/fd/3", argAccessProbe)
	cmd.Args[0] = "cwsetup-access-probe"
	cmd.ExtraFiles = []*os.File{self}
	cmd.Env = []string{envAccessProbe + "=1"}
	cmd.Dir = "/"
	groups := make([]uint32, 0, len(id.Groups))
	for _, g := range id.Groups {
		groups = append(groups, uint32(g))
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(id.UID), Gid: uint32(id.GID), Groups: groups}}
	cmd.Stdin = &req
	var stdout, stderr limitedBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("access check as uid %d: %v %s", id.UID, err, bytes.TrimSpace(stderr.Bytes()))
	}
	var answers []probeAnswer
	if err := json.Unmarshal(stdout.Bytes(), &answers); err != nil || len(answers) != len(out) {
		return nil, fmt.Errorf("access check as uid %d: unexpected answer (%d of %d)", id.UID, len(answers), len(out))
	}
	for i, a := range answers {
		if a.Msg == "" {
			out[i].Readable = true
			continue
		}
		out[i].Err = &fs.PathError{Op: "open", Path: out[i].Path, Err: errors.New(a.Msg)}
		if a.Errno != 0 {
			out[i].Err = &fs.PathError{Op: "open", Path: out[i].Path, Err: syscall.Errno(a.Errno)}
		}
		out[i].Error = out[i].Err.Error()
	}
	return out, nil
}
