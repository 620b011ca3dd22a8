package fleet

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/lazy"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// Ports are the AWS services a fleet job uses.
type Ports struct {
	Params ParameterStore
	Docs   Documents
	Cmds   Commands
	Inv    Inventory
	Assoc  Associations
	Logs   LogStreams
}

// ApplyRequest is `fleet apply`'s input, each part already parsed.
type ApplyRequest struct {
	Parameter ParameterRef
	Targets   []Target
	Rate      Rate
	Schedule  string // "" for no association
	Document  string
	Spec      DocumentSpec
	// AllowUnmanaged sends although some targeted instances are not
	// SSM-managed (they are then never reached).
	AllowUnmanaged bool
	// WaitForSchedule makes the association's first run wait for the next
	// cron time (ApplyOnlyAtCronInterval) instead of running at once.
	WaitForSchedule bool
	// DeliveryTimeout is SendCommand's TimeoutSeconds: how long an
	// instance may take to pick the command up; 0 is DefaultDeliveryTimeout.
	DeliveryTimeout int32
	// Canary is how many instances (N or N%) get the command first, alone;
	// the rest only once every one of them reported success. "" for none.
	Canary string
	// Output: command output to CloudWatch Logs, notifications to SNS.
	Output Output
}

var (
	logGroupRE = lazy.Regexp(`^[.\-_/#A-Za-z0-9]{1,512}$`)
	topicRE    = lazy.Regexp(`^arn:aws[a-z\-]*:sns:[a-z0-9\-]+:[0-9]{12}:[A-Za-z0-9_\-]{1,256}$`)
	roleRE     = lazy.Regexp(`^arn:aws[a-z\-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/\-]{1,512}$`)
)

// Validate checks the output settings: a log group name, an SNS topic
// ARN with the role ARN it needs, and that they go with a command (an
// association takes neither).
func (o Output) Validate(schedule string) error {
	if o.LogGroup != "" && !logGroupRE().MatchString(o.LogGroup) {
		return i18n.UsageErrorf(i18n.FleetErrBadOutputGroup, o.LogGroup)
	}
	if (o.NotifyTopic == "") != (o.NotifyRole == "") {
		return i18n.UsageErrorf(i18n.FleetErrNotifyPair)
	}
	if o.NotifyTopic != "" && (!topicRE().MatchString(o.NotifyTopic) || !roleRE().MatchString(o.NotifyRole)) {
		return i18n.UsageErrorf(i18n.FleetErrBadNotify, o.NotifyTopic, o.NotifyRole)
	}
	if schedule != "" && (o.LogGroup != "" || o.NotifyTopic != "") {
		return i18n.UsageErrorf(i18n.FleetErrOutputSchedule)
	}
	return nil
}

// DefaultDeliveryTimeout is SendCommand's own default (seconds).
const DefaultDeliveryTimeout = 3600

// PlatformLinux is the only PlatformType the document runs on.
const PlatformLinux = "Linux"

// Actions on the document and the association.
const (
	ActCreate    = "create"
	ActUpdate    = "update"
	ActUnchanged = "unchanged"
)

// ApplyPlan is everything `fleet apply` would do, for the operator to
// read before anything is sent.
type ApplyPlan struct {
	Request   ApplyRequest `json:"-"`
	Parameter *Parameter   `json:"-"`
	Answers   plan.Answers `json:"-"`

	DocAction   string `json:"document_action"`
	OldDocument string `json:"-"`
	NewDocument []byte `json:"-"`
	DocVersion  string `json:"document_version,omitempty"` // the stored default version (update: before)

	Instances  []Instance         `json:"instances"`
	Managed    map[string]Managed `json:"-"`
	NotManaged []Instance         `json:"not_managed"`
	// NotLinux are managed instances of another platform: listed, not sent
	// (by id), or skipped by the document's Linux precondition (by tag).
	NotLinux []Instance `json:"not_linux"`
	// SendIDs are the InstanceIds the command carries (id targets), the
	// planned instances minus NotLinux; nil for tag targets.
	SendIDs []string `json:"-"`

	Association *Association `json:"association,omitempty"`
	AssocAction string       `json:"association_action,omitempty"`

	// Canaries are the instances of the first wave (by id); nil without
	// --canary. The second wave is the command as planned without them:
	// the remaining ids, or for tag targets the targets themselves (the
	// canaries run it again and find nothing to change).
	Canaries []string `json:"canaries,omitempty"`
}

// Pinned is the parameter with the version that will run (name:version):
// a publish during the rollout does not change what the remaining
// instances apply.
func (p *ApplyPlan) Pinned() string {
	return ParameterRef{Name: p.Parameter.Name, Version: p.Parameter.Version}.String()
}

var assocUnsafeRE = lazy.Regexp(`[^A-Za-z0-9_.\-]+`)

// AssociationName is the State Manager association of one document and
// answers parameter.
func AssociationName(document, parameter string) string {
	n := document + "-" + strings.Trim(assocUnsafeRE().ReplaceAllString(parameter, "-"), "-")
	if len(n) > 128 {
		n = n[:128]
	}
	return n
}

// PlanApply checks every input against AWS and returns the plan; it
// changes nothing. Bad input — a parameter that does not exist, answers
// that fail validation, targets that match nothing, instances that are
// not SSM-managed, a document of that name that cwsetup did not make —
// is an error here, so nothing is ever sent for it.
func PlanApply(ctx context.Context, ports Ports, req ApplyRequest) (*ApplyPlan, error) {
	if err := req.Spec.Validate(); err != nil {
		return nil, err
	}
	if err := req.Spec.ValidateDigests(); err != nil {
		return nil, err
	}
	if err := req.Rate.Validate(); err != nil {
		return nil, err
	}
	if err := req.validateTiming(); err != nil {
		return nil, err
	}
	if err := req.Output.Validate(req.Schedule); err != nil {
		return nil, err
	}
	if err := ValidateDocumentName(req.Document); err != nil {
		return nil, err
	}
	if req.Schedule != "" {
		if err := ValidateSchedule(req.Schedule); err != nil {
			return nil, err
		}
	}
	p := &ApplyPlan{Request: req}

	param, err := ports.Params.Get(ctx, req.Parameter.String())
	if errors.Is(err, ErrNotFound) {
		return nil, i18n.UsageErrorf(i18n.FleetErrNoParameter, req.Parameter.String())
	}
	if err != nil {
		return nil, err
	}
	p.Parameter = param
	if p.Answers, err = ValidateAnswers([]byte(param.Value)); err != nil {
		return nil, i18n.UsageErrorf(i18n.FleetErrStoredAnswers, p.Pinned(), err)
	}

	// ParseTargets refuses mixed kinds, so this is the set SendCommand
	// (or the association) selects.
	if p.Instances, err = ports.Inv.Instances(ctx, TagTargets(req.Targets), TargetIDs(req.Targets)); err != nil {
		return nil, err
	}
	if len(p.Instances) == 0 {
		var ts []string
		for _, t := range req.Targets {
			ts = append(ts, t.String())
		}
		return nil, i18n.UsageErrorf(i18n.FleetErrNoInstances, strings.Join(ts, " "))
	}
	ids := make([]string, len(p.Instances))
	for i, in := range p.Instances {
		ids[i] = in.ID
	}
	if p.Managed, err = ports.Inv.Managed(ctx, ids); err != nil {
		return nil, err
	}
	for _, in := range p.Instances {
		m, ok := p.Managed[in.ID]
		switch {
		case !ok || m.PingStatus != "Online":
			p.NotManaged = append(p.NotManaged, in)
		case m.Platform != PlatformLinux:
			p.NotLinux = append(p.NotLinux, in)
			continue
		}
		if TargetIDs(req.Targets) != nil {
			p.SendIDs = append(p.SendIDs, in.ID)
		}
	}
	if len(p.NotLinux) == len(p.Instances) {
		return p, i18n.UsageErrorf(i18n.FleetErrNoLinux, len(p.Instances), PlatformList(p.NotLinux, p.Managed, 5))
	}
	if len(p.NotManaged) > 0 && !req.AllowUnmanaged {
		return p, i18n.UsageErrorf(i18n.FleetErrUnmanaged, len(p.NotManaged), len(p.Instances), UnmanagedList(p.NotManaged, p.Managed, 5))
	}
	if req.Canary != "" {
		var ready []string // managed, online, Linux: what the canaries are picked from
		for _, in := range p.Instances {
			if m, ok := p.Managed[in.ID]; ok && m.PingStatus == "Online" && m.Platform == PlatformLinux {
				ready = append(ready, in.ID)
			}
		}
		slices.Sort(ready)
		n := resolve(req.Canary, len(ready), 1)
		if n >= len(ready) {
			return p, i18n.UsageErrorf(i18n.FleetErrCanaryAll, req.Canary, len(ready))
		}
		p.Canaries = ready[:n]
	}

	p.NewDocument = Document(req.Spec)
	cur, err := ports.Docs.Get(ctx, req.Document)
	switch {
	case errors.Is(err, ErrNotFound):
		p.DocAction = ActCreate
	case err != nil:
		return nil, err
	case !IsManagedDocument(cur.Content):
		return nil, i18n.UsageErrorf(i18n.FleetErrNotOurDocument, req.Document)
	default:
		p.OldDocument, p.DocVersion = cur.Content, cur.Version
		p.DocAction = ActUpdate
		if cur.Content == string(p.NewDocument) {
			p.DocAction = ActUnchanged
		}
	}

	if req.Schedule != "" {
		want := Association{
			Name: AssociationName(req.Document, param.Name), Document: req.Document,
			Schedule: req.Schedule, Targets: req.Targets, Rate: req.Rate,
			Parameters:              map[string][]string{AnswersParam: {p.Pinned()}},
			ApplyOnlyAtCronInterval: req.WaitForSchedule,
		}
		if p.SendIDs != nil {
			want.Targets = []Target{{Key: "InstanceIds", Values: p.SendIDs}}
		}
		have, err := ports.Assoc.Find(ctx, want.Name)
		if err != nil {
			return nil, err
		}
		p.AssocAction = ActCreate
		if have != nil {
			want.ID = have.ID
			p.AssocAction = ActUpdate
			if sameAssociation(*have, want) && p.DocAction == ActUnchanged {
				p.AssocAction = ActUnchanged
			}
		}
		p.Association = &want
	}
	return p, nil
}

func sameAssociation(a, b Association) bool {
	return a.Document == b.Document && a.Schedule == b.Schedule && a.Rate == b.Rate &&
		a.ApplyOnlyAtCronInterval == b.ApplyOnlyAtCronInterval &&
		slices.EqualFunc(a.Targets, b.Targets, func(x, y Target) bool { return x.Key == y.Key && slices.Equal(x.Values, y.Values) }) &&
		slices.Equal(a.Parameters[AnswersParam], b.Parameters[AnswersParam])
}

// UnmanagedList names up to n of the instances with their SSM state.
func UnmanagedList(ins []Instance, managed map[string]Managed, n int) string {
	var parts []string
	for i, in := range ins {
		if i == n {
			parts = append(parts, "…")
			break
		}
		state := "not registered"
		if m, ok := managed[in.ID]; ok {
			state = m.PingStatus
		}
		parts = append(parts, in.ID+" ("+state+")")
	}
	return strings.Join(parts, ", ")
}

// PlatformList names up to n instances with their platform.
func PlatformList(ins []Instance, managed map[string]Managed, n int) string {
	var parts []string
	for i, in := range ins {
		if i == n {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, in.ID+" ("+managed[in.ID].Platform+")")
	}
	return strings.Join(parts, ", ")
}

// validateTiming checks the delivery timeout and the wait for the
// schedule; State Manager takes ApplyOnlyAtCronInterval with cron
// expressions only, not rate().
func (r ApplyRequest) validateTiming() error {
	if r.DeliveryTimeout != 0 && (r.DeliveryTimeout < 30 || r.DeliveryTimeout > 2592000) {
		return i18n.UsageErrorf(i18n.FleetErrBadDelivery, r.DeliveryTimeout)
	}
	if r.WaitForSchedule && !strings.HasPrefix(r.Schedule, "cron(") {
		return i18n.UsageErrorf(i18n.FleetErrWaitNeedsCron)
	}
	if r.Canary != "" {
		if r.Schedule != "" {
			return i18n.UsageErrorf(i18n.FleetErrCanarySchedule)
		}
		// A count of at most 50 (it is sent by id), or a percentage.
		if !canaryRE().MatchString(r.Canary) {
			return i18n.UsageErrorf(i18n.FleetErrBadCanary, r.Canary, MaxInstanceIDs)
		}
		if n, err := strconv.Atoi(r.Canary); err == nil && n > MaxInstanceIDs {
			return i18n.UsageErrorf(i18n.FleetErrBadCanary, r.Canary, MaxInstanceIDs)
		}
	}
	return nil
}

var canaryRE = lazy.Regexp(`^([1-9][0-9]?|[1-9][0-9]?%)$`)

// ApplyResult is what `fleet apply` did.
type ApplyResult struct {
	DocumentVersion string `json:"document_version"`
	CommandID       string `json:"command_id"`
	CanaryCommandID string `json:"canary_command_id,omitempty"`
	AssociationID   string `json:"association_id,omitempty"`
}

// Execute carries out the plan: the document, then either the command or,
// with a schedule, the association alone — State Manager runs a new
// association at once (or at its next cron time when asked to wait), so a
// SendCommand as well would run everything twice and the two runs would
// collide on apply's lock. Both run the pinned parameter version with the
// plan's document version.
func Execute(ctx context.Context, ports Ports, p *ApplyPlan) (*ApplyResult, error) {
	res := &ApplyResult{DocumentVersion: p.DocVersion}
	var err error
	switch p.DocAction {
	case ActCreate:
		res.DocumentVersion, err = ports.Docs.Create(ctx, p.Request.Document, string(p.NewDocument))
	case ActUpdate:
		res.DocumentVersion, err = ports.Docs.Update(ctx, p.Request.Document, string(p.NewDocument))
	}
	if err != nil {
		return res, err
	}
	if a := p.Association; a != nil {
		a.DocumentVersion = res.DocumentVersion
		switch p.AssocAction {
		case ActCreate:
			res.AssociationID, err = ports.Assoc.Create(ctx, *a)
		case ActUpdate:
			res.AssociationID, err = a.ID, ports.Assoc.Update(ctx, *a)
		default:
			res.AssociationID = a.ID
		}
		return res, err
	}
	if p.Canaries != nil {
		s := p.send(res.DocumentVersion)
		s.InstanceIDs, s.Targets = p.Canaries, nil
		s.Rate.MaxConcurrency = "100%"
		s.Rate.MaxErrors = strconv.Itoa(len(p.Canaries)) // every canary reports; the verdict is cwsetup's
		res.CanaryCommandID, err = ports.Cmds.Send(ctx, s)
		return res, err
	}
	res.CommandID, err = ports.Cmds.Send(ctx, p.send(res.DocumentVersion))
	return res, err
}

// send is the planned command at one document version (the whole
// rollout, or the second wave after the canaries).
func (p *ApplyPlan) send(docVersion string) Send {
	timeout := p.Request.DeliveryTimeout
	if timeout == 0 {
		timeout = DefaultDeliveryTimeout
	}
	s := Send{
		Document: p.Request.Document, DocumentVersion: docVersion,
		Parameters:     map[string][]string{AnswersParam: {p.Pinned()}},
		Rate:           p.Request.Rate,
		TimeoutSeconds: timeout,
		Comment:        oneLine("cwsetup fleet apply "+p.Pinned(), 100),
		Output:         p.Request.Output,
	}
	if p.SendIDs != nil {
		s.InstanceIDs = p.SendIDs
		if p.Canaries != nil {
			s.InstanceIDs = slices.DeleteFunc(slices.Clone(p.SendIDs), func(id string) bool { return slices.Contains(p.Canaries, id) })
		}
	} else {
		s.Targets = p.Request.Targets
	}
	return s
}

// SendRest sends the second wave, after the canaries succeeded.
func SendRest(ctx context.Context, ports Ports, p *ApplyPlan, res *ApplyResult) error {
	var err error
	res.CommandID, err = ports.Cmds.Send(ctx, p.send(res.DocumentVersion))
	return err
}

// CanaryFailures are the canaries that did not succeed (failed, not
// reached, skipped): any one stops the rollout.
func CanaryFailures(st *Status, canaries []string) []InstanceStatus {
	var bad []InstanceStatus
	for _, id := range canaries {
		i := slices.IndexFunc(st.Instances, func(is InstanceStatus) bool { return is.InstanceID == id })
		if i < 0 {
			bad = append(bad, InstanceStatus{InstanceID: id, Category: CatNotReached})
			continue
		}
		if st.Instances[i].Category != CatOK {
			bad = append(bad, st.Instances[i])
		}
	}
	return bad
}
