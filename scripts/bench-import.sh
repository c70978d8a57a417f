#!/usr/bin/env bash
# Import figures for docs/benchmarks.md: wall time and peak resident memory of `fieldplan import precincts` importing
#  - the largest real precinct files in ../shared/data (ri-precincts.geojson, 8 MB; CT_precincts.zip, projected),
#  - a synthetic 10,000-precinct GeoJSON (a 100 × 100 grid of 1 km squares over Ohio, written here by python3),
# each as a --dry-run (read, convert, map, check: no store) and stored into PostGIS (run under
# scripts/with-postgis.sh, which sets FIELDPLAN_DB_URL).
#   bash scripts/with-postgis.sh bash scripts/bench-import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared="../shared/data"
[ -d "$shared" ] || { echo "bench-import: $shared is missing (see its README)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench-import: needs /usr/bin/time (Debian package time)" >&2; exit 1; }
bash scripts/ensure-gdal.sh
mvn -B -Dstyle.color=never -q -DskipTests -pl data -am package
mkdir -p out/bench
synthetic=out/bench/synthetic-10000.geojson
python3 - "$synthetic" <<'PY'
import json, random, sys
random.seed(7)
features = []
for i in range(100):
    for j in range(100):
        x, y, d = -83.5 + i * 0.012, 39.5 + j * 0.009, 0.012
        vap = random.randint(200, 3000)
        dem = random.randint(0, vap // 3)
        features.append({"type": "Feature", "properties": {
            "PCT": f"{i:03d}-{j:03d}", "VAP": vap, "HVAP": random.randint(0, vap // 2),
            "DEM": dem, "REP": random.randint(0, vap // 3), "HD": f"{i // 10:02d}"},
            "geometry": {"type": "Polygon", "coordinates": [[[x, y], [x + d, y], [x + d, y + 0.009],
                                                             [x, y + 0.009], [x, y]]]}})
json.dump({"type": "FeatureCollection", "features": features}, open(sys.argv[1], "w"))
PY
cat > out/bench/synthetic-mapping.json <<'JSON'
{"description": "synthetic 10,000-precinct grid", "idPrefix": "S-", "id": "PCT",
 "registeredVoters": {"expression": "VAP * 0.75", "proxy": "synthetic"},
 "ballots": {"expression": "DEM + REP", "proxy": "synthetic"}, "support": {"dem": "DEM", "rep": "REP"},
 "districts": ["HD"], "languages": [{"language": "es", "when": "ratio(HVAP, VAP, 0) >= 0.3"}]}
JSON
jar=data/target/fieldplan.jar
echo "== $(nproc) cores, $(java -version 2>&1 | head -1), load: $(uptime | sed 's/.*load average: //')"
run() { # label, then fieldplan arguments
  local label=$1; shift
  /usr/bin/time -f "$label: wall %e s, CPU %U s user + %S s system, peak resident memory %M KB" java -jar "$jar" "$@" 2>&1 >/dev/null \
    | grep -E "wall|fieldplan" || true
}
for mode in dry-run postgis; do
  flags=(); [[ $mode == dry-run ]] && flags=(--dry-run)
  run "ri-precincts.geojson (419) $mode" import precincts --region "bench-ri-$$" \
    --file "$shared/precincts/ri-precincts.geojson" --mapping rhode-island "${flags[@]}"
  run "CT_precincts.zip (739, EPSG:26956) $mode" import precincts --region "bench-ct-$$" \
    --file "$shared/precincts/CT_precincts.zip" --mapping docs/mappings/connecticut.json "${flags[@]}"
  run "synthetic-10000.geojson $mode" import precincts --region "bench-syn-$$" --file "$synthetic" \
    --mapping out/bench/synthetic-mapping.json "${flags[@]}"
done
