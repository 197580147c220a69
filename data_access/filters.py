"""One immutable Filter value that every query accepts and that round-trips to URL params."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from data_access.codes import OVERDUE, SOURCES, STATUSES

# URL parameter name for each Filter field (short, stable: links get shared).
PARAM_NAMES: dict[str, str] = {
    "rounds": "round",
    "groups": "group",
    "cities": "city",
    "counties": "county",
    "townships": "township",
    "villages": "village",
    "focus_areas": "area",
    "sub_categories": "sub",
    "statuses": "status",
    "sources": "source",
    "date_from": "from",
    "date_to": "to",
    "as_of": "asof",
    "rectified_from": "rfrom",
    "rectified_to": "rto",
    "rollup": "rollup",
}
_ID_FIELDS = ("rounds", "groups", "cities", "counties", "townships", "villages")
# Fields whose values are fixed codes. Focus areas are a round's own categories (data,
# not codes): any value parses, and the filter bar drops the ones no round or problem
# knows, with a notice, as it does unknown township ids.
_CODE_FIELDS: dict[str, frozenset[str]] = {
    "statuses": frozenset(STATUSES) | {OVERDUE},
    "sources": frozenset(SOURCES),
}
_DATE_FIELDS = ("date_from", "date_to", "as_of", "rectified_from", "rectified_to")
_FLAG_FIELDS = ("rollup",)
_FLAG_VALUES = {"1": True, "true": True, "0": False, "false": False}
_SEPARATOR = ","


@dataclass(frozen=True)
class Filter:
    """What the user is looking at; empty tuples and None mean "all"."""

    rounds: tuple[int, ...] = ()
    groups: tuple[int, ...] = ()
    cities: tuple[int, ...] = ()
    counties: tuple[int, ...] = ()
    townships: tuple[int, ...] = ()
    villages: tuple[int, ...] = ()
    focus_areas: tuple[str, ...] = ()
    sub_categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()  # may include the derived "overdue"
    sources: tuple[str, ...] = ()
    date_from: date | None = None  # found_on >= date_from
    date_to: date | None = None  # found_on <= date_to
    as_of: date | None = None  # state of the ledger at the end of this day
    # Rectified (as of as_of) on a day in this range: a click on a week of the weekly chart.
    rectified_from: date | None = None
    rectified_to: date | None = None
    # 按现行区划汇总: group merged townships under the township they merged into (rollup=1).
    rollup: bool = False
    # Row-level township scope of the signed-in user: None = every township, () = none.
    # Set by the frame from the user's account, never from the URL (not in PARAM_NAMES).
    scope: tuple[int, ...] | None = None

    def with_(self, **changes: object) -> Filter:
        """A copy with some fields changed (tuples are sorted so equal filters compare equal)."""
        canonical: dict[str, Any] = {k: _canonical(k, v) for k, v in changes.items()}
        return replace(self, **canonical).normalised()

    def normalised(self) -> Filter:
        """Sorted, de-duplicated tuples: the canonical form used for cache keys and URLs."""
        # each field's own type: a dict of them is typed only as loosely as dataclass fields
        values: dict[str, Any] = {
            f.name: _canonical(f.name, getattr(self, f.name)) for f in fields(self)
        }
        return Filter(**values) if values != self.__dict__ else self

    def is_empty(self) -> bool:
        """True when the user chose nothing to filter by (the account's scope is not a choice)."""
        return replace(self, scope=None) == Filter()

    def to_params(self) -> dict[str, str]:
        """URL query parameters for the non-empty fields."""
        params: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value in (None, (), False) or f.name not in PARAM_NAMES:
                continue
            if f.name in _FLAG_FIELDS:
                params[PARAM_NAMES[f.name]] = "1"
            elif f.name in _DATE_FIELDS:
                params[PARAM_NAMES[f.name]] = value.isoformat()
            else:
                params[PARAM_NAMES[f.name]] = _SEPARATOR.join(str(v) for v in value)
        return params

    def within_dates(self, low: date, high: date) -> tuple[Filter, list[tuple[str, date, date]]]:
        """The Filter with every date moved into [low, high] and date_from no later than
        date_to; and what moved: (URL parameter, date asked for, date used)."""
        moved: list[tuple[str, date, date]] = []
        values: dict[str, date | None] = {}
        for name in _DATE_FIELDS:
            day = getattr(self, name)
            if day is not None and not low <= day <= high:
                values[name] = used = min(max(day, low), high)
                moved.append((PARAM_NAMES[name], day, used))
        flt = self.with_(**values)
        if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
            moved += [("from", flt.date_from, flt.date_to), ("to", flt.date_to, flt.date_from)]
            flt = flt.with_(date_from=flt.date_to, date_to=flt.date_from)
        return flt, moved

    @classmethod
    def from_params(cls, params: Mapping[str, object]) -> tuple[Filter, list[str]]:
        """Parse URL params; malformed values are dropped and named in the returned notices."""
        values: dict[str, Any] = {}  # field -> its parsed value (each field's own type)
        notices: list[str] = []
        for name, param in PARAM_NAMES.items():
            raw = params.get(param)
            if isinstance(raw, list):  # st.query_params.to_dict() keeps the last; be lenient
                raw = raw[-1] if raw else None
            if raw in (None, ""):
                continue
            parsed = _parse_value(name, str(raw))
            if parsed is None:
                notices.append(f"{param}={raw}")
            else:
                values[name] = parsed
        return cls(**values).normalised(), notices


def _canonical(name: str, value: Any) -> object:
    """Tuple fields become sorted unique tuples; dates stay as they are, flags become bools."""
    if name in _FLAG_FIELDS:
        return bool(value)
    if name in _DATE_FIELDS or value is None:
        return value
    if isinstance(value, str):
        value = (value,)
    return tuple(sorted(set(value)))


def _parse_value(name: str, raw: str) -> object | None:
    """One parameter's value, or None if any part of it is malformed."""
    if name in _FLAG_FIELDS:
        return _FLAG_VALUES.get(raw.strip().lower())
    if name in _DATE_FIELDS:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            return None
    parts = [p.strip() for p in raw.split(_SEPARATOR) if p.strip()]
    if not parts:
        return None
    if name in _ID_FIELDS:
        if not all(p.isdigit() for p in parts):
            return None
        return tuple(int(p) for p in parts)
    allowed = _CODE_FIELDS.get(name)
    if allowed is not None and not set(parts) <= allowed:
        return None
    return tuple(parts)
