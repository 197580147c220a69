"""`python -m data_access remove-demo`: delete the demo data (accounts and audit log stay).

Exit codes: 0 removed; 1 there is no demo data; 2 the database is unusable.
"""

from __future__ import annotations

import argparse
import sys

from data_access.auth import AccountError
from data_access.cli.common import acting_account, database_errors
from data_access.db import check_connection, get_engine, session_scope
from data_access.demo_data import DemoDataError, remove_demo_data
from data_access.schema import upgrade_schema
from i18n import t


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the remove-demo command."""
    parser.add_argument(
        "--keep-regions",
        action="store_true",
        help=t("cli.remove_demo.help.keep_regions"),
    )
    parser.add_argument("--as", dest="actor", metavar="USERNAME", help=t("cli.help.actor"))


def run(args: argparse.Namespace) -> int:
    """Remove the demo rows in one transaction and print how many went from each table."""
    engine = get_engine(args.database_url)
    check_connection(engine)
    try:
        with database_errors():
            upgrade_schema(engine)
            with session_scope(engine, write=True) as session:
                actor, _ = acting_account(session, args.actor, "admin_rounds")
                counts = remove_demo_data(
                    session=session, actor=actor, keep_regions=args.keep_regions
                )
    except (DemoDataError, AccountError) as exc:
        print(t("cli.remove_demo.refused", reason=exc), file=sys.stderr)
        return 1
    shown = t("cli.field_separator").join(
        f"{table} {count}" for table, count in counts.items() if count
    )
    print(t("cli.remove_demo.done", counts=shown or t("cli.none")))
    return 0
