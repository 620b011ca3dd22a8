package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/render/sizingtext"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/sizing"
)

const (
	screenApply  = "apply"
	screenVerify = "verify"
	screenSizing = "sizing"
)

// run is one piece of domain work streamed to a screen: progress
// messages, then a final one, over a channel.
func stream(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-ch
		if !ok {
			return nil
		}
		return msg
	}
}

// applyStep is one step of apply as the screen shows it.
type applyStep struct {
	step agent.Step
	msg  string // the start message, localized when drawn
	key  *i18n.Error
	done *i18n.Error
	note *i18n.Error // the first note of a step that has no start message
	ok   bool
	warn bool     // went through, but not as asked (the agent falls back to root)
	out  []string // the step's command output, last lines
}

type applyEvent struct {
	e  agent.Event
	ch <-chan tea.Msg
}

func (a applyEvent) apply(m *Model) tea.Cmd {
	s := m.sess
	e := a.e
	cur := func() *applyStep {
		n := len(s.applySteps)
		if n > 0 && s.applySteps[n-1].step == e.Step {
			return &s.applySteps[n-1]
		}
		// The next step began (with a start message or only a note, as
		// the access step's fall back to root): the last one went
		// through, unless the next is the rollback of it.
		if n > 0 && e.Step != agent.StepRollback {
			s.applySteps[n-1].ok = true
		}
		s.applySteps = append(s.applySteps, applyStep{step: e.Step})
		return &s.applySteps[len(s.applySteps)-1]
	}
	switch e.Kind {
	case agent.EvStart:
		cur().key = e.Msg
	case agent.EvCommand, agent.EvPlanned:
		st := cur()
		if e.Argv != nil {
			st.out = append(st.out, "$ "+strings.Join(e.Argv, " "))
		} else if e.Msg != nil {
			st.out = append(st.out, render.TermLine(m.p.Error(e.Msg)))
		}
	case agent.EvOutput:
		st := cur()
		st.out = append(st.out, render.TermLine(e.Line)) // the agent's output
		if len(st.out) > 50 {
			st.out = st.out[len(st.out)-50:]
		}
	case agent.EvDone:
		st := cur()
		st.ok, st.done = true, e.Msg
	case agent.EvNote:
		if e.Msg != nil {
			st := cur()
			if st.key == nil && st.note == nil {
				st.note = e.Msg // a step that only tells something is shown by it
			}
			st.warn = st.warn || fallsBack(e.Msg)
			st.out = append(st.out, m.p.Error(e.Msg))
		}
	}
	return stream(a.ch)
}

// fallsBack: the note says the agent runs as root though the config
// asked for another user.
func fallsBack(msg *i18n.Error) bool {
	if msg.Key != i18n.ApplyAgentAsRoot || len(msg.Args) == 0 {
		return false
	}
	why, ok := msg.Args[0].(*i18n.Error)
	return !ok || why == nil || why.Key != i18n.AccessWhyRequested
}

type applyFinished struct {
	res *agent.ApplyResult
	err error
}

func (a applyFinished) apply(m *Model) tea.Cmd {
	m.busy = false
	m.applying = false
	m.flash = "" // "cannot stop now" is over
	m.sess.applyDone = true
	m.sess.applyRes, m.sess.applyErr = a.res, a.err
	return m.rebuild()
}

func applyScreen() screen {
	return screen{
		id:    screenApply,
		title: i18n.TUIApplyTitle,
		why:   i18n.TUIApplyWhy,
		body:  applyBody,
		form: func(m *Model) *huh.Form {
			s := m.sess
			if !s.applyStarted {
				s.applyConfirm = false
				desc, no := i18n.TUIApplyConfirmHelp, i18n.TUIApplyNo
				if m.accessible {
					desc, no = i18n.TUIAccApplyNoQuits, i18n.TUIAccApplyQuit
				}
				return huh.NewForm(huh.NewGroup(yesNo{
					Title: m.p.T(i18n.TUIApplyConfirm),
					Desc:  m.p.T(desc),
					Yes:   m.p.T(i18n.TUIApplyYes),
					No:    m.p.T(no),
					Value: &s.applyConfirm,
				}.field(m)))
			}
			if m.applying {
				return noteForm(m, i18n.TUIApplyRunning) // nothing to choose until it ends
			}
			return noteForm(m, i18n.TUIApplyNext)
		},
		submit: func(m *Model) (tea.Cmd, bool) {
			s := m.sess
			if s.applyStarted {
				return nil, false
			}
			if !s.applyConfirm || s.Answers == nil {
				if m.accessible {
					// No going back line by line: "no" ends here, nothing changed.
					m.result.Outcome, m.result.Lang, m.ended = Aborted, s.Lang, true
					return nil, true
				}
				return m.back(), true
			}
			s.applyStarted = true
			m.busy, m.applying = true, true
			ch := make(chan tea.Msg, 64)
			a := *s.Answers
			apply := s.Apply
			ctx := m.ctx
			done, stopped := make(chan struct{}), m.stopped
			m.applyWait = done
			go func() {
				defer close(done)
				// Once the program has stopped (SIGTERM) nobody reads ch;
				// apply must still get to finish or roll back.
				send := func(msg tea.Msg) {
					select {
					case ch <- msg:
					case <-stopped:
					}
				}
				res, err := apply(ctx, a, func(e agent.Event) { send(applyEvent{e, ch}) })
				send(applyFinished{res, err})
				close(ch)
			}()
			return tea.Batch(m.rebuild(), m.spin.Tick, stream(ch)), true
		},
	}
}

func applyBody(m *Model, width int) string {
	s, p, st := m.sess, m.p, m.st
	if !s.applyStarted {
		return ""
	}
	var b strings.Builder
	for i, a := range s.applySteps {
		mark := st.ok.Render("✓")
		switch {
		case !a.ok && m.applying && i == len(s.applySteps)-1:
			mark = m.spin.View()
		case !a.ok:
			mark = st.bad.Render("✗")
		case a.warn:
			mark = st.warn.Render("!")
		}
		text := string(a.step)
		switch {
		case a.key != nil && a.done != nil:
			text = p.Error(a.key) + st.dim.Render(" · "+p.Error(a.done))
		case a.key != nil:
			text = p.Error(a.key)
		case a.done != nil:
			text = p.Error(a.done)
		case a.note != nil:
			text = p.Error(a.note)
		}
		b.WriteString(hang(mark+" ", text, width) + "\n")
		// The running (or failed) step shows its last output lines.
		if !a.ok {
			tail := a.out
			if len(tail) > 4 {
				tail = tail[len(tail)-4:]
			}
			for _, l := range tail {
				b.WriteString(st.dim.Render(hang("  │ ", l, width, "  │ ")) + "\n")
			}
		}
	}
	if s.applyDone {
		res := s.applyRes
		if res != nil && res.Failure != nil {
			for _, e := range res.Failure.Explain() {
				b.WriteString(st.bad.Width(width).Render(p.Error(e)) + "\n")
			}
		}
		switch {
		case s.applyErr == nil && res != nil && res.Unchanged:
			b.WriteString(st.ok.Render(p.T(i18n.TUIApplyUnchanged)) + "\n")
		case s.applyErr == nil:
			b.WriteString(st.ok.Render(p.T(i18n.TUIApplyOK)) + "\n")
		default:
			b.WriteString(st.bad.Width(width).Render(p.T(i18n.TUIApplyFailed, p.Error(s.applyErr))) + "\n")
			if res != nil && res.RolledBack {
				b.WriteString(st.warn.Width(width).Render(p.T(i18n.TUIApplyRolledBack, res.Backup)) + "\n")
			}
			if res != nil && res.RollbackErr != nil {
				b.WriteString(st.bad.Width(width).Render(p.T(i18n.TUIApplyRollbackFailed, p.Error(res.RollbackErr), res.Backup)) + "\n")
			}
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

type verifyCheck struct {
	c  agent.Check
	ch <-chan tea.Msg
}

func (v verifyCheck) apply(m *Model) tea.Cmd {
	m.sess.checks = append(m.sess.checks, v.c)
	return stream(v.ch)
}

type verifyFinished struct {
	res *app.Verified
	err error
}

func (v verifyFinished) apply(m *Model) tea.Cmd {
	m.busy = false
	m.sess.verifyDone = true
	m.sess.verifyRes, m.sess.verifyErr = v.res, v.err
	return nil
}

func verifyScreen() screen {
	return screen{
		id:    screenVerify,
		title: i18n.TUIVerifyTitle,
		why:   i18n.TUIVerifyWhy,
		enter: func(m *Model) tea.Cmd {
			s := m.sess
			if s.verifyStarted || !s.applyDone || s.applyErr != nil {
				return nil
			}
			s.verifyStarted = true
			m.busy = true
			m.verifyStart = m.now()
			ch := make(chan tea.Msg, 16)
			verify, ctx := s.Verify, m.ctx
			go func() {
				res, err := verify(ctx, func(c agent.Check) { ch <- verifyCheck{c, ch} })
				ch <- verifyFinished{res, err}
				close(ch)
			}()
			return tea.Batch(m.spin.Tick, stream(ch))
		},
		body: func(m *Model, width int) string {
			s, p, st := m.sess, m.p, m.st
			if !s.applyDone || s.applyErr != nil {
				return st.warn.Width(width).Render(p.T(i18n.TUIVerifyNotApplied))
			}
			var b strings.Builder
			for _, c := range s.checks {
				mark := map[agent.CheckStatus]string{
					agent.Pass: st.ok.Render("✓"), agent.Fail: st.bad.Render("✗"),
					agent.Warn: st.warn.Render("!"), agent.Skip: st.dim.Render("-"),
				}[c.Status]
				b.WriteString(hang(mark+" ", p.Error(c.Msg), width) + "\n")
				for _, h := range c.Hints {
					b.WriteString(st.dim.Render(hang("  ", p.Error(h), width)) + "\n")
				}
			}
			failed := s.verifyErr != nil || s.verifyRes != nil && !s.verifyRes.OK()
			if failed && s.roleMissing() {
				// The first cause to fix, above what the checks blamed.
				b.WriteString(st.warn.Width(width).Render(p.T(i18n.TUIVerifyNoRole)) + "\n")
			}
			switch {
			case m.busy:
				b.WriteString(hang(m.spin.View()+" ", m.verifyCountdown(), width))
			case s.verifyErr != nil:
				b.WriteString(st.bad.Width(width).Render(p.Error(s.verifyErr)))
			case s.verifyRes != nil && s.verifyRes.OK() && s.MarkerSkipped():
				b.WriteString(st.warn.Width(width).Render(p.T(i18n.TUIVerifyMarkerSkipped)))
			case s.verifyRes != nil && s.verifyRes.OK():
				b.WriteString(st.ok.Render(p.T(i18n.TUIVerifyPassed)))
			case s.verifyRes != nil:
				b.WriteString(st.bad.Render(p.T(i18n.TUIVerifyFailed)))
			}
			return strings.TrimRight(b.String(), "\n")
		},
		form: func(m *Model) *huh.Form { return noteForm(m, i18n.TUIVerifyNext) },
	}
}

type sizingReady struct {
	rep sizing.Report
	err error
}

func (r sizingReady) apply(m *Model) tea.Cmd {
	m.busy = false
	m.sess.sizingRep, m.sess.sizingErr = &r.rep, r.err
	return nil
}

func sizingScreen() screen {
	return screen{
		id:    screenSizing,
		title: i18n.TUISizingTitle,
		why:   i18n.TUISizingWhy,
		enter: func(m *Model) tea.Cmd {
			s := m.sess
			if s.sizingRep != nil || s.sizingErr != nil {
				return nil
			}
			m.busy = true
			sz, ctx := s.Sizing, m.ctx
			return tea.Batch(m.spin.Tick, func() tea.Msg {
				rep, err := sz(ctx)
				return sizingReady{rep, err}
			})
		},
		scroll: true,
		body: func(m *Model, width int) string {
			s, p := m.sess, m.p
			switch {
			case m.busy:
				return m.spin.View() + " " + p.T(i18n.TUISizingMeasuring)
			case s.sizingErr != nil:
				return m.st.bad.Width(width).Render(p.Error(s.sizingErr))
			case s.sizingRep == nil:
				return ""
			}
			return m.scrolled(sizingText(*s.sizingRep, p), width)
		},
		form: func(m *Model) *huh.Form { return noteForm(m, i18n.TUISizingDone) },
	}
}

// sizingText is the sizing report as `cwsetup sizing` prints it, in p's
// language.
func sizingText(rep sizing.Report, p i18n.Printer) string {
	rep.Localize(p)
	var b strings.Builder
	if err := sizingtext.Write(&b, rep, p); err != nil {
		return p.Error(err)
	}
	return b.String()
}
