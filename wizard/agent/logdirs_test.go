package agent

import (
	"slices"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/detect"
)

func TestLogDirsFromDaemonConfigs(t *testing.T) {
	rep := detect.Report{Services: []detect.Service{{Name: "apache", Logs: []detect.Log{
		{Path: "/srv/www/shop/logs/access.log", Source: "/etc/httpd/conf.d/shop.conf:3 CustomLog"},
		{Path: "/opt/app/log/*/app-*.log", Source: "/etc/app.conf:1 log"},
		{Path: "/var/log/httpd/error_log", Source: "/etc/httpd/conf/httpd.conf:9 ErrorLog"},
		{Path: "/srv/default/x.log", Source: "default"},
		{Path: "/home/alice/logs/a.log", Source: "/etc/httpd/conf.d/a.conf:1 CustomLog"},
		{Path: "/etc/httpd/logs/b.log", Source: "/etc/httpd/conf.d/b.conf:1 CustomLog"},
		{Path: "/srv/.hidden/c.log", Source: "/etc/httpd/conf.d/c.conf:1 CustomLog"},
		{Path: "/d.log", Source: "/etc/httpd/conf.d/d.conf:1 CustomLog"},
	}}}}
	got := LogDirs(rep)
	want := []string{"/opt/app/log", "/srv/www/shop/logs"}
	if !slices.Equal(got, want) {
		t.Errorf("LogDirs = %q, want %q", got, want)
	}
}

func TestCheckAllowPath(t *testing.T) {
	for p, want := range map[string]i18n.Key{
		"/srv/app/logs":       "",
		"/srv/app/logs/":      "",
		"srv/app":             i18n.ApplyWhyAllowAbs,
		"/srv/../etc":         i18n.ApplyWhyAllowAbs,
		"/":                   i18n.ApplyWhyAllowRoot,
		"/home/alice/logs":    i18n.AccessWhyPrivateDir,
		"/root/logs":          i18n.AccessWhyPrivateDir,
		"/etc/httpd/logs":     i18n.AccessWhyPrivateDir,
		"/srv/app/.cache/log": i18n.AccessWhyPrivateDir,
	} {
		err := CheckAllowPath(p)
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", p, err)
		case want != "" && (err == nil || !err.Usage || err.Args[1].(*i18n.Error).Key != want):
			t.Errorf("%s: %v, want %s", p, err, want)
		}
	}
}
