package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/i18n"
)

// Set with -ldflags "-X main.version=… -X main.commit=… -X main.date=…".
var (
	version = ""
	commit  = ""
	date    = ""
)

func init() { register(newVersionCmd) }

// buildInfo returns version, commit and date, filling what -ldflags left
// empty from the module's build information.
func buildInfo() (v, c, d string) {
	v, c, d = version, commit, date
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if c == "" {
					c = s.Value
				}
			case "vcs.time":
				if d == "" {
					d = s.Value
				}
			}
		}
	}
	if v == "" {
		v = "dev"
	}
	if c == "" {
		c = "unknown"
	}
	if len(c) > 12 {
		c = c[:12]
	}
	if d == "" {
		d = "unknown"
	}
	return v, c, d
}

func newVersionCmd(g *globals, s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: g.p.T(i18n.VersionShort),
		RunE: func(cmd *cobra.Command, args []string) error {
			v, c, d := buildInfo()
			_, err := fmt.Fprintln(s.Out, g.p.T(i18n.VersionLine, v, c, d, runtime.GOOS+"/"+runtime.GOARCH))
			return err
		},
	}
}
