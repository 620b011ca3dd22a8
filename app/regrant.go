package app

import (
	"context"

	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// Regrant is the regrant job: read access set again on the shipped logs
// as they are after a rotation (agent.Regrant).
func Regrant(r host.Root, allow []string) (*agent.RegrantResult, error) {
	return agent.Regrant(agent.RegrantOptions{Root: r, AllowPaths: allow})
}

// Undo is the undo job: what the applies recorded, taken back
// (agent.Undo).
func Undo(ctx context.Context, r host.Root, progress func(agent.Event)) (*agent.UndoResult, error) {
	return agent.Undo(ctx, agent.UndoOptions{Root: r, Progress: progress})
}
