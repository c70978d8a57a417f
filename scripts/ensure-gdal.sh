#!/usr/bin/env bash
# Ensures GDAL's ogr2ogr (Debian package gdal-bin), which the data module's precinct importer runs to read any vector
# format (zipped shapefile, GeoJSON, GeoPackage, CSV) in any reference system. Idempotent: does nothing when ogr2ogr
# is already on the PATH. Meant for root on Debian 12 (CI, developer machines); non-interactive.
set -euo pipefail
if command -v ogr2ogr >/dev/null 2>&1; then
  exit 0
fi
echo "ensure-gdal: installing gdal-bin" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends gdal-bin >&2
command -v ogr2ogr >/dev/null
