"""The office's own words: units named from its regions' kinds (or its setting), filled into
every message by i18n; its name and its round's theme as the app's title and subtitle."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from components.frame import sidebar_caption
from data_access.audit import list_audit_events
from data_access.db import session_scope
from data_access.models import County, Township
from data_access.office import (
    OfficeError,
    fetch_heading,
    fetch_office_settings,
    fetch_unit_terms,
    set_office_settings,
    township_term,
    village_term,
)
from data_access.version import read_data_version
from i18n import Terms, placeholders, t, use_language, use_terms
from tests.support.district_office import THEME, write_district_office
from tests.support.office import regions_xlsx, upload_regions


@pytest.fixture
def office(empty_engine: Engine) -> Engine:
    """The district office: 街道 and a 社区."""
    write_district_office(empty_engine)
    return empty_engine


@pytest.mark.parametrize(
    ("kinds", "code"),
    [
        ({"镇", "乡"}, "township"),
        ({"街道"}, "street"),
        ({"镇", "街道"}, "township_street"),
        ({"街道", "部门"}, "unit"),
        ({"部门"}, "unit"),
        (set(), "township"),
    ],
)
def test_the_township_word_follows_the_kinds(kinds: set[str], code: str) -> None:
    assert township_term(kinds) == code


def test_the_village_word_follows_the_names() -> None:
    assert village_term(0, 12) == "village"
    assert village_term(3, 0) == "community"
    assert village_term(3, 12) == "village_community"
    assert village_term(0, 0) == "village"


def test_messages_take_the_offices_words_in_both_languages() -> None:
    streets = Terms(township="street", village="community")
    assert t("charts.overview.township.title") == "各乡镇整改完成情况"  # the default
    with use_terms(streets):
        assert t("charts.overview.township.title") == "各街道整改完成情况"
        assert t("frame.filter.villages") == "社区"
        assert t("queries.no_village") == "街道本级（未到社区）"
        assert t("ingest.reason.no_villages", township="龙山街道") == (
            "街道“龙山街道”还没有登记任何社区，请先在“行政区划”中登记社区"
        )
        with use_language("en"):
            assert t("charts.overview.township.title") == "Rectification by sub-district"
            assert t("frame.filter.townships") == "Sub-district"
            assert t("frame.page.townships") == "Sub-districts"
    mixed = Terms(township="township_street", village="village_community")
    with use_terms(mixed):
        assert t("frame.filter.townships") == "乡镇（街道）"
        assert t("frame.filter.villages") == "村（社区）"
    own = Terms(township="unit", township_zh="巡察对象")
    with use_terms(own):
        assert t("frame.page.townships") == "巡察对象对比"
        with use_language("en"):
            assert t("frame.page.townships") == "Inspected units"
    # The caller never passes them: they are not among the placeholders a message expects.
    assert placeholders("各{term_township}{metric}排名") == {"metric"}


def test_an_offices_words_come_from_its_regions(office: Engine, seeded_engine: Engine) -> None:
    with session_scope(office) as session:
        assert fetch_unit_terms(session=session) == Terms(township="street", village="community")
    with session_scope(seeded_engine) as session:
        assert fetch_unit_terms(session=session) == Terms()


def test_a_department_inspected_as_a_unit_makes_them_units(office: Engine) -> None:
    with session_scope(office, write=True) as session:
        county = session.scalar(select(County.id))
        session.add(Township(county_id=county, name="区城管局", kind="部门"))
    with session_scope(office) as session:
        assert fetch_unit_terms(session=session).township == "unit"
        with use_terms(fetch_unit_terms(session=session)):
            assert t("frame.filter.townships") == "被巡察单位"


def test_the_offices_setting_overrides_the_words(office: Engine) -> None:
    with session_scope(office) as session:
        before = read_data_version(session=session)
    with session_scope(office, write=True) as session:
        changed = set_office_settings(
            session=session, actor="admin", values={"term_township": " 街道办 ", "name": ""}
        )
    assert changed == {"term_township": ("", "街道办")}
    with session_scope(office) as session:
        terms = fetch_unit_terms(session=session)
        assert read_data_version(session=session) == before + 1  # cached pages follow
        events = list_audit_events(session=session, actor="admin")
    assert (terms.township, terms.township_zh) == ("street", "街道办")
    assert events["action"].tolist() == ["office_update"]
    with use_terms(terms):
        assert t("frame.filter.townships") == "街道办"
    refused = pytest.raises(OfficeError, match="最多 16 个字")
    with refused, session_scope(office, write=True) as session:
        set_office_settings(session=session, actor="admin", values={"term_village": "长" * 17})


def test_the_title_and_subtitle_come_from_the_setup(office: Engine, seeded_engine: Engine) -> None:
    with session_scope(seeded_engine) as session:
        demo = fetch_heading(session=session)
    assert (demo.title, demo.subtitle) == ("巡察整改看板", "脱贫攻坚专项巡察")
    assert sidebar_caption(demo) == "巡察整改看板 · 脱贫攻坚专项巡察"
    with session_scope(office, write=True) as session:
        set_office_settings(session=session, actor="admin", values={"name": "中共城关区委巡察办"})
    with session_scope(office) as session:
        heading = fetch_heading(session=session)
        assert fetch_office_settings(session=session)["name"] == "中共城关区委巡察办"
        with use_language("en"):
            english = fetch_heading(session=session)
    assert heading.title == "中共城关区委巡察办巡察整改看板" and heading.subtitle == THEME
    assert english.title == "中共城关区委巡察办 inspection rectification dashboard"


def test_a_districts_regions_file_takes_streets_communities_and_departments(
    empty_engine: Engine,
) -> None:
    """Kinds left blank are read from the names: …街道, …局 (a department); …社区 villages."""
    base = {"市": "安庆市", "县（区）": "城关区", "类型": None}
    records = [
        {**base, "乡镇": "龙山街道", "村": "龙山社区"},
        {**base, "乡镇": "龙山街道", "村": "菱北社区"},
        {**base, "乡镇": "区城管局", "村": None},
        {**base, "乡镇": "区民政局", "类型": "部门", "村": None},
    ]
    upload_regions(empty_engine, regions_xlsx(records))
    with session_scope(empty_engine) as session:
        kinds = dict(session.execute(select(Township.name, Township.kind)).all())
        terms = fetch_unit_terms(session=session)
    assert kinds == {"龙山街道": "街道", "区城管局": "部门", "区民政局": "部门"}
    assert terms == Terms(township="unit", village="community")
