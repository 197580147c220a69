"""`python -m seed [--database-url URL] [--reset | --if-empty] [--scale N]`: migrate, load the demo.

--scale N loads the generated province-sized dataset with N problems instead of the demo
(seed.scale; for benchmarks), then refreshes the planner statistics.

Without --reset a store that already holds data is left untouched (exit 1; with --if-empty,
meant for the first start of `make run`, exit 0 and a note). --reset
deletes every domain row (accounts and the audit trail stay), records who reset it in the
audit trail and loads the demo, all in one transaction. Database trouble prints one line
and exits 2, like `python -m data_access`.
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import SQLAlchemyError

from data_access.db import DatabaseUnavailableError, check_connection, get_engine, session_scope
from data_access.demo_data import was_demo_removed
from data_access.models import AuditEvent, utc_now
from data_access.schema import upgrade_schema
from seed.demo import write_demo
from seed.scale import analyze, write_scale
from seed.store import SeedRefusedError, delete_domain_rows

EXIT_REFUSED = 1
EXIT_DATABASE = 2


def build_parser() -> argparse.ArgumentParser:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m seed", description="写入演示数据 / load the demo data"
    )
    parser.add_argument("--database-url", help="数据库地址 / database URL (default: DATABASE_URL)")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument(
        "--reset",
        action="store_true",
        help="先清空全部业务数据（保留账号与审计记录）/ delete all domain data first",
    )
    choice.add_argument(
        "--if-empty",
        action="store_true",
        help="仅在数据库为空时写入，否则跳过 / seed only an empty store, else do nothing",
    )
    parser.add_argument(
        "--scale",
        type=int,
        metavar="N",
        help="生成省级规模数据（N 个问题）代替演示数据 / generate N problems province-wide",
    )
    return parser


def seed_database(url: str | None, *, reset: bool, scale: int | None = None) -> dict[str, int]:
    """Connect, migrate and seed (optionally after a reset); returns rows written."""
    engine = get_engine(url)
    check_connection(engine)
    upgrade_schema(engine)
    with session_scope(engine, write=True) as session:
        if reset:
            deleted = delete_domain_rows(session)
            session.add(
                AuditEvent(
                    at=utc_now(),
                    actor="seed",
                    action="demo_reset",
                    target="database",
                    detail=f"deleted {sum(deleted.values())} rows before loading the demo",
                )
            )
        if scale is None:
            return write_demo(session)
        counts = write_scale(session, scale)
    with session_scope(engine, write=True) as session:
        analyze(session)
    return counts


def demo_was_removed(url: str | None) -> bool:
    """True when an admin removed the demo data from this store (`make run` keeps it out)."""
    engine = get_engine(url)
    check_connection(engine)
    upgrade_schema(engine)
    with session_scope(engine) as session:
        return was_demo_removed(session=session)


def main(argv: list[str] | None = None) -> int:
    """Run the command; refusals and database trouble become one line on stderr."""
    args = build_parser().parse_args(argv)
    try:
        if args.if_empty and demo_was_removed(args.database_url):
            print("演示数据已被删除过，不再写入 / the demo data was removed once; not loaded again")
            return 0
        counts = seed_database(args.database_url, reset=args.reset, scale=args.scale)
    except SeedRefusedError as exc:
        if args.if_empty:
            print("数据库已有数据，跳过演示数据 / the store holds data; demo data not loaded")
            return 0
        print(f"未写入 / refused: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except DatabaseUnavailableError as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return EXIT_DATABASE
    except (SQLAlchemyError, OSError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"数据库错误 / database error: {reason}", file=sys.stderr)
        return EXIT_DATABASE
    summary = ", ".join(f"{name} {count}" for name, count in counts.items())
    what = "演示数据 / demo data" if args.scale is None else "规模数据 / scale data"
    print(f"已写入{what} loaded: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
