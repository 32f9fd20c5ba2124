#!/usr/bin/env bash
# Checks that the restore-*.cli scripts undo the configure-*.cli scripts:
#   check-restore.sh <provisioned wildfly> <wildfly-dist.zip> <work dir>
#
# Applies every restore script, in reverse order, to a copy of the provisioned configuration,
# and compares the whole management model with that of the distribution's own standalone.xml.
# Prints the difference and exits 1 if they differ.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
home=${1:?usage: check-restore.sh <provisioned wildfly> <wildfly-dist.zip> <work dir>}
zip=${2:?usage: check-restore.sh <provisioned wildfly> <wildfly-dist.zip> <work dir>}
work=${3:?usage: check-restore.sh <provisioned wildfly> <wildfly-dist.zip> <work dir>}
home=$(realpath "$home"); zip=$(realpath "$zip"); work=$(realpath -m "$work")
restores=(restore-services.cli restore-connector.cli restore-security.cli restore-tls.cli restore-logging.cli)

rm -rf "$work"
mkdir -p "$work/restored" "$work/pristine"
cp -a "$home/standalone/configuration" "$work/restored/"
cp -a "$home/standalone/configuration" "$work/pristine/"
(cd "$work" && jar xf "$zip" "$(jar tf "$zip" | grep -m1 '/standalone/configuration/standalone.xml$')")
cp "$work"/wildfly-*/standalone/configuration/standalone.xml "$work/pristine/configuration/standalone.xml"

# The model of one configuration, read with an embedded (offline) server on its own base dir.
model() {
  local base=$1 script=$2
  {
    echo "embed-server --std-out=discard --server-config=standalone.xml"
    cat "$script"
    echo "reload --admin-only=true"
    echo ":read-resource(recursive=true)"
    echo "stop-embedded-server"
  } > "$base/check.cli"
  JAVA_OPTS="-Djboss.server.base.dir=$base -Djava.awt.headless=true" \
    bash "$home/bin/jboss-cli.sh" --properties="$home/cews-provision.properties" --file="$base/check.cli"
}

: > "$work/restore-all.cli"
for s in "${restores[@]}"; do cat "$here/cli/$s" >> "$work/restore-all.cli"; done
model "$work/restored" "$work/restore-all.cli" > "$work/restored.txt" 2>&1
model "$work/pristine" /dev/null > "$work/pristine.txt" 2>&1

# Keep only the final :read-resource result (the batches print their own outcomes first).
# The base directories differ by name only: write both as BASE.
last_model() {
  awk '/^\{$/{buf=""} {buf=buf $0 "\n"} END{printf "%s", buf}' "$1" | sed "s#$work/[a-z]*#BASE#g"
}
if diff <(last_model "$work/pristine.txt") <(last_model "$work/restored.txt") > "$work/model.diff"; then
  echo "check-restore: the restore scripts give back the distribution's configuration"
else
  echo "check-restore: the restored configuration differs from the distribution's:" >&2
  cat "$work/model.diff" >&2
  exit 1
fi
