package fleet

import (
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
)

func TestParseTargets(t *testing.T) {
	ts, err := ParseTargets([]string{"tag:Role=web,api", "tag:Env=prod"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 2 || ts[0].Key != "tag:Role" || strings.Join(ts[0].Values, ",") != "web,api" {
		t.Errorf("%+v", ts)
	}
	if got := TagTargets(ts); len(got) != 2 || TargetIDs(ts) != nil {
		t.Errorf("tags %v", got)
	}
	ids, err := ParseTargets([]string{"instanceids=i-0abc1234def567890"})
	if err != nil {
		t.Fatal(err)
	}
	if got := TargetIDs(ids); len(got) != 1 || got[0] != "i-0abc1234def567890" {
		t.Errorf("ids %v", got)
	}
	if ts[0].String() != "tag:Role=web,api" || ids[0].String() != "instanceids=i-0abc1234def567890" {
		t.Errorf("strings %q %q", ts[0], ids[0])
	}
	for _, bad := range [][]string{nil, {"Role=web"}, {"tag:Role"}, {"tag:Role="}, {"tag:aws:cloudformation:stack-name=x"},
		{"instanceids=i-XYZ"}, {"tag:Ro'le=web"}, {"tag:a=1", "tag:b=1", "tag:c=1", "tag:d=1", "tag:e=1", "tag:f=1"}, {"tag:Role=we$b"}} {
		if _, err := ParseTargets(bad); !i18n.IsUsage(err) {
			t.Errorf("ParseTargets(%q) = %v, want a usage error", bad, err)
		}
	}
}

func TestRate(t *testing.T) {
	for _, r := range []Rate{{"10%", "1"}, {"1", "0"}, {"100%", "0%"}, {"50", "5%"}} {
		if err := r.Validate(); err != nil {
			t.Errorf("%+v: %v", r, err)
		}
	}
	for _, r := range []Rate{{"0", "1"}, {"0%", "1"}, {"101%", "1"}, {"10%", "-1"}, {"10%", "x"}, {"", "1"}} {
		if err := r.Validate(); !i18n.IsUsage(err) {
			t.Errorf("%+v accepted", r)
		}
	}
	// Percentages round up to whole instances, never beyond the fleet.
	if got := (Rate{"10%", "1%"}).Concurrent(1000); got != 100 {
		t.Errorf("10%% of 1000 = %d", got)
	}
	if got := (Rate{"10%", "1%"}).Concurrent(3); got != 1 {
		t.Errorf("10%% of 3 = %d", got)
	}
	if got := (Rate{"10%", "1%"}).ErrorBudget(1000); got != 10 {
		t.Errorf("1%% of 1000 = %d", got)
	}
	if got := (Rate{"200", "0"}).Concurrent(50); got != 50 {
		t.Errorf("200 of 50 = %d", got)
	}
}

func TestValidateSchedule(t *testing.T) {
	for _, s := range []string{"rate(30 minutes)", "rate(1 hour)", "rate(2 days)", "cron(0 2 ? * SUN *)"} {
		if err := ValidateSchedule(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	for _, s := range []string{"rate(5 minutes)", "rate(0 hours)", "every 30 minutes", "rate(30 minutes); rm -rf /", "cron()"} {
		if err := ValidateSchedule(s); !i18n.IsUsage(err) {
			t.Errorf("%q accepted", s)
		}
	}
}

func TestParseParameter(t *testing.T) {
	ref, err := ParseParameter("/cwsetup/web:12", true)
	if err != nil || ref.Name != "/cwsetup/web" || ref.Version != 12 || ref.String() != "/cwsetup/web:12" {
		t.Errorf("%+v %v", ref, err)
	}
	if _, err := ParseParameter("/cwsetup/web:12", false); !i18n.IsUsage(err) {
		t.Error("version accepted for publish")
	}
	for _, bad := range []string{"", "/aws/service/x", "ssm-thing", "/a b", "/x'y", "/x:0", "/x;rm", strings.Repeat("/a", 20)} {
		if _, err := ParseParameter(bad, true); !i18n.IsUsage(err) {
			t.Errorf("%q accepted", bad)
		}
	}
	if got := ParameterARN("aws", "ap-northeast-2", "123456789012", "/cwsetup/web"); got != "arn:aws:ssm:ap-northeast-2:123456789012:parameter/cwsetup/web" {
		t.Errorf("ARN %s", got)
	}
}

func TestDocument(t *testing.T) {
	spec := DocumentSpec{Version: "1.2.3", ReleaseURL: DefaultReleaseURL, SHA256: map[string]string{"amd64": strings.Repeat("a", 64)}}
	a, b := Document(spec), Document(spec)
	if string(a) != string(b) {
		t.Fatal("document not deterministic")
	}
	var d document
	if err := json.Unmarshal(a, &d); err != nil {
		t.Fatal(err)
	}
	if d.SchemaVersion != "2.2" || len(d.MainSteps) != 1 || d.MainSteps[0].Action != "aws:runShellScript" ||
		d.Parameters[AnswersParam].AllowedPattern == "" {
		t.Errorf("%+v", d)
	}
	if !IsManagedDocument(string(a)) || IsManagedDocument(`{"description":"ops"}`) || IsManagedDocument("not json") {
		t.Error("IsManagedDocument")
	}
	lines, err := RunCommandOf(a)
	if err != nil || strings.Join(lines, "\n") != strings.Join(RunCommand(spec), "\n") {
		t.Fatalf("RunCommandOf %v", err)
	}
	last := lines[len(lines)-1]
	if last != `exec "$bin" apply --answers-ssm "$answers" --yes` {
		t.Errorf("last line %q", last)
	}
	// The script parses in the shells sh is on Linux hosts.
	script := strings.Join(lines, "\n") + "\n"
	for _, sh := range []string{"dash", "bash"} {
		if _, err := exec.LookPath(sh); err != nil {
			continue
		}
		cmd := exec.Command(sh, "-n")
		cmd.Stdin = strings.NewReader(script)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s -n: %v\n%s", sh, err, out)
		}
	}
	for _, bad := range []DocumentSpec{{"dev", DefaultReleaseURL, nil}, {"1.2.3", "http://example.com", nil}, {"1.2.3", "https://x/'$(id)'", nil},
		{"1.2.3'; id", DefaultReleaseURL, nil}, {"1.2.3", "http://127.0.0.1.evil.com", nil}} {
		if err := bad.Validate(); !i18n.IsUsage(err) {
			t.Errorf("%+v accepted", bad)
		}
	}
	if err := (DocumentSpec{"1.2.3", "http://127.0.0.1:8080/r", nil}).Validate(); err != nil {
		t.Error(err)
	}
}

func TestResultLine(t *testing.T) {
	r := Result{Exit: 1, Step: "fetch-config", Summary: "bad\x1b[31m config\nline", Param: "/cwsetup/web:3"}
	line := r.Line()
	if strings.Count(line, "\n") != 1 || !strings.HasPrefix(line, `{"cwsetup_result":1,`) {
		t.Fatalf("%q", line)
	}
	got, ok := ParseResult("noise\n" + `{"cwsetup_result":1,"exit":0}` + "\n" + line)
	if !ok || got.Exit != 1 || got.Step != "fetch-config" || got.Summary != "bad [31m config line" || got.Param != "/cwsetup/web:3" {
		t.Errorf("%+v %v", got, ok)
	}
	if _, ok := ParseResult("no result here\n{\"other\":1}"); ok {
		t.Error("found a result in none")
	}
}

func TestParseTargetsOneModel(t *testing.T) {
	// Mixed kinds: the plan could not be what is sent.
	if _, err := ParseTargets([]string{"instanceids=i-0123456789abcdef0", "tag:Role=web"}); err == nil ||
		!strings.Contains(err.Error(), "cannot be combined") {
		t.Errorf("mixed targets: %v", err)
	}
	ids := make([]string, MaxInstanceIDs+1)
	for i := range ids {
		ids[i] = fmt.Sprintf("i-%017x", i)
	}
	if _, err := ParseTargets([]string{"instanceids=" + strings.Join(ids, ",")}); err == nil || !strings.Contains(err.Error(), "at most 50") {
		t.Errorf("51 ids: %v", err)
	}
	if ts, err := ParseTargets([]string{"instanceids=" + strings.Join(ids[:50], ",")}); err != nil || len(ts[0].Values) != 50 {
		t.Errorf("50 ids: %v", err)
	}
}

func TestInstanceStatusCategories(t *testing.T) {
	failed := Result{Exit: 1, Step: "fetch-config", Summary: "the agent rejected the config"}.Line()
	iv := map[string]*Invocation{
		"i-ok":      {Status: "Success", Code: 0, Stdout: Result{Summary: "config applied and verified"}.Line()},
		"i-fail":    {Status: "Failed", Code: 1, Stdout: failed},
		"i-install": {Status: "Failed", Code: 1, Stdout: Result{Exit: 1, Step: StepInstall, Summary: "checksum mismatch"}.Line()},
		"i-killed":  {Status: "Failed", Code: 137, Stderr: "line one\nKilled"},
		"i-timeout": {Status: "TimedOut", Code: -1},
		"i-running": {Status: "InProgress", Code: -1},
		// Recorded GetCommandInvocation shapes (moto always says Success):
		// Undeliverable, DeliveryTimedOut and Terminated are StatusDetails
		// values, never Status (types.CommandInvocationStatus has none).
		"i-undeliv":  {Status: "Failed", Details: "Undeliverable", Code: -1},
		"i-delivery": {Status: "TimedOut", Details: "DeliveryTimedOut", Code: -1},
		"i-term":     {Status: "Failed", Details: "Terminated", Code: -1},
		"i-exectime": {Status: "TimedOut", Details: "ExecutionTimedOut", Code: -1},
		// A Windows instance the document's precondition skipped: the agent
		// reports Success, exit 0, and prints why the step did not run.
		"i-windows": {Status: "Success", Details: "Success", Code: 0,
			Stdout: "Step execution skipped due to unsatisfied preconditions: '\"StringEquals\": [platformType, Linux]'. Step name: cwsetupApply\n"},
	}
	want := map[string][2]string{
		"i-ok": {CatOK, ""}, "i-fail": {CatFailed, "fetch-config"}, "i-install": {CatFailed, StepInstall},
		"i-killed": {CatFailed, stepNoResult}, "i-timeout": {CatFailed, stepTimedOut}, "i-running": {CatRunning, ""},
		"i-undeliv": {CatNotReached, StepUndeliverable}, "i-delivery": {CatNotReached, StepDeliveryTimedOut},
		"i-term": {CatNotReached, StepTerminated}, "i-exectime": {CatFailed, stepTimedOut}, "i-windows": {CatSkipped, ""},
	}
	for id, w := range want {
		inv := *iv[id]
		inv.InstanceID = id
		is, more := classify(inv)
		if is.Category != w[0] || is.Step != w[1] || more {
			t.Errorf("%s: %s/%s (more %v), want %s/%s", id, is.Category, is.Step, more, w[0], w[1])
		}
	}
	is, _ := classify(*iv["i-killed"])
	if is.Summary != "Killed" || is.Exit == nil || *is.Exit != 137 {
		t.Errorf("killed %+v", is)
	}
	if is, _ := classify(*iv["i-running"]); is.Exit != nil {
		t.Errorf("running instance has an exit code")
	}
	// Output cut at the list's 2,500 characters, no result line: ask
	// GetCommandInvocation.
	if _, more := classify(Invocation{Status: "Failed", Code: 1, Stdout: strings.Repeat("x", 2500), Truncated: true}); !more {
		t.Error("truncated output not re-read")
	}
	if !errors.Is(&NotFoundError{What: "x"}, ErrNotFound) {
		t.Error("NotFoundError is not ErrNotFound")
	}
}

// FuzzParseResult: whatever an instance printed, the parsed line is one
// line of bounded, control-free text, and a rendered line parses back.
func FuzzParseResult(f *testing.F) {
	f.Add(Result{Exit: 1, Step: "fetch-config", Summary: "rejected"}.Line())
	f.Add("noise\n{\"cwsetup_result\":1,\"exit\":0,\"summary\":\"\\u001b[2J\"}\n")
	f.Add("{\"cwsetup_result\":")
	f.Fuzz(func(t *testing.T, stdout string) {
		r, ok := ParseResult(stdout)
		if ok {
			for _, s := range []string{r.Summary, r.Step} {
				if strings.ContainsAny(s, "\n\r\x1b\x00") || len([]rune(s)) > maxSummary {
					t.Fatalf("unsafe field %q", s)
				}
			}
			back, ok := ParseResult(r.Line())
			if !ok || back.Exit != r.Exit || back.Summary != r.Summary {
				t.Fatalf("round trip %+v → %+v", r, back)
			}
		}
	})
}
