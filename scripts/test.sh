#!/usr/bin/env bash
# The test command (`make test`): install dev deps and browser packages, lint, type-check,
# run every test.
# Extra arguments go to pytest, e.g. scripts/test.sh -k overview.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/venv.sh requirements-dev.txt || exit 1
scripts/install_system_deps.sh || echo "提示 / note: 系统依赖安装失败 / system packages not installed"
mkdir -p test-artifacts

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "提示 / note: TEST_DATABASE_URL 未设置，跳过 PostgreSQL 测试 / PostgreSQL tests skip"
fi

failed=()
step() {  # run every step even after a failure, so one run shows everything that is wrong
  local name=$1
  shift
  echo "==> $name"
  "$@" || failed+=("$name")
}
step "ruff check" .venv/bin/ruff check .
step "ruff format" .venv/bin/ruff format --check .
step "mypy" .venv/bin/mypy  # the packages in pyproject.toml [tool.mypy]; cached in .mypy_cache/
# Whole files per worker (fixtures are per file and per worker). Two workers on two cores:
# measured against three on the same quiet machine and commit, pytest 819 → 757 s and less
# CPU (docs/development.md). PYTEST_WORKERS=0: serial.
step "pytest" .venv/bin/python -m pytest -n "${PYTEST_WORKERS:-2}" --dist loadfile \
  --junitxml=test-artifacts/junit.xml --durations=10 "$@"

if [ ${#failed[@]} -gt 0 ]; then
  echo "失败 / FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "全部通过 / all checks passed"
