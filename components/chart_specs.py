"""Charts built once per data: every click reruns the page, but its charts' data rarely change.

Altair builds a chart in about 40 ms and turns it into Vega-Lite in 20 ms more (each of its
method calls copies and validates the whole chart): a page of five charts spent 300 ms of
every rerun there (docs/performance.md). cached_chart keeps each chart's spec in
st.cache_data, keyed by the builder, its arguments (data frames by content) and the UI
language; a rerun with the same data sends the stored spec. The spec is the one
st.altair_chart itself would send (Streamlit's own conversion, data as Arrow datasets).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import partial
from typing import TypeVar, cast

import altair as alt
import streamlit as st
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

from data_access.cache import QUERY_MAX_ENTRIES, QUERY_TTL_SECONDS
from i18n import get_language

Spec = dict
T = TypeVar("T")


@dataclass(frozen=True)
class ChartSpec:
    """A chart as the browser gets it, and the way to build its Altair chart again."""

    spec: Spec  # a fresh copy for this run: callers may change it
    rebuild: Callable[[], alt.TopLevelMixin]  # for image downloads, made on click

    @property
    def title(self) -> str | None:
        """The chart's title text, if it has one."""
        title = self.spec.get("title")
        return title.get("text") if isinstance(title, dict) else title


def cached_chart(
    builder: Callable[..., alt.TopLevelMixin], *args: object, **kwargs: Hashable
) -> ChartSpec:
    """builder(*args, **kwargs) as the Vega-Lite spec Streamlit sends, built once per input."""
    spec = _built(_name(builder), get_language(), args, _options(kwargs), True, _builder=builder)
    return ChartSpec(cast(Spec, spec), partial(builder, *args, **kwargs))  # a converted spec


def cached_specs(builder: Callable[..., T], *args: object, **kwargs: Hashable) -> T:
    """builder(*args, **kwargs), for a builder of finished specs, once per distinct input."""
    built = _built(_name(builder), get_language(), args, _options(kwargs), False, _builder=builder)
    return cast(T, built)  # what builder returned (the cache wrapper does not say)


def _name(builder: Callable) -> str:
    """The builder's full name (part of the cache key)."""
    return f"{builder.__module__}.{builder.__qualname__}"


def _options(kwargs: dict[str, Hashable]) -> tuple[tuple[str, Hashable], ...]:
    """Keyword arguments in a stable order."""
    return tuple(sorted(kwargs.items()))


@st.cache_data(show_spinner=False, ttl=QUERY_TTL_SECONDS, max_entries=QUERY_MAX_ENTRIES)
def _built(
    name: str,
    language: str,
    args: tuple,
    options: tuple[tuple[str, Hashable], ...],
    convert: bool,
    _builder: Callable,
) -> object:
    """What the builder makes (converted as st.altair_chart would when convert); everything
    but _builder is the cache key (language: the texts in it)."""
    del name, language  # only part of the key
    built = _builder(*args, **dict(options))
    return _convert_altair_to_vega_lite_spec(built) if convert else built
