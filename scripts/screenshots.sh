#!/usr/bin/env bash
# Retakes the map page's screenshots in docs/screenshots (README "Map page"): runs the page's browser tests, which
# save them along the way (they never assert on pixels).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-build-tools.sh
bash scripts/ensure-chromium.sh
mvn -B -Dstyle.color=never -q -pl api -am test -Dtest='MapPageTest,VolunteerPageTest,StreetsLayerTest,SignUpPageTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfieldplan.screenshots="$PWD/docs/screenshots"
ls -l docs/screenshots
