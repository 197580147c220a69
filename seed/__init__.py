"""Deterministic demo data whose totals are the published Zongyang 2018 results (docs/domain.md).

`load_demo(engine)` writes it into an empty, migrated store; `python -m seed` does the same
from the command line (see seed.__main__). The distribution behind the totals is
illustrative; the UI recognises demo data by the ImportBatch of kind DEMO_BATCH_KIND.
"""

from __future__ import annotations

from seed.demo import DEMO_BATCH_KIND, load_demo
from seed.store import SeedRefusedError

__all__ = ["DEMO_BATCH_KIND", "SeedRefusedError", "load_demo"]
