package aws

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
)

// Action of a Change.
type ChangeAction string

const (
	Created   ChangeAction = "created"
	Updated   ChangeAction = "updated"
	Unchanged ChangeAction = "unchanged"
	Replaced  ChangeAction = "replaced"
)

// Resource kinds a Change is about.
type Resource string

const (
	ResRole         Resource = "role"
	ResTrust        Resource = "trust-policy"
	ResPolicy       Resource = "inline-policy"
	ResProfile      Resource = "instance-profile"
	ResProfileRole  Resource = "instance-profile-role"
	ResAssociation  Resource = "association"
	ResLogGroup     Resource = "log-group"
	ResRetention    Resource = "retention"
	ResMetricFilter Resource = "metric-filter"
	ResAlarm        Resource = "alarm"
)

// Change is one thing cwsetup did (or found already done).
type Change struct {
	Action   ChangeAction `json:"action"`
	Resource Resource     `json:"resource"`
	Name     string       `json:"name"`
}

// AnyChanged reports whether any change is not Unchanged.
func AnyChanged(cs []Change) bool {
	for _, c := range cs {
		if c.Action != Unchanged {
			return true
		}
	}
	return false
}

// RoleSpec is the role to set up. PolicyJSON and TrustJSON are the
// documents `cwsetup iam policy` prints.
type RoleSpec struct {
	RoleName   string // also the instance profile's and the inline policy's name
	PolicyJSON string
	TrustJSON  string
	InstanceID string // "" to skip the association
}

// RoleHooks lets the caller take part: Confirm is asked before an existing
// association with another profile is replaced (false keeps it and ends
// with ErrNotReplaced); Waiting is told when the new profile is not usable
// yet and cwsetup retries.
type RoleHooks struct {
	Confirm func(instanceID, currentProfileARN, wantedProfileARN string) (bool, error)
	Waiting func()
}

// ErrNotReplaced: the user kept the instance's existing association.
var ErrNotReplaced = errors.New("existing instance profile association kept")

// NotReplacedError is ErrNotReplaced with the association that was kept.
type NotReplacedError struct{ InstanceID, CurrentProfileARN string }

func (e *NotReplacedError) Error() string {
	return ErrNotReplaced.Error() + ": " + e.InstanceID + " keeps " + e.CurrentProfileARN
}

// Is makes errors.Is(err, ErrNotReplaced) true.
func (e *NotReplacedError) Is(target error) bool { return target == ErrNotReplaced }

// RoleSetup holds the clients for SetupRole.
type RoleSetup struct {
	IAM IAMAPI
	EC2 AssociationAPI
	// ProfileRetry is how long to retry an association while a new
	// instance profile propagates (15 s when zero).
	ProfileRetry time.Duration
}

// NewRoleSetup builds the clients from cfg.
func NewRoleSetup(cfg sdk.Config) *RoleSetup {
	return &RoleSetup{IAM: NewIAM(cfg), EC2: NewAssociations(cfg)}
}

// SetupRole makes the role, its inline policy, the instance profile and the
// association what spec says, changing only what differs. Errors are
// localized (Explain); Changes done before an error are returned too.
func (s *RoleSetup) SetupRole(ctx context.Context, spec RoleSpec, hooks RoleHooks) ([]Change, error) {
	var cs []Change
	add := func(a ChangeAction, r Resource, name string) { cs = append(cs, Change{a, r, name}) }
	name := spec.RoleName

	// Role and trust policy.
	role, err := s.IAM.GetRole(ctx, name)
	switch {
	case NoSuchEntity(err):
		if err := s.IAM.CreateRole(ctx, name, spec.TrustJSON, "CloudWatch agent (set up by cwsetup)"); err != nil {
			return cs, Explain(err)
		}
		add(Created, ResRole, name)
	case err != nil:
		return cs, Explain(err)
	default:
		add(Unchanged, ResRole, name)
		same, err := SameDocument(role.TrustPolicy, spec.TrustJSON)
		if err != nil {
			return cs, err
		}
		if same {
			add(Unchanged, ResTrust, name)
		} else {
			if err := s.IAM.UpdateAssumeRolePolicy(ctx, name, spec.TrustJSON); err != nil {
				return cs, Explain(err)
			}
			add(Updated, ResTrust, name)
		}
	}

	// Inline policy.
	doc, err := s.IAM.GetRolePolicy(ctx, name, name)
	action := Created
	switch {
	case NoSuchEntity(err):
	case err != nil:
		return cs, Explain(err)
	default:
		action = Updated
		same, err := SameDocument(doc, spec.PolicyJSON)
		if err != nil {
			return cs, err
		}
		if same {
			action = Unchanged
		}
	}
	if action != Unchanged {
		if err := s.IAM.PutRolePolicy(ctx, name, name, spec.PolicyJSON); err != nil {
			return cs, Explain(err)
		}
	}
	add(action, ResPolicy, name)

	// Instance profile holding the role.
	prof, err := s.IAM.GetInstanceProfile(ctx, name)
	switch {
	case NoSuchEntity(err):
		if prof, err = s.IAM.CreateInstanceProfile(ctx, name); err != nil {
			return cs, Explain(err)
		}
		if err := s.IAM.WaitInstanceProfile(ctx, name, s.profileRetry()); err != nil {
			return cs, Explain(err)
		}
		add(Created, ResProfile, name)
	case err != nil:
		return cs, Explain(err)
	default:
		add(Unchanged, ResProfile, name)
	}
	if slices.Contains(prof.Roles, name) {
		add(Unchanged, ResProfileRole, name)
	} else {
		if err := s.IAM.AddRoleToInstanceProfile(ctx, name, name); err != nil {
			return cs, Explain(err)
		}
		add(Created, ResProfileRole, name)
	}

	if spec.InstanceID == "" {
		return cs, nil
	}
	c, err := s.associate(ctx, spec.InstanceID, prof.ARN, name, hooks)
	if c != nil {
		cs = append(cs, *c)
	}
	return cs, err
}

func (s *RoleSetup) associate(ctx context.Context, instanceID, profileARN, profileName string, hooks RoleHooks) (*Change, error) {
	as, err := s.EC2.Associations(ctx, instanceID)
	if err != nil {
		return nil, Explain(err)
	}
	for _, a := range as {
		if a.ProfileARN == profileARN {
			return &Change{Unchanged, ResAssociation, instanceID}, nil
		}
		ok := hooks.Confirm != nil
		if ok {
			if ok, err = hooks.Confirm(instanceID, a.ProfileARN, profileARN); err != nil {
				return nil, err
			}
		}
		if !ok {
			return nil, &NotReplacedError{instanceID, a.ProfileARN}
		}
		err := s.retryNewProfile(ctx, hooks, func() error { return s.EC2.Replace(ctx, a.ID, profileName) })
		if err != nil {
			return nil, Explain(err)
		}
		return &Change{Replaced, ResAssociation, instanceID}, nil
	}
	err = s.retryNewProfile(ctx, hooks, func() error { return s.EC2.Associate(ctx, instanceID, profileName) })
	if err != nil {
		return nil, Explain(err)
	}
	return &Change{Created, ResAssociation, instanceID}, nil
}

func (s *RoleSetup) profileRetry() time.Duration {
	if s.ProfileRetry == 0 {
		return 15 * time.Second
	}
	return s.ProfileRetry
}

// retryNewProfile retries call while EC2 does not see a just-created
// instance profile yet (InvalidParameterValue "Invalid IAM Instance Profile"):
// IAM's waiter sees the profile before EC2 does, and EC2 has no waiter for
// that.
func (s *RoleSetup) retryNewProfile(ctx context.Context, hooks RoleHooks, call func() error) error {
	deadline := time.Now().Add(s.profileRetry())
	told := false
	for {
		err := call()
		if err == nil || ErrorCode(err) != "InvalidParameterValue" ||
			!strings.Contains(err.Error(), "Invalid IAM Instance Profile") || time.Now().After(deadline) {
			return err
		}
		if !told && hooks.Waiting != nil {
			hooks.Waiting()
			told = true
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// SameDocument compares two IAM policy documents by meaning: IAM returns
// them URL-encoded, with its own spacing, and may turn a one-element list
// into a plain string.
func SameDocument(stored, want string) (bool, error) {
	if u, err := url.QueryUnescape(stored); err == nil && strings.HasPrefix(strings.TrimSpace(stored), "%7B") {
		stored = u
	}
	var a, b any
	if err := json.Unmarshal([]byte(stored), &a); err != nil {
		return false, nil // unreadable: rewrite it
	}
	if err := json.Unmarshal([]byte(want), &b); err != nil {
		return false, err
	}
	return reflect.DeepEqual(normalize(a), normalize(b)), nil
}

func normalize(v any) any {
	switch x := v.(type) {
	case []any:
		if len(x) == 1 {
			return normalize(x[0])
		}
		out := make([]any, len(x))
		for i := range x {
			out[i] = normalize(x[i])
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = normalize(e)
		}
		return out
	}
	return v
}

// DecodeDocument returns a policy document as IAM stored it, URL-decoded.
func DecodeDocument(stored string) string {
	if u, err := url.QueryUnescape(stored); err == nil {
		return u
	}
	return stored
}
