#!/usr/bin/env bash
# The main job: build FieldPlan, generate the embedded demo region and solve it.
#   scripts/demo.sh [SIZE] [SECONDS]      (defaults: M, 30)
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-M}"
seconds="${2:-30}"
bash scripts/ensure-build-tools.sh
mkdir -p out
scripts/fieldplan generate --size "$size" --seed 7 --out "out/demo-$size.json"
scripts/fieldplan solve --problem "out/demo-$size.json" --seconds "$seconds" \
  --out "out/plan-$size.json"
