package release

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/cwsetup/cwsetup/i18n"
)

// TestCurlPipeShStartsWizard is the path users take: the installer piped
// into sh in a terminal. The wizard it starts must draw on the terminal
// and take its keys from it, although stdin was the pipe that held the
// script (install.sh hands it /dev/tty; the TUI would also open /dev/tty
// itself, so this checks the path end to end, not the redirect alone).
func TestCurlPipeShStartsWizard(t *testing.T) {
	dir := dist(t)
	hostArch(t)
	requireTools(t, "sh", "cat", "curl")
	srv := serve(t, dir)
	master, slave, err := openPty(24, 80)
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer master.Close()

	inst := filepath.Join(t.TempDir(), "bin")
	cmd := exec.Command("sh", "-c", `cat "$0" | sh -s --`, filepath.Join(dir, "install.sh"))
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "TERM=xterm-256color", "LANG=C.UTF-8",
		"CWSETUP_BASE_URL=" + srv.URL, "CWSETUP_INSTALL_DIR=" + inst,
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	defer func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}()

	var mu sync.Mutex
	var screen bytes.Buffer
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			mu.Lock()
			screen.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	waitFor := func(what string) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			mu.Lock()
			s := screen.String()
			mu.Unlock()
			if strings.Contains(s, what) {
				return
			}
			select {
			case err := <-done:
				done <- err
				t.Fatalf("exited (%v) before %q appeared:\n%s", err, what, s)
			case <-time.After(20 * time.Millisecond):
			}
		}
		mu.Lock()
		defer mu.Unlock()
		t.Fatalf("%q did not appear within 30 s:\n%q", what, screen.String())
	}
	en := i18n.New(i18n.EN)
	waitFor("installed " + inst + "/cwsetup")
	waitFor(en.T(i18n.TUIWelcomeTitle))
	// Ctrl-C opens the wizard's quit dialog: the key came from the terminal.
	if _, err := master.Write([]byte{0x03}); err != nil {
		t.Fatal(err)
	}
	waitFor(en.T(i18n.TUIQuitQuestion))
}

// openPty returns a new pseudo-terminal pair of the given size.
func openPty(rows, cols uint16) (master, slave *os.File, err error) {
	master, slave, err = pty.Open()
	if err != nil {
		return nil, nil, err
	}
	if err := pty.Setsize(master, &pty.Winsize{Rows: rows, Cols: cols}); err != nil {
		master.Close()
		slave.Close()
		return nil, nil, err
	}
	return master, slave, nil
}
