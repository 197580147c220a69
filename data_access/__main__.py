"""Command line of the data layer: `python -m data_access COMMAND ...` (see README)."""

from __future__ import annotations

import argparse
import importlib
import sys

from data_access.cli.common import add_language_argument, split_language
from data_access.db import DatabaseUnavailableError
from i18n import t, use_language

PROG = "python -m data_access"

# Each command lives in its own module exposing add_arguments(parser) and run(args) -> int;
# the second item is the catalogue key of its help line.
COMMANDS: dict[str, tuple[str, str]] = {
    "summary": ("data_access.cli.summary", "cli.command.summary"),
    "import": ("data_access.cli.ledger_import", "cli.command.import"),
    "users": ("data_access.cli.users", "cli.command.users"),
    "init": ("data_access.cli.init", "cli.command.init"),
    "import-regions": ("data_access.cli.regions_import", "cli.command.import_regions"),
    "rounds": ("data_access.cli.rounds", "cli.command.rounds"),
    "remove-demo": ("data_access.cli.remove_demo", "cli.command.remove_demo"),
}


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with one sub-parser per command, in the current language."""
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__)
    add_language_argument(parser)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (module_name, help_key) in COMMANDS.items():
        command_parser = sub.add_parser(name, help=t(help_key))
        command_parser.add_argument("--database-url", help=t("cli.help.database_url"))
        command_parser.set_defaults(module=module_name)
        importlib.import_module(module_name).add_arguments(command_parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse argv in the chosen language, run the command, turn database trouble into a line."""
    lang, rest = split_language(PROG, sys.argv[1:] if argv is None else argv)
    # A block rather than set_language: main() called in-process leaves the language as it was.
    with use_language(lang):
        args = build_parser().parse_args(rest)
        try:
            return importlib.import_module(args.module).run(args)
        except DatabaseUnavailableError as exc:
            print(t("cli.error", message=exc), file=sys.stderr)
            return 2


if __name__ == "__main__":
    sys.exit(main())
