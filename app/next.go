package app

import (
	"net/url"
	"slices"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/agent"
)

// Next is what to do after a good apply and verify: where the logs are,
// how to watch them arrive, where the old config went and how to go back.
type Next struct {
	Region string `json:"region,omitempty"`
	// ConsoleURL lists the log groups in the region on the console of the
	// region's partition (aws, aws-cn, aws-us-gov); "" when the region is
	// unknown.
	ConsoleURL string   `json:"console_url,omitempty"`
	Groups     []string `json:"log_groups"`
	// Tail follows the first log group with the AWS CLI.
	Tail string `json:"tail,omitempty"`
	// Config is the host path of the config cwsetup wrote.
	Config string `json:"config"`
	// Backup is the host path of the previous config; "" when there was none.
	Backup string `json:"backup,omitempty"`
	// Undo are the shell commands that put the previous state back:
	// `cwsetup undo` when apply recorded what it changed (the grants, the
	// hook and the config); else the backup restored and loaded, or the
	// agent stopped when there was no config before.
	Undo []string `json:"undo"`
}

// NextSteps builds Next from the config that was applied, its apply
// result and the region verify used.
func NextSteps(cfg []byte, res *agent.ApplyResult, region string) Next {
	n := Next{Region: region, Config: agent.ConfigPath, ConsoleURL: ConsoleLogGroupsURL(region)}
	srcs, _ := agent.SourcesOf(cfg)
	for _, s := range srcs {
		if s.Group != "" && !slices.Contains(n.Groups, s.Group) {
			n.Groups = append(n.Groups, s.Group)
		}
	}
	if len(n.Groups) > 0 {
		n.Tail = "aws logs tail " + shellWord(n.Groups[0]) + " --follow"
		if region != "" {
			n.Tail += " --region " + region
		}
	}
	if res != nil {
		n.Backup = res.Backup
	}
	fetch := "sudo " + agent.CtlPath + " -a fetch-config -m ec2 -s -c file:" + agent.ConfigPath
	switch {
	case res != nil && res.Recorded:
		n.Undo = []string{"sudo cwsetup undo"}
	case n.Backup != "":
		n.Undo = []string{"sudo cp " + shellWord(n.Backup) + " " + agent.ConfigPath, fetch}
	default:
		n.Undo = []string{"sudo " + agent.CtlPath + " -a stop"}
	}
	return n
}

// Partition is the AWS partition a region belongs to.
func Partition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	}
	return "aws"
}

// ConsoleLogGroupsURL is the CloudWatch console page listing the log
// groups of a region; "" for an unknown region.
func ConsoleLogGroupsURL(region string) string {
	if region == "" {
		return ""
	}
	var hostName string
	switch Partition(region) {
	case "aws-cn":
		hostName = "console.amazonaws.cn"
	case "aws-us-gov":
		hostName = "console.amazonaws-us-gov.com"
	default:
		hostName = region + ".console.aws.amazon.com"
	}
	return "https://" + hostName + "/cloudwatch/home?region=" + url.QueryEscape(region) + "#logsV2:log-groups"
}

// shellWord quotes s for a POSIX shell when it needs it.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`*?[]{}()<>|&;#~!") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
