"""Pause Python's cycle collector while an import step builds its many objects.

A 100,000-row ledger makes millions of long-lived objects (cells, row dicts, images), and
each burst of allocations made the collector walk all of them again: about a sixth of an
import's time (bench.ingest). Those objects are freed by reference counting; the few
cycles among them can wait until the step ends. The pause is process-wide and counts
concurrent steps: the collector runs again when the last one ends, if it ran before.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class _Pause:
    """How many steps are running, and whether the collector ran before the first."""

    def __init__(self) -> None:
        """No step running."""
        self.lock = threading.Lock()
        self.steps = 0
        self.was_enabled = False

    def enter(self) -> None:
        """A step starts: the first one stops the collector."""
        with self.lock:
            if self.steps == 0:
                self.was_enabled = gc.isenabled()
                gc.disable()
            self.steps += 1

    def leave(self) -> None:
        """A step ends: the last one restarts the collector if it was running."""
        with self.lock:
            self.steps -= 1
            if self.steps == 0 and self.was_enabled:
                gc.enable()


_PAUSE = _Pause()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the with-block without cycle collection (see the module docstring)."""
    _PAUSE.enter()
    try:
        yield
    finally:
        _PAUSE.leave()


def bulk_step(func: Callable[P, R]) -> Callable[P, R]:
    """Decorate an import step so it runs with the collector paused."""

    @wraps(func)
    def step(*args: P.args, **kwargs: P.kwargs) -> R:
        """func, collector paused."""
        with collector_paused():
            return func(*args, **kwargs)

    return step
