"""The browser's sign-in cookie: read on the server, written by Streamlit's own component API.

Reading needs no JavaScript: st.context.cookies holds the cookies of the WebSocket request
that started this browser session, so a reload or a new tab knows its token on the first
run. Streamlit has no call that sets a cookie, so a component made with st.components.v2
(Streamlit's own API, mounted in the page itself, no iframe, no third-party bundle) sets or
clears it with document.cookie. The cookie holds only a random token (the server keeps its
SHA-256 and decides everything): Path = the app's base path, SameSite=Strict, Secure when
the page came over https, Max-Age = the session's lifetime.
"""

from __future__ import annotations

import streamlit as st

COOKIE_NAME = "xuncha_session"
COMPONENT_NAME = "xuncha_session_cookie"
PENDING = "auth_cookie_pending"  # session-state key: the write the next run makes
CLEAR = ""  # a pending write of the empty token clears the cookie
HIDDEN_CSS = ".st-key-session_cookie { display: none; }"

# The whole of the component: one cookie write per mount, attributes fixed here.
WRITER_JS = """
export default function ({ data }) {
  if (!data || typeof data.name !== "string") return;
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  const age = data.token ? data.max_age : 0;
  document.cookie =
    `${data.name}=${data.token}; Path=${data.path}; Max-Age=${age}; SameSite=Strict${secure}`;
}
"""

_writer = st.components.v2.component(COMPONENT_NAME, js=WRITER_JS)


def cookie_path() -> str:
    """The app's base path ("/" or "/xuncha/"): the cookie goes to this app only."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/" if base else "/"


def cookie_token() -> str | None:
    """The session token the browser sent when this session connected, if any."""
    token = st.context.cookies.get(COOKIE_NAME)
    # Only text counts: AppTest has no browser, and its stand-in client answers with a mock.
    return token if isinstance(token, str) and token else None


def queue_cookie(token: str, max_age_seconds: int) -> None:
    """Have the next run store token in the browser's cookie (CLEAR: remove the cookie)."""
    st.session_state[PENDING] = {"token": token, "max_age": max(0, int(max_age_seconds))}


def write_queued_cookie() -> None:
    """Make the queued cookie write (once), in an element the page does not show."""
    pending = st.session_state.pop(PENDING, None)
    if pending is None:
        return
    st.html(f"<style>{HIDDEN_CSS}</style>")
    data = {"name": COOKIE_NAME, "path": cookie_path(), **pending}
    _writer(key="session_cookie", data=data, height=0)
