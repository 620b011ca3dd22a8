package detect

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// OSReleaseError says which line of os-release is not an assignment.
type OSReleaseError struct {
	Line int
	Text string
}

func (e *OSReleaseError) Error() string {
	return fmt.Sprintf("line %d is not KEY=value: %q", e.Line, e.Text)
}

// ParseOSRelease reads os-release(5): KEY=value lines, values optionally
// quoted with shell escapes, # comments. Any other line, or a file without
// ID, is an error: what follows from a misread OS would be wrong.
func ParseOSRelease(data []byte) (OS, map[string]string, error) {
	if !utf8.Valid(data) {
		return OS{}, nil, &OSReleaseError{Line: firstInvalidLine(data), Text: "(not UTF-8 text)"}
	}
	kv := map[string]string{}
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l[0] == '#' {
			continue
		}
		k, v, ok := strings.Cut(l, "=")
		if !ok || !validKey(k) {
			return OS{}, nil, &OSReleaseError{Line: i + 1, Text: clip(l)}
		}
		val, ok := unquoteShell(v)
		if !ok {
			return OS{}, nil, &OSReleaseError{Line: i + 1, Text: clip(l)}
		}
		kv[k] = val
	}
	if kv["ID"] == "" {
		return OS{}, nil, &OSReleaseError{Line: 0, Text: "no ID="}
	}
	os := OS{ID: kv["ID"], VersionID: kv["VERSION_ID"], PrettyName: kv["PRETTY_NAME"]}
	os.Family = family(os.ID, strings.Fields(kv["ID_LIKE"]))
	return os, kv, nil
}

func family(id string, like []string) string {
	is := func(names ...string) bool {
		for _, n := range names {
			if id == n {
				return true
			}
			for _, l := range like {
				if l == n {
					return true
				}
			}
		}
		return false
	}
	switch {
	case id == "amzn":
		return "amzn"
	case is("rhel", "centos", "fedora"):
		return "rhel"
	case is("debian", "ubuntu"):
		return "debian"
	}
	return ""
}

func validKey(k string) bool {
	if k == "" {
		return false
	}
	for i, c := range k {
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// unquoteShell undoes the quoting os-release allows: "…" with \" \\ \$ \`
// escapes, '…' literal, or a bare word.
func unquoteShell(v string) (string, bool) {
	if v == "" {
		return "", true
	}
	switch v[0] {
	case '\'':
		if len(v) < 2 || v[len(v)-1] != '\'' || strings.Contains(v[1:len(v)-1], "'") {
			return "", false
		}
		return v[1 : len(v)-1], true
	case '"':
		if len(v) < 2 || v[len(v)-1] != '"' {
			return "", false
		}
		var b strings.Builder
		in := v[1 : len(v)-1]
		for i := 0; i < len(in); i++ {
			c := in[i]
			if c == '\\' && i+1 < len(in) && strings.IndexByte("\"\\$`", in[i+1]) >= 0 {
				i++
				c = in[i]
			} else if c == '"' {
				return "", false
			}
			b.WriteByte(c)
		}
		return b.String(), true
	}
	if strings.ContainsAny(v, " \t\"'`$\\") {
		return "", false
	}
	return v, true
}

func firstInvalidLine(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[n:]
	}
	return line
}

func clip(s string) string { return clipN(s, 60) }

// clipN shortens s to n runes for messages.
func clipN(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
