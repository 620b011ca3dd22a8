// Package agentschema validates a CloudWatch agent config against the
// agent's own JSON schema (draft-04), as its config-translator does in the
// first phase. cwsetup does not ship the schema: tests and the stand-in
// agent ctl read it from the reference folder, so this package (and its
// JSON-schema library) stays out of the cwsetup binary.
package agentschema

import (
	"bytes"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/cwsetup/cwsetup/i18n"
)

// Problem is one schema violation at a JSON pointer into the config.
type Problem struct {
	Path string
	Err  *i18n.Error
}

// String is the problem in the agent's wording ("Under path : … | Error : …").
func (p Problem) String() string { return p.Err.Error() }

func problem(path string, k i18n.Key, args ...any) Problem {
	return Problem{Path: path, Err: i18n.Errorf(k, args...)}
}

// Validate validates config against the agent's JSON schema
// (draft-04, the bytes of agent-config.schema.json) as the agent's
// config-translator does in its first phase. It returns nil when the
// config is valid; a schema that does not compile is a Problem at "/".
func Validate(schema, config []byte) []Problem {
	sch, err := compileSchema(schema)
	if err != nil {
		return []Problem{problem("/", i18n.ProbSchema, "/", "schema: "+err.Error())}
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(config))
	if err != nil {
		return []Problem{problem("/", i18n.ProbSchema, "/", "not JSON: "+err.Error())}
	}
	err = sch.Validate(inst)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return []Problem{problem("/", i18n.ProbSchema, "/", err.Error())}
	}
	// The leaves of the error tree say why; their parents (allOf, anyOf,
	// $ref) only say that a branch failed.
	pr := message.NewPrinter(language.English)
	var out []Problem
	seen := map[string]bool{}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		loc := "/" + strings.Join(escapePointer(e.InstanceLocation), "/")
		msg := e.ErrorKind.LocalizedString(pr)
		if !seen[loc+msg] {
			seen[loc+msg] = true
			out = append(out, problem(loc, i18n.ProbSchema, loc, msg))
		}
	}
	walk(ve)
	return out
}

// escapePointer escapes JSON pointer tokens (RFC 6901).
func escapePointer(tokens []string) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		out[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1")
	}
	return out
}

// compiled caches compiled schemas by their text: the stand-in ctl and the
// fuzz tests validate many configs against one schema.
var compiled sync.Map // string(schema) → *jsonschema.Schema

func compileSchema(schema []byte) (*jsonschema.Schema, error) {
	if s, ok := compiled.Load(string(schema)); ok {
		return s.(*jsonschema.Schema), nil
	}
	sv, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	if err := c.AddResource("agent-config.schema.json", sv); err != nil {
		return nil, err
	}
	sch, err := c.Compile("agent-config.schema.json")
	if err != nil {
		return nil, err
	}
	compiled.Store(string(schema), sch)
	return sch, nil
}
