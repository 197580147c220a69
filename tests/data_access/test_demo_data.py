"""Removing the demo data: every seed row goes, accounts, the audit log and own data stay."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from data_access.audit import list_audit_events
from data_access.db import session_scope
from data_access.demo_data import DemoDataError, remove_demo_data
from data_access.filters import Filter
from data_access.models import County, InspectionRound, Township
from data_access.queries import fetch_headline, is_demo_data
from data_access.version import read_data_version
from seed.__main__ import main as seed_main
from seed.store import DOMAIN_TABLES
from tests.support.office import (
    add_round,
    ledger_xlsx,
    problem_records,
    regions_xlsx,
    upload_ledger,
)
from tests.support.office import upload_regions as upload_own_regions
from tests.support.signin import create_test_users
from tests.support.stored import dump_tables

OWN = (("南陵县", "籍山镇", "城东村"), ("南陵县", "籍山镇", "城西村"), ("南陵县", "许镇镇", None))


def own_regions() -> bytes:
    """A regions file of another county (芜湖市 南陵县)."""
    rows = [{"市": "芜湖市", "县（区）": c, "乡镇": t, "村": v} for c, t, v in OWN]
    return regions_xlsx(rows)


def remove(engine: Engine, **options: bool) -> dict[str, int]:
    """remove_demo_data in one write transaction."""
    with session_scope(engine, write=True) as session:
        return remove_demo_data(session=session, actor="admin", **options)


def test_every_seed_row_goes_accounts_and_audit_stay(writable_seeded_engine: Engine) -> None:
    engine = writable_seeded_engine
    create_test_users(engine, ("admin", "viewer"))
    before = dump_tables(engine)
    with session_scope(engine) as session:
        version = read_data_version(session=session)
    deleted = remove(engine)
    after = dump_tables(engine)
    for model in DOMAIN_TABLES:
        assert after[model.__tablename__] == [], model.__tablename__
    assert deleted["problem"] == 414 and deleted["township"] == 22
    assert after["app_user"] == before["app_user"]
    assert after["audit_event"][: len(before["audit_event"])] == before["audit_event"]
    with session_scope(engine) as session:
        assert read_data_version(session=session) > version
        assert not is_demo_data(session=session)
        events = list_audit_events(session=session, action="demo_remove")
    assert events["actor"].tolist() == ["admin"]
    with pytest.raises(DemoDataError):
        remove(engine)


def test_own_places_rounds_and_ledger_stay(writable_seeded_engine: Engine) -> None:
    engine = writable_seeded_engine
    upload_own_regions(engine, own_regions())
    with session_scope(engine) as session:
        county_id = session.scalar(select(County.id).where(County.name == "南陵县"))
    groups = ("第一巡察组", "第二巡察组")
    round_id = add_round(
        engine, "2023年南陵县委巡察", "county", date(2023, 3, 1), groups, county_id
    )
    problems = (("籍山镇", "城东村", "已完成"), ("许镇镇", None, "未启动"))
    records = problem_records("NL2023", problems, date(2023, 5, 1))
    upload_ledger(engine, ledger_xlsx(records), round_id)
    remove(engine)
    with session_scope(engine) as session:
        townships = set(session.scalars(select(Township.name)))
        rounds = list(session.scalars(select(InspectionRound.name)))
        figures = fetch_headline(session=session, flt=Filter())
    assert townships == {"籍山镇", "许镇镇"}
    assert rounds == ["2023年南陵县委巡察"]
    assert (figures.problems_total, figures.problems_rectified) == (2, 1)


def test_keep_regions_keeps_the_places_only(writable_seeded_engine: Engine) -> None:
    engine = writable_seeded_engine
    remove(engine, keep_regions=True)
    with session_scope(engine) as session:
        townships = session.scalar(select(func.count()).select_from(Township))
        rounds = session.scalar(select(func.count()).select_from(InspectionRound))
        figures = fetch_headline(session=session, flt=Filter())
    assert (townships, rounds, figures.problems_total) == (22, 0, 0)


def test_the_first_start_does_not_bring_the_demo_back(writable_seeded_engine: Engine) -> None:
    engine = writable_seeded_engine
    remove(engine)
    url = engine.url.render_as_string(hide_password=False)
    assert seed_main(["--if-empty", "--database-url", url]) == 0  # what `make run` does
    with session_scope(engine) as session:
        assert not is_demo_data(session=session)
    assert seed_main(["--reset", "--database-url", url]) == 0  # asked for by name: it comes
    with session_scope(engine) as session:
        assert is_demo_data(session=session)
