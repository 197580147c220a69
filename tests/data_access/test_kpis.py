"""The cards' changes as text (data_access/kpis.py): two sets of cards in, one change per card."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from data_access.filters import Filter
from data_access.kpis import KpiChange, card_changes, headline_kpis, with_changes
from data_access.queries import Headline
from data_access.queries.changes import WEEK, Comparison
from i18n import use_language


def headline(**figures: object) -> Headline:
    """A Headline of zeros but for figures."""
    zeros: dict[str, object] = {field.name: 0 for field in fields(Headline)}
    zeros |= {"completion_rate": 0.0, "accountable_by_category": {}}
    return Headline(**(zeros | figures))  # type: ignore[arg-type]


NOW = headline(
    problems_total=414, problems_rectified=381, completion_rate=381 / 414, recovered_yuan=1_170_128
)
THEN = headline(
    problems_total=414, problems_rectified=369, completion_rate=369 / 414, recovered_yuan=1_165_128
)
WEEK_BEFORE = Comparison(WEEK, date(2018, 8, 1), Filter(as_of=date(2018, 8, 1)), Filter())


def test_two_headlines_give_each_card_its_change() -> None:
    """By label, in each card's own measure: counts signed, the rate in points, money in 万元;
    "持平" (no arrow) where nothing changed."""
    found = card_changes(headline_kpis(NOW), headline_kpis(THEN), "较上周")
    assert found["整改完成"] == KpiChange("较上周", "+12")
    assert found["整改完成"].text == "较上周 +12" and found["整改完成"].moves
    assert found["完成率"].amount == "+2.9 个百分点"
    assert found["挽回损失"].amount == "+0.5 万元"
    assert found["问题总数"].amount == "持平" and not found["问题总数"].moves
    with use_language("en"):
        english = card_changes(headline_kpis(NOW), headline_kpis(THEN), "vs last week")
        assert english["Rectified"].text == "+12 vs last week"
        assert english["Losses recovered"].amount == "+¥5,000"


def test_with_changes_names_the_day_compared() -> None:
    """Every changed card carries its changes in order and says which day they are against."""
    cards = with_changes(
        headline_kpis(NOW), [(WEEK_BEFORE, headline_kpis(NOW), headline_kpis(THEN))]
    )
    rectified = next(kpi for kpi in cards if kpi.label == "整改完成")
    assert rectified.change_texts() == "较上周 +12"
    assert "2018-08-01" in rectified.compared and "状态历史" in rectified.compared


def test_cards_without_comparisons_stay_as_they_are() -> None:
    """No comparison (CHANGE_SINCE=upload with a single upload day, say): the cards are as
    they were, with no change text and nothing said about one."""
    cards = headline_kpis(NOW)
    assert with_changes(cards, []) == cards
    assert all(kpi.change_texts() == "" and kpi.compared == "" for kpi in cards)
