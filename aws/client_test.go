package aws

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/internal/testpeer"
)

// A silent endpoint (accepts, never answers): the per-call deadline ends
// the call, retries included, with the localized timeout; cancelling the
// caller's context (Ctrl-C) ends it as cancelled.
func TestCallDeadlineAndCancel(t *testing.T) {
	testpeer.SetAWSEnv(t, testpeer.SilentEndpoint(t))
	cfg, err := Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	c := sts.NewFromConfig(cfg, func(o *sts.Options) { o.APIOptions = append(o.APIOptions, withDeadline(300*time.Millisecond)) })
	_, err = c.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	if ex := Explain(err); key(ex) != i18n.AWSErrTimeout || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("silent endpoint: %v → %v", err, ex)
	}
	if en := i18n.New(i18n.EN).Error(Explain(err)); en == "" || !strings.Contains(en, "sts:GetCallerIdentity") {
		t.Errorf("explanation: %s", en)
	}

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	_, err = CallerAccount(ctx, cfg) // the 20 s deadline; the cancel comes first
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}
