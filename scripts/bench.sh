#!/usr/bin/env bash
# Batch benchmarks (not tests): synthetic province-scale data, pass-rate cube Spark vs DuckDB side by side.
#   scripts/bench.sh 2.5,25      # scale factors (1 = 400,000 tests = one city-year; 2.5 ~ 1M, 25 ~ 10M)
# Writes to namespace `bench` of the configured lakehouse (default ./lakehouse), never to monitoring tables.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -B -q -DskipTests package -pl benchmarks -am >&2
exec java ${AGRISAFE_JAVA_OPTS:--Xmx8g} -Duser.timezone=UTC $(cat jobs/target/launcher/jvm-options.txt) \
  -Dlog4j2.configurationFile="$ROOT/jobs/src/main/launcher/log4j2.properties" \
  -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/bench-classpath.txt)" \
  org.agrisafe.bench.PassRateCubeBenchmark "$@"
