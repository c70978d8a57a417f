#!/usr/bin/env bash
# Runs the data command line (imports into the PostGIS database named by FIELDPLAN_DB_URL, or --dry-run without one)
# after making sure its tools are here: Java/Maven, GDAL's ogr2ogr for precinct files of any format, and the jar
# (rebuilt when older than the sources). Arguments go to fieldplan-data unchanged, e.g.
#   scripts/fieldplan-data.sh import-precincts --region ct --file ../shared/data/precincts/CT_precincts.zip \
#     --mapping docs/mappings/connecticut.json --dry-run
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/data/target/fieldplan-data.jar
bash "$root/scripts/ensure-gdal.sh"
# File arguments stay relative to the caller's directory: only the build runs in the repository.
if [[ ! -f $jar ]] || [[ -n $(cd "$root" && find solver/src data/src pom.xml ./*/pom.xml -newer "$jar" -type f -print -quit) ]]; then
  (cd "$root" && bash scripts/ensure-build-tools.sh && mvn -B -q -Dstyle.color=never -DskipTests package -pl data -am >&2)
fi
exec java -jar "$jar" "$@"
