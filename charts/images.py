"""A chart as an image (PNG or SVG) with its title and a filter caption, drawn by vl-convert.

vl-convert renders Vega-Lite without a browser; it is told once where the CJK font lives,
so Chinese titles and labels never turn into boxes (no font: a clear Chinese error).
PNGs are kept by their spec, which holds the chart's data: a new data version, filter,
caption or language is a new spec, so a kept image is never stale (docs/performance.md).
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Sequence
from functools import cache, lru_cache

import altair as alt
import vl_convert

from data_access.exports.fonts import system_cjk_font

IMAGE_WIDTH = 760  # pixels of the plot when the chart stretches to its container on screen
PNG_SCALE = 2.0  # twice the pixels: sharp in print and on a projector
CAPTION_COLOUR = "#424242"
KEPT_IMAGES = 64  # PNGs kept per process: the charts of several briefings (~0.1-0.4 MB each)
# A tiny chart with Chinese text: drawing it starts vl-convert's engine and loads the font.
WARM_UP_SPEC = {
    "title": "巡察整改看板",  # i18n-data: glyphs to load, never shown
    "data": {"values": [{"x": "a", "y": 1}]},
    "mark": "bar",
    "encoding": {
        "x": {"field": "x", "type": "nominal"},
        "y": {"field": "y", "type": "quantitative"},
    },
}


@cache
def register_chart_fonts() -> str:
    """Point vl-convert at the CJK font's folder (once per process); returns the family."""
    font = system_cjk_font()
    vl_convert.register_font_directory(str(font.path.parent))
    return font.family


def chart_spec(
    chart: alt.TopLevelMixin | dict, *, caption: Sequence[str] = (), width: int = IMAGE_WIDTH
) -> dict:
    """The chart's Vega-Lite spec for an image: a fixed width and the caption under its title.

    The caption lines join the chart's subtitle, so title, subtitle and filters stay together.
    """
    # Not validated again: the builders' specs are checked by the tests (test_chart_specs),
    # and jsonschema took a quarter of a second for a briefing's five charts.
    spec = copy.deepcopy(chart) if isinstance(chart, dict) else chart.to_dict(validate=False)
    if caption:
        title = spec.get("title") or {"text": ""}
        title = {"text": title} if isinstance(title, str | list) else dict(title)
        subtitle = title.get("subtitle") or []
        title["subtitle"] = [*([subtitle] if isinstance(subtitle, str) else subtitle), *caption]
        title.setdefault("subtitleColor", CAPTION_COLOUR)
        spec["title"] = title
    # Faceted and concatenated charts size their parts; only a single view gets a width.
    single = not any(key in spec for key in ("facet", "hconcat", "vconcat", "concat", "repeat"))
    if single and not isinstance(spec.get("width"), int):
        spec["width"] = width
    return _with_font_first(spec, register_chart_fonts())


def _with_font_first(spec: dict, family: str) -> dict:
    """spec whose configured fonts (config.font, axis labelFont, ...) start with family."""
    config = spec.setdefault("config", {})
    config.setdefault("font", "sans-serif")
    _prefix_fonts(config, family)
    return spec


def _prefix_fonts(config: dict, family: str) -> None:
    """Put family first in every font setting of config, nested ones included."""
    for key, value in config.items():
        if isinstance(value, dict):
            _prefix_fonts(value, family)
        elif _is_font(key) and isinstance(value, str) and not value.startswith(family):
            config[key] = f"{family}, {value}"


def _is_font(key: str) -> bool:
    """True for a config key naming a font (font, labelFont, titleFont, ...)."""
    return key == "font" or key.endswith("Font")


def chart_png(
    chart: alt.TopLevelMixin | dict, *, caption: Sequence[str] = (), scale: float = PNG_SCALE
) -> bytes:
    """The chart as PNG bytes (white background), caption under the title; kept by spec."""
    spec = chart_spec(chart, caption=caption)
    return _png(json.dumps(spec, sort_keys=True, ensure_ascii=False), scale)


@lru_cache(maxsize=KEPT_IMAGES)
def _png(spec_json: str, scale: float) -> bytes:
    """The PNG of a spec (as JSON text, the cache's key): 0.1-0.3 s of vl-convert each."""
    return vl_convert.vegalite_to_png(spec_json, scale=scale)


def clear_kept_images() -> None:
    """Forget the kept PNGs (benchmarks of a first drawing; tests)."""
    _png.cache_clear()


def warm_up_images() -> None:
    """Start vl-convert and load the CJK font now, so the first image does not wait for them.

    The first drawing in a process takes about a second more than the next ones (the
    JavaScript engine starts, the font folder is read). The server calls this on a thread of
    its own at start; a failure (no CJK font) is left for the first real image to report.
    """
    try:
        vl_convert.vegalite_to_png(chart_spec(WARM_UP_SPEC))
    except Exception:  # best effort: the user-facing error comes with the first real image
        logging.getLogger(__name__).warning("chart images not warmed up", exc_info=True)


def chart_svg(chart: alt.TopLevelMixin | dict, *, caption: Sequence[str] = ()) -> bytes:
    """The chart as SVG (UTF-8 bytes), caption under the title."""
    return vl_convert.vegalite_to_svg(chart_spec(chart, caption=caption)).encode("utf-8")
