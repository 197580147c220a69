#!/usr/bin/env bash
# Run tests several times in a row with one core kept busy, to show they wait on state and
# not on time (issue 20). Usage: scripts/test_under_load.sh [RUNS] [pytest args...]
# e.g. scripts/test_under_load.sh 3 tests/e2e        (default: 3 runs of the browser tests)
# Prints each run's result, wall time and the load average; exits 1 if any run failed.
set -uo pipefail
cd "$(dirname "$0")/.."

mkdir -p test-artifacts
runs=${1:-3}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(tests/e2e)

# The busy core: stress-ng when installed, else a Python loop (one process, 100 % of a core).
if command -v stress-ng >/dev/null; then
  stress-ng --cpu 1 --quiet &
else
  .venv/bin/python -c "while True: pass" &
fi
busy=$!
trap 'kill $busy 2>/dev/null' EXIT

failed=0
for run in $(seq 1 "$runs"); do
  start=$(date +%s)
  .venv/bin/python -m pytest -q -p no:cacheprovider -n "${PYTEST_WORKERS:-3}" --dist loadfile \
    "${targets[@]}" >"test-artifacts/under_load_$run.log" 2>&1
  status=$?
  summary=$(grep -E "[0-9]+ (passed|failed)" "test-artifacts/under_load_$run.log" | tail -n 1)
  echo "run $run/$runs: exit $status, $(($(date +%s) - start)) s, load $(cut -d' ' -f1-3 /proc/loadavg): $summary"
  [ $status -eq 0 ] || failed=1
done
exit $failed
