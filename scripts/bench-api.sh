#!/usr/bin/env bash
# Measures the API on loopback and prints a Markdown report:
#  1. throughput and latency of the daily-assignments endpoint (JSON and CSV) under wrk at several concurrency
#     levels, after a warm-up;
#  2. re-plan latency after a cancellation on the demo M instance: wall time from POST /cancellations to the
#     repaired plan's answer, over CANCELLATIONS cancellations (median and max).
# Starts its own service (the shaded api jar, in-memory store, demo region M seed 7) on $PORT and stops it at the end.
#   bash scripts/bench-api.sh            # defaults below
#   DURATION=30 LEVELS="1 8 32" bash scripts/bench-api.sh
set -euo pipefail
source "$(dirname "$0")/lib/cancellations.sh"
cd "$(dirname "$0")/.."

PORT=${PORT:-18080}
DURATION=${DURATION:-15}            # seconds per wrk run
WARMUP=${WARMUP:-15}                # seconds of warm-up load (JIT, caches) before measuring
LEVELS=${LEVELS:-"1 4 16 64"}       # concurrent connections
THREADS=${THREADS:-2}               # wrk threads (the machine has 2 cores)
CANCELLATIONS=${CANCELLATIONS:-10}
REPAIR_MAX_MILLIS=${REPAIR_MAX_MILLIS:-1500} # the service's default fieldplan.solve.repair.max-millis
DEMO_SECONDS=${DEMO_SECONDS:-30}    # how long the demo plan is solved at startup
DATE=2026-10-31
KEY=bench-strategist
BASE="http://127.0.0.1:$PORT"

bash scripts/ensure-wrk.sh
jar=api/target/fieldplan-api.jar
if [[ ! -f $jar ]]; then
  bash scripts/ensure-build-tools.sh
  mvn -B -q -Dstyle.color=never -pl api -am package -DskipTests
fi

log=$(mktemp)
# FIELDPLAN_NOW before the demo weekend: no shift has started, so every assignment can be cancelled.
FIELDPLAN_STRATEGIST_KEY=$KEY FIELDPLAN_NOW=${DATE}T08:00 PORT=$PORT java -jar "$jar" \
  --fieldplan.demo.seconds="$DEMO_SECONDS" --fieldplan.solve.repair.max-millis="$REPAIR_MAX_MILLIS" >"$log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true; wait $service 2>/dev/null || true; rm -f "$log"' EXIT

get() { curl -sf -H "X-Api-Key: $KEY" "$BASE$1"; }
job=""
for _ in $(seq 1 600); do
  job=$(get /api/jobs 2>/dev/null | jq -r '[.[] | select(.status=="SOLVED")][0].id // empty' || true)
  [[ -n $job ]] && break
  sleep 1
done
[[ -n $job ]] || { echo "the demo job did not solve; service log:" >&2; tail -n 40 "$log" >&2; exit 1; }
rows=$(get "/api/jobs/$job/assignments?date=$DATE" | jq '.assignments | length')

echo "## API on loopback ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1))"
echo
json_bytes=$(curl -s -o /dev/null -w '%{size_download}' -H "X-Api-Key: $KEY" "$BASE/api/jobs/$job/assignments?date=$DATE")
csv_bytes=$(curl -s -o /dev/null -w '%{size_download}' -H "X-Api-Key: $KEY" "$BASE/api/jobs/$job/assignments.csv?date=$DATE")
echo "Demo job $job: $rows assignment rows on $DATE (strategist key: every organizer's volunteers);"
echo "one answer is $json_bytes bytes as JSON (with precinct polygons), $csv_bytes bytes as CSV."
echo
wrk -t"$THREADS" -c16 -d"${WARMUP}s" -H "X-Api-Key: $KEY" "$BASE/api/jobs/$job/assignments?date=$DATE" >/dev/null
wrk -t"$THREADS" -c16 -d"${WARMUP}s" -H "X-Api-Key: $KEY" "$BASE/api/jobs/$job/assignments.csv?date=$DATE" >/dev/null

echo "| format | connections | requests/s | p50 | p99 | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for format in json csv; do
  path="/api/jobs/$job/assignments?date=$DATE"
  [[ $format == csv ]] && path="/api/jobs/$job/assignments.csv?date=$DATE"
  for connections in $LEVELS; do
    threads=$(( connections < THREADS ? connections : THREADS ))
    out=$(wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency -H "X-Api-Key: $KEY" "$BASE$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s ", $0}' <<<"$out")
    echo "| $format | $connections | $rps | $p50 | $p99 | ${errors:-0} |"
  done
done

echo
echo "Re-plan after a cancellation (repair at most ${REPAIR_MAX_MILLIS} ms, $CANCELLATIONS cancellations of different"
echo "volunteers' first assigned shift, one after another):"
echo
time_cancellations "$BASE" "$KEY" "$job" "$CANCELLATIONS"
