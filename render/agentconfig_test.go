package render

import (
	"bytes"
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/render/agentschema"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata/")
	}
}

// configGolden compares got with testdata/config/<name> at the repository
// root (go test ./render -update rewrites it).
func configGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := testpeer.Testdata("config", name)
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s", name, Diff(want, got))
	}
}

// agentSchema is the agent's own JSON schema from ../shared.
func agentSchema(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(testpeer.Shared(t, "reference/agent-config.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// handReports are detection results written by hand after
// reference/log-formats.md, one per distro family, until fixture roots
// under testdata/roots/ exist.
func handReports() map[string]detect.Report {
	return map[string]detect.Report{
		"rocky9-web": {
			OS: detect.OS{ID: "rocky", VersionID: "9.4", Family: "rhel"},
			Services: []detect.Service{
				{Name: detect.System, State: detect.Running, Flavor: "rsyslog", Logs: []detect.Log{
					{Path: "/var/log/messages", Exists: true, TimestampFormat: "%b %d %H:%M:%S", FormatChecked: true},
					{Path: "/var/log/secure", Exists: true, TimestampFormat: "%b %d %H:%M:%S", FormatChecked: true},
					{Path: "/var/log/cron", Exists: true, TimestampFormat: "%b %d %H:%M:%S", FormatChecked: true},
				}},
				{Name: detect.Apache, State: detect.Running, Flavor: "httpd", Logs: []detect.Log{
					{Path: "/var/log/httpd/access_log", Exists: true, TimestampFormat: "%d/%b/%Y:%H:%M:%S %z", FormatChecked: true},
					{Path: "/var/log/httpd/error_log", Exists: true, TimestampFormat: "%a %b %d %H:%M:%S.%f %Y", FormatChecked: true},
				}},
				{Name: detect.PHPFPM, State: detect.Running, Logs: []detect.Log{
					{Path: "/var/log/php-fpm/error.log", Exists: true, TimestampFormat: "%d-%b-%Y %H:%M:%S", FormatChecked: true},
					{Path: "/var/log/php-fpm/www-error.log", Exists: true, TimestampFormat: "%d-%b-%Y %H:%M:%S %Z", FormatChecked: true},
					{Path: "/var/log/php-fpm/www-slow.log", Exists: true, TimestampFormat: "%d-%b-%Y %H:%M:%S", FormatChecked: true, MultiLineStartPattern: "{timestamp_format}"},
				}},
				{Name: detect.MySQL, State: detect.Running, Flavor: "mariadb", Logs: []detect.Log{
					{Path: "/var/log/mariadb/mariadb.log", Exists: true, TimestampFormat: "%Y-%m-%d %H:%M:%S", FormatChecked: true},
				}},
			},
		},
		"al2023-db": {
			OS:    detect.OS{ID: "amzn", VersionID: "2023", Family: "amzn"},
			Agent: detect.Agent{Installed: true, Version: "1.300071.0b1234", Running: true},
			Services: []detect.Service{
				{Name: detect.System, State: detect.Running, Flavor: "journald"},
				{Name: detect.MySQL, State: detect.Running, Flavor: "mysql", Logs: []detect.Log{
					{Path: "/var/log/mysqld.log", Exists: true, TimestampFormat: "%Y-%m-%dT%H:%M:%S.%fZ", FormatChecked: true},
				}},
			},
		},
		"ubuntu2404-was": {
			OS: detect.OS{ID: "ubuntu", VersionID: "24.04", Family: "debian"},
			Services: []detect.Service{
				{Name: detect.System, State: detect.Running, Flavor: "rsyslog", Logs: []detect.Log{
					{Path: "/var/log/syslog", Exists: true, TimestampFormat: "%Y-%m-%dT%H:%M:%S.%f", FormatChecked: true},
					{Path: "/var/log/auth.log", Exists: true, TimestampFormat: "%Y-%m-%dT%H:%M:%S.%f", FormatChecked: true},
				}},
				{Name: detect.Tomcat, State: detect.Running, Logs: []detect.Log{
					{Path: "/var/log/tomcat10/catalina.*.log", Exists: true, TimestampFormat: "%d-%b-%Y %H:%M:%S.%f", FormatChecked: true, MultiLineStartPattern: "{timestamp_format}"},
					{Path: "/var/log/tomcat10/localhost_access_log.*.txt", Exists: true, TimestampFormat: "%d/%b/%Y:%H:%M:%S %z", FormatChecked: true},
				}},
				{Name: detect.Nginx, State: detect.Running, Logs: []detect.Log{
					{Path: "/var/log/nginx/access.log", Exists: true, TimestampFormat: "%d/%b/%Y:%H:%M:%S %z", FormatChecked: true},
					{Path: "/var/log/nginx/error.log", Exists: true, TimestampFormat: "%Y/%m/%d %H:%M:%S", FormatChecked: true},
				}},
			},
		},
		"debian12-old-agent": {
			OS:    detect.OS{ID: "debian", VersionID: "12", Family: "debian"},
			Agent: detect.Agent{Installed: true, Version: "1.300062.0"},
			Services: []detect.Service{
				{Name: detect.System, State: detect.Running, Flavor: "journald"},
				{Name: detect.Nginx, State: detect.Installed, Logs: []detect.Log{
					{Path: "/var/log/nginx/access.log", Exists: false, TimestampFormat: "%d/%b/%Y:%H:%M:%S %z"},
					{Path: "/var/log/nginx/error.log", Exists: false, TimestampFormat: "%Y/%m/%d %H:%M:%S"},
				}},
				{Name: detect.PHPFPM, State: detect.Installed, Logs: []detect.Log{
					{Path: "/var/log/php8.2-fpm.log", Exists: true, Size: 300, TimestampFormat: "%d-%b-%Y %H:%M:%S", FormatChecked: false},
				}},
			},
		},
	}
}

func roles() []plan.Role {
	var r []plan.Role
	for _, p := range plan.Presets {
		r = append(r, p.Role)
	}
	return r
}

// TestAgentConfigAgainstAgentSchema renders every hand-made host × role
// and checks each config with the agent's own schema, its translator
// rules and cwsetup's Check, and against its golden file.
func TestAgentConfigAgainstAgentSchema(t *testing.T) {
	schema := agentSchema(t)
	for name, r := range handReports() {
		for _, role := range roles() {
			a := plan.Defaults(r, role)
			cfg, err := AgentConfig(a)
			if err != nil {
				t.Fatalf("%s/%s: %v", name, role, err)
			}
			if p := agentschema.Validate(schema, cfg); p != nil {
				t.Errorf("%s/%s: agent schema rejects the config: %v\n%s", name, role, p, cfg)
			}
			if p := Check(cfg); p != nil {
				t.Errorf("%s/%s: Check: %v", name, role, p)
			}
			again, _ := AgentConfig(a)
			if !bytes.Equal(cfg, again) {
				t.Errorf("%s/%s: rendering is not deterministic", name, role)
			}
			if !bytes.HasSuffix(cfg, []byte("}\n")) || bytes.Contains(cfg, []byte("\t")) || !bytes.HasPrefix(cfg, []byte("{\n  \"")) {
				t.Errorf("%s/%s: not 2-space indented with a trailing newline", name, role)
			}
			if role == plan.SuggestRole(r) {
				configGolden(t, "hand-"+name+"-"+string(role)+".json", cfg)
			}
		}
	}
}

func TestAgentConfigShape(t *testing.T) {
	reports := handReports()
	var c map[string]any
	cfg, _ := AgentConfig(plan.Defaults(reports["ubuntu2404-was"], plan.RoleWASTomcat))
	if err := json.Unmarshal(cfg, &c); err != nil {
		t.Fatal(err)
	}
	s := string(cfg)
	for _, want := range []string{
		`"log_stream_name": "{instance_id}"`,
		`"multi_line_start_pattern": "{timestamp_format}"`,
		`"InstanceId": "${aws:InstanceId}"`,
		`"pattern": "org\\.apache\\.catalina\\.startup\\.Bootstrap"`,
		`"file_path": "/var/log/auth.log",
            "log_group_name": "/ec2/system/auth",
            "log_group_class": "STANDARD",
            "retention_in_days": 365`,
		`"mem_used_percent"`, `"swap_used_percent"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("ubuntu WAS config lacks %s:\n%s", want, s)
		}
	}
	// The old agent on Debian cannot read the journal: no journald input.
	cfg, _ = AgentConfig(plan.Defaults(reports["debian12-old-agent"], ""))
	if strings.Contains(string(cfg), "journald") {
		t.Errorf("agent 1.300062.0 got a journald input:\n%s", cfg)
	}
	// The php-fpm log whose format failed its check ships without one.
	if strings.Contains(string(cfg), `"file_path": "/var/log/php8.2-fpm.log",
            "log_group_name": "/ec2/php-fpm/php8.2-fpm",
            "log_group_class": "STANDARD",
            "retention_in_days": 90,
            "timestamp_format"`) {
		t.Errorf("an unchecked format was used:\n%s", cfg)
	}
}

// TestSchemaAndCheckAgree breaks a good config in the ways that matter and
// expects both the agent's schema (where it has the rule) and Check to
// refuse each.
func TestSchemaAndCheckAgree(t *testing.T) {
	schema := agentSchema(t)
	good, err := AgentConfig(plan.Defaults(handReports()["rocky9-web"], ""))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, from, to string
		schemaToo      bool
		path           string
	}{
		{"retention enum", `"retention_in_days": 90`, `"retention_in_days": 100`, true, "/logs/logs_collected/files/collect_list/0/retention_in_days"},
		{"unknown key", `"timezone": "Local"`, `"timezone": "Local", "time_zone": "KST"`, true, "/logs/logs_collected/files/collect_list/0"},
		{"timezone enum", `"timezone": "Local"`, `"timezone": "Asia/Seoul"`, true, "/logs/logs_collected/files/collect_list/0/timezone"},
		{"file_path required", `"file_path": "/var/log/messages",`, ``, true, "/logs/logs_collected/files/collect_list/0"},
		{"group name length", `"log_group_name": "/ec2/system/messages"`, `"log_group_name": "/` + strings.Repeat("x", 512) + `"`, true, "/logs/logs_collected/files/collect_list/0/log_group_name"},
		{"stream length", `"log_stream_name": "{instance_id}"`, `"log_stream_name": ""`, true, "/logs/log_stream_name"},
		{"measurement required", `"measurement": [
          "mem_used_percent"
        ]`, `"metrics_collection_interval": 60`, true, "/metrics/metrics_collected/mem"},
		{"group charset", `"log_group_name": "/ec2/system/messages"`, `"log_group_name": "/ec2/시스템/messages"`, false, "/logs/logs_collected/files/collect_list/0/log_group_name"},
		{"stream placeholder", `"log_stream_name": "{instance_id}"`, `"log_stream_name": "{instanceid}"`, false, "/logs/log_stream_name"},
		{"class value", `"log_group_class": "STANDARD"`, `"log_group_class": "COLD"`, false, "/logs/logs_collected/files/collect_list/0/log_group_class"},
		{"timestamp dialect", `"timestamp_format": "%b %d %H:%M:%S"`, `"timestamp_format": "%b %e %T"`, false, "/logs/logs_collected/files/collect_list/0/timestamp_format"},
		{"one retention per group", `"log_group_name": "/ec2/system/secure"`, `"log_group_name": "/ec2/system/messages"`, false, "/logs/logs_collected/files/collect_list/1/retention_in_days"},
	}
	for _, c := range cases {
		bad := strings.Replace(string(good), c.from, c.to, 1)
		if bad == string(good) {
			t.Fatalf("%s: %q not in the config", c.name, c.from)
		}
		sp := agentschema.Validate(schema, []byte(bad))
		if c.schemaToo && len(sp) == 0 {
			t.Errorf("%s: the agent schema accepted it", c.name)
		}
		if !c.schemaToo && len(sp) != 0 {
			t.Errorf("%s: the schema has no such rule, yet: %v", c.name, sp)
		}
		cp := Check([]byte(bad))
		found := false
		for _, p := range cp {
			found = found || p.Path == c.path
		}
		if !found {
			t.Errorf("%s: Check gave %v, want a problem at %s", c.name, cp, c.path)
		}
	}
}

func TestTranslatorRules(t *testing.T) {
	cfg := []byte(`{"logs": {"logs_collected": {"files": {"collect_list": [
	  {"file_path": "/a", "log_group_name": "g", "retention_in_days": 7, "log_group_class": "STANDARD"},
	  {"file_path": "/b", "log_group_name": "g", "retention_in_days": 14, "log_group_class": "INFREQUENT_ACCESS"},
	  {"file_path": "/c", "log_group_name": "h", "encoding": "no-such-encoding", "timestamp_format": "%Y %q"},
	  {"file_path": "/d", "log_group_name": "h", "encoding": "euc-kr", "multi_line_start_pattern": "^(["}
	]}}}}`)
	got := map[string]string{}
	for _, p := range TranslatorRules(cfg) {
		got[p.Path] = p.String()
	}
	want := map[string]string{
		"/logs/logs_collected/files/collect_list/1/retention_in_days":        "Different retention_in_days values can't be set for the same log group: g",
		"/logs/logs_collected/files/collect_list/1/log_group_class":          "Different log_group_class values can't be set for the same log group: g",
		"/logs/logs_collected/files/collect_list/2/encoding":                 `encoding "no-such-encoding"`,
		"/logs/logs_collected/files/collect_list/2/timestamp_format":         "%q in \"%Y %q\" is not a directive the agent knows",
		"/logs/logs_collected/files/collect_list/3/multi_line_start_pattern": "not a valid regular expression",
	}
	for path, w := range want {
		if !strings.Contains(got[path], w) {
			t.Errorf("%s: got %q, want it to contain %q", path, got[path], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d: %v", len(got), len(want), got)
	}
}

func BenchmarkAgentConfig(b *testing.B) {
	a := plan.Defaults(handReports()["rocky9-web"], "")
	for b.Loop() {
		if _, err := AgentConfig(a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	cfg, _ := AgentConfig(plan.Defaults(handReports()["rocky9-web"], ""))
	for b.Loop() {
		if p := Check(cfg); p != nil {
			b.Fatal(p)
		}
	}
}

// FuzzAnswersToConfig: whatever answers load (and so validate) render to a
// config that cwsetup's own check and the agent's schema accept.
func FuzzAnswersToConfig(f *testing.F) {
	for _, r := range handReports() {
		seed, _ := plan.Save(plan.Defaults(r, ""))
		f.Add(seed)
	}
	f.Add([]byte("logs:\n  - {service: a, name: b, path: /x, retention_days: 7, log_group: 'g#1'}\n  - {service: c, name: d, journal: {units: [x]}, log_group: 'g#1', retention_days: 7}\nmetrics: {enabled: false}\n"))
	f.Add([]byte("metrics: {enabled: true}\n"))
	f.Add([]byte("stream_name: '{hostname}-{ip_address}'\nlogs: [{service: s, name: n, path: /y, timestamp_format: '%Y', multi_line_start: '{timestamp_format}'}]\n"))
	schema := agentSchema(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := plan.Load(data, plan.Answers{})
		if err != nil {
			return
		}
		cfg, err := AgentConfig(a)
		if err != nil {
			t.Fatalf("valid answers did not render: %v", err)
		}
		if p := Check(cfg); p != nil {
			t.Fatalf("valid answers rendered a config Check rejects: %v\n%s", p, cfg)
		}
		if p := agentschema.Validate(schema, cfg); p != nil {
			t.Fatalf("valid answers rendered a config the agent's schema rejects: %v\n%s", p, cfg)
		}
	})
}

// picker turns fuzz bytes into choices.
type picker struct{ b []byte }

func (p *picker) n(max int) int {
	if len(p.b) == 0 {
		return 0
	}
	v := int(p.b[0]) % max
	p.b = p.b[1:]
	return v
}

// choose is one of good, or rarely (1 in 12) one of bad.
func choose[T any](p *picker, good, bad []T) T {
	if len(bad) > 0 && p.n(12) == 0 {
		return bad[p.n(len(bad))]
	}
	return good[p.n(len(good))]
}

func answersFrom(data []byte) plan.Answers {
	p := &picker{b: data}
	a := plan.Answers{
		Role:           choose(p, []plan.Role{plan.RoleBase, plan.RoleDBMySQL, ""}, []plan.Role{"web"}),
		Region:         choose(p, []string{"", "ap-northeast-2", "us-gov-west-1"}, []string{"seoul"}),
		RunAsUser:      choose(p, []string{"", "root", "cwagent"}, []string{"Root"}),
		LogGroupPrefix: choose(p, []string{"", "/ec2", "/ec2/", "shop"}, []string{"aws/x", "/a b", strings.Repeat("p", 600)}),
		StreamName:     choose(p, []string{"", "{instance_id}", "{hostname}-{ip_address}"}, []string{"{nope}", "a:b", strings.Repeat("s", 513)}),
		LogGroupClass:  choose(p, []string{"", plan.ClassStandard, plan.ClassInfrequent}, []string{"standard"}),
	}
	for i := range p.n(5) {
		l := plan.LogSource{
			Service:         choose(p, []string{"system", "apache", "my app"}, []string{""}),
			Name:            choose(p, []string{"messages", "x", "a/b"}, []string{""}),
			TimestampFormat: choose(p, []string{"", "%b %d %H:%M:%S", "%Y-%m-%dT%H:%M:%S.%fZ"}, []string{"%e", "%S%f", "plain"}),
			Timezone:        choose(p, []string{"", "Local", "UTC"}, []string{"KST"}),
			MultiLineStart:  choose(p, []string{"", "^\\[", "^# Time: "}, []string{"(", "{timestamp_format}"}),
			LogGroup:        choose(p, []string{"", "", "/g/{instance_id}", "g#1"}, []string{"/g ", strings.Repeat("g", 513)}),
			RetentionDays:   choose(p, []int{0, -1, 1, 90, 365, 3653}, []int{2, 366}),
			Class:           choose(p, []string{"", ""}, []string{plan.ClassInfrequent, "COLD"}),
		}
		if l.TimestampFormat != "" && p.n(2) == 0 {
			l.MultiLineStart = "{timestamp_format}"
		}
		if choose(p, []bool{true, true, false}, nil) {
			l.Path = choose(p, []string{"/var/log/f" + strconv.Itoa(i), "/var/log/*.log" + strconv.Itoa(i)}, []string{"relative", "/var/log/f0"})
		} else {
			l.TimestampFormat, l.Timezone, l.MultiLineStart = "", "", ""
			l.Journal = &plan.JournalSelect{
				Units:    choose(p, [][]string{nil, {"sshd.service"}}, [][]string{{"a", "a"}, {""}}),
				Priority: choose(p, []string{"", "info", "7"}, []string{"loud"}),
				Matches:  choose(p, [][]map[string]string{nil, {{"SYSLOG_FACILITY": "4"}, {"SYSLOG_FACILITY": "10"}}}, [][]map[string]string{{{}}, {{"A": "1"}, {"A": "1"}}}),
			}
		}
		a.Logs = append(a.Logs, l)
	}
	a.Metrics = plan.Metrics{
		Enabled:             p.n(2) == 0,
		Collect:             choose(p, [][]string{nil, {"mem"}, {"mem", "disk", "swap", "cpu"}}, [][]string{{"gpu"}, {"mem", "mem"}}),
		DiskPaths:           choose(p, [][]string{nil, {"/"}, {"/", "/data"}}, [][]string{{"data"}}),
		Procstat:            choose(p, [][]string{nil, {"^(mysqld|mariadbd)$"}, {"pattern:java"}}, [][]string{{"("}, {"pattern:"}}),
		InstanceIDDimension: p.n(2) == 0,
		IntervalSeconds:     choose(p, []int{0, 1, 60, 172800}, []int{172801, -1}),
	}
	return a
}

// FuzzAnswersStruct builds answers field by field from values near the
// edges (allowed and not) and checks: answers that validate render a
// config the agent's schema and cwsetup's check accept.
func FuzzAnswersStruct(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	schema := agentSchema(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a := answersFrom(data)
		if a.Validate() != nil {
			return
		}
		cfg, err := AgentConfig(a)
		if err != nil {
			t.Fatal(err)
		}
		if pr := Check(cfg); pr != nil {
			t.Fatalf("Check: %v\n%s", pr, cfg)
		}
		if pr := agentschema.Validate(schema, cfg); pr != nil {
			t.Fatalf("agent schema: %v\n%s", pr, cfg)
		}
	})
}

// The structured fuzz must reach valid answers with logs, or it tests nothing.
func TestAnswersFromReachesValid(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	valid := 0
	for range 5000 {
		b := make([]byte, 64)
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		if a := answersFrom(b); a.Validate() == nil && len(a.Logs) > 0 {
			valid++
		}
	}
	if valid < 20 {
		t.Errorf("only %d of 5000 random answers are valid with logs", valid)
	}
	t.Logf("%d of 5000 valid with logs", valid)
}
