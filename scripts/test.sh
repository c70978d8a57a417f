#!/usr/bin/env bash
# The whole test suite: build tools if missing, Chromium and chromedriver for the map page's browser tests, GDAL's
# ogr2ogr for the precinct importer, a PostGIS
# for the integration tests (reused on 127.0.0.1:5432 or a throwaway cluster, stopped afterwards), then mvn verify
# over every module.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-build-tools.sh
bash scripts/ensure-chromium.sh
bash scripts/ensure-gdal.sh
exec bash scripts/with-postgis.sh mvn -B -Dstyle.color=never verify
