"""The --lang option of every command line; light to import, so that --help starts quickly."""

from __future__ import annotations

import argparse

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
