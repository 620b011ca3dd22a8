// Package lazy builds package-level values on first use instead of at
// package init, so a command pays only for what it touches (start-up
// budget in docs/testing.md).
package lazy

import (
	"regexp"
	"sync"
)

// Regexp returns a function that compiles expr on its first call and
// returns the same *regexp.Regexp after. It panics on a bad expr, as
// regexp.MustCompile does; tests that call the function catch that.
func Regexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
