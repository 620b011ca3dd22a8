package aws

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
	"github.com/cwsetup/cwsetup/wizard/alarms"
)

// moto has no TestMetricFilter (HTTP 500 NotImplementedError): the check
// is skipped with that reason, after one call.
func TestPatternTesterMoto(t *testing.T) {
	testpeer.MotoServer(t)
	cfg, err := Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	res := alarms.CheckPatterns(context.Background(), NewPatternTester(cfg))
	for _, r := range res {
		if !errors.Is(r.Skipped, alarms.ErrNotImplemented) {
			t.Errorf("%s: %v", r.Check, r.Skipped)
		}
	}
	if msg := i18n.New(i18n.KO).Error(res[0].Skipped); !strings.Contains(msg, "TestMetricFilter를 지원하지 않습니다") {
		t.Errorf("Korean reason: %s", msg)
	}
}

// replayLogs answers TestMetricFilter in the shape CloudWatch Logs does
// (JSON 1.1: {"matches":[{"eventNumber":n,"eventMessage":…,
// "extractedValues":{}}]}, event numbers from 1), with recorded answers:
// for each shipped pattern, the sample lines AWS counts. moto cannot
// evaluate patterns, so this stands in for AWS. drop removes the match of
// lines containing it; deny answers AccessDeniedException.
func replayLogs(t *testing.T, drop string, deny bool) string {
	recorded := map[string][]int{}
	for _, c := range alarms.Checks {
		for i, s := range alarms.Samples {
			if s.Counts == c.ID {
				recorded[c.Pattern] = append(recorded[c.Pattern], i+1)
			}
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			FilterPattern    string   `json:"filterPattern"`
			LogEventMessages []string `json:"logEventMessages"`
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || len(in.LogEventMessages) == 0 {
			http.Error(w, `{"__type":"InvalidParameterException","message":"bad request"}`, http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.Header().Set("x-amzn-RequestId", "5f2c1e3a-0000-4000-8000-000000000000")
		if deny {
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte(`{"__type":"AccessDeniedException","message":"User: arn:aws:iam::123456789012:user/ops is not authorized to perform: logs:TestMetricFilter"}`))
			return
		}
		type match struct {
			EventNumber     int               `json:"eventNumber"`
			EventMessage    string            `json:"eventMessage"`
			ExtractedValues map[string]string `json:"extractedValues"`
		}
		out := struct {
			Matches []match `json:"matches"`
		}{Matches: []match{}}
		for _, n := range recorded[in.FilterPattern] {
			if m := in.LogEventMessages[n-1]; drop == "" || !strings.Contains(m, drop) {
				out.Matches = append(out.Matches, match{n, m, map[string]string{}})
			}
		}
		json.NewEncoder(w).Encode(out)
	}))
	t.Cleanup(srv.Close)
	testpeer.SetAWSEnv(t, srv.URL)
	return srv.URL
}

func TestPatternTesterRecorded(t *testing.T) {
	ctx := context.Background()
	replayLogs(t, "", false)
	cfg, err := Load(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range alarms.CheckPatterns(ctx, NewPatternTester(cfg)) {
		if !r.OK() {
			t.Errorf("%s: %+v", r.Check, r)
		}
	}

	replayLogs(t, "authenticating user daemon", false)
	cfg, _ = Load(ctx, "")
	res := alarms.CheckPatterns(ctx, NewPatternTester(cfg))
	if res[0].OK() || len(res[0].Missed) != 1 || !res[1].OK() {
		t.Errorf("one line not counted: %+v", res)
	}

	replayLogs(t, "", true)
	cfg, _ = Load(ctx, "")
	res = alarms.CheckPatterns(ctx, NewPatternTester(cfg))
	if key(res[0].Skipped) != i18n.AlarmPatternsDenied || key(res[1].Skipped) != i18n.AlarmPatternsDenied {
		t.Errorf("denied: %v", res[0].Skipped)
	}
}
