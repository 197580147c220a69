"""The message catalogue: every string we show, in Chinese (default) and English.

`t("area.key", **values)` returns the message in the current language. The language lives
in a context variable: the Streamlit frame sets it from the URL (`lang=en`) at the start
of every run, the command line from DASHBOARD_LANG; code below the frame never passes it.
Messages are in i18n/catalogue/<area>.py as {key: (中文, English)}.

A message names the office's units by placeholders that t() fills by itself: {term_township}
(乡镇 / 街道 / 乡镇（街道） / 被巡察单位; township, sub-district ...), {term_village} (村 / 社区 /
村（社区）), their English plurals {term_townships} {term_villages} and capitalised forms
{term_Township} {term_Townships} {term_Village} {term_Villages} (Chinese: the same word). The
office's terms are another context variable, set by the frame for each run (set_terms);
by default 乡镇 and 村.
"""

from __future__ import annotations

import contextvars
import importlib
import pkgutil
import string
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

LANGUAGES: tuple[str, ...] = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
LANGUAGE_NAMES: dict[str, str] = {"zh": "中文", "en": "English"}

_language: contextvars.ContextVar[str] = contextvars.ContextVar(
    "dashboard_language", default=DEFAULT_LANGUAGE
)


TERM_PREFIX = "term_"
# The words an office may use for its units, by code (labels "terms.<level>.<code>").
TOWNSHIP_TERMS = ("township", "street", "township_street", "unit")
VILLAGE_TERMS = ("village", "community", "village_community")


@dataclass(frozen=True)
class Terms:
    """The office's words for its township- and village-level units.

    township / village: codes of TOWNSHIP_TERMS / VILLAGE_TERMS; the *_zh fields, when
    set, replace the Chinese word (an office's own setting; English keeps the code's).
    """

    township: str = "township"
    village: str = "village"
    township_zh: str = ""
    village_zh: str = ""

    def values(self, lang: str) -> dict[str, str]:
        """The term_* placeholders' values in lang."""
        values: dict[str, str] = {}
        for level, code, own in (
            ("township", self.township, self.township_zh),
            ("village", self.village, self.village_zh),
        ):
            one = own if lang == "zh" and own else _term(lang, f"terms.{level}.{code}")
            many = own if lang == "zh" and own else _term(lang, f"terms.{level}s.{code}")
            values[f"{TERM_PREFIX}{level}"] = one
            values[f"{TERM_PREFIX}{level}s"] = many
            values[f"{TERM_PREFIX}{level.capitalize()}"] = one[:1].upper() + one[1:]
            values[f"{TERM_PREFIX}{level.capitalize()}s"] = many[:1].upper() + many[1:]
        return values


DEFAULT_TERMS = Terms()  # 乡镇 and 村, until the frame sets the office's own
_terms: contextvars.ContextVar[Terms] = contextvars.ContextVar(
    "office_terms", default=DEFAULT_TERMS
)


def set_terms(terms: Terms) -> None:
    """Use the office's terms for every message from now on in this thread/context."""
    _terms.set(terms)


def get_terms() -> Terms:
    """The office's terms messages are currently rendered with."""
    return _terms.get()


@contextmanager
def use_terms(terms: Terms) -> Iterator[None]:
    """Render messages with terms inside the block."""
    token = _terms.set(terms)
    try:
        yield
    finally:
        _terms.reset(token)


class MissingMessageError(KeyError):
    """A key that no catalogue module defines (a bug: tests catch it)."""


def normalise_language(value: object) -> str:
    """A supported language code for value ('en', 'EN', 'zh-CN' ...), else the default."""
    text = str(value or "").strip().lower()
    return next((lang for lang in LANGUAGES if text.startswith(lang)), DEFAULT_LANGUAGE)


def set_language(lang: str) -> None:
    """Use lang for every message from now on in this thread/context."""
    _language.set(normalise_language(lang))


def get_language() -> str:
    """The language messages are currently rendered in."""
    return _language.get()


@contextmanager
def use_language(lang: str) -> Iterator[None]:
    """Render messages in lang inside the block (e.g. a Chinese ledger template)."""
    token = _language.set(normalise_language(lang))
    try:
        yield
    finally:
        _language.reset(token)


@cache
def all_messages() -> dict[str, tuple[str, str]]:
    """Every message of every catalogue module, by key (a duplicate key is an error)."""
    package = importlib.import_module("i18n.catalogue")

    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        messages = importlib.import_module(f"{package.__name__}.{info.name}").MESSAGES
        duplicates = merged.keys() & messages.keys()
        if duplicates:
            raise ValueError(f"duplicate message keys in {info.name}: {sorted(duplicates)}")
        merged.update(messages)
    return merged


def t(key: str, /, **values: object) -> str:
    """The message key in the current language, with {placeholders} filled from values."""
    return t_in(get_language(), key, **values)


def t_in(lang: str, key: str, /, **values: object) -> str:
    """The message key in lang (for outputs whose language is fixed, like the ledger template)."""
    try:
        pair = all_messages()[key]
    except KeyError:
        raise MissingMessageError(key) from None
    lang = normalise_language(lang)
    text = pair[LANGUAGES.index(lang)]
    if "{" + TERM_PREFIX in text:
        values = {**get_terms().values(lang), **values}
    return text.format(**values) if values else text


def _term(lang: str, key: str) -> str:
    """One term's word in lang (a catalogue message without placeholders)."""
    return all_messages()[key][LANGUAGES.index(lang)]


def placeholders(text: str) -> set[str]:
    """The {names} a message expects from its caller (the office's terms fill themselves)."""
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    return {name for name in names if not name.startswith(TERM_PREFIX)}
