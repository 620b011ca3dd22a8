package host

import (
	"regexp"
	"strings"
	"sync"
)

// Redacted replaces a secret-looking part of a sample line.
const Redacted = "[REDACTED]"

// redactions are compiled on first use, not at package init.
var redactions = sync.OnceValue(func() []redaction {
	return []redaction{
		// A PEM block's armour line, and the base64 body lines inside it are
		// handled by RedactLines.
		{regexp.MustCompile(`-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----.*`), Redacted},
		// AWS access key IDs (AKIA… long-term, ASIA… temporary, and the other
		// unique-ID prefixes).
		{regexp.MustCompile(`\b(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}\b`), Redacted},
		// Authorization headers and bearer tokens.
		{regexp.MustCompile(`(?i)\b(authorization|proxy-authorization)(["']?\s*[:=]\s*["']?)(basic|bearer|digest|negotiate|aws4-hmac-sha256)?\s*[^\s"',;]+`), "${1}${2}${3} " + Redacted},
		{regexp.MustCompile(`(?i)\bbearer\s+[A-Za-z0-9\-._~+/]+=*`), "Bearer " + Redacted},
		// key = value / key: value / "key": "value" where the key names a
		// secret (aws_secret_access_key, password, api_key, token, …).
		{regexp.MustCompile(`(?i)\b([a-z0-9_.\-]*(secret|passwd|password|passphrase|token|api[_\-]?key|access[_\-]?key|private[_\-]?key|credential)s?[a-z0-9_\-]*)(["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;&]+)`), "${1}${3}" + Redacted},
		// crypt(3) password hashes as in /etc/shadow: $1$ md5, $2a/b/x/y$
		// bcrypt, $5$/$6$ sha-crypt, $y$/$gy$ yescrypt, $7$ scrypt, argon2.
		{regexp.MustCompile(`\$(1|2[abxy]?|5|6|7|y|gy|sha1|md5|argon2(id|i|d)?)\$[^\s:]+`), Redacted},
		// URL user:password@host.
		{regexp.MustCompile(`(://[^/\s:@]+:)[^/\s@]+@`), "${1}" + Redacted + "@"},
	}
})

type redaction struct {
	re   *regexp.Regexp
	repl string
}

// Redact blanks key-like strings in one line of host content before it is
// shown: AWS access keys, "secret = …" style assignments, Authorization
// headers and bearer tokens, URL passwords, private-key armour. It is for
// display only; checks run on the raw lines.
func Redact(line string) string {
	if line == "" {
		return line
	}
	for _, r := range redactions() {
		line = r.re.ReplaceAllString(line, r.repl)
	}
	return line
}

// RedactLines redacts each line and blanks the body of private-key blocks
// (the base64 lines between BEGIN … PRIVATE KEY and its END line).
func RedactLines(lines []string) []string {
	out := make([]string, len(lines))
	inKey := false
	for i, l := range lines {
		switch {
		case strings.Contains(l, "PRIVATE KEY") && strings.Contains(l, "-----BEGIN"):
			inKey = !strings.Contains(l, "-----END")
			out[i] = Redacted
		case inKey:
			if strings.Contains(l, "-----END") {
				inKey = false
			}
			out[i] = Redacted
		default:
			out[i] = Redact(l)
		}
	}
	return out
}
