#!/usr/bin/env bash
# The live plan at field speed, printed as Markdown:
#  1. ACTIONS organizer actions of org-3 on region demo's live plan (M), one after another: lock, unlock, a note and a
#     move to another precinct in the same slot (sent with "accept": true when the rule check refuses it; the refusal is
#     not timed), each on one of org-3's shifts, so each makes a version. For each: curl's time to the answer, and the
#     time from the request's start until a second board (the strategist, a Python client on
#     GET /api/regions/demo/live/events) received the `version` event of that version. Targets: median ≤ 1 s, max ≤ 2 s.
#  2. Two new solves of the demo region (the same days, SOLVE_SECONDS each), then PUBLISHES publishes
#     (POST /api/regions/demo/live {jobId}, alternating the two jobs): curl's time to the answer and the time until the
#     board received the publish's event. Target: ≤ 2 s.
# Starts its own service on loopback ($JAR, default this tree's api jar; demo region M seed 7 solved and published at
# startup, FIELDPLAN_NOW=2026-10-31T08:00 so every shift of the weekend is still ahead) and stops it at the end.
# FIELDPLAN_STORE=postgis with FIELDPLAN_DB_URL/_USER/_PASSWORD (e.g. under scripts/with-postgis.sh) measures the
# PostGIS store. Needs curl, jq and python3.
#   bash scripts/bench-live.sh
#   bash scripts/with-postgis.sh env FIELDPLAN_STORE=postgis bash scripts/bench-live.sh
#   JAR=/tmp/before/api/target/fieldplan-api.jar bash scripts/bench-live.sh   # another build, same run
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-$((20000 + RANDOM % 20000))}
ACTIONS=${ACTIONS:-20}
PUBLISHES=${PUBLISHES:-4}
SOLVE_SECONDS=${SOLVE_SECONDS:-10}
DEMO_SECONDS=${DEMO_SECONDS:-10}
JAR=${JAR:-api/target/fieldplan-api.jar}
DATE=2026-10-31
S=bench-strategist
O=bench-organizer
BASE="http://127.0.0.1:$PORT"
L="$BASE/api/regions/demo/live"

if [[ ! -f $JAR ]]; then
  bash scripts/ensure-build-tools.sh
  mvn -B -q -Dstyle.color=never -DskipTests package -pl api -am
fi

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d)
log=$work/service.log
events=$work/events.txt
FIELDPLAN_STRATEGIST_KEY=$S FIELDPLAN_ORGANIZER_KEY=$O FIELDPLAN_ORGANIZER_ID=org-3 FIELDPLAN_NOW=${DATE}T08:00 \
  PORT=$PORT java -jar "$JAR" --server.address=127.0.0.1 --fieldplan.demo.seconds="$DEMO_SECONDS" \
  --fieldplan.jobs.queue-length=4 >"$log" 2>&1 &
service=$!
board=""
cleanup() {
  [[ -n $board ]] && { kill "$board" 2>/dev/null || true; wait "$board" 2>/dev/null || true; }
  kill $service 2>/dev/null || true
  wait $service 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

get() { curl -sf -H "X-Api-Key: $1" "$BASE$2"; }
now() { date +%s.%N; }
version=""
for _ in $(seq 1 600); do
  version=$(get $S /api/regions/demo/live 2>/dev/null | jq -r '.number // empty' || true)
  [[ -n $version ]] && break
  sleep 1
done
[[ -n $version ]] || { echo "region demo got no live plan; service log:" >&2; tail -n 40 "$log" >&2; exit 1; }

# The second board: the strategist's event stream, each line of data stamped with the time it arrived.
python3 -u - "$L/events" "$S" >"$events" 2>"$work/board.err" <<'PY' &
import json, sys, time, urllib.request
request = urllib.request.Request(sys.argv[1], headers={"X-Api-Key": sys.argv[2], "Accept": "text/event-stream"})
with urllib.request.urlopen(request) as stream:
    print("open", "%.6f" % time.time(), flush=True)
    for raw in stream:
        line = raw.decode().rstrip("\r\n")
        if line.startswith("data:"):
            event = json.loads(line[5:])
            print("%.6f" % time.time(), event["version"], event["kind"], flush=True)
PY
board=$!
# seen START VERSION: seconds from START until the board received VERSION's event (waits up to 10 s; "-" if never).
seen() {
  local start=$1 number=$2 at=""
  for _ in $(seq 1 200); do
    at=$(awk -v v="$number" '$2 == v { print $1; exit }' "$events")
    [[ -n $at ]] && break
    sleep 0.05
  done
  if [[ -n $at ]]; then awk -v a="$at" -v s="$start" 'BEGIN { printf "%.3f", a - s }'; else echo "-"; fi
}
# summary WHAT: seconds on stdin, one a line ("-" counted as missing); prints median and max.
summary() {
  awk '$1 != "-"' | sort -n | awk -v what="$1" '{a[NR]=$1} END {
    if (NR == 0) { printf "%s: none\n", what; exit }
    median = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    printf "%s: median %.3f s, max %.3f s (min %.3f s, %d values)\n", what, median, a[NR], a[1], NR }'
}

echo "## Live plan: organizer actions and publishing; store ${FIELDPLAN_STORE:-memory}, $JAR"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo -), $(nproc) cores;" \
  "load average at the start: $load_start; live plan version $version"
echo

# org-3's shifts of the first day, with the precincts of the other shifts of their slot (move targets).
shifts=$work/shifts.txt
get $O "/api/regions/demo/live/assignments?date=$DATE" | jq -r '.assignments as $all | $all[]
  | . as $a | "\(.volunteerId) \(.slotId) \(.precinct.id) \([$all[] | select(.slotId == $a.slotId
  and .precinct.id != $a.precinct.id) | .precinct.id] | unique | join(","))"' >"$shifts"
[[ -s $shifts ]] || { echo "org-3 has no shifts on $DATE" >&2; exit 1; }
mapfile -t picks <"$shifts"

# The stream's headers come with its first event: a note on org-3's last shift of the day (not one the actions touch)
# until the board has one, which also warms the service up.
read -r volunteer slot _ <<<"${picks[-1]}"
for w in $(seq 1 20); do
  curl -s -o /dev/null -H "X-Api-Key: $O" -H 'Content-Type: application/json' "$L/notes" \
    -d "{\"volunteerId\":\"$volunteer\",\"slotId\":\"$slot\",\"text\":\"bench warm-up $w\"}"
  sleep 0.5
  grep -q '^open' "$events" && break
done
grep -q '^open' "$events" || { echo "the board's event stream did not open:" >&2; cat "$work/board.err" >&2; exit 1; }

echo "Organizer actions ($ACTIONS, org-3, one after another; \"answer\": curl from request to answer; \"seen\": from the"
echo "request's start until the strategist's open board received the version's event):"
echo
echo "| # | action | shift | HTTP | answer s | version | seen s | note |"
echo "| ---: | --- | --- | ---: | ---: | ---: | ---: | --- |"
answers=$work/answers.txt
seens=$work/seens.txt
: >"$answers"
: >"$seens"
kinds=(lock unlock note move)
for i in $(seq 0 $((ACTIONS - 1))); do
  kind=${kinds[$((i % 4))]}
  read -r volunteer slot precinct others <<<"${picks[$(((i / 4) % ${#picks[@]}))]}"
  note=""
  case $kind in
    lock | unlock) path=$kind body="{\"volunteerId\":\"$volunteer\",\"slotId\":\"$slot\"}" ;;
    note) path=notes body="{\"volunteerId\":\"$volunteer\",\"slotId\":\"$slot\",\"text\":\"bench note $i\"}" ;;
    move)
      path=move
      target=${others%%,*}
      body="{\"volunteerId\":\"$volunteer\",\"slotId\":\"$slot\",\"toPrecinctId\":\"$target\""
      refused=$(curl -s -H "X-Api-Key: $O" -H 'Content-Type: application/json' "$L/move" -d "$body}")
      if [[ $(jq -r '.status // empty' <<<"$refused") == 409 ]]; then
        note="to $target, refused first: $(jq -r .detail <<<"$refused" | sed 's/; send.*//; s/the change breaks the //')"
        body="$body,\"accept\":true}"
      else
        note="to $target, not refused"
        # it went through already: time the move back to where it was instead
        body="{\"volunteerId\":\"$volunteer\",\"slotId\":\"$slot\",\"toPrecinctId\":\"$precinct\",\"accept\":true}"
        sleep 0.3
      fi
      ;;
  esac
  answer=$work/answer.json
  start=$(now)
  read -r code seconds < <(curl -s -o "$answer" -w '%{http_code} %{time_total}\n' -H "X-Api-Key: $O" \
    -H 'Content-Type: application/json' "$L/$path" -d "$body")
  number=$(jq -r '.version.number // empty' "$answer" 2>/dev/null || true)
  if [[ $code == 200 && -n $number ]]; then
    seen_s=$(seen "$start" "$number")
    echo "$seconds" >>"$answers"
    echo "$seen_s" >>"$seens"
  else
    seen_s="-"
    note="$note $(jq -r '.detail // empty' "$answer" 2>/dev/null | head -c 120)"
  fi
  echo "| $((i + 1)) | $kind | $volunteer@$slot | $code | $seconds | ${number:--} | $seen_s | $note |"
  sleep 0.2
done
echo
summary "Organizer action, answered" <"$answers"
echo
summary "Organizer action, seen on the other board" <"$seens"
echo
missing=$(grep -c '^-$' "$seens" || true)
echo "Events not received within 10 s: $missing of $(wc -l <"$seens")."

echo
echo "Two new solves of the demo region ($DATE to 2026-11-01, $SOLVE_SECONDS s each, one after another):"
echo
jobs=()
for _ in 1 2; do
  id=$(curl -s -H "X-Api-Key: $S" -H 'Content-Type: application/json' "$BASE/api/jobs" \
    -d "{\"regionId\":\"demo\",\"from\":\"$DATE\",\"to\":\"2026-11-01\",\"seconds\":$SOLVE_SECONDS}" | jq -r .id)
  for _ in $(seq 1 600); do
    status=$(get $S "/api/jobs/$id" | jq -r .status)
    [[ $status != QUEUED && $status != SOLVING ]] && break
    sleep 0.5
  done
  echo "- job $id: $status"
  jobs+=("$id")
done
echo
echo "Publishing (POST /api/regions/demo/live {jobId}, strategist, alternating the two jobs; each carries over the"
echo "notes above; every lock was unlocked again):"
echo
echo "| # | job | HTTP | answer s | version | seen s | reason |"
echo "| ---: | --- | ---: | ---: | ---: | ---: | --- |"
: >"$answers"
: >"$seens"
for i in $(seq 0 $((PUBLISHES - 1))); do
  id=${jobs[$((i % 2))]}
  answer=$work/answer.json
  start=$(now)
  read -r code seconds < <(curl -s -o "$answer" -w '%{http_code} %{time_total}\n' -H "X-Api-Key: $S" \
    -H 'Content-Type: application/json' "$L" -d "{\"jobId\":\"$id\"}")
  number=$(jq -r '.number // empty' "$answer" 2>/dev/null || true)
  if [[ $code == 201 && -n $number ]]; then
    seen_s=$(seen "$start" "$number")
    echo "$seconds" >>"$answers"
    echo "$seen_s" >>"$seens"
    reason=$(jq -r '.reason' "$answer" | sed 's/^published job [^ ]* //' | head -c 160)
  else
    seen_s="-"
    reason=$(jq -r '.detail // empty' "$answer" 2>/dev/null | head -c 160)
  fi
  echo "| $((i + 1)) | ${id:0:8} | $code | $seconds | ${number:--} | $seen_s | $reason |"
  sleep 0.5
done
echo
summary "Publish, answered" <"$answers"
echo
summary "Publish, seen on the other board" <"$seens"
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (at the start: $load_start)."
