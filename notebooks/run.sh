#!/usr/bin/env bash
# Runs every analyst notebook (notebooks/*.ipynb) top to bottom on the lakehouse; any exception fails.
#   notebooks/run.sh            set up the venv if needed, then execute every notebook
#   notebooks/run.sh --setup    only create/update the venv (.venv-notebooks/, kept apart from Airflow's)
# The executed copies (with outputs) go to out/notebooks/; the notebooks in git stay without outputs.
# Default lakehouse: the embedded one built by ./agrisafe demo; AGRISAFE_PYICEBERG_URI / AGRISAFE_WAREHOUSE select
# another (see notebooks/agrisafe_lakehouse.py).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${AGRISAFE_NOTEBOOK_VENV:-$ROOT/.venv-notebooks}"
REQ="$ROOT/notebooks/requirements.txt"
PY="${PYTHON:-python3}"

if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
if ! cmp -s "$REQ" "$VENV/.requirements.installed"; then
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQ"
  cp "$REQ" "$VENV/.requirements.installed"
fi
[ "${1:-}" = "--setup" ] && exit 0

OUT="$ROOT/out/notebooks"
mkdir -p "$OUT"
export MPLBACKEND=module://matplotlib_inline.backend_inline
passed=0; failed=0
for nb in "$ROOT"/notebooks/*.ipynb; do
  start=$(date +%s)
  if (cd "$ROOT/notebooks" && "$VENV/bin/jupyter" nbconvert --to notebook --execute \
        --ExecutePreprocessor.timeout=600 --output-dir "$OUT" "$nb" >"$OUT/$(basename "$nb" .ipynb).log" 2>&1); then
    passed=$((passed + 1)); echo "notebook $(basename "$nb"): ok in $(( $(date +%s) - start )) s"
  else
    failed=$((failed + 1)); echo "notebook $(basename "$nb"): FAILED"; tail -40 "$OUT/$(basename "$nb" .ipynb).log"
  fi
done
echo "notebooks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
