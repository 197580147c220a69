"""problem_facts' columns read from the ledger: one row per problem a Filter selects."""

from __future__ import annotations

from sqlalchemy import CompoundSelect, Select, case, literal, select

from data_access.filters import Filter
from data_access.queries.conditions import scoped_problems


def ledger_problem_rows(
    flt: Filter, *, with_village: bool = False, among: CompoundSelect | None = None
) -> Select:
    """township_id … with_rules (village_id when asked) per problem of flt (of among only)."""
    scope = scoped_problems(flt)
    columns = [
        scope.c.township_id,
        scope.c.focus_area,
        scope.c.status,
        scope.c.deadline,
        literal(1).label("problems"),
        scope.c.recovered_yuan,
        scope.c.rules_improved,
        case((scope.c.recovered_yuan > 0, 1), else_=0).label("with_recovery"),
        case((scope.c.rules_improved > 0, 1), else_=0).label("with_rules"),
    ]
    if with_village:
        columns.append(scope.c.village_id)
    query = select(*columns)
    return query if among is None else query.where(scope.c.id.in_(among))
