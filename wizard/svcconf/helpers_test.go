package svcconf

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// mkroot writes files (host path → content) under a temp root. A value
// starting with "->" makes a symlink to the rest.
func mkroot(t testing.TB, files map[string]string) host.Root {
	t.Helper()
	dir := t.TempDir()
	for p, c := range files {
		lp := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(lp), 0o755); err != nil {
			t.Fatal(err)
		}
		if len(c) > 2 && c[:2] == "->" {
			if err := os.Symlink(c[2:], lp); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(lp, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
