package plan

import (
	"reflect"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/detect"
)

// rhelWeb is a hand-made detection of a Rocky 9 web server (until fixture
// roots exist): rsyslog files, httpd running, php-fpm, mariadb installed.
func rhelWeb() detect.Report {
	return detect.Report{
		OS:    detect.OS{ID: "rocky", VersionID: "9.4", Family: "rhel"},
		Arch:  "amd64",
		Agent: detect.Agent{},
		Services: []detect.Service{
			{Name: detect.System, State: detect.Running, Flavor: "rsyslog", Logs: []detect.Log{
				{Path: "/var/log/messages", Exists: true, Size: 1 << 20, TimestampFormat: "%b %d %H:%M:%S", FormatChecked: true},
				{Path: "/var/log/secure", Exists: true, Size: 4096, TimestampFormat: "%b %d %H:%M:%S", FormatChecked: true},
			}},
			{Name: detect.Apache, State: detect.Running, Flavor: "httpd", Logs: []detect.Log{
				{Path: "/var/log/httpd/access_log", Exists: true, TimestampFormat: "%d/%b/%Y:%H:%M:%S %z", FormatChecked: true},
				{Path: "/var/log/httpd/error_log", Exists: true, TimestampFormat: "%a %b %d %H:%M:%S.%f %Y", FormatChecked: false},
			}},
			{Name: detect.PHPFPM, State: detect.Installed, Logs: []detect.Log{
				{Path: "/var/log/php-fpm/www-slow.log", Exists: false, TimestampFormat: "%d-%b-%Y %H:%M:%S", MultiLineStartPattern: "{timestamp_format}"},
			}},
			{Name: detect.MySQL, State: detect.Installed, Flavor: "mariadb", Logs: []detect.Log{
				{Path: "/var/log/mariadb/mariadb.log", Exists: false, TimestampFormat: "%Y-%m-%d %H:%M:%S"},
			}},
		},
	}
}

func al2023() detect.Report {
	return detect.Report{
		OS:    detect.OS{ID: "amzn", VersionID: "2023", Family: "amzn"},
		Agent: detect.Agent{Installed: true, Version: "1.300071.0b1234"},
		Services: []detect.Service{
			{Name: detect.System, State: detect.Running, Flavor: "journald"},
			{Name: detect.MySQL, State: detect.Running, Flavor: "mysql", Logs: []detect.Log{
				{Path: "/var/log/mysqld.log", Exists: true, TimestampFormat: "%Y-%m-%dT%H:%M:%S.%fZ", FormatChecked: true},
			}},
		},
	}
}

func TestDefaultsWebRole(t *testing.T) {
	r := rhelWeb()
	if got := SuggestRole(r); got != RoleWebApachePHP {
		t.Fatalf("SuggestRole = %s", got)
	}
	a := Defaults(r, "")
	if err := a.Validate(); err != nil {
		t.Fatalf("defaults do not validate: %v", err)
	}
	var groups []string
	for _, l := range a.Logs {
		groups = append(groups, a.GroupName(l))
	}
	want := []string{"/ec2/system/messages", "/ec2/system/secure", "/ec2/apache/access", "/ec2/apache/error", "/ec2/php-fpm/www-slow"}
	if !reflect.DeepEqual(groups, want) {
		t.Errorf("groups %v, want %v (mariadb log absent and not the role's: left out)", groups, want)
	}
	byPath := map[string]LogSource{}
	for _, l := range a.Logs {
		byPath[l.Path] = l
	}
	if byPath["/var/log/secure"].RetentionDays != 365 || byPath["/var/log/messages"].RetentionDays != 90 {
		t.Errorf("retention: secure %d messages %d", byPath["/var/log/secure"].RetentionDays, byPath["/var/log/messages"].RetentionDays)
	}
	if f := byPath["/var/log/httpd/error_log"].TimestampFormat; f != "" {
		t.Errorf("an unchecked format of an existing file must not be used, got %q", f)
	}
	if l := byPath["/var/log/php-fpm/www-slow.log"]; l.MultiLineStart != "{timestamp_format}" || l.TimestampFormat == "" {
		t.Errorf("slow log: %+v", l)
	}
	if a.RunAsUser != "cwagent" {
		t.Errorf("the agent runs as cwagent by default (apply grants it the logs), got %q", a.RunAsUser)
	}
	if !a.ManagesRetention() || !a.NeedsDescribeTags() || a.GroupPrefix() != "/ec2" {
		t.Errorf("IAM helpers: retention %v tags %v prefix %q", a.ManagesRetention(), a.NeedsDescribeTags(), a.GroupPrefix())
	}
	if len(a.Metrics.Procstat) != 0 {
		t.Errorf("web role has no procstat: %v", a.Metrics.Procstat)
	}
	// The secure log is shipped, so the security alarms are on, 5 minutes.
	if want := (Alarms{Enabled: true, PeriodSeconds: 300}); a.Alarms != want {
		t.Errorf("alarms %+v, want %+v", a.Alarms, want)
	}
	if g := a.SecurityGroups(); !reflect.DeepEqual(g, []string{"/ec2/system/secure"}) {
		t.Errorf("security groups %v", g)
	}
}

func TestAlarmPeriods(t *testing.T) {
	for p, ok := range map[int]bool{10: true, 30: true, 60: true, 300: true, 86400: true,
		0: false, 20: false, 45: false, 90: false, 86460: false, -60: false} {
		if ValidAlarmPeriod(p) != ok {
			t.Errorf("ValidAlarmPeriod(%d) = %v", p, !ok)
		}
	}
}

func TestDefaultsAlarmsNeedTheAuthLog(t *testing.T) {
	// Only the MySQL log: no auth log to count failures in, so the alarms
	// are off (their defaults stay, for when the user turns them on).
	r := detect.Report{Services: []detect.Service{{Name: detect.MySQL, State: detect.Running, Logs: []detect.Log{
		{Path: "/var/log/mysqld.log", Exists: true}}}}}
	a := Defaults(r, "")
	if want := (Alarms{PeriodSeconds: 300}); a.Alarms != want || len(a.SecurityGroups()) != 0 {
		t.Errorf("alarms %+v, groups %v", a.Alarms, a.SecurityGroups())
	}
	if err := a.Validate(); err != nil {
		t.Error(err)
	}
}

func TestDefaultsJournalDB(t *testing.T) {
	a := Defaults(al2023(), "")
	if a.Role != RoleDBMySQL {
		t.Fatalf("role %s", a.Role)
	}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	if !a.UsesJournal() || a.Logs[0].Journal == nil || a.Logs[1].Journal == nil {
		t.Fatalf("system logs should come from the journal: %+v", a.Logs)
	}
	if a.GroupName(a.Logs[1]) != "/ec2/system/secure" || a.Logs[1].RetentionDays != 365 {
		t.Errorf("auth journal source: %+v", a.Logs[1])
	}
	if a.Logs[2].Timezone != "UTC" {
		t.Errorf("MySQL Z timestamps are UTC: %+v", a.Logs[2])
	}
	if !reflect.DeepEqual(a.Metrics.Procstat, []string{"^(mysqld|mariadbd)$"}) {
		t.Errorf("procstat %v", a.Metrics.Procstat)
	}
	if !a.Alarms.Enabled || !reflect.DeepEqual(a.SecurityGroups(), []string{"/ec2/system/secure"}) {
		t.Errorf("the journal's auth facilities get the alarms: %+v %v", a.Alarms, a.SecurityGroups())
	}

	old := al2023()
	old.Agent.Version = "1.300069.0"
	if b := Defaults(old, ""); b.UsesJournal() {
		t.Error("an agent older than 1.300070.0 cannot read the journal")
	}
	fresh := al2023()
	fresh.Agent = detect.Agent{}
	if b := Defaults(fresh, ""); !b.UsesJournal() {
		t.Error("a fresh install is new enough for the journal")
	}
}

func TestVersionAtLeast(t *testing.T) {
	for _, c := range []struct {
		v    string
		want bool
	}{{"1.300070.0", true}, {"1.300071.0b1234", true}, {"1.300069.9", false}, {"1.247359.1", false}, {"2.0", true}, {"", false}, {"garbage", false}} {
		if got := versionAtLeast(c.v, JournaldMinAgent); got != c.want {
			t.Errorf("versionAtLeast(%q) = %v", c.v, got)
		}
	}
}

func TestLogName(t *testing.T) {
	for in, want := range map[string]string{
		"/var/log/httpd/access_log":                             "access",
		"/var/log/apache2/error.log":                            "error",
		"/var/log/tomcat10/catalina.*.log":                      "catalina",
		"/var/log/tomcat/localhost_access_log.*.txt":            "localhost_access",
		"/var/log/tomcat/catalina.2026-11-24.log":               "catalina",
		"/var/log/messages":                                     "messages",
		"/var/log/auth.log":                                     "auth",
		"/var/log/php8.2-fpm.log":                               "php8.2-fpm",
		"/var/log/php-fpm/www-error.log":                        "www-error",
		"/var/log/nginx/other vhosts.log":                       "other-vhosts",
		"/var/log/postgresql/postgresql-15-main.log":            "postgresql-15-main",
		"/var/log/*.log":                                        "log",
		"/srv/app/logs/app.log":                                 "app",
		"/var/log/mysql/mysqld.log":                             "mysqld",
		"/var/log/apache2/other_vhosts_access.log":              "other_vhosts_access",
		"/var/log/redis/redis-server.log":                       "redis-server",
		"/var/log/httpd/ssl_access_log":                         "ssl_access",
		"/opt/tomcat/logs/localhost.2026-11-24.log":             "localhost",
		"/var/log/nginx/access.log-20261124":                    "access",
		"/var/log/php-fpm/error.log":                            "error",
		"/var/log/mariadb/mariadb.log":                          "mariadb",
		"/var/log/tomcat10/localhost_access_log.2026-11-24.txt": "localhost_access",
	} {
		if got := LogName(in); got != want {
			t.Errorf("LogName(%q) = %q, want %q", in, got, want)
		}
	}
}

// problemKeys returns the message keys and first args of all problems.
func problemKeys(a Answers) []string {
	var out []string
	for _, p := range a.Problems() {
		out = append(out, strings.TrimSpace(string(p.Key)+" "+firstArg(p)))
	}
	return out
}

func firstArg(e *i18n.Error) string {
	if len(e.Args) == 0 {
		return ""
	}
	s, _ := e.Args[0].(string)
	return s
}

func TestValidateRejects(t *testing.T) {
	base := func() Answers { return Defaults(rhelWeb(), RoleBase) }
	cases := []struct {
		name   string
		change func(*Answers)
		want   string
	}{
		{"retention not allowed", func(a *Answers) { a.Logs[0].RetentionDays = 100 }, "config.ans.bad_retention logs[0].retention_days"},
		{"class", func(a *Answers) { a.LogGroupClass = "COLD" }, "config.ans.bad_class log_group_class"},
		{"group charset", func(a *Answers) { a.Logs[1].LogGroup = "/ec2/로그" }, "config.ans.bad_group_name logs[1].log_group"},
		{"group length", func(a *Answers) { a.Logs[1].LogGroup = "/" + strings.Repeat("a", 512) }, "config.ans.group_len logs[1].log_group"},
		{"prefix charset", func(a *Answers) { a.LogGroupPrefix = "/ec2 prod" }, "config.ans.bad_group_name log_group_prefix"},
		{"stream placeholder", func(a *Answers) { a.StreamName = "{instance}" }, "config.ans.stream_placeholder stream_name"},
		{"stream chars", func(a *Answers) { a.StreamName = "a:b" }, "config.ans.stream_chars stream_name"},
		{"procstat empty", func(a *Answers) { a.Metrics.Procstat = []string{"pattern:"} }, "config.ans.procstat_len metrics.procstat[0]"},
		{"timestamp directive", func(a *Answers) { a.Logs[0].TimestampFormat = "%b %e %T" }, "config.ans.timestamp_directive logs[0].timestamp_format"},
		{"fraction", func(a *Answers) { a.Logs[0].TimestampFormat = "%H:%M:%S%f" }, "config.ans.timestamp_fraction logs[0].timestamp_format"},
		{"no directive", func(a *Answers) { a.Logs[0].TimestampFormat = "today" }, "config.ans.timestamp_no_directive logs[0].timestamp_format"},
		{"timezone", func(a *Answers) { a.Logs[0].Timezone = "Asia/Seoul" }, "config.ans.bad_timezone logs[0].timezone"},
		{"one retention per group", func(a *Answers) { a.Logs[1].LogGroup = a.GroupName(a.Logs[0]) }, "config.ans.retention_conflict logs[1].retention_days"},
		{"one class per group", func(a *Answers) {
			a.Logs[1].LogGroup = a.GroupName(a.Logs[0])
			a.Logs[1].RetentionDays = a.Logs[0].RetentionDays
			a.Logs[1].Class = ClassInfrequent
		}, "config.ans.class_conflict logs[1].class"},
		{"duplicate path", func(a *Answers) { a.Logs[1].Path = a.Logs[0].Path }, "config.ans.dup_path logs[1].path"},
		{"no source", func(a *Answers) { a.Logs[0].Path = "" }, "config.ans.no_source logs[0]"},
		{"both sources", func(a *Answers) { a.Logs[0].Journal = &JournalSelect{} }, "config.ans.two_sources logs[0]"},
		{"relative path", func(a *Answers) { a.Logs[0].Path = "var/log/x" }, "config.ans.bad_path logs[0].path"},
		{"role", func(a *Answers) { a.Role = "web" }, "config.ans.bad_role role"},
		{"metric", func(a *Answers) { a.Metrics.Collect = append(a.Metrics.Collect, "gpu") }, "config.ans.bad_metric metrics.collect[3]"},
		{"region", func(a *Answers) { a.Region = "seoul" }, "config.ans.bad_region region"},
		{"multi needs ts", func(a *Answers) { a.Logs[0].TimestampFormat = ""; a.Logs[0].MultiLineStart = "{timestamp_format}" }, "config.ans.multi_needs_ts logs[0].multi_line_start"},
		{"bad regex", func(a *Answers) { a.Logs[0].MultiLineStart = "^(" }, "config.ans.bad_regex logs[0].multi_line_start"},
		{"aws prefix", func(a *Answers) { a.Logs[0].LogGroup = "aws/x" }, "config.ans.group_aws logs[0].log_group"},
		{"unknown placeholder in group", func(a *Answers) { a.Logs[0].LogGroup = "/ec2/{instance}/x" }, "config.ans.bad_group_name logs[0].log_group"},
		{"nothing", func(a *Answers) { a.Logs = nil; a.Metrics.Enabled = false }, "config.ans.nothing"},
		{"same journal twice", func(a *Answers) {
			j := LogSource{Service: "system", Name: "j", Journal: &JournalSelect{Priority: "info"}, RetentionDays: 90}
			a.Logs = append(a.Logs, j, j)
		}, "config.ans.dup_journal logs[5]"},
		{"repeated match", func(a *Answers) {
			a.Logs = append(a.Logs, LogSource{Service: "system", Name: "j", Journal: &JournalSelect{Matches: []map[string]string{{"A": "1"}, {"A": "1"}}}})
		}, "config.ans.bad_match logs[4].journal.matches[1]"},
		{"metrics on but none chosen", func(a *Answers) { a.Logs = nil; a.Metrics.Collect = nil }, "config.ans.nothing"},
		{"interval", func(a *Answers) { a.Metrics.IntervalSeconds = -5 }, "config.ans.bad_interval metrics.interval_seconds"},
		{"alarm threshold", func(a *Answers) { a.Alarms.Threshold = -1 }, "config.ans.bad_alarm_threshold alarms.threshold"},
		{"alarm period", func(a *Answers) { a.Alarms.PeriodSeconds = 90 }, "config.ans.bad_alarm_period alarms.period_seconds"},
		{"alarm period too long", func(a *Answers) { a.Alarms.PeriodSeconds = 86460 }, "config.ans.bad_alarm_period alarms.period_seconds"},
		{"alarm sns", func(a *Answers) { a.Alarms.SNSTopicARN = "ops" }, "config.ans.bad_alarm_sns alarms.sns_topic_arn"},
		{"alarm sns fifo", func(a *Answers) {
			a.Alarms.SNSTopicARN = "arn:aws:sns:ap-northeast-2:123456789012:ops.fifo"
		}, "config.ans.bad_alarm_sns alarms.sns_topic_arn"},
		{"priority", func(a *Answers) {
			a.Logs[0].Path = ""
			a.Logs[0].TimestampFormat = ""
			a.Logs[0].Timezone = ""
			a.Logs[0].Journal = &JournalSelect{Priority: "loud"}
		}, "config.ans.bad_priority logs[0].journal.priority"},
	}
	for _, c := range cases {
		a := base()
		if err := a.Validate(); err != nil {
			t.Fatalf("base invalid: %v", err)
		}
		c.change(&a)
		got := problemKeys(a)
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("%s: problems %v, want first %q", c.name, got, c.want)
		}
		if err := a.Validate(); !i18n.IsUsage(err) {
			t.Errorf("%s: Validate() = %v, want a usage error", c.name, err)
		}
	}
}

func TestValidateLocalized(t *testing.T) {
	a := Defaults(rhelWeb(), "")
	a.Logs[0].RetentionDays = 100
	err := a.Validate()
	ko := i18n.New(i18n.KO).Error(err)
	if !strings.Contains(ko, "logs[0].retention_days") || !strings.Contains(ko, "보존 기간") {
		t.Errorf("Korean error should name the key and say 보존 기간: %s", ko)
	}
	if en := err.Error(); !strings.Contains(en, "logs[0].retention_days") || !strings.Contains(en, "365") {
		t.Errorf("English error: %s", en)
	}
}

func TestGroupNamePlaceholders(t *testing.T) {
	a := Defaults(rhelWeb(), "")
	a.Logs[0].LogGroup = "/ec2/{instance_id}/messages"
	if err := a.Validate(); err != nil {
		t.Errorf("the agent expands {instance_id} in group names: %v", err)
	}
}

func TestDefaultsKeepFormatOfEmptyFile(t *testing.T) {
	r := rhelWeb()
	r.Services[1].Logs[1].Check = detect.CheckEmpty
	a := Defaults(r, "")
	for _, l := range a.Logs {
		if l.Path == "/var/log/httpd/error_log" && l.TimestampFormat == "" {
			t.Error("an empty file's format cannot have failed; keep it")
		}
	}
	r.Services[1].Logs[1].Check = detect.CheckMismatch
	for _, l := range Defaults(r, "").Logs {
		if l.Path == "/var/log/httpd/error_log" && l.TimestampFormat != "" {
			t.Error("a mismatched format must not be used")
		}
	}
}
