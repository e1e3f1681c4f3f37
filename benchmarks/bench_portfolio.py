"""Benchmark: follow-up of a 100 000-row procurement plan.

Builds a plan of 100 000 procurements (40 organisations, 10 years, 15 categories) as a
CSV file, reads it with :func:`lcc.portfolio.read_plan` and measures
``Plan.follow_up(by=["organisation", "year"])``: wall time (best of 5) and peak memory
(tracemalloc during the call, and the process's peak resident set). The targets of the
issue: at most 2 s and at most 500 MB.

Run: ``python benchmarks/bench_portfolio.py [ROWS]``.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

import lcc.portfolio

ROWS = 100_000
LIMIT_SECONDS = 2.0
LIMIT_MB = 500.0


def build_plan(path: Path, rows: int, seed: int = 1) -> None:
    """Write a random plan of ``rows`` procurements (vectorised; seeded)."""
    rng = np.random.default_rng(seed)
    orgs = np.array([f"Kommun {i:02d}" for i in range(40)])
    cats = np.array([f"Category {i:02d}" for i in range(15)])
    yn = np.array(["no", "yes"])
    values = np.round(rng.lognormal(13.5, 1.0, rows), -3).astype(np.int64)
    df = pd.DataFrame({
        "id": [f"P{i:06d}" for i in range(rows)],
        "title": [f"Procurement {i}" for i in range(rows)],
        "organisation": orgs[rng.integers(0, len(orgs), rows)],
        "year": rng.integers(2017, 2027, rows),
        "category": cats[rng.integers(0, len(cats), rows)],
        "value": [f"{v} SEK" for v in values],
        "award_basis": np.array(["price", "cost", "price_quality"])[rng.integers(0, 3, rows)],
        **{r: yn[(rng.random(rows) < p).astype(int)]
           for r, p in zip(lcc.portfolio.REQUIREMENTS, (0.8, 0.2, 0.3, 0.3, 0.25),
                           strict=True)},
        "criteria": np.array(["", "K1", "K1; K2", "K3"])[rng.integers(0, 4, rows)],
        "status": np.array(["planned", "advertised", "awarded"])[rng.integers(0, 3, rows)],
    })
    df.to_csv(path, index=False)


def main(rows: int = ROWS) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        plan_file = Path(tmp) / "plan.csv"
        targets = Path(tmp) / "targets.toml"
        targets.write_text('[targets]\nreuse = "20 %"\nenvironmental = "80 %"\n'
                           '[targets.organisation."Kommun 00"]\nreuse = "30 %"\n',
                           encoding="utf-8")
        t0 = time.perf_counter()
        build_plan(plan_file, rows)
        t_build = time.perf_counter() - t0
        size_mb = plan_file.stat().st_size / 1e6
        t0 = time.perf_counter()
        plan = lcc.portfolio.read_plan(plan_file, targets=targets)
        t_read = time.perf_counter() - t0
    by = ["organisation", "year"]
    plan.follow_up(by)  # warm up (imports, caches)
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        fu = plan.follow_up(by)
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    plan.follow_up(by)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    figures = {"rows": float(len(plan)), "groups": float(len(fu)), "csv_mb": size_mb,
               "build_s": t_build, "read_s": t_read, "follow_up_s": min(times),
               "follow_up_peak_mb": peak / 1e6, "process_peak_rss_mb": rss_mb}
    print(f"plan: {len(plan):,} rows, {size_mb:.1f} MB CSV (built in {t_build:.2f} s), "
          f"read_plan {t_read:.2f} s")
    print(f"follow_up(by={by}): {len(fu)} groups, best of 5 {min(times) * 1000:.1f} ms "
          f"(limit {LIMIT_SECONDS:.0f} s); peak traced memory "
          f"{peak / 1e6:.1f} MB; process peak RSS {rss_mb:.0f} MB (limit {LIMIT_MB:.0f} MB)")
    ok = min(times) <= LIMIT_SECONDS and rss_mb <= LIMIT_MB
    print("within the limits" if ok else "OVER THE LIMITS")
    return figures


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else ROWS)
