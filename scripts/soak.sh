#!/usr/bin/env bash
# The longer soak of the property-based suites (issue 12): the same properties `mvn verify` runs with a few dozen to
# a few hundred generated cases each, here with TRIES cases per property (default 2000 for the problem inputs; the
# HTTP request sequences get TRIES/10, each sequence being up to four real requests with repairs).
#   bash scripts/soak.sh             TRIES=10000 bash scripts/soak.sh
# jqwik prints "tries = N" per property; the failure database (target/jqwik-database) replays a failing sample first.
set -euo pipefail
cd "$(dirname "$0")/.."
TRIES=${TRIES:-2000}
bash scripts/ensure-build-tools.sh
mvn -B -Dstyle.color=never -pl solver test -Dtest='*Properties' -Djqwik.tries.default="$TRIES"
mvn -B -Dstyle.color=never -pl api -am test -Dtest='ApiRequestProperties' -Dsurefire.failIfNoSpecifiedTests=false \
  -Djqwik.tries.default=$((TRIES / 10))
