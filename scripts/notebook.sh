#!/usr/bin/env bash
# The notebook command (`make notebook`): install the dev deps into .venv if needed, then open
# JupyterLab on the analysis notebook, running the project's own .venv kernel.
# DATABASE_URL, when set, is the database the notebook reads (never seeded from here); unset,
# the notebook reads data/dashboard.db, which gets the demo data on first use like `make run`.
# Extra arguments go to jupyter lab, e.g. scripts/notebook.sh --port 8890.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/venv.sh requirements-dev.txt
if [ -z "${DATABASE_URL:-}" ]; then
  # Upgrades the schema, then loads the demo data only into an empty store (exit 2: no database).
  .venv/bin/python -m seed --if-empty
fi

# Nothing here needs the internet: --no-browser (ServerApp.open_browser=False) keeps a
# headless machine from trying to start one; news_url=None turns off the announcements feed,
# NeverCheckForUpdate the version check and the read-only extension manager the PyPI search
# (each would fetch from the web; the pinned .venv gets no extensions installed from the UI).
# The announcements plugin would still ask about "Jupyter news" on every start: disable it
# in this .venv only (written once to .venv/etc/jupyter/labconfig/page_config.json).
announcements="@jupyterlab/apputils-extension:announcements"
if ! grep -qs "$announcements" .venv/etc/jupyter/labconfig/page_config.json; then
  .venv/bin/jupyter labextension disable --level=sys_prefix "$announcements"
fi
options=(
  --ip 127.0.0.1
  --no-browser
  --LabApp.news_url=None
  --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate
  --LabApp.extension_manager=readonly
)
if [ "$(id -u)" = 0 ]; then
  options+=(--allow-root)  # containers and CI run as root; Jupyter refuses that unless told
fi
echo "打开 / open the URL with the token printed below (JupyterLab, 仅本机 / local only)"
exec .venv/bin/jupyter lab notebooks/inspection_analysis.ipynb "${options[@]}" "$@"
