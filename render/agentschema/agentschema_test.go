package agentschema

import (
	"os"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/internal/testpeer"
)

func TestValidateBadInput(t *testing.T) {
	schema, err := os.ReadFile(testpeer.Shared(t, "reference/agent-config.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string][2]string{
		"schema not JSON": {"{", "{}"},
		"config not JSON": {string(schema), "{"},
		"bad schema":      {`{"type": 5}`, "{}"},
	} {
		p := Validate([]byte(c[0]), []byte(c[1]))
		if len(p) != 1 || p[0].Path != "/" {
			t.Errorf("%s: %v", name, p)
		}
	}
	// The schema accepts an empty object, and so must Validate.
	if p := Validate(schema, []byte("{}")); p != nil {
		t.Errorf("{}: %v", p)
	}
	if p := Validate(schema, []byte(`{"logs": {}}`)); p == nil {
		t.Error(`{"logs": {}} lacks logs_collected, the schema must say so`)
	} else if !strings.Contains(p[0].String(), "Under path : /logs") {
		t.Errorf("agent-style message: %s", p[0].String())
	}
}
