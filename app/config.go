package app

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/plan"
	"github.com/cwsetup/cwsetup/wizard/preflight"
)

// Config is the config.json the answers give on a host and what is wrong
// with it: the result of Prepare.
type Config struct {
	// Config is the answers merged into Existing (deterministic bytes).
	Config []byte
	// Existing is the config it was merged into (the host's config.json,
	// or `config --existing`); nil when there is none.
	Existing []byte
	// ExistingName is where Existing came from (a host path or a file).
	ExistingName string
	// Diff is Existing → Config as a unified diff; "" when there is no
	// existing config or nothing changes.
	Diff string
	// Problems would make the agent reject the config, or events carry
	// the wrong time; each names its JSON path or log. Apply refuses a
	// config with problems.
	Problems []*i18n.Error
	// Checks are the timestamp formats tried on their files.
	Checks []plan.TimestampCheck
}

// OK reports whether the config can be handed to the agent.
func (c *Config) OK() bool { return len(c.Problems) == 0 }

// PrepareOptions tune Prepare.
type PrepareOptions struct {
	// Existing, when ExistingName is set, stands in for the host's
	// config.json (`cwsetup config --existing F`).
	Existing     []byte
	ExistingName string
	// SkipTimestamps leaves out trying formats on the files (--no-check).
	SkipTimestamps bool
}

// Prepare is the plan/config job: it merges the answers into the host's
// config.json (agent.ConfigPath under r) and runs the preflight the agent
// would (schema and translator rules, inputs whose dependency is missing
// such as collectd without types.db, every timestamp_format on its
// file's recent lines). `cwsetup config`, `cwsetup apply` and the
// wizard's review and apply screens all call it, so they find the same
// problems. The error is for answers that do not validate (a usage error
// naming the key) and an existing config that is not JSON or cannot be
// read; problems found in a well-formed config are in Config.Problems.
func Prepare(r host.Root, a plan.Answers, o PrepareOptions) (*Config, error) {
	existing, name := o.Existing, o.ExistingName
	if name == "" {
		// A config.json linked out of --root is neither read nor merged.
		if err := (agent.Home{Root: r}).CheckContained(); err != nil {
			return nil, err
		}
		var err error
		existing, err = r.ReadFile(agent.ConfigPath)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			existing = nil
		case err != nil:
			return nil, i18n.Errorf(i18n.ErrExistingRead, agent.ConfigPath, err)
		default:
			name = agent.ConfigPath
		}
	}
	res, err := preflight.Config(r, a, existing, name, preflight.Options{SkipTimestamps: o.SkipTimestamps})
	if err != nil {
		return nil, err
	}
	c := &Config{Config: res.Config, Existing: existing, ExistingName: name, Problems: res.Problems, Checks: res.Checks}
	if len(existing) > 0 {
		c.Diff = render.Diff(existing, res.Config)
	}
	return c, nil
}

// PlanningReport is the report the config is planned for: an agent that
// apply is about to upgrade (a journal-only host whose agent is too old
// for journald) counts as the new one, as an agent about to be installed
// does. willChange says apply will really act on this host (the live
// root, or a dry run that plans it).
func PlanningReport(rep detect.Report, willChange bool) detect.Report {
	if _, upgrade := agent.NeedsAgentWork(rep); upgrade && willChange {
		rep.Agent.Version = agent.JournaldMinVersion
	}
	return rep
}

// Answers are the detected defaults for a role, overlaid with an answers
// file (data; nil for none). role "" means the file's role, else the one
// detection suggests. An unknown role is a usage error listing the roles.
func Answers(rep detect.Report, data []byte, role string) (plan.Answers, error) {
	if role != "" {
		if _, ok := plan.ParseRole(role); !ok {
			return plan.Answers{}, i18n.UsageErrorf(i18n.ErrBadRoleFlag, role, RoleList())
		}
	}
	if data == nil {
		r := plan.Role(role)
		if r == "" {
			r = plan.SuggestRole(rep)
		}
		a := plan.Defaults(rep, r)
		return a, a.Validate()
	}
	return plan.LoadFor(data, rep, plan.Role(role))
}

// RoleList names the role presets, comma-separated.
func RoleList() string {
	var n []string
	for _, pr := range plan.Presets {
		n = append(n, string(pr.Role))
	}
	return strings.Join(n, ", ")
}
