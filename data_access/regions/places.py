"""The city and county of a regions file that has no 市 or 县（区） column.

An office that is one county or district lists only its towns and villages: the county (and
city) then come from the title ("铜陵市枞阳县乡镇及村（社区）名单"), else from the store when it
holds exactly one county. What cannot be found is an error naming the headers seen.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from data_access.ingest.context import add_column
from data_access.ingest.layout_words import CITY_COUNTY, COUNTY_ONLY
from data_access.ingest.read import RawSheet
from data_access.models import City, County
from i18n import t


def fill_places(raw: RawSheet, session: Session) -> None:
    """Add city / county columns from the title or the store (missing_columns reports the rest)."""
    missing = [name for name in ("city", "county") if name not in raw.columns]
    if not missing or not raw.rows:
        return
    found = _from_title(raw.title)
    stored = _single_county(session)
    for field in missing:
        value, source = found.get(field), "regions.context.from_title"
        if not value and stored:
            value, source = stored[field], "regions.context.from_store"
        if value:
            header = t(source, field=raw.spec.column(field).header, value=value)
            add_column(raw, field, header, [value] * len(raw.rows))


def _from_title(title: str) -> dict[str, str]:
    """city and county a title names (either may be absent)."""
    both = CITY_COUNTY.search(title)
    if both:
        return {"city": both.group(1), "county": both.group(2)}
    county = COUNTY_ONLY.search(title)
    return {"county": county.group(1)} if county else {}


def _single_county(session: Session) -> dict[str, str] | None:
    """The stored city and county when the store holds exactly one county."""
    rows = session.execute(
        select(City.name, County.name).join(County, County.city_id == City.id)
    ).all()
    if len(rows) != 1:
        return None
    return {"city": rows[0][0], "county": rows[0][1]}
