package fleet

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
)

// Instance categories of `fleet status`.
const (
	CatOK         = "ok"
	CatFailed     = "failed"
	CatRunning    = "running"
	CatNotReached = "not-reached"
	CatNotManaged = "not-managed"
	// CatSkipped: Run Command reports Success, but the document's Linux
	// precondition skipped its step (another platform): nothing ran.
	CatSkipped = "skipped-platform"
)

// Steps (reasons) of instances the command did not run on.
const (
	StepUndeliverable    = "not-delivered"
	StepDeliveryTimedOut = "delivery-timed-out"
	StepTerminated       = "terminated"
)

// skippedMarker is what the SSM agent prints for a step whose
// precondition is not met.
const skippedMarker = "Step execution skipped"

// DefaultFresh is how recent a stream's last event must be to count as
// arriving.
const DefaultFresh = 15 * time.Minute

// StatusRequest is `fleet status`'s input.
type StatusRequest struct {
	CommandID string
	Fresh     time.Duration // default DefaultFresh
	Now       time.Time     // default time.Now()
	Parallel  int           // GetCommandInvocation calls at once; default 8
}

// LogState says whether an instance's log streams are arriving.
type LogState struct {
	Groups    int       `json:"groups"`   // log groups looked at
	Streams   int       `json:"streams"`  // groups with a stream of this instance
	Arriving  int       `json:"arriving"` // of those, with an event within Fresh
	LastEvent time.Time `json:"last_event,omitzero"`
	// Marker is the time of verify's marker event in this instance's
	// stream since the command was sent; zero: none found.
	Marker time.Time `json:"marker,omitzero"`
}

// InstanceStatus is one instance's line of `fleet status`.
type InstanceStatus struct {
	InstanceID string    `json:"instance_id"`
	Category   string    `json:"category"`
	SSMStatus  string    `json:"ssm_status,omitempty"`
	Details    string    `json:"ssm_status_details,omitempty"`
	Exit       *int      `json:"exit,omitempty"`
	Step       string    `json:"step,omitempty"`
	Summary    string    `json:"summary,omitempty"`
	Logs       *LogState `json:"logs,omitempty"`
}

// Totals count the instances by category; Failed by step.
type Totals struct {
	Instances  int            `json:"instances"`
	OK         int            `json:"ok"`
	Failed     int            `json:"failed"`
	FailedBy   map[string]int `json:"failed_by_step"`
	Running    int            `json:"running"`
	NotReached int            `json:"not_reached"`
	NotManaged int            `json:"not_managed"`
	Skipped    int            `json:"skipped_platform"`
}

// Status is the whole answer of `fleet status`.
type Status struct {
	CommandID string        `json:"command_id"`
	Document  string        `json:"document"`
	Answers   string        `json:"answers"`
	SSMStatus string        `json:"ssm_status"`
	Counts    CommandCounts `json:"ssm_counts"`
	// Incomplete: reading stopped at an error; Instances are those read.
	Incomplete bool             `json:"incomplete,omitempty"`
	Requested  time.Time        `json:"requested,omitzero"`
	Rate       Rate             `json:"rate"`
	Totals     Totals           `json:"totals"`
	LogGroups  []string         `json:"log_groups"`
	LogsNote   string           `json:"logs_note,omitempty"` // why streams could not be attributed
	Instances  []InstanceStatus `json:"instances"`
}

// stepNoResult is the step of a failed invocation that printed no
// result line (killed, timed out, an old cwsetup).
const (
	stepNoResult = "no-result"
	stepTimedOut = "timed-out"
	stepCanceled = "cancelled"
)

// Note values of Status.LogsNote.
const (
	NoteNoAnswers    = "answers-unreadable"
	NoteStreamByName = "stream-not-per-instance"
)

// CommandCounts are the counts ListCommands keeps for the command.
type CommandCounts struct {
	Targets          int `json:"targets"`
	Completed        int `json:"completed"`
	Errors           int `json:"errors"`
	DeliveryTimedOut int `json:"delivery_timed_out"`
}

// Done reports whether a command status is final (types.CommandStatus).
func Done(status string) bool {
	switch status {
	case "Success", "Failed", "TimedOut", "Cancelled":
		return true
	}
	return false
}

// ReadStatus reads the command as Run Command reports it: ListCommands
// for its status and counts, ListCommandInvocations (page by page, with
// the plugins' output) for the instances it targeted — never a new
// lookup of the targets, which would list instances terminated or tagged
// since — and GetCommandInvocation only for an invocation whose result
// line is beyond the list's 2,500 characters of output. progress, when
// set, is called after each page with the invocations read so far. An
// error after some pages returns what was read (Status.Incomplete) with
// the error.
func ReadStatus(ctx context.Context, ports Ports, req StatusRequest, progress func(read int)) (*Status, error) {
	if req.Fresh <= 0 {
		req.Fresh = DefaultFresh
	}
	if req.Now.IsZero() {
		req.Now = time.Now()
	}
	if req.Parallel <= 0 {
		req.Parallel = 8
	}
	cmd, err := ports.Cmds.Command(ctx, req.CommandID)
	if errors.Is(err, ErrNotFound) {
		return nil, i18n.UsageErrorf(i18n.FleetErrNoCommand, req.CommandID)
	}
	if err != nil {
		return nil, err
	}
	st := &Status{CommandID: cmd.ID, Document: cmd.Document, SSMStatus: cmd.Status, Requested: cmd.Requested, Rate: cmd.Rate,
		Counts: cmd.Counts, Totals: Totals{FailedBy: map[string]int{}}}
	if v := cmd.Parameters[AnswersParam]; len(v) > 0 {
		st.Answers = v[0]
	}

	var detail []int // indexes of invocations whose result line was cut off
	listErr := ports.Cmds.Invocations(ctx, cmd.ID, func(page []Invocation) error {
		for _, inv := range page {
			is, more := classify(inv)
			if more {
				detail = append(detail, len(st.Instances))
			}
			st.Instances = append(st.Instances, is)
		}
		if progress != nil {
			progress(len(st.Instances))
		}
		return nil
	})
	if listErr == nil {
		listErr = readDetails(ctx, ports.Cmds, cmd.ID, st.Instances, detail, req.Parallel)
	}

	// Instances the command named by id with no invocation (yet).
	var missing []string
	for _, id := range cmd.InstanceIDs {
		if !slices.ContainsFunc(st.Instances, func(is InstanceStatus) bool { return is.InstanceID == id }) {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 && listErr == nil {
		managed, err := ports.Inv.Managed(ctx, missing)
		if err != nil {
			listErr = err
		}
		for _, id := range missing {
			is := InstanceStatus{InstanceID: id, Category: CatNotReached}
			if m, ok := managed[id]; err == nil && (!ok || m.PingStatus != "Online") {
				is.Category = CatNotManaged
			}
			st.Instances = append(st.Instances, is)
		}
	}
	sort.Slice(st.Instances, func(i, j int) bool { return st.Instances[i].InstanceID < st.Instances[j].InstanceID })
	if listErr == nil {
		listErr = attachLogs(ctx, ports, st, req)
	}
	st.Incomplete = listErr != nil
	st.Totals.Instances = len(st.Instances)
	for _, is := range st.Instances {
		switch is.Category {
		case CatOK:
			st.Totals.OK++
		case CatFailed:
			st.Totals.Failed++
			st.Totals.FailedBy[is.Step]++
		case CatRunning:
			st.Totals.Running++
		case CatNotReached:
			st.Totals.NotReached++
		case CatNotManaged:
			st.Totals.NotManaged++
		case CatSkipped:
			st.Totals.Skipped++
		}
	}
	return st, listErr
}

// readDetails re-reads the invocations at idx with GetCommandInvocation
// (24,000 characters of stdout), a few at once.
func readDetails(ctx context.Context, cmds Commands, commandID string, ins []InstanceStatus, idx []int, parallel int) error {
	errs := make([]error, len(idx))
	var wg sync.WaitGroup
	sem := make(chan struct{}, parallel)
	for k, i := range idx {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			inv, err := cmds.Invocation(ctx, commandID, ins[i].InstanceID)
			if err != nil {
				errs[k] = err
				return
			}
			ins[i], _ = classify(*inv)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// classify maps one invocation to what happened; more says its output
// was cut off before a result line could be read (the list's 2,500
// characters), so GetCommandInvocation should be asked.
func classify(inv Invocation) (is InstanceStatus, more bool) {
	is = InstanceStatus{InstanceID: inv.InstanceID, SSMStatus: inv.Status, Details: inv.Details}
	if inv.Code >= 0 && inv.Status != "Pending" && inv.Status != "InProgress" && inv.Status != "Delayed" {
		code := inv.Code
		is.Exit = &code
	}
	res, found := ParseResult(inv.Stdout)
	if found {
		is.Step, is.Summary = res.Step, res.Summary
	}
	// StatusDetails says what happened; Status is the coarse state (the
	// SDK's CommandInvocationStatus, which has no Undeliverable,
	// Terminated or DeliveryTimedOut).
	switch details := strings.ReplaceAll(inv.Details, " ", ""); {
	case details == "Undeliverable":
		is.Category, is.Step = CatNotReached, StepUndeliverable
	case details == "DeliveryTimedOut":
		is.Category, is.Step = CatNotReached, StepDeliveryTimedOut
	case details == "Terminated":
		is.Category, is.Step = CatNotReached, StepTerminated
	case inv.Status == "Success" && !found && strings.Contains(inv.Stdout, skippedMarker):
		is.Category = CatSkipped
		is.Summary = oneLine(lastLine(inv.Stdout), maxSummary)
	case inv.Status == "Success":
		is.Category = CatOK
		if found && !res.OK() {
			is.Category = CatFailed
		}
		more = !found && inv.Truncated
	case inv.Status == "Pending", inv.Status == "InProgress", inv.Status == "Delayed":
		is.Category = CatRunning
	case strings.HasPrefix(inv.Status, "Cancel"):
		is.Category = CatNotReached
		if found {
			is.Category = CatFailed
		}
	default: // Failed, TimedOut (ExecutionTimedOut)
		is.Category = CatFailed
		more = !found && inv.Truncated
	}
	if is.Category == CatNotReached || is.Category == CatSkipped {
		is.Exit = nil // SSM's -1 or a skipped step's 0: nothing of cwsetup ran
	}
	if is.Category == CatFailed && is.Step == "" {
		switch {
		case inv.Status == "TimedOut" || strings.Contains(inv.Details, "TimedOut"):
			is.Step = stepTimedOut
		case strings.HasPrefix(inv.Status, "Cancel"):
			is.Step = stepCanceled
		default:
			is.Step = stepNoResult
		}
		if is.Summary == "" {
			is.Summary = oneLine(lastLine(inv.Stderr), maxSummary)
		}
	}
	return is, more
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// maxMarkerEvents bounds the marker events read per log group (a
// re-run writes one more per instance).
const maxMarkerEvents = 20000

// maxStreamsPerGroup bounds the streams read per log group.
const maxStreamsPerGroup = 5000

// attachLogs fills each instance's LogState from the answers' log groups.
func attachLogs(ctx context.Context, ports Ports, st *Status, req StatusRequest) error {
	if st.Answers == "" {
		st.LogsNote = NoteNoAnswers
		return nil
	}
	p, err := ports.Params.Get(ctx, st.Answers)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			st.LogsNote = NoteNoAnswers
			return nil
		}
		return err
	}
	a, err := ValidateAnswers([]byte(p.Value))
	if err != nil {
		st.LogsNote = NoteNoAnswers
		return nil
	}
	stream := a.StreamName
	if stream == "" {
		stream = "{instance_id}"
	}
	if !strings.Contains(stream, "{instance_id}") {
		st.LogsNote = NoteStreamByName
		return nil
	}
	groups := a.LogGroups()
	if pre := a.GroupPrefix(); pre != "" {
		more, err := ports.Logs.Groups(ctx, pre+"/")
		if err != nil {
			return err
		}
		for _, g := range more {
			if !slices.Contains(groups, g) {
				groups = append(groups, g)
			}
		}
	}
	sort.Strings(groups)
	st.LogGroups = groups
	limit := min(max(2*len(st.Instances), 100), maxStreamsPerGroup)
	byStream := map[string]*LogState{}
	for i := range st.Instances {
		ls := &LogState{Groups: len(groups)}
		st.Instances[i].Logs = ls
		byStream[strings.ReplaceAll(stream, "{instance_id}", st.Instances[i].InstanceID)] = ls
	}
	for _, g := range groups {
		streams, err := ports.Logs.Streams(ctx, g, limit)
		if err != nil {
			return err
		}
		since := st.Requested
		if since.IsZero() {
			since = req.Now.Add(-24 * time.Hour)
		}
		marks, err := ports.Logs.Markers(ctx, g, since, maxMarkerEvents)
		if err != nil {
			return err
		}
		for name, at := range marks {
			if ls, ok := byStream[name]; ok && at.After(ls.Marker) {
				ls.Marker = at
			}
		}
		for _, s := range streams {
			ls, ok := byStream[s.Name]
			if !ok {
				continue
			}
			ls.Streams++
			if !s.LastEvent.IsZero() && req.Now.Sub(s.LastEvent) <= req.Fresh {
				ls.Arriving++
			}
			if s.LastEvent.After(ls.LastEvent) {
				ls.LastEvent = s.LastEvent
			}
		}
	}
	return nil
}
