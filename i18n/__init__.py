"""The message catalogue: every string we show, in Chinese (default) and English.

`t("area.key", **values)` returns the message in the current language. The language lives
in a context variable: the Streamlit frame sets it from the URL (`lang=en`) at the start
of every run, the command line from DASHBOARD_LANG; code below the frame never passes it.
Messages are in i18n/catalogue/<area>.py as {key: (中文, English)}.
"""

from __future__ import annotations

import contextvars
import importlib
import pkgutil
import string
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

LANGUAGES: tuple[str, ...] = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
LANGUAGE_NAMES: dict[str, str] = {"zh": "中文", "en": "English"}

_language: contextvars.ContextVar[str] = contextvars.ContextVar(
    "dashboard_language", default=DEFAULT_LANGUAGE
)


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
    text = pair[LANGUAGES.index(normalise_language(lang))]
    return text.format(**values) if values else text


def placeholders(text: str) -> set[str]:
    """The {names} a message expects."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
