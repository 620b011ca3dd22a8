package aws

import (
	"context"
	"errors"
	"strings"
	"testing"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/render"
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

func testSpec(t *testing.T, instanceID string, mod func(*render.PolicyInput)) RoleSpec {
	in := render.PolicyInput{Region: testpeer.TestRegion, Account: testpeer.MotoAccount, Prefix: "/ec2/",
		AgentCreatesGroups: true, AgentSetsRetention: true, Metrics: true}
	if mod != nil {
		mod(&in)
	}
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	return RoleSpec{RoleName: in.EffectiveRoleName(), InstanceID: instanceID,
		PolicyJSON: string(render.LeastPrivilegePolicy(in).JSON()), TrustJSON: string(render.TrustPolicy().JSON())}
}

func actions(cs []Change) string {
	var b []string
	for _, c := range cs {
		b = append(b, string(c.Action)+" "+string(c.Resource))
	}
	return strings.Join(b, ", ")
}

func TestSetupRoleTwiceChangesNothing(t *testing.T) {
	cfg, inst := motoInstance(t)
	ctx := context.Background()
	s := NewRoleSetup(cfg)
	spec := testSpec(t, inst, nil)
	cs, err := s.SetupRole(ctx, spec, RoleHooks{})
	if err != nil {
		t.Fatal(err)
	}
	want := "created role, created inline-policy, created instance-profile, created instance-profile-role, created association"
	if got := actions(cs); got != want {
		t.Errorf("first run: %s\nwant %s", got, want)
	}
	cs, err = s.SetupRole(ctx, spec, RoleHooks{})
	if err != nil {
		t.Fatal(err)
	}
	if AnyChanged(cs) {
		t.Errorf("second run changed: %s", actions(cs))
	}
	// What IAM stored is what render produced.
	got, err := RolePolicy(ctx, cfg, spec.RoleName, spec.RoleName)
	if err != nil {
		t.Fatal(err)
	}
	if got != spec.PolicyJSON {
		t.Errorf("stored policy differs:\n%s\nwant\n%s", got, spec.PolicyJSON)
	}
	// The instance now carries the profile.
	as, err := NewAssociations(cfg).Associations(ctx, inst)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || !strings.HasSuffix(as[0].ProfileARN, "/"+spec.RoleName) || as[0].InstanceID != inst || as[0].ID == "" {
		t.Errorf("associations of the instance: %+v", as)
	}

	// A changed answer (agent no longer sets retention) updates only the policy.
	spec2 := testSpec(t, inst, func(p *render.PolicyInput) { p.AgentSetsRetention = false })
	cs, err = s.SetupRole(ctx, spec2, RoleHooks{})
	if err != nil {
		t.Fatal(err)
	}
	if got := actions(cs); !strings.Contains(got, "updated inline-policy") || strings.Count(got, "unchanged") != len(cs)-1 {
		t.Errorf("policy change: %s", got)
	}
}

func TestSetupRoleReplacesOnlyAfterConfirmation(t *testing.T) {
	cfg, inst := motoInstance(t)
	ctx := context.Background()
	s := NewRoleSetup(cfg)
	if _, err := s.SetupRole(ctx, testSpec(t, inst, func(p *render.PolicyInput) { p.RoleName = "old-role" }), RoleHooks{}); err != nil {
		t.Fatal(err)
	}
	spec := testSpec(t, inst, nil)
	var asked []string
	no := RoleHooks{Confirm: func(id, cur, want string) (bool, error) {
		asked = append(asked, id, cur, want)
		return false, nil
	}}
	if _, err := s.SetupRole(ctx, spec, no); !errors.Is(err, ErrNotReplaced) {
		t.Fatalf("declined replacement: err %v", err)
	}
	if len(asked) != 3 || asked[0] != inst || !strings.HasSuffix(asked[1], "/old-role") || !strings.HasSuffix(asked[2], "/"+spec.RoleName) {
		t.Errorf("confirmation asked with %v", asked)
	}
	if _, err := s.SetupRole(ctx, spec, RoleHooks{}); !errors.Is(err, ErrNotReplaced) {
		t.Fatalf("no Confirm hook must not replace: %v", err)
	}
	yes := RoleHooks{Confirm: func(string, string, string) (bool, error) { return true, nil }}
	cs, err := s.SetupRole(ctx, spec, yes)
	if err != nil {
		t.Fatal(err)
	}
	if got := actions(cs); !strings.HasSuffix(got, "replaced association") {
		t.Errorf("replacement: %s", got)
	}
	cs, _ = s.SetupRole(ctx, spec, yes)
	if AnyChanged(cs) {
		t.Errorf("after replacement: %s", actions(cs))
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
	// A profile that already holds another role: LimitExceeded, surfaced by SetupRole.
	if _, err := ic.CreateInstanceProfile(ctx, render.DefaultRoleName); err != nil {
		t.Fatal(err)
	}
	if err := ic.AddRoleToInstanceProfile(ctx, render.DefaultRoleName, "b"); err != nil {
		t.Fatal(err)
	}
	_, err = NewRoleSetup(cfg).SetupRole(ctx, testSpec(t, inst, nil), RoleHooks{})
	if k := key(err); k != i18n.AWSErrLimitExceeded {
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

func TestSameDocument(t *testing.T) {
	want := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["*"]}]}`
	for stored, same := range map[string]bool{
		"%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D": true,
		`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}`:                                                                       true,
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:PutObject"],"Resource":["*"]}]}`:                                                                 false,
		`not json`: false,
	} {
		got, err := SameDocument(stored, want)
		if err != nil || got != same {
			t.Errorf("SameDocument(%s) = %v, %v; want %v", stored, got, err, same)
		}
	}
}
