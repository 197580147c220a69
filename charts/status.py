"""Builder for the overview's status bars: problems per status, then the overdue ones."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.marks import LABEL_COLOUR, highlight
from charts.theme import BAR_STEP, COUNT_FORMAT, STATUS_COLOURS, status_labels, themed
from data_access.codes import STATUSES, overdue_label
from i18n import t

STATUS_SELECTION = "status_pick"
OVERDUE_COLOUR = "#C62828"


def status_totals_chart(df: pd.DataFrame) -> alt.Chart:
    """One bar per status (workflow order) and 已逾期; a click selects that status."""
    selection = alt.selection_point(name=STATUS_SELECTION, fields=["status"])
    overdue = overdue_label()
    order = [*STATUSES.values(), overdue]
    colours = dict(zip(status_labels(), STATUS_COLOURS, strict=True)) | {overdue: OVERDUE_COLOUR}
    y = alt.Y("status_label:N", title=None, sort=order, axis=alt.Axis(labelLimit=120))
    base = alt.Chart(df).encode(y=y)
    bars = (
        base.mark_bar()
        .encode(
            x=alt.X(
                "problems:Q",
                title=t("charts.problems_axis"),
                axis=alt.Axis(format=COUNT_FORMAT, tickMinStep=1),
            ),
            color=alt.Color(
                "status_label:N",
                scale=alt.Scale(domain=order, range=[colours[label] for label in order]),
                legend=None,
            ),
            opacity=highlight(selection),
            tooltip=[
                alt.Tooltip("status_label:N", title=t("charts.status")),
                alt.Tooltip("problems:Q", title=t("charts.problems"), format=COUNT_FORMAT),
            ],
        )
        .add_params(selection)
    )
    labels = base.mark_text(align="left", dx=4, fontSize=11, color=LABEL_COLOUR).encode(
        x="problems:Q", text=alt.Text("problems:Q", format=COUNT_FORMAT)
    )
    chart = alt.layer(bars, labels).properties(height=alt.Step(BAR_STEP + 4))
    return themed(chart, t("charts.status.title"), t("charts.status.subtitle"))
