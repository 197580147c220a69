#!/usr/bin/env bash
# The run command (`make run`): install into .venv if needed, create and seed the database
# on first start (EMPTY=1 or DEMO=0: create it empty), then serve http://127.0.0.1:8501.
# DATABASE_URL, when set, is used instead of the SQLite file data/dashboard.db.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/venv.sh requirements.txt
if [[ "${EMPTY:-0}" == "1" || "${DEMO:-1}" == "0" ]]; then
  # `make run EMPTY=1` or `DEMO=0 make run`: an empty store, the app then guides the setup.
  .venv/bin/python -m data_access init
else
  # Upgrades the schema, then loads the demo data only into an empty store (exit 2: no database).
  .venv/bin/python -m seed --if-empty
fi
# serve.py: dashboard.py behind the project's HTTP layer (/_stcore/metrics closed).
exec .venv/bin/streamlit run serve.py --server.address 127.0.0.1 --server.port 8501
