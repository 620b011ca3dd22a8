package main

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/aws"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
)

type detectEC2JSON struct {
	EC2         *aws.EC2Facts  `json:"ec2"`
	EC2Reason   string         `json:"ec2_reason"`
	DecidedBy   string         `json:"ec2_decided_by"`
	Machine     detect.Machine `json:"machine_identity"`
	Credentials string         `json:"credentials"`
	OS          any            `json:"os"`
}

// machineRoot, when set (useMachineRoot), is the --root runWith passes
// first: the machine identity iam setup and iam policy read before IMDS.
var machineRoot string

func useMachineRoot(t testing.TB, dir string) {
	machineRoot = dir
	t.Cleanup(func() { machineRoot = "" })
}

// writeDMI writes DMI identity files (paths under sys/) into the root dir.
func writeDMI(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for p, s := range files {
		lp := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(lp), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(lp, []byte(s+"\n"), 0o444); err != nil {
			t.Fatal(err)
		}
	}
}

// ec2MachineRoot is a root whose DMI says it is a Nitro EC2 instance, so
// IMDS gets aws.EC2Budget: tests on the instance path never depend on the
// 300 ms not-EC2 guess on a loaded machine.
func ec2MachineRoot(t testing.TB) string {
	dir := t.TempDir()
	writeOSRelease(t, dir)
	writeDMI(t, dir, map[string]string{"sys/class/dmi/id/sys_vendor": "Amazon EC2",
		"sys/class/dmi/id/board_asset_tag": "i-0abc1234def567890"})
	return dir
}

// otherMachineRoot is a root whose DMI says it is a KVM machine elsewhere.
func otherMachineRoot(t testing.TB) string {
	dir := t.TempDir()
	writeOSRelease(t, dir)
	writeDMI(t, dir, map[string]string{"sys/class/dmi/id/sys_vendor": "QEMU", "sys/class/dmi/id/board_asset_tag": ""})
	return dir
}

func writeOSRelease(t testing.TB, dir string) {
	if err := os.MkdirAll(dir+"/etc", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/etc/os-release", []byte("ID=debian\nVERSION_ID=\"12\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func detectEC2(t *testing.T, root string) detectEC2JSON {
	t.Helper()
	code, out, errOut := runWith("", "detect", "--json", "--root", root)
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
	root := ec2MachineRoot(t)
	got := detectEC2(t, root)
	if got.EC2 == nil || got.EC2.InstanceID != "i-0abc1234def567890" || got.EC2.RoleName != "cwsetup-cloudwatch-agent" ||
		got.EC2Reason != "" || got.DecidedBy != decidedByIMDS || got.Machine != (detect.Machine{Verdict: detect.MachineEC2, Evidence: "sys_vendor"}) {
		t.Errorf("on EC2 with role: %+v %+v", got, got.EC2)
	}
	_, _, errOut := runWith("", "--lang", "en", "detect", "--root", root)
	if !strings.Contains(errOut, "EC2: i-0abc1234def567890 (t3.micro) in ap-northeast-2") ||
		!strings.Contains(errOut, "role attached: cwsetup-cloudwatch-agent") {
		t.Errorf("human report:\n%s", errOut)
	}
}

func TestDetectNotEC2(t *testing.T) {
	offEC2(t)
	root := otherMachineRoot(t)
	got := detectEC2(t, root)
	// Refused at once, or (on a loaded machine) no answer in 300 ms: the
	// machine's identity decided either way.
	if got.EC2 != nil || got.EC2Reason != aws.ReasonRefused && got.EC2Reason != aws.ReasonTimeout ||
		got.DecidedBy != decidedByMachine || got.Machine.Verdict != detect.MachineNotEC2 || got.Credentials != aws.CredNone {
		t.Errorf("off EC2: %+v", got)
	}
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", testpeer.SilentEndpoint(t))
	t.Setenv("AWS_ACCESS_KEY_ID", testpeer.FakeAccessKeyID)
	t.Setenv("AWS_SECRET_ACCESS_KEY", testpeer.FakeSecretAccessKey)
	if got := detectEC2(t, root); got.EC2 != nil || got.EC2Reason != aws.ReasonTimeout || got.Credentials != aws.CredEnv {
		t.Errorf("IMDS silent, keys in env: %+v", got)
	}
	_, _, errOut := runWith("", "--lang", "ko", "detect", "--root", root)
	if !strings.Contains(errOut, "EC2 인스턴스가 아님") || !strings.Contains(errOut, "홉 제한") || !strings.Contains(errOut, "환경 변수") {
		t.Errorf("human report:\n%s", errOut)
	}
	// No machine identity at all (a container): the 300 ms guess decides.
	if got := detectEC2(t, minimalRoot(t)); got.EC2 != nil || got.DecidedBy != decidedByTimeout ||
		got.Machine.Verdict != detect.MachineUnknown {
		t.Errorf("no DMI: %+v", got)
	}
}

// TestDetectEC2SilentIMDS: the machine says EC2 and IMDS never answers: it
// is reported as an EC2 instance whose metadata did not answer, never as
// "not EC2".
func TestDetectEC2SilentIMDS(t *testing.T) {
	offEC2(t)
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", testpeer.SilentEndpoint(t))
	root := ec2MachineRoot(t)
	got := detectEC2(t, root)
	if got.EC2 != nil || got.EC2Reason != aws.ReasonEC2Silent || got.DecidedBy != decidedByMachine || !got.Machine.EC2() {
		t.Errorf("EC2, IMDS silent: %+v", got)
	}
	for lang, want := range map[string]string{"en": "EC2 instance, details unknown", "ko": "EC2 인스턴스이지만 세부 정보를 알 수 없음"} {
		_, _, errOut := runWith("", "--lang", lang, "detect", "--root", root)
		if !strings.Contains(errOut, want) || strings.Contains(errOut, "Not an EC2") || strings.Contains(errOut, "EC2 인스턴스가 아님") {
			t.Errorf("%s report:\n%s", lang, errOut)
		}
	}
	code, _, errOut := runWith("", "--lang", "en", "--root", root, "iam", "setup")
	if code != exitUsage || !strings.Contains(errOut, "the machine says it is an EC2 instance") {
		t.Errorf("iam setup without an instance id: exit %d\n%s", code, errOut)
	}
}

// minimalRoot is a filesystem root with just an os-release (no DMI).
func minimalRoot(t *testing.T) string {
	dir := t.TempDir()
	writeOSRelease(t, dir)
	return dir
}

// slowIMDS is ec2-metadata-mock behind a proxy that answers each request
// after delay, as a loaded t2 out of CPU credits does.
func slowIMDS(b testing.TB, delay time.Duration) string {
	target, err := url.Parse(testpeer.IMDS(b, testpeer.TestInstance("")))
	if err != nil {
		b.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(delay)
		proxy.ServeHTTP(w, r)
	})}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	go srv.Serve(ln)
	b.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// BenchmarkIdentifyEC2 times the EC2 decision (docs/architecture.md): an EC2 machine
// whose IMDS answers each request after 800 ms is still found (within
// aws.EC2Budget); a machine whose DMI says it is not EC2, with IMDS silent,
// is "not EC2" within 300 ms.
func BenchmarkIdentifyEC2(b *testing.B) {
	for _, c := range []struct {
		name   string
		root   func(testing.TB) string
		imds   func(testing.TB) string
		found  bool
		target time.Duration
	}{
		{"ec2-dmi/imds-800ms", ec2MachineRoot, func(b testing.TB) string { return slowIMDS(b, 800*time.Millisecond) }, true, aws.EC2Budget},
		{"other-dmi/imds-silent", otherMachineRoot, testpeer.SilentEndpoint, false, aws.NotEC2Budget},
	} {
		b.Run(c.name, func(b *testing.B) {
			offEC2Bench(b)
			b.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", c.imds(b))
			r, err := host.Open(c.root(b))
			if err != nil {
				b.Fatal(err)
			}
			var worst time.Duration
			for b.Loop() {
				start := time.Now()
				id := identifyEC2(context.Background(), r)
				worst = max(worst, time.Since(start))
				if (id.Facts != nil) != c.found {
					b.Fatalf("found %v, want %v: %v", id.Facts != nil, c.found, id.Err)
				}
			}
			b.ReportMetric(float64(worst.Milliseconds()), "worst-ms")
			if worst > c.target+100*time.Millisecond {
				b.Errorf("decision took %v, target %v", worst, c.target)
			}
		})
	}
}

func offEC2Bench(b *testing.B) {
	for k, v := range map[string]string{"AWS_EC2_METADATA_DISABLED": "", "AWS_REGION": "", "AWS_PROFILE": "",
		"AWS_CONFIG_FILE": os.DevNull, "AWS_SHARED_CREDENTIALS_FILE": os.DevNull} {
		b.Setenv(k, v)
	}
}
