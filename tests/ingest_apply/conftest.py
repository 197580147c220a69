"""Fixtures of the apply-side tests: the demo ledger as parsed frames."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.ingest.parse import ParsedLedger
from tests.ingest_apply.stored import parsed_from_store


@pytest.fixture
def demo_parsed(writable_seeded_engine: Engine) -> ParsedLedger:
    """The writable demo store's ledger as parse_ledger returns it for an exported file."""
    with session_scope(writable_seeded_engine) as session:
        return parsed_from_store(session)
