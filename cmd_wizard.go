package main

import (
	"context"

	"github.com/spf13/cobra"
)

// runWizardCmd runs the interactive wizard. Until the TUI lands (issue 8)
// cwsetup without a command shows the help, which lists what works.
func runWizardCmd(ctx context.Context, cmd *cobra.Command, g *globals, s *streams) error {
	return cmd.Help()
}
