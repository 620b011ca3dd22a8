package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/host"
)

func init() { register(newUndoCmd) }

// undoOptions is everything `cwsetup undo` needs.
type undoOptions struct {
	Root   func() (host.Root, error)
	ErrOut io.Writer
	P      i18n.Printer
}

func newUndoCmd(g *globals, s *streams) *cobra.Command {
	o := &undoOptions{Root: g.root, ErrOut: s.ErrOut, P: g.p}
	return &cobra.Command{
		Use:   "undo",
		Short: g.p.T(i18n.UndoShort),
		Long:  g.p.T(i18n.UndoLong),
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return runUndo(cmd.Context(), o) },
	}
}

func runUndo(ctx context.Context, o *undoOptions) error {
	r, err := o.Root()
	if err != nil {
		return err
	}
	p := o.P
	res, err := app.Undo(ctx, r, func(e agent.Event) { writeApplyEvent(o.ErrOut, p, e) })
	if res != nil {
		for _, e := range res.Errors {
			fmt.Fprintln(o.ErrOut, "  - "+p.Error(e))
		}
		switch res.Config {
		case "restored":
			fmt.Fprintln(o.ErrOut, p.T(i18n.UndoConfigRestored))
		case "removed":
			fmt.Fprintln(o.ErrOut, p.T(i18n.UndoConfigRemoved))
		}
	}
	if err != nil {
		return err
	}
	if res.HookRemoved {
		fmt.Fprintln(o.ErrOut, p.T(i18n.UndoHookRemoved))
	}
	fmt.Fprintln(o.ErrOut, p.T(i18n.UndoDone, res.Restored, res.Removed))
	return nil
}
