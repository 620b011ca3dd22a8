package plan

import (
	"reflect"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
)

func TestSaveLoadRoundTrip(t *testing.T) {
	for _, a := range []Answers{Defaults(rhelWeb(), ""), Defaults(al2023(), ""), Defaults(rhelWeb(), RoleWASTomcat)} {
		data, err := Save(a)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Load(data, Answers{})
		if err != nil {
			t.Fatalf("load of saved answers: %v\n%s", err, data)
		}
		if !reflect.DeepEqual(got, a) {
			t.Errorf("round trip changed the answers\nsaved:\n%s\ngot %+v\nwant %+v", data, got, a)
		}
	}
}

func TestSaveLoadAlarms(t *testing.T) {
	a := Defaults(rhelWeb(), "")
	a.Alarms = Alarms{Enabled: true, Threshold: 5, PeriodSeconds: 30, SNSTopicARN: "arn:aws:sns:ap-northeast-2:123456789012:ops"}
	data, err := Save(a)
	if err != nil {
		t.Fatal(err)
	}
	want := "alarms:\n  enabled: true\n  threshold: 5\n  period_seconds: 30\n  sns_topic_arn: arn:aws:sns:ap-northeast-2:123456789012:ops\n"
	if !strings.HasSuffix(string(data), want) {
		t.Errorf("saved answers end\n%s\nwant\n%s", data[max(0, len(data)-200):], want)
	}
	got, err := Load(data, Answers{})
	if err != nil || got.Alarms != a.Alarms {
		t.Errorf("round trip: %+v %v", got.Alarms, err)
	}
	// A file that turns them off keeps the defaults' period.
	off, err := Load([]byte("alarms:\n  enabled: false\n"), Defaults(rhelWeb(), ""))
	if err != nil || off.Alarms != (Alarms{PeriodSeconds: DefaultAlarmPeriod}) {
		t.Errorf("alarms off: %+v %v", off.Alarms, err)
	}
}

func TestLoadJSON(t *testing.T) {
	a, err := Load([]byte(`{"role": "base", "log_group_prefix": "/prod", "stream_name": "{hostname}",
	  "logs": [{"service": "app", "name": "main", "path": "/srv/app.log", "retention_days": 30,
	            "timestamp_format": "%Y-%m-%d %H:%M:%S"}],
	  "metrics": {"enabled": true, "collect": ["mem"]}}`), Answers{})
	if err != nil {
		t.Fatal(err)
	}
	if a.GroupName(a.Logs[0]) != "/prod/app/main" || a.Logs[0].RetentionDays != 30 || !a.Metrics.Enabled {
		t.Errorf("%+v", a)
	}
}

func TestLoadKeepsBase(t *testing.T) {
	base := Defaults(rhelWeb(), "")
	a, err := Load([]byte("log_group_prefix: /web\n"), base)
	if err != nil {
		t.Fatal(err)
	}
	if a.GroupName(a.Logs[0]) != "/web/system/messages" || len(a.Logs) != len(base.Logs) {
		t.Errorf("keys not in the file keep the defaults: %+v", a)
	}
}

func TestLoadRejects(t *testing.T) {
	cases := []struct {
		in   string
		key  i18n.Key
		want string // in the English message
	}{
		{"rol: base\n", i18n.AnsUnknownKey, "rol (line 1)"},
		{"role: base\nlogs:\n  - service: a\n    name: b\n    path: /x\n    retention: 30\n", i18n.AnsUnknownKey, "logs[0].retention (line 6)"},
		{"metrics:\n  enabled: maybe\n", i18n.AnsWrongType, "metrics.enabled (line 2)"},
		{"logs:\n  - service: a\n    name: b\n    path: /x\n    retention_days: forever\n", i18n.AnsWrongType, "logs[0].retention_days (line 5)"},
		{"logs: /var/log/messages\n", i18n.AnsWrongType, "logs (line 1)"},
		{"role: [a]\n", i18n.AnsWrongType, "role (line 1)"},
		{"- a\n", i18n.AnsWrongType, "(top)"},
		{"role: base\nlogs:\n  - service: a\n    name: b\n    path: /x\n    retention_days: 100\n", i18n.AnsBadRetention, "logs[0].retention_days"},
		{"role: [\n", i18n.ErrAnswersSyntax, "line"},
		{"", i18n.ErrAnswersEmpty, ""},
		{"role: dbserver\n", i18n.AnsBadRole, "dbserver"},
		{"logs:\n  - service: a\n    name: b\n    journal:\n      matches: [{A: 1}, 2]\n", i18n.AnsWrongType, "logs[0].journal.matches[1]"},
		{"alarms:\n  enabled: true\n  treshold: 5\n", i18n.AnsUnknownKey, "alarms.treshold (line 3)"},
		{"alarms:\n  threshold: many\n", i18n.AnsWrongType, "alarms.threshold (line 2)"},
		{"alarms:\n  threshold: -2\n", i18n.AnsBadAlarmThreshold, "alarms.threshold"},
		{"alarms:\n  period_seconds: 45\n", i18n.AnsBadAlarmPeriod, "alarms.period_seconds"},
		{"alarms:\n  sns_topic_arn: arn:aws:sns:ap-northeast-2:ops\n", i18n.AnsBadAlarmSNS, "alarms.sns_topic_arn"},
		{"alarms: true\n", i18n.AnsWrongType, "alarms (line 1)"},
	}
	for _, c := range cases {
		_, err := Load([]byte(c.in), Defaults(rhelWeb(), ""))
		var e *i18n.Error
		if err == nil {
			t.Errorf("%q: accepted", c.in)
			continue
		}
		e, _ = err.(*i18n.Error)
		if e == nil || e.Key != c.key || !e.Usage || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v (%#v), want key %s containing %q", c.in, err, e, c.key, c.want)
		}
	}
	// Korean names the key and uses the console's terms.
	_, err := Load([]byte("alarms:\n  period_seconds: 45\n"), Defaults(rhelWeb(), ""))
	if ko := i18n.New(i18n.KO).Error(err); !strings.Contains(ko, "alarms.period_seconds") || !strings.Contains(ko, "경보 기간") {
		t.Errorf("Korean: %s", ko)
	}
	// Korean message names the key too.
	_, err = Load([]byte("rol: base\n"), Answers{})
	if ko := i18n.New(i18n.KO).Error(err); !strings.Contains(ko, "rol") || !strings.Contains(ko, "알 수 없는 키") {
		t.Errorf("Korean: %s", ko)
	}
}

func FuzzLoad(f *testing.F) {
	seed, _ := Save(Defaults(rhelWeb(), ""))
	f.Add(seed)
	seed2, _ := Save(Defaults(al2023(), ""))
	f.Add(seed2)
	f.Add([]byte(`{"logs":[{"journal":{"matches":[{"a":"b"}]}}]}`))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("metrics: {collect: [mem, mem]}\nlogs: ~\n"))
	f.Add([]byte("alarms: {enabled: true, threshold: 3, period_seconds: 10, sns_topic_arn: \"arn:aws:sns:us-east-1:123456789012:x\"}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Load(data, Answers{})
		if err != nil {
			if !i18n.IsUsage(err) {
				t.Fatalf("non-usage error %v", err)
			}
			return
		}
		// What loads must validate and survive a round trip.
		if err := a.Validate(); err != nil {
			t.Fatalf("loaded but invalid: %v", err)
		}
		out, err := Save(a)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Load(out, Answers{}); err != nil {
			t.Fatalf("saved answers do not load: %v\n%s", err, out)
		}
	})
}

func TestLoadForUsesTheFilesRole(t *testing.T) {
	a, err := LoadFor([]byte("role: db-mysql\n"), rhelWeb(), "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Role != RoleDBMySQL || len(a.Metrics.Procstat) != 1 {
		t.Errorf("the file's role should pick its preset's defaults: %+v", a)
	}
	// An explicit role wins over the file's.
	if a, _ := LoadFor([]byte("role: db-mysql\n"), rhelWeb(), RoleBase); len(a.Metrics.Procstat) != 0 {
		t.Errorf("explicit base role: %+v", a.Metrics)
	}
	// No role anywhere: the suggested one.
	if a, _ := LoadFor([]byte("stream_name: x\n"), rhelWeb(), ""); a.Role != RoleWebApachePHP {
		t.Errorf("suggested role: %s", a.Role)
	}
}
