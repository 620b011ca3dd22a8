package render

import (
	"strings"
	"unicode/utf8"
)

// TermSafe is the one sanitizer for host-derived text (log lines, paths,
// os-release values, config values, agent output, answers) on its way to
// a terminal, in the text output and in the TUI. It removes escape
// sequences whole (CSI "ESC [ … final", OSC "ESC ] … BEL or ESC \",
// DCS/SOS/PM/APC "… ESC \", and two-byte "ESC x"), every other C0 control
// but tab and newline (carriage return, backspace and bell included), DEL,
// the C1 controls U+0080–U+009F (U+009B is a one-byte CSI), and the bidi
// controls that reorder what is shown (U+202A–U+202E, U+2066–U+2069).
// Invalid UTF-8 becomes U+FFFD. Text without any of these is returned as
// is, so sanitizing twice changes nothing. JSON output needs none of this:
// the encoder escapes control characters itself.
func TermSafe(s string) string {
	if termClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b {
			i = skipEscape(s, i)
			continue
		}
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != 0x7f || c == '\n' || c == '\t' {
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case unsafeRune(r):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// TermLine is TermSafe for a value shown on one line (a path, a log line,
// a table cell): newlines and tabs become spaces too, so a value cannot
// forge a line of the output.
func TermLine(s string) string {
	s = TermSafe(s)
	if strings.ContainsAny(s, "\n\t") {
		s = strings.NewReplacer("\n", " ", "\t", " ").Replace(s)
	}
	return s
}

func termClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			return false
		}
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if r == utf8.RuneError || unsafeRune(r) || r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r == 0x1b {
					return false
				}
			}
			return utf8.ValidString(s[i:])
		}
	}
	return true
}

func unsafeRune(r rune) bool {
	return r >= 0x80 && r <= 0x9f || // C1 controls (CSI as U+009B, …)
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || // bidi embeddings, overrides, isolates
		r == 0x200e || r == 0x200f || r == 0x061c // LRM, RLM, ALM: reorder a path or a name on screen
}

// skipEscape returns the index after the escape sequence starting at s[i]
// (an ESC). An unterminated sequence runs to the end of s.
func skipEscape(s string, i int) int {
	i++
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[': // CSI: parameters and intermediates, then a final byte 0x40–0x7e
		for i++; i < len(s); i++ {
			if c := s[i]; c >= 0x40 && c <= 0x7e {
				return i + 1
			} else if c < 0x20 || c > 0x7e {
				return i
			}
		}
		return i
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC: up to BEL or ST
		for i++; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b {
				if i+1 < len(s) && s[i+1] == '\\' {
					return i + 2
				}
				return i
			}
		}
		return i
	}
	// ESC followed by intermediates (0x20–0x2f) and one final byte.
	for ; i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f; i++ {
	}
	if i < len(s) {
		i++
	}
	return i
}
