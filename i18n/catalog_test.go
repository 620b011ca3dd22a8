package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// declaredKeys parses this package's sources and returns every constant of
// type Key, so a key declared without texts is caught.
func declaredKeys(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range af.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Key" {
					continue
				}
				for i, n := range vs.Names {
					lit := vs.Values[i].(*ast.BasicLit)
					keys[n.Name] = strings.Trim(lit.Value, `"`)
				}
			}
		}
	}
	return keys
}

var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

func verbs(s string) []string {
	var out []string
	for _, v := range verbRE.FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, v[len(v)-1:])
		}
	}
	sort.Strings(out)
	return out
}

func TestEveryKeyHasBothLanguages(t *testing.T) {
	decl := declaredKeys(t)
	if len(decl) == 0 {
		t.Fatal("no keys declared")
	}
	seen := map[string]bool{}
	for name, k := range decl {
		if seen[k] {
			t.Errorf("key value %q used by more than one constant (%s)", k, name)
		}
		seen[k] = true
		txt, ok := catalog()[Key(k)]
		if !ok {
			t.Errorf("%s (%q) has no texts", name, k)
			continue
		}
		if strings.TrimSpace(txt.en) == "" {
			t.Errorf("%s (%q) has no English text", name, k)
		}
		if strings.TrimSpace(txt.ko) == "" {
			t.Errorf("%s (%q) has no Korean text", name, k)
		}
	}
	if len(catalog()) != len(decl) {
		t.Errorf("catalog has %d entries but %d keys are declared", len(catalog()), len(decl))
	}
}

func TestFormatVerbsMatch(t *testing.T) {
	for k, txt := range catalog() {
		en, ko := verbs(txt.en), verbs(txt.ko)
		if strings.Join(en, ",") != strings.Join(ko, ",") {
			t.Errorf("%q: English verbs %v, Korean verbs %v", k, en, ko)
		}
	}
}

var hangul = regexp.MustCompile(`[\x{AC00}-\x{D7A3}]`)

func TestNoHangulInEnglish(t *testing.T) {
	for k, txt := range catalog() {
		if hangul.MatchString(txt.en) {
			t.Errorf("%q: English text contains Hangul: %q", k, txt.en)
		}
	}
}

func TestDetect(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		name string
		flag string
		env  map[string]string
		want Lang
	}{
		{"flag wins", "ko", map[string]string{"LANG": "en_US.UTF-8"}, KO},
		{"flag en", "en", map[string]string{"LC_ALL": "ko_KR.UTF-8"}, EN},
		{"LC_ALL first", "", map[string]string{"LC_ALL": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, KO},
		{"LC_MESSAGES before LANG", "", map[string]string{"LC_MESSAGES": "en_US.UTF-8", "LANG": "ko_KR.UTF-8"}, EN},
		{"LANG ko", "", map[string]string{"LANG": "ko_KR.UTF-8"}, KO},
		{"LANG C", "", map[string]string{"LANG": "C"}, EN},
		{"nothing", "", map[string]string{}, EN},
	}
	for _, c := range cases {
		if got := Detect(c.flag, env(c.env)); got != c.want {
			t.Errorf("%s: got %s want %s", c.name, got, c.want)
		}
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]bool{"ko": true, "KO": true, "en": true, "ko_KR.UTF-8": true, "fr": false, "": false, "korean": false} {
		if _, ok := ParseLang(in); ok != want {
			t.Errorf("ParseLang(%q) ok=%v want %v", in, ok, want)
		}
	}
}

func TestErrorLocalized(t *testing.T) {
	inner := UsageErrorf(ErrRootMissing, "/nope")
	outer := Errorf(ErrRootRead, "/x", inner)
	if !IsUsage(inner) || IsUsage(Errorf(ErrInternal, "x")) {
		t.Fatal("IsUsage wrong")
	}
	ko := New(KO).Error(outer)
	if !strings.Contains(ko, "경로가 없습니다") || !strings.Contains(ko, "읽을 수 없습니다") {
		t.Errorf("nested error not localized: %s", ko)
	}
	if !strings.Contains(outer.Error(), "does not exist") {
		t.Errorf("English Error(): %s", outer.Error())
	}
	if got := New(KO).T("no.such.key"); got != "!no.such.key" {
		t.Errorf("missing key rendered %q", got)
	}
}

func TestUTF8Locale(t *testing.T) {
	get := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if UTF8Locale(get(map[string]string{"LANG": "C"})) {
		t.Error("C is not UTF-8")
	}
	if !UTF8Locale(get(map[string]string{"LANG": "ko_KR.UTF-8"})) {
		t.Error("ko_KR.UTF-8 is UTF-8")
	}
	if UTF8Locale(get(map[string]string{"LC_ALL": "C", "LANG": "ko_KR.UTF-8"})) {
		t.Error("LC_ALL wins")
	}
	_ = os.Getenv
}
