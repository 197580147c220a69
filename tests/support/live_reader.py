"""An app process in miniature, driven over stdin by tests/data_access/test_live_processes.py.

Each stdin line is a command, each answer one JSON line on stdout:
- "render": what a full rerun of the overview does: note the data version, then read the
  headline through the app's cached_query (keyed on the version in the database).
- "poll": what the live fragment does: one version lookup; a render only when the version
  differs from the one this process last rendered with.
- "import PATH": commit a ledger file the way `python -m data_access import` does.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from typing import Any

from data_access.__main__ import main as data_access_main
from data_access.cache import cached_query, current_data_version
from data_access.filters import Filter
from data_access.queries import headline as headline_queries


class Reader:
    """One process's session: the version it rendered with and its real query count."""

    def __init__(self) -> None:
        """Nothing rendered yet."""
        self.rendered_version: int | None = None
        self.heavy_runs = 0  # how often the headline query really ran in this process
        self.figures: dict[str, int] = {}

    def fetch_headline(self, **kwargs: Any) -> Any:
        """The app's fetch_headline, counted (cached under its own name: see render)."""
        self.heavy_runs += 1
        return headline_queries.fetch_headline(**kwargs)

    def render(self) -> None:
        """A full rerun: note the version first, then the (cached) heavy query."""
        self.rendered_version = current_data_version()
        headline = cached_query(self.fetch_headline, Filter())
        self.figures = {"rectified": headline.problems_rectified, "total": headline.problems_total}

    def poll(self) -> bool:
        """One live poll; True when it reran."""
        changed = current_data_version() != self.rendered_version
        if changed:
            self.render()
        return changed

    def answer(self, command: str, argument: str) -> dict[str, Any]:
        """Run one command; its answer."""
        if command == "import":
            with contextlib.redirect_stdout(io.StringIO()):
                return {"exit_code": data_access_main(["import", argument, "--as", "uploader"])}
        if command == "poll":
            reran = self.poll()
        else:
            self.render()
            reran = True
        return {
            "version": self.rendered_version,
            "reran": reran,
            "heavy_runs": self.heavy_runs,
            **self.figures,
        }


def serve() -> None:
    """Answer commands until stdin closes."""
    reader = Reader()
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        print(json.dumps(reader.answer(command, argument)), flush=True)


if __name__ == "__main__":
    serve()
