"""The office's setup: its name and its own words for its units (office_setting), and the
app's title and subtitle made from them and from the newest round's theme.

The words for units follow the kinds of the office's regions unless the office sets its
own: township-level units all 乡/镇 → 乡镇, only 街道 → 街道, both → 乡镇（街道）, any
department inspected as a unit (kind 部门) → 被巡察单位; village-level units named …社区 →
社区, others 村, both → 村（社区）. i18n fills them into every message (i18n.Terms).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import Session

from data_access.audit import record_event
from data_access.codes import DEPARTMENT_KIND
from data_access.models import InspectionRound, OfficeSetting, Township, Village
from data_access.version import bump_data_version
from i18n import Terms, t

# Setting key -> its longest value. name: 本单位名称 (the title); term_*: the office's own
# Chinese word for its township- / village-level units ("" = follow the regions).
SETTINGS = {"name": 64, "term_township": 16, "term_village": 16}
STREET_KIND = "街道"  # i18n-data: the stored kind of a sub-district
COMMUNITY_SUFFIX = "社区"  # i18n-data: a village-level unit named so is a community
TOWN_KINDS = ("镇", "乡")  # i18n-data: stored kinds of towns and townships


class OfficeError(ValueError):
    """A setting that cannot be stored; the message is in the UI language."""


@dataclass(frozen=True)
class Heading:
    """The app's title and subtitle for this office (shown on every page and the sign-in)."""

    title: str
    subtitle: str


def fetch_office_settings(*, session: Session) -> dict[str, str]:
    """Every setting (missing ones as "")."""
    stored = dict(session.execute(select(OfficeSetting.key, OfficeSetting.value)).all())
    return {key: stored.get(key, "") for key in SETTINGS}


def set_office_settings(*, session: Session, actor: str, values: dict[str, str]) -> dict:
    """Store settings (trimmed; "" clears one), audited; returns the changed ones (old, new)."""
    current = fetch_office_settings(session=session)
    changed: dict[str, tuple[str, str]] = {}
    for key, value in values.items():
        if key not in SETTINGS:
            raise OfficeError(t("admin.office.error.unknown", key=key))
        clean = (value or "").strip()
        if len(clean) > SETTINGS[key]:
            raise OfficeError(t("admin.office.error.long", count=SETTINGS[key]))
        if clean != current[key]:
            changed[key] = (current[key], clean)
            session.merge(OfficeSetting(key=key, value=clean))
    if changed:
        session.flush()
        detail = json.dumps(changed, ensure_ascii=False, sort_keys=True)
        record_event(session=session, actor=actor, action="office_update", detail=detail)
        bump_data_version(session=session, summaries=False)  # titles and terms are cached
    return changed


def township_term(kinds: set[str]) -> str:
    """The code (i18n.TOWNSHIP_TERMS) of the word for township-level units of these kinds."""
    if DEPARTMENT_KIND in kinds:
        return "unit"
    if STREET_KIND in kinds:
        return "township_street" if kinds & set(TOWN_KINDS) else "street"
    return "township"


def village_term(communities: int, others: int) -> str:
    """The code (i18n.VILLAGE_TERMS) of the word for village-level units."""
    if communities and others:
        return "village_community"
    return "community" if communities else "village"


def fetch_unit_terms(*, session: Session) -> Terms:
    """The office's words for its units: its settings, else from its regions' kinds."""
    kinds = set(session.scalars(select(Township.kind).distinct()))
    community = Village.name.like(f"%{COMMUNITY_SUFFIX}")
    communities, total = session.execute(
        select(func.count().filter(community), func.count()).select_from(Village)
    ).one()
    settings = fetch_office_settings(session=session)
    return Terms(
        township=township_term(kinds),
        village=village_term(int(communities), int(total) - int(communities)),
        township_zh=settings["term_township"],
        village_zh=settings["term_village"],
    )


def fetch_heading(*, session: Session) -> Heading:
    """Title: the office's name with the product's; subtitle: the newest round's theme."""
    name = fetch_office_settings(session=session)["name"]
    theme = session.scalar(
        select(InspectionRound.theme)
        .where(InspectionRound.theme != "")
        .order_by(InspectionRound.started_on.desc().nulls_last(), InspectionRound.id.desc())
        .limit(1)
    )
    title = t("frame.app_title_of", office=name) if name else t("frame.app_title")
    return Heading(title=title, subtitle=theme or "")
