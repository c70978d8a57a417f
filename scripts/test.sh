#!/usr/bin/env bash
# The whole test suite: build tools, a PostGIS for the integration tests, then mvn verify.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-build-tools.sh
mvn -B -Dstyle.color=never verify
