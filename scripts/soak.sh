#!/usr/bin/env bash
# The longer soak of the property-based suites: the same properties `mvn verify` runs with a few to a few
# hundred generated cases each, here with TRIES cases per property (default 2000 for the problem inputs; the HTTP
# request sequences get TRIES/10, each sequence being up to four real requests with repairs; the sequences with
# restarts on PostGIS get TRIES/100, at least 1, each restarting the service one to four times, about 10 s a restart).
#   bash scripts/soak.sh             TRIES=10000 bash scripts/soak.sh
# jqwik prints "tries = N" per property; the failure database (target/jqwik-database) replays a failing sample first.
set -euo pipefail
cd "$(dirname "$0")/.."
TRIES=${TRIES:-2000}
restart_tries=$((TRIES / 100 > 0 ? TRIES / 100 : 1))
bash scripts/ensure-build-tools.sh
mvn -B -Dstyle.color=never -pl solver,data -am test -Dtest='*Properties' -Dsurefire.failIfNoSpecifiedTests=false -Djqwik.tries.default="$TRIES"
bash scripts/with-postgis.sh mvn -B -Dstyle.color=never -pl api -am test \
  -Dtest='ApiRequestProperties,RestartSequenceProperties' -Dsurefire.failIfNoSpecifiedTests=false \
  -Djqwik.tries.default=$((TRIES / 10)) -Dfieldplan.soak.restart-tries="$restart_tries"
