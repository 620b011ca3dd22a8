# shellcheck shell=bash
# AWS test peers (aws/, cmd_iam_test.go, cmd_detect_ec2_test.go, internal/testpeer/aws.go):
#  - moto_server 5.2.1 (IAM, EC2, STS, Logs, CloudWatch) from the image's pyenv Python;
#    Debian has no moto package and PyPI may be unreachable, so it is only installed
#    with pip when pip can reach an index;
#  - amazon-ec2-metadata-mock v1.13.0 (IMDSv2), built with `go install` into a cache
#    directory and exported as CWSETUP_AEMM_BIN (go.mod also pins it as a tool).
# Sourced by scripts/test under `set -euo pipefail`: no exit on success paths.

cwsetup_aws_peers() {
  local d
  for d in "${PYENV_ROOT:-$HOME/.pyenv}/shims" "${PYENV_ROOT:-$HOME/.pyenv}/bin"; do
    if [ -d "$d" ] && [[ ":$PATH:" != *":$d:"* ]]; then
      export PATH="$d:$PATH"
    fi
  done
  if ! command -v moto_server >/dev/null 2>&1; then
    if command -v pip3 >/dev/null 2>&1 && pip3 install -q 'moto[server]==5.2.1' >/dev/null 2>&1; then
      echo "aws: installed moto 5.2.1 with pip"
    else
      echo "aws: moto_server not found and pip could not install it; AWS tests skip (fail under CI=true)"
    fi
  fi
  if command -v moto_server >/dev/null 2>&1; then
    echo "aws: moto_server $(python -c 'import moto; print(moto.__version__)' 2>/dev/null || echo '?') at $(command -v moto_server)"
  fi

  local gobin="${XDG_CACHE_HOME:-$HOME/.cache}/cwsetup-test-tools"
  if [ ! -x "$gobin/ec2-metadata-mock" ]; then
    mkdir -p "$gobin"
    if ! GOBIN="$gobin" GOFLAGS= go install github.com/aws/amazon-ec2-metadata-mock/cmd/ec2-metadata-mock@v1.13.0; then
      echo "aws: could not build ec2-metadata-mock; IMDS tests skip (fail under CI=true)"
      return 0
    fi
  fi
  export CWSETUP_AEMM_BIN="$gobin/ec2-metadata-mock"
  echo "aws: ec2-metadata-mock $("$CWSETUP_AEMM_BIN" --version 2>/dev/null | head -n1)"
}
cwsetup_aws_peers
