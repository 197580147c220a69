"""Sign an AppTest in as the sign-in form does: a real server-side session, its hash held."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from components.auth import SESSION_METHOD, SESSION_TOKEN, SESSION_USER
from data_access import auth
from data_access.db import session_scope


def sign_in_app(app: AppTest, engine: Engine, username: str) -> None:
    """Start a session for username on engine and hand it to app (the frame re-reads both)."""
    with session_scope(engine, write=True) as session:
        user = auth.require_user(session=session, username=username)
        token = auth.start_session(session=session, user=user)
    app.session_state[SESSION_USER] = username
    app.session_state[SESSION_METHOD] = "password"
    app.session_state[SESSION_TOKEN] = auth.hash_token(token)
