package alarms

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/filterpattern"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

func lines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// The events each check must count in the captured logs, by a unique part
// of the line; every other line must not count.
var want = map[string][]string{
	"ssh-failed-login": {
		"Invalid user nosuchuser from 127.0.0.1 port 33156",
		"Failed password for invalid user nosuchuser",
		"Failed password for www-data",
		"Connection closed by authenticating user www-data",
		"Failed password for root",
		"Connection closed by authenticating user root",
		"Connection closed by authenticating user daemon",
	},
	"sudo-failure": {
		"nobody : user NOT in sudoers",
		"www-data : user NOT in sudoers",
		"cwsudo : 3 incorrect password attempts",
	},
}

func TestChecksOnRealAuthLogs(t *testing.T) {
	for _, file := range []string{"auth.log", "secure"} {
		ls := lines(t, file)
		if len(ls) < 50 {
			t.Fatalf("%s: only %d lines", file, len(ls))
		}
		for _, c := range Checks {
			var got []string
			for _, l := range ls {
				if c.Matches(l) {
					got = append(got, l)
				}
			}
			if len(got) != len(want[c.ID]) {
				t.Errorf("%s %s: %d lines match, want %d:\n%s", file, c.ID, len(got), len(want[c.ID]), strings.Join(got, "\n"))
				continue
			}
			for i, w := range want[c.ID] {
				if !strings.Contains(got[i], w) {
					t.Errorf("%s %s: match %d is %q, want the line with %q", file, c.ID, i, got[i], w)
				}
			}
		}
	}
	// Successful logins and sudo runs never count.
	for _, l := range lines(t, "auth.log") {
		if strings.Contains(l, "Accepted password") || strings.Contains(l, "COMMAND=/usr/bin/true") && !strings.Contains(l, "incorrect") && !strings.Contains(l, "NOT in") {
			for _, c := range Checks {
				if c.Matches(l) {
					t.Errorf("%s counts a success: %s", c.ID, l)
				}
			}
		}
	}
}

func TestPatternsParse(t *testing.T) {
	for _, c := range Checks {
		if _, err := filterpattern.Parse(c.Pattern); err != nil {
			t.Errorf("%s: %v", c.ID, err)
		}
	}
}

func TestFor(t *testing.T) {
	as := For("/ec2/system/auth", Settings{Enabled: true, SNSTopicARN: "arn:aws:sns:ap-northeast-2:123456789012:ops"})
	if len(as) != 2 {
		t.Fatalf("%d alarms", len(as))
	}
	a := as[0]
	if a.AlarmName != "cwsetup-ssh-failed-login-ec2-system-auth" || a.FilterName != "cwsetup-ssh-failed-login" ||
		a.PeriodSeconds != 300 || a.Threshold != 10 || a.LogGroup != "/ec2/system/auth" {
		t.Errorf("%+v", a)
	}
	if as := For("/g", Settings{Threshold: 2, PeriodSeconds: 60}); as[1].Threshold != 2 || as[1].PeriodSeconds != 60 {
		t.Errorf("overrides: %+v", as[1])
	}
	if names := slices.Compact([]string{as[0].AlarmName, as[1].AlarmName}); len(names) != 2 {
		t.Error("alarm names collide")
	}
}

func TestSettingsValidate(t *testing.T) {
	for _, c := range []struct {
		s    Settings
		want i18n.Key
	}{
		{Settings{Threshold: -1}, i18n.AlarmErrThreshold},
		{Settings{PeriodSeconds: 90}, i18n.AlarmErrPeriod},
		{Settings{PeriodSeconds: 45}, i18n.AlarmErrPeriod},
		{Settings{PeriodSeconds: 86460}, i18n.AlarmErrPeriod},
		{Settings{PeriodSeconds: 30}, ""},
		{Settings{PeriodSeconds: 10}, ""},
		{Settings{SNSTopicARN: "ops-topic"}, i18n.AlarmErrSNS},
		{Settings{PeriodSeconds: 600, SNSTopicARN: "arn:aws:sns:us-east-1:123456789012:a-b_c"}, ""},
	} {
		err := c.s.Validate()
		e, _ := err.(*i18n.Error)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%+v rejected: %v", c.s, err)
		case c.want != "" && (e == nil || e.Key != c.want || !i18n.IsUsage(err)):
			t.Errorf("%+v: got %v, want %s", c.s, err, c.want)
		}
	}
}

func TestSecurityGroups(t *testing.T) {
	a := plan.Answers{LogGroupPrefix: "/ec2", Logs: []plan.LogSource{
		{Service: "system", Name: "syslog", Path: "/var/log/syslog"},
		{Service: "system", Name: "auth", Path: "/var/log/auth.log"},
		{Service: "system", Name: "secure", Journal: &plan.JournalSelect{Priority: "info"}},
		{Service: "system", Name: "secure2", Path: "/var/log/secure", LogGroup: "/custom/secure"},
	}}
	if got := SecurityGroups(a); strings.Join(got, " ") != "/ec2/system/auth /ec2/system/secure /custom/secure" {
		t.Errorf("security groups %v", got)
	}
}
