"""Benchmark of lcc.evaluate (issue 3 targets).

1. ``evaluate`` of a newly built 30-year alternative with 6 items (inputs are
   quantities parsed once), including ``total`` and ``by_category``: median
   of 100 runs; target under 2 ms.
2. 10⁵ samples of the discount rate evaluated in one call (no Python loop
   over samples): time and peak memory.

Run: ``.venv/bin/python benchmarks/bench_evaluate.py``
"""

from __future__ import annotations

import statistics
import time
import tracemalloc

import numpy as np

import lcc

Q_ = lcc.Q_
INPUTS = {
    "amount": Q_(20000, "SEK"), "life": Q_(12, "yr"), "kwh": Q_(3000, "kWh/yr"),
    "price": Q_(1.5, "SEK/kWh"), "maint": Q_(800, "SEK/yr"), "overhaul": Q_(2500, "SEK"),
    "every": Q_(3, "yr"), "disposal": Q_(1000, "SEK"), "water": Q_(30, "m**3/yr"),
    "water_price": Q_(40, "SEK/m**3"),
}


def build() -> lcc.Alternative:
    i = INPUTS
    return lcc.Alternative(
        "Bid",
        lcc.Investment(i["amount"], life=i["life"], escalation=0.01),
        lcc.Energy(annual=i["kwh"], price=i["price"], escalation=0.02),
        lcc.Water(annual=i["water"], price=i["water_price"]),
        lcc.Recurring(i["maint"]),
        lcc.Periodic(i["overhaul"], every=i["every"]),
        lcc.Disposal(i["disposal"]),
    )


def main() -> None:
    study = lcc.Study(Q_(30, "yr"), 0.04)
    for _ in range(20):
        r = lcc.evaluate(build(), study)
        r.total, r.by_category  # noqa: B018
    times = []
    for _ in range(100):
        t0 = time.perf_counter()
        r = lcc.evaluate(build(), study)
        r.total, r.by_category  # noqa: B018
        times.append(time.perf_counter() - t0)
    median = statistics.median(times) * 1e3
    print(f"evaluate, new 30-year alternative with 6 items: median {median:.3f} ms "
          f"over 100 runs (target < 2 ms) -> {'OK' if median < 2 else 'MISSED'}")

    n = 100_000
    rates = np.random.default_rng(1).uniform(0.0, 0.08, n)
    tracemalloc.start()
    t0 = time.perf_counter()
    r = lcc.evaluate(build(), lcc.Study(Q_(30, "yr"), rates))
    total = r.total
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"{n:,} discount-rate samples in one call: {elapsed * 1e3:.1f} ms, "
          f"peak memory {peak / 2**20:.1f} MiB, mean LCC {total.magnitude.mean():,.0f} SEK")


if __name__ == "__main__":
    main()
