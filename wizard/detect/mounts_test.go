package detect

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// TestMounts: the real filesystems of a /proc/self/mounts as a Rocky 9
// EC2 instance with a data volume, snaps and a container has it.
func TestMounts(t *testing.T) {
	dir := t.TempDir()
	mounts := `/dev/nvme0n1p1 / xfs rw,seclabel,relatime,attr2,inode64 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
devtmpfs /dev devtmpfs rw,seclabel,nosuid,size=4096k 0 0
tmpfs /run tmpfs rw,seclabel,nosuid,nodev,size=1553760k,mode=755 0 0
cgroup2 /sys/fs/cgroup cgroup2 rw,seclabel,nosuid,nodev,noexec,relatime 0 0
/dev/nvme0n1p2 /boot xfs rw,seclabel,relatime 0 0
/dev/nvme1n1 /var/lib/mysql ext4 rw,relatime 0 0
/dev/nvme1n1 /srv/mysql-bind ext4 rw,relatime 0 0
/dev/loop3 /snap/core22/1380 squashfs ro,nodev,relatime 0 0
overlay /var/lib/docker/overlay2/abc/merged overlay rw,relatime 0 0
lxcfs /var/lib/lxcfs fuse.lxcfs rw,nosuid 0 0
/dev/nvme2n1 /data\040files ext4 rw 0 0
`
	os.MkdirAll(filepath.Join(dir, "proc/self"), 0o755)
	os.WriteFile(filepath.Join(dir, "proc/self/mounts"), []byte(mounts), 0o644)
	r, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := (&scan{r: r}).readMounts()
	want := []string{"/", "/boot", "/data files", "/var/lib/mysql"}
	if !slices.Equal(got, want) {
		t.Errorf("mounts %q, want %q", got, want)
	}
	if got := (&scan{r: mustRoot(t, t.TempDir())}).readMounts(); got != nil {
		t.Errorf("no /proc: %q", got)
	}
}

func mustRoot(t *testing.T, dir string) host.Root {
	r, err := host.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
