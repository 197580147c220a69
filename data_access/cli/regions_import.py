"""`python -m data_access import-regions FILE`: check, preview and apply a regions (行政区划) file.

Exit codes: 0 when applied, or when a --dry-run file is clean; 1 when the file is rejected
(whole-file refusal or row errors, each named by sheet, row, column, value and reason).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from data_access.cli.common import add_file_arguments, database_errors, os_user, outcome_line
from data_access.db import check_connection, get_engine, session_scope
from data_access.ingest.errors import FileRejectedError
from data_access.regions.apply import apply_regions
from data_access.regions.diff import RegionsDiff, compute_regions_diff
from data_access.regions.parse import parse_regions
from data_access.regions.preview import report_lines
from data_access.schema import upgrade_schema
from i18n import t


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the import-regions command."""
    add_file_arguments(parser, t("cli.regions.help.file"))


def run(args: argparse.Namespace) -> int:
    """Parse the file, then preview (--dry-run) or apply it; 1 when it is rejected."""
    engine = get_engine(args.database_url)
    check_connection(engine)
    path = Path(args.file)
    try:
        data = path.read_bytes()
        with database_errors():
            upgrade_schema(engine)
            with session_scope(engine) as session:
                parsed = parse_regions(data, path.name, session=session)
                diff = compute_regions_diff(parsed, session=session)
    except OSError as exc:
        return _refused(args, t("cli.error.cannot_read", path=path, reason=exc.strerror))
    except FileRejectedError as exc:
        return _refused(args, exc.message)
    batch_id = None
    if not parsed.errors and not args.dry_run:
        result = apply_regions(parsed, engine=engine, uploader=args.uploader or os_user())
        diff, batch_id = result.diff, result.batch_id
    _report(args, diff, batch_id)
    return 1 if parsed.errors else 0


def _refused(args: argparse.Namespace, message: str) -> int:
    """Report a whole-file refusal; always exit code 1."""
    if args.json:
        error = {"sheet": "", "row": 0, "column": "", "value": "", "reason": message}
        print(json.dumps({"errors": [error], "file_rejected": True}, ensure_ascii=False))
    else:
        print(t("cli.file_rejected", message=message), file=sys.stderr)
    return 1


def json_report(diff: RegionsDiff, batch_id: int | None, *, dry_run: bool) -> dict[str, Any]:
    """Counts over all levels, per level, the errors and what was done."""
    return {
        **diff.counts(),
        "levels": diff.counts_by_level(),
        "errors": [error.__dict__ for error in diff.errors],
        "dry_run": dry_run,
        "applied": batch_id is not None,
        "batch_id": batch_id,
    }


def _report(args: argparse.Namespace, diff: RegionsDiff, batch_id: int | None) -> None:
    """Print the outcome as JSON or as readable lines."""
    if args.json:
        print(json.dumps(json_report(diff, batch_id, dry_run=args.dry_run), ensure_ascii=False))
        return
    lines = [t("cli.file", name=diff.file_name), *report_lines(diff)]
    lines.append(outcome_line(len(diff.errors), batch_id, dry_run=args.dry_run))
    print("\n".join(lines))
