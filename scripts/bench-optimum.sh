#!/usr/bin/env bash
# Quality against the optimum: CP-SAT (OR-Tools) proves optimal plans of small generated instances and FieldPlan's
# plans after 1, 10 and 60 s are reported as a percentage of them, with the greedy baseline's; larger instances get
# CP-SAT's best plan and bound. Writes out/bench-optimum/result.json and summary.md. Arguments pass through, e.g.
# --sizes 6x12,10x20 --large S,M --seeds 2 --cpsat-seconds 300 --workers 2 --fieldplan-seconds 60 --out DIR.
# Defaults run about 30-60 min. JVM options: $BENCH_JAVA_OPTS (default -Xmx8g).
#   scripts/bench-optimum.sh [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-build-tools.sh
mvn -B -Dstyle.color=never -q -DskipTests -pl solver,benchmarks -am package
# shellcheck disable=SC2086  # the options are meant to split into words
java ${BENCH_JAVA_OPTS:--Xmx8g} -cp benchmarks/target/benchmarks.jar \
  org.fieldplan.benchmarks.optimum.OptimumComparison "$@"
