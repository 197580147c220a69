"""The KPI cards as data: headline figures as labelled, formatted values with their changes.

No Streamlit here, so the pages (components/kpi.py draws the cards), the briefings and the
analysts' notebook build the same cards and the same changes ("较上周 +12") from a Headline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from data_access.formatting import (
    COUNT,
    MONEY,
    RATE,
    format_change,
    format_date,
    format_int,
    format_rate,
    format_yuan,
    format_yuan_wan,
)
from data_access.queries import Headline
from data_access.queries.changes import Comparison
from i18n import t


@dataclass(frozen=True)
class KpiChange:
    """A card's change against one earlier day: what it is against, and by how much."""

    basis: str  # "较上周"
    amount: str  # "+12", "-1.5 个百分点", "持平" (formatting.format_change)

    @property
    def text(self) -> str:
        """ "较上周 +12" / "+12 vs last week"."""
        return t("components.change.text", basis=self.basis, amount=self.amount)

    @property
    def moves(self) -> bool:
        """True when the figure went up or down (the card shows an arrow)."""
        return self.amount.startswith(("+", "-"))


@dataclass(frozen=True)
class Kpi:
    """One card: its label (browser tests find the Chinese one), its text value, a tooltip,
    an optional note shown under the row, the figure as a number with what it measures
    (formatting.COUNT / RATE / MONEY; None: no change is shown), its changes and what
    they are against."""

    label: str
    value: str
    help: str
    note: str = ""
    amount: float | None = None
    measure: str = COUNT
    changes: tuple[KpiChange, ...] = ()
    compared: str = ""  # what the changes are against (comparison_help)

    def change_texts(self) -> str:
        """Every change as one text: "较上周 +12；较上轮同期 +30" ("" without changes)."""
        return t("download.semicolon").join(change.text for change in self.changes)


def card(
    name: str,
    value: str,
    help_text: str,
    note: str = "",
    *,
    amount: float | None = None,
    measure: str = COUNT,
) -> Kpi:
    """A card labelled by the catalogue key "components.kpi.<name>" (current language)."""
    return Kpi(t(f"components.kpi.{name}"), value, help_text, note, amount, measure)


def count_card(name: str, count: int, help_text: str, note: str = "") -> Kpi:
    """A card of a count ("1,234"), its change a signed count."""
    return card(name, format_int(count), help_text, note, amount=count)


def not_completed_note(headline: Headline) -> str:
    """ "基本完成 4 · 长期坚持 2" beside the rectified count: reported beside it, as published
    reports do, and not part of it (only the counts that are not zero)."""
    counts = {
        "basically_done": headline.problems_basically_done,
        "long_term": headline.problems_long_term,
    }
    parts = [t(f"components.kpi.note.{key}", n=format_int(n)) for key, n in counts.items() if n]
    return t("components.kpi.note.separator").join(parts)


def headline_kpis(headline: Headline) -> list[Kpi]:
    """The eight published headline figures as cards, in the current language."""
    h = headline
    overdue = format_int(h.overdue)
    organisations = format_int(h.written_self_criticism_orgs)
    cases = format_int(h.cases_opened)
    case_people, sanctioned = format_int(h.case_people), format_int(h.people_sanctioned)
    return [
        count_card("problems_total", h.problems_total, t("components.kpi.total_help")),
        count_card(
            "rectified",
            h.problems_rectified,
            t("components.kpi.rectified_help", overdue=overdue),
            not_completed_note(h),
        ),
        rate_card(h.completion_rate),
        money_card(h.recovered_yuan),
        count_card("rules_improved", h.rules_improved, t("components.kpi.rules_help")),
        count_card(
            "accountable",
            h.accountable_people,
            t("components.kpi.accountable_help", organisations=organisations),
        ),
        count_card("leads", h.leads_transferred, t("components.kpi.leads_help")),
        count_card(
            "cases",
            h.cases_opened,
            t("components.kpi.cases_help", cases=cases, people=case_people, sanctioned=sanctioned),
        ),
    ]


def rate_card(rate: float) -> Kpi:
    """The completion rate's card (its change in percentage points)."""
    return card("completion_rate", format_rate(rate), rate_help(), amount=rate, measure=RATE)


def money_card(yuan: int) -> Kpi:
    """The money recovered's card (万元; the exact yuan in its tooltip)."""
    return card("recovered", format_yuan_wan(yuan), yuan_help(yuan), amount=yuan, measure=MONEY)


def card_changes(now: Sequence[Kpi], then: Sequence[Kpi], basis: str) -> dict[str, KpiChange]:
    """Each card's change from the then cards to the now cards, by label ("较上周 +12"); cards
    without a figure, or missing on either side, have none."""
    earlier = {kpi.label: kpi.amount for kpi in then}
    found = {}
    for kpi in now:
        before = earlier.get(kpi.label)
        if kpi.amount is not None and before is not None:
            found[kpi.label] = KpiChange(basis, format_change(kpi.amount, before, kpi.measure))
    return found


def with_changes(
    cards: Sequence[Kpi], compared: Sequence[tuple[Comparison, Sequence[Kpi], Sequence[Kpi]]]
) -> list[Kpi]:
    """cards with their changes, one per (comparison, its now cards, its then cards) in
    order, and what they are against."""
    if not compared:
        return list(cards)
    per_comparison = [
        card_changes(now, then, t(f"components.change.{comparison.kind}"))
        for comparison, now, then in compared
    ]
    explained = comparison_help([comparison for comparison, _, _ in compared])
    changed = []
    for kpi in cards:
        changes = tuple(found[kpi.label] for found in per_comparison if kpi.label in found)
        changed.append(replace(kpi, changes=changes, compared=explained if changes else ""))
    return changed


def comparison_help(comparisons: Sequence[Comparison]) -> str:
    """What each change is against: "较上周：与 2026-11-29 日终相比。……（按状态历史还原）"."""
    lines = [
        t(f"components.change.help.{c.kind}", day=format_date(c.day), round=c.round_name)
        for c in comparisons
    ]
    return " ".join([*lines, t("components.change.help.how")])


def rate_help() -> str:
    """The completion rate's tooltip: how it is computed."""
    return t("components.kpi.rate_help")


def yuan_help(yuan: int) -> str:
    """The money card's tooltip: the exact amount in yuan."""
    return format_yuan(yuan)
