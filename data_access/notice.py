"""The 通报稿: the office's progress paragraph drafted from the figures (pure: facts -> text).

One sentence in the office's wording, as progress reports publish it: the time phrase
(whole months after the round's feedback: 巡察反馈两个月后; any other day: 截至8月10日),
whom it covers when the Filter narrows it (钱桥镇 …), then 整改完成 … 个问题，完成率 …, the
results (挽回损失, 完善制度, 问责追责 with each measure, the organisations' 书面检查) and the
leads (移交问题线索, 立案审查, 党政纪处分). A figure that is zero is left out, and so
is a measure nobody received; small counts of organisations and months are written in
words (两个村级党组织).
The English UI gets the same facts in English. data_access.queries.notice gathers the facts.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from data_access.codes import PERSON_CATEGORIES
from data_access.formatting import format_int, format_wan
from data_access.queries.headline import Headline
from i18n import all_messages, get_language, t

PLACES_LISTED = 3  # more chosen places than this: "the first and others (n townships)"
LONGEST_MONTHS = 36  # whole months after feedback named as such, up to three years


@dataclass(frozen=True)
class NoticeFacts:
    """What the paragraph says: the figures, their day, the round's feedback day, the scope."""

    figures: Headline
    day: date  # the figures are as of the end of this day
    feedback_on: date | None  # the feedback day of the one round the figures cover
    places: tuple[str, ...] = ()  # names of the regions the Filter chose (none: everything)
    place_kind: str = ""  # city / county / township / village
    focus_areas: tuple[str, ...] = ()  # labels of the chosen focus areas
    village_orgs: bool = True  # every organisation held accountable is a village's


def draft_notice(facts: NoticeFacts) -> str:
    """The paragraph in the current language."""
    figures = facts.figures
    time, scope = time_phrase(facts), _scope(facts)
    if figures.problems_total == 0:
        return _sentence_start(t("notice.empty", time=time, scope=scope))
    opening = t(
        "notice.opening",
        time=time,
        scope=scope,
        problems=_counted("notice.unit.problem", figures.problems_rectified),
        rate=completion_text(figures.problems_rectified, figures.problems_total),
    )
    results, leads = _results(facts), _leads(figures)
    if results:  # 完成率92%，挽回损失…、完善制度…
        items = _joined(results, "notice.sep.item", "notice.sep.last_item")
        opening += t("notice.sep.part") + items
    clauses = [opening]
    if leads:  # …书面检查；移交问题线索…，立案审查…
        clauses.append(_joined(leads, "notice.sep.part", "notice.sep.last_part"))
    return _sentence_start(t("notice.sep.clause").join(clauses) + t("notice.end"))


def time_phrase(facts: NoticeFacts) -> str:
    """巡察反馈两个月后 when the day is whole months after the feedback, else 截至8月10日."""
    months = months_after(facts.feedback_on, facts.day)
    if months:
        return t("notice.time.after_feedback", months=_counted("notice.unit.month", months, True))
    year = facts.feedback_on.year if facts.feedback_on else None
    return t("notice.time.as_of", date=date_text(facts.day, with_year=facts.day.year != year))


def months_after(start: date | None, day: date) -> int:
    """n when day is exactly n calendar months after start (1..LONGEST_MONTHS), else 0."""
    if start is None or day <= start:
        return 0
    months = (day.year - start.year) * 12 + day.month - start.month
    return months if 0 < months <= LONGEST_MONTHS and _plus_months(start, months) == day else 0


def _plus_months(start: date, months: int) -> date:
    """start moved on by months, kept within the month (31 Jan + 1 month = 28/29 Feb)."""
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(start.day, last_day))


def date_text(day: date, *, with_year: bool) -> str:
    """8月10日 / 2019年1月5日; in English 10 August / 5 January 2019."""
    month = day.month if get_language() == "zh" else calendar.month_name[day.month]
    key = "notice.date.full" if with_year else "notice.date.month_day"
    return t(key, year=day.year, month=month, day=day.day)


def completion_text(rectified: int, total: int) -> str:
    """The rate in whole percent (92%); one decimal where rounding would claim 100% or 0%."""
    share = 100 * rectified / total
    whole = round(share)
    if (whole == 100 and rectified < total) or (whole == 0 and rectified > 0):
        return f"{share:.1f}%"
    return f"{whole}%"


def in_words(n: int) -> str:
    """1..10 as a word (两 / two); larger numbers as digits."""
    words = t("notice.small_numbers").split()
    return words[n - 1] if 1 <= n <= len(words) else format_int(n)


def _counted(key: str, n: int, words: bool = False) -> str:
    """The counted noun of key for n (English singular from key.one), n in words if asked."""
    singular = f"{key}.one"
    chosen = singular if n == 1 and singular in all_messages() else key
    return t(chosen, n=in_words(n) if words else format_int(n))


def _joined(items: list[str], separator: str, last: str) -> str:
    """items joined, with the last separator before the last one (", and" in English)."""
    if len(items) == 1:
        return items[0]
    return t(separator).join(items[:-1]) + t(last) + items[-1]


def _scope(facts: NoticeFacts) -> str:
    """Whom the figures cover: the chosen places and focus areas; empty when all."""
    places = _places(facts)
    areas = t("notice.sep.item").join(facts.focus_areas)
    if places and areas:
        return t("notice.scope.both", places=places, areas=areas)
    if places:
        return t("notice.scope.places", places=places)
    return t("notice.scope.areas", areas=areas) if areas else ""


def _places(facts: NoticeFacts) -> str:
    """The chosen places' names, or the first and how many when there are many."""
    if len(facts.places) <= PLACES_LISTED:
        return t("notice.sep.item").join(facts.places)
    kind = t(f"notice.place_kind.{facts.place_kind}")
    return t("notice.places.more", first=facts.places[0], n=len(facts.places), kind=kind)


def _results(facts: NoticeFacts) -> list[str]:
    """挽回损失, 完善制度, 问责追责 (with its measures), 书面检查: those that are not zero."""
    figures = facts.figures
    items = []
    if figures.recovered_yuan:
        items.append(t("notice.recovered", amount=money_text(figures.recovered_yuan)))
    if figures.rules_improved:
        items.append(t("notice.rules", rules=_counted("notice.unit.rule", figures.rules_improved)))
    if figures.accountable_people:
        people = _counted("notice.unit.person", figures.accountable_people)
        items.append(t("notice.accountable", people=people, breakdown=_breakdown(figures)))
    if figures.written_self_criticism_orgs:
        unit = "notice.unit.village_org" if facts.village_orgs else "notice.unit.org"
        organisations = _counted(unit, figures.written_self_criticism_orgs, True)
        items.append(t("notice.orgs", organisations=organisations))
    return items


def money_text(yuan: int) -> str:
    """117.0128万元 in Chinese (exact, no trailing zeros); ¥1,170,128 in English."""
    amount = format_wan(yuan) if get_language() == "zh" else format_int(yuan)
    return t("notice.amount", amount=amount)


def _breakdown(figures: Headline) -> str:
    """党政纪处分26人、诫勉谈话29人 …: each measure somebody received, in the published order."""
    items = [
        t(f"notice.category.{code}", people=_counted("notice.unit.person", count))
        for code in PERSON_CATEGORIES
        if (count := figures.accountable_by_category.get(code, 0))
    ]
    return t("notice.sep.item").join(items)


def _leads(figures: Headline) -> list[str]:
    """移交问题线索, 立案审查 … 涉及 …, 给予党政纪处分: those that are not zero."""
    items = []
    if figures.leads_transferred:
        leads = _counted("notice.unit.lead", figures.leads_transferred)
        items.append(t("notice.leads", leads=leads))
    if figures.cases_opened:
        cases = _counted("notice.unit.case", figures.cases_opened)
        people = _counted("notice.unit.person", figures.case_people)
        items.append(t("notice.cases", cases=cases, people=people))
    if figures.people_sanctioned:
        people = _counted("notice.unit.person", figures.people_sanctioned)
        items.append(t("notice.sanctioned", people=people))
    return items


def _sentence_start(text: str) -> str:
    """The paragraph with a capital first letter (English; Chinese is unchanged)."""
    return text[:1].upper() + text[1:]
