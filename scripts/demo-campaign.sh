#!/usr/bin/env bash
# A national weekend past one machine: generated regions are imported into one PostGIS, THREE FieldPlan instances
# share its job queue, ONE campaign (POST /api/campaigns) fans out a job per region, one instance is killed with
# kill -9 mid-run (its region is taken over by another instance once its lease runs out) and the campaign finishes.
# Prints the wall time, each instance's peak memory (VmHWM, /proc/PID/status), each region's score, expected votes
# and % of the max-gain flow bound, and what the database did (connections, WAL, rows written).
#   bash scripts/demo-campaign.sh                                   # 10 L regions: 50,000 precincts, 200,000 volunteers
#   SIZES="M M M M" SECONDS_PER_REGION=20 bash scripts/demo-campaign.sh       # 4 × 400 precincts: a few minutes
# Settings (environment): SIZES (generator sizes, one region each: S 50/100, M 400/2,000, L 5,000/20,000,
# XL 20,000/80,000 precincts/volunteers), SECONDS_PER_REGION (60), PUBLISH (true: each region's plan goes live),
# BOUND (true: compute each region's flow bound after the run), INSTANCE_JAVA_OPTS (-Xmx4g), POOL_SIZE (16 database
# connections per instance).
# Uses the PostGIS of FIELDPLAN_DB_URL when set, else a throwaway cluster (scripts/with-postgis.sh), with a fresh
# database that is dropped at the end. Instance logs go to a temp directory (printed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${FIELDPLAN_DB_URL:-}" ]]; then
  exec bash scripts/with-postgis.sh bash "$0" "$@"
fi

read -r -a sizes <<<"${SIZES:-L L L L L L L L L L}"
seconds=${SECONDS_PER_REGION:-60}
publish=${PUBLISH:-true}
bound=${BOUND:-true}
java_opts=${INSTANCE_JAVA_OPTS:--Xmx4g}
# A region's build runs its candidate-pair queries in parallel beside the message senders, leases and the
# campaign's own reads: the default pool of 8 ran dry on L regions; three instances of 16 stay under PostgreSQL's 100.
pool_size=${POOL_SIZE:-16}
declare -A precincts_of=([S]=50 [M]=400 [L]=5000 [XL]=20000) volunteers_of=([S]=100 [M]=2000 [L]=20000 [XL]=80000)

jar=api/target/fieldplan-api.jar
cli=data/target/fieldplan.jar
bench=benchmarks/target/benchmarks.jar
modules=api
[[ $bound == true ]] && modules=api,benchmarks
if [[ ! -f $jar || ! -f $cli || ( $bound == true && ! -f $bench ) ]] \
    || [[ -n $(find solver/src data/src api/src benchmarks/src pom.xml */pom.xml -newer "$jar" -type f -print -quit) ]]; then
  bash scripts/ensure-build-tools.sh
  mvn -B -q -Dstyle.color=never -DskipTests package -pl "$modules" -am
fi

server=${FIELDPLAN_DB_URL#jdbc:postgresql://}
server=${server%%/*}
host=${server%%:*}
port=${server##*:}
database=fieldplan_campaign_demo_$$
psql=(/usr/lib/postgresql/15/bin/psql -w -h "$host" -p "$port" -U "${FIELDPLAN_DB_USER:-postgres}" -v ON_ERROR_STOP=1 -q)
"${psql[@]}" -d postgres -c "CREATE DATABASE $database"
PGOPTIONS='-c client_min_messages=warning' "${psql[@]}" -d "$database" -c 'CREATE EXTENSION postgis'
url="jdbc:postgresql://$server/$database"
sql() { "${psql[@]}" -d "$database" -At -c "$1"; }

logs=$(mktemp -d /tmp/fieldplan-campaign.XXXXXX)
key=demo-strategist
declare -A pid port_of peak_kb
cleanup() {
  for name in "${!pid[@]}"; do kill "${pid[$name]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $database" || true
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
peak_rss() { awk '/VmHWM/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; } # kB

start_instance() { # name
  local name=$1 p
  p=$(free_port)
  port_of[$name]=$p
  # shellcheck disable=SC2086
  FIELDPLAN_STRATEGIST_KEY=$key java $java_opts -jar "$jar" --server.port="$p" --fieldplan.store=postgis \
    --fieldplan.datasource.url="$url" --fieldplan.datasource.username="${FIELDPLAN_DB_USER:-postgres}" \
    --fieldplan.datasource.password="${FIELDPLAN_DB_PASSWORD:-}" --fieldplan.demo.enabled=false \
    --fieldplan.now=2026-10-30T12:00 --fieldplan.datasource.pool-size="$pool_size" \
    --fieldplan.cluster.instance-id="$name" --fieldplan.cluster.lease-millis=5000 \
    --fieldplan.cluster.heartbeat-millis=1000 --fieldplan.cluster.claim-poll-millis=500 \
    --fieldplan.jobs.concurrency=1 --fieldplan.jobs.queue-length="${#sizes[@]}" >"$logs/$name.log" 2>&1 &
  pid[$name]=$!
}

await_up() { # name
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:${port_of[$1]}/actuator/health" >/dev/null && return 0
    kill -0 "${pid[$1]}" 2>/dev/null || { echo "instance $1 died; see $logs/$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "instance $1 did not start" >&2
  exit 1
}

alive() { for name in alpha beta gamma; do [[ -n ${pid[$name]:-} ]] && { echo "$name"; return; }; done; }
# The campaign as JSON from a live instance; a failed read (an instance busy or just killed) is retried.
campaign() {
  local answer
  for _ in 1 2 3 4 5; do
    answer=$(curl -fs --max-time 30 -H "X-Api-Key: $key" "http://127.0.0.1:${port_of[$(alive)]}/api/campaigns/$1") \
      && { echo "$answer"; return 0; }
    sleep 2
  done
  echo "demo-campaign: could not read campaign $1" >&2
  return 1
}

total_precincts=0 total_volunteers=0 ids=()
for i in "${!sizes[@]}"; do
  total_precincts=$((total_precincts + precincts_of[${sizes[$i]}]))
  total_volunteers=$((total_volunteers + volunteers_of[${sizes[$i]}]))
  ids+=("state-$((i + 1))")
done
echo "== ${#sizes[@]} generated regions (${sizes[*]}): $total_precincts precincts, $total_volunteers volunteers; \
$seconds s per region; logs in $logs"
start=$(date +%s.%N)
for i in "${!sizes[@]}"; do
  FIELDPLAN_DB_URL=$url java -jar "$cli" import generated --region "${ids[$i]}" --size "${sizes[$i]}" \
    --seed $((101 + i)) | tail -n 1
  [[ $bound == true ]] && java -jar "$cli" generate --size "${sizes[$i]}" --seed $((101 + i)) \
    --out "$logs/${ids[$i]}.json" >/dev/null
done
printf 'imported in %.0f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"

echo
echo "== starting instances alpha, beta and gamma on one PostGIS ($url)"
for name in alpha beta gamma; do start_instance "$name"; done
for name in alpha beta gamma; do await_up "$name"; done
wal_before=$(sql "SELECT pg_current_wal_lsn()")
stats() { sql "SELECT xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = '$database'"; }
stats_before=$(stats)

echo
echo "== one campaign of ${#sizes[@]} regions, submitted to alpha"
regions_json=$(printf '"%s",' "${ids[@]}")
submitted_at=$(date +%s.%N)
id=$(curl -fsS --max-time 3600 -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
  --data-binary "{\"name\":\"national weekend demo\",\"seconds\":$seconds,\"publish\":$publish,\"regions\":[${regions_json%,}]}" \
  "http://127.0.0.1:${port_of[alpha]}/api/campaigns" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
printf '%s campaign %s queued (the request built and stored every region'"'"'s problem in %.0f s)\n' \
  "$(date -u +%T)" "$id" "$(echo "$(date +%s.%N) - $submitted_at" | bc)"

progress() { # the campaign as one line: status percent solving-region owner
  campaign "$id" | python3 -c '
import json, sys
c = json.load(sys.stdin)
solving = [r for r in c["regions"] if r["status"] == "SOLVING" and r["score"] is not None]
first = solving[0] if solving else {"regionId": "-", "owner": "-"}
print(c["status"], c["totals"]["percentDone"], first["regionId"], first["owner"] or "-",
      " ".join("%s:%s:%s" % (r["regionId"], r["status"], r["owner"] or "-") for r in c["regions"]))'
}

max_connections=0
watch_database() {
  local n
  n=$(sql "SELECT count(*) FROM pg_stat_activity WHERE datname = '$database'")
  ((n > max_connections)) && max_connections=$n
  return 0
}

killed="" killed_region="" last=""
give_up=$(($(date +%s) + 20 * seconds + 900))
while (($(date +%s) < give_up)); do
  status=""
  read -r status percent region owner detail < <(progress 2>/dev/null) || true
  if [[ -z $status ]]; then
    sleep 1
    continue
  fi
  watch_database
  for name in "${!pid[@]}"; do
    kb=$(peak_rss "${pid[$name]}")
    ((kb > ${peak_kb[$name]:-0})) && peak_kb[$name]=$kb
  done
  line="$status $percent% $detail"
  [[ $line != "$last" ]] && echo "$(date -u +%T) $line" && last=$line
  if [[ -z $killed && $region != - && $owner != - && $percent -ge 30 && -n ${pid[$owner]:-} ]]; then
    { kill -9 "${pid[$owner]}" && wait "${pid[$owner]}"; } 2>/dev/null || true
    unset "pid[$owner]"
    killed=$owner killed_region=$region
    echo "$(date -u +%T) kill -9 $owner (solving $region; peak RSS until then $((peak_kb[$owner] / 1024)) MB)"
  fi
  [[ $status != QUEUED && $status != SOLVING ]] && break
  sleep 1
done
if [[ $publish == true ]]; then
  for _ in $(seq 1 120); do
    [[ $(campaign "$id" | python3 -c 'import json, sys; c = json.load(sys.stdin); print(c["totals"]["published"] == c["totals"]["regions"] or any(r["publication"] == "FAILED" for r in c["regions"]))') == True ]] && break
    sleep 1
  done
fi
for name in "${!pid[@]}"; do
  kb=$(peak_rss "${pid[$name]}")
  ((kb > ${peak_kb[$name]:-0})) && peak_kb[$name]=$kb
done
wall=$(echo "$(date +%s.%N) - $submitted_at" | bc)
wal=$(sql "SELECT pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), '$wal_before'))")
IFS='|' read -r c1 i1 u1 d1 <<<"$stats_before"
IFS='|' read -r c2 i2 u2 d2 <<<"$(stats)"

bounds=$logs/bounds.tsv
: >"$bounds"
if [[ $bound == true ]]; then
  files=()
  for region in "${ids[@]}"; do files+=("$logs/$region.json"); done
  java -Xmx4g -cp "$bench" org.fieldplan.benchmarks.bound.ProblemFileBound "${files[@]}" 2>/dev/null >"$bounds" || true
fi

echo
printf '== campaign %s: %s in %.0f s wall time (%d regions × %d s on 3 instances of 1 solver place each; %s killed)\n' \
  "$id" "$(campaign "$id" | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])')" "$wall" \
  "${#sizes[@]}" "$seconds" "${killed:-none}"
for name in alpha beta gamma; do
  printf 'peak RSS %-6s %6d MB%s\n' "$name" $((${peak_kb[$name]:-0} / 1024)) \
    "$([[ $name == "$killed" ]] && echo " (until kill -9)")"
done
campaign "$id" | SIZES="${sizes[*]}" BOUNDS="$bounds" LOGS="$logs/" python3 -c '
import json, os, sys
c = json.load(sys.stdin)
sizes = os.environ["SIZES"].split()
bounds = {}
for line in open(os.environ["BOUNDS"]):
    name, votes, millis = line.rstrip("\n").split("\t")
    bounds[os.path.basename(name)[:-len(".json")]] = float(votes)
print("%-9s %-4s %-8s %-7s %-9s %-34s %10s %10s %8s %9s %s" % ("region", "size", "status", "owner", "takeovers",
      "score", "exp. votes", "bound", "% bound", "vs greedy", "live"))
for size, r in zip(sizes, c["regions"]):
    b = bounds.get(r["regionId"])
    print("%-9s %-4s %-8s %-7s %-9d %-34s %10.1f %10s %8s %+9.1f %s" % (r["regionId"], size, r["status"], r["owner"],
          r["takeovers"], r["score"], r["expectedNetVotes"], "%.1f" % b if b else "-",
          "%.2f" % (100 * r["expectedNetVotes"] / b) if b else "-", r["gainOverGreedy"] or 0,
          r["liveVersion"] or r["publication"]))
t = c["totals"]
print("%-9s %-4s %-8s %-7s %-9d %-34s %10.1f %10s %8s" % ("total", "", c["status"], "", t["takeovers"], t["score"],
      t["expectedNetVotes"], "%.1f" % sum(bounds.values()) if bounds else "-",
      "%.2f" % (100 * t["expectedNetVotes"] / sum(bounds.values())) if bounds else "-"))
print("assigned shifts %d of %d offered; %d volunteers sent out; %d precincts covered; %d live plans published"
      % (t["assignedShifts"], t["offeredShifts"], t["volunteersAssigned"], t["precinctsCovered"], t["published"]))'
echo "database during the run: at most $max_connections connections to it; $wal of WAL; $((c2 - c1)) transactions;" \
  "rows inserted $((i2 - i1)), updated $((u2 - u1)), deleted $((d2 - d1)); size now" \
  "$(sql "SELECT pg_size_pretty(pg_database_size('$database'))")"
[[ -n $killed ]] && grep -h "resumes job" "$logs"/*.log | sed 's/^.*: Instance/log: Instance/' | head -n 3
exit 0
