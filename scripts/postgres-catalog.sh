#!/usr/bin/env bash
# The production-shaped Iceberg catalog: a PostgreSQL server (Debian's packages) holding the Iceberg JDBC
# catalog (schema V1) that Spark, Trino and PyIceberg share.
#   scripts/postgres-catalog.sh start    install PostgreSQL if missing, create and start the cluster 'agrisafe'
#                                        (port 5433), the role 'iceberg' and the databases 'iceberg' (users) and
#                                        'iceberg_test' (integration tests); idempotent
#   scripts/postgres-catalog.sh stop     stop the cluster (data kept)
#   scripts/postgres-catalog.sh status   print the cluster line and exit 0 if it is online
#   scripts/postgres-catalog.sh url      print the JDBC URL of the 'iceberg' database
# PostgreSQL refuses to run as root: the cluster belongs to the 'postgres' user (pg_ctlcluster switches to it,
# psql runs through runuser). Environment: AGRISAFE_PG_PORT (5433), AGRISAFE_PG_PASSWORD (iceberg; a local,
# loopback-only development password: set your own for anything shared).
set -euo pipefail
PORT="${AGRISAFE_PG_PORT:-5433}"
PASSWORD="${AGRISAFE_PG_PASSWORD:-iceberg}"
CLUSTER=agrisafe
ROLE=iceberg
DATABASES=(iceberg iceberg_test)

install() {
  if ! command -v pg_createcluster >/dev/null 2>&1; then
    echo "postgres-catalog: installing PostgreSQL from Debian's packages ..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  fi
}

version() { ls /usr/lib/postgresql | sort -V | tail -1; }

as_postgres() { runuser -u postgres -- "$@"; }

start() {
  install
  local v; v="$(version)"
  if ! pg_lsclusters -h | awk -v c="$CLUSTER" '$2 == c' | grep -q .; then
    echo "postgres-catalog: creating cluster $v/$CLUSTER on port $PORT" >&2
    pg_createcluster "$v" "$CLUSTER" -p "$PORT" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
    # loopback only
    echo "listen_addresses = '127.0.0.1'" >> "/etc/postgresql/$v/$CLUSTER/postgresql.conf"
  fi
  if ! pg_lsclusters -h | awk -v c="$CLUSTER" '$2 == c && $4 == "online"' | grep -q .; then
    pg_ctlcluster "$v" "$CLUSTER" start
  fi
  for _ in $(seq 1 30); do
    as_postgres pg_isready -q -p "$PORT" && break
    sleep 1
  done
  as_postgres pg_isready -q -p "$PORT" || { echo "postgres-catalog: server did not come up on port $PORT" >&2; exit 1; }
  if [ -z "$(as_postgres psql -X -tA -p "$PORT" -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" ]; then
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d postgres -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'"
  else
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d postgres -c "ALTER ROLE $ROLE PASSWORD '$PASSWORD'"
  fi
  for db in "${DATABASES[@]}"; do
    if [ -z "$(as_postgres psql -X -tA -p "$PORT" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
      as_postgres createdb -p "$PORT" -O "$ROLE" "$db"
    fi
  done
  echo "postgres-catalog: online: $(url) (user $ROLE)" >&2
}

stop() {
  if command -v pg_lsclusters >/dev/null 2>&1 \
      && pg_lsclusters -h | awk -v c="$CLUSTER" '$2 == c && $4 == "online"' | grep -q .; then
    pg_ctlcluster "$(version)" "$CLUSTER" stop
  fi
}

status() {
  command -v pg_lsclusters >/dev/null 2>&1 || { echo "PostgreSQL is not installed"; exit 1; }
  pg_lsclusters -h | awk -v c="$CLUSTER" '$2 == c' | grep . || { echo "no cluster $CLUSTER"; exit 1; }
  pg_lsclusters -h | awk -v c="$CLUSTER" '$2 == c && $4 == "online"' | grep -q .
}

url() { echo "jdbc:postgresql://127.0.0.1:$PORT/iceberg"; }

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) url ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
