"""The one-time setup of a fresh install: the first account, an admin, and no default password."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session

from data_access.auth.accounts import AccountError, create_user, needs_first_admin
from data_access.models import User
from data_access.roles import ADMIN
from i18n import t

SETUP_ACTOR = "setup"


def _serialise_setup(session: Session) -> None:
    """Make two simultaneous setups queue up, so only the first one sees an empty table.

    SQLite write sessions already hold the database's write lock from BEGIN IMMEDIATE;
    PostgreSQL needs a table lock that conflicts with itself (held to the end of the
    transaction).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE"))


def create_first_admin(
    *, session: Session, username: str, password: str, display_name: str = ""
) -> User:
    """Create the first admin while no account exists; AccountError once any account does.

    Call inside a write session (session_scope(engine, write=True)); audited as user_create
    by the actor "setup".
    """
    _serialise_setup(session)
    if not needs_first_admin(session=session):
        raise AccountError(t("accounts.error.setup_closed"))
    return create_user(
        session=session,
        actor=SETUP_ACTOR,
        username=username,
        password=password,
        role=ADMIN,
        display_name=display_name,
    )
