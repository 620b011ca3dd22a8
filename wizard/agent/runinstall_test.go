package agent

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/ProtonMail/go-crypto/openpgp"

	"github.com/cwsetup/cwsetup/i18n"
)

// packageServer serves a key, a package and its detached signature the
// way the agent's bucket does.
func packageServer(t *testing.T, signer *openpgp.Entity, pkg []byte, tamper bool) (*httptest.Server, string) {
	var key, sig bytes.Buffer
	signer.Serialize(&key)
	openpgp.DetachSign(&sig, signer, bytes.NewReader(pkg), nil)
	served := pkg
	if tamper {
		served = append([]byte("evil"), pkg...)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/assets/amazon-cloudwatch-agent.gpg", func(w http.ResponseWriter, _ *http.Request) { w.Write(key.Bytes()) })
	mux.HandleFunc("/debian/amd64/latest/amazon-cloudwatch-agent.deb", func(w http.ResponseWriter, _ *http.Request) { w.Write(served) })
	mux.HandleFunc("/debian/amd64/latest/amazon-cloudwatch-agent.deb.sig", func(w http.ResponseWriter, _ *http.Request) { w.Write(sig.Bytes()) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, fmt.Sprintf("%X", signer.PrimaryKey.Fingerprint)
}

// TestRunInstallVerifiesBeforeInstalling: the install command (here cp,
// standing in for dpkg -i) gets the verified package; a tampered download
// never reaches it.
func TestRunInstallVerifiesBeforeInstalling(t *testing.T) {
	signer, _ := openpgp.NewEntity("agent signer", "", "s@example.invalid", nil)
	pkg := []byte("!<arch>\ndebian-binary   2.0\n")
	for _, tamper := range []bool{false, true} {
		srv, fp := packageServer(t, signer, pkg, tamper)
		dir := t.TempDir()
		installed := filepath.Join(dir, "installed.deb")
		plan := InstallPlan{Method: ViaSignedPackage, PackageFile: "amazon-cloudwatch-agent.deb",
			PackageURL:   srv.URL + "/debian/amd64/latest/amazon-cloudwatch-agent.deb",
			SignatureURL: srv.URL + "/debian/amd64/latest/amazon-cloudwatch-agent.deb.sig",
			Command:      []string{"cp", "{file}", installed}}
		var ran bool
		err := RunInstall(context.Background(), InstallRun{Plan: plan, KeyURL: srv.URL + "/assets/amazon-cloudwatch-agent.gpg",
			Fingerprint: fp, Download: filepath.Join(dir, "download", "amazon-cloudwatch-agent.deb"),
			Progress: func(e Event) { ran = ran || e.Kind == EvCommand }})
		got, readErr := os.ReadFile(installed)
		if !tamper {
			if err != nil || readErr != nil || !bytes.Equal(got, pkg) {
				t.Fatalf("good package: %v %v %q", err, readErr, got)
			}
			if _, err := os.Stat(filepath.Join(dir, "download", "amazon-cloudwatch-agent.deb")); !os.IsNotExist(err) {
				t.Error("downloaded package left behind")
			}
			continue
		}
		var ie *i18n.Error
		if !errors.As(err, &ie) || ie.Key != i18n.ApplyErrSignature {
			t.Fatalf("tampered package: %v", err)
		}
		if ran || readErr == nil {
			t.Fatal("the install command ran on a package whose signature failed")
		}
	}
}

func TestRunInstallReportsFailure(t *testing.T) {
	err := RunInstall(context.Background(), InstallRun{Plan: InstallPlan{Method: ViaRepo, Command: []string{"sh", "-c", "echo 'E: Unable to locate package' >&2; exit 100"}}})
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.Key != i18n.ApplyErrInstall || !bytes.Contains([]byte(i18n.New(i18n.EN).Error(err)), []byte("Unable to locate package")) {
		t.Fatalf("%v", err)
	}
}
