#!/usr/bin/env bash
# Franklin County's roads (docs/benchmarks.md, streets): how many meeting points get a street's name, how long the
# roads take to import, and how large the streets layer's answers are at a low and a high zoom.
# Run with a database: bash scripts/with-postgis.sh bash scripts/bench-streets.sh
set -euo pipefail
cd "$(dirname "$0")/.."
data=${FIELDPLAN_SHARED_DATA:-../shared/data}
for f in precincts/OH_franklin_precincts.zip results/ohio_2018_results.csv osm/columbus.osm.pbf; do
  [[ -f $data/$f ]] || { echo "bench-streets: missing $data/$f (the shared data, see its README.md)" >&2; exit 1; }
done
: "${FIELDPLAN_DB_URL:?run through scripts/with-postgis.sh}"
region=franklin-$(date +%s)
echo "== precincts of $region"
bash scripts/fieldplan import precincts --region "$region" --file "$data/precincts/OH_franklin_precincts.zip" \
  --mapping docs/mappings/ohio-franklin.json --join-file "$data/results/ohio_2018_results.csv" | head -1
echo "== roads"
bash scripts/fieldplan import roads --region "$region" --osm "$data/osm/columbus.osm.pbf"

[[ -f api/target/fieldplan-api.jar ]] || mvn -B -q -Dstyle.color=never -DskipTests package -pl api -am >&2
port=${PORT:-18093}
FIELDPLAN_STORE=postgis FIELDPLAN_DEMO_ENABLED=false FIELDPLAN_STRATEGIST_KEY=bench-streets \
  FIELDPLAN_LINK_SECRET=bench-streets-only-not-a-secret PORT=$port java -jar api/target/fieldplan-api.jar \
  >/tmp/bench-streets-service.log 2>&1 &
service=$!
trap 'kill "$service" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$port/actuator/health" >/dev/null && break
  sleep 1
done
layer() { # what bbox zoom
  local url="http://localhost:$port/api/regions/$region/streets?bbox=$2&zoom=$3"
  curl -sf -H 'X-Api-Key: bench-streets' "$url" >/tmp/bench-streets.json
  python3 - "$1" "$3" <<'PY'
import gzip, json, sys
raw = open('/tmp/bench-streets.json', 'rb').read()
layer = json.loads(raw)
points = sum(len(f['geometry']['coordinates']) for f in layer['features'])
print(f"{sys.argv[1]}, zoom {sys.argv[2]}: {len(layer['features'])} roads, {points} points, "
      f"truncated {layer['truncated']}, {len(raw):,} bytes ({len(gzip.compress(raw)):,} gzipped)")
PY
}
echo "== streets layer"
layer "the whole county" "-83.27,39.79,-82.75,40.15" 11
layer "downtown Columbus, 1280x800 px" "-83.0275,39.9434,-82.9725,39.9766" 14
layer "downtown Columbus, 1280x800 px" "-83.0137,39.9534,-82.9863,39.9666" 16
