"""Fixtures of the page tests: the writable demo store as the app's database."""

from __future__ import annotations

import pytest
import streamlit as st
from sqlalchemy.engine import Engine

from tests.support.signin import create_test_users


@pytest.fixture
def app_engine(writable_seeded_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """The writable demo store with test accounts, as the app's DATABASE_URL."""
    create_test_users(writable_seeded_engine, ("uploader",))
    url = writable_seeded_engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_data.clear()  # scratch databases are reused within a test session
    return writable_seeded_engine
