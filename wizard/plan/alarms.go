package plan

import (
	"fmt"
	"slices"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/lazy"
)

// Alarms are the optional security alarms: a metric filter for failed SSH
// logins and one for failed sudo on each auth/secure log group of the
// answers, each with a CloudWatch alarm. They are created with the admin's
// credentials (`cwsetup iam setup`, or the IAM screen's "create it now"),
// never by the instance role.
type Alarms struct {
	Enabled bool `yaml:"enabled" json:"enabled"`
	// Threshold is the events per period that raise every alarm; 0 keeps
	// each check's own default (10 failed SSH logins, 3 failed sudo).
	Threshold int `yaml:"threshold,omitempty" json:"threshold,omitempty"`
	// PeriodSeconds is the alarm period: 10, 30, or a multiple of 60 up to
	// 86400; 0 means DefaultAlarmPeriod.
	PeriodSeconds int `yaml:"period_seconds" json:"period_seconds"`
	// SNSTopicARN is notified when an alarm fires (optional).
	SNSTopicARN string `yaml:"sns_topic_arn,omitempty" json:"sns_topic_arn,omitempty"`
}

// DefaultAlarmPeriod is 5 minutes.
const DefaultAlarmPeriod = 300

// MaxAlarmPeriod is a day: CloudWatch caps period × evaluation periods (1)
// at 86400 seconds.
const MaxAlarmPeriod = 86400

// ValidAlarmPeriod reports whether CloudWatch accepts p as an alarm
// period: 10, 30 (high resolution), or a multiple of 60 up to a day.
func ValidAlarmPeriod(p int) bool {
	return p == 10 || p == 30 || p >= 60 && p <= MaxAlarmPeriod && p%60 == 0
}

var snsRE = lazy.Regexp(`^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$`)

// ValidSNSTopicARN reports whether s is a standard SNS topic ARN (FIFO
// topics cannot be alarm actions).
func ValidSNSTopicARN(s string) bool { return snsRE().MatchString(s) }

// Problems returns every problem of the alarms section, each a localized
// usage error naming the key (alarms.period_seconds).
func (al Alarms) Problems() []*i18n.Error {
	var ps []*i18n.Error
	if al.Threshold < 0 {
		ps = append(ps, i18n.UsageErrorf(i18n.AnsBadAlarmThreshold, "alarms.threshold", al.Threshold))
	}
	if al.PeriodSeconds != 0 && !ValidAlarmPeriod(al.PeriodSeconds) {
		ps = append(ps, i18n.UsageErrorf(i18n.AnsBadAlarmPeriod, "alarms.period_seconds", al.PeriodSeconds))
	}
	if al.SNSTopicARN != "" && !ValidSNSTopicARN(al.SNSTopicARN) {
		ps = append(ps, i18n.UsageErrorf(i18n.AnsBadAlarmSNS, "alarms.sns_topic_arn", al.SNSTopicARN))
	}
	return ps
}

// SecurityGroups are the log groups of the answers that hold the auth log
// (auth.log, secure, or the journal's auth facilities), where the security
// metric filters belong.
func (a Answers) SecurityGroups() []string {
	var out []string
	for _, l := range a.Logs {
		sec := IsSecurityLog(l.Path) || l.Journal != nil && l.Name == "secure"
		if g := a.GroupName(l); sec && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out
}

// alarmClassProblems: Infrequent Access log groups support no metric
// filters, so a group the security alarms watch must be STANDARD. One
// problem per group, naming the key that sets its class.
func (a Answers) alarmClassProblems() []*i18n.Error {
	if !a.Alarms.Enabled {
		return nil
	}
	var ps []*i18n.Error
	var seen []string
	for i, l := range a.Logs {
		g := a.GroupName(l)
		if a.ClassOf(l) != ClassInfrequent || slices.Contains(seen, g) || !slices.Contains(a.SecurityGroups(), g) {
			continue
		}
		seen = append(seen, g)
		key := "log_group_class"
		if l.Class != "" {
			key = fmt.Sprintf("logs[%d].class", i)
		}
		ps = append(ps, i18n.UsageErrorf(i18n.AnsAlarmInfrequent, key, g))
	}
	return ps
}
