package fleet

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode"
)

// ResultKey starts the machine-readable line `cwsetup apply` prints last on
// stdout under --answers-ssm (and the document prints when it cannot
// install cwsetup). Run Command keeps the first 24,000 characters of
// stdout, and apply writes everything meant for a person to stderr, so
// the line is always within them.
const ResultKey = "cwsetup_result"

// ResultVersion is the line's format version.
const ResultVersion = 1

// Result is one instance's outcome, as its last stdout line says.
type Result struct {
	Version int    `json:"cwsetup_result"`
	Exit    int    `json:"exit"`
	Step    string `json:"step,omitempty"`    // where it failed: install-cwsetup, answers, lock, install, write, fetch-config, status, verify
	Summary string `json:"summary,omitempty"` // one line, English
	Param   string `json:"answers,omitempty"` // name:version that was applied
}

// OK reports success.
func (r Result) OK() bool { return r.Exit == 0 }

// maxSummary bounds the summary so the line stays short.
const maxSummary = 300

// Line renders the result as one line of JSON (with its newline).
func (r Result) Line() string {
	r.Version = ResultVersion
	r.Summary = oneLine(r.Summary, maxSummary)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(r)
	return b.String()
}

// ParseResult finds the last result line in stdout.
func ParseResult(stdout string) (*Result, bool) {
	lines := strings.Split(strings.TrimRight(stdout, "\n"), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(l, `{"`+ResultKey+`":`) {
			continue
		}
		var r Result
		if json.Unmarshal([]byte(l), &r) == nil && r.Version >= 1 {
			r.Summary = oneLine(r.Summary, maxSummary)
			r.Step = oneLine(r.Step, 40)
			return &r, true
		}
	}
	return nil, false
}

// oneLine drops control characters (host content is hostile) and bounds s.
func oneLine(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		s = string(r[:n-1]) + "…"
	}
	return s
}
