package alarms

import "github.com/cwsetup/cwsetup/wizard/plan"

// SecurityGroups are the log groups of the answers that hold the auth log
// (auth.log, secure, or the journal's auth facilities), where the security
// metric filters belong.
func SecurityGroups(a plan.Answers) []string { return a.SecurityGroups() }
