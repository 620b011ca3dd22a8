package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// Merge renders the answers into an existing config.json, keeping what
// cwsetup does not manage: other agent keys (logfile, debug, credentials),
// other metric inputs (statsd, collectd, …), other log inputs and logs keys,
// traces, and every collect_list entry that is not cwsetup's. An entry is
// cwsetup's when its file is one the answers ship, its log group is one of
// theirs, or it has the shape of a cwsetup entry under their prefix (left
// from an earlier run; see ownership.owns). Kept
// values are copied token for token; keys keep their order, new ones are
// appended. An empty existing config gives AgentConfig(a).
func Merge(existing []byte, a plan.Answers) ([]byte, error) {
	fresh, err := AgentConfig(a)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(existing)) == 0 {
		return fresh, nil
	}
	old, err := parseObject(existing)
	if err != nil {
		return nil, err
	}
	nw, err := parseObject(fresh)
	if err != nil {
		return nil, err
	}
	own := ownership{paths: map[string]bool{}, groups: map[string]bool{}, prefix: a.GroupPrefix() + "/"}
	for _, l := range a.Logs {
		if l.Path != "" {
			own.paths[l.Path] = true
		}
		own.groups[a.GroupName(l)] = true
	}

	out := object{}
	for _, m := range old {
		switch m.Key {
		case "agent":
			v, err := mergeAgent(m.Val, nw.get("agent"))
			if err != nil {
				return nil, err
			}
			out = out.set("agent", v)
		case "metrics":
			v, err := mergeMetrics(m.Val, nw.get("metrics"))
			if err != nil {
				return nil, err
			}
			out = out.set("metrics", v)
		case "logs":
			v, err := mergeLogs(m.Val, nw.get("logs"), own)
			if err != nil {
				return nil, err
			}
			out = out.set("logs", v)
		default:
			out = out.set(m.Key, m.Val)
		}
	}
	for _, m := range nw {
		if out.get(m.Key) == nil && old.get(m.Key) == nil {
			out = out.set(m.Key, m.Val)
		}
	}
	return out.indent()
}

type ownership struct {
	paths, groups map[string]bool
	prefix        string
}

// owns: the entry ships a file the answers ship, or to a group they ship
// to, or it has the exact shape cwsetup gives its own entries under the
// prefix (<prefix>/<service>/<name of the file>, a detected service) —
// left from an earlier run for a log no longer chosen. A user's own
// entry under the same prefix (/ec2/shop/app) does not have that shape.
func (o ownership) owns(e object) bool {
	var path, group string
	_ = json.Unmarshal(e.get("file_path"), &path)
	_ = json.Unmarshal(e.get("log_group_name"), &group)
	if (path != "" && o.paths[path]) || o.groups[group] {
		return true
	}
	rest, ok := strings.CutPrefix(group, o.prefix)
	if !ok || o.prefix == "/" {
		return false
	}
	service, name, _ := strings.Cut(rest, "/")
	if !slices.Contains(cwsetupServices, service) {
		return false
	}
	if path == "" { // a journal entry
		return service == detect.System && (name == "messages" || name == "secure")
	}
	return name == plan.LogName(path)
}

// cwsetupServices are the service parts of the group names cwsetup makes.
var cwsetupServices = []string{detect.System, detect.Apache, detect.Nginx, detect.PHPFPM, detect.Tomcat,
	detect.MySQL, detect.PostgreSQL, detect.Redis}

// managed agent keys: cwsetup sets them when the answers have a value and
// otherwise leaves the user's (a region set by hand stays).
var agentKeys = []string{"metrics_collection_interval", "region", "run_as_user"}

func mergeAgent(old, fresh json.RawMessage) (json.RawMessage, error) {
	o, err := parseObject(old)
	if err != nil {
		return nil, err
	}
	f, _ := parseObject(orEmpty(fresh))
	for _, k := range agentKeys {
		if v := f.get(k); v != nil {
			o = o.set(k, v)
		}
	}
	return o.compact()
}

var metricKeys = []string{"cpu", "disk", "mem", "swap", "procstat"}

func mergeMetrics(old, fresh json.RawMessage) (json.RawMessage, error) {
	o, err := parseObject(old)
	if err != nil {
		return nil, err
	}
	f, _ := parseObject(orEmpty(fresh))
	oc, err := parseObject(orEmpty(o.get("metrics_collected")))
	if err != nil {
		return nil, err
	}
	fc, _ := parseObject(orEmpty(f.get("metrics_collected")))
	mc := replaceKeys(oc, fc, metricKeys)
	if len(mc) == 0 {
		return nil, nil // nothing left to collect: drop the section
	}
	raw, err := mc.compact()
	if err != nil {
		return nil, err
	}
	o = o.set("metrics_collected", raw)
	if fresh != nil {
		o = replaceKeys(o, f, []string{"append_dimensions"})
	}
	return o.compact()
}

func mergeLogs(old, fresh json.RawMessage, own ownership) (json.RawMessage, error) {
	o, err := parseObject(old)
	if err != nil {
		return nil, err
	}
	f, _ := parseObject(orEmpty(fresh))
	oc, err := parseObject(orEmpty(o.get("logs_collected")))
	if err != nil {
		return nil, err
	}
	fc, _ := parseObject(orEmpty(f.get("logs_collected")))
	for _, input := range []string{"files", "journald"} {
		list, err := mergeCollectList(oc.get(input), fc.get(input), own)
		if err != nil {
			return nil, err
		}
		oc = oc.set(input, list)
	}
	if len(oc) == 0 {
		return nil, nil
	}
	raw, err := oc.compact()
	if err != nil {
		return nil, err
	}
	o = o.set("logs_collected", raw)
	if fresh != nil {
		o = replaceKeys(o, f, []string{"log_stream_name"})
	}
	return o.compact()
}

// mergeCollectList puts cwsetup's entries first, then the foreign ones in
// their old order.
func mergeCollectList(old, fresh json.RawMessage, own ownership) (json.RawMessage, error) {
	var oldList, freshList []json.RawMessage
	oo, err := parseObject(orEmpty(old))
	if err != nil {
		return nil, err
	}
	if raw := oo.get("collect_list"); raw != nil {
		if err := json.Unmarshal(raw, &oldList); err != nil {
			return nil, err
		}
	}
	fo, _ := parseObject(orEmpty(fresh))
	if raw := fo.get("collect_list"); raw != nil {
		_ = json.Unmarshal(raw, &freshList)
	}
	list := slices.Clone(freshList)
	for _, e := range oldList {
		eo, err := parseObject(e)
		if err != nil || !own.owns(eo) {
			list = append(list, e)
		}
	}
	if len(list) == 0 {
		return nil, nil // the input is dropped: an empty collect_list is invalid
	}
	raw, err := marshalList(list)
	if err != nil {
		return nil, err
	}
	return oo.set("collect_list", raw).compact()
}

// replaceKeys sets each of keys in o to its value in f, or removes it.
func replaceKeys(o, f object, keys []string) object {
	for _, k := range keys {
		o = o.set(k, f.get(k))
	}
	return o
}

func orEmpty(r json.RawMessage) json.RawMessage {
	if r == nil {
		return json.RawMessage("{}")
	}
	return r
}

// object is a JSON object that keeps its key order and raw values.
type object []member

type member struct {
	Key string
	Val json.RawMessage
}

var errNotObject = errors.New("not a JSON object")

func parseObject(data []byte) (object, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, errNotObject
	}
	var o object
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		o = o.set(k, v) // a repeated key: the last value wins, as in the agent
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, errors.New("data after the JSON object")
	}
	return o, nil
}

func (o object) get(k string) json.RawMessage {
	for _, m := range o {
		if m.Key == k {
			return m.Val
		}
	}
	return nil
}

// set replaces k's value in place, appends a new k, or removes k for nil.
func (o object) set(k string, v json.RawMessage) object {
	i := slices.IndexFunc(o, func(m member) bool { return m.Key == k })
	switch {
	case v == nil && i >= 0:
		return slices.Delete(slices.Clone(o), i, i+1)
	case v == nil:
		return o
	case i >= 0:
		o = slices.Clone(o)
		o[i].Val = v
		return o
	}
	return append(o, member{k, v})
}

// compact writes o as compact JSON, values copied as they are.
func (o object) compact() (json.RawMessage, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := writeString(&b, m.Key); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		if err := json.Compact(&b, m.Val); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// indent is the final form: 2-space indent and a trailing newline.
func (o object) indent() ([]byte, error) {
	c, err := o.compact()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, c, "", "  "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func marshalList(l []json.RawMessage) (json.RawMessage, error) {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, v := range l {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := json.Compact(&b, v); err != nil {
			return nil, err
		}
	}
	b.WriteByte(']')
	return b.Bytes(), nil
}

func writeString(b *bytes.Buffer, s string) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // Encode's newline
	return nil
}
