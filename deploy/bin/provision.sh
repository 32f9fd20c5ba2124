#!/usr/bin/env bash
# Provision a WildFly for cews from the distribution zip:
#   provision.sh <wildfly-dist.zip> <target-dir> [properties-file]
#
# 1. unpack the zip into <target-dir> (fresh every time the inputs change);
# 2. generate the TLS material (bin/gen-tls.sh) into standalone/configuration/cews/tls;
# 3. install the static module org.cews.epa (extended protection for SPNEGO, assembled by
#    deploy/pom.xml in target/modules) and the JVM option it needs in bin/standalone.conf;
# 4. apply the configure-*.cli scripts to standalone.xml with an embedded (offline) server.
#
# The properties file (default: env/cews.properties) gives the values the CLI scripts use.
# Nothing is done when the zip, the scripts and the properties are the ones of the last run.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
zip=${1:?usage: provision.sh <wildfly-dist.zip> <target-dir> [properties-file]}
dest=${2:?usage: provision.sh <wildfly-dist.zip> <target-dir> [properties-file]}
props=${3:-$here/env/cews.properties}

# The order matters: TLS before the listeners that use it, security before the WARs need it.
scripts=(configure-logging.cli configure-tls.cli configure-security.cli configure-connector.cli configure-services.cli)

# The static module org.cews.epa: its jar and module.xml, as deploy/pom.xml assembled them.
epa_module="$here/target/modules/org/cews/epa/main"
[ -f "$epa_module/module.xml" ] && [ -f "$epa_module/cews-http-epa.jar" ] \
  || { echo "provision: $epa_module is incomplete; build with: mvn -pl deploy -am package" >&2; exit 1; }

# Copied on every run, also when the rest is up to date: the jar changes with every build of
# http-epa (its entries carry build times), and needs neither a fresh unpack nor the CLI scripts.
install_epa_module() {
  mkdir -p "$dest/modules/org/cews/epa/main"
  cp "$epa_module/module.xml" "$epa_module/cews-http-epa.jar" "$dest/modules/org/cews/epa/main/"
}

fingerprint=$( {
  basename "$zip"; stat -c %s "$zip"
  cat "$here/bin/provision.sh" "$here/bin/gen-tls.sh" "$props"
  cat "$epa_module/module.xml"
  for s in "${scripts[@]}"; do cat "$here/cli/$s"; done
} | sha256sum | cut -d' ' -f1)

if [ -f "$dest/.cews-provisioned" ] && [ "$(cat "$dest/.cews-provisioned")" = "$fingerprint" ]; then
  install_epa_module
  echo "provision: $dest is up to date"
  exit 0
fi

echo "provision: unpacking $(basename "$zip") into $dest"
rm -rf "$dest" "$dest.unpack"
mkdir -p "$dest.unpack"
# jar is part of every JDK; unzip may not be installed.
(cd "$dest.unpack" && jar xf "$zip")
mv "$dest.unpack"/wildfly-* "$dest"
rmdir "$dest.unpack"
chmod +x "$dest"/bin/*.sh

# Extended protection (docs/AUTHENTICATION.md §2.1): the module whose SPNEGO mechanism checks
# channel bindings, and the JVM option without which it cannot build them the way Windows and MIT
# encode them (docs/WILDFLY-AUTH.md §7.3; the mechanism then refuses every Negotiate where bindings
# are required). standalone.sh reads standalone.conf; the line applies whatever JAVA_OPTS the
# environment sets.
install_epa_module
cat >> "$dest/bin/standalone.conf" <<'CONF'

# cews (deploy/bin/provision.sh): extended protection for SPNEGO builds the JDK's channel binding
# of type 0 (sun.security.jgss.krb5.internal.TlsChannelBindingImpl), as Windows and MIT clients send it.
JAVA_OPTS="$JAVA_OPTS --add-exports=java.security.jgss/sun.security.jgss.krb5.internal=ALL-UNNAMED"
CONF

config="$dest/standalone/configuration"
tls_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
san=$(sed -n 's/^cews\.tls\.san=//p' "$props")
bash "$here/bin/gen-tls.sh" "$config/cews/tls" "$tls_password" "${san:-dns:localhost,ip:127.0.0.1}"

# The key that signs the CES's pending-request references (docs/WSTEP.md), unless the admin's
# properties name a key file of their own (every CES node of a cluster must share it): 32 random
# bytes, base64, readable by the server's account only.
pending_keys=$(sed -n 's/^cews\.ces\.pendingKeyFile=//p' "$props")
if [ -z "$pending_keys" ]; then
  pending_keys="$config/cews/ces-pending.keys"
  (umask 077 && head -c 32 /dev/urandom | base64 > "$pending_keys")
fi

# Values for the scripts: the admin's properties plus what provisioning generated.
effective="$dest/cews-provision.properties"
{
  # ${cews.deploy.dir} in a value: this deploy directory (the lab's state is under target/lab).
  sed -e "s#\${cews.deploy.dir}#$here#g" -e '/^cews\.ces\.pendingKeyFile=/d' "$props"
  echo "cews.tls.password=$tls_password"
  echo "cews.ces.pendingKeyFile=$pending_keys"
} > "$effective"
chmod 600 "$effective"

# Let the CLI resolve ${...} in parameter values from --properties (by default it would pass
# them to the server as expressions, which need server-side system properties).
sed -i 's#<resolve-parameter-values>false</resolve-parameter-values>#<resolve-parameter-values>true</resolve-parameter-values>#' \
  "$dest/bin/jboss-cli.xml"

batch="$dest/cews-provision.cli"
{
  echo "embed-server --std-out=discard --server-config=standalone.xml"
  for s in "${scripts[@]}"; do
    echo "# ---- $s"
    cat "$here/cli/$s"
  done
  echo "stop-embedded-server"
} > "$batch"

echo "provision: applying ${scripts[*]}"
if ! JAVA_OPTS="-Djava.awt.headless=true" bash "$dest/bin/jboss-cli.sh" \
    --properties="$effective" --file="$batch" > "$dest/cews-provision.log" 2>&1; then
  cat "$dest/cews-provision.log" >&2
  echo "provision: the CLI scripts failed (log: $dest/cews-provision.log)" >&2
  exit 1
fi

echo "$fingerprint" > "$dest/.cews-provisioned"
echo "provision: WildFly ready in $dest"
