"""Minima engine benchmark: 100,000 random households through ``bot.minima.engine.check``.

Reports households per second and the time per call as a ratio to a plain Python dict
lookup measured in the same run (so the number means the same on a slow or a fast machine),
plus peak memory (on a sample) relative to the baseline loop. Run with ``make bench``; the report
goes to ``bench/reports/minima.md``.
"""

from __future__ import annotations

import random
import sys
import time
import tracemalloc
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from bot.minima.engine import check
from bot.minima.household import Household
from bot.minima.rulebook import rulebook
from bot.municipality.registry import municipalities

ROOT = Path(__file__).resolve().parent.parent
COUNT = 100_000
MEMORY_SAMPLE = 2_000


def households(count: int, seed: int = 2026) -> list[tuple[str, Household]]:
    rng = random.Random(seed)
    ids = sorted(municipalities())
    made = []
    for _ in range(count):
        adults = tuple(rng.randint(18, 80) for _ in range(rng.choice((1, 2))))
        made.append(
            (
                rng.choice(ids),
                Household(
                    on=date(2024, 7, 1) + timedelta(days=rng.randint(0, 900)),
                    adults=adults,
                    children=tuple(rng.randint(0, 20) for _ in range(rng.randint(0, 4))),
                    net_income=rng.choice((None, Decimal(rng.randint(0, 400000)) / 100)),
                    assets=rng.choice((None, Decimal(rng.randint(0, 30000)))),
                    low_income_months=rng.choice((None, rng.randint(0, 120))),
                    student=rng.choice((None, False, True)),
                    renting=rng.choice((None, False, True)),
                    co_residents=rng.randint(0, 3),
                    has_debts=rng.choice((None, False, True)),
                ),
            )
        )
    return made


def timed(function, items) -> float:
    start = time.perf_counter()
    for item in items:
        function(item)
    return time.perf_counter() - start


def peak_memory(function, items) -> int:
    """Traced separately and on a sample: tracemalloc slows every allocation down."""
    tracemalloc.start()
    for item in items:
        function(item)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> str:
    rules, known = rulebook(), municipalities()
    cases = households(COUNT)
    table = {m: known[m].schemes for m in known}
    lookup = lambda case: table[case[0]]  # noqa: E731
    engine_call = lambda case: check(case[1], table[case[0]], rules)  # noqa: E731
    baseline, engine = timed(lookup, cases), timed(engine_call, cases)
    baseline_peak = peak_memory(lookup, cases[:MEMORY_SAMPLE])
    engine_peak = peak_memory(engine_call, cases[:MEMORY_SAMPLE])
    per_call, per_lookup = engine / COUNT, baseline / COUNT
    report = "\n".join(
        [
            f"# Minima engine benchmark ({date.today().isoformat()})",
            "",
            f"- households: {COUNT:,} random (seed 2026), {len(known)} municipalities, "
            f"{sum(len(s) for s in table.values()) + len(rules.national)} schemes",
            f"- households per second: {COUNT / engine:,.0f}",
            f"- time per call: {per_call * 1e6:.1f} µs = **{per_call / per_lookup:,.0f}x** "
            f"a dict lookup ({per_lookup * 1e9:.0f} ns) in the same run",
            f"- peak traced memory over {MEMORY_SAMPLE:,} calls: {engine_peak / 1024:,.0f} KiB "
            f"({engine_peak / max(baseline_peak, 1):,.1f}x the baseline loop)",
            "",
        ]
    )
    (ROOT / "bench" / "reports" / "minima.md").write_text(report, encoding="utf-8")
    return report


if __name__ == "__main__":
    sys.stdout.write(main())
