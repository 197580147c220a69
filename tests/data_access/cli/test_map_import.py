"""`python -m data_access import-map`: a new office's township boundaries by command line."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy.engine import Engine

from data_access.audit import list_audit_events
from data_access.db import session_scope
from data_access.queries.shapes import fetch_shape_status
from tests.support.boundaries import boundaries_file
from tests.support.cli import run_cli
from tests.support.office import region_records, regions_xlsx, upload_regions

OWN = ["枞阳镇", "钱桥镇", "雨坛镇", "铁铜乡"]  # tests/support/office.py's; 雨坛镇: 雨坛乡's alias


def import_map(engine: Engine, path: Path, *options: str):
    """import-map path on engine's database, in this process."""
    url = engine.url.render_as_string(hide_password=False)
    return run_cli("import-map", str(path), *options, "--database-url", url)


def test_check_then_save_the_boundaries(empty_engine: Engine, tmp_path: Path) -> None:
    """Unmatched: listed, exit 1, nothing saved; --dry-run: checked only; then saved, audited;
    a file that is no GeoJSON: refused in one line."""
    upload_regions(empty_engine, regions_xlsx(region_records()))
    unmatched = tmp_path / "乡镇.geojson"
    unmatched.write_bytes(boundaries_file(["钱桥镇", "雨潭乡"]))
    done = import_map(empty_engine, unmatched)
    assert done.returncode == 1 and "第 2 个要素“雨潭乡”" in done.stdout and "未保存" in done.stdout
    good = tmp_path / "边界.geojson"
    good.write_bytes(boundaries_file(OWN))
    done = import_map(empty_engine, good, "--dry-run", "--json")
    report = json.loads(done.stdout)
    assert (done.returncode, report["errors"], report["saved"]) == (0, [], None)
    assert sorted(report["matched"]) == sorted(["枞阳镇", "钱桥镇", "雨坛乡", "铁铜乡"])
    assert report["missing"] == ["白梅乡"]
    with session_scope(empty_engine) as session:
        assert fetch_shape_status(session=session).townships == 0
    done = import_map(empty_engine, good)
    assert done.returncode == 0 and f"已保存 {len(OWN)} 个乡镇的边界" in done.stdout
    with session_scope(empty_engine) as session:
        assert fetch_shape_status(session=session).townships == len(OWN)
        events = list_audit_events(session=session, action="map_update")
    assert events["target"].tolist() == ["边界.geojson"]
    broken = tmp_path / "x.geojson"
    broken.write_bytes(b"{")
    done = import_map(empty_engine, broken)
    assert done.returncode == 1 and "不是有效的 GeoJSON" in done.stderr
