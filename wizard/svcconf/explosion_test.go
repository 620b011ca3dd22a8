package svcconf

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// 5,000 pool files that each include their own directory: every file is
// read once, the glob is expanded once, and the 5,001 cycles make one
// problem.
func TestIncludeExplosionReadsEachFileOnce(t *testing.T) {
	dir := t.TempDir()
	const n = 5000
	testpeer.PoolExplosion(t, dir, n)
	r, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	f, err := ParseFPM(r, "/etc/php-fpm.conf")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.INI.Files) != n+1 || len(f.Pools) != n {
		t.Errorf("read %d files, %d pools; want %d, %d", len(f.INI.Files), len(f.Pools), n+1, n)
	}
	seen := map[string]bool{}
	for _, p := range f.INI.Files {
		if seen[p] {
			t.Errorf("%s read twice", p)
		}
		seen[p] = true
	}
	if len(f.INI.Problems) != 1 || !errors.Is(f.INI.Problems[0], ErrIncludeCycle) {
		t.Errorf("%d problems, want one include cycle: %v", len(f.INI.Problems), f.INI.Problems[:min(3, len(f.INI.Problems))])
	}
}

// Past maxFiles the parse stops with one problem, not one per include.
func TestIncludeCap(t *testing.T) {
	dir := t.TempDir()
	n := maxFiles + 50
	testpeer.PoolExplosion(t, dir, n)
	// Each pool also names a file that does not exist: problems are bounded too.
	for i := range 200 {
		p := filepath.Join(dir, fmt.Sprintf("etc/php-fpm.d/pool%05d.conf", i))
		b, _ := os.ReadFile(p)
		os.WriteFile(p, append(b, fmt.Sprintf("include=/etc/missing%d.conf\n", i)...), 0o644)
	}
	r, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	f, err := ParseFPM(r, "/etc/php-fpm.conf")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.INI.Files) != maxFiles {
		t.Errorf("read %d files, want the cap %d", len(f.INI.Files), maxFiles)
	}
	capped := 0
	for _, p := range f.INI.Problems {
		if errors.Is(p, ErrTooManyFiles) {
			capped++
		}
	}
	if capped != 1 || len(f.INI.Problems) > maxProblems+1 {
		t.Errorf("%d cap problems, %d problems in all (at most %d)", capped, len(f.INI.Problems), maxProblems+1)
	}
}
