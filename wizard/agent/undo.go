package agent

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strconv"

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
func ReadRecord(r host.Root) (*Record, error) {
	b, err := os.ReadFile(r.Path(RecordPath))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if len(b) > maxRecord {
		return nil, i18n.Errorf(i18n.UndoErrRecord, r.Path(RecordPath), "too large")
	}
	var rec Record
	if err := json.Unmarshal(b, &rec); err != nil {
		return nil, i18n.Errorf(i18n.UndoErrRecord, r.Path(RecordPath), err)
	}
	return &rec, nil
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
		c := rec.UserCommands[i]
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
