"""Every page's data path: the read functions each page (and the frame around it) runs.

One Step per `cached_query(...)` call of pages/*.py and of the components they use,
with the Filter and keyword arguments the page passes. tests/bench/test_registry.py scans
the page scripts (AST) so this list cannot drift from what the pages really call.
Pages interleave queries and widgets, so they do not read this registry themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.meeting.paths import default_meeting_path
from data_access.meeting.views import fetch_compared_views, fetch_view
from data_access.office import fetch_heading, fetch_unit_terms
from data_access.queries import (
    count_problem_ledger,
    fetch_accountability_breakdown,
    fetch_accountability_by_month,
    fetch_accountability_by_township,
    fetch_accountability_totals,
    fetch_completion_by_township,
    fetch_completion_projection,
    fetch_deadline_warnings,
    fetch_dual_check_pairs,
    fetch_funds_totals,
    fetch_headline,
    fetch_largest_recoveries,
    fetch_lead_funnel,
    fetch_lead_outcomes,
    fetch_leads_by_receiver,
    fetch_leads_by_township,
    fetch_overdue_list,
    fetch_problem_ledger,
    fetch_problems_by_focus_area,
    fetch_recovered_by_month,
    fetch_recovered_by_sub_category,
    fetch_recovered_by_township,
    fetch_rules_by_township,
    fetch_status_by_focus_area,
    fetch_weekly_trend,
    fetch_written_self_criticism,
    is_demo_data,
)
from data_access.queries.changes import WEEK_DAYS, fetch_comparisons
from data_access.queries.merges import has_merged_townships
from data_access.queries.options import FilterOptions, fetch_filter_options, fetch_villages
from data_access.queries.problem_detail import (
    fetch_problem_accountability,
    fetch_problem_detail,
    fetch_problem_leads,
    fetch_problem_timeline,
)
from data_access.queries.rounds import fetch_round_comparison, fetch_round_totals
from data_access.queries.setup import fetch_setup_status
from data_access.queries.shapes import fetch_township_shapes
from data_access.queries.status import fetch_status_totals
from data_access.queries.townships import fetch_region_comparison, fetch_township_weekly
from data_access.roles import VIEWER
from data_access.settings import get_settings

FRAME = "frame"  # the queries the frame runs around every page (filter bar, demo banner)


@dataclass(frozen=True)
class Context:
    """What a page knows when it queries: the Filter, the bar's options, level, problem code."""

    flt: Filter
    options: FilterOptions
    level: str  # the drill level 乡镇对比 compares (city / county / township / village / problem)
    code: str  # a problem the detail page opens (the first of the Filter's ledger)
    role: str = VIEWER


def same_filter(ctx: Context) -> Filter:
    """The page's Filter as it is."""
    return ctx.flt


def no_arguments(_ctx: Context) -> dict[str, Hashable]:
    """No keyword arguments beyond the Filter."""
    return {}


def always(_ctx: Context) -> bool:
    """The step runs on every render."""
    return True


@dataclass(frozen=True)
class Step:
    """One cached_query call: function, its Filter (None: no Filter), kwargs, and when it runs."""

    function: Callable[..., Any]
    flt: Callable[[Context], Filter | None] = same_filter
    kwargs: Callable[[Context], dict[str, Hashable]] = no_arguments
    when: Callable[[Context], bool] = field(default=always)

    @property
    def name(self) -> str:
        """The read function's name."""
        return self.function.__name__


def _without(*names: str) -> Callable[[Context], Filter]:
    """The page's Filter with some fields cleared (the overview's charts keep all members)."""
    return lambda ctx: ctx.flt.with_(**dict.fromkeys(names, ()))


def _no_filter(_ctx: Context) -> None:
    """Read functions that take no Filter."""
    return None


def _due_soon(_ctx: Context) -> dict[str, Hashable]:
    """The overdue warning's due-soon days, from the settings (components/deadlines.py)."""
    return {"days": get_settings().due_soon_days}


def _comparison_keys(_ctx: Context) -> dict[str, Hashable]:
    """The cards' changes: the setting and today (components/changes.py)."""
    return {"since": get_settings().change_since, "today": local_today()}


def _week_before(ctx: Context) -> Filter:
    """The Filter of the cards' change since the previous week (queries/changes.py)."""
    day = (ctx.flt.as_of or local_today()) - timedelta(days=WEEK_DAYS)
    return ctx.flt.with_(as_of=day)


def changes_of(function: Callable[..., Any]) -> tuple[Step, ...]:
    """The steps of a page's cards' changes: the comparisons, and function for the week
    before (the default CHANGE_SINCE; the previous round's when there is one is left out)."""
    return (
        Step(fetch_comparisons, kwargs=_comparison_keys),
        Step(function, flt=_week_before),
    )


def _role(ctx: Context) -> dict[str, Hashable]:
    """Lists with people's names are fetched for the signed-in role."""
    return {"role": ctx.role}


def _code(ctx: Context) -> dict[str, Hashable]:
    """The problem code of the detail page."""
    return {"code": ctx.code}


# The overdue warning (components/deadlines.py) on the overview and 乡镇对比's township level.
DEADLINE_STEPS = (
    Step(
        fetch_deadline_warnings,
        flt=_without("townships", "villages", "statuses"),
        kwargs=_due_soon,
    ),
    Step(fetch_overdue_list, kwargs=_role),
)

PAGES: dict[str, tuple[Step, ...]] = {
    FRAME: (
        Step(fetch_filter_options, flt=_no_filter, kwargs=lambda ctx: {"scope": ctx.flt.scope}),
        # Beyond VILLAGE_LIST_LIMIT villages, the chosen townships' (filter_bar.filter_options).
        Step(
            fetch_villages,
            flt=_no_filter,
            kwargs=lambda ctx: {
                "scope": ctx.flt.scope,
                "townships": ctx.flt.townships,
                "ids": ctx.flt.villages,
            },
            when=lambda ctx: (
                not ctx.options.all_villages and bool(ctx.flt.townships or ctx.flt.villages)
            ),
        ),
        Step(is_demo_data, flt=_no_filter),
        Step(fetch_setup_status, flt=_no_filter),  # the setup guide of read pages
        Step(has_merged_townships, flt=_no_filter),  # the filter bar's rollup switch
        Step(fetch_unit_terms, flt=_no_filter),  # the office's words for its units
        Step(fetch_heading, flt=_no_filter),  # the title and subtitle
    ),
    "rounds": (
        Step(fetch_round_totals),
        Step(fetch_round_comparison),
    ),
    "overview": (
        Step(fetch_headline),
        *changes_of(fetch_headline),
        Step(fetch_completion_by_township, flt=_without("townships", "villages")),
        Step(fetch_problems_by_focus_area, flt=_without("focus_areas", "sub_categories")),
        Step(fetch_status_totals, flt=_without("statuses")),
        Step(fetch_accountability_breakdown),
        Step(fetch_weekly_trend),
        *DEADLINE_STEPS,
    ),
    "townships": (
        Step(fetch_headline),
        *changes_of(fetch_headline),
        Step(
            fetch_region_comparison,
            kwargs=lambda ctx: {"level": ctx.level},
            when=lambda ctx: ctx.level != "problem",
        ),
        Step(fetch_township_weekly, when=lambda ctx: ctx.level == "township"),
        Step(fetch_problem_ledger, when=lambda ctx: ctx.level in ("village", "problem")),
        Step(fetch_completion_projection, when=lambda ctx: ctx.level == "township"),
        # The map beside the ranking (components/township_map.py): every township's boundary.
        Step(
            fetch_township_shapes,
            flt=_without("townships", "villages"),
            when=lambda ctx: ctx.level in ("township", "village"),
        ),
        *(replace(step, when=lambda ctx: ctx.level == "township") for step in DEADLINE_STEPS),
    ),
    "problems": (
        Step(fetch_headline),
        *changes_of(fetch_headline),
        Step(fetch_status_by_focus_area),
        Step(count_problem_ledger, kwargs=lambda ctx: {"search": ""}),
        Step(fetch_problem_ledger, kwargs=lambda ctx: {"search": "", "sort": "code", "offset": 0}),
    ),
    "problem": (
        Step(fetch_problem_detail, kwargs=_code),
        Step(fetch_problem_timeline, kwargs=_code),
        Step(fetch_problem_accountability, kwargs=lambda ctx: {"code": ctx.code, "role": ctx.role}),
        Step(fetch_problem_leads, kwargs=_code),
    ),
    "funds": (
        Step(fetch_funds_totals),
        *changes_of(fetch_funds_totals),
        Step(fetch_recovered_by_township),
        Step(fetch_recovered_by_sub_category),
        Step(fetch_recovered_by_month),
        Step(fetch_largest_recoveries),
        Step(fetch_rules_by_township),
    ),
    "accountability": (
        Step(fetch_accountability_totals),
        *changes_of(fetch_accountability_totals),
        Step(fetch_accountability_breakdown),
        Step(fetch_accountability_by_month),
        Step(fetch_accountability_by_township),
        Step(fetch_dual_check_pairs, kwargs=lambda ctx: {"role": ctx.role}),
        Step(fetch_written_self_criticism),
    ),
    # 会议模式 shows one view per screen; its first screen is the overview view of the default
    # path (overview → the 3 lowest-completion townships → their overdue problems → accountability).
    "meeting": (
        Step(default_meeting_path),
        Step(fetch_view, kwargs=lambda ctx: {"kind": "overview", "role": ctx.role}),
        Step(
            fetch_compared_views, kwargs=lambda ctx: {"kind": "overview", **_comparison_keys(ctx)}
        ),
    ),
    "leads": (
        Step(fetch_lead_funnel),
        *changes_of(fetch_lead_funnel),
        Step(fetch_lead_outcomes),
        Step(fetch_leads_by_receiver),
        Step(fetch_leads_by_township),
    ),
}
# Which page script each registry entry stands for (the frame is dashboard.py + components).
PAGE_SCRIPTS = {page: f"pages/{page}.py" for page in PAGES if page != FRAME}


def page_steps(page: str, ctx: Context) -> list[Step]:
    """The steps page runs for ctx (conditional ones only when their condition holds)."""
    return [step for step in PAGES[page] if step.when(ctx)]
