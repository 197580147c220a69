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

from data_access.cli.language import add_language_argument, split_language
from data_access.db import DatabaseUnavailableError, check_connection, get_engine, session_scope
from data_access.demo_data import was_demo_removed
from data_access.models import AuditEvent, utc_now
from data_access.schema import upgrade_schema
from i18n import t, use_language
from seed.demo import write_demo
from seed.scale import analyze, write_scale
from seed.store import SeedRefusedError, delete_domain_rows

PROG = "python -m seed"
EXIT_REFUSED = 1
EXIT_DATABASE = 2


def build_parser() -> argparse.ArgumentParser:
    """Command-line options, their help in the current language."""
    parser = argparse.ArgumentParser(prog=PROG, description=t("cli.seed.description"))
    add_language_argument(parser)
    parser.add_argument("--database-url", help=t("cli.help.database_url"))
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument(
        "--reset",
        action="store_true",
        help=t("cli.seed.help.reset"),
    )
    choice.add_argument(
        "--if-empty",
        action="store_true",
        help=t("cli.seed.help.if_empty"),
    )
    parser.add_argument(
        "--scale",
        type=int,
        metavar="N",
        help=t("cli.seed.help.scale"),
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
    """Run the command in the chosen language (--lang, else DASHBOARD_LANG)."""
    lang, rest = split_language(PROG, sys.argv[1:] if argv is None else argv)
    with use_language(lang):
        return run(build_parser().parse_args(rest))


def run(args: argparse.Namespace) -> int:
    """Seed as asked; refusals and database trouble become one line on stderr."""
    try:
        if args.if_empty and demo_was_removed(args.database_url):
            print(t("cli.seed.demo_removed"))
            return 0
        counts = seed_database(args.database_url, reset=args.reset, scale=args.scale)
    except SeedRefusedError as exc:
        if args.if_empty:
            print(t("cli.seed.store_holds_data"))
            return 0
        print(t("cli.seed.refused", reason=exc), file=sys.stderr)
        return EXIT_REFUSED
    except DatabaseUnavailableError as exc:
        print(t("cli.error", message=exc), file=sys.stderr)
        return EXIT_DATABASE
    except (SQLAlchemyError, OSError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(t("cli.error.database", reason=reason), file=sys.stderr)
        return EXIT_DATABASE
    summary = ", ".join(f"{name} {count}" for name, count in counts.items())
    loaded = "cli.seed.loaded_demo" if args.scale is None else "cli.seed.loaded_scale"
    print(t(loaded, counts=summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
