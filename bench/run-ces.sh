#!/usr/bin/env bash
# bench/run-ces.sh: issue 9's CES benchmark (see bench/README.md). Starts cews with the run command
# (deploy/run.sh) under /tmp/cews-run.lock, builds the bench module, and runs
# org.cews.bench.CesBenchmark against it: certificates issued per second through the deployed CES
# (UsernamePassword and Certificate endpoints) beside the connector's client code calling the same
# lab CA directly, 32 clients each, then a long CES-only run with WildFly's heap sampled after full
# collections (jcmd). Then it stops WildFly and the lab (deploy/run.sh stop), also on failure, and
# writes bench/target/bench-ces-report.md.
#
#   bench/run-ces.sh [--duration=S] [--warmup=S] [--rounds=N] [--clients=N] [--pool-size=N]
#                    [--requests=N] [--soak=S] [--sample=S] [--report=FILE]
#   bench/run-ces.sh --help
#
# JAVA_OPTS goes to the load generator's JVM. Needs jcmd (the JDK's) for the heap samples.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
for a in "$@"; do
  case "$a" in
    --help|-h) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --wildfly-pid=*|--deploy=*|--https=*) echo "bench: $a is set by this script" >&2; exit 2 ;;
  esac
done
base="$root/deploy/target/run"
started=0
cleanup() {
  if [ "$started" = 1 ]; then "$root/deploy/run.sh" stop || true; fi
}
trap cleanup EXIT

mvn -B -q -pl bench -am package -DskipTests
jar=$(ls bench/target/bench-*.jar 2>/dev/null | grep -v -e sources -e tests | head -n 1 || true)
[ -n "$jar" ] || { echo "bench: no bench jar in bench/target" >&2; exit 2; }

# The run command's ports are fixed: one run at a time on this machine, from start to stop.
exec 9> /tmp/cews-run.lock
echo "bench: waiting for /tmp/cews-run.lock"
flock 9
started=1
"$root/deploy/run.sh"
pid=$(cat "$base/server.pid")
kill -0 "$pid" || { echo "bench: WildFly (pid $pid) is not running" >&2; exit 1; }
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$jar:bench/target/lib/*" org.cews.bench.CesBenchmark \
  --deploy="$root/deploy" --https=https://localhost:8443 --wildfly-pid="$pid" "$@"
