#!/usr/bin/env bash
# Runs StreamingBenchmark (not a test): ./streaming/bench.sh [records] [rate-per-s] [latency-seconds] [checkpoint-ms]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CP_FILE="$ROOT/streaming/target/bench-classpath.txt"
./mvnw -B -q -pl streaming -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
# shellcheck disable=SC2046
exec java ${AGRISAFE_JAVA_OPTS:--Xmx3g} -Duser.timezone=UTC -Dagrisafe.repo.dir="$ROOT" \
  $(sed 's/\${java17.opens}//' "$ROOT/streaming/src/main/launcher/jvm-options.txt") \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "$ROOT/streaming/target/test-classes:$ROOT/streaming/target/classes:$(cat "$CP_FILE")" \
  org.agrisafe.streaming.StreamingBenchmark "$@"
