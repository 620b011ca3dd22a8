package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"github.com/cwsetup/cwsetup/internal/lazy"
	"io"
	"os/exec"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/aws"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render/sizingtext"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/sizing"
)

func init() { register(newSizingCmd) }

// sizingOptions is everything `cwsetup sizing` needs.
type sizingOptions struct {
	JSON          bool
	Sample        time.Duration
	ServerPrice   float64
	ServerMonthly float64
	Root          func() (host.Root, error)
	// Sampler builds the CPU sampler; tests replay recorded /proc/stat
	// snapshots instead of waiting.
	Sampler func(r host.Root, d time.Duration) sizing.CPUSampler
	Out     io.Writer // the JSON report
	ErrOut  io.Writer // the human report and progress
	P       i18n.Printer
	// Region is --region: the region advice and prices are for (default:
	// the instance's). Offline is --offline: no AWS call at all.
	Region  string
	Offline bool
	// AWS finds the AWS ports (tests replace it); live says the root is
	// this machine, so IMDS speaks for it.
	AWS func(ctx context.Context, region string, live bool) sizingAWS
}

// sizingAWS is what sizing may ask AWS, found by liveSizingAWS.
type sizingAWS struct {
	Region, InstanceID, InstanceType string
	History                          sizing.HistorySource
	Types                            sizing.TypeSource
	Prices                           sizing.PriceSource
	NoCredentials                    bool
}

// liveSizingAWS asks IMDS about this instance (on the live root only) and
// builds the CloudWatch, EC2 and Price List adapters when credentials
// exist. The advice region is region, else the instance's.
func liveSizingAWS(ctx context.Context, region string, live bool) sizingAWS {
	var a sizingAWS
	home := ""
	if live {
		if f, err := aws.InstanceFacts(ctx); err == nil {
			a.InstanceID, a.InstanceType, home = f.InstanceID, f.InstanceType, f.Region
		}
	}
	a.Region = region
	if a.Region == "" {
		a.Region = home
	}
	if aws.CredentialKind(ctx) == aws.CredNone {
		a.NoCredentials = true
		return a
	}
	cfg, err := aws.Load(ctx, cmp.Or(home, a.Region))
	if err != nil || cfg.Region == "" {
		return a
	}
	if a.InstanceID != "" {
		a.History = aws.NewMetricHistory(cfg)
	}
	a.Types, a.Prices = aws.NewInstanceTypes(cfg), aws.NewPriceList(cfg)
	if a.Region == "" {
		a.Region = cfg.Region
	}
	return a
}

// sizingJobOptions are the sizing job's inputs on root r, the same for
// `cwsetup sizing` and the wizard: the kernel journal on the live root;
// AWS (CPU history, the region's types and prices) on the live machine or
// for a region named with --region — a fixture root alone never calls
// AWS — unless offline.
func sizingJobOptions(ctx context.Context, r host.Root, cpu sizing.CPUSampler, region string, offline bool,
	awsF func(ctx context.Context, region string, live bool) sizingAWS) app.SizingOptions {
	so := app.SizingOptions{CPU: cpu, Region: region}
	if r.Live() {
		so.Journal = journalKernel
	}
	if !offline && awsF != nil && (r.Live() || region != "") {
		a := awsF(ctx, region, r.Live())
		so.Region, so.InstanceID, so.InstanceType = a.Region, a.InstanceID, a.InstanceType
		so.History, so.Types, so.Prices, so.NoCredentials = a.History, a.Types, a.Prices, a.NoCredentials
	}
	return so
}

// regionRE is the shape of an AWS region code (ap-northeast-2, us-gov-west-1).
var regionRE = lazy.Regexp(`^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$`)

func newSizingCmd(g *globals, s *streams) *cobra.Command {
	return newSizingCmdWith(g, s, runSizing)
}

// newSizingCmdWith takes the run function so flag parsing can be tested alone.
func newSizingCmdWith(g *globals, s *streams, runF func(context.Context, *sizingOptions) error) *cobra.Command {
	o := &sizingOptions{Root: g.root, Out: s.Out, ErrOut: s.ErrOut, P: g.p, Sampler: liveSampler, AWS: liveSizingAWS}
	cmd := &cobra.Command{
		Use:   "sizing",
		Short: g.p.T(i18n.SizingShort),
		Long:  g.p.T(i18n.SizingLong),
		RunE:  func(cmd *cobra.Command, args []string) error { return runF(cmd.Context(), o) },
	}
	jsonFlag(cmd.Flags(), &o.JSON, g.p)
	cmd.Flags().DurationVar(&o.Sample, "sample", time.Second, g.p.T(i18n.SizingFlagSample))
	cmd.Flags().Float64Var(&o.ServerPrice, "server-price", 0, g.p.T(i18n.SizingFlagServerPrice))
	cmd.Flags().Float64Var(&o.ServerMonthly, "server-monthly", 0, g.p.T(i18n.SizingFlagServerMonthly))
	cmd.Flags().StringVar(&o.Region, "region", "", g.p.T(i18n.SizingFlagRegion))
	cmd.Flags().BoolVar(&o.Offline, "offline", false, g.p.T(i18n.SizingFlagOffline))
	return cmd
}

// journalKernel reads the kernel's messages of the last 14 days from the
// systemd journal (binary, so only journalctl reads it; the live root only).
func journalKernel(ctx context.Context) ([]string, error) {
	path, err := exec.LookPath("journalctl")
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, path, "-k", "-q", "--no-pager", "-o", "short-iso", "--since", "14 days ago")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	b, rerr := io.ReadAll(io.LimitReader(out, 32<<20))
	_, _ = io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		return nil, err
	}
	if rerr != nil {
		return nil, rerr
	}
	return strings.Split(string(b), "\n"), nil
}

func liveSampler(r host.Root, d time.Duration) sizing.CPUSampler { return sizing.NewStatSampler(r, d) }

func runSizing(ctx context.Context, o *sizingOptions) error {
	if o.Sample < 0 || o.Sample > time.Minute {
		return i18n.UsageErrorf(i18n.SizingErrBadSample, o.Sample)
	}
	for flag, v := range map[string]float64{"--server-price": o.ServerPrice, "--server-monthly": o.ServerMonthly} {
		if v < 0 {
			return i18n.UsageErrorf(i18n.SizingErrBadMoney, flag, fmt.Sprint(v))
		}
	}
	if o.Region != "" && !regionRE().MatchString(o.Region) {
		return i18n.UsageErrorf(i18n.SizingErrBadRegion, o.Region)
	}
	r, err := o.Root()
	if err != nil {
		return err
	}
	var cpu sizing.CPUSampler
	if o.Sample > 0 {
		cpu = o.Sampler(r, o.Sample)
		if !o.JSON {
			fmt.Fprintln(o.ErrOut, o.P.T(i18n.SizingProgress, o.Sample))
		}
	}
	so := sizingJobOptions(ctx, r, cpu, o.Region, o.Offline, o.AWS)
	so.ServerPriceUSD, so.ServerMonthlyUSD = o.ServerPrice, o.ServerMonthly
	rep, err := app.Sizing(ctx, r, so)
	if ctx.Err() != nil {
		return errAborted
	}
	if err != nil {
		return err
	}
	rep.Localize(o.P)
	if o.JSON {
		enc := json.NewEncoder(o.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return i18n.Errorf(i18n.ErrWriteOut, err)
		}
		return nil
	}
	if err := sizingtext.Write(o.ErrOut, rep, o.P); err != nil {
		return i18n.Errorf(i18n.ErrWriteOut, err)
	}
	return nil
}
