"""The reading options of `import`: --mapping, --save-mapping, --accept-skips; the report's parts.

A mapping comes by name (saved on the page or by an earlier import) or as a JSON file
(`mappings export`). Notices, consents and the mapping used are printed as text or go into
the --json report, so nothing the reader left out goes unsaid.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sqlmodel import Session

from data_access.ingest.errors import FileRejectedError
from data_access.ingest.mappings import folded_mapping, get_mapping
from i18n import t


def add_reading_arguments(parser: argparse.ArgumentParser) -> None:
    """--mapping, --save-mapping and --accept-skips."""
    parser.add_argument("--mapping", metavar="NAME|FILE", help=t("cli.import.help.mapping"))
    parser.add_argument("--save-mapping", metavar="NAME", help=t("cli.import.help.save_mapping"))
    parser.add_argument(
        "--accept-skips", action="store_true", help=t("cli.import.help.accept_skips")
    )


def reading_options(args: argparse.Namespace, session: Session) -> dict[str, Any]:
    """ImportOptions fields from the reading arguments (FileRejectedError: unknown mapping)."""
    mapping = _mapping(args.mapping, session) if args.mapping else {}
    return {
        "mapping": mapping,
        "accept_skips": bool(args.accept_skips),
        "save_mapping_as": args.save_mapping or "",
    }


def _mapping(name_or_file: str, session: Session) -> dict[str, str | None]:
    """The mapping a name or a JSON file holds."""
    path = Path(name_or_file)
    if path.suffix.lower() == ".json" and path.is_file():
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise FileRejectedError(t("cli.mapping.bad_file", path=path, reason=exc)) from exc
        return folded_mapping(payload.get("mapping", payload))
    saved = get_mapping(session, name_or_file)
    if saved is None:
        raise FileRejectedError(t("cli.mapping.unknown", name=name_or_file))
    return saved.mapping


def mapping_used(parsed: Any) -> list[dict[str, Any]]:
    """Each sheet's headers and the field each was taken as (None: not imported)."""
    rows = []
    for sheet in getattr(parsed, "sheets", ()):
        for guess in sheet.guesses:
            taken = guess.field if guess.field in sheet.columns else None
            rows.append({"sheet": sheet.name, "header": guess.cell.label, "field": taken})
    return rows


def reading_lines(parsed: Any) -> list[str]:
    """Notices, consents still missing and the mapping used, one per line.

    The categories' own notices and consents are printed with them (import_categories.py).
    """
    own = set(parsed.categories.notices())
    lines = [t("cli.import.notice", notice=n) for n in parsed.notices if n not in own]
    for consent in parsed.pending_consents:
        if consent.kind != "categories":
            lines.append(t("cli.import.consent", message=consent.message))
    for row in mapping_used(parsed):
        field = row["field"] or t("cli.import.not_imported")
        lines.append(t("cli.import.mapped", sheet=row["sheet"], header=row["header"], field=field))
    return lines


def reading_report(parsed: Any) -> dict[str, Any]:
    """The --json report's notices, consents and mapping."""
    return {
        "notices": list(parsed.notices),
        "consents": [
            {"kind": c.kind, "message": c.message, "accepted": parsed.options.accepts(c.kind)}
            for c in parsed.consents
        ],
        "mapping": mapping_used(parsed),
    }
