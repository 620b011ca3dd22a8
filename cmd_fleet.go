package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/aws"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/fleet"
)

func init() { register(newFleetCmd) }

// fleetOptions are what every fleet subcommand shares.
type fleetOptions struct {
	Region    string
	Yes, JSON bool
	// Terminal reports whether a person can be asked (stdin is a terminal).
	Terminal func() bool
	// Ports connects to AWS (aws.NewFleet over aws.Load).
	Ports func(ctx context.Context, region string) (fleet.Ports, string, error)
	// Fetch reads a release file (the checksums) over HTTPS.
	Fetch func(ctx context.Context, url string) ([]byte, error)
}

type fleetPublishOptions struct {
	fleetOptions
	Answers, Name string
}

type fleetApplyOptions struct {
	fleetOptions
	Name, Schedule, Document, ReleaseURL, Version string
	Checksums                                     string // a checksums file instead of the release's
	Targets                                       []string
	Rate                                          fleet.Rate
	AllowUnmanaged, WaitForSchedule               bool
	DeliveryTimeout                               int32
	Canary                                        string
	Interval                                      time.Duration // canary polling
	Output                                        fleet.Output
}

type fleetStatusOptions struct {
	fleetOptions
	CommandID string
	Fresh     time.Duration
	// Wait polls every Interval until the command is done.
	Wait     bool
	Interval time.Duration
}

func newFleetCmd(g *globals, s *streams) *cobra.Command {
	p := g.p
	cmd := &cobra.Command{Use: "fleet", Short: p.T(i18n.FleetShort), Long: p.T(i18n.FleetLong)}
	cmd.AddCommand(newFleetPublishCmd(g, s), newFleetApplyCmd(g, s), newFleetStatusCmd(g, s), newFleetPolicyCmd(g, s))
	return cmd
}

func defaultFleetOptions(s *streams) fleetOptions {
	return fleetOptions{
		Terminal: func() bool {
			f, ok := s.In.(*os.File)
			return ok && term.IsTerminal(f.Fd())
		},
		Ports: func(ctx context.Context, region string) (fleet.Ports, string, error) {
			cfg, err := aws.Load(ctx, region)
			if err != nil {
				return fleet.Ports{}, "", err
			}
			if cfg.Region == "" {
				return fleet.Ports{}, "", i18n.UsageErrorf(i18n.FleetErrNoRegion)
			}
			return aws.NewFleet(cfg).Ports(), cfg.Region, nil
		},
		Fetch: fetchRelease,
	}
}

// maxChecksums bounds a checksums file read (a release's is < 1 KB).
const maxChecksums = 64 << 10

// fetchRelease GETs one release file (the proxy from the environment,
// 30 s in all).
func fetchRelease(ctx context.Context, url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, i18n.Errorf(i18n.FleetErrFetch, url, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, i18n.Errorf(i18n.FleetErrFetch, url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, i18n.Errorf(i18n.FleetErrFetch, url, resp.Status)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxChecksums+1))
	if err != nil || len(b) > maxChecksums {
		return nil, i18n.Errorf(i18n.FleetErrFetch, url, err)
	}
	return b, nil
}

// pinDigests fills spec.SHA256 from --checksums FILE, else from the
// release's checksums file; it returns where they came from.
func pinDigests(ctx context.Context, o *fleetApplyOptions, spec *fleet.DocumentSpec) (string, error) {
	var data []byte
	from := o.Checksums
	if from != "" {
		f, err := os.Open(from)
		if err != nil {
			return "", i18n.UsageErrorf(i18n.FleetErrChecksumsRead, from, err)
		}
		defer f.Close()
		if data, err = io.ReadAll(io.LimitReader(f, maxChecksums)); err != nil {
			return "", i18n.UsageErrorf(i18n.FleetErrChecksumsRead, from, err)
		}
	} else {
		from = spec.ChecksumsURL()
		var err error
		if data, err = o.Fetch(ctx, from); err != nil {
			return "", err
		}
	}
	sums, err := fleet.ParseChecksums(data)
	if err != nil {
		return "", err
	}
	spec.SHA256 = sums
	return from, nil
}

func addFleetFlags(cmd *cobra.Command, o *fleetOptions, p i18n.Printer, yes bool) {
	f := cmd.Flags()
	f.StringVar(&o.Region, "region", "", p.T(i18n.FlagRegion))
	if yes {
		f.BoolVarP(&o.Yes, "yes", "y", false, p.T(i18n.FleetFlagYes))
	}
	jsonFlag(f, &o.JSON, p)
}

func newFleetPublishCmd(g *globals, s *streams) *cobra.Command {
	p := g.p
	o := &fleetPublishOptions{fleetOptions: defaultFleetOptions(s)}
	cmd := &cobra.Command{
		Use: "publish", Short: p.T(i18n.FleetPublishShort), Long: p.T(i18n.FleetPublishLong),
		RunE: func(cmd *cobra.Command, args []string) error { return runFleetPublish(cmd.Context(), o, p, s) },
	}
	cmd.Flags().StringVar(&o.Answers, "answers", "", p.T(i18n.FleetFlagAnswers))
	cmd.Flags().StringVar(&o.Name, "name", fleet.DefaultParameterName, p.T(i18n.FleetFlagName))
	addFleetFlags(cmd, &o.fleetOptions, p, true)
	return cmd
}

func newFleetApplyCmd(g *globals, s *streams) *cobra.Command {
	p := g.p
	o := &fleetApplyOptions{fleetOptions: defaultFleetOptions(s)}
	cmd := &cobra.Command{
		Use: "apply", Short: p.T(i18n.FleetApplyShort), Long: p.T(i18n.FleetApplyLong),
		RunE: func(cmd *cobra.Command, args []string) error { return runFleetApply(cmd.Context(), o, p, s) },
	}
	f := cmd.Flags()
	f.StringVar(&o.Name, "name", fleet.DefaultParameterName, p.T(i18n.FleetFlagNameApply))
	f.StringArrayVar(&o.Targets, "targets", nil, p.T(i18n.FleetFlagTargets))
	f.StringVar(&o.Rate.MaxConcurrency, "max-concurrency", fleet.DefaultRate.MaxConcurrency, p.T(i18n.FleetFlagMaxConcurrency))
	f.StringVar(&o.Rate.MaxErrors, "max-errors", fleet.DefaultRate.MaxErrors, p.T(i18n.FleetFlagMaxErrors))
	f.StringVar(&o.Schedule, "schedule", "", p.T(i18n.FleetFlagSchedule))
	f.StringVar(&o.Document, "document", fleet.DefaultDocumentName, p.T(i18n.FleetFlagDocument))
	f.StringVar(&o.ReleaseURL, "release-url", "", p.T(i18n.FleetFlagReleaseURL))
	f.StringVar(&o.Version, "cwsetup-version", "", p.T(i18n.FleetFlagVersion))
	f.StringVar(&o.Checksums, "checksums", "", p.T(i18n.FleetFlagChecksums))
	f.BoolVar(&o.AllowUnmanaged, "allow-unmanaged", false, p.T(i18n.FleetFlagAllowUnmanaged))
	f.BoolVar(&o.WaitForSchedule, "wait-for-schedule", false, p.T(i18n.FleetFlagWaitSchedule))
	f.Int32Var(&o.DeliveryTimeout, "delivery-timeout", fleet.DefaultDeliveryTimeout, p.T(i18n.FleetFlagDeliveryTimeout))
	f.StringVar(&o.Canary, "canary", "", p.T(i18n.FleetFlagCanary))
	f.StringVar(&o.Output.LogGroup, "output-log-group", "", p.T(i18n.FleetFlagOutputGroup))
	f.StringVar(&o.Output.NotifyTopic, "notify-sns", "", p.T(i18n.FleetFlagNotifySNS))
	f.StringVar(&o.Output.NotifyRole, "notify-role", "", p.T(i18n.FleetFlagNotifyRole))
	f.DurationVar(&o.Interval, "interval", 15*time.Second, p.T(i18n.FleetFlagApplyInterval))
	addFleetFlags(cmd, &o.fleetOptions, p, true)
	return cmd
}

func newFleetStatusCmd(g *globals, s *streams) *cobra.Command {
	p := g.p
	o := &fleetStatusOptions{fleetOptions: defaultFleetOptions(s)}
	cmd := &cobra.Command{
		Use: "status", Short: p.T(i18n.FleetStatusShort), Long: p.T(i18n.FleetStatusLong),
		RunE: func(cmd *cobra.Command, args []string) error { return runFleetStatus(cmd.Context(), o, p, s) },
	}
	cmd.Flags().StringVar(&o.CommandID, "command-id", "", p.T(i18n.FleetFlagCommandID))
	cmd.Flags().DurationVar(&o.Fresh, "fresh", fleet.DefaultFresh, p.T(i18n.FleetFlagFresh))
	cmd.Flags().BoolVar(&o.Wait, "wait", false, p.T(i18n.FleetFlagWait))
	cmd.Flags().DurationVar(&o.Interval, "interval", 15*time.Second, p.T(i18n.FleetFlagInterval))
	addFleetFlags(cmd, &o.fleetOptions, p, false)
	return cmd
}

type fleetPolicyOptions struct {
	fleetOptions
	Name, Document, Account, LogPrefix string
	Targets                            []string
}

func newFleetPolicyCmd(g *globals, s *streams) *cobra.Command {
	p := g.p
	o := &fleetPolicyOptions{fleetOptions: defaultFleetOptions(s)}
	cmd := &cobra.Command{
		Use: "policy", Short: p.T(i18n.FleetPolicyShort), Long: p.T(i18n.FleetPolicyLong),
		RunE: func(cmd *cobra.Command, args []string) error { return runFleetPolicy(cmd.Context(), o, s) },
	}
	f := cmd.Flags()
	f.StringVar(&o.Name, "name", fleet.DefaultParameterName, p.T(i18n.FleetFlagName))
	f.StringArrayVar(&o.Targets, "targets", nil, p.T(i18n.FleetFlagTargets))
	f.StringVar(&o.Document, "document", fleet.DefaultDocumentName, p.T(i18n.FleetFlagDocument))
	f.StringVar(&o.Account, "account", "", p.T(i18n.FleetFlagAccount))
	f.StringVar(&o.LogPrefix, "log-group-prefix", "", p.T(i18n.FleetFlagLogPrefix))
	f.StringVar(&o.Region, "region", "", p.T(i18n.FlagRegion))
	return cmd
}

func runFleetPolicy(ctx context.Context, o *fleetPolicyOptions, s *streams) error {
	ref, err := fleet.ParseParameter(o.Name, false)
	if err != nil {
		return err
	}
	targets, err := fleet.ParseTargets(o.Targets)
	if err != nil {
		return err
	}
	if err := fleet.ValidateDocumentName(o.Document); err != nil {
		return err
	}
	region, account := o.Region, o.Account
	if region == "" || account == "" {
		cfg, err := aws.Load(ctx, o.Region)
		if err != nil {
			return err
		}
		if region == "" {
			region = cfg.Region
		}
		if account == "" {
			if account, err = aws.CallerAccount(ctx, cfg); err != nil {
				return err
			}
		}
	}
	b, err := fleet.OperatorPolicy(fleet.OperatorPolicyInput{Partition: app.Partition(region), Region: region, Account: account,
		Parameter: ref.Name, Document: o.Document, Targets: targets, LogGroupPrefix: o.LogPrefix})
	if err != nil {
		return err
	}
	if _, err := s.Out.Write(b); err != nil {
		return i18n.Errorf(i18n.ErrWriteOut, err)
	}
	return nil
}

// confirm asks before anything is sent: --yes, else a person at a
// terminal; with neither, nothing is sent (exit 2).
func (o *fleetOptions) confirm(p i18n.Printer, s *streams) error {
	if o.Yes {
		return nil
	}
	if o.Terminal == nil || !o.Terminal() {
		return i18n.UsageErrorf(i18n.FleetErrNeedYes)
	}
	fmt.Fprint(s.ErrOut, p.T(i18n.FleetConfirm))
	line, err := bufio.NewReader(s.In).ReadString('\n')
	if err != nil && (err != io.EOF || line == "") {
		fmt.Fprintln(s.ErrOut)
		return errAborted
	}
	a := strings.ToLower(strings.TrimSpace(line))
	if !slices.Contains(strings.Split(p.T(i18n.FleetYesWords), ","), a) {
		fmt.Fprintln(s.ErrOut, p.T(i18n.FleetNotSent))
		return errAborted
	}
	return nil
}

// maxAnswersRead bounds the answers file read (Parameter Store holds 8 KB).
const maxAnswersRead = 64 << 10

func readAnswersFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, i18n.UsageErrorf(i18n.FleetErrAnswersRead, path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxAnswersRead+1))
	if err != nil {
		return nil, i18n.UsageErrorf(i18n.FleetErrAnswersRead, path, err)
	}
	if len(data) > maxAnswersRead {
		return nil, i18n.UsageErrorf(i18n.FleetErrAnswersTooBig, len(data), fleet.AdvancedLimit)
	}
	return data, nil
}

func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if _, err := w.Write(append(b, '\n')); err != nil {
		return i18n.Errorf(i18n.ErrWriteOut, err)
	}
	return nil
}

func runFleetPublish(ctx context.Context, o *fleetPublishOptions, p i18n.Printer, s *streams) error {
	if o.Answers == "" {
		return i18n.UsageErrorf(i18n.FleetErrNeedAnswers)
	}
	ref, err := fleet.ParseParameter(o.Name, false)
	if err != nil {
		return err
	}
	data, err := readAnswersFile(o.Answers)
	if err != nil {
		return err
	}
	// The answers are checked before any AWS call.
	if _, err := fleet.ValidateAnswers(data); err != nil {
		return err
	}
	ports, region, err := o.Ports(ctx, o.Region)
	if err != nil {
		return err
	}
	fmt.Fprintln(s.ErrOut, p.T(i18n.FleetUsing, render.TermLine(region)))
	pl, err := fleet.PlanPublish(ctx, ports.Params, ref.Name, data)
	if err != nil {
		return err
	}
	w := s.ErrOut
	fmt.Fprintln(w, p.T(i18n.FleetPlanHeader))
	switch {
	case pl.Current == nil:
		fmt.Fprintln(w, p.T(i18n.FleetPubNew, pl.Name, pl.Size, pl.Tier))
	case pl.Unchanged:
		fmt.Fprintln(w, p.T(i18n.FleetPubSame, pl.Name, pl.Current.Version))
	default:
		fmt.Fprintln(w, p.T(i18n.FleetPubNext, pl.Name, pl.Current.Version, pl.Current.Version+1, pl.Size, pl.Tier))
	}
	if pl.Tier == fleet.TierAdvanced && !pl.Unchanged {
		if pl.Current != nil && pl.Current.Tier == fleet.TierAdvanced && pl.Size <= fleet.StandardLimit {
			fmt.Fprintln(w, p.T(i18n.FleetPubKeepAdv))
		} else {
			fmt.Fprintln(w, p.T(i18n.FleetPubAdvanced, pl.Size))
		}
	}
	if pl.Current != nil && !pl.Unchanged {
		fmt.Fprintln(w, p.T(i18n.FleetPubDiff, pl.Current.Version))
		fmt.Fprint(w, indent(render.DiffNamed(fleet.ParameterRef{Name: pl.Name, Version: pl.Current.Version}.String(), o.Answers,
			[]byte(pl.Current.Value), data), "    "))
	}
	if len(pl.History) > 0 {
		fmt.Fprintln(w, p.T(i18n.FleetPubHistory))
		for _, h := range pl.History[max(0, len(pl.History)-5):] {
			fmt.Fprintln(w, p.T(i18n.FleetPubHistLine, h.Version, h.Modified.UTC().Format(time.RFC3339), len(h.Value)))
		}
	}
	out := map[string]any{"name": pl.Name, "previous_version": pl.CurrentVersion(), "version": pl.Version,
		"tier": pl.Tier, "size": pl.Size, "unchanged": pl.Unchanged}
	if pl.Unchanged {
		fmt.Fprintln(w, p.T(i18n.FleetPubNothing))
	} else {
		if err := o.confirm(p, s); err != nil {
			return err
		}
		if err := fleet.Publish(ctx, ports.Params, pl); err != nil {
			return err
		}
		out["version"] = pl.Version
		fmt.Fprintln(w, p.T(i18n.FleetPubDone, pl.Name, pl.Version))
	}
	fmt.Fprintln(w, p.T(i18n.FleetPubNextStep, pl.Name))
	if o.JSON {
		return writeJSON(s.Out, out)
	}
	return nil
}

// indent prefixes every line of text.
func indent(text, prefix string) string {
	if text == "" {
		return ""
	}
	lines := strings.SplitAfter(text, "\n")
	var b strings.Builder
	for _, l := range lines {
		if l != "" {
			b.WriteString(prefix + render.TermSafe(l))
		}
	}
	return b.String()
}

// releaseVersion is the cwsetup version the instances install: the flag,
// else this binary's own release version.
func releaseVersion(flag string) (string, error) {
	if flag != "" {
		return strings.TrimPrefix(flag, "v"), nil
	}
	v, _, _ := buildInfo()
	v = strings.TrimPrefix(v, "v")
	if v == "" || v == "dev" || strings.Contains(v, "devel") || (fleet.DocumentSpec{Version: v, ReleaseURL: fleet.DefaultReleaseURL}).Validate() != nil {
		return "", i18n.UsageErrorf(i18n.FleetErrDevBuild)
	}
	return v, nil
}

func runFleetApply(ctx context.Context, o *fleetApplyOptions, p i18n.Printer, s *streams) error {
	ref, err := fleet.ParseParameter(o.Name, true)
	if err != nil {
		return err
	}
	targets, err := fleet.ParseTargets(o.Targets)
	if err != nil {
		return err
	}
	version, err := releaseVersion(o.Version)
	if err != nil {
		return err
	}
	if o.ReleaseURL == "" {
		o.ReleaseURL = fleet.DefaultReleaseURL
	}
	req := fleet.ApplyRequest{Parameter: ref, Targets: targets, Rate: o.Rate, Schedule: o.Schedule,
		Document: o.Document, Spec: fleet.DocumentSpec{Version: version, ReleaseURL: o.ReleaseURL},
		AllowUnmanaged: o.AllowUnmanaged, WaitForSchedule: o.WaitForSchedule, DeliveryTimeout: o.DeliveryTimeout,
		Canary: o.Canary, Output: o.Output}
	if err := req.Output.Validate(req.Schedule); err != nil {
		return err
	}
	if o.Canary != "" && o.Interval < time.Second {
		return i18n.UsageErrorf(i18n.FleetErrBadInterval, o.Interval.String())
	}
	// Everything that needs no AWS call is checked first.
	if err := req.Spec.Validate(); err != nil {
		return err
	}
	if err := req.Rate.Validate(); err != nil {
		return err
	}
	if err := fleet.ValidateDocumentName(req.Document); err != nil {
		return err
	}
	if req.Schedule != "" {
		if err := fleet.ValidateSchedule(req.Schedule); err != nil {
			return err
		}
	}
	// The digests are pinned before any AWS call: without them nothing is
	// created.
	sumsFrom, err := pinDigests(ctx, o, &req.Spec)
	if err != nil {
		return err
	}
	ports, region, err := o.Ports(ctx, o.Region)
	if err != nil {
		return err
	}
	fmt.Fprintln(s.ErrOut, p.T(i18n.FleetUsing, render.TermLine(region)))
	pl, err := fleet.PlanApply(ctx, ports, req)
	if err != nil {
		return err
	}
	printApplyPlan(s.ErrOut, p, pl)
	for _, arch := range fleet.Arches {
		if sum := req.Spec.SHA256[arch]; sum != "" {
			fmt.Fprintln(s.ErrOut, p.T(i18n.FleetAppDigest, fleet.ArchiveName(arch), sum))
		}
	}
	fmt.Fprintln(s.ErrOut, p.T(i18n.FleetAppDigestFrom, render.TermLine(sumsFrom)))
	if err := o.confirm(p, s); err != nil {
		return err
	}
	res, err := fleet.Execute(ctx, ports, pl)
	if res != nil && res.DocumentVersion != "" {
		fmt.Fprintln(s.ErrOut, p.T(i18n.FleetAppDocDone, req.Document, res.DocumentVersion))
	}
	if err == nil && res.CanaryCommandID != "" {
		err = canaryWave(ctx, o, p, s, ports, pl, res)
	}
	if res != nil && res.CommandID != "" {
		fmt.Fprintln(s.ErrOut, p.T(i18n.FleetAppSent, res.CommandID))
	}
	if res != nil && res.AssociationID != "" {
		fmt.Fprintln(s.ErrOut, p.T(i18n.FleetAppAssocDone, res.AssociationID))
	}
	if err != nil {
		return err
	}
	if res.CommandID != "" {
		fmt.Fprintln(s.ErrOut, p.T(i18n.FleetAppNextStep, res.CommandID))
	} else {
		fmt.Fprintln(s.ErrOut, p.T(i18n.FleetAppAssocNext, req.Document))
	}
	if pl.Parameter.Version > 1 {
		fmt.Fprintln(s.ErrOut, p.T(i18n.FleetAppRollback, pl.Parameter.Name, pl.Parameter.Version-1))
	}
	if o.JSON {
		// The instances the command or association runs on: the plan's
		// minus those of another platform.
		ids := []string{}
		for _, in := range pl.Instances {
			if !slices.ContainsFunc(pl.NotLinux, func(x fleet.Instance) bool { return x.ID == in.ID }) {
				ids = append(ids, in.ID)
			}
		}
		notLinux := []string{}
		for _, in := range pl.NotLinux {
			notLinux = append(notLinux, in.ID)
		}
		return writeJSON(s.Out, map[string]any{
			"command_id": res.CommandID, "document": req.Document, "document_version": res.DocumentVersion,
			"document_action": pl.DocAction, "answers": pl.Pinned(), "instances": ids, "not_linux": notLinux,
			"rate": req.Rate, "association_id": res.AssociationID, "association_action": pl.AssocAction,
			"sha256": req.Spec.SHA256, "canaries": pl.Canaries, "canary_command_id": res.CanaryCommandID,
			"output": req.Output,
		})
	}
	return nil
}

func printApplyPlan(w io.Writer, p i18n.Printer, pl *fleet.ApplyPlan) {
	req := pl.Request
	fmt.Fprintln(w, p.T(i18n.FleetPlanHeader))
	fmt.Fprintln(w, p.T(i18n.FleetAppParam, pl.Pinned(), len(pl.Parameter.Value), pl.Parameter.Tier))
	switch pl.DocAction {
	case fleet.ActCreate:
		fmt.Fprintln(w, p.T(i18n.FleetAppDocCreate, req.Document, req.Spec.Version))
	case fleet.ActUpdate:
		fmt.Fprintln(w, p.T(i18n.FleetAppDocUpdate, req.Document, pl.DocVersion))
		fmt.Fprintln(w, p.T(i18n.FleetAppDocDiff))
		fmt.Fprint(w, indent(render.DiffNamed(req.Document+" (version "+pl.DocVersion+")", req.Document+" (new)",
			[]byte(pl.OldDocument), pl.NewDocument), "    "))
	default:
		fmt.Fprintln(w, p.T(i18n.FleetAppDocSame, req.Document, pl.DocVersion))
	}
	var ts []string
	for _, t := range req.Targets {
		ts = append(ts, t.String())
	}
	var ids []string
	for i, in := range pl.Instances {
		if i == 10 {
			ids = append(ids, fmt.Sprintf("… (+%d)", len(pl.Instances)-10))
			break
		}
		ids = append(ids, in.ID)
	}
	fmt.Fprintln(w, p.T(i18n.FleetAppInstances, len(pl.Instances), strings.Join(ts, " "), strings.Join(ids, " ")))
	if len(pl.NotManaged) > 0 {
		fmt.Fprintln(w, p.T(i18n.FleetAppUnmanaged, len(pl.NotManaged), fleet.UnmanagedList(pl.NotManaged, pl.Managed, 5)))
	}
	switch {
	case len(pl.NotLinux) == 0:
	case pl.SendIDs != nil:
		fmt.Fprintln(w, p.T(i18n.FleetAppNotLinux, len(pl.NotLinux), fleet.PlatformList(pl.NotLinux, pl.Managed, 5)))
	default: // a tag target selects them; Run Command reports them Success, skipped
		fmt.Fprintln(w, p.T(i18n.FleetAppNotLinuxTag, len(pl.NotLinux), fleet.PlatformList(pl.NotLinux, pl.Managed, 5)))
	}
	if g := req.Output.LogGroup; g != "" {
		fmt.Fprintln(w, p.T(i18n.FleetAppOutputGroup, g))
	}
	if t := req.Output.NotifyTopic; t != "" {
		fmt.Fprintln(w, p.T(i18n.FleetAppNotify, t, req.Output.NotifyRole))
	}
	if pl.Canaries != nil {
		fmt.Fprintln(w, p.T(i18n.FleetAppCanaryPlan, len(pl.Canaries), strings.Join(pl.Canaries, " ")))
	}
	n := len(pl.Instances) - len(pl.NotManaged) - len(pl.NotLinux)
	// SSM stops sending once failures exceed MaxErrors: at failure MaxErrors+1.
	fmt.Fprintln(w, p.T(i18n.FleetAppRate, req.Rate.MaxConcurrency, req.Rate.Concurrent(n), n, req.Rate.MaxErrors, req.Rate.ErrorBudget(n)+1))
	switch {
	case pl.Association == nil:
		fmt.Fprintln(w, p.T(i18n.FleetAppNoAssoc))
	case pl.AssocAction == fleet.ActCreate:
		fmt.Fprintln(w, p.T(i18n.FleetAppAssocCreate, pl.Association.Name, req.Schedule))
	case pl.AssocAction == fleet.ActUpdate:
		fmt.Fprintln(w, p.T(i18n.FleetAppAssocUpdate, pl.Association.Name, req.Schedule))
	default:
		fmt.Fprintln(w, p.T(i18n.FleetAppAssocSame, pl.Association.Name, req.Schedule))
	}
	if pl.Association != nil && pl.AssocAction != fleet.ActUnchanged {
		if req.WaitForSchedule {
			fmt.Fprintln(w, p.T(i18n.FleetAppAssocWaits))
		} else {
			fmt.Fprintln(w, p.T(i18n.FleetAppAssocRunsNow))
		}
	}
}

func runFleetStatus(ctx context.Context, o *fleetStatusOptions, p i18n.Printer, s *streams) error {
	if o.CommandID == "" {
		return i18n.UsageErrorf(i18n.FleetErrNeedCommandID)
	}
	if o.Wait && o.Interval < time.Second {
		return i18n.UsageErrorf(i18n.FleetErrBadInterval, o.Interval.String())
	}
	ports, _, err := o.Ports(ctx, o.Region)
	if err != nil {
		return err
	}
	progress := func(read int) { fmt.Fprintln(s.ErrOut, p.T(i18n.FleetStReading, read)) }
	var st *fleet.Status
	for {
		st, err = fleet.ReadStatus(ctx, ports, fleet.StatusRequest{CommandID: o.CommandID, Fresh: o.Fresh}, progress)
		if st == nil || err != nil || !o.Wait || fleet.Done(st.SSMStatus) {
			break
		}
		t := st.Totals
		fmt.Fprintln(s.ErrOut, p.T(i18n.FleetStWaiting, render.TermLine(st.SSMStatus), t.OK, t.Failed, t.Running, t.Instances, o.Interval))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(o.Interval):
		}
	}
	if st == nil {
		return err
	}
	// What was read is shown even when reading stopped (throttled after
	// the SDK's retries, say), with how far it got.
	if perr := printStatus(s, p, o, st); perr != nil {
		return perr
	}
	if err != nil {
		return i18n.Errorf(i18n.FleetErrStatusPartial, len(st.Instances), st.Counts.Targets, err)
	}
	return statusFailed(st)
}

func printStatus(s *streams, p i18n.Printer, o *fleetStatusOptions, st *fleet.Status) error {
	if o.JSON {
		return writeJSON(s.Out, st)
	}
	w := s.Out
	t := st.Totals
	// Every field below comes from SSM (document parameters, step names, status
	// text anyone with ssm:SendCommand could shape): terminal-safe on one line.
	fmt.Fprintln(w, p.T(i18n.FleetStHeader, render.TermLine(st.CommandID), render.TermLine(st.Document), render.TermLine(st.Answers), render.TermLine(st.SSMStatus)))
	fmt.Fprintln(w, p.T(i18n.FleetStTotals, t.Instances, t.OK, t.Failed, t.Running, t.NotReached, t.NotManaged))
	c := st.Counts
	fmt.Fprintln(w, p.T(i18n.FleetStCounts, c.Targets, c.Completed, c.Errors, c.DeliveryTimedOut))
	steps := make([]string, 0, len(t.FailedBy))
	for k := range t.FailedBy {
		steps = append(steps, k)
	}
	slices.Sort(steps)
	for _, k := range steps {
		fmt.Fprintln(w, p.T(i18n.FleetStFailedStep, render.TermLine(k), t.FailedBy[k]))
	}
	if t.Skipped > 0 {
		fmt.Fprintln(w, p.T(i18n.FleetStSkipped, t.Skipped))
	}
	switch {
	case st.LogsNote == fleet.NoteNoAnswers:
		fmt.Fprintln(w, p.T(i18n.FleetNoteAnswers))
	case st.LogsNote == fleet.NoteStreamByName:
		fmt.Fprintln(w, p.T(i18n.FleetNoteStream))
	case len(st.LogGroups) == 0:
		fmt.Fprintln(w, p.T(i18n.FleetStNoGroups))
	default:
		fmt.Fprintln(w, p.T(i18n.FleetStGroups, render.TermLine(strings.Join(st.LogGroups, ", "))))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, p.T(i18n.FleetStColumns))
	for _, is := range st.Instances {
		exit := "-"
		if is.Exit != nil {
			exit = fmt.Sprint(*is.Exit)
		}
		logs := "-"
		if is.Logs != nil {
			logs = p.T(i18n.FleetStLogsNone)
			if is.Logs.Streams > 0 {
				logs = p.T(i18n.FleetStLogsCell, is.Logs.Arriving, is.Logs.Groups)
			}
			if !is.Logs.Marker.IsZero() {
				logs = p.T(i18n.FleetStLogsMarker, logs)
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", render.TermLine(is.InstanceID), categoryText(p, is), exit, logs, render.TermLine(is.Summary))
	}
	if err := tw.Flush(); err != nil {
		return i18n.Errorf(i18n.ErrWriteOut, err)
	}
	return nil
}

// canaryWave waits for the canaries' command to finish and sends the
// rest only when every canary succeeded; otherwise it lists them with
// their reasons and stops (exit 1).
func canaryWave(ctx context.Context, o *fleetApplyOptions, p i18n.Printer, s *streams, ports fleet.Ports, pl *fleet.ApplyPlan, res *fleet.ApplyResult) error {
	fmt.Fprintln(s.ErrOut, p.T(i18n.FleetAppCanarySent, res.CanaryCommandID, len(pl.Canaries)))
	for {
		st, err := fleet.ReadStatus(ctx, ports, fleet.StatusRequest{CommandID: res.CanaryCommandID}, nil)
		if err != nil {
			return err
		}
		if fleet.Done(st.SSMStatus) {
			bad := fleet.CanaryFailures(st, pl.Canaries)
			if len(bad) > 0 {
				for _, is := range bad {
					fmt.Fprintln(s.ErrOut, p.T(i18n.FleetAppCanaryBad, render.TermLine(is.InstanceID), categoryText(p, is), render.TermLine(is.Summary)))
				}
				return i18n.Errorf(i18n.FleetErrCanaryFailed, len(bad), len(pl.Canaries))
			}
			fmt.Fprintln(s.ErrOut, p.T(i18n.FleetAppCanaryOK, len(pl.Canaries)))
			return fleet.SendRest(ctx, ports, pl, res)
		}
		t := st.Totals
		fmt.Fprintln(s.ErrOut, p.T(i18n.FleetAppCanaryWait, t.OK, t.Failed, t.Running, len(pl.Canaries), o.Interval))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(o.Interval):
		}
	}
}

// statusFailed makes `fleet status` exit non-zero when an instance failed.
func statusFailed(st *fleet.Status) error {
	if st.Totals.Failed > 0 {
		return i18n.Errorf(i18n.FleetErrStatusFailed, st.Totals.Failed, st.Totals.Instances)
	}
	return nil
}

func categoryText(p i18n.Printer, is fleet.InstanceStatus) string {
	switch is.Category {
	case fleet.CatOK:
		return p.T(i18n.FleetCatOK)
	case fleet.CatFailed:
		return p.T(i18n.FleetCatFailed, is.Step)
	case fleet.CatRunning:
		return p.T(i18n.FleetCatRunning)
	case fleet.CatNotReached:
		if is.Step != "" {
			return p.T(i18n.FleetCatNotDone, is.Step)
		}
		return p.T(i18n.FleetCatNotReach)
	case fleet.CatSkipped:
		return p.T(i18n.FleetCatSkipped)
	}
	return p.T(i18n.FleetCatNotManage)
}
