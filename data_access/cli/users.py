"""`python -m data_access users ...`: add, list, set-role, set-scope, enable, disable, reset."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from data_access import auth
from data_access.cli.common import database_error, joined
from data_access.cli.summary import display_width, unknown_township_message
from data_access.db import check_connection, get_engine, session_scope
from data_access.queries import list_townships, resolve_township_names
from data_access.roles import ROLES
from data_access.schema import upgrade_schema
from i18n import t

# Sub-commands that need a new password, read before the write transaction starts.
_NEEDS_PASSWORD = {"add", "reset"}


class CliError(Exception):
    """A problem with the command's input; printed as one line, exit code 1."""


def _database_option(parser: argparse.ArgumentParser) -> None:
    """--database-url also after the sub-command (SUPPRESS keeps a value given before it)."""
    parser.add_argument(
        "--database-url", default=argparse.SUPPRESS, help=t("cli.help.database_url_short")
    )


def _name_and_stdin(parser: argparse.ArgumentParser, *, password: bool) -> None:
    """The NAME argument, --database-url and, for new passwords, --password-stdin."""
    parser.add_argument("name", metavar="NAME", help=t("cli.users.help.name"))
    _database_option(parser)
    if password:
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help=t("cli.users.help.password_stdin"),
        )


def _township_option(parser: argparse.ArgumentParser) -> None:
    """Repeatable --township NAME (aliases accepted)."""
    parser.add_argument(
        "--township",
        action="append",
        default=[],
        metavar="NAME",
        help=t("cli.users.help.township"),
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Sub-commands of `users`."""
    sub = parser.add_subparsers(dest="users_command", required=True, metavar="SUBCOMMAND")
    add = sub.add_parser("add", help=t("cli.users.help.add"))
    _name_and_stdin(add, password=True)
    add.add_argument("--role", required=True, choices=ROLES, help=t("cli.users.help.role"))
    add.add_argument("--display-name", default="", help=t("cli.users.help.display_name"))
    _township_option(add)
    listing = sub.add_parser("list", help=t("cli.users.help.list"))
    listing.add_argument("--json", action="store_true", help=t("cli.help.json"))
    _database_option(listing)
    set_role = sub.add_parser("set-role", help=t("cli.users.help.set_role"))
    _name_and_stdin(set_role, password=False)
    set_role.add_argument("role", choices=ROLES, metavar="ROLE", help=" / ".join(ROLES))
    scope = sub.add_parser("set-scope", help=t("cli.users.help.set_scope"))
    _name_and_stdin(scope, password=False)
    _township_option(scope)
    for command in ("disable", "enable", "unlock"):
        _name_and_stdin(
            sub.add_parser(command, help=t(f"cli.users.help.{command}")), password=False
        )
    _name_and_stdin(sub.add_parser("reset", help=t("cli.users.help.reset")), password=True)


def read_new_password(*, from_stdin: bool) -> str:
    """The new password: one stdin line, or typed twice at a hidden prompt."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(t("cli.users.new_password"))
    second = getpass.getpass(t("cli.users.repeat_password"))
    if first != second:
        raise CliError(t("cli.users.passwords_differ"))
    return first


def cli_actor() -> str:
    """Audit actor of this command: cli:<operating-system user>."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no login name in containers without a passwd entry
        return "cli:unknown"


def _township_ids(session: Session, names: list[str]) -> list[int]:
    """Township ids for names or aliases; CliError naming the unknown ones."""
    ids, unknown = resolve_township_names(session=session, names=names)
    if unknown:
        known = list_townships(session=session)["township"].tolist()
        raise CliError(unknown_township_message(unknown, known))
    return ids


def _add(session: Session, args: argparse.Namespace, actor: str) -> str:
    """users add."""
    user = auth.create_user(
        session=session,
        actor=actor,
        username=args.name,
        password=args.new_password,
        role=args.role,
        township_ids=_township_ids(session, args.township),
        display_name=args.display_name,
    )
    return t("cli.users.created", name=user.username, role=user.role)


def _set_role(session: Session, args: argparse.Namespace, actor: str) -> str:
    """users set-role."""
    user = auth.set_role(session=session, actor=actor, username=args.name, role=args.role)
    return t("cli.users.role_changed", name=user.username, role=user.role)


def _set_scope(session: Session, args: argparse.Namespace, actor: str) -> str:
    """users set-scope."""
    ids = _township_ids(session, args.township)
    user = auth.set_township_scope(
        session=session, actor=actor, username=args.name, township_ids=ids
    )
    scope = joined(args.township) or t("cli.users.all_townships")
    return t("cli.users.scope_changed", name=user.username, scope=scope)


def _simple(change: Callable[..., object], done_key: str) -> Callable[..., str]:
    """A handler that applies one name-only change and prints the message done_key."""

    def handler(session: Session, args: argparse.Namespace, actor: str) -> str:
        """Apply the change to args.name."""
        change(session=session, actor=actor, username=args.name)
        return t(done_key, name=auth.normalise_username(args.name))

    return handler


def _reset(session: Session, args: argparse.Namespace, actor: str) -> str:
    """users reset."""
    user = auth.reset_password(
        session=session, actor=actor, username=args.name, new_password=args.new_password
    )
    return t("cli.users.password_reset", name=user.username)


def _list(session: Session, args: argparse.Namespace, _actor: str) -> str:
    """users list."""
    users = auth.list_users(session=session)
    if args.json:
        records = users.drop(columns=["locked_until", "created_at"]).to_dict(orient="records")
        return json.dumps(records, ensure_ascii=False, default=list)
    if users.empty:
        return t("cli.users.none")
    lines = []
    for row in users.itertuples():
        state = t("cli.users.disabled" if row.disabled else "cli.users.enabled")
        if row.locked_until is not None and not row.disabled:
            state = t("cli.users.locked_until", until=f"{row.locked_until:%Y-%m-%d %H:%M}")
        name = row.username + " " * max(1, 20 - display_width(row.username))
        townships = t("cli.users.townships", townships=row.townships)
        lines.append(f"{name}{row.role:<10}{state:<24}{townships}")
    return "\n".join(lines)


HANDLERS: dict[str, Callable[[Session, argparse.Namespace, str], str]] = {
    "add": _add,
    "list": _list,
    "set-role": _set_role,
    "set-scope": _set_scope,
    "disable": _simple(auth.disable_user, "cli.users.done.disable"),
    "enable": _simple(auth.enable_user, "cli.users.done.enable"),
    "unlock": _simple(auth.unlock_user, "cli.users.done.unlock"),
    "reset": _reset,
}


def run(args: argparse.Namespace) -> int:
    """Run one users sub-command: 0 when done, 1 for input the command refuses."""
    try:
        if args.users_command in _NEEDS_PASSWORD:
            args.new_password = read_new_password(from_stdin=args.password_stdin)
            auth.check_password_policy(args.new_password)
        engine = get_engine(args.database_url)
        check_connection(engine)
        upgrade_schema(engine)
        with session_scope(engine, write=args.users_command != "list") as session:
            print(HANDLERS[args.users_command](session, args, cli_actor()))
    except (CliError, auth.AccountError, auth.PasswordPolicyError) as exc:
        print(t("cli.error", message=exc), file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        raise database_error(getattr(exc, "orig", None) or exc) from exc
    return 0
