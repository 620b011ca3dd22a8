package iamsetup

import (
	"slices"
	"testing"

	"github.com/cwsetup/cwsetup/render"
)

func oursPolicy(t *testing.T) string {
	t.Helper()
	in := render.PolicyInput{Region: "ap-northeast-2", Account: "123456789012", Prefix: "/ec2/",
		AgentCreatesGroups: true, AgentSetsRetention: true, Metrics: true}
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	return string(render.LeastPrivilegePolicy(in).JSON())
}

func TestBeyond(t *testing.T) {
	ours := oursPolicy(t)
	for _, c := range []struct {
		name, doc string
		want      []Grant
	}{
		{"ours itself", ours, nil},
		{"admin", `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`, []Grant{{"*", "*"}}},
		{"narrower log group", `{"Statement":[{"Effect":"Allow","Action":["logs:PutLogEvents"],
			"Resource":"arn:aws:logs:ap-northeast-2:123456789012:log-group:/ec2/nginx/access:log-stream:*"}]}`, nil},
		{"other region", `{"Statement":[{"Effect":"Allow","Action":"logs:PutLogEvents",
			"Resource":"arn:aws:logs:us-east-1:123456789012:log-group:/ec2/*"}]}`,
			[]Grant{{"logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/ec2/*"}}},
		{"action wildcard", `{"Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"arn:aws:logs:ap-northeast-2:123456789012:log-group:/ec2/*"}]}`,
			[]Grant{{"logs:*", "arn:aws:logs:ap-northeast-2:123456789012:log-group:/ec2/*"}}},
		{"case of actions", `{"Statement":[{"Effect":"Allow","Action":"LOGS:putlogevents","Resource":"arn:aws:logs:ap-northeast-2:123456789012:log-group:/ec2/a"}]}`, nil},
		{"metrics without the namespace condition", `{"Statement":[{"Effect":"Allow","Action":"cloudwatch:PutMetricData","Resource":"*"}]}`,
			[]Grant{{"cloudwatch:PutMetricData", "*"}}},
		{"metrics with it", `{"Statement":[{"Effect":"Allow","Action":"cloudwatch:PutMetricData","Resource":"*",
			"Condition":{"StringEquals":{"cloudwatch:namespace":"CWAgent"}}}]}`, nil},
		{"deny only", `{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}`, nil},
		{"NotAction", `{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}`, []Grant{{"NotAction iam:*", "*"}}},
		{"unreadable", `not json`, []Grant{{"?", "?"}}},
	} {
		if got := Beyond(ours, c.doc); !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestTrustedPrincipals(t *testing.T) {
	for _, c := range []struct {
		doc          string
		all, foreign []string
	}{
		{string(render.TrustPolicy().JSON()), []string{"Service ec2.amazonaws.com"}, nil},
		{`{"Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com"],"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}]}`,
			[]string{"AWS arn:aws:iam::999999999999:root", "Service ec2.amazonaws.com"}, []string{"AWS arn:aws:iam::999999999999:root"}},
		{`{"Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}}`, []string{"*"}, []string{"*"}},
		{`{"Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"},
			{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}`,
			[]string{"Service lambda.amazonaws.com"}, []string{"Service lambda.amazonaws.com"}},
	} {
		all, foreign := TrustedPrincipals(c.doc)
		if !slices.Equal(all, c.all) || !slices.Equal(foreign, c.foreign) {
			t.Errorf("%s: %q %q, want %q %q", c.doc, all, foreign, c.all, c.foreign)
		}
	}
}

func TestGlob(t *testing.T) {
	for _, c := range []struct {
		p, s string
		want bool
	}{
		{"a*", "abc", true}, {"a*c", "abc", true}, {"a*c", "abd", false}, {"*", "", true},
		{"a?c", "abc", true}, {"a?c", "ac", false}, {"/ec2/*", "*", false}, {"/ec2/*", "/ec2/*", true},
	} {
		if got := glob(c.p, c.s); got != c.want {
			t.Errorf("glob(%q, %q) = %v", c.p, c.s, got)
		}
	}
}

func TestSameDocument(t *testing.T) {
	want := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole"],"Principal":{"Service":"ec2.amazonaws.com"}}]}`
	stored := `%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22sts%3AAssumeRole%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%7D%5D%7D`
	if !SameDocument(stored, want) || SameDocument("garbage", want) {
		t.Error("SameDocument")
	}
}
