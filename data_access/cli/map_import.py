"""`python -m data_access import-map FILE`: check and save the townships' boundaries (GeoJSON).

As on 行政区划: every feature must match a township by name or alias, or nothing is saved;
the townships left without a boundary are listed. Exit codes: 0 saved (or a clean
--dry-run), 1 refused or unmatched.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial

from sqlalchemy.engine import Engine

from data_access.cli.common import acting_account, add_file_arguments, joined, run_file_command
from data_access.db import session_scope
from data_access.regions.shapes import ShapesPreview, preview_shapes, save_shapes
from i18n import t


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """FILE, --dry-run, --json, --as."""
    add_file_arguments(parser, t("cli.map.help.file"))


def run(args: argparse.Namespace) -> int:
    """Check the file, then save it unless --dry-run; 1 when it cannot be saved."""
    return run_file_command(args, partial(_save, args), partial(_refused, args))


def _save(args: argparse.Namespace, engine: Engine, data: bytes, file_name: str) -> int:
    """Check in a read transaction; save in a write one when it can be and may be."""
    with session_scope(engine) as session:
        actor, scope = acting_account(session, args.uploader, "regions")
        preview = preview_shapes(session=session, data=data, file_name=file_name, scope=scope)
    saved = None
    if preview.can_save and not args.dry_run:
        with session_scope(engine, write=True) as session:
            saved = save_shapes(session=session, preview=preview, actor=actor, scope=scope)
    _report(args, preview, saved)
    return 0 if preview.can_save else 1


def _refused(args: argparse.Namespace, message: str) -> int:
    """A whole-file refusal; exit code 1."""
    if args.json:
        print(json.dumps({"errors": [message], "file_rejected": True}, ensure_ascii=False))
    else:
        print(t("cli.file_rejected", message=message), file=sys.stderr)
    return 1


def _report(args: argparse.Namespace, preview: ShapesPreview, saved: int | None) -> None:
    """What was matched, what was not, the townships without a boundary, what was saved."""
    if args.json:
        report = {
            "matched": sorted(preview.townships.values()),
            "errors": preview.errors,
            "missing": preview.missing,
            "saved": saved,
        }
        print(json.dumps(report, ensure_ascii=False))
        return
    lines = [t("cli.file", name=preview.file_name), t("cli.map.matched", count=len(preview.shapes))]
    lines += preview.errors
    if preview.missing:
        lines.append(t("cli.map.missing", names=joined(preview.missing)))
    if preview.errors or not preview.shapes:
        lines.append(t("cli.map.refused", count=len(preview.errors)))
    elif saved is None:
        lines.append(t("cli.outcome.dry_run"))
    else:
        lines.append(t("cli.map.saved", count=saved))
    print("\n".join(lines))
