package plan

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/cwsetup/cwsetup/internal/lazy"
	"github.com/cwsetup/cwsetup/wizard/detect"
)

// Role is a server role preset.
type Role string

// The role presets.
const (
	RoleWebApachePHP Role = "web-apache-php"
	RoleWebNginxPHP  Role = "web-nginx-php"
	RoleWASTomcat    Role = "was-tomcat"
	RoleDBMySQL      Role = "db-mysql"
	RoleBase         Role = "base"
)

// Preset is what a role sets beyond the base: the services whose logs it
// expects (shipped even before the file exists) and the daemons it watches
// with procstat.
type Preset struct {
	Role     Role
	Services []string
	Procstat []string
}

// Presets lists the roles in display order.
var Presets = []Preset{
	{Role: RoleWebApachePHP, Services: []string{detect.Apache, detect.PHPFPM}},
	{Role: RoleWebNginxPHP, Services: []string{detect.Nginx, detect.PHPFPM}},
	{Role: RoleWASTomcat, Services: []string{detect.Tomcat},
		Procstat: []string{"pattern:org\\.apache\\.catalina\\.startup\\.Bootstrap"}},
	{Role: RoleDBMySQL, Services: []string{detect.MySQL},
		Procstat: []string{"^(mysqld|mariadbd)$"}},
	{Role: RoleBase},
}

// AwslogsService is the Service of a log migrated from awslogs.
const AwslogsService = "awslogs"

// Default retention (days): security logs are kept a year, others 90 days.
const (
	SecurityRetention = 365
	DefaultRetention  = 90
)

// JournaldMinAgent is the first agent version that reads the journal.
const JournaldMinAgent = "1.300070.0"

// PresetFor returns the preset of a role (base for an unknown one).
func PresetFor(r Role) Preset {
	for _, p := range Presets {
		if p.Role == r {
			return p
		}
	}
	return Presets[len(Presets)-1]
}

// ParseRole accepts a role name.
func ParseRole(s string) (Role, bool) {
	for _, p := range Presets {
		if string(p.Role) == s {
			return p.Role, true
		}
	}
	return "", false
}

func roleNames() []string {
	var n []string
	for _, p := range Presets {
		n = append(n, string(p.Role))
	}
	return n
}

// SuggestRole picks the role a detected host most likely has: the web tier
// first (a web server with a local DB is still a web server), then WAS, DB.
func SuggestRole(r detect.Report) Role {
	state := map[string]detect.State{}
	for _, s := range r.Services {
		state[s.Name] = s.State
	}
	// A running service beats an installed one.
	for _, want := range []detect.State{detect.Running, detect.Installed} {
		for _, c := range []struct {
			svc  string
			role Role
		}{{detect.Apache, RoleWebApachePHP}, {detect.Nginx, RoleWebNginxPHP}, {detect.Tomcat, RoleWASTomcat}, {detect.MySQL, RoleDBMySQL}} {
			if state[c.svc] == want {
				return c.role
			}
		}
	}
	return RoleBase
}

// JournaldSupported reports whether the agent on the host can read the
// journal: it is new enough, or absent (a fresh install is current).
func JournaldSupported(a detect.Agent) bool {
	if !a.Installed {
		return true
	}
	return versionAtLeast(a.Version, JournaldMinAgent)
}

// versionAtLeast compares dotted numeric versions; an unparsable one is
// treated as too old.
func versionAtLeast(v, min string) bool {
	parse := func(s string) []int {
		var out []int
		for _, f := range strings.Split(strings.TrimPrefix(strings.TrimSpace(s), "v"), ".") {
			// "1.300070.0b1234" → 1.300070.0
			f = strings.TrimRightFunc(f, func(r rune) bool { return r < '0' || r > '9' })
			if i := strings.IndexFunc(f, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
				f = f[:i]
			}
			n, err := strconv.Atoi(f)
			if err != nil {
				return nil
			}
			out = append(out, n)
		}
		return out
	}
	a, b := parse(v), parse(min)
	if a == nil {
		return false
	}
	for i := range max(len(a), len(b)) {
		x, y := 0, 0
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			return x > y
		}
	}
	return true
}

// Defaults builds the answers for a detected host and a role: every
// detected log that exists (plus the role's expected logs), default group
// names, retention, memory/disk/swap metrics with InstanceId, procstat for
// the role's daemon, and the system logs from the journal where the host
// keeps them only there.
func Defaults(r detect.Report, role Role) Answers {
	if _, ok := ParseRole(string(role)); !ok {
		role = SuggestRole(r)
	}
	p := PresetFor(role)
	a := Answers{
		Role: role,
		// The agent's own user; apply grants it read access to exactly the
		// shipped files (secure 0600, auth.log and web logs 0640 root:adm
		// are not world-readable) or falls back to root, saying why.
		RunAsUser:      "cwagent",
		LogGroupPrefix: "/ec2",
		StreamName:     "{instance_id}",
		LogGroupClass:  ClassStandard,
		Metrics: Metrics{
			Enabled:             true,
			Collect:             []string{"mem", "disk", "swap"},
			DiskPaths:           diskPaths(r),
			Procstat:            slices.Clone(p.Procstat),
			InstanceIDDimension: true,
			IntervalSeconds:     60,
		},
	}
	names := map[string]bool{}
	var migrated []string // the old agent's file patterns
	if r.Awslogs != nil {
		// The old agent's logs come first, as the user configured them:
		// same groups and streams, the retention the groups already have.
		if a.Region == "" {
			a.Region = r.Awslogs.Region
		}
		for _, l := range r.Awslogs.Logs {
			src := LogSource{Service: AwslogsService, Name: sanitizeName(l.Section), Path: l.Path,
				LogGroup: l.Group, StreamName: l.Stream, TimestampFormat: l.TimestampFormat, MultiLineStart: l.MultiLineStart}
			if src.Name == "" {
				src.Name = LogName(l.Path)
			}
			if src.TimestampFormat != "" {
				src.Timezone = l.Timezone
			}
			base := src.Name
			for n := 2; names[src.Service+"/"+src.Name]; n++ {
				src.Name = base + "-" + strconv.Itoa(n)
			}
			names[src.Service+"/"+src.Name] = true
			migrated = append(migrated, l.Path)
			a.Logs = append(a.Logs, src)
		}
	}
	for _, s := range r.Services {
		if s.Name == detect.System && s.Flavor == "journald" && JournaldSupported(r.Agent) {
			a.Logs = append(a.Logs, journalSources()...)
			continue
		}
		expected := slices.Contains(p.Services, s.Name)
		for _, l := range s.Logs {
			if shippedBy(migrated, l.Path) || !strings.HasPrefix(l.Path, "/") || !(l.Exists || expected) ||
				l.Check == detect.CheckNotRegular || l.Check == detect.CheckRefused {
				continue // nothing the agent could follow, or a file never shipped
			}
			// Names from the path keep the design's /ec2/apache/access form
			// (detect's own names keep suffixes such as error_log).
			src := LogSource{Service: s.Name, Name: LogName(l.Path), Path: l.Path}
			if src.Name == "log" && sanitizeName(l.Name) != "" {
				src.Name = sanitizeName(l.Name)
			}
			// A format that did not parse the file's own lines is not used
			// (the summary says so); one for a file with no lines yet (or
			// none cwsetup may read) is kept and checked later.
			untried := !l.Exists || l.Check == detect.CheckEmpty || l.Check == detect.CheckUnreadable || l.Check == detect.CheckError
			if l.TimestampFormat != "" && (l.FormatChecked || untried) {
				src.TimestampFormat = l.TimestampFormat
				src.Timezone = "Local"
				if l.Timezone == "UTC" || strings.HasSuffix(l.TimestampFormat, "Z") {
					src.Timezone = "UTC"
				}
				src.MultiLineStart = l.MultiLineStartPattern
			}
			// Two logs with the same short name (www-error in two pools)
			// would share a group; keep them apart.
			base := src.Name
			for n := 2; names[s.Name+"/"+src.Name]; n++ {
				src.Name = base + "-" + strconv.Itoa(n)
			}
			names[s.Name+"/"+src.Name] = true
			src.RetentionDays = DefaultRetention
			if IsSecurityLog(l.Path) {
				src.RetentionDays = SecurityRetention
			}
			a.Logs = append(a.Logs, src)
		}
	}
	// The security alarms are on wherever the auth log is shipped.
	a.Alarms = Alarms{Enabled: len(a.SecurityGroups()) > 0, PeriodSeconds: DefaultAlarmPeriod}
	return a
}

// diskPaths are the filesystems disk_used_percent is published for:
// every real mounted filesystem detection found, else "/".
func diskPaths(r detect.Report) []string {
	if len(r.Mounts) == 0 {
		return []string{"/"}
	}
	return slices.Clone(r.Mounts)
}

// journalSources reads the system and auth logs from the journal: all
// entries from info up, and the auth/authpriv facilities (sshd, sudo,
// su, logind) — what rsyslog would have put in messages and secure.
// Match objects are OR-ed (journalctl's "+"), as in the OpenTelemetry
// journald input whose units/matches/priority the agent's receiver takes.
func journalSources() []LogSource {
	return []LogSource{
		{Service: detect.System, Name: "messages", Journal: &JournalSelect{Priority: "info"},
			RetentionDays: DefaultRetention},
		{Service: detect.System, Name: "secure", Journal: &JournalSelect{
			Matches: []map[string]string{{"SYSLOG_FACILITY": "4"}, {"SYSLOG_FACILITY": "10"}},
		}, RetentionDays: SecurityRetention},
	}
}

// IsSecurityLog reports whether a path is an authentication log.
func IsSecurityLog(p string) bool {
	switch path.Base(p) {
	case "secure", "auth.log":
		return true
	}
	return false
}

var (
	dateLikeRE = lazy.Regexp(`[._-]?(\*|\d{4}-\d{2}-\d{2}|\d{8})`)
	extRE      = lazy.Regexp(`(\.log|\.txt|_log)+$`)
)

// LogName derives a log's short name from its path: access_log → access,
// error.log → error, catalina.*.log → catalina,
// localhost_access_log.*.txt → localhost_access.
func LogName(p string) string {
	b := path.Base(p)
	if i := strings.IndexAny(b, "*?["); i >= 0 {
		b = b[:i]
	}
	b = dateLikeRE().ReplaceAllString(b, "")
	for {
		n := extRE().ReplaceAllString(b, "")
		n = strings.TrimRight(n, "._-")
		if n == b {
			break
		}
		b = n
	}
	if b = sanitizeName(b); b == "" {
		b = "log"
	}
	return b
}

// shippedBy reports whether one of the patterns (paths or globs, as the
// old agent's file keys are) already names p: that file is not added twice.
func shippedBy(patterns []string, p string) bool {
	for _, pat := range patterns {
		if ok, _ := path.Match(pat, p); ok || pat == p {
			return true
		}
	}
	return false
}
