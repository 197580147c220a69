"""`python -m data_access summary`: print the headline figures as a table or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from sqlmodel import Session

from data_access.cli.common import database_errors, joined
from data_access.codes import PERSON_CATEGORIES
from data_access.db import check_connection, get_engine, session_scope
from data_access.filters import Filter
from data_access.formatting import format_int, format_rate, format_yuan_wan
from data_access.queries import (
    Headline,
    fetch_headline,
    is_demo_data,
    list_townships,
    resolve_township_names,
)
from data_access.schema import upgrade_schema
from i18n import t

T = TypeVar("T")  # what a command reads from the store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the summary command."""
    parser.add_argument("--json", action="store_true", help=t("cli.help.json"))
    add_filter_arguments(parser)


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """--township NAME (repeatable) and --as-of DATE: what the figures cover, and their day."""
    parser.add_argument(
        "--township",
        action="append",
        default=[],
        metavar="NAME",
        help=t("cli.summary.help.township"),
    )
    parser.add_argument("--as-of", type=as_of_day, metavar="DATE", help=t("cli.help.as_of"))


def as_of_day(text: str) -> date:
    """A --as-of value: an ISO date (2018-08-08), else a clear message."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.error.bad_date", value=text)) from None


def filter_from_args(session: Session, args: argparse.Namespace) -> Filter | None:
    """The Filter of --township / --as-of; None (the reason on stderr) for unknown names."""
    township_ids, unknown = resolve_township_names(session=session, names=args.township)
    if unknown:
        known = list_townships(session=session)["township"].tolist()
        print(unknown_township_message(unknown, known), file=sys.stderr)
        return None
    return Filter().with_(townships=tuple(township_ids), as_of=args.as_of)


def read_filtered(args: argparse.Namespace, read: Callable[[Session, Filter], T]) -> T | None:
    """read(session, the Filter of args) on the store (schema brought up to date); None when
    a township is unknown (the message is printed)."""
    engine = get_engine(args.database_url)
    check_connection(engine)
    with database_errors():
        upgrade_schema(engine)
        with session_scope(engine) as session:
            flt = filter_from_args(session, args)
            return None if flt is None else read(session, flt)


def run(args: argparse.Namespace) -> int:
    """Print the headline figures; 1 for an unknown township, 0 otherwise."""
    read = read_filtered(
        args,
        lambda session, flt: (
            fetch_headline(session=session, flt=flt),
            is_demo_data(session=session),
        ),
    )
    if read is None:
        return 1
    headline, demo = read
    if args.json:  # the keys are fixed (issue 2): the same in every language
        print(json.dumps(headline.to_json_dict(), ensure_ascii=False))
    else:
        scope = joined(args.township) if args.township else t("cli.summary.all_townships")
        if args.as_of:
            scope = t("cli.summary.scope_as_of", scope=scope, day=args.as_of.isoformat())
        print(render_table(headline, scope=scope, demo=demo))
    return 0


def unknown_township_message(unknown: list[str], known: list[str]) -> str:
    """One line naming the unknown townships and listing the known ones."""
    choices = joined(known) if known else t("cli.summary.no_townships")
    return t("cli.summary.unknown_township", names=joined(unknown), choices=choices)


def _counted(label_key: str, unit_key: str, n: int) -> tuple[str, str]:
    """A table line: the label, the count with its unit ("414 个" / "414")."""
    return t(label_key), t(unit_key, n=format_int(n))


def headline_rows(headline: Headline) -> list[tuple[str, str]]:
    """(label, value) lines of the summary table, in the order of the published report."""
    h = headline
    recovered = t(
        "cli.unit.recovered",
        wan=format_yuan_wan(h.recovered_yuan),
        yuan=format_int(h.recovered_yuan),
    )
    cases = t("cli.unit.cases", cases=format_int(h.cases_opened), people=format_int(h.case_people))
    return [
        _counted("cli.summary.problems_total", "cli.unit.problems", h.problems_total),
        _counted("cli.summary.rectified", "cli.unit.problems", h.problems_rectified),
        _counted("cli.summary.basically_done", "cli.unit.problems", h.problems_basically_done),
        _counted("cli.summary.long_term", "cli.unit.problems", h.problems_long_term),
        (t("cli.summary.completion_rate"), format_rate(h.completion_rate)),
        (t("cli.summary.recovered"), recovered),
        _counted("cli.summary.rules_improved", "cli.unit.rules", h.rules_improved),
        _counted("cli.summary.accountable", "cli.unit.people", h.accountable_people),
        *(
            (f"  {label}", t("cli.unit.people", n=format_int(h.accountable_by_category[code])))
            for code, label in PERSON_CATEGORIES.items()
        ),
        _counted(
            "cli.summary.written_self_criticism", "cli.unit.orgs", h.written_self_criticism_orgs
        ),
        _counted("cli.summary.leads", "cli.unit.leads", h.leads_transferred),
        (t("cli.summary.cases"), cases),
        _counted("cli.summary.sanctioned", "cli.unit.people", h.people_sanctioned),
        _counted("cli.summary.overdue", "cli.unit.problems", h.overdue),
    ]


def display_width(text: str) -> int:
    """Columns text takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render_table(headline: Headline, *, scope: str, demo: bool) -> str:
    """The headline figures as an aligned plain-text table with a short title."""
    rows = headline_rows(headline)
    label_width = max(display_width(label) for label, _ in rows) + 2
    lines = [t("cli.summary.title"), t("cli.summary.scope", scope=scope)]
    if demo:
        lines.append(t("cli.summary.demo_note"))
    lines.append("-" * (label_width + 30))
    for label, value in rows:
        lines.append(label + " " * (label_width - display_width(label)) + value)
    return "\n".join(lines)
