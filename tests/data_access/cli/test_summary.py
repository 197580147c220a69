"""`python -m data_access summary` run as users run it, against a real database (in-process;
the Chinese table in a real process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from data_access.db import get_engine, session_scope
from data_access.filters import Filter
from data_access.queries import fetch_headline, resolve_township_names
from tests.support.cli import run_process, summary
from tests.support.published_figures import PUBLISHED_JSON


def township_figures(url: str, names: list[str]) -> dict:
    """The headline JSON for some townships, computed in-process through the query layer."""
    with session_scope(get_engine(url)) as session:
        ids, unknown = resolve_township_names(session=session, names=names)
        assert not unknown
        return fetch_headline(session=session, flt=Filter(townships=tuple(ids))).to_json_dict()


def test_json_prints_the_published_figures(sqlite_seeded_url: str) -> None:
    """With DATABASE_URL set, --json prints exactly the published figures, keys in order."""
    done = summary("--json", database_url=sqlite_seeded_url)
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed == PUBLISHED_JSON
    assert list(printed) == list(PUBLISHED_JSON)
    assert round(printed["completion_rate"], 2) == 0.92


def test_database_url_option_wins_over_the_environment(sqlite_seeded_url: str) -> None:
    """--database-url is used even when DATABASE_URL points somewhere useless."""
    done = summary("--json", "--database-url", sqlite_seeded_url, database_url="not-a-url")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == PUBLISHED_JSON


@pytest.mark.parametrize("names", [["钱桥镇"], ["欧山镇"], ["钱桥镇", "老洲镇"]])
def test_township_option(sqlite_seeded_url: str, names: list[str]) -> None:
    """--township (repeatable, aliases allowed) narrows the figures to those townships."""
    args = [arg for name in names for arg in ("--township", name)]
    done = summary("--json", *args, database_url=sqlite_seeded_url)
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed == township_figures(sqlite_seeded_url, names)
    assert 0 < printed["problems_total"] < PUBLISHED_JSON["problems_total"]


def test_alias_gives_the_same_figures_as_the_name(sqlite_seeded_url: str) -> None:
    """欧山镇 is the NBS spelling of 藕山镇: same figures."""
    by_alias = summary("--json", "--township", "欧山镇", database_url=sqlite_seeded_url)
    by_name = summary("--json", "--township", "藕山镇", database_url=sqlite_seeded_url)
    assert by_alias.returncode == by_name.returncode == 0
    assert json.loads(by_alias.stdout) == json.loads(by_name.stdout)


def test_unknown_township_exits_1_listing_known_names(sqlite_seeded_url: str) -> None:
    """An unknown name is refused with one line that lists the known townships."""
    done = summary("--township", "火星镇", database_url=sqlite_seeded_url)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "火星镇" in lines[0] and "钱桥镇" in lines[0] and "unknown township" in lines[0]


def test_table_is_chinese_and_formatted(sqlite_seeded_url: str) -> None:
    """Without --json a Chinese table with 万元, thousands separators and a percentage.

    A real process: the entry point, and Chinese text written to a pipe.
    """
    done = summary(database_url=sqlite_seeded_url, run=run_process)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for expected in (
        "问题总数",
        "414 个",
        "整改完成",
        "381 个",
        "92.0%",
        "117.0128 万元 (1,170,128 元)",
        "完善制度",
        "177 人",
        "诫勉谈话",
        "53 人",
        "书面检查",
        "40 条",
        "1 件 2 人",
        "演示数据",
    ):
        assert expected in out, expected


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://nobody@127.0.0.1:1/x",
        "not-a-url",
        "mysql://nobody@127.0.0.1/x",
    ],
)
def test_bad_database_url_prints_one_line(url: str) -> None:
    """A wrong or unreachable database: one bilingual line on stderr, exit 2, no traceback."""
    done = summary("--json", database_url=url)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert lines[0].startswith("错误 / error:")


def test_fresh_sqlite_file_gets_a_schema_and_zeros(tmp_path: Path) -> None:
    """A new SQLite file is migrated on the way and reads as zeros."""
    done = summary("--json", database_url=f"sqlite:///{tmp_path / 'new.db'}")
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed["problems_total"] == 0 and printed["completion_rate"] == 0.0
    assert printed["accountable_by_category"] == dict.fromkeys(
        PUBLISHED_JSON["accountable_by_category"], 0
    )
