"""Illustrative, never-repeating Chinese names for people and villages of the demo."""

from __future__ import annotations

import random

from seed.vocab import GIVEN_CHARS, SURNAMES, VILLAGE_FIRST, VILLAGE_SECOND


class NamePool:
    """Draws names from the vocabulary; each name is handed out once per pool."""

    def __init__(self, rng: random.Random, taken: tuple[str, ...] = ()) -> None:
        """Start with the names in taken already used (e.g. the confirmed real villages)."""
        self._rng = rng
        self._used: set[str] = set(taken)  # membership only: iteration order never matters

    def _fresh(self, draw) -> str:
        """Call draw() until it yields a name not handed out before."""
        for _ in range(1000):
            name = draw()
            if name not in self._used:
                self._used.add(name)
                return name
        raise RuntimeError("name vocabulary exhausted")

    def person(self) -> str:
        """A two- or three-character personal name (surname + one or two given characters)."""
        rng = self._rng

        def draw() -> str:
            """One candidate name (may repeat an earlier one)."""
            given_length = 1 if rng.random() < 0.3 else 2
            return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN_CHARS, k=given_length))

        return self._fresh(draw)

    def village(self) -> str:
        """A plausible village name such as 石塘村."""
        rng = self._rng
        return self._fresh(lambda: rng.choice(VILLAGE_FIRST) + rng.choice(VILLAGE_SECOND) + "村")
