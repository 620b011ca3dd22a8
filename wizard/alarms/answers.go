package alarms

import (
	"slices"

	"github.com/cwsetup/cwsetup/wizard/plan"
)

// SecurityGroups are the log groups of the answers that hold the auth log
// (auth.log, secure, or the journal's auth facilities), where the security
// metric filters belong.
func SecurityGroups(a plan.Answers) []string {
	var out []string
	for _, l := range a.Logs {
		sec := plan.IsSecurityLog(l.Path) || l.Journal != nil && l.Name == "secure"
		if g := a.GroupName(l); sec && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out
}
