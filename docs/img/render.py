"""Render the charts shown in the docs from examples/street-lighting.toml.

Run from the repository root: ``.venv/bin/python docs/img/render.py``.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import lcc
import lcc.plot as plot
import lcc.sensitivity as sens

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent


def main() -> None:
    tender = lcc.load_tender(ROOT / "examples" / "street-lighting.toml")
    alts, study = list(tender.alternatives), tender.study
    c = tender.compare()
    plot.to_png(plot.cumulative(c), OUT / "cumulative.png")
    plot.to_png(plot.breakdown(c), OUT / "breakdown.png")
    t = sens.tornado(alts, study)
    plot.to_png(plot.tornado(t, alternative="difference"), OUT / "tornado.png")
    mc = sens.monte_carlo(alts, study, n=20_000, seed=2025, progress=False)
    plot.to_png(plot.distributions(mc), OUT / "monte-carlo.png")
    plot.to_png(plot.break_even(alts, study, "electricity_price", pair=("LED bid B", "LED bid C")),
                OUT / "break-even.png")


if __name__ == "__main__":
    main()
