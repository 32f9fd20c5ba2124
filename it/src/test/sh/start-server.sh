#!/usr/bin/env bash
# Starts the integration tier's WildFly (deploy/bin/server.sh start with the given arguments). When
# that fails, Maven stops the build before post-integration-test, so nothing would stop the lab
# started just before: stop it here, by PID (lab.sh stop), and fail. The lab CA's certificate
# (lab-status.properties ca.certificate) is added to the instance's client trust store.
#   start-server.sh <lab state dir> <server.sh start arguments...>
set -u
here=$(cd "$(dirname "$0")/../../../.." && pwd)
lab_state=${1:?usage: start-server.sh <lab state dir> <server.sh start arguments...>}
shift
# Key-based renewal presents a certificate of the tier's lab CA as the TLS client certificate.
lab_ca=$(sed -n 's/^ca\.certificate=//p' "$lab_state/lab-status.properties")
if ! bash "$here/deploy/bin/server.sh" start "$@" --trust-client-ca "$lab_ca"; then
  echo "start-server.sh: WildFly did not start; stopping the tier's lab ($lab_state)" >&2
  bash "$here/lab/lab.sh" stop --state="$lab_state" >&2 || true
  exit 1
fi
