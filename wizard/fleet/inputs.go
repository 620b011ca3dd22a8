package fleet

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/lazy"
)

// Target selects instances as Run Command does: Key "tag:Name" with the
// tag values (any of them), or "InstanceIds" with instance ids.
type Target struct {
	Key    string   `json:"key"`
	Values []string `json:"values"`
}

// MaxTargets is Run Command's limit on the targets of one command; the
// instances must match every one of them.
const MaxTargets = 5

// maxTagValues is Run Command's limit on the values of one tag target.
const maxTagValues = 50

// MaxInstanceIDs is SendCommand's limit on InstanceIds; more are refused
// before anything is created or updated.
const MaxInstanceIDs = 50

var (
	// The characters of EC2 tags; the lengths (128 and 256) are checked
	// apart: a counted repetition of a Unicode class compiles to a 15 MB
	// program at start-up.
	tagCharsRE = lazy.Regexp(`^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$`)
	instanceRE = lazy.Regexp(`^i-[0-9a-f]{8,17}$`)
)

// ParseTargets reads --targets values: "tag:Key=Value[,Value…]" or
// "instanceids=i-…[,i-…]". Several targets must all match.
func ParseTargets(specs []string) ([]Target, error) {
	if len(specs) == 0 {
		return nil, i18n.UsageErrorf(i18n.FleetErrNoTargets)
	}
	if len(specs) > MaxTargets {
		return nil, i18n.UsageErrorf(i18n.FleetErrTooManyTargets, len(specs), MaxTargets)
	}
	var out []Target
	for _, s := range specs {
		k, v, ok := strings.Cut(s, "=")
		if !ok || v == "" {
			return nil, i18n.UsageErrorf(i18n.FleetErrBadTarget, s)
		}
		values := strings.Split(v, ",")
		switch {
		case strings.EqualFold(k, "instanceids"):
			for _, id := range values {
				if !instanceRE().MatchString(id) {
					return nil, i18n.UsageErrorf(i18n.FleetErrBadInstanceID, id)
				}
			}
			out = append(out, Target{Key: "InstanceIds", Values: values})
		case strings.HasPrefix(k, "tag:") && tagOK(k[4:], 128) && !strings.HasPrefix(strings.ToLower(k[4:]), "aws:"):
			if len(values) > maxTagValues {
				return nil, i18n.UsageErrorf(i18n.FleetErrBadTarget, s)
			}
			for _, val := range values {
				if !tagOK(val, 256) {
					return nil, i18n.UsageErrorf(i18n.FleetErrBadTarget, s)
				}
			}
			out = append(out, Target{Key: k, Values: values})
		default:
			return nil, i18n.UsageErrorf(i18n.FleetErrBadTarget, s)
		}
	}
	// One target model: a command carries InstanceIds or Targets, and the
	// plan must be computed from exactly what is sent, so the two kinds
	// are never mixed.
	ids := 0
	for _, t := range out {
		if t.Key == "InstanceIds" {
			ids++
			if len(t.Values) > MaxInstanceIDs {
				return nil, i18n.UsageErrorf(i18n.FleetErrTooManyIDs, len(t.Values), MaxInstanceIDs)
			}
		}
	}
	if ids > 0 && len(out) > 1 {
		return nil, i18n.UsageErrorf(i18n.FleetErrMixedTargets)
	}
	return out, nil
}

// TargetIDs returns the instance ids of an InstanceIds target, if any.
func TargetIDs(ts []Target) []string {
	for _, t := range ts {
		if t.Key == "InstanceIds" {
			return t.Values
		}
	}
	return nil
}

// TagTargets returns the tag targets only.
func TagTargets(ts []Target) []Target {
	var out []Target
	for _, t := range ts {
		if strings.HasPrefix(t.Key, "tag:") {
			out = append(out, t)
		}
	}
	return out
}

// String is the target as --targets takes it.
func (t Target) String() string {
	k := t.Key
	if k == "InstanceIds" {
		k = "instanceids"
	}
	return k + "=" + strings.Join(t.Values, ",")
}

// Rate is Run Command's rate control: how many instances run at once and
// how many errors stop the rest, each a count or a percentage.
type Rate struct {
	MaxConcurrency string `json:"max_concurrency"`
	MaxErrors      string `json:"max_errors"`
}

// DefaultRate starts on a tenth of the fleet and stops at the first error
// beyond one.
var DefaultRate = Rate{MaxConcurrency: "10%", MaxErrors: "1"}

// The patterns SSM itself applies to MaxConcurrency and MaxErrors.
var (
	concurrencyRE = lazy.Regexp(`^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$`)
	errorsRE      = lazy.Regexp(`^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$`)
)

// Validate checks the rate controls against SSM's rules.
func (r Rate) Validate() error {
	if !concurrencyRE().MatchString(r.MaxConcurrency) {
		return i18n.UsageErrorf(i18n.FleetErrBadConcurrency, r.MaxConcurrency)
	}
	if !errorsRE().MatchString(r.MaxErrors) {
		return i18n.UsageErrorf(i18n.FleetErrBadMaxErrors, r.MaxErrors)
	}
	return nil
}

// Concurrent is how many of n instances run at once under r.
func (r Rate) Concurrent(n int) int {
	return resolve(r.MaxConcurrency, n, 1)
}

// ErrorBudget is how many failures of n instances r tolerates before
// Run Command stops sending.
func (r Rate) ErrorBudget(n int) int {
	return resolve(r.MaxErrors, n, 0)
}

func resolve(v string, n, floor int) int {
	if p, ok := strings.CutSuffix(v, "%"); ok {
		pct, _ := strconv.Atoi(p)
		// SSM rounds a percentage up to a whole instance.
		k := (n*pct + 99) / 100
		if k < floor {
			k = floor
		}
		return min(k, n)
	}
	k, _ := strconv.Atoi(v)
	return min(k, n)
}

// scheduleRE is a State Manager schedule: rate(N minutes|hours|days) or a
// cron expression.
var (
	rateRE = lazy.Regexp(`^rate\(([1-9][0-9]*) (minutes?|hours?|days?)\)$`)
	cronRE = lazy.Regexp(`^cron\([0-9A-Za-z*?/,\-# ]{9,200}\)$`)
)

// MinScheduleMinutes is State Manager's shortest rate expression.
const MinScheduleMinutes = 30

// ValidateSchedule checks a State Manager schedule expression.
func ValidateSchedule(s string) error {
	if cronRE().MatchString(s) {
		return nil
	}
	m := rateRE().FindStringSubmatch(s)
	if m == nil {
		return i18n.UsageErrorf(i18n.FleetErrBadSchedule, s)
	}
	n, _ := strconv.Atoi(m[1])
	if strings.HasPrefix(m[2], "minute") && n < MinScheduleMinutes {
		return i18n.UsageErrorf(i18n.FleetErrScheduleTooOften, s, MinScheduleMinutes)
	}
	return nil
}

// DefaultParameterName is where `fleet publish` puts the answers unless
// told otherwise.
const DefaultParameterName = "/cwsetup/answers"

// parameterRE is a Parameter Store name cwsetup accepts: a path of at
// most 15 levels in Parameter Store's charset, optionally with a version
// selector (:N). Names beginning with aws or ssm are reserved by AWS.
var parameterRE = lazy.Regexp(`^(/?[A-Za-z0-9_.\-]+)(/[A-Za-z0-9_.\-]+){0,14}(:[1-9][0-9]{0,5})?$`)

// ParameterRef is a parameter name with an optional version.
type ParameterRef struct {
	Name    string
	Version int64 // 0: the latest
}

// ParseParameter reads a parameter name, "name" or "name:version".
func ParseParameter(s string, allowVersion bool) (ParameterRef, error) {
	if len(s) > 1011 || !parameterRE().MatchString(s) {
		return ParameterRef{}, i18n.UsageErrorf(i18n.FleetErrBadParameter, s)
	}
	name, v, hasV := strings.Cut(s, ":")
	low := strings.ToLower(strings.TrimPrefix(name, "/"))
	if strings.HasPrefix(low, "aws") || strings.HasPrefix(low, "ssm") {
		return ParameterRef{}, i18n.UsageErrorf(i18n.FleetErrReservedParameter, s)
	}
	if hasV && !allowVersion {
		return ParameterRef{}, i18n.UsageErrorf(i18n.FleetErrVersionNotHere, s)
	}
	ref := ParameterRef{Name: name}
	if hasV {
		ref.Version, _ = strconv.ParseInt(v, 10, 64)
	}
	return ref, nil
}

// String is name or name:version.
func (r ParameterRef) String() string {
	if r.Version > 0 {
		return r.Name + ":" + strconv.FormatInt(r.Version, 10)
	}
	return r.Name
}

// ParameterARN is the parameter's ARN, the resource of ssm:GetParameter
// (a version selector is not part of it).
func ParameterARN(partition, region, account, name string) string {
	return "arn:" + partition + ":ssm:" + region + ":" + account + ":parameter/" + strings.TrimPrefix(name, "/")
}

// tagOK: a tag key or value of at most n characters EC2 allows.
func tagOK(s string, n int) bool {
	return utf8.RuneCountInString(s) <= n && tagCharsRE().MatchString(s)
}
