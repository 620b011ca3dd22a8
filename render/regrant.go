package render

import (
	"fmt"
	"strings"
)

// RegrantUnits are the systemd units that keep the agent's user able to
// read the shipped logs through rotations (docs/apply.md, "Read access"):
// a path unit watching each directory that holds a shipped log
// (PathChanged fires when a file there is created, moved, closed after
// writing or has its attributes changed, which a rotation does) and the
// oneshot service it starts, `cwsetup regrant` with the same allowed
// directories apply had. exe is the installed cwsetup binary.
func RegrantUnits(exe string, dirs, allow []string) (pathUnit, service []byte) {
	var p strings.Builder
	p.WriteString("# Written by cwsetup apply; removed by cwsetup undo.\n")
	p.WriteString("[Unit]\nDescription=cwsetup: watch the shipped logs' directories for rotations\n\n[Path]\n")
	for _, d := range dirs {
		fmt.Fprintf(&p, "PathChanged=%s\n", d)
	}
	p.WriteString("Unit=cwsetup-regrant.service\n\n[Install]\nWantedBy=multi-user.target\n")
	var s strings.Builder
	s.WriteString("# Written by cwsetup apply; removed by cwsetup undo.\n")
	s.WriteString("[Unit]\nDescription=cwsetup: read access for the CloudWatch agent's user after a log rotation\n\n[Service]\nType=oneshot\n")
	fmt.Fprintf(&s, "ExecStart=%s regrant --lang en", systemdQuote(exe))
	for _, a := range allow {
		fmt.Fprintf(&s, " --allow-path %s", systemdQuote(a))
	}
	s.WriteString("\n")
	return []byte(p.String()), []byte(s.String())
}

// systemdQuote quotes one ExecStart word (systemd.service(5), "Command
// lines"): double quotes, with \ and " escaped, and % doubled so that no
// specifier is expanded.
func systemdQuote(w string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "%", "%%")
	return `"` + r.Replace(w) + `"`
}
