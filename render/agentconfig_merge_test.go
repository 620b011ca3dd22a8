package render

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/render/agentschema"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// existingConfig is what a user might already run: the official wizard's
// style (4-space indent) with statsd, collectd-free metrics, their own app
// log, an entry from an earlier cwsetup run under /ec2, traces, and agent
// keys cwsetup does not manage.
const existingConfig = `{
    "agent": {
        "metrics_collection_interval": 10,
        "logfile": "/opt/aws/amazon-cloudwatch-agent/logs/amazon-cloudwatch-agent.log",
        "run_as_user": "root",
        "debug": false
    },
    "metrics": {
        "namespace": "CWAgent",
        "metrics_collected": {
            "statsd": {
                "service_address": ":8125",
                "metrics_collection_interval": 10,
                "metrics_aggregation_interval": 60
            },
            "mem": {
                "measurement": ["mem_used_percent", "mem_available"]
            }
        }
    },
    "logs": {
        "logs_collected": {
            "files": {
                "collect_list": [
                    {
                        "file_path": "/srv/shop/logs/app-*.log",
                        "log_group_name": "shop-app",
                        "log_stream_name": "{hostname}",
                        "timestamp_format": "%Y-%m-%d %H:%M:%S,%f",
                        "multi_line_start_pattern": "^\\d{4}-\\d{2}-\\d{2} <&>",
                        "retention_in_days": 30
                    },
                    {
                        "file_path": "/var/log/nginx/old_access.log",
                        "log_group_name": "/ec2/nginx/old_access",
                        "retention_in_days": 90
                    },
                    {
                        "file_path": "/srv/shop/logs/audit.log",
                        "log_group_name": "/ec2/shop/audit"
                    },
                    {
                        "file_path": "/var/log/messages",
                        "log_group_name": "messages"
                    }
                ]
            }
        },
        "force_flush_interval": 15
    },
    "traces": {
        "traces_collected": {
            "xray": {
                "bind_address": "127.0.0.1:2000",
                "tcp_proxy": {"bind_address": "127.0.0.1:2000"}
            }
        },
        "buffer_size_mb": 3
    }
}
`

func section(t *testing.T, cfg []byte, path ...string) []byte {
	t.Helper()
	cur := cfg
	for _, p := range path {
		o, err := parseObject(cur)
		if err != nil {
			t.Fatalf("%v: %v", path, err)
		}
		cur = o.get(p)
		if cur == nil {
			return nil
		}
	}
	var b bytes.Buffer
	if err := json.Compact(&b, cur); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func filesList(t *testing.T, cfg []byte) []json.RawMessage {
	t.Helper()
	var l []json.RawMessage
	if err := json.Unmarshal(section(t, cfg, "logs", "logs_collected", "files", "collect_list"), &l); err != nil {
		t.Fatal(err)
	}
	return l
}

func compact(t *testing.T, s string) string {
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestMergeKeepsForeignSections(t *testing.T) {
	schema := agentSchema(t)
	a := plan.Defaults(handReports()["rocky9-web"], "")
	merged, err := Merge([]byte(existingConfig), a)
	if err != nil {
		t.Fatal(err)
	}
	if p := agentschema.Validate(schema, merged); p != nil {
		t.Fatalf("merged config rejected by the agent schema: %v\n%s", p, merged)
	}
	if p := Check(merged); p != nil {
		t.Errorf("Check: %v", p)
	}
	old := []byte(existingConfig)
	// Foreign sections: token for token the same.
	for _, path := range [][]string{
		{"traces"},
		{"metrics", "metrics_collected", "statsd"},
		{"metrics", "namespace"},
		{"agent", "logfile"},
		{"agent", "debug"},
		{"logs", "force_flush_interval"},
	} {
		if got, want := section(t, merged, path...), section(t, old, path...); !bytes.Equal(got, want) {
			t.Errorf("%v changed:\n got %s\nwant %s", path, got, want)
		}
	}
	// The user's own app log is kept as it was; the /ec2 entry of an
	// earlier run is replaced; /var/log/messages is now cwsetup's.
	list := filesList(t, merged)
	var foreign []string
	for _, e := range list {
		var x struct {
			FilePath string `json:"file_path"`
		}
		_ = json.Unmarshal(e, &x)
		if x.FilePath == "/srv/shop/logs/app-*.log" {
			foreign = append(foreign, string(e))
		}
		if x.FilePath == "/var/log/nginx/old_access.log" {
			t.Error("a cwsetup-shaped entry from an earlier run (/ec2/nginx/old_access) was kept")
		}
		if x.FilePath == "/srv/shop/logs/audit.log" {
			foreign = append(foreign, string(e))
		}
	}
	wantApp := compact(t, `{"file_path": "/srv/shop/logs/app-*.log", "log_group_name": "shop-app", "log_stream_name": "{hostname}",
	  "timestamp_format": "%Y-%m-%d %H:%M:%S,%f", "multi_line_start_pattern": "^\\d{4}-\\d{2}-\\d{2} <&>", "retention_in_days": 30}`)
	wantAudit := compact(t, `{"file_path": "/srv/shop/logs/audit.log", "log_group_name": "/ec2/shop/audit"}`)
	if len(foreign) != 2 || foreign[0] != wantApp || foreign[1] != wantAudit {
		t.Errorf("user's entries (one under /ec2 but not of cwsetup's shape): %v, want %s, %s", foreign, wantApp, wantAudit)
	}
	if n := strings.Count(string(merged), `"file_path": "/var/log/messages"`); n != 1 {
		t.Errorf("/var/log/messages listed %d times", n)
	}
	if len(list) != len(a.Logs)+2 {
		t.Errorf("collect_list has %d entries, want %d (cwsetup's) + 2 (user's)", len(list), len(a.Logs))
	}
	// Managed keys follow the answers; the managed mem block is replaced.
	if got := string(section(t, merged, "agent", "run_as_user")); got != `"cwagent"` {
		t.Errorf("run_as_user %s", got)
	}
	if got := string(section(t, merged, "metrics", "metrics_collected", "mem")); got != `{"measurement":["mem_used_percent"]}` {
		t.Errorf("mem %s", got)
	}
	// Key order of the old file is kept: agent, metrics, logs, traces.
	var order []string
	o, _ := parseObject(merged)
	for _, m := range o {
		order = append(order, m.Key)
	}
	if strings.Join(order, ",") != "agent,metrics,logs,traces" {
		t.Errorf("top-level order %v", order)
	}
	configGolden(t, "merge-rocky9-web.json", merged)
}

// A foreign section already in cwsetup's layout comes out byte for byte.
func TestMergeByteForByte(t *testing.T) {
	a := plan.Defaults(handReports()["al2023-db"], "")
	fresh, err := AgentConfig(a)
	if err != nil {
		t.Fatal(err)
	}
	traces := "  \"traces\": {\n    \"traces_collected\": {\n      \"xray\": {\n        \"bind_address\": \"127.0.0.1:2000\"\n      }\n    },\n    \"buffer_size_mb\": 3\n  }"
	statsd := "      \"statsd\": {\n        \"service_address\": \":8125\",\n        \"metrics_aggregation_interval\": 60\n      },\n"
	old := strings.Replace(string(fresh), "\n}\n", ",\n"+traces+"\n}\n", 1)
	old = strings.Replace(old, "    \"metrics_collected\": {\n", "    \"metrics_collected\": {\n"+statsd, 1)
	merged, err := Merge([]byte(old), a)
	if err != nil {
		t.Fatal(err)
	}
	if string(merged) != old {
		t.Errorf("re-merging a config with foreign sections changed it:\n%s", Diff([]byte(old), merged))
	}
	for _, want := range []string{traces, statsd} {
		if !strings.Contains(string(merged), want) {
			t.Errorf("foreign section not byte for byte:\n%s", want)
		}
	}
}

func TestMergeIdempotentAndEmpty(t *testing.T) {
	for name, r := range handReports() {
		a := plan.Defaults(r, "")
		fresh, _ := AgentConfig(a)
		for _, existing := range []string{"", "  \n", string(fresh)} {
			got, err := Merge([]byte(existing), a)
			if err != nil || !bytes.Equal(got, fresh) {
				t.Errorf("%s: Merge(%.20q) differs from the fresh config (err %v):\n%s", name, existing, err, Diff(fresh, got))
			}
		}
		once, err := Merge([]byte(existingConfig), a)
		if err != nil {
			t.Fatal(err)
		}
		twice, _ := Merge(once, a)
		if !bytes.Equal(once, twice) {
			t.Errorf("%s: merge is not idempotent:\n%s", name, Diff(once, twice))
		}
	}
}

func TestMergeDropsEmptiedInputs(t *testing.T) {
	a := plan.Defaults(handReports()["rocky9-web"], "")
	a.Metrics.Enabled = false
	old := `{"metrics": {"metrics_collected": {"mem": {"measurement": ["mem_used_percent"]}}},
	  "logs": {"logs_collected": {"journald": {"collect_list": [{"log_group_name": "/ec2/system/messages"}]}}}}`
	merged, err := Merge([]byte(old), a)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(merged), `"metrics"`) || strings.Contains(string(merged), "journald") {
		t.Errorf("emptied sections left behind:\n%s", merged)
	}
	if p := agentschema.Validate(agentSchema(t), merged); p != nil {
		t.Errorf("%v\n%s", p, merged)
	}
}

func TestMergeKeepsHandSetRegion(t *testing.T) {
	a := plan.Defaults(handReports()["rocky9-web"], "")
	merged, err := Merge([]byte(`{"agent": {"region": "us-east-1", "run_as_user": "root"}}`), a)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(section(t, merged, "agent")); got != `{"region":"us-east-1","run_as_user":"cwagent","metrics_collection_interval":60}` {
		t.Errorf("agent section %s", got)
	}
	a.Region = "ap-northeast-2"
	merged, _ = Merge(merged, a)
	if got := string(section(t, merged, "agent", "region")); got != `"ap-northeast-2"` {
		t.Errorf("answers' region should win: %s", got)
	}
}

func TestMergeRejectsBadExisting(t *testing.T) {
	a := plan.Defaults(handReports()["rocky9-web"], "")
	for _, bad := range []string{"{", "[]", `{"agent": 3}`, `{"logs": {"logs_collected": {"files": {"collect_list": 5}}}}`, "{} {}"} {
		if _, err := Merge([]byte(bad), a); err == nil {
			t.Errorf("Merge accepted %q", bad)
		}
	}
}

func FuzzMerge(f *testing.F) {
	f.Add([]byte(existingConfig))
	f.Add([]byte(`{"logs":{"logs_collected":{"files":{"collect_list":[{"file_path":"/x"}]}}}}`))
	a := plan.Defaults(handReports()["rocky9-web"], "")
	f.Fuzz(func(t *testing.T, old []byte) {
		merged, err := Merge(old, a)
		if err != nil {
			return
		}
		if !json.Valid(merged) {
			t.Fatalf("invalid JSON out of %q", old)
		}
	})
}

// TestDiffAppliesWithPatch checks Diff's output with the real patch(1):
// applying it to the old text must give the new one.
func TestDiffAppliesWithPatch(t *testing.T) {
	patchBin, err := exec.LookPath("patch")
	if err != nil {
		testpeer.Missing(t, "patch(1) not on PATH (apt-get install patch)")
	}
	a := plan.Defaults(handReports()["rocky9-web"], "")
	merged, _ := Merge([]byte(existingConfig), a)
	cases := map[string][2]string{
		"merge":      {existingConfig, string(merged)},
		"append":     {"a\nb\n", "a\nb\nc\n"},
		"prepend":    {"b\nc\n", "a\nb\nc\n"},
		"from empty": {"", "x\ny\n"},
		"to empty":   {"x\ny\n", ""},
		"far apart":  {"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n", "1\nX\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\nY\n15\n"},
		"near":       {"1\n2\n3\n4\n5\n6\n7\n", "1\nX\n3\n4\n5\n6\nY\n"},
		"no eol":     {"a\nb", "a\nc"},
	}
	for name, c := range cases {
		d := Diff([]byte(c[0]), []byte(c[1]))
		dir := t.TempDir()
		f := filepath.Join(dir, "config.json")
		if err := os.WriteFile(f, []byte(c[0]), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(patchBin, "-s", "-u", f)
		cmd.Stdin = strings.NewReader(d)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s: patch failed: %v %s\n%s", name, err, out, d)
			continue
		}
		got, _ := os.ReadFile(f)
		if string(got) != c[1] {
			t.Errorf("%s: patched result differs\n got %q\nwant %q\ndiff:\n%s", name, got, c[1], d)
		}
	}
	if Diff([]byte("same\n"), []byte("same\n")) != "" {
		t.Error("equal inputs must give no diff")
	}
}

func TestDiffReadable(t *testing.T) {
	d := Diff([]byte("{\n  \"a\": 1,\n  \"b\": 2\n}\n"), []byte("{\n  \"a\": 1,\n  \"b\": 3\n}\n"))
	want := "--- config.json (current)\n+++ config.json (cwsetup)\n@@ -1,4 +1,4 @@\n {\n   \"a\": 1,\n-  \"b\": 2\n+  \"b\": 3\n }\n"
	if d != want {
		t.Errorf("got\n%s\nwant\n%s", d, want)
	}
}

func BenchmarkMerge(b *testing.B) {
	a := plan.Defaults(handReports()["rocky9-web"], "")
	for b.Loop() {
		if _, err := Merge([]byte(existingConfig), a); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSetRunAsUser: apply's root fallback changes agent.run_as_user and
// nothing else — every other key, its order and value kept.
func TestSetRunAsUser(t *testing.T) {
	a := plan.Defaults(handReports()["rocky9-web"], "")
	cfg, err := Merge([]byte(existingConfig), a)
	if err != nil {
		t.Fatal(err)
	}
	root, err := SetRunAsUser(cfg, "root")
	if err != nil {
		t.Fatal(err)
	}
	if got := string(section(t, root, "agent", "run_as_user")); got != `"root"` {
		t.Errorf("run_as_user %s", got)
	}
	if want := strings.Replace(string(cfg), `"run_as_user": "cwagent"`, `"run_as_user": "root"`, 1); string(root) != want {
		t.Errorf("more than run_as_user changed:\n%s", Diff(cfg, root))
	}
	if _, err := SetRunAsUser([]byte(`{"logs": {}}`), "root"); err != nil {
		t.Errorf("config without an agent section: %v", err)
	}
}
