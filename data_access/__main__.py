"""Command line of the data layer: `python -m data_access COMMAND ...` (see README)."""

from __future__ import annotations

import argparse
import importlib
import sys

from data_access.db import DatabaseUnavailableError

# Each command lives in its own module exposing add_arguments(parser) and run(args) -> int.
COMMANDS: dict[str, tuple[str, str]] = {
    "summary": ("data_access.cli.summary", "打印总体数据 / print the headline figures"),
    "import": ("data_access.cli.ledger_import", "导入整改台账 / import a ledger file"),
    "users": ("data_access.cli.users", "管理用户 / manage user accounts"),
    "init": ("data_access.cli.init", "建立或升级空库（不含演示数据）/ create an empty store"),
    "import-regions": ("data_access.cli.regions_import", "导入行政区划 / import regions"),
    "rounds": ("data_access.cli.rounds", "管理巡察轮次和巡察组 / manage inspection rounds"),
    "remove-demo": ("data_access.cli.remove_demo", "删除演示数据 / remove the demo data"),
}


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with one sub-parser per command."""
    parser = argparse.ArgumentParser(prog="python -m data_access", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (module_name, help_text) in COMMANDS.items():
        command_parser = sub.add_parser(name, help=help_text)
        command_parser.add_argument(
            "--database-url", help="数据库地址 / database URL (default: DATABASE_URL)"
        )
        command_parser.set_defaults(module=module_name)
        importlib.import_module(module_name).add_arguments(command_parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse argv, run the command, turn database trouble into one clear line."""
    args = build_parser().parse_args(argv)
    try:
        return importlib.import_module(args.module).run(args)
    except DatabaseUnavailableError as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
