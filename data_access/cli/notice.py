"""`python -m data_access notice`: the progress paragraph (通报稿) as text or as JSON."""

from __future__ import annotations

import argparse
import json

from data_access.cli.common import database_errors
from data_access.cli.summary import add_filter_arguments, filter_from_args
from data_access.db import check_connection, get_engine, session_scope
from data_access.notice import draft_notice
from data_access.queries.notice import fetch_notice_facts
from data_access.schema import upgrade_schema
from i18n import t


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the notice command: --json, --township, --as-of."""
    parser.add_argument("--json", action="store_true", help=t("cli.help.json"))
    add_filter_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Print the paragraph (with --json: its day, text and figures); 1 for an unknown township."""
    engine = get_engine(args.database_url)
    check_connection(engine)
    with database_errors():
        upgrade_schema(engine)
        with session_scope(engine) as session:
            flt = filter_from_args(session, args)
            if flt is None:
                return 1
            facts = fetch_notice_facts(session=session, flt=flt)
    text = draft_notice(facts)
    if args.json:  # the figures are the summary command's JSON, key for key
        values = {"as_of": facts.day.isoformat(), "text": text}
        print(json.dumps(values | {"figures": facts.figures.to_json_dict()}, ensure_ascii=False))
    else:
        print(text)
    return 0
