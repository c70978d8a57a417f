#!/usr/bin/env bash
# Lints the service's OpenAPI document with Redocly's recommended rules (@redocly/cli, pinned in
# tools/openapi-lint/package-lock.json and installed here with `npm ci` when missing or changed). The document is the
# one OpenApiContractTest wrote to api/target/openapi.json during `mvn verify`; pass another file to lint that one.
set -euo pipefail
cd "$(dirname "$0")/.."
document=${1:-api/target/openapi.json}
tools=tools/openapi-lint
if ! command -v npm > /dev/null; then
  apt-get update -qq && apt-get install -y -qq nodejs npm > /dev/null
fi
if [[ ! -x $tools/node_modules/.bin/redocly ]] || [[ $tools/package-lock.json -nt $tools/node_modules/.package-lock.json ]]; then
  (cd $tools && npm ci --no-audit --no-fund --loglevel=error)
fi
if [[ ! -f $document ]]; then
  echo "lint-openapi: $document is missing (OpenApiContractTest writes it during mvn verify)" >&2
  exit 1
fi
exec $tools/node_modules/.bin/redocly lint --config $tools/redocly.yaml --format stylish "$document"
