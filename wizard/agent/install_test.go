package agent

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/ProtonMail/go-crypto/openpgp/armor"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/detect"
)

func TestPlanInstall(t *testing.T) {
	for _, tc := range []struct {
		id, ver, family, arch string
		upgrade               bool
		want                  string
	}{
		{"amzn", "2023", "amzn", "x86_64", false, "dnf install -y amazon-cloudwatch-agent"},
		{"amzn", "2023", "amzn", "aarch64", true, "dnf upgrade -y amazon-cloudwatch-agent"},
		{"amzn", "2", "amzn", "x86_64", false, "yum install -y amazon-cloudwatch-agent"},
		{"rhel", "9.4", "rhel", "x86_64", false, "redhat/amd64/latest/amazon-cloudwatch-agent.rpm | rpm -U {file}"},
		{"rocky", "8.10", "rhel", "aarch64", false, "redhat/arm64/latest/amazon-cloudwatch-agent.rpm | rpm -U {file}"},
		{"almalinux", "9.5", "rhel", "amd64", false, "redhat/amd64/latest/amazon-cloudwatch-agent.rpm | rpm -U {file}"},
		{"ubuntu", "24.04", "debian", "amd64", false, "ubuntu/amd64/latest/amazon-cloudwatch-agent.deb | dpkg -i -E {file}"},
		{"ubuntu", "22.04", "debian", "arm64", false, "ubuntu/arm64/latest/amazon-cloudwatch-agent.deb | dpkg -i -E {file}"},
		{"debian", "12", "debian", "x86_64", false, "debian/amd64/latest/amazon-cloudwatch-agent.deb | dpkg -i -E {file}"},
	} {
		rep := detect.Report{OS: detect.OS{ID: tc.id, VersionID: tc.ver, Family: tc.family}, Arch: tc.arch}
		p, err := PlanInstall(rep, tc.upgrade)
		if err != nil {
			t.Errorf("%s %s %s: %v", tc.id, tc.ver, tc.arch, err)
			continue
		}
		got := strings.Join(p.Command, " ")
		if p.Method == ViaSignedPackage {
			got = strings.TrimPrefix(p.PackageURL, PackageBase+"/") + " | " + got
			if p.SignatureURL != p.PackageURL+".sig" {
				t.Errorf("signature URL %s", p.SignatureURL)
			}
		}
		if got != tc.want {
			t.Errorf("%s %s %s: %q, want %q", tc.id, tc.ver, tc.arch, got, tc.want)
		}
	}
	_, err := PlanInstall(detect.Report{OS: detect.OS{ID: "debian", Family: "debian"}, Arch: "s390x"}, false)
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.Key != i18n.ApplyErrArch {
		t.Errorf("s390x: %v", err)
	}
	_, err = PlanInstall(detect.Report{OS: detect.OS{ID: "arch"}, Arch: "amd64"}, false)
	if !errors.As(err, &ie) || ie.Key != i18n.ApplyErrDistro {
		t.Errorf("arch linux: %v", err)
	}
}

func TestNeedsAgentWork(t *testing.T) {
	journal := []detect.Service{{Name: detect.System, Flavor: "journald"}}
	for _, tc := range []struct {
		agent            detect.Agent
		svcs             []detect.Service
		install, upgrade bool
	}{
		{detect.Agent{}, nil, true, false},
		{detect.Agent{Installed: true, Version: "1.300064.1"}, journal, false, true},
		{detect.Agent{Installed: true, Version: "1.300070.0"}, journal, false, false},
		{detect.Agent{Installed: true, Version: "1.300064.1"}, []detect.Service{{Name: detect.System, Flavor: "rsyslog"}}, false, false},
	} {
		i, u := NeedsAgentWork(detect.Report{Agent: tc.agent, Services: tc.svcs})
		if i != tc.install || u != tc.upgrade {
			t.Errorf("%+v: install %v upgrade %v", tc.agent, i, u)
		}
	}
}

func TestVersionLess(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		less bool
	}{
		{"1.300064.1", "1.300070.0", true},
		{"1.300070.0", "1.300070.0", false},
		{"1.300071.0", "1.300070.0", false},
		{"1.300070.0b123", "1.300070.0", false},
		{"1.247359.0", "1.300070.0", true},
		{"1.300070", "1.300070.0", false},
	} {
		if got := VersionLess(tc.a, tc.b); got != tc.less {
			t.Errorf("VersionLess(%s, %s) = %v", tc.a, tc.b, got)
		}
	}
}

func TestKeyFingerprintConstant(t *testing.T) {
	// reference/agent-config.md: 9376 16F3 450B 7D80 6CBD 9725 D581 6730 3B78 9C72, key id 3B789C72.
	if len(KeyFingerprint) != 40 || !strings.HasSuffix(KeyFingerprint, "3B789C72") {
		t.Fatal(KeyFingerprint)
	}
}

func TestVerifyPackage(t *testing.T) {
	signer, err := openpgp.NewEntity("test signer", "", "signer@example.invalid", nil)
	if err != nil {
		t.Fatal(err)
	}
	other, _ := openpgp.NewEntity("other", "", "other@example.invalid", nil)
	var pub bytes.Buffer
	w, _ := armor.Encode(&pub, openpgp.PublicKeyType, nil)
	signer.Serialize(w)
	w.Close()
	pkg := []byte("!<arch>\ndebian-binary   pretend package bytes")
	var sig, asig bytes.Buffer
	if err := openpgp.DetachSign(&sig, signer, bytes.NewReader(pkg), nil); err != nil {
		t.Fatal(err)
	}
	openpgp.ArmoredDetachSign(&asig, signer, bytes.NewReader(pkg), nil)
	fp := fmt.Sprintf("%X", signer.PrimaryKey.Fingerprint)
	spaced := fp[:4] + " " + fp[4:]

	if err := VerifyPackage(pub.Bytes(), pkg, sig.Bytes(), spaced); err != nil {
		t.Fatalf("good binary signature: %v", err)
	}
	if err := VerifyPackage(pub.Bytes(), pkg, asig.Bytes(), fp); err != nil {
		t.Fatalf("good armored signature: %v", err)
	}
	tampered := append([]byte(nil), pkg...)
	tampered[0] ^= 1
	var ie *i18n.Error
	if err := VerifyPackage(pub.Bytes(), tampered, sig.Bytes(), fp); !errors.As(err, &ie) || ie.Key != i18n.ApplyErrSignature {
		t.Fatalf("tampered package: %v", err)
	}
	if err := VerifyPackage(pub.Bytes(), pkg, sig.Bytes(), fmt.Sprintf("%X", other.PrimaryKey.Fingerprint)); !errors.As(err, &ie) || ie.Key != i18n.ApplyErrKeyFingerprint {
		t.Fatalf("wrong key: %v", err)
	}
	if err := VerifyPackage(pub.Bytes(), pkg, sig.Bytes(), KeyFingerprint); !errors.As(err, &ie) || ie.Key != i18n.ApplyErrKeyFingerprint {
		t.Fatalf("a key that is not the agent's was trusted: %v", err)
	}
}

func TestParseStatus(t *testing.T) {
	st, err := ParseStatus("some banner\n{\n  \"status\": \"running\",\n  \"starttime\": \"2026-11-25T08:00:00+00:00\",\n  \"configstatus\": \"configured\",\n  \"version\": \"1.300071.0\"\n}\n")
	if err != nil || !st.Running() || !st.Configured() || st.Version != "1.300071.0" {
		t.Fatalf("%+v %v", st, err)
	}
	st, err = ParseStatus(`{"status": "stopped", "starttime": "", "configstatus": "not configured", "version": "1.300064.1"}`)
	if err != nil || st.Running() || st.Configured() {
		t.Fatalf("%+v %v", st, err)
	}
	if _, err := ParseStatus("amazon-cloudwatch-agent-ctl: command not found"); err == nil {
		t.Fatal("garbage parsed")
	}
}

func TestParseFailureUnknown(t *testing.T) {
	f := ParseFailure(&CtlRun{Exit: 127, Output: "line one\nsh: 1: systemctl: not found\n"})
	if f.Kind != FailUnknown || !strings.Contains(f.Detail, "systemctl: not found") {
		t.Fatalf("%+v", f)
	}
}
