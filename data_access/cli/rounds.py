"""`python -m data_access rounds ...`: list, add and edit inspection rounds and their groups.

    rounds list
    rounds add NAME --level city|county|district [--county 枞阳县] [--start D] [--end D]
        [--feedback D] [--theme 脱贫攻坚专项巡察]
    rounds edit NAME [--name NEW] [--level ...] [--county ...] [--start D] [--end D] [--feedback D]
        [--theme THEME]
    rounds office [--name 本单位名称] [--township-term 街道] [--village-term 社区]
    rounds groups ROUND
    rounds add-group ROUND NAME [NAME ...]
    rounds rename-group ROUND OLD NEW

Exit codes: 0 done; 1 refused (unknown round or county, duplicate name, dates out of order).
Every change is audited with --as USERNAME (default: the operating-system user).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select

from data_access.auth import AccountError
from data_access.cli.common import acting_account, database_errors, joined
from data_access.codes import ROUND_LEVELS
from data_access.db import check_connection, get_engine, session_scope
from data_access.formatting import MISSING
from data_access.inspections import (
    RoundError,
    RoundValues,
    add_group,
    county_id_by_name,
    create_round,
    list_groups,
    list_rounds,
    rename_group,
    round_id_by_name,
    update_round,
)
from data_access.models import InspectionGroup, InspectionRound
from data_access.office import OfficeError, fetch_office_settings, set_office_settings
from data_access.schema import upgrade_schema
from i18n import t

DATE_FIELDS = {"start": "started_on", "end": "ended_on", "feedback": "feedback_on"}
# rounds office: option -> office setting (data_access.office.SETTINGS)
OFFICE_OPTIONS = {"name": "name", "township-term": "term_township", "village-term": "term_village"}

T = TypeVar("T")


def _add_round_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """--level, --county and the three dates."""
    levels = " / ".join(f"{code} {label}" for code, label in ROUND_LEVELS.items())
    parser.add_argument("--level", choices=list(ROUND_LEVELS), required=required, help=levels)
    parser.add_argument("--county", help=t("cli.rounds.help.county"))
    parser.add_argument("--theme", help=t("cli.rounds.help.theme"))
    for option, field in DATE_FIELDS.items():
        parser.add_argument(f"--{option}", dest=field, type=date.fromisoformat,
                            metavar="YYYY-MM-DD")  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The sub-commands of rounds (each also takes --as and --database-url after its name)."""
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: an option left out here keeps the value given before the sub-command.
    common.add_argument("--as", dest="actor", metavar="USERNAME", default=argparse.SUPPRESS,
                        help=t("cli.help.actor"))  # fmt: skip
    common.add_argument("--database-url", default=argparse.SUPPRESS,
                        help=t("cli.help.database_url_short"))  # fmt: skip
    parser.add_argument("--as", dest="actor", metavar="USERNAME", help=t("cli.help.actor"))
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("list", parents=[common], help=t("cli.rounds.help.list"))
    add = sub.add_parser("add", parents=[common], help=t("cli.rounds.help.add"))
    add.add_argument("name", metavar="NAME")
    _add_round_options(add, required=True)
    edit = sub.add_parser("edit", parents=[common], help=t("cli.rounds.help.edit"))
    edit.add_argument("round", metavar="NAME")
    edit.add_argument("--name", dest="new_name", help=t("cli.rounds.help.new_name"))
    _add_round_options(edit, required=False)
    groups = sub.add_parser("groups", parents=[common], help=t("cli.rounds.help.groups"))
    groups.add_argument("round", metavar="ROUND")
    new_groups = sub.add_parser("add-group", parents=[common], help=t("cli.rounds.help.add_group"))
    new_groups.add_argument("round", metavar="ROUND")
    new_groups.add_argument("names", metavar="NAME", nargs="+")
    rename = sub.add_parser(
        "rename-group", parents=[common], help=t("cli.rounds.help.rename_group")
    )
    for name in ("round", "old", "new"):
        rename.add_argument(name, metavar=name.upper())
    office = sub.add_parser("office", parents=[common], help=t("cli.rounds.help.office"))
    for option, field in OFFICE_OPTIONS.items():
        office.add_argument(f"--{option}", dest=field, help=t(f"cli.rounds.help.office_{field}"))


def run(args: argparse.Namespace) -> int:
    """Run one sub-command; 1 with the reason when the change is refused."""
    engine = get_engine(args.database_url)
    check_connection(engine)
    action = ACTIONS[args.action]
    try:
        with database_errors():
            upgrade_schema(engine)
            with session_scope(engine, write=action is not _list) as session:
                print(action(session, args))
    except (RoundError, AccountError, OfficeError) as exc:
        print(t("cli.rounds.refused", reason=exc), file=sys.stderr)
        return 1
    return 0


def _list(session: Any, args: argparse.Namespace) -> str:
    """Every round, newest first, one line each."""
    del args
    rounds = list_rounds(session=session)
    if rounds.empty:
        return t("cli.rounds.none")
    return "\n".join(
        t(
            "cli.rounds.line",
            name=r.name,
            level=r.level_label,
            county=r.county or MISSING,
            start=r.started_on or MISSING,
            end=r.ended_on or MISSING,
            feedback=r.feedback_on or MISSING,
            groups=r.groups,
            problems=r.problems,
        )
        for r in rounds.itertuples()
    )


def _values(session: Any, args: argparse.Namespace, base: InspectionRound | None) -> RoundValues:
    """The round's values: the options given, the stored ones for options left out."""

    def pick(field: str, given: T) -> T:
        """given, or the stored value when the option was not used."""
        return getattr(base, field) if given is None and base is not None else given

    county = None if args.county is None else county_id_by_name(session=session, name=args.county)
    return RoundValues(
        name=getattr(args, "new_name", None) or (base.name if base else args.name),
        level=str(pick("level", args.level)),
        county_id=pick("county_id", county),
        **{field: pick(field, getattr(args, field)) for field in DATE_FIELDS.values()},
        theme=str(pick("theme", args.theme) or ""),
    )


def _actor(session: Any, args: argparse.Namespace) -> str:
    """Who the audit log names: --as an admin, else the operating-system user."""
    return acting_account(session, args.actor, "admin_rounds")[0]


def _add(session: Any, args: argparse.Namespace) -> str:
    """Create a round."""
    row = create_round(
        session=session, actor=_actor(session, args), values=_values(session, args, None)
    )
    return t("cli.rounds.added", name=row.name)


def _edit(session: Any, args: argparse.Namespace) -> str:
    """Change a round's name, level, county or dates."""
    round_id = round_id_by_name(session=session, name=args.round)
    base = session.get(InspectionRound, round_id)
    changed = update_round(
        session=session,
        actor=_actor(session, args),
        round_id=round_id,
        values=_values(session, args, base),
    )
    if not changed:
        return t("cli.rounds.unchanged")
    changes = t("cli.field_separator").join(
        f"{k} {old} → {new}" for k, (old, new) in changed.items()
    )
    return t("cli.rounds.changed", changes=changes)


def _groups(session: Any, args: argparse.Namespace) -> str:
    """The groups of a round."""
    groups = list_groups(
        session=session, round_id=round_id_by_name(session=session, name=args.round)
    )
    if groups.empty:
        return t("cli.rounds.no_groups")
    return "\n".join(
        t("cli.rounds.group_line", ordinal=g.ordinal, name=g.name, problems=g.problems)
        for g in groups.itertuples()
    )


def _add_group(session: Any, args: argparse.Namespace) -> str:
    """Add one or more groups to a round."""
    round_id = round_id_by_name(session=session, name=args.round)
    for name in args.names:
        add_group(session=session, actor=_actor(session, args), round_id=round_id, name=name)
    return t("cli.rounds.groups_added", names=joined(args.names))


def _rename_group(session: Any, args: argparse.Namespace) -> str:
    """Rename a group of a round."""
    round_id = round_id_by_name(session=session, name=args.round)
    query = select(InspectionGroup.id).where(
        InspectionGroup.round_id == round_id, InspectionGroup.name == args.old
    )
    group_id = session.scalar(query)
    if group_id is None:
        raise RoundError(t("cli.rounds.no_such_group", name=args.old))
    rename_group(session=session, actor=_actor(session, args), group_id=group_id, name=args.new)
    return t("cli.rounds.renamed", old=args.old, new=args.new)


def _office(session: Any, args: argparse.Namespace) -> str:
    """Show the office's settings, or change those given (audited)."""
    given = {field: getattr(args, field) for field in OFFICE_OPTIONS.values()}
    given = {field: value for field, value in given.items() if value is not None}
    if given:
        set_office_settings(session=session, actor=_actor(session, args), values=given)
    settings = fetch_office_settings(session=session)
    return "\n".join(
        t("cli.rounds.office_line", option=option, value=settings[field] or MISSING)
        for option, field in OFFICE_OPTIONS.items()
    )


ACTIONS = {
    "list": _list,
    "add": _add,
    "edit": _edit,
    "groups": _groups,
    "add-group": _add_group,
    "rename-group": _rename_group,
    "office": _office,
}
