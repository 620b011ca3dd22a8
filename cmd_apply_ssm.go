package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/cwsetup/cwsetup/aws"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/fleet"
)

// ssmAnswers is the state of `cwsetup apply --answers-ssm`: where apply
// got to, for the result line `fleet status` reads.
type ssmAnswers struct {
	at    string // the step running when apply stopped
	param string // name:version applied
}

func (o *applyOptions) step(s string) { o.ssm.at = s }

func (o *applyOptions) event(e agent.Event) {
	if e.Kind == agent.EvStart {
		o.ssm.at = string(e.Step)
	}
}

// readSSMAnswers reads the answers from Parameter Store with the instance's
// credentials, in AWS_REGION or else the instance's own region; nil when
// --answers-ssm is not given.
func (o *applyOptions) readSSMAnswers(ctx context.Context) ([]byte, error) {
	if o.AnswersSSM == "" {
		return nil, nil
	}
	o.step("answers")
	if o.Answers != "" {
		return nil, i18n.UsageErrorf(i18n.ApplyErrAnswersBoth)
	}
	ref, err := fleet.ParseParameter(o.AnswersSSM, true)
	if err != nil {
		return nil, err
	}
	region := ""
	if os.Getenv("AWS_REGION") == "" && os.Getenv("AWS_DEFAULT_REGION") == "" {
		facts, err := aws.InstanceFacts(ctx)
		if err != nil {
			return nil, i18n.Errorf(i18n.ApplyErrSSMRead, i18n.UsageErrorf(i18n.FleetErrNoRegion))
		}
		region = facts.Region
	}
	cfg, err := aws.Load(ctx, region)
	if err != nil {
		return nil, i18n.Errorf(i18n.ApplyErrSSMRead, err)
	}
	prm, err := aws.ReadAnswersParameter(ctx, cfg, ref.String())
	if errors.Is(err, fleet.ErrNotFound) {
		return nil, i18n.UsageErrorf(i18n.ApplyErrSSMNotFound, ref.String(), cfg.Region)
	}
	if err != nil {
		return nil, i18n.Errorf(i18n.ApplyErrSSMRead, err)
	}
	if len(prm.Value) > fleet.AdvancedLimit {
		return nil, i18n.UsageErrorf(i18n.FleetErrAnswersTooBig, len(prm.Value), fleet.AdvancedLimit)
	}
	o.ssm.param = fleet.ParameterRef{Name: prm.Name, Version: prm.Version}.String()
	fmt.Fprintln(o.ErrOut, o.P.T(i18n.ApplyReadSSM, prm.Name, prm.Version, len(prm.Value)))
	return []byte(prm.Value), nil
}

// withResultLine ends an --answers-ssm run with the machine-readable
// result line on stdout (everything else apply says is on stderr), in
// English whatever --lang says, and passes err on.
func (o *applyOptions) withResultLine(out io.Writer, err error) error {
	if o.AnswersSSM == "" {
		return err
	}
	en := i18n.New(i18n.EN)
	r := fleet.Result{Param: o.ssm.param}
	switch {
	case err == nil && o.NoVerify:
		r.Summary = en.T(i18n.ApplyResultOK)
	case err == nil:
		r.Summary = en.T(i18n.ApplyResultVerified)
	default:
		r.Step, r.Summary, r.Exit = o.ssm.at, en.Error(err), exitFailure
		if r.Step == "" {
			r.Step = "answers"
		}
		if i18n.IsUsage(err) {
			r.Exit = exitUsage
		}
		if errors.Is(err, errAborted) || errors.Is(err, context.Canceled) {
			r.Exit = exitAborted
		}
	}
	fmt.Fprint(out, r.Line())
	return err
}
