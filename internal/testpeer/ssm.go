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
}

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
	r := &SSMRecorded{managed: map[string]string{}, platform: map[string]string{}}
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
		var out any
		switch op {
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
