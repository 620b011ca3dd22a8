package detect

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeSecret is the content of every secret file in these tests; it must
// never show in a report.
const fakeSecret = "FAKE-SECRET-8c1d0e"

// A daemon config that names secret files as its logs, and a log that is
// a link to one: detection lists them as skipped and never reads them.
func TestDetectRefusesSecretLogs(t *testing.T) {
	r := mkroot(t, map[string]string{
		"/etc/os-release":            "ID=rocky\nID_LIKE=\"rhel centos fedora\"\nVERSION_ID=9.4\n",
		"/proc/11/comm":              "nginx\n",
		"/proc/12/comm":              "rsyslogd\n",
		"/etc/shadow":                "root:$6$" + fakeSecret + ":19000::::::\n",
		"/root/.aws/credentials":     "[default]\naws_secret_access_key = " + fakeSecret + "\n",
		"/etc/pki/tls/private/k.key": "-----BEGIN PRIVATE KEY-----\n" + fakeSecret + "\n",
		"/etc/nginx/nginx.conf": "http {\n access_log /etc/shadow;\n error_log /root/.aws/credentials;\n" +
			" access_log /proc/self/environ;\n access_log /etc/pki/tls/private/k.key;\n access_log /var/log/nginx/ok.log;\n}\n",
		"/var/log/nginx/ok.log": "192.0.2.1 - - [24/Nov/2026:21:18:01 +0000] \"GET /?token=" + fakeSecret + " HTTP/1.1\" 200 1\n",
		"/var/log/messages":     "->/etc/shadow",
		"/var/log/secure":       "Nov 24 21:14:22 h sshd[1]: ok\n",
	})
	rep, err := Detect(r)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(rep)
	if strings.Contains(string(out), fakeSecret) {
		t.Errorf("a secret reached the report:\n%s", out)
	}
	refused := map[string]bool{}
	for _, s := range rep.Services {
		for _, l := range s.Logs {
			switch l.Path {
			case "/etc/shadow", "/root/.aws/credentials", "/proc/self/environ", "/etc/pki/tls/private/k.key", "/var/log/messages":
				t.Errorf("%s: a secret file offered as a log: %+v", s.Name, l)
			}
		}
		for _, sk := range s.Skipped {
			if sk.Reason == SkipRefused {
				refused[sk.Target] = true
			}
		}
	}
	for _, p := range []string{"/etc/shadow", "/root/.aws/credentials", "/proc/self/environ", "/etc/pki/tls/private/k.key", "/var/log/messages"} {
		if !refused[p] {
			t.Errorf("%s not listed as refused; skipped: %v", p, refused)
		}
	}
	// The accepted log's sample line is redacted.
	for _, s := range rep.Services {
		for _, l := range s.Logs {
			if l.Path == "/var/log/nginx/ok.log" && !strings.Contains(l.LastLine, "token=[REDACTED]") {
				t.Errorf("last line not redacted: %q", l.LastLine)
			}
		}
	}
}

// Permission, and only permission, is "unreadable".
func TestReadErrSaysWhatItIs(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "/x", Err: fs.ErrPermission}, CheckUnreadable},
		{&fs.PathError{Op: "open", Path: "/x", Err: errors.New("input/output error")}, CheckError},
	} {
		var l Log
		readErr(&l, c.err)
		if l.Check != c.want || c.want == CheckError && l.CheckError != "input/output error" {
			t.Errorf("%v: %+v", c.err, l)
		}
	}
}

// Detection stops at the next file operation once the root's context is
// done, and returns the context's error rather than a partial report.
func TestDetectCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := mkroot(t, map[string]string{"/etc/os-release": "ID=debian\nVERSION_ID=12\n"})
	rep, err := Detect(r.WithContext(ctx))
	if rep != nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("Detect on a cancelled root = %v, %v", rep, err)
	}
}

// A hard link to a secret file under a log's name has no link target to
// check; detect must not read it, so not even a line that fails the
// timestamp check ("format does not match this line") echoes it.
func TestDetectRefusesHardLinkedLog(t *testing.T) {
	r := mkroot(t, map[string]string{
		"/etc/os-release": "ID=rocky\nID_LIKE=\"rhel centos fedora\"\nVERSION_ID=9.4\n",
		"/proc/12/comm":   "rsyslogd\n",
		"/etc/shadow":     "root:" + fakeSecret + ":19000::::::\n",
	})
	if err := os.MkdirAll(filepath.Join(r.Dir(), "var/log"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(filepath.Join(r.Dir(), "etc/shadow"), filepath.Join(r.Dir(), "var/log/secure")); err != nil {
		t.Fatal(err)
	}
	rep, err := Detect(r)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(rep)
	if strings.Contains(string(out), fakeSecret) {
		t.Fatalf("the hard-linked secret reached the report:\n%s", out)
	}
	if !strings.Contains(string(out), "/var/log/secure") {
		t.Errorf("/var/log/secure is not in the report at all (want it skipped as refused):\n%s", out)
	}
}
