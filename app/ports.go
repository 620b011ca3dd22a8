package app

import (
	"context"

	"github.com/cwsetup/cwsetup/wizard/agent"
)

// Ports are what the jobs need from outside the host's filesystem. The
// adapters live in aws/ (the SDK's service clients) and main.go wires
// them; tests pass their own. A nil port means the facility is not
// there, and the job's result says so rather than pretending.
type Ports struct {
	// Logs opens a CloudWatch Logs reader in region ("" for the region
	// the SDK's configuration names). Its errors may have an
	// AccessDenied() bool method (agent.DeliveryReader).
	Logs func(ctx context.Context, region string) (agent.DeliveryReader, error)
	// Instance asks the instance metadata service who this instance is;
	// an error means not EC2 (or IMDS unreachable).
	Instance func(ctx context.Context) (Instance, error)
	// Getenv reads the environment (AWS_REGION, AWS_DEFAULT_REGION).
	Getenv func(string) string
}

// Instance is what IMDS says about this instance.
type Instance struct {
	ID, Type, Region, Account string
	Role                      string // attached role; "" when none
}

func (p Ports) getenv(k string) string {
	if p.Getenv == nil {
		return ""
	}
	return p.Getenv(k)
}
