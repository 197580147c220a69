"""The role × page/action matrix, deny-by-default and name masking."""

from __future__ import annotations

import pytest

from data_access.roles import (
    ACTIONS,
    PAGES,
    PERMISSIONS,
    ROLES,
    can,
    display_name_for,
    mask_name,
    matrix_markdown,
    pages_for,
)
from data_access.settings import PROJECT_ROOT

# name: (viewer, uploader, admin) — written out by hand, the contract docs/operations.md documents.
EXPECTED = {
    "overview": (True, True, True),
    "townships": (True, True, True),
    "problems": (True, True, True),
    "funds": (True, True, True),
    "accountability": (True, True, True),
    "leads": (True, True, True),
    "rounds": (True, True, True),
    "problem": (True, True, True),
    "meeting": (True, True, True),
    "view": (True, True, True),
    "briefing": (True, True, True),
    "upload": (False, True, True),
    "imports": (False, True, True),
    "undo": (False, True, True),
    "export": (False, True, True),
    "admin_users": (False, False, True),
    "admin_audit": (False, False, True),
    "regions": (False, False, True),
    "admin_rounds": (False, False, True),
    "manage_users": (False, False, True),
    "see_error_details": (False, False, True),
    "manage_meeting_paths": (False, False, True),
    "view_audit": (False, False, True),
    "see_full_names": (False, True, True),
}


@pytest.mark.parametrize(
    ("name", "role", "allowed"),
    [
        (name, role, allowed)
        for name, row in EXPECTED.items()
        for role, allowed in zip(("viewer", "uploader", "admin"), row, strict=True)
    ],
)
def test_matrix(name: str, role: str, allowed: bool) -> None:
    """Each role opens exactly the pages and does exactly the actions of the table."""
    assert can(role, name) is allowed


def test_matrix_covers_every_page_and_action() -> None:
    """Every listed page and action has a row, and no row lacks a listing."""
    assert set(PERMISSIONS) == set(PAGES) | set(ACTIONS) == set(EXPECTED)
    assert ROLES == ("viewer", "uploader", "admin")


@pytest.mark.parametrize("role", [None, "", "root", "Admin", "ADMIN", " admin", "superuser"])
def test_unknown_roles_are_denied_everything(role: str | None) -> None:
    """Deny by default: a role the matrix does not know opens nothing."""
    assert not any(can(role, name) for name in PERMISSIONS)
    assert pages_for(role) == ()


@pytest.mark.parametrize("name", ["", "delete_everything", "Overview", "admin", None])
def test_unknown_pages_and_actions_are_denied(name: str | None) -> None:
    """Deny by default: even an admin cannot do what the matrix does not list."""
    assert not can("admin", name)  # type: ignore[arg-type]


def test_pages_for_each_role_in_navigation_order() -> None:
    """Navigation lists the allowed pages in the matrix order."""
    read_pages = (
        "overview",
        "townships",
        "problems",
        "funds",
        "accountability",
        "leads",
        "rounds",
        "problem",
    )
    assert pages_for("viewer") == (*read_pages, "meeting")
    assert pages_for("uploader") == (*read_pages, "meeting", "upload", "imports")
    assert pages_for("admin") == PAGES


def test_matrix_cannot_be_changed_at_run_time() -> None:
    """The matrix is frozen: neither the mapping nor a row can be altered."""
    with pytest.raises(TypeError):
        PERMISSIONS["upload"] = frozenset({"viewer"})  # type: ignore[index]
    with pytest.raises(AttributeError):
        PERMISSIONS["upload"].add("viewer")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "is_organisation", "masked"),
    [
        ("张三", False, "张*"),
        ("欧阳明华", False, "欧***"),
        ("李", False, "*"),
        (" 王小明 ", False, "王**"),
        ("阿依古丽·买买提", False, "阿" + "*" * 7),
        ("", False, ""),
        ("XX村党支部", True, "XX村党支部"),
    ],
)
def test_mask_name(name: str, is_organisation: bool, masked: str) -> None:
    """A person keeps the first character only; organisations are not masked."""
    assert mask_name(name, is_organisation=is_organisation) == masked


@pytest.mark.parametrize(
    ("role", "shown"),
    [("admin", "欧阳明华"), ("uploader", "欧阳明华"), ("viewer", "欧***"), ("nobody", "欧***")],
)
def test_display_name_depends_on_the_role(role: str, shown: str) -> None:
    """Only roles with see_full_names read full names; everyone else sees them masked."""
    assert display_name_for(role, "欧阳明华") == shown


def test_matrix_markdown_lists_every_row() -> None:
    """The generated table has one line per page and action with a mark per role."""
    lines = matrix_markdown().splitlines()
    assert len(lines) == 2 + len(EXPECTED)
    for name, row in EXPECTED.items():
        line = next(line for line in lines if line.startswith(f"| `{name}` |"))
        assert line.count("✓") == sum(row)


def test_operations_doc_quotes_the_matrix_as_generated() -> None:
    """docs/operations.md holds the matrix exactly as matrix_markdown() writes it today."""
    document = (PROJECT_ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    assert matrix_markdown() in document, "docs/operations.md: paste matrix_markdown() again"
