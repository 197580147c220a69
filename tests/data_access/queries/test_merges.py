"""按现行区划汇总 (rollup): merged townships count under their successor, only when asked."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.filters import Filter
from data_access.models import Township
from data_access.queries import fetch_headline
from data_access.queries.merges import has_merged_townships, rolled_up_ids
from data_access.queries.townships import fetch_region_comparison
from seed.regions import MERGED_INTO
from tests.support.office import by_township


def test_rollup_round_trips_through_the_url() -> None:
    flt, notices = Filter.from_params({"rollup": "1", "township": "3"})
    assert (flt.rollup, flt.townships, notices) == (True, (3,), [])
    assert flt.to_params() == {"township": "3", "rollup": "1"}
    assert Filter.from_params({"rollup": "0"})[0] == Filter()
    assert Filter.from_params({"rollup": "maybe"}) == (Filter(), ["rollup=maybe"])
    assert "rollup" not in Filter().to_params()
    assert not Filter(rollup=True).is_empty()


def ids_by_name(engine: Engine) -> dict[str, int]:
    """Township id by name."""
    with session_scope(engine) as session:
        return dict(session.execute(select(Township.name, Township.id)).all())


def problems_by_township(engine: Engine, flt: Filter) -> dict[str, int]:
    """Problems per township name for flt."""
    return {name: counts.total for name, counts in by_township(engine, flt).items()}


def test_demo_merges_roll_up_into_their_successors(seeded_engine: Engine) -> None:
    plain = problems_by_township(seeded_engine, Filter())
    rolled = problems_by_township(seeded_engine, Filter(rollup=True))
    assert sum(plain.values()) == sum(rolled.values()) == 414
    for old, new in MERGED_INTO.items():
        assert old in plain and old not in rolled
        assert rolled[new] == plain[new] + plain[old]
    assert {k: v for k, v in rolled.items() if k not in MERGED_INTO.values()} == {
        k: v for k, v in plain.items() if k not in MERGED_INTO and k not in MERGED_INTO.values()
    }
    with session_scope(seeded_engine) as session:
        assert has_merged_townships(session=session)


def test_rollup_never_widens_an_account_scope(seeded_engine: Engine) -> None:
    ids = ids_by_name(seeded_engine)
    zongyang, tietong = ids["枞阳镇"], ids["铁铜乡"]
    with session_scope(seeded_engine) as session:
        own = fetch_headline(session=session, flt=Filter(townships=(zongyang,)))
        scoped = fetch_headline(session=session, flt=Filter(scope=(zongyang,), rollup=True))
        chosen = fetch_headline(session=session, flt=Filter(townships=(zongyang,), rollup=True))
        both = fetch_headline(session=session, flt=Filter(townships=(zongyang, tietong)))
        successors = set(session.scalars(rolled_up_ids((zongyang,))))
    assert scoped.problems_total == own.problems_total
    assert chosen.problems_total == both.problems_total > own.problems_total
    assert successors == {zongyang, tietong}


@pytest.mark.parametrize("name", ["藕山镇", "汤沟镇"])
def test_each_successor_takes_in_its_merged_township(seeded_engine: Engine, name: str) -> None:
    ids = ids_by_name(seeded_engine)
    merged = next(old for old, new in MERGED_INTO.items() if new == name)
    with session_scope(seeded_engine) as session:
        rolled = fetch_headline(session=session, flt=Filter(townships=(ids[name],), rollup=True))
        apart = fetch_headline(session=session, flt=Filter(townships=(ids[name], ids[merged])))
    assert (rolled.problems_total, rolled.recovered_yuan, rolled.accountable_people) == (
        apart.problems_total,
        apart.recovered_yuan,
        apart.accountable_people,
    )


def test_township_comparison_under_rollup_lists_only_current_townships(
    seeded_engine: Engine,
) -> None:
    with session_scope(seeded_engine) as session:
        plain = fetch_region_comparison(session=session, flt=Filter(), level="township")
        rolled = fetch_region_comparison(session=session, flt=Filter(rollup=True), level="township")
    assert set(MERGED_INTO) <= set(plain["member"])
    assert not set(MERGED_INTO) & set(rolled["member"])
    assert len(rolled) == len(plain) - len(MERGED_INTO)
    assert rolled["problems_total"].sum() == plain["problems_total"].sum() == 414
    for old, new in MERGED_INTO.items():
        new_rolled = rolled.set_index("member").loc[new, "problems_total"]
        by_name = plain.set_index("member")["problems_total"]
        assert new_rolled == by_name[new] + by_name[old]
