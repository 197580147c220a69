"""The Streamlit boundary of the data layer: one cached engine and cached read functions.

This is the only module of data_access that imports streamlit. Domain read functions stay
plain; they are cached here, keyed by the database, the function, the Filter, the caller's
scope (role/townships, issue 5) and the data version that every committed import bumps.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import streamlit as st
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from data_access.db import DatabaseUnavailableError, check_connection, get_engine, session_scope
from data_access.filters import Filter
from data_access.schema import upgrade_schema
from data_access.settings import get_settings
from data_access.version import read_data_version
from i18n import get_language, t, use_language

T = TypeVar("T")
QUERY_TTL_SECONDS = 3600  # the data version already refreshes on change; this bounds memory
QUERY_MAX_ENTRIES = 1024


@st.cache_resource(show_spinner=False)
def _migrated_engine(database_url: str) -> Engine:
    """The engine for database_url, checked and upgraded once per process (errors not cached)."""
    engine = get_engine(database_url)
    check_connection(engine)
    upgrade_schema(engine)
    return engine


def cached_engine() -> Engine:
    """The engine for the current DATABASE_URL; raises DatabaseUnavailableError if unreachable."""
    return _migrated_engine(get_settings().database_url)


def current_data_version() -> int:
    """The data version now (one primary-key lookup, run on every rerun)."""
    return fresh_query(read_data_version)


def fresh_query(function: Callable[..., T], **kwargs: Hashable) -> T:
    """function(session=..., **kwargs) now, never cached: for tiny reads that must be fresh."""
    with _database_errors(), session_scope(cached_engine()) as session:
        return function(session=session, **kwargs)


@st.cache_data(show_spinner=False, ttl=QUERY_TTL_SECONDS, max_entries=QUERY_MAX_ENTRIES)
def _run_cached(
    database_url: str,
    function_name: str,
    flt: Filter | None,
    scope: Hashable,
    kwargs: tuple[tuple[str, Hashable], ...],
    data_version: int,
    language: str,
    _function: Callable[..., T],
) -> T:
    """Run _function once per key; everything but _function is part of the cache key."""
    del function_name, data_version  # only part of the key
    arguments = dict(kwargs)
    if flt is not None:
        arguments["flt"] = flt
    if scope is not None:
        arguments["scope"] = scope
    # Labels in results follow the UI language, so the language is part of the key.
    with (
        use_language(language),
        _database_errors(),
        session_scope(_migrated_engine(database_url)) as session,
    ):
        return _function(session=session, **arguments)


def cached_query(
    function: Callable[..., T], flt: Filter | None, *, scope: Hashable = None, **kwargs: Hashable
) -> T:
    """function(session=..., flt=flt, **kwargs) through st.cache_data.

    flt=None is for read functions without a Filter (e.g. is_demo_data). scope is passed on
    and keyed only when given, so role- or township-scoped results never leak to others.
    """
    database_url = get_settings().database_url
    return _run_cached(
        database_url,
        f"{function.__module__}.{function.__qualname__}",
        flt,
        scope,
        tuple(sorted(kwargs.items())),
        current_data_version(),
        get_language(),
        _function=function,
    )


@contextmanager
def _database_errors() -> Iterator[None]:
    """Turn a connection lost mid-session into DatabaseUnavailableError (the app's error panel)."""
    try:
        yield
    except OperationalError as exc:
        reason = str(exc.orig or exc).strip().splitlines()[0]
        raise DatabaseUnavailableError(t("db.connection_lost", reason=reason)) from exc
