package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/aws"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/render/iamtext"
	"github.com/cwsetup/cwsetup/tui"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// alarmsAnswers writes the AWS tests' web answers with an alarms section.
func alarmsAnswers(t *testing.T, alarms string) string {
	t.Helper()
	base, err := os.ReadFile(testpeer.Testdata("aws", "answers-web.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(f, append(base, alarms...), 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestIAMSetupAlarmsFromAnswers replays saved answers: `iam setup
// --answers F` creates the alarms the file turns on (and the auth group
// they need), with its threshold, period and topic; flags override them.
func TestIAMSetupAlarmsFromAnswers(t *testing.T) {
	onEC2(t, "")
	topic := "arn:aws:sns:ap-northeast-2:123456789012:ops"
	f := alarmsAnswers(t, "alarms:\n  enabled: true\n  threshold: 4\n  period_seconds: 600\n  sns_topic_arn: "+topic+"\n")
	code, _, errOut := runWith("", "iam", "setup", "--lang", "en", "--answers", f, "--yes")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	for _, want := range []string{"created   log group /ec2/system/auth", "created   retention of /ec2/system/auth",
		"created   metric filter cwsetup-ssh-failed-login /ec2/system/auth", "created   alarm cwsetup-sudo-failure-ec2-system-auth",
		// moto has no logs:TestMetricFilter: said, and skipped.
		"filter patterns not checked by CloudWatch Logs (skipped): this CloudWatch Logs endpoint does not implement TestMetricFilter"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "/ec2/nginx/access") {
		t.Errorf("only the auth group is created for the alarms, without --create-groups:\n%s", errOut)
	}
	t.Setenv("AWS_REGION", testpeer.TestRegion)
	cfg, err := aws.Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	cw := aws.NewCloudWatch(cfg)
	check := func(name string, threshold float64, period int32) {
		t.Helper()
		a, err := cw.DescribeAlarm(context.Background(), name)
		if err != nil || a == nil {
			t.Fatalf("%s: %+v %v", name, a, err)
		}
		if a.Threshold != threshold || a.PeriodSeconds != period || !slices.Equal(a.Actions, []string{topic}) {
			t.Errorf("%s: threshold %v period %d actions %v, want %v %d [%s]", name, a.Threshold, a.PeriodSeconds, a.Actions, threshold, period, topic)
		}
	}
	check("cwsetup-ssh-failed-login-ec2-system-auth", 4, 600)
	check("cwsetup-sudo-failure-ec2-system-auth", 4, 600)

	// Flags win over the file; what they do not name stays as the file says.
	t.Setenv("AWS_REGION", "")
	code, _, errOut = runWith("", "iam", "setup", "--lang", "en", "--answers", f, "--alarm-period", "60", "--alarm-threshold", "2", "--yes")
	if code != exitOK || !strings.Contains(errOut, "updated   alarm cwsetup-ssh-failed-login-ec2-system-auth") {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	check("cwsetup-ssh-failed-login-ec2-system-auth", 2, 60)

	// --alarms=false leaves them alone.
	code, _, errOut = runWith("", "iam", "setup", "--lang", "en", "--answers", f, "--alarms=false", "--yes")
	if code != exitOK || strings.Contains(errOut, "alarm cwsetup") {
		t.Errorf("--alarms=false: exit %d\n%s", code, errOut)
	}
}

// TestIAMSetupAlarmsNoAuthLog: answers that turn the alarms on without an
// auth log create none and say why; --alarms with them is a usage error.
func TestIAMSetupAlarmsNoAuthLog(t *testing.T) {
	onEC2(t, "")
	f := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(f, []byte("role: base\nlogs:\n  - {service: app, name: main, path: /srv/app.log}\nalarms: {enabled: true}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runWith("", "iam", "setup", "--lang", "ko", "--answers", f, "--yes")
	if code != exitOK || !strings.Contains(errOut, "보안 경보가 켜져 있지만") || strings.Contains(errOut, "cwsetup-ssh") {
		t.Errorf("exit %d\n%s", code, errOut)
	}
	if code, _, errOut := runWith("", "iam", "setup", "--lang", "en", "--answers", f, "--alarms"); code != exitUsage {
		t.Errorf("--alarms without an auth log: exit %d\n%s", code, errOut)
	}
}

// TestIAMAlarmsAnswersBadValues: the answers' alarm values are checked
// before anything is created, naming the key.
func TestIAMAlarmsAnswersBadValues(t *testing.T) {
	offEC2(t)
	f := alarmsAnswers(t, "alarms:\n  enabled: true\n  period_seconds: 45\n")
	code, _, errOut := runWith("", "iam", "setup", "--lang", "en", "--answers", f, "--instance-id", "i-1", "--region", "ap-northeast-2")
	if code != exitUsage || !strings.Contains(errOut, "alarms.period_seconds") {
		t.Errorf("exit %d\n%s", code, errOut)
	}
}

// TestIAMPolicyLeavesAlarmsToTheAdmin: the instance role never gets the
// alarm calls, whatever the answers say; iam setup makes them with the
// admin's credentials.
func TestIAMPolicyLeavesAlarmsToTheAdmin(t *testing.T) {
	offEC2(t)
	f := alarmsAnswers(t, "alarms:\n  enabled: true\n")
	code, out, errOut := runWith("", "iam", "policy", "--answers", f, "--region", "ap-northeast-2", "--account", "123456789012")
	if code != exitOK || !strings.Contains(out, "logs:PutLogEvents") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	for _, action := range []string{"PutMetricAlarm", "PutMetricFilter", "sns:"} {
		if strings.Contains(out, action) {
			t.Errorf("the role policy allows %s", action)
		}
	}
}

// TestWizardCreateNowMakesTheAlarms: the IAM screen's "create it now" (the
// wizard's IAMPlan, iam setup's job on the session's answers) creates the
// alarms the answers turn on, with the auth group they watch.
func TestWizardCreateNowMakesTheAlarms(t *testing.T) {
	onEC2(t, "")
	root, err := host.Open(ec2MachineRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	sess := &tui.Session{Root: root}
	wireWizard(sess, wirePorts(os.Getenv, func() (host.Root, error) { return root, nil }), nil)
	data, err := os.ReadFile(alarmsAnswers(t, "alarms:\n  enabled: true\n  period_seconds: 60\n"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := plan.Load(data, plan.Answers{})
	if err != nil {
		t.Fatal(err)
	}
	job, err := sess.IAMPlan(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	res, err := job.Apply(context.Background())
	out := iamtext.Result(i18n.New(i18n.EN), res)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{"created   role cwsetup-cloudwatch-agent", "created   log group /ec2/system/auth",
		"created   alarm cwsetup-ssh-failed-login-ec2-system-auth", "created   alarm cwsetup-sudo-failure-ec2-system-auth"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	t.Setenv("AWS_REGION", testpeer.TestRegion)
	cfg, err := aws.Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	al, err := aws.NewCloudWatch(cfg).DescribeAlarm(context.Background(), "cwsetup-sudo-failure-ec2-system-auth")
	if err != nil || al == nil || al.PeriodSeconds != 60 || al.Threshold != 3 {
		t.Errorf("alarm %+v %v, want period 60, threshold 3 (sudo's default)", al, err)
	}
}

// TestSavedAnswersReplayAlarms: `config --save-answers` writes the preset's
// alarms section; `apply --answers` takes the file (and points at iam
// setup for the alarms); `iam setup --answers` creates them.
func TestSavedAnswersReplayAlarms(t *testing.T) {
	var root string
	for _, r := range configRoots(t) {
		if _, err := os.Stat(filepath.Join(r, "var/log/auth.log")); err == nil {
			root = r
			break
		}
	}
	if root == "" {
		t.Fatal("no fixture root with /var/log/auth.log")
	}
	saved := filepath.Join(t.TempDir(), "answers.yaml")
	if code, _, errOut := runCLI(t, nil, "config", "--root", root, "--save-answers", saved); code != exitOK {
		t.Fatalf("config: exit %d\n%s", code, errOut)
	}
	b, err := os.ReadFile(saved)
	if err != nil || !strings.Contains(string(b), "alarms:\n  enabled: true\n  period_seconds: 300\n") {
		t.Fatalf("saved answers lack the alarms section: %v\n%s", err, b)
	}
	code, _, errOut := runCLI(t, nil, "apply", "--dry-run", "--root", root, "--lang", "en", "--answers", saved)
	if code != exitOK || !strings.Contains(errOut, "cwsetup iam setup --answers "+saved) {
		t.Errorf("apply --dry-run --answers: exit %d\n%s", code, errOut)
	}
	onEC2(t, "")
	code, _, errOut = runWith("", "iam", "setup", "--lang", "en", "--answers", saved, "--yes")
	if code != exitOK || !strings.Contains(errOut, "created   alarm cwsetup-ssh-failed-login-") {
		t.Errorf("iam setup --answers: exit %d\n%s", code, errOut)
	}
}

// TestAlarmedGroupNotInfrequentEverywhere: answers that put the auth log
// (which the alarms watch) in an Infrequent Access group are refused by
// config, apply and iam setup alike, naming the group and the fix, before
// anything is made.
func TestAlarmedGroupNotInfrequentEverywhere(t *testing.T) {
	offEC2(t)
	base, err := os.ReadFile(testpeer.Testdata("aws", "answers-web.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ia := strings.Replace(string(base), "log_group_class: STANDARD", "log_group_class: INFREQUENT_ACCESS", 1) + "alarms:\n  enabled: true\n"
	f := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(f, []byte(ia), 0o600); err != nil {
		t.Fatal(err)
	}
	root := configRoots(t)[0]
	for _, args := range [][]string{
		{"config", "--root", root, "--answers", f},
		{"apply", "--dry-run", "--root", root, "--answers", f},
		{"iam", "setup", "--answers", f, "--instance-id", "i-0123456789abcdef0", "--region", "ap-northeast-2", "--yes"},
	} {
		for _, lang := range []string{"en", "ko"} {
			code, _, errOut := runCLI(t, nil, append([]string{"--lang", lang}, args...)...)
			fix := "Use STANDARD for it"
			if lang == "ko" {
				fix = "STANDARD로 하거나 경보를 끄세요"
			}
			if code != exitUsage || !strings.Contains(errOut, "/ec2/system/auth") || !strings.Contains(errOut, "log_group_class") ||
				!strings.Contains(errOut, fix) {
				t.Errorf("%v (%s): exit %d\n%s", args, lang, code, errOut)
			}
		}
	}
}
