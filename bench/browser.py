"""Browser benchmark: what a person waits for after each click, demo and 1M side by side.

`python -m bench.browser [--sizes demo,1000000] [--cycles 5] [--warm 1] [--baseline REF]`

Every cycle starts a fresh server per target (demo data and each scale database; with
--baseline, the same for commit REF, checked out under data/bench/checkouts/), signs in
a new Chromium session on each, and walks bench/browser_steps.py once cold (the first
visit after the start: imports, schema check, every query uncached) and --warm more times
(every query cached). Targets take turns step by step (the order flips every cycle), so
a change in the machine's load hits them alike. For each step and target it prints the
median over cycles of the wait from the input event to the ready page
(bench/browser_ready.py), the server process's CPU seconds and the page's main-thread
seconds beside it, the targets, and the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright

from bench.browser_servers import Target, database_url, servers, targets
from bench.browser_steps import STEPS, Measure, Tab
from bench.browser_table import machine_busy, print_report
from data_access.settings import PROJECT_ROOT

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LOGS = PROJECT_ROOT / "test-artifacts"
# (target label, step label, "cold" or "warm") -> the Measures of every cycle
Samples = dict[tuple[str, str, str], list[Measure]]


def walk(tabs: list[Tab], phase: str, samples: Samples) -> None:
    """One pass of every step, the targets taking turns at each step.

    A step that fails (a timeout on a very busy machine) ends that tab's pass: its page is
    in an unknown state. The failure is reported and the other tabs go on.
    """
    going = list(tabs)
    for label, step in STEPS:
        for tab in list(going):
            target = tab.server.target.label
            try:
                measure = step(tab)
            except Exception as error:  # reported; the run goes on
                shot = LOGS / f"bench_browser_failed_{target.replace(' ', '_')}.png"
                tab.page.screenshot(path=shot)
                print(f"FAILED {target} {phase} {label}: {error!r:.300} ({shot})", file=sys.stderr)
                going.remove(tab)
                continue
            samples[(target, label, phase)].append(measure)
            print(f"{target:12} {phase} {label:28} {measure.wall:6.2f} s", file=sys.stderr)


def chromium_cpu(browser) -> Callable[[], float]:
    """A reader of the CPU seconds all of the browser's processes have used so far."""
    session = browser.new_browser_cdp_session()

    def seconds() -> float:
        processes = session.send("SystemInfo.getProcessInfo")["processInfo"]
        return sum(process["cpuTime"] for process in processes)

    return seconds


def run_cycle(browser, chosen: list[Target], urls: dict, warm: int, samples: Samples) -> None:
    """Fresh servers, one cold pass and warm passes on each, then the servers stopped."""
    cpu = chromium_cpu(browser)
    with servers(chosen, urls, LOGS) as running:
        for phase in ["cold"] + ["warm"] * warm:
            tabs = [Tab(browser, server, cpu) for server in running]
            try:
                walk(tabs, phase, samples)
            finally:
                for tab in tabs:
                    tab.close()


def parse_sizes(text: str) -> list[int | None]:
    """ "demo,1000000" -> [None, 1000000]."""
    return [None if part == "demo" else int(part) for part in text.split(",")]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="demo,1000000", help="demo and/or problem counts")
    parser.add_argument("--cycles", type=int, default=5, help="fresh servers per target")
    parser.add_argument("--warm", type=int, default=1, help="cached passes per cycle")
    parser.add_argument("--baseline", help="a commit to measure beside this checkout")
    parser.add_argument("--json", type=Path, help="also write every sample to this file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the cycles and print the table."""
    args = parse_args(argv)
    chosen = targets(args.baseline, parse_sizes(args.sizes))
    urls = {target: database_url(target) for target in chosen}
    LOGS.mkdir(exist_ok=True)
    samples: Samples = defaultdict(list)
    loads, busy_before, started = [os.getloadavg()], machine_busy(), time.time()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=chromium_args())
        for cycle in range(args.cycles):
            order = chosen if cycle % 2 == 0 else chosen[::-1]
            run_cycle(browser, order, urls, args.warm, samples)
            loads.append(os.getloadavg())
            print(f"cycle {cycle + 1}/{args.cycles} done, load {loads[-1]}", file=sys.stderr)
        browser.close()
    environment = {
        "cpus": os.cpu_count(),
        "load_average": loads,
        "machine_busy": machine_busy(busy_before),
        "minutes": round((time.time() - started) / 60, 1),
    }
    print_report(chosen, [label for label, _ in STEPS], samples, environment)
    if args.json:
        rows = [{"target": k[0], "step": k[1], "phase": k[2], "samples": [m.__dict__ for m in v]}
                for k, v in samples.items()]  # fmt: skip
        args.json.write_text(json.dumps({"environment": environment, "rows": rows}, indent=1))
    return 0


def chromium_args() -> list[str]:
    """The browser tests' Chromium switches (no sandbox, GPU or QUIC)."""
    from tests.support.server import CHROMIUM_ARGS

    return CHROMIUM_ARGS


if __name__ == "__main__":
    sys.exit(main())
