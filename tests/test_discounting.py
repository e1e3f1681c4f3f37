"""Tests of lcc.discounting against published tables and as properties."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st

import lcc
from lcc import discounting as dc
from tests import strategies as S


class TestPublishedValues:
    @pytest.mark.parametrize(
        ("rate", "years", "published"),
        [
            (0.01, 2, 1.97),
            (0.03, 15, 11.94),
            (0.05, 10, 7.72),
            (0.06, 20, 11.47),
            (0.08, 20, 9.82),
            (0.10, 15, 7.61),
            (0.15, 20, 6.26),
            (0.02, 20, 16.35),
        ],
    )
    def test_nusummefaktor_table(self, rate: float, years: int, published: float) -> None:
        """Energimyndigheten, energikartläggning handbook (EKL), Tabell 2
        "Nusummefaktor": UPV = (1 − (1 + r)^−n)/r, published to two decimals."""
        assert round(dc.upv(rate, years), 2) == published

    @pytest.mark.parametrize("years", [1, 7, 15, 40])
    def test_nusummefaktor_zero_rate_is_n(self, years: int) -> None:
        """Same table: at 0 % the nusummefaktor is the number of years."""
        assert dc.upv(0.0, years) == years

    def test_led_retrofit_example(self) -> None:
        """Energimyndigheten EKL handbook, Exempel 3 (LED retrofit): 50 000 kr,
        20 years, real kalkylränta 6 %, saving 6 500 kr/yr → nusummefaktor 11.47
        (exact 11.4699), PV of savings 74 555 kr (exact 74 554.49), NPV +24 555 kr."""
        factor = dc.upv(0.06, 20)
        assert round(factor, 2) == 11.47
        assert factor == pytest.approx(11.4699, abs=5e-5)
        pv = 6500 * factor
        assert pv == pytest.approx(74554.49, abs=0.005)
        # the handbook multiplies by the rounded factor: 11.47 × 6 500 = 74 555
        assert round(round(factor, 2) * 6500) == 74555
        assert round(round(factor, 2) * 6500) - 50000 == 24555
        flows = [-50000.0] + [6500.0] * 20
        assert lcc.npv(0.06, flows) == pytest.approx(24554.49, abs=0.005)

    def test_swedish_r_minus_e_approximation(self) -> None:
        """energihandbok.se "Livscykelkostnad": 5 % real rate, 3 % real energy
        price increase, 20 years. The handbook rule uses 5 − 3 = 2 % → 16.35
        (16.3514); the exact UPV*(5 %, 3 %, 20) is 16.4437, 0.56 % higher."""
        approx = dc.upv(0.05 - 0.03, 20)
        exact = dc.upv_star(0.05, 0.03, 20)
        assert approx == pytest.approx(16.3514, abs=5e-5)
        assert exact == pytest.approx(16.4437, abs=5e-5)
        assert exact / approx - 1 == pytest.approx(0.0056, abs=5e-5)

    def test_fisher_femp_2024(self) -> None:
        """FEMP 2024 discount rates (NIST Handbook 135 annual supplement): real
        3.0 %, nominal 4.2 % → implied inflation 1.042/1.030 − 1 = 1.165 %
        (published 1.2 %); 1.03 × 1.012 − 1 = 4.236 % (published 4.2 %)."""
        implied = dc.real_rate(0.042, 0.03)  # (1+D)/(1+d) − 1 is the same formula
        assert implied == pytest.approx(0.011650, abs=5e-7)
        assert round(implied, 3) == 0.012
        nominal = dc.nominal_rate(0.03, 0.012)
        assert nominal == pytest.approx(0.04236, abs=1e-12)
        assert round(nominal, 3) == 0.042
        # the legacy subtraction is not the same number
        assert dc.legacy_real_rate(0.042, 0.012) == pytest.approx(0.030)
        assert dc.real_rate(0.042, 0.012) == pytest.approx(1.042 / 1.012 - 1)
        assert dc.real_rate(0.042, 0.012) != pytest.approx(0.030, abs=1e-4)

    def test_mid_year(self) -> None:
        """NIST Handbook 135 mid-year convention: UPV(3 %, 15) = 11.93794;
        mid-year equivalent = 1.03^0.5 × 11.93794 = 12.1157."""
        assert dc.upv(0.03, 15) == pytest.approx(11.93794, abs=5e-6)
        assert dc.upv(0.03, 15, "middle") == pytest.approx(12.1157, abs=5e-5)

    def test_crf_is_reciprocal_of_upv_and_published(self) -> None:
        """CRF(5 %, 10) = 0.05/(1 − 1.05^−10) = 0.129505 (standard annuity
        table, EN 15459-1 annuity factor)."""
        assert dc.crf(0.05, 10) == pytest.approx(0.1295045750, rel=1e-9)
        assert dc.crf(0.0, 8) == 1 / 8


class TestLimits:
    def test_upv_star_equal_rates_is_n(self) -> None:
        assert dc.upv_star(0.04, 0.04, 12) == 12.0
        assert dc.upv_star(0.04, 0.04, 12, "middle") == pytest.approx(12 * 1.04**0.5)

    def test_tiny_rates_are_exact(self) -> None:
        # series expansion: UPV ≈ n − n(n+1)/2 · d for tiny d
        d = 1e-12
        assert dc.upv(d, 30) == pytest.approx(30 - 30 * 31 / 2 * d, rel=1e-15)
        assert dc.crf(1e-15, 10) == pytest.approx(0.1, rel=1e-12)
        assert dc.upv_star(0.05, 0.05 + 1e-14, 10) == pytest.approx(10, rel=1e-12)

    def test_arrays_broadcast(self) -> None:
        d = np.array([0.0, 0.03, 0.06])
        out = dc.upv(d, 20)
        assert out.shape == (3,)
        assert out[0] == 20.0
        assert out[2] == pytest.approx(11.4699, abs=5e-5)
        grid = dc.upv_star(d[:, None], np.array([0.0, 0.03]), 20)
        assert grid.shape == (3, 2)
        assert grid[1, 1] == 20.0

    @pytest.mark.parametrize(
        "call",
        [
            lambda: dc.upv(-1.0, 10),
            lambda: dc.upv(-1.5, 10),
            lambda: dc.spv(-1.0, 3),
            lambda: dc.upv_star(0.03, -1.0, 10),
            lambda: dc.upv(0.03, -2),
            lambda: dc.crf(0.03, 0),
            lambda: dc.upv(0.03, 10, timing="later"),
            lambda: dc.upv(float("nan"), 10),
            lambda: dc.real_rate(0.03, -1.0),
            lambda: dc.upv_star(0.03, [0.01, 0.02], 5),
        ],
    )
    def test_bad_inputs_raise_lccerror(self, call) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(lcc.LCCError):
            call()

    def test_short_sequence_names_missing_years(self) -> None:
        with pytest.raises(lcc.LCCError, match=r"years 3\.\.5 are missing"):
            dc.upv_star(0.03, [0.01, 0.02], 5)


class TestContinuous:
    def test_continuous_upv_is_sum_of_exponentials(self) -> None:
        """Σ_{k=1..3} e^(−0.05·k) written out: e^−0.05 + e^−0.10 + e^−0.15."""
        expected = math.exp(-0.05) + math.exp(-0.10) + math.exp(-0.15)
        assert dc.upv(0.05, 3, "continuous") == pytest.approx(expected, rel=1e-14)

    def test_continuous_spv(self) -> None:
        assert dc.spv(0.05, 10, continuous=True) == pytest.approx(math.exp(-0.5))
        assert dc.discount_factor(0.05, 10, "continuous") == pytest.approx(math.exp(-0.5))


class TestNpvIrr:
    def test_npv_flow_zero_is_not_discounted(self) -> None:
        # 100 at t = 0, 110 at t = 1 at 10 %: 100 + 110/1.1 = 200
        assert lcc.npv(0.10, [100, 110]) == pytest.approx(200.0)
        # middle: the year-1 amount sits at t = 0.5
        assert lcc.npv(0.10, [0, 110], timing="middle") == pytest.approx(110 / 1.1**0.5)

    @given(rate=S.discount_rates, flows=S.cash_flows)
    def test_npv_matches_numpy_financial(self, rate: float, flows: list[float]) -> None:
        """numpy_financial.npv puts values[0] at t = 0, as lcc.npv does."""
        expected = npf.npv(rate, flows)
        assert lcc.npv(rate, flows) == pytest.approx(expected, rel=1e-9, abs=1e-6)

    @given(
        invest=st.floats(min_value=100, max_value=1e6),
        returns=st.lists(st.floats(min_value=1, max_value=1e5), min_size=1, max_size=25),
    )
    def test_irr_matches_numpy_financial(self, invest: float, returns: list[float]) -> None:
        """Conventional flows (one sign change) have one IRR; both must agree."""
        flows = [-invest, *returns]
        expected = npf.irr(flows)
        got = lcc.irr(flows)
        if math.isnan(expected):
            assert math.isnan(got)
        else:
            assert got == pytest.approx(expected, rel=1e-6, abs=1e-9)
            # a rate of 100 % or more goes to npv as text, as every rate lcc reads
            rate = got if abs(got) < 1 else f"{got * 100!r} %"
            assert lcc.npv(rate, flows) == pytest.approx(0.0, abs=1e-6 * invest)

    def test_irr_published(self) -> None:
        """numpy-financial documentation example: irr([-100, 39, 59, 55, 20]) = 0.28095."""
        assert lcc.irr([-100, 39, 59, 55, 20]) == pytest.approx(0.28095, abs=5e-6)

    def test_irr_none(self) -> None:
        assert math.isnan(lcc.irr([100, 10, 10]))


class TestProperties:
    @given(d=S.discount_rates, n=S.years, timing=S.discrete_timings)
    def test_upv_equals_sum_of_discount_factors(self, d: float, n: int, timing: str) -> None:
        offset = {"end": 0.0, "middle": 0.5, "beginning": 1.0}[timing]
        explicit = math.fsum((1 + d) ** -(k - offset) for k in range(1, n + 1))
        assert dc.upv(d, n, timing) == pytest.approx(explicit, rel=1e-11)

    @given(d=S.discount_rates, e=S.escalation_rates, n=S.years, timing=S.discrete_timings)
    def test_upv_star_equals_explicit_sum(self, d: float, e: float, n: int, timing: str) -> None:
        offset = {"end": 0.0, "middle": 0.5, "beginning": 1.0}[timing]
        explicit = math.fsum((1 + e) ** k * (1 + d) ** -(k - offset) for k in range(1, n + 1))
        assert dc.upv_star(d, e, n, timing) == pytest.approx(explicit, rel=1e-10)

    @given(d=S.discount_rates, n=S.years, timing=S.timings)
    def test_upv_star_zero_escalation_is_upv(self, d: float, n: int, timing: str) -> None:
        assert dc.upv_star(d, 0.0, n, timing) == pytest.approx(dc.upv(d, n, timing), rel=1e-12)

    @given(d=S.discount_rates, e=S.escalation_rates, n=S.years, timing=S.timings)
    def test_constant_sequence_equals_scalar(self, d: float, e: float, n: int, timing: str) -> None:
        assert dc.upv_star(d, [e] * n, n, timing) == pytest.approx(
            dc.upv_star(d, e, n, timing), rel=1e-10
        )

    @given(data=st.data(), d=S.discount_rates, n=st.integers(1, 30))
    def test_sequence_equals_explicit_products(self, data: st.DataObject, d: float, n: int) -> None:
        seq = data.draw(S.escalation_sequences(n))
        factor, total = 1.0, 0.0
        for k in range(1, n + 1):
            factor *= 1 + seq[k - 1]
            total += factor * (1 + d) ** -k
        assert dc.upv_star(d, seq, n) == pytest.approx(total, rel=1e-10)

    @given(d1=S.positive_rates, d2=S.positive_rates, t=st.floats(0.1, 80))
    def test_spv_decreasing_in_d(self, d1: float, d2: float, t: float) -> None:
        lo, hi = sorted((d1, d2))
        assert dc.spv(hi, t) <= dc.spv(lo, t)
        if hi - lo > 1e-9:
            assert dc.spv(hi, t) < dc.spv(lo, t)

    @given(d=S.discount_rates, i=S.inflation_rates)
    def test_real_nominal_round_trip(self, d: float, i: float) -> None:
        assert dc.real_rate(dc.nominal_rate(d, i), i) == pytest.approx(d, abs=1e-14)

    @given(d=S.positive_rates, n=S.years)
    def test_crf_times_upv_is_one(self, d: float, n: int) -> None:
        assert dc.crf(d, n) * dc.upv(d, n) == pytest.approx(1.0, rel=1e-14)


class TestGeometricSum:
    """The one geometric-series function that upv, upv_star and the engine use."""

    @pytest.mark.parametrize("x", [0.5, 0.97, 1.0, 1.03, 2.0])
    @pytest.mark.parametrize("n", [0, 1, 2, 7, 30])
    def test_equals_the_sum_written_out(self, x: float, n: int) -> None:
        expected = math.fsum(x**k for k in range(1, n + 1))
        got = dc.geometric_sum(math.log(x), n)
        assert isinstance(got, float)
        assert got == pytest.approx(expected, rel=1e-13, abs=0.0)

    @pytest.mark.parametrize("lq", [1e-9, -1e-12, 3e-16, -5e-17])
    def test_exact_near_one(self, lq: float) -> None:
        """Σ_{k=1..n} e^(k·lq) for tiny lq: n + lq·n(n+1)/2 + …, no cancellation."""
        n = 40
        expected = n + lq * n * (n + 1) / 2 + lq**2 * n * (n + 1) * (2 * n + 1) / 12
        assert dc.geometric_sum(lq, n) == pytest.approx(expected, rel=1e-15)

    def test_limit_and_empty_sum(self) -> None:
        assert dc.geometric_sum(0.0, 15) == 15.0
        assert dc.geometric_sum(0.0, 12.5) == 12.5
        assert dc.geometric_sum(-0.05, 0) == 0.0
        assert dc.geometric_sum(-0.05, -1) == 0.0

    def test_broadcasts_samples_against_counts(self) -> None:
        lq = np.array([[-0.05], [0.0], [0.02]])  # 3 samples
        n = np.array([0.0, 1.0, 4.0, 10.0])  # 4 counts
        got = dc.geometric_sum(lq, n)
        assert got.shape == (3, 4)
        for i in range(3):
            for j in range(4):
                want = math.fsum(math.exp(k * lq[i, 0]) for k in range(1, int(n[j]) + 1))
                assert got[i, j] == pytest.approx(want, rel=1e-13, abs=0.0)

    def test_scalar_and_array_paths_agree(self) -> None:
        lq = np.linspace(-0.3, 0.3, 61)
        arr = dc.geometric_sum(lq, 25.0)
        one = [dc.geometric_sum(float(v), 25.0) for v in lq]
        np.testing.assert_allclose(arr, one, rtol=1e-14, atol=0.0)

    def test_overflow_is_infinite_not_an_exception(self) -> None:
        assert dc.geometric_sum(50.0, 100) == math.inf
        assert math.isnan(dc.geometric_sum(800.0, 2)) or dc.geometric_sum(800.0, 2) == math.inf

    def test_upv_and_upv_star_are_shifted_geometric_sums(self) -> None:
        d, e, n = 0.04, 0.015, 20
        for name, rule in dc.TIMING_TABLE.items():
            lam = d if rule.continuous else math.log1p(d)
            shift = math.exp(rule.offset * lam)
            assert dc.upv(d, n, name) == pytest.approx(dc.geometric_sum(-lam, n) * shift,
                                                       rel=1e-15)
            assert dc.upv_star(d, e, n, name) == pytest.approx(
                dc.geometric_sum(math.log1p(e) - lam, n) * shift, rel=1e-15)


class TestTimingTable:
    """One table of timing conventions (DESIGN §3), read by discounting and the engine."""

    def test_table_is_the_convention(self) -> None:
        assert dc.TIMINGS == ("end", "middle", "beginning", "continuous")
        assert {k: (r.offset, r.continuous) for k, r in dc.TIMING_TABLE.items()} == {
            "end": (0.0, False), "middle": (0.5, False), "beginning": (1.0, False),
            "continuous": (0.0, True)}
        assert all(dc.timing_offset(k) == r.offset for k, r in dc.TIMING_TABLE.items())
        with pytest.raises(TypeError):
            dc.TIMING_TABLE["end"] = dc.TimingRule("end", 0.2, False)  # type: ignore[index]

    def test_unknown_timing_is_refused(self) -> None:
        with pytest.raises(lcc.LCCError, match="expected one of end, middle"):
            dc.timing_rule("mid")
        with pytest.raises(lcc.LCCError, match="timing"):
            dc.upv(0.03, 10, "mid")

    @pytest.mark.parametrize("timing", ["end", "middle", "beginning", "continuous"])
    def test_upv_is_the_sum_of_its_discount_factors(self, timing: str) -> None:
        d, n = 0.05, 12
        rule = dc.timing_rule(timing)
        flows = math.fsum(dc.discount_factor(d, k - rule.offset, timing) for k in range(1, n + 1))
        assert dc.upv(d, n, timing) == pytest.approx(flows, rel=1e-13)
        assert rule.log_rate(d) == pytest.approx(d if rule.continuous else math.log1p(d))

    @pytest.mark.parametrize("timing", ["end", "middle", "beginning", "continuous"])
    def test_engine_reads_the_same_table(self, timing: str) -> None:
        from lcc.engine import _terms, context_for

        assert _terms.geometric is dc.geometric_sum
        study = lcc.Study("10 yr", 0.05, timing=timing)
        alt = lcc.Alternative("A", lcc.Recurring("100 SEK/yr", escalation=0.02))
        ctx = context_for(lcc.engine.compile_alternative(alt, study))
        rule = dc.TIMING_TABLE[timing]
        assert (ctx.offset, ctx.continuous) == (rule.offset, rule.continuous)
        assert ctx.lam == rule.log_rate(0.05)
        assert float(lcc.evaluate(alt, study).value) == pytest.approx(
            100 * dc.upv_star(0.05, 0.02, 10, timing), rel=1e-14)


def test_a_rate_with_a_unit_is_a_fraction_and_npv_refuses_a_bare_percentage() -> None:
    """``lcc.npv(Q_(5, "%"), flows)`` took the quantity's magnitude, 5, for 500 %, and
    ``lcc.npv(5, flows)`` was 500 % too (−88.33 instead of 11.56 for −100, 60, 60); a text
    such as ``"5 %"`` stopped with a ValueError. Rates given with a unit are read as
    fractions everywhere in the module; npv refuses a bare rate of 1 or more as every rate
    field does. −100 + 60/1.05 + 60/1.05² = 11.5646…"""
    at5 = -100 + 60 / 1.05 + 60 / 1.05**2
    for rate in (0.05, "5 %", "5%", lcc.Q_(5, "%"), "0,05"):
        assert lcc.npv(rate, [-100, 60, 60]) == pytest.approx(at5, rel=1e-14)
    assert lcc.npv("200 %", [-100, 60, 60]) == pytest.approx(-100 + 60 / 3 + 60 / 9,
                                                             rel=1e-14)
    for bare in (5, "4", [0.03, 5]):
        with pytest.raises(lcc.LCCError) as info:
            lcc.npv(bare, [-100, 60, 60])
        assert (info.value.field, info.value.code) == ("npv.rate", "invalid-value")
        assert "a rate is a fraction per year, so this would be" in str(info.value)
    with pytest.raises(lcc.LCCError, match="expected a plain number"):
        lcc.npv("5 SEK", [-100, 60, 60])
    spv, upv, crf = dc.spv, dc.upv, dc.crf
    for rate in ("3 %", lcc.Q_(3, "%")):
        assert spv(rate, 10) == pytest.approx(1.03**-10, rel=1e-15)
        assert upv(rate, 20) == pytest.approx((1 - 1.03**-20) / 0.03, rel=1e-14)
        assert crf(rate, 20) == pytest.approx(0.03 / (1 - 1.03**-20), rel=1e-14)
        assert spv(rate, 10, continuous=True) == pytest.approx(math.exp(-0.3), rel=1e-15)


@pytest.mark.parametrize(("call", "field"), [
    (lambda: dc.upv(4, 20), "upv.d"), (lambda: dc.spv(5, 10), "spv.d"),
    (lambda: dc.spv("5", 10, continuous=True), "spv.d"), (lambda: dc.crf(3, 10), "crf.d"),
    (lambda: dc.discount_factor(2, 3), "discount_factor.d"),
    (lambda: dc.upv_star(4, 0.02, 10), "upv_star.d"),
    (lambda: dc.upv_star(0.04, 2, 10), "upv_star.e"),
    (lambda: dc.upv_star(0.04, [0.01, 2], 2), "upv_star.e"),
    (lambda: dc.real_rate(4, 0.02), "real_rate.nominal"),
    (lambda: dc.nominal_rate(0.03, 2), "nominal_rate.inflation"),
    (lambda: dc.legacy_real_rate(0.04, 2), "legacy_real_rate.inflation"),
    (lambda: dc.upv(np.array([0.03, 4.0]), 20), "upv.d")])
def test_every_factor_refuses_a_bare_percentage(call: Any, field: str) -> None:
    """``upv(4, 20)`` for a kalkylränta of 4 % was 0.25 (400 %) instead of 13.5903, without a
    word; every factor now reads a rate as every rate field does (DESIGN §6)."""
    with pytest.raises(lcc.LCCError) as info:
        call()
    assert (info.value.field, info.value.code) == (field, "invalid-value")
    assert "a rate is a fraction per year, so this would be" in str(info.value)


def test_rates_of_100_percent_or_more_are_written_as_text_and_lcc_takes_them() -> None:
    """(1 − 2.5^−20)/1.5 = 0.666667: a rate of 150 % as text; and a study at '150 %' keeps
    its annual value, CRF(1.5, 2) = 1.5/(1 − 2.5^−2) = 1.785714 (the model read the rate)."""
    assert dc.upv("150 %", 20) == pytest.approx((1 - 2.5**-20) / 1.5, rel=1e-14)
    assert dc.upv_star(0.03, ["1 %", "2 %"], 2) == pytest.approx(
        1.01 / 1.03 + 1.01 * 1.02 / 1.03**2, rel=1e-14)
    study = lcc.Study("2 yr", "150 %")
    r = lcc.evaluate(lcc.Alternative("A", lcc.Investment("100 SEK")), study)
    assert r.annual_value.magnitude == pytest.approx(100 * 1.5 / (1 - 2.5**-2), rel=1e-14)
