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
from i18n import t

# The setup steps in order, each the catalogue key of its line (cli.init.step.<step>).
NEXT_STEPS = ("users", "regions", "rounds", "ledger")


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
    holds = t(
        "cli.init.holds",
        townships=status.townships,
        villages=status.villages,
        rounds=status.rounds,
        groups=status.groups,
        ledger=t("cli.init.yes" if status.ledger_done else "cli.init.no"),
        users=status.users,
    )
    lines = [t("cli.init.ready", url=url), holds]
    if status.demo:
        lines.append(t("cli.init.demo"))
    done = {
        "users": status.users > 0,
        "regions": status.regions_done,
        "rounds": status.rounds_done,
        "ledger": status.ledger_done,
    }
    todo = [t(f"cli.init.step.{step}") for step in NEXT_STEPS if not done[step]]
    if todo:
        lines += [t("cli.init.next_steps"), *(f"  {n}. {text}" for n, text in enumerate(todo, 1))]
    return "\n".join(lines)
