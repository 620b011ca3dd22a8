// Package iamtext renders the IAM setup job's plan and result
// (wizard/iamsetup) for a person, localized: `cwsetup iam setup` prints it
// and the wizard's IAM screen and quit dialog show it. Names and values
// read from AWS go through render.TermSafe.
package iamtext

import (
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/iamsetup"
)

var planKeys = map[iamsetup.Action]i18n.Key{
	iamsetup.Create: i18n.IAMPlanCreate, iamsetup.Update: i18n.IAMPlanUpdate,
	iamsetup.Replace: i18n.IAMPlanReplace, iamsetup.Keep: i18n.IAMPlanKeep,
}

// doneKeys say what was done, by the action planned.
var doneKeys = map[iamsetup.Action]i18n.Key{
	iamsetup.Create: i18n.IAMChangeCreated, iamsetup.Update: i18n.IAMChangeUpdated,
	iamsetup.Replace: i18n.IAMChangeReplaced, iamsetup.Keep: i18n.IAMChangeUnchanged,
}

var resourceKeys = map[iamsetup.Resource]i18n.Key{
	iamsetup.ResRole: i18n.IAMResRole, iamsetup.ResTrust: i18n.IAMResTrust, iamsetup.ResPolicy: i18n.IAMResPolicy,
	iamsetup.ResProfile: i18n.IAMResProfile, iamsetup.ResProfileRole: i18n.IAMResProfileRole,
	iamsetup.ResAssociation: i18n.IAMResAssociation, iamsetup.ResLogGroup: i18n.IAMResLogGroup,
	iamsetup.ResRetention: i18n.IAMResRetention, iamsetup.ResMetricFilter: i18n.IAMResMetricFilter,
	iamsetup.ResAlarm: i18n.IAMResAlarm,
}

// Plan renders a plan: every change, what an existing role holds,
// the notices and the reasons it cannot be applied.
func Plan(p i18n.Printer, account, region string, plan iamsetup.Plan) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(render.TermSafe(s) + "\n") }
	line(p.T(i18n.IAMPlanHeader, account, region))
	for _, c := range plan.Changes {
		line(p.T(planKeys[c.Action], p.T(resourceKeys[c.Resource]), c.Name) + changeDetail(p, c))
	}
	if h := plan.Role; h != nil && (h.GrantsMore() || len(h.Inline) > 0 || len(h.Attached) > 0) {
		line(p.T(i18n.IAMPlanRoleExists, h.Name, h.ARN))
		line(p.T(i18n.IAMPlanTrusts, strings.Join(h.Trusted, ", ")))
		if len(h.Foreign) > 0 {
			line(p.T(i18n.IAMPlanForeign, strings.Join(h.Foreign, ", ")))
		}
		grants := func(hp iamsetup.HeldPolicy) string {
			if len(hp.Beyond) == 0 {
				return p.T(i18n.IAMPlanWithin)
			}
			var gs []string
			for _, g := range hp.Beyond {
				gs = append(gs, p.T(i18n.IAMPlanGrant, g.Action, g.Resource))
			}
			return p.T(i18n.IAMPlanAllows, strings.Join(gs, "; "))
		}
		for _, hp := range h.Inline {
			line(p.T(i18n.IAMPlanInline, hp.Name, grants(hp)))
		}
		for _, hp := range h.Attached {
			line(p.T(i18n.IAMPlanAttached, hp.Name, hp.ARN, grants(hp)))
		}
		if h.Adopted {
			line(p.T(i18n.IAMPlanAdopting, h.Name))
		}
	}
	for _, n := range plan.Notices {
		line(p.Error(n))
	}
	if len(plan.Blocked) > 0 {
		line(p.T(i18n.IAMSetupBlocked))
		for _, e := range plan.Blocked {
			line("  - " + p.Error(e))
		}
	}
	return b.String()
}

// Result renders what Apply did, one line per planned change.
func Result(p i18n.Printer, res iamsetup.Result) string {
	var b strings.Builder
	for _, st := range res.Steps {
		what, res := p.T(resourceKeys[st.Resource]), st.Name
		switch st.Outcome {
		case iamsetup.Done:
			b.WriteString(p.T(doneKeys[st.Action], what, res))
		case iamsetup.Kept:
			b.WriteString(p.T(i18n.IAMChangeUnchanged, what, res))
		case iamsetup.Failed: // the cause follows, as the run's error
			b.WriteString(p.T(i18n.IAMChangeFailed, what, res))
		default:
			b.WriteString(p.T(i18n.IAMChangeSkipped, what, res))
		}
		b.WriteString("\n")
	}
	return render.TermSafe(b.String())
}

// changeDetail is a planned change's from/to, localized.
func changeDetail(p i18n.Printer, c iamsetup.Change) string {
	from, to := c.From, c.To
	if c.Resource == iamsetup.ResRetention {
		days := func(d string) string {
			switch d {
			case "":
				return ""
			case "0":
				return p.T(i18n.IAMPlanNeverExpire)
			}
			return p.T(i18n.IAMPlanDays, d)
		}
		from, to = days(from), days(to)
	}
	switch {
	case from != "" && to != "":
		return p.T(i18n.IAMPlanFromTo, from, to)
	case to != "":
		return p.T(i18n.IAMPlanTo, to)
	}
	return ""
}

// Done lists what Apply changed in AWS, one localized line each
// ("created role …"); nil when nothing was changed.
func Done(p i18n.Printer, res iamsetup.Result) []string {
	var out []string
	for _, st := range res.Steps {
		if st.Outcome == iamsetup.Done {
			out = append(out, render.TermSafe(p.T(doneKeys[st.Action], p.T(resourceKeys[st.Resource]), st.Name)))
		}
	}
	return out
}
