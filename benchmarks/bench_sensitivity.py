"""Benchmark of lcc.sensitivity.monte_carlo on the reference tender (issue 5 targets).

The reference tender: 5 alternatives over a 30-year real study, each with an
investment with a service life (replacements, a residual value as a fraction
of the cost, a disposal cost at each replacement), electricity with a real
price escalation and its CO2e priced into the LCC, maintenance, and disposal
at the end. 8 uncertain inputs, common to all bids: discount rate,
electricity price, energy escalation, operating hours, maintenance cost,
service life (discrete, randint), CO2 price and residual fraction.

Measured at n = 10⁶ (targets on a 2-core machine in brackets):

* lcc ``monte_carlo`` end to end — drawing the samples, evaluating, storing
  the n × 5 LCC matrix and the inputs: samples per second and time
  [≤ 2 s]; peak memory by tracemalloc in a separate run [≤ 1 GB].
* lcc's engine alone on the same samples (``lcc_values_many``, chunked).
* baseline (a): a Python loop calling ``lcc.evaluate`` once per sample and
  alternative, timed on a subset and scaled [lcc ≥ 100× faster];
* baseline (b): a straightforward numpy implementation of the same model
  that builds sample × year arrays with powers (no closed forms), chunked
  like lcc [lcc at least as fast];
* baseline (c): a closed-form numpy implementation (uniform-series factors,
  geometric sums for the replacements), the practical limit [lcc within 3×].

(b) and (c) are checked against lcc on the same samples. The ratios are
given twice: evaluation only (the same pre-drawn samples for every method),
and end to end (the baselines charged the same sampling time as lcc).

Run: ``.venv/bin/python benchmarks/bench_sensitivity.py [n]``
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections.abc import Callable

import numpy as np
from scipy import stats

import lcc
from lcc.engine import compile_alternative, lcc_values_many
from lcc.sensitivity import monte_carlo

N_YEARS = 30
EMISSION_FACTOR = 0.05  # kg CO2e/kWh
#: Bids: investment [SEK], power [kW], own maintenance [SEK/yr], disposal per
#: replacement [SEK], disposal at the end [SEK].
BIDS = {
    "Bid A": (100_000.0, 5.0, 0.0, 3_000.0, 5_000.0),
    "Bid B": (120_000.0, 4.2, 500.0, 3_000.0, 5_000.0),
    "Bid C": (90_000.0, 5.8, 1_000.0, 2_500.0, 4_000.0),
    "Bid D": (140_000.0, 3.6, 1_500.0, 4_000.0, 6_000.0),
    "Bid E": (110_000.0, 4.8, 2_000.0, 3_000.0, 5_000.0),
}
SEED = 20_251_123
CHUNK = 32_768


def tender() -> tuple[list[lcc.Alternative], lcc.Study]:
    """The reference tender with its 8 uncertain inputs (declared distributions)."""
    P = lcc.Parameter
    rate = P("discount_rate", 0.035, low=0.01, high=0.06,
             distribution=stats.triang(0.5, loc=0.01, scale=0.05))
    price = P("electricity_price", "1.2 SEK/kWh", low="0.8 SEK/kWh", high="2.0 SEK/kWh",
              distribution=stats.lognorm(0.25, scale=1.2))
    esc = P("energy_escalation", 0.01, low=-0.01, high=0.03,
            distribution=stats.norm(0.01, 0.01))
    hours = P("operating_hours", "4000 h/yr", low="3000 h/yr", high="5000 h/yr",
              distribution=stats.triang(0.5, loc=3000, scale=2000))
    maint = P("maintenance_cost", "2000 SEK/yr", low="1500 SEK/yr", high="2500 SEK/yr",
              distribution=stats.norm(2000, 250))
    life = P("service_life", "15 yr", low="10 yr", high="20 yr",
             distribution=stats.randint(10, 21))
    co2 = P("co2_price", "1.2 SEK/kg", low="0.5 SEK/kg", high="2.0 SEK/kg",
            distribution=stats.uniform(0.5, 1.5))
    resid = P("residual_fraction", 0.2, low=0.1, high=0.3,
              distribution=stats.uniform(0.1, 0.2))
    study = lcc.Study(f"{N_YEARS} yr", rate, carbon_price=co2)
    alts = []
    for name, (amount, kw, own, disp, end) in BIDS.items():
        alts.append(lcc.Alternative(
            name,
            lcc.Investment(f"{amount} SEK", life=life, residual=resid, disposal=f"{disp} SEK"),
            lcc.Energy(power=f"{kw} kW", hours=hours, price=price, escalation=esc,
                       emission_factor=f"{EMISSION_FACTOR} kg/kWh"),
            lcc.Recurring(maint, label="maintenance contract"),
            lcc.Recurring(f"{own} SEK/yr", label="bid's own maintenance"),
            lcc.Disposal(f"{end} SEK"),
        ))
    return alts, study


Samples = dict[str, np.ndarray]


def closed_form(s: Samples) -> np.ndarray:
    """Baseline (c): closed forms, shared factors computed once. Shape (5, n).

    UPV(d, N) = (1 − (1+d)^−N)/d; UPV* with q = (1+e)/(1+d):
    q(1 − q^N)/(1 − q); replacements at L, 2L, … < N: M = ⌈N/L⌉ − 1,
    Σ_{m=1..M} v^m = v(1 − v^M)/(1 − v) with v = (1+d)^−L.
    """
    d, e = s["discount_rate"], s["energy_escalation"]
    life, f = s["service_life"], s["residual_fraction"]
    v_n = (1.0 + d) ** -N_YEARS
    upv = (1.0 - v_n) / d
    q = (1.0 + e) / (1.0 + d)
    upv_e = np.where(np.abs(q - 1.0) < 1e-12, float(N_YEARS), q * (1.0 - q**N_YEARS) / (1.0 - q))
    count = np.ceil(N_YEARS / life - 1e-9) - 1.0
    v_l = (1.0 + d) ** -life
    rep = v_l * (1.0 - v_l**count) / (1.0 - v_l)
    kwh_cost = s["operating_hours"] * s["electricity_price"] * upv_e
    co2_cost = s["operating_hours"] * EMISSION_FACTOR * s["co2_price"] * upv
    maint = s["maintenance_cost"] * upv
    invest = 1.0 + rep - f * v_n
    out = np.empty((len(BIDS), d.size))
    for i, (amount, kw, own, disp, end) in enumerate(BIDS.values()):
        out[i] = (amount * invest + disp * rep + kw * (kwh_cost + co2_cost) + maint
                  + own * upv + end * v_n)
    return out


def year_arrays(s: Samples) -> np.ndarray:
    """Baseline (b): sample × year arrays with powers, no closed forms. Shape (5, n)."""
    t = np.arange(N_YEARS + 1, dtype=float)[None, :]
    d = s["discount_rate"][:, None]
    life = s["service_life"][:, None]
    df = (1.0 + d) ** -t
    running = (t >= 1.0) * 1.0
    price = s["electricity_price"][:, None] * (1.0 + s["energy_escalation"][:, None]) ** t
    kwh = s["operating_hours"][:, None] * running
    co2 = EMISSION_FACTOR * s["co2_price"][:, None]
    replaced = ((t % life) == 0.0) & (t > 0.0) & (t < N_YEARS)
    at_end = t == N_YEARS
    maint = s["maintenance_cost"][:, None]
    resid = s["residual_fraction"][:, None]
    out = np.empty((len(BIDS), d.shape[0]))
    for i, (amount, kw, own, disp, end) in enumerate(BIDS.values()):
        flows = (amount * (t == 0.0) + (amount + disp) * replaced
                 + kw * kwh * (price + co2) + (maint + own) * running
                 + (end - amount * resid) * at_end)
        out[i] = (flows * df).sum(axis=1)
    return out


def chunked(fn: Callable[[Samples], np.ndarray], s: Samples, chunk: int) -> np.ndarray:
    n = next(iter(s.values())).size
    out = np.empty((len(BIDS), n))
    for a in range(0, n, chunk):
        out[:, a:a + chunk] = fn({k: v[a:a + chunk] for k, v in s.items()})
    return out


def best_of(repeats: int, fn: Callable[[], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main(n: int = 1_000_000) -> None:
    alts, study = tender()
    compiled = [compile_alternative(a, study) for a in alts]
    monte_carlo(alts, study, None, 1000, seed=SEED)  # warm-up (imports, caches)
    print(f"Reference tender: {len(alts)} alternatives, {N_YEARS}-year study, 8 uncertain "
          f"inputs, n = {n:,} samples, chunk {CHUNK:,}")

    t_mc, res = best_of(3, lambda: monte_carlo(alts, study, None, n, seed=SEED,
                                               chunk_size=CHUNK, progress=False))
    assert isinstance(res, lcc.sensitivity.MonteCarloResult)
    tracemalloc.start()
    monte_carlo(alts, study, None, n, seed=SEED, chunk_size=CHUNK, progress=False)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    samples: Samples = {c: np.ascontiguousarray(res.inputs[c].to_numpy())
                        for c in res.inputs.columns}
    values = res.lcc.to_numpy().T

    def engine() -> np.ndarray:
        out = np.empty((len(alts), n))
        for a in range(0, n, CHUNK):
            ov = {k: v[a:a + CHUNK] for k, v in samples.items()}
            for i, r in enumerate(lcc_values_many(compiled, ov)):
                out[i, a:a + CHUNK] = r["total"]
        return out

    t_engine, _ = best_of(3, engine)
    t_sampling = t_mc - t_engine  # drawing + storing, charged to the baselines end to end

    # (a) a loop of lcc.evaluate calls, on a subset, scaled to n
    subset = 200
    t0 = time.perf_counter()
    loop = np.empty((len(alts), subset))
    for j in range(subset):
        ov = {k: float(v[j]) for k, v in samples.items()}
        for i, alt in enumerate(alts):
            loop[i, j] = float(lcc.evaluate(alt, study, overrides=ov).value)
    t_loop = (time.perf_counter() - t0) / subset * n
    assert np.allclose(loop, values[:, :subset], rtol=1e-12, atol=0.0)

    t_naive, naive = best_of(1, lambda: chunked(year_arrays, samples, CHUNK))
    t_closed_full, closed = best_of(3, lambda: closed_form(samples))
    t_closed_chunk, _ = best_of(3, lambda: chunked(closed_form, samples, CHUNK))
    t_closed = min(t_closed_full, t_closed_chunk)
    dev_naive = float(np.max(np.abs(np.asarray(naive) - values) / np.abs(values)))
    dev_closed = float(np.max(np.abs(np.asarray(closed) - values) / np.abs(values)))

    def ok(flag: bool) -> str:
        return "OK" if flag else "MISSED"

    print(f"\nlcc monte_carlo, end to end: {t_mc:.3f} s = {n / t_mc:,.0f} samples/s "
          f"(target ≤ 2 s: {ok(t_mc <= 2.0)})")
    print(f"  of which engine evaluation {t_engine:.3f} s, sampling and storing "
          f"{t_sampling:.3f} s")
    print(f"  peak memory (tracemalloc) {peak / 2**20:.1f} MiB; stored results "
          f"{(values.nbytes + res.inputs.memory_usage().sum()) / 2**20:.1f} MiB "
          f"(target ≤ 1 GB: {ok(peak <= 2**30)})")
    print(f"\nagreement on the same samples: (a) exact to 1e-12; (b) max relative deviation "
          f"{dev_naive:.1e}; (c) {dev_closed:.1e}")
    assert dev_naive < 1e-10 and dev_closed < 1e-10
    print("\n                                   time [s]  lcc eval only   lcc end to end")
    print(f"(a) loop of lcc.evaluate (scaled) {t_loop:9.1f}  {t_loop / t_engine:10,.0f}×"
          f"  {t_loop / t_mc:10,.0f}×  (target ≥ 100×: {ok(t_loop / t_mc >= 100)})")
    print(f"(b) numpy, sample × year arrays   {t_naive:9.3f}  {t_naive / t_engine:10.2f}×"
          f"  {(t_naive + t_sampling) / t_mc:10.2f}×  (target ≥ 1×: "
          f"{ok(t_naive >= t_engine and t_naive + t_sampling >= t_mc)})")
    print(f"(c) numpy, closed forms           {t_closed:9.3f}  {t_closed / t_engine:10.2f}×"
          f"  {(t_closed + t_sampling) / t_mc:10.2f}×  (target ≥ 1/3 = 0.33×: "
          f"{ok(3 * t_closed >= t_engine and 3 * (t_closed + t_sampling) >= t_mc)})")
    print("(ratio > 1: lcc is faster; (c) is the faster of unchunked "
          f"{t_closed_full:.3f} s and chunked {t_closed_chunk:.3f} s)")
    print("\nmean LCC: " + ", ".join(f"{k} {v:,.0f}" for k, v in res.lcc.mean().items())
          + " SEK; P(best): " + ", ".join(f"{k} {v:.3f}"
                                           for k, v in res.probability_best.items()))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
