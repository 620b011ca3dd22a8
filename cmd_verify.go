package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/host"
)

func init() { register(newVerifyCmd) }

// verifyOptions is everything `cwsetup verify` needs.
type verifyOptions struct {
	Wait   time.Duration
	JSON   bool
	Out    io.Writer
	Root   func() (host.Root, error)
	Ports  app.Ports
	ErrOut io.Writer
	P      i18n.Printer
}

func newVerifyCmd(g *globals, s *streams) *cobra.Command {
	return newVerifyCmdWith(g, s, runVerify)
}

func newVerifyCmdWith(g *globals, s *streams, runF func(context.Context, *verifyOptions) error) *cobra.Command {
	o := &verifyOptions{Root: g.root, Ports: g.ports, Out: s.Out, ErrOut: s.ErrOut, P: g.p}
	cmd := &cobra.Command{
		Use:   "verify",
		Short: g.p.T(i18n.VerifyShort),
		Long:  g.p.T(i18n.VerifyLong),
		RunE:  func(cmd *cobra.Command, args []string) error { return runF(cmd.Context(), o) },
	}
	cmd.Flags().DurationVar(&o.Wait, "wait", 60*time.Second, g.p.T(i18n.ApplyFlagWait))
	jsonFlag(cmd.Flags(), &o.JSON, g.p)
	return cmd
}

func runVerify(ctx context.Context, o *verifyOptions) error {
	r, err := o.Root()
	if err != nil {
		return err
	}
	p := o.P
	v, err := app.Verify(ctx, r, o.Ports, app.VerifyOptions{
		Wait:     o.Wait,
		Progress: func(c agent.Check) { writeVerifyCheck(o.ErrOut, p, c) },
	})
	if o.JSON && v != nil {
		if jerr := writeVerifyJSON(o.Out, p, v); jerr != nil {
			return jerr
		}
	}
	if err != nil {
		writeVerifyRetry(o.ErrOut, p, v)
		return err
	}
	fmt.Fprintln(o.ErrOut, p.T(i18n.VerifyPassed))
	return nil
}

// verifyJSON is `verify --json`: every check with its message in the
// chosen language, and who the agent runs as with each shipped file's
// readability as that user.
type verifyJSON struct {
	OK        bool                   `json:"ok"`
	Region    string                 `json:"region,omitempty"`
	Marker    string                 `json:"marker,omitempty"`
	AgentUser *agent.AgentUserReport `json:"agent_user,omitempty"`
	Checks    []verifyCheckJSON      `json:"checks"`
}

type verifyCheckJSON struct {
	ID      agent.CheckID     `json:"id"`
	Status  agent.CheckStatus `json:"status"`
	Subject string            `json:"subject,omitempty"`
	Message string            `json:"message"`
	Hints   []string          `json:"hints,omitempty"`
}

func writeVerifyJSON(w io.Writer, p i18n.Printer, v *app.Verified) error {
	out := verifyJSON{OK: v.OK(), Region: v.Region, Marker: v.Marker, AgentUser: v.AgentUser, Checks: []verifyCheckJSON{}}
	for _, c := range v.Checks {
		j := verifyCheckJSON{ID: c.ID, Status: c.Status, Subject: c.Subject, Message: p.Error(c.Msg)}
		for _, h := range c.Hints {
			j.Hints = append(j.Hints, p.Error(h))
		}
		out.Checks = append(out.Checks, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeVerifyCheck draws one check as a line, with its hints below.
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

// writeVerifyRetry says what to run after a failed verify.
func writeVerifyRetry(w io.Writer, p i18n.Printer, v *app.Verified) {
	if v == nil || len(v.Failures()) == 0 {
		return
	}
	fmt.Fprintln(w, p.T(i18n.AppVerifyRetry))
	for _, c := range app.RetryCommands() {
		fmt.Fprintln(w, "  "+c)
	}
}
