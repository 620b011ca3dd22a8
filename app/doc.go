// Package app is cwsetup's application layer (docs/architecture.md): one function per
// job, each returning typed results — what changed, what failed, why, and
// what to do next. Both faces of the product are drawn from these results:
//
//   - the commands (package main, cmd_*.go) render them as text or --json;
//   - the wizard's screens (package tui) render the same structs, localized.
//
// The jobs:
//
//	Detect     what is on this host                    (wizard/detect)
//	Prepare    the config for the answers, checked     (preflight, diff)
//	Apply      install, back up, write, fetch-config   (wizard/agent)
//	Verify     running? loaded? groups? marker?        (wizard/agent)
//	Next       where to look and how to undo, after a good apply
//	Sizing     the memory budget and instance advice   (wizard/sizing)
//
// IAM setup is its own domain job (wizard/iamsetup) with typed Plan/Apply
// results, used the same way by `cwsetup iam setup` and the IAM screen.
//
// Rules that keep it one product:
//
//   - No command calls another command's run function, and no screen calls
//     one or shows text captured from a command's output: both call the
//     job here and render its result.
//   - The wizard runs exactly the checks `apply` runs: both go through
//     Prepare before Apply.
//   - app imports the domain (wizard/*), render and i18n. It never imports
//     aws/, the AWS SDK, the charm libraries or cobra. What a job needs from
//     AWS is a port declared here (Ports); main.go wires aws/'s adapters
//     into it.
//   - Nothing here prints. Progress goes to callbacks; results come back
//     as data, with *i18n.Error messages that each face localizes.
package app
