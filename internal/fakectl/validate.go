package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/cwsetup/cwsetup/render"
)

type pathErr struct{ path, msg string }

// validateSchema checks the config against the agent's real schema, like
// config-translator's first phase, and returns one error per failing leaf
// with the instance's JSON pointer. (render.ValidateAgainstSchema is not
// used here: at the time of writing it reports every schema error as one
// problem at "/", and the agent reports each at its own path.)
func validateSchema(data []byte) ([]pathErr, error) {
	schemaPath := os.Getenv(envSchema)
	if schemaPath == "" {
		return nil, errors.New(envSchema + " is not set: the stand-in needs the agent's schema file")
	}
	sf, err := os.Open(schemaPath)
	if err != nil {
		return nil, err
	}
	defer sf.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(sf)
	if err != nil {
		return nil, fmt.Errorf("schema %s: %v", schemaPath, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	if err := c.AddResource("agent-config.schema.json", schemaDoc); err != nil {
		return nil, err
	}
	sch, err := c.Compile("agent-config.schema.json")
	if err != nil {
		return nil, err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return []pathErr{{path: "", msg: "invalid JSON: " + err.Error()}}, nil
	}
	err = sch.Validate(inst)
	var ve *jsonschema.ValidationError
	if err == nil {
		return nil, nil
	}
	if !errors.As(err, &ve) {
		return nil, err
	}
	var out []pathErr
	seen := map[string]bool{}
	pr := message.NewPrinter(language.English)
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		p := ""
		if len(e.InstanceLocation) > 0 {
			p = "/" + strings.Join(e.InstanceLocation, "/")
		}
		msg := e.ErrorKind.LocalizedString(pr)
		if k := p + "|" + msg; !seen[k] {
			seen[k] = true
			out = append(out, pathErr{path: p, msg: msg})
		}
	}
	walk(ve)
	if len(out) == 0 {
		out = append(out, pathErr{path: "", msg: ve.Error()})
	}
	return out, nil
}

// translatorRules are the config-translator's checks beyond the schema,
// as cwsetup's render package implements them (reference/agent-config.md).
func translatorRules(data []byte) []pathErr {
	var out []pathErr
	for _, p := range render.TranslatorRules(data) {
		out = append(out, pathErr{path: p.Path, msg: p.String()})
	}
	return out
}
