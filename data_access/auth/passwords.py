"""Password policy and bcrypt hashing (SHA-256 pre-hash, so no 72-byte truncation)."""

from __future__ import annotations

import base64
import hashlib
import secrets
from functools import lru_cache

import bcrypt

from i18n import t

MIN_PASSWORD_CHARS = 8
# Far above any real passphrase; bounds the work a hostile request can ask for.
MAX_PASSWORD_CHARS = 256
BCRYPT_ROUNDS = 12
# zxcvbn's score (0-4) a new password needs: 0 and 1 are the package's common passwords
# (its list of 30,000 from leaked sets), words, names, repeats, sequences, keyboard rows
# and dates, alone or lightly varied ("12345678", "password", "88888888", "qwertyuiop").
MIN_STRENGTH = 2
STRENGTH_CHARS = 72  # zxcvbn's own limit; a strong start makes a strong password
# Self-describing prefix: lets a later release recognise (and rehash) older schemes.
HASH_SCHEME = "bcrypt-sha256$"


class PasswordPolicyError(ValueError):
    """A new password breaks the policy; the message is in the UI language."""


def check_password_policy(password: str) -> None:
    """Raise PasswordPolicyError unless password has 8 to 256 characters, is not all blank
    and is not among the common or easily guessed passwords."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise PasswordPolicyError(t("accounts.password.too_short", count=MIN_PASSWORD_CHARS))
    if len(password) > MAX_PASSWORD_CHARS:
        raise PasswordPolicyError(t("accounts.password.too_long", count=MAX_PASSWORD_CHARS))
    if not password.strip():
        raise PasswordPolicyError(t("accounts.password.blank"))
    if is_guessable(password):
        raise PasswordPolicyError(t("accounts.password.guessable"))


def is_guessable(password: str) -> bool:
    """True for a common or easily guessed password (zxcvbn's lists and patterns)."""
    from zxcvbn import zxcvbn  # loading its word lists takes 0.3 s: only when needed

    return zxcvbn(password[:STRENGTH_CHARS])["score"] < MIN_STRENGTH


def _prehash(password: str) -> bytes:
    """SHA-256 then base64: 44 ASCII bytes, under bcrypt's 72-byte limit and free of NULs."""
    digest = hashlib.sha256(password.encode("utf-8")).digest()
    return base64.b64encode(digest)


def hash_password(password: str, *, rounds: int | None = None) -> str:
    """The stored form of a password that passed the policy."""
    check_password_policy(password)
    salt = bcrypt.gensalt(rounds=rounds or BCRYPT_ROUNDS)
    return HASH_SCHEME + bcrypt.hashpw(_prehash(password), salt).decode("ascii")


def verify_password(password: str, stored: str) -> bool:
    """True when password matches stored; always runs bcrypt once (unknown forms included)."""
    # Longer input can never match (the policy caps new passwords); cut it to bound the work.
    candidate = _prehash(password[: MAX_PASSWORD_CHARS + 1])
    matches_scheme = stored.startswith(HASH_SCHEME)
    # An empty or foreign hash still costs one bcrypt check, then is refused.
    checked = stored if matches_scheme else dummy_hash()
    ok = bcrypt.checkpw(candidate, checked[len(HASH_SCHEME) :].encode("ascii"))
    return ok and matches_scheme


def dummy_hash() -> str:
    """A hash of a random secret at today's cost, checked when there is no real one."""
    return _dummy_hash_for(BCRYPT_ROUNDS)


@lru_cache(maxsize=4)
def _dummy_hash_for(rounds: int) -> str:
    """One random-secret hash per cost factor, made on first use."""
    return hash_password(secrets.token_urlsafe(32), rounds=rounds)
