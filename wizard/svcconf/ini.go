package svcconf

import (
	"path"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// Entry is one key = value line of an ini-style file.
type Entry struct {
	Section string // "" before the first [section]
	Key     string // as written, trimmed (MySQL keys: '-' turned to '_')
	Value   string // unquoted; "" for a bare MySQL option such as skip-log-error
	File    string
	Line    int
}

// INI is an ini-style configuration with its includes read in place.
type INI struct {
	Entries  []Entry
	Files    []string
	Problems []Problem
}

type iniDialect struct {
	comments   string // characters that start a comment line
	mysql      bool   // !include / !includedir, bare keys, '-' == '_'
	includeDir string // base for relative include= (PHP-FPM: /usr)
}

func parseINI(r host.Root, main string, dl iniDialect) (*INI, error) {
	in := newIncluder(r)
	data, err := in.enterMain(main)
	if err != nil {
		return nil, err
	}
	ini := &INI{}
	section := ""
	parseINIFile(ini, in, main, data, dl, &section)
	in.leave()
	ini.Files = in.files
	ini.Problems = in.done(nil)
	return ini, nil
}

func parseINIFile(ini *INI, in *includer, file string, data []byte, dl iniDialect, section *string) {
	for n, l := range strings.Split(string(data), "\n") {
		line := n + 1
		l = strings.TrimSpace(l)
		if l == "" || strings.ContainsRune(dl.comments, rune(l[0])) {
			continue
		}
		if dl.mysql && l[0] == '!' {
			dir, arg, _ := strings.Cut(l, " ")
			arg = strings.TrimSpace(arg)
			if arg == "" {
				continue
			}
			var files []string
			switch dir {
			case "!include":
				files = []string{arg}
			case "!includedir":
				files = in.expand(arg, file, line, true, false, ".cnf")
			}
			for _, f := range files {
				if data, ok := in.enter(f, file, line); ok {
					// An included file starts in no section, as in mysqld.
					s := ""
					parseINIFile(ini, in, f, data, dl, &s)
					in.leave()
				}
			}
			continue
		}
		if l[0] == '[' {
			if end := strings.IndexByte(l, ']'); end > 0 {
				*section = strings.TrimSpace(l[1:end])
			}
			continue
		}
		k, v, hasEq := strings.Cut(l, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !hasEq && !dl.mysql {
			continue
		}
		v = unquoteINI(v, dl)
		if dl.mysql {
			k = strings.ReplaceAll(k, "-", "_")
		}
		if !dl.mysql && k == "include" {
			target := v
			if !path.IsAbs(target) {
				target = path.Join(dl.includeDir, target)
			}
			for _, f := range in.expand(target, file, line, hasGlob(target), false, "") {
				if data, ok := in.enter(f, file, line); ok {
					parseINIFile(ini, in, f, data, dl, section)
					in.leave()
				}
			}
			continue
		}
		ini.Entries = append(ini.Entries, Entry{Section: *section, Key: k, Value: v, File: file, Line: line})
	}
}

// unquoteINI strips quotes, or else a trailing comment.
func unquoteINI(v string, dl iniDialect) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') {
		if end := strings.IndexByte(v[1:], v[0]); end >= 0 {
			return v[1 : end+1]
		}
	}
	if dl.mysql {
		if i := strings.Index(v, " #"); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
	} else if i := strings.Index(v, " ;"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	return v
}

// FPM is a PHP-FPM configuration: the [global] section and the pools.
type FPM struct {
	Global map[string]string
	Pools  []FPMPool
	INI    *INI
}

// FPMPool is one pool section with its settings ($pool already replaced
// by the pool's name, as php-fpm does). Later lines win.
type FPMPool struct {
	Name   string
	File   string
	Values map[string]string
}

// ParseFPM reads php-fpm.conf (RHEL /etc/php-fpm.conf, Debian
// /etc/php/8.x/fpm/php-fpm.conf) with its include= pool files.
func ParseFPM(r host.Root, main string) (*FPM, error) {
	ini, err := parseINI(r, main, iniDialect{comments: ";#", includeDir: "/usr"})
	if err != nil {
		return nil, err
	}
	f := &FPM{Global: map[string]string{}, INI: ini}
	idx := map[string]int{}
	for _, e := range ini.Entries {
		if e.Section == "" || e.Section == "global" {
			f.Global[e.Key] = e.Value
			continue
		}
		i, ok := idx[e.Section]
		if !ok {
			i = len(f.Pools)
			idx[e.Section] = i
			f.Pools = append(f.Pools, FPMPool{Name: e.Section, File: e.File, Values: map[string]string{}})
		}
		f.Pools[i].Values[e.Key] = strings.ReplaceAll(e.Value, "$pool", e.Section)
	}
	return f, nil
}

// Abs resolves a pool path (slowlog, access.log): relative ones are under
// php-fpm's install prefix, /usr.
func (f *FPM) Abs(p string) string {
	if path.IsAbs(p) {
		return path.Clean(p)
	}
	return path.Join("/usr", p)
}

// GlobalAbs resolves a [global] path (error_log, pid): php-fpm puts
// relative ones under its state directory, /var (error_log = log/php-fpm.log
// is /var/log/php-fpm.log).
func (f *FPM) GlobalAbs(p string) string {
	if path.IsAbs(p) {
		return path.Clean(p)
	}
	return path.Join("/var", p)
}

// MyCnf is a MySQL/MariaDB option file with its !include/!includedir files.
type MyCnf struct{ INI *INI }

// ParseMyCnf reads my.cnf (RHEL /etc/my.cnf, Debian /etc/mysql/my.cnf).
func ParseMyCnf(r host.Root, main string) (*MyCnf, error) {
	ini, err := parseINI(r, main, iniDialect{comments: "#;", mysql: true})
	if err != nil {
		return nil, err
	}
	return &MyCnf{INI: ini}, nil
}

// ServerGroups are the option groups mysqld and mariadbd read.
var ServerGroups = []string{"mysqld", "server", "mariadb", "mariadbd", "mysqld_safe"}

// Get returns the last value of key ('-' and '_' alike) in any of groups
// (default ServerGroups), as mysqld's later-wins rule gives.
func (m *MyCnf) Get(key string, groups ...string) (Entry, bool) {
	if len(groups) == 0 {
		groups = ServerGroups
	}
	key = strings.ReplaceAll(key, "-", "_")
	var found Entry
	ok := false
	for _, e := range m.INI.Entries {
		if e.Key != key {
			continue
		}
		for _, g := range groups {
			if strings.EqualFold(e.Section, g) || strings.HasPrefix(strings.ToLower(e.Section), strings.ToLower(g)+"-") {
				found, ok = e, true
			}
		}
	}
	return found, ok
}
