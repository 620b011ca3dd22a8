// Command cwsetup takes a Linux EC2 instance from "logs only on local disk"
// to "logs and metrics in CloudWatch with a least-privilege role".
//
// This file only wires: the commands (cmd_*.go) and the wizard (tui/)
// call the jobs of the application layer (app/), whose ports get aws/'s
// adapters here.
package main

import (
	"context"
	"os"
	"time"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/aws"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/host"
)

func main() {
	os.Exit(run(os.Args[1:], newStreams()))
}

// wirePorts gives the application layer AWS through aws/. root opens the
// --root filesystem, whose machine identity (DMI) is read before IMDS.
func wirePorts(getenv func(string) string, root func() (host.Root, error)) app.Ports {
	return app.Ports{
		Logs: func(ctx context.Context, region string) (agent.DeliveryReader, error) {
			dr, err := aws.NewDeliveryReader(ctx, region)
			if err != nil {
				return nil, err
			}
			return deliveryReader{dr}, nil
		},
		Instance: func(ctx context.Context) (app.Instance, error) {
			r, err := root()
			if err != nil {
				return app.Instance{}, err
			}
			id := identifyEC2(ctx, r)
			f, err := id.Facts, id.Err
			if err != nil {
				return app.Instance{}, err
			}
			return app.Instance{ID: f.InstanceID, Type: f.InstanceType, Region: f.Region, Account: f.AccountID, Role: f.RoleName}, nil
		},
		Getenv: getenv,
	}
}

// deliveryReader adapts aws.DeliveryReader to agent.DeliveryReader.
type deliveryReader struct{ r *aws.DeliveryReader }

func (v deliveryReader) LogGroups(ctx context.Context, names []string) (map[string]agent.GroupState, error) {
	got, err := v.r.LogGroups(ctx, names)
	if err != nil {
		return nil, err
	}
	out := make(map[string]agent.GroupState, len(got))
	for n, g := range got {
		out[n] = agent.GroupState{Exists: g.Exists, RetentionDays: g.RetentionDays}
	}
	return out, nil
}

func (v deliveryReader) FindEvent(ctx context.Context, group, needle string, since time.Time) (bool, error) {
	return v.r.FindEvent(ctx, group, needle, since)
}
