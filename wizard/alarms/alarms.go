// Package alarms defines cwsetup's optional security alarms: a metric
// filter on the auth/secure log group for each kind of failure, and a
// CloudWatch alarm on the metric it feeds. It is data only; aws/ creates
// them and wizard/filterpattern tests the patterns on real log lines.
package alarms

import (
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/filterpattern"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// Namespace of the metrics the filters publish.
const Namespace = "cwsetup/Security"

// Check is one kind of security event counted by a metric filter.
type Check struct {
	ID         string // stable, part of filter and alarm names
	MetricName string
	Pattern    string // CloudWatch Logs filter pattern
	// DefaultThreshold is events per period that raise the alarm.
	DefaultThreshold int
}

// Checks are the security checks, in display order.
//
// SSH: "Failed password" is each wrong password; "Invalid user" each
// unknown login name; "authenticating user" is a connection that gave up
// without logging in (the only trace of a failed attempt when, as on EC2
// AMIs, password logins are off). A failed connection counts once or twice.
//
// sudo: every failed invocation ends with "N incorrect password
// attempt(s)" or "user NOT in sudoers", once.
var Checks = []Check{
	{ID: "ssh-failed-login", MetricName: "FailedSSHLogins",
		Pattern: `?"Failed password" ?"Invalid user" ?"authenticating user"`, DefaultThreshold: 10},
	{ID: "sudo-failure", MetricName: "FailedSudo",
		Pattern: `?"incorrect password attempt" ?"NOT in sudoers"`, DefaultThreshold: 3},
}

// Settings are the user's choices for the alarms.
type Settings struct {
	Enabled bool `yaml:"enabled" json:"enabled"`
	// Threshold overrides every check's DefaultThreshold when > 0.
	Threshold int `yaml:"threshold,omitempty" json:"threshold,omitempty"`
	// PeriodSeconds is the alarm period: 10, 30, or a multiple of 60.
	PeriodSeconds int `yaml:"period_seconds,omitempty" json:"period_seconds,omitempty"`
	// SNSTopicARN is notified when an alarm fires (optional).
	SNSTopicARN string `yaml:"sns_topic_arn,omitempty" json:"sns_topic_arn,omitempty"`
}

// DefaultPeriod is 5 minutes.
const DefaultPeriod = plan.DefaultAlarmPeriod

// FromAnswers are the settings of the answers' alarms section.
func FromAnswers(a plan.Alarms) Settings {
	return Settings{Enabled: a.Enabled, Threshold: a.Threshold, PeriodSeconds: a.PeriodSeconds, SNSTopicARN: a.SNSTopicARN}
}

// Validate returns a localized usage error naming the bad setting.
func (s Settings) Validate() error {
	switch {
	case s.Threshold < 0:
		return i18n.UsageErrorf(i18n.AlarmErrThreshold, s.Threshold)
	case s.PeriodSeconds != 0 && !plan.ValidAlarmPeriod(s.PeriodSeconds):
		return i18n.UsageErrorf(i18n.AlarmErrPeriod, s.PeriodSeconds)
	case s.SNSTopicARN != "" && !plan.ValidSNSTopicARN(s.SNSTopicARN):
		return i18n.UsageErrorf(i18n.AlarmErrSNS, s.SNSTopicARN)
	}
	return nil
}

// Alarm is one metric filter and the alarm on its metric.
type Alarm struct {
	Check         Check
	LogGroup      string
	FilterName    string
	AlarmName     string
	Threshold     int
	PeriodSeconds int
	SNSTopicARN   string
}

// For returns the alarms for an auth/secure log group. Settings must be
// valid.
func For(logGroup string, s Settings) []Alarm {
	period := s.PeriodSeconds
	if period == 0 {
		period = DefaultPeriod
	}
	suffix := strings.Trim(strings.NewReplacer("/", "-", "#", "-").Replace(logGroup), "-")
	var out []Alarm
	for _, c := range Checks {
		th := c.DefaultThreshold
		if s.Threshold > 0 {
			th = s.Threshold
		}
		out = append(out, Alarm{
			Check: c, LogGroup: logGroup, Threshold: th, PeriodSeconds: period, SNSTopicARN: s.SNSTopicARN,
			FilterName: "cwsetup-" + c.ID,
			AlarmName:  "cwsetup-" + c.ID + "-" + suffix,
		})
	}
	return out
}

// Matches reports whether the check's pattern counts the log line.
func (c Check) Matches(line string) bool {
	return filterpattern.MustParse(c.Pattern).Match(line)
}
