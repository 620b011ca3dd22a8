package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/tui"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// wizardOptions are the flags of `cwsetup` without a command.
type wizardOptions struct {
	Accessible  bool
	SaveAnswers string
}

// addWizardFlags adds the wizard's flags to the root command (the wizard
// is what `cwsetup` runs without a command).
func addWizardFlags(cmd *cobra.Command, p i18n.Printer) {
	cmd.Flags().Bool("accessible", false, p.T(i18n.TUIFlagAccessible))
	cmd.Flags().String("save-answers", "", p.T(i18n.TUIFlagSaveAnswers))
}

// runWizardCmd runs the interactive wizard on the terminal.
func runWizardCmd(ctx context.Context, cmd *cobra.Command, g *globals, s *streams) error {
	o := &wizardOptions{}
	o.Accessible, _ = cmd.Flags().GetBool("accessible")
	o.SaveAnswers, _ = cmd.Flags().GetString("save-answers")
	return runWizard(ctx, g, s, o)
}

func runWizard(ctx context.Context, g *globals, s *streams, o *wizardOptions) error {
	p := g.p
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
	wireWizard(sess)

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
		return errAborted
	case tui.Completed:
		if o.SaveAnswers != "" {
			if err := saveAnswers(sess, o.SaveAnswers); err != nil {
				return err
			}
			fmt.Fprintln(s.ErrOut, fin.T(i18n.TUISaved, o.SaveAnswers))
		}
		fmt.Fprintln(s.ErrOut, fin.T(i18n.TUIDone))
	}
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
func wireWizard(sess *tui.Session) {
	root := sess.Root
	sess.Detect = func(ctx context.Context) (detect.Report, error) {
		rep, err := detect.Detect(root)
		if err != nil {
			return detect.Report{}, err
		}
		return *rep, nil
	}
	sess.Review = func(a plan.Answers) ([]byte, string, bool, error) {
		var old []byte
		if sess.Report != nil && sess.Report.Agent.ConfigPath != "" {
			old, _ = root.ReadFile(sess.Report.Agent.ConfigPath)
		}
		cfg, err := render.Merge(old, a)
		if err != nil {
			return nil, "", false, err
		}
		return cfg, render.Diff(old, cfg), len(old) > 0, nil
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

func localeName(getenv func(string) string) string {
	for _, v := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if s := getenv(v); s != "" {
			return s
		}
	}
	return "(unset)"
}
