package main

import (
	"strings"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/internal/testpeer"
)

// An endpoint that accepts connections and never answers (a proxy or
// firewall swallowing requests): every AWS call has a deadline, so the
// commands end with a clear, localized message within the limits in docs/architecture.md.
// The bounds asserted are the limits themselves, generous on purpose; the
// measured times are logged.

func TestSilentEndpointIAMSetup(t *testing.T) {
	testpeer.SetAWSEnv(t, testpeer.SilentEndpoint(t))
	start := time.Now()
	code, _, errOut := runWith("", "--lang", "ko", "iam", "setup", "--instance-id", "i-0abc1234def567890",
		"--region", testpeer.TestRegion, "--yes")
	took := time.Since(start)
	t.Logf("iam setup against a silent endpoint: exit %d after %v", code, took.Round(10*time.Millisecond))
	t.Log(errOut)
	if code == exitOK || !strings.Contains(errOut, "sts:GetCallerIdentity") || !strings.Contains(errOut, "제때 응답하지 않았습니다") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	if took > 30*time.Second {
		t.Errorf("took %v, limit 30 s", took)
	}
}

func TestSilentEndpointVerify(t *testing.T) {
	testpeer.MotoServer(t)
	dir := debianRoot(t)
	if code, _, errOut := runCLI(t, nil, "apply", "--root", dir, "--yes", "--no-verify"); code != exitOK {
		t.Fatalf("apply: %s", errOut)
	}
	t.Setenv("AWS_ENDPOINT_URL", testpeer.SilentEndpoint(t))
	start := time.Now()
	code, _, errOut := runCLI(t, nil, "verify", "--root", dir, "--wait", "5s", "--lang", "en")
	took := time.Since(start)
	t.Logf("verify --wait 5s against a silent endpoint: exit %d after %v", code, took.Round(10*time.Millisecond))
	t.Log(errOut)
	if code == exitOK || !strings.Contains(errOut, "AWS did not answer in time") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	if took > 15*time.Second {
		t.Errorf("took %v, limit 15 s (--wait 5s + 10 s)", took)
	}
}
