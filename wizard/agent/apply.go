package agent

import (
	"context"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// Step names one stage of apply.
type Step string

const (
	StepLock     Step = "lock"
	StepInstall  Step = "install"
	StepWrite    Step = "write"
	StepFetch    Step = "fetch-config"
	StepStatus   Step = "status"
	StepRollback Step = "rollback"
)

// EventKind says what an Event reports.
type EventKind int

const (
	EvStart   EventKind = iota // a step begins; Msg describes it
	EvCommand                  // a command runs now; Argv
	EvPlanned                  // dry-run or foreign root: a command or action that is NOT run
	EvOutput                   // one line of a command's output
	EvDone                     // a step ended well; Msg may say how
	EvNote                     // something worth telling; Msg
)

// Event is progress of Apply, for a view to draw. Msg is a catalog
// message so the view shows it in the user's language.
type Event struct {
	Step Step
	Kind EventKind
	Argv []string
	Line string
	Msg  *i18n.Error
}

// ErrInterrupted is returned when a signal stopped apply; what the run had
// changed has been undone (see ApplyResult).
var ErrInterrupted = i18n.Errorf(i18n.ApplyErrInterrupted)

// ApplyOptions is the input of Apply.
type ApplyOptions struct {
	Root   host.Root
	Report detect.Report
	Config []byte // the rendered config.json
	// RootConfig is Config with agent.run_as_user root: what is written
	// when the agent must fall back to root (see PlanAccess). Needed when
	// Config runs the agent as another user.
	RootConfig []byte
	// AllowPaths are directories outside /var/log where cwagent may be
	// granted read access (--allow-path).
	AllowPaths []string
	// Hook installs the regrant units after a successful apply (hook.go).
	Hook Hook
	// Runner runs setfacl, getfacl and the user tools; nil: ExecRunner.
	Runner Runner
	DryRun bool
	Keep   int // backups kept; 0 means DefaultKeepBackups
	Now    func() time.Time
	HTTP   *http.Client
	// Env for the ctl and package manager; nil inherits cwsetup's.
	Env      []string
	Progress func(Event)
}

// ApplyResult says what Apply did; it is filled as far as Apply got.
type ApplyResult struct {
	Install     *InstallPlan `json:"install,omitempty"`
	Installed   bool         `json:"installed"`
	Backup      string       `json:"backup,omitempty"`
	Pruned      []string     `json:"pruned,omitempty"`
	Unchanged   bool         `json:"unchanged"`
	Written     bool         `json:"written"`
	Fetch       *CtlRun      `json:"-"`
	Failure     *Failure     `json:"failure,omitempty"`
	RolledBack  bool         `json:"rolled_back"`
	Rollback    *CtlRun      `json:"-"`
	RollbackErr error        `json:"-"`
	Status      *Status      `json:"status,omitempty"`
	Interrupted bool         `json:"interrupted"`
	// Stopped: the rolled-back apply was the first (no previous config)
	// and the agent, started on the new config, was stopped again.
	Stopped bool `json:"stopped,omitempty"`
	// Hook: the regrant units were written (hook.go).
	Hook bool `json:"hook,omitempty"`
	// Recorded: what this apply changed is in the undo record, so
	// `cwsetup undo` takes it back (undo.go).
	Recorded bool  `json:"recorded,omitempty"`
	StopErr  error `json:"-"`
	// Access is who the agent runs as and what its user was granted.
	Access *AccessPlan `json:"access,omitempty"`
	// Readable is the proof: each shipped file and directory opened as
	// the agent's user before fetch-config.
	Readable []FileAccess `json:"readable,omitempty"`
	// AccessUndone: the grants (and a user cwsetup created) were undone.
	AccessUndone  bool  `json:"access_undone"`
	AccessUndoErr error `json:"-"`
}

type applier struct {
	ApplyOptions
	home    Home
	res     *ApplyResult
	ctx     context.Context
	undo    accessUndo
	fetched bool // fetch-config accepted the new config
	// The config before this apply, for the undo record (undo.go).
	hadConfig    bool
	configBefore []byte
}

// Apply installs the agent when needed, writes the config (backup +
// atomic), runs fetch-config and reads the status. On a failed
// fetch-config, or a signal after the config was replaced, it restores the
// backup byte for byte and runs fetch-config on it again. It never runs a
// package manager when the root is not "/", and changes nothing when
// DryRun is set.
func Apply(ctx context.Context, o ApplyOptions) (*ApplyResult, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Keep == 0 {
		o.Keep = DefaultKeepBackups
	}
	if o.HTTP == nil {
		o.HTTP = http.DefaultClient
	}
	if o.Progress == nil {
		o.Progress = func(Event) {}
	}
	if o.Runner == nil {
		o.Runner = ExecRunner{Env: o.Env}
	}
	a := &applier{ApplyOptions: o, home: Home{Root: o.Root}, res: &ApplyResult{}, ctx: ctx}
	return a.res, a.run()
}

func (a *applier) emit(e Event) { a.Progress(e) }

func (a *applier) interrupted() bool { return a.ctx.Err() != nil }

func (a *applier) run() error {
	if err := a.home.CheckContained(); err != nil {
		return err
	}
	err := a.steps()
	// Grants serve the new config only: when it did not take, they go.
	if err != nil && !a.fetched {
		a.undoAccess(StepRollback)
	}
	if err == nil && !a.DryRun {
		if rerr := a.saveRecord(a.configBefore, a.hadConfig); rerr != nil {
			a.emit(Event{Step: StepWrite, Kind: EvNote, Msg: i18n.Errorf(i18n.UndoErrSave, a.Root.Path(RecordPath), rerr)})
		} else {
			a.res.Recorded = true
		}
	}
	return err
}

func (a *applier) steps() error {
	if !a.DryRun {
		a.emit(Event{Step: StepLock, Kind: EvStart, Msg: i18n.Errorf(i18n.ApplyStepLock, a.Root.Path(LockPath))})
		lock, err := AcquireLock(a.Root.Path(LockPath))
		if err != nil {
			return err
		}
		defer lock.Release()
	}

	if err := a.install(); err != nil {
		return err
	}
	if a.interrupted() {
		a.res.Interrupted = true
		return ErrInterrupted
	}
	if _, err := os.Stat(a.home.Ctl()); err != nil && !a.DryRun {
		return i18n.Errorf(i18n.ApplyErrNoCtl, a.home.Ctl())
	}
	if err := a.access(); err != nil {
		return err
	}
	if a.interrupted() {
		a.res.Interrupted = true
		return ErrInterrupted
	}

	cfg := a.home.Config()
	if b, err := os.ReadFile(cfg); err == nil {
		a.hadConfig, a.configBefore = true, b
	}
	if SameContent(cfg, a.config()) {
		a.res.Unchanged = true
		a.emit(Event{Step: StepWrite, Kind: EvNote, Msg: i18n.Errorf(i18n.ApplyUnchanged, cfg)})
		if a.DryRun {
			a.planned(StepStatus, a.ctl().Path, "-a", "status")
			return nil
		}
		if st, err := a.status(); err == nil && st.Running() && st.Configured() {
			a.res.Status = &st
			a.emit(Event{Step: StepStatus, Kind: EvDone, Msg: i18n.Errorf(i18n.ApplyAlreadyRunning, st.Version)})
			a.fetched = true
			a.installHook()
			return nil
		}
	} else if err := a.write(cfg); err != nil {
		return err
	}
	if a.DryRun {
		a.planned(StepFetch, append([]string{a.ctl().Path}, FetchConfigArgs(cfg)...)...)
		a.planned(StepStatus, a.ctl().Path, "-a", "status")
		a.installHook()
		return nil
	}
	if a.interrupted() {
		return a.interruptedUndo()
	}

	a.emit(Event{Step: StepFetch, Kind: EvStart, Msg: i18n.Errorf(i18n.ApplyStepFetch)})
	run, err := a.runCtl(StepFetch, FetchConfigArgs(cfg)...)
	a.res.Fetch = run
	if err != nil {
		return a.failAndRestore(i18n.Errorf(i18n.ApplyErrCtlStart, a.home.Ctl(), err))
	}
	if !run.OK() {
		f := ParseFailure(run)
		a.res.Failure = &f
		return a.failAndRestore(i18n.Errorf(i18n.ApplyErrFetchFailed, run.Exit))
	}
	if a.interrupted() {
		return a.interruptedUndo()
	}
	a.fetched = true
	a.emit(Event{Step: StepFetch, Kind: EvDone, Msg: i18n.Errorf(i18n.ApplyFetchOK)})

	st, err := a.status()
	if err != nil {
		return i18n.Errorf(i18n.ApplyErrStatus, err)
	}
	a.res.Status = &st
	if !st.Running() {
		return i18n.Errorf(i18n.ApplyErrNotRunning, st.Status, st.ConfigStatus)
	}
	a.emit(Event{Step: StepStatus, Kind: EvDone, Msg: i18n.Errorf(i18n.ApplyRunning, st.Version, st.ConfigStatus)})
	a.installHook()
	return nil
}

func (a *applier) ctl() Ctl { return Ctl{Path: a.home.Ctl(), Env: a.Env} }

func (a *applier) planned(step Step, argv ...string) {
	a.emit(Event{Step: step, Kind: EvPlanned, Argv: argv})
}

func (a *applier) runCtl(step Step, args ...string) (*CtlRun, error) {
	c := a.ctl()
	a.emit(Event{Step: step, Kind: EvCommand, Argv: append([]string{c.Path}, args...)})
	return c.Run(args, func(l string) { a.emit(Event{Step: step, Kind: EvOutput, Line: l}) })
}

func (a *applier) status() (Status, error) {
	run, err := a.ctl().Run([]string{"-a", "status"}, nil)
	if err != nil {
		return Status{}, err
	}
	if !run.OK() {
		return Status{}, errors.New(lastLines([]string{run.Output}, 3))
	}
	return ParseStatus(run.Output)
}

// write backs up the current config, writes the new one and prunes.
func (a *applier) write(cfg string) error {
	now := a.Now()
	exists := fileExists(cfg)
	data := a.config()
	if a.DryRun {
		if exists {
			a.emit(Event{Step: StepWrite, Kind: EvPlanned, Msg: i18n.Errorf(i18n.ApplyPlanBackup, cfg, BackupName(cfg, now))})
		}
		a.emit(Event{Step: StepWrite, Kind: EvPlanned, Msg: i18n.Errorf(i18n.ApplyPlanWrite, cfg, len(data))})
		if olds, _ := Backups(cfg); exists && len(olds)+1 > a.Keep {
			for _, b := range olds[:len(olds)+1-a.Keep] {
				a.emit(Event{Step: StepWrite, Kind: EvPlanned, Msg: i18n.Errorf(i18n.ApplyPlanPrune, b)})
			}
		}
		return nil
	}
	a.emit(Event{Step: StepWrite, Kind: EvStart, Msg: i18n.Errorf(i18n.ApplyStepWrite, cfg)})
	backup, err := Backup(cfg, now)
	if err != nil {
		return i18n.Errorf(i18n.ApplyErrBackup, cfg, err)
	}
	a.res.Backup = backup
	if backup != "" {
		a.emit(Event{Step: StepWrite, Kind: EvNote, Msg: i18n.Errorf(i18n.ApplyBackedUp, backup)})
	}
	if err := WriteAtomic(cfg, data); err != nil {
		return i18n.Errorf(i18n.ApplyErrWrite, cfg, err)
	}
	a.res.Written = true
	pruned, err := PruneBackups(cfg, a.Keep)
	a.res.Pruned = pruned
	if err != nil {
		a.emit(Event{Step: StepWrite, Kind: EvNote, Msg: i18n.Errorf(i18n.ApplyPruneFailed, err)})
	}
	a.emit(Event{Step: StepWrite, Kind: EvDone, Msg: i18n.Errorf(i18n.ApplyWritten, cfg)})
	return nil
}

// failAndRestore reports cause after restoring the previous config.
func (a *applier) failAndRestore(cause error) error {
	a.restore()
	return cause
}

// interruptedUndo rolls back after a signal.
func (a *applier) interruptedUndo() error {
	a.res.Interrupted = true
	a.restore()
	return ErrInterrupted
}

// restore puts the backup back and re-runs fetch-config on it. With no
// previous config the new file is removed and nothing is re-run.
func (a *applier) restore() {
	defer a.undoAccess(StepRollback)
	if !a.res.Written {
		return
	}
	cfg := a.home.Config()
	a.emit(Event{Step: StepRollback, Kind: EvStart, Msg: i18n.Errorf(i18n.ApplyStepRollback, a.res.Backup)})
	if err := Restore(cfg, a.res.Backup); err != nil {
		a.res.RollbackErr = i18n.Errorf(i18n.ApplyErrRestore, cfg, err)
		return
	}
	a.res.RolledBack = true
	if a.res.Backup == "" {
		a.emit(Event{Step: StepRollback, Kind: EvDone, Msg: i18n.Errorf(i18n.ApplyRollbackNoOld, cfg)})
		if a.res.Fetch != nil {
			// fetch-config ran (or was killed half-way) on the new config:
			// the agent may run it although the file is gone. There was no
			// config before, so the state before is a stopped agent.
			a.stopAgain()
		}
		return
	}
	run, err := a.runCtl(StepRollback, FetchConfigArgs(cfg)...)
	a.res.Rollback = run
	switch {
	case err != nil:
		a.res.RollbackErr = i18n.Errorf(i18n.ApplyErrCtlStart, a.home.Ctl(), err)
	case !run.OK():
		a.res.RollbackErr = i18n.Errorf(i18n.ApplyErrRollbackFetch, run.Exit)
	default:
		a.emit(Event{Step: StepRollback, Kind: EvDone, Msg: i18n.Errorf(i18n.ApplyRolledBack, a.res.Backup)})
	}
}

// stopAgain stops the agent after the first apply was undone.
func (a *applier) stopAgain() {
	run, err := a.runCtl(StepRollback, "-a", "stop")
	switch {
	case err != nil:
		a.res.StopErr = i18n.Errorf(i18n.ApplyErrCtlStart, a.home.Ctl(), err)
	case !run.OK():
		a.res.StopErr = i18n.Errorf(i18n.ApplyErrStopAgain, run.Exit)
	default:
		a.res.Stopped = true
		a.emit(Event{Step: StepRollback, Kind: EvDone, Msg: i18n.Errorf(i18n.ApplyStoppedAgain)})
	}
}

// install installs or upgrades the agent when the report says so. On a
// foreign root or in a dry run it only lists the steps.
func (a *applier) install() error {
	inst, upg := NeedsAgentWork(a.Report)
	if !inst && !upg {
		return nil
	}
	plan, err := PlanInstall(a.Report, upg)
	if err != nil {
		return err
	}
	a.res.Install = &plan
	key := i18n.ApplyStepInstall
	if upg {
		key = i18n.ApplyStepUpgrade
		a.emit(Event{Step: StepInstall, Kind: EvNote, Msg: i18n.Errorf(i18n.ApplyJournalOldAgent, a.Report.Agent.Version, JournaldMinVersion)})
		for _, c := range RsyslogCommand(a.Report) {
			a.emit(Event{Step: StepInstall, Kind: EvNote, Msg: i18n.Errorf(i18n.ApplyRsyslogAlternative, joinArgv(c))})
		}
	}
	a.emit(Event{Step: StepInstall, Kind: EvStart, Msg: i18n.Errorf(key, a.Report.OS.PrettyName, a.Report.Arch)})
	pkgFile := path.Join(StateDir, "download", plan.PackageFile)
	live := a.Root.Live() && !a.DryRun
	if !live {
		if !a.Root.Live() {
			a.emit(Event{Step: StepInstall, Kind: EvNote, Msg: i18n.Errorf(i18n.ApplyForeignRoot, a.Root.Dir())})
		}
		if plan.Method == ViaSignedPackage {
			a.emit(Event{Step: StepInstall, Kind: EvPlanned, Msg: i18n.Errorf(i18n.ApplyPlanDownload, plan.PackageURL, pkgFile)})
			a.emit(Event{Step: StepInstall, Kind: EvPlanned, Msg: i18n.Errorf(i18n.ApplyPlanDownload, plan.SignatureURL, pkgFile+".sig")})
			a.emit(Event{Step: StepInstall, Kind: EvPlanned, Msg: i18n.Errorf(i18n.ApplyPlanVerify, pkgFile, KeyURL, KeyFingerprint)})
			a.planned(StepInstall, plan.CommandFor(pkgFile)...)
		} else {
			a.planned(StepInstall, plan.Command...)
		}
		return nil
	}
	err = RunInstall(a.ctx, InstallRun{
		Plan: plan, HTTP: a.HTTP, KeyURL: KeyURL, Fingerprint: KeyFingerprint,
		Download: a.Root.Path(pkgFile), Env: a.Env, Progress: a.Progress,
	})
	if errors.Is(err, ErrInterrupted) {
		return nil // nothing installed; run() sees the signal
	}
	if err != nil {
		return err
	}
	a.res.Installed = true
	a.emit(Event{Step: StepInstall, Kind: EvDone, Msg: i18n.Errorf(i18n.ApplyInstalled)})
	return nil
}

// InstallRun is one install on the live machine. Apply passes the agent's
// real key URL and the built-in fingerprint.
type InstallRun struct {
	Plan        InstallPlan
	HTTP        *http.Client
	KeyURL      string
	Fingerprint string
	Download    string // local path for the verified package
	Env         []string
	Progress    func(Event)
}

// RunInstall downloads and verifies the package (signed-package plans),
// then runs the install command, streaming its output. The package manager
// never sees a file whose signature did not verify. A signal during the
// download stops it (ErrInterrupted, nothing installed); a running package
// manager is left to finish.
func RunInstall(ctx context.Context, in InstallRun) error {
	emit := in.Progress
	if emit == nil {
		emit = func(Event) {}
	}
	if in.HTTP == nil {
		in.HTTP = http.DefaultClient
	}
	argv := in.Plan.Command
	if in.Plan.Method == ViaSignedPackage {
		if err := downloadVerified(ctx, in, emit); err != nil {
			if ctx.Err() != nil {
				return ErrInterrupted
			}
			return err
		}
		defer os.Remove(in.Download)
		argv = in.Plan.CommandFor(in.Download)
	}
	if ctx.Err() != nil {
		return ErrInterrupted
	}
	emit(Event{Step: StepInstall, Kind: EvCommand, Argv: argv})
	c := Ctl{Path: argv[0], Env: in.Env}
	if p, err := exec.LookPath(argv[0]); err == nil {
		c.Path = p
	}
	run, err := c.Run(argv[1:], func(l string) { emit(Event{Step: StepInstall, Kind: EvOutput, Line: l}) })
	if err != nil {
		return i18n.Errorf(i18n.ApplyErrInstall, joinArgv(argv), err)
	}
	if !run.OK() {
		return i18n.Errorf(i18n.ApplyErrInstall, joinArgv(argv), lastLines([]string{run.Output}, 3))
	}
	return nil
}

func downloadVerified(ctx context.Context, in InstallRun, emit func(Event)) error {
	plan := in.Plan
	for _, u := range []string{in.KeyURL, plan.PackageURL, plan.SignatureURL} {
		emit(Event{Step: StepInstall, Kind: EvNote, Msg: i18n.Errorf(i18n.ApplyDownloading, u)})
	}
	key, err := Fetch(ctx, in.HTTP, in.KeyURL)
	if err != nil {
		return err
	}
	pkg, err := Fetch(ctx, in.HTTP, plan.PackageURL)
	if err != nil {
		return err
	}
	sig, err := Fetch(ctx, in.HTTP, plan.SignatureURL)
	if err != nil {
		return err
	}
	if err := VerifyPackage(key, pkg, sig, in.Fingerprint); err != nil {
		return err
	}
	emit(Event{Step: StepInstall, Kind: EvNote, Msg: i18n.Errorf(i18n.ApplyVerified, plan.PackageFile, in.Fingerprint)})
	if err := os.MkdirAll(filepath.Dir(in.Download), 0o700); err != nil {
		return i18n.Errorf(i18n.ApplyErrWrite, in.Download, err)
	}
	if err := writeVerified(in.Download, pkg); err != nil {
		return i18n.Errorf(i18n.ApplyErrWrite, in.Download, err)
	}
	return nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return !errors.Is(err, fs.ErrNotExist)
}

func joinArgv(argv []string) string {
	out := ""
	for i, a := range argv {
		if i > 0 {
			out += " "
		}
		out += a
	}
	return out
}
