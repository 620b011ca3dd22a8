// Package release tests the distribution end to end: scripts/release builds
// the real release artifacts once per test run, and install.sh installs
// them from a local HTTP server on 127.0.0.1. It has no code of its own,
// only tests; the size limits it checks are in docs/architecture.md.
package release
