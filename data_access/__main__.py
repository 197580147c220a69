"""Command line of the data layer: `python -m data_access COMMAND ...` (see docs/operations.md)."""

from __future__ import annotations

import argparse
import importlib
import sys

from data_access.cli.language import add_language_argument, split_language
from i18n import t, use_language

PROG = "python -m data_access"

# Each command lives in its own module exposing add_arguments(parser) and run(args) -> int;
# the second item is the catalogue key of its help line. Only the module of the command
# given is imported (they pull in pandas, SQLAlchemy, pandera: about a second of start-up).
COMMANDS: dict[str, tuple[str, str]] = {
    "summary": ("data_access.cli.summary", "cli.command.summary"),
    "notice": ("data_access.cli.notice", "cli.command.notice"),
    "import": ("data_access.cli.ledger_import", "cli.command.import"),
    "users": ("data_access.cli.users", "cli.command.users"),
    "init": ("data_access.cli.init", "cli.command.init"),
    "import-regions": ("data_access.cli.regions_import", "cli.command.import_regions"),
    "import-map": ("data_access.cli.map_import", "cli.command.import_map"),
    "mappings": ("data_access.cli.mappings", "cli.command.mappings"),
    "rounds": ("data_access.cli.rounds", "cli.command.rounds"),
    "remove-demo": ("data_access.cli.remove_demo", "cli.command.remove_demo"),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The top-level parser in the current language, with the arguments of command only."""
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__)
    add_language_argument(parser)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (module_name, help_key) in COMMANDS.items():
        command_parser = sub.add_parser(name, help=t(help_key))
        command_parser.add_argument("--database-url", help=t("cli.help.database_url"))
        command_parser.set_defaults(module=module_name)
        if name == command:
            importlib.import_module(module_name).add_arguments(command_parser)
    return parser


def named_command(argv: list[str]) -> str | None:
    """The command argv names: its first command name (only options without values precede it)."""
    return next((arg for arg in argv if arg in COMMANDS), None)


def main(argv: list[str] | None = None) -> int:
    """Parse argv in the chosen language, run the command, turn database trouble into a line."""
    lang, rest = split_language(PROG, sys.argv[1:] if argv is None else argv)
    # A block rather than set_language: main() called in-process leaves the language as it was.
    with use_language(lang):
        args = build_parser(named_command(rest)).parse_args(rest)
        return run(args)


def run(args: argparse.Namespace) -> int:
    """Run the parsed command; database trouble becomes one line on stderr (exit code 2)."""
    from data_access.db import DatabaseUnavailableError  # here: --help needs no SQLAlchemy

    try:
        return importlib.import_module(args.module).run(args)
    except DatabaseUnavailableError as exc:
        print(t("cli.error", message=exc), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
