package main

import (
	"errors"
	"os"
	"strings"

	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/render/agentschema"
)

type pathErr struct{ path, msg string }

// validateSchema checks the config against the agent's real schema, like
// config-translator's first phase, with cwsetup's render package: one
// error per failing leaf, at the instance's JSON pointer.
func validateSchema(data []byte) ([]pathErr, error) {
	schemaPath := os.Getenv(envSchema)
	if schemaPath == "" {
		return nil, errors.New(envSchema + " is not set: the stand-in needs the agent's schema file")
	}
	schema, err := os.ReadFile(schemaPath)
	if err != nil {
		return nil, err
	}
	var out []pathErr
	for _, p := range agentschema.Validate(schema, data) {
		msg := strings.TrimPrefix(p.String(), "Under path : "+p.Path+" | Error : ")
		out = append(out, pathErr{path: p.Path, msg: msg})
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
