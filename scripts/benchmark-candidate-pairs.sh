#!/usr/bin/env bash
# Measures candidate-pair computation for the generated L region in memory and in PostGIS (docs/benchmarks.md).
# Builds the solver and data test classes, then runs the benchmark's main class on the test classpath with a
# PostGIS from scripts/with-postgis.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# Every module of the reactor writes the file; data, built last, leaves its own classpath (with solver's classes).
mvn -B -q -Dstyle.color=never -pl solver,data test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/data/target/benchmark.classpath"
classpath="data/target/test-classes:data/target/classes:$(cat data/target/benchmark.classpath)"
exec bash scripts/with-postgis.sh java -Xmx2g -cp "$classpath" org.fieldplan.data.CandidatePairsBenchmark
