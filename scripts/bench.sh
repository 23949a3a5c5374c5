#!/usr/bin/env bash
# Batch benchmarks (not tests), on a synthetic lakehouse of their own (./lakehouse-bench unless
# AGRISAFE_LAKEHOUSE_DIR is set). Scale factor 1 = 400,000 tests (one city-year); 2.5 ~ 1M, 25 ~ 10M, 125 ~ 50M.
#   scripts/bench.sh cube 2.5,25        # pass-rate cube, Spark vs DuckDB over the same Iceberg snapshot files
#   scripts/bench.sh pipeline 1,10      # monthly pipeline (rates, risk, warnings, maps, bulletin): stage times, peak
#                                       # heap, scaling ratio, files per month for samples and results; --reuse keeps
#                                       # tables an earlier run generated with the same size and seed
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
which="${1:-cube}"; shift || true
case "$which" in
  cube) main=org.agrisafe.bench.PassRateCubeBenchmark ;;
  pipeline) main=org.agrisafe.bench.MonthlyPipelineBenchmark ;;
  *) echo "usage: scripts/bench.sh cube|pipeline [scale factors]" >&2; exit 2 ;;
esac
export AGRISAFE_LAKEHOUSE_DIR="${AGRISAFE_LAKEHOUSE_DIR:-lakehouse-bench}"
export AGRISAFE_OUTPUT_DIR="${AGRISAFE_OUTPUT_DIR:-out-bench}"
./mvnw -B -q -DskipTests package -pl benchmarks/batch -am >&2
exec java ${AGRISAFE_JAVA_OPTS:--Xmx8g} -Duser.timezone=UTC $(cat jobs/target/launcher/jvm-options.txt) \
  -Dlog4j2.configurationFile="$ROOT/jobs/src/main/launcher/log4j2.properties" \
  -cp "benchmarks/batch/target/benchmarks-batch-0.1.0-SNAPSHOT.jar:$(cat benchmarks/batch/target/bench-classpath.txt)" \
  "$main" "$@"
