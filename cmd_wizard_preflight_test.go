package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/tui"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// TestWizardAndApplyPreflightAgree: on one root — an existing agent
// config that uses collectd without types.db, and answers whose
// timestamp_format does not parse the syslog — `cwsetup apply` and the
// wizard's review screen find the same problems, and the wizard's Apply
// refuses as apply does, writing nothing.
func TestWizardAndApplyPreflightAgree(t *testing.T) {
	dir := debianRoot(t)
	cfgPath := filepath.Join(dir, "opt/aws/amazon-cloudwatch-agent/bin/config.json")
	existing := []byte(`{"metrics": {"metrics_collected": {"collectd": {}}}}` + "\n")
	if err := os.WriteFile(cfgPath, existing, 0o644); err != nil {
		t.Fatal(err)
	}
	ans := filepath.Join(t.TempDir(), "a.yaml")
	answers := "logs:\n  - service: system\n    name: syslog\n    path: /var/log/syslog\n    timestamp_format: \"%b %d %H:%M:%S\"\n    retention_days: 90\n"
	if err := os.WriteFile(ans, []byte(answers), 0o644); err != nil {
		t.Fatal(err)
	}

	code, _, errOut := runCLI(t, nil, "apply", "--root", dir, "--answers", ans, "--yes", "--lang", "en")
	if code != exitUsage {
		t.Fatalf("apply exit %d, want 2:\n%s", code, errOut)
	}
	var fromApply []string
	for _, l := range strings.Split(errOut, "\n") {
		if p, ok := strings.CutPrefix(l, "  - "); ok {
			fromApply = append(fromApply, p)
		}
	}

	root, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := detect.Detect(root)
	if err != nil {
		t.Fatal(err)
	}
	a, err := app.Answers(*rep, []byte(answers), "")
	if err != nil {
		t.Fatal(err)
	}
	sess := &tui.Session{Root: root, Report: rep}
	wireWizard(sess, app.Ports{}, nil)
	c, err := sess.Review(a)
	if err != nil {
		t.Fatal(err)
	}
	en := i18n.New(i18n.EN)
	var fromWizard []string
	for _, p := range c.Problems {
		fromWizard = append(fromWizard, en.Error(p))
	}
	slices.Sort(fromApply)
	slices.Sort(fromWizard)
	if !slices.Equal(fromApply, fromWizard) {
		t.Errorf("apply found:\n  %s\nthe wizard found:\n  %s", strings.Join(fromApply, "\n  "), strings.Join(fromWizard, "\n  "))
	}
	all := strings.Join(fromWizard, "\n")
	for _, want := range []string{"/usr/share/collectd/types.db", `timestamp_format "%b %d %H:%M:%S" did not parse`} {
		if !strings.Contains(all, want) {
			t.Errorf("the wizard's findings lack %q:\n%s", want, all)
		}
	}

	_, err = sess.Apply(context.Background(), a, func(agent.Event) {})
	if !i18n.IsUsage(err) {
		t.Errorf("the wizard's Apply did not refuse: %v", err)
	}
	if got, _ := os.ReadFile(cfgPath); string(got) != string(existing) {
		t.Errorf("config.json changed:\n%s", got)
	}
	if m, _ := filepath.Glob(cfgPath + ".bak.*"); len(m) > 0 {
		t.Errorf("backups made: %v", m)
	}
}
