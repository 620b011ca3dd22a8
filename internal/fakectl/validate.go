package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

type pathErr struct{ path, msg string }

// validateSchema checks the config against the agent's real schema, like
// config-translator's first phase, and returns one error per failing leaf
// with the instance's JSON pointer.
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

// translatorRules are the config-translator's checks beyond the schema
// (reference/agent-config.md).
func translatorRules(data []byte) []pathErr {
	type entry struct {
		LogGroupName    string `json:"log_group_name"`
		RetentionInDays *int   `json:"retention_in_days"`
		LogGroupClass   string `json:"log_group_class"`
		Encoding        string `json:"encoding"`
		TimestampFormat string `json:"timestamp_format"`
	}
	var doc struct {
		Logs struct {
			Collected struct {
				Files struct {
					List []entry `json:"collect_list"`
				} `json:"files"`
				Journald struct {
					List []entry `json:"collect_list"`
				} `json:"journald"`
			} `json:"logs_collected"`
		} `json:"logs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return []pathErr{{msg: err.Error()}}
	}
	var out []pathErr
	retention := map[string]int{}
	class := map[string]string{}
	check := func(section string, list []entry) {
		for i, e := range list {
			base := fmt.Sprintf("/logs/logs_collected/%s/collect_list/%d", section, i)
			if e.RetentionInDays != nil && *e.RetentionInDays != 0 {
				if r, ok := retention[e.LogGroupName]; ok && r != *e.RetentionInDays {
					out = append(out, pathErr{base + "/retention_in_days", "Different retention_in_days values can't be set for the same log group: " + e.LogGroupName})
				}
				retention[e.LogGroupName] = *e.RetentionInDays
			}
			if e.LogGroupClass != "" {
				if c, ok := class[e.LogGroupName]; ok && c != e.LogGroupClass {
					out = append(out, pathErr{base + "/log_group_class", "Different log_group_class values can't be set for the same log group: " + e.LogGroupName})
				}
				class[e.LogGroupName] = e.LogGroupClass
			}
			if e.Encoding != "" && !knownEncoding(e.Encoding) {
				out = append(out, pathErr{base + "/encoding", fmt.Sprintf("Encoding %s is an invalid value.", e.Encoding)})
			}
			if e.TimestampFormat != "" {
				if _, err := regexp.Compile(agentTimestampRegex(e.TimestampFormat)); err != nil {
					out = append(out, pathErr{base + "/timestamp_format", fmt.Sprintf("Timestamp format %s is invalid", e.TimestampFormat)})
				}
			}
		}
	}
	check("files", doc.Logs.Collected.Files.List)
	check("journald", doc.Logs.Collected.Journald.List)
	return out
}

func knownEncoding(e string) bool {
	switch strings.ToLower(e) {
	case "utf-8", "utf8", "ascii", "us-ascii", "utf-16", "utf-16le", "utf-16be", "gbk", "gb18030", "big5",
		"euc-kr", "euc-jp", "shift_jis", "iso-8859-1", "latin1", "windows-1252", "windows-1251", "koi8-r":
		return true
	}
	return false
}

// agentTimestampRegex converts a timestamp_format the way the agent does:
// known directives become regexes, everything else is escaped literally.
func agentTimestampRegex(f string) string {
	dirs := map[string]string{
		"%Y": `\d{4}`, "%y": `\d{2}`, "%m": `\s{0,1}\d{1,2}`, "%-m": `\s{0,1}\d{1,2}`,
		"%b": `\w{3}`, "%B": `\w{7}`, "%d": `\s{0,1}\d{1,2}`, "%-d": `\s{0,1}\d{1,2}`,
		"%a": `\w{3}`, "%A": `\w{6,9}`, "%H": `\d{2}`, "%I": `\d{2}`, "%-I": `\d{1,2}`,
		"%p": `\w{2}`, "%M": `\d{2}`, "%-M": `\d{1,2}`, "%S": `\d{2}`, "%-S": `\d{1,2}`,
		"%f": `(\d{1,9})`, "%z": `[+-]\d{4}`, "%Z": `\w{3}`,
	}
	keys := make([]string, 0, len(dirs))
	for k := range dirs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return len(keys[i]) > len(keys[j]) })
	var b strings.Builder
	for i := 0; i < len(f); {
		matched := false
		for _, k := range keys {
			if strings.HasPrefix(f[i:], k) {
				b.WriteString(dirs[k])
				i += len(k)
				matched = true
				break
			}
		}
		if !matched {
			b.WriteString(regexp.QuoteMeta(f[i : i+1]))
			i++
		}
	}
	return b.String()
}
