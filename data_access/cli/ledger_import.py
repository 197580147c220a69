"""`python -m data_access import FILE`: check, preview and apply a ledger file (scheduled imports).

Exit codes: 0 when applied, or when a --dry-run file is clean; 1 when the file is rejected
(whole-file refusal or row errors: the report names sheet, row, column, value, reason).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import select

from data_access.cli.common import (
    add_file_arguments,
    database_errors,
    joined,
    os_user,
    outcome_line,
)
from data_access.db import check_connection, get_engine, session_scope
from data_access.ingest.apply import apply_ledger
from data_access.ingest.diff import LedgerDiff, compute_diff
from data_access.ingest.errors import FileRejectedError, RowError
from data_access.ingest.parse import parse_ledger
from data_access.ingest.preview import COUNT_LABELS, headline_frame
from data_access.models import InspectionRound
from data_access.schema import upgrade_schema
from i18n import t


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the import command."""
    add_file_arguments(parser, t("cli.import.help.file"))
    parser.add_argument(
        "--round", dest="round_name", metavar="NAME", help=t("cli.import.help.round")
    )


def run(args: argparse.Namespace) -> int:
    """Parse the file, then preview (--dry-run) or apply it; 1 when it is rejected."""
    engine = get_engine(args.database_url)
    check_connection(engine)
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _refused(args, t("cli.error.cannot_read", path=path, reason=exc.strerror))
    try:
        with database_errors():
            upgrade_schema(engine)
            return _import(args, engine, data, path.name)
    except FileRejectedError as exc:
        return _refused(args, exc.message)


def _import(args: argparse.Namespace, engine: Any, data: bytes, file_name: str) -> int:
    """Parse and diff in a read transaction; apply in a write one unless it is a dry run."""
    with session_scope(engine) as session:  # the size limit is UPLOAD_MAX_MB (settings)
        round_id = _round_id(session, args.round_name)
        parsed = parse_ledger(data, file_name, session=session, round_id=round_id)
        diff = compute_diff(parsed, session=session)
    batch_id = None
    if not parsed.errors and not args.dry_run:
        result = apply_ledger(parsed, engine=engine, uploader=args.uploader or os_user())
        diff, batch_id = result.diff, result.batch_id
    _report(args, diff, batch_id)
    return 1 if parsed.errors else 0


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


def _report(args: argparse.Namespace, diff: LedgerDiff, batch_id: int | None) -> None:
    """Print the outcome as JSON or as readable text."""
    if args.json:
        print(json.dumps(json_report(diff, batch_id, dry_run=args.dry_run), ensure_ascii=False))
    else:
        print(text_report(diff, batch_id, dry_run=args.dry_run))


def json_report(diff: LedgerDiff, batch_id: int | None, *, dry_run: bool) -> dict[str, Any]:
    """Counts over all sheets, the errors, per-sheet counts and what was done."""
    return {
        **diff.counts(),
        "errors": [error.__dict__ for error in diff.errors],
        "sheets": diff.counts_by_sheet(),
        "dry_run": dry_run,
        "applied": batch_id is not None,
        "batch_id": batch_id,
        "completion_rate": {
            "before": round(diff.before.completion_rate, 4),
            "after": round(diff.after.completion_rate, 4),
        },
    }


def text_report(diff: LedgerDiff, batch_id: int | None, *, dry_run: bool) -> str:
    """Counts, headline before → after, the errors and the outcome, one item per line."""
    counts = diff.counts()
    lines = [t("cli.file", name=diff.file_name)]
    lines.append("  ".join(f"{COUNT_LABELS[k]} {v}" for k, v in counts.items()))
    # By position: the frame's column headers are display labels in the current language.
    for label, before, after in headline_frame(diff).itertuples(index=False):
        lines.append(t("cli.import.headline", label=label, before=before, after=after))
    lines += [_error_line(error) for error in diff.errors]
    lines.append(outcome_line(len(diff.errors), batch_id, dry_run=dry_run))
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
