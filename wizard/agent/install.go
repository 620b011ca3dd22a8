package agent

import (
	"strconv"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/detect"
)

// JournaldMinVersion is the first agent release that reads the journal
// (logs_collected.journald).
const JournaldMinVersion = "1.300070.0"

// PackageBase is where the agent's signed packages are published.
const PackageBase = "https://s3.amazonaws.com/amazoncloudwatch-agent"

// KeyURL is the agent's public signing key.
const KeyURL = PackageBase + "/assets/amazon-cloudwatch-agent.gpg"

// KeyFingerprint is the agent signing key's fingerprint, built in so a
// tampered key download is refused (reference/agent-config.md).
const KeyFingerprint = "937616F3450B7D806CBD9725D58167303B789C72"

// InstallMethod says how the package reaches the host.
type InstallMethod string

const (
	// ViaRepo: the distro's own repository (Amazon Linux), signed by the
	// distro key the package manager already trusts.
	ViaRepo InstallMethod = "repo"
	// ViaSignedPackage: download from the agent's bucket, verify the
	// detached PGP signature, then rpm -U / dpkg -i.
	ViaSignedPackage InstallMethod = "signed-package"
)

// InstallPlan is how to install (or upgrade) the agent on a host.
type InstallPlan struct {
	Method  InstallMethod `json:"method"`
	Upgrade bool          `json:"upgrade"`
	// PackageURL and SignatureURL are set for ViaSignedPackage.
	PackageURL   string `json:"package_url,omitempty"`
	SignatureURL string `json:"signature_url,omitempty"`
	// PackageFile is the file name the download is saved under.
	PackageFile string `json:"package_file,omitempty"`
	// Command installs the repo package or the downloaded file; for a
	// download, "{file}" stands for the verified package's local path.
	Command []string `json:"command"`
}

// Arch maps uname/dpkg/rpm machine names to the bucket's arch names.
func Arch(a string) (string, bool) {
	switch strings.ToLower(a) {
	case "amd64", "x86_64", "x86-64":
		return "amd64", true
	case "arm64", "aarch64":
		return "arm64", true
	}
	return "", false
}

// NeedsAgentWork reports whether the agent must be installed (missing) or
// upgraded (the host keeps system logs only in the journal and the agent
// is too old to read it).
func NeedsAgentWork(rep detect.Report) (install, upgrade bool) {
	if !rep.Agent.Installed {
		return true, false
	}
	return false, JournalOnly(rep) && rep.Agent.Version != "" && VersionLess(rep.Agent.Version, JournaldMinVersion)
}

// JournalOnly reports whether system logs live only in the journal.
func JournalOnly(rep detect.Report) bool {
	for _, s := range rep.Services {
		if s.Name == detect.System {
			return s.Flavor == "journald"
		}
	}
	return false
}

// PlanInstall picks the install method for the detected distro and arch.
func PlanInstall(rep detect.Report, upgrade bool) (InstallPlan, error) {
	arch, ok := Arch(rep.Arch)
	if !ok {
		return InstallPlan{}, i18n.Errorf(i18n.ApplyErrArch, rep.Arch)
	}
	id := strings.ToLower(rep.OS.ID)
	switch {
	case id == "amzn" || rep.OS.Family == "amzn":
		// Amazon Linux 2 uses yum; 2023 and later dnf.
		pm := "dnf"
		if rep.OS.VersionID == "2" {
			pm = "yum"
		}
		verb := "install"
		if upgrade {
			verb = "upgrade"
		}
		return InstallPlan{Method: ViaRepo, Upgrade: upgrade, Command: []string{pm, verb, "-y", "amazon-cloudwatch-agent"}}, nil
	case id == "ubuntu" || id == "debian" || rep.OS.Family == "debian":
		osdir := "debian"
		if id == "ubuntu" {
			osdir = "ubuntu"
		}
		return signed(osdir, arch, "amazon-cloudwatch-agent.deb", []string{"dpkg", "-i", "-E", "{file}"}, upgrade), nil
	case rep.OS.Family == "rhel" || id == "rhel" || id == "rocky" || id == "almalinux" || id == "centos":
		return signed("redhat", arch, "amazon-cloudwatch-agent.rpm", []string{"rpm", "-U", "{file}"}, upgrade), nil
	}
	return InstallPlan{}, i18n.Errorf(i18n.ApplyErrDistro, rep.OS.ID, rep.OS.VersionID)
}

func signed(osdir, arch, file string, cmd []string, upgrade bool) InstallPlan {
	u := PackageBase + "/" + osdir + "/" + arch + "/latest/" + file
	return InstallPlan{Method: ViaSignedPackage, Upgrade: upgrade, PackageURL: u, SignatureURL: u + ".sig", PackageFile: file, Command: cmd}
}

// CommandFor returns the install command with the package file filled in.
func (p InstallPlan) CommandFor(file string) []string {
	out := make([]string, len(p.Command))
	for i, a := range p.Command {
		out[i] = strings.ReplaceAll(a, "{file}", file)
	}
	return out
}

// RsyslogCommand installs and enables rsyslog, the alternative to an
// agent upgrade on journal-only hosts.
func RsyslogCommand(rep detect.Report) [][]string {
	pm := []string{"apt-get", "install", "-y", "rsyslog"}
	if rep.OS.Family != "debian" && rep.OS.ID != "ubuntu" && rep.OS.ID != "debian" {
		pm = []string{"dnf", "install", "-y", "rsyslog"}
	}
	return [][]string{pm, {"systemctl", "enable", "--now", "rsyslog"}}
}

// VersionLess compares dotted numeric versions ("1.300064.1" <
// "1.300070.0"); a trailing build suffix ("b123", "-1") is ignored.
func VersionLess(a, b string) bool {
	pa, pb := versionParts(a), versionParts(b)
	for i := 0; i < len(pa) || i < len(pb); i++ {
		var x, y int
		if i < len(pa) {
			x = pa[i]
		}
		if i < len(pb) {
			y = pb[i]
		}
		if x != y {
			return x < y
		}
	}
	return false
}

func versionParts(v string) []int {
	v = strings.TrimPrefix(strings.TrimSpace(v), "v")
	var out []int
	for _, f := range strings.Split(v, ".") {
		end := 0
		for end < len(f) && f[end] >= '0' && f[end] <= '9' {
			end++
		}
		n, _ := strconv.Atoi(f[:end])
		out = append(out, n)
		if end < len(f) {
			break
		}
	}
	return out
}
