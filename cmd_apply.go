package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
)

func init() { register(newApplyCmd) }

// applyOptions is everything `cwsetup apply` needs.
type applyOptions struct {
	Answers  string
	Yes      bool
	DryRun   bool
	Keep     int
	NoVerify bool
	Wait     time.Duration
	// AnswersSSM names the Parameter Store parameter holding the answers
	// (cmd_apply_ssm.go); apply then ends with a result line on stdout.
	AnswersSSM string
	ssm        ssmAnswers
	// RunAs overrides the answers' run_as_user (root: no ACL grants).
	RunAs string
	// AllowPaths are --allow-path directories (agent.CheckAllowPath).
	AllowPaths []string

	Root   func() (host.Root, error)
	Ports  app.Ports
	ErrOut io.Writer
	P      i18n.Printer
}

func newApplyCmd(g *globals, s *streams) *cobra.Command {
	return newApplyCmdWith(g, s, runApply)
}

// newApplyCmdWith takes the run function so flag parsing can be tested alone.
func newApplyCmdWith(g *globals, s *streams, runF func(context.Context, *applyOptions) error) *cobra.Command {
	o := &applyOptions{Root: g.root, Ports: g.ports, ErrOut: s.ErrOut, P: g.p}
	cmd := &cobra.Command{
		Use:   "apply",
		Short: g.p.T(i18n.ApplyShort),
		Long:  g.p.T(i18n.ApplyLong),
		RunE:  func(cmd *cobra.Command, args []string) error { return o.withResultLine(s.Out, runF(cmd.Context(), o)) },
	}
	f := cmd.Flags()
	f.StringVar(&o.Answers, "answers", "", g.p.T(i18n.ApplyFlagAnswers))
	f.StringVar(&o.AnswersSSM, "answers-ssm", "", g.p.T(i18n.ApplyFlagAnswersSSM))
	f.BoolVarP(&o.Yes, "yes", "y", false, g.p.T(i18n.ApplyFlagYes))
	f.BoolVar(&o.DryRun, "dry-run", false, g.p.T(i18n.ApplyFlagDryRun))
	f.IntVar(&o.Keep, "keep-backups", agent.DefaultKeepBackups, g.p.T(i18n.ApplyFlagKeep))
	f.BoolVar(&o.NoVerify, "no-verify", false, g.p.T(i18n.ApplyFlagNoVerify))
	f.DurationVar(&o.Wait, "wait", 60*time.Second, g.p.T(i18n.ApplyFlagWait))
	f.StringVar(&o.RunAs, "run-as", "", g.p.T(i18n.ApplyFlagRunAs))
	f.StringArrayVar(&o.AllowPaths, "allow-path", nil, g.p.T(i18n.ApplyFlagAllowPath))
	return cmd
}

// applyConfig is the config apply would write (app.Prepare on the
// answers, or the detected defaults); its problems are printed.
func applyConfig(r host.Root, rep detect.Report, answersPath, runAs string, ssmData []byte, p i18n.Printer, errOut io.Writer) (*app.Config, error) {
	if answersPath == "" && ssmData == nil {
		fmt.Fprintln(errOut, p.T(i18n.ApplyNoAnswers))
	}
	// The same answers `cwsetup config --answers F` uses (the file's role
	// picks the defaults it overrides).
	data, err := ssmData, error(nil)
	if data == nil {
		data, err = readAnswers(answersPath, nil)
	}
	if err != nil {
		return nil, err
	}
	a, err := app.Answers(rep, data, "")
	if err != nil {
		return nil, err
	}
	if runAs != "" {
		a.RunAsUser = runAs // validated with the answers
	}
	if answersPath != "" && answersPath != "-" && a.Alarms.Enabled && len(a.SecurityGroups()) > 0 {
		fmt.Fprintln(errOut, p.T(i18n.AnsAlarmsByIAMSetup, answersPath))
	}
	c, err := app.Prepare(r, a, app.PrepareOptions{})
	if err != nil {
		return nil, err
	}
	if !c.OK() {
		for _, pr := range c.Problems {
			fmt.Fprintln(errOut, "  - "+p.Error(pr))
		}
		if answersPath == "" {
			// The detected defaults themselves fail: not the user's input.
			return nil, i18n.Errorf(i18n.ErrConfigInvalid, len(c.Problems))
		}
		return nil, i18n.UsageErrorf(i18n.ErrConfigInvalid, len(c.Problems))
	}
	return c, nil
}

func runApply(ctx context.Context, o *applyOptions) error {
	p := o.P
	if !o.Yes && !o.DryRun {
		return i18n.UsageErrorf(i18n.ApplyNeedYes)
	}
	for _, a := range o.AllowPaths {
		if err := agent.CheckAllowPath(a); err != nil {
			return err
		}
	}
	ssmData, err := o.readSSMAnswers(ctx)
	if err != nil {
		return err
	}
	r, err := o.Root()
	if err != nil {
		return err
	}
	rep, err := detect.Detect(r)
	if err != nil {
		return err
	}
	o.step("config")
	c, err := applyConfig(r, app.PlanningReport(*rep, r.Live() || o.DryRun), o.Answers, o.RunAs, ssmData, p, o.ErrOut)
	if err != nil {
		return err
	}
	if o.DryRun {
		fmt.Fprintln(o.ErrOut, p.T(i18n.ApplyDryRunHeader))
		if c.Diff != "" {
			fmt.Fprintln(o.ErrOut, p.T(i18n.ApplyDiffHeader))
			fmt.Fprint(o.ErrOut, c.Diff)
		}
	}
	res, err := app.Apply(ctx, r, *rep, c, app.ApplyOptions{
		DryRun:   o.DryRun,
		Keep:     o.Keep,
		Allow:    o.AllowPaths,
		Progress: func(e agent.Event) { o.event(e); writeApplyEvent(o.ErrOut, p, e) },
	})
	if res != nil && res.Failure != nil {
		for _, m := range res.Failure.Explain() {
			fmt.Fprintln(o.ErrOut, p.Error(m))
		}
	}
	if res != nil && res.AccessUndoErr != nil {
		fmt.Fprintln(o.ErrOut, p.Error(res.AccessUndoErr))
	}
	if res != nil && res.RollbackErr != nil {
		fmt.Fprintln(o.ErrOut, p.T(i18n.ApplyRollbackFailed, res.RollbackErr, res.Backup))
	}
	if errors.Is(err, agent.ErrInterrupted) {
		if res != nil && res.Installed {
			fmt.Fprintln(o.ErrOut, p.T(i18n.ApplyLeftAgent))
		}
		return abortedError{applyLeft(r, res)}
	}
	if err != nil {
		return err
	}
	if o.DryRun {
		fmt.Fprintln(o.ErrOut, p.T(i18n.ApplyDryRunFooter))
		return nil
	}
	fmt.Fprintln(o.ErrOut, p.T(i18n.ApplyDone))
	if o.NoVerify {
		return nil
	}
	o.step("verify")
	v, err := app.Verify(ctx, r, o.Ports, app.VerifyOptions{
		Wait:     o.Wait,
		Progress: func(c agent.Check) { writeVerifyCheck(o.ErrOut, p, c) },
	})
	if err != nil {
		writeVerifyRetry(o.ErrOut, p, v)
		return err
	}
	fmt.Fprintln(o.ErrOut, p.T(i18n.VerifyPassed))
	writeNextSteps(o.ErrOut, p, app.NextSteps(c.Config, res, v.Region))
	return nil
}

// writeNextSteps says where the logs are and how to undo.
func writeNextSteps(w io.Writer, p i18n.Printer, n app.Next) {
	fmt.Fprintln(w, p.T(i18n.AppNextHeader))
	if n.ConsoleURL != "" {
		fmt.Fprintln(w, "  "+p.T(i18n.AppNextConsole, n.Region))
		fmt.Fprintln(w, "    "+n.ConsoleURL)
	}
	if n.Tail != "" {
		fmt.Fprintln(w, "  "+p.T(i18n.AppNextTail))
		fmt.Fprintln(w, "    "+n.Tail)
	}
	if n.Backup != "" {
		fmt.Fprintln(w, "  "+p.T(i18n.AppNextBackup))
		fmt.Fprintln(w, "    "+n.Backup)
	} else {
		fmt.Fprintln(w, "  "+p.T(i18n.AppNextNoBack))
		fmt.Fprintln(w, "    "+n.Config)
	}
	fmt.Fprintln(w, "  "+p.T(i18n.AppNextUndo))
	for _, u := range n.Undo {
		fmt.Fprintln(w, "    "+u)
	}
}

// writeApplyEvent draws one progress event as a line for a person.
func writeApplyEvent(w io.Writer, p i18n.Printer, e agent.Event) {
	// Agent output and paths are host content: no control characters.
	line := func(s string) { fmt.Fprintln(w, render.TermSafe(s)) }
	switch e.Kind {
	case agent.EvStart:
		line("==> " + p.Error(e.Msg))
	case agent.EvCommand:
		line(p.T(i18n.ApplyRunCmd, shellJoin(e.Argv)))
	case agent.EvPlanned:
		if e.Argv != nil {
			line(p.T(i18n.ApplyPlannedCmd, shellJoin(e.Argv)))
		} else {
			line(p.Error(e.Msg))
		}
	case agent.EvOutput:
		line("    | " + e.Line)
	case agent.EvDone:
		line("    " + p.Error(e.Msg))
	case agent.EvNote:
		line("    " + p.Error(e.Msg))
	}
}

// shellJoin quotes arguments the way a person would type them.
func shellJoin(argv []string) string {
	out := make([]string, len(argv))
	for i, a := range argv {
		if a == "" || strings.ContainsAny(a, " \t\n'\"\\$`*?[]{}()<>|&;#~") {
			out[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		} else {
			out[i] = a
		}
	}
	return strings.Join(out, " ")
}

// applyLeft says exactly what an interrupted apply leaves behind: the
// config restored from which backup (or removed, or stuck), the lock
// released.
func applyLeft(r host.Root, res *agent.ApplyResult) error {
	lock := r.Path(agent.LockPath)
	cfg := r.Path(agent.ConfigPath)
	switch {
	case res == nil || !res.Written:
		return i18n.Errorf(i18n.ApplyLeftNothing, lock)
	case res.RollbackErr != nil:
		return i18n.Errorf(i18n.ApplyLeftStuck, res.Backup, lock)
	case res.Backup == "" && res.StopErr != nil:
		return i18n.Errorf(i18n.ApplyLeftRemovedRunning, cfg, res.StopErr, lock)
	case res.Backup == "" && res.Stopped:
		return i18n.Errorf(i18n.ApplyLeftRemovedStopped, cfg, lock)
	case res.Backup == "":
		return i18n.Errorf(i18n.ApplyLeftRemoved, cfg, lock)
	}
	return i18n.Errorf(i18n.ApplyLeftRestored, res.Backup, lock)
}
