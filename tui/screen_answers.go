package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/alarms"
	"github.com/cwsetup/cwsetup/wizard/detect"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// Screens that fill plan.Answers. They appear once detection has run; the
// answers start as plan.Defaults for the detected host.

const (
	screenLogs    = "logs"
	screenRole    = "role"
	screenDest    = "destination"
	screenMetrics = "metrics"
)

// answersReady reports whether the answer screens have something to show.
func answersReady(m *Model) bool { return m.sess.Answers != nil }

// setDefaults (re)builds the answers from detection for a role, keeping
// the logs the user unticked out.
func setDefaults(s *Session, role plan.Role) {
	r := detect.Report{}
	if s.Report != nil {
		r = *s.Report
	}
	a := plan.Defaults(r, role)
	a.Logs = append(a.Logs, s.custom...)
	a.Logs = slices.DeleteFunc(a.Logs, func(l plan.LogSource) bool { return s.unticked[logID(l)] })
	for i, l := range a.Logs {
		if e, ok := s.edits[logID(l)]; ok {
			if e.group != "" {
				a.Logs[i].LogGroup = e.group
			}
			if e.retention != 0 {
				a.Logs[i].RetentionDays = e.retention
			}
		}
	}
	s.Answers = &a
}

// logEdit is what the user changed on one log: its group name, its
// retention (0: the destination screen's).
type logEdit struct {
	group     string
	retention int
}

// logID names a log source in the pick list: its path, or the journal
// selection's name.
func logID(l plan.LogSource) string {
	if l.Journal != nil {
		return "journal:" + l.Name
	}
	return l.Path
}

func logsScreen() screen {
	return screen{
		// live: the format being typed, tested on the file at each key.
		live: func(m *Model) string {
			if m.form == nil {
				return ""
			}
			switch f := m.form.GetFocusedField().(type) {
			case *huh.MultiSelect[string]:
				// The highlighted log whole: where, its format, its last line.
				id, ok := f.Hovered()
				if !ok || strings.HasPrefix(id, "journal:") {
					return ""
				}
				return logDetail(m, id)
			case *huh.Input:
				switch f.GetKey() {
				case addPathKey:
					return pathVerdict(m, m.sess.addPath)
				case formatKey:
					if m.sess.CheckFormat != nil {
						return formatVerdict(m, m.sess.addPath, m.sess.addFormat)
					}
				}
				return ""
			}
			return ""
		},
		id:    screenLogs,
		title: i18n.TUILogsTitle,
		why:   i18n.TUILogsWhy,
		form: func(m *Model) *huh.Form {
			s := m.sess
			if s.Answers == nil {
				return noteForm(m, i18n.TUINoAnswers)
			}
			// Everything the defaults offer and the user added, ticked
			// unless the user unticked it (an added log unticked is removed).
			all := append(plan.Defaults(reportOf(s), s.Answers.Role).Logs, s.custom...)
			s.logOffer = all
			s.logPick = s.logPick[:0]
			var opts []huh.Option[string]
			for _, l := range all {
				id := logID(l)
				opts = append(opts, huh.NewOption(logLabel(m, l), id).Selected(!s.unticked[id]))
				if !s.unticked[id] {
					s.logPick = append(s.logPick, id)
				}
			}
			groups := []*huh.Group{huh.NewGroup(choices[string]{
				Title:   m.p.T(i18n.TUILogsPick),
				Desc:    m.keysHelp(i18n.TUILogsPickHelp),
				Options: opts,
				Height:  min(len(opts)+3, 12),
				Value:   &s.logPick,
			}.fieldOf(m))}
			groups = append(groups, editGroups(m)...)
			if s.CheckFormat != nil {
				groups = append(groups, addPathGroups(m)...)
			}
			return huh.NewForm(groups...)
		},
		// A log added or changed: store it and show the list again, with
		// the new log in it, so more can be changed; enter on an
		// unchanged page goes on.
		submit: func(m *Model) (tea.Cmd, bool) {
			s := m.sess
			if s.Answers == nil {
				return nil, false
			}
			changed, added := s.editID != "" && (strings.TrimSpace(s.editGroup) != "" || s.editRetention != 0), strings.TrimSpace(s.addPath)
			storeLogs(s)
			switch {
			case added != "":
				m.flash = m.p.T(i18n.TUILogsAdded, added)
				// Say where it goes: its group is made from the path.
				for _, l := range s.Answers.Logs {
					if l.Path == added {
						m.flash = m.p.T(i18n.TUILogsAddedGroup, added, s.Answers.GroupName(l))
					}
				}
			case changed:
				m.flash = m.p.T(i18n.TUILogsChanged)
			default:
				return nil, false
			}
			if m.accessible {
				return nil, true
			}
			return m.rebuild(), true
		},
		again: true,
		keys:  logsKeys,
		leave: func(m *Model) { storeLogs(m.sess) },
	}
}

// storeLogs keeps what the logs screen left: the ticks (an added log
// unticked is dropped), the edit of one log, the log added.
func storeLogs(s *Session) {
	if s.Answers == nil {
		return
	}
	if s.unticked == nil {
		s.unticked = map[string]bool{}
	}
	for _, l := range s.logOffer {
		s.unticked[logID(l)] = !slices.Contains(s.logPick, logID(l))
	}
	s.custom = slices.DeleteFunc(s.custom, func(l plan.LogSource) bool {
		if s.unticked[logID(l)] {
			delete(s.unticked, logID(l)) // removed, not kept aside
			return true
		}
		return false
	})
	if s.editID != "" {
		if s.edits == nil {
			s.edits = map[string]logEdit{}
		}
		e := s.edits[s.editID]
		if g := strings.TrimSpace(s.editGroup); g != "" {
			e.group = g
		}
		if s.editRetention != 0 {
			e.retention = s.editRetention
		}
		s.edits[s.editID] = e
	}
	if p := strings.TrimSpace(s.addPath); p != "" && !slices.ContainsFunc(s.custom, func(l plan.LogSource) bool { return l.Path == p }) {
		l := plan.LogSource{Service: "custom", Name: plan.LogName(p), Path: p,
			TimestampFormat: s.addFormat, RetentionDays: plan.DefaultRetention}
		if l.TimestampFormat != "" {
			l.Timezone = "Local"
		}
		s.custom = append(s.custom, l)
	}
	s.addPath, s.addFormat = "", ""
	s.editID, s.editGroup, s.editRetention = "", "", 0
	setDefaults(s, s.Answers.Role)
}

// editGroups offer to change one shipped log: pick it, then its log group
// name and retention (empty and "keep" leave them as they are).
func editGroups(m *Model) []*huh.Group {
	s, p := m.sess, m.p
	a := s.Answers
	opts := []huh.Option[string]{huh.NewOption(p.T(i18n.TUILogsEditNone), "")}
	for _, l := range a.Logs {
		where := l.Path
		if l.Journal != nil {
			where = p.T(i18n.TUILogsJournal, l.Name)
		}
		opts = append(opts, huh.NewOption(p.T(i18n.TUILogsEditOption, where, a.GroupName(l), retentionLabel(p, l.RetentionDays)), logID(l)))
	}
	s.editID, s.editGroup, s.editRetention = "", "", 0
	none := func() bool { return s.editID == "" }
	index := func() int {
		return slices.IndexFunc(a.Logs, func(l plan.LogSource) bool { return logID(l) == s.editID })
	}
	current := func() string {
		if i := index(); i >= 0 {
			l := a.Logs[i]
			where := l.Path // the field names the log it changes
			if l.Journal != nil {
				where = p.T(i18n.TUILogsJournal, l.Name)
			}
			return p.T(i18n.TUILogsEditFile, where, a.GroupName(l), retentionLabel(p, l.RetentionDays))
		}
		return ""
	}
	keep := []huh.Option[int]{huh.NewOption(p.T(i18n.TUILogsEditKeep), 0)}
	var groups []*huh.Group
	if m.accessible {
		// No "e" key on a line prompt: ask which log to change.
		groups = append(groups, huh.NewGroup(choice[string]{
			Title:   p.T(i18n.TUILogsEdit),
			Desc:    p.T(i18n.TUILogsEditHelp),
			Options: opts,
			Value:   &s.editID,
		}.field(m)))
	}
	return append(groups,
		huh.NewGroup(entry{
			Title:  p.T(i18n.TUILogsEditGroup),
			Desc:   p.T(i18n.TUILogsEditGroupHelp),
			DescFn: current,
			Bind:   &s.editID,
			Value:  &s.editGroup,
			Hidden: none,
			Validate: func(v string) error {
				i := index()
				if v = strings.TrimSpace(v); v == "" || i < 0 {
					return nil
				}
				c := *a
				c.Logs = slices.Clone(a.Logs)
				c.Logs[i].LogGroup = v
				return problemFor(m, c.Problems(), isKey(fmt.Sprintf("logs[%d].log_group", i)))
			},
		}.field(m)).WithHideFunc(none),
		huh.NewGroup(choice[int]{
			Title:   p.T(i18n.TUILogsEditRetention),
			Options: append(keep, retentionOptions(m)...),
			Height:  6,
			Value:   &s.editRetention,
			Hidden:  none,
		}.field(m)).WithHideFunc(none),
	)
}

// logsKeys: "e" on the highlighted log opens its group name and retention.
func logsKeys(m *Model, k string) (tea.Cmd, bool) {
	if k != "e" || m.searching() {
		return nil, false
	}
	ms, ok := m.form.GetFocusedField().(*huh.MultiSelect[string])
	if !ok {
		return nil, false
	}
	id, ok := ms.Hovered()
	if !ok {
		return nil, false
	}
	s := m.sess
	s.editID, s.editGroup, s.editRetention = id, "", 0
	cmd := m.form.NextGroup()
	m.updateLive()
	return cmd, true
}

// addPathKey names the add-a-path field, whose matches are shown live.
const addPathKey = "add-path"

// pathVerdict says whether a typed path matches a file now: none is a
// warning, not a refusal (the log may appear later).
func pathVerdict(m *Model, path string) string {
	path = strings.TrimSpace(path)
	if path == "" || !strings.HasPrefix(path, "/") {
		return ""
	}
	matches, err := m.sess.Root.Glob(path)
	switch {
	case err != nil || len(matches) == 0:
		return "! " + m.p.T(i18n.TUILogsPathNone)
	case len(matches) == 1:
		return "✓ " + m.p.T(i18n.TUILogsPathOne, matches[0])
	}
	return "✓ " + m.p.T(i18n.TUILogsPathMany, len(matches), matches[0])
}

func reportOf(s *Session) detect.Report {
	if s.Report != nil {
		return *s.Report
	}
	return detect.Report{}
}

// logLabel is one line of the pick list: service, path, and whether the
// timestamp format is known; the highlighted log's format and last line
// show under the list (logDetail).
func logLabel(m *Model, l plan.LogSource) string {
	where := l.Path
	if l.Journal != nil {
		where = m.p.T(i18n.TUILogsJournal, l.Name)
	}
	mark := m.st.ok.Render("✓")
	if l.Journal != nil {
		mark = m.st.ok.Render("✓ journald")
	} else if l.TimestampFormat == "" {
		mark = m.st.warn.Render("✗ " + m.p.T(i18n.TUILogsNoFormat))
	}
	if dl, ok := detectedLog(m.sess, l.Path); ok {
		if !dl.Exists {
			mark = m.st.dim.Render(m.p.T(i18n.TUILogsNotYet))
		} else {
			where += m.st.dim.Render(" (" + humanSize(dl.Size) + ")")
		}
	} else if l.Service == "custom" && pathVerdict(m, l.Path) != "" && strings.HasPrefix(pathVerdict(m, l.Path), "!") {
		mark = m.st.dim.Render(m.p.T(i18n.TUILogsNoFileYet))
	}
	svc := l.Service
	if svc == "custom" {
		svc = m.p.T(i18n.TUILogsCustom) // added by the user; the answers keep "custom"
	}
	label := fmt.Sprintf("%s %s  %s", padRight(svc, 8), where, mark)
	if m.accessible {
		return label
	}
	// One line each (a wrapped option would scroll the list); a path too
	// long for it is shown whole under the list when highlighted.
	return ansi.Truncate(label, max(m.w-12, 40), "…")
}

// logDetail is the highlighted log whole: its path, timestamp format and
// last line.
func logDetail(m *Model, id string) string {
	s, p := m.sess, m.p
	var l plan.LogSource
	for _, o := range s.logOffer {
		if logID(o) == id {
			l = o
		}
	}
	out := []string{l.Path}
	if l.TimestampFormat != "" {
		out = append(out, p.T(i18n.TUILogsFormatIs, l.TimestampFormat))
	}
	if s.LastLine != nil {
		out = append(out, p.T(i18n.TUILogsLastLine, s.lastLine(id)))
	}
	return strings.Join(out, "\n")
}

// keysHelp is a field description that names keys (x, space, F2): line
// prompts have their own instructions and no such keys.
func (m *Model) keysHelp(k i18n.Key) string {
	if m.accessible {
		return ""
	}
	return m.p.T(k)
}

func detectedLog(s *Session, p string) (detect.Log, bool) {
	if s.Report == nil {
		return detect.Log{}, false
	}
	for _, sv := range s.Report.Services {
		for _, l := range sv.Logs {
			if l.Path == p {
				return l, true
			}
		}
	}
	return detect.Log{}, false
}

var roleKeys = map[plan.Role][2]i18n.Key{
	plan.RoleWebApachePHP: {i18n.TUIRoleApache, i18n.TUIRoleApacheHelp},
	plan.RoleWebNginxPHP:  {i18n.TUIRoleNginx, i18n.TUIRoleNginxHelp},
	plan.RoleWASTomcat:    {i18n.TUIRoleTomcat, i18n.TUIRoleTomcatHelp},
	plan.RoleDBMySQL:      {i18n.TUIRoleMySQL, i18n.TUIRoleMySQLHelp},
	plan.RoleBase:         {i18n.TUIRoleBase, i18n.TUIRoleBaseHelp},
}

func roleScreen() screen {
	return screen{
		id:    screenRole,
		title: i18n.TUIRoleTitle,
		why:   i18n.TUIRoleWhy,
		form: func(m *Model) *huh.Form {
			s := m.sess
			if s.Answers == nil {
				return noteForm(m, i18n.TUINoAnswers)
			}
			s.role = s.Answers.Role
			suggested := plan.SuggestRole(reportOf(s))
			var opts []huh.Option[plan.Role]
			for _, p := range plan.Presets {
				k := roleKeys[p.Role]
				label := fmt.Sprintf("%s  %s", padRight(string(p.Role), 15), m.p.T(k[0]))
				if p.Role == suggested {
					label += "  " + m.st.ok.Render(m.p.T(i18n.TUIRoleSuggested))
				}
				opts = append(opts, huh.NewOption(label, p.Role))
			}
			return huh.NewForm(huh.NewGroup(choice[plan.Role]{
				Title:    m.p.T(i18n.TUIRolePick),
				Desc:     m.p.T(roleKeys[suggested][1]),
				DescFunc: func() string { return m.p.T(roleKeys[s.role][1]) }, // the highlighted type's
				Bindings: &s.role,
				Options:  opts,
				Value:    &s.role,
			}.field(m)))
		},
		leave: func(m *Model) {
			s := m.sess
			if s.Answers != nil && s.role != s.Answers.Role {
				setDefaults(s, s.role)
			}
		},
	}
}

// retentionOptions lists the values CloudWatch accepts.
func retentionOptions(m *Model) []huh.Option[int] {
	var opts []huh.Option[int]
	for _, d := range plan.RetentionValues {
		opts = append(opts, huh.NewOption(retentionLabel(m.p, d), d))
	}
	return opts
}

func retentionLabel(p i18n.Printer, d int) string {
	switch {
	case d < 0:
		return p.T(i18n.TUIRetentionNever)
	case d >= 365 && (d+2)%365 <= 4:
		return p.T(i18n.TUIRetentionYears, d, (d+2)/365)
	}
	return p.T(i18n.TUIRetentionDays, d)
}

func destScreen() screen {
	return screen{
		id:    screenDest,
		title: i18n.TUIDestTitle,
		why:   i18n.TUIDestWhy,
		form: func(m *Model) *huh.Form {
			s := m.sess
			if s.Answers == nil {
				return noteForm(m, i18n.TUINoAnswers)
			}
			a := s.Answers
			s.retOther, s.retSecurity = plan.DefaultRetention, plan.SecurityRetention
			for _, l := range a.Logs {
				if plan.IsSecurityLog(l.Path) || (l.Journal != nil && l.Name == "secure") {
					s.retSecurity = l.RetentionDays
				} else {
					s.retOther = l.RetentionDays
				}
			}
			example := ""
			if len(a.Logs) > 0 {
				example = a.GroupName(a.Logs[0])
			}
			return huh.NewForm(
				huh.NewGroup(
					entry{
						Title: m.p.T(i18n.TUIDestPrefix),
						Desc:  m.p.T(i18n.TUIDestPrefixHelp, example),
						Value: &a.LogGroupPrefix,
						Validate: func(v string) error {
							c := *a
							c.LogGroupPrefix = v
							return problemFor(m, c.Problems(), isKey("log_group_prefix"))
						},
					}.field(m),
				),
				// One input a page, so a problem shows right under it.
				huh.NewGroup(
					entry{
						Title:       m.p.T(i18n.TUIDestStream),
						Desc:        m.p.T(i18n.TUIDestStreamHelp, strings.Join(plan.StreamPlaceholders, " ")),
						Suggestions: plan.StreamPlaceholders,
						Value:       &a.StreamName,
						Validate: func(v string) error {
							c := *a
							c.StreamName = v
							return problemFor(m, c.Problems(), isKey("stream_name"))
						},
					}.field(m),
				),
				huh.NewGroup(
					choice[int]{
						Title:   m.p.T(i18n.TUIDestRetention),
						Options: retentionOptions(m),
						Height:  5,
						Value:   &s.retOther,
					}.field(m),
					choice[int]{
						Title:   m.p.T(i18n.TUIDestRetentionSecurity),
						Options: retentionOptions(m),
						Height:  5,
						Value:   &s.retSecurity,
					}.field(m),
				),
				huh.NewGroup(choice[string]{
					Title: m.p.T(i18n.TUIDestClass),
					Desc:  m.p.T(i18n.TUIDestClassStdHelp) + "\n" + m.p.T(i18n.TUIDestClassIAHelp),
					Options: []huh.Option[string]{
						huh.NewOption("STANDARD", plan.ClassStandard),
						huh.NewOption("INFREQUENT_ACCESS", plan.ClassInfrequent),
					},
					Value: &a.LogGroupClass,
				}.field(m)),
			)
		},
		leave: func(m *Model) {
			s := m.sess
			if s.Answers == nil {
				return
			}
			for i, l := range s.Answers.Logs {
				if s.edits[logID(l)].retention != 0 {
					continue // set for this log on the logs screen
				}
				if plan.IsSecurityLog(l.Path) || (l.Journal != nil && l.Name == "secure") {
					s.Answers.Logs[i].RetentionDays = s.retSecurity
				} else {
					s.Answers.Logs[i].RetentionDays = s.retOther
				}
			}
		},
	}
}

var metricKeys = map[string]i18n.Key{
	"mem":  i18n.TUIMetricMem,
	"disk": i18n.TUIMetricDisk,
	"swap": i18n.TUIMetricSwap,
	"cpu":  i18n.TUIMetricCPU,
}

func metricsScreen() screen {
	return screen{
		id:    screenMetrics,
		title: i18n.TUIMetricsTitle,
		why:   i18n.TUIMetricsWhy,
		form: func(m *Model) *huh.Form {
			s := m.sess
			if s.Answers == nil {
				return noteForm(m, i18n.TUINoAnswers)
			}
			mt := &s.Answers.Metrics
			var opts []huh.Option[string]
			for _, set := range plan.MetricSets {
				opts = append(opts, huh.NewOption(m.p.T(metricKeys[set]), set).Selected(slices.Contains(mt.Collect, set)))
			}
			groups := []*huh.Group{huh.NewGroup(
				choices[string]{
					Title:   m.p.T(i18n.TUIMetricsPick),
					Options: opts,
					Height:  len(opts) + 2,
					Value:   &mt.Collect,
				}.fieldOf(m),
				yesNo{
					Title: m.p.T(i18n.TUIMetricsInstanceID),
					Desc:  m.p.T(i18n.TUIMetricsInstanceIDHelp),
					Yes:   m.p.T(i18n.TUIYes),
					No:    m.p.T(i18n.TUINo),
					Value: &mt.InstanceIDDimension,
				}.field(m),
			)}
			// The optional security alarms, on the auth log groups of these
			// answers: on or off, then their threshold, period and topic.
			if len(s.Answers.SecurityGroups()) > 0 {
				groups = append(groups, alarmGroups(m, s.Answers)...)
			}
			return huh.NewForm(groups...)
		},
		leave: func(m *Model) {
			if a := m.sess.Answers; a != nil {
				a.Metrics.Enabled = len(a.Metrics.Collect) > 0
			}
		},
	}
}

// alarmGroups ask for the security alarms of a (which ships an auth log):
// the toggle, with the alarms it makes, then (when on) their threshold,
// period and SNS topic. Each input stores its value in a as soon as it is
// valid, so a holds what the form shows when the screen is left.
func alarmGroups(m *Model, a *plan.Answers) []*huh.Group {
	al := &a.Alarms
	if al.PeriodSeconds == 0 {
		al.PeriodSeconds = plan.DefaultAlarmPeriod
	}
	threshold, period := strconv.Itoa(al.Threshold), strconv.Itoa(al.PeriodSeconds)
	// number reads a field; empty keeps the value (accessible mode's Enter).
	number := func(v string, keep int) (int, error) {
		if v = strings.TrimSpace(v); v == "" {
			return keep, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return 0, errorText(m.p.T(i18n.TUIAlarmNotNumber, v))
		}
		return n, nil
	}
	lines := func() string {
		var out []string
		for _, g := range a.SecurityGroups() {
			for _, x := range alarms.For(g, alarms.FromAnswers(*al)) {
				out = append(out, m.p.T(i18n.TUIAlarmLine, x.AlarmName, x.Check.MetricName, x.Threshold, alarmPeriodText(m.p, x.PeriodSeconds)))
			}
		}
		return strings.Join(out, "\n") + "\n\n" + m.p.T(i18n.TUIAlarmsHow)
	}
	check := func(c plan.Alarms) error {
		if ps := c.Problems(); len(ps) > 0 {
			return errorText(subjectless(m.p, ps[0]))
		}
		return nil
	}
	off := func() bool { return !al.Enabled }
	return []*huh.Group{
		huh.NewGroup(yesNo{
			Title:    m.p.T(i18n.TUIAlarmsTitle),
			DescFunc: lines,
			Bindings: al,
			Yes:      m.p.T(i18n.TUIYes),
			No:       m.p.T(i18n.TUINo),
			Value:    &al.Enabled,
		}.field(m)),
		huh.NewGroup(
			entry{
				Title:  m.p.T(i18n.TUIAlarmThreshold),
				Desc:   m.p.T(i18n.TUIAlarmThresholdHelp),
				Value:  &threshold,
				Hidden: off,
				Validate: func(v string) error {
					n, err := number(v, al.Threshold)
					if err != nil {
						return err
					}
					c := *al
					c.Threshold = n
					if err := check(c); err != nil {
						return err
					}
					al.Threshold = n
					return nil
				},
			}.field(m),
		).WithHideFunc(off),
		huh.NewGroup(
			entry{
				Title:  m.p.T(i18n.TUIAlarmPeriod),
				Desc:   m.p.T(i18n.TUIAlarmPeriodHelp),
				Value:  &period,
				Hidden: off,
				Validate: func(v string) error {
					n, err := number(v, al.PeriodSeconds)
					if err != nil {
						return err
					}
					if n == 0 { // the file's "default" is no period to type: say which ones CloudWatch takes
						return errorText(subjectless(m.p, i18n.UsageErrorf(i18n.AnsBadAlarmPeriod, "alarms.period_seconds", 0)))
					}
					c := *al
					c.PeriodSeconds = n
					if err := check(c); err != nil {
						return err
					}
					al.PeriodSeconds = n
					return nil
				},
			}.field(m),
		).WithHideFunc(off),
		huh.NewGroup(
			entry{
				Title:       m.p.T(i18n.TUIAlarmSNS),
				Desc:        m.p.T(i18n.TUIAlarmSNSHelp),
				Placeholder: "arn:aws:sns:REGION:ACCOUNT:NAME",
				Value:       &al.SNSTopicARN,
				Hidden:      off,
				Validate: func(v string) error {
					c := *al
					c.SNSTopicARN = v
					return check(c)
				},
			}.field(m),
		).WithHideFunc(off),
	}
}

// alarmPeriodText is an alarm period for people: 5 min, 30 s.
func alarmPeriodText(p i18n.Printer, seconds int) string {
	if seconds%60 == 0 {
		return p.T(i18n.TUIAlarmMinutes, seconds/60)
	}
	return p.T(i18n.TUIAlarmSeconds, seconds)
}

// noteForm is a one-line form for a screen with nothing to ask.
func noteForm(m *Model, k i18n.Key) *huh.Form {
	return huh.NewForm(huh.NewGroup(huh.NewNote().Title(m.p.T(k)).Next(true).NextLabel(m.p.T(i18n.TUINext))))
}

// humanSize is a file size for people (KB, MB, GB).
func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return strconv.FormatFloat(float64(n)/(1<<30), 'f', 1, 64) + " GB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

// addPathGroups ask for a log of the user's own: a path (glob allowed) and
// its timestamp format, tested live on the file's last lines.
func addPathGroups(m *Model) []*huh.Group {
	s := m.sess
	var suggest []string
	if s.Report != nil {
		for _, sv := range s.Report.Services {
			for _, l := range sv.Logs {
				if l.TimestampFormat != "" && !slices.Contains(suggest, l.TimestampFormat) {
					suggest = append(suggest, l.TimestampFormat)
				}
			}
		}
	}
	noPath := func() bool { return strings.TrimSpace(s.addPath) == "" }
	return []*huh.Group{
		huh.NewGroup(entry{
			Key:         addPathKey,
			Title:       m.p.T(i18n.TUILogsAddPath),
			Desc:        m.p.T(i18n.TUILogsAddPathHelp),
			Placeholder: "/var/log/myapp/*.log",
			Value:       &s.addPath,
			Validate: func(v string) error {
				v = strings.TrimSpace(v)
				if v == "" {
					return nil
				}
				// The one log path validator (answers files use it too).
				if err := plan.CheckLogPath("path", v); err != nil {
					return errorText(m.p.Error(err))
				}
				c := *s.Answers
				c.Logs = append(slices.Clone(c.Logs), plan.LogSource{Service: "custom", Name: plan.LogName(v), Path: v, RetentionDays: plan.DefaultRetention})
				return problemFor(m, c.Problems(), isKey(fmt.Sprintf("logs[%d].", len(c.Logs)-1)))
			},
		}.field(m)),
		huh.NewGroup(entry{
			Key:         formatKey,
			Title:       m.p.T(i18n.TUILogsAddFormat),
			Desc:        m.p.T(i18n.TUILogsFormatEmpty),
			Suggestions: suggest,
			Value:       &s.addFormat,
			Hidden:      noPath,
			Validate: func(v string) error {
				if v == "" {
					return nil
				}
				if c, found, err := s.CheckFormat(strings.TrimSpace(s.addPath), v); err != nil {
					return errorText(m.p.Error(err))
				} else if found && c.Lines > 0 && c.Matched == 0 {
					return errorText(m.p.T(i18n.TUILogsFormatNone, c.Lines))
				}
				return nil
			},
		}.field(m)).WithHideFunc(noPath),
	}
}

// formatKey names the format field, whose value is tested live.
const formatKey = "add-format"

// formatVerdict is the live test of a format on the file: how many of its
// last lines parse.
func formatVerdict(m *Model, path, format string) string {
	p := m.p
	if format == "" {
		return ""
	}
	c, found, err := m.sess.CheckFormat(strings.TrimSpace(path), format)
	switch {
	case err != nil:
		return "✗ " + p.Error(err)
	case !found:
		return p.T(i18n.TUILogsFormatNoFile)
	case c.Lines == 0:
		return p.T(i18n.TUILogsFormatNoLines)
	case c.Matched == c.Lines:
		return "✓ " + p.T(i18n.TUILogsFormatAll, c.Matched, c.Lines)
	case c.Matched == 0:
		return "✗ " + p.T(i18n.TUILogsFormatNone, c.Lines)
	}
	return "✗ " + p.T(i18n.TUILogsFormatSome, c.Matched, c.Lines)
}
