package plan

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// Limits on an answers file, which in a fleet is written by someone else.
const (
	// MaxAnswersBytes bounds the file: a few hundred logs with every
	// option fit in well under 100 KiB.
	MaxAnswersBytes = 1 << 20
	// MaxLogs bounds the log entries. Each is a file the agent follows
	// with its own open file, reader and upload queue; past a few hundred
	// the agent starts slowly and spends its CPU on them, and a glob
	// serves many files of one log.
	MaxLogs = 1000
)

// ReadAnswers reads an answers file from r, at most MaxAnswersBytes: a
// larger file is refused after reading one byte past the limit, so a
// 100 MB file costs 1 MiB of memory, not the whole file. name is for the
// message (a path, or "-" for stdin).
func ReadAnswers(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxAnswersBytes+1))
	if err != nil {
		return nil, i18n.UsageErrorf(i18n.ErrAnswersRead, name, err)
	}
	if len(data) > MaxAnswersBytes {
		return nil, i18n.UsageErrorf(i18n.ErrAnswersTooLarge, name, MaxAnswersBytes>>10)
	}
	return data, nil
}

// CheckLogPath is the one validator of a log source path, for the answers
// file and the wizard's "add a path" alike: absolute, clean, printable, at
// most host.MaxPathLen bytes, no ".." segment (globs allowed), and none of
// the places cwsetup never reads (/proc, /sys, /dev, secret files, key
// material outside a log directory). key names the field in the message
// ("logs[3].path"). nil means the path is fine.
func CheckLogPath(key, p string) *i18n.Error {
	switch host.CheckLogPath(p) {
	case host.PathOK:
		return nil
	case host.PathEmpty:
		return i18n.UsageErrorf(i18n.AnsPathEmpty, key)
	case host.PathRelative:
		return i18n.UsageErrorf(i18n.AnsBadPath, key, p)
	case host.PathTooLong:
		return i18n.UsageErrorf(i18n.AnsPathTooLong, key, len(p), host.MaxPathLen)
	case host.PathControl:
		return i18n.UsageErrorf(i18n.AnsPathControl, key, p)
	case host.PathBadUTF8:
		return i18n.UsageErrorf(i18n.AnsPathUTF8, key, p)
	case host.PathDotDot:
		return i18n.UsageErrorf(i18n.AnsPathDotDot, key, p)
	case host.PathNotClean:
		return i18n.UsageErrorf(i18n.AnsPathNotClean, key, p, path.Clean(p))
	case host.PathPseudo:
		return i18n.UsageErrorf(i18n.AnsPathPseudo, key, p)
	case host.PathSecret:
		return i18n.UsageErrorf(i18n.AnsPathSecret, key, p)
	}
	return i18n.UsageErrorf(i18n.AnsPathKey, key, p)
}

// Load reads an answers file (YAML; JSON is accepted as YAML). Unknown keys
// and values of the wrong type are rejected with the key's path and line,
// then the answers are validated. Keys missing from the file keep the
// values of base (pass the detected defaults, or Answers{}).
func Load(data []byte, base Answers) (Answers, error) {
	if len(data) > MaxAnswersBytes {
		return Answers{}, i18n.UsageErrorf(i18n.ErrAnswersTooLarge, fmt.Sprintf("(%d bytes)", len(data)), MaxAnswersBytes>>10)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return Answers{}, i18n.UsageErrorf(i18n.ErrAnswersSyntax, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return Answers{}, i18n.UsageErrorf(i18n.ErrAnswersEmpty)
	}
	a := base
	// Lists in the file replace those of base rather than merging item by item.
	if err := decode(doc.Content[0], reflect.ValueOf(&a).Elem(), ""); err != nil {
		return Answers{}, err
	}
	if err := a.Validate(); err != nil {
		return Answers{}, err
	}
	return a, nil
}

// LoadFor reads an answers file over the detected defaults of the role it
// names (role overrides it when not ""; neither: the suggested role), so a
// file that says only "role: db-mysql" gets that preset's defaults.
func LoadFor(data []byte, r detect.Report, role Role) (Answers, error) {
	if role == "" && len(data) <= MaxAnswersBytes {
		role = SuggestRole(r)
		var peek struct {
			Role string `yaml:"role"`
		}
		if yaml.Unmarshal(data, &peek) == nil {
			if fileRole, ok := ParseRole(peek.Role); ok {
				role = fileRole
			}
		}
	}
	return Load(data, Defaults(r, role))
}

// Save writes answers as YAML, in field order, for --save-answers.
func Save(a Answers) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(a); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// decode fills v from n, naming the key path in errors.
func decode(n *yaml.Node, v reflect.Value, key string) error {
	if n.Kind == yaml.AliasNode {
		// Anchors are not needed in answers, and following them invites
		// exponential expansion.
		return wrongType(n, key, v)
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		v.Set(reflect.Zero(v.Type()))
		return nil
	}
	switch v.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return wrongType(n, key, v)
		}
		if err := dupKeys(n, key); err != nil {
			return err
		}
		fields := yamlFields(v.Type())
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			idx, ok := fields[k.Value]
			if !ok || k.Kind != yaml.ScalarNode {
				return i18n.UsageErrorf(i18n.AnsUnknownKey, join(key, k.Value), k.Line, strings.Join(fieldNames(v.Type()), ", "))
			}
			if k.Value == "logs" && val.Kind == yaml.SequenceNode && len(val.Content) > MaxLogs {
				return i18n.UsageErrorf(i18n.AnsTooManyLogs, len(val.Content), MaxLogs)
			}
			if err := decode(val, v.Field(idx), join(key, k.Value)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if err := decode(n, p.Elem(), key); err != nil {
			return err
		}
		v.Set(p)
		return nil
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return wrongType(n, key, v)
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			if err := decode(item, s.Index(i), fmt.Sprintf("%s[%d]", key, i)); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return wrongType(n, key, v)
		}
		if err := dupKeys(n, key); err != nil {
			return err
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return wrongType(k, key, reflect.New(v.Type().Key()).Elem())
			}
			e := reflect.New(v.Type().Elem()).Elem()
			if err := decode(val, e, join(key, k.Value)); err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(k.Value).Convert(v.Type().Key()), e)
		}
		v.Set(m)
		return nil
	}
	// Scalars: yaml decodes into a fresh value so a failure leaves v as is.
	if n.Kind != yaml.ScalarNode {
		return wrongType(n, key, v)
	}
	if v.Kind() == reflect.String && n.Tag != "!!str" && n.Tag != "!!int" && n.Tag != "!!float" && n.Tag != "!!bool" {
		return wrongType(n, key, v)
	}
	p := reflect.New(v.Type())
	if err := n.Decode(p.Interface()); err != nil {
		return wrongType(n, key, v)
	}
	v.Set(p.Elem())
	return nil
}

// dupKeys refuses a mapping that repeats a key: YAML says keys are unique,
// JSON leaves it open, and decoders differ on which value wins.
func dupKeys(n *yaml.Node, key string) error {
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		if first, dup := seen[k.Value]; dup {
			return i18n.UsageErrorf(i18n.AnsDupKey, join(key, k.Value), k.Line, k.Value, first)
		}
		seen[k.Value] = k.Line
	}
	return nil
}

func wrongType(n *yaml.Node, key string, v reflect.Value) error {
	want := map[reflect.Kind]i18n.Key{
		reflect.Struct: i18n.AnsTypeMapping, reflect.Map: i18n.AnsTypeMapping, reflect.Pointer: i18n.AnsTypeMapping,
		reflect.Slice: i18n.AnsTypeList, reflect.String: i18n.AnsTypeString, reflect.Int: i18n.AnsTypeNumber,
		reflect.Bool: i18n.AnsTypeBool,
	}[v.Kind()]
	if n.Kind == yaml.AliasNode {
		want = i18n.AnsTypeNoAnchor
	}
	got := n.Value
	switch n.Kind {
	case yaml.MappingNode:
		got = "{…}"
	case yaml.SequenceNode:
		got = "[…]"
	case yaml.AliasNode:
		got = "*" + n.Value
	}
	if key == "" {
		key = "(top)"
	}
	// The expected kind is a catalog error so it is shown in the user's language.
	return i18n.UsageErrorf(i18n.AnsWrongType, key, n.Line, i18n.Errorf(want), got)
}

func join(parent, k string) string {
	if parent == "" {
		return k
	}
	return parent + "." + k
}

// yamlFields maps yaml key → field index.
func yamlFields(t reflect.Type) map[string]int {
	m := map[string]int{}
	for i := range t.NumField() {
		if name := yamlName(t.Field(i)); name != "" {
			m[name] = i
		}
	}
	return m
}

func fieldNames(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		if name := yamlName(t.Field(i)); name != "" {
			out = append(out, name)
		}
	}
	return out
}

func yamlName(f reflect.StructField) string {
	tag := f.Tag.Get("yaml")
	name, _, _ := strings.Cut(tag, ",")
	if name == "-" || !f.IsExported() {
		return ""
	}
	if name == "" {
		name = strings.ToLower(f.Name)
	}
	return name
}
