"""`python -m data_access notice`: the progress paragraph (通报稿) as text or as JSON."""

from __future__ import annotations

import argparse
import json

from data_access.cli.summary import add_filter_arguments, read_filtered
from data_access.notice import draft_notice
from data_access.queries.notice import fetch_notice_facts
from i18n import t


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the notice command: --json, --township, --as-of."""
    parser.add_argument("--json", action="store_true", help=t("cli.help.json"))
    add_filter_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Print the paragraph (with --json: its day, text and figures); 1 for an unknown township."""
    facts = read_filtered(args, lambda session, flt: fetch_notice_facts(session=session, flt=flt))
    if facts is None:
        return 1
    text = draft_notice(facts)
    if args.json:  # the figures are the summary command's JSON, key for key
        values = {"as_of": facts.day.isoformat(), "text": text}
        print(json.dumps(values | {"figures": facts.figures.to_json_dict()}, ensure_ascii=False))
    else:
        print(text)
    return 0
