package main

import (
	"debug/elf"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestPackageAndModule(t *testing.T) {
	for _, c := range []struct{ sym, pkg, mod string }{
		{"github.com/aws/aws-sdk-go-v2/service/iam.(*Client).GetRole", "github.com/aws/aws-sdk-go-v2/service/iam", "github.com/aws/aws-sdk-go-v2"},
		{"github.com/aws/smithy-go/middleware.(*Stack).ID", "github.com/aws/smithy-go/middleware", "github.com/aws/smithy-go"},
		{"charm.land/huh/v2.NewForm", "charm.land/huh/v2", "charm.land/huh"},
		{"golang.org/x/text/encoding/japanese.init", "golang.org/x/text/encoding/japanese", "golang.org/x/text"},
		{"net/http.(*Transport).RoundTrip", "net/http", "(standard library)"},
		{"runtime.mallocgc", "runtime", "(standard library)"},
		{"main.main", "main", "(standard library)"},
		{"type:*net/http.Request", "(type descriptors)", "(type descriptors)"},
		{"go:string.*", "(runtime tables)", "(runtime tables)"},
		{"encoding/json.Marshal[...]", "encoding/json", "(standard library)"},
	} {
		if got := packageOf(c.sym); got != c.pkg {
			t.Errorf("packageOf(%q) = %q, want %q", c.sym, got, c.pkg)
		}
		if got := moduleOf(c.pkg); got != c.mod {
			t.Errorf("moduleOf(%q) = %q, want %q", c.pkg, got, c.mod)
		}
	}
}

// TestRealBinary builds this program unstripped and checks that its own
// symbols are found and attributed.
func TestRealBinary(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "binsize")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	syms, err := f.Symbols()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range syms {
		if s.Name == "main.packageOf" && s.Size > 0 {
			found = true
		}
	}
	if !found {
		t.Fatal("main.packageOf not among the symbols")
	}
	out, err := exec.Command(bin, "-modules", "-top", "3", bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 || !strings.Contains(string(out), "(standard library)") {
		t.Errorf("output:\n%s", out)
	}
}
