package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// ApplyOptions tune Apply.
type ApplyOptions struct {
	DryRun   bool
	Keep     int // backups kept; 0: agent.DefaultKeepBackups
	Progress func(agent.Event)
	// Allow are directories outside /var/log the user allowed read grants
	// in (--allow-path); the detected daemons' own log directories are
	// added to them (agent.LogDirs).
	Allow []string
}

// Apply is the apply job: the config Prepare made goes onto the host —
// the agent installed or upgraded when needed, the old config backed up,
// the new one written atomically, fetch-config run, and the backup
// restored when the agent rejects it. rep is the host as detected (the
// install is planned from it). A config with problems is refused before
// anything changes: cwsetup never hands the agent a config it already
// knows is wrong. The result is filled as far as Apply got, also on error.
func Apply(ctx context.Context, r host.Root, rep detect.Report, c *Config, o ApplyOptions) (*agent.ApplyResult, error) {
	if !c.OK() {
		return nil, i18n.UsageErrorf(i18n.ErrConfigInvalid, len(c.Problems))
	}
	rootCfg, err := rootVariant(c.Config)
	if err != nil {
		return nil, err
	}
	allow := append(slices.Clone(o.Allow), agent.LogDirs(rep)...)
	return agent.Apply(ctx, agent.ApplyOptions{
		Root:       r,
		Report:     rep,
		Config:     c.Config,
		RootConfig: rootCfg,
		DryRun:     o.DryRun,
		Keep:       o.Keep,
		Progress:   o.Progress,
		AllowPaths: allow,
		Hook:       regrantHook(allow),
	})
}

// rootVariant is cfg run as root: what apply writes when the agent's user
// cannot be given the files (agent.PlanAccess; the reason is shown); nil
// when cfg already runs the agent as root.
func rootVariant(cfg []byte) ([]byte, error) {
	if u := agent.RunAsUserOf(cfg); u == "" || u == "root" {
		return nil, nil
	}
	return render.SetRunAsUser(cfg, "root")
}

// regrantHook renders the regrant units for the installed cwsetup; none
// when this binary is not installed where it stays (a download run from
// /tmp, a test binary): a unit must not name a file that goes away.
func regrantHook(allow []string) agent.Hook {
	exe, err := os.Executable()
	if err == nil {
		exe, err = filepath.EvalSymlinks(exe)
	}
	if err != nil || !stableExe(exe) {
		return agent.Hook{}
	}
	return agent.Hook{Units: func(dirs []string) ([]byte, []byte) { return render.RegrantUnits(exe, dirs, allow) }}
}

func stableExe(p string) bool {
	for _, d := range []string{"/usr/local/bin/", "/usr/local/sbin/", "/usr/bin/", "/usr/sbin/", "/opt/"} {
		if strings.HasPrefix(p, d) {
			return true
		}
	}
	return false
}
