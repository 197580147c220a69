"""Read functions of the dashboard: each takes a keyword-only session and a Filter."""

from data_access.queries.accountability import (
    AccountabilityTotals,
    fetch_accountability_by_month,
    fetch_accountability_by_township,
    fetch_accountability_totals,
    fetch_dual_check_pairs,
    fetch_written_self_criticism,
)
from data_access.queries.as_of import problem_status_as_of
from data_access.queries.conditions import (
    accountability_conditions,
    lead_conditions,
    problem_conditions,
    scoped_problems,
)
from data_access.queries.deadlines import fetch_deadline_warnings, fetch_overdue_list
from data_access.queries.funds import (
    FundsTotals,
    fetch_funds_totals,
    fetch_largest_recoveries,
    fetch_recovered_by_month,
    fetch_recovered_by_sub_category,
    fetch_recovered_by_township,
    fetch_rules_by_township,
)
from data_access.queries.headline import Headline, fetch_headline
from data_access.queries.leads import (
    fetch_lead_funnel,
    fetch_lead_outcomes,
    fetch_leads_by_receiver,
    fetch_leads_by_township,
)
from data_access.queries.overview import (
    fetch_accountability_breakdown,
    fetch_completion_by_township,
    fetch_problems_by_focus_area,
    fetch_weekly_trend,
    is_demo_data,
    list_townships,
    resolve_township_names,
)
from data_access.queries.problems import (
    count_problem_ledger,
    fetch_problem_ledger,
    fetch_status_by_focus_area,
)
from data_access.queries.projection import fetch_completion_projection

__all__ = [
    "AccountabilityTotals",
    "FundsTotals",
    "Headline",
    "accountability_conditions",
    "count_problem_ledger",
    "fetch_accountability_breakdown",
    "fetch_accountability_by_month",
    "fetch_accountability_by_township",
    "fetch_accountability_totals",
    "fetch_completion_by_township",
    "fetch_completion_projection",
    "fetch_deadline_warnings",
    "fetch_dual_check_pairs",
    "fetch_funds_totals",
    "fetch_headline",
    "fetch_largest_recoveries",
    "fetch_lead_funnel",
    "fetch_lead_outcomes",
    "fetch_leads_by_receiver",
    "fetch_leads_by_township",
    "fetch_overdue_list",
    "fetch_problem_ledger",
    "fetch_problems_by_focus_area",
    "fetch_recovered_by_month",
    "fetch_recovered_by_sub_category",
    "fetch_recovered_by_township",
    "fetch_rules_by_township",
    "fetch_status_by_focus_area",
    "fetch_weekly_trend",
    "fetch_written_self_criticism",
    "is_demo_data",
    "lead_conditions",
    "list_townships",
    "problem_conditions",
    "problem_status_as_of",
    "resolve_township_names",
    "scoped_problems",
]
