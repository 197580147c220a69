"""Fixtures of the ledger-import tests: parse a built file; the demo ledger as parsed frames."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.ingest.options import ImportOptions
from data_access.ingest.parse import ParsedLedger, parse_ledger
from data_access.ingest.resolve import NameBook
from tests.support.ledger_files import Parse
from tests.support.stored import parsed_from_store


@pytest.fixture
def parse(seeded_engine: Engine) -> Parse:
    """parse_ledger(data, file_name, **options) with a session on the seeded database."""

    def run(data: bytes, file_name: str = "台账.xlsx", **options) -> ParsedLedger:
        """Parse in a read-only session of the seeded database."""
        with session_scope(seeded_engine) as session:
            return parse_ledger(data, file_name, session=session, options=ImportOptions(**options))

    return run


@pytest.fixture
def names(seeded_engine: Engine) -> NameBook:
    """Every name of the seeded database (townships, aliases, villages, groups, rounds)."""
    with session_scope(seeded_engine) as session:
        return NameBook.load(session)


@pytest.fixture
def demo_parsed(writable_seeded_engine: Engine) -> ParsedLedger:
    """The writable demo store's ledger as parse_ledger returns it for an exported file."""
    with session_scope(writable_seeded_engine) as session:
        return parsed_from_store(session)
