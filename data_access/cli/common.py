"""Pieces every data command shares: language, the operating-system user, file options, errors."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy.exc import SQLAlchemyError

from data_access.db import DatabaseUnavailableError
from data_access.settings import get_settings
from i18n import LANGUAGES, t


def split_language(prog: str, argv: list[str]) -> tuple[str, list[str]]:
    """The language of this run (--lang, else DASHBOARD_LANG) and argv without --lang.

    Read before the real parser is built so that its help texts are in that language;
    --lang may stand anywhere on the line.
    """
    pre = argparse.ArgumentParser(prog=prog, add_help=False, allow_abbrev=False)
    pre.add_argument("--lang", choices=LANGUAGES)
    known, rest = pre.parse_known_args(argv)
    return known.lang or get_settings().default_language, rest


def add_language_argument(parser: argparse.ArgumentParser) -> None:
    """--lang zh|en, listed in the help (split_language has already taken it off argv)."""
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.help.lang"))


def os_user() -> str:
    """The operating-system user: the actor when --as is not given."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


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
