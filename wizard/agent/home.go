// Package agent changes the machine: it installs the CloudWatch agent,
// writes its config atomically with backups, runs the agent's own
// amazon-cloudwatch-agent-ctl, rolls back on failure and checks delivery.
// Everything is relocated under a host.Root; it never prints — progress
// goes to a callback and results come back as data.
package agent

import (
	"errors"
	"io/fs"
	"path"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// Host paths of the agent's files (reference/agent-config.md).
const (
	HomeDir    = "/opt/aws/amazon-cloudwatch-agent"
	CtlPath    = HomeDir + "/bin/amazon-cloudwatch-agent-ctl"
	ConfigPath = HomeDir + "/bin/config.json"
	// LoadedDir holds the configs the agent really loads; fetch-config
	// from file:.../NAME saves it here as file_NAME.
	LoadedDir    = HomeDir + "/etc/amazon-cloudwatch-agent.d"
	AgentLogPath = HomeDir + "/logs/amazon-cloudwatch-agent.log"
	// StateDir holds cwsetup's own lock and downloads.
	StateDir = "/var/lib/cwsetup"
	LockPath = StateDir + "/apply.lock"
)

// DefaultKeepBackups is how many config.json.bak.* files are kept.
const DefaultKeepBackups = 5

// Home is the agent's installation under a root.
type Home struct{ Root host.Root }

// Local maps a host path of the agent to a path on this machine.
func (h Home) Local(p string) string { return h.Root.Path(p) }

// CheckContained refuses to go on when config.json, its directory (where
// its backups and temp file go) or cwsetup's lock lead out of the root
// through a symbolic link: reading or writing them would touch a file
// outside --root. A usage error: the root is the user's input.
func (h Home) CheckContained() error {
	for _, p := range []string{ConfigPath, LockPath} {
		if _, err := h.Root.Contained(p); err != nil {
			return i18n.UsageErrorf(i18n.ErrOutsideRoot, p, h.Root.Dir(), causeOf(err))
		}
	}
	return nil
}

// Ctl is the local path of amazon-cloudwatch-agent-ctl.
func (h Home) Ctl() string { return h.Local(CtlPath) }

// Config is the local path of the config cwsetup writes.
func (h Home) Config() string { return h.Local(ConfigPath) }

// LoadedConfig is where fetch-config saves the config it accepted.
func (h Home) LoadedConfig() string {
	return h.Local(path.Join(LoadedDir, "file_"+path.Base(ConfigPath)))
}

// causeOf drops a PathError's local path (a temp dir under a test root).
func causeOf(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
