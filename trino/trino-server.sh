#!/usr/bin/env bash
# A single-node Trino server (coordinator + worker, loopback only) over the lakehouse's PostgreSQL catalog.
#   trino/trino-server.sh install   fetch io.trino:trino-server:476 (tar.gz, ~783 MiB) into ~/.m2 with Maven and
#                                   unpack it into ~/.cache/agrisafe (once; later calls do nothing)
#   trino/trino-server.sh start     install, write the configuration under $AGRISAFE_TRINO_STATE and start the
#                                   server in the background; waits until it accepts queries
#   trino/trino-server.sh stop      stop it
#   trino/trino-server.sh status    exit 0 when it answers
# Environment: AGRISAFE_CATALOG_URI (jdbc:postgresql://127.0.0.1:5433/iceberg), AGRISAFE_CATALOG_USER (iceberg),
# AGRISAFE_CATALOG_PASSWORD (iceberg), AGRISAFE_WAREHOUSE (file:<repo>/lakehouse-pg/warehouse),
# AGRISAFE_TRINO_PORT (18080), AGRISAFE_TRINO_STATE (<repo>/out/trino), AGRISAFE_TRINO_HEAP (2G),
# AGRISAFE_TRINO_JAVA_HOME (a Java 24+ JDK; default: the newest /usr/lib/jvm/*-2[4-9]* found).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="$(sed -n 's:.*<trino-server.version>\(.*\)</trino-server.version>.*:\1:p' "$ROOT/pom.xml")"
CACHE="${AGRISAFE_TRINO_CACHE:-$HOME/.cache/agrisafe}"
HOME_DIR="$CACHE/trino-server-$VERSION"
TARBALL="$HOME/.m2/repository/io/trino/trino-server/$VERSION/trino-server-$VERSION.tar.gz"
PORT="${AGRISAFE_TRINO_PORT:-18080}"
STATE="${AGRISAFE_TRINO_STATE:-$ROOT/out/trino}"
HEAP="${AGRISAFE_TRINO_HEAP:-2G}"
export AGRISAFE_CATALOG_URI="${AGRISAFE_CATALOG_URI:-jdbc:postgresql://127.0.0.1:5433/iceberg}"
export AGRISAFE_CATALOG_USER="${AGRISAFE_CATALOG_USER:-iceberg}"
export AGRISAFE_CATALOG_PASSWORD="${AGRISAFE_CATALOG_PASSWORD:-iceberg}"
export AGRISAFE_WAREHOUSE="${AGRISAFE_WAREHOUSE:-file:$ROOT/lakehouse-pg/warehouse}"

java_home() {
  if [ -n "${AGRISAFE_TRINO_JAVA_HOME:-}" ]; then echo "$AGRISAFE_TRINO_JAVA_HOME"; return; fi
  local j
  for j in $(ls -d /usr/lib/jvm/*-2[4-9]* /usr/lib/jvm/*-2[4-9]-* 2>/dev/null | sort -uV -r); do
    if [ -x "$j/bin/java" ]; then echo "$j"; return; fi
  done
  echo "trino-server: Trino $VERSION needs a Java 24+ JDK: none under /usr/lib/jvm; set AGRISAFE_TRINO_JAVA_HOME" >&2
  return 1
}

install() {
  if [ -x "$HOME_DIR/bin/launcher" ]; then return; fi
  if [ ! -f "$TARBALL" ]; then
    echo "trino-server: downloading io.trino:trino-server:$VERSION:tar.gz into ~/.m2 (~783 MiB, once) ..." >&2
    (cd "$ROOT" && ./mvnw -B -q dependency:get -Dartifact="io.trino:trino-server:$VERSION:tar.gz" -Dtransitive=false)
  fi
  mkdir -p "$CACHE"
  rm -rf "$HOME_DIR.partial" && mkdir -p "$HOME_DIR.partial"
  tar xzf "$TARBALL" -C "$HOME_DIR.partial" --strip-components=1
  mv "$HOME_DIR.partial" "$HOME_DIR"
}

configure() {
  local etc="$STATE/etc"
  rm -rf "$etc" "$STATE/plugin"
  mkdir -p "$etc/catalog" "$STATE/data" "$STATE/plugin"
  # Only the Iceberg plugin is loaded: faster start, less memory.
  ln -s "$HOME_DIR/plugin/iceberg" "$STATE/plugin/iceberg"
  cat > "$etc/node.properties" <<EOT
node.environment=agrisafe
node.id=agrisafe-local
node.data-dir=$STATE/data
node.internal-address=127.0.0.1
EOT
  cat > "$etc/jvm.config" <<EOT
-server
-Xmx$HEAP
-XX:+UseG1GC
-XX:G1HeapRegionSize=32M
-XX:+ExplicitGCInvokesConcurrent
-XX:+ExitOnOutOfMemoryError
-XX:-OmitStackTraceInFastThrow
-XX:ReservedCodeCacheSize=256M
-XX:PerMethodRecompilationCutoff=10000
-XX:PerBytecodeRecompilationCutoff=10000
-XX:+EnableDynamicAgentLoading
-Djdk.attach.allowAttachSelf=true
-Djdk.nio.maxCachedBufferSize=2000000
-Dfile.encoding=UTF-8
-Duser.timezone=UTC
EOT
  cat > "$etc/config.properties" <<EOT
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=$PORT
discovery.uri=http://127.0.0.1:$PORT
plugin.dir=$STATE/plugin
query.max-memory=1GB
query.max-memory-per-node=768MB
EOT
  cp "$ROOT/trino/catalog/agrisafe.properties" "$etc/catalog/agrisafe.properties"
}

# Ready = started AND the coordinator counts an active node: "starting":false comes before the node announces
# itself, and a table scan in that gap fails with "No nodes available to run query" (seen in CI).
answers() {
  curl -fsS "http://127.0.0.1:$PORT/v1/info" 2>/dev/null | grep -q '"starting":false' || return 1
  local out next
  out=$(curl -fsS -X POST -H 'X-Trino-User: agrisafe' \
    --data "SELECT count(*) FROM system.runtime.nodes WHERE state = 'active'" \
    "http://127.0.0.1:$PORT/v1/statement" 2>/dev/null) || return 1
  for _ in $(seq 1 100); do
    if printf '%s' "$out" | grep -q '"data":\[\[[1-9]'; then return 0; fi
    next=$(printf '%s' "$out" | sed -n 's/.*"nextUri":"\([^"]*\)".*/\1/p')
    [ -n "$next" ] || return 1
    sleep 0.1
    out=$(curl -fsS -H 'X-Trino-User: agrisafe' "$next" 2>/dev/null) || return 1
  done
  return 1
}

start() {
  install
  if answers; then echo "trino-server: already running on port $PORT" >&2; return; fi
  local jh; jh="$(java_home)"
  configure
  JAVA_HOME="$jh" PATH="$jh/bin:$PATH" "$HOME_DIR/bin/launcher" start \
    --etc-dir="$STATE/etc" --data-dir="$STATE/data" >&2
  for _ in $(seq 1 180); do
    if answers; then echo "trino-server: ready on http://127.0.0.1:$PORT (catalog agrisafe, $AGRISAFE_CATALOG_URI)" >&2; return; fi
    if ! JAVA_HOME="$jh" "$HOME_DIR/bin/launcher" status --etc-dir="$STATE/etc" --data-dir="$STATE/data" >/dev/null 2>&1; then
      break
    fi
    sleep 1
  done
  echo "trino-server: not ready (exited, or 180 s passed); log: $STATE/data/var/log/server.log" >&2
  tail -50 "$STATE/data/var/log/server.log" >&2 || true
  return 1
}

stop() {
  if [ -x "$HOME_DIR/bin/launcher" ] && [ -d "$STATE/etc" ]; then
    JAVA_HOME="$(java_home)" "$HOME_DIR/bin/launcher" stop --etc-dir="$STATE/etc" --data-dir="$STATE/data" >&2 || true
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) answers ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
