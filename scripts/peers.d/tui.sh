# shellcheck shell=bash
# tmux drives the real cwsetup binary in the wizard's end-to-end tests
# (tui/e2e_test.go), each in a private server (tmux -L). Sourced by
# scripts/test under `set -euo pipefail`.
if ! command -v tmux >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "tui: installing tmux"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends tmux >/dev/null
  else
    echo "tui: tmux missing and not root; the wizard's e2e tests will be skipped (fail under CI=true)"
  fi
fi
