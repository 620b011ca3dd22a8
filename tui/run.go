// Package tui is the interactive wizard: a bubbletea program of huh forms,
// one screen per step of the flow (docs/wizard.md), in Korean or English. It is the only
// importer of the charm libraries. Screens show wizard state and fill the
// answers; the work is done by the jobs of the application layer (app/:
// Prepare, Apply, Verify, Sizing, NextSteps; wizard/iamsetup for IAM),
// which cmd_wizard.go wires into Session's functions. Screens render those
// jobs' typed results — the same results the commands print — and never
// run a command or show its output.
package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
)

// Options say where the wizard reads keys and draws.
type Options struct {
	In         io.Reader // keys: a terminal
	Out        io.Writer // the UI: a terminal
	Env        []string  // environment for colour detection (NO_COLOR, TERM)
	Accessible bool      // plain numbered prompts (huh's accessible mode)
}

// Run runs the wizard until the user finishes or quits.
func Run(ctx context.Context, s *Session, o Options) (Result, error) {
	if o.Accessible {
		return runAccessible(ctx, s, o)
	}
	m := newModel(s)
	m.ctx = ctx
	prog := tea.NewProgram(m,
		tea.WithContext(ctx),
		tea.WithInput(o.In),
		tea.WithOutput(o.Out),
		tea.WithEnvironment(o.Env),
	)
	final, err := prog.Run()
	if fm, ok := final.(*Model); ok && fm != nil {
		m = fm
	}
	close(m.stopped)
	if m.applyWait != nil {
		// Stopped by a signal during Apply: it finishes or rolls back the
		// current step (the context is cancelled) before cwsetup exits.
		// Interrupted, agent.Apply restores the backup: still "aborted".
		<-m.applyWait
	}
	if err != nil {
		if errors.Is(err, tea.ErrInterrupted) || errors.Is(err, context.Canceled) || errors.Is(err, tea.ErrProgramKilled) {
			return Result{Outcome: Aborted, Lang: s.Lang}, nil
		}
		return m.result, fmt.Errorf("tui: %w", err)
	}
	return m.result, nil
}

// ErrNoTerminal means neither stdin nor /dev/tty is a terminal.
var ErrNoTerminal = errors.New("no terminal")

// Terminal finds where keys come from and where the UI goes: stdin when it
// is a terminal, else /dev/tty (as under `curl … | sh`); the UI goes to
// stderr when it is a terminal, else to /dev/tty. closeFn releases what
// was opened.
func Terminal(stdin, stderr *os.File) (in *os.File, out *os.File, closeFn func(), err error) {
	closeFn = func() {}
	var tty *os.File
	openTTY := func() (*os.File, error) {
		if tty != nil {
			return tty, nil
		}
		f, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
		if err != nil {
			return nil, err
		}
		if !term.IsTerminal(f.Fd()) {
			f.Close()
			return nil, ErrNoTerminal
		}
		tty = f
		closeFn = func() { f.Close() }
		return f, nil
	}
	if stdin != nil && term.IsTerminal(stdin.Fd()) {
		in = stdin
	} else if f, err := openTTY(); err == nil {
		in = f
	} else {
		return nil, nil, closeFn, ErrNoTerminal
	}
	if stderr != nil && term.IsTerminal(stderr.Fd()) {
		out = stderr
	} else if f, err := openTTY(); err == nil {
		out = f
	} else {
		out = stderr
	}
	return in, out, closeFn, nil
}

// plainWriter strips colours: accessible mode is read by screen readers.
func plainWriter(w io.Writer) io.Writer {
	return &colorprofile.Writer{Forward: w, Profile: colorprofile.NoTTY}
}
