#!/bin/sh
# cwsetup installer.
#
#   curl -fsSL https://github.com/cwsetup/cwsetup/releases/latest/download/install.sh | sh
#   curl -fsSL .../install.sh | sh -s -- --version 1.2.3 --lang ko
#
# Downloads the release archive for this machine (linux amd64 or arm64) and
# checksums.txt, checks the archive's SHA-256 before anything is installed,
# installs cwsetup into /usr/local/bin (or $CWSETUP_INSTALL_DIR), using sudo
# only when that directory is not writable, then starts the wizard with keys
# from the terminal (/dev/tty), since stdin is this script when piped.
#
# Options: --version V   install release V (default: the latest)
#          --no-run      install only
#          --lang ko|en  language of this installer and of cwsetup
#          --help
# Anything else (or everything after --) is passed to cwsetup.
#
# Environment: CWSETUP_BASE_URL     where releases live (default below);
#                                   https, or http on 127.0.0.1/localhost
#              CWSETUP_INSTALL_DIR  where to put the binary
#
# The whole script is one function called on the last line, so a download
# cut short runs nothing.

main() {
  set -eu
  base_url=${CWSETUP_BASE_URL:-https://github.com/cwsetup/cwsetup/releases}
  base_url=${base_url%/}
  install_dir=${CWSETUP_INSTALL_DIR:-/usr/local/bin}
  version=""
  run=1
  lang=""

  # Split our options from cwsetup's, keeping cwsetup's in "$@".
  n=$#
  while [ "$n" -gt 0 ]; do
    arg=$1
    shift
    n=$((n - 1))
    case $arg in
      --version | --lang)
        if [ "$n" -eq 0 ]; then
          detect_lang
          die_usage "$(msg needs_value "$arg")"
        fi
        value=$1
        shift
        n=$((n - 1))
        if [ "$arg" = --version ]; then version=$value; else lang=$value; fi
        ;;
      --version=*) version=${arg#--version=} ;;
      --lang=*) lang=${arg#--lang=} ;;
      --no-run) run=0 ;;
      -h | --help) detect_lang; usage; exit 0 ;;
      --)
        while [ "$n" -gt 0 ]; do
          set -- "$@" "$1"
          shift
          n=$((n - 1))
        done
        ;;
      *) set -- "$@" "$arg" ;;
    esac
  done
  detect_lang
  case $lang in
    "" | ko* | KO* | en* | EN*) ;;
    *) die_usage "$(msg bad_lang "$lang")" ;;
  esac
  passthrough=$#
  if [ -n "$lang" ]; then
    set -- --lang "$lang" "$@"
  fi

  case $base_url in
    https://* | http://127.0.0.1 | http://127.0.0.1[:/]* | http://localhost | http://localhost[:/]*) ;;
    *) die_usage "$(msg bad_url "$base_url")" ;;
  esac

  os=$(uname -s)
  if [ "$os" != Linux ]; then
    die "$(msg bad_os "$os")"
  fi
  machine=$(uname -m)
  case $machine in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) die "$(msg bad_arch "$machine")" ;;
  esac

  version=${version#v}
  if [ "$version" = latest ]; then version=""; fi
  if [ -n "$version" ]; then
    case $version in
      *[!0-9A-Za-z.+-]*) die_usage "$(msg bad_version "$version")" ;;
    esac
    release_url=$base_url/download/v$version
  else
    release_url=$base_url/latest/download
  fi
  archive=cwsetup_linux_$arch.tar.gz

  need tar
  if have curl; then
    fetch() { curl -fsSL --retry 2 -o "$2" "$1"; }
  elif have wget; then
    fetch() { wget -q -O "$2" "$1"; }
  else
    die "$(msg no_downloader)"
  fi
  if have sha256sum; then
    sha256() { sha256sum "$1" | cut -d' ' -f1; }
  elif have shasum; then
    sha256() { shasum -a 256 "$1" | cut -d' ' -f1; }
  elif have openssl; then
    sha256() { openssl dgst -sha256 -r "$1" | cut -d' ' -f1; }
  else
    die "$(msg no_sha256)"
  fi

  tmp=$(mktemp -d "${TMPDIR:-/tmp}/cwsetup-install.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  trap 'rm -rf "$tmp"; exit 130' INT TERM

  say "$(msg downloading "$release_url/$archive")"
  fetch "$release_url/$archive" "$tmp/$archive" || die "$(msg download_failed "$release_url/$archive")"
  fetch "$release_url/checksums.txt" "$tmp/checksums.txt" || die "$(msg download_failed "$release_url/checksums.txt")"

  want=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1; exit }' "$tmp/checksums.txt")
  if [ -z "$want" ]; then
    die "$(msg no_checksum "$archive")"
  fi
  got=$(sha256 "$tmp/$archive")
  if [ "$got" != "$want" ]; then
    die "$(msg bad_checksum "$archive" "$want" "$got")"
  fi

  mkdir "$tmp/x"
  tar -xzf "$tmp/$archive" -C "$tmp/x" || die "$(msg bad_archive "$archive")"
  if [ ! -f "$tmp/x/cwsetup" ]; then
    die "$(msg bad_archive "$archive")"
  fi
  chmod 0755 "$tmp/x/cwsetup"

  sudo=""
  if ! writable "$install_dir"; then
    if [ "$(id -u)" -eq 0 ]; then
      die "$(msg cannot_write "$install_dir")"
    elif have sudo && { sudo -n true 2>/dev/null || have_tty; }; then
      # sudo asks for a password on the terminal if it needs one; with no
      # terminal and no password-less sudo there is no way to ask.
      sudo=sudo
      say "$(msg using_sudo "$install_dir")"
    else
      die "$(msg cannot_write "$install_dir")"
    fi
  fi
  # Copy next to the target, check that it runs here, then rename: a
  # running cwsetup is not disturbed, a half-written or unusable binary
  # never replaces a working one. (It runs from the install directory
  # because /tmp may be mounted noexec.)
  bin=$install_dir/cwsetup
  new=$install_dir/.cwsetup.new.$$
  trap 'rm -rf "$tmp"; $sudo rm -f "$new"' EXIT
  trap 'rm -rf "$tmp"; $sudo rm -f "$new"; exit 130' INT TERM
  $sudo mkdir -p "$install_dir"
  $sudo cp "$tmp/x/cwsetup" "$new"
  $sudo chmod 0755 "$new"
  if ! "$new" version >/dev/null 2>&1; then
    die "$(msg does_not_run "$bin")"
  fi
  $sudo mv -f "$new" "$bin"
  say "$(msg installed "$bin")"
  "$bin" version >&2
  case ":${PATH:-}:" in
    *":$install_dir:"*) ;;
    *) say "$(msg not_on_path "$install_dir")" ;;
  esac

  if [ "$run" -eq 0 ]; then
    exit 0
  fi
  rm -rf "$tmp"
  trap - EXIT INT TERM
  # stdin is this script when piped into sh, so the wizard reads keys from
  # the terminal. With no terminal (cloud-init, CI) the wizard cannot run;
  # a command given on our command line still can.
  if have_tty; then
    exec "$bin" "$@" </dev/tty
  fi
  if [ "$passthrough" -gt 0 ]; then
    exec "$bin" "$@" </dev/null
  fi
  say "$(msg no_tty "$bin")"
  exit 0
}

have() { command -v "$1" >/dev/null 2>&1; }
# have_tty: a controlling terminal can be opened (not just /dev/tty exists).
have_tty() { (: </dev/tty) 2>/dev/null; }
need() { have "$1" || die "$(msg missing_tool "$1")"; }
say() { printf '%s\n' "$*" >&2; }
die() {
  printf '%s\n' "$(msg error "$*")" >&2
  exit 1
}
die_usage() {
  printf '%s\n' "$(msg error "$*")" >&2
  exit 2
}

# writable DIR: DIR, or the nearest existing parent it would be made in,
# can be written by this user.
writable() {
  d=$1
  while [ ! -d "$d" ]; do
    d=$(dirname "$d")
  done
  [ -w "$d" ]
}

# detect_lang: --lang, else LC_ALL, LC_MESSAGES, LANG (ko* is Korean), as
# cwsetup itself decides.
detect_lang() {
  l=${lang:-}
  if [ -z "$l" ]; then
    l=${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}
  fi
  case $l in
    ko* | KO*) ui=ko ;;
    *) ui=en ;;
  esac
}

usage() {
  if [ "$ui" = ko ]; then
    cat <<'EOF'
cwsetup 설치 스크립트

  curl -fsSL <주소>/install.sh | sh -s -- [옵션] [cwsetup 인수...]

옵션:
  --version V   릴리스 V를 설치 (기본값: 최신 릴리스)
  --no-run      설치만 하고 마법사는 실행하지 않음
  --lang ko|en  설치 스크립트와 cwsetup의 언어
  --help        이 도움말

환경 변수:
  CWSETUP_INSTALL_DIR  설치할 디렉터리 (기본값: /usr/local/bin)
  CWSETUP_BASE_URL     릴리스를 내려받을 주소
EOF
  else
    cat <<'EOF'
cwsetup installer

  curl -fsSL <url>/install.sh | sh -s -- [options] [cwsetup arguments...]

Options:
  --version V   install release V (default: the latest release)
  --no-run      install only, do not start the wizard
  --lang ko|en  language of this installer and of cwsetup
  --help        this help

Environment:
  CWSETUP_INSTALL_DIR  where to install (default: /usr/local/bin)
  CWSETUP_BASE_URL     where to download releases from
EOF
  fi
}

# msg KEY [ARGS...]: the installer's messages in English and Korean.
msg() {
  key=$1
  shift
  if [ "$ui" = ko ]; then
    case $key in
      error) printf '오류: %s' "$1" ;;
      needs_value) printf '옵션 %s 에 값이 필요합니다 (예: --version 1.2.3, --lang ko)' "$1" ;;
      bad_lang) printf '지원하지 않는 언어 "%s" 입니다: --lang ko 또는 --lang en을 쓰세요' "$1" ;;
      bad_url) printf 'CWSETUP_BASE_URL "%s" 은(는) https 주소가 아닙니다: https:// 주소를 쓰세요 (http는 127.0.0.1과 localhost만 허용)' "$1" ;;
      bad_os) printf '이 운영 체제(%s)는 지원하지 않습니다: cwsetup은 리눅스(EC2 인스턴스)용입니다' "$1" ;;
      bad_arch) printf '이 CPU 아키텍처(%s)는 지원하지 않습니다: cwsetup은 x86_64(amd64)와 aarch64(arm64, Graviton)용으로 빌드됩니다' "$1" ;;
      bad_version) printf '잘못된 버전 "%s" 입니다: 1.2.3 같은 릴리스 버전을 지정하세요' "$1" ;;
      missing_tool) printf '%s 명령이 없습니다: 패키지 관리자로 설치한 뒤 다시 실행하세요' "$1" ;;
      no_downloader) printf 'curl과 wget이 모두 없습니다: 둘 중 하나를 설치한 뒤 다시 실행하세요' ;;
      no_sha256) printf 'SHA-256을 계산할 명령(sha256sum, shasum, openssl)이 없습니다: coreutils를 설치하세요' ;;
      downloading) printf '내려받는 중: %s' "$1" ;;
      download_failed) printf '%s 을(를) 내려받지 못했습니다: 네트워크 연결과 --version 값을 확인하세요. 아무것도 설치하지 않았습니다' "$1" ;;
      no_checksum) printf 'checksums.txt에 %s 항목이 없습니다: 릴리스가 불완전합니다. 아무것도 설치하지 않았습니다' "$1" ;;
      bad_checksum) printf '%s 의 체크섬이 맞지 않습니다 (기대값 %s, 실제값 %s): 파일이 손상되었거나 변조되었습니다. 아무것도 설치하지 않았습니다' "$1" "$2" "$3" ;;
      bad_archive) printf '%s 을(를) 풀 수 없거나 cwsetup이 들어 있지 않습니다. 아무것도 설치하지 않았습니다' "$1" ;;
      cannot_write) printf "%s 에 쓸 수 없습니다: root로 실행하거나 CWSETUP_INSTALL_DIR=\$HOME/.local/bin 처럼 쓰기 가능한 디렉터리를 지정하세요" "$1" ;;
      using_sudo) printf '%s 에 쓰기 위해 sudo를 사용합니다' "$1" ;;
      installed) printf '설치했습니다: %s' "$1" ;;
      does_not_run) printf '내려받은 cwsetup이 이 서버에서 실행되지 않아 %s 에 설치하지 않았습니다: 이 서버의 아키텍처와 릴리스를 확인하세요' "$1" ;;
      not_on_path) printf '참고: %s 이(가) PATH에 없습니다. 전체 경로로 실행하거나 PATH에 추가하세요' "$1" ;;
      no_tty) printf '%s\n%s\n  sudo %s\n%s\n  sudo %s apply --answers answers.yaml --yes' \
        '설치는 끝났지만, 대화형 마법사를 띄울 터미널이 없습니다.' \
        'SSH로 접속한 터미널에서 마법사를 실행하세요:' "$1" \
        '또는 화면 없이 답변 파일로 적용하세요 (사용자 데이터, 여러 서버에 일괄 적용):' "$1" ;;
      *) printf '%s' "$key" ;;
    esac
  else
    case $key in
      error) printf 'error: %s' "$1" ;;
      needs_value) printf 'option %s needs a value (for example --version 1.2.3, --lang ko)' "$1" ;;
      bad_lang) printf 'unsupported language "%s": use --lang ko or --lang en' "$1" ;;
      bad_url) printf 'CWSETUP_BASE_URL "%s" is not an https URL: use https:// (plain http is allowed only for 127.0.0.1 and localhost)' "$1" ;;
      bad_os) printf 'this operating system (%s) is not supported: cwsetup is for Linux (EC2 instances)' "$1" ;;
      bad_arch) printf 'this CPU architecture (%s) is not supported: cwsetup is built for x86_64 (amd64) and aarch64 (arm64, Graviton)' "$1" ;;
      bad_version) printf 'invalid version "%s": give a release version such as 1.2.3' "$1" ;;
      missing_tool) printf 'the %s command is missing: install it with your package manager and run this again' "$1" ;;
      no_downloader) printf 'neither curl nor wget is installed: install one of them and run this again' ;;
      no_sha256) printf 'no command to compute SHA-256 (sha256sum, shasum, openssl): install coreutils' ;;
      downloading) printf 'downloading %s' "$1" ;;
      download_failed) printf 'could not download %s: check the network and the --version you gave. Nothing was installed' "$1" ;;
      no_checksum) printf 'checksums.txt has no entry for %s: the release is incomplete. Nothing was installed' "$1" ;;
      bad_checksum) printf 'checksum mismatch for %s (expected %s, got %s): the download is corrupt or was tampered with. Nothing was installed' "$1" "$2" "$3" ;;
      bad_archive) printf 'cannot unpack %s, or it holds no cwsetup binary. Nothing was installed' "$1" ;;
      cannot_write) printf "cannot write to %s: run as root, or choose a writable directory such as CWSETUP_INSTALL_DIR=\$HOME/.local/bin" "$1" ;;
      using_sudo) printf 'using sudo to write to %s' "$1" ;;
      installed) printf 'installed %s' "$1" ;;
      does_not_run) printf 'the downloaded cwsetup does not run on this machine, so %s was left as it was: check that the release matches this machine' "$1" ;;
      not_on_path) printf 'note: %s is not on your PATH; run cwsetup by its full path or add the directory to PATH' "$1" ;;
      no_tty) printf '%s\n%s\n  sudo %s\n%s\n  sudo %s apply --answers answers.yaml --yes' \
        'cwsetup is installed, but there is no terminal here for the interactive wizard.' \
        'Start the wizard from an SSH session:' "$1" \
        'Or apply an answers file without a UI (user data, fleets):' "$1" ;;
      *) printf '%s' "$key" ;;
    esac
  fi
}

ui=en
main "$@"
