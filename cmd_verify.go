package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/aws"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/host"
)

func init() { register(newVerifyCmd) }

// verifyOptions is everything `cwsetup verify` needs.
type verifyOptions struct {
	Wait   time.Duration
	Root   func() (host.Root, error)
	ErrOut io.Writer
	P      i18n.Printer
}

func newVerifyCmd(g *globals, s *streams) *cobra.Command {
	return newVerifyCmdWith(g, s, runVerify)
}

func newVerifyCmdWith(g *globals, s *streams, runF func(context.Context, *verifyOptions) error) *cobra.Command {
	o := &verifyOptions{Root: g.root, ErrOut: s.ErrOut, P: g.p}
	cmd := &cobra.Command{
		Use:   "verify",
		Short: g.p.T(i18n.VerifyShort),
		Long:  g.p.T(i18n.VerifyLong),
		RunE:  func(cmd *cobra.Command, args []string) error { return runF(cmd.Context(), o) },
	}
	cmd.Flags().DurationVar(&o.Wait, "wait", 60*time.Second, g.p.T(i18n.ApplyFlagWait))
	return cmd
}

func runVerify(ctx context.Context, o *verifyOptions) error {
	r, err := o.Root()
	if err != nil {
		return err
	}
	return runVerifyChecks(ctx, r, o)
}

// runVerifyChecks runs the checks and prints one line per check.
func runVerifyChecks(ctx context.Context, r host.Root, o *verifyOptions) error {
	p := o.P
	res, err := verifyAgent(ctx, r, o.Wait, func(c agent.Check) { writeVerifyCheck(o.ErrOut, p, c) })
	if err != nil {
		return err
	}
	if res.OK() {
		fmt.Fprintln(o.ErrOut, p.T(i18n.VerifyPassed))
	}
	return nil
}

// verifyAgent runs the checks of `cwsetup verify` on r against CloudWatch
// Logs, reporting each check as it completes (the TUI's verify screen can
// be given this function). The error is *i18n.Error VerifyErrFailed when a
// check failed.
func verifyAgent(ctx context.Context, r host.Root, wait time.Duration, progress func(agent.Check)) (*agent.VerifyResult, error) {
	reader, readerErr := verifyReaderFor(ctx, r)
	vo := agent.VerifyOptions{Root: r, ReaderErr: readerErr, Wait: wait, Poll: time.Second, Progress: progress}
	if reader != nil {
		vo.Reader = reader
	}
	return agent.Verify(ctx, vo)
}

func writeVerifyCheck(w io.Writer, p i18n.Printer, c agent.Check) {
	label := map[agent.CheckStatus]i18n.Key{
		agent.Pass: i18n.VerifyLabelPass, agent.Fail: i18n.VerifyLabelFail,
		agent.Warn: i18n.VerifyLabelWarn, agent.Skip: i18n.VerifyLabelSkip,
	}[c.Status]
	fmt.Fprintf(w, "[%s] %s\n", p.T(label), p.Error(c.Msg))
	for _, h := range c.Hints {
		fmt.Fprintln(w, "       "+p.Error(h))
	}
}

// verifyReaderFor builds the CloudWatch Logs reader in the region the
// agent sends to: the config's agent.region, else the SDK's configured
// region, else the instance's (IMDS).
func verifyReaderFor(ctx context.Context, r host.Root) (agent.DeliveryReader, error) {
	region := ""
	if b, err := os.ReadFile(agent.Home{Root: r}.Config()); err == nil {
		var doc struct {
			Agent struct {
				Region string `json:"region"`
			} `json:"agent"`
		}
		if json.Unmarshal(b, &doc) == nil {
			region = doc.Agent.Region
		}
	}
	if region == "" && os.Getenv("AWS_REGION") == "" && os.Getenv("AWS_DEFAULT_REGION") == "" {
		if facts, err := aws.InstanceFacts(ctx); err == nil {
			region = facts.Region
		}
	}
	dr, err := aws.NewDeliveryReader(ctx, region)
	if err != nil {
		return nil, err
	}
	return verifyLogs{dr}, nil
}

// verifyLogs adapts aws.DeliveryReader to agent.DeliveryReader.
type verifyLogs struct{ r *aws.DeliveryReader }

func (v verifyLogs) LogGroups(ctx context.Context, names []string) (map[string]agent.GroupState, error) {
	got, err := v.r.LogGroups(ctx, names)
	if err != nil {
		return nil, err
	}
	out := make(map[string]agent.GroupState, len(got))
	for n, g := range got {
		out[n] = agent.GroupState{Exists: g.Exists, RetentionDays: g.RetentionDays}
	}
	return out, nil
}

func (v verifyLogs) FindEvent(ctx context.Context, group, needle string, since time.Time) (bool, error) {
	return v.r.FindEvent(ctx, group, needle, since)
}
