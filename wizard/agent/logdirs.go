package agent

import (
	"path"
	"sort"
	"strings"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/detect"
)

// LogDirs are the log locations, besides /var/log, that the detected
// daemons' own configs name (a CustomLog, an error_log, a slow query
// log): the directory of each such log, globs cut at their first
// wildcard. A place cwsetup never grants in (privatePath) is left out,
// so a config naming /etc/... or a home does not open it.
func LogDirs(rep detect.Report) []string {
	set := map[string]bool{}
	for _, s := range rep.Services {
		for _, l := range s.Logs {
			if l.Source == "" || l.Source == "default" || !strings.HasPrefix(l.Path, "/") {
				continue
			}
			d := path.Dir(path.Clean(l.Path))
			for hasMeta(d) {
				d = path.Dir(d)
			}
			if d == "/" || under(d, "/var/log") || privatePath(d+"/x") {
				continue
			}
			set[d] = true
		}
	}
	out := make([]string, 0, len(set))
	for d := range set {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// CheckAllowPath validates one --allow-path: an absolute directory path
// without "..", not /, and not a place cwsetup never grants in.
func CheckAllowPath(p string) *i18n.Error {
	switch {
	case !strings.HasPrefix(p, "/") || strings.Contains("/"+p+"/", "/../"):
		return i18n.UsageErrorf(i18n.ApplyErrAllowPath, p, i18n.Errorf(i18n.ApplyWhyAllowAbs))
	case path.Clean(p) == "/":
		return i18n.UsageErrorf(i18n.ApplyErrAllowPath, p, i18n.Errorf(i18n.ApplyWhyAllowRoot))
	case privatePath(path.Clean(p) + "/x"):
		return i18n.UsageErrorf(i18n.ApplyErrAllowPath, p, i18n.Errorf(i18n.AccessWhyPrivateDir, p))
	}
	return nil
}
