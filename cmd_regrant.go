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

func init() { register(newRegrantCmd) }

// regrantOptions is everything `cwsetup regrant` needs.
type regrantOptions struct {
	AllowPaths []string
	Root       func() (host.Root, error)
	ErrOut     io.Writer
	P          i18n.Printer
}

func newRegrantCmd(g *globals, s *streams) *cobra.Command {
	o := &regrantOptions{Root: g.root, ErrOut: s.ErrOut, P: g.p}
	cmd := &cobra.Command{
		Use:   "regrant",
		Short: g.p.T(i18n.RegrantShort),
		Long:  g.p.T(i18n.RegrantLong),
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return runRegrant(cmd.Context(), o) },
	}
	cmd.Flags().StringArrayVar(&o.AllowPaths, "allow-path", nil, g.p.T(i18n.ApplyFlagAllowPath))
	return cmd
}

func runRegrant(_ context.Context, o *regrantOptions) error {
	for _, a := range o.AllowPaths {
		if err := agent.CheckAllowPath(a); err != nil {
			return err
		}
	}
	r, err := o.Root()
	if err != nil {
		return err
	}
	res, err := app.Regrant(r, o.AllowPaths)
	if err != nil {
		return err
	}
	switch {
	case res.Skipped != nil:
		fmt.Fprintln(o.ErrOut, o.P.T(i18n.RegrantSkipped, res.Skipped))
	case len(res.Granted) == 0:
		fmt.Fprintln(o.ErrOut, o.P.T(i18n.RegrantNothing, countFiles(res.Readable), res.User))
	default:
		fmt.Fprintln(o.ErrOut, o.P.T(i18n.RegrantDone, res.User, len(res.Granted), countFiles(res.Readable), res.User))
	}
	return nil
}

func countFiles(fa []agent.FileAccess) int {
	n := 0
	for _, f := range fa {
		if !f.Dir {
			n++
		}
	}
	return n
}
