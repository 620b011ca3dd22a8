// Command fakectl is the test stand-in for amazon-cloudwatch-agent-ctl.
// Tests build it into a fixture root's opt/aws/amazon-cloudwatch-agent/bin/
// as amazon-cloudwatch-agent-ctl. As far as cwsetup can tell it behaves like
// the real one: fetch-config validates the config against the agent's real
// JSON schema (read at run time from CWSETUP_FAKECTL_SCHEMA) and the
// translator's extra rules, prints the agent's output and error formats
// with its exit status, saves the accepted config where the agent does,
// keeps a status file, and with -s starts a background "agent" that tails
// the configured files under the root and ships new lines to CloudWatch
// Logs (moto in tests) through cwsetup's aws package, as the real agent
// would.
//
// Environment:
//
//	CWSETUP_FAKECTL_SCHEMA   path of agent-config.schema.json (required for fetch-config)
//	CWSETUP_FAKECTL_FAIL     credentials | second-phase | start: fail that way
//	CWSETUP_FAKECTL_FAIL_ONCE  with FAIL: fail only the first fetch-config
//	CWSETUP_FAKECTL_DELAY    sleep this long inside fetch-config (e.g. 2s)
//	CWSETUP_FAKECTL_VERSION  agent version to report (default 1.300071.0)
//	CWSETUP_FAKECTL_INSTANCE_ID  value of {instance_id}
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const homeSuffix = "/opt/aws/amazon-cloudwatch-agent"

// env names.
const (
	envSchema   = "CWSETUP_FAKECTL_SCHEMA"
	envFail     = "CWSETUP_FAKECTL_FAIL"
	envFailOnce = "CWSETUP_FAKECTL_FAIL_ONCE"
	envDelay    = "CWSETUP_FAKECTL_DELAY"
	envVersion  = "CWSETUP_FAKECTL_VERSION"
	envInstance = "CWSETUP_FAKECTL_INSTANCE_ID"
)

type home struct {
	dir  string // local path of the agent home
	root string // local path of the host root
}

func (h home) p(rel string) string { return filepath.Join(h.dir, rel) }

func (h home) loaded() string { return h.p("etc/amazon-cloudwatch-agent.d/file_config.json") }
func (h home) statusFile() string {
	return h.p("var/fakectl-status.json")
}
func (h home) pidFile() string { return h.p("var/amazon-cloudwatch-agent.pid") }

func version() string {
	if v := os.Getenv(envVersion); v != "" {
		return v
	}
	return "1.300071.0"
}

func main() { os.Exit(run(os.Args[1:])) }

func run(args []string) int {
	fs := flag.NewFlagSet("amazon-cloudwatch-agent-ctl", flag.ContinueOnError)
	action := fs.String("a", "", "action")
	mode := fs.String("m", "ec2", "mode")
	cfg := fs.String("c", "", "config")
	start := fs.Bool("s", false, "restart after fetch")
	if err := fs.Parse(args); err != nil {
		return 1
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	exe, _ = filepath.EvalSymlinks(exe)
	dir := filepath.Dir(filepath.Dir(exe))
	h := home{dir: dir, root: strings.TrimSuffix(dir, homeSuffix)}
	if h.root == "" {
		h.root = "/"
	}
	_ = mode
	switch *action {
	case "fetch-config":
		return fetchConfig(h, *cfg, *start)
	case "status":
		return status(h)
	case "stop":
		stopAgent(h)
		writeStatus(h, "stopped")
		return 0
	case "start":
		if _, err := os.Stat(h.loaded()); err != nil {
			fmt.Println("amazon-cloudwatch-agent is not configured. Applying default configuration before starting it.")
			return 1
		}
		return startAgent(h)
	case "run-agent":
		return runAgent(h)
	}
	fmt.Fprintf(os.Stderr, "usage: amazon-cloudwatch-agent-ctl -a stop|start|status|fetch-config [-m ec2] [-c file:<path>] [-s]\n")
	return 1
}

// stamp is the log prefix of the translator's Go log lines.
func stamp() string { return time.Now().Format("2006/01/02 15:04:05") + " " }

func fetchConfig(h home, src string, restart bool) int {
	fmt.Println("****** processing amazon-cloudwatch-agent ******")
	if d, err := time.ParseDuration(os.Getenv(envDelay)); err == nil && d > 0 {
		os.MkdirAll(h.p("var"), 0o755)
		os.WriteFile(h.p("var/fetch.started"), []byte(strconv.Itoa(os.Getpid())), 0o644)
		time.Sleep(d)
	}
	fmt.Println("I! Trying to detect region from ec2")
	path, ok := strings.CutPrefix(src, "file:")
	if !ok {
		fmt.Printf("E! Unsupported config source %q in this stand-in (only file:)\n", src)
		return 1
	}
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Printf("E! Fail to fetch the config! %v\n", err)
		return 1
	}
	tmp := h.loaded() + ".tmp"
	os.MkdirAll(filepath.Dir(tmp), 0o755)
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		fmt.Println("E!", err)
		return 1
	}
	defer os.Remove(tmp)
	fmt.Printf("Successfully fetched the config and saved in %s\n", tmp)
	fmt.Println("Start configuration validation...")
	fmt.Printf("%sReading json config file path: %s ...\n", stamp(), tmp)

	fail := os.Getenv(envFail)
	if fail != "" && os.Getenv(envFailOnce) != "" {
		if _, err := os.Stat(h.p("var/fakectl-failed-once")); err == nil {
			fail = ""
		}
	}
	failed := func() {
		if os.Getenv(envFailOnce) != "" {
			os.MkdirAll(h.p("var"), 0o755)
			os.WriteFile(h.p("var/fakectl-failed-once"), nil, 0o644)
		}
	}

	schemaErrs, err := validateSchema(data)
	if err != nil {
		fmt.Printf("%sE! %v\n", stamp(), err)
		return 1
	}
	if len(schemaErrs) > 0 {
		fmt.Printf("%sE! Invalid Json input schema.\n", stamp())
		for _, e := range schemaErrs {
			fmt.Printf("%sUnder path : %s | Error : %s\n", stamp(), e.path, e.msg)
		}
		firstPhaseFailed()
		return 1
	}
	fmt.Printf("%sI! Valid Json input schema.\n", stamp())
	fmt.Println("I! Detecting run_as_user...")
	if fail == "credentials" {
		failed()
		fmt.Println("E! Please make sure the credentials and region set correctly on your hosts.")
		fmt.Println("Refer to http://docs.aws.amazon.com/cli/latest/userguide/cli-chap-getting-started.html")
		return 1
	}
	if errs := translatorRules(data); len(errs) > 0 {
		for _, e := range errs {
			fmt.Printf("%sUnder path : %s | Error : %s\n", stamp(), e.path, e.msg)
		}
		firstPhaseFailed()
		return 1
	}
	fmt.Println("Configuration validation first phase succeeded")
	fmt.Printf("%s -schematest -config %s\n", h.p("bin/amazon-cloudwatch-agent"), h.p("etc/amazon-cloudwatch-agent.toml"))
	if msg := secondPhase(h, data); msg != "" || fail == "second-phase" {
		if msg == "" {
			msg = "E! [telegraf] Error running agent: Error loading config file " + h.p("etc/amazon-cloudwatch-agent.toml") + ": plugin inputs.procstat: line 12: configuration specified the fields [\"pid_finder\"], but they weren't used"
		}
		failed()
		fmt.Println("Configuration validation second phase failed")
		fmt.Println("======== Error Log ========")
		fmt.Println(msg)
		return 1
	}
	fmt.Println("Configuration validation second phase succeeded")
	fmt.Println("Configuration validation succeeded")
	if err := os.Rename(tmp, h.loaded()); err != nil {
		fmt.Println("E!", err)
		return 1
	}
	writeStatus(h, "stopped")
	if !restart {
		return 0
	}
	stopAgent(h)
	if fail == "start" {
		failed()
		fmt.Println("Job for amazon-cloudwatch-agent.service failed because the control process exited with error code.")
		fmt.Println(`See "systemctl status amazon-cloudwatch-agent.service" and "journalctl -xeu amazon-cloudwatch-agent.service" for details.`)
		return 1
	}
	return startAgent(h)
}

func firstPhaseFailed() {
	fmt.Printf("%sConfiguration validation first phase failed. Agent version: %s. Verify the JSON input is only using features supported by this version.\n", stamp(), version())
}

// secondPhase is the agent's -schematest: plugins that need files which
// are not there. The classic: collectd without its types.db.
func secondPhase(h home, data []byte) string {
	var doc struct {
		Metrics struct {
			Collected map[string]json.RawMessage `json:"metrics_collected"`
		} `json:"metrics"`
	}
	json.Unmarshal(data, &doc)
	if _, ok := doc.Metrics.Collected["collectd"]; ok {
		if _, err := os.Stat(filepath.Join(h.root, "usr/share/collectd/types.db")); err != nil {
			return "E! [telegraf] Error running agent: could not initialize input inputs.socket_listener: open /usr/share/collectd/types.db: no such file or directory"
		}
	}
	return ""
}

type agentStatus struct {
	Status       string `json:"status"`
	StartTime    string `json:"starttime"`
	ConfigStatus string `json:"configstatus"`
	Version      string `json:"version"`
}

func writeStatus(h home, st string) {
	s := agentStatus{Status: st, ConfigStatus: "not configured", Version: version()}
	if _, err := os.Stat(h.loaded()); err == nil {
		s.ConfigStatus = "configured"
	}
	if st == "running" {
		s.StartTime = time.Now().UTC().Format("2006-01-02T15:04:05+00:00")
	}
	b, _ := json.MarshalIndent(s, "", "  ")
	os.MkdirAll(filepath.Dir(h.statusFile()), 0o755)
	os.WriteFile(h.statusFile(), append(b, '\n'), 0o644)
}

func status(h home) int {
	var s agentStatus
	b, err := os.ReadFile(h.statusFile())
	if err == nil {
		json.Unmarshal(b, &s)
	}
	if s.Status == "" {
		s = agentStatus{Status: "stopped", ConfigStatus: "not configured", Version: version()}
	}
	if s.Status == "running" && agentPID(h) == 0 {
		s.Status = "stopped" // the agent died
	}
	out, _ := json.MarshalIndent(s, "", "  ")
	fmt.Println(string(out))
	return 0
}

// agentPID is the running agent's pid, 0 when none.
func agentPID(h home) int {
	b, err := os.ReadFile(h.pidFile())
	if err != nil {
		return 0
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	if pid <= 0 || syscall.Kill(pid, 0) != nil {
		return 0
	}
	// A reused pid is not ours unless it runs this program; a zombie
	// (no reaper in a container) has no exe and is not running.
	exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid))
	if err != nil {
		return 0
	}
	if self, err := os.Executable(); err == nil && filepath.Base(exe) != filepath.Base(self) {
		return 0
	}
	return pid
}

func stopAgent(h home) {
	pid := agentPID(h)
	if pid == 0 {
		fmt.Println("amazon-cloudwatch-agent has already been stopped")
		return
	}
	syscall.Kill(pid, syscall.SIGTERM)
	for i := 0; i < 50 && agentPID(h) == pid; i++ {
		time.Sleep(20 * time.Millisecond)
	}
	os.Remove(h.pidFile())
}

func startAgent(h home) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Println("E!", err)
		return 1
	}
	logPath := h.p("logs/amazon-cloudwatch-agent.log")
	os.MkdirAll(filepath.Dir(logPath), 0o755)
	log, err := os.OpenFile(logPath, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		fmt.Println("E!", err)
		return 1
	}
	defer log.Close()
	cmd := exec.Command(self, "-a", "run-agent")
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		fmt.Println("E!", err)
		return 1
	}
	os.WriteFile(h.pidFile(), []byte(strconv.Itoa(cmd.Process.Pid)+"\n"), 0o644)
	cmd.Process.Release()
	writeStatus(h, "running")
	return 0
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return !errors.Is(err, fs.ErrNotExist)
}
