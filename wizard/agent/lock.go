package agent

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/cwsetup/cwsetup/i18n"
)

// Lock is held while one cwsetup run changes the agent. It is an flock on
// a file under the root, so the kernel drops it if the process dies.
type Lock struct {
	f    *os.File
	path string
}

// AcquireLock takes the apply lock at path or returns a localized error
// naming the process that holds it.
func AcquireLock(path string) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, i18n.Errorf(i18n.ApplyErrLockOpen, path, err)
	}
	// O_NOFOLLOW: a lock path that is a symlink (planted inside --root)
	// is refused instead of truncating whatever it points at.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o644)
	if err != nil {
		return nil, i18n.Errorf(i18n.ApplyErrLockOpen, path, err)
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, i18n.Errorf(i18n.ApplyErrLockOpen, path, syscall.EINVAL)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder := "?"
		if b, rerr := os.ReadFile(path); rerr == nil && len(strings.TrimSpace(string(b))) > 0 {
			holder = strings.TrimSpace(string(b))
		}
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, i18n.Errorf(i18n.ApplyErrLocked, holder, path)
		}
		return nil, i18n.Errorf(i18n.ApplyErrLockOpen, path, err)
	}
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &Lock{f: f, path: path}, nil
}

// Release drops the lock. The file stays: removing it would race with a
// process that just opened it.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	l.f.Truncate(0)
	err := syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
	l.f = nil
	return err
}
