package fleet

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/lazy"
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
	documentNameRE = lazy.Regexp(`^[A-Za-z0-9_.\-]{3,128}$`)
	versionRE      = lazy.Regexp(`^[0-9]+\.[0-9]+\.[0-9]+([0-9A-Za-z.+\-]*)$`)
)

// ValidateDocumentName checks an SSM document name; names starting with
// AWS or Amazon are reserved.
func ValidateDocumentName(n string) error {
	low := strings.ToLower(n)
	if !documentNameRE().MatchString(n) || strings.HasPrefix(low, "aws") || strings.HasPrefix(low, "amazon") {
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
	// SHA256 is each architecture's archive digest (lower-case hex), read
	// by the operator's cwsetup from the release's checksums file and
	// pinned in the document: the instance trusts only these, never a
	// checksums file fetched from the same server as the archive.
	SHA256 map[string]string
}

// Arches are the Linux architectures cwsetup is released for.
var Arches = []string{"amd64", "arm64"}

// ArchiveName is the release archive of one architecture.
func ArchiveName(arch string) string { return "cwsetup_linux_" + arch + ".tar.gz" }

// ChecksumsURL is the release's checksums file, which `fleet apply` reads
// to pin the archives' digests.
func (s DocumentSpec) ChecksumsURL() string {
	return strings.TrimRight(s.ReleaseURL, "/") + "/download/v" + s.Version + "/checksums.txt"
}

var sha256RE = lazy.Regexp(`^[0-9a-f]{64}$`)

// ParseChecksums reads a checksums file (sha256sum's format, as releases
// publish it) and returns the digests of the release archives by
// architecture; a file naming none of them is an error.
func ParseChecksums(data []byte) (map[string]string, error) {
	out := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) != 2 {
			continue
		}
		sum, name := strings.ToLower(f[0]), strings.TrimPrefix(f[1], "*")
		for _, arch := range Arches {
			if name == ArchiveName(arch) && sha256RE().MatchString(sum) {
				if prev, dup := out[arch]; dup && prev != sum {
					return nil, i18n.UsageErrorf(i18n.FleetErrChecksums, name)
				}
				out[arch] = sum
			}
		}
	}
	if len(out) == 0 {
		return nil, i18n.UsageErrorf(i18n.FleetErrChecksums, ArchiveName("amd64"))
	}
	return out, nil
}

// Validate checks the version and the release URL.
func (s DocumentSpec) Validate() error {
	if !versionRE().MatchString(s.Version) {
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

// ValidateDigests checks the pinned digests: at least one architecture,
// each a SHA-256 in hex (they are written into the script verbatim).
func (s DocumentSpec) ValidateDigests() error {
	n := 0
	for arch, sum := range s.SHA256 {
		if !slices.Contains(Arches, arch) || !sha256RE().MatchString(sum) {
			return i18n.UsageErrorf(i18n.FleetErrChecksums, ArchiveName(arch))
		}
		n++
	}
	if n == 0 {
		return i18n.UsageErrorf(i18n.FleetErrChecksums, ArchiveName("amd64"))
	}
	return nil
}

// allowedAnswers is the document parameter's allowedPattern: SSM refuses
// any other value before the script runs, so {{ answers }} can never
// carry a quote or a shell metacharacter.
const allowedAnswers = `^/?[A-Za-z0-9_.\-]+(/[A-Za-z0-9_.\-]+){0,14}(:[0-9]{1,6})?$`

// JitterSeconds bounds the random wait before apply reads the answers:
// Parameter Store serves GetParameter at 40 TPS by default, so instances
// that start together spread their reads (with the SDK's adaptive retry,
// AWS_MAX_ATTEMPTS) instead of failing at step answers.
const JitterSeconds = 20

// PackagedBinary is where the .deb and .rpm packages install cwsetup; the
// document uses it when it is at the pinned version.
const PackagedBinary = "/usr/bin/cwsetup"

// RunCommand is the shell script the document runs (aws:runShellScript),
// one line per element, as SSM writes them to the instance. It uses the
// packaged cwsetup or the one in the install directory when it is
// s.Version; else it downloads the archive of the instance's
// architecture, installs it only when its SHA-256 equals the digest
// pinned here (no checksums file is read on the instance) and the
// binary reports s.Version, then runs
// `cwsetup apply --answers-ssm {{ answers }} --yes` after a random wait of
// at most JitterSeconds. Downloads have connect and total timeouts. Its
// own failures end with the same machine-readable result line apply
// prints.
func RunCommand(s DocumentSpec) []string {
	base := strings.TrimRight(s.ReleaseURL, "/")
	lines := []string{
		"#!/bin/sh",
		"# " + managedMarker + ": install cwsetup " + s.Version + " (SHA-256 pinned below), then apply the answers.",
		"set -u",
		"version='" + s.Version + "'",
		"release_url='" + base + "/download/v" + s.Version + "'",
	}
	for _, arch := range Arches {
		lines = append(lines, "sha256_"+arch+"='"+s.SHA256[arch]+"'")
	}
	return append(lines,
		"answers='{{ "+AnswersParam+" }}'",
		`install_dir=${CWSETUP_INSTALL_DIR:-/usr/local/bin}`,
		`bin=$install_dir/cwsetup`,
		`packaged=${CWSETUP_PACKAGED:-`+PackagedBinary+`}`,
		`fail() { printf '%s\n' "cwsetup: $1" >&2; printf '{"cwsetup_result":1,"exit":1,"step":"`+StepInstall+`","summary":"%s"}\n' "$(printf '%s' "$1" | tr -d '"\\')"; exit 1; }`,
		`have() { command -v "$1" >/dev/null 2>&1; }`,
		`version_of() { "$1" version 2>/dev/null | awk 'NR == 1 { print $2 }'; }`,
		`if [ "$(version_of "$packaged")" = "$version" ]; then`,
		`  bin=$packaged`,
		`elif [ "$(version_of "$bin")" != "$version" ]; then`,
		`  case $(uname -m) in x86_64 | amd64) arch=amd64 ;; aarch64 | arm64) arch=arm64 ;; *) fail "unsupported architecture $(uname -m)" ;; esac`,
		`  archive=cwsetup_linux_$arch.tar.gz`,
		`  case $arch in amd64) want=$sha256_amd64 ;; *) want=$sha256_arm64 ;; esac`,
		`  [ -n "$want" ] || fail "this document pins no SHA-256 for $archive"`,
		`  if have curl; then fetch() { curl -fsSL --connect-timeout 15 --max-time 300 --retry 3 -o "$2" "$1"; }; elif have wget; then fetch() { wget -q -T 30 -t 3 -O "$2" "$1"; }; else fail "neither curl nor wget is installed"; fi`,
		`  if have sha256sum; then sha256() { sha256sum "$1" | cut -d' ' -f1; }; elif have shasum; then sha256() { shasum -a 256 "$1" | cut -d' ' -f1; }; else fail "no sha256sum or shasum"; fi`,
		`  tmp=$(mktemp -d "${TMPDIR:-/tmp}/cwsetup-ssm.XXXXXX") || fail "cannot make a temporary directory"`,
		`  trap 'rm -rf "$tmp"' EXIT`,
		`  fetch "$release_url/$archive" "$tmp/$archive" || fail "cannot download $release_url/$archive"`,
		`  got=$(sha256 "$tmp/$archive")`,
		`  [ "$got" = "$want" ] || fail "checksum mismatch for $archive (pinned $want, got $got); nothing installed"`,
		`  mkdir "$tmp/x" && tar -xzf "$tmp/$archive" -C "$tmp/x" && [ -f "$tmp/x/cwsetup" ] || fail "cannot unpack $archive"`,
		`  mkdir -p "$install_dir" && cp "$tmp/x/cwsetup" "$bin.new.$$" && chmod 0755 "$bin.new.$$" || fail "cannot write to $install_dir"`,
		`  got=$(version_of "$bin.new.$$")`,
		`  [ "$got" = "$version" ] || { rm -f "$bin.new.$$"; fail "the downloaded cwsetup is version ${got:-unknown}, not $version; nothing installed"; }`,
		`  mv -f "$bin.new.$$" "$bin" || fail "cannot install $bin"`,
		`  rm -rf "$tmp"`,
		`  echo "cwsetup: installed $("$bin" version | head -n 1)" >&2`,
		`fi`,
		`jitter=${CWSETUP_JITTER:-`+strconv.Itoa(JitterSeconds)+`}`,
		`r=$(od -An -N2 -tu2 /dev/urandom 2>/dev/null | tr -dc 0-9)`,
		`[ "$jitter" -gt 0 ] 2>/dev/null && sleep $(( ${r:-0} % (jitter + 1) ))`,
		`export AWS_MAX_ATTEMPTS="${AWS_MAX_ATTEMPTS:-10}" AWS_RETRY_MODE="${AWS_RETRY_MODE:-adaptive}"`,
		`exec "$bin" apply --answers-ssm "$answers" --yes`,
	)
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
			"Installs cwsetup " + s.Version + " if missing (the archive's SHA-256 pinned here), and runs " +
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
