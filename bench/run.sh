#!/usr/bin/env bash
# bench/run.sh: issue 5's connector benchmark (see bench/README.md). Builds the bench module and
# what it needs, then runs org.cews.bench.ConnectorBenchmark, which starts the lab in-process,
# measures, prints the report and writes it (default bench/target/bench-report.md).
#
#   bench/run.sh [--duration=S] [--warmup=S] [--clients=1,32] [--pool-size=N] [--requests=N]
#                [--report=FILE] [--state=DIR] [--lab-log=LEVEL]
#   bench/run.sh --help
#
# BENCH_SKIP_BUILD=1 skips the build; JAVA_OPTS is passed to the JVM.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -pl bench -am package -DskipTests
fi
jar=$(ls bench/target/bench-*.jar 2>/dev/null | grep -v -e sources -e tests | head -n 1 || true)
[ -n "$jar" ] || { echo "bench: no bench jar in bench/target (mvn -pl bench -am package -DskipTests)" >&2; exit 2; }
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$jar:bench/target/lib/*" org.cews.bench.ConnectorBenchmark "$@"
