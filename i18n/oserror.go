package i18n

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"
)

// The operating system's error texts ("no such file or directory") are
// English whatever the locale. In Korean, Printer.Error replaces the ones a
// user meets (files, links, permissions, disks, connections) by their
// Korean text, and a Go path error's "open /x: …" becomes "/x: …".

// Keys of the OS error texts.
const (
	OSErrNotExist    Key = "os.err.not_exist"
	OSErrPermission  Key = "os.err.permission"
	OSErrNotPermit   Key = "os.err.not_permitted"
	OSErrIsDir       Key = "os.err.is_dir"
	OSErrNotDir      Key = "os.err.not_dir"
	OSErrLoop        Key = "os.err.loop"
	OSErrNoSpace     Key = "os.err.no_space"
	OSErrReadOnly    Key = "os.err.read_only"
	OSErrExist       Key = "os.err.exist"
	OSErrNameTooLong Key = "os.err.name_too_long"
	OSErrConnRefused Key = "os.err.conn_refused"
	OSErrTimedOut    Key = "os.err.timed_out"
)

var _ = add(map[Key]text{
	OSErrNotExist:    {en: "no such file or directory", ko: "파일이나 디렉터리가 없습니다"},
	OSErrPermission:  {en: "permission denied", ko: "권한이 없습니다"},
	OSErrNotPermit:   {en: "operation not permitted", ko: "허용되지 않는 작업입니다"},
	OSErrIsDir:       {en: "is a directory", ko: "파일이 아니라 디렉터리입니다"},
	OSErrNotDir:      {en: "not a directory", ko: "디렉터리가 아닙니다"},
	OSErrLoop:        {en: "too many levels of symbolic links", ko: "심볼릭 링크가 너무 많이 이어집니다(링크가 자기 자신을 가리킬 수 있습니다)"},
	OSErrNoSpace:     {en: "no space left on device", ko: "디스크 공간이 부족합니다"},
	OSErrReadOnly:    {en: "read-only file system", ko: "읽기 전용 파일 시스템입니다"},
	OSErrExist:       {en: "file exists", ko: "파일이 이미 있습니다"},
	OSErrNameTooLong: {en: "file name too long", ko: "파일 이름이 너무 깁니다"},
	OSErrConnRefused: {en: "connection refused", ko: "연결이 거부되었습니다"},
	OSErrTimedOut:    {en: "connection timed out", ko: "연결 시간이 초과되었습니다"},
})

// osErrnos maps the errors the user meets to their texts.
var osErrnos = []struct {
	errno syscall.Errno
	key   Key
}{
	{syscall.ENOENT, OSErrNotExist},
	{syscall.EACCES, OSErrPermission},
	{syscall.EPERM, OSErrNotPermit},
	{syscall.EISDIR, OSErrIsDir},
	{syscall.ENOTDIR, OSErrNotDir},
	{syscall.ELOOP, OSErrLoop},
	{syscall.ENOSPC, OSErrNoSpace},
	{syscall.EROFS, OSErrReadOnly},
	{syscall.EEXIST, OSErrExist},
	{syscall.ENAMETOOLONG, OSErrNameTooLong},
	{syscall.ECONNREFUSED, OSErrConnRefused},
	{syscall.ETIMEDOUT, OSErrTimedOut},
}

// localizeOS rewrites the OS error texts inside msg (the text of err) in
// p's language. English text is left as the OS wrote it.
func (p Printer) localizeOS(err error, msg string) string {
	if p.Lang != KO {
		return msg
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path != "" {
		// "open /x: no such file or directory" → "/x: no such …", then translated below.
		msg = strings.Replace(msg, pe.Op+" "+pe.Path+": ", pe.Path+": ", 1)
	}
	for _, e := range osErrnos {
		// The text is matched, not only the errno in the chain: errors that
		// carry the OS's words as a string (a link loop found by walking a
		// --root, a reason kept in a report) read the same.
		if en := e.errno.Error(); strings.Contains(msg, en) {
			msg = strings.ReplaceAll(msg, en, p.T(e.key))
		}
	}
	return msg
}
