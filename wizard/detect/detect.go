package detect

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/awslogs"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/svcconf"
)

// Detect inspects the host under r. Errors are about the root itself (no
// or unreadable os-release): usage errors, since --root is user input.
// Everything else that cannot be read is reported in the result.
//
// A root with a context (host.Root.WithContext) stops detection at its
// next file operation once the context is done: Detect then returns the
// context's error and no report.
func Detect(r host.Root) (*Report, error) {
	s := &scan{r: r}
	if err := s.readOS(); err != nil {
		if cerr := r.Err(); cerr != nil {
			return nil, cerr
		}
		return nil, err
	}
	s.listProcesses()
	rep := &Report{OS: s.os, Arch: s.arch(), Agent: s.agent(), Services: []Service{}, Mounts: s.readMounts()}
	for _, f := range []func() *Service{s.system, s.apache, s.nginx, s.phpFPM, s.tomcat, s.mysql, s.postgresql, s.redis} {
		if err := r.Err(); err != nil {
			return nil, err
		}
		if svc := f(); svc != nil {
			rep.Services = append(rep.Services, *svc)
		}
	}
	if f, err := awslogs.Find(r); err != nil {
		rep.AwslogsProblem = causeOf(err).Error()
	} else {
		rep.Awslogs = f
	}
	if err := r.Err(); err != nil {
		return nil, err // a report from a walk cut short would mislead
	}
	return rep, nil
}

// scan holds what several detectors share.
type scan struct {
	r      host.Root
	os     OS
	procs  []host.ProcEntry
	byComm map[string][]int // comm → PIDs, ascending
	dpkg   map[string]bool  // installed Debian packages, read on first need
}

func (s *scan) readOS() error {
	var data []byte
	var file string
	var err error
	for _, f := range []string{"/etc/os-release", "/usr/lib/os-release"} {
		file = f
		data, err = svcconf.ReadRegular(s.r, f, 1<<20)
		if err == nil || !errors.Is(err, fs.ErrNotExist) {
			break
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return i18n.UsageErrorf(i18n.ErrNoOSRelease, s.r.Dir())
	case err != nil:
		return i18n.UsageErrorf(i18n.ErrOSReleaseRead, s.r.Path(file), causeOf(err))
	}
	os, _, err := ParseOSRelease(data)
	if err != nil {
		oe := &OSReleaseError{Text: err.Error()}
		errors.As(err, &oe)
		if oe.Line == 0 {
			return i18n.UsageErrorf(i18n.ErrOSReleaseNoID, s.r.Path(file))
		}
		return i18n.UsageErrorf(i18n.ErrOSReleaseBad, s.r.Path(file), oe.Line, oe.Text)
	}
	s.os = os
	return nil
}

// causeOf drops a PathError's local path (a temp dir under a test root).
func causeOf(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (s *scan) listProcesses() {
	s.byComm = map[string][]int{}
	ps, err := s.r.ProcessNames()
	if err != nil {
		return // no /proc under a fixture root: nothing runs
	}
	s.procs = ps
	for _, p := range ps {
		s.byComm[p.Comm] = append(s.byComm[p.Comm], p.PID)
	}
}

// pids returns the PIDs whose comm satisfies match, ascending, and the
// first matching comm.
func (s *scan) pids(match func(comm string) bool) ([]int, string) {
	var out []int
	first := ""
	for _, p := range s.procs {
		if match(p.Comm) {
			if first == "" {
				first = p.Comm
			}
			out = append(out, p.PID)
		}
	}
	return out, first
}

func commIs(names ...string) func(string) bool {
	return func(c string) bool { return slices.Contains(names, c) }
}

// arch reads the kernel's machine name under the root (a fixture has
// proc/sys/kernel/arch); on the live machine without it, Go's own.
func (s *scan) arch() string {
	b, err := s.r.ReadFile("/proc/sys/kernel/arch")
	a := strings.TrimSpace(string(b))
	if err != nil || a == "" {
		if !s.r.Live() {
			return ""
		}
		return runtime.GOARCH
	}
	switch a {
	case "x86_64":
		return "amd64"
	case "aarch64":
		return "arm64"
	}
	return a
}

const agentDir = "/opt/aws/amazon-cloudwatch-agent"

func (s *scan) agent() Agent {
	var a Agent
	for _, b := range []string{"/bin/amazon-cloudwatch-agent-ctl", "/bin/amazon-cloudwatch-agent"} {
		if s.r.Exists(agentDir + b) {
			a.Installed = true
			break
		}
	}
	if v, err := svcconf.ReadRegular(s.r, agentDir+"/bin/CWAGENT_VERSION", 4096); err == nil {
		a.Version = strings.TrimSpace(string(v))
	}
	if st, err := s.r.Stat(agentDir + "/bin/config.json"); err == nil && st.Mode().IsRegular() {
		a.ConfigPath = agentDir + "/bin/config.json"
	}
	// comm is cut at 15 bytes: "amazon-cloudwat" is the agent and also
	// amazon-cloudwatch-agent-ctl (a script), so argv[0] decides.
	pids, _ := s.pids(func(c string) bool { return strings.HasPrefix(c, "amazon-cloudwat") })
	for _, pid := range pids {
		if args := s.r.ProcCmdline(pid); len(args) > 0 && path.Base(args[0]) == "amazon-cloudwatch-agent" {
			a.Running = true
			break
		}
	}
	return a
}

var unitDirs = []string{"/etc/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system"}

// unit returns the first unit file found among names (globs allowed).
func (s *scan) unit(names ...string) string {
	for _, n := range names {
		for _, d := range unitDirs {
			if f := s.first(d + "/" + n); f != "" {
				return f
			}
		}
	}
	return ""
}

// first returns p if it exists, or the last match of a glob (highest version).
func (s *scan) first(p string) string {
	if strings.ContainsAny(p, "*?[") {
		m, _ := s.r.Glob(p)
		for i := len(m) - 1; i >= 0; i-- {
			if st, err := s.r.Stat(m[i]); err == nil && !st.IsDir() {
				return m[i]
			}
		}
		return ""
	}
	if st, err := s.r.Stat(p); err == nil && !st.IsDir() {
		return p
	}
	return ""
}

func (s *scan) firstOf(ps ...string) string {
	for _, p := range ps {
		if f := s.first(p); f != "" {
			return f
		}
	}
	return ""
}

// dpkgInstalled reports the first of names (prefix match when ending in
// '*') that dpkg's status file lists as installed.
func (s *scan) dpkgInstalled(names ...string) string {
	if s.dpkg == nil {
		s.dpkg = map[string]bool{}
		data, err := svcconf.ReadRegular(s.r, "/var/lib/dpkg/status", 64<<20)
		if err == nil {
			for _, para := range bytes.Split(data, []byte("\n\n")) {
				var pkg string
				installed := false
				for _, l := range bytes.Split(para, []byte("\n")) {
					if v, ok := bytes.CutPrefix(l, []byte("Package: ")); ok {
						pkg = string(bytes.TrimSpace(v))
					} else if v, ok := bytes.CutPrefix(l, []byte("Status: ")); ok {
						installed = bytes.HasSuffix(bytes.TrimSpace(v), []byte(" installed"))
					}
				}
				if pkg != "" && installed {
					s.dpkg[pkg] = true
				}
			}
		}
	}
	for _, n := range names {
		if p, ok := strings.CutSuffix(n, "*"); ok {
			var found []string
			for k := range s.dpkg {
				if strings.HasPrefix(k, p) {
					found = append(found, k)
				}
			}
			if len(found) > 0 {
				slices.Sort(found)
				return found[0]
			}
		} else if s.dpkg[n] {
			return n
		}
	}
	return ""
}

// presence is where a service shows: its processes, unit, binary, package.
type presence struct {
	pids    []int
	comm    string
	unit    string
	binary  string
	pkg     string
	comment string // appended to the process evidence (tomcat: the main class)
}

func (s *scan) presence(match func(string) bool, units, binaries, pkgs []string) presence {
	var p presence
	if match != nil {
		p.pids, p.comm = s.pids(match)
	}
	p.unit = s.unit(units...)
	p.binary = s.firstOf(binaries...)
	if p.unit == "" && p.binary == "" && len(p.pids) == 0 && len(pkgs) > 0 {
		p.pkg = s.dpkgInstalled(pkgs...)
	}
	return p
}

func (p presence) found() bool {
	return len(p.pids) > 0 || p.unit != "" || p.binary != "" || p.pkg != ""
}

// service starts a Service from p; nil when p shows nothing.
func (p presence) service(name string) *Service {
	if !p.found() {
		return nil
	}
	svc := &Service{Name: name, State: Installed, Evidence: []string{}, Logs: []Log{}}
	if len(p.pids) > 0 {
		svc.State = Running
		ev := fmt.Sprintf("process %d %s", p.pids[0], p.comm)
		if p.comment != "" {
			ev += " " + p.comment
		}
		svc.Evidence = append(svc.Evidence, ev)
	}
	if p.unit != "" {
		svc.Evidence = append(svc.Evidence, "unit "+p.unit)
	}
	if p.binary != "" {
		svc.Evidence = append(svc.Evidence, "binary "+p.binary)
	}
	if p.pkg != "" {
		svc.Evidence = append(svc.Evidence, "package "+p.pkg)
	}
	return svc
}

// addLog inspects p and adds it unless the service already has that file.
func (s *scan) addLog(svc *Service, p, source string, k kind) {
	if !path.IsAbs(p) {
		return
	}
	// /etc/httpd/logs/x → /var/log/httpd/x: report where the file really is.
	if s.r.Live() {
		if rp, err := filepath.EvalSymlinks(path.Dir(p)); err == nil {
			p = path.Join(rp, path.Base(p))
		}
	} else if rp, err := s.r.Resolve(path.Dir(p)); err == nil {
		p = path.Join(rp, path.Base(p))
	}
	for _, l := range svc.Logs {
		if l.Path == p {
			return
		}
	}
	// A config (or a link) naming a secret file or /proc is not a log: it
	// is listed as skipped and never read.
	switch host.CheckLogPath(p) {
	case host.PathOK:
	case host.PathPseudo, host.PathSecret, host.PathKeychain:
		svc.skip(source, p, SkipRefused)
		return
	default:
		svc.skip(source, p, SkipBadPath)
		return
	}
	if s.r.RefusedPath(p) != host.PathOK {
		svc.skip(source, p, SkipRefused)
		return
	}
	svc.Logs = append(svc.Logs, inspect(s.r, p, logName(p), source, k))
}

func (svc *Service) skip(source, target, reason string) {
	svc.Skipped = append(svc.Skipped, Skipped{Source: source, Target: target, Reason: reason})
}

func (svc *Service) problem(file string, err error) {
	var p svcconf.Problem
	if errors.As(err, &p) {
		svc.Problems = append(svc.Problems, p.Error())
		return
	}
	svc.Problems = append(svc.Problems, fmt.Sprintf("%s: %v", file, causeOf(err)))
}

func (s *scan) debianLike() bool { return s.os.Family == "debian" }
