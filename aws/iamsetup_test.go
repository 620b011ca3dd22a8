package aws

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/smithy-go"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/alarms"
	"github.com/cwsetup/cwsetup/wizard/iamsetup"
)

// motoInstance starts moto (reset) and runs one instance in it.
func motoInstance(t *testing.T) (sdk.Config, string) {
	t.Helper()
	m := testpeer.MotoServer(t)
	cfg, err := Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	return cfg, m.RunInstance(t)
}

func testSpec(t *testing.T, instanceID string, mod func(*render.PolicyInput)) iamsetup.Spec {
	t.Helper()
	in := render.PolicyInput{Region: testpeer.TestRegion, Account: testpeer.MotoAccount, Prefix: "/ec2/",
		AgentCreatesGroups: true, AgentSetsRetention: true, Metrics: true}
	if mod != nil {
		mod(&in)
	}
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	return iamsetup.Spec{RoleName: in.EffectiveRoleName(), InstanceID: instanceID,
		PolicyJSON: string(render.LeastPrivilegePolicy(in).JSON()), TrustJSON: string(render.TrustPolicy().JSON())}
}

// actions lists a plan's changes as "create role, keep trust-policy, …".
func actions(cs []iamsetup.Change) string {
	var b []string
	for _, c := range cs {
		b = append(b, string(c.Action)+" "+string(c.Resource))
	}
	return strings.Join(b, ", ")
}

func mustPlan(t *testing.T, ports iamsetup.Ports, spec iamsetup.Spec) iamsetup.Plan {
	t.Helper()
	p, err := iamsetup.MakePlan(context.Background(), ports, spec)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func mustApply(t *testing.T, ports iamsetup.Ports, p iamsetup.Plan) iamsetup.Result {
	t.Helper()
	r, err := iamsetup.Apply(context.Background(), ports, p)
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	return r
}

// motoState is what IAM and EC2 hold, read with the SDK's clients: every
// role with its trust, inline and attached policies, every instance
// profile with its roles, and the instance's associations.
func motoState(t *testing.T, cfg sdk.Config, instanceID string) string {
	t.Helper()
	ctx := context.Background()
	c := iam.NewFromConfig(cfg)
	var b strings.Builder
	roles, err := c.ListRoles(ctx, &iam.ListRolesInput{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range roles.Roles {
		name := sdk.ToString(r.RoleName)
		fmt.Fprintf(&b, "role %s trust %s\n", name, DecodeDocument(sdk.ToString(r.AssumeRolePolicyDocument)))
		inline, err := c.ListRolePolicies(ctx, &iam.ListRolePoliciesInput{RoleName: &name})
		if err != nil {
			t.Fatal(err)
		}
		for _, pn := range inline.PolicyNames {
			doc, err := c.GetRolePolicy(ctx, &iam.GetRolePolicyInput{RoleName: &name, PolicyName: &pn})
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "  inline %s %s\n", pn, DecodeDocument(sdk.ToString(doc.PolicyDocument)))
		}
		att, err := c.ListAttachedRolePolicies(ctx, &iam.ListAttachedRolePoliciesInput{RoleName: &name})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range att.AttachedPolicies {
			fmt.Fprintf(&b, "  attached %s\n", sdk.ToString(a.PolicyArn))
		}
	}
	profs, err := c.ListInstanceProfiles(ctx, &iam.ListInstanceProfilesInput{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range profs.InstanceProfiles {
		fmt.Fprintf(&b, "profile %s:", sdk.ToString(p.InstanceProfileName))
		for _, r := range p.Roles {
			fmt.Fprintf(&b, " %s", sdk.ToString(r.RoleName))
		}
		b.WriteString("\n")
	}
	as, err := NewAssociations(cfg).Associations(ctx, instanceID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		fmt.Fprintf(&b, "association %s %s\n", a.InstanceID, a.ProfileARN)
	}
	return b.String()
}

func TestIAMSetupPlanThenApplyTwice(t *testing.T) {
	cfg, inst := motoInstance(t)
	ctx := context.Background()
	ports := IAMSetupPorts(cfg, nil)
	spec := testSpec(t, inst, nil)
	before := motoState(t, cfg, inst)
	p := mustPlan(t, ports, spec)
	want := "create role, create inline-policy, create instance-profile, create instance-profile-role, create association"
	if got := actions(p.Changes); got != want {
		t.Errorf("plan: %s\nwant %s", got, want)
	}
	if after := motoState(t, cfg, inst); after != before {
		t.Fatalf("planning changed AWS:\n%s\nthen\n%s", before, after)
	}
	if r := mustApply(t, ports, p); !r.Changed() || r.Failure() != nil {
		t.Errorf("apply: %+v", r)
	}
	p = mustPlan(t, ports, spec)
	if !p.Empty() || len(p.Changes) != 6 || p.Role == nil || p.Role.GrantsMore() {
		t.Errorf("second plan: %s %+v", actions(p.Changes), p.Role)
	}
	if r := mustApply(t, ports, p); r.Changed() {
		t.Errorf("applying an empty plan changed: %+v", r)
	}
	// What IAM stored is what render produced.
	got, err := RolePolicy(ctx, cfg, spec.RoleName, spec.RoleName)
	if err != nil {
		t.Fatal(err)
	}
	if got != spec.PolicyJSON {
		t.Errorf("stored policy differs:\n%s\nwant\n%s", got, spec.PolicyJSON)
	}
	as, err := NewAssociations(cfg).Associations(ctx, inst)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || !strings.HasSuffix(as[0].ProfileARN, "/"+spec.RoleName) || as[0].InstanceID != inst || as[0].ID == "" {
		t.Errorf("associations of the instance: %+v", as)
	}
	// A changed answer (agent no longer sets retention) updates only the policy.
	spec2 := testSpec(t, inst, func(p *render.PolicyInput) { p.AgentSetsRetention = false })
	p = mustPlan(t, ports, spec2)
	if got := actions(p.Pending()); got != "update inline-policy" {
		t.Errorf("policy change: %s", got)
	}
}

func TestIAMSetupReplacesAssociationAsPlanned(t *testing.T) {
	cfg, inst := motoInstance(t)
	ports := IAMSetupPorts(cfg, nil)
	mustApply(t, ports, mustPlan(t, ports, testSpec(t, inst, func(p *render.PolicyInput) { p.RoleName = "old-role" })))
	spec := testSpec(t, inst, nil)
	p := mustPlan(t, ports, spec)
	last := p.Changes[len(p.Changes)-1]
	if last.Action != iamsetup.Replace || last.Resource != iamsetup.ResAssociation || !strings.HasSuffix(last.From, "/old-role") ||
		last.To != spec.RoleName {
		t.Fatalf("plan: %s, last %+v", actions(p.Changes), last)
	}
	if st := motoState(t, cfg, inst); !strings.Contains(st, "instance-profile/old-role") {
		t.Errorf("the plan replaced the association:\n%s", st)
	}
	r := mustApply(t, ports, p)
	if f := r.Failure(); f != nil {
		t.Fatal(f.Err)
	}
	if p = mustPlan(t, ports, spec); !p.Empty() {
		t.Errorf("after replacement: %s", actions(p.Pending()))
	}
}

// TestIAMSetupRefusesRoleHoldingMore: an existing role that grants more
// than cwsetup's policy or trusts more than EC2 is refused with what it
// holds, and nothing changes; AdoptRole takes it after the plan shows it.
func TestIAMSetupRefusesRoleHoldingMore(t *testing.T) {
	const admin = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`
	foreign := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com",` +
		`"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}]}`
	for _, c := range []struct {
		name  string
		setup func(ctx context.Context, c *iam.Client, role string) error
		held  func(h *iamsetup.RoleHoldings) bool
	}{
		{"extra admin inline policy", func(ctx context.Context, c *iam.Client, role string) error {
			_, err := c.PutRolePolicy(ctx, &iam.PutRolePolicyInput{RoleName: &role, PolicyName: sdk.String("admin"), PolicyDocument: sdk.String(admin)})
			return err
		}, func(h *iamsetup.RoleHoldings) bool {
			return len(h.Inline) == 1 && h.Inline[0].Name == "admin" && slices.Equal(h.Inline[0].Beyond, []iamsetup.Grant{{Action: "*", Resource: "*"}})
		}},
		{"attached managed *:* policy", func(ctx context.Context, c *iam.Client, role string) error {
			out, err := c.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: sdk.String("everything"), PolicyDocument: sdk.String(admin)})
			if err != nil {
				return err
			}
			_, err = c.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: &role, PolicyArn: out.Policy.Arn})
			return err
		}, func(h *iamsetup.RoleHoldings) bool {
			return len(h.Attached) == 1 && h.Attached[0].ARN == "arn:aws:iam::"+testpeer.MotoAccount+":policy/everything" &&
				slices.Equal(h.Attached[0].Beyond, []iamsetup.Grant{{Action: "*", Resource: "*"}})
		}},
		{"foreign-account trust", func(ctx context.Context, c *iam.Client, role string) error {
			_, err := c.UpdateAssumeRolePolicy(ctx, &iam.UpdateAssumeRolePolicyInput{RoleName: &role, PolicyDocument: &foreign})
			return err
		}, func(h *iamsetup.RoleHoldings) bool {
			return slices.Equal(h.Foreign, []string{"AWS arn:aws:iam::999999999999:root"})
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, inst := motoInstance(t)
			ctx := context.Background()
			ports := IAMSetupPorts(cfg, nil)
			spec := testSpec(t, inst, nil)
			ic := iam.NewFromConfig(cfg)
			if _, err := ic.CreateRole(ctx, &iam.CreateRoleInput{RoleName: &spec.RoleName, AssumeRolePolicyDocument: &spec.TrustJSON}); err != nil {
				t.Fatal(err)
			}
			if err := c.setup(ctx, ic, spec.RoleName); err != nil {
				t.Fatal(err)
			}
			before := motoState(t, cfg, inst)
			p := mustPlan(t, ports, spec)
			if len(p.Blocked) != 1 || p.Blocked[0].Key != i18n.IAMSetupErrRoleHolds || p.Role == nil || !c.held(p.Role) || p.Role.Adopted {
				t.Fatalf("plan: blocked %v, role %+v", p.Blocked, p.Role)
			}
			if _, err := iamsetup.Apply(ctx, ports, p); key(err) != i18n.IAMSetupErrRoleHolds {
				t.Errorf("apply of a refused plan: %v", err)
			}
			if after := motoState(t, cfg, inst); after != before {
				t.Errorf("refused, yet AWS changed:\n%s\nthen\n%s", before, after)
			}

			spec.AdoptRole = true
			p = mustPlan(t, ports, spec)
			if len(p.Blocked) != 0 || p.Role == nil || !p.Role.Adopted || !c.held(p.Role) {
				t.Fatalf("adopting: blocked %v, role %+v", p.Blocked, p.Role)
			}
			mustApply(t, ports, p)
			after := motoState(t, cfg, inst)
			if !strings.Contains(after, "association "+inst+" arn:aws:iam::"+testpeer.MotoAccount+":instance-profile/"+spec.RoleName) {
				t.Errorf("adopted role not associated:\n%s", after)
			}
			r, err := ic.GetRole(ctx, &iam.GetRoleInput{RoleName: &spec.RoleName})
			if err != nil || !iamsetup.SameDocument(DecodeDocument(sdk.ToString(r.Role.AssumeRolePolicyDocument)), spec.TrustJSON) {
				t.Errorf("adopted role's trust is not EC2 only: %v", err)
			}
		})
	}
}

// TestIAMSetupAdoptsRoleWithinPolicy: an extra inline policy that allows
// nothing beyond cwsetup's does not block adoption.
func TestIAMSetupAdoptsRoleWithinPolicy(t *testing.T) {
	cfg, inst := motoInstance(t)
	ctx := context.Background()
	ports := IAMSetupPorts(cfg, nil)
	spec := testSpec(t, inst, nil)
	ic := NewIAM(cfg)
	if err := ic.CreateRole(ctx, spec.RoleName, spec.TrustJSON, ""); err != nil {
		t.Fatal(err)
	}
	narrow := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:PutLogEvents",` +
		`"Resource":"arn:aws:logs:ap-northeast-2:123456789012:log-group:/ec2/app:log-stream:*"}]}`
	if err := ic.PutRolePolicy(ctx, spec.RoleName, "old-cwsetup", narrow); err != nil {
		t.Fatal(err)
	}
	p := mustPlan(t, ports, spec)
	if len(p.Blocked) != 0 || p.Role == nil || len(p.Role.Inline) != 1 || len(p.Role.Inline[0].Beyond) != 0 {
		t.Fatalf("blocked %v, role %+v", p.Blocked, p.Role)
	}
	if got := actions(p.Pending()); got != "create inline-policy, create instance-profile, create instance-profile-role, create association" {
		t.Errorf("plan: %s", got)
	}
}

// TestIAMSetupProfileHoldingAnotherRole: an instance profile of the role's
// name that holds another role blocks the plan before anything is made.
func TestIAMSetupProfileHoldingAnotherRole(t *testing.T) {
	cfg, inst := motoInstance(t)
	ctx := context.Background()
	ic := NewIAM(cfg)
	if err := ic.CreateRole(ctx, "b", string(render.TrustPolicy().JSON()), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := ic.CreateInstanceProfile(ctx, render.DefaultRoleName); err != nil {
		t.Fatal(err)
	}
	if err := ic.AddRoleToInstanceProfile(ctx, render.DefaultRoleName, "b"); err != nil {
		t.Fatal(err)
	}
	ports := IAMSetupPorts(cfg, nil)
	before := motoState(t, cfg, inst)
	p := mustPlan(t, ports, testSpec(t, inst, nil))
	if len(p.Blocked) != 1 || p.Blocked[0].Key != i18n.IAMSetupErrProfileHolds {
		t.Fatalf("blocked: %v", p.Blocked)
	}
	if _, err := iamsetup.Apply(ctx, ports, p); err == nil {
		t.Error("a blocked plan applied")
	}
	if after := motoState(t, cfg, inst); after != before {
		t.Errorf("AWS changed:\n%s\nthen\n%s", before, after)
	}
}

func securityAlarms(group string, s alarms.Settings) []iamsetup.Alarm {
	var out []iamsetup.Alarm
	for _, a := range alarms.For(group, s) {
		out = append(out, iamsetup.Alarm{LogGroup: a.LogGroup, FilterName: a.FilterName, Pattern: a.Check.Pattern,
			Namespace: alarms.Namespace, MetricName: a.Check.MetricName, AlarmName: a.AlarmName, Description: a.Check.ID,
			Threshold: float64(a.Threshold), PeriodSeconds: int32(a.PeriodSeconds), SNSTopicARN: a.SNSTopicARN})
	}
	return out
}

func TestIAMSetupLogGroupsAndAlarms(t *testing.T) {
	cfg, inst := motoInstance(t)
	ctx := context.Background()
	ports := IAMSetupPorts(cfg, nil)
	logs, cw := NewLogs(cfg), NewCloudWatch(cfg)
	auth := "/ec2/system/auth"
	spec := testSpec(t, inst, nil)
	spec.LogGroups = []iamsetup.LogGroup{
		{Name: auth, RetentionDays: 365, Class: iamsetup.ClassStandard},
		{Name: "/ec2/nginx/access", RetentionDays: 90, Class: iamsetup.ClassInfrequent},
		{Name: "/ec2/app/debug"},
	}
	spec.Alarms = securityAlarms(auth, alarms.Settings{Enabled: true})
	p := mustPlan(t, ports, spec)
	want := "create log-group, create retention, create log-group, create retention, create log-group, " +
		"create metric-filter, create alarm, create metric-filter, create alarm"
	if got := actions(p.Changes[5:]); got != want {
		t.Errorf("first: %s", got)
	}
	if g, err := DescribeLogGroup(ctx, logs, auth); err != nil || g.Exists {
		t.Fatalf("planning created the group: %+v %v", g, err)
	}
	mustApply(t, ports, p)
	if p = mustPlan(t, ports, spec); !p.Empty() {
		t.Errorf("second: %s", actions(p.Pending()))
	}
	g, err := DescribeLogGroup(ctx, logs, "/ec2/nginx/access")
	if err != nil || !g.Exists || g.RetentionDays != 90 {
		t.Errorf("read back: %+v %v", g, err)
	}
	f, err := logs.DescribeMetricFilters(ctx, auth, "")
	if err != nil || len(f) != 2 || f[0].Pattern != alarms.Checks[0].Pattern || f[0].Namespace != alarms.Namespace ||
		f[0].DefaultValue == nil || *f[0].DefaultValue != 0 {
		t.Errorf("filters: %+v %v", f, err)
	}
	m, err := cw.DescribeAlarm(ctx, spec.Alarms[1].AlarmName)
	if err != nil || m == nil || m.Threshold != 3 || m.PeriodSeconds != 300 || m.MetricName != "FailedSudo" ||
		m.Statistic != "Sum" || m.Namespace != alarms.Namespace {
		t.Errorf("alarm: %+v %v", m, err)
	}
	// New retention and alarm settings change those only.
	spec.LogGroups[1].RetentionDays, spec.LogGroups[2].RetentionDays = 30, -1
	spec.Alarms = securityAlarms(auth, alarms.Settings{Enabled: true, Threshold: 2, PeriodSeconds: 60,
		SNSTopicARN: "arn:aws:sns:ap-northeast-2:123456789012:ops"})
	p = mustPlan(t, ports, spec)
	if got := actions(p.Pending()); got != "update retention, update alarm, update alarm" {
		t.Errorf("changed settings: %s", got)
	}
	if c := p.Pending()[0]; c.From != "90" || c.To != "30" {
		t.Errorf("retention change %+v", c)
	}
	mustApply(t, ports, p)
	if m, _ := cw.DescribeAlarm(ctx, spec.Alarms[0].AlarmName); m == nil || m.Threshold != 2 || m.PeriodSeconds != 60 {
		t.Errorf("updated alarm %+v", m)
	}
}

// TestIAMSetupRefusesBadLogSpecs: an alarm on a group that will be
// Infrequent Access, on a group that does not exist and is not planned,
// and a retention CloudWatch does not take: each blocks the whole plan,
// so not even the role is created.
func TestIAMSetupRefusesBadLogSpecs(t *testing.T) {
	cfg, inst := motoInstance(t)
	ports := IAMSetupPorts(cfg, nil)
	auth := "/ec2/system/auth"
	for _, c := range []struct {
		name string
		mod  func(*iamsetup.Spec)
		want i18n.Key
	}{
		{"alarm on an IA group", func(s *iamsetup.Spec) {
			s.LogGroups = []iamsetup.LogGroup{{Name: auth, RetentionDays: 365, Class: iamsetup.ClassInfrequent}}
			s.Alarms = securityAlarms(auth, alarms.Settings{Enabled: true})
		}, i18n.IAMSetupErrAlarmInfrequent},
		{"alarm on a missing group", func(s *iamsetup.Spec) {
			s.Alarms = securityAlarms(auth, alarms.Settings{Enabled: true})
		}, i18n.AlarmErrNoGroup},
		{"retention 8 (moto takes it, AWS does not)", func(s *iamsetup.Spec) {
			s.LogGroups = []iamsetup.LogGroup{{Name: auth, RetentionDays: 8}}
		}, i18n.AWSErrBadRetention},
		{"class COLD", func(s *iamsetup.Spec) {
			s.LogGroups = []iamsetup.LogGroup{{Name: auth, Class: "COLD"}}
		}, i18n.AWSErrBadClass},
	} {
		spec := testSpec(t, inst, nil)
		c.mod(&spec)
		before := motoState(t, cfg, inst)
		p := mustPlan(t, ports, spec)
		if len(p.Blocked) == 0 || p.Blocked[0].Key != c.want {
			t.Errorf("%s: blocked %v", c.name, p.Blocked)
			continue
		}
		if _, err := iamsetup.Apply(context.Background(), ports, p); key(err) != c.want {
			t.Errorf("%s: apply %v", c.name, err)
		}
		if after := motoState(t, cfg, inst); after != before {
			t.Errorf("%s: AWS changed:\n%s\nthen\n%s", c.name, before, after)
		}
		if g, _ := DescribeLogGroup(context.Background(), NewLogs(cfg), auth); g.Exists {
			t.Errorf("%s: the group was created", c.name)
		}
	}
}

// key returns the catalog key of a localized error.
func key(err error) i18n.Key {
	var e *i18n.Error
	if errors.As(err, &e) {
		return e.Key
	}
	return ""
}

func TestExplainMotoErrors(t *testing.T) {
	cfg, inst := motoInstance(t)
	ctx := context.Background()
	ic, ec := NewIAM(cfg), NewAssociations(cfg)
	trust := string(render.TrustPolicy().JSON())

	_, err := ic.GetRole(ctx, "nope")
	if k := key(Explain(err)); k != i18n.AWSErrNotFound {
		t.Errorf("NoSuchEntity → %q (%v)", k, err)
	}
	for _, n := range []string{"a", "b"} {
		if err := ic.CreateRole(ctx, n, trust, ""); err != nil {
			t.Fatal(err)
		}
	}
	err = ic.CreateRole(ctx, "a", trust, "")
	if k := key(Explain(err)); k != i18n.AWSErrAlreadyExists {
		t.Errorf("EntityAlreadyExists → %q (%v)", k, err)
	}
	// A profile that already holds a role: LimitExceeded.
	if _, err := ic.CreateInstanceProfile(ctx, "p1"); err != nil {
		t.Fatal(err)
	}
	if err := ic.AddRoleToInstanceProfile(ctx, "p1", "a"); err != nil {
		t.Fatal(err)
	}
	err = ic.AddRoleToInstanceProfile(ctx, "p1", "b")
	if k := key(Explain(err)); k != i18n.AWSErrLimitExceeded {
		t.Errorf("LimitExceeded → %q (%v)", k, err)
	}
	// A second association on the instance: IncorrectState.
	if _, err := ic.CreateInstanceProfile(ctx, "p2"); err != nil {
		t.Fatal(err)
	}
	if err := ec.Associate(ctx, inst, "p2"); err != nil {
		t.Fatal(err)
	}
	err = ec.Associate(ctx, inst, "p2")
	ex := Explain(err)
	if k := key(ex); k != i18n.AWSErrIncorrectState {
		t.Errorf("IncorrectState → %q (%v)", k, err)
	}
	if ko := i18n.New(i18n.KO).Error(ex); !strings.Contains(ko, "ec2:AssociateIamInstanceProfile") || !strings.Contains(ko, "다시 실행") {
		t.Errorf("Korean explanation: %s", ko)
	}
}

// apiErr is an error shaped exactly like the SDK's: an operation error
// around an API error with a code.
func apiErr(service, op, code string) error {
	return &smithy.OperationError{ServiceID: service, OperationName: op,
		Err: &smithy.GenericAPIError{Code: code, Message: "from AWS"}}
}

func TestExplainCodes(t *testing.T) {
	for _, c := range []struct {
		err  error
		want i18n.Key
	}{
		{apiErr("IAM", "CreateRole", "AccessDenied"), i18n.AWSErrAccessDenied},
		{apiErr("EC2", "AssociateIamInstanceProfile", "UnauthorizedOperation"), i18n.AWSErrAccessDenied},
		{apiErr("IAM", "CreateRole", "Throttling"), i18n.AWSErrThrottled},
		{apiErr("EC2", "AssociateIamInstanceProfile", "RequestLimitExceeded"), i18n.AWSErrThrottled},
		{apiErr("IAM", "CreateRole", "LimitExceeded"), i18n.AWSErrLimitExceeded},
		{apiErr("EC2", "AssociateIamInstanceProfile", "IncorrectState"), i18n.AWSErrIncorrectState},
		{apiErr("STS", "GetCallerIdentity", "ExpiredToken"), i18n.AWSErrExpired},
		{apiErr("STS", "GetCallerIdentity", "InvalidClientTokenId"), i18n.AWSErrBadCredentials},
		{apiErr("EC2", "DescribeInstances", "InvalidInstanceID.NotFound"), i18n.AWSErrNotFound},
		{apiErr("IAM", "CreateRole", "SomethingNew"), i18n.AWSErrOther},
	} {
		if got := key(Explain(c.err)); got != c.want {
			t.Errorf("%v → %q, want %q", c.err, got, c.want)
		}
	}
	denied := i18n.New(i18n.EN).Error(Explain(apiErr("IAM", "CreateRole", "AccessDenied")))
	for _, p := range []string{"iam:CreateRole", "iam:PassRole", "ec2:AssociateIamInstanceProfile", "logs:PutMetricFilter"} {
		if !strings.Contains(denied, p) {
			t.Errorf("AccessDenied explanation lacks %s:\n%s", p, denied)
		}
	}
}

func TestNoCredentials(t *testing.T) {
	imdsEnv(t, testpeer.ClosedEndpoint(t))
	t.Setenv("AWS_REGION", testpeer.TestRegion)
	cfg, err := Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = CallerAccount(context.Background(), cfg)
	if k := key(err); k != i18n.AWSErrNoCredentials {
		t.Errorf("no credentials → %q (%v)", k, err)
	}
}
