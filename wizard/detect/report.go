// Package detect finds out what is on a host — OS, the CloudWatch agent,
// services and their log files — by reading the filesystem under a root.
// It never touches the network and never prints.
package detect

import "github.com/cwsetup/cwsetup/wizard/awslogs"

// Report is the result of detection; its JSON form is the stable output of
// `cwsetup detect --json` (documented in docs/detect.md).
type Report struct {
	OS       OS        `json:"os"`
	Arch     string    `json:"arch"`
	Agent    Agent     `json:"agent"`
	Services []Service `json:"services"`
	// Mounts are the mount points of the real filesystems (block devices;
	// no proc, tmpfs, overlay, snaps), "/" first; empty when the root has
	// no readable /proc/self/mounts.
	Mounts []string `json:"mounts,omitempty"`
	// Awslogs is the old CloudWatch Logs agent's configuration, when the
	// host has one (its logs become the default selection).
	Awslogs *awslogs.Found `json:"awslogs,omitempty"`
	// AwslogsProblem is why an existing awslogs config could not be read.
	AwslogsProblem string `json:"awslogs_problem,omitempty"`
}

// OS is what /etc/os-release says.
type OS struct {
	ID         string `json:"id"`
	VersionID  string `json:"version_id"`
	Family     string `json:"family"` // rhel, amzn, debian, or "" when unknown
	PrettyName string `json:"pretty_name"`
}

// Agent is the state of the CloudWatch agent on the host.
type Agent struct {
	Installed  bool   `json:"installed"`
	Version    string `json:"version"`
	Running    bool   `json:"running"`
	ConfigPath string `json:"config_path"` // existing bin/config.json, "" when none
}

// State of a service.
type State string

const (
	Running   State = "running"
	Installed State = "installed"
)

// Service names, stable in JSON and shared with sizing.
const (
	System     = "system"
	Apache     = "apache"
	Nginx      = "nginx"
	PHPFPM     = "php-fpm"
	Tomcat     = "tomcat"
	MySQL      = "mysql"
	PostgreSQL = "postgresql"
	Redis      = "redis"
)

// Service is one detected daemon (absent services are not listed).
type Service struct {
	Name     string   `json:"name"`
	State    State    `json:"state"`
	Flavor   string   `json:"flavor,omitempty"` // e.g. rsyslog|journald, httpd|apache2, mysql|mariadb, MPM
	Evidence []string `json:"evidence"`         // what showed it: "process 1234 nginx", "unit /lib/systemd/system/nginx.service"
	Logs     []Log    `json:"logs"`

	Config   string    `json:"config,omitempty"` // main config file read for the log paths
	MPM      string    `json:"mpm,omitempty"`    // apache: prefork, worker or event
	Pools    []string  `json:"pools,omitempty"`  // php-fpm pool names
	Skipped  []Skipped `json:"skipped,omitempty"`
	Problems []string  `json:"problems,omitempty"` // config files that could not be read or parsed
}

// Skipped is a log destination from the config that is not a file to
// collect, and why (SkipPiped, SkipSyslog, SkipVariable, SkipRefused,
// SkipBadPath).
type Skipped struct {
	Source string `json:"source"` // "/etc/httpd/conf.d/shop.conf:3 CustomLog"
	Target string `json:"target"` // as written: "|/usr/sbin/rotatelogs …"
	Reason string `json:"reason"`
}

// Log is one log file (or glob, or journal source) of a service.
type Log struct {
	Path                  string `json:"path"`
	Exists                bool   `json:"exists"`
	Size                  int64  `json:"size"`
	TimestampFormat       string `json:"timestamp_format"`
	FormatChecked         bool   `json:"format_checked"`
	MultiLineStartPattern string `json:"multi_line_start_pattern,omitempty"`

	Name       string `json:"name"`                  // short name for log group naming: access, error, catalina
	Source     string `json:"source"`                // "/etc/nginx/nginx.conf:12 access_log", or "default"
	Check      string `json:"check"`                 // CheckOK, CheckMismatch, CheckEmpty, CheckMissing, CheckUnreadable, CheckNotRegular, CheckError, CheckRefused, CheckJournal
	CheckError string `json:"check_error,omitempty"` // with CheckError: the reason ("too many levels of symbolic links")
	FailedLine string `json:"failed_line,omitempty"` // the last line the format did not parse
	// SuggestedFormat, with a mismatch, is a known format that does parse
	// the file's last lines: for the user to confirm, never used as is.
	SuggestedFormat string `json:"suggested_format,omitempty"`
	Timezone        string `json:"timezone,omitempty"` // "UTC" when the log is written in UTC (MySQL 8)
	// LastLine is the file's last non-empty line (shortened, key-like
	// strings redacted), for display.
	LastLine string `json:"last_line,omitempty"`
}
