package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/aws"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/render/iamtext"
	"github.com/cwsetup/cwsetup/wizard/alarms"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/iamsetup"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

func init() { register(newIAMCmd) }

// formatConsole prints the console steps in the user's language with the
// policy to paste (the IAM screen's third choice, docs/iam.md).
const formatConsole = "console"

// iamPolicyOptions are the flags of `cwsetup iam policy` (and the policy
// part of `iam setup`).
type iamPolicyOptions struct {
	Region, Account, Prefix, RoleName string
	Format, Part                      string
	Answers                           string // answers file; flags given explicitly win
	Retention, AgentCreatesGroups     bool
	Metrics, DescribeTags, Volumes    bool
	FleetParameter                    string // --fleet-parameter
	changed                           func(flag string) bool
	loaded                            *plan.Answers
	facts                             *aws.EC2Facts
	// Facts asks IMDS about this instance (aws.InstanceFacts).
	Facts func(context.Context) (*aws.EC2Facts, error)
}

// iamSetupOptions are the flags of `cwsetup iam setup`.
type iamSetupOptions struct {
	iamPolicyOptions
	InstanceID string
	Yes, JSON  bool
	// AdoptRole takes an existing role that holds more than cwsetup's
	// policy or trusts more than EC2, after the plan has shown it.
	AdoptRole bool
	// CreateGroups: cwsetup creates the answers' log groups with their
	// retention and class (then the role needs no logs:CreateLogGroup).
	CreateGroups bool
	// Alarms: metric filters and alarms on the auth log group(s).
	Alarms        bool
	AlarmGroups   []string
	AlarmSettings alarms.Settings
	// alarmsSkipped: the answers want alarms but ship no auth log.
	alarmsSkipped bool
}

func newIAMCmd(g *globals, s *streams) *cobra.Command {
	p := g.p
	cmd := &cobra.Command{Use: "iam", Short: p.T(i18n.IAMShort), Long: p.T(i18n.IAMLong)}
	cmd.AddCommand(newIAMPolicyCmd(g, s, nil), newIAMSetupCmd(g, s, nil))
	return cmd
}

func addPolicyFlags(cmd *cobra.Command, o *iamPolicyOptions, p i18n.Printer) {
	f := cmd.Flags()
	f.StringVar(&o.Region, "region", "", p.T(i18n.FlagRegion))
	f.StringVar(&o.Prefix, "prefix", render.DefaultLogGroupPrefix, p.T(i18n.FlagPrefix))
	f.StringVar(&o.RoleName, "role-name", render.DefaultRoleName, p.T(i18n.FlagRoleName))
	f.StringVar(&o.Answers, "answers", "", p.T(i18n.FlagIAMAnswers))
	f.BoolVar(&o.Retention, "retention", true, p.T(i18n.FlagRetention))
	f.BoolVar(&o.AgentCreatesGroups, "agent-creates-groups", true, p.T(i18n.FlagAgentGroups))
	f.BoolVar(&o.Metrics, "metrics", true, p.T(i18n.FlagMetrics))
	f.BoolVar(&o.DescribeTags, "describe-tags", false, p.T(i18n.FlagDescribeTags))
	f.BoolVar(&o.Volumes, "describe-volumes", false, p.T(i18n.FlagDescribeVolumes))
	f.StringVar(&o.FleetParameter, "fleet-parameter", "", p.T(i18n.FlagFleetParameter))
	o.changed = func(name string) bool { return f.Changed(name) }
	o.Facts = aws.InstanceFacts
}

// newIAMPolicyCmd builds `iam policy`; runF replaces the run function in
// flag-parsing tests.
func newIAMPolicyCmd(g *globals, s *streams, runF func(*iamPolicyOptions) error) *cobra.Command {
	p := g.p
	o := &iamPolicyOptions{}
	cmd := &cobra.Command{
		Use:   "policy",
		Short: p.T(i18n.IAMPolicyShort),
		Long:  p.T(i18n.IAMPolicyLong),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return iamPolicyRun(cmd.Context(), o, g, s)
		},
	}
	addPolicyFlags(cmd, o, p)
	o.Facts = g.instanceFacts // the machine's identity under --root, then IMDS
	cmd.Flags().StringVar(&o.Account, "account", "", p.T(i18n.FlagAccount))
	cmd.Flags().StringVar(&o.Format, "format", render.FormatJSON, p.T(i18n.FlagIAMFormat))
	cmd.Flags().StringVar(&o.Part, "part", "all", p.T(i18n.FlagIAMPart))
	return cmd
}

func newIAMSetupCmd(g *globals, s *streams, runF func(*iamSetupOptions) error) *cobra.Command {
	p := g.p
	o := &iamSetupOptions{}
	cmd := &cobra.Command{
		Use:   "setup",
		Short: p.T(i18n.IAMSetupShort),
		Long:  p.T(i18n.IAMSetupLong),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return iamSetupRun(cmd.Context(), o, g, s)
		},
	}
	addPolicyFlags(cmd, &o.iamPolicyOptions, p)
	o.Facts = g.instanceFacts
	cmd.Flags().StringVar(&o.InstanceID, "instance-id", "", p.T(i18n.FlagInstanceID))
	cmd.Flags().BoolVar(&o.Yes, "yes", false, p.T(i18n.FlagYes))
	cmd.Flags().BoolVar(&o.AdoptRole, "adopt-role", false, p.T(i18n.FlagAdoptRole))
	cmd.Flags().BoolVar(&o.CreateGroups, "create-groups", false, p.T(i18n.FlagCreateGroups))
	cmd.Flags().BoolVar(&o.Alarms, "alarms", false, p.T(i18n.FlagAlarms))
	cmd.Flags().StringSliceVar(&o.AlarmGroups, "alarm-log-group", nil, p.T(i18n.FlagAlarmGroup))
	cmd.Flags().IntVar(&o.AlarmSettings.Threshold, "alarm-threshold", 0, p.T(i18n.FlagAlarmThreshold))
	cmd.Flags().IntVar(&o.AlarmSettings.PeriodSeconds, "alarm-period", alarms.DefaultPeriod, p.T(i18n.FlagAlarmPeriod))
	cmd.Flags().StringVar(&o.AlarmSettings.SNSTopicARN, "sns-topic", "", p.T(i18n.FlagSNSTopic))
	jsonFlag(cmd.Flags(), &o.JSON, p)
	return cmd
}

// policyInput turns the flags (and the answers file, if any) into the
// policy's input. region and account must be known by then.
func (o *iamPolicyOptions) policyInput(region, account string) (render.PolicyInput, error) {
	in := render.PolicyInput{
		Region: region, Account: account, Prefix: o.Prefix, RoleName: o.RoleName,
		AgentCreatesGroups: o.AgentCreatesGroups, AgentSetsRetention: o.Retention,
		Metrics: o.Metrics, DescribeTags: o.DescribeTags, DescribeVolumes: o.Volumes,
	}
	if o.Answers != "" {
		a, err := o.answers()
		if err != nil {
			return in, err
		}
		from := render.PolicyInputFromAnswers(a, region, account, o.AgentCreatesGroups)
		from.RoleName, from.DescribeVolumes = o.RoleName, o.Volumes
		for flag, set := range map[string]func(){
			"prefix": func() { from.Prefix = o.Prefix }, "retention": func() { from.AgentSetsRetention = o.Retention },
			"metrics": func() { from.Metrics = o.Metrics }, "describe-tags": func() { from.DescribeTags = o.DescribeTags },
			"region": func() { from.Region = region },
		} {
			if o.changed != nil && o.changed(flag) {
				set()
			}
		}
		in = from
	}
	in.FleetParameter = o.FleetParameter
	if err := in.Validate(); err != nil {
		var pe *render.PolicyError
		if errors.As(err, &pe) {
			hint := map[string]i18n.Key{"region": i18n.IAMHintRegion, "account": i18n.IAMHintAccount,
				"prefix": i18n.IAMHintPrefix, "role-name": i18n.IAMHintRoleName, "log-group": i18n.IAMHintLogGroup,
				"fleet-parameter": i18n.IAMHintFleetParameter}[pe.Field]
			return in, i18n.UsageErrorf(i18n.IAMErrBadValue, pe.Field, pe.Value, i18n.Errorf(hint))
		}
		return in, err
	}
	return in, nil
}

// answers loads the answers file (once).
func (o *iamPolicyOptions) answers() (plan.Answers, error) {
	if o.loaded != nil {
		return *o.loaded, nil
	}
	f, err := os.Open(o.Answers)
	if err != nil {
		return plan.Answers{}, i18n.UsageErrorf(i18n.IAMErrAnswersRead, o.Answers, err)
	}
	defer f.Close()
	data, err := plan.ReadAnswers(f, o.Answers)
	if err != nil {
		return plan.Answers{}, err
	}
	a, err := plan.Load(data, plan.Answers{})
	if err != nil {
		return plan.Answers{}, err
	}
	o.loaded = &a
	return a, nil
}

// notEC2Text explains, in the user's language, why IMDS gave no facts.
func notEC2Text(p i18n.Printer, err error) string { return p.Error(notEC2Err(err)) }

// notEC2Err is why IMDS gave no facts as a catalog error (err itself
// when it is not an aws.NotEC2Error).
func notEC2Err(err error) error {
	var ne *aws.NotEC2Error
	if !errors.As(err, &ne) {
		return err
	}
	return i18n.Errorf(map[string]i18n.Key{
		aws.ReasonDisabled: i18n.NotEC2Disabled, aws.ReasonRefused: i18n.NotEC2Refused,
		aws.ReasonTimeout: i18n.NotEC2Timeout, aws.ReasonRejected: i18n.NotEC2Rejected,
		aws.ReasonError: i18n.NotEC2Error, aws.ReasonEC2Silent: i18n.NotEC2Silent,
	}[ne.Reason])
}

func iamPolicyRun(ctx context.Context, o *iamPolicyOptions, g *globals, s *streams) error {
	p := g.p
	if !slices.Contains(render.IAMFormats, o.Format) && o.Format != formatConsole {
		return i18n.UsageErrorf(i18n.IAMErrBadValue, "format", o.Format, i18n.Errorf(i18n.IAMHintFormat))
	}
	if !slices.Contains([]string{"all", "policy", "trust"}, o.Part) {
		return i18n.UsageErrorf(i18n.IAMErrBadPart, o.Part)
	}
	region, account := o.Region, o.Account
	if region == "" {
		region = render.TermLine(s.Getenv("AWS_REGION")) // printed in the policy text and the messages
	}
	if region == "" || account == "" {
		facts, err := o.Facts(ctx)
		switch {
		case err == nil:
			o.facts = facts
			if region == "" {
				region = facts.Region
			}
			if account == "" {
				account = facts.AccountID
			}
		case region == "":
			return i18n.UsageErrorf(i18n.IAMErrNeedRegion, notEC2Text(p, err))
		default:
			return i18n.UsageErrorf(i18n.IAMErrNeedAccount, notEC2Text(p, err))
		}
	}
	in, err := o.policyInput(region, account)
	if err != nil {
		return err
	}
	if o.Format == formatConsole {
		instance := p.T(i18n.IAMThisInstance)
		if o.facts != nil {
			instance = o.facts.InstanceID
		}
		text := p.T(i18n.IAMConsoleSteps, in.EffectiveRoleName(), instance, in.Region, in.Account,
			string(render.LeastPrivilegePolicy(in).JSON()))
		if _, err := io.WriteString(s.Out, text); err != nil {
			return i18n.Errorf(i18n.ErrWriteOut, err)
		}
		return nil
	}
	out, err := render.IAMBundle(in, o.Format, o.Part)
	if err != nil {
		return err
	}
	if _, err := s.Out.Write(out); err != nil {
		return i18n.Errorf(i18n.ErrWriteOut, err)
	}
	if in.FleetParameter != "" && o.Part != "trust" {
		fmt.Fprintln(s.ErrOut, p.T(i18n.FleetIAMNote, in.FleetParameterARN(), in.EffectiveRoleName(), "aws"))
	}
	return nil
}

// iamSetupJob is what `iam setup` (and the wizard's IAM screen) needs
// before planning: where, as whom, and the spec. Preparing it changes
// nothing and prints nothing.
type iamSetupJob struct {
	// Facts are this instance's, when IMDS answered (nil otherwise).
	Facts       *aws.EC2Facts
	Account     string
	Region      string
	Credentials string // aws.Cred* kind
	Spec        iamsetup.Spec
	Ports       iamsetup.Ports
	// AlarmsSkipped: the answers turn the alarms on but ship no auth log.
	AlarmsSkipped bool
	// Patterns is CloudWatch Logs' filter-pattern evaluator, for checking
	// the alarms' patterns before they are created.
	Patterns alarms.PatternTester
}

// prepareIAMSetup resolves the instance, region, account and credentials
// and builds the spec from the flags and the answers. waiting is told when
// a new instance profile is not usable yet and the association is retried.
func prepareIAMSetup(ctx context.Context, o *iamSetupOptions, getenv func(string) string, waiting func()) (*iamSetupJob, error) {
	groups, alarmList, err := o.logsPlan()
	if err != nil {
		return nil, err
	}
	job := &iamSetupJob{AlarmsSkipped: o.alarmsSkipped}
	var factsErr error
	if o.InstanceID == "" || o.Region == "" {
		job.Facts, factsErr = o.Facts(ctx)
	}
	instance := o.InstanceID
	if instance == "" {
		if factsErr != nil {
			return nil, i18n.UsageErrorf(i18n.IAMErrNeedInstance, notEC2Err(factsErr))
		}
		instance = job.Facts.InstanceID
	}
	region := o.Region
	if region == "" && o.loaded != nil {
		region = o.loaded.Region // the agent ships there, so its groups and alarms belong there
	}
	if region == "" && job.Facts != nil && getenv("AWS_REGION") == "" && getenv("AWS_DEFAULT_REGION") == "" {
		region = job.Facts.Region
	}
	cfg, err := aws.Load(ctx, region)
	if err != nil {
		return nil, err
	}
	if cfg.Region == "" {
		return nil, i18n.UsageErrorf(i18n.AWSErrNoRegion)
	}
	if job.Account, err = aws.CallerAccount(ctx, cfg); err != nil {
		return nil, err
	}
	job.Region, job.Credentials = cfg.Region, aws.CredentialKind(ctx)
	in, err := o.policyInput(cfg.Region, job.Account)
	if err != nil {
		return nil, err
	}
	job.Spec = iamsetup.Spec{
		RoleName: in.EffectiveRoleName(), InstanceID: instance,
		PolicyJSON: string(render.LeastPrivilegePolicy(in).JSON()),
		TrustJSON:  string(render.TrustPolicy().JSON()),
		LogGroups:  groups, Alarms: alarmList, AdoptRole: o.AdoptRole,
	}
	job.Ports = aws.IAMSetupPorts(cfg, waiting)
	job.Patterns = aws.NewPatternTester(cfg)
	return job, nil
}

func iamSetupRun(ctx context.Context, o *iamSetupOptions, g *globals, s *streams) error {
	p := g.p
	job, err := prepareIAMSetup(ctx, o, s.Getenv, func() { fmt.Fprintln(s.ErrOut, p.T(i18n.IAMWaitingProfile)) })
	if err != nil {
		return err
	}
	if job.AlarmsSkipped {
		fmt.Fprintln(s.ErrOut, p.T(i18n.IAMAlarmsNoAuthLog))
	}
	if o.InstanceID == "" && job.Facts != nil {
		fmt.Fprintln(s.ErrOut, p.T(i18n.IAMFromIMDS, job.Facts.InstanceID, job.Facts.InstanceType, job.Facts.Region))
	}
	fmt.Fprintln(s.ErrOut, p.T(i18n.IAMUsing, job.Account, job.Region, credentialKindText(p, job.Credentials)))

	out := iamSetupOutput{Account: job.Account, Region: job.Region}
	plan, err := iamsetup.MakePlan(ctx, job.Ports, job.Spec)
	if err != nil {
		return err
	}
	out.setPlan(p, plan)
	io.WriteString(s.ErrOut, iamtext.Plan(p, job.Account, job.Region, plan))
	if len(job.Spec.Alarms) > 0 {
		io.WriteString(s.ErrOut, alarmPatternsText(ctx, p, job.Patterns))
	}
	switch {
	case len(plan.Blocked) > 0:
		if err := out.write(o.JSON, s.Out); err != nil {
			return err
		}
		return blockedError(plan)
	case plan.Empty():
		fmt.Fprintln(s.ErrOut, p.T(i18n.IAMNothingChanged))
		return out.write(o.JSON, s.Out)
	}
	if !o.Yes {
		if !isTerminal(s.In) {
			// The plan alone, for a script that wants to see it first.
			if err := out.write(o.JSON, s.Out); err != nil {
				return err
			}
			return i18n.UsageErrorf(i18n.IAMSetupErrNeedYes)
		}
		fmt.Fprint(s.ErrOut, p.T(i18n.IAMSetupConfirm, len(plan.Pending())))
		yes, err := readYes(ctx, p, s.In)
		if err != nil {
			fmt.Fprintln(s.ErrOut)
			return err
		}
		if !yes {
			return i18n.Errorf(i18n.IAMSetupErrDeclined)
		}
	}
	res, applyErr := iamsetup.Apply(ctx, job.Ports, plan)
	out.setResult(p, res, applyErr)
	io.WriteString(s.ErrOut, iamtext.Result(p, res))
	if err := out.write(o.JSON, s.Out); err != nil {
		return err
	}
	if applyErr != nil {
		fmt.Fprintln(s.ErrOut, p.T(i18n.IAMSetupStopped))
		return applyErr
	}
	if job.Spec.InstanceID != "" {
		fmt.Fprintln(s.ErrOut, p.T(i18n.IAMDone, job.Spec.InstanceID, job.Spec.RoleName))
	}
	return nil
}

// wizardIAMPlan prepares the IAM setup job for the wizard (iam setup's
// defaults on the session's answers) and plans it; iamsetup.Apply with
// job.Ports makes the plan's changes.
func wizardIAMPlan(ctx context.Context, root host.Root, a plan.Answers) (*iamSetupJob, iamsetup.Plan, error) {
	o := &iamSetupOptions{}
	o.Prefix, o.RoleName = render.DefaultLogGroupPrefix, render.DefaultRoleName
	o.Retention, o.AgentCreatesGroups, o.Metrics = true, true, true
	o.Answers, o.loaded = "(wizard)", &a
	o.Facts = func(ctx context.Context) (*aws.EC2Facts, error) {
		id := identifyEC2(ctx, root) // the machine's identity first, then IMDS
		return id.Facts, id.Err
	}
	o.AlarmSettings.PeriodSeconds = alarms.DefaultPeriod
	job, err := prepareIAMSetup(ctx, o, os.Getenv, nil)
	if err != nil {
		return nil, iamsetup.Plan{}, err
	}
	pl, err := iamsetup.MakePlan(ctx, job.Ports, job.Spec)
	return job, pl, err
}

// blockedError ends a run whose plan cannot be applied (the reasons are
// in the plan text): a usage error when each reason is the user's input.
func blockedError(plan iamsetup.Plan) error {
	for _, b := range plan.Blocked {
		if !b.Usage {
			return i18n.Errorf(i18n.IAMSetupErrBlocked)
		}
	}
	return i18n.UsageErrorf(i18n.IAMSetupErrBlocked)
}

// isTerminal reports whether r is a terminal one can answer a question on.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// readYes reads one answer line: yes in English or the user's language.
// Ctrl-C (ctx ending) stops the wait.
func readYes(ctx context.Context, p i18n.Printer, r io.Reader) (bool, error) {
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- line
	}()
	select {
	case <-ctx.Done():
		return false, ctx.Err()
	case line := <-got:
		a := strings.ToLower(strings.TrimSpace(line))
		return a == "y" || a == "yes" || slices.Contains(strings.Split(p.T(i18n.IAMYesWords), ","), a), nil
	}
}

// iamSetupOutput is `iam setup --json`: the plan, and what was done.
type iamSetupOutput struct {
	Account string          `json:"account"`
	Region  string          `json:"region"`
	Changed bool            `json:"changed"`
	Plan    iamsetup.Plan   `json:"plan"`
	Blocked []string        `json:"blocked,omitempty"`
	Notices []string        `json:"notices,omitempty"`
	Applied []iamsetup.Step `json:"applied,omitempty"`
	Error   string          `json:"error,omitempty"`
}

func (o *iamSetupOutput) setPlan(p i18n.Printer, plan iamsetup.Plan) {
	o.Plan = plan
	for _, b := range plan.Blocked {
		o.Blocked = append(o.Blocked, p.Error(b))
	}
	for _, n := range plan.Notices {
		o.Notices = append(o.Notices, p.Error(n))
	}
}

func (o *iamSetupOutput) setResult(p i18n.Printer, res iamsetup.Result, err error) {
	o.Applied, o.Changed = res.Steps, res.Changed()
	if err != nil {
		o.Error = p.Error(err)
	}
}

func (o *iamSetupOutput) write(on bool, w io.Writer) error {
	if !on {
		return nil
	}
	b, err := json.MarshalIndent(o, "", "  ")
	if err != nil {
		return err
	}
	if _, err := w.Write(append(b, '\n')); err != nil {
		return i18n.Errorf(i18n.ErrWriteOut, err)
	}
	return nil
}

// logsPlan checks the log-group and alarm flags and returns what to
// create: the answers' groups (--create-groups) and the security alarms.
// With --answers, the alarms follow the answers' alarms section (threshold,
// period, SNS topic, on or off); the flags given explicitly win.
func (o *iamSetupOptions) logsPlan() ([]iamsetup.LogGroup, []iamsetup.Alarm, error) {
	if (o.CreateGroups || o.Alarms && len(o.AlarmGroups) == 0) && o.Answers == "" {
		return nil, nil, i18n.UsageErrorf(i18n.IAMErrNeedAnswers)
	}
	if err := o.AlarmSettings.Validate(); err != nil {
		return nil, nil, err
	}
	var a plan.Answers
	settings := o.AlarmSettings
	fromAnswers := false
	if o.Answers != "" {
		var err error
		if a, err = o.answers(); err != nil {
			return nil, nil, err
		}
		if !o.flagSet("alarms") {
			o.Alarms, fromAnswers = a.Alarms.Enabled, true
		}
		settings = alarms.FromAnswers(a.Alarms)
		for flag, set := range map[string]func(){
			"alarm-threshold": func() { settings.Threshold = o.AlarmSettings.Threshold },
			"alarm-period":    func() { settings.PeriodSeconds = o.AlarmSettings.PeriodSeconds },
			"sns-topic":       func() { settings.SNSTopicARN = o.AlarmSettings.SNSTopicARN },
		} {
			if o.flagSet(flag) {
				set()
			}
		}
	}
	// answerGroup is the log group of the answers, with its retention and
	// class (RetentionDays 0 leaves retention alone, -1 is "never expire").
	// (The answers are validated: retention and class are values AWS takes.)
	answerGroup := func(name string) iamsetup.LogGroup {
		for _, l := range a.Logs {
			if a.GroupName(l) == name {
				return iamsetup.LogGroup{Name: name, RetentionDays: l.RetentionDays, Class: a.ClassOf(l)}
			}
		}
		return iamsetup.LogGroup{Name: name}
	}
	var groups []iamsetup.LogGroup
	if o.CreateGroups {
		if !o.flagSet("agent-creates-groups") {
			o.AgentCreatesGroups = false // cwsetup creates them: the role needs less
		}
		for _, name := range a.LogGroups() {
			groups = append(groups, answerGroup(name))
		}
	}
	if !o.Alarms {
		return groups, nil, nil
	}
	names := o.AlarmGroups
	if len(names) == 0 {
		names = alarms.SecurityGroups(a)
		// The filters need the auth log groups now, before the agent has
		// run: cwsetup creates them, as the answers say.
		for _, n := range names {
			if !slices.ContainsFunc(groups, func(g iamsetup.LogGroup) bool { return g.Name == n }) {
				groups = append(groups, answerGroup(n))
			}
		}
	}
	if len(names) == 0 {
		if fromAnswers {
			o.alarmsSkipped = true // nothing to watch; said in the report
			return groups, nil, nil
		}
		return nil, nil, i18n.UsageErrorf(i18n.IAMErrNoAuthGroup)
	}
	var list []iamsetup.Alarm
	for _, n := range names {
		for _, al := range alarms.For(n, settings) {
			list = append(list, iamsetup.Alarm{LogGroup: al.LogGroup, FilterName: al.FilterName,
				Pattern: al.Check.Pattern, Namespace: alarms.Namespace, MetricName: al.Check.MetricName,
				AlarmName: al.AlarmName, Description: "cwsetup: " + al.Check.ID + " on " + al.LogGroup,
				Threshold: float64(al.Threshold), PeriodSeconds: int32(al.PeriodSeconds), SNSTopicARN: al.SNSTopicARN})
		}
	}
	return groups, list, nil
}

// flagSet reports whether the flag was given on the command line (never,
// when the wizard runs iam setup).
func (o *iamPolicyOptions) flagSet(name string) bool { return o.changed != nil && o.changed(name) }

func credentialKindText(p i18n.Printer, kind string) string {
	k, ok := map[string]i18n.Key{
		aws.CredInstanceRole: i18n.CredKindInstanceRole, aws.CredEnv: i18n.CredKindEnv,
		aws.CredProfile: i18n.CredKindProfile, aws.CredContainer: i18n.CredKindContainer,
		aws.CredWebIdentity: i18n.CredKindWebIdentity, aws.CredNone: i18n.CredKindNone,
	}[kind]
	if !ok {
		return kind
	}
	return p.T(k)
}
