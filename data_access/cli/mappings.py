"""`python -m data_access mappings {list,show,export,import}`: the saved column mappings.

An office maps its ledger's headers once (on the upload page, or by an import whose headers
were all recognised); the next file of that shape follows by itself. Exported as JSON, a
mapping moves to another installation or goes into `import --mapping FILE`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from data_access.cli.common import acting_account, database_errors
from data_access.db import check_connection, get_engine, session_scope
from data_access.ingest.mappings import (
    SavedMapping,
    folded_mapping,
    get_mapping,
    list_mappings,
    save_mapping,
)
from data_access.schema import upgrade_schema
from i18n import t


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """list | show NAME | export NAME [FILE] | import FILE [--name NAME]."""
    parser.add_argument("action", choices=("list", "show", "export", "import"))
    parser.add_argument("target", nargs="?", metavar="NAME|FILE", help=t("cli.mappings.help"))
    parser.add_argument("output", nargs="?", metavar="FILE")
    parser.add_argument("--name", help=t("cli.mappings.help_name"))
    parser.add_argument("--json", action="store_true", help=t("cli.help.json"))
    parser.add_argument("--as", dest="uploader", metavar="USERNAME", help=t("cli.help.uploader"))


def run(args: argparse.Namespace) -> int:
    """Do the action; 1 when the mapping or file is unknown."""
    engine = get_engine(args.database_url)
    check_connection(engine)
    with database_errors():
        upgrade_schema(engine)
        if args.action == "list":
            return _list(engine, as_json=args.json)
        if not args.target:
            print(t("cli.mappings.target_needed"), file=sys.stderr)
            return 1
        if args.action == "import":
            return _import(engine, args)
        return _show(engine, args)


def _list(engine, *, as_json: bool) -> int:
    """One line per mapping: name, sheet kind, headers, who saved it."""
    with session_scope(engine) as session:
        saved = list_mappings(session)
    if as_json:
        print(json.dumps([_payload(m) for m in saved], ensure_ascii=False))
    for mapping in [] if as_json else saved:
        print(
            t(
                "cli.mappings.line",
                name=mapping.name,
                headers=len(mapping.mapping),
                by=mapping.created_by or "—",
            )
        )
    if not saved and not as_json:
        print(t("cli.mappings.none"))
    return 0


def _show(engine, args: argparse.Namespace) -> int:
    """Print (show) or write (export) one mapping as JSON."""
    with session_scope(engine) as session:
        saved = get_mapping(session, args.target)
    if saved is None:
        print(t("cli.mapping.unknown", name=args.target), file=sys.stderr)
        return 1
    text = json.dumps(_payload(saved), ensure_ascii=False, indent=2)
    if args.action == "export" and args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        print(t("cli.mappings.exported", name=saved.name, path=args.output))
    else:
        print(text)
    return 0


def _import(engine, args: argparse.Namespace) -> int:
    """Save the mapping a JSON file holds (under --name, else the name in the file)."""
    path = Path(args.target)
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        pairs = payload["mapping"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(t("cli.mapping.bad_file", path=path, reason=exc), file=sys.stderr)
        return 1
    name = args.name or payload.get("name") or path.stem
    with session_scope(engine, write=True) as session:
        actor, _scope = acting_account(session, args.uploader, "upload")
        saved = SavedMapping(
            name[:64],
            str(payload.get("signature", "")),
            str(payload.get("sheet_kind", "problems")),
            folded_mapping(pairs),
            actor,
        )
        save_mapping(session, saved)
    print(t("cli.mappings.imported", name=saved.name, headers=len(saved.mapping)))
    return 0


def _payload(mapping: SavedMapping) -> dict:
    """A mapping as the JSON an export writes and an import reads."""
    return {
        "name": mapping.name,
        "signature": mapping.signature,
        "sheet_kind": mapping.sheet_kind,
        "mapping": mapping.mapping,
        "created_by": mapping.created_by,
    }
