"""Browser test: a new office from an empty store to its first chart, using only the app.

Empty store → first admin (signed in at once) → the setup guide → 行政区划 (a real xlsx through the
real file picker) → 巡察轮次 (a round and two groups) → 台账上传 → 总览 with its charts.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from data_access.db import get_engine, session_scope
from data_access.models import ImportBatch
from tests.support.browser import metric_value
from tests.support.office import (
    ROUND_1_PROBLEMS,
    ledger_xlsx,
    problem_records,
    region_records,
    regions_xlsx,
)
from tests.support.server import serve_dashboard

pytestmark = pytest.mark.e2e

TIMEOUT_MS = 60_000
FILE_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'
ADMIN, PASSWORD = "chief", "chief-pass-12"
ROUND = "2018年脱贫攻坚专项巡察"


@pytest.fixture(scope="module")
def office_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file that does not exist yet: the app creates the empty store itself."""
    return f"sqlite:///{tmp_path_factory.mktemp('new_office') / 'office.db'}"


@pytest.fixture(scope="module")
def office_url(office_database: str, artifacts: Path) -> Iterator[str]:
    """A Streamlit server on the empty store."""
    with serve_dashboard(office_database, artifacts / "e2e_new_office_streamlit.log") as url:
        yield url


def sidebar(page: Page, title: str) -> None:
    """Open a page through the sidebar (a page load would start a new session)."""
    page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()


def create_first_admin(page: Page, url: str) -> None:
    """The one-time setup screen; its admin is signed in at once (no second sign-in form)."""
    page.goto(url)
    expect(page.get_by_text("创建第一个管理员账号")).to_be_visible(timeout=TIMEOUT_MS)
    page.get_by_label("用户名").fill(ADMIN)
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    page.get_by_label("再次输入密码").fill(PASSWORD)
    page.get_by_role("button", name="创建管理员").click()
    expect(page.get_by_text(f"当前用户：{ADMIN}")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_label("再次输入密码")).to_have_count(0, timeout=TIMEOUT_MS)
    expect(page.get_by_text("请登录", exact=True)).to_have_count(0)


def follow_guide(page: Page, link: str) -> None:
    """Back to 总览 (the setup guide) and on through one of its links."""
    sidebar(page, "总览")
    page.get_by_role("link", name=link).click()


def upload_and_commit(page: Page, path: Path, button: str, done: str) -> None:
    """A real file through the real picker, the preview's commit button, the outcome."""
    # The first picker: 行政区划 has a second one below, for the map's boundaries.
    page.locator(FILE_INPUT).first.set_input_files(str(path))
    commit = page.get_by_role("button", name=button)
    expect(commit).to_be_visible(timeout=TIMEOUT_MS)
    commit.click()
    expect(page.get_by_text(done)).to_be_visible(timeout=TIMEOUT_MS)


def create_round(page: Page) -> None:
    """A round (its county preselected: the office has one) and two groups."""
    page.get_by_label("轮次名称").fill(ROUND)
    page.get_by_role("button", name="新建轮次").click()
    expect(page.get_by_text(f"已新建巡察轮次“{ROUND}”")).to_be_visible(timeout=TIMEOUT_MS)
    for name in ("第一巡察组", "第二巡察组"):
        add = page.get_by_role("button", name="添加巡察组")
        expect(add).to_have_count(1, timeout=TIMEOUT_MS)  # the rerun's stale copy has gone
        add.click()
        expect(page.get_by_text(f"已添加“{name}”")).to_be_visible(timeout=TIMEOUT_MS)


def test_empty_store_to_first_chart(
    page: Page, office_url: str, office_database: str, tmp_path: Path, artifacts: Path
) -> None:
    regions = tmp_path / "行政区划.xlsx"
    regions.write_bytes(regions_xlsx(region_records()))
    ledger = tmp_path / "整改台账.xlsx"
    ledger.write_bytes(ledger_xlsx(problem_records("ZY2018", ROUND_1_PROBLEMS, date(2018, 6, 8))))

    create_first_admin(page, office_url)
    expect(page.get_by_text("先完成三步初始设置")).to_be_visible(timeout=TIMEOUT_MS)
    first_step = page.get_by_role("link", name="去上传行政区划")
    expect(first_step).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_role("button", name="登录", exact=True)).to_have_count(0)  # form gone
    page.screenshot(path=artifacts / "new_office_guide.png", full_page=True)
    first_step.click()
    upload_and_commit(page, regions, "确认导入行政区划", "已导入行政区划（第")
    follow_guide(page, "去新建巡察轮次和巡察组")
    create_round(page)
    follow_guide(page, "去上传整改台账")  # into the newest round, the page's default
    upload_and_commit(page, ledger, "确认导入", "已导入（第")

    sidebar(page, "总览")
    chart = page.get_by_test_id("stVegaLiteChart").first
    expect(chart).to_be_visible(timeout=TIMEOUT_MS)
    expect(chart.locator("canvas, svg").first).to_be_visible(timeout=TIMEOUT_MS)
    expect(metric_value(page, "问题总数")).to_have_text("10", timeout=TIMEOUT_MS)
    expect(page.get_by_text("先完成三步初始设置")).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.screenshot(path=artifacts / "new_office.png", full_page=True)
    with session_scope(get_engine(office_database)) as session:
        kinds = session.scalars(select(ImportBatch.kind).order_by(ImportBatch.id)).all()
    assert kinds == ["regions", "ledger"]
