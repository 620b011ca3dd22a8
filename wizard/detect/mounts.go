package detect

import (
	"bufio"
	"bytes"
	"slices"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/svcconf"
)

// pseudoFS are filesystem types that hold no user data (kernel views,
// memory, containers' layers, snaps' read-only images): no disk metric.
var pseudoFS = map[string]bool{
	"proc": true, "sysfs": true, "devtmpfs": true, "devpts": true, "tmpfs": true, "ramfs": true,
	"cgroup": true, "cgroup2": true, "securityfs": true, "pstore": true, "bpf": true,
	"debugfs": true, "tracefs": true, "configfs": true, "fusectl": true, "mqueue": true,
	"hugetlbfs": true, "autofs": true, "binfmt_misc": true, "efivarfs": true, "nsfs": true,
	"rpc_pipefs": true, "selinuxfs": true, "overlay": true, "squashfs": true, "iso9660": true,
	"nfsd": true, "rootfs": true,
}

// readMounts lists the mount points of the real filesystems in the
// root's /proc/self/mounts (else /proc/mounts): block devices only, each
// device once (its first mount point; bind mounts repeat it), pseudo and
// read-only image filesystems left out, "/" first. None readable: nil.
func (s *scan) readMounts() []string {
	var data []byte
	for _, f := range []string{"/proc/self/mounts", "/proc/mounts"} {
		if b, err := svcconf.ReadRegular(s.r, f, 1<<20); err == nil {
			data = b
			break
		}
	}
	if data == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 3 {
			continue
		}
		dev, dir, typ := f[0], unescapeMount(f[1]), f[2]
		if pseudoFS[typ] || strings.HasPrefix(typ, "fuse.") || !strings.HasPrefix(dev, "/dev/") || strings.HasPrefix(dev, "/dev/loop") {
			continue
		}
		if seen[dev] || slices.Contains(out, dir) || !strings.HasPrefix(dir, "/") || strings.ContainsAny(dir, "\x00\n") {
			continue
		}
		seen[dev] = true
		out = append(out, dir)
	}
	slices.SortStableFunc(out, func(a, b string) int {
		switch {
		case a == "/":
			return -1
		case b == "/":
			return 1
		}
		return strings.Compare(a, b)
	})
	return out
}

// unescapeMount undoes the octal escapes of /proc/mounts (\040 space,
// \011 tab, \012 newline, \134 backslash).
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return strings.NewReplacer(`\040`, " ", `\011`, "\t", `\012`, "\n", `\134`, `\`).Replace(s)
}
