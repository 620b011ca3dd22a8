package agent

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

// BackupTimeLayout names backups config.json.bak.20261125T073000Z; the
// names sort in time order.
const BackupTimeLayout = "20060102T150405Z"

// TempSuffix marks the file written before the rename.
const TempSuffix = ".tmp"

// testHookBeforeRename runs between fsync of the temp file and the rename;
// tests use it to crash the process at the worst moment.
var testHookBeforeRename func(tmp string)

// WriteAtomic replaces path with data: a temp file in the same directory,
// fsync, rename over path, fsync of the directory. Mode is 0644. A crash
// leaves either the old or the new file, never a torn one.
func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp := path + TempSuffix
	// A leftover temp file, or a symlink planted in its place, is removed,
	// not followed: the new file is created fresh (O_EXCL), never written
	// through a link to somewhere else.
	if err := os.Remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL|syscall.O_NOFOLLOW, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	// The umask may have narrowed the mode; the agent's user must read it.
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if testHookBeforeRename != nil {
		testHookBeforeRename(tmp)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Backup copies path to path.bak.<UTC timestamp> (atomically, same bytes)
// and returns the backup's path; "" when path does not exist.
func Backup(path string, now time.Time) (string, error) {
	old, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	name := BackupName(path, now)
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			break
		}
		name = fmt.Sprintf("%s-%d", BackupName(path, now), i)
	}
	return name, WriteAtomic(name, old)
}

// BackupName is the backup file name for path at time now.
func BackupName(path string, now time.Time) string {
	return path + ".bak." + now.UTC().Format(BackupTimeLayout)
}

// Backups lists path's backups, oldest first.
func Backups(path string) ([]string, error) {
	matches, err := filepath.Glob(path + ".bak.*")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range matches {
		if !strings.HasSuffix(m, TempSuffix) {
			out = append(out, m)
		}
	}
	sort.Strings(out)
	return out, nil
}

// PruneBackups removes all but the newest keep backups of path and returns
// the removed paths. keep < 1 keeps one: the backup just made is never
// removed.
func PruneBackups(path string, keep int) ([]string, error) {
	if keep < 1 {
		keep = 1
	}
	all, err := Backups(path)
	if err != nil || len(all) <= keep {
		return nil, err
	}
	var removed []string
	for _, b := range all[:len(all)-keep] {
		if err := os.Remove(b); err != nil {
			return removed, err
		}
		removed = append(removed, b)
	}
	return removed, nil
}

// Restore puts backup's bytes back at path, atomically. An empty backup
// name means there was no config before: path is removed.
func Restore(path, backup string) error {
	if backup == "" {
		err := os.Remove(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	data, err := os.ReadFile(backup)
	if err != nil {
		return err
	}
	return WriteAtomic(path, data)
}

// SameContent reports whether path holds exactly data.
func SameContent(path string, data []byte) bool {
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, data)
}
