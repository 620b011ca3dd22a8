package app

import (
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// Regrant is the regrant job: read access set again on the shipped logs
// as they are after a rotation (agent.Regrant).
func Regrant(r host.Root, allow []string) (*agent.RegrantResult, error) {
	return agent.Regrant(agent.RegrantOptions{Root: r, AllowPaths: allow})
}
