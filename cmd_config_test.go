package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/render/agentschema"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// configRoots are the fixture roots under testdata/roots/.
func configRoots(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob(testpeer.Testdata("roots", "*", "etc", "os-release"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixture roots under testdata/roots: %v", err)
	}
	var roots []string
	for _, d := range dirs {
		roots = append(roots, filepath.Dir(filepath.Dir(d)))
	}
	return roots
}

// -update may be registered by another test file of this package.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata/")
	}
}

func configGoldenFile(t *testing.T, name string, got []byte) {
	t.Helper()
	p := testpeer.Testdata("config", name)
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -run TestConfigFixtureRoots . -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s", name, render.Diff(want, got))
	}
}

type collected struct {
	Logs struct {
		LogsCollected struct {
			Files struct {
				CollectList []struct {
					FilePath        string `json:"file_path"`
					TimestampFormat string `json:"timestamp_format"`
				} `json:"collect_list"`
			} `json:"files"`
			Journald *struct {
				CollectList []struct {
					LogGroupName string `json:"log_group_name"`
				} `json:"collect_list"`
			} `json:"journald"`
		} `json:"logs_collected"`
	} `json:"logs"`
}

// TestConfigFixtureRoots is the "done when": for every fixture root
// and role, `cwsetup config --root R --role X` prints a config the agent's
// schema accepts, with every existing detected log in collect_list and
// every timestamp_format of an existing file checked on its lines.
func TestConfigFixtureRoots(t *testing.T) {
	schema, err := os.ReadFile(testpeer.Shared(t, "reference/agent-config.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	foreign := writeTemp(t, "config.json", foreignConfig)
	for _, root := range configRoots(t) {
		name := filepath.Base(root)
		r, err := host.Open(root)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := detect.Detect(r)
		if err != nil {
			t.Fatalf("%s: detect: %v", name, err)
		}
		for _, pr := range plan.Presets {
			code, out, errOut := runCLI(t, nil, "config", "--root", root, "--role", string(pr.Role), "--lang", "en")
			if code != 0 {
				t.Errorf("%s/%s: exit %d\n%s", name, pr.Role, code, errOut)
				continue
			}
			if p := agentschema.Validate(schema, []byte(out)); p != nil {
				t.Errorf("%s/%s: the agent's schema rejects the config: %v", name, pr.Role, p)
			}
			if p := render.TranslatorRules([]byte(out)); p != nil {
				t.Errorf("%s/%s: translator rules: %v", name, pr.Role, p)
			}
			var c collected
			if err := json.Unmarshal([]byte(out), &c); err != nil {
				t.Fatal(err)
			}
			shipped := map[string]string{}
			for _, e := range c.Logs.LogsCollected.Files.CollectList {
				shipped[e.FilePath] = e.TimestampFormat
			}
			for _, s := range rep.Services {
				for _, l := range s.Logs {
					if l.Exists && strings.HasPrefix(l.Path, "/") {
						if _, ok := shipped[l.Path]; !ok {
							t.Errorf("%s/%s: detected log %s is not in collect_list", name, pr.Role, l.Path)
						}
					}
				}
				if s.Name == detect.System && s.Flavor == "journald" && plan.JournaldSupported(rep.Agent) &&
					c.Logs.LogsCollected.Journald == nil {
					t.Errorf("%s/%s: the journal-only host got no journald input", name, pr.Role)
				}
			}
			// The formats in the config parse the files' own lines.
			a := plan.Defaults(*rep, pr.Role)
			for _, ck := range plan.CheckTimestamps(r, a) {
				if ck.Lines > 0 && !ck.OK(a.Logs[ck.Index].MultiLineStart != "") {
					t.Errorf("%s/%s: %s %q fails on its lines: %+v", name, pr.Role, ck.File, ck.Format, ck.Check)
				}
			}
			if !strings.Contains(errOut, "→") {
				t.Errorf("%s/%s: no summary on stderr:\n%s", name, pr.Role, errOut)
			}
			configGoldenFile(t, name+"-"+string(pr.Role)+".json", []byte(out))

			// Merged into a config with foreign sections: still valid, and
			// the foreign sections come out byte for byte.
			code, merged, errOut := runCLI(t, nil, "config", "--root", root, "--role", string(pr.Role), "--existing", foreign)
			if code != 0 {
				t.Errorf("%s/%s merge: exit %d\n%s", name, pr.Role, code, errOut)
				continue
			}
			if p := agentschema.Validate(schema, []byte(merged)); p != nil {
				t.Errorf("%s/%s: the agent's schema rejects the merged config: %v", name, pr.Role, p)
			}
			for _, part := range foreignParts {
				if !strings.Contains(merged, part) {
					t.Errorf("%s/%s: merged config lost, or changed, %s", name, pr.Role, part)
				}
			}
		}
	}
}

// foreignParts are sections of an existing config cwsetup does not manage,
// in cwsetup's layout.
var foreignParts = []string{
	"      \"statsd\": {\n        \"service_address\": \":8125\",\n        \"metrics_aggregation_interval\": 60\n      }",
	"          {\n            \"file_path\": \"/srv/shop/app.log\",\n            \"log_group_name\": \"shop-app\",\n            \"timestamp_format\": \"%Y-%m-%d %H:%M:%S,%f\"\n          }",
	"  \"traces\": {\n    \"traces_collected\": {\n      \"xray\": {\n        \"bind_address\": \"127.0.0.1:2000\"\n      }\n    }\n  }",
	"    \"force_flush_interval\": 15",
	"    \"logfile\": \"/opt/aws/amazon-cloudwatch-agent/logs/amazon-cloudwatch-agent.log\"",
}

const foreignConfig = `{
  "agent": {
    "logfile": "/opt/aws/amazon-cloudwatch-agent/logs/amazon-cloudwatch-agent.log",
    "run_as_user": "cwagent"
  },
  "metrics": {
    "metrics_collected": {
      "statsd": {
        "service_address": ":8125",
        "metrics_aggregation_interval": 60
      }
    }
  },
  "logs": {
    "logs_collected": {
      "files": {
        "collect_list": [
          {
            "file_path": "/srv/shop/app.log",
            "log_group_name": "shop-app",
            "timestamp_format": "%Y-%m-%d %H:%M:%S,%f"
          }
        ]
      }
    },
    "force_flush_interval": 15
  },
  "traces": {
    "traces_collected": {
      "xray": {
        "bind_address": "127.0.0.1:2000"
      }
    }
  }
}
`

func writeTemp(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestConfigSaveAndReplayAnswers(t *testing.T) {
	root := configRoots(t)[0]
	saved := filepath.Join(t.TempDir(), "answers.yaml")
	code, first, errOut := runCLI(t, nil, "config", "--root", root, "--save-answers", saved)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	code, replay, errOut := runCLI(t, nil, "config", "--root", root, "--answers", saved)
	if code != 0 || replay != first {
		t.Errorf("replaying saved answers: exit %d, same config %v\n%s", code, replay == first, errOut)
	}
	// A JSON answers file works too, and changes what it says.
	js := writeTemp(t, "a.json", `{"log_group_prefix": "/prod", "stream_name": "{hostname}", "metrics": {"enabled": false}}`)
	code, out, errOut := runCLI(t, nil, "config", "--root", root, "--answers", js)
	if code != 0 || !strings.Contains(out, `"/prod/system/`) || !strings.Contains(out, `"log_stream_name": "{hostname}"`) || strings.Contains(out, `"metrics"`) {
		t.Errorf("JSON answers: exit %d\n%s\n%s", code, out, errOut)
	}
}

func TestConfigBadAnswers(t *testing.T) {
	root := configRoots(t)[0]
	cases := []struct {
		body, lang, want string
	}{
		{"rol: base\n", "en", "rol (line 1): unknown key"},
		{"rol: base\n", "ko", "rol (1번째 줄): 알 수 없는 키입니다"},
		{"logs:\n  - service: a\n    name: b\n    path: /x\n    retention_days: 100\n", "ko", "logs[0].retention_days: 100일은 CloudWatch가 허용하는 보존 기간이 아닙니다"},
		{"metrics:\n  enabled: sometimes\n", "en", "metrics.enabled (line 2): expected true or false"},
		{"stream_name: \"{instance}\"\n", "en", "unknown placeholder {instance}"},
	}
	for _, c := range cases {
		f := writeTemp(t, "a.yaml", c.body)
		code, out, errOut := runCLI(t, nil, "config", "--root", root, "--answers", f, "--lang", c.lang)
		if code != exitUsage || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%q (%s): exit %d, stdout %d bytes, stderr:\n%s\nwant %q", c.body, c.lang, code, len(out), errOut, c.want)
		}
	}
	code, _, errOut := runCLI(t, nil, "config", "--root", root, "--role", "web")
	if code != exitUsage || !strings.Contains(errOut, "web-apache-php") {
		t.Errorf("--role web: exit %d %s", code, errOut)
	}
	code, _, errOut = runCLI(t, nil, "config", "--root", root, "--answers", "/nonexistent/a.yaml")
	if code != exitUsage || !strings.Contains(errOut, "/nonexistent/a.yaml") {
		t.Errorf("missing answers file: exit %d %s", code, errOut)
	}
}

// A timestamp_format that does not parse the file's lines stops the
// config before it is printed.
func TestConfigLiveTimestampCheck(t *testing.T) {
	root := configRoots(t)[0]
	f := writeTemp(t, "a.yaml", "logs:\n  - service: system\n    name: messages\n    path: /var/log/messages\n    timestamp_format: \"%Y-%m-%d %H:%M:%S\"\n    retention_days: 30\n")
	code, out, errOut := runCLI(t, nil, "config", "--root", root, "--answers", f)
	if code != exitUsage || out != "" || !strings.Contains(errOut, `timestamp_format "%Y-%m-%d %H:%M:%S" did not parse`) {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", code, out, errOut)
	}
	code, out, _ = runCLI(t, nil, "config", "--root", root, "--answers", f, "--no-check")
	if code != 0 || out == "" {
		t.Errorf("--no-check: exit %d", code)
	}
}

func TestConfigMergeExisting(t *testing.T) {
	root := configRoots(t)[0]
	existing := writeTemp(t, "config.json", `{
  "logs": {
    "logs_collected": {
      "files": {
        "collect_list": [
          {"file_path": "/srv/app.log", "log_group_name": "my-app"}
        ]
      }
    }
  },
  "traces": {"traces_collected": {"xray": {}}}
}
`)
	code, out, errOut := runCLI(t, nil, "config", "--root", root, "--existing", existing, "--diff")
	if code != 0 {
		t.Fatalf("exit %d %s", code, errOut)
	}
	if !strings.Contains(out, `"file_path": "/srv/app.log"`) || !strings.Contains(out, `"traces": {`) {
		t.Errorf("foreign sections lost:\n%s", out)
	}
	if !strings.Contains(errOut, "--- "+existing) || !strings.Contains(errOut, "+++ config.json (cwsetup)") {
		t.Errorf("no diff on stderr:\n%s", errOut)
	}
	bad := writeTemp(t, "bad.json", "{ not json")
	code, _, errOut = runCLI(t, nil, "config", "--root", root, "--existing", bad, "--lang", "ko")
	if code != exitUsage || !strings.Contains(errOut, "올바른 JSON이 아닙니다") {
		t.Errorf("bad existing: exit %d %s", code, errOut)
	}
}

func TestConfigSummaryPlacement(t *testing.T) {
	root := configRoots(t)[0]
	_, out, errOut := runCLI(t, nil, "config", "--root", root, "--lang", "ko")
	if !json.Valid([]byte(out)) || !strings.Contains(errOut, "보존 기간") || !strings.Contains(errOut, "서버 유형 프리셋") {
		t.Errorf("stdout must be only the config, the Korean summary on stderr:\n%s", errOut)
	}
	_, out, errOut = runCLI(t, nil, "config", "--root", root, "--summary")
	if strings.Contains(errOut, "→") || !strings.Contains(out, "→") || !strings.HasPrefix(out, "{\n") {
		t.Errorf("--summary puts the summary on stdout after the config")
	}
}

func TestConfigFlags(t *testing.T) {
	var got *configOptions
	g := &globals{p: i18n.New(i18n.EN)}
	cmd := newConfigCmdWith(g, newStreams(), func(o *configOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--answers", "a.yaml", "--save-answers", "b.yaml", "--role", "db-mysql", "--summary", "--diff", "--no-check", "--existing", "c.json"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Answers != "a.yaml" || got.SaveAnswers != "b.yaml" || got.Role != "db-mysql" || !got.Summary || !got.Diff || !got.NoCheck || got.Existing != "c.json" {
		t.Errorf("%+v", got)
	}
}

// The answers examples in the manual (English and Korean) load and render a
// valid config.
func TestConfigManualExample(t *testing.T) {
	schema, err := os.ReadFile(testpeer.Shared(t, "reference/agent-config.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"docs/config.md", "docs/ko/config.md"} {
		doc, err := os.ReadFile(filepath.Join(testpeer.RepoRoot(), page))
		if err != nil {
			t.Fatal(err)
		}
		_, rest, ok := strings.Cut(string(doc), "\n## ")
		_, rest, ok2 := strings.Cut(rest, "```yaml\n")
		example, _, ok3 := strings.Cut(rest, "```")
		if !ok || !ok2 || !ok3 {
			t.Fatalf("%s has no answers example (a ```yaml block after a ## heading)", page)
		}
		f := writeTemp(t, "example.yaml", example)
		code, out, errOut := runCLI(t, nil, "config", "--root", configRoots(t)[0], "--answers", f, "--no-check")
		if code != 0 {
			t.Fatalf("%s example: exit %d\n%s", page, code, errOut)
		}
		if p := agentschema.Validate(schema, []byte(out)); p != nil {
			t.Errorf("%s example config: %v\n%s", page, p, out)
		}
		for _, want := range []string{`"log_group_name": "/shop/prod/app"`, `"log_group_class": "INFREQUENT_ACCESS"`, `"region": "ap-northeast-2"`, `"SYSLOG_IDENTIFIER": "sudo"`} {
			if !strings.Contains(out, want) {
				t.Errorf("%s example config lacks %s", page, want)
			}
		}
	}
}

// A merged user config with collectd but no types.db would stop the agent.
func TestConfigCollectdWithoutTypesDB(t *testing.T) {
	root := configRoots(t)[0]
	existing := writeTemp(t, "config.json", `{"metrics": {"metrics_collected": {"collectd": {}}}}`)
	code, out, errOut := runCLI(t, nil, "config", "--root", root, "--existing", existing)
	if code != exitUsage || out != "" || !strings.Contains(errOut, "/usr/share/collectd/types.db") {
		t.Errorf("exit %d, stdout %d bytes, stderr:\n%s", code, len(out), errOut)
	}
}

func TestConfigAnswersFromStdin(t *testing.T) {
	var out, errOut bytes.Buffer
	s := &streams{In: strings.NewReader("log_group_prefix: /fleet\n"), Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }}
	if code := run([]string{"config", "--root", configRoots(t)[0], "--answers", "-"}, s); code != 0 {
		t.Fatalf("exit %d %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), `"log_group_name": "/fleet/system/`) {
		t.Errorf("answers from stdin not used:\n%s", out.String())
	}
}

// TestConfigLiveDaemons renders the config for this machine with the real
// Debian daemons that scripts/peers.d/daemons.sh started (rsyslog's
// RFC 3339 lines, Apache, Nginx, PHP-FPM, MariaDB, Tomcat): the agent's
// schema accepts it and every timestamp_format parses the real files.
func TestConfigLiveDaemons(t *testing.T) {
	if os.Getenv("CWSETUP_LIVE_DAEMONS") != "1" {
		testpeer.Missing(t, "CWSETUP_LIVE_DAEMONS=1 is not set: run `. scripts/peers.d/daemons.sh` as root (make test does)")
	}
	schema, err := os.ReadFile(testpeer.Shared(t, "reference/agent-config.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	existing := writeTemp(t, "none.json", "")
	code, out, errOut := runCLI(t, nil, "config", "--root", "/", "--existing", existing)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if p := agentschema.Validate(schema, []byte(out)); p != nil {
		t.Errorf("the agent's schema rejects the live config: %v", p)
	}
	r, _ := host.Open("/")
	rep, err := detect.Detect(r)
	if err != nil {
		t.Fatal(err)
	}
	a := plan.Defaults(*rep, "")
	checked := 0
	for _, c := range plan.CheckTimestamps(r, a) {
		if c.Lines == 0 {
			continue
		}
		checked++
		if !c.OK(a.Logs[c.Index].MultiLineStart != "") {
			t.Errorf("%s: %q on the real file: %+v", c.File, c.Format, c.Check)
		}
	}
	if checked < 3 {
		t.Errorf("only %d real logs had lines to check:\n%s", checked, errOut)
	}
	for _, want := range []string{`"/var/log/syslog"`, `"%Y-%m-%dT%H:%M:%S.%f"`, `"/var/log/nginx/access.log"`} {
		if !strings.Contains(out, want) {
			t.Errorf("live config lacks %s:\n%s", want, out)
		}
	}
}

// The human summary, in both languages, for three kinds of host.
func TestConfigSummaryGolden(t *testing.T) {
	for _, root := range []string{"al2", "al2023", "ubuntu2404"} {
		for _, lang := range []string{"en", "ko"} {
			code, _, errOut := runCLI(t, nil, "config", "--root", testpeer.Testdata("roots", root), "--lang", lang)
			if code != 0 {
				t.Fatalf("%s %s: exit %d\n%s", root, lang, code, errOut)
			}
			configGoldenFile(t, "summary-"+root+"."+lang+".txt", []byte(errOut))
		}
	}
}
