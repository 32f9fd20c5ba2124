#!/usr/bin/env bash
# Starts the integration tier's WildFly (deploy/bin/server.sh start with the given arguments). When
# that fails, Maven stops the build before post-integration-test, so nothing would stop the lab
# started just before: stop it here, by PID (lab.sh stop), and fail.
#   start-server.sh <lab state dir> <server.sh start arguments...>
set -u
here=$(cd "$(dirname "$0")/../../../.." && pwd)
lab_state=${1:?usage: start-server.sh <lab state dir> <server.sh start arguments...>}
shift
if ! bash "$here/deploy/bin/server.sh" start "$@"; then
  echo "start-server.sh: WildFly did not start; stopping the tier's lab ($lab_state)" >&2
  bash "$here/lab/lab.sh" stop --state="$lab_state" >&2 || true
  exit 1
fi
