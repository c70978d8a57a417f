#!/usr/bin/env bash
# The tracked benchmark suite: builds the benchmarks module, runs generated S, M, M_HEAVY, L (XL with --xl) and the
# real regions Rhode Island, New Hampshire and Connecticut (needs ../shared/data; CT's shapefile is converted with
# GDAL's ogr2ogr), each with the default weights and votes-only, reads every plan against the flow upper bound, and
# writes out/bench-suite/result.json and summary.md with SVG charts. Arguments pass through, e.g. --seconds 10,
# --seconds S=5,L=30, --only S,M,RI_VOTES, --xl, --out DIR, --candidates 80, --no-bound, --solver-config FILE
# (an OptaPlanner XML in place of the product's, to compare search settings), --figures benchmarks/figures.json
# (then refresh its suite rows and the current-figures table of docs/benchmarks.md). JVM options:
# $BENCH_JAVA_OPTS (default -Xmx8g; the peak heap figures depend on it).
#   scripts/bench-suite.sh [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-build-tools.sh
bash scripts/ensure-gdal.sh
mvn -B -Dstyle.color=never -q -DskipTests -pl solver,benchmarks -am package
# shellcheck disable=SC2086  # the options are meant to split into words
java ${BENCH_JAVA_OPTS:--Xmx8g} -cp benchmarks/target/benchmarks.jar \
  org.fieldplan.benchmarks.suite.BenchmarkSuite "$@"
