#!/usr/bin/env bash
# Times region uploads over HTTP (POST /api/regions/{id}/import): a dry run (read, convert, map, check, preview) and
# the stored import, for the shared data's precinct files, against a running service.
#   usage: scripts/bench-upload.sh BASE_URL API_KEY [RUNS]     e.g. scripts/bench-upload.sh http://127.0.0.1:18080 key 3
# Prints one line per run: file, dry run or stored, HTTP status, seconds (curl's time_total), precincts.
set -euo pipefail
base=${1:?base URL}; key=${2:?strategist key}; runs=${3:-3}
data=$(cd "$(dirname "$0")/.." && pwd)/../shared/data
docs=$(cd "$(dirname "$0")/.." && pwd)/docs
[ -d "$data/precincts" ] || { echo "bench-upload: no shared data at $data" >&2; exit 2; }
upload() { # file mapping dryRun run
  local region="bench-$(basename "$1" | tr -c 'A-Za-z0-9\n' -)-$4-$RANDOM"
  curl -s -o /tmp/bench-upload.json -w '%{http_code} %{time_total}' -H "X-Api-Key: $key" \
    "$base/api/regions/$region/import?dryRun=$3" -F "precincts=@$1" -F "mapping=$2"
}
for run in $(seq 1 "$runs"); do
  for spec in "precincts/nh-precincts.geojson|new-hampshire" "precincts/CT_precincts.zip|@$docs/mappings/connecticut.json" \
              "precincts/ri-precincts.geojson|rhode-island"; do
    file=$data/${spec%%|*}; mapping=${spec#*|}
    for dry in true false; do
      result=$(upload "$file" "$mapping" "$dry" "$run")
      precincts=$(python3 -c 'import json;print(json.load(open("/tmp/bench-upload.json"))["report"]["precincts"])' 2>/dev/null || echo -)
      echo "$(basename "$file") dryRun=$dry status+seconds=$result precincts=$precincts"
    done
  done
done
