package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/cwsetup/cwsetup/aws"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/iamsetup"
)

// runWith runs cwsetup in-process with stdin and the real environment
// (the AWS SDK reads os.Environ, as in the real binary).
func runWith(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	s := &streams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut, Getenv: os.Getenv}
	if machineRoot != "" {
		args = append([]string{"--root", machineRoot}, args...) // a --root in args still wins
	}
	code = run(args, s)
	return code, out.String(), errOut.String()
}

func TestIAMPolicyFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want func(o *iamPolicyOptions) bool
	}{
		{nil, func(o *iamPolicyOptions) bool {
			return o.Prefix == "/ec2/" && o.Format == "json" && o.Part == "all" && o.Retention && o.AgentCreatesGroups &&
				o.Metrics && !o.DescribeTags && !o.Volumes && o.RoleName == render.DefaultRoleName
		}},
		{[]string{"--region", "us-east-1", "--account", "111122223333", "--prefix", "/web/", "--format", "terraform"},
			func(o *iamPolicyOptions) bool {
				return o.Region == "us-east-1" && o.Account == "111122223333" && o.Prefix == "/web/" && o.Format == "terraform"
			}},
		{[]string{"--retention=false", "--agent-creates-groups=false", "--describe-tags", "--describe-volumes", "--part", "trust"},
			func(o *iamPolicyOptions) bool {
				return !o.Retention && !o.AgentCreatesGroups && o.DescribeTags && o.Volumes && o.Part == "trust" &&
					o.changed("retention") && !o.changed("prefix")
			}},
	} {
		var got *iamPolicyOptions
		g := &globals{p: i18n.New(i18n.EN)}
		cmd := newIAMPolicyCmd(g, newStreams(), func(o *iamPolicyOptions) error { got = o; return nil })
		cmd.SetArgs(c.args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		if !c.want(got) {
			t.Errorf("%v parsed as %+v", c.args, *got)
		}
	}
}

// offEC2 makes IMDS absent and the SDK blind to the machine's own config.
func offEC2(t *testing.T) {
	dir := t.TempDir()
	for k, v := range map[string]string{
		"AWS_EC2_METADATA_SERVICE_ENDPOINT": testpeer.ClosedEndpoint(t), "AWS_EC2_METADATA_DISABLED": "",
		"AWS_REGION": "", "AWS_DEFAULT_REGION": "", "AWS_PROFILE": "", "AWS_ENDPOINT_URL": "",
		"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SESSION_TOKEN": "",
		"AWS_CONFIG_FILE": dir + "/c", "AWS_SHARED_CREDENTIALS_FILE": dir + "/k",
	} {
		t.Setenv(k, v)
	}
}

func TestIAMPolicyOffEC2(t *testing.T) {
	offEC2(t)
	code, out, errOut := runWith("", "--lang", "ko", "iam", "policy")
	if code != exitUsage || out != "" || !strings.Contains(errOut, "--region") || !strings.Contains(errOut, "인스턴스 메타데이터") {
		t.Errorf("no region off EC2: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, _, errOut = runWith("", "iam", "policy", "--region", "ap-northeast-2")
	if code != exitUsage || !strings.Contains(errOut, "--account") {
		t.Errorf("no account off EC2: exit %d, %q", code, errOut)
	}
	code, _, errOut = runWith("", "iam", "policy", "--region", "ap-northeast-2", "--account", "123", "--lang", "en")
	if code != exitUsage || !strings.Contains(errOut, `--account "123"`) {
		t.Errorf("bad account: exit %d, %q", code, errOut)
	}
	code, out, _ = runWith("", "iam", "policy", "--region", "ap-northeast-2", "--account", "123456789012", "--format", "cloudformation")
	if code != exitOK || !strings.Contains(out, `"AWS::IAM::InstanceProfile"`) {
		t.Errorf("cloudformation: exit %d, %q", code, out)
	}
	code, out, _ = runWith("", "--lang", "ko", "iam", "policy", "--region", "ap-northeast-2", "--account", "123456789012", "--format", "console")
	if code != exitOK || !strings.Contains(out, "IAM 역할 수정") || !strings.Contains(out, `"logs:PutLogEvents"`) ||
		!strings.Contains(out, "역할 이름: cwsetup-cloudwatch-agent") {
		t.Errorf("console steps: exit %d\n%s", code, out)
	}
	if code, _, _ = runWith("", "iam", "policy", "--format", "yaml", "--region", "ap-northeast-2", "--account", "123456789012"); code != exitUsage {
		t.Errorf("unknown format: exit %d", code)
	}
}

// onEC2 starts moto with one instance, and an IMDS that says the process
// runs on that instance (with role, or without when role is "").
func onEC2(t *testing.T, role string) (instanceID string) {
	t.Helper()
	m := testpeer.MotoServer(t)
	instanceID = m.RunInstance(t)
	inst := testpeer.TestInstance(role)
	inst.ID = instanceID
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", testpeer.IMDS(t, inst))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "")
	t.Setenv("AWS_REGION", "") // the instance's region comes from IMDS
	useMachineRoot(t, ec2MachineRoot(t))
	return instanceID
}

func TestIAMSetupTwiceAndPolicyReadBack(t *testing.T) {
	inst := onEC2(t, "")
	code, _, errOut := runWith("", "iam", "setup", "--lang", "en", "--yes")
	if code != exitOK || !strings.Contains(errOut, "  + create    role cwsetup-cloudwatch-agent") ||
		!strings.Contains(errOut, "created   role cwsetup-cloudwatch-agent") ||
		!strings.Contains(errOut, "created   association "+inst) || !strings.Contains(errOut, "Done.") {
		t.Fatalf("first setup: exit %d\n%s", code, errOut)
	}
	code, out, errOut := runWith("", "iam", "setup", "--json", "--lang", "ko")
	var res struct {
		Changed bool `json:"changed"`
		Plan    struct {
			Changes []iamsetup.Change `json:"changes"`
		} `json:"plan"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != exitOK || res.Changed || len(res.Plan.Changes) != 6 ||
		res.Plan.Changes[0].Action != iamsetup.Keep {
		t.Fatalf("second setup: exit %d, %v, %s\n%s", code, err, out, errOut)
	}
	if !strings.Contains(errOut, "바꿀 것이 없습니다") {
		t.Errorf("second run does not say nothing changed:\n%s", errOut)
	}
	// The policy IAM holds is byte for byte what `iam policy` prints.
	code, printed, errOut := runWith("", "iam", "policy", "--part", "policy")
	if code != exitOK {
		t.Fatalf("iam policy: %d %s", code, errOut)
	}
	t.Setenv("AWS_REGION", testpeer.TestRegion)
	cfg, err := aws.Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	stored, err := aws.RolePolicy(context.Background(), cfg, render.DefaultRoleName, render.DefaultRoleName)
	if err != nil {
		t.Fatal(err)
	}
	if stored != printed {
		t.Errorf("stored policy\n%s\ndiffers from printed\n%s", stored, printed)
	}
}

// withTerminal runs cwsetup in-process with a real terminal (a pty) as
// stdin, on which answer is typed.
func withTerminal(t *testing.T, answer string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	if _, err := ptmx.WriteString(answer); err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, ptmx) // the echo
	var out, errOut bytes.Buffer
	code = run(args, &streams{In: tty, Out: &out, ErrOut: &errOut, Getenv: os.Getenv})
	return code, out.String(), errOut.String()
}

// association is the instance profile the instance has, read from moto.
func association(t *testing.T, instanceID string) string {
	t.Helper()
	cfg, err := aws.Load(context.Background(), testpeer.TestRegion)
	if err != nil {
		t.Fatal(err)
	}
	as, err := aws.NewAssociations(cfg).Associations(context.Background(), instanceID)
	if err != nil {
		t.Fatal(err)
	}
	var arns []string
	for _, a := range as {
		arns = append(arns, a.ProfileARN)
	}
	return strings.Join(arns, ",")
}

// TestIAMSetupReplaceNeedsConfirmation: replacing the instance's
// association is in the plan; it happens only after a yes typed on a
// terminal (or --yes).
func TestIAMSetupReplaceNeedsConfirmation(t *testing.T) {
	inst := onEC2(t, "")
	if code, _, errOut := runWith("", "iam", "setup", "--role-name", "old-role", "--yes"); code != exitOK {
		t.Fatalf("setup old role: %d %s", code, errOut)
	}
	old := "arn:aws:iam::123456789012:instance-profile/old-role"
	plan := "  ~ replace   association " + inst + " (" + old + " → cwsetup-cloudwatch-agent)"
	code, _, errOut := runWith("y\n", "iam", "setup", "--lang", "en")
	if code != exitUsage || !strings.Contains(errOut, plan) || !strings.Contains(errOut, "--yes") ||
		!strings.Contains(errOut, "Nothing was changed") {
		t.Errorf("no terminal: exit %d\n%s", code, errOut)
	}
	if got := association(t, inst); got != old {
		t.Fatalf("no terminal, yet the association is now %s", got)
	}
	code, _, errOut = withTerminal(t, "n\n", "iam", "setup", "--lang", "en")
	if code != exitFailure || !strings.Contains(errOut, "Make these 5 changes? [y/N]") || !strings.Contains(errOut, "nothing was changed") {
		t.Errorf("declined: exit %d\n%s", code, errOut)
	}
	if got := association(t, inst); got != old {
		t.Fatalf("declined, yet the association is now %s", got)
	}
	code, _, errOut = withTerminal(t, "예\n", "iam", "setup", "--lang", "ko")
	if code != exitOK || !strings.Contains(errOut, "교체됨    인스턴스 연결 "+inst) {
		t.Errorf("confirmed: exit %d\n%s", code, errOut)
	}
	if got := association(t, inst); got != "arn:aws:iam::123456789012:instance-profile/cwsetup-cloudwatch-agent" {
		t.Errorf("confirmed, association %s", got)
	}
}

// TestIAMSetupNoTerminalChangesNothing: without a terminal and without
// --yes, iam setup prints its plan and exits 2 — and moto shows no change,
// not even of an existing role's trust policy.
func TestIAMSetupNoTerminalChangesNothing(t *testing.T) {
	inst := onEC2(t, "")
	cfg, err := aws.Load(context.Background(), testpeer.TestRegion)
	if err != nil {
		t.Fatal(err)
	}
	ctx, ic := context.Background(), aws.NewIAM(cfg)
	lambda := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}`
	if err := ic.CreateRole(ctx, render.DefaultRoleName, lambda, ""); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runWith("", "iam", "setup", "--lang", "en")
	if code != exitUsage || out != "" || !strings.Contains(errOut, "  ~ update    trust policy of "+render.DefaultRoleName) ||
		!strings.Contains(errOut, "  + create    instance profile") || !strings.Contains(errOut, "standard input is not a terminal") {
		t.Errorf("exit %d\n%s", code, errOut)
	}
	r, err := ic.GetRole(ctx, render.DefaultRoleName)
	if err != nil || !iamsetup.SameDocument(aws.DecodeDocument(r.TrustPolicy), lambda) {
		t.Errorf("trust policy changed: %v %s", err, r.TrustPolicy)
	}
	if _, err := ic.GetRolePolicy(ctx, render.DefaultRoleName, render.DefaultRoleName); !aws.NoSuchEntity(err) {
		t.Errorf("inline policy created: %v", err)
	}
	if _, err := ic.GetInstanceProfile(ctx, render.DefaultRoleName); !aws.NoSuchEntity(err) {
		t.Errorf("instance profile created: %v", err)
	}
	if got := association(t, inst); got != "" {
		t.Errorf("associated: %s", got)
	}
	// --json without --yes: the plan on stdout, still nothing done.
	code, out, _ = runWith("", "iam", "setup", "--json")
	var res struct {
		Changed bool `json:"changed"`
		Plan    struct {
			Changes []iamsetup.Change `json:"changes"`
		} `json:"plan"`
	}
	if err := json.Unmarshal([]byte(out), &res); code != exitUsage || err != nil || res.Changed || len(res.Plan.Changes) != 6 {
		t.Errorf("--json: exit %d, %v, stdout %s", code, err, out)
	}
	if _, err := ic.GetInstanceProfile(ctx, render.DefaultRoleName); !aws.NoSuchEntity(err) {
		t.Errorf("instance profile created: %v", err)
	}
}

// TestIAMSetupRefusesRoleHoldingMore: a role with an extra admin policy or
// a foreign trust is refused (exit 1, what it holds and how to proceed);
// --adopt-role takes it after showing it.
func TestIAMSetupRefusesRoleHoldingMore(t *testing.T) {
	inst := onEC2(t, "")
	cfg, err := aws.Load(context.Background(), testpeer.TestRegion)
	if err != nil {
		t.Fatal(err)
	}
	ctx, ic := context.Background(), aws.NewIAM(cfg)
	trust := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com","AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}]}`
	if err := ic.CreateRole(ctx, render.DefaultRoleName, trust, ""); err != nil {
		t.Fatal(err)
	}
	if err := ic.PutRolePolicy(ctx, render.DefaultRoleName, "admin", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ko"} {
		code, _, errOut := runWith("", "--lang", lang, "iam", "setup", "--yes")
		want := []string{"inline policy admin: allows * on *", "not EC2: AWS arn:aws:iam::999999999999:root", "--adopt-role", "Nothing was changed"}
		if lang == "ko" {
			want = []string{"인라인 정책 admin: 허용: * (대상: *)", "EC2가 아닌 주체: AWS arn:aws:iam::999999999999:root", "--adopt-role", "아무것도 바꾸지 않았습니다"}
		}
		for _, w := range want {
			if code != exitFailure || !strings.Contains(errOut, w) {
				t.Errorf("%s: exit %d, lacks %q:\n%s", lang, code, w, errOut)
			}
		}
	}
	if _, err := ic.GetInstanceProfile(ctx, render.DefaultRoleName); !aws.NoSuchEntity(err) {
		t.Errorf("refused, yet the instance profile was created: %v", err)
	}
	code, _, errOut := runWith("", "--lang", "en", "iam", "setup", "--yes", "--adopt-role")
	if code != exitOK || !strings.Contains(errOut, "inline policy admin: allows * on *") ||
		!strings.Contains(errOut, "--adopt-role: cwsetup takes role") || !strings.Contains(errOut, "updated   trust policy of") {
		t.Errorf("--adopt-role: exit %d\n%s", code, errOut)
	}
	if got := association(t, inst); !strings.HasSuffix(got, "/"+render.DefaultRoleName) {
		t.Errorf("adopted, association %q", got)
	}
}

// TestIAMSetupPlanGolden: the plan text in both languages, for a role that
// holds more (adopted) and the answers' log groups and alarms.
func TestIAMSetupPlanGolden(t *testing.T) {
	testpeer.MotoServer(t)
	cfg, err := aws.Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	ctx, ic := context.Background(), aws.NewIAM(cfg)
	if err := ic.CreateRole(ctx, render.DefaultRoleName, string(render.TrustPolicy().JSON()), ""); err != nil {
		t.Fatal(err)
	}
	if err := ic.PutRolePolicy(ctx, render.DefaultRoleName, "s3-read", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"*"}]}`); err != nil {
		t.Fatal(err)
	}
	f := alarmsAnswers(t, "alarms:\n  enabled: true\n")
	for _, lang := range []string{"en", "ko"} {
		code, _, errOut := runWith("", "--lang", lang, "iam", "setup", "--adopt-role", "--instance-id", "i-0123456789abcdef0",
			"--answers", f, "--create-groups")
		if code != exitUsage {
			t.Errorf("%s: exit %d\n%s", lang, code, errOut)
		}
		iamGolden(t, "plan-"+lang+".txt", errOut)
	}
}

func iamGolden(t *testing.T, name, got string) {
	t.Helper()
	p := testpeer.Testdata("iam", name)
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (go test -run TestIAMSetupPlanGolden -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden (go test -update, then git diff):\n%s", name, got)
	}
}

// TestNoCredentialsInOutput feeds known fake keys through the environment,
// runs every code path that talks to AWS or IMDS (success, already done,
// declined, errors) and scans everything printed.
func TestNoCredentialsInOutput(t *testing.T) {
	secrets := []string{testpeer.FakeAccessKeyID, testpeer.FakeSecretAccessKey, testpeer.FakeSessionToken}
	var all strings.Builder
	runAll := func(stdin string, args ...string) {
		_, out, errOut := runWith(stdin, args...)
		all.WriteString(out + errOut)
	}
	onEC2(t, "cwsetup-cloudwatch-agent")
	for _, lang := range []string{"en", "ko"} {
		runAll("", "--lang", lang, "iam", "setup", "--json", "--yes")
		runAll("", "--lang", lang, "iam", "setup", "--json")
		runAll("", "--lang", lang, "iam", "setup", "--role-name", "other")
		runAll("n\n", "--lang", lang, "iam", "setup")
		runAll("", "--lang", lang, "iam", "setup", "--instance-id", "i-00000000000000000")
		runAll("", "--lang", lang, "iam", "policy")
		runAll("", "--lang", lang, "iam", "policy", "--format", "terraform")
		runAll("", "--lang", lang, "detect", "--json")
		runAll("", "--lang", lang, "detect")
	}
	t.Setenv("AWS_ENDPOINT_URL", testpeer.ClosedEndpoint(t)) // network error path
	runAll("", "iam", "setup", "--yes")
	if all.Len() < 1000 {
		t.Fatalf("too little output to judge (%d bytes):\n%s", all.Len(), all.String())
	}
	for _, s := range secrets {
		if strings.Contains(all.String(), s) {
			t.Errorf("output contains the credential %q", s)
		}
	}
	// Partial leaks too: the key id's distinctive tail, the secret's head.
	for _, s := range []string{testpeer.FakeAccessKeyID[4:], testpeer.FakeSecretAccessKey[:16], testpeer.FakeSessionToken[:16]} {
		if strings.Contains(all.String(), s) {
			t.Errorf("output contains part of a credential: %q", s)
		}
	}
}

func TestIAMSetupLogGroupsAndAlarms(t *testing.T) {
	onEC2(t, "")
	answers := testpeer.Testdata("aws", "answers-web.yaml")
	args := []string{"iam", "setup", "--lang", "en", "--answers", answers, "--create-groups", "--alarms",
		"--alarm-threshold", "4", "--sns-topic", "arn:aws:sns:ap-northeast-2:123456789012:ops"}
	code, _, errOut := runWith("", append(args, "--yes")...)
	for _, want := range []string{"created   log group /ec2/system/auth", "created   retention of /ec2/nginx/access",
		"created   metric filter cwsetup-ssh-failed-login /ec2/system/auth", "created   alarm cwsetup-sudo-failure-ec2-system-auth"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("first run lacks %q", want)
		}
	}
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	code, out, errOut := runWith("", append(args, "--json")...)
	if code != exitOK || !strings.Contains(out, `"changed": false`) || !strings.Contains(errOut, "Nothing to change") {
		t.Errorf("second run: exit %d\n%s\n%s", code, out, errOut)
	}
	// cwsetup made the groups, so the stored policy does not let the agent create any.
	t.Setenv("AWS_REGION", testpeer.TestRegion)
	cfg, err := aws.Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	stored, err := aws.RolePolicy(context.Background(), cfg, render.DefaultRoleName, render.DefaultRoleName)
	if err != nil || strings.Contains(stored, "logs:CreateLogGroup") || !strings.Contains(stored, "logs:PutRetentionPolicy") {
		t.Errorf("policy with --create-groups: %v\n%s", err, stored)
	}
	g, err := aws.DescribeLogGroup(context.Background(), aws.NewLogs(cfg), "/ec2/system/auth")
	if err != nil || !g.Exists || g.RetentionDays != 365 {
		t.Errorf("auth group: %+v %v", g, err)
	}
}

func TestIAMSetupFlagErrors(t *testing.T) {
	offEC2(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--create-groups"}, "--answers"},
		{[]string{"--alarms"}, "--answers"},
		{[]string{"--alarms", "--alarm-log-group", "/g", "--alarm-period", "90"}, "90"},
		{[]string{"--alarms", "--alarm-log-group", "/g", "--sns-topic", "ops"}, "SNS"},
		{[]string{"--answers", "/nonexistent.yaml", "--create-groups"}, "/nonexistent.yaml"},
		{[]string{"--instance-id", "i-1", "--region", "ap-northeast-2"}, "credentials"},
	} {
		code, _, errOut := runWith("", append([]string{"iam", "setup", "--lang", "en"}, c.args...)...)
		if code == exitOK || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, %s", c.args, code, errOut)
		}
	}
}

// TestIAMSetupAccessDenied runs setup with the keys of a user that may do
// nothing (moto enforcing IAM): the explanation names the denied call and
// lists what the admin needs, and the keys appear nowhere.
func TestIAMSetupAccessDenied(t *testing.T) {
	_, keyID, secret := testpeer.MotoDenying(t)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	for _, lang := range []string{"en", "ko"} {
		code, out, errOut := runWith("", "--lang", lang, "iam", "setup", "--instance-id", "i-0abc1234def567890")
		if code != exitFailure || !strings.Contains(errOut, "iam:GetRole") || !strings.Contains(errOut, "iam:PassRole") ||
			!strings.Contains(errOut, "ec2:AssociateIamInstanceProfile") || !strings.Contains(errOut, "cloudwatch:PutMetricAlarm") {
			t.Errorf("%s: exit %d\n%s\n%s", lang, code, out, errOut)
		}
		if lang == "ko" && !strings.Contains(errOut, "거부했습니다") {
			t.Errorf("not Korean:\n%s", errOut)
		}
		for _, s := range []string{keyID, secret} {
			if strings.Contains(out+errOut, s) {
				t.Errorf("output contains a credential of the denied user")
			}
		}
	}
}

// TestRealBinaryAgainstEmulators runs the built cwsetup, configured only
// through the SDK's standard environment (no test hooks), and scans its
// whole output for the fake credentials.
func TestRealBinaryAgainstEmulators(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "cwsetup")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	inst := onEC2(t, "")
	var all strings.Builder
	runBin := func(args ...string) (int, string) {
		cmd := exec.Command(bin, args...)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		all.WriteString(out.String() + errOut.String())
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, out.String() + errOut.String()
	}
	if code, out := runBin("--lang", "ko", "iam", "setup", "--yes"); code != 0 || !strings.Contains(out, "생성됨    인스턴스 연결 "+inst) {
		t.Errorf("setup: exit %d\n%s", code, out)
	}
	if code, out := runBin("iam", "setup", "--lang", "en"); code != 0 || !strings.Contains(out, "Nothing to change") {
		t.Errorf("second setup: exit %d\n%s", code, out)
	}
	if code, out := runBin("detect", "--json", "--root", minimalRoot(t)); code != 0 || !strings.Contains(out, `"instance_id": "`+inst+`"`) {
		t.Errorf("detect: exit %d\n%s", code, out)
	}
	runBin("iam", "policy", "--format", "cloudformation")
	for _, s := range []string{testpeer.FakeAccessKeyID, testpeer.FakeSecretAccessKey, testpeer.FakeSessionToken, "SDK 20"} {
		if strings.Contains(all.String(), s) {
			t.Errorf("the binary printed %q", s)
		}
	}
}

// syncBuffer is a bytes.Buffer safe to read while run writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestIAMSetupCtrlCAtThePrompt: Ctrl-C while the confirmation waits ends
// the run (exit 130) with nothing changed.
func TestIAMSetupCtrlCAtThePrompt(t *testing.T) {
	inst := onEC2(t, "")
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	go io.Copy(io.Discard, ptmx)
	var errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"iam", "setup", "--lang", "en"}, &streams{In: tty, Out: io.Discard, ErrOut: &errOut, Getenv: os.Getenv})
	}()
	for !strings.Contains(errOut.String(), "[y/N]") {
		select {
		case code := <-done:
			t.Fatalf("ended before asking: exit %d\n%s", code, errOut.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if code := <-done; code != exitAborted {
		t.Errorf("exit %d\n%s", code, errOut.String())
	}
	if got := association(t, inst); got != "" {
		t.Errorf("associated after Ctrl-C: %s", got)
	}
}
