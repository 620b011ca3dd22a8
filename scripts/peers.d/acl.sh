# shellcheck shell=bash
# setfacl/getfacl (Debian's acl package) for the ACL tests of the agent's
# user (wizard/agent/acl_test.go): real grants on this machine's own
# filesystem for a cwagent user the tests create with useradd (passwd)
# and check with setpriv (util-linux). Sourced by scripts/test under
# `set -euo pipefail`.
if ! command -v setfacl >/dev/null 2>&1 || ! command -v getfacl >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "acl: installing acl"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends acl >/dev/null
  else
    echo "acl: setfacl missing and not root; the ACL tests will be skipped (fail under CI=true)"
  fi
fi
# logrotate (Debian's package) for the rotation tests of the grants
# (wizard/agent/rotate_test.go): the distributions' own stanzas, run with
# the real `logrotate -f`.
if ! command -v logrotate >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "acl: installing logrotate"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends logrotate >/dev/null
  else
    echo "acl: logrotate missing and not root; the rotation tests will be skipped (fail under CI=true)"
  fi
fi
# systemd-analyze (Debian's systemd package) checks the regrant units
# (render/regrant_test.go); systemd is not run.
if ! command -v systemd-analyze >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "acl: installing systemd (for systemd-analyze)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends systemd >/dev/null
  else
    echo "acl: systemd-analyze missing and not root; the unit check will be skipped (fail under CI=true)"
  fi
fi
