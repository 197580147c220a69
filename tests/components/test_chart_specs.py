"""Chart specs built once per data (components/chart_specs.py): what reruns send, and when."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest
import streamlit as st
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

from components.chart_specs import cached_chart, cached_specs
from i18n import use_language

BUILT: list[str] = []


def bars(frame: pd.DataFrame, *, title: str = "标题") -> alt.Chart:
    """A small chart that counts its builds."""
    BUILT.append(title)
    return alt.Chart(frame, title=title).mark_bar().encode(x="name:N", y="count:Q")


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts without stored specs or counted builds."""
    st.cache_data.clear()
    BUILT.clear()
    yield
    st.cache_data.clear()


def frame(*counts: int) -> pd.DataFrame:
    """Bars named a, b, … with counts."""
    return pd.DataFrame({"name": list("abcdef"[: len(counts)]), "count": list(counts)})


def test_a_chart_is_built_once_per_data() -> None:
    """Same data (an equal frame, not the same object): one build; other data: another."""
    first = cached_chart(bars, frame(1, 2))
    again = cached_chart(bars, frame(1, 2))
    assert BUILT == ["标题"]
    assert again.spec == first.spec
    cached_chart(bars, frame(1, 3))
    cached_chart(bars, frame(1, 2), title="其他")
    assert BUILT == ["标题", "标题", "其他"]


def test_the_spec_is_what_streamlit_sends_for_the_chart() -> None:
    """The spec equals Streamlit's own conversion of the Altair chart (Arrow datasets)."""
    chart = cached_chart(bars, frame(4, 5))
    assert chart.spec == _convert_altair_to_vega_lite_spec(bars(frame(4, 5)))
    assert all(isinstance(data, bytes) for data in chart.spec["datasets"].values())
    assert chart.title == "标题"
    assert chart.rebuild().to_dict() == bars(frame(4, 5)).to_dict()


def test_each_call_gets_its_own_copy() -> None:
    """A caller changing its spec (e.g. a selection's start) leaves the stored one alone."""
    cached_chart(bars, frame(1)).spec["title"] = "changed"
    assert cached_chart(bars, frame(1)).spec["title"] == "标题"


def test_the_language_is_part_of_the_key() -> None:
    """Chart texts follow the UI language: another language builds the chart again."""
    cached_chart(bars, frame(1))
    with use_language("en"):
        cached_chart(bars, frame(1))
    assert len(BUILT) == 2


def pair_of_specs(frame: pd.DataFrame) -> list[tuple[str, dict]]:
    """A builder of finished specs (as 会议模式's projector specs are)."""
    BUILT.append("specs")
    return [("bars", bars(frame).to_dict())]


def test_finished_specs_are_kept_as_built() -> None:
    """cached_specs stores what the builder returns, unconverted, once per input."""
    first = cached_specs(pair_of_specs, frame(2))
    assert cached_specs(pair_of_specs, frame(2)) == first
    assert BUILT == ["specs", "标题"]
    datasets = first[0][1]["datasets"].values()
    assert all(isinstance(rows, list) for rows in datasets), "JSON rows, not Arrow bytes"
