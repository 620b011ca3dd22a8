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

	"github.com/spf13/cobra"

	"github.com/cwsetup/cwsetup/aws"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

func init() { register(newIAMCmd) }

// iamPolicyOptions are the flags of `cwsetup iam policy` (and the policy
// part of `iam setup`).
type iamPolicyOptions struct {
	Region, Account, Prefix, RoleName string
	Format, Part                      string
	Answers                           string // answers file; flags given explicitly win
	Retention, AgentCreatesGroups     bool
	Metrics, DescribeTags, Volumes    bool
	changed                           func(flag string) bool
	// Facts asks IMDS about this instance (aws.InstanceFacts).
	Facts func(context.Context) (*aws.EC2Facts, error)
}

// iamSetupOptions are the flags of `cwsetup iam setup`.
type iamSetupOptions struct {
	iamPolicyOptions
	InstanceID string
	Yes, JSON  bool
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
	cmd.Flags().StringVar(&o.InstanceID, "instance-id", "", p.T(i18n.FlagInstanceID))
	cmd.Flags().BoolVar(&o.Yes, "yes", false, p.T(i18n.FlagYes))
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
		data, err := os.ReadFile(o.Answers)
		if err != nil {
			return in, i18n.UsageErrorf(i18n.IAMErrAnswersRead, o.Answers, err)
		}
		a, err := plan.Load(data, plan.Answers{})
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
	if err := in.Validate(); err != nil {
		var pe *render.PolicyError
		if errors.As(err, &pe) {
			return in, i18n.UsageErrorf(i18n.IAMErrBadValue, pe.Field, pe.Value)
		}
		return in, err
	}
	return in, nil
}

// notEC2Text explains, in the user's language, why IMDS gave no facts.
func notEC2Text(p i18n.Printer, err error) string {
	var ne *aws.NotEC2Error
	if !errors.As(err, &ne) {
		return p.Error(err)
	}
	return p.T(map[string]i18n.Key{
		aws.ReasonDisabled: i18n.NotEC2Disabled, aws.ReasonRefused: i18n.NotEC2Refused,
		aws.ReasonTimeout: i18n.NotEC2Timeout, aws.ReasonRejected: i18n.NotEC2Rejected,
		aws.ReasonError: i18n.NotEC2Error,
	}[ne.Reason])
}

func iamPolicyRun(ctx context.Context, o *iamPolicyOptions, g *globals, s *streams) error {
	p := g.p
	if !slices.Contains(render.IAMFormats, o.Format) {
		return i18n.UsageErrorf(i18n.IAMErrBadValue, "format", o.Format)
	}
	if !slices.Contains([]string{"all", "policy", "trust"}, o.Part) {
		return i18n.UsageErrorf(i18n.IAMErrBadPart, o.Part)
	}
	region, account := o.Region, o.Account
	if region == "" {
		region = s.Getenv("AWS_REGION")
	}
	if region == "" || account == "" {
		facts, err := o.Facts(ctx)
		switch {
		case err == nil:
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
	out, err := render.IAMBundle(in, o.Format, o.Part)
	if err != nil {
		return err
	}
	if _, err := s.Out.Write(out); err != nil {
		return i18n.Errorf(i18n.ErrWriteOut, err)
	}
	return nil
}

func iamSetupRun(ctx context.Context, o *iamSetupOptions, g *globals, s *streams) error {
	p := g.p
	var facts *aws.EC2Facts
	var factsErr error
	if o.InstanceID == "" || o.Region == "" {
		facts, factsErr = o.Facts(ctx)
	}
	instance := o.InstanceID
	if instance == "" {
		if factsErr != nil {
			return i18n.UsageErrorf(i18n.IAMErrNeedInstance, notEC2Text(p, factsErr))
		}
		instance = facts.InstanceID
		fmt.Fprintln(s.ErrOut, p.T(i18n.IAMFromIMDS, facts.InstanceID, facts.InstanceType, facts.Region))
	}
	region := o.Region
	if region == "" && facts != nil && s.Getenv("AWS_REGION") == "" && s.Getenv("AWS_DEFAULT_REGION") == "" {
		region = facts.Region
	}
	cfg, err := aws.Load(ctx, region)
	if err != nil {
		return err
	}
	if cfg.Region == "" {
		return i18n.UsageErrorf(i18n.AWSErrNoRegion)
	}
	account, err := aws.CallerAccount(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintln(s.ErrOut, p.T(i18n.IAMUsing, account, cfg.Region, credentialKindText(p, aws.CredentialKind(ctx))))
	in, err := o.policyInput(cfg.Region, account)
	if err != nil {
		return err
	}
	spec := aws.RoleSpec{
		RoleName: in.EffectiveRoleName(), InstanceID: instance,
		PolicyJSON: string(render.LeastPrivilegePolicy(in).JSON()),
		TrustJSON:  string(render.TrustPolicy().JSON()),
	}
	answers := bufio.NewReader(s.In)
	hooks := aws.RoleHooks{
		Waiting: func() { fmt.Fprintln(s.ErrOut, p.T(i18n.IAMWaitingProfile)) },
		Confirm: func(id, current, wanted string) (bool, error) {
			if o.Yes {
				return true, nil
			}
			fmt.Fprint(s.ErrOut, p.T(i18n.IAMConfirmReplace, id, current, wanted))
			line, err := answers.ReadString('\n')
			if err != nil && (err != io.EOF || line == "") {
				fmt.Fprintln(s.ErrOut)
				return false, i18n.UsageErrorf(i18n.IAMErrNoAnswer)
			}
			a := strings.ToLower(strings.TrimSpace(line))
			return a == "y" || a == "yes" || a == "예" || a == "네", nil
		},
	}
	changes, err := aws.NewRoleSetup(cfg).SetupRole(ctx, spec, hooks)
	printChanges(p, s.ErrOut, changes)
	var kept *aws.NotReplacedError
	if errors.As(err, &kept) {
		return i18n.Errorf(i18n.IAMErrNotReplaced, kept.InstanceID, kept.CurrentProfileARN)
	}
	if err != nil {
		return err
	}
	if o.JSON {
		b, _ := json.MarshalIndent(struct {
			Changed bool         `json:"changed"`
			Changes []aws.Change `json:"changes"`
		}{aws.AnyChanged(changes), changes}, "", "  ")
		if _, err := s.Out.Write(append(b, '\n')); err != nil {
			return i18n.Errorf(i18n.ErrWriteOut, err)
		}
	}
	if !aws.AnyChanged(changes) {
		fmt.Fprintln(s.ErrOut, p.T(i18n.IAMNothingChanged))
		return nil
	}
	fmt.Fprintln(s.ErrOut, p.T(i18n.IAMDone, instance, spec.RoleName))
	return nil
}

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

var changeKeys = map[aws.ChangeAction]i18n.Key{
	aws.Created: i18n.IAMChangeCreated, aws.Updated: i18n.IAMChangeUpdated,
	aws.Unchanged: i18n.IAMChangeUnchanged, aws.Replaced: i18n.IAMChangeReplaced,
}

var resourceKeys = map[aws.Resource]i18n.Key{
	aws.ResRole: i18n.IAMResRole, aws.ResTrust: i18n.IAMResTrust, aws.ResPolicy: i18n.IAMResPolicy,
	aws.ResProfile: i18n.IAMResProfile, aws.ResProfileRole: i18n.IAMResProfileRole,
	aws.ResAssociation: i18n.IAMResAssociation, aws.ResLogGroup: i18n.IAMResLogGroup,
	aws.ResRetention: i18n.IAMResRetention, aws.ResMetricFilter: i18n.IAMResMetricFilter,
	aws.ResAlarm: i18n.IAMResAlarm,
}

func printChanges(p i18n.Printer, w io.Writer, cs []aws.Change) {
	for _, c := range cs {
		fmt.Fprintln(w, p.T(changeKeys[c.Action], p.T(resourceKeys[c.Resource]), c.Name))
	}
}
