#!/usr/bin/env bash
# Runs StreamingBenchmark (not a test): benchmarks/streaming/bench.sh [records] [rate-per-s] [latency-seconds] [checkpoint-ms]
# Results: docs/benchmarks.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
./mvnw -B -q -DskipTests package -pl benchmarks/streaming -am >&2
# shellcheck disable=SC2046
exec java ${AGRISAFE_JAVA_OPTS:--Xmx3g} -Duser.timezone=UTC -Dagrisafe.repo.dir="$ROOT" \
  $(sed 's/\${java17.opens}//' "$ROOT/streaming/src/main/launcher/jvm-options.txt") \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "$ROOT/benchmarks/streaming/target/classes:$(cat "$ROOT/benchmarks/streaming/target/bench-classpath.txt")" \
  org.agrisafe.bench.streaming.StreamingBenchmark "$@"
