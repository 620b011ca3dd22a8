# shellcheck shell=bash
# Test peers for the distribution tests (internal/release): sourced by
# scripts/test under `set -euo pipefail`, as root on Debian 12 in CI.
#  - shellcheck (apt) lints install.sh and the release scripts;
#  - nfpm v2.45.2 (go install) builds the deb/rpm packages;
#  - rpm and dpkg-deb inspect them, bash-completion loads the bash script;
#  - curl, wget, shasum (perl), openssl: the downloaders and hashers
#    install.sh falls back on; script(1) gives its test a pty;
#  - man(1) renders the generated man pages with warnings on;
#  - goreleaser v2.15.1 checks .goreleaser.yaml. Compiling it takes about
#    2.5 minutes on 2 cores the first time, so it is built only under CI or
#    when CWSETUP_GORELEASER=1, and kept in GOPATH/bin afterwards.
dist_missing=()
command -v shellcheck >/dev/null || dist_missing+=(shellcheck)
command -v rpm >/dev/null || dist_missing+=(rpm)
command -v curl >/dev/null || dist_missing+=(curl)
command -v wget >/dev/null || dist_missing+=(wget)
command -v shasum >/dev/null || dist_missing+=(perl)
command -v openssl >/dev/null || dist_missing+=(openssl)
command -v script >/dev/null || dist_missing+=(bsdutils)
command -v setarch >/dev/null || dist_missing+=(util-linux)
command -v man >/dev/null || dist_missing+=(man-db)
[ -f /usr/share/bash-completion/bash_completion ] || dist_missing+=(bash-completion)
if [ ${#dist_missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "dist peers: apt-get install ${dist_missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${dist_missing[@]}" >/dev/null
  else
    echo "dist peers: missing ${dist_missing[*]} (run as root to install them)"
  fi
fi

dist_gobin=$(go env GOPATH)/bin
export PATH="$PATH:$dist_gobin"
# dist_has TOOL MODULE VERSION: TOOL is on PATH, built from MODULE@VERSION.
dist_has() {
  local bin
  bin=$(command -v "$1") || return 1
  go version -m "$bin" 2>/dev/null | grep -qE "^[[:space:]]+mod[[:space:]]+$2[[:space:]]+$3([[:space:]]|$)"
}
if ! dist_has nfpm github.com/goreleaser/nfpm/v2 v2.45.2; then
  echo "dist peers: go install nfpm v2.45.2"
  go install github.com/goreleaser/nfpm/v2/cmd/nfpm@v2.45.2
fi

if command -v shellcheck >/dev/null; then
  echo "dist peers: shellcheck install.sh scripts/*"
  shellcheck -s sh install.sh
  for dist_f in scripts/release scripts/gendocs scripts/bench scripts/peers.d/dist.sh; do
    if [ -e "$dist_f" ]; then shellcheck "$dist_f"; fi
  done
fi

if [ "${CI:-}" = true ] || [ "${CWSETUP_GORELEASER:-}" = 1 ]; then
  if ! dist_has goreleaser github.com/goreleaser/goreleaser/v2 v2.15.1; then
    echo "dist peers: go install goreleaser v2.15.1 (a few minutes the first time)"
    go install github.com/goreleaser/goreleaser/v2@v2.15.1
  fi
fi
if command -v goreleaser >/dev/null; then
  echo "dist peers: goreleaser check"
  goreleaser check --quiet .goreleaser.yaml
fi
unset dist_missing dist_gobin dist_f
unset -f dist_has
