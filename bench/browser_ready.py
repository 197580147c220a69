"""When a page is ready for the person looking at it, decided inside the browser.

An action is timed in the page itself: from its first input event (pointerdown or keydown,
caught by a listener installed before any page script) to the first moment the page is
ready: the script run has ended (no running icon), nothing from the previous run is
still on screen (data-stale), the action's own mark is there (a heading, a chip, a text),
every Vega-Lite chart has drawn its marks and every table its canvas. The check runs on
every animation frame, so a time is exact to about 16 ms.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page

TIMEOUT_MS = 120_000

# Installed in every new document: remembers the first input event after the bench arms it.
INPUT_LISTENER = """
window.__bench = {armed: false, start: null};
for (const type of ["pointerdown", "keydown"]) {
  document.addEventListener(type, () => {
    if (window.__bench.armed) {
      window.__bench.start = performance.now();
      window.__bench.armed = false;
    }
  }, true);
}
"""

# The page is ready: script idle, nothing stale, the mark there, charts and tables drawn.
# Returns the time it became so (performance.now()), or false.
READY = """
([kind, value]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
  if (document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')) return false;
  if (document.querySelector('[data-stale="true"], [data-testid="stSkeleton"]')) return false;
  const texts = (selector) => [...document.querySelectorAll(selector)].map(e => e.textContent);
  const marks = {
    heading: () => texts('[data-testid="stHeading"] h1').some(t => t.trim() === value),
    step: () => location.search.includes(value) && texts("h2").length > 0,
    text: () => document.body.innerText.includes(value),
    chip: () => texts("button").some(t => t.includes(value)),
    absent: () => !document.querySelector(value),
    comparison_not: () => texts('[data-testid="stHeading"] h3')
      .some(t => t.startsWith("各") && t.endsWith("对比") && t !== value),
  };
  if (!marks[kind]()) return false;
  for (const chart of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    const drawn = chart.querySelector("svg.marks g.mark-group, canvas.marks");
    if (!drawn || chart.getBoundingClientRect().height === 0) return false;
  }
  for (const table of document.querySelectorAll('[data-testid="stDataFrame"]')) {
    if (!table.querySelector("canvas")) return false;
  }
  return performance.now();
}
"""


@dataclass(frozen=True)
class Mark:
    """What shows that an action's page is there.

    kind: heading, step, text, chip, absent or comparison_not (see READY).
    """

    kind: str
    value: str


def arm(page: Page) -> None:
    """Start listening for the action's first input event."""
    page.evaluate("window.__bench.armed = true; window.__bench.start = null")


def wait_ready(page: Page, mark: Mark) -> float:
    """Wait until the page is ready with mark; the seconds since the armed input event."""
    handle = page.wait_for_function(
        READY, arg=[mark.kind, mark.value], polling="raf", timeout=TIMEOUT_MS
    )
    ready = handle.json_value()
    start = page.evaluate("window.__bench.start")
    if start is None:
        raise RuntimeError("no input event reached the page (the action did not happen)")
    return (ready - start) / 1000
