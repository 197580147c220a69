"""One immutable Filter value that every query accepts and that round-trips to URL params."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date

from data_access.codes import FOCUS_AREAS, OVERDUE, SOURCES, STATUSES

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
    "rollup": "rollup",
}
_ID_FIELDS = ("rounds", "groups", "cities", "counties", "townships", "villages")
_CODE_FIELDS: dict[str, frozenset[str]] = {
    "focus_areas": frozenset(FOCUS_AREAS),
    "statuses": frozenset(STATUSES) | {OVERDUE},
    "sources": frozenset(SOURCES),
}
_DATE_FIELDS = ("date_from", "date_to", "as_of")
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
    # 按现行区划汇总: group merged townships under the township they merged into (rollup=1).
    rollup: bool = False
    # Row-level township scope of the signed-in user: None = every township, () = none.
    # Set by the frame from the user's account, never from the URL (not in PARAM_NAMES).
    scope: tuple[int, ...] | None = None

    def with_(self, **changes: object) -> Filter:
        """A copy with some fields changed (tuples are sorted so equal filters compare equal)."""
        return replace(self, **{k: _canonical(k, v) for k, v in changes.items()}).normalised()

    def normalised(self) -> Filter:
        """Sorted, de-duplicated tuples: the canonical form used for cache keys and URLs."""
        values = {f.name: _canonical(f.name, getattr(self, f.name)) for f in fields(self)}
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

    @classmethod
    def from_params(cls, params: Mapping[str, object]) -> tuple[Filter, list[str]]:
        """Parse URL params; malformed values are dropped and named in the returned notices."""
        values: dict[str, object] = {}
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


def _canonical(name: str, value: object) -> object:
    """Tuple fields become sorted unique tuples; dates stay as they are, flags become bools."""
    if name in _FLAG_FIELDS:
        return bool(value)
    if name in _DATE_FIELDS or value is None:
        return value
    if isinstance(value, str):
        value = (value,)
    return tuple(sorted(set(value)))  # type: ignore[arg-type]


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
