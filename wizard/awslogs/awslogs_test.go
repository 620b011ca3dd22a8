package awslogs_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/awslogs"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func fixture(t *testing.T) host.Root {
	t.Helper()
	r, err := host.Open("../../testdata/roots/al2-awslogs")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestFindAL2(t *testing.T) {
	f, err := awslogs.Find(fixture(t))
	if err != nil || f == nil {
		t.Fatalf("Find = %v, %v", f, err)
	}
	if f.Layout != awslogs.LayoutPackage || f.Service != "awslogsd" || f.Init != awslogs.InitSystemd ||
		f.Region != "ap-northeast-2" || f.StateFile != "/var/lib/awslogs/agent-state" {
		t.Errorf("found %+v", *f)
	}
	if len(f.Files) != 3 {
		t.Errorf("files %v, want the main file and two of config/", f.Files)
	}
	byPath := map[string]awslogs.Log{}
	for _, l := range f.Logs {
		byPath[l.Path] = l
	}
	want := []awslogs.Log{
		{Path: "/var/log/messages", Group: "/var/log/messages", Stream: "{instance_id}", TimestampFormat: "%b %d %H:%M:%S", Check: awslogs.CheckOK, Timezone: "Local", InitialPosition: "start_of_file"},
		{Path: "/var/log/secure", Group: "/var/log/secure", Stream: "{hostname}", TimestampFormat: "%b %d %H:%M:%S", Check: awslogs.CheckOK, Timezone: "Local", InitialPosition: "end_of_file"},
		{Path: "/var/log/app/shop.log", Group: "shop/app", Stream: "{instance_id}-{ip_address}", TimestampFormat: "%Y-%m-%d %H:%M:%S,%f", Check: awslogs.CheckOK, Timezone: "UTC", MultiLineStart: "{timestamp_format}", InitialPosition: "start_of_file"},
		// %j has no equivalent: the log is kept, without a format.
		{Path: "/var/log/app/jobs.log", Group: "shop/jobs", Stream: "{instance_id}", Check: awslogs.CheckNoFormat, Timezone: "Local", InitialPosition: "start_of_file"},
		// Converted, but the file's lines are not in that format.
		{Path: "/var/log/httpd/access_log*", Group: "shop/httpd/access", Stream: "{instance_id}", Check: awslogs.CheckMismatch, Timezone: "Local", InitialPosition: "start_of_file"},
	}
	if len(f.Logs) != len(want) {
		t.Fatalf("%d logs, want %d: %+v", len(f.Logs), len(want), f.Logs)
	}
	for _, w := range want {
		g := byPath[w.Path]
		g.Section, g.Source, g.DatetimeFormat = "", "", ""
		if g != w {
			t.Errorf("log %s:\n got %+v\nwant %+v", w.Path, g, w)
		}
	}
	var reasons []string
	for _, n := range f.Notes {
		reasons = append(reasons, n.Section+" "+n.Key+" "+n.Reason)
		for _, lang := range []i18n.Lang{i18n.EN, i18n.KO} {
			if m := i18n.New(lang).Error(n.Message()); m == "" || bytes.Contains([]byte(m), []byte("%!")) {
				t.Errorf("note %+v in %s: %q", n, lang, m)
			}
		}
	}
	for _, w := range []string{
		"/var/log/messages buffer_duration agent_wide",
		"shop-app batch_count agent_wide",
		"shop-jobs datetime_format format_directive",
		"shop-jobs encoding encoding",
		"shop-jobs file_fingerprint_lines fingerprint",
		"httpd-access datetime_format format_mismatch",
	} {
		if !slices.Contains(reasons, w) {
			t.Errorf("no note %q in %q", w, reasons)
		}
	}
	if len(reasons) != 6 {
		t.Errorf("notes %q, want exactly 6 (utf_8 is UTF-8)", reasons)
	}
}

func TestConvert(t *testing.T) {
	for _, c := range []struct{ py, agent, bad string }{
		{"%b %d %H:%M:%S", "%b %d %H:%M:%S", ""},
		{"%Y-%m-%d %H:%M:%S,%f", "%Y-%m-%d %H:%M:%S,%f", ""},
		{"%e %h %T", "%d %b %H:%M:%S", ""},
		{"%F %R", "%Y-%m-%d %H:%M", ""},
		{"%-d/%-m %-I%p", "%-d/%-m %-I%p", ""},
		{"%Y%j", "", "%j"},
		{"%s", "", "%s"},
		{"%H:%M %", "", "%"},
		{"%-j", "", "%-j"},
	} {
		a, bad := awslogs.Convert(c.py)
		if a != c.agent || bad != c.bad {
			t.Errorf("Convert(%q) = %q, %q; want %q, %q", c.py, a, bad, c.agent, c.bad)
		}
	}
}

func TestNoAwslogs(t *testing.T) {
	r, err := host.Open("../../testdata/roots/al2")
	if err != nil {
		t.Fatal(err)
	}
	if f, err := awslogs.Find(r); f != nil || err != nil {
		t.Errorf("Find on a host without awslogs = %+v, %v", f, err)
	}
}

func TestSetupLayoutSysV(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) {
		t.Helper()
		p = filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("var/awslogs/etc/awslogs.conf", "[general]\nstate_file = /var/awslogs/state/agent-state\n[/var/log/messages]\nfile = /var/log/messages\nlog_group_name = /var/log/messages\nlog_stream_name = {bogus}\n[broken]\nfile = /var/log/x\n")
	write("var/awslogs/etc/config/b.conf", "[/var/log/messages]\nfile = /var/log/messages\nlog_group_name = centos7/messages\nlog_stream_name = {hostname}\nmulti_line_start_pattern = (?<=x)\n")
	write("var/awslogs/etc/config/c.conf", "[extra]\nfile = /var/log/extra\nlog_group_name = extra\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n")
	write("var/awslogs/etc/aws.conf", "[plugins]\ncwlogs = cwlogs\n[default]\nregion = us-east-1\n")
	write("etc/init.d/awslogs", "#!/bin/sh\n")
	r, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	f, err := awslogs.Find(r)
	if err != nil || f == nil {
		t.Fatalf("Find = %v, %v", f, err)
	}
	if f.Layout != awslogs.LayoutSetup || f.Service != "awslogs" || f.Init != awslogs.InitSysV || f.Region != "us-east-1" {
		t.Errorf("found %+v", *f)
	}
	// config/ overrides the main file's section of the same name.
	if len(f.Logs) != 2 || f.Logs[0].Group != "centos7/messages" || f.Logs[0].Stream != "{hostname}" {
		t.Errorf("logs %+v", f.Logs)
	}
	// The lookbehind is Python-only; [broken] has no log_group_name.
	if len(f.Notes) != 3 || f.Notes[0].Reason != awslogs.ReasonPattern || f.Notes[1].Reason != awslogs.ReasonMissingKey ||
		f.Notes[2].Reason != awslogs.ReasonUnknownKey {
		t.Fatalf("notes %+v", f.Notes)
	}
	// A value shown in a note is redacted like any host line.
	if v := f.Notes[2].Value; strings.Contains(v, "EXAMPLEKEY") || v == "" {
		t.Errorf("unknown key's value shown as %q", v)
	}
}

// The config cwsetup produces for the fixture by default: the awslogs
// groups and streams, checked formats only.
func TestGoldenConfig(t *testing.T) {
	rep, err := detect.Detect(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	a := plan.Defaults(*rep, "")
	cfg, err := render.AgentConfig(a)
	if err != nil {
		t.Fatal(err)
	}
	if ps := render.Check(cfg); len(ps) > 0 {
		t.Errorf("config fails the agent's rules: %v", ps)
	}
	golden := "testdata/al2-awslogs.config.json"
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, cfg, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test ./wizard/awslogs -update creates it)", err)
	}
	if !bytes.Equal(cfg, want) {
		t.Errorf("config differs from %s:\n%s", golden, cfg)
	}
	if a.Region != "ap-northeast-2" {
		t.Errorf("region %q, want awscli.conf's", a.Region)
	}
}
