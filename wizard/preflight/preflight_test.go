package preflight

import (
	"strconv"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

func fixture(t testing.TB, name string) (host.Root, detect.Report) {
	t.Helper()
	r, err := host.Open(testpeer.Testdata("roots", name))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := detect.Detect(r)
	if err != nil {
		t.Fatal(err)
	}
	return r, *rep
}

func TestConfigClean(t *testing.T) {
	r, rep := fixture(t, "rocky8")
	res, err := Config(r, plan.Defaults(rep, ""), nil, "", Options{})
	if err != nil || !res.OK() || len(res.Config) == 0 || len(res.Checks) == 0 {
		t.Fatalf("err %v problems %v checks %d", err, res.Problems, len(res.Checks))
	}
}

func TestConfigProblems(t *testing.T) {
	r, rep := fixture(t, "rocky8")
	a := plan.Defaults(rep, "")
	a.Logs[0].TimestampFormat = "%Y-%m-%d %H:%M:%S" // /var/log/messages is "Nov 24 …"
	existing := []byte(`{"metrics": {"metrics_collected": {"collectd": {}}},
	  "logs": {"logs_collected": {"files": {"collect_list": [
	    {"file_path": "/srv/a.log", "log_group_name": "shared", "retention_in_days": 7},
	    {"file_path": "/srv/b.log", "log_group_name": "shared", "retention_in_days": 14}]}}}}`)
	res, err := Config(r, a, existing, "config.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Problems {
		got = append(got, i18n.New(i18n.EN).Error(p))
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"/logs/logs_collected/files/collect_list/", // the user's two entries for one group
		"Different retention_in_days values can't be set for the same log group: shared",
		"/usr/share/collectd/types.db",
		`logs[0] /var/log/messages: timestamp_format "%Y-%m-%d %H:%M:%S" did not parse`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q:\n%s", want, all)
		}
	}
	if res.OK() {
		t.Error("OK with problems")
	}
	// Skipping the file check leaves the other problems.
	res, _ = Config(r, a, existing, "config.json", Options{SkipTimestamps: true})
	if len(res.Problems) != 2 || res.Checks != nil {
		t.Errorf("SkipTimestamps: %v", res.Problems)
	}
}

func TestConfigErrors(t *testing.T) {
	r, rep := fixture(t, "rocky8")
	a := plan.Defaults(rep, "")
	if _, err := Config(r, a, []byte("{"), "/opt/x/config.json", Options{}); !i18n.IsUsage(err) || !strings.Contains(err.Error(), "/opt/x/config.json") {
		t.Errorf("bad existing JSON: %v", err)
	}
	a.Logs[0].RetentionDays = 100
	if _, err := Config(r, a, nil, "", Options{}); !i18n.IsUsage(err) || !strings.Contains(err.Error(), "logs[0].retention_days") {
		t.Errorf("invalid answers: %v", err)
	}
}

// BenchmarkConfig is the work behind `cwsetup config` after detection:
// defaults, merge, checks and the timestamp check on a fixture host.
func BenchmarkConfig(b *testing.B) {
	r, rep := fixture(b, "ubuntu2404")
	a := plan.Defaults(rep, "")
	for b.Loop() {
		if res, err := Config(r, a, nil, "", Options{}); err != nil || !res.OK() {
			b.Fatal(err, res.Problems)
		}
	}
}

// multi_line_start is tried on the file: a pattern that starts no event in
// the file's own lines is refused, one that starts some is fine.
func TestConfigMultiLineOnTheFile(t *testing.T) {
	r, rep := fixture(t, "rocky8")
	a := plan.Defaults(rep, "")
	i := -1
	for j, l := range a.Logs {
		if l.Path == "/var/log/messages" {
			i = j
		}
	}
	if i < 0 {
		t.Fatal("no /var/log/messages in the defaults")
	}
	for _, c := range []struct {
		pattern string
		refused bool
	}{
		{`^[A-Z][a-z]{2} [ 0-9]\d `, false}, // "Nov 24 …": every line starts an event
		{`^\d{4}-\d{2}-\d{2}`, true},        // ISO dates: none in this file
		{"{timestamp_format}", false},
	} {
		a.Logs[i].MultiLineStart = c.pattern
		res, err := Config(r, a, nil, "", Options{})
		if err != nil {
			t.Fatal(err)
		}
		var msgs []string
		for _, p := range res.Problems {
			msgs = append(msgs, i18n.New(i18n.EN).Error(p))
		}
		all := strings.Join(msgs, "\n")
		refused := strings.Contains(all, "matches none of the file's last")
		if refused != c.refused {
			t.Errorf("%q: refused %v, want %v\n%s", c.pattern, refused, c.refused, all)
		}
		if c.refused && !strings.Contains(all, "logs["+strconv.Itoa(i)+"] /var/log/messages") {
			t.Errorf("%q: the problem does not name the log: %s", c.pattern, all)
		}
	}
}
