package agent

import (
	"os"

	"github.com/cwsetup/cwsetup/i18n"
)

// The regrant hook (regrant.go): apply installs a systemd path unit that
// runs `cwsetup regrant` when a directory holding a shipped log changes,
// so a rotation that leaves cwagent without read access is repaired at
// once. It is installed only when the agent runs as its own user, and
// removed by undo.
const (
	RegrantPathUnit         = "/etc/systemd/system/cwsetup-regrant.path"
	RegrantServiceUnit      = "/etc/systemd/system/cwsetup-regrant.service"
	StepHook           Step = "hook"
)

// Hook is what apply needs to install the regrant units.
type Hook struct {
	// Units renders the path unit and the service for the directories
	// holding the shipped logs (render.RegrantUnits); nil: no hook.
	Units func(dirs []string) (pathUnit, service []byte)
}

// installHook writes the regrant units and, on the live machine, enables
// the path unit. A hook that cannot be installed is a note, not a failed
// apply: the grants are in place now; what is lost is their repair after
// a rotation, which the note says with the command to run.
func (a *applier) installHook() {
	p := a.res.Access
	if a.Hook.Units == nil || p == nil || p.AsRoot() || len(p.Dirs) == 0 {
		return
	}
	pathUnit, service := a.Hook.Units(p.Dirs)
	enable := [][]string{{"systemctl", "daemon-reload"}, {"systemctl", "enable", "--now", "cwsetup-regrant.path"}}
	if a.DryRun {
		a.emit(Event{Step: StepHook, Kind: EvPlanned, Msg: i18n.Errorf(i18n.ApplyPlanWrite, a.Root.Path(RegrantServiceUnit), len(service))})
		a.emit(Event{Step: StepHook, Kind: EvPlanned, Msg: i18n.Errorf(i18n.ApplyPlanWrite, a.Root.Path(RegrantPathUnit), len(pathUnit))})
		if a.Root.Live() {
			for _, c := range enable {
				a.planned(StepHook, c...)
			}
		}
		return
	}
	a.emit(Event{Step: StepHook, Kind: EvStart, Msg: i18n.Errorf(i18n.ApplyStepHook, len(p.Dirs))})
	os.MkdirAll(a.Root.Path("/etc/systemd/system"), 0o755)
	for _, u := range []struct {
		path string
		data []byte
	}{{RegrantServiceUnit, service}, {RegrantPathUnit, pathUnit}} {
		if err := WriteAtomic(a.Root.Path(u.path), u.data); err != nil {
			a.emit(Event{Step: StepHook, Kind: EvNote, Msg: i18n.Errorf(i18n.ApplyHookFailed, err)})
			return
		}
	}
	a.res.Hook = true
	if !a.Root.Live() || !a.Runner.Available("systemctl") {
		a.emit(Event{Step: StepHook, Kind: EvNote, Msg: i18n.Errorf(i18n.ApplyHookNotEnabled)})
		return
	}
	for _, c := range enable {
		a.emit(Event{Step: StepHook, Kind: EvCommand, Argv: c})
		if _, err := a.Runner.Run(c, nil); err != nil {
			a.emit(Event{Step: StepHook, Kind: EvNote, Msg: i18n.Errorf(i18n.ApplyHookFailed, err)})
			return
		}
	}
	a.emit(Event{Step: StepHook, Kind: EvDone, Msg: i18n.Errorf(i18n.ApplyHookDone)})
}
