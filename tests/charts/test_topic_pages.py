"""Chart builders of 问题清单, 资金挽损, 问责情况, 线索移交: encodings, selections, empty frames."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from charts import accountability, funds, leads, problems
from charts.theme import AREA_COLOURS, FONT
from data_access.codes import FORMS, LEAD_OUTCOMES, OVERDUE, PERSON_CATEGORIES
from tests.support.chart_specs import empty, only_dataset, selections

MATRIX_COLUMNS = ["focus_area", "focus_area_label", "area_rank", "status", "status_label"]
MATRIX_COLUMNS.append("problems")
TOWNSHIP_MONEY_COLUMNS = ["township_id", "township", "recovered_yuan", "problems"]
SUB_CATEGORY_COLUMNS = ["focus_area", "focus_area_label", "sub_category", "recovered_yuan"]
SUB_CATEGORY_COLUMNS.append("problems")
MONTH_COLUMNS = ["month", "month_label", "recovered_yuan", "problems", "recovered_cumulative"]
RULES_COLUMNS = ["township_id", "township", "focus_area", "rules_improved", "focus_area_label"]
RULES_COLUMNS.append("area_rank")
PEOPLE_COLUMNS = ["township_id", "township", "sort_order", "category", "form", "people"]
PEOPLE_COLUMNS += ["category_label", "form_label"]
MONTHLY_PEOPLE_COLUMNS = ["month", "category", "form", "people", "month_label"]
MONTHLY_PEOPLE_COLUMNS += ["category_label", "form_label"]
FUNNEL_COLUMNS = ["stage", "stage_label", "unit", "count"]
LEAD_TOWNSHIP_COLUMNS = ["township_id", "township", "outcome", "leads", "outcome_label"]
RECEIVER_COLUMNS = ["transferred_to", "outcome", "leads", "outcome_label"]


def layer_with(spec: dict, mark: str) -> dict:
    """The first layer of a layered spec drawn with mark."""
    return next(layer for layer in spec["layer"] if layer["mark"]["type"] == mark)


def matrix_frame() -> pd.DataFrame:
    """Two categories of an office (the second first in its order), two statuses each, and
    an overdue cell."""
    rows = [
        ("选人用人方面", "选人用人方面", 1, "rectified", "已完成", 19),
        ("选人用人方面", "选人用人方面", 1, "long_term", "长期坚持", 4),
        ("选人用人方面", "选人用人方面", 1, OVERDUE, "已逾期", 3),
        ("党的政治建设方面", "党的政治建设方面", 0, "rectified", "已完成", 7),
    ]
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS)


def test_status_matrix_chart() -> None:
    """Statuses across in workflow order with 已逾期 last; a click selects the status."""
    frame = matrix_frame()
    spec = problems.status_matrix_chart(frame).to_dict()
    cells = layer_with(spec, "rect")["encoding"]
    assert cells["x"]["field"] == "status_label"
    assert cells["x"]["sort"] == ["未启动", "正在整改", "长期坚持", "基本完成", "已完成", "已逾期"]
    assert cells["y"]["sort"] == ["党的政治建设方面", "选人用人方面"]
    assert cells["color"]["field"] == "problems"
    assert layer_with(spec, "text")["encoding"]["text"]["field"] == "problems"
    assert selections(spec) == {problems.STATUS_SELECTION: ["status", "focus_area"]}
    assert only_dataset(spec) == frame.to_dict(orient="records")
    assert spec["config"]["font"] == FONT


def test_money_by_township_in_wan() -> None:
    """Bars of 万元 computed in Vega from integer 元, most money first, click on township."""
    frame = pd.DataFrame(
        [(9, "钱桥镇", 105_058, 5), (15, "钱铺镇", 194_384, 6)], columns=TOWNSHIP_MONEY_COLUMNS
    )
    spec = funds.recovered_by_township_chart(frame).to_dict()
    bars = layer_with(spec, "bar")
    assert bars["encoding"]["x"]["field"] == "wan"
    assert bars["encoding"]["x"]["title"] == "挽回损失（万元）"
    assert {"calculate": "datum.recovered_yuan / 10000", "as": "wan"} in bars["transform"]
    assert bars["encoding"]["y"]["sort"]["order"] == "descending"
    assert selections(spec) == {funds.TOWNSHIP_SELECTION: ["township_id"]}
    assert [row["recovered_yuan"] for row in only_dataset(spec)] == [105_058, 194_384]


def test_money_by_sub_category() -> None:
    """Sub-categories with their focus area in the tooltip; a click selects the sub-category."""
    frame = pd.DataFrame(
        [("funds_projects", "扶贫资金项目落实", "贪污侵占", 493_843, 17)],
        columns=SUB_CATEGORY_COLUMNS,
    )
    spec = funds.recovered_by_sub_category_chart(frame).to_dict()
    bars = layer_with(spec, "bar")["encoding"]
    assert bars["y"]["field"] == "sub_category"
    assert "focus_area_label" in [tip["field"] for tip in bars["tooltip"]]
    assert selections(spec) == {funds.SUB_CATEGORY_SELECTION: ["sub_category"]}


def test_money_by_month_keeps_the_query_order() -> None:
    """Months in the order the query gives, bars and the running total as a line."""
    frame = pd.DataFrame(
        [
            (date(2018, 6, 1), "2018年6月", 236_704, 19, 236_704),
            (date(2018, 7, 1), "2018年7月", 482_673, 43, 719_377),
        ],
        columns=MONTH_COLUMNS,
    )
    spec = funds.recovered_by_month_chart(frame).to_dict()
    bars = layer_with(spec, "bar")["encoding"]
    assert bars["x"]["field"] == "month_label" and bars["x"]["sort"] is None
    assert bars["y"]["field"] == "wan"
    assert layer_with(spec, "line")["encoding"]["y"]["field"] == "cumulative_wan"
    assert [row["cumulative_wan"] for row in only_dataset(spec)] == [23.6704, 71.9377]
    assert selections(spec) == {}


def test_rules_by_township_stacked_by_area() -> None:
    """Rules improved summed per township, stacked by focus area; a click selects township."""
    frame = pd.DataFrame(
        [
            (1, "枞阳镇", "意识形态", 2, "意识形态工作方面", 3),
            (1, "枞阳镇", "选人", 1, "选人用人方面", 1),
        ],
        columns=RULES_COLUMNS,
    )
    spec = funds.rules_by_township_chart(frame).to_dict()
    encoding = spec["encoding"]
    assert (encoding["x"]["field"], encoding["x"]["aggregate"]) == ("rules_improved", "sum")
    assert encoding["color"]["field"] == "focus_area_label"
    # Domain in the round's order (area_rank), each colour from its area's place.
    assert encoding["color"]["scale"]["domain"] == ["选人用人方面", "意识形态工作方面"]
    assert encoding["color"]["scale"]["range"] == [AREA_COLOURS[1], AREA_COLOURS[3]]
    assert selections(spec) == {funds.RULES_SELECTION: ["township_id"]}


def people_frame() -> pd.DataFrame:
    """Two townships, a few categories, sanctions in two forms."""
    rows = [
        (1, "枞阳镇", 1, "admonishment", 1, 3),
        (1, "枞阳镇", 1, "disciplinary_sanction", 2, 1),
        (2, "藕山镇", 2, "disciplinary_sanction", 3, 2),
        (2, "藕山镇", 2, "under_investigation", None, 1),
    ]
    frame = pd.DataFrame(rows, columns=PEOPLE_COLUMNS[:6]).astype({"form": "Int64"})
    frame["category_label"] = frame["category"].map(PERSON_CATEGORIES)
    frame["form_label"] = [FORMS.get(form, "待定") for form in frame["form"].fillna(0)]
    return frame


def test_township_category_heatmap() -> None:
    """All 8 categories across in the published order; people summed; click on township."""
    spec = accountability.township_category_chart(people_frame()).to_dict()
    rect = layer_with(spec, "rect")
    cells = rect["encoding"]
    assert cells["x"]["scale"]["domain"] == list(PERSON_CATEGORIES.values())
    assert cells["color"]["field"] == "people"
    (aggregate,) = [t["aggregate"] for t in rect["transform"] if "aggregate" in t]
    assert aggregate == [{"op": "sum", "field": "people", "as": "people"}]
    assert cells["y"]["sort"] == {"field": "sort_order", "op": "min"}  # official order
    assert selections(spec) == {accountability.TOWNSHIP_SELECTION: ["township_id"]}


def test_monthly_forms_chart() -> None:
    """People per month stacked by 四种形态, pending ones under their own label."""
    frame = people_frame().drop(columns=["township_id", "township", "sort_order"])
    frame["month"] = [date(2018, 6, 1)] * 3 + [None]
    frame["month_label"] = ["2018年6月"] * 3 + ["尚未决定"]
    spec = accountability.monthly_forms_chart(frame).to_dict()
    encoding = spec["encoding"]
    assert (encoding["y"]["field"], encoding["y"]["aggregate"]) == ("people", "sum")
    assert encoding["color"]["field"] == "form_label"
    assert encoding["color"]["scale"]["domain"] == [FORMS[1], FORMS[2], FORMS[3], "待定"]


def test_lead_funnel_chart() -> None:
    """Stages in funnel order (as given), labelled with count and unit."""
    frame = pd.DataFrame(
        [("leads", "移交问题线索", "条", 40), ("cases", "立案审查", "件", 1)],
        columns=FUNNEL_COLUMNS,
    )
    spec = leads.lead_funnel_chart(frame).to_dict()
    bars = layer_with(spec, "bar")["encoding"]
    assert bars["y"]["field"] == "stage_label" and bars["y"]["sort"] is None
    assert bars["x"]["field"] == "count"
    assert layer_with(spec, "text")["encoding"]["text"]["field"] == "text"
    assert [row["count"] for row in only_dataset(spec)] == [40, 1]


def test_lead_outcome_charts() -> None:
    """Leads stacked by outcome in the code table's colours; townships clickable."""
    by_township = pd.DataFrame(
        [(1, "枞阳镇", "pending", 1, "办理中"), (7, "横埠镇", "case_opened", 1, "已立案")],
        columns=LEAD_TOWNSHIP_COLUMNS,
    )
    spec = leads.leads_by_township_chart(by_township).to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == list(LEAD_OUTCOMES.values())
    assert selections(spec) == {leads.TOWNSHIP_SELECTION: ["township_id"]}
    receivers = pd.DataFrame([("县纪委监委", "pending", 12, "办理中")], columns=RECEIVER_COLUMNS)
    spec = leads.leads_by_receiver_chart(receivers).to_dict()
    assert spec["encoding"]["y"]["field"] == "transferred_to"
    assert selections(spec) == {}


@pytest.mark.parametrize(
    ("build", "columns"),
    [
        (problems.status_matrix_chart, MATRIX_COLUMNS),
        (funds.recovered_by_township_chart, TOWNSHIP_MONEY_COLUMNS),
        (funds.recovered_by_sub_category_chart, SUB_CATEGORY_COLUMNS),
        (funds.recovered_by_month_chart, MONTH_COLUMNS),
        (funds.rules_by_township_chart, RULES_COLUMNS),
        (accountability.township_category_chart, PEOPLE_COLUMNS),
        (accountability.monthly_forms_chart, MONTHLY_PEOPLE_COLUMNS),
        (leads.lead_funnel_chart, FUNNEL_COLUMNS),
        (leads.leads_by_township_chart, LEAD_TOWNSHIP_COLUMNS),
        (leads.leads_by_receiver_chart, RECEIVER_COLUMNS),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_builders_accept_empty_frames(build, columns) -> None:
    """A filter that matches nothing still gives a valid, titled chart with no rows."""
    spec = build(empty(columns)).to_dict()
    assert only_dataset(spec) == []
    assert spec["title"]["text"]
