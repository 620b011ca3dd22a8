package agent

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/ProtonMail/go-crypto/openpgp/armor"

	"github.com/cwsetup/cwsetup/i18n"
)

// VerifyPackage checks pkg against its detached signature sig (binary or
// armored) made by the key in keyData (binary or armored), and checks that
// key's fingerprint equals fingerprint (hex, spaces ignored) before
// trusting it.
func VerifyPackage(keyData, pkg, sig []byte, fingerprint string) error {
	keys, err := readKeyRing(keyData)
	if err != nil {
		return i18n.Errorf(i18n.ApplyErrKeyRead, err)
	}
	want := strings.ToUpper(strings.ReplaceAll(fingerprint, " ", ""))
	var trusted openpgp.EntityList
	for _, e := range keys {
		if strings.ToUpper(fmt.Sprintf("%X", e.PrimaryKey.Fingerprint)) == want {
			trusted = append(trusted, e)
		}
	}
	if len(trusted) == 0 {
		got := ""
		if len(keys) > 0 {
			got = fmt.Sprintf("%X", keys[0].PrimaryKey.Fingerprint)
		}
		return i18n.Errorf(i18n.ApplyErrKeyFingerprint, got, want)
	}
	check := openpgp.CheckDetachedSignature
	if bytes.HasPrefix(bytes.TrimSpace(sig), []byte("-----BEGIN")) {
		check = openpgp.CheckArmoredDetachedSignature
	}
	if _, err := check(trusted, bytes.NewReader(pkg), bytes.NewReader(sig), nil); err != nil {
		return i18n.Errorf(i18n.ApplyErrSignature, err)
	}
	return nil
}

func readKeyRing(b []byte) (openpgp.EntityList, error) {
	if bytes.HasPrefix(bytes.TrimSpace(b), []byte("-----BEGIN")) {
		blk, err := armor.Decode(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		return openpgp.ReadKeyRing(blk.Body)
	}
	return openpgp.ReadKeyRing(bytes.NewReader(b))
}

// maxDownload bounds a download (the agent's package is ~100 MB).
const maxDownload = 512 << 20

// Fetch downloads url into memory.
func Fetch(ctx context.Context, client *http.Client, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, i18n.Errorf(i18n.ApplyErrDownload, url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, i18n.Errorf(i18n.ApplyErrDownload, url, resp.Status)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxDownload+1))
	if err != nil {
		return nil, i18n.Errorf(i18n.ApplyErrDownload, url, err)
	}
	if len(b) > maxDownload {
		return nil, i18n.Errorf(i18n.ApplyErrDownload, url, "too large")
	}
	return b, nil
}

// writeVerified saves a verified package for the package manager,
// readable only by root.
func writeVerified(path string, data []byte) error {
	return os.WriteFile(path, data, 0o600)
}
