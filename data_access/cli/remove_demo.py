"""`python -m data_access remove-demo`: delete the demo data (accounts and audit log stay).

Exit codes: 0 removed; 1 there is no demo data; 2 the database is unusable.
"""

from __future__ import annotations

import argparse
import sys

from data_access.cli.common import database_errors, os_user
from data_access.db import check_connection, get_engine, session_scope
from data_access.demo_data import DemoDataError, remove_demo_data
from data_access.schema import upgrade_schema


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the remove-demo command."""
    parser.add_argument(
        "--keep-regions",
        action="store_true",
        help="保留演示的行政区划（市、县、乡镇、村）/ keep the demo's places",
    )
    parser.add_argument(
        "--as", dest="actor", metavar="USERNAME", help="操作人 / actor (default: OS user)"
    )


def run(args: argparse.Namespace) -> int:
    """Remove the demo rows in one transaction and print how many went from each table."""
    engine = get_engine(args.database_url)
    check_connection(engine)
    try:
        with database_errors():
            upgrade_schema(engine)
            with session_scope(engine, write=True) as session:
                counts = remove_demo_data(
                    session=session, actor=args.actor or os_user(), keep_regions=args.keep_regions
                )
    except DemoDataError as exc:
        print(f"未删除 / nothing removed: {exc}", file=sys.stderr)
        return 1
    shown = "，".join(f"{table} {count}" for table, count in counts.items() if count)
    print(f"已删除演示数据 / demo data removed: {shown or '无'}")
    return 0
