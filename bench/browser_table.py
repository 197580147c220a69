"""bench/browser.py's report: medians per step and target, the targets, the machine's load."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from pathlib import Path

from bench.browser_servers import Target
from bench.browser_steps import Measure

SIGN_IN = "sign-in → 总览"
TARGET_SECONDS: dict[int | None, float] = {None: 0.4}  # demo; any scale database: SCALE_SECONDS
SCALE_SECONDS = 0.6
SIGN_IN_SECONDS = 1.0
MAX_RATIO = 1.3  # a page at scale against the same page on the demo


def machine_busy(since: tuple[int, int] | None = None):
    """(busy, total) CPU jiffies of the whole machine; with since, the busy share since then."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    now = (sum(values) - idle, sum(values))
    if since is None:
        return now
    return round((now[0] - since[0]) / max(now[1] - since[1], 1), 2)


def target_seconds(step: str, target: Target) -> float:
    """The wait this step may take on target's data."""
    if step == SIGN_IN:
        return SIGN_IN_SECONDS
    return TARGET_SECONDS.get(target.size, SCALE_SECONDS)


def median(measures: Sequence[Measure], field: str) -> float:
    """The median of one figure over the samples."""
    return statistics.median(getattr(m, field) for m in measures)


def cell(measures: Sequence[Measure]) -> str:
    """ "0.42 (0.18 / 0.09)": median wait, server CPU and page main-thread seconds."""
    if not measures:
        return ""
    wall, server, page = (median(measures, f) for f in ("wall", "server_cpu", "browser_cpu"))
    return f"{wall:.2f} ({server:.2f} / {page:.2f})"


def verdict(step: str, chosen: Sequence[Target], warm: Mapping[Target, Sequence[Measure]]) -> str:
    """Which targets the current code meets on this step (✓) or misses (✗ and why)."""
    now = [target for target in chosen if target.code == "now" and warm.get(target)]
    misses = [
        f"{t.data} > {target_seconds(step, t)}"
        for t in now
        if median(warm[t], "wall") > target_seconds(step, t)
    ]
    demo = next((t for t in now if t.size is None), None)
    for scaled in (t for t in now if t.size is not None):
        if demo is None:  # no demo target this run: nothing to compare with
            break
        ratio = median(warm[scaled], "wall") / median(warm[demo], "wall")
        if step != SIGN_IN and ratio > MAX_RATIO:
            misses.append(f"{scaled.data}/demo {ratio:.2f}×")
    return "✗ " + ", ".join(misses) if misses else "✓"


def print_report(
    chosen: Sequence[Target],
    steps: Sequence[str],
    samples: Mapping[tuple[str, str, str], Sequence[Measure]],
    environment: Mapping,
) -> None:
    """A Markdown table: warm medians per target, cold medians, the verdict; then the load."""
    print("\nwait in s, median over cycles: wall (server CPU / page main thread)\n")
    header = ["step"] + [f"{t.label} warm" for t in chosen] + [f"{t.label} cold" for t in chosen]
    print("| " + " | ".join([*header, "targets"]) + " |")
    print("|" + "---|" * (len(header) + 1))
    for step in steps:
        warm = {t: samples.get((t.label, step, "warm"), []) for t in chosen}
        cold = [cell(samples.get((t.label, step, "cold"), [])) for t in chosen]
        cells = [cell(warm[t]) for t in chosen] + cold
        print(f"| {step} | " + " | ".join([*cells, verdict(step, chosen, warm)]) + " |")
    counts = {len(v) for k, v in samples.items() if k[2] == "warm"}
    loads = "; ".join("/".join(f"{x:.1f}" for x in load) for load in environment["load_average"])
    print(
        f"\nwarm samples per cell: {sorted(counts)}; cpus {environment['cpus']}, "
        f"machine busy {environment['machine_busy']:.0%} over {environment['minutes']} min, "
        f"load averages (1/5/15 min) at the start and after each cycle: {loads}"
    )
