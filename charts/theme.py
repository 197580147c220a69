"""Shared look of every chart: Chinese fonts, status colours in a fixed order, number formats.

Texts (titles, labels of the colour scales) are built when a chart is, in the current language.
"""

from __future__ import annotations

import altair as alt

from data_access.codes import FORMS, STATUSES
from i18n import t

# Local fonts only (no web fonts): Debian's WenQuanYi first, then Windows/macOS defaults.
FONT = "WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"

# Completed first so the green part of a stacked bar starts at the axis.
STATUS_ORDER: tuple[str, ...] = tuple(reversed(STATUSES))
STATUS_COLOURS: tuple[str, ...] = ("#2E7D32", "#9CCC65", "#F9A825", "#BDBDBD")

# 四种形态 1..4 from mild to severe, then anything without a form (pending cases).
FORM_COLOURS: tuple[str, ...] = ("#90CAF9", "#42A5F5", "#1565C0", "#0D1B4C")
NO_FORM_COLOUR = "#BDBDBD"

COUNT_FORMAT = ",d"  # thousands separators: 1,170
RATE_FORMAT = ".1%"  # 0.9203 -> 92.0%
BAR_STEP = 22  # pixels per bar row (Streamlit then drops its fit-to-height; a console note)


def status_labels() -> tuple[str, ...]:
    """The status labels in STATUS_ORDER (completed first), in the current language."""
    return tuple(STATUSES[code] for code in STATUS_ORDER)


def no_form_label() -> str:
    """The 四种形态 label of people without a form yet (pending cases)."""
    return t("charts.no_form")


def date_format() -> str:
    """A Vega time format for a day without the year: "7月2日" / "Jul 2"."""
    return t("charts.date_format")


def top_legend(columns: int) -> alt.Legend:
    """A legend above the plot in `columns` columns (2 keeps it inside a narrow chart)."""
    return alt.Legend(orient="top", direction="horizontal", columns=columns)


def status_colour(legend_columns: int = 4) -> alt.Color:
    """Colour by status label, always in the order 已完成/基本完成/正在整改/未启动."""
    return alt.Color(
        "status_label:N",
        title=t("charts.status"),
        scale=alt.Scale(domain=list(status_labels()), range=list(STATUS_COLOURS)),
        legend=top_legend(legend_columns),
    )


def status_rank_expression(field: str = "status") -> str:
    """A Vega expression giving each status code its stacking position (completed first)."""
    codes = ", ".join(f"'{code}'" for code in STATUS_ORDER)
    return f"indexof([{codes}], datum.{field})"


def form_scale(labels: list[str]) -> alt.Scale:
    """Colour scale for the 四种形态 labels present in the data, mild to severe, then others."""
    known = [FORMS[number] for number in sorted(FORMS)]
    colours = dict(zip(known, FORM_COLOURS, strict=True))
    domain = [label for label in known if label in labels]
    domain += sorted(label for label in labels if label not in colours)
    return alt.Scale(domain=domain, range=[colours.get(label, NO_FORM_COLOUR) for label in domain])


def themed(chart: alt.TopLevelMixin, title: str, subtitle: str | None = None) -> alt.Chart:
    """Apply the title and the shared fonts and label limits to a finished chart."""
    params = {"text": title, "anchor": "start", "fontSize": 16}
    if subtitle:
        params["subtitle"] = subtitle
    return (
        chart.properties(title=alt.TitleParams(**params))
        .configure(font=FONT)
        .configure_axis(labelFont=FONT, titleFont=FONT, labelFontSize=12, titleFontSize=12)
        .configure_legend(labelFont=FONT, titleFont=FONT, labelFontSize=12, titleFontSize=12)
        .configure_title(font=FONT, subtitleFont=FONT)
        .configure_view(stroke=None)
    )
