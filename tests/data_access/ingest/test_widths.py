"""Whole-column text cleaning gives exactly what the per-value functions give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from data_access.ingest.distinct import map_distinct
from data_access.ingest.normalise import clean_code, clean_name, clean_text
from data_access.ingest.widths import HALFWIDTH, halfwidth, halfwidth_many

# Text drawn mostly from the characters that matter: full-width forms, spaces, CJK, ASCII,
# plus anything else (astral characters and lone surrogates included).
MAPPED = "".join(map(chr, HALFWIDTH))
TEXTS = st.text(
    alphabet=st.one_of(
        st.sampled_from(MAPPED + " \t\n－／整改村镇ABC123"),
        st.characters(codec=None),
    )
)
CELLS = st.one_of(
    TEXTS,
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
    st.datetimes(),
)


@given(st.lists(TEXTS))
def test_halfwidth_many_equals_halfwidth_of_each(texts: list[str]) -> None:
    """One numpy pass maps each text as str.translate does, lengths and order kept."""
    assert halfwidth_many(texts) == [halfwidth(text) for text in texts]


def test_halfwidth_many_maps_full_width_forms_and_keeps_the_rest() -> None:
    """Full-width digits, letters and spaces become ASCII; Chinese punctuation stays."""
    texts = ["第１２３号ＡＢ\u3000问题（已核实）", "", "\U0001f600ｚ", "no change"]
    assert halfwidth_many(texts) == ["第123号AB 问题（已核实）", "", "\U0001f600z", "no change"]


@given(st.lists(CELLS))
def test_batched_cleaners_equal_their_per_value_versions(cells: list[object]) -> None:
    """clean_text, clean_name and clean_code give the same through map_distinct's batch path."""
    for clean in (clean_text, clean_name, clean_code):
        assert clean.many(cells) == [clean(cell) for cell in cells]  # type: ignore[attr-defined]
        # Against map_distinct's per-value path: it hashes False and 0 as one value either way.
        assert map_distinct(cells, clean) == map_distinct(cells, lambda cell, f=clean: f(cell))


def test_map_distinct_uses_the_batch_version_once() -> None:
    """The distinct values reach the whole-list version in one call; blanks go per value."""
    batches: list[list[object]] = []
    singles: list[object] = []

    def upper(value: object) -> object:
        """Per value."""
        singles.append(value)
        return None if value is None else str(value).upper()

    def many(values: list[object]) -> list[object]:
        """Whole list."""
        batches.append(values)
        return [str(v).upper() for v in values]

    upper.many = many  # type: ignore[attr-defined]
    column = ["a", "b", "a", None, "b"]
    assert map_distinct(column, upper) == ["A", "B", "A", None, "B"]
    assert batches == [["a", "b"]] and singles == [None]
