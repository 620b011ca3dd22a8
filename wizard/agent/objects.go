package agent

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// Grants are set on what a path IS at the moment of the grant, not on
// what its name pointed at when the plan was made (docs/architecture.md,
// "Read access"): the path is opened component by component without
// following links (O_PATH|O_NOFOLLOW), the open object is checked, and
// getfacl/setfacl are given the descriptor's /proc/<pid>/fd path, which
// names that inode whatever the name points at by then. A file swapped
// for a link between the plan and the grant fails to open and gets
// nothing.

// object is a host path held open as an O_PATH descriptor: nothing is
// read through it and opening a FIFO through it does not block.
type object struct {
	f        *os.File
	dev, ino uint64
	mode     uint32
	nlink    uint64
}

// openObject opens host path p under r without following any link on
// the way; a link anywhere fails with ELOOP or ENOTDIR.
func openObject(r host.Root, p string) (*object, error) {
	fd, err := unix.Open(r.Path("/"), unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: r.Path("/"), Err: err}
	}
	segs := strings.Split(strings.TrimPrefix(path.Clean("/"+p), "/"), "/")
	for i, s := range segs {
		if s == "" {
			continue
		}
		flags := unix.O_PATH | unix.O_NOFOLLOW | unix.O_CLOEXEC
		if i < len(segs)-1 {
			flags |= unix.O_DIRECTORY
		}
		next, err := unix.Openat(fd, s, flags, 0)
		unix.Close(fd)
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: p, Err: err}
		}
		fd = next
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		unix.Close(fd)
		return nil, &fs.PathError{Op: "fstat", Path: p, Err: err}
	}
	if st.Mode&unix.S_IFMT == unix.S_IFLNK { // O_PATH|O_NOFOLLOW opens the link itself
		unix.Close(fd)
		return nil, &fs.PathError{Op: "open", Path: p, Err: unix.ELOOP}
	}
	return &object{f: os.NewFile(uintptr(fd), p), dev: uint64(st.Dev), ino: st.Ino, mode: st.Mode, nlink: uint64(st.Nlink)}, nil
}

// procPath names the open object for a child process.
func (o *object) procPath() string { return fmt.Sprintf("/proc/%d/fd/%d", os.Getpid(), o.f.Fd()) }

func (o *object) isDir() bool     { return o.mode&unix.S_IFMT == unix.S_IFDIR }
func (o *object) isRegular() bool { return o.mode&unix.S_IFMT == unix.S_IFREG }
func (o *object) close()          { o.f.Close() }

// aclBody is getfacl's text without its "# file:" line, which names the
// path it was read through (a descriptor path here).
func aclBody(dump []byte) []byte {
	if bytes.HasPrefix(dump, []byte("# file: ")) {
		if i := bytes.IndexByte(dump, '\n'); i >= 0 {
			return dump[i+1:]
		}
	}
	return dump
}
