package testpeer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// SSMRecorded stands in front of moto_server's Systems Manager. moto 5.2.1
// answers Parameter Store, documents, SendCommand, ListCommands and
// GetCommandInvocation, and those are passed through to it; it has no
// DescribeInstanceInformation (which instances are SSM-managed) and no
// State Manager associations (CreateAssociation, ListAssociations,
// DescribeAssociation, UpdateAssociation), so those are answered here with
// responses in the shapes real AWS returns (recorded from the SSM API
// reference and AWS CLI output), kept in memory so create → list →
// update round-trips. Every operation seen is recorded, so a test can
// assert that nothing was sent.
type SSMRecorded struct {
	URL string

	mu       sync.Mutex
	managed  map[string]string // instance id → PingStatus
	platform map[string]string // instance id → PlatformType when not Linux
	calls    []string
	bodies   []map[string]any
	assocs   []map[string]any
	// Recorded commands (moto runs no command and reports every
	// invocation Success): ListCommandInvocations, GetCommandInvocation
	// and ListCommands' status and counts are answered from these.
	commands map[string]*recordedCommand
	throttle map[string]throttleRule
	moto     string
	onSend   func(in map[string]any) []Snapshot
	deny     map[string]bool
}

// Invocation is one recorded CommandInvocation, in the terms of the API:
// Status (types.CommandInvocationStatus), StatusDetails, the plugin's
// ResponseCode and output. NoPlugin: never delivered (Undeliverable,
// DeliveryTimedOut), so the invocation lists no CommandPlugins.
type Invocation struct {
	InstanceID, Status, Details string
	Code                        int
	Stdout, Stderr              string
	NoPlugin                    bool
}

// Snapshot is the command as one ListCommands call sees it.
type Snapshot struct {
	Status      string // types.CommandStatus
	Invocations []Invocation
}

type recordedCommand struct {
	snaps []Snapshot
	at    int
}

type throttleRule struct{ every, okFirst, seen int }

// ssmMutations are the operations that change something in AWS.
var ssmMutations = []string{"PutParameter", "CreateDocument", "UpdateDocument", "UpdateDocumentDefaultVersion",
	"SendCommand", "CreateAssociation", "UpdateAssociation", "DeleteParameter", "DeleteDocument"}

// NewSSMRecorded starts the stand-in in front of moto and points the SDK's
// SSM endpoint (AWS_ENDPOINT_URL_SSM) at it.
func NewSSMRecorded(t testing.TB, moto *Moto) *SSMRecorded {
	t.Helper()
	target, err := url.Parse(moto.Endpoint)
	if err != nil {
		t.Fatal(err)
	}
	r := &SSMRecorded{managed: map[string]string{}, platform: map[string]string{},
		commands: map[string]*recordedCommand{}, throttle: map[string]throttleRule{}, moto: moto.Endpoint}
	proxy := httputil.NewSingleHostReverseProxy(target)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		op := strings.TrimPrefix(req.Header.Get("X-Amz-Target"), "AmazonSSM.")
		body, _ := io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(body))
		var in map[string]any
		_ = json.Unmarshal(body, &in)
		r.mu.Lock()
		r.calls = append(r.calls, op)
		r.bodies = append(r.bodies, in)
		r.mu.Unlock()
		r.mu.Lock()
		deny := r.deny[op]
		r.mu.Unlock()
		if deny {
			// AWS's answer to an identity without the permission.
			ssmError(w, "AccessDeniedException", "User: arn:aws:iam::123456789012:user/ops is not authorized to perform: ssm:"+op+
				" on resource: arn:aws:ssm:ap-northeast-2:123456789012:document/cwsetup-apply because no identity-based policy allows the ssm:"+op+" action")
			return
		}
		if r.throttled(op) {
			ssmError(w, "ThrottlingException", "Rate exceeded")
			return
		}
		var out any
		switch op {
		case "ListCommandInvocations":
			out = r.listCommandInvocations(w, in)
			if out == nil {
				return
			}
		case "GetCommandInvocation":
			if o, ok := r.getCommandInvocation(in); ok {
				out = o
				break
			}
			proxy.ServeHTTP(w, req)
			return
		case "SendCommand":
			out = r.sendCommand(w, req, body, in)
			if out == nil {
				return
			}
		case "ListCommands":
			out = r.listCommands(w, req, body)
			if out == nil {
				return
			}
		case "DescribeInstanceInformation":
			out = r.describeInstanceInformation(in)
		case "CreateAssociation":
			out = map[string]any{"AssociationDescription": r.createAssociation(in)}
		case "UpdateAssociation":
			d, ok := r.updateAssociation(in)
			if !ok {
				ssmError(w, "AssociationDoesNotExist", "The specified association does not exist.")
				return
			}
			out = map[string]any{"AssociationDescription": d}
		case "DescribeAssociation":
			d, ok := r.findAssociation(fmt.Sprint(in["AssociationId"]))
			if !ok {
				ssmError(w, "AssociationDoesNotExist", "The specified association does not exist.")
				return
			}
			out = map[string]any{"AssociationDescription": d}
		case "ListAssociations":
			out = r.listAssociations(in)
		default:
			proxy.ServeHTTP(w, req)
			return
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.Header().Set("X-Amzn-Requestid", "3f0b0c4e-1d2a-4f8e-9b1e-7c5d6a2b9e01")
		_ = json.NewEncoder(w).Encode(out)
	}))
	t.Cleanup(srv.Close)
	r.URL = srv.URL
	t.Setenv("AWS_ENDPOINT_URL_SSM", srv.URL)
	return r
}

func ssmError(w http.ResponseWriter, code, msg string) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.WriteHeader(http.StatusBadRequest)
	_ = json.NewEncoder(w).Encode(map[string]string{"__type": code, "message": msg})
}

// Manage registers instances as SSM-managed with a PingStatus (Online,
// ConnectionLost, Inactive).
func (r *SSMRecorded) Manage(status string, ids ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, id := range ids {
		r.managed[id] = status
	}
}

// Platform sets the PlatformType (Windows, MacOS) DescribeInstanceInformation
// reports for instances; the default is Linux.
func (r *SSMRecorded) Platform(platform string, ids ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, id := range ids {
		r.platform[id] = platform
	}
}

// Unmanage removes instances from Systems Manager's view.
func (r *SSMRecorded) Unmanage(ids ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, id := range ids {
		delete(r.managed, id)
	}
}

// Calls returns every SSM operation seen, in order.
func (r *SSMRecorded) Calls() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.calls)
}

// Mutations returns the operations seen that change AWS.
func (r *SSMRecorded) Mutations() []string {
	var out []string
	for _, c := range r.Calls() {
		if slices.Contains(ssmMutations, c) {
			out = append(out, c)
		}
	}
	return out
}

// Requests returns the request bodies of one operation, in order.
func (r *SSMRecorded) Requests(op string) []map[string]any {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []map[string]any
	for i, c := range r.calls {
		if c == op {
			out = append(out, r.bodies[i])
		}
	}
	return out
}

// Reset forgets the calls seen.
func (r *SSMRecorded) Reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls, r.bodies = nil, nil
}

// Associations returns the associations created so far.
func (r *SSMRecorded) Associations() []map[string]any {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.assocs)
}

// describeInstanceInformation answers as AWS does for a filter on
// InstanceIds (one page; ids that are not managed are simply absent).
func (r *SSMRecorded) describeInstanceInformation(in map[string]any) map[string]any {
	var want []string
	filters, _ := in["Filters"].([]any)
	for _, f := range filters {
		fm, _ := f.(map[string]any)
		if fm["Key"] == "InstanceIds" {
			vals, _ := fm["Values"].([]any)
			for _, v := range vals {
				want = append(want, fmt.Sprint(v))
			}
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	list := []any{}
	now := float64(time.Now().Unix())
	for _, id := range want {
		status, ok := r.managed[id]
		if !ok {
			continue
		}
		platform, name, version := "Linux", "Amazon Linux", "2023"
		if p, ok := r.platform[id]; ok {
			platform, name, version = p, "Microsoft Windows Server 2022 Datacenter", "10.0.20348"
		}
		list = append(list, map[string]any{
			"InstanceId": id, "PingStatus": status, "LastPingDateTime": now - 42,
			"AgentVersion": "3.3.1142.0", "IsLatestVersion": false,
			"PlatformType": platform, "PlatformName": name, "PlatformVersion": version,
			"ResourceType": "EC2Instance", "IPAddress": "10.0.1.23",
			"ComputerName":      "ip-10-0-1-23.ap-northeast-2.compute.internal",
			"AssociationStatus": "Success", "LastAssociationExecutionDate": now - 600,
			"LastSuccessfulAssociationExecutionDate": now - 600,
			"SourceId":                               id, "SourceType": "AWS::EC2::Instance",
		})
	}
	return map[string]any{"InstanceInformationList": list}
}

func (r *SSMRecorded) createAssociation(in map[string]any) map[string]any {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := float64(time.Now().Unix())
	d := map[string]any{
		"Name": in["Name"], "AssociationVersion": "1", "Date": now, "LastUpdateAssociationDate": now,
		"Overview":        map[string]any{"Status": "Pending", "DetailedStatus": "Creating"},
		"DocumentVersion": in["DocumentVersion"], "AssociationId": fmt.Sprintf("8dfe3659-4309-493a-8755-01234567%04d", len(r.assocs)+1),
		"Targets": in["Targets"], "ScheduleExpression": in["ScheduleExpression"], "Parameters": in["Parameters"],
		"AssociationName": in["AssociationName"], "MaxConcurrency": in["MaxConcurrency"], "MaxErrors": in["MaxErrors"],
		"ApplyOnlyAtCronInterval": in["ApplyOnlyAtCronInterval"] == true,
	}
	r.assocs = append(r.assocs, d)
	return d
}

func (r *SSMRecorded) findAssociation(id string) (map[string]any, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, a := range r.assocs {
		if a["AssociationId"] == id {
			return a, true
		}
	}
	return nil, false
}

func (r *SSMRecorded) updateAssociation(in map[string]any) (map[string]any, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, a := range r.assocs {
		if a["AssociationId"] != in["AssociationId"] {
			continue
		}
		for _, k := range []string{"Name", "DocumentVersion", "Targets", "ScheduleExpression", "Parameters",
			"AssociationName", "MaxConcurrency", "MaxErrors", "ApplyOnlyAtCronInterval"} {
			if v, ok := in[k]; ok {
				a[k] = v
			}
		}
		var v int
		fmt.Sscan(fmt.Sprint(a["AssociationVersion"]), &v)
		a["AssociationVersion"] = fmt.Sprint(v + 1)
		a["LastUpdateAssociationDate"] = float64(time.Now().Unix())
		return a, true
	}
	return nil, false
}

// listAssociations filters by AssociationName as AWS does (the list entry
// has fewer fields than the description).
func (r *SSMRecorded) listAssociations(in map[string]any) map[string]any {
	name := ""
	filters, _ := in["AssociationFilterList"].([]any)
	for _, f := range filters {
		fm, _ := f.(map[string]any)
		// The API's AssociationFilter members are lower-case: key, value.
		if fm["key"] == "AssociationName" {
			name = fmt.Sprint(fm["value"])
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	list := []any{}
	for _, a := range r.assocs {
		if name != "" && a["AssociationName"] != name {
			continue
		}
		list = append(list, map[string]any{
			"Name": a["Name"], "AssociationId": a["AssociationId"], "AssociationVersion": a["AssociationVersion"],
			"DocumentVersion": a["DocumentVersion"], "Targets": a["Targets"], "Overview": a["Overview"],
			"ScheduleExpression": a["ScheduleExpression"], "AssociationName": a["AssociationName"],
		})
	}
	return map[string]any{"Associations": list}
}

// Record makes the command answer from snapshots: each ListCommands call
// moves to the next one (the last stays), ListCommandInvocations and
// GetCommandInvocation answer from the current one.
func (r *SSMRecorded) Record(commandID string, snaps ...Snapshot) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.commands[commandID] = &recordedCommand{snaps: snaps, at: -1}
}

// Throttle answers calls of op with ThrottlingException as SSM does past
// an account's rate: every every-th call (0: none), and every call after
// the first okFirst (-1: no limit).
func (r *SSMRecorded) Throttle(op string, every, okFirst int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.throttle[op] = throttleRule{every: every, okFirst: okFirst}
}

func (r *SSMRecorded) throttled(op string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	t, ok := r.throttle[op]
	if !ok {
		return false
	}
	t.seen++
	r.throttle[op] = t
	return (t.okFirst >= 0 && t.seen > t.okFirst) || (t.every > 0 && t.seen%t.every == 0)
}

// current is the command's snapshot now (nil: not recorded).
func (r *SSMRecorded) current(id string) *Snapshot {
	c, ok := r.commands[id]
	if !ok || len(c.snaps) == 0 {
		return nil
	}
	return &c.snaps[max(c.at, 0)]
}

// listOutputLimit: ListCommandInvocations returns the first 2,500
// characters of a plugin's output, stdout then stderr after the agent's
// separator line.
const listOutputLimit = 2500

func pluginOutput(inv Invocation, limit int) string {
	o := inv.Stdout
	if inv.Stderr != "" {
		o += "\n----------ERROR-------\n" + inv.Stderr
	}
	if len(o) > limit {
		o = o[:limit]
	}
	return o
}

func invocationEntry(cmdID string, inv Invocation) map[string]any {
	now := float64(time.Now().Unix())
	e := map[string]any{
		"CommandId": cmdID, "InstanceId": inv.InstanceID, "InstanceName": "", "Comment": "cwsetup fleet apply",
		"DocumentName": "cwsetup-apply", "DocumentVersion": "1", "RequestedDateTime": now - 120,
		"Status": inv.Status, "StatusDetails": inv.Details, "TraceOutput": "",
		"StandardOutputUrl": "", "StandardErrorUrl": "", "ServiceRole": "",
		"NotificationConfig":     map[string]any{"NotificationArn": "", "NotificationEvents": []any{}, "NotificationType": ""},
		"CloudWatchOutputConfig": map[string]any{"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": false},
		"CommandPlugins":         []any{},
	}
	if !inv.NoPlugin {
		e["CommandPlugins"] = []any{map[string]any{
			"Name": "cwsetupApply", "Status": inv.Status, "StatusDetails": inv.Details, "ResponseCode": inv.Code,
			"ResponseStartDateTime": now - 110, "ResponseFinishDateTime": now - 30,
			"Output": pluginOutput(inv, listOutputLimit), "StandardOutputUrl": "", "StandardErrorUrl": "",
			"OutputS3Region": "ap-northeast-2", "OutputS3BucketName": "", "OutputS3KeyPrefix": "",
		}}
	}
	return e
}

// listCommandInvocations pages as the API does (MaxResults up to 50,
// NextToken opaque); a command not recorded is a test error, since moto
// has no ListCommandInvocations.
func (r *SSMRecorded) listCommandInvocations(w http.ResponseWriter, in map[string]any) map[string]any {
	id := fmt.Sprint(in["CommandId"])
	r.mu.Lock()
	defer r.mu.Unlock()
	snap := r.current(id)
	if snap == nil {
		w.WriteHeader(http.StatusNotImplemented)
		fmt.Fprintf(w, "testpeer: no recorded invocations for command %s (moto has no ListCommandInvocations)", id)
		return nil
	}
	size := 50
	if m, ok := in["MaxResults"].(float64); ok && m >= 1 && m <= 50 {
		size = int(m)
	}
	start := 0
	if tok, ok := in["NextToken"].(string); ok {
		fmt.Sscan(tok, &start)
	}
	end := min(start+size, len(snap.Invocations))
	list := []any{}
	for _, inv := range snap.Invocations[start:end] {
		list = append(list, invocationEntry(id, inv))
	}
	out := map[string]any{"CommandInvocations": list}
	if end < len(snap.Invocations) {
		out["NextToken"] = fmt.Sprint(end)
	}
	return out
}

func (r *SSMRecorded) getCommandInvocation(in map[string]any) (map[string]any, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	snap := r.current(fmt.Sprint(in["CommandId"]))
	if snap == nil {
		return nil, false
	}
	for _, inv := range snap.Invocations {
		if inv.InstanceID != fmt.Sprint(in["InstanceId"]) {
			continue
		}
		stdout, stderr := inv.Stdout, inv.Stderr
		if len(stdout) > 24000 {
			stdout = stdout[:24000]
		}
		if len(stderr) > 8000 {
			stderr = stderr[:8000]
		}
		return map[string]any{"CommandId": in["CommandId"], "InstanceId": inv.InstanceID, "Comment": "cwsetup fleet apply",
			"DocumentName": "cwsetup-apply", "DocumentVersion": "1", "PluginName": "cwsetupApply",
			"ResponseCode": inv.Code, "Status": inv.Status, "StatusDetails": inv.Details,
			"StandardOutputContent": stdout, "StandardErrorContent": stderr,
			"StandardOutputUrl": "", "StandardErrorUrl": "",
			"CloudWatchOutputConfig": map[string]any{"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": false}}, true
	}
	return nil, false
}

// listCommands asks moto, then gives recorded commands their snapshot's
// status and the counts AWS keeps (ErrorCount: Failed and execution
// timed out; DeliveryTimedOutCount apart).
func (r *SSMRecorded) listCommands(w http.ResponseWriter, req *http.Request, body []byte) map[string]any {
	out := r.forward(w, req, body)
	if out == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	cmds, _ := out["Commands"].([]any)
	for _, c := range cmds {
		cm, _ := c.(map[string]any)
		rc, ok := r.commands[fmt.Sprint(cm["CommandId"])]
		if !ok || len(rc.snaps) == 0 {
			continue
		}
		rc.at = min(rc.at+1, len(rc.snaps)-1)
		snap := rc.snaps[rc.at]
		done, errs, dto := 0, 0, 0
		for _, inv := range snap.Invocations {
			switch inv.Status {
			case "Success", "Failed", "TimedOut", "Cancelled":
				done++
			}
			switch {
			case inv.Details == "DeliveryTimedOut":
				dto++
			case inv.Status == "Failed" || inv.Details == "ExecutionTimedOut":
				errs++
			}
		}
		cm["Status"], cm["StatusDetails"] = snap.Status, snap.Status
		cm["TargetCount"], cm["CompletedCount"], cm["ErrorCount"], cm["DeliveryTimedOutCount"] = len(snap.Invocations), done, errs, dto
	}
	return out
}

// OnSend records every command sent from now on with the snapshots fn
// returns for its SendCommand request (nil: not recorded).
func (r *SSMRecorded) OnSend(fn func(in map[string]any) []Snapshot) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.onSend = fn
}

func (r *SSMRecorded) sendCommand(w http.ResponseWriter, req *http.Request, body []byte, in map[string]any) map[string]any {
	out := r.forward(w, req, body)
	if out == nil {
		return nil
	}
	r.mu.Lock()
	fn := r.onSend
	r.mu.Unlock()
	if fn == nil {
		return out
	}
	cmd, _ := out["Command"].(map[string]any)
	if snaps := fn(in); snaps != nil {
		r.Record(fmt.Sprint(cmd["CommandId"]), snaps...)
	}
	return out
}

// forward sends the request to moto and decodes its answer; an error
// answer is passed on as it is (nil returned).
func (r *SSMRecorded) forward(w http.ResponseWriter, req *http.Request, body []byte) map[string]any {
	up, err := http.NewRequest(http.MethodPost, r.moto+"/", bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return nil
	}
	up.Header = req.Header.Clone()
	resp, err := http.DefaultClient.Do(up)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return nil
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if resp.StatusCode != http.StatusOK || json.Unmarshal(b, &out) != nil {
		w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
		w.WriteHeader(resp.StatusCode)
		w.Write(b)
		return nil
	}
	return out
}

// Deny answers every call of op with AccessDeniedException.
func (r *SSMRecorded) Deny(op string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.deny == nil {
		r.deny = map[string]bool{}
	}
	r.deny[op] = true
}

// RequestsBefore returns the request bodies of op seen before the first
// call of stop.
func (r *SSMRecorded) RequestsBefore(op, stop string) []map[string]any {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []map[string]any
	for i, c := range r.calls {
		if c == stop {
			break
		}
		if c == op {
			out = append(out, r.bodies[i])
		}
	}
	return out
}
