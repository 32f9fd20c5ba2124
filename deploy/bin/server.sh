#!/usr/bin/env bash
# Start and stop one cews WildFly instance, always by PID, never leaving a JVM behind.
#
#   server.sh start  --home <wildfly> --base <dir> --ear <cews.ear> [--offset N] [--timeout S]
#                    [--deploy <file>]... [--cli <script> [--cli-property name=value]...]
#                    [--trust-client-ca <cert file>]... [-- <java opts>]
#   server.sh stop   --base <dir>
#   server.sh status --base <dir>
#
# <wildfly> is a provisioned server (bin/provision.sh). <dir> becomes the instance's
# jboss.server.base.dir: a fresh copy of <wildfly>/standalone on every start, so several
# instances (the run command, the integration tests) share one installation, each on its own
# port offset. "start" returns when the EAR is deployed; if it is not, it stops the server,
# prints the end of server.log and exits 1.
#
# --deploy adds more deployments next to the EAR (the integration tier's test-only WAR), each
# waited for like the EAR. --cli applies a script offline to this instance's own configuration
# before it starts (the base dir's copy; the installation stays as provisioned), with
# ${name} in it resolved from --cli-property and the provisioning properties.
# --trust-client-ca adds a CA certificate (DER or PEM) to this instance's client-trust.p12, so the
# HTTPS listener accepts client certificates it issued: the lab CA's, whose certificates key-based
# renewal presents as the TLS client certificate (the lab makes its CA when it starts, after
# provisioning, so the run command and the integration tier add it here, before WildFly starts).
set -euo pipefail

cmd=${1:-}; shift || true
home= base= ear= offset=0 timeout=180 extra=() deploys=() clis=() cli_props=() trusts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --home) home=$2; shift 2 ;;
    --base) base=$2; shift 2 ;;
    --ear) ear=$2; shift 2 ;;
    --offset) offset=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --deploy) deploys+=("$2"); shift 2 ;;
    --cli) clis+=("$2"); shift 2 ;;
    --trust-client-ca) trusts+=("$2"); shift 2 ;;
    --cli-property) cli_props+=("-D$2"); shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "server.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$base" ] || { echo "server.sh: --base is required" >&2; exit 2; }
pidfile="$base/server.pid"

running_pid() {
  [ -f "$pidfile" ] || return 1
  local pid; pid=$(cat "$pidfile")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$pidfile"; echo "server: not running ($base)"; return 0
  fi
  echo "server: stopping pid $pid"
  # The JVM's parent is standalone.sh's launcher (LAUNCH_JBOSS_IN_BACKGROUND).
  local launcher; launcher=$(ps -o ppid= -p "$pid" 2>/dev/null | tr -d ' ' || true)
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "server: pid $pid did not stop in 30 s, killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  # With bash 5.2 the launcher's "wait $JBOSS_PID" loop keeps getting the JVM's saved status 143
  # and spins for minutes, printing "received TERM signal" into console.log: end it by PID.
  if [ -n "$launcher" ] && [ "$launcher" != 1 ] && grep -q standalone.sh "/proc/$launcher/cmdline" 2>/dev/null; then
    kill -KILL "$launcher" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

fail() {
  echo "server: $*" >&2
  if [ -f "$base/log/server.log" ]; then
    echo "---- last lines of $base/log/server.log" >&2
    tail -n 60 "$base/log/server.log" >&2
  elif [ -f "$base/console.log" ]; then
    tail -n 60 "$base/console.log" >&2
  fi
  stop >&2
  exit 1
}

start() {
  [ -n "$home" ] && [ -x "$home/bin/standalone.sh" ] || { echo "server.sh: --home must be a provisioned WildFly" >&2; exit 2; }
  [ -n "$ear" ] && [ -f "$ear" ] || { echo "server.sh: --ear must name the built EAR" >&2; exit 2; }
  if pid=$(running_pid); then
    echo "server: already running as pid $pid ($base); stop it first" >&2; exit 1
  fi

  rm -rf "$base"
  mkdir -p "$(dirname "$base")"
  cp -a "$home/standalone" "$base"
  local names=() d
  for d in "$ear" "${deploys[@]}"; do
    [ -f "$d" ] || { echo "server.sh: no such deployment: $d" >&2; exit 2; }
    cp "$d" "$base/deployments/"
    names+=("$(basename "$d")")
  done

  local t tls_password
  for t in "${trusts[@]}"; do
    [ -f "$t" ] || { echo "server.sh: no such CA certificate: $t" >&2; exit 2; }
    tls_password=$(sed -n 's/^cews\.tls\.password=//p' "$home/cews-provision.properties")
    echo "server: trusting client certificates issued by $t"
    keytool -importcert -noprompt -storetype PKCS12 -keystore "$base/configuration/cews/tls/client-trust.p12" \
      -storepass "$tls_password" -alias "client-ca-$(basename "$t")" -file "$t" > /dev/null \
      || { echo "server.sh: cannot add $t to client-trust.p12" >&2; exit 1; }
  done

  if [ ${#clis[@]} -gt 0 ]; then
    local batch="$base/instance.cli" c
    {
      echo "embed-server --std-out=discard --server-config=standalone.xml"
      for c in "${clis[@]}"; do cat "$c"; echo; done
      echo "stop-embedded-server"
    } > "$batch"
    echo "server: applying ${clis[*]} to this instance's configuration"
    if ! JAVA_OPTS="-Djboss.server.base.dir=$base -Djava.awt.headless=true ${cli_props[*]}" \
        bash "$home/bin/jboss-cli.sh" --properties="$home/cews-provision.properties" --file="$batch" \
        > "$base/instance-cli.log" 2>&1; then
      cat "$base/instance-cli.log" >&2
      echo "server.sh: the instance CLI scripts failed" >&2
      exit 1
    fi
  fi

  echo "server: starting WildFly (base $base, port offset $offset)"
  # LAUNCH_JBOSS_IN_BACKGROUND keeps the JVM tied to the script's signals; JBOSS_PIDFILE gets
  # the JVM's own PID, which is what stop() kills.
  LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$pidfile" \
    nohup bash "$home/bin/standalone.sh" \
      -Djboss.server.base.dir="$base" \
      -b 127.0.0.1 -bmanagement 127.0.0.1 \
      -Djboss.socket.binding.port-offset="$offset" \
      "${extra[@]}" > "$base/console.log" 2>&1 < /dev/null &

  local deadline=$((SECONDS + timeout))
  while [ $SECONDS -lt $deadline ]; do
    for d in "${names[@]}"; do
      if [ -f "$base/deployments/$d.failed" ]; then
        fail "deployment of $d failed: $(cat "$base/deployments/$d.failed")"
      fi
    done
    if [ -f "$base/log/server.log" ] && grep -q 'WFLYSRV0026' "$base/log/server.log"; then
      fail "WildFly started with errors"
    fi
    local all=1
    for d in "${names[@]}"; do [ -f "$base/deployments/$d.deployed" ] || all=0; done
    if [ $all = 1 ] && grep -q 'WFLYSRV0025' "$base/log/server.log" 2>/dev/null; then
      echo "server: started, ${names[*]} deployed (pid $(cat "$pidfile"))"
      return 0
    fi
    # The JVM must still be there once the launcher wrote its PID.
    if [ -f "$pidfile" ] && ! running_pid > /dev/null; then
      fail "the server process exited during start"
    fi
    sleep 1
  done
  fail "not started within $timeout s"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  status)
    if pid=$(running_pid); then echo "server: running as pid $pid ($base)"; else echo "server: not running ($base)"; exit 3; fi ;;
  *) echo "usage: server.sh start|stop|status --base <dir> [...]" >&2; exit 2 ;;
esac
