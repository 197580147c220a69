"""The one place pages get and set the current Filter: the URL query parameters."""

from __future__ import annotations

import hashlib

import streamlit as st

from components.auth import current_scope
from components.markdown import md
from data_access.filters import PARAM_NAMES, Filter
from i18n import t

# URL parameters that are not Filter fields but belong to a view (drill level, problem code,
# "show all" toggles); they are kept when the Filter changes and never reported as unknown.
# q: the 问题清单 search; batch: the import batch a live-update notice links to;
# path, step: the saved path and the screen of 会议模式.
VIEW_PARAMS: frozenset[str] = frozenset(
    {"code", "level", "all", "q", "batch", "path", "step", "lang"}
)
FILTER_PARAMS: frozenset[str] = frozenset(PARAM_NAMES.values())
NOTICES_KEY = "_filter_notices"
IGNORED_KEY = "_ignored_params"
LAST_FILTER_KEY = "_last_filter"  # the Filter last written or read, for page navigation


def read_filter() -> tuple[Filter, list[str]]:
    """The Filter in the URL, and the parameters that were malformed or unknown and ignored."""
    params = st.query_params.to_dict()
    flt, malformed = Filter.from_params(params)
    unknown = [
        f"{name}={value}"
        for name, value in params.items()
        if name not in FILTER_PARAMS and name not in VIEW_PARAMS
    ]
    return flt, malformed + unknown


def current_filter() -> Filter:
    """The Filter every query on the current page uses: the URL's, within the user's scope.

    The township scope comes from the signed-in account (never from the URL), so every
    query, and every cache key (the Filter), carries it.
    """
    return read_filter()[0].with_(scope=current_scope())


def write_filter(flt: Filter) -> None:
    """Put flt in the URL: its parameters replace the old filter's, all others stay."""
    st.session_state[LAST_FILTER_KEY] = flt
    wanted = flt.to_params()
    for name in FILTER_PARAMS.intersection(st.query_params.keys()) - wanted.keys():
        del st.query_params[name]
    changed = {name: value for name, value in wanted.items() if _url_value(name) != value}
    if changed:
        st.query_params.update(changed)


def _url_value(name: str) -> str | None:
    """The URL's (last) value of a parameter, or None."""
    return st.query_params.get(name)


def restore_filter_after_navigation() -> None:
    """Bring the session's Filter back into a URL that page navigation emptied.

    Streamlit clears the query parameters when the user picks another page in the sidebar;
    the Filter is global, so it follows the user. An empty Filter is written on purpose
    (清除全部), so only a non-empty remembered one comes back.
    """
    last = st.session_state.get(LAST_FILTER_KEY)
    if FILTER_PARAMS.intersection(st.query_params.keys()) or last is None or last.is_empty():
        st.session_state[LAST_FILTER_KEY] = current_filter()
        return
    st.query_params.update(last.to_params())


def apply_filter(flt: Filter) -> None:
    """Write flt to the URL and rerun, if it differs from the current one."""
    if flt.to_params() != current_filter().to_params():  # what the URL can hold
        write_filter(flt)
        st.rerun()


def filter_token(flt: Filter) -> str:
    """A short stable digest of flt ("" for the empty Filter), for widget keys per filter."""
    if flt.is_empty():
        return ""
    text = "&".join(f"{k}={v}" for k, v in sorted(flt.to_params().items()))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def keyed_by_filter(key: str, flt: Filter) -> str:
    """A widget key that changes with flt (key itself for the empty Filter): a widget drawn
    for another Filter starts without the old one's selection."""
    token = filter_token(flt)
    return f"{key}-{token}" if token else key


def drawn_for_current_filter(key: str, widget: str) -> bool:
    """Whether widget is the widget of key under the URL's Filter as it stands now.

    A rerun may carry changes of several widgets (a chip clicked while a chart or table
    reported its selection): once one callback changed the Filter, a widget drawn for the
    old one must not act on the new one.
    """
    return keyed_by_filter(key, current_filter()) == widget


def add_notice(text: str) -> None:
    """Queue a one-run notice (e.g. ids in the link that no longer exist) for the frame.

    text is shown as Markdown: build it with components.markdown.md.
    """
    notices = st.session_state.setdefault(NOTICES_KEY, [])
    if text not in notices:
        notices.append(text)


def queue_ignored_params() -> None:
    """Remember the URL parameters that are malformed or unknown, for one notice."""
    ignored = st.session_state.setdefault(IGNORED_KEY, [])
    ignored += [param for param in read_filter()[1] if param not in ignored]


def show_filter_notices() -> None:
    """Small notices (never errors) for what the link asked for but was ignored; shown once."""
    queue_ignored_params()
    ignored = st.session_state.pop(IGNORED_KEY, [])
    if ignored:
        joined = t("frame.list_separator").join(ignored)
        st.caption(md("frame.notice.ignored_params", params=joined))
    for notice in st.session_state.pop(NOTICES_KEY, []):
        st.caption(notice)
