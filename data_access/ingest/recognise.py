"""Which field a header names: the template's spellings first, then key words and units.

Offices never write a header quite the same way twice (问题类型/所属方面, 具体问题/问题内容,
挽回（追缴）资金（万元）), so a header that is not a known spelling is scored by the key
words it contains (longer, more specific words weigh more; words that point elsewhere
weigh against) and by its unit. The best-scoring free field wins; a header whose two best
fields score close is ambiguous and waits for the uploader's choice.
"""

from __future__ import annotations

from dataclasses import dataclass

from data_access.ingest.columns import SheetSpec, match_column, normalise_header, split_unit
from data_access.ingest.layout import HeaderCell
from data_access.ingest.recognise_words import AVOID, KEY_WORDS, UNIT_FIELDS

EXACT = 100  # a spelling columns.py knows (a variant)
CANONICAL = EXACT + 1  # the template's own header: wins over a variant naming the same field
CHOSEN = EXACT + 2  # the uploader's mapping
MIN_SCORE = 2  # below this a header names nothing
CLOSE = 1  # two fields this close are a tie the uploader settles


@dataclass(frozen=True)
class Guess:
    """A header's proposed field, how sure, and the runner-up when it is a near tie."""

    cell: HeaderCell
    field: str | None
    score: int
    unit: str = ""
    rival: str | None = None  # the second field when the two score within CLOSE

    @property
    def known(self) -> bool:
        """True when a known spelling or the uploader named the field (not words alone)."""
        return self.score >= EXACT

    @property
    def ambiguous(self) -> bool:
        """True when two fields fit this header about equally well."""
        return self.rival is not None


def scores(spec: SheetSpec, text: str) -> list[tuple[int, str]]:
    """(score, field) of every field the key words of text point at, best first."""
    folded, _unit = split_unit(normalise_header(text))
    found = []
    for field, words in KEY_WORDS.get(spec.key, {}).items():
        score = sum(len(word) for word in words if word in folded)
        score -= 2 * sum(len(word) for word in AVOID.get((spec.key, field), ()) if word in folded)
        if score >= MIN_SCORE:
            found.append((score, field))
    return sorted(found, reverse=True)


def guess(spec: SheetSpec, cell: HeaderCell) -> Guess:
    """The field one header names: its own text, then parent + text, then key words."""
    for text in (cell.text, cell.parent + cell.text):
        column, unit = match_column(spec, text) if text else (None, "")
        if column is not None:
            own = (
                split_unit(normalise_header(column.header))[0]
                == split_unit(normalise_header(text))[0]
            )
            return Guess(cell, column.field, CANONICAL if own else EXACT, unit)
    unit = split_unit(normalise_header(cell.text or cell.parent))[1]
    ranked = scores(spec, cell.text) or scores(spec, cell.parent + cell.text)
    ranked = _by_unit(spec, ranked, unit)
    if not ranked:
        return Guess(cell, None, 0, unit)
    (best, field), rest = ranked[0], ranked[1:]
    rival = rest[0][1] if rest and best - rest[0][0] < CLOSE else None
    return Guess(cell, field, best, unit, rival)


def _by_unit(spec: SheetSpec, ranked: list[tuple[int, str]], unit: str) -> list[tuple[int, str]]:
    """A unit (元, 万元, 项, 人) keeps only the fields that are counted in it."""
    fields = UNIT_FIELDS.get((spec.key, unit))
    if not fields:
        return ranked
    kept = [(score, field) for score, field in ranked if field in fields]
    return kept or [(MIN_SCORE, field) for field in fields][:1]


def assign(spec: SheetSpec, guesses: list[Guess]) -> dict[str, Guess]:
    """field -> the header that names it best; a field wanted twice goes to the higher score.

    Between equal scores the leftmost header wins (the template's own order).
    """
    taken: dict[str, Guess] = {}
    for one in sorted(guesses, key=lambda g: (-g.score, g.cell.index)):
        if one.field is not None and one.field not in taken:
            taken[one.field] = one
    return taken


def nearest_header(spec: SheetSpec, field: str, cells: list[HeaderCell]) -> str:
    """The header most like field (its words score, else two characters in common), or ""."""
    ranked = [(dict((f, sc) for sc, f in scores(spec, c.label)).get(field, 0), c) for c in cells]
    best_score, best = max(ranked, key=lambda pair: pair[0], default=(0, None))
    if best is not None and best_score > 0:
        return best.label
    words = (*KEY_WORDS.get(spec.key, {}).get(field, ()), spec.column(field).header)
    close = [(max(_common(w, normalise_header(c.label)) for w in words), c) for c in cells]
    score, cell = max(close, key=lambda pair: pair[0], default=(0, None))
    return cell.label if cell is not None and score >= 2 else ""


def _common(word: str, text: str) -> int:
    """How many characters of word appear in text (a rough likeness)."""
    return sum(1 for char in set(word) if char in text)
