"""What the uploader decided about one ledger file: round, scope, mapping and consents.

The page and the CLI build one ImportOptions and hand it to parse_ledger; everything an
upload may only do with the uploader's yes (skip data, clear stored values, add categories)
is a flag here, and a file that needs a yes it has not got is not valid (Consent).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# field -> header as written, per sheet name ("" for every sheet): the uploader's mapping
HeaderMapping = dict[str, dict[str, str | None]]

CONSENT_KINDS = ("skips", "categories")  # kinds a file can wait on; flag names below


@dataclass(frozen=True)
class ImportOptions:
    """One upload's choices; the defaults are the safe ones (nothing skipped or cleared)."""

    round_id: int | None = None  # None: the file's 巡察轮次 column, else the newest round
    scope: tuple[int, ...] | None = None  # the uploader's townships (None: all)
    max_bytes: int | None = None  # None: settings.UPLOAD_MAX_MB
    # header (folded) -> field or None (ignored), chosen on the page or loaded by --mapping
    mapping: dict[str, str | None] = field(default_factory=dict)
    accept_skips: bool = False  # data the reader does not take may be left out
    clear_blanks: bool = False  # a blank cell in a present column clears the stored value
    accept_new_categories: bool = False  # categories the round does not have yet are added
    category_map: dict[str, str] = field(default_factory=dict)  # file's name -> round's name
    today: date | None = None  # the upload's date (None: today in the office's clock)
    save_mapping_as: str = ""  # the name the commit saves the headers' mapping under

    def accepts(self, kind: str) -> bool:
        """True when the uploader said yes to consents of kind (CONSENT_KINDS)."""
        return {"skips": self.accept_skips, "categories": self.accept_new_categories}[kind]


@dataclass(frozen=True)
class Consent:
    """Something the file would do that waits on the uploader's yes (kind: CONSENT_KINDS)."""

    kind: str
    message: str  # in the UI language: what and where (sheet, rows, headers)
