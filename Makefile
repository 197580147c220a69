# The two commands of the README, plus small helpers. The logic lives in scripts/.
.PHONY: run test lint format seed notebook

run:  ## serve the dashboard on http://127.0.0.1:8501 (demo data on first start; EMPTY=1: none)
	@scripts/run.sh

test:  ## install dev deps (and chromium/fonts when root), lint, type-check, run every test
	@scripts/test.sh $(PYTEST_ARGS)

lint:
	@scripts/venv.sh requirements-dev.txt
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy

format:
	@scripts/venv.sh requirements-dev.txt
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

seed:  ## load the demo data; `make seed SEED_ARGS=--reset` replaces existing data
	@scripts/venv.sh requirements.txt
	.venv/bin/python -m seed $(SEED_ARGS)

notebook:  ## open the analysis notebook in JupyterLab on the project's .venv
	@scripts/notebook.sh
