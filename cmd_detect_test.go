package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// The -update flag is shared by the package's golden tests; whichever test
// file comes first defines it.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func updatingGoldens() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func TestDetectFlags(t *testing.T) {
	cases := []struct {
		args    []string
		json    bool
		wantErr bool
	}{
		{nil, false, false},
		{[]string{"--json"}, true, false},
		{[]string{"extra"}, false, true},
		{[]string{"--jsn"}, false, true},
	}
	for _, c := range cases {
		var got *detectOptions
		g := &globals{p: i18n.New(i18n.EN)}
		root := &cobra.Command{Use: "cwsetup", SilenceUsage: true, SilenceErrors: true}
		root.AddCommand(newDetectCmdWith(g, newStreams(), func(o *detectOptions) error { got = o; return nil }))
		localizeHelp(root, g.p)
		root.SetArgs(append([]string{"detect"}, c.args...))
		root.SetOut(&bytes.Buffer{})
		root.SetErr(&bytes.Buffer{})
		err := root.Execute()
		if (err != nil) != c.wantErr {
			t.Errorf("%v: err %v", c.args, err)
			continue
		}
		if err == nil && got.JSON != c.json {
			t.Errorf("%v: JSON = %v", c.args, got.JSON)
		}
	}
}

// The human table in both languages, for two fixture roots that show
// most cases (mismatch with its line, piped log skipped, unreadable file).
func TestDetectTableGolden(t *testing.T) {
	for _, root := range []string{"al2", "rocky8", "debian12"} {
		r, err := host.Open(testpeer.Testdata("roots", root))
		if err != nil {
			t.Fatal(err)
		}
		rep, err := detect.Detect(r)
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range i18n.Langs {
			got := detectTable(i18n.New(lang), rep)
			golden := testpeer.Testdata("detect", root+"."+string(lang)+".txt")
			if updatingGoldens() {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test -run TestDetectTableGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s %s table differs from %s:\n%s", root, lang, golden, got)
			}
			if lang == i18n.KO && !strings.Contains(got, "실행 중") {
				t.Errorf("Korean table without Korean state words:\n%s", got)
			}
		}
	}
}

// `cwsetup detect --json --root <fixture>` prints the report the golden
// holds, plus the ec2 object of the AWS issue.
func TestDetectJSONCommand(t *testing.T) {
	root := testpeer.Testdata("roots", "ubuntu2404")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true") // no IMDS probe off EC2
	code, stdout, stderr := runCLI(t, map[string]string{"AWS_EC2_METADATA_DISABLED": "true"}, "detect", "--json", "--root", root)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got, want map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	b, err := os.ReadFile(testpeer.Testdata("detect", "ubuntu2404.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	for k := range got { // the AWS issue's part: ec2, ec2_reason, ec2_decided_by, machine_identity, credentials
		if strings.HasPrefix(k, "ec2") || k == "credentials" || k == "machine_identity" {
			delete(got, k)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("detect --json differs from testdata/detect/ubuntu2404.json:\n%s", stdout)
	}
	if strings.Contains(stdout, root) {
		t.Error("JSON shows the local --root path; paths must be host paths")
	}
}

func TestDetectBadRoot(t *testing.T) {
	garbage := t.TempDir()
	os.MkdirAll(filepath.Join(garbage, "etc"), 0o755)
	os.WriteFile(filepath.Join(garbage, "etc/os-release"), []byte("ID=debian\n<html>oops</html>\n"), 0o644)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"detect", "--root", "/nonexistent/cwsetup"}, "--root /nonexistent/cwsetup does not exist"},
		{[]string{"detect", "--json", "--root", t.TempDir()}, "has no etc/os-release"},
		{[]string{"detect", "--root", garbage}, "line 2 is not a KEY=value line: <html>oops</html>"},
		{[]string{"--lang", "ko", "detect", "--root", garbage}, "2번째 줄이 KEY=value 형식이 아닙니다"},
	}
	for _, c := range cases {
		code, stdout, stderr := runCLI(t, map[string]string{"AWS_EC2_METADATA_DISABLED": "true"}, c.args...)
		if code != exitUsage || stdout != "" || !strings.Contains(stderr, c.want) || strings.Contains(stderr, "panic") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, stdout, stderr, c.want)
		}
	}
}

// On the machine with the real daemons (scripts/peers.d/daemons.sh),
// `cwsetup detect --json` lists each as running with checked log formats.
func TestDetectLiveJSON(t *testing.T) {
	if os.Getenv("CWSETUP_LIVE_DAEMONS") != "1" {
		testpeer.Missing(t, "CWSETUP_LIVE_DAEMONS=1 is not set: run `. scripts/peers.d/daemons.sh` as root (make test does)")
	}
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	code, stdout, stderr := runCLI(t, nil, "detect", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep detect.Report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	running := map[string]bool{}
	for _, s := range rep.Services {
		if s.State != detect.Running {
			continue
		}
		for _, l := range s.Logs {
			if l.Exists && l.FormatChecked {
				running[s.Name] = true
			}
		}
		if s.Name == detect.MySQL && len(s.Skipped) > 0 { // Debian's MariaDB logs to syslog
			running[s.Name] = true
		}
	}
	for _, name := range []string{detect.System, detect.Apache, detect.Nginx, detect.PHPFPM, detect.Tomcat, detect.MySQL} {
		if !running[name] {
			t.Errorf("%s: not running with a checked log in\n%s", name, stdout)
		}
	}
}
