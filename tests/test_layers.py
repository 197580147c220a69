"""The layers point one way down, read statically from the source (nothing is imported)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from components.navigation import PAGES_FOLDER
from data_access.settings import PROJECT_ROOT

SKIPPED_DIRS = {".venv", ".git", "node_modules", "test-artifacts", "data", "__pycache__"}
STREAMLIT = ("streamlit",)
DATABASE = ("sqlalchemy", "sqlmodel", "data_access.db")
AGGREGATIONS = {"groupby", "pivot_table", "resample"}


def project_modules(folder: str = "") -> list[Path]:
    """Every Python file of the project (or of one folder of it), virtualenv excluded."""
    root = PROJECT_ROOT / folder
    return sorted(
        path
        for path in root.rglob("*.py")
        if not SKIPPED_DIRS.intersection(path.relative_to(PROJECT_ROOT).parts)
    )


def module_id(path: Path) -> str:
    """A short test id: the path inside the project."""
    return str(path.relative_to(PROJECT_ROOT))


def parse(path: Path) -> ast.Module:
    """The syntax tree of one file."""
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imported_names(tree: ast.Module) -> set[str]:
    """Every module name an import statement in tree names (absolute imports)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def forbidden_imports(path: Path, forbidden: tuple[str, ...]) -> list[str]:
    """The imports of path that are, or live inside, one of the forbidden modules."""
    return sorted(
        name
        for name in imported_names(parse(path))
        if any(name == bad or name.startswith(bad + ".") for bad in forbidden)
    )


@pytest.mark.parametrize(
    "path",
    [p for p in project_modules("data_access") if module_id(p) != "data_access/cache.py"],
    ids=module_id,
)
def test_data_layer_does_not_import_streamlit(path: Path) -> None:
    """Only data_access/cache.py may know about Streamlit."""
    assert forbidden_imports(path, STREAMLIT) == []


@pytest.mark.parametrize("path", project_modules("charts"), ids=module_id)
def test_chart_builders_are_pure(path: Path) -> None:
    """charts/ turns DataFrames into Altair charts: no Streamlit, no database."""
    assert forbidden_imports(path, STREAMLIT + DATABASE) == []


@pytest.mark.parametrize("path", project_modules(PAGES_FOLDER), ids=module_id)
def test_pages_hold_no_sql(path: Path) -> None:
    """Page scripts reach the database only through data_access read functions."""
    assert forbidden_imports(path, ("sqlalchemy", "sqlmodel")) == []


@pytest.mark.parametrize("path", project_modules(PAGES_FOLDER), ids=module_id)
def test_pages_do_not_aggregate(path: Path) -> None:
    """Aggregation happens in SQL, not in pandas inside a page."""
    calls = [
        f"line {node.lineno}: .{node.func.attr}("
        for node in ast.walk(parse(path))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in AGGREGATIONS
    ]
    assert calls == []


@pytest.mark.parametrize("path", project_modules(), ids=module_id)
def test_every_module_has_a_docstring(path: Path) -> None:
    """A one-line docstring says what each module is for."""
    assert ast.get_docstring(parse(path)), f"{module_id(path)} has no module docstring"


def test_the_layers_exist() -> None:
    """The checks above would pass vacuously on an empty tree: make sure they see the code."""
    for folder in ("data_access", "charts", PAGES_FOLDER, "components", "seed"):
        assert project_modules(folder), f"{folder}/ has no Python modules"
    assert (PROJECT_ROOT / "dashboard.py").is_file()


def test_tests_share_helpers_only_through_tests_support() -> None:
    """A test file imports no other test file nor a conftest: what tests share is in support/."""
    shared = [
        f"{module_id(path)}: {name}"
        for path in project_modules("tests")
        for name in imported_names(parse(path))
        if name.rsplit(".", 1)[-1].startswith("test_") or name.rsplit(".", 1)[-1] == "conftest"
    ]
    assert shared == []


def test_every_test_folder_is_a_package() -> None:
    """tests/data_access/ is the package tests.data_access, never a second data_access."""
    folders = {path.parent for path in project_modules("tests")}
    assert [module_id(f) for f in sorted(folders) if not (f / "__init__.py").is_file()] == []


def test_tests_support_holds_no_tests() -> None:
    """tests/support/ holds helpers; a test of a helper lives beside the tests that use it."""
    assert (
        sorted(path.name for path in (PROJECT_ROOT / "tests" / "support").glob("test_*.py")) == []
    )


def server_clock_calls(path: Path) -> list[str]:
    """date.today() / datetime.now() without a zone: the server's clock, not the office's."""
    return [
        f"{module_id(path)} line {node.lineno}"
        for node in ast.walk(parse(path))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and (node.func.value.id, node.func.attr) in {("date", "today"), ("datetime", "now")}
        and not node.args
    ]


def test_today_is_the_offices_day() -> None:
    """'Today' is formatting.local_today() everywhere: after 16:00 UTC the server's date is
    the office's yesterday, and a deadline, a status event and a test would disagree."""
    folders = ("data_access", "charts", PAGES_FOLDER, "components", "seed", "bench", "tests")
    found = [
        call
        for folder in folders
        for path in project_modules(folder)
        for call in server_clock_calls(path)
    ]
    assert found == []
