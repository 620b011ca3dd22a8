package agent

import (
	"strings"
	"testing"
)

// FuzzParseFailure: any ctl output classifies into a known kind and
// every path error has the shape the agent prints.
func FuzzParseFailure(f *testing.F) {
	f.Add("2026/11/25 07:35:39 E! Invalid Json input schema.\n2026/11/25 07:35:39 Under path : /logs/x | Error : bad\n")
	f.Add("Configuration validation second phase failed\n======== Error Log ========\nE! boom\n")
	f.Add("Configuration validation succeeded\nJob for amazon-cloudwatch-agent.service failed\n")
	f.Add("E! Please make sure the credentials and region set correctly on your hosts.\n")
	f.Add("first phase failed. Agent version: 1.2. Verify\n")
	f.Fuzz(func(t *testing.T, out string) {
		fl := ParseFailure(&CtlRun{Output: out, Exit: 1})
		switch fl.Kind {
		case FailSchema, FailTranslator, FailCredentials, FailSecondPhase, FailStart, FailUnknown:
		default:
			t.Fatalf("kind %q", fl.Kind)
		}
		for _, e := range fl.Errors {
			if strings.Contains(e.Path, " ") {
				t.Fatalf("path with a space: %q", e.Path)
			}
		}
		if len(fl.Explain()) == 0 {
			t.Fatal("no explanation")
		}
		ParseStatus(out)
	})
}
