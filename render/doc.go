// Package render turns domain data into bytes: the CloudWatch agent's
// config JSON (built, merged with an existing one, validated against the
// agent's schema), config diffs, IAM policy documents, and terminal-safe
// text (TermSafe) for anything read from the host. It decides nothing and
// writes nowhere; commands and screens choose where the bytes go (see
// docs/architecture.md).
package render
