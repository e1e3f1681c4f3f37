"""lcc.sensitivity: tornado, break-even, scenarios, Monte Carlo and Sobol' indices.

Expected values are computed by hand from the textbook formulas, written out
in each test (present value of a uniform series UPV(d, N) = (1 − (1+d)^−N)/d,
NIST Handbook 135 §5), or from analytic probability results (normal CDF,
variance of independent sums); Monte Carlo results are checked within a
stated number of standard errors.
"""

from __future__ import annotations

import math
import tracemalloc
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import lcc
from lcc.engine import compile_alternative, lcc_values, lcc_values_many
from lcc.sensitivity import (
    BreakEvenWarning,
    MonteCarloResult,
    break_even,
    monte_carlo,
    scenarios,
    sobol,
    switching_values,
    tornado,
)

P = lcc.Parameter


def upv(d: float, n: int) -> float:
    """Uniform present value factor (1 − (1+d)^−n)/d (NIST Handbook 135, §5)."""
    return (1.0 - (1.0 + d) ** -n) / d


U = upv(0.05, 10)  # 7.721734929…
V = 1.05 ** -10  # 0.613913254…


def test_hand_factors() -> None:
    """The factors every test below builds on, to 9 digits."""
    assert abs(U - 7.721734929) < 1e-9
    assert abs(V - 0.613913254) < 1e-9


# --------------------------------------------------------------------------- models


def linear_model(price_dist: object = None, maint_dist: object = None) -> list[lcc.Alternative]:
    """A = price + UPV(5 %, 10)·maint (+ nothing else); B = 20 000 + UPV·maint."""
    price = P("price", "10000 SEK", distribution=price_dist)
    maint = P("maint", "1000 SEK/yr", distribution=maint_dist)
    a = lcc.Alternative("A", lcc.Investment(price), lcc.Recurring(maint))
    b = lcc.Alternative("B", lcc.Investment("20000 SEK"), lcc.Recurring(maint))
    return [a, b]


def two_bids(el: lcc.Parameter | None = None) -> list[lcc.Alternative]:
    """A: 50 000 SEK + 2000 kWh/yr; B: 40 000 SEK + 3000 kWh/yr; one electricity price.

    LCC_A − LCC_B = 10 000 − 1000·UPV(d, 10)·x, x the price [SEK/kWh].
    """
    el = el or P("el", "1.2 SEK/kWh", low="0.5 SEK/kWh", high="2.0 SEK/kWh")
    a = lcc.Alternative("A", lcc.Investment("50000 SEK"),
                        lcc.Energy(annual="2000 kWh/yr", price=el))
    b = lcc.Alternative("B", lcc.Investment("40000 SEK"),
                        lcc.Energy(annual="3000 kWh/yr", price=el))
    return [a, b]


STUDY = lcc.Study("10 yr", 0.05)


# ------------------------------------------------------------------- Monte Carlo


def test_monte_carlo_mean_of_a_linear_model_is_the_lcc_at_the_mean_inputs() -> None:
    """LCC_A = price + UPV(5 %, 10)·maint is linear, so E[LCC_A] = LCC_A(E[price], E[maint]).

    price ~ U(9000, 11000) SEK (mean 10 000, variance 2000²/12 = 333 333.3),
    maint ~ N(1000, 200) SEK/yr: E[LCC_A] = 10 000 + 7.721735·1000 = 17 721.735 SEK,
    sd = √(333 333.3 + 7.721735²·200²) = √(333 333.3 + 2 385 008.7) = 1 648.74 SEK.
    """
    alts = linear_model(stats.uniform(9000, 2000), stats.norm(1000, 200))
    n = 20_000
    res = monte_carlo(alts, STUDY, None, n, seed=7)
    at_mean = lcc.evaluate(alts[0], STUDY, overrides={"price": 10_000.0, "maint": 1000.0})
    assert float(at_mean.value) == pytest.approx(10_000 + 1000 * U, abs=1e-6)
    assert float(at_mean.value) == pytest.approx(17_721.735, abs=1e-3)
    row = res.summary.loc["A"]
    sd = math.sqrt(2000**2 / 12 + (U * 200) ** 2)
    assert sd == pytest.approx(1648.74, abs=0.01)
    assert row["se"] == pytest.approx(row["std"] / math.sqrt(n), rel=1e-12)
    assert row["std"] == pytest.approx(sd, rel=0.03)
    assert abs(row["mean"] - float(at_mean.value)) < 4 * row["se"]
    # common random numbers: B − A = 20 000 − price exactly in every sample
    diff = res.lcc["B"] - res.lcc["A"]
    np.testing.assert_allclose(diff, 20_000 - res.inputs["price"], rtol=0, atol=1e-7)


def test_probability_best_matches_the_normal_cdf() -> None:
    """Two bids, electricity price X ~ N(1.2, 0.2) SEK/kWh, d = 5 %, 10 years.

    LCC_A − LCC_B = 10 000 − 1000·UPV·X < 0  ⇔  X > 10 000/(1000·7.721735) = 1.295046,
    so P(A best) = 1 − Φ((1.295046 − 1.2)/0.2) = 1 − Φ(0.475229) = 1 − 0.682688 = 0.317312.
    """
    x_star = 10_000 / (1000 * U)
    assert x_star == pytest.approx(1.295046, abs=1e-6)
    p_a = 1 - stats.norm.cdf((x_star - 1.2) / 0.2)
    assert p_a == pytest.approx(0.317312, abs=1e-6)
    n = 40_000
    res = monte_carlo(two_bids(), STUDY, {"el": stats.norm(1.2, 0.2)}, n, seed=11)
    se = math.sqrt(p_a * (1 - p_a) / n)  # 0.00233
    assert abs(res.probability_best["A"] - p_a) < 4 * se
    assert res.probability_best.sum() == pytest.approx(1.0, abs=1e-12)
    assert res.summary.loc["A", "probability_best_se"] == pytest.approx(se, rel=0.02)
    assert res.summary.loc["A", "probability_best"] == res.probability_best["A"]


def test_same_seed_gives_identical_numbers_whatever_the_chunk_size_and_chunks_bound_memory(
) -> None:
    """Chunk sizes 1 000, 4 099 and n = 100 000 give bit-identical samples and LCCs.

    Stored results: n × (2 alternatives + 3 inputs) × 8 bytes = 4.0 MB. With
    chunks of 1 000 samples the peak stays within 2 MiB of that; evaluating
    all n at once needs n-sized temporaries, several times more.
    """
    life = P("life", "8 yr", distribution=stats.randint(4, 13))
    el = P("el", "1.2 SEK/kWh", distribution=stats.lognorm(0.2, scale=1.2))
    study = lcc.Study("10 yr", P("discount_rate", 0.04, distribution=stats.uniform(0.01, 0.06)))
    alts = [
        lcc.Alternative("A", lcc.Investment("50000 SEK", life=life),
                        lcc.Energy(annual="2000 kWh/yr", price=el, escalation=0.02)),
        lcc.Alternative("B", lcc.Investment("40000 SEK", life=life),
                        lcc.Energy(annual="3000 kWh/yr", price=el, escalation=0.02)),
    ]
    n = 100_000
    monte_carlo(alts, study, None, 10, seed=1)  # warm-up outside the traced runs
    runs = {}
    peaks = {}
    for chunk in (1_000, 4_099, n):
        tracemalloc.start()
        runs[chunk] = monte_carlo(alts, study, None, n, seed=2024, chunk_size=chunk)
        peaks[chunk] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    for chunk in (4_099, n):
        np.testing.assert_array_equal(runs[chunk].lcc.to_numpy(), runs[1_000].lcc.to_numpy())
        np.testing.assert_array_equal(runs[chunk].inputs.to_numpy(),
                                      runs[1_000].inputs.to_numpy())
    stored = n * (2 + 3) * 8
    assert peaks[1_000] - stored < 2 * 2**20
    assert peaks[n] - stored > 5 * (peaks[1_000] - stored)


def test_seed_none_is_recorded_and_streams_are_keyed_by_name() -> None:
    """result.seed repeats a run; an input draws the same numbers whatever else is sampled."""
    alts = linear_model()
    first = monte_carlo(alts, STUDY, {"price": stats.uniform(9000, 2000)}, 500, seed=None)
    again = monte_carlo(alts, STUDY, {"price": stats.uniform(9000, 2000)}, 500, seed=first.seed)
    np.testing.assert_array_equal(first.lcc.to_numpy(), again.lcc.to_numpy())
    both = monte_carlo(alts, STUDY, {"price": stats.uniform(9000, 2000),
                                     "maint": stats.norm(1000, 100)}, 500, seed=first.seed)
    np.testing.assert_array_equal(both.inputs["price"], first.inputs["price"])
    assert list(both.inputs.columns) == ["maint", "price"]
    assert both.inputs.attrs["units"] == {"maint": "SEK/yr", "price": "SEK"}


@pytest.mark.parametrize("given", [np.random.SeedSequence(5).spawn(2)[1],
                                   np.random.SeedSequence([1, 2, 3]),
                                   np.random.SeedSequence(9, pool_size=8),
                                   np.random.SeedSequence(2024)])
def test_a_seed_sequence_is_repeated_by_the_seed_the_result_keeps(given) -> None:
    """A spawned SeedSequence (as a parallel run hands out), one with entropy in several
    words or another pool size ran and then kept an entropy that did not repeat it (a list
    entropy stopped with an AssertionError). result.seed is one whole number that
    repeats the run, and the caller's sequence gives the same run again: Sobol spawned
    from it, so a second run differed."""
    alts = linear_model(stats.uniform(9000, 2000), stats.norm(1000, 100))
    first = monte_carlo(alts, STUDY, None, 300, seed=given)
    assert isinstance(first.seed, int) and first.seed >= 0
    for seed in (first.seed, given):
        again = monte_carlo(alts, STUDY, None, 300, seed=seed)
        np.testing.assert_array_equal(first.lcc.to_numpy(), again.lcc.to_numpy())
    df = sobol(alts, STUDY, None, 256, seed=given)
    assert isinstance(df.attrs["seed"], int)
    pd.testing.assert_frame_equal(df, sobol(alts, STUDY, None, 256, seed=given))
    pd.testing.assert_frame_equal(df, sobol(alts, STUDY, None, 256, seed=df.attrs["seed"]))
    if not given.spawn_key and isinstance(given.entropy, int) and given.pool_size == 4:
        assert first.seed == given.entropy == df.attrs["seed"]  # a plain root: its own


def test_sampled_service_life_gives_per_sample_replacement_counts() -> None:
    """Investment 10 000 SEK with life L ~ randint(2, 13) years, no residual, N = 10, d = 5 %.

    Installations at t = 0, L, 2L, … < 10: M = ⌈10/L⌉ − 1 replacements, so
    LCC = 10 000·Σ_{m=0..M} 1.05^(−mL); e.g. L = 3: t = 0, 3, 6, 9 →
    10 000·(1 + 0.863838 + 0.746215 + 0.644609) = 32 546.62 SEK.
    """
    life = P("life", "5 yr")
    alt = lcc.Alternative("A", lcc.Investment("10000 SEK", life=life, residual=None))
    res = monte_carlo(alt, STUDY, {"life": stats.randint(2, 13)}, 5_000, seed=3)
    lives = res.inputs["life"].to_numpy()
    assert set(np.unique(lives)) == set(range(2, 13))

    def expected(L: int) -> float:
        count = math.ceil(10 / L) - 1
        return 10_000 * sum(1.05 ** (-m * L) for m in range(count + 1))

    assert expected(3) == pytest.approx(32_546.62, abs=0.01)
    want = np.array([expected(int(L)) for L in lives])
    np.testing.assert_allclose(res.lcc["A"].to_numpy(), want, rtol=1e-12)


def test_percentiles_summary_and_display() -> None:
    """LCC_A = 10 000 + UPV·X with X ~ U(800, 1200) SEK/yr: the q-th percentile is
    10 000 + 7.721735·(800 + 4q) SEK, e.g. P50 = 17 721.73, P90 = 18 957.21."""
    alts = linear_model(None, stats.uniform(800, 400))
    res = monte_carlo(alts, STUDY, None, 50_000, seed=5)
    pct = res.percentiles([10, 50, 90])
    assert list(pct.index) == [10.0, 50.0, 90.0]
    for q in (10, 50, 90):
        # sampling error of a quantile: √(q(1−q)/n)/density = √(.09/5e4)·400·U < 4.2 SEK
        assert pct.loc[q, "A"] == pytest.approx(10_000 + U * (800 + 4 * q), abs=20)
    assert pct.loc[90, "A"] == pytest.approx(18_957.21, abs=20)
    summary = res.summary
    assert list(summary.index) == ["A", "B", "B minus A"]
    # B − A = 20 000 − 10 000 = 10 000 in every sample
    assert summary.loc["B minus A", "mean"] == pytest.approx(10_000, abs=1e-6)
    assert summary.loc["B minus A", "std"] == pytest.approx(0, abs=1e-6)
    assert res.probability_best.to_dict() == {"A": 1.0, "B": 0.0}
    assert res.best == "A"
    assert list(res.differences().columns) == ["B minus A"]
    html = res._repr_html_()
    assert "Monte Carlo" in html and "<table" in html and "maint" in html
    assert "50,000 samples" in repr(res)
    with pytest.raises(lcc.LCCError, match=r"percent values in 0\.\.100"):
        res.percentiles(150)


def test_ties_split_probability_best() -> None:
    """Two identical bids tie in every sample: each is best half of the time."""
    maint = P("maint", "1000 SEK/yr", distribution=stats.norm(1000, 100))
    a = lcc.Alternative("A", lcc.Recurring(maint))
    b = lcc.Alternative("B", lcc.Recurring(maint))
    res = monte_carlo([a, b], STUDY, None, 100, seed=1)
    assert res.probability_best.to_dict() == {"A": 0.5, "B": 0.5}


def test_progress_line_on_request_only(capsys: pytest.CaptureFixture[str]) -> None:
    alts = linear_model(stats.uniform(9000, 2000))
    monte_carlo(alts, STUDY, None, 2_000, seed=1, chunk_size=500, progress=True)
    err = capsys.readouterr().err
    assert "Monte Carlo: 100 % (2,000 / 2,000)" in err
    monte_carlo(alts, STUDY, None, 2_000, seed=1, chunk_size=500, progress=False)
    monte_carlo(alts, STUDY, None, 2_000, seed=1, chunk_size=500)  # not a terminal: off
    assert capsys.readouterr().err == ""


# ------------------------------------------------------------------------ tornado


def tornado_model() -> tuple[list[lcc.Alternative], lcc.Study]:
    """A = price_a + UPV(d,10)·maint + 500·(1+d)^−10; B = 12 000 + UPV(d,10)·(maint + 500·el)."""
    maint = P("maint", "1000 SEK/yr", low="800 SEK/yr", high="1200 SEK/yr")
    a = lcc.Alternative(
        "A",
        lcc.Investment(P("price_a", "10000 SEK", low="9000 SEK", high="11000 SEK")),
        lcc.Recurring(maint),
        lcc.Disposal(P("disposal", "500 SEK")),
    )
    b = lcc.Alternative(
        "B",
        lcc.Investment("12000 SEK"),
        lcc.Recurring(maint),
        lcc.Energy(annual="500 kWh/yr",
                   price=P("el", "1 SEK/kWh", low="0.5 SEK/kWh", high="1.5 SEK/kWh")),
    )
    study = lcc.Study("10 yr", P("discount_rate", 0.05, low=0.03, high=0.07))
    return [a, b], study


def test_tornado_hand_computed() -> None:
    """Base: LCC_A = 10 000 + 7 721.73 + 500·0.613913 = 18 028.69; LCC_B = 12 000 + 1500·7.721735
    = 23 582.60, so the pair is (A, B).

    maint ∈ (900, 1100) (given, overrides the declared 800..1200): A and B ± 100·UPV,
    swing 200·7.721735 = 1 544.35; the difference does not move (row left out).
    price_a ∈ (9000, 11000): A swing 2 000, difference swing 2 000; B unaffected.
    el ∈ (0.5, 1.5): B swing 500·UPV = 3 860.87, difference too; A unaffected.
    discount_rate ∈ (3 %, 7 %): A = 10 000 + 1000·UPV(d) + 500·(1+d)^−10 →
    18 902.25 and 17 277.76; B = 12 000 + 1500·UPV(d) → 24 795.30 and 22 535.37.
    disposal has no range: skipped.
    """
    alts, study = tornado_model()
    df = tornado(alts, study, ranges={"maint": ("900 SEK/yr", 1100)})
    assert list(df.columns[:7]) == ["parameter", "alternative", "low", "high", "lcc_low",
                                    "lcc_high", "swing"]
    assert df.attrs["skipped"] == ["disposal"]
    assert df.attrs["pair"] == ("A", "B")
    assert df.attrs["base_lcc"]["A"] == pytest.approx(18_028.69, abs=0.01)
    assert df.attrs["base_lcc"]["B"] == pytest.approx(23_582.60, abs=0.01)

    def lcc_a(d: float = 0.05, price: float = 10_000, maint: float = 1000) -> float:
        return price + maint * upv(d, 10) + 500 * (1 + d) ** -10

    def lcc_b(d: float = 0.05, maint: float = 1000, el: float = 1.0) -> float:
        return 12_000 + (maint + 500 * el) * upv(d, 10)

    # issue 19: the difference is the other alternative's LCC minus the best one's (B − A),
    # named in words; it was A − B ("difference: A − B") before
    diff = "B minus A"
    assert df.attrs["difference"] == diff
    want = {
        ("maint", "A"): (900, 1100, lcc_a(maint=900), lcc_a(maint=1100)),
        ("maint", "B"): (900, 1100, lcc_b(maint=900), lcc_b(maint=1100)),
        ("price_a", "A"): (9000, 11000, lcc_a(price=9000), lcc_a(price=11000)),
        ("price_a", diff): (9000, 11000, lcc_b() - lcc_a(price=9000),
                            lcc_b() - lcc_a(price=11000)),
        ("el", "B"): (0.5, 1.5, lcc_b(el=0.5), lcc_b(el=1.5)),
        ("el", diff): (0.5, 1.5, lcc_b(el=0.5) - lcc_a(), lcc_b(el=1.5) - lcc_a()),
        ("discount_rate", "A"): (0.03, 0.07, lcc_a(0.03), lcc_a(0.07)),
        ("discount_rate", "B"): (0.03, 0.07, lcc_b(0.03), lcc_b(0.07)),
        ("discount_rate", diff): (0.03, 0.07, lcc_b(0.03) - lcc_a(0.03),
                                  lcc_b(0.07) - lcc_a(0.07)),
    }
    got = {(r.parameter, r.alternative): r for r in df.itertuples()}
    assert set(got) == set(want)
    for key, (lo, hi, v_lo, v_hi) in want.items():
        r = got[key]
        assert (r.low, r.high) == (lo, hi), key
        assert r.lcc_low == pytest.approx(v_lo, rel=1e-12), key
        assert r.lcc_high == pytest.approx(v_hi, rel=1e-12), key
        assert r.swing == pytest.approx(abs(v_hi - v_lo), rel=1e-9), key
    # the same figures written out by hand
    assert got[("discount_rate", "A")].lcc_low == pytest.approx(18_902.25, abs=0.01)
    assert got[("discount_rate", "A")].lcc_high == pytest.approx(17_277.76, abs=0.01)
    assert got[("discount_rate", "B")].lcc_low == pytest.approx(24_795.30, abs=0.01)
    assert got[("discount_rate", "B")].lcc_high == pytest.approx(22_535.37, abs=0.01)
    assert got[("el", "B")].swing == pytest.approx(3_860.87, abs=0.01)
    assert got[("maint", "A")].swing == pytest.approx(1_544.35, abs=0.01)
    assert got[("maint", "A")].unit == "SEK/yr" and got[("maint", "A")].base == 1000
    assert list(df["swing"]) == sorted(df["swing"], reverse=True)
    assert df.iloc[0]["parameter"] == "el"


def test_tornado_without_any_range_and_with_one_alternative() -> None:
    alt = lcc.Alternative("A", lcc.Recurring(P("maint", "1000 SEK/yr")))
    df = tornado(alt, STUDY)
    assert df.empty and df.attrs["skipped"] == ["discount_rate", "maint"]
    assert df.attrs["pair"] is None
    df = tornado(alt, STUDY, ranges={"discount_rate": (0.04, 0.06)})
    assert list(df["alternative"]) == ["A"]
    assert df.loc[0, "lcc_low"] == pytest.approx(1000 * upv(0.04, 10), rel=1e-12)


def test_study_rate_parameter_is_addressed_as_discount_rate_or_by_its_name() -> None:
    """Study.discount_rate = Parameter('kalkylranta', 5 %, low 3 %, high 7 %): its range is
    the default for "discount_rate"; both names address it."""
    alt = lcc.Alternative("A", lcc.Recurring("1000 SEK/yr"))
    study = lcc.Study("10 yr", P("kalkylranta", 0.05, low=0.03, high=0.07))
    df = tornado(alt, study)
    assert list(df["parameter"]) == ["discount_rate"]
    assert df.loc[0, "lcc_low"] == pytest.approx(1000 * upv(0.03, 10), rel=1e-12)
    df2 = tornado(alt, study, ranges={"kalkylranta": (0.04, 0.06)})
    assert df2.loc[0, "lcc_high"] == pytest.approx(1000 * upv(0.06, 10), rel=1e-12)


# --------------------------------------------------------------------- break-even


def test_break_even_is_where_the_two_cost_the_same() -> None:
    """Electricity price: 10 000 − 1000·UPV(5 %, 10)·x = 0 → x = 1.295046 SEK/kWh.
    Discount rate (x = 1.2 SEK/kWh): 10 000 = 1200·UPV(d, 10) → UPV(d, 10) = 8.333333,
    d ≈ 3.46 %."""
    alts = two_bids()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        x = break_even(alts, STUDY, "el")
        assert x is not None
        assert x == pytest.approx(1.295046, abs=1e-6)
        assert x == pytest.approx(10_000 / (1000 * U), rel=1e-10)
        ra = lcc.evaluate(alts[0], STUDY, overrides={"el": x})
        rb = lcc.evaluate(alts[1], STUDY, overrides={"el": x})
        assert float(ra.value) == pytest.approx(float(rb.value), abs=1e-6)

        d = break_even(alts, STUDY, "discount_rate", pair=("A", "B"), bracket=(0.0, 0.1))
        assert d is not None
        assert upv(d, 10) == pytest.approx(10_000 / 1200, rel=1e-9)
        assert d == pytest.approx(0.0346, abs=1e-4)
        ra = lcc.evaluate(alts[0], STUDY, overrides={"discount_rate": d})
        rb = lcc.evaluate(alts[1], STUDY, overrides={"discount_rate": d})
        assert float(ra.value) == pytest.approx(float(rb.value), abs=1e-6)


def test_break_even_none_with_the_reason() -> None:
    """With x ∈ (0.5, 1.2) SEK/kWh, A − B = 10 000 − 7 721.73·x > 0: B is cheaper throughout."""
    with pytest.warns(BreakEvenWarning, match="B is cheaper than A over the whole bracket"):
        assert break_even(two_bids(), STUDY, "el", pair=("A", "B"), bracket=(0.5, 1.2)) is None
    with pytest.warns(BreakEvenWarning, match="does not change"):
        alts = linear_model()
        assert break_even(alts, STUDY, "maint", bracket=(500, 1500)) is None


def test_break_even_at_a_jump_in_the_number_of_replacements() -> None:
    """d = 0, N = 10: A = 10 000·⌈10/L⌉ (no residual), B = 15 000. For 5 ≤ L < 10,
    A = 20 000 > B; for L ≥ 10, A = 10 000 < B: the ranking switches at L = 10 by a jump
    (at 10/(1 + 1e-9) exactly: the engine counts ⌈10/L − 1e-9⌉ − 1 replacements)."""
    study = lcc.Study("10 yr", 0.0)
    a = lcc.Alternative("A", lcc.Investment("10000 SEK", life=P("life", "8 yr"), residual=None))
    b = lcc.Alternative("B", lcc.Investment("15000 SEK"))
    with pytest.warns(BreakEvenWarning, match="jumps across zero"):
        x = break_even([a, b], study, "life", bracket=(6, 12))
    assert x == pytest.approx(10.0, abs=1e-7)


def test_switching_values_table() -> None:
    alts = two_bids()
    study = lcc.Study("10 yr", P("discount_rate", 0.05, low=0.0, high=0.1))
    df = switching_values(alts, study, ranges={"el": (0.5, 2.0)})
    assert list(df.columns) == ["parameter", "unit", "base", "low", "high", "break_even",
                                "relative_change", "reason"]
    assert df.attrs["pair"] == ("B", "A")  # B is cheaper at 1.2 SEK/kWh
    # issue 19: LCC_A − LCC_B with B the best (the other minus the best); was B − A
    assert df.attrs["difference"] == "A minus B"
    assert df.attrs["difference_base"] == pytest.approx(10_000 - 1200 * U, rel=1e-12)
    rows = df.set_index("parameter")
    assert rows.loc["el", "break_even"] == pytest.approx(10_000 / (1000 * U), rel=1e-10)
    assert rows.loc["el", "relative_change"] == pytest.approx(1.295046 / 1.2 - 1, abs=1e-6)
    assert rows.loc["el", "reason"] == ""
    d = float(rows["break_even"]["discount_rate"])
    assert upv(d, 10) == pytest.approx(10_000 / 1200, rel=1e-9)


# ----------------------------------------------------------------------- scenarios


def test_scenarios_lcc_and_rank() -> None:
    """A = 50 000 + 2000·UPV·x, B = 40 000 + 3000·UPV·x: at 1.2 SEK/kWh B wins
    (A 68 532.16, B 67 798.25); at 2.0 A wins (A 80 886.94, B 86 330.41); at x = 1.295046
    they tie (rank 1 both). "90 öre/kWh" is 0.9 SEK/kWh: A 63 899.12, B 60 848.68."""
    alts = two_bids()
    x_star = 10_000 / (1000 * U)
    df = scenarios(alts, STUDY, {"dear": {"el": 2.0}, "tie": {"el": x_star},
                                 "cheap": {"el": "90 öre/kWh"}})
    assert list(df.index) == ["base", "dear", "tie", "cheap"]
    assert df.index.name == "scenario"
    lcc_t, rank = df["lcc"], df["rank"]
    for name, x in (("base", 1.2), ("dear", 2.0), ("tie", x_star), ("cheap", 0.9)):
        assert lcc_t.loc[name, "A"] == pytest.approx(50_000 + 2000 * x * U, rel=1e-12)
        assert lcc_t.loc[name, "B"] == pytest.approx(40_000 + 3000 * x * U, rel=1e-12)
    assert lcc_t.loc["base", "A"] == pytest.approx(68_532.16, abs=0.01)
    assert lcc_t.loc["base", "B"] == pytest.approx(67_798.25, abs=0.01)
    assert lcc_t.loc["dear", "A"] == pytest.approx(80_886.94, abs=0.01)
    assert lcc_t.loc["dear", "B"] == pytest.approx(86_330.41, abs=0.01)
    assert lcc_t.loc["cheap", "A"] == pytest.approx(63_899.12, abs=0.01)
    assert lcc_t.loc["cheap", "B"] == pytest.approx(60_848.68, abs=0.01)
    assert rank.loc["base"].to_dict() == {"A": 2, "B": 1}
    assert rank.loc["dear"].to_dict() == {"A": 1, "B": 2}
    assert rank.loc["tie"].to_dict() == {"A": 1, "B": 1}
    assert df.attrs["best"] == {"base": ["B"], "dear": ["A"], "tie": ["A", "B"],
                                "cheap": ["B"]}
    assert df.attrs["scenarios"]["cheap"] == {"el": pytest.approx(0.9)}


def test_scenarios_with_inflation_parameter_fall_back_to_single_values() -> None:
    """Nominal study, inflation i a Parameter: 1000 SEK/yr indexed, nominal rate D = 5 %:
    PV = 1000·Σ_k ((1+i)/(1.05))^k; at i = 0: 1000·UPV(5 %, 10) = 7 721.73."""
    infl = P("inflation", 0.02)
    study = lcc.Study("10 yr", 0.05, inflation=infl)
    alt = lcc.Alternative("A", lcc.Recurring("1000 SEK/yr"))
    df = scenarios(alt, study, {"no inflation": {"inflation": 0.0}, "3 %": {"inflation": 0.03}})
    assert df.loc["no inflation", ("lcc", "A")] == pytest.approx(1000 * U, rel=1e-12)
    want = 1000 * sum((1.03 / 1.05) ** k for k in range(1, 11))
    assert df.loc["3 %", ("lcc", "A")] == pytest.approx(want, rel=1e-12)
    with pytest.raises(lcc.LCCError, match="inflation rate cannot be sampled"):
        monte_carlo(alt, study, {"inflation": stats.uniform(0, 0.04)}, 10)


# ------------------------------------------------------------------------- Sobol'


def test_sobol_indices_of_an_additive_model() -> None:
    """LCC_A = price + UPV·maint, independent inputs: price ~ U(9000, 11000) (variance
    2000²/12 = 333 333.3), maint ~ N(1000, 100) (UPV²·100² = 596 251.9). Additive, so
    S = S_T: S_price = 333 333.3/929 585.2 = 0.35859, S_maint = 0.64141.
    The difference A − B = price − 20 000 depends on price only: S_price = 1, S_maint = 0."""
    alts = linear_model(stats.uniform(9000, 2000), stats.norm(1000, 100))
    var_p, var_m = 2000**2 / 12, (U * 100) ** 2
    s_p = var_p / (var_p + var_m)
    assert s_p == pytest.approx(0.35859, abs=1e-5)
    df = sobol(alts, STUDY, None, 2**13, seed=1)
    # issue 19: SALib's names (S1, ST) with bootstrap intervals; the difference is B − A
    assert list(df.columns) == ["parameter", "alternative", "S1", "S1_conf", "ST", "ST_conf"]
    got = df.set_index(["alternative", "parameter"])
    for col in ("S1", "ST"):
        assert got.loc[("A", "price"), col] == pytest.approx(s_p, abs=0.01)
        assert got.loc[("A", "maint"), col] == pytest.approx(1 - s_p, abs=0.01)
        assert got.loc[("B minus A", "price"), col] == pytest.approx(1.0, abs=0.01)
        assert got.loc[("B minus A", "maint"), col] == pytest.approx(0.0, abs=0.01)
    # B = 20 000 + UPV·maint: all its variance is maint's
    assert got.loc[("B", "maint"), "ST"] == pytest.approx(1.0, abs=0.01)
    assert df.attrs["evaluations"] == 2**13 * 4
    again = sobol(alts, STUDY, None, 2**13, seed=1)
    pd.testing.assert_frame_equal(df, again)


# ----------------------------------------------------------------- engine fast path


def test_lcc_values_many_equals_lcc_values_alternative_by_alternative() -> None:
    """Shared context, different escalations, sequences, quantity, inflation, timing:
    every category equals the one-alternative evaluation."""
    rate = P("discount_rate", 0.04)
    esc = P("esc", 0.02)
    life = P("life", "6 yr")
    every = P("every", "3 yr")
    q = P("q", 2.0)
    study = lcc.Study("12 yr", rate, inflation=0.015, timing="middle",
                      carbon_price=P("co2", "1.5 SEK/kg"))
    alts = [
        lcc.Alternative("A",
                        lcc.Investment("20000 SEK", life=life, escalation=esc,
                                       disposal="500 SEK"),
                        lcc.Energy(annual="3000 kWh/yr", price="1.5 SEK/kWh", escalation=esc,
                                   emission_factor="0.05 kg/kWh"),
                        lcc.Periodic("2500 SEK", every=every, first=3), quantity=q),
        lcc.Alternative("B",
                        lcc.Investment("18000 SEK", life=life, escalation=0.01, residual=0.2),
                        lcc.Energy(annual="3500 kWh/yr", price="1.5 SEK/kWh",
                                   escalation=[0.01] * 12),
                        lcc.Recurring("800 SEK/yr", indexed=False)),
        lcc.Alternative("C", lcc.Investment("25000 SEK", life="9 yr"),
                        lcc.Residual("3000 SEK")),
    ]
    compiled = [compile_alternative(a, study) for a in alts]
    rng = np.random.default_rng(0)
    ov = {"discount_rate": rng.uniform(0.0, 0.08, 257), "esc": rng.normal(0.02, 0.01, 257),
          "life": rng.integers(3, 14, 257).astype(float), "every": 3.0, "co2": 2.0}
    many = lcc_values_many(compiled, ov)
    for c, got in zip(compiled, many, strict=True):
        own = {k: v for k, v in ov.items() if k == "discount_rate" or k in c.parameters}
        alone = lcc_values(c, own)
        assert got.keys() == alone.keys()
        for cat in alone:
            np.testing.assert_allclose(got[cat], alone[cat], rtol=1e-12, atol=1e-9)
    with pytest.raises(lcc.LCCError, match="unknown parameter 'nope'"):
        lcc_values_many(compiled, {"nope": 1.0})
    with pytest.raises(lcc.LCCError, match="another study"):
        lcc_values_many([compiled[0], compile_alternative(alts[2], lcc.Study("5 yr", 0.03))])


# -------------------------------------------------------------------------- errors


def test_unknown_parameter_is_an_error_listing_the_known_ones() -> None:
    alts = two_bids()
    known = "known parameters: discount_rate, el"
    with pytest.raises(lcc.LCCError, match=f"unknown parameter 'elpris'; {known}"):
        tornado(alts, STUDY, ranges={"elpris": (1, 2)})
    with pytest.raises(lcc.LCCError, match=f"unknown parameter 'elpris'; {known}"):
        break_even(alts, STUDY, "elpris")
    with pytest.raises(lcc.LCCError, match=f"unknown parameter 'elpris'; {known}"):
        monte_carlo(alts, STUDY, {"elpris": stats.norm(1, 0.1)}, 10)
    with pytest.raises(lcc.LCCError, match=f"unknown parameter 'elpris'; {known}"):
        scenarios(alts, STUDY, {"s": {"elpris": 1.0}})
    with pytest.raises(lcc.LCCError, match=f"unknown parameter 'elpris'; {known}"):
        sobol(alts, STUDY, {"elpris": stats.norm(1, 0.1)}, 8)
    with pytest.raises(lcc.LCCError, match="unknown alternative 'C'"):
        break_even(alts, STUDY, "el", pair=("A", "C"))


def test_no_range_and_bad_brackets() -> None:
    alts = two_bids(P("el", "1.2 SEK/kWh"))
    with pytest.raises(lcc.LCCError, match="parameter 'el' has no range; give bracket="):
        break_even(alts, STUDY, "el")
    for bad, msg in (((2.0, 1.0), "low \\(2\\) is greater than high \\(1\\)"),
                     ((1.0, 1.0), "expected low < high"),
                     ((1.0,), "expected a pair \\(low, high\\)"),
                     ((float("nan"), 1.0), "expected a finite number"),
                     (("1 kWh", 2.0), "does not have the dimension")):
        with pytest.raises(lcc.LCCError, match=msg):
            break_even(alts, STUDY, "el", bracket=bad)
    # the bracket keeps the bounds of the rate (> -1), named at the bracket; a bare -1.5 is
    # read by the rule of every rate (did you mean -1.5 %?)
    with pytest.raises(lcc.LCCError, match=r"bracket of 'discount_rate': parameter "
                                           r"'discount_rate' got -1\.5; the inputs it stands "
                                           r"in take values > -1 ") as info:
        break_even(alts, STUDY, "discount_rate", bracket=("-150 %", 0.1))
    assert info.value.field == "break_even.bracket"
    with pytest.raises(lcc.LCCError, match=r"bracket low: got the bare number -1\.5; .* did "
                                           r"you mean -1\.5 % = -0\.015\?"):
        break_even(alts, STUDY, "discount_rate", bracket=(-1.5, 0.1))
    with pytest.raises(lcc.LCCError, match="needs two alternatives"):
        break_even(alts[0], STUDY, "el", bracket=(1, 2))


def test_bad_sample_counts_and_distributions() -> None:
    alts = linear_model(stats.uniform(9000, 2000))
    for n in (0, -5, 2.5, True):
        with pytest.raises(lcc.LCCError, match=r"n: got .*; expected a whole number >= 1"):
            monte_carlo(alts, STUDY, None, n)  # type: ignore[arg-type]
        with pytest.raises(lcc.LCCError, match="n: got"):
            sobol(alts, STUDY, None, n)  # type: ignore[arg-type]
    with pytest.raises(lcc.LCCError, match="chunk_size: got 0"):
        monte_carlo(alts, STUDY, None, 10, chunk_size=0)
    # issue 19: any n is rounded up to a power of 2, with a note (it was refused)
    rounded = sobol(alts, STUDY, None, 1000, seed=1, bootstrap=0)
    assert rounded.attrs["n"] == 1024 and rounded.attrs["n_requested"] == 1000
    assert "rounded up to 1024" in rounded.attrs["notes"][0]
    with pytest.raises(lcc.LCCError, match=r"frozen scipy\.stats distribution"):
        monte_carlo(alts, STUDY, {"maint": (900, 1100)}, 10)
    with pytest.raises(lcc.LCCError, match="no input has a distribution"):
        monte_carlo(linear_model(), STUDY, None, 10)
    with pytest.raises(lcc.LCCError, match="no input has a distribution"):
        monte_carlo(alts, STUDY, {"price": None}, 10)
    with pytest.raises(lcc.LCCError, match="seed: got -1"):
        monte_carlo(alts, STUDY, None, 10, seed=-1)
    with pytest.raises(lcc.LCCError, match="seed: got 'x'"):
        sobol(alts, STUDY, None, 8, seed="x")
    life = P("life", "8 yr")
    alt = lcc.Alternative("A", lcc.Investment("1000 SEK", life=life))
    with pytest.raises(lcc.LCCError, match="distribution of 'life': it draws values down to"):
        monte_carlo(alt, STUDY, {"life": stats.norm(8, 5)}, 1000, seed=1)


def test_bad_alternatives_and_scenarios() -> None:
    a, b = two_bids()
    with pytest.raises(lcc.LCCError, match="'A' occur more than once"):
        tornado([a, a], STUDY)
    with pytest.raises(lcc.LCCError, match="expected at least one"):
        tornado([], STUDY)
    sampled = lcc.Alternative("S", lcc.Recurring(np.array([1.0, 2.0]) * lcc.Q_(1, "SEK/yr")))
    with pytest.raises(lcc.LCCError, match="has inputs with 2 samples"):
        tornado(sampled, STUDY)
    with pytest.raises(lcc.LCCError, match="a scenario is named 'base'"):
        scenarios([a, b], STUDY, {"base": {"el": 1.0}})
    with pytest.raises(lcc.LCCError, match="expected one number in SEK/kWh"):
        scenarios([a, b], STUDY, {"s": {"el": [1.0, 2.0]}})


def test_result_type() -> None:
    res = monte_carlo(linear_model(stats.uniform(9000, 2000)), STUDY, None, 3, seed=0)
    assert isinstance(res, MonteCarloResult)
    assert res.lcc.shape == (3, 2) and res.lcc.attrs["unit"] == "SEK"
    assert res.n == 3 and res.chunk_size == 32_768


def test_a_scenario_path_is_listed_in_its_parameters_unit() -> None:
    """The same yearly price path written in SEK/kWh, öre/kWh and SEK/MWh was listed as 1,
    100 and 1 000 (no unit given), while a single '150 öre/kWh' was listed as 1.5: every
    scenario's values are in the parameter's own unit."""
    from lcc.model import ByYear
    from lcc.sensitivity import Scenario, scenarios

    price = lcc.Parameter("price", "1 SEK/kWh")
    alts = [lcc.Alternative("A", [lcc.Energy(annual="1000 kWh/yr", price=price)]),
            lcc.Alternative("B", [lcc.Investment(amount="5000 SEK")])]
    study = lcc.Study("3 yr", 0.04)
    df = scenarios(alts, study, {
        "sek": Scenario({"price": ByYear([1.0, 1.5, 2.0], unit="SEK/kWh")}),
        "ore": Scenario({"price": ByYear([100, 150, 200], unit="öre/kWh")}),
        "mwh": Scenario({"price": ByYear([1000, 1500, 2000], unit="SEK/MWh")}),
        "one": Scenario({"price": "150 öre/kWh"})})
    shown = df.attrs["scenarios"]
    for name in ("sek", "ore", "mwh"):
        assert shown[name]["price"] == pytest.approx([1.0, 1.5, 2.0])
    assert shown["one"]["price"] == pytest.approx(1.5)
    # by hand: 1000 × (1/1.04 + 1.5/1.04² + 2/1.04³) = 4 126.37 SEK for each path
    want = 1000 * (1 / 1.04 + 1.5 / 1.04**2 + 2 / 1.04**3)
    assert want == pytest.approx(4126.365498, abs=1e-6)
    for name in ("sek", "ore", "mwh"):
        assert df.loc[name, ("lcc", "A")] == pytest.approx(want, rel=1e-12)
