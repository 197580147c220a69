"""The message catalogue: complete in both languages, and the only home of what we show."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from data_access import codes
from i18n import (
    LANGUAGES,
    MissingMessageError,
    all_messages,
    placeholders,
    t,
    t_in,
    use_language,
)

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Code whose strings reach a user. seed/ (demo data), tests/ and notebooks/ are data or
# Chinese by design; i18n/catalogue/ is where the messages live.
SCANNED = ["dashboard.py", "pages", "components", "charts", "data_access"]
LINE_PRAGMA = "# i18n-data"  # this line's literal is data or input vocabulary, not a message
FILE_PRAGMA = "# i18n-data-file:"  # the whole module is input vocabulary (reason follows)


def scanned_files() -> list[Path]:
    """Every Python file of the scanned code."""
    files: list[Path] = []
    for name in SCANNED:
        path = ROOT / name
        files.extend([path] if path.is_file() else sorted(path.rglob("*.py")))
    return files


def docstring_nodes(tree: ast.AST) -> set[int]:
    """ids of the docstring constants (documentation, not shown to users)."""
    owners = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, owners) and node.body and isinstance(node.body[0], ast.Expr):
            value = node.body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found.add(id(value))
    return found


def cjk_literals(path: Path) -> list[str]:
    """'file:line: literal' for each CJK string literal outside docstrings and pragmas."""
    source = path.read_text(encoding="utf-8")
    if FILE_PRAGMA in "\n".join(source.splitlines()[:12]):
        return []
    lines = source.splitlines()
    tree = ast.parse(source)
    docs = docstring_nodes(tree)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if id(node) in docs or not CJK.search(node.value):
            continue
        span = lines[node.lineno - 1 : (node.end_lineno or node.lineno)]
        if any(LINE_PRAGMA in line for line in span):
            continue
        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:40]!r}")
    return found


def test_no_chinese_literal_outside_the_catalogue() -> None:
    offenders = [hit for path in scanned_files() for hit in cjk_literals(path)]
    assert not offenders, f"{len(offenders)} literals to move into i18n/catalogue:\n" + "\n".join(
        offenders[:60]
    )


def test_vocabulary_files_say_why() -> None:
    """A module exempted as a whole names its reason."""
    for path in scanned_files():
        head = "\n".join(path.read_text(encoding="utf-8").splitlines()[:12])
        if FILE_PRAGMA in head:
            reason = head.split(FILE_PRAGMA, 1)[1].splitlines()[0].strip()
            assert len(reason) > 10, path


def test_every_message_has_both_languages() -> None:
    for key, pair in all_messages().items():
        assert len(pair) == len(LANGUAGES), key
        zh, en = pair
        assert zh.strip() and en.strip(), key
        assert placeholders(zh) == placeholders(en), key


def test_english_messages_are_english() -> None:
    """No Chinese left in an English message (bilingual labels like the switch excepted)."""
    chinese = [key for key, (_, en) in all_messages().items() if CJK.search(en) and "/" not in en]
    assert not chinese, chinese


def literal_keys(path: Path) -> list[tuple[str, int]]:
    """The constant keys passed to t(...) / t_in(lang, ...) in path."""
    keys = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        position = {"t": 0, "t_in": 1}.get(node.func.id)
        if position is None or len(node.args) <= position:
            continue
        arg = node.args[position]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            keys.append((arg.value, node.lineno))
    return keys


def test_every_key_used_in_code_exists() -> None:
    known = all_messages()
    missing = [
        f"{path.relative_to(ROOT)}:{line}: {key}"
        for path in [*scanned_files(), *sorted((ROOT / "seed").rglob("*.py"))]
        for key, line in literal_keys(path)
        if key not in known
    ]
    assert not missing, missing


LABEL_MAPS = [value for value in vars(codes).values() if isinstance(value, codes.LabelMap)]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("labels", LABEL_MAPS)
def test_every_code_has_a_label(labels: codes.LabelMap, lang: str) -> None:
    with use_language(lang):
        assert all(labels[code] for code in labels)
    assert labels.in_language(lang) == {code: t_in(lang, f"code.{labels._kind}.{code}")
                                        for code in labels}  # fmt: skip


def test_language_follows_the_context() -> None:
    with use_language("en"):
        assert codes.STATUSES["rectified"] == "Rectified"
        assert t("frame.app_title") == "Inspection rectification dashboard"
    assert codes.STATUSES["rectified"] == "已完成"
    with pytest.raises(MissingMessageError):
        t("no.such.key")
