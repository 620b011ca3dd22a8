package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/host"
)

func TestConsoleLogGroupsURL(t *testing.T) {
	for region, want := range map[string]string{
		"ap-northeast-2": "https://ap-northeast-2.console.aws.amazon.com/cloudwatch/home?region=ap-northeast-2#logsV2:log-groups",
		"cn-north-1":     "https://console.amazonaws.cn/cloudwatch/home?region=cn-north-1#logsV2:log-groups",
		"us-gov-west-1":  "https://console.amazonaws-us-gov.com/cloudwatch/home?region=us-gov-west-1#logsV2:log-groups",
		"":               "",
	} {
		if got := ConsoleLogGroupsURL(region); got != want {
			t.Errorf("%q: %s, want %s", region, got, want)
		}
	}
}

func TestNextSteps(t *testing.T) {
	cfg := []byte(`{"logs":{"logs_collected":{"files":{"collect_list":[
	  {"file_path":"/var/log/syslog","log_group_name":"/ec2/system/syslog"},
	  {"file_path":"/var/log/auth.log","log_group_name":"/ec2/system/auth"},
	  {"file_path":"/var/log/x","log_group_name":"/ec2/system/syslog"}]}}}}`)
	n := NextSteps(cfg, &agent.ApplyResult{Backup: agent.ConfigPath + ".bak.20261125T070000Z"}, "ap-northeast-2")
	if !slices.Equal(n.Groups, []string{"/ec2/system/syslog", "/ec2/system/auth"}) {
		t.Errorf("groups %v", n.Groups)
	}
	if n.Tail != "aws logs tail /ec2/system/syslog --follow --region ap-northeast-2" {
		t.Errorf("tail %q", n.Tail)
	}
	if len(n.Undo) != 2 || n.Undo[0] != "sudo cp "+n.Backup+" "+agent.ConfigPath {
		t.Errorf("undo %q", n.Undo)
	}
	if rec := NextSteps(cfg, &agent.ApplyResult{Recorded: true, Backup: "x"}, ""); len(rec.Undo) != 1 || rec.Undo[0] != "sudo cwsetup undo" {
		t.Errorf("recorded apply: undo %q", rec.Undo)
	}
	fresh := NextSteps(cfg, &agent.ApplyResult{}, "")
	if fresh.ConsoleURL != "" || fresh.Backup != "" || len(fresh.Undo) != 1 || fresh.Tail != "aws logs tail /ec2/system/syslog --follow" {
		t.Errorf("no backup, no region: %+v", fresh)
	}
}

func TestAgentRegion(t *testing.T) {
	dir := t.TempDir()
	r, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	imds := Ports{Instance: func(context.Context) (Instance, error) { return Instance{Region: "eu-west-1"}, nil }}
	if got := AgentRegion(context.Background(), r, imds); got != "eu-west-1" {
		t.Errorf("from IMDS: %q", got)
	}
	env := imds
	env.Getenv = func(k string) string { return map[string]string{"AWS_REGION": "us-east-2"}[k] }
	if got := AgentRegion(context.Background(), r, env); got != "" {
		t.Errorf("the SDK's configured region wins over IMDS: %q", got)
	}
	p := filepath.Join(dir, agent.ConfigPath)
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, []byte(`{"agent":{"region":"ap-south-1"}}`), 0o644)
	if got := AgentRegion(context.Background(), r, env); got != "ap-south-1" {
		t.Errorf("the config's agent.region first: %q", got)
	}
}
