package agent

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/cwsetup/cwsetup/i18n"
)

// StepAccess grants the agent's user what it reads.
const StepAccess Step = "access"

// savedACL is a path's ACL before cwsetup touched it: getfacl's exact
// text, which `setfacl --restore` puts back (a path that had no extended
// ACL gets none again).
type savedACL struct {
	Path     string // host path
	Dump     []byte
	dev, ino uint64 // the object the dump is of: undo restores onto it alone
}

// accessUndo is what the access step changed, in order.
type accessUndo struct {
	acls []savedACL
	cmds [][]string // user database changes to undo, last first
}

func (u *accessUndo) empty() bool { return len(u.acls) == 0 && len(u.cmds) == 0 }

// config is the config apply writes: the requested one, or its root
// variant when the agent falls back to root.
func (a *applier) config() []byte {
	if a.res.Access != nil && a.res.Access.Fallback {
		return a.RootConfig
	}
	return a.Config
}

// access plans who the agent runs as and, unless that is root, grants
// the user read access, proves it, or falls back to root with the reason.
func (a *applier) access() error {
	plan := PlanAccess(AccessOptions{Root: a.Root, Config: a.Config, Runner: a.Runner, AllowPaths: a.AllowPaths})
	a.res.Access = &plan
	if plan.Refused != nil {
		return plan.Refused
	}
	if plan.AsRoot() {
		return a.asRoot()
	}
	a.emit(Event{Step: StepAccess, Kind: EvStart, Msg: i18n.Errorf(i18n.ApplyStepAccess, plan.User, len(plan.Files))})
	if a.DryRun {
		a.planAccess(&plan)
		return nil
	}
	if plan.CreateUser {
		for _, c := range CreateUserCommands(a.Root, plan.User) {
			if err := a.runTool(c); err != nil {
				return a.fallBack(i18n.Errorf(i18n.AccessWhyCreateUser, plan.User, err))
			}
			if c[0] == "groupadd" {
				a.undo.cmds = append(a.undo.cmds, userTool(a.Root, "groupdel", plan.User))
			} else {
				a.undo.cmds = append(a.undo.cmds, userTool(a.Root, "userdel", plan.User))
			}
		}
		a.emit(Event{Step: StepAccess, Kind: EvNote, Msg: i18n.Errorf(i18n.ApplyUserCreated, plan.User)})
		plan = PlanAccess(AccessOptions{Root: a.Root, Config: a.Config, Runner: a.Runner, AllowPaths: a.AllowPaths})
		a.res.Access = &plan
		if plan.AsRoot() {
			return a.asRoot()
		}
	}
	if plan.JoinGroup != "" {
		if err := a.runTool(userTool(a.Root, "usermod", "-a", "-G", plan.JoinGroup, plan.User)); err != nil {
			return a.fallBack(i18n.Errorf(i18n.AccessWhyJoin, plan.User, plan.JoinGroup, err))
		}
		a.undo.cmds = append(a.undo.cmds, userTool(a.Root, "gpasswd", "-d", plan.User, plan.JoinGroup))
		if gid, ok := LookupGroup(a.Root, plan.JoinGroup); ok {
			plan.Identity.Groups = append(plan.Identity.Groups, gid)
		}
	}
	saved := map[string]bool{}
	for _, g := range plan.Grants {
		if why := a.grant(g, saved); why != nil {
			return a.fallBack(why)
		}
	}
	// The proof: the kernel, not our reading of modes, says whether the
	// user can open each file and list each directory.
	files := plan.Files
	if plan.Journal != "" {
		files = append(slices.Clone(files), plan.Journal)
	}
	got, err := ProveReadable(a.Root, *plan.Identity, files, plan.Dirs)
	if err != nil {
		return a.fallBack(i18n.Errorf(i18n.AccessWhyProbe, plan.User, err))
	}
	a.res.Readable = got
	for _, f := range got {
		if !f.Readable {
			return a.fallBack(i18n.Errorf(i18n.AccessWhyUnreadable, f.Path, plan.User, f.Err))
		}
	}
	a.emit(Event{Step: StepAccess, Kind: EvDone, Msg: i18n.Errorf(i18n.ApplyAccessProven, plan.User, plan.Identity.UID, len(plan.Files), len(plan.Dirs))})
	return nil
}

// grant sets one planned ACL change on the object itself (objects.go):
// the path is opened without following links and must still be what the
// plan decided on, a regular file with one name for a read grant, a
// directory otherwise. The progress line shows the command an
// administrator would type for the path.
func (a *applier) grant(g Grant, saved map[string]bool) *i18n.Error {
	o, err := openObject(a.Root, g.Path)
	if err != nil {
		return i18n.Errorf(i18n.AccessWhySwapped, g.Path)
	}
	defer o.close()
	if wantDir := g.Kind != GrantRead; wantDir != o.isDir() || !wantDir && (!o.isRegular() || o.nlink > 1) {
		return i18n.Errorf(i18n.AccessWhySwapped, g.Path)
	}
	if !saved[g.Path] {
		dump, err := a.Runner.Run([]string{"getfacl", "-n", "-p", o.procPath()}, nil)
		if err != nil {
			return i18n.Errorf(i18n.AccessWhyGrantFailed, g.Path, err)
		}
		saved[g.Path] = true
		a.undo.acls = append(a.undo.acls, savedACL{Path: g.Path, Dump: dump, dev: o.dev, ino: o.ino})
	}
	a.emit(Event{Step: StepAccess, Kind: EvCommand, Argv: g.Argv(a.Root.Path(g.Path))})
	if _, err := a.Runner.Run(g.Argv(o.procPath()), nil); err != nil {
		if ce, ok := err.(*CommandError); ok && ce.Unsupported() {
			return i18n.Errorf(i18n.AccessWhyNoACL, g.Path)
		}
		return i18n.Errorf(i18n.AccessWhyGrantFailed, g.Path, err)
	}
	return nil
}

// restoreACL puts a saved ACL back on the object it was saved from and
// reads it back: it is restored only when getfacl then says the same.
func (a *applier) restoreACL(step Step, s savedACL) error {
	o, err := openObject(a.Root, s.Path)
	if err != nil {
		return err
	}
	defer o.close()
	if o.dev != s.dev || o.ino != s.ino {
		return i18n.Errorf(i18n.AccessWhySwapped, s.Path)
	}
	body := aclBody(s.Dump)
	a.emit(Event{Step: step, Kind: EvCommand, Argv: []string{"setfacl", "--restore=-", a.Root.Path(s.Path)}})
	if _, err := a.Runner.Run([]string{"setfacl", "--restore=-"}, append([]byte("# file: "+o.procPath()+"\n"), body...)); err != nil {
		return err
	}
	now, err := a.Runner.Run([]string{"getfacl", "-n", "-p", o.procPath()}, nil)
	if err != nil {
		return err
	}
	if got := aclBody(now); string(got) != string(body) {
		return fmt.Errorf("getfacl after the restore differs from before:\n%s", got)
	}
	return nil
}

// planAccess lists, in a dry run, what access() would do.
func (a *applier) planAccess(plan *AccessPlan) {
	if plan.CreateUser {
		for _, c := range CreateUserCommands(a.Root, plan.User) {
			a.planned(StepAccess, c...)
		}
	}
	if plan.JoinGroup != "" {
		a.planned(StepAccess, userTool(a.Root, "usermod", "-a", "-G", plan.JoinGroup, plan.User)...)
	}
	for _, g := range plan.Grants {
		a.planned(StepAccess, g.Argv(a.Root.Path(g.Path))...)
	}
	uid := plan.User
	if plan.Identity != nil {
		uid = strconv.Itoa(plan.Identity.UID)
	}
	a.emit(Event{Step: StepAccess, Kind: EvPlanned, Msg: i18n.Errorf(i18n.ApplyPlanProve, len(plan.Files), len(plan.Dirs), plan.User, uid)})
}

func (a *applier) runTool(argv []string) error {
	a.emit(Event{Step: StepAccess, Kind: EvCommand, Argv: argv})
	_, err := a.Runner.Run(argv, nil)
	return err
}

// fallBack undoes what the access step did and lets the agent run as
// root, saying why.
func (a *applier) fallBack(why *i18n.Error) error {
	a.undoAccess(StepAccess)
	a.res.Access.fallBack(why)
	return a.asRoot()
}

func (a *applier) asRoot() error {
	p := a.res.Access
	if p.Fallback && a.RootConfig == nil {
		return i18n.Errorf(i18n.ApplyErrNoRootConfig, p.Wanted, p.Reason)
	}
	a.emit(Event{Step: StepAccess, Kind: EvNote, Msg: i18n.Errorf(i18n.ApplyAgentAsRoot, p.Reason)})
	return nil
}

// undoAccess restores every saved ACL and reverts user database changes,
// last change first. It runs to the end even after a signal.
func (a *applier) undoAccess(step Step) {
	if a.undo.empty() {
		return
	}
	a.emit(Event{Step: step, Kind: EvStart, Msg: i18n.Errorf(i18n.ApplyStepAccessUndo, len(a.undo.acls))})
	var failed error
	for i := len(a.undo.acls) - 1; i >= 0; i-- {
		s := a.undo.acls[i]
		if err := a.restoreACL(step, s); err != nil && failed == nil {
			failed = i18n.Errorf(i18n.ApplyErrACLRestore, s.Path, err)
		}
	}
	for i := len(a.undo.cmds) - 1; i >= 0; i-- {
		c := a.undo.cmds[i]
		if c[0] == "groupdel" {
			if _, ok := LookupGroup(a.Root, c[len(c)-1]); !ok {
				continue // userdel removed the user's own group
			}
		}
		a.emit(Event{Step: step, Kind: EvCommand, Argv: c})
		if _, err := a.Runner.Run(c, nil); err != nil && failed == nil {
			failed = i18n.Errorf(i18n.ApplyErrAccessUndo, joinArgv(c), err)
		}
	}
	n := len(a.undo.acls)
	a.undo = accessUndo{}
	a.res.AccessUndone = true
	if failed != nil {
		a.res.AccessUndoErr = failed
		a.emit(Event{Step: step, Kind: EvNote, Msg: i18n.Errorf(i18n.ApplyAccessUndoFail, failed)})
		return
	}
	a.emit(Event{Step: step, Kind: EvDone, Msg: i18n.Errorf(i18n.ApplyAccessUndone, n)})
}
