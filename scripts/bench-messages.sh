#!/usr/bin/env bash
# Messages benchmark: 2,000 link e-mails, queue to delivered (target: 60 s on 2 cores).
# Runs org.fieldplan.api.MessageBenchmark (api test sources): the service in one JVM with the demo region M
# (2,000 volunteers) solved for 5 s, an e-mail contact per volunteer, an in-process SMTP server (GreenMail); one
# send-out call queues every volunteer's link and shifts, and it prints the time until the last e-mail arrived.
#   bash scripts/bench-messages.sh                          # in-memory store
#   bash scripts/with-postgis.sh bash scripts/bench-messages.sh --fieldplan.store=postgis \
#     --fieldplan.datasource.url="\$FIELDPLAN_DB_URL" ...   # or pass the PostGIS settings as arguments
set -euo pipefail
cd "$(dirname "$0")/.."
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
mvn -B -q -Dstyle.color=never -pl api -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp" >/dev/null
java -cp "api/target/test-classes:api/target/classes:$(cat "$cp")" org.fieldplan.api.MessageBenchmark "$@"
