package app

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// VerifySlack is how long Verify may run past its Wait: the read-back
// calls still in flight at the marker's deadline, and the log-group check
// after it: `verify --wait D` ends within D + 10 s (docs/architecture.md).
const VerifySlack = 8 * time.Second

// VerifyOptions tune Verify.
type VerifyOptions struct {
	Wait     time.Duration // bound for the marker; 0: 60 s
	Progress func(agent.Check)
}

// Verified is the result of Verify: the checks, and the region they were
// made in (for the next steps).
type Verified struct {
	*agent.VerifyResult
	// Region is where the agent sends (config's agent.region, else the
	// configured region, else the instance's); "" when unknown.
	Region string
}

// Verify is the verify job: the agent runs, it loaded the config on
// disk, each log group exists with its retention, and a marker line
// written to the system log arrived in CloudWatch Logs. Each check is
// reported to Progress as it completes. The error is VerifyErrFailed
// when a check failed (Verified says which), or why verify could not run.
//
// It ends within Wait + VerifySlack even when AWS accepts connections and
// never answers (docs/architecture.md); the error then says so.
func Verify(ctx context.Context, r host.Root, ports Ports, o VerifyOptions) (*Verified, error) {
	wait := o.Wait
	if wait <= 0 {
		wait = agent.DefaultVerifyWait
	}
	outer := ctx
	ctx, cancel := context.WithTimeout(ctx, wait+VerifySlack)
	defer cancel()
	region := AgentRegion(ctx, r, ports)
	vo := agent.VerifyOptions{Root: r, Wait: wait, Poll: time.Second, Progress: o.Progress}
	if ports.Logs == nil {
		vo.ReaderErr = i18n.Errorf(i18n.AppErrNoLogsPort)
	} else if reader, err := ports.Logs(ctx, region); err != nil {
		vo.ReaderErr = err
	} else {
		vo.Reader = reader
	}
	res, err := agent.Verify(ctx, vo)
	if errors.Is(err, context.DeadlineExceeded) && outer.Err() == nil {
		err = i18n.Errorf(i18n.VerifyErrDeadline, (wait + VerifySlack).String(), wait.String(), VerifySlack.String())
	}
	v := &Verified{VerifyResult: res, Region: region}
	if v.VerifyResult == nil {
		v.VerifyResult = &agent.VerifyResult{}
	}
	for _, k := range []string{"AWS_REGION", "AWS_DEFAULT_REGION"} {
		if v.Region == "" {
			v.Region = render.TermLine(ports.getenv(k)) // the environment is shown, and anyone may set it
		}
	}
	return v, err
}

// AgentRegion is the region the agent sends to: the config's
// agent.region, else "" when the environment names one (the SDK uses
// it), else the instance's (IMDS).
func AgentRegion(ctx context.Context, r host.Root, ports Ports) string {
	if b, err := r.ReadFile(agent.ConfigPath); err == nil {
		var doc struct {
			Agent struct {
				Region string `json:"region"`
			} `json:"agent"`
		}
		if json.Unmarshal(b, &doc) == nil && doc.Agent.Region != "" {
			return doc.Agent.Region
		}
	}
	if ports.getenv("AWS_REGION") != "" || ports.getenv("AWS_DEFAULT_REGION") != "" {
		return ""
	}
	if ports.Instance != nil {
		if in, err := ports.Instance(ctx); err == nil {
			return in.Region
		}
	}
	return ""
}

// Failures are the checks that failed, each with its hints (the likely
// causes and what to fix).
func (v *Verified) Failures() []agent.Check {
	var out []agent.Check
	for _, c := range v.Checks {
		if c.Status == agent.Fail {
			out = append(out, c)
		}
	}
	return out
}

// RetryCommands are what to run after a failed verify: the agent's own
// log, then verify again with more time.
func RetryCommands() []string {
	return []string{
		"sudo tail -n 50 " + agent.AgentLogPath,
		"sudo cwsetup verify --wait 2m",
	}
}
