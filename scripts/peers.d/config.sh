# shellcheck shell=bash
# patch(1) checks render.Diff's unified diffs (render/agentconfig_merge_test.go).
# Sourced by scripts/test under `set -euo pipefail`.
if ! command -v patch >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "config: installing patch"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends patch >/dev/null
  else
    echo "config: patch missing and not root; the diff test will be skipped (fails under CI=true)"
  fi
fi
