package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/preflight"
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

	Root   func() (host.Root, error)
	ErrOut io.Writer
	P      i18n.Printer
	// Verify runs the checks of `cwsetup verify` after a successful apply.
	Verify func(ctx context.Context, r host.Root, o *verifyOptions) error
}

func newApplyCmd(g *globals, s *streams) *cobra.Command {
	return newApplyCmdWith(g, s, runApply)
}

// newApplyCmdWith takes the run function so flag parsing can be tested alone.
func newApplyCmdWith(g *globals, s *streams, runF func(context.Context, *applyOptions) error) *cobra.Command {
	o := &applyOptions{Root: g.root, ErrOut: s.ErrOut, P: g.p, Verify: runVerifyChecks}
	cmd := &cobra.Command{
		Use:   "apply",
		Short: g.p.T(i18n.ApplyShort),
		Long:  g.p.T(i18n.ApplyLong),
		RunE:  func(cmd *cobra.Command, args []string) error { return runF(cmd.Context(), o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.Answers, "answers", "", g.p.T(i18n.ApplyFlagAnswers))
	f.BoolVarP(&o.Yes, "yes", "y", false, g.p.T(i18n.ApplyFlagYes))
	f.BoolVar(&o.DryRun, "dry-run", false, g.p.T(i18n.ApplyFlagDryRun))
	f.IntVar(&o.Keep, "keep-backups", agent.DefaultKeepBackups, g.p.T(i18n.ApplyFlagKeep))
	f.BoolVar(&o.NoVerify, "no-verify", false, g.p.T(i18n.ApplyFlagNoVerify))
	f.DurationVar(&o.Wait, "wait", 60*time.Second, g.p.T(i18n.ApplyFlagWait))
	return cmd
}

// applyConfigFor renders the config apply would write: the answers (or the
// detected defaults) merged into the existing config.json.
func applyConfigFor(r host.Root, rep *detect.Report, answersPath string, p i18n.Printer, errOut io.Writer) (cfg, existing []byte, err error) {
	if answersPath == "" {
		fmt.Fprintln(errOut, p.T(i18n.ApplyNoAnswers))
	}
	// The same answers `cwsetup config --answers F` uses (the file's role
	// picks the defaults it overrides).
	a, err := configAnswers(&configOptions{Answers: answersPath}, rep)
	if err != nil {
		return nil, nil, err
	}
	if answersPath != "" && answersPath != "-" && a.Alarms.Enabled && len(a.SecurityGroups()) > 0 {
		fmt.Fprintln(errOut, p.T(i18n.AnsAlarmsByIAMSetup, answersPath))
	}
	cfgPath := agent.Home{Root: r}.Config()
	existing, err = os.ReadFile(cfgPath)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, nil, i18n.Errorf(i18n.VerifyErrBadConfig, cfgPath, err)
	}
	// cwsetup never hands the agent a config it already knows is wrong:
	// the same preflight as `cwsetup config` and the wizard.
	res, err := preflight.Config(r, a, existing, cfgPath, preflight.Options{})
	if err != nil {
		return nil, nil, err
	}
	if !res.OK() {
		for _, pr := range res.Problems {
			fmt.Fprintln(errOut, "  - "+p.Error(pr))
		}
		if answersPath == "" {
			// The detected defaults themselves fail: not the user's input.
			return nil, nil, i18n.Errorf(i18n.ErrConfigInvalid, len(res.Problems))
		}
		return nil, nil, i18n.UsageErrorf(i18n.ErrConfigInvalid, len(res.Problems))
	}
	return res.Config, existing, nil
}

func runApply(ctx context.Context, o *applyOptions) error {
	p := o.P
	if !o.Yes && !o.DryRun {
		return i18n.UsageErrorf(i18n.ApplyNeedYes)
	}
	r, err := o.Root()
	if err != nil {
		return err
	}
	rep, err := detect.Detect(r)
	if err != nil {
		return err
	}
	// An agent that apply is about to upgrade (journal-only host, agent
	// too old for journald) counts as the new one for the config, as an
	// agent about to be installed does.
	cfgRep := *rep
	if _, upgrade := agent.NeedsAgentWork(*rep); upgrade && (r.Live() || o.DryRun) {
		cfgRep.Agent.Version = agent.JournaldMinVersion
	}
	cfg, existing, err := applyConfigFor(r, &cfgRep, o.Answers, p, o.ErrOut)
	if err != nil {
		return err
	}
	if o.DryRun {
		fmt.Fprintln(o.ErrOut, p.T(i18n.ApplyDryRunHeader))
		if d := render.Diff(existing, cfg); len(existing) > 0 && d != "" {
			fmt.Fprintln(o.ErrOut, p.T(i18n.ApplyDiffHeader))
			fmt.Fprint(o.ErrOut, d)
		}
	}
	res, err := agent.Apply(ctx, agent.ApplyOptions{
		Root:     r,
		Report:   *rep,
		Config:   cfg,
		DryRun:   o.DryRun,
		Keep:     o.Keep,
		Progress: func(e agent.Event) { writeApplyEvent(o.ErrOut, p, e) },
	})
	if res != nil && res.Failure != nil {
		for _, m := range res.Failure.Explain() {
			fmt.Fprintln(o.ErrOut, p.Error(m))
		}
	}
	if res != nil && res.RollbackErr != nil {
		fmt.Fprintln(o.ErrOut, p.T(i18n.ApplyRollbackFailed, res.RollbackErr, res.Backup))
	}
	if errors.Is(err, agent.ErrInterrupted) {
		fmt.Fprintln(o.ErrOut, p.Error(err))
		return errAborted
	}
	if err != nil {
		return err
	}
	if o.DryRun {
		fmt.Fprintln(o.ErrOut, p.T(i18n.ApplyDryRunFooter))
		return nil
	}
	fmt.Fprintln(o.ErrOut, p.T(i18n.ApplyDone))
	if o.NoVerify || o.Verify == nil {
		return nil
	}
	return o.Verify(ctx, r, &verifyOptions{Wait: o.Wait, ErrOut: o.ErrOut, P: p})
}

// writeApplyEvent draws one progress event as a line for a person.
func writeApplyEvent(w io.Writer, p i18n.Printer, e agent.Event) {
	switch e.Kind {
	case agent.EvStart:
		fmt.Fprintln(w, "==> "+p.Error(e.Msg))
	case agent.EvCommand:
		fmt.Fprintln(w, p.T(i18n.ApplyRunCmd, shellJoin(e.Argv)))
	case agent.EvPlanned:
		if e.Argv != nil {
			fmt.Fprintln(w, p.T(i18n.ApplyPlannedCmd, shellJoin(e.Argv)))
		} else {
			fmt.Fprintln(w, p.Error(e.Msg))
		}
	case agent.EvOutput:
		fmt.Fprintln(w, "    | "+e.Line)
	case agent.EvDone:
		fmt.Fprintln(w, "    "+p.Error(e.Msg))
	case agent.EvNote:
		fmt.Fprintln(w, "    "+p.Error(e.Msg))
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
