#!/usr/bin/env bash
# The whole test suite: build tools if missing, Chromium and chromedriver for the map page's browser tests, GDAL's
# ogr2ogr for the precinct importer, a PostGIS for the integration tests (reused on 127.0.0.1:5432 or a throwaway
# cluster, stopped afterwards), then mvn verify over every module (with a bounded soak of the property-based suites), then Redocly's recommended rules on the
# OpenAPI document the API tests wrote (scripts/lint-openapi.sh installs the pinned @redocly/cli with npm).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-build-tools.sh
bash scripts/ensure-chromium.sh
bash scripts/ensure-gdal.sh
bash scripts/with-postgis.sh mvn -B -Dstyle.color=never verify
bash scripts/lint-openapi.sh
