#!/usr/bin/env bash
# Runs a command with a PostGIS test database: scripts/with-postgis.sh mvn -B test
# Exports FIELDPLAN_DB_URL, FIELDPLAN_DB_USER and FIELDPLAN_DB_PASSWORD for the command, stops any cluster it
# started when it exits, and returns the command's exit code.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
env_file=$(mktemp)
trap 'rm -f "$env_file"; "$here/ensure-postgis.sh" stop' EXIT
# Turn signals into a normal exit so the EXIT trap stops the cluster.
trap 'exit 130' INT
trap 'exit 143' TERM
"$here/ensure-postgis.sh" start >"$env_file"
# shellcheck disable=SC1090
source "$env_file"
set +e
"$@"
rc=$?
set -e
exit "$rc"
