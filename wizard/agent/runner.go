package agent

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strings"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
)

// Runner runs the system tools apply needs besides the agent's ctl:
// getfacl and setfacl (package acl), groupadd, useradd, usermod, gpasswd,
// userdel and groupdel. Apply takes one so tests can record commands or
// make one fail the way a host would; ExecRunner runs them.
type Runner interface {
	// Run runs argv with stdin and returns its standard output. A tool
	// that ran and failed gives a *CommandError.
	Run(argv []string, stdin []byte) ([]byte, error)
	// Available reports whether the tool named can be run.
	Available(name string) bool
}

// CommandError is a tool that ran and exited non-zero (Exit) or could not
// be started (Exit -1, Err).
type CommandError struct {
	Argv   []string
	Exit   int
	Stderr string
	Err    error
}

func (e *CommandError) Error() string {
	msg := strings.TrimSpace(e.Stderr)
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	return joinArgv(e.Argv) + ": " + msg
}

func (e *CommandError) Unwrap() error { return e.Err }

// Unsupported reports the filesystem refusing ACLs (EOPNOTSUPP, which
// setfacl prints as "Operation not supported").
func (e *CommandError) Unsupported() bool {
	return strings.Contains(e.Stderr, "Operation not supported") || strings.Contains(e.Stderr, "Not supported")
}

// maxToolOutput bounds what is kept of a tool's output.
const maxToolOutput = 1 << 20

// ToolTimeout bounds one tool run (setfacl, getfacl, useradd, a package
// manager query): none of them should take long, and a hung one must not
// keep apply, its undo or a signal's cleanup waiting.
const ToolTimeout = 2 * time.Minute

// ExecRunner runs tools from PATH with env (nil: cwsetup's environment).
type ExecRunner struct {
	Env     []string
	Timeout time.Duration // 0: ToolTimeout
}

// Run implements Runner.
func (x ExecRunner) Run(argv []string, stdin []byte) ([]byte, error) {
	timeout := x.Timeout
	if timeout <= 0 {
		timeout = ToolTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.WaitDelay = time.Second // a child that keeps the pipes open does not hold Wait
	cmd.Env = x.Env
	cmd.Dir = "/"
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out, errOut limitedBuffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if err == nil {
		return out.Bytes(), nil
	}
	if ctx.Err() != nil {
		err = i18n.Errorf(i18n.ApplyErrCtlTimeout, strings.Join(argv, " "), timeout)
	}
	ce := &CommandError{Argv: argv, Exit: -1, Stderr: errOut.String(), Err: err}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		ce.Exit = ee.ExitCode()
	}
	return out.Bytes(), ce
}

// Available implements Runner.
func (x ExecRunner) Available(name string) bool {
	_, err := exec.LookPath(name)
	return err == nil
}

// limitedBuffer keeps the first maxToolOutput bytes and drops the rest.
type limitedBuffer struct{ bytes.Buffer }

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := maxToolOutput - b.Len(); room > 0 {
		if len(p) > room {
			b.Buffer.Write(p[:room])
		} else {
			b.Buffer.Write(p)
		}
	}
	return len(p), nil
}
