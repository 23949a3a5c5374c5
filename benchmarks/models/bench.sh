#!/usr/bin/env bash
# Statistics benchmarks (not tests): benchmarks/models/bench.sh aberration|spatial [threads]. Results: docs/benchmarks.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
case "${1:-}" in
  aberration) main=org.agrisafe.bench.models.AberrationBenchmark ;;
  spatial) main=org.agrisafe.bench.models.SpatialBenchmark ;;
  *) echo "usage: benchmarks/models/bench.sh aberration|spatial [threads]" >&2; exit 2 ;;
esac
shift
./mvnw -B -q -DskipTests package -pl benchmarks/models -am >&2
exec java ${AGRISAFE_JAVA_OPTS:--Xmx2g} -Dagrisafe.repo.dir="$ROOT" \
  -cp "benchmarks/models/target/classes:$(cat benchmarks/models/target/bench-classpath.txt)" "$main" "$@"
