package fleet

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
)

// DefaultDocumentName is the SSM Command document `fleet apply` manages.
const DefaultDocumentName = "cwsetup-apply"

// DefaultReleaseURL is where releases live (install.sh's default).
const DefaultReleaseURL = "https://github.com/cwsetup/cwsetup/releases"

// AnswersParam is the document's parameter naming the answers in
// Parameter Store (name:version).
const AnswersParam = "answers"

// managedMarker starts the description of every document cwsetup made; a
// document of the same name without it belongs to someone else.
const managedMarker = "Managed by cwsetup fleet apply"

// StepInstall is the result line's step when the document could not
// install cwsetup; apply's own steps follow it.
const StepInstall = "install-cwsetup"

// DocumentTimeoutSeconds bounds one instance's run: installing the agent
// (a package download), fetch-config and verify's wait fit well within.
const DocumentTimeoutSeconds = 900

var (
	documentNameRE = regexp.MustCompile(`^[A-Za-z0-9_.\-]{3,128}$`)
	versionRE      = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+([0-9A-Za-z.+\-]*)$`)
)

// ValidateDocumentName checks an SSM document name; names starting with
// AWS or Amazon are reserved.
func ValidateDocumentName(n string) error {
	low := strings.ToLower(n)
	if !documentNameRE.MatchString(n) || strings.HasPrefix(low, "aws") || strings.HasPrefix(low, "amazon") {
		return i18n.UsageErrorf(i18n.FleetErrBadDocumentName, n)
	}
	return nil
}

// DocumentSpec is what the document depends on.
type DocumentSpec struct {
	// Version of cwsetup to install, as released (1.2.3).
	Version string
	// ReleaseURL is the base of the releases (install.sh's
	// CWSETUP_BASE_URL): https, or http on 127.0.0.1/localhost.
	ReleaseURL string
}

// Validate checks the version and the release URL.
func (s DocumentSpec) Validate() error {
	if !versionRE.MatchString(s.Version) {
		return i18n.UsageErrorf(i18n.FleetErrBadVersion, s.Version)
	}
	u := s.ReleaseURL
	ok := strings.HasPrefix(u, "https://")
	for _, local := range []string{"http://127.0.0.1", "http://localhost"} {
		if rest, found := strings.CutPrefix(u, local); found && (rest == "" || rest[0] == ':' || rest[0] == '/') {
			ok = true
		}
	}
	if !ok || strings.ContainsAny(u, "'\"\\$` \t\n;&|<>(){}") {
		return i18n.UsageErrorf(i18n.FleetErrBadReleaseURL, u)
	}
	return nil
}

// allowedAnswers is the document parameter's allowedPattern: SSM refuses
// any other value before the script runs, so {{ answers }} can never
// carry a quote or a shell metacharacter.
const allowedAnswers = `^/?[A-Za-z0-9_.\-]+(/[A-Za-z0-9_.\-]+){0,14}(:[0-9]{1,6})?$`

// RunCommand is the shell script the document runs (aws:runShellScript),
// one line per element, as SSM writes them to the instance. It installs
// cwsetup s.Version from the release archive when that version is not
// installed — the archive's SHA-256 checked against the release's
// checksums.txt, as install.sh does — then runs
// `cwsetup apply --answers-ssm {{ answers }} --yes`. Its own failures
// end with the same machine-readable result line apply prints.
func RunCommand(s DocumentSpec) []string {
	base := strings.TrimRight(s.ReleaseURL, "/")
	return []string{
		"#!/bin/sh",
		"# " + managedMarker + ": install cwsetup " + s.Version + " (SHA-256 checked), then apply the answers.",
		"set -u",
		"version='" + s.Version + "'",
		"release_url='" + base + "/download/v" + s.Version + "'",
		"answers='{{ " + AnswersParam + " }}'",
		`install_dir=${CWSETUP_INSTALL_DIR:-/usr/local/bin}`,
		`bin=$install_dir/cwsetup`,
		`fail() { printf '%s\n' "cwsetup: $1" >&2; printf '{"cwsetup_result":1,"exit":1,"step":"` + StepInstall + `","summary":"%s"}\n' "$(printf '%s' "$1" | tr -d '"\\')"; exit 1; }`,
		`have() { command -v "$1" >/dev/null 2>&1; }`,
		`current=$("$bin" version 2>/dev/null | awk 'NR == 1 { print $2 }')`,
		`if [ "$current" != "$version" ]; then`,
		`  case $(uname -m) in x86_64 | amd64) arch=amd64 ;; aarch64 | arm64) arch=arm64 ;; *) fail "unsupported architecture $(uname -m)" ;; esac`,
		`  archive=cwsetup_linux_$arch.tar.gz`,
		`  if have curl; then fetch() { curl -fsSL --retry 3 -o "$2" "$1"; }; elif have wget; then fetch() { wget -q -O "$2" "$1"; }; else fail "neither curl nor wget is installed"; fi`,
		`  if have sha256sum; then sha256() { sha256sum "$1" | cut -d' ' -f1; }; elif have shasum; then sha256() { shasum -a 256 "$1" | cut -d' ' -f1; }; else fail "no sha256sum or shasum"; fi`,
		`  tmp=$(mktemp -d "${TMPDIR:-/tmp}/cwsetup-ssm.XXXXXX") || fail "cannot make a temporary directory"`,
		`  trap 'rm -rf "$tmp"' EXIT`,
		`  fetch "$release_url/$archive" "$tmp/$archive" || fail "cannot download $release_url/$archive"`,
		`  fetch "$release_url/checksums.txt" "$tmp/checksums.txt" || fail "cannot download $release_url/checksums.txt"`,
		`  want=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1; exit }' "$tmp/checksums.txt")`,
		`  [ -n "$want" ] || fail "checksums.txt has no entry for $archive"`,
		`  got=$(sha256 "$tmp/$archive")`,
		`  [ "$got" = "$want" ] || fail "checksum mismatch for $archive (expected $want, got $got); nothing installed"`,
		`  mkdir "$tmp/x" && tar -xzf "$tmp/$archive" -C "$tmp/x" && [ -f "$tmp/x/cwsetup" ] || fail "cannot unpack $archive"`,
		`  mkdir -p "$install_dir" && cp "$tmp/x/cwsetup" "$bin.new.$$" && chmod 0755 "$bin.new.$$" || fail "cannot write to $install_dir"`,
		`  "$bin.new.$$" version >/dev/null 2>&1 || { rm -f "$bin.new.$$"; fail "the downloaded cwsetup does not run here"; }`,
		`  mv -f "$bin.new.$$" "$bin" || fail "cannot install $bin"`,
		`  rm -rf "$tmp"`,
		`  echo "cwsetup: installed $("$bin" version | head -n 1)" >&2`,
		`fi`,
		`exec "$bin" apply --answers-ssm "$answers" --yes`,
	}
}

// document is the SSM document, schema 2.2.
type document struct {
	SchemaVersion string                  `json:"schemaVersion"`
	Description   string                  `json:"description"`
	Parameters    map[string]docParameter `json:"parameters"`
	MainSteps     []docStep               `json:"mainSteps"`
}

type docParameter struct {
	Type           string `json:"type"`
	Description    string `json:"description"`
	AllowedPattern string `json:"allowedPattern"`
}

type docStep struct {
	Action       string              `json:"action"`
	Name         string              `json:"name"`
	Precondition map[string][]string `json:"precondition"`
	Inputs       docInputs           `json:"inputs"`
}

type docInputs struct {
	TimeoutSeconds string   `json:"timeoutSeconds"`
	RunCommand     []string `json:"runCommand"`
}

// StepName is the name of the document's one step (the plugin name of
// its invocations).
const StepName = "cwsetupApply"

// Document returns the SSM Command document (JSON, schemaVersion 2.2) for
// s. The same spec gives the same bytes, so an unchanged document is
// recognised and not updated.
func Document(s DocumentSpec) []byte {
	d := document{
		SchemaVersion: "2.2",
		Description: managedMarker + " (do not edit: the next fleet apply replaces it). " +
			"Installs cwsetup " + s.Version + " if missing, SHA-256 checked, and runs " +
			"cwsetup apply --answers-ssm <answers> --yes, which detects this instance's own logs.",
		Parameters: map[string]docParameter{AnswersParam: {
			Type:           "String",
			Description:    "The Parameter Store parameter holding the cwsetup answers (name or name:version).",
			AllowedPattern: allowedAnswers,
		}},
		MainSteps: []docStep{{
			Action:       "aws:runShellScript",
			Name:         StepName,
			Precondition: map[string][]string{"StringEquals": {"platformType", "Linux"}},
			Inputs:       docInputs{TimeoutSeconds: strconv.Itoa(DocumentTimeoutSeconds), RunCommand: RunCommand(s)},
		}},
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(d) // plain structs: cannot fail
	return b.Bytes()
}

// IsManagedDocument reports whether content is a document cwsetup made (its
// description carries the marker); anything else of the same name is
// someone else's and is never overwritten.
func IsManagedDocument(content string) bool {
	var d struct {
		Description string `json:"description"`
	}
	if json.Unmarshal([]byte(content), &d) != nil {
		return false
	}
	return strings.HasPrefix(d.Description, managedMarker)
}

// RunCommandOf extracts the runCommand lines of a document cwsetup made.
func RunCommandOf(content []byte) ([]string, error) {
	var d document
	if err := json.Unmarshal(content, &d); err != nil {
		return nil, err
	}
	if len(d.MainSteps) != 1 {
		return nil, i18n.Errorf(i18n.FleetErrNotOurDocument, "")
	}
	return d.MainSteps[0].Inputs.RunCommand, nil
}
