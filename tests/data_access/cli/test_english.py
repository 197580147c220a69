"""The command line speaks English with --lang en or DASHBOARD_LANG=en; JSON keys never change."""

from __future__ import annotations

import json
import re

import pytest

from tests.support.cli import Runner, run_cli, run_process
from tests.support.published_figures import PUBLISHED_JSON

CJK = re.compile(r"[\u3400-\u9fff]")


def cli(module: str, *args: str, url: str, lang_env: str | None = None, run: Runner = run_cli):
    """Run python -m module args against url, with DASHBOARD_LANG=lang_env (or unset)."""
    return run(*args, module=module, env={"DATABASE_URL": url, "DASHBOARD_LANG": lang_env})


@pytest.mark.parametrize(
    ("args", "lang_env", "run"),
    [(("summary", "--lang", "en"), None, run_cli), (("summary",), "en", run_process)],
    ids=["option-in-process", "environment-real-process"],
)
def test_summary_table_in_english(sqlite_seeded_url: str, args, lang_env, run: Runner) -> None:
    """The table's labels are English; only the township data would be Chinese (none here).

    DASHBOARD_LANG=en is read by a real process.
    """
    done = cli("data_access", *args, url=sqlite_seeded_url, lang_env=lang_env, run=run)
    assert done.returncode == 0, done.stderr
    assert "Problems found" in done.stdout and "Completion rate" in done.stdout
    assert "92.0%" in done.stdout and "414" in done.stdout
    assert not CJK.search(done.stdout), done.stdout


def test_json_is_the_same_in_english(sqlite_seeded_url: str) -> None:
    """--json is for machines: the keys and figures do not depend on the language."""
    done = cli("data_access", "summary", "--json", "--lang", "en", url=sqlite_seeded_url)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == PUBLISHED_JSON


def test_unknown_township_error_in_english(sqlite_seeded_url: str) -> None:
    """A wrong name fails with exit 1 and an English message listing the known townships."""
    done = cli(
        "data_access", "summary", "--township", "nowhere", "--lang", "en", url=sqlite_seeded_url
    )
    assert done.returncode == 1
    assert "nowhere" in done.stderr + done.stdout
    assert "钱铺镇" in done.stderr + done.stdout  # the choices are data, named as stored


@pytest.mark.parametrize("module", ["data_access", "seed"])
def test_help_in_english(sqlite_seeded_url: str, module: str) -> None:
    """--help is written in the chosen language."""
    done = cli(module, "--help", url=sqlite_seeded_url, lang_env="en")
    assert done.returncode == 0, done.stderr
    assert "--lang" in done.stdout
    assert not CJK.search(done.stdout), done.stdout
