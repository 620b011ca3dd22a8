package render

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The -update flag may be registered by another test file of this package
// too, so register it only once and read it by name.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata/")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s", name, got)
	}
}

func seoul() PolicyInput {
	return PolicyInput{Region: "ap-northeast-2", Account: "123456789012", Prefix: "/ec2/",
		AgentCreatesGroups: true, AgentSetsRetention: true, Metrics: true}
}

func TestIAMGoldens(t *testing.T) {
	full := seoul()
	full.DescribeTags, full.DescribeVolumes = true, true
	minimal := seoul()
	minimal.AgentCreatesGroups, minimal.AgentSetsRetention, minimal.Metrics = false, false, false
	for _, c := range []struct {
		file, format string
		in           PolicyInput
	}{
		{"iam-default.json", FormatJSON, seoul()},
		{"iam-full.json", FormatJSON, full},
		{"iam-minimal.json", FormatJSON, minimal},
		{"iam-default.tf", FormatTerraform, seoul()},
		{"iam-default.cfn.json", FormatCloudFormation, seoul()},
	} {
		got, err := IAMBundle(c.in, c.format, "")
		if err != nil {
			t.Fatal(err)
		}
		golden(t, c.file, got)
	}
}

// actions collects every action a policy allows, with its resources.
func actions(d PolicyDocument) map[string][]string {
	m := map[string][]string{}
	for _, s := range d.Statement {
		for _, a := range s.Action {
			m[a] = append(m[a], s.Resource...)
		}
	}
	return m
}

func TestLeastPrivilegeShape(t *testing.T) {
	in := seoul()
	in.Prefix = "/web/"
	got := actions(LeastPrivilegePolicy(in))
	want := []string{"arn:aws:logs:ap-northeast-2:123456789012:log-group:/web/*",
		"arn:aws:logs:ap-northeast-2:123456789012:log-group:/web/*:log-stream:*"}
	if !slices.Equal(got["logs:PutLogEvents"], want) {
		t.Errorf("PutLogEvents on %v, want %v", got["logs:PutLogEvents"], want)
	}
	if r := got["logs:DescribeLogGroups"]; len(r) != 1 || r[0] != "arn:aws:logs:ap-northeast-2:123456789012:log-group:*" {
		t.Errorf("DescribeLogGroups on %v", r)
	}
	for a, res := range got {
		for _, r := range res {
			if r == "*" && a != "cloudwatch:PutMetricData" && !strings.HasPrefix(a, "ec2:") {
				t.Errorf("%s allowed on *", a)
			}
		}
	}
	if _, ok := got["ec2:DescribeTags"]; ok {
		t.Error("DescribeTags without need")
	}
	in.AgentSetsRetention = false
	if _, ok := actions(LeastPrivilegePolicy(in))["logs:PutRetentionPolicy"]; ok {
		t.Error("PutRetentionPolicy although retention is not managed by the agent")
	}
	// The metric statement is conditioned on the agent's namespace.
	for _, s := range LeastPrivilegePolicy(seoul()).Statement {
		if slices.Contains(s.Action, "cloudwatch:PutMetricData") {
			b, _ := json.Marshal(s.Condition)
			if string(b) != `{"StringEquals":{"cloudwatch:namespace":"CWAgent"}}` {
				t.Errorf("condition %s", b)
			}
		}
	}
}

func TestPolicyInputValidate(t *testing.T) {
	for _, c := range []struct {
		mod   func(*PolicyInput)
		field string
	}{
		{func(p *PolicyInput) { p.Region = "seoul" }, "region"},
		{func(p *PolicyInput) { p.Region = "" }, "region"},
		{func(p *PolicyInput) { p.Account = "12345" }, "account"},
		{func(p *PolicyInput) { p.Prefix = "" }, "prefix"},
		{func(p *PolicyInput) { p.Prefix = "/ec2/*" }, "prefix"},
		{func(p *PolicyInput) { p.Prefix = "/ec2/${x}" }, "prefix"},
		{func(p *PolicyInput) { p.RoleName = "bad name" }, "role-name"},
		{func(p *PolicyInput) {}, ""},
	} {
		in := seoul()
		c.mod(&in)
		err := in.Validate()
		pe, _ := err.(*PolicyError)
		switch {
		case c.field == "" && err != nil:
			t.Errorf("valid input rejected: %v", err)
		case c.field != "" && (pe == nil || pe.Field != c.field):
			t.Errorf("want error on %s, got %v", c.field, err)
		}
	}
	if _, err := IAMBundle(seoul(), "yaml", ""); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestJSONParts(t *testing.T) {
	pol, _ := IAMBundle(seoul(), FormatJSON, "policy")
	if !bytes.Equal(pol, LeastPrivilegePolicy(seoul()).JSON()) {
		t.Error("policy part differs")
	}
	tr, _ := IAMBundle(seoul(), FormatJSON, "trust")
	var d PolicyDocument
	if err := json.Unmarshal(tr, &d); err != nil || d.Statement[0].Principal.Service != "ec2.amazonaws.com" {
		t.Errorf("trust part: %s %v", tr, err)
	}
}

// TestFleetParameterStatement: --fleet-parameter adds exactly
// ssm:GetParameter on that parameter's ARN, and nothing of SSM otherwise.
func TestFleetParameterStatement(t *testing.T) {
	in := seoul()
	for _, s := range LeastPrivilegePolicy(in).Statement {
		for _, a := range s.Action {
			if strings.HasPrefix(a, "ssm:") {
				t.Fatalf("ssm action without --fleet-parameter: %+v", s)
			}
		}
	}
	in.FleetParameter = "/cwsetup/web"
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	var ssm []Statement
	for _, s := range LeastPrivilegePolicy(in).Statement {
		for _, a := range s.Action {
			if strings.HasPrefix(a, "ssm:") {
				ssm = append(ssm, s)
			}
		}
	}
	if len(ssm) != 1 || !slices.Equal(ssm[0].Action, []string{"ssm:GetParameter"}) ||
		!slices.Equal(ssm[0].Resource, []string{"arn:aws:ssm:ap-northeast-2:123456789012:parameter/cwsetup/web"}) || ssm[0].Condition != nil {
		t.Errorf("fleet statement %+v", ssm)
	}
	for _, bad := range []string{"/cwsetup/web:3", "/cwsetup/*", "a b", "/x/"} {
		in.FleetParameter = bad
		if err := in.Validate(); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
