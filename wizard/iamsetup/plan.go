package iamsetup

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// Action is what a planned change does.
type Action string

const (
	Create  Action = "create"
	Update  Action = "update"
	Replace Action = "replace"
	Keep    Action = "keep" // already as planned
)

// Resource kinds a Change is about.
type Resource string

const (
	ResRole         Resource = "role"
	ResTrust        Resource = "trust-policy"
	ResPolicy       Resource = "inline-policy"
	ResProfile      Resource = "instance-profile"
	ResProfileRole  Resource = "instance-profile-role"
	ResAssociation  Resource = "association"
	ResLogGroup     Resource = "log-group"
	ResRetention    Resource = "retention"
	ResMetricFilter Resource = "metric-filter"
	ResAlarm        Resource = "alarm"
)

// Change is one planned change (or a thing found already as planned).
// From and To say what changes where that is not obvious: the trusted
// principals, the retention in days ("0" never expires), the class of a
// new log group, the instance profile an association moves from and to.
type Change struct {
	Action   Action   `json:"action"`
	Resource Resource `json:"resource"`
	Name     string   `json:"name"`
	From     string   `json:"from,omitempty"`
	To       string   `json:"to,omitempty"`

	do func(ctx context.Context, p Ports) error
}

// HeldPolicy is a policy an existing role holds besides cwsetup's.
type HeldPolicy struct {
	Name string `json:"name"`
	ARN  string `json:"arn,omitempty"` // managed policies only
	// Beyond lists what it allows that cwsetup's policy does not; empty
	// when it is within cwsetup's policy.
	Beyond []Grant `json:"beyond,omitempty"`
}

// RoleHoldings is what an existing role holds: its trusted principals and
// its policies other than cwsetup's inline policy.
type RoleHoldings struct {
	Name     string       `json:"name"`
	ARN      string       `json:"arn"`
	Trusted  []string     `json:"trusted"`
	Foreign  []string     `json:"foreign_trust,omitempty"` // trusted principals other than EC2
	Inline   []HeldPolicy `json:"inline_policies,omitempty"`
	Attached []HeldPolicy `json:"attached_policies,omitempty"`
	Adopted  bool         `json:"adopted"` // taken with Spec.AdoptRole
}

// GrantsMore reports whether the role trusts anything but EC2 or holds a
// policy that allows more than cwsetup's.
func (h *RoleHoldings) GrantsMore() bool {
	if h == nil {
		return false
	}
	held := func(p HeldPolicy) bool { return len(p.Beyond) > 0 }
	return len(h.Foreign) > 0 || slices.ContainsFunc(h.Inline, held) || slices.ContainsFunc(h.Attached, held)
}

// Plan is every change the setup would make, in the order Apply makes them.
type Plan struct {
	Spec    Spec     `json:"-"`
	Changes []Change `json:"changes"`
	// Role is set when the role exists already.
	Role *RoleHoldings `json:"existing_role,omitempty"`
	// Blocked are the reasons the plan cannot be applied, each localized
	// with the way out; Apply refuses a blocked plan.
	Blocked []*i18n.Error `json:"-"`
	// Notices are things the user should know that block nothing (a log
	// group whose class differs from the answers').
	Notices []*i18n.Error `json:"-"`
}

// Empty reports whether the plan changes nothing.
func (p Plan) Empty() bool {
	return !slices.ContainsFunc(p.Changes, func(c Change) bool { return c.Action != Keep })
}

// Pending are the changes that are not Keep.
func (p Plan) Pending() []Change {
	var out []Change
	for _, c := range p.Changes {
		if c.Action != Keep {
			out = append(out, c)
		}
	}
	return out
}

// planner accumulates a plan.
type planner struct {
	ctx   context.Context
	ports Ports
	spec  Spec
	plan  Plan
}

func (pl *planner) add(a Action, r Resource, name string, do func(context.Context, Ports) error) *Change {
	pl.plan.Changes = append(pl.plan.Changes, Change{Action: a, Resource: r, Name: name, do: do})
	return &pl.plan.Changes[len(pl.plan.Changes)-1]
}

func (pl *planner) block(e *i18n.Error) { pl.plan.Blocked = append(pl.plan.Blocked, e) }

// MakePlan reads the current state through ports and computes every
// change spec needs, changing nothing. Errors are failures to read (already
// explained by the adapters); a plan that must not be applied comes back
// with Blocked set and a nil error.
func MakePlan(ctx context.Context, ports Ports, spec Spec) (Plan, error) {
	pl := &planner{ctx: ctx, ports: ports, spec: spec, plan: Plan{Spec: spec}}
	pl.checkClasses()
	if err := pl.role(); err != nil {
		return pl.plan, err
	}
	profileARN, err := pl.profile()
	if err != nil {
		return pl.plan, err
	}
	if spec.InstanceID != "" {
		if err := pl.association(profileARN); err != nil {
			return pl.plan, err
		}
	}
	existing, err := pl.logGroups()
	if err != nil {
		return pl.plan, err
	}
	if err := pl.alarms(existing); err != nil {
		return pl.plan, err
	}
	return pl.plan, nil
}

// checkClasses refuses retention and class values CloudWatch Logs does
// not take (moto takes any: cwsetup checks itself), and a security alarm
// on a group the spec wants as Infrequent Access: such groups support no
// metric filters.
func (pl *planner) checkClasses() {
	for _, g := range pl.spec.LogGroups {
		if g.RetentionDays != 0 && !slices.Contains(plan.RetentionValues, g.RetentionDays) {
			pl.block(i18n.UsageErrorf(i18n.AWSErrBadRetention, g.RetentionDays, fmt.Sprint(plan.RetentionValues[1:])))
		}
		if g.Class != "" && g.Class != ClassStandard && g.Class != ClassInfrequent {
			pl.block(i18n.UsageErrorf(i18n.AWSErrBadClass, g.Class))
		}
	}
	for _, name := range alarmGroups(pl.spec.Alarms) {
		for _, g := range pl.spec.LogGroups {
			if g.Name == name && g.Class == ClassInfrequent {
				pl.block(i18n.UsageErrorf(i18n.IAMSetupErrAlarmInfrequent, name))
			}
		}
	}
}

func alarmGroups(as []Alarm) []string {
	var out []string
	for _, a := range as {
		out = appendNew(out, a.LogGroup)
	}
	return out
}

// role plans the role, its trust and its inline policy, and reads what an
// existing role holds.
func (pl *planner) role() error {
	s, name := pl.spec, pl.spec.RoleName
	role, err := pl.ports.IAM.GetRole(pl.ctx, name)
	if err != nil {
		return err
	}
	if role == nil {
		pl.add(Create, ResRole, name, func(ctx context.Context, p Ports) error {
			return p.IAM.CreateRole(ctx, name, s.TrustJSON, RoleDescription)
		})
		pl.add(Create, ResPolicy, name, func(ctx context.Context, p Ports) error {
			return p.IAM.PutRolePolicy(ctx, name, name, s.PolicyJSON)
		})
		return nil
	}
	h := &RoleHoldings{Name: role.Name, ARN: role.ARN}
	h.Trusted, h.Foreign = TrustedPrincipals(role.TrustPolicy)
	inline, err := pl.ports.IAM.ListRolePolicies(pl.ctx, name)
	if err != nil {
		return err
	}
	for _, pn := range inline {
		if pn == name {
			continue
		}
		doc, _, err := pl.ports.IAM.GetRolePolicy(pl.ctx, name, pn)
		if err != nil {
			return err
		}
		h.Inline = append(h.Inline, HeldPolicy{Name: pn, Beyond: Beyond(s.PolicyJSON, doc)})
	}
	attached, err := pl.ports.IAM.ListAttachedRolePolicies(pl.ctx, name)
	if err != nil {
		return err
	}
	for _, mp := range attached {
		doc, err := pl.ports.IAM.PolicyDocument(pl.ctx, mp.ARN)
		if err != nil {
			return err
		}
		h.Attached = append(h.Attached, HeldPolicy{Name: mp.Name, ARN: mp.ARN, Beyond: Beyond(s.PolicyJSON, doc)})
	}
	pl.plan.Role = h
	if h.GrantsMore() {
		if !s.AdoptRole {
			pl.block(i18n.Errorf(i18n.IAMSetupErrRoleHolds, name))
		} else {
			h.Adopted = true
		}
	}

	pl.add(Keep, ResRole, name, nil)
	if SameDocument(role.TrustPolicy, s.TrustJSON) {
		pl.add(Keep, ResTrust, name, nil)
	} else {
		c := pl.add(Update, ResTrust, name, func(ctx context.Context, p Ports) error {
			return p.IAM.UpdateAssumeRolePolicy(ctx, name, s.TrustJSON)
		})
		if to := "Service " + TrustedService; strings.Join(h.Trusted, ", ") != to {
			c.From, c.To = strings.Join(h.Trusted, ", "), to // else only conditions or spelling differ
		}
	}
	doc, found, err := pl.ports.IAM.GetRolePolicy(pl.ctx, name, name)
	if err != nil {
		return err
	}
	put := func(ctx context.Context, p Ports) error { return p.IAM.PutRolePolicy(ctx, name, name, s.PolicyJSON) }
	switch {
	case !found:
		pl.add(Create, ResPolicy, name, put)
	case SameDocument(doc, s.PolicyJSON):
		pl.add(Keep, ResPolicy, name, nil)
	default:
		pl.add(Update, ResPolicy, name, put)
	}
	return nil
}

// profile plans the instance profile and the role in it; it returns the
// profile's ARN when the profile exists.
func (pl *planner) profile() (string, error) {
	name := pl.spec.RoleName
	prof, err := pl.ports.IAM.GetInstanceProfile(pl.ctx, name)
	if err != nil {
		return "", err
	}
	addRole := func(ctx context.Context, p Ports) error { return p.IAM.AddRoleToInstanceProfile(ctx, name, name) }
	if prof == nil {
		pl.add(Create, ResProfile, name, func(ctx context.Context, p Ports) error {
			_, err := p.IAM.CreateInstanceProfile(ctx, name)
			return err
		})
		pl.add(Create, ResProfileRole, name, addRole)
		return "", nil
	}
	pl.add(Keep, ResProfile, name, nil)
	switch {
	case slices.Contains(prof.Roles, name):
		pl.add(Keep, ResProfileRole, name, nil)
	case len(prof.Roles) > 0:
		// An instance profile holds one role only.
		pl.block(i18n.Errorf(i18n.IAMSetupErrProfileHolds, name, strings.Join(prof.Roles, ", ")))
	default:
		pl.add(Create, ResProfileRole, name, addRole)
	}
	return prof.ARN, nil
}

// association plans the instance's association with the profile.
func (pl *planner) association(profileARN string) error {
	id, name := pl.spec.InstanceID, pl.spec.RoleName
	if pl.ports.EC2 == nil {
		return i18n.Errorf(i18n.IAMSetupErrNoPort, "EC2")
	}
	as, err := pl.ports.EC2.Associations(pl.ctx, id)
	if err != nil {
		return err
	}
	for _, a := range as {
		if profileARN != "" && a.ProfileARN == profileARN {
			pl.add(Keep, ResAssociation, id, nil)
			return nil
		}
	}
	if len(as) > 0 {
		a := as[0]
		c := pl.add(Replace, ResAssociation, id, func(ctx context.Context, p Ports) error {
			return p.EC2.Replace(ctx, a.ID, name)
		})
		c.From, c.To = a.ProfileARN, name
		return nil
	}
	c := pl.add(Create, ResAssociation, id, func(ctx context.Context, p Ports) error {
		return p.EC2.Associate(ctx, id, name)
	})
	c.To = name
	return nil
}

// logGroups plans the log groups and their retention; it returns the
// groups that exist, by name.
func (pl *planner) logGroups() (map[string]*LogGroup, error) {
	existing := map[string]*LogGroup{}
	if len(pl.spec.LogGroups) == 0 && len(pl.spec.Alarms) == 0 {
		return existing, nil
	}
	if pl.ports.Logs == nil {
		return nil, i18n.Errorf(i18n.IAMSetupErrNoPort, "CloudWatch Logs")
	}
	for _, w := range pl.spec.LogGroups {
		have, err := pl.ports.Logs.DescribeLogGroup(pl.ctx, w.Name)
		if err != nil {
			return nil, err
		}
		name := w.Name
		if have == nil {
			c := pl.add(Create, ResLogGroup, name, func(ctx context.Context, p Ports) error {
				return p.Logs.CreateLogGroup(ctx, name, w.Class)
			})
			c.To = w.Class
		} else {
			existing[name] = have
			pl.add(Keep, ResLogGroup, name, nil)
			// AWS may leave the class out (moto does); only a reported
			// class can differ. A class cannot change after creation.
			if w.Class != "" && have.Class != "" && have.Class != w.Class {
				pl.plan.Notices = append(pl.plan.Notices, i18n.Errorf(i18n.IAMClassMismatch, name, have.Class, w.Class))
			}
		}
		current := 0
		if have != nil {
			current = have.RetentionDays
		}
		days := w.RetentionDays
		switch {
		case days == 0:
		case days == -1 && current != 0:
			c := pl.add(Update, ResRetention, name, func(ctx context.Context, p Ports) error {
				return p.Logs.DeleteRetentionPolicy(ctx, name)
			})
			c.From, c.To = strconv.Itoa(current), "0"
		case days > 0 && current != days:
			a := Update
			if have == nil {
				a = Create
			}
			c := pl.add(a, ResRetention, name, func(ctx context.Context, p Ports) error {
				return p.Logs.PutRetentionPolicy(ctx, name, days)
			})
			c.To = strconv.Itoa(days)
			if have != nil {
				c.From = strconv.Itoa(current)
			}
		case days > 0:
			pl.add(Keep, ResRetention, name, nil)
		}
	}
	return existing, nil
}

// alarms plans the metric filters and alarms; each needs its log group
// (existing, or created above) and a group of the standard class.
func (pl *planner) alarms(existing map[string]*LogGroup) error {
	if len(pl.spec.Alarms) == 0 {
		return nil
	}
	if pl.ports.Alarms == nil {
		return i18n.Errorf(i18n.IAMSetupErrNoPort, "CloudWatch")
	}
	for _, name := range alarmGroups(pl.spec.Alarms) {
		g, planned := existing[name], slices.ContainsFunc(pl.spec.LogGroups, func(g LogGroup) bool { return g.Name == name })
		if !planned {
			var err error
			if g, err = pl.ports.Logs.DescribeLogGroup(pl.ctx, name); err != nil {
				return err
			}
			if g == nil {
				pl.block(i18n.Errorf(i18n.AlarmErrNoGroup, name))
				continue
			}
		}
		if g != nil && g.Class == ClassInfrequent {
			pl.block(i18n.UsageErrorf(i18n.IAMSetupErrAlarmInfrequentExists, name))
		}
	}
	for _, a := range pl.spec.Alarms {
		if err := pl.filter(a); err != nil {
			return err
		}
		if err := pl.alarm(a); err != nil {
			return err
		}
	}
	return nil
}

func (pl *planner) filter(a Alarm) error {
	want := MetricFilter{LogGroup: a.LogGroup, Name: a.FilterName, Pattern: a.Pattern, Namespace: a.Namespace,
		MetricName: a.MetricName, Value: "1", DefaultValue: new(float64)}
	label := a.FilterName + " " + a.LogGroup
	have, err := pl.ports.Logs.DescribeMetricFilter(pl.ctx, a.LogGroup, a.FilterName)
	if err != nil {
		return err
	}
	put := func(ctx context.Context, p Ports) error { return p.Logs.PutMetricFilter(ctx, want) }
	switch {
	case have == nil:
		pl.add(Create, ResMetricFilter, label, put)
	case have.Pattern == want.Pattern && have.MetricName == want.MetricName && have.Namespace == want.Namespace &&
		have.Value == want.Value && have.DefaultValue != nil && *have.DefaultValue == 0:
		pl.add(Keep, ResMetricFilter, label, nil)
	default:
		c := pl.add(Update, ResMetricFilter, label, put)
		if have.Pattern != want.Pattern {
			c.From, c.To = have.Pattern, want.Pattern
		}
	}
	return nil
}

func (pl *planner) alarm(a Alarm) error {
	want := MetricAlarm{Name: a.AlarmName, Description: a.Description, Namespace: a.Namespace,
		MetricName: a.MetricName, Statistic: "Sum", ComparisonOperator: "GreaterThanOrEqualToThreshold",
		TreatMissingData: "notBreaching", PeriodSeconds: a.PeriodSeconds, EvaluationPeriods: 1, Threshold: a.Threshold}
	if a.SNSTopicARN != "" {
		want.Actions = []string{a.SNSTopicARN}
	}
	have, err := pl.ports.Alarms.DescribeAlarm(pl.ctx, a.AlarmName)
	if err != nil {
		return err
	}
	put := func(ctx context.Context, p Ports) error { return p.Alarms.PutMetricAlarm(ctx, want) }
	switch {
	case have == nil:
		pl.add(Create, ResAlarm, a.AlarmName, put)
	case sameAlarm(*have, want):
		pl.add(Keep, ResAlarm, a.AlarmName, nil)
	default:
		pl.add(Update, ResAlarm, a.AlarmName, put)
	}
	return nil
}

func sameAlarm(a, b MetricAlarm) bool {
	if len(a.Actions) == 0 && len(b.Actions) == 0 {
		a.Actions, b.Actions = nil, nil
	}
	return reflect.DeepEqual(a, b)
}

// SameDocument compares two IAM policy documents by meaning: IAM returns
// them URL-encoded (adapters decode; this tolerates either), with its own
// spacing, and may turn a one-element list into a plain string. An
// unreadable stored document differs.
func SameDocument(stored, want string) bool {
	if strings.HasPrefix(strings.TrimSpace(stored), "%7B") {
		if u, err := url.QueryUnescape(stored); err == nil {
			stored = u
		}
	}
	var a, b any
	if json.Unmarshal([]byte(stored), &a) != nil || json.Unmarshal([]byte(want), &b) != nil {
		return false
	}
	return reflect.DeepEqual(normalize(a), normalize(b))
}

func normalize(v any) any {
	switch x := v.(type) {
	case []any:
		if len(x) == 1 {
			return normalize(x[0])
		}
		out := make([]any, len(x))
		for i := range x {
			out[i] = normalize(x[i])
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = normalize(e)
		}
		return out
	}
	return v
}
