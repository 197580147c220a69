"""A province's worth of generated data for benchmarks: `python -m seed --scale N`.

Shape (same model as the demo, no special cases; numpy Generator seeded with SCALE_SEED,
so the same N always gives the same rows):
- regions: 16 cities (the province's real city names), 100 counties (an urban 区 first in
  each city, then 县), 1,500 townships (about 80% 镇, 20% 乡; 5–40 per county, lognormal
  sizes) and 15,000 villages (in proportion to township size, ~15% poverty villages).
  County, township and village names are made up from seed.vocab.
- rounds: 10 over five years (2021–2025): a city-level round each spring inspecting every
  township of about half the counties, a county-level round each autumn inspecting about
  45% of the townships; 8 inspection groups per round, a township's group by its county.
- problems: N, over the (round, township) cells in proportion to township size × a
  lognormal factor (uneven: some townships have none, the largest several thousand);
  focus areas and sub-categories in the demo's weights (seed.text), wording from its
  templates; sources 10% transferred lead, 12% fixed at once, the rest 巡察反馈; nearly all
  of the older rounds rectified, 65% of the newest; status history of 1–4 events each
  (about 3.3 on average), the latest one equal to the problem's status.
- accountability: round(0.4·N) rows: 30% in 一案双查 pairs, 5% linked to a township only,
  1% organisations (书面检查/组织处理), the rest single records; published category mix.
- leads: round(0.1·N), one per transferred-lead problem; ~10% opened a case (1–3 people).
- one ImportBatch of kind "seed" (file "scale-N") owns every ledger row; the data
  version is bumped.
Loading: one write transaction through data_access.bulk (executemany of plain tuples on
SQLite, COPY on PostgreSQL; a large table's indexes dropped and rebuilt); then ANALYZE.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

import numpy as np
from sqlalchemy import Table, func, select, text, update
from sqlmodel import Session, SQLModel

from data_access.bulk.insert import insert_columns
from data_access.models import ImportBatch, TownshipShape, utc_now
from data_access.regions.shapes import schematic_rows
from data_access.version import bump_data_version
from seed.categories import insert_demo_categories
from seed.scale_ledger import plan_ledger
from seed.scale_people import LEADS_PER_PROBLEM, plan_accountability, plan_leads
from seed.scale_places import plan_province
from seed.store import insert_returning_ids, refuse_unless_empty, reset_sequences

SCALE_SEED = 20_180_608
SCALE_FILE_PREFIX = "scale-"
BATCH_TABLE = "import_batch"
# Generated tables in the order they are loaded (parents first).
LOAD_ORDER = (
    "city",
    "county",
    "township",
    "village",
    "inspection_round",
    "inspection_group",
    "problem",
    "status_event",
    "accountability_action",
    "lead",
    "discipline_case",
)


def plan_scale(problems: int, *, seed: int = SCALE_SEED) -> dict[str, dict[str, np.ndarray]]:
    """Every generated table as columns of 0-based row indexes (ids and foreign keys)."""
    rng = np.random.default_rng(seed)
    province = plan_province(rng)
    leads_count = round(LEADS_PER_PROBLEM * problems)
    ledger = plan_ledger(rng, province, problems, leads=leads_count)
    leads, cases = plan_leads(rng, province, ledger)
    return {
        **province.tables,
        "problem": ledger.problems,
        "status_event": ledger.events,
        "accountability_action": plan_accountability(rng, province, ledger),
        "lead": leads,
        "discipline_case": cases,
    }


def _table(name: str) -> Table:
    """The model table called name."""
    return SQLModel.metadata.tables[name]


def _database_ids(table: Table, columns: Mapping, first_ids: Mapping[str, int]) -> dict:
    """Columns with row indexes turned into ids; a negative index in a nullable column is NULL."""
    converted = {}
    for name, values in columns.items():
        column = table.c[name]
        targets = [fk.column.table.name for fk in column.foreign_keys]
        target = table.name if column.primary_key else (targets[0] if targets else None)
        missing = values < 0 if column.nullable and values.dtype.kind == "i" else None
        if target is not None:
            values = values + first_ids[target]
        if missing is not None and missing.any():
            values = np.where(missing, None, values)
        converted[name] = values
    return converted


def _first_ids(session: Session, batch_id: int) -> dict[str, int]:
    """The id the row index 0 of each table gets: after any ids already used."""
    first = {
        name: int(session.scalar(select(func.coalesce(func.max(_table(name).c.id), 0))) or 0) + 1
        for name in LOAD_ORDER
    }
    first[BATCH_TABLE] = batch_id
    return first


def write_scale(session: Session, problems: int, *, seed: int = SCALE_SEED) -> dict[str, int]:
    """Generate and store the scale dataset inside the caller's write transaction."""
    refuse_unless_empty(session)
    planned = plan_scale(problems, seed=seed)
    batch_row = {
        "file_name": f"{SCALE_FILE_PREFIX}{problems}",
        "sha256": hashlib.sha256(f"scale:{problems}:{seed}".encode()).hexdigest(),
        "kind": "seed",
        "uploader": "seed",
        "started_at": utc_now(),
        "status": "committed",
    }
    batch_id = insert_returning_ids(session, ImportBatch, [batch_row])[0]
    first_ids = _first_ids(session, batch_id)
    counts = {}
    for name in LOAD_ORDER:
        table = _table(name)
        counts[name] = insert_columns(
            session, table, _database_ids(table, planned[name], first_ids)
        )
    reset_sequences(session, [_table(name) for name in LOAD_ORDER])
    first_round = first_ids["inspection_round"]
    rounds = range(first_round, first_round + counts["inspection_round"])
    counts["problem_category"] = insert_demo_categories(session, rounds)
    # The map's schematic layout for every township, as the demo has (the map's query at scale).
    townships = range(first_ids["township"], first_ids["township"] + counts["township"])
    shapes = schematic_rows(list(townships))
    counts["township_shape"] = len(insert_returning_ids(session, TownshipShape, shapes))
    session.execute(
        update(ImportBatch)
        .where(ImportBatch.id == batch_id)
        .values(finished_at=utc_now(), counts_json=json.dumps(counts))
    )
    bump_data_version(session=session, batch_id=batch_id)
    return counts


def analyze(session: Session) -> None:
    """Refresh the planner's statistics after a bulk load (both backends know ANALYZE).

    A full pass, not SQLite's sampled one (analysis_limit): with sampled statistics the
    planner sorted all problems for 挽回损失最多的问题 instead of walking its index
    (docs/performance.md).
    """
    session.execute(text("ANALYZE"))
