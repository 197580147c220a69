"""会议模式 (presentation mode): a drill path, one view per screen, large and high-contrast.

The URL holds the place: ?path=NAME opens a saved path (none: the default path for the
current Filter) and ?step=N the screen, so browser back/forward and a shared link land on
the same screen. 下一步/上一步 are focusable buttons with PageDown/PageUp shortcuts (what
presentation clickers send). Text that came from the database or a user is escaped before
it reaches Markdown; the only HTML is the static stylesheet below.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

import streamlit as st

from charts.meeting import projector_specs
from components.auth import current_scope, signed_in_user
from components.briefing import briefing_title
from components.briefing_archive import show_archive_picker
from components.changes import comparison_keys
from components.chart_specs import cached_specs
from components.downloads import as_of_text, briefing_downloads, filter_lines
from components.filter_state import current_filter
from components.kpi import render_kpi_row
from components.language import with_language
from components.markdown import escape_markdown
from components.view_parts import ViewTable, shown_rows, view_kpis, view_table
from data_access.cache import cached_engine, cached_query
from data_access.db import session_scope
from data_access.exports.briefing import filter_line
from data_access.meeting.paths import (
    NAME_MAX_CHARS,
    PREPARE_ACTION,
    MeetingPathError,
    SavedPath,
    Step,
    default_meeting_path,
    get_meeting_path,
    list_meeting_paths,
    save_meeting_path,
)
from data_access.meeting.views import ComparedView, ViewData, fetch_compared_views, fetch_view
from data_access.roles import can
from i18n import t

PATH_PARAM = "path"
STEP_PARAM = "step"
SCREEN_ROWS = 4  # a table under a chart: what fits a 1080p screen at 16 px and more
OPEN_KEY = "meeting_open_path"
DEFAULT_CHOICE = ""  # the picker's option for the default path (a saved path has a name)
OVERVIEW_PAGE = "pages/overview.py"
# Our own static stylesheet (never built from data): hide the sidebar and the toolbar,
# large type for a projector, no page title (the step's heading says where we are).
PROJECTOR_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stToolbar"],
[data-testid="stHeader"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem 0.5rem !important;
  max-width: 100% !important; }
[data-testid="stMain"] { font-size: 1.3rem; color: #000000; }
[data-testid="stHeading"]:has(h1) { display: none !important; }
[data-testid="stHeading"] h2 { font-size: 2.5rem !important; color: #000000 !important;
  padding: 0.2rem 0 !important; }
[data-testid="stMetricValue"] { font-size: 2.8rem !important; color: #000000 !important; }
[data-testid="stMetricLabel"] p { font-size: 1.25rem !important; color: #000000 !important; }
[data-testid="stCaptionContainer"] p { font-size: 1.2rem !important; color: #212121 !important; }
[data-testid="stBaseButton-primary"], [data-testid="stBaseButton-secondary"] {
  font-size: 1.25rem !important; min-height: 3rem; }
[data-testid="stAlertContainer"] { padding: 0.35rem 0.9rem !important; }
[data-testid="stTable"] th, [data-testid="stTable"] td { font-size: 1.15rem !important;
  color: #000000 !important; padding: 0.3rem 0.7rem !important; max-width: 42rem !important; }
[data-testid="stMain"] button p, [data-testid="stMain"] button kbd,
[data-testid="stMain"] button span, [data-testid="stPageLink"] p,
[data-testid="stExpander"] summary p, [data-testid="stMetricDelta"] p,
[data-testid="stCode"] code, [data-testid="stCode"] span { font-size: 1.1rem !important; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
</style>
"""


def hide_chrome() -> None:
    """The projector stylesheet (static CSS, no data in it)."""
    st.html(PROJECTOR_CSS)


def in_scope(path: SavedPath) -> SavedPath:
    """path with every step inside the signed-in account's township scope."""
    scope = current_scope()
    return SavedPath(path.name, tuple(_scoped(step, scope) for step in path.steps))


def _scoped(step: Step, scope: tuple[int, ...] | None) -> Step:
    """step with its Filter limited to scope (never taken from the stored path)."""
    return Step(step.kind, step.flt.with_(scope=scope), step.title)


def step_number(total: int) -> int:
    """The URL's ?step=N, kept within 1..total (anything else: the first step)."""
    raw = st.query_params.get(STEP_PARAM, "1")
    number = int(raw) if raw.isdigit() else 1
    return min(max(number, 1), total)


def go_to(number: int) -> None:
    """Button callback: put step number in the URL (the rerun then shows it)."""
    st.query_params[STEP_PARAM] = str(number)


def show_top_bar(path: SavedPath, number: int) -> None:
    """The step's heading beside 上一步 / 第 n / N 步 / 下一步, the menu and the way out;
    under it the as-of day and the step's filters. The ends disable their button."""
    step, total = path.steps[number - 1], len(path.steps)
    with st.container(horizontal=True, vertical_alignment="center", key="meeting_controls"):
        st.header(escape_markdown(step.heading), anchor=False, width="content")
        st.space("stretch")
        st.button(
            t("meeting.previous"),
            key="meeting_previous",
            icon=":material/arrow_back:",
            shortcut="PageUp",
            disabled=number <= 1,
            on_click=go_to,
            args=(number - 1,),
            help=t("meeting.previous.help"),
        )
        st.markdown(t("meeting.step_of", number=number, total=total), width="content")
        st.button(
            t("meeting.next"),
            key="meeting_next",
            icon=":material/arrow_forward:",
            icon_position="right",
            type="primary",
            shortcut="PageDown",
            disabled=number >= total,
            on_click=go_to,
            args=(number + 1,),
            help=t("meeting.next.help"),
        )
        show_meeting_menu(path, number)
        exit_label = t("meeting.exit")
        st.page_link(OVERVIEW_PAGE, label=exit_label, icon=":material/close:")
    filters = filter_line(filter_lines(step.flt))
    st.caption(escape_markdown(t("meeting.info_line", as_of=as_of_text(step.flt), filters=filters)))


def fetch_step(step: Step) -> ViewData:
    """The data of step's view, names masked as the signed-in role may see them."""
    role = signed_in_user().role
    return cached_query(fetch_view, step.flt, kind=step.kind, role=role)


def fetch_step_changes(step: Step) -> tuple[ComparedView, ...]:
    """The figures step's cards are compared with (the previous week or upload, round)."""
    return cached_query(fetch_compared_views, step.flt, kind=step.kind, **comparison_keys())


def show_view(view: ViewData, *, key: str, compared: Sequence[ComparedView] = ()) -> None:
    """KPI cards with their changes, the view's charts side by side (high contrast), then
    its table."""
    render_kpi_row(view_kpis(view, compared), per_row=8, notes_below=False)
    charts = cached_specs(projector_specs, view)  # built once per view's data
    for column, (name, spec) in zip(st.columns(len(charts), gap="large"), charts, strict=True):
        with column:
            st.vega_lite_chart(spec, width="stretch", theme=None, key=f"{key}_{name}")
    table = view_table(view)
    if table is not None:
        show_table(table, limit=SCREEN_ROWS)


def show_table(table: ViewTable, *, limit: int) -> None:
    """The view's table as large text sized to its rows (an HTML table, not a scrolling grid
    of small canvas text); rows past limit are left to the briefing, and that is said."""
    heading = t("meeting.table_title", title=table.title, count=len(table.frame))
    st.subheader(escape_markdown(heading), anchor=False)
    st.table(shown_rows(table, limit), hide_index=True)
    if len(table.frame) > limit:
        st.caption(t("meeting.table_more", shown=limit, count=len(table.frame)))


def requested_path() -> SavedPath:
    """The path the URL names, else the default path for the URL's Filter; in scope."""
    name = st.query_params.get(PATH_PARAM, "").strip()
    path = saved_path(name) if name else None
    if path is None:  # cached per Filter and data version
        path = cached_query(default_meeting_path, current_filter())
    return in_scope(path)


def saved_path(name: str) -> SavedPath | None:
    """The saved path called name (read fresh: a path just saved shows), or None, said so."""
    try:
        with session_scope(cached_engine()) as session:
            path = get_meeting_path(session=session, name=name)
    except MeetingPathError as error:
        st.warning(escape_markdown(t("meeting.path_unreadable", name=name, reason=error)))
        return None
    if path is None:
        st.warning(escape_markdown(t("meeting.path_missing", name=name)))
    return path


def _open_path() -> None:
    """Select box callback: open the chosen saved path (or the default one) at step 1."""
    chosen = st.session_state[OPEN_KEY]
    if chosen == DEFAULT_CHOICE:
        st.query_params.pop(PATH_PARAM, None)
    else:
        st.query_params[PATH_PARAM] = chosen
    st.query_params[STEP_PARAM] = "1"


def show_path_picker(path: SavedPath) -> None:
    """Open a saved path; the link that opens the current one."""
    with session_scope(cached_engine()) as session:
        names = list_meeting_paths(session=session)["name"].tolist()
    choices = [DEFAULT_CHOICE, *names]
    st.session_state[OPEN_KEY] = path.name if path.name in names else DEFAULT_CHOICE
    st.selectbox(
        t("meeting.open_path"),
        choices,
        key=OPEN_KEY,
        on_change=_open_path,
        format_func=_choice_label,
    )
    if path.name:
        st.caption(t("meeting.path_link"))
        params = with_language({PATH_PARAM: path.name, STEP_PARAM: "1"})
        st.code(f"/meeting?{urlencode(params)}", language=None)


def _choice_label(choice: str) -> str:
    """A picker option as shown: the saved path's name, or the default path described."""
    return choice if choice != DEFAULT_CHOICE else t("meeting.default_choice")


def show_save_form(path: SavedPath, number: int) -> None:
    """Save the current path under a name (staff only); then the URL names it."""
    user = signed_in_user()
    if not can(user.role, PREPARE_ACTION):
        return
    with st.form("meeting_save", border=False, enter_to_submit=False):
        name = st.text_input(t("meeting.path_name"), value=path.name, max_chars=NAME_MAX_CHARS)
        if not st.form_submit_button(t("meeting.save"), icon=":material/save:"):
            return
    try:
        with session_scope(cached_engine(), write=True) as session:
            saved = save_meeting_path(
                session=session, name=name, steps=path.steps, actor=user.username, role=user.role
            )
    except MeetingPathError as error:
        st.error(escape_markdown(str(error)))
        return
    st.query_params.update({PATH_PARAM: saved.name, STEP_PARAM: str(number)})
    st.rerun()


def show_meeting_menu(path: SavedPath, number: int) -> None:
    """A popover with the path picker, the briefings (path, this step) and saving."""
    step = path.steps[number - 1]
    usual = briefing_title()
    title = t("meeting.titled", title=usual, name=path.name) if path.name else usual
    menu = t("meeting.menu")
    with st.popover(menu, icon=":material/menu:", type="tertiary", key="meeting_menu"):
        show_path_picker(path)
        st.caption(t("meeting.briefing_whole"))
        briefing_downloads(path.steps, key="meeting_path", title=title)
        st.caption(t("meeting.briefing_step"))
        step_title = t("meeting.titled", title=usual, name=step.heading)
        briefing_downloads([step], key="meeting_step", title=step_title)
        show_archive_picker(path.steps, key="meeting_archive", title=title)  # as of a past day
        show_save_form(path, number)
