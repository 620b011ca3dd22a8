package plan

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
)

// endlessAnswers is a 100 MB answers file generated as it is read, which
// counts how much of it was read.
type endlessAnswers struct {
	size, read int64
}

func (e *endlessAnswers) Read(p []byte) (int, error) {
	if e.read >= e.size {
		return 0, io.EOF
	}
	n := min(int64(len(p)), e.size-e.read)
	const line = "  - {service: s, name: n, path: /var/log/x.log}\n"
	for i := range p[:n] {
		p[i] = line[(e.read+int64(i))%int64(len(line))]
	}
	e.read += n
	return int(n), nil
}

func TestReadAnswers100MB(t *testing.T) {
	src := &endlessAnswers{size: 100 << 20}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	data, err := ReadAnswers(src, "big.yaml")
	runtime.ReadMemStats(&after)
	if data != nil || !i18n.IsUsage(err) || !strings.Contains(err.Error(), "larger than 1024 KiB") {
		t.Fatalf("ReadAnswers = %d bytes, %v; want refused", len(data), err)
	}
	// Refused after one byte past the limit: the rest is never read.
	if src.read > MaxAnswersBytes+64<<10 {
		t.Errorf("read %d bytes of a 100 MB file; want about %d", src.read, MaxAnswersBytes+1)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 8<<20 {
		t.Errorf("allocated %d bytes reading a refused file", grew)
	}
	// The Korean message too.
	if ko := i18n.New(i18n.KO).Error(err); !strings.Contains(ko, "1024 KiB") || !strings.Contains(ko, "big.yaml") {
		t.Errorf("ko: %s", ko)
	}
	// Load refuses oversized data handed to it directly, before parsing.
	if _, err := Load(make([]byte, MaxAnswersBytes+1), Answers{}); !i18n.IsUsage(err) {
		t.Errorf("Load of %d bytes: %v", MaxAnswersBytes+1, err)
	}
	// At the limit a file is read whole.
	ok := strings.Repeat("#\n", MaxAnswersBytes/2)
	if data, err := ReadAnswers(strings.NewReader(ok), "ok.yaml"); err != nil || len(data) != MaxAnswersBytes {
		t.Errorf("1 MiB file: %d bytes, %v", len(data), err)
	}
}

func TestTooManyLogs(t *testing.T) {
	var b strings.Builder
	b.WriteString("role: base\nlogs:\n")
	for i := range MaxLogs + 1 {
		fmt.Fprintf(&b, "  - {service: app, name: l%d, path: /var/log/app/%d.log}\n", i, i)
	}
	_, err := Load([]byte(b.String()), Answers{})
	if !i18n.IsUsage(err) || !strings.Contains(err.Error(), "1001 entries; at most 1000") {
		t.Fatalf("Load of %d logs: %v", MaxLogs+1, err)
	}
	// Answers filled another way (the wizard) are held to the same bound.
	a := Answers{Role: RoleBase}
	for i := range MaxLogs + 1 {
		a.Logs = append(a.Logs, LogSource{Service: "app", Name: fmt.Sprint(i), Path: fmt.Sprintf("/var/log/%d.log", i)})
	}
	if p := a.Problems(); len(p) != 1 || p[0].Key != i18n.AnsTooManyLogs {
		t.Errorf("problems: %v", p)
	}
}

func TestDuplicateKeys(t *testing.T) {
	for _, c := range []struct{ name, doc, want string }{
		{"top yaml", "role: base\nmetrics: {enabled: true, collect: [mem]}\nrole: web-apache\n",
			`role (line 3): the key "role" appears again (first at line 1)`},
		{"nested yaml", "metrics:\n  enabled: true\n  collect: [mem]\n  enabled: false\n",
			`metrics.enabled (line 4): the key "enabled" appears again (first at line 2)`},
		{"in a log", "logs:\n  - service: a\n    name: b\n    path: /var/log/a.log\n    path: /etc/shadow\n",
			`logs[0].path (line 5): the key "path" appears again (first at line 4)`},
		{"journal match", "logs:\n  - {service: a, name: b, journal: {matches: [{_COMM: x, _COMM: y}]}}\n",
			`logs[0].journal.matches[0]._COMM (line 2)`},
		{"json", "{\"role\": \"base\",\n \"metrics\": {\"enabled\": true, \"collect\": [\"mem\"]},\n \"role\": \"db-mysql\"}\n",
			`role (line 3): the key "role" appears again (first at line 1)`},
	} {
		_, err := Load([]byte(c.doc), Answers{})
		if !i18n.IsUsage(err) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v\nwant %s", c.name, err, c.want)
		}
	}
}

func TestAnswersPathValidation(t *testing.T) {
	for _, c := range []struct {
		path string
		key  i18n.Key
	}{
		{"var/log/x", i18n.AnsBadPath},
		{"/var/log/a\x00b", i18n.AnsPathControl},
		{"/var/log/a\nb", i18n.AnsPathControl},
		{"/var/log/\x1b]0;x\x07", i18n.AnsPathControl},
		{"/var/log/../../etc/passwd", i18n.AnsPathDotDot},
		{"/var/log//x", i18n.AnsPathNotClean},
		{"/var/log/" + strings.Repeat("x", 4096), i18n.AnsPathTooLong},
		{"/proc/self/environ", i18n.AnsPathPseudo},
		{"/dev/mem", i18n.AnsPathPseudo},
		{"/sys/kernel/x", i18n.AnsPathPseudo},
		{"/etc/shadow", i18n.AnsPathSecret},
		{"/etc/gshadow", i18n.AnsPathSecret},
		{"/root/.aws/credentials", i18n.AnsPathSecret},
		{"/etc/ssh/ssh_host_ed25519_key", i18n.AnsPathSecret},
		{"/home/*/.ssh/id_*", i18n.AnsPathSecret},
		{"/opt/app/conf/app.key", i18n.AnsPathKey},
	} {
		a := Answers{Logs: []LogSource{{Service: "custom", Name: "x", Path: c.path}}}
		err := a.Validate()
		var e *i18n.Error
		if !errors.As(err, &e) || e.Key != c.key || !e.Usage {
			t.Errorf("%q: %v, want %s", c.path, err, c.key)
			continue
		}
		for _, l := range i18n.Langs {
			msg := i18n.New(l).Error(err)
			if strings.ContainsAny(msg, "\x00\x1b\n") || !strings.HasPrefix(msg, "logs[0].path") {
				t.Errorf("%s message for %q: %q", l, c.path, msg)
			}
		}
	}
	// The wizard's validator is the same function.
	if CheckLogPath("path", "/var/log/myapp/*.log") != nil || CheckLogPath("path", "/etc/sha*") == nil {
		t.Error("CheckLogPath")
	}
}

func TestMultiLineTimestampFormatWhole(t *testing.T) {
	base := LogSource{Service: "s", Name: "n", Path: "/var/log/x.log", TimestampFormat: "%Y-%m-%d %H:%M:%S"}
	for _, c := range []struct {
		pattern string
		key     i18n.Key
	}{
		{"{timestamp_format}", ""},
		{"^\\d{4}-", ""},
		{"^{timestamp_format}", i18n.AnsMultiTSPart},
		{"{timestamp_format} ERROR", i18n.AnsMultiTSPart},
		{"^(unclosed", i18n.AnsBadRegex},
		{"(?=lookahead)", i18n.AnsBadRegex}, // RE2 has no lookaround, nor has the agent
	} {
		l := base
		l.MultiLineStart = c.pattern
		err := Answers{Logs: []LogSource{l}}.Validate()
		var e *i18n.Error
		switch {
		case c.key == "" && err != nil:
			t.Errorf("%q: %v", c.pattern, err)
		case c.key != "" && (!errors.As(err, &e) || e.Key != c.key):
			t.Errorf("%q: %v, want %s", c.pattern, err, c.key)
		}
	}
}
