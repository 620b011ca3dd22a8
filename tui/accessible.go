package tui

import (
	"context"
	"fmt"
	"io"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"github.com/cwsetup/cwsetup/i18n"
)

// runAccessible asks the same screens as plain numbered prompts, one line
// at a time (huh's accessible mode), for screen readers and TERM=dumb.
func runAccessible(ctx context.Context, s *Session, o Options) (Result, error) {
	out := plainWriter(o.Out)
	m := newModel(s)
	m.ctx = ctx
	m.accessible = true
	done := make(chan error, 1)
	var prompting atomic.Bool
	go func() { done <- accessibleScreens(ctx, m, o.In, out, &prompting) }()
	select {
	case <-ctx.Done():
		if !prompting.Load() {
			// Work was running (apply finishes or rolls back its step
			// on the cancelled context): wait for it.
			<-done
			fmt.Fprintln(out)
			return m.result, nil
		}
		// Ctrl-C at a prompt: the goroutine is blocked on a read; leave it.
		fmt.Fprintln(out)
		return Result{Outcome: Aborted, Lang: s.Lang}, nil
	case err := <-done:
		return m.result, err
	}
}

func accessibleScreens(ctx context.Context, m *Model, in io.Reader, out io.Writer, prompting *atomic.Bool) error {
	repeat := false // the same screen asked again: its text was just printed
	for m.cur < len(m.screens) {
		sc := m.screens[m.cur]
		if !repeat {
			fmt.Fprintf(out, "\n== %s: %s ==\n", m.p.T(i18n.TUIStep, m.cur+1, len(m.screens)), m.p.T(sc.title))
			fmt.Fprintln(out, wrapPlain(m.p.T(sc.why), 76))
			if sc.enter != nil {
				if cmd := sc.enter(m); cmd != nil {
					fmt.Fprintln(out, m.p.T(i18n.TUIWorking))
					runCmd(ctx, m, cmd)
				}
			}
			if sc.body != nil {
				if b := sc.body(m, 76); b != "" {
					fmt.Fprintln(out, b)
				}
			}
		}
		repeat = false
		fmt.Fprintln(out)
		f := sc.form(m).WithKeyMap(keyMap(m.p)).WithAccessible(true).WithInput(in).WithOutput(out)
		prompting.Store(true)
		err := f.RunWithContext(ctx)
		prompting.Store(false)
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if sc.submit != nil {
			if cmd, stay := sc.submit(m); stay {
				if cmd != nil {
					runCmd(ctx, m, cmd)
				}
				if m.ended {
					return nil // the user chose to stop here; m.result says how
				}
				if sc.body != nil {
					fmt.Fprintln(out, sc.body(m, 76))
				}
				if m.cur < len(m.screens) && m.screens[m.cur].id != sc.id {
					continue // submit went elsewhere (back)
				}
				if sc.again {
					if m.flash != "" {
						fmt.Fprintln(out, m.flash)
						m.flash = ""
					}
					repeat = true
					continue // changed something: ask the screen again
				}
			}
		}
		if sc.leave != nil {
			sc.leave(m)
		}
		if m.sess.Lang != m.p.Lang {
			m.setLang(m.sess.Lang)
		}
		m.cur++
	}
	m.result.Outcome = Completed
	return nil
}

// runCmd runs a screen's work to the end, without the bubbletea loop, and
// stores its results in the session.
func runCmd(ctx context.Context, m *Model, cmd tea.Cmd) {
	if ctx.Err() != nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			if c != nil {
				runCmd(ctx, m, c)
			}
		}
	case resultMsg:
		if next := msg.apply(m); next != nil {
			runCmd(ctx, m, next)
		}
	}
}
