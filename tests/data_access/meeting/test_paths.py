"""Saved drill paths of 会议模式, the default path, and the data of each view."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import Engine

from data_access.audit import list_audit_events
from data_access.codes import OVERDUE
from data_access.db import session_scope
from data_access.filters import Filter
from data_access.meeting.paths import (
    NAME_MAX_CHARS,
    VIEW_KINDS,
    MeetingPathError,
    Step,
    default_meeting_path,
    delete_meeting_path,
    get_meeting_path,
    list_meeting_paths,
    save_meeting_path,
    steps_from_json,
    steps_to_json,
)
from data_access.meeting.views import MAX_LIST_ROWS, fetch_view
from data_access.queries.townships import fetch_region_comparison

STEPS = (
    Step("overview", Filter(as_of=None)),
    Step("township_problems", Filter(townships=(3, 5), statuses=("in_progress",)), "两个乡镇"),
    Step("leads", Filter(rounds=(1,))),
)


def test_steps_round_trip_through_json_without_the_scope() -> None:
    """Views, filters and titles survive JSON; the account's scope is never stored."""
    scoped = (Step("overdue", Filter(townships=(2,), scope=(2, 4))),)
    text = steps_to_json(scoped)
    assert "scope" not in text
    assert json.loads(text) == [{"view": "overdue", "filter": {"township": "2"}, "title": ""}]
    assert steps_from_json(steps_to_json(STEPS)) == STEPS


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "无法读取"),
        ('{"view": "overview"}', "步骤列表"),
        ('[{"view": "dashboard"}]', "第 1 步的视图"),
        ('[{"view": "overview", "filter": {"status": "bogus"}}]', "status=bogus"),
    ],
)
def test_malformed_stored_paths_are_refused(text: str, message: str) -> None:
    """A damaged path is a MeetingPathError with a Chinese message, not a crash."""
    with pytest.raises(MeetingPathError, match=message):
        steps_from_json(text)


def save(engine: Engine, name: str, steps, actor: str, role: str = "uploader"):
    """save_meeting_path in a write transaction of its own."""
    with session_scope(engine, write=True) as session:
        return save_meeting_path(session=session, name=name, steps=steps, actor=actor, role=role)


def delete(engine: Engine, name: str, actor: str, role: str = "uploader") -> bool:
    """delete_meeting_path in a write transaction of its own."""
    with session_scope(engine, write=True) as session:
        return delete_meeting_path(session=session, name=name, actor=actor, role=role)


def test_save_fetch_replace_delete(empty_engine: Engine) -> None:
    """A path is saved by name, read back, replaced under the same name, and deleted."""
    assert save(empty_engine, "  城市汇报 ", STEPS, "u1").name == "城市汇报"
    with session_scope(empty_engine) as session:
        assert get_meeting_path(session=session, name="城市汇报").steps == STEPS
        assert get_meeting_path(session=session, name="没有这条") is None
    save(empty_engine, "城市汇报", STEPS[:1], "u1")
    with session_scope(empty_engine) as session:
        listed = list_meeting_paths(session=session)
        assert listed[["name", "created_by"]].values.tolist() == [["城市汇报", "u1"]]
        assert get_meeting_path(session=session, name="城市汇报").steps == STEPS[:1]
    assert delete(empty_engine, "城市汇报", "u1")
    assert not delete(empty_engine, "城市汇报", "u1")


def test_only_the_owner_or_an_admin_overwrites_or_deletes(empty_engine: Engine) -> None:
    """Issue 18, finding 6: anyone who could save a path could overwrite anyone's, unaudited."""
    save(empty_engine, "城市汇报", STEPS, "u1")
    for attempt in (
        lambda: save(empty_engine, "城市汇报", STEPS[:1], "u2"),
        lambda: delete(empty_engine, "城市汇报", "u2"),
    ):
        with pytest.raises(MeetingPathError, match="只有保存人或管理员"):
            attempt()
    with session_scope(empty_engine) as session:
        assert get_meeting_path(session=session, name="城市汇报").steps == STEPS
    save(empty_engine, "城市汇报（副本）", STEPS, "u2")  # a copy under another name
    save(empty_engine, "城市汇报", STEPS[:1], "boss", role="admin")
    assert delete(empty_engine, "城市汇报", "boss", role="admin")
    with session_scope(empty_engine) as session:
        owners = list_meeting_paths(session=session).set_index("name")["created_by"]
        events = list_audit_events(session=session)
    assert owners.to_dict() == {"城市汇报（副本）": "u2"}
    assert events[["actor", "action", "target"]].values.tolist()[::-1] == [
        ["u1", "meeting_path_save", "城市汇报"],
        ["u2", "meeting_path_save", "城市汇报（副本）"],
        ["boss", "meeting_path_save", "城市汇报"],
        ["boss", "meeting_path_delete", "城市汇报"],
    ]


@pytest.mark.parametrize(
    ("name", "steps", "message"),
    [
        ("", STEPS, "请填写"),
        ("长" * (NAME_MAX_CHARS + 1), STEPS, "不能超过"),
        ("两行\n名称", STEPS, "控制字符"),
        ("空路径", (), "1 到"),
        ("坏视图", (Step("dashboard", Filter()),), "无法识别"),
    ],
)
def test_invalid_paths_are_not_saved(empty_engine: Engine, name, steps, message) -> None:
    """Names and steps are checked before anything is written."""
    with session_scope(empty_engine, write=True) as session:
        with pytest.raises(MeetingPathError, match=message):
            save_meeting_path(session=session, name=name, steps=steps, actor="u1", role="admin")
        assert list_meeting_paths(session=session).empty


def test_default_path_takes_the_lowest_completion_townships(seeded_engine: Engine) -> None:
    """Overview → the 3 lowest completion rates (computed) → their overdue → accountability."""
    with session_scope(seeded_engine) as session:
        path = default_meeting_path(session=session, flt=Filter())
        members = fetch_region_comparison(session=session, flt=Filter(), level="township")
    assert [step.kind for step in path.steps] == [
        "overview",
        "townships",
        "overdue",
        "accountability",
    ]
    assert path.steps[0].flt == Filter()
    chosen = path.steps[1].flt.townships
    assert len(chosen) == 3 and all(step.flt.townships == chosen for step in path.steps[1:])
    rates = members[members["problems_total"] > 0].set_index("member_id")["completion_rate"]
    assert rates.loc[list(chosen)].max() <= rates.drop(list(chosen)).min()


def test_default_path_of_an_empty_store_is_the_overview(empty_engine: Engine) -> None:
    """Without problems there are no townships to look closer at: one step."""
    with session_scope(empty_engine) as session:
        path = default_meeting_path(session=session, flt=Filter())
    assert [step.kind for step in path.steps] == ["overview"]


@pytest.mark.parametrize("kind", list(VIEW_KINDS))
def test_every_view_fetches_its_data(seeded_engine: Engine, kind: str) -> None:
    """Each view kind returns the headline and its named frames for the Filter."""
    with session_scope(seeded_engine) as session:
        flt = default_meeting_path(session=session, flt=Filter()).steps[1].flt  # 3 townships
        view = fetch_view(session=session, flt=flt, kind=kind, role="viewer")
    assert view.kind == kind and 0 < view.headline.problems_total < 414
    assert view.frames
    assert all(len(frame) <= MAX_LIST_ROWS for frame in view.frames.values())
    assert (view.accountability is not None) == (kind == "accountability")
    if kind == "overdue":
        problems = view.frames["problems"]
        assert len(problems) == view.headline.overdue and (problems["days_overdue"] > 0).all()
        assert set(problems["township_id"]) <= set(flt.townships)
    if kind == "accountability":
        pairs = view.frames["pairs"]
        assert not pairs.empty and pairs["direct_name"].str.endswith("*").all()


def test_overdue_view_uses_the_derived_status(seeded_engine: Engine) -> None:
    """The overdue list holds the problems of the derived status "overdue"."""
    with session_scope(seeded_engine) as session:
        view = fetch_view(session=session, flt=Filter(), kind="overdue")
        counted = fetch_view(session=session, flt=Filter(statuses=(OVERDUE,)), kind="overview")
    assert len(view.frames["problems"]) == counted.headline.problems_total == view.headline.overdue
