package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// Exit statuses: part of the command contract, scripts branch on them.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
	exitAborted = 130
)

// errAborted means the user stopped the run (Ctrl-C, Esc); nothing changed.
var errAborted = i18n.Errorf(i18n.ErrAborted)

// abortedError is a stop by the user whose message says what is left
// (after an interrupted apply); it exits as errAborted does.
type abortedError struct{ msg error }

func (e abortedError) Error() string   { return e.msg.Error() }
func (e abortedError) Unwrap() []error { return []error{e.msg, errAborted} }

// streams is where a command reads and writes: stdout carries results
// (JSON, config), stderr everything meant for a person.
type streams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	Getenv func(string) string
}

func newStreams() *streams {
	return &streams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, Getenv: os.Getenv}
}

// globals are the flags every command has.
type globals struct {
	Lang  string
	Root  string
	p     i18n.Printer
	ports app.Ports // AWS for the jobs, wired in main.go
}

// root opens the --root filesystem.
func (g *globals) root() (host.Root, error) { return host.Open(g.Root) }

// run executes the command line and returns the exit status.
func run(args []string, s *streams) int {
	g := &globals{}
	g.ports = wirePorts(s.Getenv, g.root)
	g.p = i18n.New(i18n.Detect(preScanLang(args), s.Getenv))
	if l := preScanLang(args); l != "" {
		if _, ok := i18n.ParseLang(l); !ok {
			fmt.Fprintln(s.ErrOut, g.p.T(i18n.ErrPrefix, g.p.T(i18n.ErrBadLang, l)))
			return exitUsage
		}
	}
	// SIGHUP is the SSH session dropping, the most common interruption of
	// all: it stops a run exactly as Ctrl-C and SIGTERM do (finish or undo).
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()

	cmd := newRootCmd(g, s)
	cmd.SetArgs(args)
	cmd.SetIn(s.In)
	cmd.SetOut(s.ErrOut)
	cmd.SetErr(s.ErrOut)
	if len(args) > 0 && strings.HasPrefix(args[0], cobra.ShellCompRequestCmd) {
		cmd.SetOut(s.Out) // shell completion scripts read the candidates from stdout
	}
	err := cmd.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	if errors.Is(err, context.Canceled) && !errors.Is(err, errAborted) {
		err = errAborted // a signal stopped a command that changes nothing
	}
	reportError(s.ErrOut, g.p, err)
	switch {
	case errors.Is(err, errAborted) || errors.Is(err, context.Canceled):
		return exitAborted
	case i18n.IsUsage(err):
		return exitUsage
	}
	return exitFailure
}

// reportError writes the message that ends a failed run. Errors quote
// paths and values from the host or an answers file, so the text is made
// terminal-safe.
func reportError(w io.Writer, p i18n.Printer, err error) {
	var kept abortedKept
	switch {
	case errors.As(err, &kept):
		// The wizard already listed what is left in AWS: nothing to add.
	case errors.Is(err, errAborted):
		// A deliberate stop is not an error: no "error:" before it.
		fmt.Fprintln(w, render.TermSafe(p.Error(err)))
	default:
		fmt.Fprintln(w, render.TermSafe(p.T(i18n.ErrPrefix, p.Error(err))))
	}
}

// preScanLang finds --lang before cobra parses, so help texts and flag
// errors are already in the right language.
func preScanLang(args []string) string {
	for i, a := range args {
		switch {
		case a == "--":
			return ""
		case a == "--lang" && i+1 < len(args):
			return args[i+1]
		case strings.HasPrefix(a, "--lang="):
			return strings.TrimPrefix(a, "--lang=")
		}
	}
	return ""
}

func newRootCmd(g *globals, s *streams) *cobra.Command {
	p := g.p
	cmd := &cobra.Command{
		Use:           "cwsetup",
		Short:         p.T(i18n.RootShort),
		Long:          p.T(i18n.RootLong),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return i18n.UsageErrorf(i18n.ErrUnknownCmd, args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runWizardCmd(cmd.Context(), cmd, g, s)
		},
	}
	cmd.CompletionOptions.DisableDefaultCmd = true
	cmd.PersistentFlags().StringVar(&g.Lang, "lang", "", p.T(i18n.FlagLang))
	cmd.PersistentFlags().StringVar(&g.Root, "root", "", p.T(i18n.FlagRoot))
	completeGlobalFlags(cmd) // cmd_completion.go
	addWizardFlags(cmd, p)

	for _, sub := range commandBuilders {
		cmd.AddCommand(sub(g, s))
	}
	localizeHelp(cmd, p)
	return cmd
}

// commandBuilders holds the subcommands; each cmd_*.go file adds its own
// in an init function, so commands stay independent files.
var commandBuilders []func(*globals, *streams) *cobra.Command

func register(b func(*globals, *streams) *cobra.Command) {
	commandBuilders = append(commandBuilders, b)
}

// localizeHelp replaces cobra's English help frame with catalog texts, on
// cmd and all its subcommands.
func localizeHelp(cmd *cobra.Command, p i18n.Printer) {
	cmd.SetUsageFunc(usageFunc(p))
	cmd.SetHelpCommand(&cobra.Command{
		Use:   "help [command]",
		Short: p.T(i18n.HelpCmdShort),
		Run: func(c *cobra.Command, args []string) {
			target, _, err := c.Root().Find(args)
			if err != nil || target == nil {
				target = c.Root()
			}
			_ = target.Help()
		},
	})
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return i18n.UsageErrorf(i18n.ErrBadFlag, flagProblem(p, err), c.CommandPath())
	})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = p.T(i18n.FlagHelp, c.Name())
		}
		if c.Args == nil && c.HasParent() && !c.HasSubCommands() {
			name := c.CommandPath()
			c.Args = func(_ *cobra.Command, args []string) error {
				if len(args) > 0 {
					return i18n.UsageErrorf(i18n.ErrExtraArgs, args[0], name)
				}
				return nil
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(cmd)
}

// usageFunc writes the localized usage text. It is plain Go on purpose:
// cobra's template path (SetUsageTemplate) runs text/template, whose
// MethodByName disables the linker's dead-code elimination and keeps every
// method of every reachable type (tens of MB of AWS SDK) in the binary.
func usageFunc(p i18n.Printer) func(*cobra.Command) error {
	return func(c *cobra.Command) error {
		var b strings.Builder
		b.WriteString(p.T(i18n.HelpUsage))
		if c.Runnable() {
			b.WriteString("\n  " + c.UseLine())
		}
		if c.HasAvailableSubCommands() {
			b.WriteString("\n  " + c.CommandPath() + " [command]")
		}
		if len(c.Aliases) > 0 {
			b.WriteString("\n\n" + p.T(i18n.HelpAliases) + "\n  " + c.NameAndAliases())
		}
		if c.HasExample() {
			b.WriteString("\n\n" + p.T(i18n.HelpExamples) + "\n" + c.Example)
		}
		if c.HasAvailableSubCommands() {
			b.WriteString("\n\n" + p.T(i18n.HelpCommands))
			for _, sub := range c.Commands() {
				if sub.IsAvailableCommand() || sub.Name() == "help" {
					fmt.Fprintf(&b, "\n  %-*s %s", sub.NamePadding(), sub.Name(), sub.Short)
				}
			}
		}
		if c.HasAvailableLocalFlags() {
			b.WriteString("\n\n" + p.T(i18n.HelpFlags) + "\n" + strings.TrimRightFunc(c.LocalFlags().FlagUsages(), unicode.IsSpace))
		}
		if c.HasAvailableInheritedFlags() {
			b.WriteString("\n\n" + p.T(i18n.HelpGlobal) + "\n" + strings.TrimRightFunc(c.InheritedFlags().FlagUsages(), unicode.IsSpace))
		}
		if c.HasAvailableSubCommands() {
			b.WriteString("\n\n" + p.T(i18n.HelpMore, c.CommandPath()))
		}
		b.WriteString("\n")
		_, err := io.WriteString(c.OutOrStderr(), b.String())
		return err
	}
}

// jsonFlag adds the common --json flag.
func jsonFlag(fs *pflag.FlagSet, v *bool, p i18n.Printer) {
	fs.BoolVar(v, "json", false, p.T(i18n.FlagJSON))
}

// flagProblem translates pflag's English parse errors.
func flagProblem(p i18n.Printer, err error) string {
	msg := err.Error()
	for prefix, k := range map[string]i18n.Key{
		"unknown flag: ":           i18n.ErrUnknownFlag,
		"unknown shorthand flag: ": i18n.ErrUnknownFlag,
	} {
		if strings.HasPrefix(msg, prefix) {
			return p.T(k, strings.TrimPrefix(msg, prefix))
		}
	}
	if strings.HasPrefix(msg, "flag needs an argument: ") {
		return p.T(i18n.ErrFlagNeedsArg, strings.TrimPrefix(msg, "flag needs an argument: "))
	}
	var invalid *pflag.InvalidValueError
	if errors.As(err, &invalid) && invalid.GetFlag() != nil {
		f := invalid.GetFlag()
		reason := p.T(flagTypeHint(f.Value.Type()))
		var own *i18n.Error
		if errors.As(invalid.Unwrap(), &own) {
			reason = p.Error(own) // a value type of ours says it best
		}
		return p.T(i18n.ErrFlagInvalid, "--"+f.Name, invalid.GetValue(), reason)
	}
	if strings.HasPrefix(msg, "bad flag syntax: ") {
		return p.T(i18n.ErrFlagSyntax, strings.TrimPrefix(msg, "bad flag syntax: "))
	}
	return msg
}

// flagTypeHint says what a flag of pflag's type name takes; pflag's own
// reason ("time: invalid duration") is Go's English.
func flagTypeHint(typ string) i18n.Key {
	switch typ {
	case "duration":
		return i18n.ErrFlagWantDuration
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64":
		return i18n.ErrFlagWantInt
	case "bool":
		return i18n.ErrFlagWantBool
	case "float32", "float64":
		return i18n.ErrFlagWantNumber
	}
	return i18n.ErrFlagWantValid
}
