#!/usr/bin/env bash
# Road network against straight line on Franklin County, Ohio, for docs/benchmarks.md: the routing graph of
# ../shared/data/osm/columbus.osm.pbf built from nothing plus the travel table of 3,000 census-placed volunteers
# (in a 2 GB heap), pairs whose reachability flips, the straight-line error in minutes, and the two plans solved for
# SECONDS each (default 60; 0 skips them).
#   bash scripts/bench-roads.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d ../shared/data/osm ] || { echo "bench-roads: ../shared/data/osm is missing (see its README)" >&2; exit 1; }
bash scripts/ensure-build-tools.sh
bash scripts/ensure-gdal.sh
mvn -B -Dstyle.color=never -q -DskipTests -pl data -am package
mvn -B -Dstyle.color=never -q -pl solver,data,benchmarks compile
echo "== $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), $(nproc) cores, load: $(uptime | sed 's/.*load average: //')"
# The data jar (solver, data, GraphHopper) and this module's classes only: the benchmarks jar also holds OR-Tools,
# whose newer protobuf breaks GraphHopper's PBF reader.
java ${BENCH_JAVA_OPTS:--Xmx2g} -cp data/target/fieldplan.jar:benchmarks/target/classes \
  org.fieldplan.benchmarks.RoadTravelBenchmark "${1:-60}"
