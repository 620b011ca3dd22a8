package agent

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
)

// CtlTimeout bounds one ctl invocation. fetch-config restarts the agent
// through systemd, which takes seconds; a ctl still running after this is
// hung (a wedged systemd, a stuck agent) and is killed with its process
// group, so neither apply nor its undo waits forever.
const CtlTimeout = 90 * time.Second

// Ctl runs amazon-cloudwatch-agent-ctl.
type Ctl struct {
	Path string   // local path of the ctl
	Env  []string // nil: cwsetup's environment
	// Timeout bounds one run; 0 means CtlTimeout.
	Timeout time.Duration
}

// CtlRun is the outcome of one ctl invocation.
type CtlRun struct {
	Argv   []string
	Output string // stdout and stderr, interleaved as they came
	Exit   int    // -1 when it could not be started
}

// OK reports a zero exit status.
func (r *CtlRun) OK() bool { return r != nil && r.Exit == 0 }

// FetchConfigArgs are the arguments that make the agent load configPath,
// validate it and (re)start.
func FetchConfigArgs(configPath string) []string {
	return []string{"-a", "fetch-config", "-m", "ec2", "-s", "-c", "file:" + configPath}
}

// Run executes the ctl with args from its own directory, sending each
// output line to line as it arrives. The child runs in its own process
// group and is not tied to a context: a Ctrl-C at the terminal must not
// kill the agent's control script half-way, the caller decides what to do
// once it has finished.
func (c Ctl) Run(args []string, line func(string)) (*CtlRun, error) {
	run := &CtlRun{Argv: append([]string{c.Path}, args...), Exit: -1}
	cmd := exec.Command(c.Path, args...)
	cmd.Dir = filepath.Dir(c.Path)
	cmd.Env = c.Env
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	pr, pw := io.Pipe()
	cmd.Stdout = pw
	cmd.Stderr = pw
	if err := cmd.Start(); err != nil {
		pw.Close()
		return run, err
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = CtlTimeout
	}
	var timedOut bool
	var mu sync.Mutex
	timer := time.AfterFunc(timeout, func() {
		mu.Lock()
		timedOut = true
		mu.Unlock()
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // the whole group: the ctl's shell and what it started
	})
	defer timer.Stop()
	var out strings.Builder
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sc := bufio.NewScanner(pr)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			out.WriteString(sc.Text())
			out.WriteByte('\n')
			if line != nil {
				line(sc.Text())
			}
		}
		io.Copy(io.Discard, pr)
	}()
	err := cmd.Wait()
	timer.Stop()
	pw.Close()
	wg.Wait()
	run.Output = out.String()
	mu.Lock()
	killed := timedOut
	mu.Unlock()
	if killed {
		return run, i18n.Errorf(i18n.ApplyErrCtlTimeout, strings.Join(run.Argv, " "), timeout)
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
		run.Exit = 0
	case errors.As(err, &ee):
		run.Exit = ee.ExitCode()
		if run.Exit < 0 {
			run.Exit = 1 // killed by a signal
		}
	default:
		return run, err
	}
	return run, nil
}

// Status is `amazon-cloudwatch-agent-ctl -a status`.
type Status struct {
	Status       string `json:"status"` // running | stopped
	StartTime    string `json:"starttime"`
	ConfigStatus string `json:"configstatus"` // configured | not configured
	Version      string `json:"version"`
}

// Running reports whether the agent process runs.
func (s Status) Running() bool { return s.Status == "running" }

// Configured reports whether the agent has a config loaded.
func (s Status) Configured() bool { return s.ConfigStatus == "configured" }

// ParseStatus reads the JSON the ctl prints for -a status. The ctl may
// print other lines before it; the first JSON object is used.
func ParseStatus(out string) (Status, error) {
	var st Status
	i := strings.IndexByte(out, '{')
	if i < 0 {
		return st, errors.New("no JSON object in status output")
	}
	dec := json.NewDecoder(strings.NewReader(out[i:]))
	if err := dec.Decode(&st); err != nil {
		return st, err
	}
	if st.Status == "" {
		return st, errors.New(`status output has no "status"`)
	}
	return st, nil
}

// FailureKind classifies why fetch-config failed.
type FailureKind string

const (
	FailSchema      FailureKind = "schema"      // JSON schema check (phase one)
	FailTranslator  FailureKind = "translator"  // translator rules (phase one)
	FailCredentials FailureKind = "credentials" // no role/credentials or region
	FailSecondPhase FailureKind = "second-phase"
	FailStart       FailureKind = "start" // validation passed, the service did not start
	FailUnknown     FailureKind = "unknown"
)

// PathError is one "Under path : P | Error : M" line of the translator.
type PathError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// Failure is a fetch-config failure, parsed from the ctl's output.
type Failure struct {
	Kind    FailureKind `json:"kind"`
	Errors  []PathError `json:"errors,omitempty"`
	Detail  string      `json:"detail,omitempty"` // the agent's own most telling line(s)
	Version string      `json:"version,omitempty"`
	Exit    int         `json:"exit"`
}

var (
	underPathRE = regexp.MustCompile(`Under path : (\S*) \| Error : (.*)$`)
	versionRE   = regexp.MustCompile(`(?i)first phase failed\. Agent version: ([^ ]+?)\.? Verify`)
	// Lines with a leading "2026/11/25 07:40:00 " log stamp.
	logStampRE = regexp.MustCompile(`^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} `)
)

// ParseFailure classifies a failed fetch-config from its output.
func ParseFailure(run *CtlRun) Failure {
	f := Failure{Kind: FailUnknown, Exit: run.Exit}
	lines := strings.Split(strings.TrimRight(run.Output, "\n"), "\n")
	invalidSchema, firstPhase, secondPhase, validated := false, false, false, false
	var errLog []string
	inErrLog := false
	for _, raw := range lines {
		l := logStampRE.ReplaceAllString(raw, "")
		if inErrLog {
			if strings.TrimSpace(l) != "" {
				errLog = append(errLog, l)
			}
			continue
		}
		switch {
		case strings.Contains(l, "Invalid Json input schema"):
			invalidSchema = true
		case underPathRE.MatchString(l):
			m := underPathRE.FindStringSubmatch(l)
			f.Errors = append(f.Errors, PathError{Path: m[1], Message: strings.TrimSpace(m[2])})
		case strings.Contains(strings.ToLower(l), "first phase failed"):
			firstPhase = true
			if m := versionRE.FindStringSubmatch(l); m != nil {
				f.Version = m[1]
			}
		case strings.Contains(l, "second phase failed"):
			secondPhase = true
		case strings.Contains(l, "======== Error Log ========"):
			inErrLog = true
		case strings.Contains(l, "Configuration validation succeeded"):
			validated = true
		case credentialsLine(l):
			f.Kind = FailCredentials
			f.Detail = strings.TrimSpace(l)
		case strings.HasPrefix(strings.TrimSpace(l), "E! ") && f.Detail == "":
			f.Detail = strings.TrimSpace(l)
		}
	}
	switch {
	case f.Kind == FailCredentials:
	case invalidSchema:
		f.Kind = FailSchema
	case firstPhase || len(f.Errors) > 0:
		f.Kind = FailTranslator
	case secondPhase:
		f.Kind = FailSecondPhase
		f.Detail = strings.Join(errLog, "\n")
	case validated:
		f.Kind = FailStart
		f.Detail = lastLines(lines, 3)
	}
	if f.Detail == "" && f.Kind == FailUnknown {
		f.Detail = lastLines(lines, 3)
	}
	return f
}

func credentialsLine(l string) bool {
	for _, s := range []string{
		"Please make sure the credentials and region set correctly",
		"NoCredentialProviders",
		"no EC2 instance role found",
		"EC2RoleRequestError",
		"no EC2 IMDS role found",
		"failed to refresh cached credentials",
		"failed to retrieve credentials",
	} {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

func lastLines(lines []string, n int) string {
	var keep []string
	for i := len(lines) - 1; i >= 0 && len(keep) < n; i-- {
		if s := strings.TrimSpace(lines[i]); s != "" {
			keep = append([]string{s}, keep...)
		}
	}
	return strings.Join(keep, "\n")
}

// CredentialErrorsInLog returns the agent's own log lines (under the
// root) that say it has no credentials: fetch-config passes without a
// role, the agent only fails when it first tries to send.
func CredentialErrorsInLog(logPath string) []string {
	b, err := os.ReadFile(logPath)
	if err != nil {
		return nil
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if credentialsLine(l) {
			out = append(out, l)
		}
	}
	return out
}
