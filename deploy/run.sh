#!/usr/bin/env bash
# The run command: cews on its embedded default, on this machine, on loopback.
#
#   deploy/run.sh          build what is needed, provision WildFly, start it with the EAR
#   deploy/run.sh stop     stop it (by PID)
#   deploy/run.sh status   say whether it runs
#
# On its embedded default, cews talks to the lab (lab/lab.sh): an AD-shaped directory, a KDC and
# an AD CS emulator on 127.0.0.1, whose CA the connector reaches as svc-ces over NTLM at packet
# privacy (deploy/env/cews.properties). The lab's state is kept in deploy/target/lab.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
home="$root/deploy/target/wildfly"
base="$root/deploy/target/run"
labdir="$root/deploy/target/lab"
server() { bash "$root/deploy/bin/server.sh" "$@"; }
lab() { bash "$root/lab/lab.sh" "$@"; }

case "${1:-start}" in
  stop) server stop --base "$base"; lab stop --state="$labdir"; exit 0 ;;
  status) server status --base "$base"; s=$?; lab status --state="$labdir" > /dev/null && echo "lab: running" || echo "lab: not running"; exit $s ;;
  start) ;;
  *) echo "usage: deploy/run.sh [start|stop|status]" >&2; exit 2 ;;
esac

echo "run: building the EAR and the lab, provisioning WildFly (first time: downloads ~450 MB from Maven Central)"
(cd "$root" && mvn -B -q -DskipTests -pl deploy,ear,lab -am package)

lab start --state="$labdir"
# Key-based renewal presents a certificate of the lab CA as the TLS client certificate.
labca=$(sed -n 's/^ca\.certificate=//p' "$labdir/lab-status.properties")
if ! server start --home "$home" --base "$base" --ear "$root/ear/target/cews.ear" --trust-client-ca "$labca"; then
  lab stop --state="$labdir"
  exit 1
fi

ca=$(sed -n 's/^cews\.ca\.name=//p' "$root/deploy/env/cews.properties")
cat <<TXT

cews is running (WildFly on 127.0.0.1; logs in $base/log, audit lines in cews-audit.log).
Server certificate issued by the development CA: $base/configuration/cews/tls/ca.crt

CEP (MS-XCEP, enrollment policy):
  https://localhost:8443/ADPolicyProvider_CEP_Kerberos/service.svc/CEP
  https://localhost:8443/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP
  https://localhost:8443/ADPolicyProvider_CEP_Certificate/service.svc/CEP
  https://localhost:8443/KeyBasedRenewal_ADPolicyProvider_CEP_Certificate/service.svc/CEP
CES (MS-WSTEP, enrollment) for CA "$ca":
  https://localhost:8443/ces/${ca}_CES_Kerberos/service.svc/CES
  https://localhost:8443/ces/${ca}_CES_UsernamePassword/service.svc/CES
  https://localhost:8443/ces/${ca}_CES_Certificate/service.svc/CES
  https://localhost:8443/ces/KeyBasedRenewal_${ca}_CES_Certificate/service.svc/CES (renewal only)

The lab (AD, KDC and AD CS stand-in) runs beside it: $labdir/lab-status.properties has its
ports, realm, keytabs and krb5.conf; pending requests: lab/lab.sh officer --state=$labdir pending

Check one:  curl --cacert $base/configuration/cews/tls/ca.crt https://localhost:8443/ADPolicyProvider_CEP_Kerberos/service.svc/CEP
Stop:       deploy/run.sh stop
TXT
