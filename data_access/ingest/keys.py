"""Problem codes for ledgers that have none: a stable rule, and a check that rows did not move.

Most offices number problems only by 序号, often restarting per sheet or section. A code is
then R{round}-{sheet}-{序号} (with the section's number when 序号 restarts within a sheet,
and the row's place when there is no 序号), so next week's version of the same file names the
same problems. A file whose rows were re-ordered or re-numbered would silently update the
wrong problems: a row whose description is stored under another derived code is an error.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data_access.ingest.errors import RowError
from data_access.ingest.layout import cell_text
from data_access.ingest.normalise_sheet import ROW
from data_access.ingest.read import RawSheet
from data_access.models import Problem
from i18n import t

CODE_MAX = 64


def derived_codes(raw: RawSheet, round_id: int) -> list[str]:
    """A code per data row of a sheet without a 问题编号 column."""
    seqs = [cell_text(v) for v in raw.values("seq")] if "seq" in raw.columns else []
    restarts = bool(seqs) and any(n > 1 for s, n in Counter(seqs).items() if s)
    section_numbers = _section_numbers(raw.sections)
    codes = []
    for place, section in enumerate(section_numbers, start=1):
        seq = seqs[place - 1] if seqs and seqs[place - 1] else f"#{place}"
        parts = [*([str(section)] if restarts else []), seq]
        codes.append((code_prefix(raw, round_id) + "-".join(parts))[:CODE_MAX])
    return codes


def _section_numbers(sections: list[tuple[str, ...]]) -> list[int]:
    """1, 2, … per distinct run of section context, one per row."""
    numbers, last, current = [], None, 0
    for context in sections:
        if context != last:
            current, last = current + 1, context
        numbers.append(current)
    return numbers


def rule_text(raw: RawSheet, round_id: int) -> str:
    """The rule as the preview shows it, with the first row's code as an example."""
    example = derived_codes(raw, round_id)[0] if raw.rows else ""
    return t("ingest.notice.derived_codes", sheet=raw.name, example=example)


def code_prefix(raw: RawSheet, round_id: int) -> str:
    """R{round}-{sheet}-: what every derived code of a sheet starts with."""
    return f"R{round_id}-{raw.name.strip()}-"


def moved_rows(
    raw: RawSheet, frame: pd.DataFrame, prefix: str, *, session: Session
) -> list[RowError]:
    """Rows whose description is stored under another derived code of the same sheet."""
    stored = session.execute(
        select(Problem.code, Problem.description).where(Problem.code.startswith(prefix))
    ).all()
    by_text = {description: code for code, description in stored}
    by_code = dict(stored)
    errors = []
    for row, code, text in zip(frame[ROW], frame["code"], frame["description"], strict=True):
        other = by_text.get(text)
        if other and other != code and by_code.get(code) != text:
            reason = t("ingest.reason.moved", code=code, other=other)
            errors.append(RowError(raw.name, int(row), raw.header_of("description"), "", reason))
    return errors
