"""Sign-in throttling: failures counted per name and source, per source, and per name.

Every count is kept by a string key, whether or not the name belongs to an account, so an
unknown name is answered exactly like a locked one. Three keys share one failure:

- the name from this source address: a few failures lock only this pair, so someone
  guessing from elsewhere cannot lock the real person out;
- the source address: many failures over any names lock the address (password spraying);
- the name from anywhere: very many failures lock the name (guessing from many addresses).

Without a known source (the command line, a proxy whose client header is not configured)
the pair key is the name alone, the lock-out of a name after a few failures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from data_access.models import SignInThrottle

LOCKOUT = timedelta(minutes=15)  # how long a lock lasts, and the window failures count in
MAX_FAILED_ATTEMPTS = 5  # per name and source address
MAX_SOURCE_FAILURES = 20  # per source address, over any names
MAX_NAME_FAILURES = 50  # per name, over any source addresses
SOURCE_MAX_CHARS = 64
PAIR, SOURCE, NAME = "pair", "source", "name"


@dataclass(frozen=True)
class Counter:
    """One throttle key and the failures that lock it."""

    key: str
    limit: int


def counters(name: str, source: str | None) -> tuple[Counter, ...]:
    """The keys one sign-in attempt of name from source counts against."""
    address = (source or "")[:SOURCE_MAX_CHARS]
    keys = [Counter(f"{PAIR}:{name}|{address}", MAX_FAILED_ATTEMPTS)]
    if address:
        keys.append(Counter(f"{SOURCE}:{address}", MAX_SOURCE_FAILURES))
    keys.append(Counter(f"{NAME}:{name}", MAX_NAME_FAILURES))
    return tuple(keys)


def as_utc(moment: datetime | None) -> datetime | None:
    """moment as an aware UTC datetime (SQLite hands back naive UTC values)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def locked_until(session: Session, keys: tuple[Counter, ...], now: datetime) -> datetime | None:
    """The end of the latest lock still running on any of keys, or None."""
    query = select(SignInThrottle.locked_until).where(
        SignInThrottle.key.in_([counter.key for counter in keys])
    )
    ends = [as_utc(end) for end in session.execute(query).scalars() if end is not None]
    running = [end for end in ends if end is not None and end > now]
    return max(running, default=None)


def register_failure(session: Session, keys: tuple[Counter, ...], now: datetime) -> None:
    """Count one failure on each key; a key reaching its limit is locked for LOCKOUT."""
    _forget_expired(session, now)
    for counter in keys:
        row = _row_for_update(session, counter.key, now)
        window_start = as_utc(row.window_started_at)
        if window_start is None or window_start + LOCKOUT <= now:
            row.failures, row.window_started_at = 0, now
        row.failures += 1
        if row.failures >= counter.limit:
            # The count starts again, so after the lock a new run of failures is needed.
            row.failures, row.window_started_at, row.locked_until = 0, now, now + LOCKOUT
        session.add(row)
    session.flush()


def _row_for_update(session: Session, key: str, now: datetime) -> SignInThrottle:
    """The row of key, created if missing and locked for this transaction (PostgreSQL)."""
    dialect = session.get_bind().dialect.name
    insert = postgres_insert if dialect == "postgresql" else sqlite_insert
    values = {"key": key, "failures": 0, "window_started_at": now}
    # Two sign-ins at once may both create the row: the second one keeps the first one's.
    session.execute(insert(SignInThrottle).values(**values).on_conflict_do_nothing())
    query = select(SignInThrottle).where(SignInThrottle.key == key).with_for_update()
    return session.execute(query).scalars().one()


def _forget_expired(session: Session, now: datetime) -> None:
    """Drop rows whose window and lock have both ended (guessed names do not pile up)."""
    ended = and_(
        SignInThrottle.window_started_at <= now - LOCKOUT,
        or_(SignInThrottle.locked_until.is_(None), SignInThrottle.locked_until <= now),
    )
    session.execute(delete(SignInThrottle).where(ended))


def clear_pair(session: Session, keys: tuple[Counter, ...]) -> None:
    """After a right password: forget this name's failures from this source (the first key)."""
    session.execute(delete(SignInThrottle).where(SignInThrottle.key == keys[0].key))


def clear_name(session: Session, name: str) -> None:
    """An admin's unlock or password reset: forget every count and lock of name."""
    session.execute(
        delete(SignInThrottle).where(
            or_(
                SignInThrottle.key == f"{NAME}:{name}",
                SignInThrottle.key.startswith(f"{PAIR}:{name}|", autoescape=True),
            )
        )
    )


def name_states(session: Session, now: datetime) -> dict[str, tuple[datetime | None, int]]:
    """By name: the running lock's end (or None), and the most failures in a row from one
    source address (a right password from there starts that count again)."""
    query = select(SignInThrottle).where(
        or_(SignInThrottle.key.startswith(f"{NAME}:"), SignInThrottle.key.startswith(f"{PAIR}:"))
    )
    states: dict[str, tuple[datetime | None, int]] = {}
    for row in session.execute(query).scalars():
        name = row.key.partition(":")[2].partition("|")[0]
        end, start = as_utc(row.locked_until), as_utc(row.window_started_at)
        lock = end if end is not None and end > now else None
        current = start is not None and start + LOCKOUT > now
        failures = row.failures if current and row.key.startswith(f"{PAIR}:") else 0
        old_lock, old_failures = states.get(name, (None, 0))
        latest = max((moment for moment in (old_lock, lock) if moment), default=None)
        states[name] = (latest, max(old_failures, failures))
    return states
