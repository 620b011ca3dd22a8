package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cwsetup/cwsetup/aws"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/fleet"
)

// fleetAnswers ship one explicit log, so `fleet status` knows the group
// without detecting anything.
const fleetAnswers = "role: base\nlog_group_prefix: /fleet\nlogs:\n  - service: system\n    name: syslog\n    path: /var/log/syslog\n    retention_days: 30\n"

// fleetPeers is moto_server for SSM, EC2 and Logs, with the recorded
// stand-in in front of SSM for the calls moto lacks
// (DescribeInstanceInformation, State Manager associations).
type fleetPeers struct {
	moto  *testpeer.Moto
	ssm   *testpeer.SSMRecorded
	ports fleet.Ports
}

func newFleetPeers(t *testing.T) *fleetPeers {
	t.Helper()
	m := testpeer.MotoServer(t)
	rec := testpeer.NewSSMRecorded(t, m)
	cfg, err := aws.Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	return &fleetPeers{moto: m, ssm: rec, ports: aws.NewFleet(cfg).Ports()}
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// publish stores answers under name and returns the version.
func (fp *fleetPeers) publish(t *testing.T, name, answers string) int64 {
	t.Helper()
	code, _, errOut := runCLI(t, nil, "fleet", "publish", "--answers", writeFile(t, "a.yaml", answers), "--name", name, "--yes", "--lang", "en")
	if code != 0 {
		t.Fatalf("publish exit %d:\n%s", code, errOut)
	}
	p, err := fp.ports.Params.Get(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return p.Version
}

func TestFleetPublishVersionsTheParameter(t *testing.T) {
	fp := newFleetPeers(t)
	ctx := context.Background()
	name := "/cwsetup/web"

	code, out, errOut := runCLI(t, nil, "fleet", "publish", "--answers", writeFile(t, "a.yaml", fleetAnswers), "--name", name, "--yes", "--json", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	var got struct {
		Version int64  `json:"version"`
		Tier    string `json:"tier"`
		Size    int    `json:"size"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if got.Version != 1 || got.Tier != "Standard" || got.Size != len(fleetAnswers) {
		t.Errorf("publish said %+v", got)
	}
	if !strings.Contains(errOut, "parameter /cwsetup/web: new, version 1") {
		t.Errorf("plan lacks the new parameter:\n%s", errOut)
	}
	p, err := fp.ports.Params.Get(ctx, name)
	if err != nil || p.Value != fleetAnswers || p.Version != 1 {
		t.Fatalf("stored %+v, %v", p, err)
	}

	// The same answers again: no new version (Parameter Store keeps 100).
	code, _, errOut = runCLI(t, nil, "fleet", "publish", "--answers", writeFile(t, "a.yaml", fleetAnswers), "--name", name, "--yes", "--lang", "en")
	if code != 0 || !strings.Contains(errOut, "version 1 already holds these answers") {
		t.Errorf("republish exit %d:\n%s", code, errOut)
	}

	// Changed answers: version 2, the diff against version 1, the history.
	changed := strings.Replace(fleetAnswers, "retention_days: 30", "retention_days: 90", 1)
	code, _, errOut = runCLI(t, nil, "fleet", "publish", "--answers", writeFile(t, "b.yaml", changed), "--name", name, "--yes", "--lang", "ko")
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	for _, want := range []string{"버전 1 → 2", "-    retention_days: 30", "+    retention_days: 90", "기록 (되돌릴 수 있는 버전):", "게시했습니다: /cwsetup/web, 버전 2"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("publish output lacks %q:\n%s", want, errOut)
		}
	}
	h, err := fp.ports.Params.History(ctx, name)
	if err != nil || len(h) != 2 || h[0].Value != fleetAnswers || h[1].Value != changed {
		t.Errorf("history %+v, %v", h, err)
	}

	// Over 4 KB: the Advanced tier, said before storing.
	big := fleetAnswers + "# " + strings.Repeat("x", 4200) + "\n"
	code, out, errOut = runCLI(t, nil, "fleet", "publish", "--answers", writeFile(t, "big.yaml", big), "--name", "/cwsetup/big", "--yes", "--json", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "Advanced parameter") || !strings.Contains(out, `"tier": "Advanced"`) {
		t.Errorf("no Advanced tier note:\n%s\n%s", errOut, out)
	}
	if h, err := fp.ports.Params.History(ctx, "/cwsetup/big"); err != nil || len(h) != 1 || h[0].Tier != "Advanced" {
		t.Errorf("big parameter history %+v, %v", h, err)
	}
}

func TestFleetPublishBadInputSendsNothing(t *testing.T) {
	fp := newFleetPeers(t)
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"invalid answers", []string{"--answers", writeFile(t, "a.yaml", "log_group_prefix: /fleet\nretention: 7\n")}, "retention"},
		{"bad retention", []string{"--answers", writeFile(t, "a.yaml", strings.Replace(fleetAnswers, "30", "31", 1))}, "retention"},
		{"too big", []string{"--answers", writeFile(t, "a.yaml", fleetAnswers+"# "+strings.Repeat("x", 8200)+"\n")}, "at most 8192"},
		{"no answers", nil, "--answers FILE"},
		{"reserved name", []string{"--answers", writeFile(t, "a.yaml", fleetAnswers), "--name", "/aws/x"}, "reserved"},
		{"version in name", []string{"--answers", writeFile(t, "a.yaml", fleetAnswers), "--name", "/cwsetup/web:2"}, "names a version"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fp.ssm.Reset()
			code, _, errOut := runCLI(t, nil, append([]string{"fleet", "publish", "--yes", "--lang", "en"}, c.args...)...)
			if code != exitUsage || !strings.Contains(errOut, c.want) {
				t.Errorf("exit %d, want 2 with %q:\n%s", code, c.want, errOut)
			}
			if m := fp.ssm.Mutations(); len(m) > 0 {
				t.Errorf("sent %v", m)
			}
		})
	}
	// No terminal and no --yes: the plan, then exit 2, nothing stored.
	fp.ssm.Reset()
	code, _, errOut := runCLI(t, nil, "fleet", "publish", "--answers", writeFile(t, "a.yaml", fleetAnswers), "--name", "/cwsetup/web", "--lang", "ko")
	if code != exitUsage || !strings.Contains(errOut, "파라미터 /cwsetup/web: 새로 만듦") || !strings.Contains(errOut, "--yes를 붙여") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	if m := fp.ssm.Mutations(); len(m) > 0 {
		t.Errorf("sent %v", m)
	}
}

// applyArgs are the flags of a fleet apply in these tests.
// testChecksums stands for a release's checksums.txt: fleet apply pins
// its digests in the document (without it, apply reads the release's).
const testChecksums = "testdata/fleet/checksums.txt"

// testSpec is the document spec applyArgs produces.
func testSpec(t *testing.T, version string) fleet.DocumentSpec {
	t.Helper()
	b, err := os.ReadFile(testChecksums)
	if err != nil {
		t.Fatal(err)
	}
	sums, err := fleet.ParseChecksums(b)
	if err != nil {
		t.Fatal(err)
	}
	return fleet.DocumentSpec{Version: version, ReleaseURL: fleet.DefaultReleaseURL, SHA256: sums}
}

func applyArgs(extra ...string) []string {
	return append([]string{"fleet", "apply", "--name", "/cwsetup/web", "--cwsetup-version", "9.8.7", "--lang", "en",
		"--checksums", testChecksums}, extra...)
}

func TestFleetApplySendsToExactlyTheTaggedInstances(t *testing.T) {
	fp := newFleetPeers(t)
	ctx := context.Background()
	web := fp.moto.RunInstances(t, 3, map[string]string{"Role": "web", "Env": "prod"})
	db := fp.moto.RunInstances(t, 2, map[string]string{"Role": "db", "Env": "prod"})
	fp.ssm.Manage("Online", append(web, db...)...)
	fp.publish(t, "/cwsetup/web", fleetAnswers)

	code, out, errOut := runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--targets", "tag:Env=prod",
		"--max-concurrency", "2", "--max-errors", "0", "--yes", "--json")...)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	var res struct {
		CommandID       string   `json:"command_id"`
		DocumentVersion string   `json:"document_version"`
		DocumentAction  string   `json:"document_action"`
		Answers         string   `json:"answers"`
		Instances       []string `json:"instances"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, want := range []string{"answers: /cwsetup/web:1", "document cwsetup-apply: new (installs cwsetup 9.8.7)",
		"instances: 3 matching tag:Role=web tag:Env=prod", "rate: 2 at once (2 of 3); max errors 0: Run Command stops sending at failure 1", "Sent command " + res.CommandID} {
		if !strings.Contains(errOut, want) {
			t.Errorf("output lacks %q:\n%s", want, errOut)
		}
	}
	if res.DocumentAction != "create" || res.DocumentVersion != "1" || res.Answers != "/cwsetup/web:1" {
		t.Errorf("result %+v", res)
	}
	doc, err := fp.ports.Docs.Get(ctx, "cwsetup-apply")
	want := fleet.Document(testSpec(t, "9.8.7"))
	if err != nil || doc.Content != string(want) {
		t.Fatalf("stored document %v:\n%v", err, doc)
	}
	cmd, err := fp.ports.Cmds.Command(ctx, res.CommandID)
	if err != nil {
		t.Fatal(err)
	}
	got := slices.Sorted(slices.Values(cmd.InstanceIDs))
	if !slices.Equal(got, slices.Sorted(slices.Values(web))) {
		t.Errorf("sent to %v, want exactly the web instances %v", got, web)
	}
	if cmd.Rate != (fleet.Rate{MaxConcurrency: "2", MaxErrors: "0"}) || cmd.Document != "cwsetup-apply" ||
		!slices.Equal(cmd.Parameters["answers"], []string{"/cwsetup/web:1"}) {
		t.Errorf("command %+v", cmd)
	}
	if len(cmd.Targets) != 2 || cmd.Targets[0].Key != "tag:Role" {
		t.Errorf("targets %+v", cmd.Targets)
	}

	// A new cwsetup version: the document gets version 2, the diff shows.
	code, _, errOut = runCLI(t, nil, append(applyArgs("--targets", "tag:Role=web", "--yes"), "--cwsetup-version", "9.8.8")...)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	for _, want := range []string{"document cwsetup-apply: new version after 1", "-          \"version='9.8.7'\",", "+          \"version='9.8.8'\",", "Document cwsetup-apply is at version 2."} {
		if !strings.Contains(errOut, want) {
			t.Errorf("update output lacks %q:\n%s", want, errOut)
		}
	}
	// Back to 9.8.7: SSM refuses duplicate content, the old version becomes the default.
	code, _, errOut = runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--yes")...)
	if code != 0 || !strings.Contains(errOut, "Document cwsetup-apply is at version 1.") {
		t.Errorf("rollback of the document exit %d:\n%s", code, errOut)
	}
	code, _, errOut = runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--yes")...)
	if code != 0 || !strings.Contains(errOut, "document cwsetup-apply: version 1, unchanged") {
		t.Errorf("unchanged document exit %d:\n%s", code, errOut)
	}

	// instanceids= targets send to those instances. (moto 5.2.1 adds every
	// instance of the region to a command sent by InstanceIds alone — its
	// EC2 lookup of no targets has no filter — so the request is checked.)
	fp.ssm.Reset()
	code, _, errOut = runCLI(t, nil, applyArgs("--targets", "instanceids="+db[0], "--yes")...)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	sends := fp.ssm.Requests("SendCommand")
	if len(sends) != 1 || fmt.Sprint(sends[0]["InstanceIds"]) != "["+db[0]+"]" || sends[0]["Targets"] != nil {
		t.Errorf("SendCommand requests %v", sends)
	}

	// Without --checksums the release's checksums.txt is read by this
	// cwsetup (the operator's) and its digests pinned in the document; the
	// plan shows them. A release without one sends nothing.
	sums, _ := os.ReadFile(testChecksums)
	var fetched []string
	rel := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetched = append(fetched, r.URL.Path)
		if r.URL.Path == "/download/v9.8.7/checksums.txt" {
			w.Write(sums)
			return
		}
		http.NotFound(w, r)
	}))
	defer rel.Close()
	code, _, errOut = runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--checksums", "", "--release-url", rel.URL, "--yes")...)
	spec := testSpec(t, "9.8.7")
	if code != 0 || !slices.Equal(fetched, []string{"/download/v9.8.7/checksums.txt"}) ||
		!strings.Contains(errOut, "pinned SHA-256 of cwsetup_linux_arm64.tar.gz: "+spec.SHA256["arm64"]) ||
		!strings.Contains(errOut, "digests from "+rel.URL+"/download/v9.8.7/checksums.txt") {
		t.Errorf("exit %d fetched %v:\n%s", code, fetched, errOut)
	}
	spec.ReleaseURL = rel.URL
	if doc, err := fp.ports.Docs.Get(ctx, "cwsetup-apply"); err != nil || doc.Content != string(fleet.Document(spec)) ||
		!strings.Contains(doc.Content, "sha256_amd64='"+spec.SHA256["amd64"]+"'") || strings.Contains(doc.Content, "checksums.txt") {
		t.Errorf("document %v:\n%v", err, doc)
	}
	fp.ssm.Reset()
	code, _, errOut = runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--checksums", "", "--release-url", rel.URL,
		"--cwsetup-version", "9.8.6", "--yes")...)
	if code == 0 || !strings.Contains(errOut, "cannot download "+rel.URL+"/download/v9.8.6/checksums.txt") || len(fp.ssm.Mutations()) > 0 {
		t.Errorf("no checksums: exit %d %v:\n%s", code, fp.ssm.Mutations(), errOut)
	}
}

// TestFleetApplyAssociation: with --schedule a State Manager association.
// moto has none, so this runs against the recorded stand-in
// (testpeer.SSMRecorded), which answers in AWS's response shapes.
func TestFleetApplyAssociation(t *testing.T) {
	fp := newFleetPeers(t)
	web := fp.moto.RunInstances(t, 2, map[string]string{"Role": "web"})
	fp.ssm.Manage("Online", web...)
	fp.publish(t, "/cwsetup/web", fleetAnswers)

	fp.ssm.Reset()
	code, _, errOut := runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--schedule", "rate(30 minutes)", "--yes")...)
	if code != 0 || !strings.Contains(errOut, "association cwsetup-apply-cwsetup-web: new, rate(30 minutes)") {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	// The association alone: State Manager runs a new association at once,
	// so a SendCommand as well would run everything twice.
	if sends := fp.ssm.Requests("SendCommand"); len(sends) != 0 || strings.Contains(errOut, "Sent command") ||
		!strings.Contains(errOut, "no separate command is sent") {
		t.Errorf("--schedule also sent %d commands:\n%s", len(sends), errOut)
	}
	as := fp.ssm.Associations()
	if len(as) != 1 || as[0]["ScheduleExpression"] != "rate(30 minutes)" || as[0]["DocumentVersion"] != "1" ||
		as[0]["MaxConcurrency"] != "10%" {
		t.Fatalf("associations %v", as)
	}
	// Same again: unchanged. A new answers version: updated to pin it.
	code, _, errOut = runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--schedule", "rate(30 minutes)", "--yes")...)
	if code != 0 || !strings.Contains(errOut, "association cwsetup-apply-cwsetup-web: unchanged") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	fp.publish(t, "/cwsetup/web", strings.Replace(fleetAnswers, "30", "90", 1))
	code, _, errOut = runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--schedule", "rate(1 hour)", "--yes")...)
	if code != 0 || !strings.Contains(errOut, "association cwsetup-apply-cwsetup-web: updated, rate(1 hour)") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	as = fp.ssm.Associations()
	params, _ := json.Marshal(as[0]["Parameters"])
	if len(as) != 1 || as[0]["ScheduleExpression"] != "rate(1 hour)" || !strings.Contains(string(params), "/cwsetup/web:2") {
		t.Errorf("association after update %v", as)
	}
	if !strings.Contains(errOut, "Roll back: cwsetup fleet apply --name /cwsetup/web:1") {
		t.Errorf("no rollback hint:\n%s", errOut)
	}
	if sends := fp.ssm.Requests("SendCommand"); len(sends) != 0 {
		t.Errorf("updating the association sent %v", sends)
	}

	// --wait-for-schedule: ApplyOnlyAtCronInterval, cron only.
	code, _, errOut = runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--schedule", "cron(0 3 ? * SUN *)", "--wait-for-schedule", "--yes")...)
	if code != 0 || !strings.Contains(errOut, "first runs at the next scheduled time") {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	ups := fp.ssm.Requests("UpdateAssociation")
	if len(ups) == 0 || ups[len(ups)-1]["ApplyOnlyAtCronInterval"] != true {
		t.Errorf("UpdateAssociation requests %v", ups)
	}
	fp.ssm.Reset()
	code, _, errOut = runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--schedule", "rate(1 hour)", "--wait-for-schedule", "--yes")...)
	if code != exitUsage || !strings.Contains(errOut, "needs a cron") || len(fp.ssm.Mutations()) > 0 {
		t.Errorf("wait with a rate: exit %d %v:\n%s", code, fp.ssm.Mutations(), errOut)
	}
}

// TestFleetApplyOneTargetModel: the plan is what is sent. Platforms come
// from the recorded DescribeInstanceInformation (moto has none; the
// Windows entry is in the shape AWS returns for a Windows Server 2022
// instance).
func TestFleetApplyOneTargetModel(t *testing.T) {
	fp := newFleetPeers(t)
	web := fp.moto.RunInstances(t, 2, map[string]string{"Role": "web"})
	db := fp.moto.RunInstances(t, 1, map[string]string{"Role": "db"})
	win := fp.moto.RunInstances(t, 1, map[string]string{"Role": "web"})
	fp.ssm.Manage("Online", append(append(web, db...), win...)...)
	fp.ssm.Platform("Windows", win...)
	fp.publish(t, "/cwsetup/web", fleetAnswers)

	// Mixed kinds: refused, nothing changed (main sent both ids with the web answers).
	fp.ssm.Reset()
	code, _, errOut := runCLI(t, nil, applyArgs("--targets", "instanceids="+web[0]+","+db[0], "--targets", "tag:Role=web", "--yes")...)
	if code != exitUsage || !strings.Contains(errOut, "cannot be combined") || len(fp.ssm.Mutations()) > 0 {
		t.Errorf("mixed targets exit %d %v:\n%s", code, fp.ssm.Mutations(), errOut)
	}
	code, _, errOut = runCLI(t, nil, "--lang", "ko", "fleet", "apply", "--name", "/cwsetup/web", "--cwsetup-version", "9.8.7", "--checksums", testChecksums,
		"--targets", "instanceids="+web[0]+","+db[0], "--targets", "tag:Role=web", "--yes")
	if code != exitUsage || !strings.Contains(errOut, "함께 쓸 수 없습니다") {
		t.Errorf("mixed targets (ko) exit %d:\n%s", code, errOut)
	}
	// More than 50 ids: refused before the document is created.
	ids := make([]string, 51)
	for i := range ids {
		ids[i] = fmt.Sprintf("i-%017x", i+1)
	}
	fp.ssm.Reset()
	code, _, errOut = runCLI(t, nil, applyArgs("--targets", "instanceids="+strings.Join(ids, ","), "--yes")...)
	if code != exitUsage || !strings.Contains(errOut, "at most 50") || len(fp.ssm.Calls()) > 0 {
		t.Errorf("51 ids exit %d %v:\n%s", code, fp.ssm.Calls(), errOut)
	}

	// A Windows instance among the ids: listed in the plan, not sent.
	fp.ssm.Reset()
	code, out, errOut := runCLI(t, nil, applyArgs("--targets", "instanceids="+web[0]+","+win[0], "--yes", "--json")...)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "not Linux, not sent (the document runs on Linux only): 1 ("+win[0]+" (Windows))") {
		t.Errorf("plan does not list the Windows instance:\n%s", errOut)
	}
	sends := fp.ssm.Requests("SendCommand")
	if len(sends) != 1 || fmt.Sprint(sends[0]["InstanceIds"]) != "["+web[0]+"]" || sends[0]["Targets"] != nil {
		t.Errorf("SendCommand requests %v", sends)
	}
	if sends[0]["TimeoutSeconds"] != float64(fleet.DefaultDeliveryTimeout) {
		t.Errorf("delivery timeout %v", sends[0]["TimeoutSeconds"])
	}
	var res struct {
		Instances []string `json:"instances"`
		NotLinux  []string `json:"not_linux"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || !slices.Equal(res.Instances, []string{web[0]}) || !slices.Equal(res.NotLinux, win) {
		t.Errorf("--json %v: %s", err, out)
	}
	for _, r := range fp.ssm.RequestsBefore("DescribeInstanceInformation", "SendCommand") {
		if r["MaxResults"] != float64(50) {
			t.Errorf("DescribeInstanceInformation without MaxResults 50: %v", r)
		}
	}
	// Only Windows: refused. A delivery timeout of its own: sent as given.
	fp.ssm.Reset()
	code, _, errOut = runCLI(t, nil, applyArgs("--targets", "instanceids="+win[0], "--yes")...)
	if code != exitUsage || !strings.Contains(errOut, "none of the 1 targeted instances runs Linux") || len(fp.ssm.Mutations()) > 0 {
		t.Errorf("windows only exit %d:\n%s", code, errOut)
	}
	fp.ssm.Reset()
	code, _, errOut = runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--delivery-timeout", "120", "--yes")...)
	sends = fp.ssm.Requests("SendCommand")
	if code != 0 || len(sends) != 1 || sends[0]["TimeoutSeconds"] != float64(120) ||
		!strings.Contains(errOut, "not Linux, skipped by the document's Linux precondition: 1 ("+win[0]+" (Windows))") {
		t.Errorf("exit %d, sends %v:\n%s", code, sends, errOut)
	}
	code, _, errOut = runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--delivery-timeout", "5", "--yes")...)
	if code != exitUsage || !strings.Contains(errOut, "invalid --delivery-timeout 5s") {
		t.Errorf("delivery timeout 5: exit %d:\n%s", code, errOut)
	}
}

// TestFleetApplyBadInputSendsNothing: every refusal happens before the
// first change. The SSM-managed check runs against the recorded
// DescribeInstanceInformation (moto has none).
func TestFleetApplyBadInputSendsNothing(t *testing.T) {
	fp := newFleetPeers(t)
	ctx := context.Background()
	web := fp.moto.RunInstances(t, 3, map[string]string{"Role": "web"})
	fp.ssm.Manage("Online", web[:2]...)
	fp.ssm.Manage("ConnectionLost", web[2])
	fp.publish(t, "/cwsetup/web", fleetAnswers)
	// Answers stored by hand (not through publish) that fail validation.
	if _, err := fp.ports.Params.Put(ctx, "/cwsetup/broken", "log_group_prefix: /x\nlogs: 5\n", "Standard", "x"); err != nil {
		t.Fatal(err)
	}
	run := func(t *testing.T, want string, args ...string) {
		t.Helper()
		fp.ssm.Reset()
		code, _, errOut := runCLI(t, nil, args...)
		if code != exitUsage || !strings.Contains(errOut, want) {
			t.Errorf("exit %d, want 2 with %q:\n%s", code, want, errOut)
		}
		if m := fp.ssm.Mutations(); len(m) > 0 {
			t.Errorf("sent %v", m)
		}
	}
	t.Run("not SSM-managed", func(t *testing.T) {
		run(t, "1 of 3 targeted instances are not SSM-managed", applyArgs("--targets", "tag:Role=web", "--yes")...)
		run(t, web[2]+" (ConnectionLost)", applyArgs("--targets", "tag:Role=web", "--yes")...)
		fp.ssm.Unmanage(web[2])
		run(t, web[2]+" (not registered)", applyArgs("--targets", "tag:Role=web", "--yes")...)
	})
	t.Run("targets match nothing", func(t *testing.T) {
		run(t, "no running instance matches tag:Role=nothing", applyArgs("--targets", "tag:Role=nothing", "--yes")...)
	})
	t.Run("no parameter", func(t *testing.T) {
		run(t, "no parameter /cwsetup/none", append(applyArgs("--targets", "tag:Role=web", "--yes"), "--name", "/cwsetup/none")...)
		run(t, "no parameter /cwsetup/web:7", append(applyArgs("--targets", "tag:Role=web", "--yes"), "--name", "/cwsetup/web:7")...)
	})
	t.Run("answers fail validation", func(t *testing.T) {
		run(t, "the answers in /cwsetup/broken:1 are not valid", append(applyArgs("--targets", "tag:Role=web", "--yes"), "--name", "/cwsetup/broken")...)
	})
	t.Run("bad flags", func(t *testing.T) {
		run(t, "invalid --max-concurrency", applyArgs("--targets", "tag:Role=web", "--max-concurrency", "0", "--yes")...)
		run(t, "invalid --max-errors", applyArgs("--targets", "tag:Role=web", "--max-errors", "-1", "--yes")...)
		run(t, "too frequent", applyArgs("--targets", "tag:Role=web", "--schedule", "rate(5 minutes)", "--yes")...)
		run(t, "invalid target", applyArgs("--targets", "Role=web", "--yes")...)
		run(t, "no targets", applyArgs("--yes")...)
		run(t, "invalid --release-url", applyArgs("--targets", "tag:Role=web", "--release-url", "http://example.com", "--yes")...)
		run(t, "invalid document name", applyArgs("--targets", "tag:Role=web", "--document", "AWS-RunShellScript", "--yes")...)
		run(t, "has no valid SHA-256 for cwsetup_linux_amd64.tar.gz",
			applyArgs("--targets", "tag:Role=web", "--checksums", writeFile(t, "sums.txt", "abc  cwsetup_linux_amd64.tar.gz\n"), "--yes")...)
		run(t, "cannot read the checksums file", applyArgs("--targets", "tag:Role=web", "--checksums", "/nonexistent/sums", "--yes")...)
	})
	fp.ssm.Manage("Online", web[2])
	t.Run("someone else's document", func(t *testing.T) {
		foreign := `{"schemaVersion":"2.2","description":"ops team's script","mainSteps":[{"action":"aws:runShellScript","name":"x","inputs":{"runCommand":["echo hi"]}}]}`
		if _, err := fp.ports.Docs.Create(ctx, "cwsetup-apply", foreign); err != nil {
			t.Fatal(err)
		}
		run(t, `an SSM document named "cwsetup-apply" exists and was not made by cwsetup`, applyArgs("--targets", "tag:Role=web", "--yes")...)
		if d, err := fp.ports.Docs.Get(ctx, "cwsetup-apply"); err != nil || d.Content != foreign || d.Version != "1" {
			t.Errorf("foreign document touched: %+v %v", d, err)
		}
	})
	t.Run("no terminal, no --yes", func(t *testing.T) {
		fp.ssm.Reset()
		code, _, errOut := runCLI(t, nil, "--lang", "ko", "fleet", "apply", "--name", "/cwsetup/web", "--cwsetup-version", "9.8.7", "--checksums", testChecksums,
			"--targets", "tag:Role=web", "--document", "cwsetup-fleet")
		if code != exitUsage || !strings.Contains(errOut, "인스턴스: tag:Role=web에 맞는 3대") || !strings.Contains(errOut, "아무것도 보내지 않았습니다") {
			t.Errorf("exit %d:\n%s", code, errOut)
		}
		if m := fp.ssm.Mutations(); len(m) > 0 {
			t.Errorf("sent %v", m)
		}
	})
}

// okLine is the result line a successful apply prints last on stdout.
var okLine = fleet.Result{Summary: "config applied and verified", Param: "/cwsetup/web:1"}.Line()

// TestFleetStatusReadsInvocationsAndStreams: moto runs no command and
// reports every invocation Success, and has no ListCommandInvocations, so
// the invocations are recorded (testpeer.SSMRecorded) in the API's
// shapes: Status plus StatusDetails, the plugin's ResponseCode and
// Output, no plugin for an undelivered one.
func TestFleetStatusReadsInvocationsAndStreams(t *testing.T) {
	fp := newFleetPeers(t)
	ctx := context.Background()
	web := fp.moto.RunInstances(t, 4, map[string]string{"Role": "web"})
	slices.Sort(web)
	fp.ssm.Manage("Online", web...)
	fp.publish(t, "/cwsetup/web", fleetAnswers)
	code, out, errOut := runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--yes", "--json")...)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	var res struct {
		CommandID string `json:"command_id"`
	}
	_ = json.Unmarshal([]byte(out), &res)
	failed := fleet.Result{Exit: 1, Step: "fetch-config", Summary: "the agent rejected the config"}.Line()
	fp.ssm.Record(res.CommandID, testpeer.Snapshot{Status: "Failed", Invocations: []testpeer.Invocation{
		{InstanceID: web[0], Status: "Success", Details: "Success", Code: 0, Stdout: okLine, Stderr: "Answers: /cwsetup/web version 1 from Parameter Store"},
		{InstanceID: web[1], Status: "Failed", Details: "Failed", Code: 1, Stdout: failed, Stderr: "E! invalid config"},
		// Terminated during the run, and one that never picked it up.
		{InstanceID: web[2], Status: "Failed", Details: "Terminated", Code: -1, NoPlugin: true},
		{InstanceID: web[3], Status: "TimedOut", Details: "DeliveryTimedOut", Code: -1, NoPlugin: true},
	}})

	// Streams named by instance id: web[0] fresh, web[1] an hour old.
	ship, err := aws.NewLogShipper(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := ship.Ship(ctx, "/fleet/system/syslog", web[0], 30, []string{"fresh line"}, now.Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := ship.Ship(ctx, "/fleet/system/syslog", web[1], 30, []string{"old line"}, now.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	// verify's marker in web[0]'s own stream after the command; web[1]'s
	// is a day old (an earlier run): not evidence for this command.
	if err := ship.Ship(ctx, "/fleet/system/syslog", web[0], 30, []string{"Dec  8 04:00:01 web1 cwsetup: cwsetup-verify-0a1b2c3d4e5f"}, now.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	if err := ship.Ship(ctx, "/fleet/system/syslog", web[1], 30, []string{"Dec  7 04:00:01 web2 cwsetup: cwsetup-verify-99aa"}, now.Add(-24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	// Two instances join the tag after the command: not part of it (main
	// listed them, rebuilding the list from EC2).
	fp.ssm.Manage("Online", fp.moto.RunInstances(t, 2, map[string]string{"Role": "web"})...)

	fp.ssm.Reset()
	code, out, errOut = runCLI(t, nil, "fleet", "status", "--command-id", res.CommandID, "--json", "--lang", "en")
	if code != 1 || !strings.Contains(errOut, "1 of 4 instances failed") {
		t.Fatalf("exit %d (want 1: an instance failed):\n%s", code, errOut)
	}
	var st fleet.Status
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	tot := st.Totals
	if tot.Instances != 4 || tot.OK != 1 || tot.Failed != 1 || tot.NotReached != 2 || tot.FailedBy["fetch-config"] != 1 {
		t.Errorf("totals %+v", tot)
	}
	if st.Counts != (fleet.CommandCounts{Targets: 4, Completed: 4, Errors: 2, DeliveryTimedOut: 1}) || st.SSMStatus != "Failed" {
		t.Errorf("counts %+v status %s", st.Counts, st.SSMStatus)
	}
	if !slices.Equal(st.LogGroups, []string{"/fleet/system/syslog"}) || st.Answers != "/cwsetup/web:1" {
		t.Errorf("status %+v", st)
	}
	by := map[string]fleet.InstanceStatus{}
	for _, is := range st.Instances {
		by[is.InstanceID] = is
	}
	if is := by[web[0]]; is.Category != "ok" || is.SSMStatus != "Success" || is.Exit == nil || *is.Exit != 0 ||
		is.Logs == nil || is.Logs.Streams != 1 || is.Logs.Arriving != 1 {
		t.Errorf("web[0] %+v %+v", is, is.Logs)
	}
	if is := by[web[1]]; is.Category != "failed" || is.Step != "fetch-config" || is.Logs == nil || is.Logs.Streams != 1 || is.Logs.Arriving != 0 ||
		!is.Logs.Marker.IsZero() {
		t.Errorf("web[1] %+v %+v", is, is.Logs)
	}
	if is := by[web[0]]; is.Logs == nil || is.Logs.Marker.IsZero() {
		t.Errorf("web[0]: no marker %+v", is.Logs)
	}
	if is := by[web[2]]; is.Step != fleet.StepTerminated || is.Details != "Terminated" || is.Exit != nil {
		t.Errorf("web[2] %+v", is)
	}
	if is := by[web[3]]; is.Step != fleet.StepDeliveryTimedOut {
		t.Errorf("web[3] %+v", is)
	}
	// One ListCommandInvocations page carries all four: no EC2 lookup,
	// no GetCommandInvocation per instance.
	calls := fp.ssm.Calls()
	if n := len(fp.ssm.Requests("ListCommandInvocations")); n != 1 || slices.Contains(calls, "GetCommandInvocation") {
		t.Errorf("SSM calls %v", calls)
	}
	if req := fp.ssm.Requests("ListCommandInvocations")[0]; req["Details"] != true || req["MaxResults"] != float64(50) {
		t.Errorf("ListCommandInvocations request %v", req)
	}

	code, out, errOut = runCLI(t, nil, "fleet", "status", "--command-id", res.CommandID, "--lang", "ko")
	if code != 1 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	for _, want := range []string{"인스턴스 4대: 성공 1, 실패 1, 실행 중 0, 도달하지 못함 2, 관리형 인스턴스 아님 0",
		"실행 명령 집계: 대상 4, 완료 4, 오류 2, 전달 시간 초과 1", "확인한 로그 그룹: /fleet/system/syslog",
		web[0], "1/1 도착 중, 확인 마커 도착", "0/1 도착 중", "아직 없음"} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q:\n%s", want, out)
		}
	}

	code, _, errOut = runCLI(t, nil, "fleet", "status", "--command-id", "0b6b8d2e-0000-4000-8000-000000000000", "--lang", "en")
	if code != exitUsage || !strings.Contains(errOut, "no command 0b6b8d2e") {
		t.Errorf("unknown command exit %d:\n%s", code, errOut)
	}
}

// sendRecorded sends a command by instance ids to moto and records its
// invocations (moto runs nothing).
func (fp *fleetPeers) sendRecorded(t *testing.T, ids []string, snaps ...testpeer.Snapshot) string {
	t.Helper()
	id, err := fp.ports.Cmds.Send(context.Background(), fleet.Send{Document: "AWS-RunShellScript", InstanceIDs: ids[:min(len(ids), 50)],
		Parameters: map[string][]string{"commands": {"true"}}, Rate: fleet.DefaultRate})
	if err != nil {
		t.Fatal(err)
	}
	fp.ssm.Record(id, snaps...)
	return id
}

// TestFleetStatusWait: --wait reads again until the command is done; each
// ListCommands call moves the recorded command one snapshot on.
func TestFleetStatusWait(t *testing.T) {
	fp := newFleetPeers(t)
	ids := []string{"i-0000000000000a001", "i-0000000000000a002"}
	running := testpeer.Invocation{Status: "InProgress", Details: "InProgress", Code: -1}
	done := testpeer.Invocation{Status: "Success", Details: "Success", Code: 0, Stdout: okLine}
	at := func(inv testpeer.Invocation, id string) testpeer.Invocation { inv.InstanceID = id; return inv }
	cmd := fp.sendRecorded(t, ids,
		testpeer.Snapshot{Status: "InProgress", Invocations: []testpeer.Invocation{at(running, ids[0]), at(running, ids[1])}},
		testpeer.Snapshot{Status: "InProgress", Invocations: []testpeer.Invocation{at(done, ids[0]), at(running, ids[1])}},
		testpeer.Snapshot{Status: "Success", Invocations: []testpeer.Invocation{at(done, ids[0]), at(done, ids[1])}})
	code, out, errOut := runCLI(t, nil, "fleet", "status", "--command-id", cmd, "--wait", "--interval", "1s", "--json", "--lang", "en")
	var st fleet.Status
	_ = json.Unmarshal([]byte(out), &st)
	if code != 0 || st.SSMStatus != "Success" || st.Totals.OK != 2 ||
		!strings.Contains(errOut, "command InProgress: 0 ok, 0 failed, 2 running of 2; reading again in 1 s") ||
		!strings.Contains(errOut, "command InProgress: 1 ok, 0 failed, 1 running of 2") {
		t.Errorf("exit %d %+v:\n%s", code, st.Totals, errOut)
	}
	if n := len(fp.ssm.Requests("ListCommands")); n != 3 {
		t.Errorf("%d ListCommands calls, want 3", n)
	}
	// Without --wait one read, exit 0 while it runs.
	cmd = fp.sendRecorded(t, ids, testpeer.Snapshot{Status: "InProgress", Invocations: []testpeer.Invocation{at(running, ids[0]), at(done, ids[1])}})
	if code, _, errOut := runCLI(t, nil, "fleet", "status", "--command-id", cmd, "--lang", "en"); code != 0 {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	if code, _, errOut := runCLI(t, nil, "fleet", "status", "--command-id", cmd, "--wait", "--interval", "10ms", "--lang", "en"); code != exitUsage ||
		!strings.Contains(errOut, "invalid --interval 10ms") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
}

// TestFleetStatusThousandInstances: a 1,000-instance command (recorded:
// moto runs nothing) read while SSM throttles every third
// ListCommandInvocations call: the SDK's retries absorb it, progress is
// printed page by page, no instance is lost. Throttled for good after 8
// pages: the 400 read are printed, with how far it got, and exit 1.
func TestFleetStatusThousandInstances(t *testing.T) {
	fp := newFleetPeers(t)
	var invs []testpeer.Invocation
	var ids []string
	answersFail := fleet.Result{Exit: 1, Step: "answers", Summary: "ThrottlingException: Rate exceeded"}.Line()
	for i := 0; i < 1000; i++ {
		id := fmt.Sprintf("i-%017x", 0xb0000+i)
		ids = append(ids, id)
		inv := testpeer.Invocation{InstanceID: id, Status: "Success", Details: "Success", Code: 0, Stdout: okLine}
		switch {
		case i%200 == 7:
			inv = testpeer.Invocation{InstanceID: id, Status: "Failed", Details: "Failed", Code: 1, Stdout: answersFail}
		case i%333 == 5:
			inv = testpeer.Invocation{InstanceID: id, Status: "Failed", Details: "Undeliverable", Code: -1, NoPlugin: true}
		case i == 998:
			inv.Stdout = "Step execution skipped due to unsatisfied preconditions: '\"StringEquals\": [platformType, Linux]'. Step name: cwsetupApply\n"
		}
		invs = append(invs, inv)
	}
	cmd := fp.sendRecorded(t, ids, testpeer.Snapshot{Status: "Failed", Invocations: invs})
	fp.ssm.Throttle("ListCommandInvocations", 3, -1)
	code, out, errOut := runCLI(t, nil, "fleet", "status", "--command-id", cmd, "--json", "--lang", "en")
	var st fleet.Status
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("%v:\n%s", err, errOut)
	}
	tot := st.Totals
	if code != 1 || tot.Instances != 1000 || tot.Failed != 5 || tot.FailedBy["answers"] != 5 || tot.NotReached != 3 ||
		tot.Skipped != 1 || tot.OK != 991 || st.Incomplete {
		t.Errorf("exit %d totals %+v", code, tot)
	}
	if n := strings.Count(errOut, "invocations…"); n != 20 || !strings.Contains(errOut, "read 1000 invocations…") {
		t.Errorf("%d progress lines:\n%s", n, errOut)
	}
	if calls := len(fp.ssm.Requests("ListCommandInvocations")); calls < 25 {
		t.Errorf("%d ListCommandInvocations calls: the throttled ones were not retried", calls)
	}

	// Throttled for good after 8 calls (retries count as calls): the pages
	// read before are printed, with how far it got.
	fp.ssm.Throttle("ListCommandInvocations", 0, 8)
	code, out, errOut = runCLI(t, nil, "fleet", "status", "--command-id", cmd, "--lang", "en")
	m := regexp.MustCompile(`reading stopped after (\d+) of 1000 instances`).FindStringSubmatch(errOut)
	n := 0
	if m != nil {
		n, _ = strconv.Atoi(m[1])
	}
	if code != 1 || n == 0 || n%50 != 0 || n > 400 || !strings.Contains(out, fmt.Sprintf("%d instances:", n)) ||
		!strings.Contains(errOut, "AWS throttled ssm:ListCommandInvocations (ThrottlingException) beyond the SDK's retries") ||
		strings.Contains(errOut, "continues where it stopped") ||
		!strings.Contains(out, ids[n-1]) || strings.Contains(out, ids[n]) {
		t.Errorf("throttled for good: exit %d, %d read\n%s\n%.2000s", code, n, errOut, out)
	}
}

func TestFleetFiftyInstancesTimed(t *testing.T) {
	if testing.Short() {
		t.Skip("50 instances in moto; not in -short")
	}
	fp := newFleetPeers(t)
	web := fp.moto.RunInstances(t, 50, map[string]string{"Role": "web"})
	fp.ssm.Manage("Online", web...)
	answers := writeFile(t, "a.yaml", fleetAnswers)
	// moto loads its SSM backend (the public parameters) on first use.
	if _, err := fp.ports.Params.Get(context.Background(), "/cwsetup/warm-up"); !errors.Is(err, fleet.ErrNotFound) {
		t.Fatal(err)
	}

	start := time.Now()
	code, _, errOut := runCLI(t, nil, "fleet", "publish", "--answers", answers, "--name", "/cwsetup/web", "--yes", "--lang", "en")
	publish := time.Since(start)
	if code != 0 {
		t.Fatalf("publish exit %d:\n%s", code, errOut)
	}
	start = time.Now()
	code, out, errOut := runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--yes", "--json")...)
	apply := time.Since(start)
	if code != 0 {
		t.Fatalf("apply exit %d:\n%s", code, errOut)
	}
	var res struct {
		CommandID string   `json:"command_id"`
		Instances []string `json:"instances"`
	}
	_ = json.Unmarshal([]byte(out), &res)
	if len(res.Instances) != 50 {
		t.Fatalf("apply planned %d instances", len(res.Instances))
	}
	// moto runs nothing: the invocations are recorded, all ok.
	var invs []testpeer.Invocation
	for _, id := range res.Instances {
		invs = append(invs, testpeer.Invocation{InstanceID: id, Status: "Success", Details: "Success", Stdout: okLine})
	}
	fp.ssm.Record(res.CommandID, testpeer.Snapshot{Status: "Success", Invocations: invs})
	start = time.Now()
	code, out, errOut = runCLI(t, nil, "fleet", "status", "--command-id", res.CommandID, "--json", "--lang", "en")
	status := time.Since(start)
	if code != 0 {
		t.Fatalf("status exit %d:\n%s", code, errOut)
	}
	var st fleet.Status
	_ = json.Unmarshal([]byte(out), &st)
	if st.Totals.Instances != 50 || st.Totals.OK != 50 {
		t.Errorf("totals %+v", st.Totals)
	}
	doc := fleet.Document(testSpec(t, "9.8.7"))
	t.Logf("50 instances against moto: publish %v, apply %v, status %v; document %d bytes, parameter %d bytes",
		publish.Round(time.Millisecond), apply.Round(time.Millisecond), status.Round(time.Millisecond), len(doc), len(fleetAnswers))
}

// TestIAMPolicyFleetParameter: the policy gains exactly ssm:GetParameter on
// the parameter; the SSM agent's own managed policy is explained on
// stderr and never added to the policy.
func TestIAMPolicyFleetParameter(t *testing.T) {
	base := []string{"iam", "policy", "--region", "ap-northeast-2", "--account", "123456789012", "--part", "policy"}
	code, plain, _ := runCLI(t, nil, append(base, "--lang", "en")...)
	if code != 0 {
		t.Fatal(code)
	}
	code, out, errOut := runCLI(t, nil, append(base, "--fleet-parameter", "/cwsetup/web", "--lang", "en")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Statement []struct {
			Sid      string
			Action   []string
			Resource []string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	last := doc.Statement[len(doc.Statement)-1]
	if last.Sid != "ReadFleetAnswers" || !slices.Equal(last.Action, []string{"ssm:GetParameter"}) ||
		!slices.Equal(last.Resource, []string{"arn:aws:ssm:ap-northeast-2:123456789012:parameter/cwsetup/web"}) {
		t.Errorf("fleet statement %+v", last)
	}
	if strings.Count(out, `"ssm:`) != 1 || strings.Contains(out, "AmazonSSMManagedInstanceCore") || len(out) <= len(plain) {
		t.Errorf("policy:\n%s", out)
	}
	if !strings.Contains(errOut, "AmazonSSMManagedInstanceCore") || !strings.Contains(errOut, "attach-role-policy --role-name cwsetup-cloudwatch-agent") {
		t.Errorf("no explanation of the SSM agent's policy:\n%s", errOut)
	}
	code, _, errOut = runCLI(t, nil, append(base, "--fleet-parameter", "/cwsetup/web:2", "--lang", "ko")...)
	if code != exitUsage || !strings.Contains(errOut, "버전 없이") {
		t.Errorf("versioned parameter exit %d: %s", code, errOut)
	}
}

// TestFleetApplyCanary: --canary sends to the first N instances alone,
// waits for their invocations (recorded as SSM reports them: moto runs
// nothing) and sends the rest only when every canary succeeded.
func TestFleetApplyCanary(t *testing.T) {
	fp := newFleetPeers(t)
	web := fp.moto.RunInstances(t, 6, map[string]string{"Role": "web"})
	slices.Sort(web)
	fp.ssm.Manage("Online", web...)
	fp.publish(t, "/cwsetup/web", fleetAnswers)
	failed := fleet.Result{Exit: 1, Step: "fetch-config", Summary: "the agent rejected the config"}.Line()
	// Each command sent is recorded: by id (the canaries) first running,
	// then done; the second wave done at once. failOne fails the first canary.
	failOne := false
	fp.ssm.OnSend(func(in map[string]any) []testpeer.Snapshot {
		ids, _ := in["InstanceIds"].([]any)
		if len(ids) == 0 {
			ids = []any{}
			for _, id := range web {
				ids = append(ids, id)
			}
		}
		var running, done []testpeer.Invocation
		for i, id := range ids {
			running = append(running, testpeer.Invocation{InstanceID: fmt.Sprint(id), Status: "InProgress", Details: "InProgress", Code: -1})
			inv := testpeer.Invocation{InstanceID: fmt.Sprint(id), Status: "Success", Details: "Success", Stdout: okLine}
			if failOne && i == 0 {
				inv = testpeer.Invocation{InstanceID: fmt.Sprint(id), Status: "Failed", Details: "Failed", Code: 1, Stdout: failed}
			}
			done = append(done, inv)
		}
		status := "Success"
		if failOne {
			status = "Failed"
		}
		return []testpeer.Snapshot{{Status: "InProgress", Invocations: running}, {Status: status, Invocations: done}}
	})

	code, out, errOut := runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--canary", "2", "--interval", "1s", "--yes", "--json")...)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	var res struct {
		CommandID       string   `json:"command_id"`
		CanaryCommandID string   `json:"canary_command_id"`
		Canaries        []string `json:"canaries"`
	}
	_ = json.Unmarshal([]byte(out), &res)
	sends := fp.ssm.Requests("SendCommand")
	if len(sends) != 2 || fmt.Sprint(sends[0]["InstanceIds"]) != fmt.Sprint(web[:2]) || sends[0]["Targets"] != nil ||
		sends[0]["MaxConcurrency"] != "100%" || sends[0]["MaxErrors"] != "2" ||
		sends[1]["InstanceIds"] != nil || fmt.Sprint(sends[1]["Targets"]) != "[map[Key:tag:Role Values:[web]]]" {
		t.Errorf("SendCommand requests %v", sends)
	}
	if res.CanaryCommandID == "" || res.CommandID == "" || res.CanaryCommandID == res.CommandID || !slices.Equal(res.Canaries, web[:2]) {
		t.Errorf("result %+v", res)
	}
	for _, want := range []string{"canaries: 2 first (" + web[0] + " " + web[1] + ")", "canaries: 0 ok, 0 failed, 2 running of 2; reading again in 1 s",
		"All 2 canaries succeeded; sending to the rest.", "Sent command " + res.CommandID} {
		if !strings.Contains(errOut, want) {
			t.Errorf("output lacks %q:\n%s", want, errOut)
		}
	}

	// A failed canary: the rest is never sent, the canary and its reason listed.
	failOne = true
	fp.ssm.Reset()
	code, _, errOut = runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--canary", "34%", "--interval", "1s", "--yes")...)
	sends = fp.ssm.Requests("SendCommand")
	if code != 1 || len(sends) != 1 || fmt.Sprint(sends[0]["InstanceIds"]) != fmt.Sprint(web[:3]) ||
		!strings.Contains(errOut, "canary "+web[0]+": failed at fetch-config the agent rejected the config") ||
		!strings.Contains(errOut, "1 of 3 canaries did not succeed: the rest were not sent") {
		t.Errorf("failed canary: exit %d sends %v:\n%s", code, sends, errOut)
	}

	// By id: the second wave is the other ids.
	failOne = false
	fp.ssm.Reset()
	code, _, errOut = runCLI(t, nil, applyArgs("--targets", "instanceids="+web[4]+","+web[2]+","+web[3], "--canary", "1", "--interval", "1s", "--yes")...)
	sends = fp.ssm.Requests("SendCommand")
	if code != 0 || len(sends) != 2 || fmt.Sprint(sends[0]["InstanceIds"]) != "["+web[2]+"]" ||
		!strings.Contains(fmt.Sprint(sends[1]["InstanceIds"]), web[3]) || !strings.Contains(fmt.Sprint(sends[1]["InstanceIds"]), web[4]) ||
		strings.Count(fmt.Sprint(sends[1]["InstanceIds"]), "i-") != 2 {
		t.Errorf("by id: exit %d sends %v:\n%s", code, sends, errOut)
	}

	// Refused before anything changes.
	for _, c := range []struct {
		want string
		args []string
	}{
		{"covers all 6 instances", []string{"--canary", "6"}},
		{"invalid --canary \"51\"", []string{"--canary", "51"}},
		{"invalid --canary \"0\"", []string{"--canary", "0"}},
		{"not with --schedule", []string{"--canary", "1", "--schedule", "rate(1 day)"}},
	} {
		fp.ssm.Reset()
		code, _, errOut := runCLI(t, nil, applyArgs(append([]string{"--targets", "tag:Role=web", "--yes"}, c.args...)...)...)
		if code != exitUsage || !strings.Contains(errOut, c.want) || len(fp.ssm.Mutations()) > 0 {
			t.Errorf("%v: exit %d %v:\n%s", c.args, code, fp.ssm.Mutations(), errOut)
		}
	}
}

// TestFleetAccessDeniedNamesTheOperatorPermissions: a denied SendCommand
// (recorded: moto enforces no IAM here) names what fleet needs, not the
// permissions of iam setup, and says the document change stays.
func TestFleetAccessDeniedNamesTheOperatorPermissions(t *testing.T) {
	fp := newFleetPeers(t)
	web := fp.moto.RunInstances(t, 2, map[string]string{"Role": "web"})
	fp.ssm.Manage("Online", web...)
	fp.publish(t, "/cwsetup/web", fleetAnswers)
	fp.ssm.Deny("SendCommand")
	code, _, errOut := runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--yes")...)
	if code != 1 || !strings.Contains(errOut, "AWS denied ssm:SendCommand (AccessDeniedException)") ||
		!strings.Contains(errOut, "ssm:SendCommand (on the document and the targeted instances)") ||
		!strings.Contains(errOut, "Operator permissions") || strings.Contains(errOut, "iam:CreateRole") ||
		!strings.Contains(errOut, "Document cwsetup-apply is at version 1.") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
}

// TestFleetApplyOutputAndNotifications: --output-log-group and
// --notify-sns reach SendCommand as CloudWatchOutputConfig and
// NotificationConfig (with ServiceRoleArn), are named in the plan, and
// bad values or a schedule are refused before anything changes.
func TestFleetApplyOutputAndNotifications(t *testing.T) {
	fp := newFleetPeers(t)
	web := fp.moto.RunInstances(t, 2, map[string]string{"Role": "web"})
	fp.ssm.Manage("Online", web...)
	fp.publish(t, "/cwsetup/web", fleetAnswers)
	topic, role := "arn:aws:sns:ap-northeast-2:123456789012:cwsetup-rollout", "arn:aws:iam::123456789012:role/ssm-notify"
	code, _, errOut := runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--output-log-group", "/cwsetup/fleet-output",
		"--notify-sns", topic, "--notify-role", role, "--yes")...)
	sends := fp.ssm.Requests("SendCommand")
	if code != 0 || len(sends) != 1 {
		t.Fatalf("exit %d sends %d:\n%s", code, len(sends), errOut)
	}
	if got := fmt.Sprint(sends[0]["CloudWatchOutputConfig"]); got != "map[CloudWatchLogGroupName:/cwsetup/fleet-output CloudWatchOutputEnabled:true]" {
		t.Errorf("CloudWatchOutputConfig %s", got)
	}
	if got := fmt.Sprint(sends[0]["NotificationConfig"]); got != "map[NotificationArn:"+topic+" NotificationEvents:[Success TimedOut Cancelled Failed] NotificationType:Command]" ||
		sends[0]["ServiceRoleArn"] != role {
		t.Errorf("NotificationConfig %s, role %v", got, sends[0]["ServiceRoleArn"])
	}
	for _, want := range []string{"command output: also to CloudWatch Logs group /cwsetup/fleet-output", "notifications: SNS " + topic + " (role " + role + ")"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("plan lacks %q:\n%s", want, errOut)
		}
	}
	for _, c := range []struct {
		want string
		args []string
	}{
		{"invalid --output-log-group", []string{"--output-log-group", "bad group!"}},
		{"go together", []string{"--notify-sns", topic}},
		{"invalid notification", []string{"--notify-sns", "topic", "--notify-role", role}},
		{"takes neither", []string{"--output-log-group", "/g", "--schedule", "rate(1 day)"}},
	} {
		fp.ssm.Reset()
		code, _, errOut := runCLI(t, nil, applyArgs(append([]string{"--targets", "tag:Role=web", "--yes"}, c.args...)...)...)
		if code != exitUsage || !strings.Contains(errOut, c.want) || len(fp.ssm.Mutations()) > 0 || len(fp.ssm.Calls()) > 0 {
			t.Errorf("%v: exit %d %v:\n%s", c.args, code, fp.ssm.Calls(), errOut)
		}
	}
}

// TestFleetThousandInstanceRollout simulates a rollout end to end on
// 1,000 tagged instances in moto: the plan reads their SSM state in 20
// DescribeInstanceInformation calls (50 a page), 10 canaries go first,
// then the tag-targeted command; its invocations are recorded as SSM
// would report them (moto runs nothing: 5 fail at answers, 2 never
// delivered) and read back while ListCommandInvocations is throttled on
// every third call. Nothing is lost: 1,000 listed, progress per page,
// exit 1 for the failures.
func TestFleetThousandInstanceRollout(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 instances in moto; not in -short")
	}
	fp := newFleetPeers(t)
	web := fp.moto.RunInstances(t, 1000, map[string]string{"Role": "web"})
	slices.Sort(web)
	fp.ssm.Manage("Online", web...)
	fp.publish(t, "/cwsetup/web", fleetAnswers)
	answersFail := fleet.Result{Exit: 1, Step: "answers", Summary: "ThrottlingException: Rate exceeded"}.Line()
	fp.ssm.OnSend(func(in map[string]any) []testpeer.Snapshot {
		var invs []testpeer.Invocation
		if ids, _ := in["InstanceIds"].([]any); len(ids) > 0 {
			for _, id := range ids {
				invs = append(invs, testpeer.Invocation{InstanceID: fmt.Sprint(id), Status: "Success", Details: "Success", Stdout: okLine})
			}
			return []testpeer.Snapshot{{Status: "Success", Invocations: invs}}
		}
		for i, id := range web {
			inv := testpeer.Invocation{InstanceID: id, Status: "Success", Details: "Success", Stdout: okLine}
			switch {
			case i%200 == 150:
				inv = testpeer.Invocation{InstanceID: id, Status: "Failed", Details: "Failed", Code: 1, Stdout: answersFail}
			case i == 500 || i == 501:
				inv = testpeer.Invocation{InstanceID: id, Status: "Failed", Details: "Undeliverable", Code: -1, NoPlugin: true}
			}
			invs = append(invs, inv)
		}
		return []testpeer.Snapshot{{Status: "Failed", Invocations: invs}}
	})
	fp.ssm.Reset()
	code, out, errOut := runCLI(t, nil, applyArgs("--targets", "tag:Role=web", "--canary", "10", "--max-concurrency", "10%",
		"--max-errors", "1%", "--interval", "1s", "--yes", "--json")...)
	if code != 0 {
		t.Fatalf("apply exit %d:\n%s", code, errOut)
	}
	var res struct {
		CommandID string   `json:"command_id"`
		Instances []string `json:"instances"`
		Canaries  []string `json:"canaries"`
	}
	_ = json.Unmarshal([]byte(out), &res)
	if len(res.Instances) != 1000 || !slices.Equal(res.Canaries, web[:10]) || res.CommandID == "" {
		t.Fatalf("apply %d instances, canaries %v", len(res.Instances), res.Canaries)
	}
	// The plan reads the 1,000 in 20 batches of 50 (an SDK retry repeats
	// a batch; the canaries' command is read later, and moto lists every
	// instance of the region in a command sent by InstanceIds, so that
	// read looks the others up too: moto's, not AWS's).
	batches := map[string]bool{}
	for _, r := range fp.ssm.RequestsBefore("DescribeInstanceInformation", "SendCommand") {
		if r["MaxResults"] != float64(50) {
			t.Errorf("DescribeInstanceInformation %v", r)
		}
		batches[fmt.Sprint(r["Filters"])] = true
	}
	if len(batches) != 20 {
		t.Errorf("%d distinct DescribeInstanceInformation batches, want 20", len(batches))
	}
	if sends := fp.ssm.Requests("SendCommand"); len(sends) != 2 || sends[1]["MaxConcurrency"] != "10%" || sends[1]["MaxErrors"] != "1%" {
		t.Errorf("SendCommand requests %v", sends)
	}
	if !strings.Contains(errOut, "rate: 10% at once (100 of 1000); max errors 1%: Run Command stops sending at failure 11") {
		t.Errorf("plan:\n%s", errOut)
	}

	fp.ssm.Throttle("ListCommandInvocations", 3, -1)
	code, out, errOut = runCLI(t, nil, "fleet", "status", "--command-id", res.CommandID, "--json", "--lang", "en")
	var st fleet.Status
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("%v:\n%s", err, errOut)
	}
	tot := st.Totals
	if code != 1 || tot.Instances != 1000 || tot.OK != 993 || tot.FailedBy["answers"] != 5 || tot.NotReached != 2 || st.Incomplete ||
		strings.Count(errOut, "invocations…") != 20 || !strings.Contains(errOut, "5 of 1000 instances failed") {
		t.Errorf("status exit %d totals %+v:\n%s", code, tot, errOut)
	}
}

// TestFleetPolicyOperator: the operator's policy is scoped to the
// parameter, the document and the targeted instances (tags as
// ssm:resourceTag conditions), with the account from STS (moto's).
func TestFleetPolicyOperator(t *testing.T) {
	newFleetPeers(t)
	code, out, errOut := runCLI(t, nil, "fleet", "policy", "--name", "/cwsetup/web", "--targets", "tag:Role=web,api",
		"--targets", "tag:Env=prod", "--log-group-prefix", "/fleet", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	var pol struct {
		Statement []struct {
			Sid       string
			Action    []string
			Resource  any
			Condition map[string]map[string][]string
		}
	}
	if err := json.Unmarshal([]byte(out), &pol); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	by := map[string]int{}
	for i, st := range pol.Statement {
		by[st.Sid] = i
	}
	get := func(sid string) (string, []string, map[string]map[string][]string) {
		st := pol.Statement[by[sid]]
		return fmt.Sprint(st.Resource), st.Action, st.Condition
	}
	if r, _, _ := get("Answers"); r != "arn:aws:ssm:ap-northeast-2:123456789012:parameter/cwsetup/web" {
		t.Errorf("Answers on %s", r)
	}
	if r, a, _ := get("SendTheDocument"); r != "arn:aws:ssm:ap-northeast-2:123456789012:document/cwsetup-apply" || !slices.Contains(a, "ssm:SendCommand") {
		t.Errorf("SendTheDocument %s %v", r, a)
	}
	if r, _, c := get("SendToTargetedInstances"); r != "arn:aws:ec2:ap-northeast-2:123456789012:instance/*" ||
		fmt.Sprint(c) != "map[StringEquals:map[ssm:resourceTag/Env:[prod] ssm:resourceTag/Role:[web api]]]" {
		t.Errorf("instances %s %v", r, c)
	}
	if r, _, _ := get("LogEvidence"); r != "arn:aws:logs:ap-northeast-2:123456789012:log-group:/fleet/*" {
		t.Errorf("logs %s", r)
	}
	for _, st := range pol.Statement {
		if st.Resource == "*" && slices.ContainsFunc(st.Action, func(a string) bool {
			return strings.Contains(a, "Put") || strings.Contains(a, "Send") || strings.Contains(a, "Create")
		}) {
			t.Errorf("a change allowed on *: %+v", st)
		}
	}
	// By id: the instances' ARNs, no condition.
	code, out, _ = runCLI(t, nil, "fleet", "policy", "--targets", "instanceids=i-0123456789abcdef0", "--account", "210987654321", "--region", "cn-north-1")
	if code != 0 || !strings.Contains(out, `"arn:aws-cn:ec2:cn-north-1:210987654321:instance/i-0123456789abcdef0"`) || strings.Contains(out, "resourceTag") {
		t.Errorf("by id exit %d:\n%s", code, out)
	}
	if code, _, errOut := runCLI(t, nil, "fleet", "policy", "--targets", "tag:Role=web", "--account", "12", "--lang", "en"); code != exitUsage ||
		!strings.Contains(errOut, "invalid account id") {
		t.Errorf("bad account exit %d:\n%s", code, errOut)
	}
}
