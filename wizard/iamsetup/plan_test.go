package iamsetup

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
)

// The job against moto, through aws/'s adapters, is tested in aws/ and
// in package main. These tests cover what moto cannot show: a log group's
// class as AWS reports it, and a change that fails halfway. memory holds
// IAM and Logs state in memory; it implements only what they need.
type memory struct {
	roles    map[string]*Role
	inline   map[string]map[string]string
	profiles map[string]*InstanceProfile
	groups   map[string]*LogGroup
	filters  map[string]*MetricFilter
	alarms   map[string]*MetricAlarm
	fail     string // the call that fails
	calls    []string
}

var errBoom = errors.New("boom")

func newMemory() *memory {
	return &memory{roles: map[string]*Role{}, inline: map[string]map[string]string{}, profiles: map[string]*InstanceProfile{},
		groups: map[string]*LogGroup{}, filters: map[string]*MetricFilter{}, alarms: map[string]*MetricAlarm{}}
}

func (m *memory) call(name string) error {
	m.calls = append(m.calls, name)
	if name == m.fail {
		return errBoom
	}
	return nil
}

func (m *memory) GetRole(_ context.Context, n string) (*Role, error) { return m.roles[n], nil }
func (m *memory) CreateRole(_ context.Context, n, trust, _ string) error {
	m.roles[n] = &Role{Name: n, ARN: "arn:aws:iam::123456789012:role/" + n, TrustPolicy: trust}
	return m.call("CreateRole")
}
func (m *memory) UpdateAssumeRolePolicy(_ context.Context, n, trust string) error {
	m.roles[n].TrustPolicy = trust
	return m.call("UpdateAssumeRolePolicy")
}
func (m *memory) ListRolePolicies(_ context.Context, r string) ([]string, error) {
	var out []string
	for n := range m.inline[r] {
		out = append(out, n)
	}
	return out, nil
}
func (m *memory) GetRolePolicy(_ context.Context, r, p string) (string, bool, error) {
	d, ok := m.inline[r][p]
	return d, ok, nil
}
func (m *memory) PutRolePolicy(_ context.Context, r, p, d string) error {
	if err := m.call("PutRolePolicy"); err != nil {
		return err
	}
	if m.inline[r] == nil {
		m.inline[r] = map[string]string{}
	}
	m.inline[r][p] = d
	return nil
}
func (m *memory) ListAttachedRolePolicies(context.Context, string) ([]ManagedPolicy, error) {
	return nil, nil
}
func (m *memory) PolicyDocument(context.Context, string) (string, error) { return "", nil }
func (m *memory) GetInstanceProfile(_ context.Context, n string) (*InstanceProfile, error) {
	return m.profiles[n], nil
}
func (m *memory) CreateInstanceProfile(_ context.Context, n string) (InstanceProfile, error) {
	m.profiles[n] = &InstanceProfile{Name: n, ARN: "arn:aws:iam::123456789012:instance-profile/" + n}
	return *m.profiles[n], m.call("CreateInstanceProfile")
}
func (m *memory) AddRoleToInstanceProfile(_ context.Context, p, r string) error {
	m.profiles[p].Roles = append(m.profiles[p].Roles, r)
	return m.call("AddRoleToInstanceProfile")
}
func (m *memory) DescribeLogGroup(_ context.Context, n string) (*LogGroup, error) {
	return m.groups[n], nil
}
func (m *memory) CreateLogGroup(_ context.Context, n, class string) error {
	m.groups[n] = &LogGroup{Name: n, Class: class}
	return m.call("CreateLogGroup")
}
func (m *memory) PutRetentionPolicy(_ context.Context, n string, d int) error {
	m.groups[n].RetentionDays = d
	return m.call("PutRetentionPolicy")
}
func (m *memory) DeleteRetentionPolicy(_ context.Context, n string) error {
	m.groups[n].RetentionDays = 0
	return m.call("DeleteRetentionPolicy")
}
func (m *memory) DescribeMetricFilter(_ context.Context, g, n string) (*MetricFilter, error) {
	return m.filters[g+" "+n], nil
}
func (m *memory) PutMetricFilter(_ context.Context, f MetricFilter) error {
	m.filters[f.LogGroup+" "+f.Name] = &f
	return m.call("PutMetricFilter")
}
func (m *memory) DescribeAlarm(_ context.Context, n string) (*MetricAlarm, error) {
	return m.alarms[n], nil
}
func (m *memory) PutMetricAlarm(_ context.Context, a MetricAlarm) error {
	m.alarms[a.Name] = &a
	return m.call("PutMetricAlarm")
}

func (m *memory) ports() Ports { return Ports{IAM: m, Logs: m, Alarms: m} }

func memSpec(t *testing.T) Spec {
	return Spec{RoleName: "r", PolicyJSON: oursPolicy(t), TrustJSON: string(render.TrustPolicy().JSON())}
}

var authAlarm = Alarm{LogGroup: "/ec2/system/auth", FilterName: "f", Pattern: `"Failed password"`, Namespace: "ns",
	MetricName: "m", AlarmName: "a", Threshold: 1, PeriodSeconds: 300}

// TestPlanRefusesExistingInfrequentGroup: AWS reports the class of an
// existing group (moto does not); an alarm on an Infrequent Access group
// blocks the plan, and a class that differs from the spec is a notice.
func TestPlanRefusesExistingInfrequentGroup(t *testing.T) {
	m := newMemory()
	m.groups["/ec2/system/auth"] = &LogGroup{Name: "/ec2/system/auth", Class: ClassInfrequent}
	m.groups["/ec2/app"] = &LogGroup{Name: "/ec2/app", Class: ClassInfrequent}
	spec := memSpec(t)
	spec.Alarms = []Alarm{authAlarm}
	p, err := MakePlan(context.Background(), m.ports(), spec)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Blocked) != 1 || p.Blocked[0].Key != i18n.IAMSetupErrAlarmInfrequentExists || !i18n.IsUsage(p.Blocked[0]) {
		t.Errorf("blocked %v", p.Blocked)
	}
	if _, err := Apply(context.Background(), m.ports(), p); err == nil || len(m.calls) != 0 {
		t.Errorf("a blocked plan applied: %v %v", err, m.calls)
	}

	spec = memSpec(t)
	spec.LogGroups = []LogGroup{{Name: "/ec2/app", Class: ClassStandard}}
	p, err = MakePlan(context.Background(), m.ports(), spec)
	if err != nil || len(p.Blocked) != 0 || len(p.Notices) != 1 || p.Notices[0].Key != i18n.IAMClassMismatch {
		t.Errorf("class mismatch: %v blocked %v notices %v", err, p.Blocked, p.Notices)
	}
}

// TestApplyStopsAtTheFirstFailure: what was done is done, the failure
// carries its cause, the rest is not tried; a new plan picks up from
// there.
func TestApplyStopsAtTheFirstFailure(t *testing.T) {
	m := newMemory()
	m.fail = "CreateInstanceProfile"
	spec := memSpec(t)
	p, err := MakePlan(context.Background(), m.ports(), spec)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Apply(context.Background(), m.ports(), p)
	if !errors.Is(err, errBoom) {
		t.Fatalf("err %v", err)
	}
	var got []string
	for _, s := range r.Steps {
		got = append(got, string(s.Outcome)+" "+string(s.Resource))
	}
	want := "done role, done inline-policy, failed instance-profile, not-done instance-profile-role"
	if strings.Join(got, ", ") != want || !r.Changed() || r.Failure() == nil || r.Failure().Resource != ResProfile {
		t.Errorf("steps %s\nwant %s", strings.Join(got, ", "), want)
	}
	m.fail = ""
	delete(m.profiles, "r") // the failed create left nothing
	p, err = MakePlan(context.Background(), m.ports(), spec)
	if err != nil {
		t.Fatal(err)
	}
	var pending []string
	for _, c := range p.Pending() {
		pending = append(pending, string(c.Action)+" "+string(c.Resource))
	}
	if strings.Join(pending, ", ") != "create instance-profile, create instance-profile-role" {
		t.Errorf("second plan: %v", pending)
	}
}

// TestPlanRetention: never-expire and changed retention say from and to.
func TestPlanRetention(t *testing.T) {
	m := newMemory()
	m.groups["/a"] = &LogGroup{Name: "/a", RetentionDays: 30}
	m.groups["/b"] = &LogGroup{Name: "/b", RetentionDays: 30}
	spec := memSpec(t)
	spec.LogGroups = []LogGroup{{Name: "/a", RetentionDays: -1}, {Name: "/b", RetentionDays: 90}, {Name: "/c", RetentionDays: 7}}
	p, err := MakePlan(context.Background(), m.ports(), spec)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range p.Changes[4:] {
		got = append(got, string(c.Action)+" "+string(c.Resource)+" "+c.Name+" "+c.From+">"+c.To)
	}
	want := "keep log-group /a >, update retention /a 30>0, keep log-group /b >, update retention /b 30>90, " +
		"create log-group /c >, create retention /c >7"
	if strings.Join(got, ", ") != want {
		t.Errorf("%s\nwant %s", strings.Join(got, ", "), want)
	}
}
