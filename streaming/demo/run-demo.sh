#!/usr/bin/env bash
# Streaming demo (README "Streaming"): starts ./agrisafe-stream on a fresh embedded lakehouse, posts
# streaming/demo/banned-upload.jsonl (a carbofuran detection on celery + one record with a bad unit) as lab
# 370100-QC-01, and waits for the BANNED_DETECTION warning to appear. Exits 0 when it did.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LAKE="${1:-$(mktemp -d)/lakehouse}"
PORT="${AGRISAFE_STREAM_PORT:-18088}"
LOG="$(mktemp)"
"$ROOT/agrisafe-stream" --api-keys "$ROOT/streaming/demo/lab-api-keys.properties" --port "$PORT" \
  --lakehouse-dir "$LAKE" >"$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do grep -q 'upload endpoint:' "$LOG" && break; sleep 0.5; done
grep -q 'upload endpoint:' "$LOG" || { echo "stream did not start:"; tail -50 "$LOG"; exit 1; }
echo "posting streaming/demo/banned-upload.jsonl ..."
curl -sS -H 'X-API-Key: demo-key-370100-QC-01-change-me' -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$ROOT/streaming/demo/banned-upload.jsonl" "http://localhost:$PORT/v1/uploads"
echo
for _ in $(seq 1 120); do grep -q 'BANNED_DETECTION' "$LOG" && break; sleep 0.5; done
grep 'WARNING' "$LOG" || { echo "no warning appeared:"; tail -50 "$LOG"; exit 1; }
sleep 6   # the next checkpoint (every 5 s) commits the row to analytics.warnings
echo "lakehouse: $LAKE (read it with: ./agrisafe export analytics.warnings --conf lakehouse-dir=$LAKE)"
