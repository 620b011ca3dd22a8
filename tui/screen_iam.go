package tui

import (
	"context"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render/iamtext"
	"github.com/cwsetup/cwsetup/wizard/iamsetup"
)

const screenIAM = "iam"

// IAMState is what the IAM screen shows, found by the caller's IAM: the
// role IMDS reports, or why this is not EC2, and the console steps with
// the least-privilege policy for these answers.
type IAMState struct {
	Role string // attached role; "" when none
	// Instance and Region are the instance's, from IMDS; "" when unknown.
	Instance, Region string
	NotEC2           func(p i18n.Printer) string // nil on EC2
	// Steps are the console steps in p's language; the policy they ask
	// to paste is Policy, shown (and saved) as it is, never wrapped.
	Steps  func(p i18n.Printer) string // nil when the policy cannot be rendered here
	Policy string                      // the inline policy JSON; "" with Steps nil
}

type iamReady struct {
	st  IAMState
	err error
}

func (r iamReady) apply(m *Model) tea.Cmd {
	m.busy = false
	s := m.sess
	s.iam, s.iamErr, s.iamDone = r.st, r.err, true
	if s.iamPhase == iamWaiting {
		s.iamChecks++
		return tea.Batch(m.rebuild(), m.pollRole())
	}
	onIAM := m.cur < len(m.screens) && m.screens[m.cur].id == screenIAM
	if onIAM && (canCreateRole(s) || hasPolicy(s)) {
		return m.rebuild() // the choice: create now, the console steps, save or view the policy
	}
	return nil // the host screen's check: its rows read the state
}

// rolePoll is how often the console path asks IMDS again on its own.
const rolePoll = 5 * time.Second

// checkRole asks the caller's IAM again (IMDS) for the attached role.
func (m *Model) checkRole() tea.Cmd {
	iam, a, ctx := m.sess.IAM, *m.sess.Answers, m.ctx
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		st, err := iam(ctx, a)
		return iamReady{st, err}
	}
}

// pollRole starts a new chain of IMDS checks while the console path
// waits for the role (the full screen only: accessible mode asks on
// the user's answer). An older chain stops at its next tick.
func (m *Model) pollRole() tea.Cmd {
	s := m.sess
	if m.accessible || s.iamPhase != iamWaiting || s.iam.Role != "" {
		return nil
	}
	s.iamPollGen++
	gen := s.iamPollGen
	return tea.Tick(rolePoll, func(time.Time) tea.Msg { return rolePollTick{gen} })
}

type rolePollTick struct{ gen int }

type rolePolled struct {
	gen int
	st  IAMState
	err error
}

func (t rolePollTick) apply(m *Model) tea.Cmd {
	s := m.sess
	if t.gen != s.iamPollGen || s.iamPhase != iamWaiting || s.iam.Role != "" ||
		m.cur >= len(m.screens) || m.screens[m.cur].id != screenIAM || m.busy {
		return nil
	}
	check := m.checkRole()
	return func() tea.Msg {
		r := check().(iamReady)
		return rolePolled{t.gen, r.st, r.err}
	}
}

// apply of a background check: the form is rebuilt only when the role
// appeared, so the cursor stays where the user left it.
func (r rolePolled) apply(m *Model) tea.Cmd {
	s := m.sess
	if r.gen != s.iamPollGen || s.iamPhase != iamWaiting {
		return nil
	}
	s.iamChecks++
	if r.err != nil {
		s.iamErr = r.err
		return m.rebuild()
	}
	s.iamErr = nil
	if r.st.Role != "" {
		s.iam = r.st
		return m.rebuild()
	}
	gen := s.iamPollGen
	return tea.Tick(rolePoll, func(time.Time) tea.Msg { return rolePollTick{gen} })
}

func iamScreen() screen {
	return screen{
		id:    screenIAM,
		title: i18n.TUIIAMTitle,
		why:   i18n.TUIIAMWhy,
		enter: func(m *Model) tea.Cmd {
			s := m.sess
			if s.Answers == nil {
				return nil
			}
			m.busy = true
			return tea.Batch(m.spin.Tick, m.checkRole())
		},
		again:  true,
		scroll: true,
		body: func(m *Model, width int) string {
			s, p, st := m.sess, m.p, m.st
			switch {
			case m.busy && s.iamPhase == iamPlanning:
				return m.spin.View() + " " + p.T(i18n.TUIIAMPlanning)
			case m.busy && s.iamPhase == iamApplying:
				return m.spin.View() + " " + p.T(i18n.TUIIAMCreating)
			case m.busy:
				return m.spin.View() + " " + p.T(i18n.TUIIAMChecking)
			case s.iamErr != nil && s.iamPhase == iamWaiting:
				return m.scrolled(st.bad.Width(width).Render("✗ "+p.Error(s.iamErr))+"\n"+waitText(m, width), width)
			case s.iamErr != nil:
				return st.bad.Width(width).Render(p.Error(s.iamErr))
			case !s.iamDone:
				return ""
			}
			var head string
			switch {
			case s.iam.NotEC2 != nil:
				head = st.warn.Width(width).Render("! " + p.T(i18n.TUIIAMNotEC2, s.iam.NotEC2(p)))
			case s.iam.Role != "":
				head = st.ok.Width(width).Render("✓ " + p.T(i18n.TUIIAMAttached, s.iam.Role))
			default:
				head = st.bad.Width(width).Render("✗ " + p.T(i18n.TUIIAMNone))
			}
			text := head
			switch {
			case s.iamPhase == iamWaiting:
				text = waitText(m, width)
			case s.iamPhase != iamChoosing:
				text = iamJobText(m, width)
			case s.iam.Role == "" && s.iam.Steps != nil:
				text = policyText(m, head, width)
			}
			return m.scrolled(text, width)
		},
		form: func(m *Model) *huh.Form {
			s := m.sess
			switch s.iamPhase {
			case iamPlanned:
				if s.iamJob != nil && iamConfirmable(s.iamJob) {
					s.iamConfirm = false
					return huh.NewForm(huh.NewGroup(yesNo{
						Title: m.p.T(i18n.TUIIAMConfirm, len(s.iamJob.Plan.Pending())),
						Yes:   m.p.T(i18n.TUIApplyYes),
						No:    m.p.T(i18n.TUIApplyNo),
						Value: &s.iamConfirm,
					}.field(m)))
				}
				return noteForm(m, i18n.TUIIAMNext)
			case iamApplied:
				return noteForm(m, i18n.TUIIAMNext)
			case iamWaiting:
				if s.iam.Role != "" {
					return noteForm(m, i18n.TUIIAMNext)
				}
				if s.iamWait == "" {
					s.iamWait = iamRecheck
				}
				return huh.NewForm(huh.NewGroup(choice[string]{
					Title: m.p.T(i18n.TUIIAMWaitChoose),
					Options: []huh.Option[string]{
						huh.NewOption(m.p.T(i18n.TUIIAMChoiceRecheck), iamRecheck),
						huh.NewOption(m.p.T(i18n.TUIIAMChoiceWithout), iamWithout),
						huh.NewOption(m.p.T(i18n.TUIIAMChoiceBack), iamBack),
					},
					Value: &s.iamWait,
				}.field(m)))
			}
			if !hasPolicy(s) && !canCreateRole(s) {
				return noteForm(m, i18n.TUIIAMNext)
			}
			var opts []huh.Option[string]
			if canCreateRole(s) {
				opts = append(opts, huh.NewOption(m.p.T(i18n.TUIIAMChoiceCreate), iamCreate))
			}
			if s.iamChoice == "" || s.iamChoice == iamCreate && !canCreateRole(s) {
				s.iamChoice = iamConsole
			}
			next := i18n.TUIIAMChoiceConsole
			if !hasPolicy(s) || s.iam.NotEC2 != nil {
				next = i18n.TUIIAMNext
			}
			opts = append(opts, huh.NewOption(m.p.T(next), iamConsole))
			if hasPolicy(s) {
				view := i18n.TUIIAMChoiceView
				if s.iamView {
					view = i18n.TUIIAMChoiceSteps
				}
				opts = append(opts,
					huh.NewOption(m.p.T(i18n.TUIIAMChoiceSave), iamSave),
					huh.NewOption(m.p.T(view), iamView))
			}
			return huh.NewForm(huh.NewGroup(choice[string]{
				Title:   m.p.T(i18n.TUIIAMChoose),
				Options: opts,
				Value:   &s.iamChoice,
			}.field(m)))
		},
		submit: func(m *Model) (tea.Cmd, bool) {
			s := m.sess
			switch s.iamPhase {
			case iamPlanned:
				if s.iamJob == nil || !iamConfirmable(s.iamJob) {
					return nil, false
				}
				if !s.iamConfirm {
					// Not now: back to the choice, nothing changed.
					s.iamPhase, s.iamJob, s.iamPlanErr = iamChoosing, nil, nil
					return m.rebuild(), true
				}
				s.iamPhase, m.busy = iamApplying, true
				job, ctx := s.iamJob, m.ctx
				return tea.Batch(m.rebuild(), m.spin.Tick, func() tea.Msg {
					res, err := job.Apply(ctx)
					return iamApplyDone{res, err}
				}), true
			case iamApplied:
				return nil, false
			case iamWaiting:
				if s.iam.Role != "" {
					return nil, false
				}
				switch s.iamWait {
				case iamWithout:
					s.iamWithout = true
					return nil, false
				case iamBack:
					s.iamPhase, s.iamWait = iamChoosing, ""
					s.iamPollGen++ // stops the poll
					m.scroll = 0
					return m.rebuild(), true
				}
				m.busy = true
				return tea.Batch(m.rebuild(), m.spin.Tick, m.checkRole()), true
			}
			switch s.iamChoice {
			case iamSave:
				s.policySaved, s.policySaveErr = s.savePolicy()
				s.iamChoice = iamConsole
				m.scroll = 0
				return m.rebuild(), true
			case iamView:
				s.iamView = !s.iamView
				s.iamChoice = iamConsole
				m.scroll = 0
				return m.rebuild(), true
			case iamCreate:
				if !canCreateRole(s) {
					return nil, false
				}
			default:
				if !hasPolicy(s) || s.iam.NotEC2 != nil {
					return nil, false
				}
				// The console steps: stay with them and wait for the role.
				s.iamPhase, s.iamWait, s.iamWithout, s.iamChecks = iamWaiting, "", false, 1 // the check on entering counts
				m.scroll = 0
				return tea.Batch(m.rebuild(), m.pollRole()), true
			}
			// Create: plan first (reads only), show it, then confirm.
			s.iamPhase, m.busy = iamPlanning, true
			planF, a, ctx := s.IAMPlan, *s.Answers, m.ctx
			return tea.Batch(m.rebuild(), m.spin.Tick, func() tea.Msg {
				job, err := planF(ctx, a)
				return iamPlanReady{job, err}
			}), true
		},
	}
}

// iamJobText is the IAM screen's body once "create it now" was chosen:
// the plan, then what was done.
func iamJobText(m *Model, width int) string {
	s, p, st := m.sess, m.p, m.st
	wrap := lipgloss.NewStyle().Width(width).Render
	var b strings.Builder
	if s.iamPlanErr != nil {
		return st.bad.Width(width).Render("✗ " + p.Error(s.iamPlanErr))
	}
	job := s.iamJob
	if job == nil {
		return ""
	}
	if s.iamPhase != iamApplied {
		b.WriteString(wrap(strings.TrimRight(iamtext.Plan(p, job.Account, job.Region, job.Plan), "\n")) + "\n")
		switch {
		case len(job.Plan.Blocked) > 0:
			b.WriteString(st.bad.Width(width).Render("✗ "+p.Error(blockedErr(job.Plan))) + "\n")
		case job.Plan.Empty():
			b.WriteString(st.ok.Width(width).Render("✓ "+p.T(i18n.IAMNothingChanged)) + "\n")
		}
		return strings.TrimRight(b.String(), "\n")
	}
	if s.iamApplyErr != nil {
		b.WriteString(st.bad.Width(width).Render("✗ "+p.Error(s.iamApplyErr)) + "\n")
	} else {
		b.WriteString(st.ok.Width(width).Render("✓ "+p.T(i18n.TUIIAMCreated)) + "\n")
	}
	b.WriteString(wrap(strings.TrimRight(iamtext.Result(p, s.iamRes), "\n")))
	return b.String()
}

// blockedErr is the first reason a plan cannot be applied.
func blockedErr(pl iamsetup.Plan) error {
	if len(pl.Blocked) == 0 {
		return nil
	}
	return pl.Blocked[0]
}

// iamConfirmable: the plan has changes and nothing blocks it.
func iamConfirmable(job *IAMJob) bool {
	return len(job.Plan.Blocked) == 0 && !job.Plan.Empty()
}

// policyText is the IAM screen's body when no role is attached: the
// console steps (wrapped), then the policy JSON line by line as it is —
// never wrapped, so it can be selected and pasted — or, in the policy
// view, the JSON alone; and where it was saved.
func policyText(m *Model, head string, width int) string {
	s, p, st := m.sess, m.p, m.st
	var b strings.Builder
	if s.policySaved != "" {
		b.WriteString(st.ok.Width(width).Render("✓ "+p.T(i18n.TUIIAMPolicySaved)) + "\n")
		b.WriteString("    " + s.policySaved + "\n")
	}
	if s.policySaveErr != nil {
		b.WriteString(st.bad.Width(width).Render("✗ "+p.Error(s.policySaveErr)) + "\n")
	}
	lines := strings.Split(strings.TrimRight(s.iam.Policy, "\n"), "\n")
	wide := false
	for _, l := range lines {
		wide = wide || lipgloss.Width(l) > width
	}
	if s.iamView {
		b.WriteString(st.dim.Width(width).Render(p.T(i18n.TUIIAMViewHead)) + "\n")
	} else {
		b.WriteString(head + "\n")
		b.WriteString(lipgloss.NewStyle().Width(width).Render(strings.TrimRight(s.iam.Steps(p), "\n")) + "\n")
	}
	if wide {
		b.WriteString(st.warn.Width(width).Render(p.T(i18n.TUIIAMPolicyWide)) + "\n")
	}
	b.WriteString(strings.Join(lines, "\n"))
	return b.String()
}

// waitText is the console path's body: the role found, or what is still
// missing above the same steps and policy.
func waitText(m *Model, width int) string {
	s, p, st := m.sess, m.p, m.st
	if s.iam.Role != "" {
		return st.ok.Width(width).Render("✓ " + p.T(i18n.TUIIAMAttached, s.iam.Role))
	}
	head := st.bad.Width(width).Render("✗ "+p.T(i18n.TUIIAMWaitNone, s.iamChecks)) + "\n" +
		lipgloss.NewStyle().Width(width).Render(p.T(i18n.TUIIAMWaitHead))
	if !m.accessible {
		head += "\n" + st.dim.Width(width).Render(p.T(i18n.TUIIAMWaitPoll, int(rolePoll/time.Second)))
	}
	if s.iam.Steps == nil {
		return head
	}
	return policyText(m, head, width)
}

// hasPolicy: no role is attached and the policy for the answers is here.
func hasPolicy(s *Session) bool {
	return s.iamDone && s.iamErr == nil && s.iam.Role == "" && s.iam.Steps != nil && s.iam.Policy != ""
}

// The IAM screen's choices when no role is attached.
const (
	iamCreate  = "create"
	iamConsole = "console"
	iamSave    = "save"
	iamView    = "view"

	// While waiting for the role.
	iamRecheck = "recheck"
	iamWithout = "without"
	iamBack    = "back"
)

// canCreateRole: on EC2, no role, the setup function wired, not tried yet.
func canCreateRole(s *Session) bool {
	return s.iamDone && s.iamErr == nil && s.iam.NotEC2 == nil && s.iam.Role == "" &&
		s.IAMPlan != nil && s.iamPhase == iamChoosing
}

// The phases of "create it now".
type iamPhase int

const (
	iamChoosing iamPhase = iota // the choice of how to attach the role
	iamPlanning                 // reading what exists
	iamPlanned                  // the plan is shown; confirm
	iamApplying                 // making the changes
	iamApplied                  // done (or failed): what was done is shown
	iamWaiting                  // the console steps are followed: IMDS asked until the role is there
)

// IAMJob is the IAM setup job planned for the answers (wizard/iamsetup)
// with the credentials of this shell: nothing has changed yet. Apply
// makes exactly the planned changes.
type IAMJob struct {
	Account, Region string
	Plan            iamsetup.Plan
	Apply           func(ctx context.Context) (iamsetup.Result, error)
}

type iamPlanReady struct {
	job *IAMJob
	err error
}

func (d iamPlanReady) apply(m *Model) tea.Cmd {
	m.busy = false
	s := m.sess
	s.iamPhase, s.iamJob, s.iamPlanErr = iamPlanned, d.job, d.err
	m.scroll = 0
	return m.rebuild()
}

type iamApplyDone struct {
	res iamsetup.Result
	err error
}

func (d iamApplyDone) apply(m *Model) tea.Cmd {
	m.busy = false
	s := m.sess
	s.iamPhase, s.iamRes, s.iamApplyErr = iamApplied, d.res, d.err
	m.scroll = 0
	return m.rebuild()
}
