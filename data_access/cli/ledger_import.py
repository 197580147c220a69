"""`python -m data_access import FILE`: check, preview and apply a ledger file (scheduled imports).

Exit codes: 0 when applied, or when a --dry-run file is clean; 1 when the file is rejected
(whole-file refusal or row errors: the report names sheet, row, column, value, reason).
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from typing import Any

from sqlalchemy import select

from data_access.cli.common import (
    acting_account,
    add_file_arguments,
    joined,
    outcome_line,
    run_file_command,
)
from data_access.cli.import_categories import (
    add_category_arguments,
    category_json,
    category_lines,
    category_options,
)
from data_access.cli.import_reading import (
    add_reading_arguments,
    reading_lines,
    reading_options,
    reading_report,
)
from data_access.db import session_scope
from data_access.ingest.command import LedgerImport
from data_access.ingest.diff import LedgerDiff
from data_access.ingest.errors import FileRejectedError, RowError
from data_access.ingest.options import ImportOptions
from data_access.ingest.preview import COUNT_LABELS, headline_frame
from data_access.models import InspectionRound
from i18n import t


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the import command."""
    add_file_arguments(parser, t("cli.import.help.file"))
    parser.add_argument(
        "--round", dest="round_name", metavar="NAME", help=t("cli.import.help.round")
    )
    add_category_arguments(parser)
    parser.add_argument(
        "--clear-blanks", action="store_true", help=t("cli.import.help.clear_blanks")
    )
    add_reading_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Parse the file, then preview (--dry-run) or apply it; 1 when it is rejected."""
    return run_file_command(args, partial(_import, args), partial(_refused, args))


def _import(args: argparse.Namespace, engine: Any, data: bytes, file_name: str) -> int:
    """Parse and diff in a read transaction; apply in a write one unless it is a dry run."""
    with session_scope(engine) as session:  # the size limit is UPLOAD_MAX_MB (settings)
        uploader, scope = acting_account(session, args.uploader, "upload")
        round_id = _round_id(session, args.round_name)
        choices = category_options(args) | reading_options(args, session)
        choices["clear_blanks"] = bool(getattr(args, "clear_blanks", False))
        options = ImportOptions(round_id=round_id, scope=scope, **choices)
        command = LedgerImport(data, file_name, uploader, options)
        preview = command.preview_in(session)
    parsed, diff, batch_id = preview.parsed, preview.diff, None
    if preview.is_valid and not args.dry_run:
        result = command.commit(preview, engine=engine)
        diff, batch_id = result.diff, result.batch_id
    _report(args, parsed, diff, batch_id)
    return 0 if preview.is_valid else 1


def _round_id(session: Any, round_name: str | None) -> int | None:
    """The id of the named round (None when no name is given); unknown names are refused."""
    if not round_name:
        return None
    found = session.scalar(select(InspectionRound.id).where(InspectionRound.name == round_name))
    if found is None:
        known = joined(session.scalars(select(InspectionRound.name)).all())
        known = known or t("cli.import.no_rounds")
        raise FileRejectedError(t("cli.import.unknown_round", name=round_name, known=known))
    return int(found)


def _refused(args: argparse.Namespace, message: str) -> int:
    """Report a whole-file refusal; always exit code 1."""
    if args.json:
        error = RowError(sheet="", row=0, column="", value="", reason=message)
        payload = {key: 0 for key in COUNT_LABELS} | {"errors": [error.__dict__]}
        print(json.dumps(payload | {"file_rejected": True}, ensure_ascii=False))
    else:
        print(t("cli.file_rejected", message=message), file=sys.stderr)
    return 1


def _report(args: argparse.Namespace, parsed: Any, diff: LedgerDiff, batch_id: int | None) -> None:
    """Print the outcome as JSON or as readable text, with what the reader noticed."""
    if args.json:
        report = json_report(diff, batch_id, dry_run=args.dry_run) | reading_report(parsed)
        print(json.dumps(report, ensure_ascii=False))
    else:
        for line in reading_lines(parsed):
            print(line)
        print(text_report(diff, batch_id, dry_run=args.dry_run))


def json_report(diff: LedgerDiff, batch_id: int | None, *, dry_run: bool) -> dict[str, Any]:
    """Counts over all sheets, the errors, per-sheet counts, new categories, what was done."""
    extra = category_json(diff.source) if diff.source is not None else {}
    return {
        **diff.counts(),
        "errors": [error.__dict__ for error in diff.errors],
        "sheets": diff.counts_by_sheet(),
        "kept_blanks": diff.kept_blanks,  # blank cells whose stored value stays
        "cleared_blanks": diff.cleared_blanks,  # stored values cleared (--clear-blanks)
        "dry_run": dry_run,
        "applied": batch_id is not None,
        "batch_id": batch_id,
        "completion_rate": {
            "before": round(diff.before.completion_rate, 4),
            "after": round(diff.after.completion_rate, 4),
        },
        **extra,
    }


def text_report(diff: LedgerDiff, batch_id: int | None, *, dry_run: bool) -> str:
    """Counts, headline before → after, the errors and the outcome, one item per line."""
    counts = diff.counts()
    lines = [t("cli.file", name=diff.file_name)]
    lines.append("  ".join(f"{COUNT_LABELS[k]} {v}" for k, v in counts.items()))
    # By position: the frame's column headers are display labels in the current language.
    for label, before, after in headline_frame(diff).itertuples(index=False):
        lines.append(t("cli.import.headline", label=label, before=before, after=after))
    if diff.blank_cells:
        blanks = "cli.import.blanks_cleared" if diff.clear_blanks else "cli.import.blanks_kept"
        lines.append(t(blanks, count=len(diff.blank_cells)))
    lines += [_error_line(error) for error in diff.errors]
    lines += category_lines(diff.source) if diff.source is not None else []
    refusals = len(diff.errors) + len(getattr(diff.source, "pending_consents", ()))
    lines.append(outcome_line(refusals, batch_id, dry_run=dry_run))
    return "\n".join(lines)


def _error_line(error: RowError) -> str:
    """One rejected cell: sheet, Excel row, column, value and the reason."""
    return t(
        "cli.import.row_error",
        sheet=error.sheet,
        row=error.row,
        column=error.column,
        value=error.value,
        reason=error.reason,
    )
