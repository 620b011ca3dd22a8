package testpeer

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The AWS test peers: moto_server (IAM, EC2, STS, Logs, CloudWatch) and
// amazon-ec2-metadata-mock (IMDSv2). Nothing here imports the AWS SDK (aws/
// is its only importer): tests point the SDK's standard environment
// variables at the peers, exactly as a user would, with no test hooks.

// MotoAccount is the account moto_server answers for.
const MotoAccount = "123456789012"

// TestRegion is the region tests use (Seoul).
const TestRegion = "ap-northeast-2"

// Fake credentials for tests. They are in the format of real keys so that
// a leak would be recognisable, and they appear in no documentation.
const (
	FakeAccessKeyID     = "AKIACWSETUPTEST4LEAK"
	FakeSecretAccessKey = "cwsetupFakeSecretKey/ShouldNeverBePrinted+0"
	FakeSessionToken    = "cwsetupFakeSessionTokenNeverPrintedAnywhere0123456789"
)

// Moto is a running moto_server shared by the tests of one package.
type Moto struct {
	Endpoint string // http://127.0.0.1:PORT
	cmd      *exec.Cmd
}

var (
	motoMu   sync.Mutex
	motoProc *Moto
	motoErr  error
)

// MotoServer returns this test package's moto_server, started on first use,
// with all its state wiped for the calling test, and sets the environment
// (t.Setenv) so the SDK's default configuration talks to it with fake
// credentials. Tests using it must not run in parallel. Without moto_server
// on PATH the test skips (fails under CI=true).
//
// The server lives until the test binary exits; call StopMoto from TestMain
// (RunMain does) to end it promptly. It is also killed if the test binary
// dies (parent-death signal).
func MotoServer(t testing.TB) *Moto {
	t.Helper()
	motoMu.Lock()
	defer motoMu.Unlock()
	if motoProc == nil && motoErr == nil {
		motoProc, motoErr = startMoto()
	}
	if motoErr != nil {
		if errors.Is(motoErr, exec.ErrNotFound) {
			Missing(t, "moto_server not on PATH (pyenv Python with moto 5.2.1; see scripts/peers.d/aws.sh)")
		}
		t.Fatalf("moto_server: %v", motoErr)
	}
	if err := motoProc.Reset(); err != nil {
		t.Fatalf("moto reset: %v", err)
	}
	SetAWSEnv(t, motoProc.Endpoint)
	return motoProc
}

// SetAWSEnv points the SDK's standard configuration at endpoint (all
// services) with the fake credentials and TestRegion; shared config files
// and the real IMDS are switched off so nothing of the machine leaks in.
func SetAWSEnv(t testing.TB, endpoint string) {
	t.Helper()
	dir := t.TempDir()
	for k, v := range map[string]string{
		"AWS_ENDPOINT_URL":            endpoint,
		"AWS_REGION":                  TestRegion,
		"AWS_DEFAULT_REGION":          "",
		"AWS_ACCESS_KEY_ID":           FakeAccessKeyID,
		"AWS_SECRET_ACCESS_KEY":       FakeSecretAccessKey,
		"AWS_SESSION_TOKEN":           FakeSessionToken,
		"AWS_PROFILE":                 "",
		"AWS_CONFIG_FILE":             filepath.Join(dir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE": filepath.Join(dir, "credentials"),
		"AWS_EC2_METADATA_DISABLED":   "true",
	} {
		t.Setenv(k, v)
	}
}

// Reset wipes every service's state.
func (m *Moto) Reset() error {
	resp, err := http.Post(m.Endpoint+"/moto-api/reset", "application/json", nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("reset: HTTP %d", resp.StatusCode)
	}
	return nil
}

var motoRunning = regexp.MustCompile(`Running on (http://127\.0\.0\.1:\d+)`)

func startMoto(env ...string) (*Moto, error) {
	bin, err := exec.LookPath("moto_server")
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "-H", "127.0.0.1", "-p", "0")
	cmd.Env = append(append(os.Environ(), "MOTO_IAM_LOAD_MANAGED_POLICIES=true"), env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	cmd.Stdout = io.Discard
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := motoRunning.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
	}()
	select {
	case ep := <-found:
		return &Moto{Endpoint: ep, cmd: cmd}, nil
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, errors.New("did not start within 20 s")
	}
}

// StopMoto ends the package's moto_server, if one was started.
func StopMoto() {
	motoMu.Lock()
	defer motoMu.Unlock()
	if motoProc != nil {
		_ = motoProc.cmd.Process.Kill()
		_ = motoProc.cmd.Wait()
		motoProc = nil
	}
}

// RunMain runs a package's tests and stops the AWS peers afterwards:
//
//	func TestMain(m *testing.M) { os.Exit(testpeer.RunMain(m)) }
func RunMain(m *testing.M) int {
	code := m.Run()
	StopMoto()
	return code
}

// Instance describes the EC2 instance ec2-metadata-mock pretends to be.
// An empty Role means no instance profile is attached.
type Instance struct {
	ID, Type, Region, AZ, Account, Role string
}

// TestInstance is a t3.micro in Seoul with the given role attached.
func TestInstance(role string) Instance {
	return Instance{ID: "i-0abc1234def567890", Type: "t3.micro", Region: TestRegion,
		AZ: TestRegion + "a", Account: MotoAccount, Role: role}
}

var (
	aemmOnce sync.Once
	aemmBin  string
	aemmErr  error
)

// AEMMModule is the pinned ec2-metadata-mock (also a tool in go.mod).
const AEMMModule = "github.com/aws/amazon-ec2-metadata-mock/cmd/ec2-metadata-mock@v1.13.0"

// aemmBinary finds ec2-metadata-mock: $CWSETUP_AEMM_BIN (set by
// scripts/peers.d/aws.sh), else the tool pinned in go.mod (`go tool -n`
// builds it once into the Go cache), else `go install` of the same version
// into a temporary GOBIN.
func aemmBinary() (string, error) {
	aemmOnce.Do(func() {
		if p := os.Getenv("CWSETUP_AEMM_BIN"); p != "" {
			aemmBin = p
			return
		}
		cmd := exec.Command("go", "tool", "-n", "ec2-metadata-mock")
		cmd.Dir = RepoRoot()
		if out, err := cmd.Output(); err == nil {
			aemmBin = strings.TrimSpace(string(out))
			return
		}
		gobin := filepath.Join(os.TempDir(), "cwsetup-test-tools")
		cmd = exec.Command("go", "install", AEMMModule)
		cmd.Env = append(os.Environ(), "GOBIN="+gobin, "GOFLAGS=")
		if out, err := cmd.CombinedOutput(); err != nil {
			aemmErr = fmt.Errorf("go install %s: %v: %s", AEMMModule, err, out)
			return
		}
		aemmBin = filepath.Join(gobin, "ec2-metadata-mock")
	})
	return aemmBin, aemmErr
}

// IMDS starts an ec2-metadata-mock with IMDSv2 enforced (401 without a
// token) answering for inst, stopped at the end of the test, and returns
// its endpoint (for AWS_EC2_METADATA_SERVICE_ENDPOINT).
func IMDS(t testing.TB, inst Instance) string {
	t.Helper()
	bin, err := aemmBinary()
	if err != nil {
		Missing(t, "ec2-metadata-mock: "+err.Error())
	}
	dir := t.TempDir()
	cfg, err := json.MarshalIndent(aemmConfig(inst), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, "aemm.json")
	if err := os.WriteFile(cfgPath, cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	// AEMM logs "port 0" for -p 0, so take a free port first.
	port := FreePort(t)
	cmd := exec.Command(bin, "-n", "127.0.0.1", "-p", port, "-c", cfgPath)
	cmd.Env = append(os.Environ(), "HOME="+dir) // it would read $HOME/aemm-config.json
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatalf("ec2-metadata-mock: %v", err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr := "127.0.0.1:" + port
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, 100*time.Millisecond)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("ec2-metadata-mock did not listen on %s", addr)
		}
		time.Sleep(10 * time.Millisecond)
	}
	return "http://" + addr
}

func aemmConfig(inst Instance) map[string]any {
	paths := map[string]string{}
	values := map[string]any{
		"instance-id": inst.ID, "instance-type": inst.Type,
		"placement-region": inst.Region, "placement-availability-zone": inst.AZ,
	}
	if inst.Role != "" {
		paths["iam-security-credentials"] = "/latest/meta-data/iam/security-credentials/" + inst.Role
		values["iam-security-credentials-role"] = inst.Role
		values["iam-info"] = map[string]string{
			"Code": "Success", "LastUpdated": "2026-11-24T00:00:00Z",
			"InstanceProfileArn": "arn:aws:iam::" + inst.Account + ":instance-profile/" + inst.Role,
			"InstanceProfileId":  "AIPAEXAMPLEPROFILEID",
		}
	} else {
		// AEMM lists any route whose path contains the requested one, so
		// the iam routes must move to paths without "iam" to give 404s.
		paths["iam-info"] = "/latest/meta-data/zz-norole/a"
		paths["iam-security-credentials-role"] = "/latest/meta-data/zz-norole/b"
		paths["iam-security-credentials"] = "/latest/meta-data/zz-norole/b/c"
	}
	return map[string]any{
		"imdsv2":   true,
		"metadata": map[string]any{"paths": paths, "values": values},
		"dynamic": map[string]any{"values": map[string]any{"instance-identity-document": map[string]string{
			"accountId": inst.Account, "imageId": "ami-0123456789abcdef0", "availabilityZone": inst.AZ,
			"instanceId": inst.ID, "instanceType": inst.Type, "region": inst.Region,
			"privateIp": "10.0.0.10", "version": "2017-09-30", "architecture": "x86_64",
			"pendingTime": "2026-11-24T00:00:00Z",
		}}},
	}
}

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func FreePort(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	return port
}

// ClosedEndpoint is an http endpoint on 127.0.0.1 where nothing listens
// (connection refused), as on a host whose IMDS is switched off.
func ClosedEndpoint(t testing.TB) string {
	t.Helper()
	return "http://127.0.0.1:" + FreePort(t)
}

// SilentEndpoint accepts connections and never answers, as a blocked or
// unreachable IMDS (hop limit 1 inside a container) looks to a client.
func SilentEndpoint(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c) // held open, never read or answered
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		l.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return "http://" + l.Addr().String()
}

// MotoDenying starts a moto_server of the test's own that enforces IAM:
// it creates a user with no permissions and sets the environment to that
// user's (moto-generated) keys, so every call except STS is AccessDenied.
// It returns the keys so a test can check they are never printed.
func MotoDenying(t testing.TB) (m *Moto, keyID, secret string) {
	t.Helper()
	// The first two requests (CreateUser, CreateAccessKey) are not checked.
	m, err := startMoto("INITIAL_NO_AUTH_ACTION_COUNT=2")
	if errors.Is(err, exec.ErrNotFound) {
		Missing(t, "moto_server not on PATH (pyenv Python with moto 5.2.1; see scripts/peers.d/aws.sh)")
	}
	if err != nil {
		t.Fatalf("moto_server: %v", err)
	}
	t.Cleanup(func() { _ = m.cmd.Process.Kill(); _ = m.cmd.Wait() })
	m.query(t, "iam", url.Values{"Action": {"CreateUser"}, "Version": {"2010-05-08"}, "UserName": {"cwsetup-weak"}})
	body := m.query(t, "iam", url.Values{"Action": {"CreateAccessKey"}, "Version": {"2010-05-08"}, "UserName": {"cwsetup-weak"}})
	id := regexp.MustCompile(`<AccessKeyId>([^<]+)</AccessKeyId>`).FindSubmatch(body)
	sec := regexp.MustCompile(`<SecretAccessKey>([^<]+)</SecretAccessKey>`).FindSubmatch(body)
	if id == nil || sec == nil {
		t.Fatalf("moto CreateAccessKey: %s", body)
	}
	SetAWSEnv(t, m.Endpoint)
	t.Setenv("AWS_ACCESS_KEY_ID", string(id[1]))
	t.Setenv("AWS_SECRET_ACCESS_KEY", string(sec[1]))
	t.Setenv("AWS_SESSION_TOKEN", "")
	return m, string(id[1]), string(sec[1])
}

// query sends one AWS query-protocol request to moto (which routes by the
// credential scope and, unless enforcing IAM, checks no signature).
func (m *Moto) query(t testing.TB, service string, form url.Values) []byte {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, m.Endpoint+"/", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+FakeAccessKeyID+"/20261125/"+TestRegion+
		"/"+service+"/aws4_request, SignedHeaders=host, Signature=0")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("moto %s %s: HTTP %d: %s", service, form.Get("Action"), resp.StatusCode, body)
	}
	return body
}

// RunInstance launches one t3.micro in moto and returns its id. It speaks
// EC2's query protocol directly (moto routes by the credential scope and
// does not check signatures), so tests outside aws/ need no SDK.
func (m *Moto) RunInstance(t testing.TB) string {
	t.Helper()
	body := m.query(t, "ec2", url.Values{"Action": {"RunInstances"}, "Version": {"2016-11-15"},
		"ImageId": {"ami-0123456789abcdef0"}, "InstanceType": {"t3.micro"},
		"MinCount": {"1"}, "MaxCount": {"1"}})
	id := regexp.MustCompile(`<instanceId>(i-[0-9a-f]+)</instanceId>`).FindSubmatch(body)
	if id == nil {
		t.Fatalf("moto RunInstances: %s", body)
	}
	return string(id[1])
}

// RunInstances launches n t3.micro instances in moto carrying tags and
// returns their ids.
func (m *Moto) RunInstances(t testing.TB, n int, tags map[string]string) []string {
	t.Helper()
	form := url.Values{"Action": {"RunInstances"}, "Version": {"2016-11-15"},
		"ImageId": {"ami-0123456789abcdef0"}, "InstanceType": {"t3.micro"},
		"MinCount": {fmt.Sprint(n)}, "MaxCount": {fmt.Sprint(n)}}
	if len(tags) > 0 {
		form.Set("TagSpecification.1.ResourceType", "instance")
		i := 1
		for k, v := range tags {
			form.Set(fmt.Sprintf("TagSpecification.1.Tag.%d.Key", i), k)
			form.Set(fmt.Sprintf("TagSpecification.1.Tag.%d.Value", i), v)
			i++
		}
	}
	body := m.query(t, "ec2", form)
	var ids []string
	seen := map[string]bool{}
	for _, id := range regexp.MustCompile(`<instanceId>(i-[0-9a-f]+)</instanceId>`).FindAllSubmatch(body, -1) {
		if s := string(id[1]); !seen[s] {
			seen[s] = true
			ids = append(ids, s)
		}
	}
	if len(ids) != n {
		t.Fatalf("moto RunInstances: %d ids, want %d: %s", len(ids), n, body)
	}
	return ids
}
