#!/usr/bin/env bash
# Ensures a PostgreSQL 15 + PostGIS server with a `fieldplan_test` database for tests and local runs.
#
#   scripts/ensure-postgis.sh start   prints `export ...` lines for FIELDPLAN_DB_URL/_USER/_PASSWORD (and
#                                     FIELDPLAN_PG_DIR when it started a cluster) on stdout; logs go to stderr.
#   scripts/ensure-postgis.sh stop    stops and deletes the throwaway cluster in $FIELDPLAN_PG_DIR (no-op if unset).
#
# A server already answering on 127.0.0.1:${FIELDPLAN_PG_PORT:-5432} as user postgres without a password is reused. Otherwise the Debian packages are installed
# when missing and a throwaway cluster is started on a free port (data and socket in a temp dir, fsync off).
# Meant for root on Debian 12 (CI, developer machines); non-interactive.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
DB_NAME=fieldplan_test
REUSE_PORT=${FIELDPLAN_PG_PORT:-5432}
log() { echo "ensure-postgis: $*" >&2; }

answers() { # host port
  # -w: never prompt for a password (a packaged cluster with password auth is not reused).
  "$PG_BIN/psql" -w -h "$1" -p "$2" -U postgres -d postgres -At -c 'SELECT 1' >/dev/null 2>&1
}

install_if_missing() {
  if [[ -x "$PG_BIN/initdb" && -f /usr/share/postgresql/15/extension/postgis.control ]]; then
    return
  fi
  log "installing postgresql-15-postgis-3"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q postgresql-15-postgis-3 >&2
}

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  log "no free port found"
  return 1
}

create_database() { # port
  local psql=("$PG_BIN/psql" -w -h 127.0.0.1 -p "$1" -U postgres -v ON_ERROR_STOP=1 -q)
  local exists="SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'"
  if [[ -z "$("${psql[@]}" -d postgres -At -c "$exists")" ]]; then
    # Another run sharing the server may create it at the same moment: only fail if it is still missing.
    "${psql[@]}" -d postgres -c "CREATE DATABASE $DB_NAME" >&2 2>/dev/null \
      || [[ -n "$("${psql[@]}" -d postgres -At -c "$exists")" ]]
  fi
  PGOPTIONS='-c client_min_messages=warning' "${psql[@]}" -d "$DB_NAME" -c 'CREATE EXTENSION IF NOT EXISTS postgis' >&2
}

start_cluster() {
  id -u postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  local dir port
  dir=$(mktemp -d /tmp/fieldplan-pg.XXXXXX)
  chown postgres: "$dir"
  port=$(free_port)
  # postgres may not be allowed into the caller's working directory (e.g. /root).
  cd "$dir"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { cat "$dir/server.log" >&2; return 1; }
  log "started throwaway cluster in $dir on port $port"
  echo "$dir $port"
}

start() {
  local port dir=""
  # The client (and, for a local server, the extension) come from the same packages, so install them first.
  install_if_missing
  if answers 127.0.0.1 "$REUSE_PORT"; then
    log "reusing the server on 127.0.0.1:$REUSE_PORT"
    port=$REUSE_PORT
  else
    read -r dir port < <(start_cluster)
    [[ -n "$dir" ]] || exit 1
  fi
  create_database "$port" || { FIELDPLAN_PG_DIR=$dir stop; exit 1; }
  echo "export FIELDPLAN_DB_URL=jdbc:postgresql://127.0.0.1:$port/$DB_NAME"
  echo "export FIELDPLAN_DB_USER=postgres"
  echo "export FIELDPLAN_DB_PASSWORD="
  echo "export FIELDPLAN_PG_DIR=$dir"
}

stop() {
  local dir=${FIELDPLAN_PG_DIR:-}
  [[ -n "$dir" && -d "$dir/data" ]] || return 0
  (cd / && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >&2) || true
  rm -rf "$dir"
  log "stopped and removed $dir"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
