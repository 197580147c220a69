"""Text from the URL or the data, made literal before Streamlit reads it as Markdown.

st.markdown, captions, titles, alerts, toasts and widget labels all read Markdown: a value
such as ``[登录](https://evil.example)`` would become a working link, ``![t](…)`` an image,
a bare address a link, ``:material/…:`` an icon and ``$…$`` a formula. Every value that came
from a link or from the database reaches such an element only through this module:

- ``md(key, **values)``: a catalogue message (its own Markdown kept) with each value escaped;
- ``escape_markdown(value)``: one value on its own.

Every ASCII punctuation character gets a backslash, which CommonMark reads as that
character itself. That breaks links, images, HTML, emphasis, list and heading marks, GitHub's
bare-address links (``https\\:\\/\\/``, ``www\\.``, ``a\\@b\\.c``), Streamlit's icon, colour
and emoji shortcodes and its formulas. Text shows as it was written.
"""

from __future__ import annotations

import re

from i18n import t

# CommonMark's escapable characters: every ASCII punctuation character.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape_markdown(value: object) -> str:
    """value as text that Markdown shows literally (every ASCII punctuation escaped)."""
    return _PUNCTUATION.sub(r"\\\1", str(value))


def md(key: str, **values: object) -> str:
    """The catalogue message key for a Markdown element, every text value escaped (numbers
    stay numbers: their {count:,} formats apply, and digits make no Markdown)."""
    return t(key, **{name: _escaped(value) for name, value in values.items()})


def _escaped(value: object) -> object:
    """A number as it is, anything else as escaped text."""
    return value if isinstance(value, int | float) else escape_markdown(value)
