"""Roles and the role × page/action matrix as frozen data; deny by default; name masking."""

from __future__ import annotations

from types import MappingProxyType

from data_access.codes import LabelMap
from i18n import t_in

VIEWER = "viewer"
UPLOADER = "uploader"
ADMIN = "admin"

ROLES: tuple[str, ...] = (VIEWER, UPLOADER, ADMIN)
# Role code -> its label in the current UI language ("accounts.role.<code>").
ROLE_LABELS = LabelMap("role", ROLES, area="accounts")

PAGES: tuple[str, ...] = (
    "overview",
    "townships",
    "problems",
    "funds",
    "accountability",
    "leads",
    "rounds",  # 轮次对比: this round against the previous one
    "problem",  # one problem's detail (opened from the tables and the drill-down)
    "meeting",
    "upload",
    "imports",
    "admin_users",
    "admin_audit",
    "regions",  # 行政区划: upload the office's places
    "admin_rounds",  # 巡察轮次: create and edit rounds and groups, remove the demo data
)
ACTIONS: tuple[str, ...] = (
    "view",
    "briefing",  # the briefing (PDF/Word) of what the person sees: leaders take it to meetings
    "export",
    "upload",
    "undo",
    "manage_users",
    "view_audit",
    "see_full_names",
    "see_error_details",  # the database error's detail (user, host, port, database name)
    "manage_meeting_paths",  # overwrite or delete a saved meeting path someone else saved
)

_READERS = frozenset({VIEWER, UPLOADER, ADMIN})
_STAFF = frozenset({UPLOADER, ADMIN})
_ADMINS = frozenset({ADMIN})

# One table for pages and actions: "upload" is both the page and the action, with one answer.
PERMISSIONS: MappingProxyType[str, frozenset[str]] = MappingProxyType(
    {
        "overview": _READERS,
        "townships": _READERS,
        "problems": _READERS,
        "funds": _READERS,
        "accountability": _READERS,
        "leads": _READERS,
        "rounds": _READERS,
        "problem": _READERS,
        "meeting": _READERS,
        "view": _READERS,
        "briefing": _READERS,
        "upload": _STAFF,
        "imports": _STAFF,
        "undo": _STAFF,
        "export": _STAFF,
        "admin_users": _ADMINS,
        "admin_audit": _ADMINS,
        "regions": _ADMINS,
        "admin_rounds": _ADMINS,
        "manage_users": _ADMINS,
        "view_audit": _ADMINS,
        "see_error_details": _ADMINS,
        "manage_meeting_paths": _ADMINS,
        # The one masking rule: people's names in full for staff, who upload them anyway
        # (and whose ledger workbook must round-trip), first character + * for viewers.
        "see_full_names": _STAFF,
    }
)

MASK_CHAR = "*"
# Problem fields that hold a person's name (masked like accountability names); 责任单位 is
# an organisation and stays.
PERSON_NAME_FIELDS = ("lead_leader", "responsible_person")


def can(role: str | None, action_or_page: str) -> bool:
    """True when role may open the page or do the action; unknown roles or names are denied."""
    return role in PERMISSIONS.get(action_or_page, frozenset())


def pages_for(role: str | None) -> tuple[str, ...]:
    """The pages role may open, in navigation order (empty for an unknown role)."""
    return tuple(page for page in PAGES if can(role, page))


def is_role(role: str | None) -> bool:
    """True for one of the three known roles."""
    return role in ROLE_LABELS


def mask_name(name: str, *, is_organisation: bool = False) -> str:
    """Keep a person's first character and star the rest ("张三" → "张*"); organisations stay."""
    cleaned = (name or "").strip()
    if is_organisation or not cleaned:
        return cleaned
    if len(cleaned) == 1:
        return MASK_CHAR
    return cleaned[0] + MASK_CHAR * (len(cleaned) - 1)


def display_name_for(role: str | None, name: str, *, is_organisation: bool = False) -> str:
    """The name as role may see it: full for roles with see_full_names, masked otherwise."""
    if can(role, "see_full_names"):
        return (name or "").strip()
    return mask_name(name, is_organisation=is_organisation)


def matrix_markdown() -> str:
    """The matrix as a Markdown table (docs/operations.md quotes it; a test keeps them equal).

    Always in Chinese, whatever the UI language, like the document that quotes it.
    """
    labels = ROLE_LABELS.in_language("zh")
    header = f"| {t_in('zh', 'accounts.matrix.header')} | " + " | ".join(labels.values()) + " |"
    rule = "|---" * (len(ROLES) + 1) + "|"
    lines = [header, rule]
    for name in PAGES + tuple(a for a in ACTIONS if a not in PAGES):
        marks = " | ".join("✓" if can(role, name) else "—" for role in ROLES)
        lines.append(f"| `{name}` | {marks} |")
    return "\n".join(lines)
