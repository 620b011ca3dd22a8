package agent

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"slices"
	"sort"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// GroupState is what CloudWatch Logs says about one log group.
type GroupState struct {
	Exists        bool
	RetentionDays int32 // 0: never expires
}

// DeliveryReader reads back from CloudWatch Logs; implemented in aws/.
// An error that has an AccessDenied() bool method returning true means
// the caller may not read (logs:DescribeLogGroups / logs:FilterLogEvents).
type DeliveryReader interface {
	LogGroups(ctx context.Context, names []string) (map[string]GroupState, error)
	FindEvent(ctx context.Context, group, needle string, since time.Time) (bool, error)
}

// CheckStatus is the outcome of one verify check.
type CheckStatus string

const (
	Pass CheckStatus = "pass"
	Fail CheckStatus = "fail"
	Warn CheckStatus = "warn" // not proven, not broken (e.g. a group the agent has not created yet)
	Skip CheckStatus = "skip"
)

// CheckID names a verify check; stable in JSON.
type CheckID string

const (
	CheckAgent    CheckID = "agent_running"
	CheckLoaded   CheckID = "config_loaded"
	CheckMarker   CheckID = "marker_delivered"
	CheckLogGroup CheckID = "log_group"
	CheckRunAs    CheckID = "agent_user" // who the agent runs as
	CheckReadable CheckID = "readable"   // one shipped file or directory, opened as that user
)

// Check is one verified fact.
type Check struct {
	ID      CheckID     `json:"id"`
	Status  CheckStatus `json:"status"`
	Subject string      `json:"subject,omitempty"` // log group name, marker id
	Msg     *i18n.Error `json:"-"`
	Hints   []*i18n.Error
}

// VerifyOptions is the input of Verify.
type VerifyOptions struct {
	Root   host.Root
	Env    []string
	Reader DeliveryReader // nil: the CloudWatch checks fail with ReaderErr
	// ReaderErr says why there is no reader (no region, no credentials).
	ReaderErr error
	Wait      time.Duration // bound for the marker; 0 means 60 s
	Poll      time.Duration // 0 means 1 s
	Progress  func(Check)
	// WriteMarker writes the marker line; nil: `logger -t cwsetup ID` on
	// the live root, or an appended syslog line in the system log file
	// under a foreign root (there is no syslog daemon for a fixture).
	WriteMarker func(id string, src LogSource) error
}

// VerifyResult lists the checks in order.
type VerifyResult struct {
	Checks []Check `json:"checks"`
	Marker string  `json:"marker,omitempty"`
	// AgentUser is who the agent runs as and what it can read.
	AgentUser *AgentUserReport `json:"agent_user,omitempty"`
}

// AgentUserReport is the agent's user and, unless it is root, whether
// each shipped file (globs resolved) and its directory is readable by it.
type AgentUserReport struct {
	User     string       `json:"user"`
	Identity *Identity    `json:"identity,omitempty"`
	Files    []FileAccess `json:"files,omitempty"`
}

// OK reports whether no check failed.
func (r *VerifyResult) OK() bool {
	for _, c := range r.Checks {
		if c.Status == Fail {
			return false
		}
	}
	return true
}

// LogSource is one collect_list entry of a config.
type LogSource struct {
	FilePath  string // "" for journald
	Journald  bool
	Units     []string
	Group     string
	Retention int32 // 0: not set
}

// SourcesOf lists the log sources of an agent config.
func SourcesOf(cfg []byte) ([]LogSource, error) {
	type entry struct {
		FilePath  string   `json:"file_path"`
		Group     string   `json:"log_group_name"`
		Retention int32    `json:"retention_in_days"`
		Units     []string `json:"units"`
	}
	var doc struct {
		Logs struct {
			Collected struct {
				Files struct {
					List []entry `json:"collect_list"`
				} `json:"files"`
				Journald struct {
					List []entry `json:"collect_list"`
				} `json:"journald"`
			} `json:"logs_collected"`
		} `json:"logs"`
	}
	if err := json.Unmarshal(cfg, &doc); err != nil {
		return nil, err
	}
	var out []LogSource
	for _, e := range doc.Logs.Collected.Files.List {
		g := e.Group
		if g == "" {
			g = path.Base(e.FilePath) // the agent's default group name
		}
		out = append(out, LogSource{FilePath: e.FilePath, Group: g, Retention: e.Retention})
	}
	for _, e := range doc.Logs.Collected.Journald.List {
		out = append(out, LogSource{Journald: true, Units: e.Units, Group: e.Group, Retention: e.Retention})
	}
	return out, nil
}

// SystemSource is where a line written with logger ends up: the syslog
// file, or a journald entry that is not limited to some units.
func SystemSource(srcs []LogSource) (LogSource, bool) {
	for _, want := range []string{"/var/log/syslog", "/var/log/messages"} {
		for _, s := range srcs {
			if s.FilePath == want {
				return s, true
			}
		}
	}
	for _, s := range srcs {
		if s.Journald && len(s.Units) == 0 {
			return s, true
		}
	}
	return LogSource{}, false
}

// NewMarkerID returns a random marker text.
func NewMarkerID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return "cwsetup-verify-" + hex.EncodeToString(b)
}

type verifier struct {
	VerifyOptions
	home     Home
	res      *VerifyResult
	deadline time.Time // for the marker and for log groups to appear
}

func (v *verifier) add(c Check) {
	v.res.Checks = append(v.res.Checks, c)
	if v.Progress != nil {
		v.Progress(c)
	}
}

// DefaultVerifyWait bounds the marker's trip when no wait is given.
const DefaultVerifyWait = 60 * time.Second

// Verify checks that the agent runs cwsetup's config and that logs reach
// CloudWatch: status, loaded config, a marker line end to end, then every
// log group and its retention.
func Verify(ctx context.Context, o VerifyOptions) (*VerifyResult, error) {
	if o.Wait == 0 {
		o.Wait = DefaultVerifyWait
	}
	if o.Poll == 0 {
		o.Poll = time.Second
	}
	v := &verifier{VerifyOptions: o, home: Home{Root: o.Root}, res: &VerifyResult{}, deadline: time.Now().Add(o.Wait)}
	if err := v.home.CheckContained(); err != nil {
		return v.res, err
	}
	cfg, err := os.ReadFile(v.home.Config())
	if err != nil {
		return v.res, i18n.Errorf(i18n.VerifyErrNoConfig, v.home.Config())
	}
	srcs, err := SourcesOf(cfg)
	if err != nil {
		return v.res, i18n.Errorf(i18n.VerifyErrBadConfig, v.home.Config(), err)
	}

	v.checkAgent(cfg)
	v.checkRunAs(cfg)
	if err := ctx.Err(); err != nil {
		return v.res, err
	}
	v.checkMarker(ctx, srcs)
	if err := ctx.Err(); err != nil {
		return v.res, err
	}
	v.checkGroups(ctx, srcs)
	if !v.res.OK() {
		return v.res, i18n.Errorf(i18n.VerifyErrFailed)
	}
	return v.res, nil
}

func (v *verifier) checkAgent(cfg []byte) {
	if _, err := os.Stat(v.home.Ctl()); err != nil {
		v.add(Check{ID: CheckAgent, Status: Fail, Msg: i18n.Errorf(i18n.VerifyNoCtl, v.home.Ctl())})
		return
	}
	run, err := Ctl{Path: v.home.Ctl(), Env: v.Env}.Run([]string{"-a", "status"}, nil)
	var st Status
	if err == nil && run.OK() {
		st, err = ParseStatus(run.Output)
	} else if err == nil {
		err = errors.New(lastLines([]string{run.Output}, 3))
	}
	switch {
	case err != nil:
		v.add(Check{ID: CheckAgent, Status: Fail, Msg: i18n.Errorf(i18n.ApplyErrStatus, err)})
	case !st.Running():
		v.add(Check{ID: CheckAgent, Status: Fail, Msg: i18n.Errorf(i18n.VerifyNotRunning, st.Status, st.ConfigStatus)})
	default:
		v.add(Check{ID: CheckAgent, Status: Pass, Msg: i18n.Errorf(i18n.VerifyRunning, st.Version, st.StartTime)})
	}
	loaded, err := os.ReadFile(v.home.LoadedConfig())
	switch {
	case err != nil:
		v.add(Check{ID: CheckLoaded, Status: Fail, Msg: i18n.Errorf(i18n.VerifyNotLoaded, v.home.LoadedConfig())})
	case !sameJSON(loaded, cfg):
		v.add(Check{ID: CheckLoaded, Status: Fail, Msg: i18n.Errorf(i18n.VerifyLoadedDiffers, v.home.LoadedConfig(), v.home.Config())})
	default:
		v.add(Check{ID: CheckLoaded, Status: Pass, Msg: i18n.Errorf(i18n.VerifyLoaded, v.home.Config())})
	}
}

// checkRunAs reports who the agent runs as and proves, as that user, that
// it can open every file it ships.
func (v *verifier) checkRunAs(cfg []byte) {
	wanted := RunAsUserOf(cfg)
	rep := &AgentUserReport{User: wanted}
	v.res.AgentUser = rep
	if wanted == "" || wanted == "root" {
		rep.User = "root"
		v.add(Check{ID: CheckRunAs, Status: Pass, Subject: "root", Msg: i18n.Errorf(i18n.VerifyAgentRoot, wanted)})
		return
	}
	id, ok := LookupUser(v.Root, wanted)
	if !ok {
		v.add(Check{ID: CheckRunAs, Status: Fail, Subject: wanted, Msg: i18n.Errorf(i18n.VerifyUserMissing, wanted)})
		return
	}
	rep.Identity = &id
	v.add(Check{ID: CheckRunAs, Status: Pass, Subject: wanted, Msg: i18n.Errorf(i18n.VerifyAgentUser, wanted, id.UID)})
	if os.Geteuid() != 0 && os.Geteuid() != id.UID {
		v.add(Check{ID: CheckReadable, Status: Skip, Subject: wanted, Msg: i18n.Errorf(i18n.VerifyProbeNotRoot, wanted)})
		return
	}
	plan := PlanAccess(AccessOptions{Root: v.Root, Config: cfg})
	files := plan.Files
	if plan.Journal != "" {
		files = append(slices.Clone(files), plan.Journal)
	}
	got, err := ProveReadable(v.Root, id, files, plan.Dirs)
	if err != nil {
		v.add(Check{ID: CheckReadable, Status: Fail, Subject: wanted, Msg: i18n.Errorf(i18n.VerifyProbeFailed, wanted, err)})
		return
	}
	rep.Files = got
	for _, f := range got {
		if f.Readable {
			v.add(Check{ID: CheckReadable, Status: Pass, Subject: f.Path, Msg: i18n.Errorf(i18n.VerifyReadableAs, f.Path, wanted)})
		} else {
			v.add(Check{ID: CheckReadable, Status: Fail, Subject: f.Path, Msg: i18n.Errorf(i18n.VerifyNotReadableAs, f.Path, wanted, f.Err)})
		}
	}
}

func sameJSON(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return bytes.Equal(xa, ya)
}

func (v *verifier) readerFailure(id CheckID, subject string, err error) Check {
	var denied interface{ AccessDenied() bool }
	var act interface{ Action() string }
	if errors.As(err, &denied) && denied.AccessDenied() {
		action := "logs:FilterLogEvents"
		if errors.As(err, &act) && act.Action() != "" {
			action = act.Action()
		}
		return Check{ID: id, Status: Fail, Subject: subject, Msg: i18n.Errorf(i18n.VerifyReadDenied, action)}
	}
	return Check{ID: id, Status: Fail, Subject: subject, Msg: i18n.Errorf(i18n.VerifyReadFailed, err)}
}

func (v *verifier) checkMarker(ctx context.Context, srcs []LogSource) {
	sys, ok := SystemSource(srcs)
	if !ok {
		v.add(Check{ID: CheckMarker, Status: Skip, Msg: i18n.Errorf(i18n.VerifyNoSystemLog)})
		return
	}
	if v.Reader == nil {
		v.add(Check{ID: CheckMarker, Status: Fail, Subject: sys.Group, Msg: i18n.Errorf(i18n.VerifyNoReader, v.ReaderErr)})
		return
	}
	id := NewMarkerID()
	v.res.Marker = id
	write := v.WriteMarker
	if write == nil {
		write = v.defaultMarker
	}
	since := time.Now()
	if err := write(id, sys); err != nil {
		v.add(Check{ID: CheckMarker, Status: Fail, Subject: id, Msg: i18n.Errorf(i18n.VerifyMarkerWrite, err)})
		return
	}
	deadline := since.Add(v.Wait)
	for {
		found, err := v.Reader.FindEvent(ctx, sys.Group, id, since)
		if err != nil {
			c := v.readerFailure(CheckMarker, id, err)
			v.addCredentialHint(&c)
			v.add(c)
			return
		}
		if found {
			v.add(Check{ID: CheckMarker, Status: Pass, Subject: id,
				Msg: i18n.Errorf(i18n.VerifyMarkerArrived, id, sys.Group, time.Since(since).Round(100*time.Millisecond))})
			return
		}
		if time.Now().After(deadline) {
			c := Check{ID: CheckMarker, Status: Fail, Subject: id, Msg: i18n.Errorf(i18n.VerifyMarkerTimeout, id, sys.Group, v.Wait)}
			v.addCredentialHint(&c)
			v.add(c)
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(v.Poll):
		}
	}
}

// addCredentialHint adds the agent's own complaint about credentials, the
// usual reason nothing arrives (no role attached to the instance).
func (v *verifier) addCredentialHint(c *Check) {
	if lines := CredentialErrorsInLog(v.home.Local(AgentLogPath)); len(lines) > 0 {
		c.Hints = append(c.Hints, i18n.Errorf(i18n.VerifyCredsInLog, lines[len(lines)-1]))
	}
}

// defaultMarker writes the marker the way a syslog user would.
func (v *verifier) defaultMarker(id string, sys LogSource) error {
	if v.Root.Live() {
		out, err := exec.Command("logger", "-t", "cwsetup", id).CombinedOutput()
		if err != nil {
			return fmt.Errorf("logger: %v: %s", err, bytes.TrimSpace(out))
		}
		return nil
	}
	if sys.Journald {
		return i18n.Errorf(i18n.VerifyJournalForeignRoot, v.Root.Dir())
	}
	// No syslog daemon runs for a fixture root: append the line rsyslog
	// would have written.
	hostname, _ := os.Hostname()
	line := fmt.Sprintf("%s %s cwsetup[%d]: %s\n", time.Now().Format("2006-01-02T15:04:05.000000-07:00"), hostname, os.Getpid(), id)
	f, err := os.OpenFile(v.Root.Path(sys.FilePath), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o640)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteString(line)
	return err
}

func (v *verifier) checkGroups(ctx context.Context, srcs []LogSource) {
	want := map[string]int32{}
	var names []string
	for _, s := range srcs {
		if s.Group == "" {
			continue
		}
		if _, dup := want[s.Group]; !dup {
			names = append(names, s.Group)
			want[s.Group] = 0
		}
		if s.Retention != 0 {
			want[s.Group] = s.Retention
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return
	}
	if v.Reader == nil {
		v.add(Check{ID: CheckLogGroup, Status: Fail, Msg: i18n.Errorf(i18n.VerifyNoReader, v.ReaderErr)})
		return
	}
	// The agent creates a group with the first line it sends and sets the
	// retention right after: right after a (re)start, give the groups of
	// files that have lines until the deadline to appear and settle.
	shipping := map[string]bool{}
	for _, s := range srcs {
		if s.FilePath != "" && v.hasLines(s.FilePath) {
			shipping[s.Group] = true
		}
	}
	retentionOK := func(g GroupState, r int32) bool {
		return r == 0 || r == g.RetentionDays || r == -1 && g.RetentionDays == 0
	}
	var got map[string]GroupState
	for {
		var err error
		got, err = v.Reader.LogGroups(ctx, names)
		if err != nil {
			v.add(v.readerFailure(CheckLogGroup, "", err))
			return
		}
		settled := true
		for _, n := range names {
			g := got[n]
			if !g.Exists && shipping[n] || g.Exists && !retentionOK(g, want[n]) {
				settled = false
			}
		}
		if settled || !time.Now().Before(v.deadline) {
			break
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(v.Poll):
		}
	}
	for _, n := range names {
		g, r := got[n], want[n]
		switch {
		case !g.Exists:
			v.add(Check{ID: CheckLogGroup, Status: Warn, Subject: n, Msg: i18n.Errorf(i18n.VerifyGroupMissing, n)})
		case retentionOK(g, r):
			v.add(Check{ID: CheckLogGroup, Status: Pass, Subject: n, Msg: i18n.Errorf(i18n.VerifyGroupOK, n, retentionText(g.RetentionDays))})
		default:
			v.add(Check{ID: CheckLogGroup, Status: Fail, Subject: n, Msg: i18n.Errorf(i18n.VerifyGroupRetention, n, retentionText(g.RetentionDays), retentionText(r))})
		}
	}
}

// hasLines reports whether a source's file (or a match of its glob) under
// the root is not empty, so the agent has something to send.
func (v *verifier) hasLines(pattern string) bool {
	matches, err := v.Root.Glob(pattern)
	if err != nil {
		return false
	}
	for _, m := range matches {
		if st, err := v.Root.Stat(m); err == nil && st.Mode().IsRegular() && st.Size() > 0 {
			return true
		}
	}
	return false
}

// retentionText renders days for messages; never-expire is its own key.
func retentionText(days int32) any {
	if days <= 0 {
		return i18n.Errorf(i18n.VerifyNeverExpire)
	}
	return i18n.Errorf(i18n.VerifyDays, days)
}
