#!/usr/bin/env bash
# The organizer's path at field speed, printed as Markdown:
#  1. every day sheet (organizer org-3 and strategist; JSON, CSV, GeoJSON; the strategist's JSON also with every
#     volunteer's link, links=true) under wrk beside /actuator/health, the box's baseline for a trivial answer, at 16
#     and 64 connections, in one run; every request sends Accept-Encoding: gzip, as a browser does;
#  2. repair latency after 20 cancellations on the demo M instance (request to answer, changed assignments);
#  3. repair latency after REPORTS field reports on shifts of the first morning (it has started), each reopening the
#     precinct's later slots;
#  4. a field report on the finished demo job while another job solves for 60 s.
# SHEETS=0 skips part 1 (the wrk runs), e.g. to measure only the repairs on a busy machine.
# Starts its own service on loopback ($JAR, default this tree's api jar; demo region M seed 7 solved at startup) and
# stops it at the end. FIELDPLAN_STORE=postgis with FIELDPLAN_DB_URL/_USER/_PASSWORD (e.g. under
# scripts/with-postgis.sh) measures the PostGIS store. Every wrk run is bounded by DURATION seconds.
#   bash scripts/bench-field-speed.sh
#   bash scripts/with-postgis.sh env FIELDPLAN_STORE=postgis bash scripts/bench-field-speed.sh
#   JAR=/tmp/before/api/target/fieldplan-api.jar bash scripts/bench-field-speed.sh   # another build, same run
set -euo pipefail
source "$(dirname "$0")/lib/cancellations.sh"
cd "$(dirname "$0")/.."

PORT=${PORT:-$((20000 + RANDOM % 20000))}
DURATION=${DURATION:-10}          # seconds per wrk run
WARMUP=${WARMUP:-5}               # seconds of warm-up load per endpoint before measuring
LEVELS=${LEVELS:-"16 64"}         # concurrent connections
CANCELLATIONS=${CANCELLATIONS:-20}
REPORTS=${REPORTS:-10}
SHEETS=${SHEETS:-1}
DEMO_SECONDS=${DEMO_SECONDS:-30}
JAR=${JAR:-api/target/fieldplan-api.jar}
DATE=2026-10-31
S=bench-strategist
O=bench-organizer
BASE="http://127.0.0.1:$PORT"

[[ $SHEETS == 1 ]] && bash scripts/ensure-wrk.sh
if [[ ! -f $JAR ]]; then
  bash scripts/ensure-build-tools.sh
  mvn -B -q -Dstyle.color=never -pl api -am package -DskipTests
fi

log=$(mktemp)
# FIELDPLAN_NOW in the first morning slot: its shifts have started (field reports concern them), the rest of the
# weekend can still be cancelled.
STARTED='-31-am$'
FIELDPLAN_STRATEGIST_KEY=$S FIELDPLAN_ORGANIZER_KEY=$O FIELDPLAN_ORGANIZER_ID=org-3 FIELDPLAN_NOW=${DATE}T10:00 \
  PORT=$PORT java -jar "$JAR" --server.address=127.0.0.1 --fieldplan.demo.seconds="$DEMO_SECONDS" \
  --fieldplan.jobs.queue-length=4 >"$log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true; wait $service 2>/dev/null || true; rm -f "$log"' EXIT

get() { curl -sf -H "X-Api-Key: $1" "$BASE$2"; }
job=""
for _ in $(seq 1 600); do
  job=$(get $S /api/jobs 2>/dev/null | jq -r '[.[] | select(.status=="SOLVED")][0].id // empty' || true)
  [[ -n $job ]] && break
  sleep 1
done
[[ -n $job ]] || { echo "the demo job did not solve; service log:" >&2; tail -n 40 "$log" >&2; exit 1; }

echo "## Field speed: store ${FIELDPLAN_STORE:-memory}, $JAR"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores; load before: $(uptime | sed 's/.*load average/load average/')"
echo
sheets=(
  "health|$S|/actuator/health|"
  "organizer JSON|$O|/api/jobs/$job/assignments?date=$DATE|"
  "organizer CSV|$O|/api/jobs/$job/assignments.csv?date=$DATE|"
  "organizer GeoJSON|$O|/api/jobs/$job/assignments?date=$DATE|application/geo+json"
  "strategist JSON|$S|/api/jobs/$job/assignments?date=$DATE|"
  "strategist JSON, links=true|$S|/api/jobs/$job/assignments?date=$DATE&links=true|"
  "strategist CSV|$S|/api/jobs/$job/assignments.csv?date=$DATE|"
  "strategist GeoJSON|$S|/api/jobs/$job/assignments?date=$DATE|application/geo+json"
)
if [[ $SHEETS == 1 ]]; then
echo "| answer | bytes (gzip) | connections | requests/s | % of health | p99 | × health p99 | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
declare -A health_rps health_p99
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0;
  else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
for entry in "${sheets[@]}"; do
  IFS='|' read -r name key path accept <<<"$entry"
  headers=(-H "X-Api-Key: $key" -H "Accept-Encoding: gzip")
  [[ -n $accept ]] && headers+=(-H "Accept: $accept")
  plain=$(curl -s -o /dev/null -w '%{size_download}' -H "X-Api-Key: $key" ${accept:+-H "Accept: $accept"} "$BASE$path")
  zipped=$(curl -s -o /dev/null -w '%{size_download}' "${headers[@]}" "$BASE$path")
  wrk -t2 -c16 -d"${WARMUP}s" "${headers[@]}" "$BASE$path" >/dev/null
  for connections in $LEVELS; do
    out=$(wrk -t2 -c"$connections" -d"${DURATION}s" --latency "${headers[@]}" "$BASE$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")
    errors=$(awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s ", $0}' <<<"$out")
    if [[ $name == health ]]; then
      health_rps[$connections]=$rps
      health_p99[$connections]=$p99
    fi
    share=$(awk -v a="$rps" -v b="${health_rps[$connections]}" 'BEGIN { printf "%.0f %%", 100 * a / b }')
    ratio=$(awk -v a="$p99" -v b="${health_p99[$connections]}" 'BEGIN { printf "%.2f", a / b }')
    echo "| $name | $plain ($zipped) | $connections | $rps | $share | $p99 ms | $ratio | ${errors:-0} |"
  done
done
echo
echo "Load after the wrk runs: $(uptime | sed 's/.*load average/load average/')"
fi

echo
echo "Repair after a cancellation ($CANCELLATIONS cancellations of different volunteers' first unpinned shift, one"
echo "after another, each timed by curl from request to answer):"
echo
time_cancellations "$BASE" "$S" "$job" "$CANCELLATIONS" "$STARTED"

echo
echo "Repair after a field report ($REPORTS reports of 40 doors on different volunteers' first-morning shifts, one"
echo "after another, each timed by curl from request to answer; each reopens the precinct's later slots):"
echo
time_field_reports "$BASE" "$S" "$job" "$REPORTS" "$STARTED"

echo
echo "A field report on the finished demo job while another job (the demo region, 60 s) solves:"
echo
long=$(curl -s -H "X-Api-Key: $S" -H 'Content-Type: application/json' "$BASE/api/jobs" \
  -d "{\"regionId\":\"demo\",\"from\":\"$DATE\",\"to\":\"2026-11-01\",\"seconds\":60}" | jq -r .id)
for _ in $(seq 1 120); do
  [[ $(get $S "/api/jobs/$long" | jq -r .status) == SOLVING ]] && break
  sleep 0.5
done
read -r volunteer slot < <(get $S "/api/jobs/$job/plan" | jq -r --arg started "$STARTED" \
  '[.assignments[] | select(.slotId|test($started))] | .[-1] | "\(.volunteerId) \(.slotId)"')
answer=$(mktemp)
seconds=$(curl -s -o "$answer" -w '%{time_total}' -H "X-Api-Key: $S" -H 'Content-Type: application/json' \
  "$BASE/api/jobs/$job/field-reports" \
  -d "{\"volunteerId\":\"$volunteer\",\"slotId\":\"$slot\",\"doorsKnocked\":30,\"contacts\":8}")
echo "- other job $long: $(get $S "/api/jobs/$long" | jq -r .status) while the report was answered"
echo "- field report $volunteer on $slot: answered in $seconds s, mode $(jq -r .mode "$answer"),"\
  "appliedAt $(jq -r '.appliedAt // "-"' "$answer"), $(jq '.changes | length' "$answer") changed assignments"
rm -f "$answer"
curl -s -o /dev/null -X POST -H "X-Api-Key: $S" "$BASE/api/jobs/$long/terminate"
