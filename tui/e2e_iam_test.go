package tui

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/internal/fakectl/ctltest"
	"github.com/cwsetup/cwsetup/internal/testpeer"
)

// TestE2EAccessibleCreateRole: in accessible mode, "create it now" plans,
// asks for confirmation, creates the role in AWS (moto) and reports it;
// no at Apply then ends the wizard (exit 130) with the server unchanged
// and the IAM changes listed.
func TestE2EAccessibleCreateRole(t *testing.T) {
	m := testpeer.MotoServer(t)
	inst := testpeer.TestInstance("")
	inst.ID = m.RunInstance(t)
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", testpeer.IMDS(t, inst))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "")
	t.Setenv("AWS_REGION", "")
	bin, root := buildBinary(t), fixtureRoot(t)
	ctltest.Install(t, root)
	before := treeSum(t, root)
	x := newTmux(t, 100, 50, fmt.Sprintf("env LANG=C %s --accessible --lang en --root %s", bin, shellQuote(root)))
	steps := []struct{ wait, line string }{
		{"Type a number from 1 to 2", "2"},
		{"Continue with this host?", ""},
		{"== step 3 of 12: Services and logs ==", "0"},
		{"Change a log's group name or retention", ""},
		{"Add a log of your own", ""},
		{"== step 4 of 12: Server type ==", ""},
		{"== step 5 of 12: Destination ==", ""},
		{"Log stream name", ""},
		{"Retention for service and system logs", ""},
		{"Retention for security logs", ""},
		{"Log group class", ""},
		{"Metrics to publish", "0"},
		{"Add the InstanceId dimension?", ""},
		{"Security alarms (optional)", ""},
		{"Alarm threshold", ""},
		{"Alarm period (seconds)", ""},
		{"SNS topic ARN to notify", ""},
		{"How do you want to attach the role?", "1"},
		{"changes in AWS now?", "y"},
		{"The role is attached", noInput},
		{"Apply this configuration to the server now?", "n"},
	}
	for _, s := range steps {
		x.waitForLong(s.wait, 90*time.Second)
		if strings.HasPrefix(s.wait, "changes in AWS") && len(listRoles(t, m)) != 0 {
			t.Fatalf("roles exist before the confirmation: %v", listRoles(t, m))
		}
		if s.line == noInput {
			continue
		}
		time.Sleep(50 * time.Millisecond)
		x.line(s.line)
	}
	x.waitForLong("EXIT=130", 30*time.Second)
	if s := x.screen(); !strings.Contains(s, "in AWS the IAM step made these changes") || !strings.Contains(s, "cwsetup-cloudwatch-agent") {
		t.Errorf("the end does not list what the IAM step made:\n%s", s)
	}
	if !strings.Contains(x.screen(), "To set up this server later") {
		t.Errorf("no next step after quitting with the role made:\n%s", x.screen())
	}
	if roles := listRoles(t, m); !strings.Contains(strings.Join(roles, " "), "cwsetup-cloudwatch-agent") {
		t.Errorf("roles in AWS after the confirmation: %v", roles)
	}
	if treeSum(t, root) != before {
		t.Error("no at Apply changed the server")
	}
}

// listRoles asks moto for the IAM role names (query protocol; moto does
// not check signatures).
func listRoles(t *testing.T, m *testpeer.Moto) []string {
	t.Helper()
	form := url.Values{"Action": {"ListRoles"}, "Version": {"2010-05-08"}}
	req, err := http.NewRequest(http.MethodPost, m.Endpoint+"/", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+testpeer.FakeAccessKeyID+"/20261125/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("moto ListRoles: HTTP %d: %s", resp.StatusCode, body)
	}
	var names []string
	for _, part := range strings.Split(string(body), "<RoleName>")[1:] {
		names = append(names, part[:strings.Index(part, "</RoleName>")])
	}
	return names
}
