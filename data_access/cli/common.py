"""Pieces every data command shares: the operating-system user, file options, database errors."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import SQLAlchemyError

from data_access.db import DatabaseUnavailableError


def os_user() -> str:
    """The operating-system user: the actor when --as is not given."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def add_file_arguments(parser: argparse.ArgumentParser, file_help: str) -> None:
    """FILE, --dry-run, --json and --as USERNAME of an import command."""
    parser.add_argument("file", metavar="FILE", help=file_help)
    parser.add_argument(
        "--dry-run", action="store_true", help="只校验和预览，不写入 / check and preview only"
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    parser.add_argument(
        "--as", dest="uploader", metavar="USERNAME", help="上传人 / uploader (default: OS user)"
    )


@contextmanager
def database_errors() -> Iterator[None]:
    """Turn a database failure inside into one clear line (exit code 2 in __main__)."""
    try:
        yield
    except SQLAlchemyError as exc:
        reason = str(exc).strip().splitlines()[0]
        raise DatabaseUnavailableError(f"数据库错误 / database error: {reason}") from exc
