// Package preflight turns answers into the config.json cwsetup would write
// and checks it the way the agent will, before anything is written: the
// merge into the existing config, the agent's schema and translator rules
// (render.Check), inputs whose dependency is missing (collectd without
// types.db), and each timestamp_format and multi_line_start tried on its
// file's recent lines.
// `cwsetup config`, `cwsetup apply` and the wizard's review screen share it.
package preflight

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/render"
	"github.com/cwsetup/cwsetup/wizard/host"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// Result is the config and what is wrong with it.
type Result struct {
	// Config is the merged config.json (deterministic bytes).
	Config []byte
	// Problems would make the agent reject the config, or make events
	// carry the wrong time; each names the JSON path or the log.
	Problems []*i18n.Error
	// Checks are the timestamp checks on the files (for the summary).
	Checks []plan.TimestampCheck
}

// OK reports whether the config can be written.
func (r Result) OK() bool { return len(r.Problems) == 0 }

// Options tune the checks.
type Options struct {
	// SkipTimestamps leaves out trying formats on the files.
	SkipTimestamps bool
}

// Config merges the answers into existing (nil or empty: none) and checks
// the result. The error is for answers that do not validate (a usage
// error naming the key) or an existing config that is not JSON (a usage
// error, i18n.ErrExistingJSON with existingName); problems found in a
// well-formed config are in Result.Problems.
func Config(r host.Root, a plan.Answers, existing []byte, existingName string, o Options) (Result, error) {
	cfg, err := render.Merge(existing, a)
	if err != nil {
		if e := (*i18n.Error)(nil); errors.As(err, &e) {
			return Result{}, err
		}
		return Result{}, i18n.UsageErrorf(i18n.ErrExistingJSON, existingName, err)
	}
	res := Result{Config: cfg}
	for _, pr := range render.Check(cfg) {
		e := pr.Err
		if !strings.HasPrefix(e.Error(), pr.Path) {
			e = i18n.Errorf(i18n.ProbAt, pr.Path, pr.Err)
		}
		res.Problems = append(res.Problems, e)
	}
	if render.UsesCollectd(cfg) && !r.Exists(render.CollectdTypesDB) {
		res.Problems = append(res.Problems, i18n.Errorf(i18n.ProbCollectd, render.CollectdTypesDB))
	}
	if !o.SkipTimestamps {
		res.Checks = plan.CheckTimestamps(r, a)
		for _, c := range res.Checks {
			if c.Lines > 0 && !c.OK(a.Logs[c.Index].MultiLineStart != "") {
				res.Problems = append(res.Problems, i18n.Errorf(i18n.ProbTimestampBad,
					logLabel(c), c.Format, c.Lines-c.Matched, c.Lines, c.FailedLine))
			}
		}
		for _, c := range plan.CheckMultiLine(r, a) {
			if c.Lines > 0 && c.Matched == 0 {
				res.Problems = append(res.Problems, i18n.Errorf(i18n.ProbMultiNoMatch,
					fmt.Sprintf("logs[%d] %s", c.Index, c.File), c.Pattern, c.Lines))
			}
		}
	}
	return res, nil
}

func logLabel(c plan.TimestampCheck) string {
	return fmt.Sprintf("logs[%d] %s", c.Index, c.File)
}
