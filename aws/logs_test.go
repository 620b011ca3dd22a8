package aws

import (
	"context"
	"strings"
	"testing"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/alarms"
)

func motoLogs(t *testing.T) sdk.Config {
	t.Helper()
	testpeer.MotoServer(t)
	cfg, err := Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestEnsureLogGroups(t *testing.T) {
	cfg := motoLogs(t)
	ctx, api := context.Background(), NewLogs(cfg)
	want := []LogGroup{
		{Name: "/ec2/system/auth", RetentionDays: 365, Class: ClassStandard},
		{Name: "/ec2/nginx/access", RetentionDays: 90, Class: ClassInfrequent},
		{Name: "/ec2/app/debug"},
	}
	cs, mm, err := EnsureLogGroups(ctx, api, want)
	if err != nil || len(mm) != 0 {
		t.Fatal(err, mm)
	}
	if got := actions(cs); got != "created log-group, created retention, created log-group, created retention, created log-group" {
		t.Errorf("first: %s", got)
	}
	cs, _, err = EnsureLogGroups(ctx, api, want)
	if err != nil || AnyChanged(cs) {
		t.Errorf("second: %s %v", actions(cs), err)
	}
	g, err := DescribeLogGroup(ctx, api, "/ec2/nginx/access")
	if err != nil || !g.Exists || g.RetentionDays != 90 {
		t.Errorf("read back: %+v %v", g, err)
	}
	if g, _ := DescribeLogGroup(ctx, api, "/ec2/nginx"); g.Exists {
		t.Error("a prefix of a group's name counted as the group")
	}
	want[1].RetentionDays = 30
	want[2].RetentionDays = -1
	cs, _, _ = EnsureLogGroups(ctx, api, want)
	if got := actions(cs); !strings.Contains(got, "updated retention") || strings.Count(got, "updated") != 1 {
		t.Errorf("retention change: %s", got)
	}
	// moto accepts 8 days; AWS and cwsetup do not.
	_, _, err = EnsureLogGroups(ctx, api, []LogGroup{{Name: "/x", RetentionDays: 8}})
	if key(err) != i18n.AWSErrBadRetention || !i18n.IsUsage(err) {
		t.Errorf("retention 8: %v", err)
	}
	if _, _, err = EnsureLogGroups(ctx, api, []LogGroup{{Name: "/x", Class: "COLD"}}); key(err) != i18n.AWSErrBadClass {
		t.Errorf("class COLD: %v", err)
	}
}

func TestFindEvent(t *testing.T) {
	cfg := motoLogs(t)
	ctx, api := context.Background(), NewLogs(cfg)
	ship, err := NewLogShipper(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	g := "/ec2/system/syslog"
	start := time.Now().Add(-time.Minute)
	marker := "cwsetup-verify 5f2c1e"
	if err := ship.Ship(ctx, g, "i-0abc", 30, []string{"vm systemd[1]: started", "vm root: " + marker}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if ok, err := FindEvent(ctx, api, g, marker, start); !ok || err != nil {
		t.Errorf("marker not found: %v", err)
	}
	if ok, err := FindEvent(ctx, api, g, "cwsetup-verify 000000", start); ok || err != nil {
		t.Errorf("absent marker found: %v", err)
	}
	if g, err := DescribeLogGroup(ctx, api, g); err != nil || g.RetentionDays != 30 {
		t.Errorf("shipper's group: %+v %v", g, err)
	}
	// A second batch reuses the group and stream.
	if err := ship.Ship(ctx, g, "i-0abc", 30, []string{"again"}, time.Now()); err != nil {
		t.Error(err)
	}
}

func securityAlarms(group string, s alarms.Settings) []SecurityAlarm {
	var out []SecurityAlarm
	for _, a := range alarms.For(group, s) {
		out = append(out, SecurityAlarm{LogGroup: a.LogGroup, FilterName: a.FilterName, Pattern: a.Check.Pattern,
			Namespace: alarms.Namespace, MetricName: a.Check.MetricName, AlarmName: a.AlarmName, Description: a.Check.ID,
			Threshold: float64(a.Threshold), PeriodSeconds: int32(a.PeriodSeconds), SNSTopicARN: a.SNSTopicARN})
	}
	return out
}

func TestEnsureSecurityAlarms(t *testing.T) {
	cfg := motoLogs(t)
	ctx, logs, cw := context.Background(), NewLogs(cfg), NewCloudWatch(cfg)
	group := "/ec2/system/auth"
	as := securityAlarms(group, alarms.Settings{Enabled: true})
	if _, err := EnsureSecurityAlarms(ctx, logs, cw, as); key(err) != i18n.AlarmErrNoGroup {
		t.Fatalf("missing group: %v", err)
	}
	if _, _, err := EnsureLogGroups(ctx, logs, []LogGroup{{Name: group, RetentionDays: 365}}); err != nil {
		t.Fatal(err)
	}
	cs, err := EnsureSecurityAlarms(ctx, logs, cw, as)
	if err != nil {
		t.Fatal(err)
	}
	if got := actions(cs); got != "created metric-filter, created alarm, created metric-filter, created alarm" {
		t.Errorf("first: %s", got)
	}
	if cs, err = EnsureSecurityAlarms(ctx, logs, cw, as); err != nil || AnyChanged(cs) {
		t.Errorf("second: %s %v", actions(cs), err)
	}
	// What moto holds is what was asked for.
	f, err := logs.DescribeMetricFilters(ctx, group, "")
	if err != nil || len(f) != 2 || f[0].Pattern != alarms.Checks[0].Pattern || f[0].Namespace != alarms.Namespace ||
		f[0].DefaultValue == nil || *f[0].DefaultValue != 0 {
		t.Errorf("filters: %+v %v", f, err)
	}
	m, err := cw.DescribeAlarm(ctx, as[1].AlarmName)
	if err != nil || m == nil || m.Threshold != 3 || m.PeriodSeconds != 300 || m.MetricName != "FailedSudo" ||
		m.Statistic != "Sum" || m.Namespace != alarms.Namespace {
		t.Errorf("alarm: %+v %v", m, err)
	}
	if m, err := cw.DescribeAlarm(ctx, "no-such-alarm"); m != nil || err != nil {
		t.Errorf("missing alarm: %+v %v", m, err)
	}
	// New answers: threshold, period and a topic change the alarms only.
	as = securityAlarms(group, alarms.Settings{Enabled: true, Threshold: 2, PeriodSeconds: 60,
		SNSTopicARN: "arn:aws:sns:ap-northeast-2:123456789012:ops"})
	cs, err = EnsureSecurityAlarms(ctx, logs, cw, as)
	if got := actions(cs); err != nil || got != "unchanged metric-filter, updated alarm, unchanged metric-filter, updated alarm" {
		t.Errorf("changed settings: %s %v", got, err)
	}
}
