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
from data_access.cli.summary import display_width, unknown_township_message
from data_access.db import DatabaseUnavailableError, check_connection, get_engine, session_scope
from data_access.queries import list_townships, resolve_township_names
from data_access.roles import ROLES
from data_access.schema import upgrade_schema

# Sub-commands that need a new password, read before the write transaction starts.
_NEEDS_PASSWORD = {"add", "reset"}


class CliError(Exception):
    """A problem with the command's input; printed as one line, exit code 1."""


def _database_option(parser: argparse.ArgumentParser) -> None:
    """--database-url also after the sub-command (SUPPRESS keeps a value given before it)."""
    parser.add_argument(
        "--database-url", default=argparse.SUPPRESS, help="数据库地址 / database URL"
    )


def _name_and_stdin(parser: argparse.ArgumentParser, *, password: bool) -> None:
    """The NAME argument, --database-url and, for new passwords, --password-stdin."""
    parser.add_argument("name", metavar="NAME", help="用户名 / username")
    _database_option(parser)
    if password:
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="从标准输入读一行密码（脚本用）/ read the password from stdin (one line)",
        )


def _township_option(parser: argparse.ArgumentParser) -> None:
    """Repeatable --township NAME (aliases accepted)."""
    parser.add_argument(
        "--township",
        action="append",
        default=[],
        metavar="NAME",
        help="限定乡镇，可重复；不填为全部 / limit to this township (repeatable; none: all)",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Sub-commands of `users`."""
    sub = parser.add_subparsers(dest="users_command", required=True, metavar="SUBCOMMAND")
    add = sub.add_parser("add", help="新建用户 / add a user")
    _name_and_stdin(add, password=True)
    add.add_argument("--role", required=True, choices=ROLES, help="角色 / role")
    add.add_argument("--display-name", default="", help="显示名 / display name")
    _township_option(add)
    listing = sub.add_parser("list", help="列出用户 / list users")
    listing.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    _database_option(listing)
    set_role = sub.add_parser("set-role", help="修改角色 / change the role")
    _name_and_stdin(set_role, password=False)
    set_role.add_argument("role", choices=ROLES, metavar="ROLE", help=" / ".join(ROLES))
    scope = sub.add_parser("set-scope", help="修改乡镇范围 / change the township scope")
    _name_and_stdin(scope, password=False)
    _township_option(scope)
    for command, text in (
        ("disable", "停用用户 / disable"),
        ("enable", "启用用户 / enable"),
        ("unlock", "解除锁定 / unlock"),
    ):
        _name_and_stdin(sub.add_parser(command, help=text), password=False)
    _name_and_stdin(sub.add_parser("reset", help="重置密码 / reset the password"), password=True)


def read_new_password(*, from_stdin: bool) -> str:
    """The new password: one stdin line, or typed twice at a hidden prompt."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("新密码 / new password: ")
    second = getpass.getpass("再输入一次 / repeat: ")
    if first != second:
        raise CliError("两次输入的密码不一致 / the two passwords differ")
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
    return f"已创建用户 / created user: {user.username} ({user.role})"


def _set_role(session: Session, args: argparse.Namespace, actor: str) -> str:
    """users set-role."""
    user = auth.set_role(session=session, actor=actor, username=args.name, role=args.role)
    return f"已修改角色 / role changed: {user.username} -> {user.role}"


def _set_scope(session: Session, args: argparse.Namespace, actor: str) -> str:
    """users set-scope."""
    ids = _township_ids(session, args.township)
    user = auth.set_township_scope(
        session=session, actor=actor, username=args.name, township_ids=ids
    )
    scope = "、".join(args.township) or "全部 / all"
    return f"已修改乡镇范围 / scope changed: {user.username} -> {scope}"


def _simple(change: Callable[..., object], done: str) -> Callable[..., str]:
    """A handler that applies one name-only change and prints done."""

    def handler(session: Session, args: argparse.Namespace, actor: str) -> str:
        """Apply the change to args.name."""
        change(session=session, actor=actor, username=args.name)
        return f"{done}: {auth.normalise_username(args.name)}"

    return handler


def _reset(session: Session, args: argparse.Namespace, actor: str) -> str:
    """users reset."""
    user = auth.reset_password(
        session=session, actor=actor, username=args.name, new_password=args.new_password
    )
    return f"已重置密码 / password reset: {user.username}"


def _list(session: Session, args: argparse.Namespace, _actor: str) -> str:
    """users list."""
    users = auth.list_users(session=session)
    if args.json:
        records = users.drop(columns=["locked_until", "created_at"]).to_dict(orient="records")
        return json.dumps(records, ensure_ascii=False, default=list)
    if users.empty:
        return "还没有用户 / no users yet"
    lines = []
    for row in users.itertuples():
        state = "停用 disabled" if row.disabled else "启用 enabled"
        if row.locked_until is not None and not row.disabled:
            state = f"锁定至 locked until {row.locked_until:%Y-%m-%d %H:%M} UTC"
        name = row.username + " " * max(1, 20 - display_width(row.username))
        lines.append(f"{name}{row.role:<10}{state:<24}乡镇 townships: {row.townships}")
    return "\n".join(lines)


HANDLERS: dict[str, Callable[[Session, argparse.Namespace, str], str]] = {
    "add": _add,
    "list": _list,
    "set-role": _set_role,
    "set-scope": _set_scope,
    "disable": _simple(auth.disable_user, "已停用 / disabled"),
    "enable": _simple(auth.enable_user, "已启用 / enabled"),
    "unlock": _simple(auth.unlock_user, "已解锁 / unlocked"),
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
        print(f"错误 / error: {exc}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise DatabaseUnavailableError(f"数据库错误 / database error: {reason}") from exc
    return 0
