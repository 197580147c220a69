"""The global filter bar (sidebar): the filter widgets of every filtered page.

The URL is the single source of truth: every run sets the widgets from the URL's Filter,
and a widget's change callback writes the new Filter back to the URL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

import streamlit as st

from components.auth import current_scope
from components.filter_state import (
    FILTER_PARAMS,
    add_notice,
    current_filter,
    queue_ignored_params,
    restore_filter_after_navigation,
    write_filter,
)
from components.markdown import md
from components.rollup_toggle import show_rollup_toggle
from components.scope import scope_line, show_scope_line
from data_access.cache import cached_query
from data_access.codes import SOURCES
from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.queries.options import (
    VILLAGE_LIST_LIMIT,
    FilterOptions,
    fetch_filter_options,
    fetch_villages,
)
from data_access.queries.status import STATUS_CHOICES
from i18n import t

KEY_PREFIX = "filter_"
DATE_MARGIN = timedelta(days=366)
ID_FIELDS = ("rounds", "groups", "cities", "counties", "townships", "villages")
# The Filter fields with a chip, in the order of the bar; each field (dates too) is labelled
# "frame.filter.<field>" in the catalogue, read per run: the language may change.
FIELDS = (*ID_FIELDS, "focus_areas", "sub_categories", "statuses", "sources")
# Narrower fields that must stay inside the chosen wider ones.
DEPENDENTS = {"townships": "villages", "focus_areas": "sub_categories"}
# The bar's rarer filters, under "更多筛选" (with the dates).
MORE_FIELDS = ("groups", "villages", "sub_categories", "sources")
MORE_KEY = KEY_PREFIX + "more"


def field_label(field: str) -> str:
    """The widget and chip label of a Filter field (or date field) in the current language."""
    return t(f"frame.filter.{field}")


def widget_key(field: str) -> str:
    """The session-state key of the widget for a Filter field (tests drive widgets by it)."""
    return KEY_PREFIX + field


def filter_options(flt: Filter | None = None) -> FilterOptions:
    """The filter bar's choices within the user's township scope (cached per data version);
    beyond VILLAGE_LIST_LIMIT villages, those of flt's townships and flt's own villages."""
    options = cached_query(fetch_filter_options, None, scope=current_scope())
    if options.all_villages or flt is None or not (flt.townships or flt.villages):
        return options
    villages = cached_query(
        fetch_villages, None, scope=current_scope(), townships=flt.townships, ids=flt.villages
    )
    return replace(options, villages=villages)


def allowed_values(field: str, flt: Filter, options: FilterOptions) -> list:
    """The values the bar offers for field, given the rest of flt (narrower lists follow)."""
    if field == "villages":
        villages = options.villages
        if flt.townships:
            villages = villages[villages["township_id"].isin(flt.townships)]
        return villages["village_id"].tolist()
    if field == "sub_categories":
        subs = options.sub_categories
        if flt.focus_areas:
            subs = subs[subs["focus_area"].isin(flt.focus_areas)]
        return subs["sub_category"].tolist()
    fixed = {"statuses": STATUS_CHOICES, "sources": SOURCES}
    if field in fixed:
        return list(fixed[field])
    return list(dict.fromkeys(options.names(field)))


def offered_values(field: str, flt: Filter, options: FilterOptions) -> tuple[list, bool]:
    """The values the bar's widget lists for field, and whether the list waits for a township.

    allowed_values, except that more than VILLAGE_LIST_LIMIT villages are not listed until
    a township is chosen (villages already chosen stay listed).
    """
    choices = allowed_values(field, flt, options)
    many = not options.all_villages or len(choices) > VILLAGE_LIST_LIMIT
    if field == "villages" and not flt.townships and many:
        chosen = set(flt.villages)
        return [value for value in choices if value in chosen], True
    return choices, False


def sanitised(flt: Filter, options: FilterOptions) -> tuple[Filter, list[str]]:
    """flt without ids or focus areas that do not exist (or villages/sub-categories outside
    their parents)."""
    dropped: list[str] = []
    # Wider fields first: villages and sub-categories follow them.
    for field in (*ID_FIELDS, "focus_areas", "sub_categories"):
        chosen = getattr(flt, field)
        allowed = set(allowed_values(field, flt, options))
        unknown = [value for value in chosen if value not in allowed]
        if unknown:
            flt = flt.with_(**{field: tuple(value for value in chosen if value in allowed)})
            dropped.append(f"{field_label(field)} {', '.join(map(str, unknown))}")
    return flt, dropped


def sync_filter_with_url() -> Filter:
    """Drop unknown ids and malformed parameters from the URL and move dates into the
    pickers' range (with notices); the clean Filter."""
    restore_filter_after_navigation()
    queue_ignored_params()  # before the rewrite below drops the malformed ones
    linked = current_filter()
    options = filter_options(linked)
    clean, dropped = sanitised(linked, options)
    for text in dropped:
        add_notice(md("frame.notice.unknown_values", values=text))
    bounds = _bounds(options)
    # A link's dates may lie outside the range the data allows (a shared link after a new
    # upload, a typed 9999-12-31): the date pickers would refuse them with a page error.
    clean, moved = clean.within_dates(bounds.low, bounds.high)
    for param, asked, used in moved:
        add_notice(md("frame.notice.date_moved", param=param, asked=asked, used=used))
    in_url = {k: v for k, v in st.query_params.to_dict().items() if k in FILTER_PARAMS}
    if in_url != clean.to_params():  # malformed, unknown or not in canonical order
        write_filter(clean)
    return clean


def value_format(field: str, options: FilterOptions) -> Callable[[object], str]:
    """How a value of field is shown in the widget and its chip."""
    if field in ("statuses", "sources"):
        labels = {"statuses": STATUS_CHOICES, "sources": SOURCES}
        return lambda value: labels[field].get(value, str(value))
    names = options.names(field)
    return lambda value: str(names.get(value, value))


def _on_values_change(field: str) -> None:
    """Widget callback: write the chosen values of field to the URL's Filter."""
    flt = current_filter().with_(**{field: tuple(st.session_state[widget_key(field)])})
    write_filter(prune_dependent(flt, field, filter_options(flt)))


def prune_dependent(flt: Filter, field: str, options: FilterOptions) -> Filter:
    """Drop narrower choices that no longer sit inside the new wider choice."""
    dependent = DEPENDENTS.get(field)
    if dependent is None:
        return flt
    allowed = set(allowed_values(dependent, flt, options))
    kept = tuple(value for value in getattr(flt, dependent) if value in allowed)
    return flt.with_(**{dependent: kept})


def _on_date_change(field: str) -> None:
    """Widget callback: write a date (or its removal) to the URL's Filter."""
    write_filter(current_filter().with_(**{field: st.session_state[widget_key(field)]}))


@dataclass(frozen=True)
class _Bounds:
    """The range the date pickers allow."""

    low: date
    high: date


def _bounds(options: FilterOptions) -> _Bounds:
    """From a year before the first finding to a year after today (or the last finding)."""
    today = local_today()
    first = options.first_found or today
    last = max(options.last_found or today, today)
    return _Bounds(first - DATE_MARGIN, last + DATE_MARGIN)


def _multiselect(field: str, flt: Filter, options: FilterOptions) -> None:
    """A multiselect for field, set from flt, writing back on change."""
    choices, waiting = offered_values(field, flt, options)
    st.session_state[widget_key(field)] = [v for v in getattr(flt, field) if v in set(choices)]
    everything = scope_line() if field == "townships" else None
    waiting_text = t("frame.filter.township_first") if waiting else None
    st.multiselect(
        field_label(field),
        choices,
        format_func=value_format(field, options),
        key=widget_key(field),
        on_change=_on_values_change,
        args=(field,),
        placeholder=everything or waiting_text or t("frame.filter.all"),
    )


def _date_picker(field: str, flt: Filter, bounds: _Bounds, help_text: str | None = None) -> None:
    """A clearable date picker for a date field of the Filter."""
    st.session_state[widget_key(field)] = getattr(flt, field)
    st.date_input(
        field_label(field),
        min_value=bounds.low,
        max_value=bounds.high,
        key=widget_key(field),
        on_change=_on_date_change,
        args=(field,),
        help=help_text,
        format="YYYY-MM-DD",
    )


def show_filter_bar() -> Filter:
    """The sidebar's filter widgets for the URL's Filter (cleaned); returns that Filter."""
    flt = sync_filter_with_url()
    options = filter_options(flt)
    with st.sidebar:
        st.subheader(t("frame.filter.title"), anchor=False)
        show_scope_line()  # a limited account's "全部" means its own townships: say which
        for field in ("rounds", "townships", "focus_areas"):
            _multiselect(field, flt, options)
        show_rollup_toggle(flt)
        _multiselect("statuses", flt, options)
        _show_more_filters(flt, options)
        st.button(
            t("frame.filter.clear_all"),
            on_click=clear_all,
            key=KEY_PREFIX + "clear",
            width="stretch",
        )
    return flt


def _show_more_filters(flt: Filter, options: FilterOptions) -> None:
    """The rarer filters in an expander whose widgets exist only while it is open.

    Every widget costs the browser a redraw on each rerun (docs/performance.md); closed,
    this part sends nothing. The chips still show every active filter.
    """
    # A fixed label: the label is part of the expander's identity, and a new one would close it.
    with st.expander(t("frame.filter.more"), key=MORE_KEY, on_change="rerun") as more:
        if not more.open:
            return
        for field in MORE_FIELDS:
            _multiselect(field, flt, options)
        bounds = _bounds(options)
        # One under the other: side by side the sidebar cut the dates ("2018-07-1").
        _date_picker("date_from", flt, bounds)
        _date_picker("date_to", flt, bounds)
        _date_picker("as_of", flt, bounds, t("frame.filter.as_of_help"))


def clear_all() -> None:
    """Button callback: remove every filter (view parameters such as a problem code stay)."""
    write_filter(Filter())
