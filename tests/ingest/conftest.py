"""Fixtures of the read-side tests: parse a built file against the seeded demo database."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.ingest.parse import ParsedLedger, parse_ledger
from data_access.ingest.resolve import NameBook

Parse = Callable[..., ParsedLedger]


@pytest.fixture
def parse(seeded_engine: Engine) -> Parse:
    """parse_ledger(data, file_name, **options) with a session on the seeded database."""

    def run(data: bytes, file_name: str = "台账.xlsx", **options) -> ParsedLedger:
        """Parse in a read-only session of the seeded database."""
        with session_scope(seeded_engine) as session:
            return parse_ledger(data, file_name, session=session, **options)

    return run


@pytest.fixture
def names(seeded_engine: Engine) -> NameBook:
    """Every name of the seeded database (townships, aliases, villages, groups, rounds)."""
    with session_scope(seeded_engine) as session:
        return NameBook.load(session)
