package aws

import (
	"context"
	"time"

	"github.com/aws/smithy-go/middleware"
)

// CallTimeout bounds one AWS operation, its retries included: a silent
// endpoint (a proxy or firewall that accepts the connection and never
// answers) fails clearly instead of hanging (within 30 s, see docs/architecture.md). The
// SDK's retryer still honours AWS_MAX_ATTEMPTS and AWS_RETRY_MODE inside
// this bound.
const CallTimeout = 25 * time.Second

// withDeadline runs each operation of a client under a deadline of d,
// sooner if the caller's context ends first (Ctrl-C cancels in-flight
// calls). Paginators and waiters get it per page and per attempt.
func withDeadline(d time.Duration) func(*middleware.Stack) error {
	return func(s *middleware.Stack) error {
		return s.Initialize.Add(middleware.InitializeMiddlewareFunc("cwsetupDeadline",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
				middleware.InitializeOutput, middleware.Metadata, error) {
				ctx, cancel := context.WithTimeout(ctx, d)
				defer cancel()
				return next.HandleInitialize(ctx, in)
			}), middleware.Before)
	}
}

// apiOptions are the middleware every client of cwsetup's gets.
func apiOptions(opts []func(*middleware.Stack) error) []func(*middleware.Stack) error {
	return append(opts[:len(opts):len(opts)], withDeadline(CallTimeout))
}
