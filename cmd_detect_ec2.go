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
)

// ec2Section is what `cwsetup detect` adds about AWS: the instance's facts
// from IMDSv2, or null and why not, and which kind of credentials the SDK
// would use (never the credentials).
type ec2Section struct {
	EC2         *aws.EC2Facts `json:"ec2"`
	EC2Reason   string        `json:"ec2_reason,omitempty"`
	Credentials string        `json:"credentials"`
}

// detectJSON is the report of `cwsetup detect --json`: the host report
// with the ec2 section beside it.
type detectJSON struct {
	*detect.Report
	ec2Section
}

// startEC2 starts the probe the options hold (probeEC2 when none) and
// returns a function that waits for its answer.
func (o *detectOptions) startEC2() func() ec2Section {
	probe := o.EC2
	if probe == nil {
		probe = func() ec2Section { return probeEC2(context.Background()) }
	}
	ch := make(chan ec2Section, 1)
	go func() { ch <- probe() }()
	var sec *ec2Section
	return func() ec2Section {
		if sec == nil {
			s := <-ch
			sec = &s
		}
		return *sec
	}
}

// probeEC2 asks IMDS and the credential chain at the same time, so off
// EC2 the whole probe stays within aws.NotEC2Budget.
func probeEC2(ctx context.Context) ec2Section {
	var sec ec2Section
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sec.Credentials = aws.CredentialKind(ctx)
	}()
	facts, err := aws.InstanceFacts(ctx)
	var ne *aws.NotEC2Error
	switch {
	case err == nil:
		sec.EC2 = facts
	case errors.As(err, &ne):
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
	if f := sec.EC2; f != nil {
		fmt.Fprintln(&b, p.T(i18n.DetectEC2, f.InstanceID, f.InstanceType, f.Region, f.AvailabilityZone, f.AccountID))
		if f.RoleName != "" {
			fmt.Fprintln(&b, p.T(i18n.DetectEC2Role, f.RoleName))
		} else {
			fmt.Fprintln(&b, p.T(i18n.DetectEC2NoRole))
		}
		if f.ConfiguredRegion != "" {
			fmt.Fprintln(&b, p.T(i18n.DetectRegionMismatch, f.ConfiguredRegion, f.Region))
		}
	} else {
		fmt.Fprintln(&b, p.T(i18n.DetectNotEC2, notEC2Text(p, &aws.NotEC2Error{Reason: sec.EC2Reason, Err: errors.New(sec.EC2Reason)})))
	}
	fmt.Fprintln(&b, p.T(i18n.DetectCredentials, credentialKindText(p, sec.Credentials)))
	return b.String()
}
