package agent

import (
	"os"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// Rotation and read access (docs/architecture.md, "Read access"): a grant
// is an ACL entry on one inode, and a rotation makes a new inode. What the
// new file gets depends on how it is made, measured with Debian's
// logrotate 3.21 (wizard/agent/rotate_test.go):
//
//   - logrotate `create` without a mode copies the old file's ACL: kept.
//   - `create 0640 www-data adm` (nginx, apache2) copies nothing; a default
//     ACL on the daemon's own directory gives the new file the entry, and
//     the mode's group bits (r) are its mask: kept.
//   - `create 600 mysql mysql` (MariaDB on Rocky) copies nothing, and the
//     mask from mode 600 is ---: the inherited entry is not effective.
//   - rsyslog re-creating a file itself with $FileCreateMode 0600 in
//     /var/log, where cwsetup never sets a default ACL: no entry at all.
//
// The last two are not fixable by ACL inheritance, so after a rotation the
// grants are planned again for the files as they now are and set where
// they are missing (Regrant, `cwsetup regrant`, run by the systemd path
// unit apply installs). A file that is readable already gets nothing, so a
// regrant changes nothing twice.

// RegrantOptions is the input of Regrant.
type RegrantOptions struct {
	Root       host.Root
	AllowPaths []string // as apply had them: --allow-path and agent.LogDirs
	Runner     Runner   // nil: ExecRunner
}

// RegrantResult is what one regrant found and did.
type RegrantResult struct {
	User     string       `json:"user"`
	Granted  []Grant      `json:"granted"`
	Readable []FileAccess `json:"readable"`
	// Skipped says why nothing was granted (the agent runs as root, the
	// user is gone); nil when the grants were checked.
	Skipped *i18n.Error `json:"-"`
}

// Regrant re-plans read access for the agent's current config on the host
// as it is now and sets the grants that are missing, through the same
// descriptor-based path as apply (no swap between check and set), then
// proves each file readable as the agent's user. It never creates users,
// joins groups or changes the config: that is apply's.
func Regrant(o RegrantOptions) (*RegrantResult, error) {
	if o.Runner == nil {
		o.Runner = ExecRunner{}
	}
	h := Home{Root: o.Root}
	cfg, err := os.ReadFile(h.Config())
	if err != nil {
		return nil, i18n.Errorf(i18n.RegrantErrNoConfig, h.Config(), err)
	}
	plan := PlanAccess(AccessOptions{Root: o.Root, Config: cfg, Runner: o.Runner, AllowPaths: o.AllowPaths})
	res := &RegrantResult{User: plan.User}
	if plan.Refused != nil {
		return res, plan.Refused
	}
	switch {
	case plan.AsRoot():
		res.Skipped = plan.Reason
		return res, nil
	case plan.CreateUser || plan.JoinGroup != "":
		res.Skipped = i18n.Errorf(i18n.RegrantWhyUserChanged, plan.User)
		return res, nil
	}
	a := &applier{ApplyOptions: ApplyOptions{Root: o.Root, Runner: o.Runner, Progress: func(Event) {}}, home: h, res: &ApplyResult{}}
	saved := map[string]bool{}
	for _, g := range plan.Grants {
		if why := a.grant(g, saved); why != nil {
			return res, why
		}
		res.Granted = append(res.Granted, g)
	}
	got, err := ProveReadable(o.Root, *plan.Identity, plan.Files, plan.Dirs)
	if err != nil {
		return res, i18n.Errorf(i18n.AccessWhyProbe, plan.User, err)
	}
	res.Readable = got
	for _, f := range got {
		if !f.Readable {
			return res, i18n.Errorf(i18n.AccessWhyUnreadable, f.Path, plan.User, f.Err)
		}
	}
	return res, nil
}
