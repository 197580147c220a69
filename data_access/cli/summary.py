"""`python -m data_access summary`: print the headline figures as a table or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata

from sqlalchemy.exc import SQLAlchemyError

from data_access.codes import PERSON_CATEGORIES
from data_access.db import DatabaseUnavailableError, check_connection, get_engine, session_scope
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

DEMO_NOTE = (
    "演示数据：合计与公开通报一致，分布为示意 / demo data: totals match the published report"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the summary command."""
    parser.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    parser.add_argument(
        "--township",
        action="append",
        default=[],
        metavar="NAME",
        help="只看该乡镇，可重复，可用别名 / only this township (repeatable, aliases accepted)",
    )


def run(args: argparse.Namespace) -> int:
    """Print the headline figures; 1 for an unknown township, 0 otherwise."""
    engine = get_engine(args.database_url)
    check_connection(engine)
    try:
        upgrade_schema(engine)
        with session_scope(engine) as session:
            township_ids, unknown = resolve_township_names(session=session, names=args.township)
            if unknown:
                known = list_townships(session=session)["township"].tolist()
                print(unknown_township_message(unknown, known), file=sys.stderr)
                return 1
            flt = Filter().with_(townships=tuple(township_ids))
            headline = fetch_headline(session=session, flt=flt)
            demo = is_demo_data(session=session)
    except SQLAlchemyError as exc:
        reason = str(exc).strip().splitlines()[0]
        raise DatabaseUnavailableError(f"数据库错误 / database error: {reason}") from exc
    if args.json:
        print(json.dumps(headline.to_json_dict(), ensure_ascii=False))
    else:
        scope = "、".join(args.township) if args.township else "全部乡镇 / all townships"
        print(render_table(headline, scope=scope, demo=demo))
    return 0


def unknown_township_message(unknown: list[str], known: list[str]) -> str:
    """One line naming the unknown townships and listing the known ones."""
    choices = "、".join(known) if known else "（库中无乡镇 / none in the database）"
    return f"未知乡镇 / unknown township: {'、'.join(unknown)}。可选 / known: {choices}"


def headline_rows(headline: Headline) -> list[tuple[str, str]]:
    """(label, value) lines of the summary table, in the order of the published report."""
    rows = [
        ("问题总数", f"{format_int(headline.problems_total)} 个"),
        ("整改完成", f"{format_int(headline.problems_rectified)} 个"),
        ("完成率", format_rate(headline.completion_rate)),
        (
            "挽回损失",
            f"{format_yuan_wan(headline.recovered_yuan)} "
            f"({format_int(headline.recovered_yuan)} 元)",
        ),
        ("完善制度", f"{format_int(headline.rules_improved)} 项"),
        ("问责追责", f"{format_int(headline.accountable_people)} 人"),
    ]
    rows += [
        (f"  {label}", f"{format_int(headline.accountable_by_category[code])} 人")
        for code, label in PERSON_CATEGORIES.items()
    ]
    rows += [
        ("书面检查", f"{format_int(headline.written_self_criticism_orgs)} 个党组织"),
        ("移交线索", f"{format_int(headline.leads_transferred)} 条"),
        (
            "立案审查",
            f"{format_int(headline.cases_opened)} 件 {format_int(headline.case_people)} 人",
        ),
        ("  其中党政纪处分", f"{format_int(headline.people_sanctioned)} 人"),
        ("已逾期未完成", f"{format_int(headline.overdue)} 个"),
    ]
    return rows


def display_width(text: str) -> int:
    """Columns text takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render_table(headline: Headline, *, scope: str, demo: bool) -> str:
    """The headline figures as an aligned plain-text table with a short title."""
    rows = headline_rows(headline)
    label_width = max(display_width(label) for label, _ in rows) + 2
    lines = ["巡察整改总体数据 / headline figures", f"范围 / scope: {scope}"]
    if demo:
        lines.append(DEMO_NOTE)
    lines.append("-" * (label_width + 30))
    for label, value in rows:
        lines.append(label + " " * (label_width - display_width(label)) + value)
    return "\n".join(lines)
