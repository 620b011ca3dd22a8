package main

import (
	"context"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/alarms"
)

// alarmPatternsText has CloudWatch Logs itself evaluate the security
// alarms' filter patterns on the captured sample lines
// (alarms.CheckPatterns, read-only) and says what it found, one line per
// pattern; or one line saying why it was skipped (no permission, an
// endpoint without the call).
func alarmPatternsText(ctx context.Context, p i18n.Printer, t alarms.PatternTester) string {
	if t == nil {
		return ""
	}
	var b strings.Builder
	for _, r := range alarms.CheckPatterns(ctx, t) {
		switch {
		case r.Skipped != nil:
			b.WriteString(p.T(i18n.AlarmPatternsSkipped, p.Error(r.Skipped)) + "\n")
			return b.String() // the same reason for every pattern
		case r.OK():
			want := 0
			for _, s := range alarms.Samples {
				if s.Counts == r.Check {
					want++
				}
			}
			b.WriteString(p.T(i18n.AlarmPatternOK, r.Pattern, want, r.Samples) + "\n")
		default:
			example := append(r.Missed, r.Extra...)[0]
			b.WriteString(p.T(i18n.AlarmPatternMismatch, r.Pattern, len(r.Missed), len(r.Extra), example) + "\n")
		}
	}
	return b.String()
}
