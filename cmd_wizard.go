package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/aws"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/tui"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/iamsetup"
	"github.com/cwsetup/cwsetup/wizard/plan"
	"github.com/cwsetup/cwsetup/wizard/sizing"
	"github.com/cwsetup/cwsetup/wizard/tsformat"
)

// wizardOptions are the flags of `cwsetup` without a command.
type wizardOptions struct {
	Accessible  bool
	SaveAnswers string
	// AllowPaths are --allow-path directories, as apply takes them.
	AllowPaths []string
}

// addWizardFlags adds the wizard's flags to the root command (the wizard
// is what `cwsetup` runs without a command).
func addWizardFlags(cmd *cobra.Command, p i18n.Printer) {
	cmd.Flags().Bool("accessible", false, p.T(i18n.TUIFlagAccessible))
	cmd.Flags().String("save-answers", "", p.T(i18n.TUIFlagSaveAnswers))
	cmd.Flags().StringArray("allow-path", nil, p.T(i18n.ApplyFlagAllowPath))
}

// runWizardCmd runs the interactive wizard on the terminal.
func runWizardCmd(ctx context.Context, cmd *cobra.Command, g *globals, s *streams) error {
	return runWizard(ctx, g, s, wizardOptionsFrom(cmd))
}

// wizardOptionsFrom reads the wizard's flags from the parsed root command.
func wizardOptionsFrom(cmd *cobra.Command) *wizardOptions {
	o := &wizardOptions{}
	o.Accessible, _ = cmd.Flags().GetBool("accessible")
	o.SaveAnswers, _ = cmd.Flags().GetString("save-answers")
	o.AllowPaths, _ = cmd.Flags().GetStringArray("allow-path")
	return o
}

func runWizard(ctx context.Context, g *globals, s *streams, o *wizardOptions) error {
	// A person reads each screen: there is CPU to spare, so the heap is
	// collected at 25% growth, which keeps peak RSS under the wizard's limit (docs/architecture.md)
	// (GOGC=100 peaks near 32 MB over the flow). GOGC in the environment wins.
	if s.Getenv("GOGC") == "" {
		debug.SetGCPercent(25)
	}
	p := g.p
	for _, a := range o.AllowPaths {
		if err := agent.CheckAllowPath(a); err != nil {
			return err
		}
	}
	root, err := g.root()
	if err != nil {
		return err
	}
	stdin, _ := s.In.(*os.File)
	stderr, _ := s.ErrOut.(*os.File)
	in, out, closeTTY, err := tui.Terminal(stdin, stderr)
	if err != nil {
		return i18n.UsageErrorf(i18n.TUIErrNoTerminal)
	}
	defer closeTTY()

	utf8 := i18n.UTF8Locale(s.Getenv)
	lang := p.Lang
	if lang == i18n.KO && !utf8 {
		// Hangul would be garbled: English, and say how to get Korean.
		lang = i18n.EN
		fmt.Fprintln(s.ErrOut, i18n.New(i18n.EN).T(i18n.TUIHintUTF8, localeName(s.Getenv)))
	}
	sess := &tui.Session{
		Lang:            lang,
		UTF8:            utf8,
		Root:            root,
		SaveAnswersPath: o.SaveAnswers,
	}
	wireWizard(sess, g.ports, o.AllowPaths)

	res, err := tui.Run(ctx, sess, tui.Options{
		In:         in,
		Out:        out,
		Env:        os.Environ(),
		Accessible: o.Accessible || s.Getenv("TERM") == "dumb",
	})
	g.p = i18n.New(res.Lang) // the final message in the language the user chose
	if err != nil {
		return err
	}
	fin := g.p
	switch res.Outcome {
	case tui.Aborted:
		if res.SaveTo != "" {
			if err := saveAnswers(sess, res.SaveTo); err != nil {
				return err
			}
			fmt.Fprintln(s.ErrOut, fin.T(i18n.TUIAbortedSaved, res.SaveTo, res.SaveTo))
		}
		if changed := sess.IAMChanges(fin); len(changed) > 0 {
			// Not "nothing was changed": AWS was.
			fmt.Fprintln(s.ErrOut, fin.T(i18n.TUIAbortedIAMKept))
			for _, c := range changed {
				fmt.Fprintln(s.ErrOut, c)
			}
			if res.SaveTo == "" {
				// What is left to do: the server part, the role is there.
				fmt.Fprintln(s.ErrOut, fin.T(i18n.TUIAbortedIAMNext))
				fmt.Fprintln(s.ErrOut, "  sudo cwsetup")
			}
			return errAbortedQuiet
		}
		return errAborted
	case tui.Completed:
		if o.SaveAnswers != "" {
			if err := saveAnswers(sess, o.SaveAnswers); err != nil {
				return err
			}
			fmt.Fprintln(s.ErrOut, fin.T(i18n.TUISaved, o.SaveAnswers))
		}
		return wizardEnd(s.ErrOut, fin, sess)
	}
	return nil
}

// wizardEnd prints how the run ended, once the screen is gone, so the
// commands and URLs can be copied whole: after a failure what failed and
// what to run next (the error makes the exit 1); after a good run the
// next steps.
func wizardEnd(w io.Writer, p i18n.Printer, sess *tui.Session) error {
	// What the IAM step changed in AWS stays whatever happens next.
	if changed := sess.IAMChanges(p); len(changed) > 0 {
		fmt.Fprintln(w, p.T(i18n.TUIDoneIAMChanged))
		for _, c := range changed {
			fmt.Fprintln(w, c)
		}
	}
	if err := sess.Failure(); err != nil {
		if sess.RoleMissing() {
			// The first cause to fix, before what the checks blamed.
			fmt.Fprintln(w, p.T(i18n.TUIVerifyNoRole))
		}
		if v := sess.Verified(); v != nil {
			for _, c := range v.Failures() {
				writeVerifyCheck(w, p, c)
			}
			writeVerifyRetry(w, p, v)
		}
		return err
	}
	switch {
	case !sess.Applied():
		// The flow ended before apply (a build without it): nothing ran.
	case sess.VerifyInterrupted():
		// Not 0: the logs were never shown to arrive.
		return abortedError{i18n.Errorf(i18n.TUIVerifyInterrupted)}
	case sess.MarkerSkipped():
		return i18n.Errorf(i18n.TUIVerifyMarkerSkipped)
	case sess.Verified() == nil:
		fmt.Fprintln(w, p.T(i18n.TUIDoneUnverified))
		fmt.Fprintln(w, "  sudo cwsetup verify")
		return nil
	default:
		writeNextSteps(w, p, sess.Next())
	}
	fmt.Fprintln(w, p.T(i18n.TUIDone))
	return nil
}

func saveAnswers(sess *tui.Session, path string) error {
	if sess.SaveAnswers == nil {
		return i18n.Errorf(i18n.TUISaveUnavailable)
	}
	if err := sess.SaveAnswers(path); err != nil {
		var e *i18n.Error
		if errors.As(err, &e) {
			return err
		}
		return i18n.Errorf(i18n.TUIErrSave, path, err)
	}
	return nil
}

// wireWizard gives the wizard the domain functions that exist; a screen
// whose function is missing is left out of the flow.
// allow are the --allow-path directories: the review decides who the agent
// runs as with them, as apply then does.
func wireWizard(sess *tui.Session, ports app.Ports, allow []string) {
	root := sess.Root
	sess.Detect = func(ctx context.Context) (detect.Report, error) {
		rep, err := detect.Detect(root)
		if err != nil {
			return detect.Report{}, err
		}
		return *rep, nil
	}
	sess.CheckFormat = func(path, format string) (tsformat.Check, bool, error) {
		if _, err := tsformat.Parse(format); err != nil {
			return tsformat.Check{}, false, err
		}
		a := plan.Answers{Logs: []plan.LogSource{{Path: path, TimestampFormat: format}}}
		for _, c := range plan.CheckTimestamps(root, a) {
			return c.Check, true, nil
		}
		return tsformat.Check{}, false, nil
	}
	sess.LastLine = func(path string) (string, error) { return lastLine(root, path) }
	// Review and Apply are `cwsetup apply`'s preflight and apply: the
	// same app.Prepare on the same root, so the wizard finds what apply
	// would find and refuses what apply would refuse.
	sess.Review = func(a plan.Answers) (*app.Config, error) {
		return app.Prepare(root, a, app.PrepareOptions{})
	}
	// Who the agent will run as, decided as apply's access step decides:
	// the review shows the root variant apply would write, and why.
	sess.Access = func(cfg []byte) agent.AccessPlan {
		dirs := append(slices.Clone(allow), agent.LogDirs(reportOf(sess))...)
		return agent.PlanAccess(agent.AccessOptions{Root: root, Config: cfg, AllowPaths: dirs})
	}
	sess.IAM = func(ctx context.Context, a plan.Answers) (tui.IAMState, error) {
		id := identifyEC2(ctx, root)
		facts, err := id.Facts, id.Err
		if err != nil {
			var ne *aws.NotEC2Error
			if errors.As(err, &ne) {
				return tui.IAMState{NotEC2: func(p i18n.Printer) string { return notEC2Text(p, err) }}, nil
			}
			return tui.IAMState{}, err
		}
		st := tui.IAMState{Role: facts.RoleName, Instance: facts.InstanceID, Region: facts.Region}
		in := render.PolicyInputFromAnswers(a, facts.Region, facts.AccountID, true)
		st.Policy = string(render.LeastPrivilegePolicy(in).JSON())
		st.Steps = func(p i18n.Printer) string {
			// The screen shows (and saves) the policy itself, unwrapped.
			return p.T(i18n.IAMConsoleSteps, in.EffectiveRoleName(), facts.InstanceID, in.Region, in.Account, "")
		}
		return st, nil
	}
	sess.SavePolicy = func(policy []byte) (string, error) { return savePolicy(sess.SaveAnswersPath, policy) }
	// The IAM step's "create it now": iam setup's job on these answers
	// (their security alarms too, when on). The screen shows the plan and
	// applies it on confirmation.
	sess.IAMPlan = func(ctx context.Context, a plan.Answers) (*tui.IAMJob, error) {
		job, pl, err := wizardIAMPlan(ctx, root, a)
		if err != nil {
			return nil, err
		}
		return &tui.IAMJob{Account: job.Account, Region: job.Region, Plan: pl,
			Apply: func(ctx context.Context) (iamsetup.Result, error) { return iamsetup.Apply(ctx, job.Ports, pl) },
		}, nil
	}
	sess.Apply = func(ctx context.Context, a plan.Answers, progress func(agent.Event)) (*agent.ApplyResult, error) {
		c, err := app.Prepare(root, a, app.PrepareOptions{})
		if err != nil {
			return nil, err
		}
		return app.Apply(ctx, root, reportOf(sess), c, app.ApplyOptions{Progress: progress, Allow: allow})
	}
	sess.VerifyWait = 60 * time.Second
	sess.Verify = func(ctx context.Context, progress func(agent.Check)) (*app.Verified, error) {
		return app.Verify(ctx, root, ports, app.VerifyOptions{Wait: sess.VerifyWait, Progress: progress})
	}
	sess.Sizing = func(ctx context.Context) (sizing.Report, error) {
		// What `cwsetup sizing` would use on this root (AWS on the live machine).
		return app.Sizing(ctx, root, sizingJobOptions(ctx, root, liveSampler(root, time.Second), "", false, liveSizingAWS))
	}
	sess.SaveAnswers = func(path string) error {
		if sess.Answers == nil {
			return i18n.Errorf(i18n.TUISaveUnavailable)
		}
		b, err := plan.Save(*sess.Answers)
		if err != nil {
			return err
		}
		return os.WriteFile(path, b, 0o600)
	}
}

// savePolicy writes the IAM screen's policy JSON beside the saved answers
// (--save-answers), else in the working directory, else in the temporary
// directory, and returns the file's absolute path.
func savePolicy(answersPath string, policy []byte) (string, error) {
	dirs := []string{".", os.TempDir()}
	if answersPath != "" {
		dirs = append([]string{filepath.Dir(answersPath)}, dirs...)
	}
	var err error
	for _, d := range dirs {
		var path string
		if path, err = filepath.Abs(filepath.Join(d, "cwsetup-policy.json")); err != nil {
			continue
		}
		if err = os.WriteFile(path, policy, 0o644); err == nil {
			return path, nil
		}
		err = i18n.Errorf(i18n.TUIIAMErrSave, path, err)
	}
	return "", err
}

// lastLine is the last non-empty line of the newest file matching path
// (a glob) under root, read from the end of the file, redacted.
func lastLine(root host.Root, path string) (string, error) {
	matches, err := root.Glob(path)
	if err != nil || len(matches) == 0 {
		return "", err
	}
	newest, newestMod := "", time.Time{}
	for _, m := range matches {
		if st, err := root.Stat(m); err == nil && st.Mode().IsRegular() && !st.ModTime().Before(newestMod) {
			newest, newestMod = m, st.ModTime()
		}
	}
	if newest == "" {
		return "", nil
	}
	// TailLines refuses secret files and FIFOs and reads only the end.
	lines, err := root.TailLines(newest)
	if err != nil || len(lines) == 0 {
		return "", err
	}
	l := host.Redact(strings.TrimSpace(lines[len(lines)-1]))
	if r := []rune(l); len(r) > 300 {
		l = string(r[:300]) + "…" // a line for the screen, not the file
	}
	return l, nil
}

func reportOf(sess *tui.Session) detect.Report {
	if sess.Report != nil {
		return *sess.Report
	}
	return detect.Report{}
}

func localeName(getenv func(string) string) string {
	for _, v := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if s := getenv(v); s != "" {
			return s
		}
	}
	return "(unset)"
}

// errAbortedQuiet ends a wizard the user quit after the IAM step changed
// AWS (the changes were listed): exit 130, without errAborted's "nothing
// was changed".
var errAbortedQuiet error = abortedKept{i18n.Errorf(i18n.TUIAborted)}

type abortedKept struct{ e *i18n.Error }

func (a abortedKept) Error() string        { return a.e.Error() }
func (a abortedKept) Unwrap() error        { return a.e }
func (a abortedKept) Is(target error) bool { return target == errAborted }
