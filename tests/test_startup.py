"""startup.freeze_app_heap, and that nothing else in the app touches the cycle collector."""

from __future__ import annotations

import ast
import gc
import sys

import pytest

from data_access.settings import PROJECT_ROOT
from startup import APP_PACKAGES, freeze_app_heap, import_app

# Calls that change the collector for the whole process: only startup.py may make one.
PROCESS_WIDE = {"disable", "enable", "freeze", "unfreeze", "set_threshold"}
SKIPPED = {".venv", ".git", "node_modules", "tests", "data", "__pycache__", "test-artifacts"}


def modules(folder: str = "") -> list[str]:
    """Paths (from the project root) of the Python files of the project or of one folder."""
    return sorted(
        str(path.relative_to(PROJECT_ROOT))
        for path in (PROJECT_ROOT / folder).rglob("*.py")
        if not SKIPPED.intersection(path.relative_to(PROJECT_ROOT).parts)
    )


def test_import_app_imports_every_module_of_the_app_packages() -> None:
    """Every module of i18n, data_access, charts and components, no command-line entry."""
    names = import_app()
    expected = {
        path[:-3].replace("/", ".").removesuffix(".__init__")
        for package in APP_PACKAGES
        for path in modules(package)
    }
    expected = {name for name in expected if not name.endswith("__main__")}
    assert expected - set(APP_PACKAGES) <= set(names)
    assert all(name in sys.modules for name in names)


def test_freeze_sets_aside_what_is_alive_and_later_objects_are_collected() -> None:
    """Frozen: the objects alive at the call; made afterwards: collected as before."""
    try:
        frozen = freeze_app_heap()
        assert frozen > 0 and gc.get_freeze_count() == frozen and gc.isenabled()
        cycle: list[object] = []
        cycle.append(cycle)
        del cycle
        assert gc.collect() >= 1  # the new cycle is found: the collector still runs
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("path", [p for p in modules() if p != "startup.py"])
def test_only_startup_changes_the_collector(path: str) -> None:
    """No gc.disable() or the like in the app, benchmarks or scripts: one collector per process."""
    tree = ast.parse((PROJECT_ROOT / path).read_text(encoding="utf-8"))
    calls = [
        f"line {node.lineno}: gc.{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "gc"
        and node.func.attr in PROCESS_WIDE
    ]
    assert calls == []
