#!/usr/bin/env bash
# Starts the FieldPlan API on http://localhost:${PORT:-8080} with the generated demo region solved at startup.
# Builds the jar first if it is missing or older than the sources. Keys come from the environment; for a local try:
#   FIELDPLAN_STRATEGIST_KEY=dev-strategist FIELDPLAN_ORGANIZER_KEY=dev-organizer bash scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar=api/target/fieldplan-api.jar
if [[ ! -f $jar ]] || [[ -n $(find solver/src data/src api/src pom.xml */pom.xml -newer "$jar" -type f -print -quit) ]]; then
  bash scripts/ensure-build-tools.sh
  mvn -B -q -Dstyle.color=never -DskipTests package -pl api -am
fi
# Precinct uploads are converted with GDAL's ogr2ogr.
bash scripts/ensure-gdal.sh
exec java -jar "$jar" "$@"
