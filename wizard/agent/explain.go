package agent

import (
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
)

// Explain turns a fetch-config failure into messages that say what was
// wrong and what to change, one per agent error where the agent gave a
// JSON path.
func (f Failure) Explain() []*i18n.Error {
	var out []*i18n.Error
	switch f.Kind {
	case FailSchema, FailTranslator:
		head := i18n.ApplyExplainSchema
		if f.Kind == FailTranslator {
			head = i18n.ApplyExplainTranslator
		}
		out = append(out, i18n.Errorf(head, f.Version))
		for _, e := range f.Errors {
			out = append(out, i18n.Errorf(i18n.ApplyExplainPath, displayPath(e.Path), e.Message))
			if h, ok := hintFor(e); ok {
				out = append(out, h)
			}
		}
		if len(f.Errors) == 0 && f.Detail != "" {
			out = append(out, i18n.Errorf(i18n.ApplyExplainAgentSaid, f.Detail))
		}
	case FailCredentials:
		out = append(out, i18n.Errorf(i18n.ApplyExplainCredentials, f.Detail))
	case FailSecondPhase:
		out = append(out, i18n.Errorf(i18n.ApplyExplainSecondPhase, f.Detail))
		if strings.Contains(f.Detail, "collectd") {
			out = append(out, i18n.Errorf(i18n.ApplyHintCollectd))
		}
	case FailStart:
		out = append(out, i18n.Errorf(i18n.ApplyExplainStart, f.Detail))
	default:
		out = append(out, i18n.Errorf(i18n.ApplyExplainUnknown, f.Exit, f.Detail))
	}
	return out
}

// displayPath shows the agent's JSON pointer, "/" for the document root.
func displayPath(p string) string {
	if p == "" {
		return "/"
	}
	return p
}

func hintFor(e PathError) (*i18n.Error, bool) {
	m := e.Message
	switch {
	case strings.Contains(m, "retention_in_days values can't be set for the same log group"):
		return i18n.Errorf(i18n.ApplyHintRetentionConflict), true
	case strings.Contains(m, "log_group_class values can't be set for the same log group"):
		return i18n.Errorf(i18n.ApplyHintClassConflict), true
	case strings.HasSuffix(e.Path, "/retention_in_days"):
		return i18n.Errorf(i18n.ApplyHintRetention), true
	case strings.HasSuffix(e.Path, "/timestamp_format") || strings.Contains(m, "Timestamp format"):
		return i18n.Errorf(i18n.ApplyHintTimestamp), true
	case strings.Contains(strings.ToLower(m), "additional propert"):
		return i18n.Errorf(i18n.ApplyHintUnknownKey), true
	}
	return nil, false
}
