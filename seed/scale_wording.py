"""Results and wording of the scale ledger: money recovered, rules improved, texts of each row.

Money sits on finished problems of the sub-categories where money goes astray (as in the
demo, seed.results), lognormal-sized; rules improved on about a fifth of the problems
whose work has started, more often for responsibility problems. Texts fill the demo's
templates (seed.text) with the problem's township, village, year and figures.
"""

from __future__ import annotations

import numpy as np

from seed.text import EVIDENCE, MEASURES, RESPONSIBLE_UNITS

MONEY_SUB_CATEGORIES = ("截留挪用", "优亲厚友", "贪污侵占", "虚报冒领", "招投标违规", "吃拿卡要")
TASK_MONEY_SUB_CATEGORIES = ("危房改造/易地搬迁政策执行偏差", "光伏扶贫项目进度滞后")
TASK_MONEY_SHARE = 0.35
MONEY_LOG_MEAN, MONEY_LOG_SIGMA = 8.6, 1.1  # median about 5,400 元
MONEY_RANGE = (200, 2_000_000)
RULE_SHARE = 0.22
RULE_WEIGHTS = (3.0, 3.0, 1.2, 1.0, 0.6)  # by focus-area index (seed.scale_ledger.AREAS)


def recovered_money(rng: np.random.Generator, sub: np.ndarray, finished: np.ndarray) -> np.ndarray:
    """Integer 元 recovered per problem (0 for most)."""
    count = len(sub)
    money_sub = np.isin(sub, MONEY_SUB_CATEGORIES)
    task_sub = np.isin(sub, TASK_MONEY_SUB_CATEGORIES) & (rng.random(count) < TASK_MONEY_SHARE)
    amount = np.rint(rng.lognormal(MONEY_LOG_MEAN, MONEY_LOG_SIGMA, count)).astype(np.int64)
    amount = np.clip(amount, *MONEY_RANGE)
    return np.where((money_sub | task_sub) & finished, amount, 0)


def rules_improved(rng: np.random.Generator, area: np.ndarray, started: np.ndarray) -> np.ndarray:
    """Rules (完善制度) per problem: mostly 0, sometimes 1, rarely 2 or 3."""
    weights = np.array(RULE_WEIGHTS)
    share = RULE_SHARE * weights[area] / weights.mean()
    carries = started & (rng.random(len(area)) < share)
    extra = rng.random(len(area))
    return carries * (1 + (extra < 0.2) + (extra < 0.05))


def descriptions(
    rng: np.random.Generator,
    templates: np.ndarray,
    township: np.ndarray,
    village: np.ndarray,
    year: np.ndarray,
    money: np.ndarray,
) -> list[str]:
    """Each problem's description: its template filled with its own place and figures."""
    counts = rng.integers(2, 40, len(templates)).tolist()
    amounts = np.where(money > 0, money, rng.integers(5, 300, len(money)) * 1000).tolist()
    return [
        template.format(township=t, village=v or "", year=y, amount=a, count=c)
        for template, t, v, y, a, c in zip(
            templates.tolist(),
            township.tolist(),
            village.tolist(),
            year.tolist(),
            amounts,
            counts,
            strict=True,
        )
    ]


def measures(sub: np.ndarray, money: np.ndarray) -> list[str]:
    """整改措施 by sub-category; the recovering variant names the amount."""
    plain = {name: next(t for t in ts if "{amount}" not in t) for name, ts in MEASURES.items()}
    recovering = {
        name: next((t for t in ts if "{amount}" in t), None) for name, ts in MEASURES.items()
    }
    return [
        text.format(amount=m) if m and (text := recovering[s]) else plain[s]
        for s, m in zip(sub.tolist(), money.tolist(), strict=True)
    ]


def responsible_units(
    areas: list[str], township_names: np.ndarray, township: np.ndarray, area: np.ndarray
):
    """整改责任单位: the township's office for the focus area (e.g. 某某镇财政所)."""
    table = np.array(
        [[RESPONSIBLE_UNITS[a].format(township=name) for a in areas] for name in township_names],
        dtype=object,
    )
    return table[township, area]


def evidence(rng: np.random.Generator, count: int) -> np.ndarray:
    """佐证材料 descriptions."""
    return np.array(EVIDENCE, dtype=object)[rng.integers(0, len(EVIDENCE), count)]
