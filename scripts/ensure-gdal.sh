#!/usr/bin/env bash
# Ensures GDAL's ogr2ogr (Debian package gdal-bin), which converts shapefiles such as Connecticut's precincts to
# GeoJSON in WGS84. Idempotent; meant for root on Debian 12 (CI, developer machines).
set -euo pipefail
command -v ogr2ogr >/dev/null && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q gdal-bin
