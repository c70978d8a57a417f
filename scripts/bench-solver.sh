#!/usr/bin/env bash
# Solver figures for docs/benchmarks.md: Rhode Island (real precincts, 2,000 census-placed volunteers) and the
# generated L region, each solved for SECONDS (default 60) after the greedy baseline. Needs ../shared/data.
#   scripts/bench-solver.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shared="../shared/data"
[ -d "$shared" ] || { echo "bench-solver: $shared is missing (see its README)" >&2; exit 1; }
mvn -B -Dstyle.color=never -q -DskipTests -pl data -am package
cli=(java -Xmx8g -jar data/target/fieldplan.jar)
mkdir -p out/bench
"${cli[@]}" import real --region ri --file "$shared/precincts/ri-precincts.geojson" --mapping rhode-island \
  --census "$shared/census/cenpop2020_bg_RI.csv" --volunteers 2000 --seed 7 --out out/bench/ri.json
"${cli[@]}" generate --size L --seed 7 --out out/bench/l.json
for problem in ri l; do
  echo "== $problem: $(nproc) cores, $(java -version 2>&1 | head -1)"
  timer=(); [ -x /usr/bin/time ] && timer=(/usr/bin/time -f "  peak resident memory %M KB, wall %e s")
  "${timer[@]}" \
    "${cli[@]}" solve --problem "out/bench/$problem.json" --seconds "$seconds" --out "out/bench/$problem-plan.json" \
    | sed -n '/^plan /,$p'
done
