package tui

import (
	"context"
	"time"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/render/iamtext"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/iamsetup"
	"github.com/cwsetup/cwsetup/wizard/plan"
	"github.com/cwsetup/cwsetup/wizard/sizing"
	"github.com/cwsetup/cwsetup/wizard/tsformat"
)

// Session is the wizard's state: what the domain code found and what the
// user answered. Screens show it and fill it; the domain functions are
// given by the caller (cmd_wizard.go), so a screen whose domain code is
// missing is left out of the flow rather than imitated.
type Session struct {
	Lang i18n.Lang
	UTF8 bool // the locale can show Hangul
	Root host.Root

	// Detect runs host detection (wizard/detect).
	Detect func(ctx context.Context) (detect.Report, error)
	Report *detect.Report
	// DetectErr is what Detect returned, shown on the host screen.
	DetectErr error

	// Answers are what the user chose; they start as plan.Defaults for the
	// detected host and role.
	Answers *plan.Answers

	// Screen state that is not an answer yet.
	unticked              map[string]bool // logs the user took out
	custom                []plan.LogSource
	addPath, addFormat    string
	logOffer              []plan.LogSource
	logPick               []string
	edits                 map[string]logEdit // per-log group and retention the user set
	editID, editGroup     string
	editRetention         int
	role                  plan.Role
	retOther, retSecurity int

	iam                                   IAMState
	iamErr                                error
	iamDone                               bool
	iamChoice                             string
	iamPhase                              iamPhase
	iamJob                                *IAMJob
	iamPlanErr                            error
	iamConfirm                            bool
	iamRes                                iamsetup.Result
	iamApplyErr                           error
	iamView                               bool   // the policy JSON alone
	iamChecks                             int    // IMDS asked while waiting for the role
	iamWait                               string // the choice while waiting for the role
	iamWithout                            bool   // the user went on knowingly without a role
	iamPollGen                            int    // the current poll chain while waiting
	policySaved                           string // where the policy was saved
	policySaveErr                         error
	applyConfirm, applyStarted, applyDone bool
	applySteps                            []applyStep
	applyRes                              *agent.ApplyResult
	applyErr                              error
	verifyStarted, verifyDone             bool
	checks                                []agent.Check
	verifyRes                             *app.Verified
	verifyErr                             error
	sizingRep                             *sizing.Report
	sizingErr                             error

	// CheckFormat tries a timestamp format on the last lines of the newest
	// file matching path; found is false when no file matches yet.
	CheckFormat func(path, format string) (c tsformat.Check, found bool, err error)

	// LastLine is the last line of the newest file matching path.
	LastLine  func(path string) (string, error)
	lastLines map[string]string

	// Review prepares the config for the answers (app.Prepare: the merge
	// into the host's config, its diff and apply's preflight checks).
	Review    func(a plan.Answers) (*app.Config, error)
	Reviewed  *app.Config
	ReviewErr error
	// Access decides who the agent runs as for a config on this root, as
	// apply's access step does (agent.PlanAccess); nil: not known here.
	Access       func(cfg []byte) agent.AccessPlan
	reviewAccess *agent.AccessPlan // the review's config runs as root instead: why

	// IAM finds whether a role is attached (IMDS) and the console steps
	// with the least-privilege policy for the answers.
	IAM func(ctx context.Context, a plan.Answers) (IAMState, error)
	// IAMPlan plans "create it now" — the role, its least-privilege
	// policy, instance profile, association, log groups and alarms for the
	// answers — with the credentials of this shell (never stored). It only
	// reads; the screen shows the plan and IAMJob.Apply runs on confirm.
	IAMPlan func(ctx context.Context, a plan.Answers) (*IAMJob, error)

	// Apply prepares the config for the answers and applies it, exactly
	// as `cwsetup apply` does (app.Prepare, then app.Apply: install,
	// backup, write, fetch-config, rollback on failure), reporting
	// progress. It refuses a config whose preflight found problems.
	Apply func(ctx context.Context, a plan.Answers, progress func(agent.Event)) (*agent.ApplyResult, error)
	// Verify runs the checks of `cwsetup verify` (app.Verify), reporting each.
	Verify func(ctx context.Context, progress func(agent.Check)) (*app.Verified, error)
	// VerifyWait bounds Verify's wait for the marker line: the screen
	// counts it down.
	VerifyWait time.Duration
	// Sizing measures the host (app.Sizing); the screen localizes the report.
	Sizing func(ctx context.Context) (sizing.Report, error)

	// SavePolicy writes the IAM policy JSON to a file and returns its
	// absolute path; nil: the screen cannot save it.
	SavePolicy func(policy []byte) (string, error)

	// SaveAnswersPath is --save-answers: where answers go at the end.
	SaveAnswersPath string
	// SaveAnswers writes the answers file; nil while no answers model exists.
	SaveAnswers func(path string) error

	// StartAt starts the wizard at the screen with this id (tests, goldens).
	StartAt string
}

// Failure is why the run did not end well: apply's error, or verify's
// (VerifyErrFailed when a check failed); nil when apply and verify went
// through, or when they did not run.
func (s *Session) Failure() error {
	switch {
	case s.applyStarted && s.applyErr != nil:
		return s.applyErr
	case s.verifyDone && s.verifyErr != nil:
		return s.verifyErr
	}
	return nil
}

// Applied reports whether apply wrote and loaded the config.
func (s *Session) Applied() bool { return s.applyDone && s.applyErr == nil }

// VerifyInterrupted reports whether verify started and did not finish
// (the user left during its wait).
func (s *Session) VerifyInterrupted() bool { return s.verifyStarted && !s.verifyDone }

// MarkerSkipped reports whether a finished verify skipped the test line
// (no system log collected): it proved the agent runs, not that logs arrive.
func (s *Session) MarkerSkipped() bool {
	if !s.verifyDone || s.verifyRes == nil || s.verifyRes.VerifyResult == nil {
		return false
	}
	for _, c := range s.verifyRes.Checks {
		if c.ID == agent.CheckMarker && c.Status == agent.Skip {
			return true
		}
	}
	return false
}

// Verified is verify's result; nil when verify has not finished.
func (s *Session) Verified() *app.Verified {
	if !s.verifyDone {
		return nil
	}
	return s.verifyRes
}

// Next is what to do after a good apply (app.NextSteps): the config is
// the one the review prepared from the same answers apply used.
func (s *Session) Next() app.Next {
	var cfg []byte
	if s.Reviewed != nil {
		cfg = s.Reviewed.Config
	}
	region := ""
	if s.verifyRes != nil {
		region = s.verifyRes.Region
	}
	return app.NextSteps(cfg, s.applyRes, region)
}

// RoleMissing reports whether the run went on without an IAM role on
// this instance (none attached, none made by the IAM step).
func (s *Session) RoleMissing() bool { return s.roleMissing() }

// roleMissing: on EC2, no role was attached and none was made here —
// whatever fails later, the missing role is the first cause to name.
func (s *Session) roleMissing() bool {
	return s.iamDone && s.iamErr == nil && s.iam.NotEC2 == nil && s.iam.Role == "" &&
		!(s.iamPhase == iamApplied && s.iamApplyErr == nil)
}

// IAMChanges lists, localized, what the IAM step changed in AWS; nil
// when it changed nothing. Quitting does not undo them, so the quit
// dialog and the last screen list them.
func (s *Session) IAMChanges(p i18n.Printer) []string {
	if s.iamPhase != iamApplied {
		return nil
	}
	return iamtext.Done(p, s.iamRes)
}

// savePolicy saves the IAM screen's policy JSON.
func (s *Session) savePolicy() (string, error) {
	if s.SavePolicy == nil {
		return "", i18n.Errorf(i18n.TUIIAMCannotSave)
	}
	return s.SavePolicy([]byte(s.iam.Policy))
}

// review renders the current answers for the review screen.
func (s *Session) review() {
	if s.Review == nil || s.Answers == nil {
		return
	}
	s.Reviewed, s.ReviewErr = s.Review(*s.Answers)
	s.reviewAccess = nil
	c := s.Reviewed
	if s.ReviewErr != nil || c == nil || !c.OK() || s.Access == nil {
		return
	}
	// The user's config cannot run as its user here: apply writes the root
	// variant (the same render.SetRunAsUser), so the review shows those
	// bytes and why.
	pl := s.Access(c.Config)
	if !pl.Fallback || pl.Refused != nil {
		return
	}
	written, err := render.SetRunAsUser(c.Config, "root")
	if err != nil {
		s.ReviewErr = err
		return
	}
	rc := *c
	rc.Config = written
	if len(rc.Existing) > 0 {
		rc.Diff = render.Diff(rc.Existing, written)
	}
	s.Reviewed, s.reviewAccess = &rc, &pl
}

// lastLine reads a log's last line once per session.
func (s *Session) lastLine(path string) string {
	if l, ok := s.lastLines[path]; ok {
		return l
	}
	l, err := s.LastLine(path)
	if err != nil {
		l = "(" + err.Error() + ")"
	}
	l = render.TermLine(l) // a log line is host content: no escapes on screen
	if s.lastLines == nil {
		s.lastLines = map[string]string{}
	}
	s.lastLines[path] = l
	return l
}
