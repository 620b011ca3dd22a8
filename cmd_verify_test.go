package main

import (
	"bufio"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/internal/testpeer"
)

// motoEnforcingIAM starts a moto_server of its own that checks IAM
// policies for every call after the first n (those set up the user).
func motoEnforcingIAM(t *testing.T, n string) string {
	t.Helper()
	bin, err := exec.LookPath("moto_server")
	if err != nil {
		testpeer.Missing(t, "moto_server not on PATH")
	}
	cmd := exec.Command(bin, "-H", "127.0.0.1", "-p", "0")
	cmd.Env = append(os.Environ(), "INITIAL_NO_AUTH_ACTION_COUNT="+n)
	stderr, _ := cmd.StderrPipe()
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	found := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`Running on (http://127\.0\.0\.1:\d+)`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
	}()
	select {
	case ep := <-found:
		return ep
	case <-time.After(20 * time.Second):
		t.Fatal("moto_server did not start")
	}
	return ""
}

// iamQuery sends one IAM query-protocol call. It is unsigned: moto lets
// the first INITIAL_NO_AUTH_ACTION_COUNT calls through and routes by the
// credential scope.
func iamQuery(t *testing.T, ep string, form url.Values) string {
	t.Helper()
	form.Set("Version", "2010-05-08")
	req, _ := http.NewRequest(http.MethodPost, ep+"/", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIASETUPADMIN000000/20261125/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: HTTP %d %s", form.Get("Action"), resp.StatusCode, b)
	}
	return string(b)
}

// TestVerifyWithoutReadPermission: credentials that may ship logs (what
// the agent's least-privilege role allows) but not FilterLogEvents. Apply
// works, the agent delivers, and verify explains that it cannot read the
// marker back, naming the missing permission.
func TestVerifyWithoutReadPermission(t *testing.T) {
	ep := motoEnforcingIAM(t, "3")
	iamQuery(t, ep, url.Values{"Action": {"CreateUser"}, "UserName": {"agent"}})
	iamQuery(t, ep, url.Values{"Action": {"PutUserPolicy"}, "UserName": {"agent"}, "PolicyName": {"ship-only"},
		"PolicyDocument": {`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents","logs:PutRetentionPolicy","logs:DescribeLogGroups"],"Resource":"*"}]}`}})
	out := iamQuery(t, ep, url.Values{"Action": {"CreateAccessKey"}, "UserName": {"agent"}})
	id := regexp.MustCompile(`<AccessKeyId>([^<]+)</AccessKeyId>`).FindStringSubmatch(out)
	secret := regexp.MustCompile(`<SecretAccessKey>([^<]+)</SecretAccessKey>`).FindStringSubmatch(out)
	if id == nil || secret == nil {
		t.Fatalf("no access key in %s", out)
	}
	testpeer.SetAWSEnv(t, ep)
	t.Setenv("AWS_ACCESS_KEY_ID", id[1])
	t.Setenv("AWS_SECRET_ACCESS_KEY", secret[1])
	t.Setenv("AWS_SESSION_TOKEN", "")

	dir := debianRoot(t)
	code, _, errOut := runCLI(t, nil, "apply", "--root", dir, "--yes", "--wait", "5s", "--lang", "en")
	if code != exitFailure {
		t.Fatalf("apply exit %d, want 1 (verify cannot read back):\n%s", code, errOut)
	}
	for _, want := range []string{
		"Applied: the agent runs with the new config.",
		"[FAIL] AWS refused logs:FilterLogEvents",
		"[ok  ] log group /ec2/system/syslog exists, retention: 90 days",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("output lacks %q:\n%s", want, errOut)
		}
	}
	code, _, errOut = runCLI(t, nil, "verify", "--root", dir, "--wait", "5s", "--lang", "ko")
	if code != exitFailure || !strings.Contains(errOut, "logs:FilterLogEvents 요청을 거부") {
		t.Fatalf("verify exit %d:\n%s", code, errOut)
	}
}

// TestVerifyNoRoleHint: no credentials anywhere (no role attached): the
// agent cannot send, and verify points at the agent's own complaint.
func TestVerifyNoRoleHint(t *testing.T) {
	testpeer.MotoServer(t)
	dir := debianRoot(t)
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	t.Setenv("AWS_SESSION_TOKEN", "")
	if code, _, errOut := runCLI(t, nil, "apply", "--root", dir, "--yes", "--no-verify"); code != exitOK {
		t.Fatalf("apply: %s", errOut)
	}
	logPath := filepath.Join(dir, "opt/aws/amazon-cloudwatch-agent/logs/amazon-cloudwatch-agent.log")
	for i := 0; i < 100; i++ {
		if b, _ := os.ReadFile(logPath); strings.Contains(string(b), "E! cloudwatchlogs") {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	code, _, errOut := runCLI(t, nil, "verify", "--root", dir, "--wait", "2s", "--lang", "en")
	if code != exitFailure || !strings.Contains(errOut, "the agent's log says it has no credentials") ||
		!strings.Contains(errOut, "cwsetup iam setup") {
		t.Fatalf("verify exit %d:\n%s", code, errOut)
	}
}
