"""Row-level township scope of an upload: a scoped account may write its own townships only.

A row is refused when its township lies outside the account's scope, or when its code
already belongs to a stored record of another township (an upload must not move or
overwrite records the account may not even see).
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data_access.ingest.errors import RowError
from data_access.ingest.normalise_sheet import MODELS, ROW
from data_access.ingest.read import RawSheet
from data_access.ingest.records import chunks
from i18n import t


def scope_errors(
    raw: RawSheet, frame: pd.DataFrame, scope: tuple[int, ...] | None, *, session: Session
) -> list[RowError]:
    """A RowError per row outside scope (nothing when scope is None: every township)."""
    if scope is None or frame.empty:
        return []
    allowed = set(scope)
    outside = t("ingest.reason.out_of_scope")
    errors = [
        RowError(raw.name, int(row), raw.header_of("township"), str(name or ""), outside)
        for row, name, township_id in zip(
            frame[ROW], frame["township"], frame["township_id"], strict=True
        )
        if isinstance(township_id, int) and township_id not in allowed
    ]
    foreign = _stored_outside(session, raw.spec.key, frame["code"], allowed)
    stored_outside = t("ingest.reason.stored_out_of_scope")
    errors += [
        RowError(raw.name, int(row), raw.header_of("code"), code, stored_outside)
        for row, code in zip(frame[ROW], frame["code"], strict=True)
        if code in foreign
    ]
    return errors


def _stored_outside(
    session: Session, sheet_key: str, codes: pd.Series, allowed: set[int]
) -> set[str]:
    """The codes of the sheet whose stored record lies in a township outside allowed."""
    table = MODELS[sheet_key].__table__
    wanted = sorted({code for code in codes if isinstance(code, str)})
    outside: set[str] = set()
    for part in chunks(wanted):
        query = select(table.c.code, table.c.township_id).where(table.c.code.in_(part))
        outside |= {code for code, tid in session.execute(query) if tid not in allowed}
    return outside
