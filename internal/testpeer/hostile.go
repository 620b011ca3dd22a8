package testpeer

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// PoolExplosion writes, under dir, a Rocky Linux host with php-fpm whose
// php-fpm.conf includes /etc/php-fpm.d/*.conf and whose n pool files each
// include /etc/php-fpm.d/*.conf again: the include explosion of a hostile
// host (n² includes if each file were read per include).
func PoolExplosion(t testing.TB, dir string, n int) {
	t.Helper()
	write := func(p, s string) {
		lp := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(lp), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(lp, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("etc/os-release", "ID=rocky\nID_LIKE=\"rhel centos fedora\"\nVERSION_ID=9.4\nPRETTY_NAME=\"Rocky Linux 9.4\"\n")
	write("usr/sbin/php-fpm", "")
	write("etc/php-fpm.conf", "[global]\nerror_log = /var/log/php-fpm/error.log\ninclude=/etc/php-fpm.d/*.conf\n")
	write("var/log/php-fpm/error.log", "24-Nov-2026 21:18:01 NOTICE: ready to handle connections\n")
	for i := range n {
		write(fmt.Sprintf("etc/php-fpm.d/pool%05d.conf", i),
			fmt.Sprintf("[pool%d]\nuser = apache\nlisten = /run/php-fpm/pool%d.sock\npm = dynamic\npm.max_children = 5\ninclude=/etc/php-fpm.d/*.conf\n", i, i))
	}
}
