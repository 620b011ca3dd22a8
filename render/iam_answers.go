package render

import (
	"slices"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/plan"
)

// PolicyInputFromAnswers derives the policy's needs from the answers:
// the log-group prefix (and any group named outside it), whether the
// agent applies retention, metrics and DescribeTags. region and account
// are the instance's (the answers' region wins when set).
// agentCreatesGroups is false when cwsetup creates the groups up front.
func PolicyInputFromAnswers(a plan.Answers, region, account string, agentCreatesGroups bool) PolicyInput {
	if a.Region != "" {
		region = a.Region
	}
	prefix := a.GroupPrefix() + "/"
	in := PolicyInput{
		Region: region, Account: account, Prefix: prefix,
		AgentCreatesGroups: agentCreatesGroups,
		AgentSetsRetention: a.ManagesRetention(), // the agent applies retention_in_days whenever the config has it
		Metrics:            a.Metrics.Enabled,
		DescribeTags:       a.NeedsDescribeTags(),
	}
	for _, g := range a.LogGroups() {
		if !strings.HasPrefix(g, prefix) && !slices.Contains(in.Groups, g) {
			in.Groups = append(in.Groups, g)
		}
	}
	return in
}
