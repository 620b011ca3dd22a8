package main

import (
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/awslogs"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// awslogsSummary says which planned logs come from the old agent's config,
// what of it could not be carried over, and that the old agent must stop
// (both shipping would send every line twice). "" without awslogs.
func awslogsSummary(p i18n.Printer, a plan.Answers, rep *detect.Report) string {
	if rep.AwslogsProblem != "" {
		return p.T(i18n.AwslogsSumUnread, rep.AwslogsProblem) + "\n"
	}
	f := rep.Awslogs
	if f == nil {
		return ""
	}
	var b strings.Builder
	line := func(k i18n.Key, args ...any) { b.WriteString(p.T(k, args...) + "\n") }
	src := map[string]awslogs.Log{}
	for _, l := range f.Logs {
		src[l.Path] = l
	}
	var from []plan.LogSource
	for _, l := range a.Logs {
		if _, ok := src[l.Path]; ok && l.Service == plan.AwslogsService {
			from = append(from, l)
		}
	}
	if len(from) > 0 {
		line(i18n.AwslogsFromConfig, len(from), f.Config)
		for _, l := range from {
			stream := l.StreamName
			if stream == "" {
				stream = a.StreamName
			}
			if stream == "" {
				stream = "{instance_id}"
			}
			s := src[l.Path]
			line(i18n.AwslogsSumLog, l.Path, s.Section, s.Source, stream)
		}
	}
	if len(f.Notes) > 0 {
		line(i18n.AwslogsSumNotes)
		for _, n := range f.Notes {
			b.WriteString("  - " + p.Error(n.Message()) + "\n")
		}
	}
	if f.Init == awslogs.InitSysV {
		line(i18n.AwslogsSumStopSysV, f.Service, f.Service, f.Service)
	} else {
		line(i18n.AwslogsSumStopSystemd, f.Service, f.Service)
	}
	return b.String()
}
