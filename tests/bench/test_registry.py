"""The benchmark's page registry names every read function the pages really call (AST scan)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bench.registry import FRAME, PAGE_SCRIPTS, PAGES
from data_access.settings import PROJECT_ROOT

# Queries a page runs only when asked (an expander opened), not when it renders.
ON_DEMAND = {"fetch_notice"}  # the 通报稿 (components/notice.py)
QUERY_PREFIXES = ("fetch_", "count_", "is_", "list_")


def queried_names(path: Path) -> set[str]:
    """Read functions a script hands to cached_query or imports from data_access."""
    return queried_names_in(ast.parse(path.read_text(encoding="utf-8")))


def component_queries(page_script: Path) -> set[str]:
    """Queries inside the component functions a page imports (one level of calls)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(page_script.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("components.")):
            continue
        module = PROJECT_ROOT / (node.module.replace(".", "/") + ".py")
        imported = {alias.name for alias in node.names}
        for function in ast.parse(module.read_text(encoding="utf-8")).body:
            if isinstance(function, ast.FunctionDef) and function.name in imported:
                names |= queried_names_in(function)
    return names


def queried_names_in(tree: ast.AST) -> set[str]:
    """Read functions handed to cached_query, or imported from data_access as fetch_*/count_*.

    A read function a component takes as an argument (components/changes.py) is its caller's.
    """
    names: set[str] = set()
    arguments = {node.arg for node in ast.walk(tree) if isinstance(node, ast.arg)}
    for node in ast.walk(tree):
        is_cached_call = (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "cached_query"
        )
        if is_cached_call and node.args and isinstance(node.args[0], ast.Name):
            names.add(node.args[0].id)
    names -= arguments
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        module = node.module or ""
        # data_access.kpis builds the cards from figures (count_card reads nothing).
        if module.startswith("data_access") and module != "data_access.kpis":
            names |= {a.name for a in node.names if a.name.startswith(("fetch_", "count_"))}
    return names


def registry_names(page: str) -> set[str]:
    """Read function names the registry lists for page."""
    return {step.name for step in PAGES[page]}


@pytest.mark.parametrize("page", sorted(PAGE_SCRIPTS))
def test_registry_lists_every_query_of_the_page(page: str) -> None:
    """Each page's queries (its own and its components') are in its registry entry (or the
    frame's), and the entry lists nothing the page never runs."""
    path = PROJECT_ROOT / PAGE_SCRIPTS[page]
    runs = (queried_names(path) | component_queries(path)) - ON_DEMAND
    assert runs, f"{PAGE_SCRIPTS[page]} runs no query?"
    assert runs - registry_names(FRAME) <= registry_names(page)
    assert registry_names(page) <= runs


def test_every_page_script_with_queries_is_registered() -> None:
    """A new page that queries the ledger must be added to the registry."""
    for path in sorted((PROJECT_ROOT / "pages").glob("*.py")):
        names = {n for n in queried_names(path) if n.startswith(QUERY_PREFIXES)}
        if names and path.stem not in PAGES:
            pytest.fail(f"{path.name} queries {sorted(names)} but is not in bench.registry.PAGES")


def test_component_queries_are_registered() -> None:
    """Queries the frame's and pages' components run appear in the registry."""
    listed = {name for page in PAGES for name in registry_names(page)}
    frame_only = {"list_townships"}  # the admin page's user form, not a dashboard page
    frame_only.add("fetch_office_settings")  # 巡察轮次's office form, an admin page
    frame_only.add("fetch_upload_days")  # 往期简报: read when the expander is opened, not a render
    frame_only |= ON_DEMAND
    frame_only.add("fetch_shape_status")  # 行政区划's boundary section, an admin page
    frame_only.add("fetch_data_change")  # components/live.py: once per data change, not a render
    for path in sorted((PROJECT_ROOT / "components").glob("*.py")):
        missing = queried_names(path) - listed - frame_only
        assert not missing, f"{path.name} runs {sorted(missing)}, missing from bench.registry"
    assert {"fetch_filter_options", "is_demo_data"} <= registry_names(FRAME)
