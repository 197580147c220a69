#!/usr/bin/env bash
# Regenerate the initial migration from data_access/models.py (only while nothing is deployed).
# Later hand-written revisions (0002_..., triggers etc.) are set aside meanwhile and kept.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
mkdir -p "$tmp/later"
find migrations/versions -maxdepth 1 -name '*.py' ! -name '0001_initial.py' -exec mv {} "$tmp/later/" \;
rm -f migrations/versions/0001_initial.py
DATABASE_URL="sqlite:///$tmp/empty.db" .venv/bin/alembic revision --autogenerate \
  --rev-id 0001 -m "initial schema" >/dev/null
mv migrations/versions/0001_initial_schema.py migrations/versions/0001_initial.py
find "$tmp/later" -maxdepth 1 -name '*.py' -exec mv {} migrations/versions/ \;
.venv/bin/ruff format -q migrations/versions/0001_initial.py
.venv/bin/ruff check -q --fix migrations/versions/0001_initial.py || true
rm -rf "$tmp"
echo "regenerated migrations/versions/0001_initial.py"
