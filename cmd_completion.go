package main

import (
	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/i18n"
)

func init() { register(newCompletionCmd) }

// completionShells are the shells cwsetup writes completion scripts for.
var completionShells = []string{"bash", "zsh", "fish"}

type completionOptions struct {
	Shell  string
	NoDesc bool
}

// newCompletionCmd replaces cobra's default (English-only) completion
// command, which cli.go disables, with one whose help is localized. The
// scripts call the hidden "__complete" command, so the descriptions they
// show follow --lang and the locale too.
func newCompletionCmd(g *globals, s *streams) *cobra.Command {
	o := &completionOptions{}
	cmd := &cobra.Command{
		Use:                   "completion bash|zsh|fish",
		Short:                 g.p.T(i18n.CompletionShort),
		Long:                  g.p.T(i18n.CompletionLong),
		DisableFlagsInUseLine: true,
		ValidArgs:             completionShells,
		Args: func(_ *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return i18n.UsageErrorf(i18n.ErrCompletionNone)
			case len(args) > 1:
				return i18n.UsageErrorf(i18n.ErrExtraArgs, args[1], "cwsetup completion")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Shell = args[0]
			return completionRun(cmd.Root(), o, s)
		},
	}
	cmd.Flags().BoolVar(&o.NoDesc, "no-descriptions", false, g.p.T(i18n.CompletionNoDesc))
	return cmd
}

// completeGlobalFlags tells the shells what --lang and --root take.
func completeGlobalFlags(root *cobra.Command) {
	_ = root.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"ko", "en"}, cobra.ShellCompDirectiveNoFileComp))
	_ = root.MarkPersistentFlagDirname("root")
}

func completionRun(root *cobra.Command, o *completionOptions, s *streams) error {
	var err error
	switch o.Shell {
	case "bash":
		err = root.GenBashCompletionV2(s.Out, !o.NoDesc)
	case "zsh":
		if o.NoDesc {
			err = root.GenZshCompletionNoDesc(s.Out)
		} else {
			err = root.GenZshCompletion(s.Out)
		}
	case "fish":
		err = root.GenFishCompletion(s.Out, !o.NoDesc)
	default:
		return i18n.UsageErrorf(i18n.ErrCompletionShell, o.Shell)
	}
	if err != nil {
		return i18n.Errorf(i18n.ErrWriteOut, err)
	}
	return nil
}
