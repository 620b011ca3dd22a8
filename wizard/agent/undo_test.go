package agent

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
)

// The undo record drives setfacl and the user tools, so a record apply
// could not have written (a disk from elsewhere under --root, a planted
// file) is refused before anything runs.
func TestUndoRefusesForeignRecord(t *testing.T) {
	marker := filepath.Join(t.TempDir(), "ran")
	for name, c := range map[string]struct {
		body string
		mode os.FileMode
		link bool
	}{
		"command":       {`{"uid":-1,"acls":[],"user_commands":[["touch","` + marker + `"]],"had_config":false}`, 0o600, false},
		"userdel other": {`{"uid":-1,"acls":[],"user_commands":[["userdel","root"]],"had_config":false}`, 0o600, false},
		"second file":   {`{"uid":-1,"acls":[{"path":"/var/log/syslog","dump":"# file: x\nuser::rw-\n\n# file: /etc/shadow\nuser::rw-\nother::r--\n"}],"had_config":false}`, 0o600, false},
		"acl on /etc":   {`{"uid":-1,"acls":[{"path":"/etc/shadow","dump":"user::rw-\nother::r--\n"}],"had_config":false}`, 0o600, false},
		"writable":      {`{"uid":-1,"acls":[],"had_config":false}`, 0o666, false},
		"symlink":       {`{"uid":-1,"acls":[],"had_config":false}`, 0o600, true},
	} {
		t.Run(name, func(t *testing.T) {
			r, h := fixtureRoot(t, true)
			p := r.Path(RecordPath)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if c.link {
				real := filepath.Join(t.TempDir(), "rec.json")
				os.WriteFile(real, []byte(c.body), 0o600)
				os.Symlink(real, p)
			} else {
				os.WriteFile(p, []byte(c.body), c.mode)
				os.Chmod(p, c.mode)
			}
			_, err := Undo(context.Background(), UndoOptions{Root: r})
			var ie *i18n.Error
			if !errors.As(err, &ie) || ie.Key != i18n.UndoErrRecord {
				t.Fatalf("undo: %v, want the record refused", err)
			}
			if _, err := os.Stat(marker); err == nil {
				t.Fatal("a command from the record ran")
			}
			if got, _ := os.ReadFile(h.Config()); string(got) != oldConfig {
				t.Error("the config changed")
			}
		})
	}
}
