package aws

import (
	"context"
	"testing"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"

	"github.com/cwsetup/cwsetup/internal/testpeer"
)

func motoLogs(t *testing.T) sdk.Config {
	t.Helper()
	testpeer.MotoServer(t)
	cfg, err := Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestFindEvent(t *testing.T) {
	cfg := motoLogs(t)
	ctx, api := context.Background(), NewLogs(cfg)
	ship, err := NewLogShipper(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	g := "/ec2/system/syslog"
	start := time.Now().Add(-time.Minute)
	marker := "cwsetup-verify 5f2c1e"
	if err := ship.Ship(ctx, g, "i-0abc", 30, []string{"vm systemd[1]: started", "vm root: " + marker}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if ok, err := FindEvent(ctx, api, g, marker, start); !ok || err != nil {
		t.Errorf("marker not found: %v", err)
	}
	if ok, err := FindEvent(ctx, api, g, "cwsetup-verify 000000", start); ok || err != nil {
		t.Errorf("absent marker found: %v", err)
	}
	if g, err := DescribeLogGroup(ctx, api, g); err != nil || g.RetentionDays != 30 {
		t.Errorf("shipper's group: %+v %v", g, err)
	}
	// A second batch reuses the group and stream.
	if err := ship.Ship(ctx, g, "i-0abc", 30, []string{"again"}, time.Now()); err != nil {
		t.Error(err)
	}
}
