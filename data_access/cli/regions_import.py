"""`python -m data_access import-regions FILE`: check, preview and apply a regions (行政区划) file.

Exit codes: 0 when applied, or when a --dry-run file is clean; 1 when the file is rejected
(whole-file refusal or row errors, each named by sheet, row, column, value and reason).
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from typing import Any

from sqlalchemy.engine import Engine

from data_access.cli.common import (
    acting_account,
    add_file_arguments,
    outcome_line,
    run_file_command,
)
from data_access.db import session_scope
from data_access.ingest.command import RegionsImport
from data_access.regions.diff import RegionsDiff
from data_access.regions.preview import report_lines
from i18n import t


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the import-regions command."""
    add_file_arguments(parser, t("cli.regions.help.file"))


def run(args: argparse.Namespace) -> int:
    """Parse the file, then preview (--dry-run) or apply it; 1 when it is rejected."""
    return run_file_command(args, partial(_import, args), partial(_refused, args))


def _import(args: argparse.Namespace, engine: Engine, data: bytes, file_name: str) -> int:
    """Compare in a read transaction; apply in a write one unless it is a dry run."""
    with session_scope(engine) as session:
        uploader, _ = acting_account(session, args.uploader, "regions")
        command = RegionsImport(data, file_name, uploader)
        preview = command.preview_in(session)
    diff, batch_id = preview.diff, None
    if preview.is_valid and not args.dry_run:
        result = command.commit(preview, engine=engine)
        diff, batch_id = result.diff, result.batch_id
    _report(args, diff, batch_id)
    return 0 if preview.is_valid else 1


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
