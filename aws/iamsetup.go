package aws

import (
	"context"
	"net/url"
	"strings"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"

	"github.com/cwsetup/cwsetup/wizard/iamsetup"
)

// IAMSetupPorts are the IAM setup job's ports (wizard/iamsetup) on the
// SDK's clients for cfg. Errors come back explained (Explain). waiting, if
// not nil, is told once per call when a just-created instance profile is
// not usable by EC2 yet and the association is retried.
func IAMSetupPorts(cfg sdk.Config, waiting func()) iamsetup.Ports {
	return iamsetup.Ports{
		IAM:    iamPort{NewIAM(cfg), profileWait},
		EC2:    ec2Port{NewAssociations(cfg), profileWait, waiting},
		Logs:   logsPort{NewLogs(cfg)},
		Alarms: alarmsPort{NewCloudWatch(cfg)},
	}
}

// profileWait bounds the wait for a new instance profile to propagate.
const profileWait = 15 * time.Second

// iamPort adapts IAMAPI: missing entities are nil, documents decoded.
type iamPort struct {
	api  IAMAPI
	wait time.Duration
}

func (i iamPort) GetRole(ctx context.Context, name string) (*iamsetup.Role, error) {
	r, err := i.api.GetRole(ctx, name)
	switch {
	case NoSuchEntity(err):
		return nil, nil
	case err != nil:
		return nil, Explain(err)
	}
	return &iamsetup.Role{Name: r.Name, ARN: r.ARN, TrustPolicy: DecodeDocument(r.TrustPolicy)}, nil
}

func (i iamPort) CreateRole(ctx context.Context, name, trust, description string) error {
	return Explain(i.api.CreateRole(ctx, name, trust, description))
}

func (i iamPort) UpdateAssumeRolePolicy(ctx context.Context, name, trust string) error {
	return Explain(i.api.UpdateAssumeRolePolicy(ctx, name, trust))
}

func (i iamPort) ListRolePolicies(ctx context.Context, role string) ([]string, error) {
	names, err := i.api.ListRolePolicies(ctx, role)
	return names, Explain(err)
}

func (i iamPort) GetRolePolicy(ctx context.Context, role, policy string) (string, bool, error) {
	doc, err := i.api.GetRolePolicy(ctx, role, policy)
	switch {
	case NoSuchEntity(err):
		return "", false, nil
	case err != nil:
		return "", false, Explain(err)
	}
	return DecodeDocument(doc), true, nil
}

func (i iamPort) PutRolePolicy(ctx context.Context, role, policy, document string) error {
	return Explain(i.api.PutRolePolicy(ctx, role, policy, document))
}

func (i iamPort) ListAttachedRolePolicies(ctx context.Context, role string) ([]iamsetup.ManagedPolicy, error) {
	ps, err := i.api.ListAttachedRolePolicies(ctx, role)
	if err != nil {
		return nil, Explain(err)
	}
	out := make([]iamsetup.ManagedPolicy, 0, len(ps))
	for _, p := range ps {
		out = append(out, iamsetup.ManagedPolicy{Name: p.Name, ARN: p.ARN})
	}
	return out, nil
}

func (i iamPort) PolicyDocument(ctx context.Context, arn string) (string, error) {
	doc, err := i.api.PolicyDocument(ctx, arn)
	return DecodeDocument(doc), Explain(err)
}

func (i iamPort) GetInstanceProfile(ctx context.Context, name string) (*iamsetup.InstanceProfile, error) {
	p, err := i.api.GetInstanceProfile(ctx, name)
	switch {
	case NoSuchEntity(err):
		return nil, nil
	case err != nil:
		return nil, Explain(err)
	}
	return &iamsetup.InstanceProfile{Name: p.Name, ARN: p.ARN, Roles: p.Roles}, nil
}

// CreateInstanceProfile creates the profile and waits until IAM shows it.
func (i iamPort) CreateInstanceProfile(ctx context.Context, name string) (iamsetup.InstanceProfile, error) {
	p, err := i.api.CreateInstanceProfile(ctx, name)
	if err != nil {
		return iamsetup.InstanceProfile{}, Explain(err)
	}
	if err := i.api.WaitInstanceProfile(ctx, name, i.wait); err != nil {
		return iamsetup.InstanceProfile{}, Explain(err)
	}
	return iamsetup.InstanceProfile{Name: p.Name, ARN: p.ARN, Roles: p.Roles}, nil
}

func (i iamPort) AddRoleToInstanceProfile(ctx context.Context, profile, role string) error {
	return Explain(i.api.AddRoleToInstanceProfile(ctx, profile, role))
}

// ec2Port adapts AssociationAPI, retrying while EC2 does not see a
// just-created instance profile yet.
type ec2Port struct {
	api     AssociationAPI
	wait    time.Duration
	waiting func()
}

func (e ec2Port) Associations(ctx context.Context, instanceID string) ([]iamsetup.Association, error) {
	as, err := e.api.Associations(ctx, instanceID)
	if err != nil {
		return nil, Explain(err)
	}
	out := make([]iamsetup.Association, 0, len(as))
	for _, a := range as {
		out = append(out, iamsetup.Association(a))
	}
	return out, nil
}

func (e ec2Port) Associate(ctx context.Context, instanceID, profileName string) error {
	return Explain(e.retryNewProfile(ctx, func() error { return e.api.Associate(ctx, instanceID, profileName) }))
}

func (e ec2Port) Replace(ctx context.Context, associationID, profileName string) error {
	return Explain(e.retryNewProfile(ctx, func() error { return e.api.Replace(ctx, associationID, profileName) }))
}

// retryNewProfile retries call while EC2 answers InvalidParameterValue
// "Invalid IAM Instance Profile": IAM's waiter sees a new profile before
// EC2 does, and EC2 has no waiter for that.
func (e ec2Port) retryNewProfile(ctx context.Context, call func() error) error {
	deadline := time.Now().Add(e.wait)
	told := false
	for {
		err := call()
		if err == nil || ErrorCode(err) != "InvalidParameterValue" ||
			!strings.Contains(err.Error(), "Invalid IAM Instance Profile") || time.Now().After(deadline) {
			return err
		}
		if !told && e.waiting != nil {
			e.waiting()
			told = true
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// logsPort adapts LogsAPI.
type logsPort struct{ api LogsAPI }

func (l logsPort) DescribeLogGroup(ctx context.Context, name string) (*iamsetup.LogGroup, error) {
	g, err := DescribeLogGroup(ctx, l.api, name)
	if err != nil || !g.Exists {
		return nil, err
	}
	return &iamsetup.LogGroup{Name: g.Name, RetentionDays: g.RetentionDays, Class: g.Class}, nil
}

// CreateLogGroup creates the group; one that appeared meanwhile is fine.
func (l logsPort) CreateLogGroup(ctx context.Context, name, class string) error {
	if err := l.api.CreateLogGroup(ctx, name, class); err != nil && !alreadyExists(err) {
		return Explain(err)
	}
	return nil
}

func (l logsPort) PutRetentionPolicy(ctx context.Context, name string, days int) error {
	return Explain(l.api.PutRetentionPolicy(ctx, name, days))
}

func (l logsPort) DeleteRetentionPolicy(ctx context.Context, name string) error {
	return Explain(l.api.DeleteRetentionPolicy(ctx, name))
}

func (l logsPort) DescribeMetricFilter(ctx context.Context, group, name string) (*iamsetup.MetricFilter, error) {
	fs, err := l.api.DescribeMetricFilters(ctx, group, name)
	if err != nil {
		return nil, Explain(err)
	}
	for _, f := range fs {
		if f.Name == name {
			m := iamsetup.MetricFilter(f)
			return &m, nil
		}
	}
	return nil, nil
}

func (l logsPort) PutMetricFilter(ctx context.Context, f iamsetup.MetricFilter) error {
	return Explain(l.api.PutMetricFilter(ctx, MetricFilter(f)))
}

// alarmsPort adapts CloudWatchAPI.
type alarmsPort struct{ api CloudWatchAPI }

func (a alarmsPort) DescribeAlarm(ctx context.Context, name string) (*iamsetup.MetricAlarm, error) {
	m, err := a.api.DescribeAlarm(ctx, name)
	if err != nil || m == nil {
		return nil, Explain(err)
	}
	out := iamsetup.MetricAlarm(*m)
	return &out, nil
}

func (a alarmsPort) PutMetricAlarm(ctx context.Context, m iamsetup.MetricAlarm) error {
	return Explain(a.api.PutMetricAlarm(ctx, MetricAlarm(m)))
}

// DecodeDocument returns a policy document as IAM stored it, URL-decoded.
func DecodeDocument(stored string) string {
	if u, err := url.QueryUnescape(stored); err == nil {
		return u
	}
	return stored
}
