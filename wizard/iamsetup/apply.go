package iamsetup

import (
	"context"

	"github.com/cwsetup/cwsetup/i18n"
)

// Outcome of one planned change.
type Outcome string

const (
	Done    Outcome = "done"
	Kept    Outcome = "unchanged" // planned as Keep
	Failed  Outcome = "failed"
	Skipped Outcome = "not-done" // not tried: an earlier change failed
)

// Step is a planned change and what became of it.
type Step struct {
	Change
	Outcome Outcome `json:"outcome"`
	// Err says why it failed and what to do next (localized).
	Err error `json:"-"`
}

// Result is what Apply did.
type Result struct {
	Steps []Step `json:"steps"`
}

// Changed reports whether anything was changed.
func (r Result) Changed() bool {
	for _, s := range r.Steps {
		if s.Outcome == Done {
			return true
		}
	}
	return false
}

// Failure is the step that failed, or nil.
func (r Result) Failure() *Step {
	for i := range r.Steps {
		if r.Steps[i].Outcome == Failed {
			return &r.Steps[i]
		}
	}
	return nil
}

// Apply makes the plan's changes in order and stops at the first failure
// (later changes depend on earlier ones; running setup again continues
// where it stopped). A blocked plan changes nothing and returns its first
// reason. The error is the failed step's.
func Apply(ctx context.Context, ports Ports, plan Plan) (Result, error) {
	var r Result
	if len(plan.Blocked) > 0 {
		for _, c := range plan.Changes {
			r.Steps = append(r.Steps, Step{Change: c, Outcome: Skipped})
		}
		return r, plan.Blocked[0]
	}
	var failed error
	for _, c := range plan.Changes {
		st := Step{Change: c, Outcome: Kept}
		switch {
		case c.Action == Keep:
		case failed != nil:
			st.Outcome = Skipped
		case c.do == nil:
			st.Outcome, st.Err = Failed, i18n.Errorf(i18n.IAMSetupErrNotPlanned, string(c.Resource), c.Name)
			failed = st.Err
		default:
			if err := ctx.Err(); err != nil {
				st.Outcome, st.Err, failed = Failed, err, err
				break
			}
			if err := c.do(ctx, ports); err != nil {
				st.Outcome, st.Err, failed = Failed, err, err
				break
			}
			st.Outcome = Done
		}
		r.Steps = append(r.Steps, st)
	}
	return r, failed
}
