# shellcheck shell=bash
# Real daemons for the live detection test (wizard/detect/live_test.go):
# Debian's nginx, apache2, php-fpm, mariadb-server, tomcat10 and rsyslog,
# installed when missing and started without systemd as in
# ../shared/reference/test-infra.md §3.2 (policy-rc.d stops postinst from
# starting them). Idempotent: what already runs is left alone. Sourced by
# scripts/test under `set -euo pipefail`; exports CWSETUP_LIVE_DAEMONS=1
# when everything is up.

cwsetup_daemons_up() {
  if [ "$(id -u)" != 0 ]; then
    echo "daemons: not root, live detection test will be skipped (fails under CI=true)"
    return 0
  fi
  local pkgs="nginx apache2 php-fpm mariadb-server tomcat10 rsyslog curl procps" missing="" p
  for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    echo "daemons: installing$missing"
    # Keep postinst from starting them (apache2 and nginx would both take
    # :80); this machine kind already has such a policy-rc.d.
    local own_policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
      own_policy=1
    fi
    apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    [ -z "$own_policy" ] || rm -f /usr/sbin/policy-rc.d
  fi

  _cwsetup_running() { pgrep -x "$1" >/dev/null; }
  _cwsetup_wait_for() { # seconds, description, command...
    local n=$(( $1 * 10 )) what=$2; shift 2
    until "$@" >/dev/null 2>&1; do
      n=$((n - 1))
      if [ "$n" -le 0 ]; then echo "daemons: $what not ready" >&2; return 1; fi
      sleep 0.1
    done
  }

  _cwsetup_running rsyslogd || rsyslogd
  _cwsetup_running nginx || nginx
  # nginx owns :80, so apache moves to 8081 (port and default vhost).
  sed -i 's/^Listen 80$/Listen 8081/' /etc/apache2/ports.conf
  sed -i 's/<VirtualHost \*:80>/<VirtualHost *:8081>/' /etc/apache2/sites-available/000-default.conf
  _cwsetup_running apache2 || apachectl start
  local fpm
  fpm=$(basename "$(ls /usr/sbin/php-fpm* | sort -V | tail -n1)")
  mkdir -p /run/php
  _cwsetup_running "$fpm" || "$fpm" -D
  if ! _cwsetup_running mariadbd; then
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
    setsid nohup mysqld_safe </dev/null >/dev/null 2>&1 &
  fi
  if ! pgrep -f org.apache.catalina.startup.Bootstrap >/dev/null; then
    setsid runuser -u tomcat -- env CATALINA_HOME=/usr/share/tomcat10 CATALINA_BASE=/var/lib/tomcat10 \
      CATALINA_TMPDIR=/tmp JAVA_OPTS=-Djava.awt.headless=true sh /usr/libexec/tomcat10/tomcat-start.sh \
      </dev/null >/tmp/cwsetup-tomcat.stdout 2>&1 &
  fi

  _cwsetup_wait_for 10 nginx curl -sf -o /dev/null http://127.0.0.1/
  _cwsetup_wait_for 10 apache curl -sf -o /dev/null http://127.0.0.1:8081/
  _cwsetup_wait_for 20 mariadb mysqladmin ping
  _cwsetup_wait_for 60 tomcat curl -s -o /dev/null http://127.0.0.1:8080/

  # A few real log lines: access lines, an nginx error (a directory without
  # an index is "forbidden", logged at level error), syslog and auth lines.
  mkdir -p /var/www/html/cwsetup-noindex
  for p in / /missing /cwsetup-noindex/; do
    curl -s -o /dev/null "http://127.0.0.1$p" || true
    curl -s -o /dev/null "http://127.0.0.1:8081$p" || true
    curl -s -o /dev/null "http://127.0.0.1:8080$p" || true
  done
  local marker="cwsetup-daemons-$$-$RANDOM"
  logger -t cwsetup-test "$marker"
  logger -p auth.info -t sshd "cwsetup-test: Connection closed by authenticating user nobody 127.0.0.1 port 1 [preauth]"
  _cwsetup_wait_for 5 "rsyslog writing /var/log/syslog" grep -q "$marker" /var/log/syslog
  # Tomcat's AccessLogValve buffers; its background thread flushes within ~10 s.
  _cwsetup_wait_for 20 "tomcat access log" sh -c "find /var/log/tomcat10 -name 'localhost_access_log.*.txt' -size +0 | grep -q ."
  export CWSETUP_LIVE_DAEMONS=1
  echo "daemons: nginx, apache2 (:8081), $fpm, mariadb, tomcat10, rsyslog up"
}
cwsetup_daemons_up
unset -f cwsetup_daemons_up _cwsetup_running _cwsetup_wait_for
