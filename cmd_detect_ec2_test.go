package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/aws"
	"github.com/cwsetup/cwsetup/internal/testpeer"
)

type detectEC2JSON struct {
	EC2         *aws.EC2Facts `json:"ec2"`
	EC2Reason   string        `json:"ec2_reason"`
	Credentials string        `json:"credentials"`
	OS          any           `json:"os"`
}

// minimalRoot is a filesystem root with just an os-release.
func minimalRoot(t *testing.T) string {
	dir := t.TempDir()
	if err := os.MkdirAll(dir+"/etc", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/etc/os-release", []byte("ID=debian\nVERSION_ID=\"12\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func detectEC2(t *testing.T) detectEC2JSON {
	t.Helper()
	code, out, errOut := runWith("", "detect", "--json", "--root", minimalRoot(t))
	var got detectEC2JSON
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitOK {
		t.Fatalf("detect --json: exit %d, %v\n%s\n%s", code, err, out, errOut)
	}
	if got.OS == nil {
		t.Error("host report missing beside the ec2 section")
	}
	return got
}

func TestDetectEC2WithRole(t *testing.T) {
	offEC2(t)
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", testpeer.IMDS(t, testpeer.TestInstance("cwsetup-cloudwatch-agent")))
	got := detectEC2(t)
	if got.EC2 == nil || got.EC2.InstanceID != "i-0abc1234def567890" || got.EC2.RoleName != "cwsetup-cloudwatch-agent" ||
		got.EC2Reason != "" || got.Credentials != aws.CredInstanceRole {
		t.Errorf("on EC2 with role: %+v %+v", got, got.EC2)
	}
	_, _, errOut := runWith("", "--lang", "en", "detect", "--root", minimalRoot(t))
	if !strings.Contains(errOut, "EC2: i-0abc1234def567890 (t3.micro) in ap-northeast-2") ||
		!strings.Contains(errOut, "role attached: cwsetup-cloudwatch-agent") || !strings.Contains(errOut, "instance role (IMDS)") {
		t.Errorf("human report:\n%s", errOut)
	}
}

func TestDetectNotEC2(t *testing.T) {
	offEC2(t)
	got := detectEC2(t)
	if got.EC2 != nil || got.EC2Reason != aws.ReasonRefused || got.Credentials != aws.CredNone {
		t.Errorf("off EC2: %+v", got)
	}
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", testpeer.SilentEndpoint(t))
	t.Setenv("AWS_ACCESS_KEY_ID", testpeer.FakeAccessKeyID)
	t.Setenv("AWS_SECRET_ACCESS_KEY", testpeer.FakeSecretAccessKey)
	if got := detectEC2(t); got.EC2 != nil || got.EC2Reason != aws.ReasonTimeout || got.Credentials != aws.CredEnv {
		t.Errorf("IMDS silent, keys in env: %+v", got)
	}
	_, _, errOut := runWith("", "--lang", "ko", "detect", "--root", minimalRoot(t))
	if !strings.Contains(errOut, "EC2 인스턴스가 아님") || !strings.Contains(errOut, "홉 제한") || !strings.Contains(errOut, "환경 변수") {
		t.Errorf("human report:\n%s", errOut)
	}
}
