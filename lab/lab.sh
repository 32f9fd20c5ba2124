#!/usr/bin/env bash
# lab/lab.sh: the cews lab on 127.0.0.1 (AD-shaped directory, KDC, AD CS emulator).
#
#   lab/lab.sh start   [--state=DIR] [lab options]   start in the background, return once it runs
#   lab/lab.sh run     [--state=DIR] [lab options]   run in the foreground (Ctrl-C stops it)
#   lab/lab.sh stop    [--state=DIR]                 SIGTERM to the PID in the status file, wait
#   lab/lab.sh status  [--state=DIR]                 print the status file; exit 1 unless running
#   lab/lab.sh officer [--state=DIR] [--ca=CA] pending | approve ID | deny ID | revoke ID [REASON]
#                      | revoke-serial SERIAL [REASON]   (the CA then publishes a new CRL)
#                      (request IDs are per CA: with two CAs, --ca=CA names the one; lists show it;
#                      the officer token is read from DIR/officer.token, which the lab writes 0600)
#
# Lab options (java -jar lab/target/lab-*.jar --help): --ldap-port --kdc-port --epm-port
# --icpr-port --officer-port --ca-factory. DIR defaults to lab/target/lab-state; the lab writes
# DIR/lab-status.properties, DIR/lab.log, the keytabs, krb5.conf, the AIA file and the CA's data.
# Inside an existing realm (a Samba AD DC as KDC and directory; only the CA is the lab's):
# --realm=REALM --ca-keytab=FILE --ca-principal=SPN --directory=ldap[s]://DC:PORT, all four; the CA
# binds there with GSSAPI as SPN from FILE (--krb5-conf=FILE: the realm's; --directory-address=IP
# reaches DC, named for Kerberos, at IP), or --bind=simple --bind-dn=DN --bind-password-file=FILE
# (over ldaps:// with --directory-ca=PEM); then no KDC or directory starts and NTLM is not offered.
# Build it first: mvn -pl lab -am package -DskipTests (deploy/run.sh does).
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
jar=${LAB_JAR:-$(ls "$root"/target/lab-*.jar 2>/dev/null | grep -v -e sources -e tests | head -n 1 || true)}
cp=${LAB_CLASSPATH:-$jar}
state="$root/target/lab-state"
cmd=${1:-}
[ $# -gt 0 ] && shift
args=()
for a in "$@"; do
  case "$a" in --state=*) state=${a#--state=} ;; *) args+=("$a") ;; esac
done
status_file="$state/lab-status.properties"
prop() { sed -n "s/^$1=//p" "$status_file" 2>/dev/null | sed 's/\\//g'; }
running() { [ "$(prop state)" = running ] && kill -0 "$(prop pid)" 2>/dev/null; }
[ -n "$cp" ] || { echo "lab: no lab jar in $root/target (mvn -pl lab -am package -DskipTests)" >&2; exit 2; }
case "$cmd" in
  run) exec java -cp "$cp" org.cews.lab.Lab --state="$state" "${args[@]}" ;;
  start)
    if running; then echo "lab: already running (pid $(prop pid))"; exit 0; fi
    mkdir -p "$state"; rm -f "$status_file"
    nohup java -cp "$cp" org.cews.lab.Lab --state="$state" "${args[@]}" > "$state/lab.log" 2>&1 < /dev/null &
    pid=$!
    for _ in $(seq 1 150); do
      if running; then echo "lab: running (pid $pid); status in $status_file"; exit 0; fi
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "lab: failed to start; $state/lab.log says:" >&2; tail -n 20 "$state/lab.log" >&2; exit 1
      fi
      sleep 0.2
    done
    echo "lab: not running after 30 s; see $state/lab.log" >&2; kill -TERM "$pid" 2>/dev/null || true; exit 1 ;;
  stop)
    if ! running; then echo "lab: not running"; exit 0; fi
    pid=$(prop pid); kill -TERM "$pid"
    for _ in $(seq 1 100); do
      if ! kill -0 "$pid" 2>/dev/null; then echo "lab: stopped"; exit 0; fi
      sleep 0.2
    done
    echo "lab: pid $pid did not stop in 20 s, killing it" >&2; kill -KILL "$pid" 2>/dev/null || true; exit 1 ;;
  status) [ -f "$status_file" ] && cat "$status_file"; running ;;
  officer) exec java -cp "$cp" org.cews.lab.Officer --state="$state" "${args[@]}" ;;
  *) sed -n '2,20p' "$0" >&2; exit 2 ;;
esac
