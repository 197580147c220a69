"""The import command's category options: --accept-new-categories, --map-category A=B.

Without them a file naming categories its round lacks is refused (exit 1) and the report
names those categories; a round's first ledger defines its categories and the report lists
them (see data_access/ingest/category_match.py).
"""

from __future__ import annotations

import argparse
from typing import Any

from data_access.ingest.errors import FileRejectedError
from i18n import t

MAP_SEPARATOR = "="


def add_category_arguments(parser: argparse.ArgumentParser) -> None:
    """--accept-new-categories and the repeatable --map-category FILE_NAME=ROUND_NAME."""
    parser.add_argument(
        "--accept-new-categories", action="store_true", help=t("cli.import.help.accept_categories")
    )
    parser.add_argument(
        "--map-category",
        dest="category_map",
        action="append",
        default=[],
        metavar=t("cli.import.map_metavar"),
        help=t("cli.import.help.map_category"),
    )


def category_options(args: argparse.Namespace) -> dict[str, Any]:
    """ImportOptions keywords from the arguments (FileRejectedError for a pair without =)."""
    mapping: dict[str, str] = {}
    for pair in args.category_map:
        name, separator, target = pair.partition(MAP_SEPARATOR)
        if not separator or not name.strip() or not target.strip():
            raise FileRejectedError(t("cli.import.bad_map", pair=pair))
        mapping[name.strip()] = target.strip()
    return {"accept_new_categories": args.accept_new_categories, "category_map": mapping}


def category_lines(parsed: Any) -> list[str]:
    """The categories the file defines, and the consents it still waits on with the way out."""
    lines = [t("cli.import.notice", notice=notice) for notice in parsed.categories.notices()]
    waiting = [c for c in parsed.pending_consents if c.kind == "categories"]
    lines += [t("cli.import.consent", message=consent.message) for consent in waiting]
    if waiting:
        lines.append(t("cli.import.consent_hint"))
    return lines


def category_json(parsed: Any) -> dict[str, Any]:
    """The file's categories its rounds lack: defined, waiting (consent) or mapped."""
    found = [
        {
            "name": category.name,
            "parent": category.parent_name,
            "code": category.code,
            "rows": category.rows,
            "needs_consent": category.needs_consent,
            "mapped_to": category.mapped_to,
        }
        for category in parsed.categories.found.values()
    ]
    pending = [c.message for c in parsed.pending_consents if c.kind == "categories"]
    return {"new_categories": found, "categories_waiting": pending}
