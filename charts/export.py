"""A chart as an image (PNG or SVG) with its title and a filter caption, drawn by vl-convert.

vl-convert renders Vega-Lite without a browser; it is told once where the CJK font lives,
so Chinese titles and labels never turn into boxes (no font: a clear Chinese error).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from functools import cache

import altair as alt
import vl_convert

from data_access.exports.fonts import system_cjk_font

IMAGE_WIDTH = 760  # pixels of the plot when the chart stretches to its container on screen
PNG_SCALE = 2.0  # twice the pixels: sharp in print and on a projector
CAPTION_COLOUR = "#424242"


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
    spec = copy.deepcopy(chart) if isinstance(chart, dict) else chart.to_dict()
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
    """The chart as PNG bytes (white background), caption under the title."""
    return vl_convert.vegalite_to_png(chart_spec(chart, caption=caption), scale=scale)


def chart_svg(chart: alt.TopLevelMixin | dict, *, caption: Sequence[str] = ()) -> bytes:
    """The chart as SVG (UTF-8 bytes), caption under the title."""
    return vl_convert.vegalite_to_svg(chart_spec(chart, caption=caption)).encode("utf-8")
