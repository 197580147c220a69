"""Pieces every data command shares: the operating-system user, file options, errors."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from data_access import auth
from data_access.db import DatabaseUnavailableError, check_connection, get_engine
from data_access.ingest.errors import FileRejectedError
from data_access.schema import upgrade_schema
from i18n import t


def os_user() -> str:
    """The operating-system user: the actor when --as is not given."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def acting_account(
    session: Session, name: str | None, action: str
) -> tuple[str, tuple[int, ...] | None]:
    """Who a command acts as, and within which townships (None: all).

    --as NAME must name an enabled account whose role may do action, and the command is
    held to that account's township scope (AccountError otherwise). Without --as the
    command acts as the operating-system user: the server's operator, every township.
    """
    if not name:
        return os_user(), None
    user = auth.acting_user(session=session, username=name, action=action)
    return user.username, auth.scope_of(user) or None


def add_file_arguments(parser: argparse.ArgumentParser, file_help: str) -> None:
    """FILE, --dry-run, --json and --as USERNAME of an import command."""
    parser.add_argument("file", metavar="FILE", help=file_help)
    parser.add_argument("--dry-run", action="store_true", help=t("cli.help.dry_run"))
    parser.add_argument("--json", action="store_true", help=t("cli.help.json"))
    parser.add_argument("--as", dest="uploader", metavar="USERNAME", help=t("cli.help.uploader"))


def joined(names: Iterable[str]) -> str:
    """Names as a list in the current language (、 in Chinese, commas in English)."""
    return t("cli.list_separator").join(names)


def outcome_line(errors: int, batch_id: int | None, *, dry_run: bool) -> str:
    """The last line of an import report: rejected, previewed, applied or nothing to change."""
    if errors:
        return t("cli.outcome.rejected", count=errors)
    if dry_run:
        return t("cli.outcome.dry_run")
    if batch_id is None:
        return t("cli.outcome.unchanged")
    return t("cli.outcome.applied", batch=batch_id)


def database_error(exc: BaseException) -> DatabaseUnavailableError:
    """One clear line for a database failure: its first line of text."""
    reason = str(exc).strip().splitlines()[0]
    return DatabaseUnavailableError(t("cli.error.database", reason=reason))


@contextmanager
def database_errors() -> Iterator[None]:
    """Turn a database failure inside into one clear line (exit code 2 in __main__)."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise database_error(exc) from exc


def run_file_command(
    args: argparse.Namespace,
    work: Callable[[Engine, bytes, str], int],
    refused: Callable[[str], int],
) -> int:
    """An import command's frame: read FILE, bring the schema up to date, then
    work(engine, data, file name). A file that cannot be read or is refused, or an --as that
    names no usable account, goes to refused(message) instead (its exit code)."""
    engine = get_engine(args.database_url)
    check_connection(engine)
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return refused(t("cli.error.cannot_read", path=path, reason=exc.strerror))
    try:
        with database_errors():
            upgrade_schema(engine)
            return work(engine, data, path.name)
    except FileRejectedError as exc:
        return refused(exc.message)
    except auth.AccountError as exc:
        return refused(str(exc))
