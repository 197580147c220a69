"""Shared look of every chart: Chinese fonts, status colours in a fixed order, number formats.

Texts (titles, labels of the colour scales) are built when a chart is, in the current language.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from data_access.codes import FORMS, STATUSES
from i18n import t

# Local fonts only (no web fonts): Debian's WenQuanYi first, then Windows/macOS defaults.
FONT = "WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"

# Completed first so the green part of a stacked bar starts at the axis.
STATUS_ORDER: tuple[str, ...] = tuple(reversed(STATUSES))
# rectified, basically_done, long_term, in_progress, not_started
STATUS_COLOURS: tuple[str, ...] = ("#2E7D32", "#9CCC65", "#26A69A", "#F9A825", "#BDBDBD")

# 四种形态 1..4 from mild to severe, then anything without a form (pending cases).
FORM_COLOURS: tuple[str, ...] = ("#90CAF9", "#42A5F5", "#1565C0", "#0D1B4C")
NO_FORM_COLOUR = "#BDBDBD"

# Categories (巡察重点) take their colour from their place in the round's order (area_rank),
# so an area keeps its colour on every chart; a round with more areas reuses the palette.
AREA_COLOURS: tuple[str, ...] = (
    "#5C6BC0", "#26A69A", "#FFA726", "#C62828", "#8D6E63",
    "#AB47BC", "#42A5F5", "#9E9D24", "#EC407A", "#78909C",
)  # fmt: skip

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
    """The Vega time format of a day: 2018-07-02, as data_access.formatting writes dates."""
    return t("charts.date_format")


def top_legend(columns: int) -> alt.Legend:
    """A legend above the plot in `columns` columns (2 keeps it inside a narrow chart)."""
    return alt.Legend(orient="top", direction="horizontal", columns=columns)


def status_colour(legend_columns: int = 4) -> alt.Color:
    """Colour by status label, always in the order 已完成/基本完成/长期坚持/正在整改/未启动."""
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


def ranked_labels(
    df: pd.DataFrame, label: str = "focus_area_label", rank: str = "area_rank"
) -> list[str]:
    """The distinct labels of df in the order of its rank column: the domain a category axis
    or legend shows, as the frame's query ordered it (the round's own order)."""
    if df.empty:
        return []
    pairs = df[[label, rank]].drop_duplicates(label).sort_values([rank, label], kind="stable")
    return pairs[label].tolist()


def area_scale(df: pd.DataFrame) -> alt.Scale:
    """Colours of the focus-area labels in df, each from its area_rank."""
    pairs = df[["focus_area_label", "area_rank"]].drop_duplicates("focus_area_label")
    colours = {
        label: AREA_COLOURS[int(rank) % len(AREA_COLOURS)]
        for label, rank in zip(pairs["focus_area_label"], pairs["area_rank"], strict=True)
    }
    domain = ranked_labels(df)
    return alt.Scale(domain=domain, range=[colours[label] for label in domain])


def form_scale(labels: list[str]) -> alt.Scale:
    """Colour scale for the 四种形态 labels present in the data, mild to severe, then others."""
    known = [FORMS[number] for number in sorted(FORMS)]
    colours = dict(zip(known, FORM_COLOURS, strict=True))
    domain = [label for label in known if label in labels]
    domain += sorted(label for label in labels if label not in colours)
    return alt.Scale(domain=domain, range=[colours.get(label, NO_FORM_COLOUR) for label in domain])


def themed(
    chart: alt.TopLevelMixin, title: str, subtitle: str | list[str] | None = None
) -> alt.Chart:
    """Apply the title (a subtitle of several lines as a list) and the shared fonts and label
    limits to a finished chart."""
    heading = alt.TitleParams(
        text=title, anchor="start", fontSize=16, subtitle=subtitle or alt.Undefined
    )
    return (
        chart.properties(title=heading)
        .configure(font=FONT)
        .configure_axis(labelFont=FONT, titleFont=FONT, labelFontSize=12, titleFontSize=12)
        .configure_legend(labelFont=FONT, titleFont=FONT, labelFontSize=12, titleFontSize=12)
        .configure_title(font=FONT, subtitleFont=FONT)
        .configure_view(stroke=None)
    )
