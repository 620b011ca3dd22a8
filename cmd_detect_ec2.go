package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/cwsetup/cwsetup/aws"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// How the EC2 question was decided; stable strings in `detect --json`.
const (
	decidedByIMDS    = "imds"         // IMDS answered with the identity document
	decidedByMachine = "machine"      // IMDS gave nothing; the machine's DMI identity says EC2 or not
	decidedByTimeout = "imds_timeout" // IMDS gave nothing and the machine says nothing: not EC2, within 300 ms
)

// ec2Section is what `cwsetup detect` adds about AWS: the instance's facts
// from IMDSv2, or null and why not, what the machine's own identity says,
// which of the two decided, and which kind of credentials the SDK would use
// (never the credentials).
type ec2Section struct {
	EC2         *aws.EC2Facts  `json:"ec2"`
	EC2Reason   string         `json:"ec2_reason,omitempty"`
	DecidedBy   string         `json:"ec2_decided_by"`
	Machine     detect.Machine `json:"machine_identity"`
	Credentials string         `json:"credentials"`
}

// detectJSON is the report of `cwsetup detect --json`: the host report
// with the ec2 section beside it.
type detectJSON struct {
	*detect.Report
	ec2Section
}

// startEC2 starts the probe the options hold (probeEC2 when none) and
// returns a function that waits for its answer.
func (o *detectOptions) startEC2(r host.Root) func() ec2Section {
	probe := o.EC2
	if probe == nil {
		probe = func(r host.Root) ec2Section { return probeEC2(context.Background(), r) }
	}
	ch := make(chan ec2Section, 1)
	go func() { ch <- probe(r) }()
	var sec *ec2Section
	return func() ec2Section {
		if sec == nil {
			s := <-ch
			sec = &s
		}
		return *sec
	}
}

// ec2Identity is what cwsetup knows about this machine being EC2.
type ec2Identity struct {
	Facts     *aws.EC2Facts
	Machine   detect.Machine
	DecidedBy string
	// Err is a *aws.NotEC2Error when Facts is nil (Reason
	// aws.ReasonEC2Silent when the machine says EC2), or a localized
	// error.
	Err error
}

// identifyEC2 reads the machine's identity under r first (docs/architecture.md), then
// asks IMDS: up to aws.EC2Budget when the machine says it is EC2, so a slow
// IMDS on a loaded instance is waited for; aws.NotEC2Budget otherwise.
func identifyEC2(ctx context.Context, r host.Root) ec2Identity {
	id := ec2Identity{Machine: detect.MachineIdentity(r)}
	budget := aws.NotEC2Budget
	if id.Machine.EC2() {
		budget = aws.EC2Budget
	}
	id.Facts, id.Err = aws.InstanceFactsWithin(ctx, budget)
	var ne *aws.NotEC2Error
	switch {
	case id.Err == nil:
		id.DecidedBy = decidedByIMDS
	case id.Machine.Verdict == detect.MachineUnknown:
		id.DecidedBy = decidedByTimeout
	default:
		id.DecidedBy = decidedByMachine
		if id.Machine.EC2() && errors.As(id.Err, &ne) && ne.Reason != aws.ReasonDisabled {
			id.Err = &aws.NotEC2Error{Reason: aws.ReasonEC2Silent, Err: ne.Err}
		}
	}
	return id
}

// instanceFacts is identifyEC2 for the commands that need the facts
// (iam policy, iam setup, the wizard): the machine's identity under the
// --root the globals hold.
func (g *globals) instanceFacts(ctx context.Context) (*aws.EC2Facts, error) {
	r, err := g.root()
	if err != nil {
		return nil, err
	}
	id := identifyEC2(ctx, r)
	return id.Facts, id.Err
}

// probeEC2 asks IMDS and the credential chain at the same time, so off
// EC2 the whole probe stays within aws.NotEC2Budget.
func probeEC2(ctx context.Context, r host.Root) ec2Section {
	var sec ec2Section
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sec.Credentials = aws.CredentialKind(ctx)
	}()
	id := identifyEC2(ctx, r)
	sec.Machine, sec.DecidedBy = id.Machine, id.DecidedBy
	var ne *aws.NotEC2Error
	switch {
	case id.Err == nil:
		sec.EC2 = id.Facts
	case errors.As(id.Err, &ne):
		sec.EC2Reason = ne.Reason
	default:
		sec.EC2Reason = aws.ReasonError
	}
	wg.Wait()
	return sec
}

// text is the human form for the detect table.
func (sec ec2Section) text(p i18n.Printer) string {
	var b strings.Builder
	reason := func() string {
		return notEC2Text(p, &aws.NotEC2Error{Reason: sec.EC2Reason, Err: errors.New(sec.EC2Reason)})
	}
	switch f := sec.EC2; {
	case f != nil:
		fmt.Fprintln(&b, p.T(i18n.DetectEC2, f.InstanceID, f.InstanceType, f.Region, f.AvailabilityZone, f.AccountID))
		if f.RoleName != "" {
			fmt.Fprintln(&b, p.T(i18n.DetectEC2Role, f.RoleName))
		} else {
			fmt.Fprintln(&b, p.T(i18n.DetectEC2NoRole))
		}
		if f.ConfiguredRegion != "" {
			fmt.Fprintln(&b, p.T(i18n.DetectRegionMismatch, f.ConfiguredRegion, f.Region))
		}
	case sec.Machine.EC2():
		fmt.Fprintln(&b, p.T(i18n.DetectEC2NoIMDS, reason()))
	default:
		fmt.Fprintln(&b, p.T(i18n.DetectNotEC2, reason()))
	}
	fmt.Fprintln(&b, p.T(i18n.DetectCredentials, credentialKindText(p, sec.Credentials)))
	return b.String()
}
