// Package fleet runs cwsetup on many instances through AWS Systems Manager
// (docs/fleet.md): the answers go to Parameter Store, an SSM Command document
// installs cwsetup and runs `cwsetup apply --answers-ssm NAME --yes` on
// every targeted instance, and the status of that command is read back per
// instance. cwsetup builds no agent or scheduler of its own: Run Command
// applies the rate controls, State Manager re-runs the document.
//
// This package is the domain: inputs, the document, the plan, the status
// totals. It defines the ports it needs (ParameterStore, Documents,
// Commands, Inventory, Associations, LogStreams); aws/ implements them with
// the SDK's service clients.
package fleet

import (
	"context"
	"time"
)

// Parameter is one version of a Parameter Store parameter.
type Parameter struct {
	Name     string
	Value    string
	Version  int64
	Tier     string // Standard, Advanced
	Modified time.Time
	ARN      string
}

// ParameterStore is the part of Parameter Store cwsetup uses.
type ParameterStore interface {
	// Get returns the parameter (name, or name:version); ErrNotFound when
	// there is none.
	Get(ctx context.Context, name string) (*Parameter, error)
	// Put stores value as a String parameter (overwriting) and returns the
	// new version.
	Put(ctx context.Context, name, value, tier, description string) (int64, error)
	// History lists every stored version, oldest first.
	History(ctx context.Context, name string) ([]Parameter, error)
}

// StoredDocument is an SSM document as GetDocument returns it.
type StoredDocument struct {
	Name    string
	Content string
	Version string // the default version's number
}

// Documents manages SSM Command documents.
type Documents interface {
	// Get returns the document's default version; ErrNotFound when none.
	Get(ctx context.Context, name string) (*StoredDocument, error)
	// Create makes a Command document (JSON) and returns its version.
	Create(ctx context.Context, name, content string) (string, error)
	// Update adds a version with content, makes it the default and
	// returns it.
	Update(ctx context.Context, name, content string) (string, error)
}

// Send is one SendCommand.
type Send struct {
	Document, DocumentVersion string
	Targets                   []Target
	InstanceIDs               []string
	Parameters                map[string][]string
	Rate                      Rate
	TimeoutSeconds            int32 // delivery timeout
	Comment                   string
	Output                    Output
}

// Output is where Run Command sends a command's output and status
// changes besides its own history: a CloudWatch Logs group
// (CloudWatchOutputConfig) and an SNS topic (NotificationConfig, with the
// role Systems Manager assumes to publish).
type Output struct {
	LogGroup    string `json:"log_group,omitempty"`
	NotifyTopic string `json:"notify_topic,omitempty"`
	NotifyRole  string `json:"notify_role,omitempty"`
}

// CommandInfo is what ListCommands says about one command.
type CommandInfo struct {
	ID, Document, Status string
	Targets              []Target
	InstanceIDs          []string
	Parameters           map[string][]string
	Rate                 Rate
	Counts               CommandCounts
	Requested            time.Time
}

// Invocation is one instance's part of a command (GetCommandInvocation).
type Invocation struct {
	InstanceID string
	Status     string // types.CommandInvocationStatus: Pending, InProgress, Delayed, Success, Cancelled, Cancelling, TimedOut, Failed
	// Details is StatusDetails, what happened: Undeliverable, Terminated,
	// DeliveryTimedOut, ExecutionTimedOut … (never in Status).
	Details string
	Code    int    // ResponseCode; -1 while it has none
	Stdout  string // the first 24,000 characters (SSM's limit)
	Stderr  string // the first 8,000 characters
	// Truncated: the output is ListCommandInvocations' first 2,500
	// characters of stdout and stderr and was cut there.
	Truncated bool
}

// Commands sends Run Command commands and reads them back.
type Commands interface {
	Send(ctx context.Context, s Send) (string, error)
	// Command returns the command; ErrNotFound when there is none.
	Command(ctx context.Context, id string) (*CommandInfo, error)
	// Invocation returns one instance's invocation; ErrNotFound when the
	// command never reached that instance.
	Invocation(ctx context.Context, commandID, instanceID string) (*Invocation, error)
	// Invocations lists the command's invocations page by page
	// (ListCommandInvocations with Details), calling page with each; an
	// error ends the listing, the pages before it delivered.
	Invocations(ctx context.Context, commandID string, page func([]Invocation) error) error
}

// Instance is an EC2 instance selected by the targets.
type Instance struct {
	ID, Name, State string
}

// Managed is what Systems Manager knows about one managed instance
// (DescribeInstanceInformation).
type Managed struct {
	ID, PingStatus, AgentVersion, Platform string
}

// Inventory finds the instances behind the targets.
type Inventory interface {
	// Instances returns the running (and pending) instances the tag
	// targets select, or those of ids.
	Instances(ctx context.Context, targets []Target, ids []string) ([]Instance, error)
	// Managed returns the SSM-managed instances among ids, by id.
	Managed(ctx context.Context, ids []string) (map[string]Managed, error)
}

// Association is a State Manager association of the document.
type Association struct {
	ID, Name, Document, DocumentVersion, Schedule string
	Targets                                       []Target
	Parameters                                    map[string][]string
	Rate                                          Rate
	// ApplyOnlyAtCronInterval: the first run waits for the schedule.
	ApplyOnlyAtCronInterval bool
}

// Associations creates and updates State Manager associations.
type Associations interface {
	// Find returns the association with that name, or nil.
	Find(ctx context.Context, name string) (*Association, error)
	Create(ctx context.Context, a Association) (string, error)
	Update(ctx context.Context, a Association) error
}

// Stream is one log stream's freshness.
type Stream struct {
	Name      string
	LastEvent time.Time // zero: no event yet
}

// LogStreams reads log groups and their streams.
type LogStreams interface {
	// Groups lists the log groups whose names start with prefix.
	Groups(ctx context.Context, prefix string) ([]string, error)
	// Streams lists up to limit streams of group, the most recent first;
	// a group that does not exist has none.
	Streams(ctx context.Context, group string, limit int) ([]Stream, error)
	// Markers finds verify's marker events (MarkerPrefix) in group since
	// the given time, at most limit events: the latest one per stream.
	Markers(ctx context.Context, group string, since time.Time, limit int) (map[string]time.Time, error)
}

// MarkerPrefix starts the line verify writes to the system log on each
// instance and waits for in CloudWatch Logs (agent.NewMarkerID): its
// event in an instance's own stream is evidence of delivery, unlike a
// stream's lastEventTimestamp, which AWS updates eventually.
const MarkerPrefix = "cwsetup-verify-"

// NotFoundError says an AWS resource does not exist; adapters return it
// for ParameterNotFound, InvalidDocument, InvalidCommandId and
// InvocationDoesNotExist.
type NotFoundError struct{ What, Name string }

func (e *NotFoundError) Error() string { return e.What + " " + e.Name + " not found" }

// ErrNotFound matches any *NotFoundError with errors.Is.
var ErrNotFound = &NotFoundError{}

// Is makes errors.Is(err, ErrNotFound) true for every NotFoundError.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }
