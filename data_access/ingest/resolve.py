"""Names in the ledger -> ids in the database: rounds, groups, townships (aliases), villages.

Nothing is ever created: an unknown name becomes Invalid with a reason that suggests the
closest known names (difflib), e.g. 未知乡镇“雨潭乡”，是否为：雨坛乡？
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from data_access.ingest.cell_values import Invalid
from data_access.ingest.errors import joined
from data_access.models import (
    InspectionGroup,
    InspectionRound,
    Township,
    TownshipAlias,
    Village,
    row_id,
)
from i18n import t

TOWNSHIP_SUFFIXES = ("镇", "乡", "街道")  # i18n-data: suffixes of township names
VILLAGE_SUFFIXES = ("村", "社区", "居委会")  # i18n-data: suffixes of village names
CHINESE_DIGITS = {digit: n for n, digit in enumerate("一二三四五六七八九", start=1)}  # i18n-data
CHINESE_TEN = "十"  # i18n-data: the numeral ten in group names
_ORDINAL = re.compile(
    r"^(?:第)?(?:巡察)?([一二三四五六七八九十]{1,3}|\d{1,2})(?:巡察)?组$"  # i18n-data: group names
)


@dataclass(frozen=True)
class RoundInfo:
    """An inspection round as the reader needs it."""

    id: int
    name: str
    default_found_on: date | None  # feedback_on, else started_on
    county_id: int | None = None  # the county or district the round inspects


def chinese_number(text: str) -> int | None:
    """一..九十九 or digits as an int (None when not a number)."""
    if text.isdigit():
        return int(text)
    if CHINESE_TEN in text:
        tens, _, ones = text.partition(CHINESE_TEN)
        return CHINESE_DIGITS.get(tens, 1) * 10 + CHINESE_DIGITS.get(ones, 0)
    return CHINESE_DIGITS.get(text)


def group_ordinal(name: str) -> int | None:
    """The number a group name states: 第三巡察组, 巡察三组, 3组 -> 3 (None when it states none)."""
    match = _ORDINAL.match(name)
    return chinese_number(match.group(1)) if match else None


def closest(value: str, choices: list[str], count: int = 3, cutoff: float = 0.4) -> list[str]:
    """The choices most like value (difflib ratio), ties kept in the order given."""
    matcher = difflib.SequenceMatcher(b=value)
    scored = []
    for position, choice in enumerate(dict.fromkeys(choices)):
        matcher.set_seq1(choice)
        if matcher.ratio() >= cutoff:
            scored.append((-matcher.ratio(), position, choice))
    return [choice for _score, _position, choice in sorted(scored)[:count]]


def kind_label(kind: str) -> str:
    """What a name names (round, township, village, group) in the current language."""
    return t(f"ingest.kind.{kind}")


def suggestion_reason(kind: str, value: str, choices: list[str], where: str = "") -> str:
    """未知乡镇“X”，是否为：A、B？ or "not known"; kind as shown (kind_label("township"))."""
    close = closest(value, choices)
    subject = t("ingest.unknown_kind", kind=kind)
    context = t("ingest.reason.context", where=where) if where else ""
    if close:
        return t(
            "ingest.reason.suggest",
            subject=subject,
            value=value,
            context=context,
            choices=joined(close),
        )
    return t("ingest.reason.no_such_name", subject=subject, value=value, context=context)


@dataclass
class NameBook:
    """Every name a ledger may use, loaded once per upload."""

    rounds: dict[int, RoundInfo]
    newest_round_id: int | None
    townships: dict[int, str]
    township_ids: dict[str, int]  # names and aliases
    groups: dict[int, dict[str, int]]  # round id -> group name -> id
    group_ordinals: dict[int, dict[int, int]]  # round id -> ordinal -> id
    villages: dict[int, dict[str, int]] = field(default_factory=dict)  # township id -> name -> id
    ambiguous: set[str] = field(default_factory=set)  # township names of several counties
    # township id -> (停用日期, id of the township it merged into or None), for retired ones
    retired: dict[int, tuple[date, int | None]] = field(default_factory=dict)
    county_of: dict[int, int] = field(default_factory=dict)  # township id -> county id

    @classmethod
    def load(cls, session: Session) -> NameBook:
        """Read rounds, groups, townships, aliases and villages from the database."""
        rounds_query = select(InspectionRound).order_by(
            InspectionRound.started_on.desc().nulls_last(), InspectionRound.id.desc()
        )
        rounds = [
            RoundInfo(row_id(r), r.name, r.feedback_on or r.started_on, r.county_id)
            for r in session.scalars(rounds_query)
        ]
        townships = dict(session.execute(select(Township.id, Township.name)).all())
        township_ids = {name: tid for tid, name in townships.items()}
        ambiguous = {name for name, n in Counter(townships.values()).items() if n > 1}
        for tid, alias in session.execute(select(TownshipAlias.township_id, TownshipAlias.alias)):
            township_ids.setdefault(alias, tid)
        book = cls(
            rounds={r.id: r for r in rounds},
            newest_round_id=rounds[0].id if rounds else None,
            townships=townships,
            township_ids=township_ids,
            groups=defaultdict(dict),
            group_ordinals=defaultdict(dict),
            villages=defaultdict(dict),
            ambiguous=ambiguous,
        )
        ended = select(Township.id, Township.valid_to, Township.merged_into_id).where(
            Township.valid_to.is_not(None)
        )
        book.retired = {tid: (day, target) for tid, day, target in session.execute(ended)}
        book.county_of = dict(session.execute(select(Township.id, Township.county_id)).all())
        for group in session.scalars(select(InspectionGroup)):
            book.groups[group.round_id][group.name] = row_id(group)
            book.group_ordinals[group.round_id][group.ordinal] = row_id(group)
        villages = select(Village.id, Village.township_id, Village.name)
        for vid, tid, name in session.execute(villages):
            book.villages[tid][name] = vid
        return book

    def round_id(self, name: str) -> int | Invalid:
        """The round with this name."""
        for info in self.rounds.values():
            if info.name == name:
                return info.id
        known = [info.name for info in self.rounds.values()]
        return Invalid(name, suggestion_reason(kind_label("round"), name, known))

    def township_id(self, name: str) -> int | Invalid:
        """A township by name or alias; a name without 镇/乡 matches when only one fits."""
        if name in self.ambiguous:
            return Invalid(name, t("ingest.reason.ambiguous_township", name=name))
        if name in self.township_ids:
            return self.township_ids[name]
        if not name.endswith(TOWNSHIP_SUFFIXES):
            found = {tid for known, tid in self.township_ids.items() if _base(known) == name}
            if len(found) == 1:
                return found.pop()
        reason = suggestion_reason(kind_label("township"), name, list(self.township_ids))
        return Invalid(name, reason)

    def township_in(self, text: str) -> str | None:
        """The one known township name or alias that text contains (the longest), or None."""
        found = sorted(
            (name for name in self.township_ids if len(name) >= 2 and name in text),
            key=len,
            reverse=True,
        )
        if not found or (len(found) > 1 and len(found[0]) == len(found[1])):
            return None
        return found[0]

    def village_id(self, township_id: int, name: str) -> int | Invalid:
        """A village of the given township; 钱桥 matches 钱桥村 when only one fits."""
        known = self.villages.get(township_id, {})
        if name in known:
            return known[name]
        if not name.endswith(VILLAGE_SUFFIXES):
            found = [vid for known_name, vid in known.items() if _base(known_name) == name]
            if len(found) == 1:
                return found[0]
        where = self.townships.get(township_id, "")
        if not known:
            return Invalid(name, t("ingest.reason.no_villages", township=where))
        elsewhere = sorted(
            {self.townships[tid] for tid, names in self.villages.items() if name in names}
        )
        if not elsewhere:
            return Invalid(name, suggestion_reason(kind_label("village"), name, list(known), where))
        close = closest(name, list(known))
        reason = t(
            "ingest.reason.village_elsewhere", name=name, township=where, others=joined(elsewhere)
        )
        if close:
            reason += t("ingest.reason.close_villages", names=joined(close))
        return Invalid(name, reason)

    def group_id(self, round_id: int, name: str) -> int | Invalid:
        """A group of the round by name, or by its ordinal (一组, 第1组, 巡察一组)."""
        known = self.groups.get(round_id, {})
        if name in known:
            return known[name]
        number = group_ordinal(name)
        if number is not None and number in self.group_ordinals.get(round_id, {}):
            return self.group_ordinals[round_id][number]
        where = self.rounds[round_id].name if round_id in self.rounds else ""
        if not known:
            return Invalid(name, t("ingest.reason.no_groups", round=where))
        return Invalid(name, suggestion_reason(kind_label("group"), name, list(known), where))


def _base(name: str) -> str:
    """A place name without its 镇/乡/村/社区 suffix."""
    for suffix in (*TOWNSHIP_SUFFIXES, *VILLAGE_SUFFIXES):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name
