package plan

import (
	"testing"

	"github.com/cwsetup/cwsetup/wizard/awslogs"
)

// The old agent's sections replace detection's own entries for the same
// files (an exact path or a glob); nothing is shipped twice.
func TestDefaultsAwslogsFirst(t *testing.T) {
	r := rhelWeb()
	r.Awslogs = &awslogs.Found{Region: "eu-west-1", Logs: []awslogs.Log{
		{Section: "/var/log/messages", Path: "/var/log/messages", Group: "/var/log/messages", Stream: "{hostname}",
			TimestampFormat: "%b %d %H:%M:%S", Timezone: "Local"},
		{Section: "httpd access", Path: "/var/log/httpd/access_log*", Group: "web/access", Stream: "{instance_id}"},
	}}
	a := Defaults(r, "")
	if err := a.Validate(); err != nil {
		t.Fatalf("defaults do not validate: %v", err)
	}
	if a.Region != "eu-west-1" {
		t.Errorf("region %q, want awscli.conf's", a.Region)
	}
	count := map[string]int{}
	for _, l := range a.Logs {
		count[l.Path]++
	}
	for _, p := range []string{"/var/log/messages", "/var/log/httpd/access_log*", "/var/log/secure", "/var/log/httpd/error_log"} {
		if count[p] != 1 {
			t.Errorf("%s in the plan %d times, want once: %+v", p, count[p], a.Logs)
		}
	}
	if count["/var/log/httpd/access_log"] != 0 {
		t.Errorf("access_log shipped besides the awslogs glob: %+v", a.Logs)
	}
	if l := a.Logs[0]; l.Service != AwslogsService || l.LogGroup != "/var/log/messages" || l.StreamName != "{hostname}" || l.Timezone != "Local" {
		t.Errorf("first log %+v, want the awslogs section as configured", l)
	}
	if l := a.Logs[1]; l.Name != "httpd-access" || l.TimestampFormat != "" || l.Timezone != "" {
		t.Errorf("second log %+v", l)
	}
}
