#!/usr/bin/env bash
# Two FieldPlan API instances on one PostGIS act as one service: jobs submitted to either are claimed from one
# shared queue by exactly one instance, either instance answers for any job, and when the instance solving a job is
# killed with kill -9 the other takes the job over once its lease has run out and finishes it from the saved plan.
#   bash scripts/demo-scale-out.sh
# Uses the PostGIS of FIELDPLAN_DB_URL when set, else a throwaway cluster (scripts/with-postgis.sh), with a fresh
# database that is dropped at the end. Instance logs go to a temp directory (printed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${FIELDPLAN_DB_URL:-}" ]]; then
  exec bash scripts/with-postgis.sh bash "$0" "$@"
fi

jar=api/target/fieldplan-api.jar
if [[ ! -f $jar ]] || [[ -n $(find solver/src data/src api/src pom.xml */pom.xml -newer "$jar" -type f -print -quit) ]]; then
  bash scripts/ensure-build-tools.sh
  mvn -B -q -Dstyle.color=never -DskipTests package -pl api -am
fi

# A fresh database on the same server, so no other instance's jobs are in the queue.
server=${FIELDPLAN_DB_URL#jdbc:postgresql://}
server=${server%%/*}
host=${server%%:*}
port=${server##*:}
database=fieldplan_scale_demo_$$
psql=(/usr/lib/postgresql/15/bin/psql -w -h "$host" -p "$port" -U "${FIELDPLAN_DB_USER:-postgres}" -v ON_ERROR_STOP=1 -q)
"${psql[@]}" -d postgres -c "CREATE DATABASE $database"
PGOPTIONS='-c client_min_messages=warning' "${psql[@]}" -d "$database" -c 'CREATE EXTENSION postgis'
url="jdbc:postgresql://$server/$database"

logs=$(mktemp -d /tmp/fieldplan-scale-out.XXXXXX)
key=demo-strategist
declare -A pid port_of
cleanup() {
  for name in "${!pid[@]}"; do kill "${pid[$name]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $database" || true
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_instance() { # name
  local name=$1 p
  p=$(free_port)
  port_of[$name]=$p
  FIELDPLAN_STRATEGIST_KEY=$key java -jar "$jar" --server.port="$p" --fieldplan.store=postgis \
    --fieldplan.datasource.url="$url" --fieldplan.datasource.username="${FIELDPLAN_DB_USER:-postgres}" \
    --fieldplan.datasource.password="${FIELDPLAN_DB_PASSWORD:-}" --fieldplan.demo.enabled=false \
    --fieldplan.cluster.instance-id="$name" --fieldplan.cluster.lease-millis=5000 \
    --fieldplan.cluster.heartbeat-millis=1000 --fieldplan.cluster.claim-poll-millis=500 \
    --fieldplan.jobs.concurrency=1 --fieldplan.jobs.queue-length=8 >"$logs/$name.log" 2>&1 &
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

job() { # name id -> the job view as one line: status owner takeovers score
  curl -fs -H "X-Api-Key: $key" "http://127.0.0.1:${port_of[$1]}/api/jobs/$2" | python3 -c '
import json, sys
j = json.load(sys.stdin)
print(j["status"], j["owner"] or "-", j["takeovers"], (j["best"] or {}).get("score", "-"))'
}

submit() { # name seconds -> job id
  curl -fs -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
    --data-binary @docs/examples/problem-small.json \
    "http://127.0.0.1:${port_of[$1]}/api/jobs?seconds=$2" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
}

await_job() { # name id condition-on-$status/$owner/$takeovers/$score
  for _ in $(seq 1 240); do
    read -r status owner takeovers score < <(job "$1" "$2")
    if eval "$3"; then return 0; fi
    sleep 0.5
  done
  echo "job $2 did not reach: $3" >&2
  exit 1
}

echo "== starting instances alpha and beta on one PostGIS ($url); logs in $logs"
start_instance alpha
start_instance beta
await_up alpha
await_up beta
echo "alpha: http://127.0.0.1:${port_of[alpha]}   beta: http://127.0.0.1:${port_of[beta]}"

echo
echo "== submitting 4 jobs (4 s each), alternately to alpha and beta"
ids=()
for i in 1 2 3 4; do
  target=$([[ $((i % 2)) -eq 1 ]] && echo alpha || echo beta)
  id=$(submit "$target" 4)
  ids+=("$id")
  echo "job $id submitted to $target"
done
for id in "${ids[@]}"; do await_job alpha "$id" '[[ $status == SOLVED ]]'; done
printf '%-38s %-8s %-8s %-10s %-9s %s\n' job status owner takeovers "same on" score
for id in "${ids[@]}"; do
  read -r status owner takeovers score < <(job alpha "$id")
  same=$([[ "$(job alpha "$id")" == "$(job beta "$id")" ]] && echo "both" || echo "DIFFERS")
  printf '%-38s %-8s %-8s %-10s %-9s %s\n' "$id" "$status" "$owner" "$takeovers" "$same" "$score"
done
echo "api_job rows per owner:"
"${psql[@]}" -d "$database" -c "SELECT owner, count(*) AS jobs FROM api_job GROUP BY owner ORDER BY owner"

echo
echo "== a 20 s job; kill -9 the instance solving it"
long=$(submit alpha 20)
await_job alpha "$long" '[[ $status == SOLVING && $score != - ]]'
read -r status owner takeovers score < <(job alpha "$long")
survivor=$([[ $owner == alpha ]] && echo beta || echo alpha)
sleep 3 # past the save interval: the best plan is in the plan store
read -r status _ _ saved < <(job "$survivor" "$long")
echo "job $long is $status on $owner; saved best plan as $survivor reads it: $saved"
{ kill -9 "${pid[$owner]}" && wait "${pid[$owner]}"; } 2>/dev/null || true
unset "pid[$owner]"
killed_at=$(date +%s.%N)
echo "$(date -u +%T) kill -9 $owner"
await_job "$survivor" "$long" '[[ $takeovers -ge 1 ]]'
printf '%s %s took the job over after %.1f s (lease 5 s): %s\n' "$(date -u +%T)" "$survivor" \
  "$(echo "$(date +%s.%N) - $killed_at" | bc)" "$(job "$survivor" "$long")"
await_job "$survivor" "$long" '[[ $status != SOLVING && $status != QUEUED ]]'
read -r status owner takeovers score < <(job "$survivor" "$long")
echo "$(date -u +%T) job $long $status by $owner (takeovers $takeovers): $score (saved before the kill: $saved)"
grep -h "resumes job" "$logs/$survivor.log" | sed 's/^.*JobService *: /log: /'
