#!/usr/bin/env bash
# Prints every figure of a suite result against a baseline and flags regressions beyond noise; exit code 1 when
# something regressed. Builds the benchmarks module when its jar is missing. Extra arguments set thresholds, e.g.
# --throughput-drop 10 --time-rise 20 --time-slack-ms 200 --votes-drop 0.5 --heap-rise 25 --heap-slack-mib 64.
#   scripts/bench-compare.sh BASELINE.json CURRENT.json [THRESHOLDS...]
#   scripts/bench-compare.sh benchmarks/baseline/result.json out/bench-suite/result.json
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: scripts/bench-compare.sh BASELINE.json CURRENT.json [THRESHOLDS...]" >&2; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -Dstyle.color=never -q -DskipTests -pl solver,benchmarks -am package)
fi
exec java -cp "$jar" org.fieldplan.benchmarks.suite.CompareResults "$@"
