package agent

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// What cwsetup changed on a host, kept so `cwsetup undo` can take exactly
// that back (docs/apply.md, "Undo"): the ACL of every path before cwsetup
// first granted on it (getfacl's text and the inode it was read from),
// the user database changes, whether the regrant hook was installed, and
// the agent config as it was before the first apply (its bytes, so that
// pruning backups cannot lose it). Successive applies merge into it: what
// was there before cwsetup always wins.
const RecordPath = StateDir + "/undo.json"

// maxRecord bounds the record read back (it holds ACL texts and one config).
const maxRecord = 8 << 20

// Record is the undo record.
type Record struct {
	UID          int         `json:"uid"` // the agent user's uid when granted; -1: none
	ACLs         []RecordACL `json:"acls"`
	UserCommands [][]string  `json:"user_commands,omitempty"` // to run, last first
	Hook         bool        `json:"hook"`
	HadConfig    bool        `json:"had_config"`
	ConfigBefore []byte      `json:"config_before,omitempty"`
}

// RecordACL is one saved ACL.
type RecordACL struct {
	Path string `json:"path"`
	Dump string `json:"dump"`
	Dev  uint64 `json:"dev"`
	Ino  uint64 `json:"ino"`
}

// ReadRecord reads the undo record under r; nil, nil when there is none.
//
// The record drives setfacl and the user tools, so it is trusted only as
// cwsetup writes it: a regular file (not a link) owned by root and
// writable by nobody else; and each entry must be what apply could have
// recorded (checkRecord).
func ReadRecord(r host.Root) (*Record, error) {
	p := r.Path(RecordPath)
	st, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !st.Mode().IsRegular() || !ok || sys.Uid != 0 || st.Mode().Perm()&0o022 != 0 {
		return nil, i18n.Errorf(i18n.UndoErrRecord, p, "not a regular file owned by root and writable only by root")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	if len(b) > maxRecord {
		return nil, i18n.Errorf(i18n.UndoErrRecord, r.Path(RecordPath), "too large")
	}
	var rec Record
	if err := json.Unmarshal(b, &rec); err != nil {
		return nil, i18n.Errorf(i18n.UndoErrRecord, p, err)
	}
	if why := checkRecord(&rec); why != "" {
		return nil, i18n.Errorf(i18n.UndoErrRecord, p, why)
	}
	return &rec, nil
}

// checkRecord says what in a record apply could not have written; "" when
// nothing. An ACL text must be one file's (no second "# file:" entry that
// setfacl --restore would apply elsewhere) on a path cwsetup grants on;
// a user command must be one of the undo commands apply records.
func checkRecord(rec *Record) string {
	for _, a := range rec.ACLs {
		if !strings.HasPrefix(a.Path, "/") || path.Clean(a.Path) != a.Path || privatePath(a.Path+"/x") && a.Path != "/" ||
			host.CheckLogPath(a.Path) == host.PathSecret {
			return "an ACL for " + strconv.Quote(a.Path)
		}
		for i, l := range strings.Split(a.Dump, "\n") {
			if i > 0 && strings.HasPrefix(l, "# file:") {
				return "an ACL text naming a second file"
			}
		}
	}
	for _, c := range rec.UserCommands {
		if _, ok := undoCommand(c); !ok {
			return "the command " + strconv.Quote(strings.Join(c, " "))
		}
	}
	return ""
}

// undoCommand is c without its --root prefix when it is one of the
// commands apply records to undo its user changes (userdel/groupdel of
// the agent's user, gpasswd -d of it from the journal group).
func undoCommand(c []string) ([]string, bool) {
	if len(c) == 0 {
		return nil, false
	}
	args := c[1:]
	if len(args) >= 2 && args[0] == "--root" {
		args = args[2:]
	}
	switch {
	case c[0] == "userdel" && slices.Equal(args, []string{AgentUser}),
		c[0] == "groupdel" && slices.Equal(args, []string{AgentUser}),
		c[0] == "gpasswd" && slices.Equal(args, []string{"-d", AgentUser, JournalGroup}):
		return append([]string{c[0]}, args...), true
	}
	return nil, false
}

// saveRecord merges what this apply changed into the record.
func (a *applier) saveRecord(configBefore []byte, hadConfig bool) error {
	rec, err := ReadRecord(a.Root)
	if err != nil {
		return err
	}
	if rec == nil {
		rec = &Record{UID: -1, HadConfig: hadConfig, ConfigBefore: configBefore}
	}
	if p := a.res.Access; p != nil && p.Identity != nil && !p.AsRoot() {
		rec.UID = p.Identity.UID
	}
	have := map[string]bool{}
	for _, s := range rec.ACLs {
		have[s.Path] = true
	}
	for _, s := range a.undo.acls {
		if !have[s.Path] {
			rec.ACLs = append(rec.ACLs, RecordACL{Path: s.Path, Dump: string(s.Dump), Dev: s.dev, Ino: s.ino})
		}
	}
	rec.UserCommands = append(rec.UserCommands, a.undo.cmds...)
	rec.Hook = rec.Hook || a.res.Hook
	b, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return err
	}
	p := a.Root.Path(RecordPath)
	if err := WriteAtomic(p, append(b, '\n')); err != nil {
		return err
	}
	return os.Chmod(p, 0o600)
}

// UndoOptions is the input of Undo.
type UndoOptions struct {
	Root     host.Root
	Runner   Runner // nil: ExecRunner
	Env      []string
	Progress func(Event)
}

// UndoResult is what Undo did.
type UndoResult struct {
	Restored    int  `json:"acls_restored"` // saved ACLs put back, each compared after
	Removed     int  `json:"entries_removed"`
	HookRemoved bool `json:"hook_removed"`
	// Config: "restored" (the config before the first apply, loaded
	// again), "removed" (there was none; the agent stopped) or "".
	Config string  `json:"config"`
	Errors []error `json:"-"`
}

// StepUndo is cwsetup undo.
const StepUndo Step = "undo"

// Undo takes back what the applies recorded: the hook first (so it does
// not re-grant), then the config (restored and loaded, or removed and the
// agent stopped), then every saved ACL, restored onto the same inode and
// compared with getfacl; a path whose inode changed since (a rotation made
// a new file, which regrant granted) has the agent user's entries removed
// instead. The user database changes are reverted last, and the record is
// removed only when everything succeeded.
func Undo(ctx context.Context, o UndoOptions) (*UndoResult, error) {
	if o.Runner == nil {
		o.Runner = ExecRunner{Env: o.Env}
	}
	if o.Progress == nil {
		o.Progress = func(Event) {}
	}
	rec, err := ReadRecord(o.Root)
	if err != nil {
		return nil, err
	}
	if rec == nil {
		return nil, i18n.Errorf(i18n.UndoErrNothing, o.Root.Path(RecordPath))
	}
	a := &applier{ApplyOptions: ApplyOptions{Root: o.Root, Runner: o.Runner, Env: o.Env, Progress: o.Progress}, home: Home{Root: o.Root}, res: &ApplyResult{}, ctx: ctx}
	lock, err := AcquireLock(o.Root.Path(LockPath))
	if err != nil {
		return nil, err
	}
	defer lock.Release()
	res := &UndoResult{}
	fail := func(err error) { res.Errors = append(res.Errors, err) }

	if rec.Hook {
		res.HookRemoved = a.removeHook(fail)
	}
	cfg := a.home.Config()
	if rec.HadConfig {
		if err := WriteAtomic(cfg, rec.ConfigBefore); err != nil {
			fail(i18n.Errorf(i18n.ApplyErrWrite, cfg, err))
		} else if run, err := a.runCtl(StepUndo, FetchConfigArgs(cfg)...); err != nil || !run.OK() {
			fail(i18n.Errorf(i18n.UndoErrReload, cfg))
		} else {
			res.Config = "restored"
		}
	} else {
		if err := os.Remove(cfg); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fail(err)
		} else if run, err := a.runCtl(StepUndo, "-a", "stop"); err != nil || !run.OK() {
			fail(i18n.Errorf(i18n.ApplyErrStopAgain, exitOf(run)))
		} else {
			res.Config = "removed"
		}
	}
	for i := len(rec.ACLs) - 1; i >= 0; i-- {
		s := rec.ACLs[i]
		err := a.restoreACL(StepUndo, savedACL{Path: s.Path, Dump: []byte(s.Dump), dev: s.Dev, ino: s.Ino})
		switch {
		case err == nil:
			res.Restored++
		case errors.Is(err, fs.ErrNotExist):
			// Rotated away and gone: nothing left to take back.
		default:
			var ie *i18n.Error
			if errors.As(err, &ie) && ie.Key == i18n.AccessWhySwapped && rec.UID >= 0 {
				// A new file under the old name (a rotation): cwsetup's
				// only change on it is the agent user's entries.
				if err := a.removeEntries(s.Path, rec.UID); err != nil {
					fail(i18n.Errorf(i18n.ApplyErrACLRestore, s.Path, err))
				} else {
					res.Removed++
				}
				continue
			}
			fail(i18n.Errorf(i18n.ApplyErrACLRestore, s.Path, err))
		}
	}
	for i := len(rec.UserCommands) - 1; i >= 0; i-- {
		bare, _ := undoCommand(rec.UserCommands[i]) // checked by ReadRecord
		c := userTool(o.Root, bare[0], bare[1:]...)
		if c[0] == "groupdel" {
			if _, ok := LookupGroup(o.Root, c[len(c)-1]); !ok {
				continue
			}
		}
		a.emit(Event{Step: StepUndo, Kind: EvCommand, Argv: c})
		if _, err := o.Runner.Run(c, nil); err != nil {
			fail(i18n.Errorf(i18n.ApplyErrAccessUndo, joinArgv(c), err))
		}
	}
	if len(res.Errors) > 0 {
		return res, i18n.Errorf(i18n.UndoErrPartial, len(res.Errors), o.Root.Path(RecordPath))
	}
	if err := os.Remove(o.Root.Path(RecordPath)); err != nil {
		return res, err
	}
	return res, nil
}

func exitOf(run *CtlRun) int {
	if run == nil {
		return -1
	}
	return run.Exit
}

// removeEntries removes uid's access and default entries from a path,
// through a descriptor opened without following links.
func (a *applier) removeEntries(p string, uid int) error {
	o, err := openObject(a.Root, p)
	if err != nil {
		return err
	}
	defer o.close()
	who := "u:" + strconv.Itoa(uid)
	argv := []string{"setfacl", "-x", who, o.procPath()}
	if o.isDir() {
		argv = []string{"setfacl", "-x", who, "-x", "d:" + who, o.procPath()}
	}
	a.emit(Event{Step: StepUndo, Kind: EvCommand, Argv: slices.Concat(argv[:len(argv)-1], []string{a.Root.Path(p)})})
	_, err = a.Runner.Run(argv, nil)
	return err
}

// removeHook disables and removes the regrant units.
func (a *applier) removeHook(fail func(error)) bool {
	ok := true
	if a.Root.Live() && a.Runner.Available("systemctl") {
		c := []string{"systemctl", "disable", "--now", "cwsetup-regrant.path"}
		a.emit(Event{Step: StepUndo, Kind: EvCommand, Argv: c})
		if _, err := a.Runner.Run(c, nil); err != nil {
			fail(err)
			ok = false
		}
	}
	for _, u := range []string{RegrantPathUnit, RegrantServiceUnit} {
		if err := os.Remove(a.Root.Path(u)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fail(err)
			ok = false
		}
	}
	if a.Root.Live() && a.Runner.Available("systemctl") {
		a.Runner.Run([]string{"systemctl", "daemon-reload"}, nil)
	}
	return ok
}
