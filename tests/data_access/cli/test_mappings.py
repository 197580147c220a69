"""CLI: `import --mapping NAME|FILE`, `--save-mapping`, and `mappings list/show/export/import`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from data_access.__main__ import main
from tests.support.office_ledgers import own_ledger


def cli(capsys: pytest.CaptureFixture[str], engine: Engine, *args: str) -> tuple[int, str]:
    """main() on engine's database: (exit code, stdout + stderr)."""
    code = main([*args, "--database-url", engine.url.render_as_string(hide_password=False)])
    out, err = capsys.readouterr()
    return code, out + err


def test_a_mapping_file_then_a_saved_name_take_the_offices_headers(
    writable_seeded_engine: Engine, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Refused naming 镇街; a JSON mapping takes it and is saved; the name serves next week."""
    engine = writable_seeded_engine
    week1, week2 = tmp_path / "本单位第1周.xlsx", tmp_path / "本单位第2周.xlsx"
    week1.write_bytes(own_ledger("CLI1"))
    week2.write_bytes(own_ledger("CLI2"))
    code, out = cli(capsys, engine, "import", str(week1), "--json")
    assert code == 1 and "「镇街」" in json.dumps(json.loads(out)["errors"], ensure_ascii=False)

    mapping = tmp_path / "镇街.json"
    mapping.write_text(json.dumps({"mapping": {"镇街": "township"}}), encoding="utf-8")
    code, out = cli(capsys, engine, "import", str(week1), "--mapping", str(mapping),
                    "--save-mapping", "本单位台账")  # fmt: skip
    assert code == 0, out
    assert "列对应 「整改台账」「镇街」→ township" in out

    code, out = cli(capsys, engine, "mappings", "list")
    assert code == 0 and out.startswith("本单位台账：")
    exported = tmp_path / "导出.json"
    assert cli(capsys, engine, "mappings", "export", "本单位台账", str(exported))[0] == 0
    assert json.loads(exported.read_text(encoding="utf-8"))["mapping"]["镇街"] == "township"
    code, out = cli(capsys, engine, "mappings", "import", str(exported), "--name", "副本")
    assert code == 0, out
    assert json.loads(cli(capsys, engine, "mappings", "show", "副本")[1])["name"] == "副本"

    code, out = cli(capsys, engine, "import", str(week2), "--mapping", "副本", "--json")
    assert code == 0 and json.loads(out)["new"] == 3, out
    assert cli(capsys, engine, "import", str(week2), "--mapping", "没有这个")[0] == 1
