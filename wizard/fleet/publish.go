package fleet

import (
	"context"
	"errors"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// Parameter Store's value limits: 4 KB in the Standard tier, 8 KB in the
// Advanced tier (which is charged per parameter and month, and cannot be
// turned back into Standard).
const (
	StandardLimit = 4096
	AdvancedLimit = 8192
)

// Tiers.
const (
	TierStandard = "Standard"
	TierAdvanced = "Advanced"
)

// ValidateAnswers checks published answers as each instance will load
// them: over the defaults of the role they name, with the validation of
// `cwsetup apply --answers`. They must fit the Advanced tier.
func ValidateAnswers(data []byte) (plan.Answers, error) {
	if len(data) > AdvancedLimit {
		return plan.Answers{}, i18n.UsageErrorf(i18n.FleetErrAnswersTooBig, len(data), AdvancedLimit)
	}
	return plan.LoadFor(data, detect.Report{}, "")
}

// PublishPlan is what `fleet publish` would do.
type PublishPlan struct {
	Name    string      `json:"name"`
	Size    int         `json:"size"`
	Tier    string      `json:"tier"`
	Current *Parameter  `json:"-"`
	History []Parameter `json:"-"`
	// Unchanged: the latest version already holds these answers; no new
	// version is written (Parameter Store keeps 100 versions only).
	Unchanged bool   `json:"unchanged"`
	Value     string `json:"-"`
	// Version is the version written (or the current one when unchanged).
	Version int64 `json:"version"`
}

// CurrentVersion is the latest version before publishing (0: none).
func (p *PublishPlan) CurrentVersion() int64 {
	if p.Current == nil {
		return 0
	}
	return p.Current.Version
}

// PlanPublish validates the answers and compares them with the stored ones.
func PlanPublish(ctx context.Context, ps ParameterStore, name string, data []byte) (*PublishPlan, error) {
	if _, err := ValidateAnswers(data); err != nil {
		return nil, err
	}
	p := &PublishPlan{Name: name, Size: len(data), Value: string(data), Tier: TierStandard}
	if len(data) > StandardLimit {
		p.Tier = TierAdvanced
	}
	cur, err := ps.Get(ctx, name)
	switch {
	case errors.Is(err, ErrNotFound):
	case err != nil:
		return nil, err
	default:
		p.Current = cur
		p.Version = cur.Version
		p.Unchanged = cur.Value == p.Value
		// An Advanced parameter cannot go back to Standard.
		if cur.Tier == TierAdvanced {
			p.Tier = TierAdvanced
		}
		if p.History, err = ps.History(ctx, name); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// Publish writes the planned version (nothing when unchanged).
func Publish(ctx context.Context, ps ParameterStore, p *PublishPlan) error {
	if p.Unchanged {
		return nil
	}
	v, err := ps.Put(ctx, p.Name, p.Value, p.Tier, "cwsetup answers (cwsetup fleet publish)")
	if err != nil {
		return err
	}
	p.Version = v
	return nil
}
