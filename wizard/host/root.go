// Package host gives read access to a machine's filesystem under a root
// directory ("/" for the live machine, a fixture tree in tests), resolving
// absolute symlinks inside that root.
package host

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
)

// maxLinks bounds symlink resolution, as the kernel's ELOOP limit does.
const maxLinks = 40

// ErrLinkLoop is returned for a symlink chain longer than maxLinks.
var ErrLinkLoop = errors.New("too many levels of symbolic links")

// Root is a filesystem root. Paths given to its methods are absolute paths
// as seen on the host ("/etc/os-release").
//
// A Root may carry a context (WithContext): once it is done, every read
// through the root fails with the context's error, so a long walk over a
// hostile host (include expansion, globs, thousands of files) stops at its
// next file operation when the user presses Ctrl-C.
type Root struct {
	dir string
	ctx context.Context
}

// WithContext returns a copy of r whose reads fail once ctx is done.
func (r Root) WithContext(ctx context.Context) Root {
	r.ctx = ctx
	return r
}

// Err is the error of the root's context: nil while reads may go on.
func (r Root) Err() error {
	if r.ctx == nil {
		return nil
	}
	return r.ctx.Err()
}

// Open checks that dir exists and is a readable directory. Errors are
// localized usage errors: --root is user input.
func Open(dir string) (Root, error) {
	if dir == "" {
		dir = "/"
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Root{}, i18n.UsageErrorf(i18n.ErrRootRead, dir, err)
	}
	st, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Root{}, i18n.UsageErrorf(i18n.ErrRootMissing, dir)
	case err != nil:
		return Root{}, i18n.UsageErrorf(i18n.ErrRootRead, dir, err)
	case !st.IsDir():
		return Root{}, i18n.UsageErrorf(i18n.ErrRootNotDir, dir)
	}
	if _, err := os.ReadDir(abs); err != nil {
		return Root{}, i18n.UsageErrorf(i18n.ErrRootRead, dir, err)
	}
	return Root{dir: abs}, nil
}

// ErrOutsideRoot marks a path that leads out of --root through a symlink
// (or a directory that is one).
var ErrOutsideRoot = errors.New("leads outside --root through a symbolic link")

// Dir is the root directory on the machine running cwsetup.
func (r Root) Dir() string { return r.dir }

// Live reports whether this root is the running machine itself.
func (r Root) Live() bool { return r.dir == "/" || r.dir == "" }

// Path maps a host path to the local path without resolving symlinks.
func (r Root) Path(p string) string {
	if r.Live() {
		return path.Clean("/" + p)
	}
	return filepath.Join(r.dir, path.Clean("/"+p))
}

// Resolve follows symlinks in p component by component, keeping absolute
// link targets inside the root. It returns the resolved host path. A
// missing component is not an error: the rest is appended as is.
func (r Root) Resolve(p string) (string, error) {
	if err := r.Err(); err != nil {
		return "", err
	}
	if r.Live() {
		// The kernel does this for us; keep the path for messages.
		return path.Clean("/" + p), nil
	}
	todo := strings.Split(strings.TrimPrefix(path.Clean("/"+p), "/"), "/")
	cur := "/"
	links := 0
	for len(todo) > 0 {
		c := todo[0]
		todo = todo[1:]
		if c == "" || c == "." {
			continue
		}
		if c == ".." {
			cur = path.Dir(cur)
			continue
		}
		next := path.Join(cur, c)
		fi, err := os.Lstat(r.Path(next))
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			cur = next
			if err != nil {
				// Nothing further can be a link.
				return path.Join(append([]string{cur}, todo...)...), nil
			}
			continue
		}
		links++
		if links > maxLinks {
			return "", &fs.PathError{Op: "resolve", Path: p, Err: ErrLinkLoop}
		}
		target, err := os.Readlink(r.Path(next))
		if err != nil {
			return "", err
		}
		if !path.IsAbs(target) {
			target = path.Join(cur, target)
		}
		todo = append(strings.Split(strings.TrimPrefix(path.Clean(target), "/"), "/"), todo...)
		cur = "/"
	}
	return cur, nil
}

// local resolves p and maps it to a local path.
func (r Root) local(p string) (string, error) {
	rp, err := r.Resolve(p)
	if err != nil {
		return "", err
	}
	return r.Path(rp), nil
}

// ReadFile reads a host file.
func (r Root) ReadFile(p string) ([]byte, error) {
	lp, err := r.local(p)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(lp)
}

// Stat stats a host path, following symlinks inside the root.
func (r Root) Stat(p string) (fs.FileInfo, error) {
	lp, err := r.local(p)
	if err != nil {
		return nil, err
	}
	return os.Stat(lp)
}

// Exists reports whether p exists (after resolving links).
func (r Root) Exists(p string) bool {
	_, err := r.Stat(p)
	return err == nil
}

// ReadDir lists a host directory.
func (r Root) ReadDir(p string) ([]fs.DirEntry, error) {
	lp, err := r.local(p)
	if err != nil {
		return nil, err
	}
	return os.ReadDir(lp)
}

// Readlink reads a symlink's target as stored (not resolved).
func (r Root) Readlink(p string) (string, error) {
	if err := r.Err(); err != nil {
		return "", err
	}
	return os.Readlink(r.Path(p))
}

// Canonical is p with every symlink resolved the way reads through the
// root resolve them: by the kernel on the live machine, inside the root
// otherwise. A path that cannot be resolved is returned as is.
func (r Root) Canonical(p string) string {
	if r.Live() {
		if rp, err := filepath.EvalSymlinks(path.Clean("/" + p)); err == nil {
			return rp
		}
		return path.Clean("/" + p)
	}
	if rp, err := r.Resolve(p); err == nil {
		return rp
	}
	return path.Clean("/" + p)
}

// Contained returns the local path of host path p for direct use by the
// operating system (writing, renaming, reading a file cwsetup owns such as
// config.json and its backups), after checking that the kernel, following
// symlinks in p's directories and in p itself, stays inside the root. A
// link that leaves the root is an error (ErrOutsideRoot): in-root
// resolution would silently write elsewhere than the file named. On the
// live machine every path is inside.
func (r Root) Contained(p string) (string, error) {
	lp := r.Path(p)
	if r.Live() {
		return lp, nil
	}
	top, err := filepath.EvalSymlinks(r.dir)
	if err != nil {
		return "", err
	}
	// The longest existing prefix, as the kernel resolves it.
	probe, rest := lp, ""
	for hops := 0; ; {
		real, err := filepath.EvalSymlinks(probe)
		if err == nil {
			real = filepath.Join(real, rest)
			if real != top && !strings.HasPrefix(real, top+string(filepath.Separator)) {
				return "", &fs.PathError{Op: "open", Path: p, Err: ErrOutsideRoot}
			}
			return lp, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", &fs.PathError{Op: "open", Path: p, Err: causeOf(err)}
		}
		// A dangling symlink: where it points is where a write would go.
		if fi, lerr := os.Lstat(probe); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			if hops++; hops > maxLinks {
				return "", &fs.PathError{Op: "open", Path: p, Err: ErrLinkLoop}
			}
			target, _ := os.Readlink(probe)
			if !filepath.IsAbs(target) {
				target = filepath.Join(filepath.Dir(probe), target)
			}
			probe = filepath.Clean(target)
			continue
		}
		if probe == r.dir || probe == filepath.Dir(probe) {
			return lp, nil
		}
		rest = filepath.Join(filepath.Base(probe), rest)
		probe = filepath.Dir(probe)
	}
}

func causeOf(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Open opens a host file for reading.
func (r Root) Open(p string) (*os.File, error) {
	lp, err := r.local(p)
	if err != nil {
		return nil, err
	}
	return os.Open(lp)
}

// Glob expands a host glob pattern and returns host paths, sorted. The
// directory part is resolved inside the root first.
func (r Root) Glob(pattern string) ([]string, error) {
	if err := r.Err(); err != nil {
		return nil, err
	}
	dir, file := path.Split(path.Clean("/" + pattern))
	if !hasMeta(dir) {
		rd, err := r.Resolve(dir)
		if err != nil {
			return nil, err
		}
		matches, err := filepath.Glob(filepath.Join(r.Path(rd), file))
		if err != nil {
			return nil, err
		}
		out := make([]string, 0, len(matches))
		for _, m := range matches {
			out = append(out, path.Join(dir, filepath.Base(m)))
		}
		return out, nil
	}
	matches, err := filepath.Glob(r.Path(pattern))
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(matches))
	for _, m := range matches {
		out = append(out, r.hostPath(m))
	}
	return out, nil
}

func (r Root) hostPath(local string) string {
	if r.Live() {
		return local
	}
	rel, err := filepath.Rel(r.dir, local)
	if err != nil {
		return local
	}
	return "/" + filepath.ToSlash(rel)
}

func hasMeta(p string) bool { return strings.ContainsAny(p, `*?[\`) }
