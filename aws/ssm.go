package aws

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/fleet"
)

// Fleet implements the fleet ports with the SDK's ssm, ec2 and
// cloudwatchlogs clients.
type Fleet struct {
	ssm  *ssm.Client
	ec2  *ec2.Client
	logs *cloudwatchlogs.Client
}

// NewFleet returns the fleet adapters for cfg (aws.Load).
func NewFleet(cfg sdk.Config) *Fleet {
	return &Fleet{
		ssm:  ssm.NewFromConfig(cfg, func(o *ssm.Options) { o.APIOptions = apiOptions(o.APIOptions) }),
		ec2:  ec2.NewFromConfig(cfg, func(o *ec2.Options) { o.APIOptions = apiOptions(o.APIOptions) }),
		logs: cloudwatchlogs.NewFromConfig(cfg, func(o *cloudwatchlogs.Options) { o.APIOptions = apiOptions(o.APIOptions) }),
	}
}

// Ports returns every port of the fleet jobs.
func (f *Fleet) Ports() fleet.Ports {
	return fleet.Ports{Params: paramStore{f}, Docs: documents{f}, Cmds: commands{f}, Inv: inventory{f},
		Assoc: associations{f}, Logs: logStreams{f}}
}

// call runs one AWS call, or one page, under CallTimeout (the clients'
// middleware bounds each attempt sequence the same way).
func call[T any](ctx context.Context, fn func(context.Context) (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, CallTimeout)
	defer cancel()
	return fn(ctx)
}

func notFound(what, name string) error { return &fleet.NotFoundError{What: what, Name: name} }

type paramStore struct{ f *Fleet }

func toParameter(p *ssmtypes.Parameter) *fleet.Parameter {
	return &fleet.Parameter{Name: sdk.ToString(p.Name), Value: sdk.ToString(p.Value), Version: p.Version,
		Modified: sdk.ToTime(p.LastModifiedDate), ARN: sdk.ToString(p.ARN)}
}

func (s paramStore) Get(ctx context.Context, name string) (*fleet.Parameter, error) {
	out, err := call(ctx, func(ctx context.Context) (*ssm.GetParameterOutput, error) {
		return s.f.ssm.GetParameter(ctx, &ssm.GetParameterInput{Name: sdk.String(name)})
	})
	var nf *ssmtypes.ParameterNotFound
	var nv *ssmtypes.ParameterVersionNotFound
	if errors.As(err, &nf) || errors.As(err, &nv) {
		return nil, notFound("parameter", name)
	}
	if err != nil {
		return nil, explainFleet(err)
	}
	p := toParameter(out.Parameter)
	// GetParameter does not say the tier; the history does.
	p.Tier = fleet.TierStandard
	if len(p.Value) > fleet.StandardLimit {
		p.Tier = fleet.TierAdvanced
	}
	if h, err := s.History(ctx, p.Name); err == nil {
		for _, v := range h {
			if v.Version == p.Version && v.Tier != "" {
				p.Tier = v.Tier
			}
		}
	}
	return p, nil
}

func (s paramStore) Put(ctx context.Context, name, value, tier, description string) (int64, error) {
	out, err := call(ctx, func(ctx context.Context) (*ssm.PutParameterOutput, error) {
		return s.f.ssm.PutParameter(ctx, &ssm.PutParameterInput{
			Name: sdk.String(name), Value: sdk.String(value), Type: ssmtypes.ParameterTypeString,
			Tier: ssmtypes.ParameterTier(tier), Overwrite: sdk.Bool(true), DataType: sdk.String("text"),
			Description: sdk.String(description),
		})
	})
	if err != nil {
		return 0, explainFleet(err)
	}
	return out.Version, nil
}

func (s paramStore) History(ctx context.Context, name string) ([]fleet.Parameter, error) {
	var out []fleet.Parameter
	pg := ssm.NewGetParameterHistoryPaginator(s.f.ssm, &ssm.GetParameterHistoryInput{Name: sdk.String(name)})
	for pg.HasMorePages() {
		page, err := call(ctx, func(ctx context.Context) (*ssm.GetParameterHistoryOutput, error) { return pg.NextPage(ctx) })
		var nf *ssmtypes.ParameterNotFound
		if errors.As(err, &nf) {
			return nil, notFound("parameter", name)
		}
		if err != nil {
			return nil, explainFleet(err)
		}
		for _, h := range page.Parameters {
			out = append(out, fleet.Parameter{Name: sdk.ToString(h.Name), Value: sdk.ToString(h.Value), Version: h.Version,
				Tier: string(h.Tier), Modified: sdk.ToTime(h.LastModifiedDate)})
		}
	}
	return out, nil
}

type documents struct{ f *Fleet }

func (d documents) Get(ctx context.Context, name string) (*fleet.StoredDocument, error) {
	return d.get(ctx, name, "")
}

func (d documents) get(ctx context.Context, name, version string) (*fleet.StoredDocument, error) {
	in := &ssm.GetDocumentInput{Name: sdk.String(name), DocumentFormat: ssmtypes.DocumentFormatJson}
	if version != "" {
		in.DocumentVersion = sdk.String(version)
	}
	out, err := call(ctx, func(ctx context.Context) (*ssm.GetDocumentOutput, error) { return d.f.ssm.GetDocument(ctx, in) })
	var inv *ssmtypes.InvalidDocument
	if errors.As(err, &inv) {
		return nil, notFound("document", name)
	}
	if err != nil {
		return nil, explainFleet(err)
	}
	return &fleet.StoredDocument{Name: name, Content: sdk.ToString(out.Content), Version: sdk.ToString(out.DocumentVersion)}, nil
}

func (d documents) Create(ctx context.Context, name, content string) (string, error) {
	out, err := call(ctx, func(ctx context.Context) (*ssm.CreateDocumentOutput, error) {
		return d.f.ssm.CreateDocument(ctx, &ssm.CreateDocumentInput{
			Name: sdk.String(name), Content: sdk.String(content),
			DocumentType: ssmtypes.DocumentTypeCommand, DocumentFormat: ssmtypes.DocumentFormatJson,
		})
	})
	if err != nil {
		return "", explainFleet(err)
	}
	return sdk.ToString(out.DocumentDescription.DocumentVersion), nil
}

// Update adds a version and makes it the default. Content equal to an
// older version (a rollback of cwsetup's version) makes that version the
// default again, since SSM refuses to store the same content twice.
func (d documents) Update(ctx context.Context, name, content string) (string, error) {
	out, err := call(ctx, func(ctx context.Context) (*ssm.UpdateDocumentOutput, error) {
		return d.f.ssm.UpdateDocument(ctx, &ssm.UpdateDocumentInput{
			Name: sdk.String(name), Content: sdk.String(content), DocumentVersion: sdk.String("$LATEST"),
			DocumentFormat: ssmtypes.DocumentFormatJson,
		})
	})
	var version string
	var dup *ssmtypes.DuplicateDocumentContent
	switch {
	case errors.As(err, &dup):
		if version, err = d.versionWith(ctx, name, content); err != nil {
			return "", err
		}
	case err != nil:
		return "", explainFleet(err)
	default:
		version = sdk.ToString(out.DocumentDescription.DocumentVersion)
	}
	_, err = call(ctx, func(ctx context.Context) (*ssm.UpdateDocumentDefaultVersionOutput, error) {
		return d.f.ssm.UpdateDocumentDefaultVersion(ctx, &ssm.UpdateDocumentDefaultVersionInput{
			Name: sdk.String(name), DocumentVersion: sdk.String(version),
		})
	})
	if err != nil {
		return "", explainFleet(err)
	}
	return version, nil
}

// versionWith finds the version of the document holding content, newest
// first (DescribeDocument's LatestVersion, then GetDocument per version:
// versions are numbered 1, 2, …).
func (d documents) versionWith(ctx context.Context, name, content string) (string, error) {
	out, err := call(ctx, func(ctx context.Context) (*ssm.DescribeDocumentOutput, error) {
		return d.f.ssm.DescribeDocument(ctx, &ssm.DescribeDocumentInput{Name: sdk.String(name)})
	})
	if err != nil {
		return "", explainFleet(err)
	}
	latest, _ := strconv.Atoi(sdk.ToString(out.Document.LatestVersion))
	for v := latest; v >= 1 && v > latest-maxVersionsSearched; v-- {
		got, err := d.get(ctx, name, strconv.Itoa(v))
		if errors.Is(err, fleet.ErrNotFound) {
			continue // a deleted version
		}
		if err != nil {
			return "", err
		}
		if got.Content == content {
			return got.Version, nil
		}
	}
	return "", notFound("document version", name)
}

// maxVersionsSearched bounds the search for an older identical version.
const maxVersionsSearched = 100

type commands struct{ f *Fleet }

func toTargets(ts []fleet.Target) []ssmtypes.Target {
	out := make([]ssmtypes.Target, len(ts))
	for i, t := range ts {
		out[i] = ssmtypes.Target{Key: sdk.String(t.Key), Values: t.Values}
	}
	return out
}

func fromTargets(ts []ssmtypes.Target) []fleet.Target {
	out := make([]fleet.Target, len(ts))
	for i, t := range ts {
		out[i] = fleet.Target{Key: sdk.ToString(t.Key), Values: t.Values}
	}
	return out
}

func (c commands) Send(ctx context.Context, s fleet.Send) (string, error) {
	in := &ssm.SendCommandInput{
		DocumentName: sdk.String(s.Document), Parameters: s.Parameters,
		MaxConcurrency: sdk.String(s.Rate.MaxConcurrency), MaxErrors: sdk.String(s.Rate.MaxErrors),
		Comment: sdk.String(s.Comment),
	}
	if s.DocumentVersion != "" {
		in.DocumentVersion = sdk.String(s.DocumentVersion)
	}
	if s.TimeoutSeconds > 0 {
		in.TimeoutSeconds = sdk.Int32(s.TimeoutSeconds)
	}
	if len(s.InstanceIDs) > 0 {
		in.InstanceIds = s.InstanceIDs
	} else {
		in.Targets = toTargets(s.Targets)
	}
	if g := s.Output.LogGroup; g != "" {
		in.CloudWatchOutputConfig = &ssmtypes.CloudWatchOutputConfig{CloudWatchLogGroupName: sdk.String(g), CloudWatchOutputEnabled: true}
	}
	if s.Output.NotifyTopic != "" {
		in.NotificationConfig = &ssmtypes.NotificationConfig{NotificationArn: sdk.String(s.Output.NotifyTopic),
			NotificationType: ssmtypes.NotificationTypeCommand,
			NotificationEvents: []ssmtypes.NotificationEvent{ssmtypes.NotificationEventSuccess, ssmtypes.NotificationEventTimedOut,
				ssmtypes.NotificationEventCancelled, ssmtypes.NotificationEventFailed}}
		in.ServiceRoleArn = sdk.String(s.Output.NotifyRole)
	}
	out, err := call(ctx, func(ctx context.Context) (*ssm.SendCommandOutput, error) { return c.f.ssm.SendCommand(ctx, in) })
	if err != nil {
		return "", explainFleet(err)
	}
	return sdk.ToString(out.Command.CommandId), nil
}

func (c commands) Command(ctx context.Context, id string) (*fleet.CommandInfo, error) {
	out, err := call(ctx, func(ctx context.Context) (*ssm.ListCommandsOutput, error) {
		return c.f.ssm.ListCommands(ctx, &ssm.ListCommandsInput{CommandId: sdk.String(id)})
	})
	var bad *ssmtypes.InvalidCommandId
	if errors.As(err, &bad) {
		return nil, notFound("command", id)
	}
	if err != nil {
		return nil, explainFleet(err)
	}
	if len(out.Commands) == 0 {
		return nil, notFound("command", id)
	}
	cmd := out.Commands[0]
	return &fleet.CommandInfo{
		ID: sdk.ToString(cmd.CommandId), Document: sdk.ToString(cmd.DocumentName), Status: string(cmd.Status),
		Targets: fromTargets(cmd.Targets), InstanceIDs: cmd.InstanceIds, Parameters: cmd.Parameters,
		Rate: fleet.Rate{MaxConcurrency: sdk.ToString(cmd.MaxConcurrency), MaxErrors: sdk.ToString(cmd.MaxErrors)},
		Counts: fleet.CommandCounts{Targets: int(cmd.TargetCount), Completed: int(cmd.CompletedCount),
			Errors: int(cmd.ErrorCount), DeliveryTimedOut: int(cmd.DeliveryTimedOutCount)},
		Requested: sdk.ToTime(cmd.RequestedDateTime),
	}, nil
}

// listOutputLimit is how much plugin output ListCommandInvocations
// returns (the API reference: "the first 2,500 characters").
const listOutputLimit = 2500

// errorMarker separates stdout from stderr in a plugin's Output.
const errorMarker = "\n----------ERROR-------\n"

// Invocations lists the command's invocations, 50 a page (the API's
// maximum) with Details, so one call carries 50 instances' status and
// output instead of one GetCommandInvocation each.
func (c commands) Invocations(ctx context.Context, commandID string, each func([]fleet.Invocation) error) error {
	pg := ssm.NewListCommandInvocationsPaginator(c.f.ssm, &ssm.ListCommandInvocationsInput{
		CommandId: sdk.String(commandID), Details: true, MaxResults: sdk.Int32(50),
	})
	for pg.HasMorePages() {
		page, err := call(ctx, func(ctx context.Context) (*ssm.ListCommandInvocationsOutput, error) { return pg.NextPage(ctx) })
		var bad *ssmtypes.InvalidCommandId
		if errors.As(err, &bad) {
			return notFound("command", commandID)
		}
		if err != nil {
			return explainFleet(err)
		}
		out := make([]fleet.Invocation, 0, len(page.CommandInvocations))
		for _, ci := range page.CommandInvocations {
			inv := fleet.Invocation{InstanceID: sdk.ToString(ci.InstanceId), Status: string(ci.Status),
				Details: sdk.ToString(ci.StatusDetails), Code: -1}
			// The document has one step: its plugin carries the exit code
			// and output. An undelivered invocation has no plugin.
			if len(ci.CommandPlugins) > 0 {
				p := ci.CommandPlugins[0]
				inv.Code = int(p.ResponseCode)
				o := sdk.ToString(p.Output)
				inv.Truncated = len(o) >= listOutputLimit
				inv.Stdout, inv.Stderr, _ = strings.Cut(o, errorMarker)
			}
			out = append(out, inv)
		}
		if err := each(out); err != nil {
			return err
		}
	}
	return nil
}

func (c commands) Invocation(ctx context.Context, commandID, instanceID string) (*fleet.Invocation, error) {
	out, err := call(ctx, func(ctx context.Context) (*ssm.GetCommandInvocationOutput, error) {
		return c.f.ssm.GetCommandInvocation(ctx, &ssm.GetCommandInvocationInput{
			CommandId: sdk.String(commandID), InstanceId: sdk.String(instanceID),
		})
	})
	var none *ssmtypes.InvocationDoesNotExist
	if errors.As(err, &none) {
		return nil, notFound("invocation", instanceID)
	}
	if err != nil {
		return nil, explainFleet(err)
	}
	return &fleet.Invocation{InstanceID: instanceID, Status: string(out.Status), Details: sdk.ToString(out.StatusDetails),
		Code:   int(out.ResponseCode),
		Stdout: sdk.ToString(out.StandardOutputContent), Stderr: sdk.ToString(out.StandardErrorContent)}, nil
}

type inventory struct{ f *Fleet }

func (v inventory) Instances(ctx context.Context, targets []fleet.Target, ids []string) ([]fleet.Instance, error) {
	in := &ec2.DescribeInstancesInput{Filters: []ec2types.Filter{{
		Name: sdk.String("instance-state-name"), Values: []string{"pending", "running"},
	}}}
	for _, t := range targets {
		in.Filters = append(in.Filters, ec2types.Filter{Name: sdk.String(t.Key), Values: t.Values})
	}
	if len(ids) > 0 {
		in.InstanceIds = ids
	} else {
		in.MaxResults = sdk.Int32(1000)
	}
	var out []fleet.Instance
	pg := ec2.NewDescribeInstancesPaginator(v.f.ec2, in)
	for pg.HasMorePages() {
		page, err := call(ctx, func(ctx context.Context) (*ec2.DescribeInstancesOutput, error) { return pg.NextPage(ctx) })
		if err != nil {
			return nil, explainFleet(err)
		}
		for _, r := range page.Reservations {
			for _, i := range r.Instances {
				fi := fleet.Instance{ID: sdk.ToString(i.InstanceId)}
				if i.State != nil {
					fi.State = string(i.State.Name)
				}
				for _, tag := range i.Tags {
					if sdk.ToString(tag.Key) == "Name" {
						fi.Name = sdk.ToString(tag.Value)
					}
				}
				out = append(out, fi)
			}
		}
	}
	return out, nil
}

// managedBatch is how many instance ids one DescribeInstanceInformation
// filter carries.
const managedBatch = 50

func (v inventory) Managed(ctx context.Context, ids []string) (map[string]fleet.Managed, error) {
	out := map[string]fleet.Managed{}
	for start := 0; start < len(ids); start += managedBatch {
		batch := ids[start:min(start+managedBatch, len(ids))]
		pg := ssm.NewDescribeInstanceInformationPaginator(v.f.ssm, &ssm.DescribeInstanceInformationInput{
			Filters:    []ssmtypes.InstanceInformationStringFilter{{Key: sdk.String("InstanceIds"), Values: batch}},
			MaxResults: sdk.Int32(managedBatch), // the API's maximum; its default is 10
		})
		for pg.HasMorePages() {
			page, err := call(ctx, func(ctx context.Context) (*ssm.DescribeInstanceInformationOutput, error) { return pg.NextPage(ctx) })
			if err != nil {
				return nil, explainFleet(err)
			}
			for _, i := range page.InstanceInformationList {
				id := sdk.ToString(i.InstanceId)
				out[id] = fleet.Managed{ID: id, PingStatus: string(i.PingStatus), AgentVersion: sdk.ToString(i.AgentVersion),
					Platform: string(i.PlatformType)}
			}
		}
	}
	return out, nil
}

type associations struct{ f *Fleet }

func (a associations) Find(ctx context.Context, name string) (*fleet.Association, error) {
	pg := ssm.NewListAssociationsPaginator(a.f.ssm, &ssm.ListAssociationsInput{
		AssociationFilterList: []ssmtypes.AssociationFilter{{Key: ssmtypes.AssociationFilterKeyName, Value: sdk.String(name)}},
	})
	for pg.HasMorePages() {
		page, err := call(ctx, func(ctx context.Context) (*ssm.ListAssociationsOutput, error) { return pg.NextPage(ctx) })
		if err != nil {
			return nil, explainFleet(err)
		}
		for _, as := range page.Associations {
			if sdk.ToString(as.AssociationName) != name {
				continue
			}
			d, err := call(ctx, func(ctx context.Context) (*ssm.DescribeAssociationOutput, error) {
				return a.f.ssm.DescribeAssociation(ctx, &ssm.DescribeAssociationInput{AssociationId: as.AssociationId})
			})
			if err != nil {
				return nil, explainFleet(err)
			}
			desc := d.AssociationDescription
			return &fleet.Association{
				ID: sdk.ToString(desc.AssociationId), Name: name, Document: sdk.ToString(desc.Name),
				DocumentVersion: sdk.ToString(desc.DocumentVersion), Schedule: sdk.ToString(desc.ScheduleExpression),
				Targets: fromTargets(desc.Targets), Parameters: desc.Parameters,
				Rate:                    fleet.Rate{MaxConcurrency: sdk.ToString(desc.MaxConcurrency), MaxErrors: sdk.ToString(desc.MaxErrors)},
				ApplyOnlyAtCronInterval: desc.ApplyOnlyAtCronInterval,
			}, nil
		}
	}
	return nil, nil
}

func (a associations) Create(ctx context.Context, as fleet.Association) (string, error) {
	out, err := call(ctx, func(ctx context.Context) (*ssm.CreateAssociationOutput, error) {
		return a.f.ssm.CreateAssociation(ctx, &ssm.CreateAssociationInput{
			Name: sdk.String(as.Document), DocumentVersion: sdk.String(as.DocumentVersion),
			AssociationName: sdk.String(as.Name), Targets: toTargets(as.Targets), Parameters: as.Parameters,
			ScheduleExpression: sdk.String(as.Schedule), ApplyOnlyAtCronInterval: as.ApplyOnlyAtCronInterval,
			MaxConcurrency: sdk.String(as.Rate.MaxConcurrency), MaxErrors: sdk.String(as.Rate.MaxErrors),
		})
	})
	if err != nil {
		return "", explainFleet(err)
	}
	return sdk.ToString(out.AssociationDescription.AssociationId), nil
}

func (a associations) Update(ctx context.Context, as fleet.Association) error {
	_, err := call(ctx, func(ctx context.Context) (*ssm.UpdateAssociationOutput, error) {
		return a.f.ssm.UpdateAssociation(ctx, &ssm.UpdateAssociationInput{
			AssociationId: sdk.String(as.ID), Name: sdk.String(as.Document), DocumentVersion: sdk.String(as.DocumentVersion),
			AssociationName: sdk.String(as.Name), Targets: toTargets(as.Targets), Parameters: as.Parameters,
			ScheduleExpression: sdk.String(as.Schedule), ApplyOnlyAtCronInterval: as.ApplyOnlyAtCronInterval,
			MaxConcurrency: sdk.String(as.Rate.MaxConcurrency), MaxErrors: sdk.String(as.Rate.MaxErrors),
		})
	})
	return explainFleet(err)
}

type logStreams struct{ f *Fleet }

func (l logStreams) Groups(ctx context.Context, prefix string) ([]string, error) {
	var out []string
	pg := cloudwatchlogs.NewDescribeLogGroupsPaginator(l.f.logs, &cloudwatchlogs.DescribeLogGroupsInput{LogGroupNamePrefix: sdk.String(prefix)})
	for pg.HasMorePages() {
		page, err := call(ctx, func(ctx context.Context) (*cloudwatchlogs.DescribeLogGroupsOutput, error) { return pg.NextPage(ctx) })
		if err != nil {
			return nil, explainFleet(err)
		}
		for _, g := range page.LogGroups {
			out = append(out, sdk.ToString(g.LogGroupName))
		}
	}
	return out, nil
}

func (l logStreams) Streams(ctx context.Context, group string, limit int) ([]fleet.Stream, error) {
	var out []fleet.Stream
	pg := cloudwatchlogs.NewDescribeLogStreamsPaginator(l.f.logs, &cloudwatchlogs.DescribeLogStreamsInput{
		LogGroupName: sdk.String(group), OrderBy: logstypes.OrderByLastEventTime, Descending: sdk.Bool(true),
	})
	for pg.HasMorePages() && len(out) < limit {
		page, err := call(ctx, func(ctx context.Context) (*cloudwatchlogs.DescribeLogStreamsOutput, error) { return pg.NextPage(ctx) })
		var nf *logstypes.ResourceNotFoundException
		if errors.As(err, &nf) {
			return nil, nil
		}
		if err != nil {
			return nil, explainFleet(err)
		}
		for _, s := range page.LogStreams {
			st := fleet.Stream{Name: sdk.ToString(s.LogStreamName)}
			if s.LastEventTimestamp != nil {
				st.LastEvent = time.UnixMilli(*s.LastEventTimestamp)
			}
			out = append(out, st)
		}
	}
	return out, nil
}

// Markers filters group for verify's marker events since since (one
// paginated FilterLogEvents, not a call per instance).
func (l logStreams) Markers(ctx context.Context, group string, since time.Time, limit int) (map[string]time.Time, error) {
	out := map[string]time.Time{}
	pg := cloudwatchlogs.NewFilterLogEventsPaginator(l.f.logs, &cloudwatchlogs.FilterLogEventsInput{
		LogGroupName: sdk.String(group), FilterPattern: sdk.String(`"` + fleet.MarkerPrefix + `"`),
		StartTime: sdk.Int64(since.UnixMilli()),
	})
	n := 0
	for pg.HasMorePages() && n < limit {
		page, err := call(ctx, func(ctx context.Context) (*cloudwatchlogs.FilterLogEventsOutput, error) { return pg.NextPage(ctx) })
		var nf *logstypes.ResourceNotFoundException
		if errors.As(err, &nf) {
			return out, nil
		}
		if err != nil {
			return nil, explainFleet(err)
		}
		for _, e := range page.Events {
			n++
			at := time.UnixMilli(sdk.ToInt64(e.Timestamp))
			if name := sdk.ToString(e.LogStreamName); at.After(out[name]) {
				out[name] = at
			}
		}
	}
	return out, nil
}

// ReadAnswersParameter reads the answers of `cwsetup apply --answers-ssm`
// (NAME or NAME:VERSION) with the instance's credentials.
func ReadAnswersParameter(ctx context.Context, cfg sdk.Config, name string) (*fleet.Parameter, error) {
	f := NewFleet(cfg)
	out, err := call(ctx, func(ctx context.Context) (*ssm.GetParameterOutput, error) {
		return f.ssm.GetParameter(ctx, &ssm.GetParameterInput{Name: sdk.String(name)})
	})
	var nf *ssmtypes.ParameterNotFound
	var nv *ssmtypes.ParameterVersionNotFound
	if errors.As(err, &nf) || errors.As(err, &nv) {
		return nil, notFound("parameter", name)
	}
	if err != nil {
		return nil, explainInstance(err, name)
	}
	return toParameter(out.Parameter), nil
}

// FleetPermissions are the calls fleet publish, apply and status make
// (docs/fleet.md, "Operator permissions", has them as a policy).
var FleetPermissions = []string{
	"ssm:GetParameter, ssm:PutParameter, ssm:GetParameterHistory (on the answers parameter)",
	"ssm:GetDocument, ssm:DescribeDocument, ssm:CreateDocument, ssm:UpdateDocument, ssm:UpdateDocumentDefaultVersion (on the document)",
	"ssm:SendCommand (on the document and the targeted instances)",
	"ssm:CreateAssociation, ssm:UpdateAssociation, ssm:ListAssociations, ssm:DescribeAssociation (with --schedule)",
	"ssm:DescribeInstanceInformation, ssm:ListCommands, ssm:ListCommandInvocations, ssm:GetCommandInvocation",
	"ec2:DescribeInstances, logs:DescribeLogGroups, logs:DescribeLogStreams, logs:FilterLogEvents",
}

func denied(err error) bool {
	switch ErrorCode(err) {
	case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError", "UnauthorizedAccess":
		return true
	}
	return false
}

// explainFleet names the fleet operator's permissions on a denial (not
// those of iam setup), else explains as every AWS error is.
func explainFleet(err error) error {
	if err != nil && denied(err) {
		return i18n.Errorf(i18n.FleetErrAccessDenied, Action(err), ErrorCode(err), "  "+strings.Join(FleetPermissions, "\n  "))
	}
	// Throttled beyond the SDK's retries: said without the general claim
	// that a re-run continues where it stopped (a fleet read starts over).
	switch code := ErrorCode(err); code {
	case "ThrottlingException", "Throttling", "RequestLimitExceeded", "TooManyRequestsException":
		return i18n.Errorf(i18n.FleetErrThrottled, Action(err), code)
	}
	return Explain(err)
}

// explainInstance: on the instance, a denial is the role's, which needs
// ssm:GetParameter on the answers parameter.
func explainInstance(err error, name string) error {
	if err != nil && denied(err) {
		return i18n.Errorf(i18n.FleetErrInstanceDenied, Action(err), ErrorCode(err), name)
	}
	return Explain(err)
}
