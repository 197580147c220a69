"""`python -m data_access init`: create or upgrade an empty store (no demo data); say what next.

Nothing is deleted: on a store that already holds data it only upgrades the schema and
reports what is there (remove the demo data with `python -m data_access remove-demo`).
"""

from __future__ import annotations

import argparse

from data_access.cli.common import database_errors
from data_access.db import check_connection, get_engine, session_scope
from data_access.queries.setup import SetupStatus, fetch_setup_status
from data_access.schema import upgrade_schema

NEXT_STEPS = (
    (
        "users",
        "创建第一个管理员：python -m data_access users add 用户名 --role admin（或打开网页）",
    ),
    (
        "regions",
        "上传行政区划：python -m data_access import-regions 行政区划.xlsx（或“行政区划”页）",
    ),
    ("rounds", "新建巡察轮次和巡察组：python -m data_access rounds add 名称 --level county ..."),
    (
        "ledger",
        "上传整改台账：python -m data_access import 台账.xlsx --round 名称（或“台账上传”页）",
    ),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The init command has no options besides --database-url."""
    del parser


def run(args: argparse.Namespace) -> int:
    """Connect, migrate, report; always 0 unless the database is unusable (2)."""
    engine = get_engine(args.database_url)
    check_connection(engine)
    with database_errors():
        upgrade_schema(engine)
        with session_scope(engine) as session:
            status = fetch_setup_status(session=session)
    print(report(status, engine.url.render_as_string(hide_password=True)))
    return 0


def report(status: SetupStatus, url: str) -> str:
    """What the store holds and the setup steps still to do."""
    lines = [f"数据库已就绪 / store ready: {url}"]
    lines.append(
        f"乡镇 {status.townships}，村 {status.villages}，巡察轮次 {status.rounds}，"
        f"巡察组 {status.groups}，整改问题 {'有' if status.ledger_done else '无'}，"
        f"账号 {status.users}"
    )
    if status.demo:
        lines.append("库中有演示数据；删除：python -m data_access remove-demo")
    done = {
        "users": status.users > 0,
        "regions": status.regions_done,
        "rounds": status.rounds_done,
        "ledger": status.ledger_done,
    }
    todo = [text for key, text in NEXT_STEPS if not done[key]]
    lines += (
        ["下一步 / next steps:", *(f"  {n}. {t}" for n, t in enumerate(todo, 1))] if todo else []
    )
    return "\n".join(lines)
