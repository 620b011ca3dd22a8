package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/cwsetup/cwsetup/aws"
)

// firstReadMax bounds how much of an existing file is shipped at first.
const firstReadMax = 256 << 10

// maxLife ends a forgotten background agent (a test that died before its
// cleanup) even if nobody stops it.
const maxLife = 10 * time.Minute

type source struct {
	glob      string
	group     string
	stream    string
	retention int32
	offsets   map[string]int64
}

// runAgent is the background agent: it tails the configured files under
// the root and ships new lines, until stopped, until its home disappears
// (a test's temp dir removed), or after maxLife.
func runAgent(h home) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	logf := func(format string, args ...any) {
		fmt.Printf(time.Now().UTC().Format("2006-01-02T15:04:05Z")+" "+format+"\n", args...)
	}
	data, err := os.ReadFile(h.loaded())
	if err != nil {
		logf("E! no config: %v", err)
		return 1
	}
	var doc struct {
		Agent struct {
			Region string `json:"region"`
		} `json:"agent"`
		Logs struct {
			Stream    string `json:"log_stream_name"`
			Collected struct {
				Files struct {
					List []struct {
						FilePath  string `json:"file_path"`
						Group     string `json:"log_group_name"`
						Stream    string `json:"log_stream_name"`
						Retention int32  `json:"retention_in_days"`
					} `json:"collect_list"`
				} `json:"files"`
			} `json:"logs_collected"`
		} `json:"logs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		logf("E! %v", err)
		return 1
	}
	instance := os.Getenv(envInstance)
	if instance == "" {
		instance = "i-0fakec7a9e0000001"
	}
	host, _ := os.Hostname()
	var sources []*source
	for _, f := range doc.Logs.Collected.Files.List {
		stream := f.Stream
		if stream == "" {
			stream = doc.Logs.Stream
		}
		if stream == "" {
			stream = "{instance_id}"
		}
		stream = strings.NewReplacer("{instance_id}", instance, "{hostname}", host, "{local_hostname}", host, "{ip_address}", "127.0.0.1").Replace(stream)
		group := f.Group
		if group == "" {
			group = filepath.Base(f.FilePath) // the agent's default: the file name
		}
		sources = append(sources, &source{glob: f.FilePath, group: group, stream: stream, retention: f.Retention, offsets: map[string]int64{}})
	}
	region := doc.Agent.Region
	if region == "" {
		region = os.Getenv("AWS_REGION")
	}
	shipper, err := aws.NewLogShipper(ctx, region)
	if err != nil {
		logf("E! cloudwatchlogs: %v", err)
	}
	logf("I! [agent] fakectl agent started, %d file sources, region %q", len(sources), region)
	deadline := time.Now().Add(maxLife)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		if _, err := os.Stat(h.dir); err != nil || time.Now().After(deadline) {
			return 0
		}
		for _, s := range sources {
			matches, _ := filepath.Glob(filepath.Join(h.root, s.glob))
			for _, m := range matches {
				lines := readNew(m, s.offsets)
				if len(lines) == 0 || shipper == nil {
					continue
				}
				if err := shipper.Ship(ctx, s.group, s.stream, s.retention, lines, time.Now()); err != nil {
					logf("E! cloudwatchlogs: %s: %v", s.group, err)
					continue
				}
				logf("D! cloudwatchlogs: sent %d events to %s/%s", len(lines), s.group, s.stream)
			}
		}
		select {
		case <-ctx.Done():
			logf("I! [agent] stopping")
			return 0
		case <-tick.C:
		}
	}
}

// readNew returns complete lines added to path since the last call. The
// first call reads the file from its start (its last 256 KiB when it is
// bigger), as the agent does for a file it has no saved state for.
func readNew(path string, offsets map[string]int64) []string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		return nil
	}
	off, seen := offsets[path]
	if !seen && st.Size() > firstReadMax {
		// A big existing file (a live /var/log/syslog): start near its end.
		off = st.Size() - firstReadMax
		if _, err := f.Seek(off, io.SeekStart); err == nil {
			if skip, err := bufio.NewReader(f).ReadString('\n'); err == nil {
				off += int64(len(skip))
			}
		}
	}
	if st.Size() < off {
		off = 0 // truncated or rotated
	}
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return nil
	}
	r := bufio.NewReader(f)
	var lines []string
	for len(lines) < 1000 {
		l, err := r.ReadString('\n')
		if err != nil {
			break // an incomplete last line waits for its newline
		}
		off += int64(len(l))
		if s := strings.TrimRight(l, "\r\n"); s != "" {
			lines = append(lines, s)
		}
	}
	offsets[path] = off
	return lines
}
