package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/logcost"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

func init() { register(newConfigCmd) }

// configOptions is everything `cwsetup config` needs.
type configOptions struct {
	Answers     string // answers file, "" for the detected defaults
	SaveAnswers string
	Role        string
	Existing    string // existing config.json (local path), "" for the host's
	Summary     bool   // summary on stdout after the config
	Diff        bool
	NoCheck     bool

	Root   func() (host.Root, error)
	In     io.Reader // --answers -
	Out    io.Writer
	ErrOut io.Writer
	P      i18n.Printer
}

func newConfigCmd(g *globals, s *streams) *cobra.Command {
	return newConfigCmdWith(g, s, runConfig)
}

// newConfigCmdWith takes the run function so flag parsing can be tested alone.
func newConfigCmdWith(g *globals, s *streams, runF func(*configOptions) error) *cobra.Command {
	o := &configOptions{Root: g.root, In: s.In, Out: s.Out, ErrOut: s.ErrOut, P: g.p}
	cmd := &cobra.Command{
		Use:     "config",
		Short:   g.p.T(i18n.ConfigShort),
		Long:    g.p.T(i18n.ConfigLong),
		Example: g.p.T(i18n.ConfigExample),
		RunE:    func(cmd *cobra.Command, args []string) error { return runF(o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.Answers, "answers", "", g.p.T(i18n.FlagAnswers))
	f.StringVar(&o.SaveAnswers, "save-answers", "", g.p.T(i18n.FlagSaveAnswers))
	f.StringVar(&o.Role, "role", "", g.p.T(i18n.FlagRole))
	f.StringVar(&o.Existing, "existing", "", g.p.T(i18n.FlagExisting))
	f.BoolVar(&o.Summary, "summary", false, g.p.T(i18n.FlagSummary))
	f.BoolVar(&o.Diff, "diff", false, g.p.T(i18n.FlagDiff))
	f.BoolVar(&o.NoCheck, "no-check", false, g.p.T(i18n.FlagNoCheck))
	return cmd
}

func runConfig(o *configOptions) error {
	p := o.P
	r, err := o.Root()
	if err != nil {
		return err
	}
	rep, err := detect.Detect(r)
	if err != nil {
		return err
	}
	data, err := readAnswers(o.Answers, o.In)
	if err != nil {
		return err
	}
	a, err := app.Answers(*rep, data, o.Role)
	if err != nil {
		return err
	}
	po := app.PrepareOptions{SkipTimestamps: o.NoCheck}
	if o.Existing != "" {
		po.Existing, err = os.ReadFile(o.Existing)
		if err != nil {
			return i18n.UsageErrorf(i18n.ErrExistingRead, o.Existing, err)
		}
		po.ExistingName = o.Existing
	}
	c, err := app.Prepare(r, a, po)
	if err != nil {
		return err
	}
	cfg, checks, existing := c.Config, c.Checks, c.Existing
	var problems []string
	for _, pr := range c.Problems {
		problems = append(problems, render.TermLine(p.Error(pr)))
	}

	// Paths, log lines and config values are host content: no control
	// characters reach the terminal (config.json itself is JSON-escaped).
	// config makes no AWS call: prices come from the embedded catalog.
	cost := logcost.Of(r, a, logcost.Catalog(a.Region))
	summary := render.TermSafe(configSummary(p, a, checks, rep) + costSummary(p, cost, logcost.Suggest(r, a, cost)) +
		awslogsSummary(p, a, rep))
	if journalOnlyUnsupported(rep) {
		summary += p.T(i18n.SumJournalOld, rep.Agent.Version, plan.JournaldMinAgent) + "\n"
	}
	if len(problems) > 0 {
		fmt.Fprint(o.ErrOut, summary)
		fmt.Fprintln(o.ErrOut, p.T(i18n.SumProblems))
		for _, pr := range problems {
			fmt.Fprintln(o.ErrOut, "  - "+pr)
		}
		// The user's answers or existing config are input they can fix.
		if o.Answers != "" || len(existing) > 0 {
			return i18n.UsageErrorf(i18n.ErrConfigInvalid, len(problems))
		}
		return i18n.Errorf(i18n.ErrConfigInvalid, len(problems))
	}
	summary += p.T(i18n.SumValid) + "\n"

	if o.SaveAnswers != "" {
		data, err := plan.Save(a)
		if err == nil {
			err = os.WriteFile(o.SaveAnswers, data, 0o644)
		}
		if err != nil {
			return i18n.Errorf(i18n.ErrAnswersWrite, o.SaveAnswers, err)
		}
	}
	if _, err := o.Out.Write(cfg); err != nil {
		return i18n.Errorf(i18n.ErrWriteOut, err)
	}
	if o.Diff && len(existing) > 0 {
		fmt.Fprint(o.ErrOut, render.TermSafe(render.DiffNamed(c.ExistingName, "config.json (cwsetup)", existing, cfg)))
	}
	w := o.ErrOut
	if o.Summary {
		w = o.Out
	}
	_, err = io.WriteString(w, summary)
	return err
}

// readAnswers reads an answers file ("-": in); nil for path "". At most
// plan.MaxAnswersBytes are read, whatever the file's size.
func readAnswers(path string, in io.Reader) ([]byte, error) {
	switch path {
	case "":
		return nil, nil
	case "-":
		if in == nil {
			in = os.Stdin
		}
	default:
		f, err := os.Open(path)
		if err != nil {
			return nil, i18n.UsageErrorf(i18n.ErrAnswersRead, path, err)
		}
		defer f.Close()
		in = f
	}
	data, err := plan.ReadAnswers(in, path)
	if err != nil {
		return nil, err
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
}

// configSummary says what goes where, for a person.
func configSummary(p i18n.Printer, a plan.Answers, checks []plan.TimestampCheck, rep *detect.Report) string {
	var b strings.Builder
	detected := map[string]detect.Log{}
	for _, s := range rep.Services {
		for _, l := range s.Logs {
			detected[l.Path] = l
		}
	}
	line := func(k i18n.Key, args ...any) { b.WriteString(p.T(k, args...) + "\n") }
	byIndex := map[int]plan.TimestampCheck{}
	for _, c := range checks {
		byIndex[c.Index] = c
	}
	line(i18n.SumRole, a.Role)
	stream := a.StreamName
	if stream == "" {
		stream = "{instance_id}"
	}
	line(i18n.SumHeader, stream)
	for i, l := range a.Logs {
		var ret string
		switch {
		case l.RetentionDays == 0:
			ret = p.T(i18n.SumRetentionOff)
		case l.RetentionDays < 0:
			ret = p.T(i18n.SumRetentionInf)
		default:
			ret = p.T(i18n.SumRetention, l.RetentionDays)
		}
		if l.Journal != nil {
			line(i18n.SumJournal, journalDesc(l.Journal), a.GroupName(l), ret)
			continue
		}
		var ts string
		c, checked := byIndex[i]
		switch {
		case l.TimestampFormat == "" && detected[l.Path].Check == detect.CheckMismatch:
			d := detected[l.Path]
			ts = p.T(i18n.SumTSMismatch, d.TimestampFormat, d.FailedLine)
		case l.TimestampFormat == "":
			ts = p.T(i18n.SumTSNone)
		case checked && c.Lines > 0:
			ts = p.T(i18n.SumTSChecked, l.TimestampFormat, c.Matched, c.Lines)
		default:
			ts = p.T(i18n.SumTSUnchecked, l.TimestampFormat)
		}
		line(i18n.SumFile, l.Path, a.GroupName(l), ret, ts)
	}
	// What detection found but cannot be shipped as a file, and why.
	first := true
	for _, s := range rep.Services {
		for _, sk := range s.Skipped {
			if first {
				line(i18n.SumNotShipped)
				first = false
			}
			b.WriteString("    " + p.T(i18n.DetectSkipped, sk.Target, sk.Source, skipText(p, sk.Reason)) + "\n")
		}
	}
	if a.Metrics.Enabled {
		var m []string
		for _, c := range a.Metrics.Collect {
			switch c {
			case "disk":
				m = append(m, "disk_used_percent ("+strings.Join(a.Metrics.DiskPaths, ", ")+")")
			case "cpu":
				m = append(m, "cpu_usage_idle/iowait/steal")
			default:
				m = append(m, c+"_used_percent")
			}
		}
		for _, ps := range a.Metrics.Procstat {
			m = append(m, "procstat "+ps)
		}
		if a.Metrics.InstanceIDDimension {
			m = append(m, "+InstanceId")
		}
		interval := a.Metrics.IntervalSeconds
		if interval == 0 {
			interval = 60
		}
		line(i18n.SumMetrics, interval, strings.Join(m, ", "))
	} else {
		line(i18n.SumMetricsOff)
	}
	line(i18n.SumRunAs, a.RunAsUser)
	if a.Region == "" {
		line(i18n.SumRegionHost)
	} else {
		line(i18n.SumRegion, a.Region)
	}
	return b.String()
}

// journalOnlyUnsupported: the system logs live only in the journal and
// the installed agent cannot read it.
func journalOnlyUnsupported(rep *detect.Report) bool {
	for _, s := range rep.Services {
		if s.Name == detect.System && s.Flavor == "journald" {
			return !plan.JournaldSupported(rep.Agent)
		}
	}
	return false
}

func journalDesc(j *plan.JournalSelect) string {
	var parts []string
	if len(j.Units) > 0 {
		parts = append(parts, "units="+strings.Join(j.Units, ","))
	}
	if j.Priority != "" {
		parts = append(parts, "priority<="+j.Priority)
	}
	for _, m := range j.Matches {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			parts = append(parts, k+"="+m[k])
		}
	}
	if len(parts) == 0 {
		return "*"
	}
	return strings.Join(parts, " ")
}

func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
