package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
)

func init() { register(newDetectCmd) }

// detectOptions is everything `cwsetup detect` needs.
type detectOptions struct {
	JSON   bool
	Root   func() (host.Root, error)
	Out    io.Writer // the JSON report
	ErrOut io.Writer // the human table
	P      i18n.Printer
	EC2    func(host.Root) ec2Section // machine identity, IMDS facts and credential kind (cmd_detect_ec2.go)
	Ctx    context.Context            // Ctrl-C/SIGTERM stop detection at its next file operation
}

func newDetectCmd(g *globals, s *streams) *cobra.Command {
	return newDetectCmdWith(g, s, runDetect)
}

// newDetectCmdWith takes the run function so flag parsing can be tested alone.
func newDetectCmdWith(g *globals, s *streams, runF func(*detectOptions) error) *cobra.Command {
	o := &detectOptions{Root: g.root, Out: s.Out, ErrOut: s.ErrOut, P: g.p,
		EC2: func(r host.Root) ec2Section { return probeEC2(context.Background(), r) }}
	cmd := &cobra.Command{
		Use:   "detect",
		Short: g.p.T(i18n.DetectShort),
		Long:  g.p.T(i18n.DetectLong),
		RunE:  func(cmd *cobra.Command, args []string) error { o.Ctx = cmd.Context(); return runF(o) },
	}
	jsonFlag(cmd.Flags(), &o.JSON, g.p)
	return cmd
}

func runDetect(o *detectOptions) error {
	r, err := o.Root()
	if err != nil {
		return err
	}
	if o.Ctx != nil {
		r = r.WithContext(o.Ctx)
	}
	ec2 := o.startEC2(r) // IMDS answers while the filesystem is read
	rep, err := detect.Detect(r)
	if err != nil {
		return err
	}
	if o.JSON {
		return writeDetectJSON(o.Out, detectJSON{rep, ec2()})
	}
	// Host content (log lines, paths, os-release) never reaches the
	// terminal with its control characters; JSON escapes them itself.
	_, err = io.WriteString(o.ErrOut, render.TermSafe(detectTable(o.P, rep)+ec2().text(o.P)))
	return err
}

// writeDetectJSON writes the stable JSON form: 2-space indent, no HTML
// escaping (paths and formats stay readable), trailing newline.
func writeDetectJSON(w io.Writer, rep any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rep); err != nil {
		return i18n.Errorf(i18n.ErrWriteOut, err)
	}
	return nil
}

// detectTable is the compact human report.
func detectTable(p i18n.Printer, rep *detect.Report) string {
	var b strings.Builder
	unknown := func(s string) string {
		if s == "" {
			return p.T(i18n.DetectUnknown)
		}
		return s
	}
	name := rep.OS.PrettyName
	if name == "" {
		name = rep.OS.ID
	}
	fmt.Fprintln(&b, p.T(i18n.DetectHost, name, rep.OS.ID, rep.OS.VersionID, unknown(rep.OS.Family), unknown(rep.Arch)))
	if !rep.Agent.Installed {
		fmt.Fprintln(&b, p.T(i18n.DetectAgentMissing))
	} else {
		run, conf := p.T(i18n.DetectAgentStopped), p.T(i18n.DetectAgentNoConfig)
		if rep.Agent.Running {
			run = p.T(i18n.DetectAgentRunning)
		}
		if rep.Agent.ConfigPath != "" {
			conf = p.T(i18n.DetectAgentConfig, rep.Agent.ConfigPath)
		}
		fmt.Fprintln(&b, p.T(i18n.DetectAgent, unknown(rep.Agent.Version), run, conf))
	}
	if len(rep.Services) == 0 {
		fmt.Fprintln(&b, p.T(i18n.DetectNoServices))
		return b.String()
	}
	fmt.Fprintln(&b, p.T(i18n.DetectServices, len(rep.Services)))
	var rows [][]string
	for _, s := range rep.Services {
		state := p.T(i18n.DetectStateInstalled)
		if s.State == detect.Running {
			state = p.T(i18n.DetectStateRunning)
		}
		var about []string
		if s.Flavor != "" {
			about = append(about, s.Flavor)
		}
		if s.MPM != "" {
			about = append(about, p.T(i18n.DetectMPM, s.MPM))
		}
		if len(s.Pools) > 0 {
			about = append(about, p.T(i18n.DetectPools, strings.Join(s.Pools, ",")))
		}
		ev := ""
		if len(s.Evidence) > 0 {
			ev = evidenceText(p, s.Evidence[0])
		}
		rows = append(rows, []string{s.Name, state, strings.Join(about, ", "), ev})
	}
	widths := columnWidths(rows)
	for i, s := range rep.Services {
		b.WriteString("  " + padRow(rows[i], widths) + "\n")
		var logRows [][]string
		for _, l := range s.Logs {
			format := l.TimestampFormat
			if format == "" {
				format = "-"
			}
			if l.Timezone != "" {
				format += " (" + l.Timezone + ")"
			}
			logRows = append(logRows, []string{render.TermLine(l.Path), sizeText(l), format, render.TermLine(checkText(p, l))})
		}
		lw := columnWidths(logRows)
		for _, r := range logRows {
			b.WriteString("      " + padRow(r, lw) + "\n")
		}
		if len(s.Logs) == 0 && len(s.Skipped) == 0 {
			b.WriteString("      " + p.T(i18n.DetectNoLogs) + "\n")
		}
		for _, sk := range s.Skipped {
			b.WriteString("      " + p.T(i18n.DetectSkipped, sk.Target, sk.Source, skipText(p, sk.Reason)) + "\n")
		}
		for _, pr := range s.Problems {
			b.WriteString("      " + p.T(i18n.DetectProblem, pr) + "\n")
		}
	}
	return b.String()
}

func evidenceText(p i18n.Printer, ev string) string {
	kind, rest, _ := strings.Cut(ev, " ")
	keys := map[string]i18n.Key{"process": i18n.DetectEvProcess, "unit": i18n.DetectEvUnit,
		"binary": i18n.DetectEvBinary, "package": i18n.DetectEvPackage}
	if k, ok := keys[kind]; ok {
		return p.T(k) + " " + rest
	}
	return ev
}

func checkText(p i18n.Printer, l detect.Log) string {
	switch l.Check {
	case detect.CheckOK:
		return p.T(i18n.DetectCheckOK)
	case detect.CheckMismatch:
		if l.SuggestedFormat != "" {
			return p.T(i18n.DetectCheckMismatch, l.FailedLine) + p.T(i18n.DetectCheckSuggest, l.SuggestedFormat)
		}
		return p.T(i18n.DetectCheckMismatch, l.FailedLine)
	case detect.CheckEmpty:
		return p.T(i18n.DetectCheckEmpty)
	case detect.CheckMissing:
		return p.T(i18n.DetectCheckMissing)
	case detect.CheckUnreadable:
		return p.T(i18n.DetectCheckUnreadable)
	case detect.CheckNotRegular:
		return p.T(i18n.DetectCheckNotRegular)
	case detect.CheckError:
		return p.T(i18n.DetectCheckError, errors.New(l.CheckError)) // the OS reason, in the user's language
	case detect.CheckRefused:
		return p.T(i18n.DetectSkipRefused)
	case detect.CheckJournal:
		return p.T(i18n.DetectCheckJournal)
	}
	return l.Check
}

func skipText(p i18n.Printer, reason string) string {
	switch reason {
	case detect.SkipPiped:
		return p.T(i18n.DetectSkipPiped)
	case detect.SkipSyslog:
		return p.T(i18n.DetectSkipSyslog)
	case detect.SkipVariable:
		return p.T(i18n.DetectSkipVariable)
	case detect.SkipRefused:
		return p.T(i18n.DetectSkipRefused)
	case detect.SkipBadPath:
		return p.T(i18n.DetectSkipBadPath)
	}
	return reason
}

func sizeText(l detect.Log) string {
	if !l.Exists {
		return "-"
	}
	n := float64(l.Size)
	for _, u := range []string{"B", "KiB", "MiB", "GiB"} {
		if n < 1024 || u == "GiB" {
			if u == "B" {
				return fmt.Sprintf("%d B", l.Size)
			}
			return fmt.Sprintf("%.1f %s", n, u)
		}
		n /= 1024
	}
	return ""
}

// columnWidths measures display cells, so Hangul (two cells) lines up.
func columnWidths(rows [][]string) []int {
	var w []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(w) {
				w = append(w, 0)
			}
			w[i] = max(w[i], runewidth.StringWidth(c))
		}
	}
	return w
}

func padRow(r []string, w []int) string {
	var b strings.Builder
	for i, c := range r {
		b.WriteString(c)
		if i < len(r)-1 {
			b.WriteString(strings.Repeat(" ", w[i]-runewidth.StringWidth(c)+2))
		}
	}
	return strings.TrimRight(b.String(), " ")
}
