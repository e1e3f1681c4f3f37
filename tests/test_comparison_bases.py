"""The comparison bases for different service lives (annuity, cost per service year) with a
later service start, under continuous timing, and when an alternative cannot be evaluated
over its own life."""

from __future__ import annotations

import math

import pytest

import lcc
from lcc import LCCError

#: 1 000 SEK bought, life 10 years, 100 SEK a year, d = 4 %, N = 20.
S = lcc.Study("20 yr", 0.04)


def _bid(name: str, start: int = 0) -> lcc.Alternative:
    return lcc.Alternative(name, lcc.Investment("1000 SEK", life="10 yr"),
                           lcc.Recurring("100 SEK/yr"), start=start)


def test_a_later_service_start_is_no_cheaper_year_of_use() -> None:
    """Own-life LCC = 1 000 + 100 × UPV(4 %, 10) = 1 000 + 811.09 = 1 811.09 SEK; annuity =
    1 811.09 × CRF(4 %, 10) = 1 811.09 × 0.123291 = 223.29 SEK/yr; per service year
    1 811.09 / 10 = 181.11 SEK. A bid entering service 2 years later is the same product:
    it was valued at 174.08 (annuity) and 141.19, and ranked first, because its own life was
    cut to 8 years of service."""
    upv = (1 - 1.04 ** -10) / 0.04
    own = 1000 + 100 * upv
    for policy, expected in (("annuity", own / upv), ("per_service_year", own / 10)):
        c = lcc.compare([_bid("Now"), _bid("Later", start=2)], S, policy=policy)
        summary = c.summary
        assert summary["annual_value"].to_list() == pytest.approx([expected, expected])
        assert summary["rank"].to_list() == [1, 1]
        # the LCC column stays the PV at the base date of each own life
        assert summary.loc["Later", "lcc"] == pytest.approx(own / 1.04 ** 2)
    assert own / upv == pytest.approx(223.29, abs=0.005)


def test_a_later_start_in_a_nominal_study_is_valued_at_the_base_price_level() -> None:
    """The nominal twin of S (i = 2 %, D = 1.04 × 1.02 − 1 = 6.08 %) ranks as S does.

    Own-life PV at the base date: Now 1 811.09; Later 1 811.09 / 1.04² (its amounts carry
    1.02^t of inflation, discounted at 1.0608^t). Brought to its start at D it was
    1 811.09 × 1.02² = 1 884.26 — the same product 4 % dearer per year of use, and
    a cheaper later bid (here 1 850 SEK own-life, real) ranked behind Now. At the base price
    level (÷ 1.02²) it is 1 811.09 again: annuity 1 811.09 × CRF(6.08 %, 10) for both."""
    twin = lcc.Study("20 yr", 1.04 * 1.02 - 1, inflation=0.02)
    own = 1000 + 100 * (1 - 1.04 ** -10) / 0.04
    d = 1.04 * 1.02 - 1
    crf = d / (1 - (1 + d) ** -10)
    for policy, expected in (("annuity", own * crf), ("per_service_year", own / 10)):
        c = lcc.compare([_bid("Now"), _bid("Later", start=2)], twin, policy=policy)
        assert c.summary["annual_value"].to_list() == pytest.approx([expected, expected])
        assert c.summary["rank"].to_list() == [1, 1]
    cheaper = lcc.Alternative("Later", lcc.Investment("990 SEK", life="10 yr"),
                              lcc.Recurring("100 SEK/yr"), start=2)
    for study in (S, twin):
        assert lcc.compare([_bid("Now"), cheaper], study, policy="annuity").best == "Later"


def test_a_start_after_the_own_life_does_not_stop_the_study_period_comparison() -> None:
    """Entering service at t = 5 with a life of 4 years in a 20-year study evaluates, and
    compare() stopped with 'enters service at t = 5, at or after the end of the study (t = 4)'
    (its own-life study ran from the base date)."""
    later = lcc.Alternative("Later", lcc.Investment("1000 SEK", life="4 yr"),
                            lcc.Recurring("50 SEK/yr"), start=5)
    c = lcc.compare([_bid("Now"), later], S)
    assert c.summary.loc["Later", "lcc"] == pytest.approx(lcc.evaluate(later, S).value)


def test_an_alternative_that_cannot_be_evaluated_over_its_own_life() -> None:
    """A carbon price path for the 10 study years and a life of 15 years: the study-period
    comparison runs and says the other bases were not checked; the annuity basis is refused
    with the alternative and the years it needs named."""
    study = lcc.Study("10 yr", 0.04, carbon_price=lcc.ByYear([1.0] * 10, "SEK/kg"))
    energy = dict(annual="1000 kWh/yr", price="1 SEK/kWh", emission_factor="0.1 kg/kWh")
    alts = [lcc.Alternative("A", lcc.Investment("1000 SEK", life="15 yr"), lcc.Energy(**energy)),
            lcc.Alternative("B", lcc.Investment("1500 SEK", life="8 yr"), lcc.Energy(**energy))]
    c = lcc.compare(alts, study)
    assert c.summary["lcc"].to_list() == pytest.approx(
        [lcc.evaluate(a, study).value for a in alts])
    assert any("A cannot be evaluated over its own service life" in n and "11..15" in n
               for n in c.notes)
    assert any("kan inte beräknas över sin egen livslängd" in n for n in c.notes_in("sv"))
    with pytest.raises(LCCError, match="'annuity' evaluates each alternative over its own "
                                       "service life, here 15 years from the base date"):
        lcc.compare(alts, study, policy="annuity")


def test_continuous_timing_annual_value_and_airr() -> None:
    """d = 5 % continuous, N = 10, LCC = 1 000 + 100 × Σ e^(−0.05 k) = 1 000 + 767.43:
    annual value = LCC / Σ e^(−0.05 k) = 230.31 SEK/yr (the summary gave 228.89, the
    end-of-year CRF). AIRR, a continuous rate as d is, = d + ln(SIR)/N."""
    study = lcc.Study("10 yr", 0.05, timing="continuous")
    base = lcc.Alternative("Base", lcc.Recurring("300 SEK/yr", category="energy"))
    new = lcc.Alternative("New", lcc.Investment("1000 SEK"),
                          lcc.Recurring("100 SEK/yr", category="energy"))
    factor = sum(math.exp(-0.05 * k) for k in range(1, 11))
    summary = lcc.compare([base, new], study, baseline="Base").summary
    assert summary.loc["New", "annual_value"] == pytest.approx((1000 + 100 * factor) / factor)
    assert summary.loc["New", "annual_value"] == pytest.approx(230.31, abs=0.005)
    sir = 200 * factor / 1000
    assert summary.loc["New", "sir"] == pytest.approx(sir)
    assert summary.loc["New", "airr"] == pytest.approx(0.05 + math.log(sir) / 10)
    # reinvested at d, the savings grow to 200 × Σ e^(0.05 (10 − k)); over the investment,
    # that is e^(10 × AIRR)
    terminal = sum(200 * math.exp(0.05 * (10 - k)) for k in range(1, 11))
    assert math.exp(10 * summary.loc["New", "airr"]) == pytest.approx(terminal / 1000)


def test_the_json_reason_of_measures_of_an_alternative_that_adds_no_investment() -> None:
    """The reason matched a note's old wording and fell back to 'not a finite number'."""
    study = lcc.Study("10 yr", 0.05)
    base = lcc.Alternative("Base", lcc.Investment("1000 SEK"),
                           lcc.Recurring("500 SEK/yr", category="energy"))
    e = lcc.Alternative("E", lcc.Investment("500 SEK"),
                        lcc.Recurring("550 SEK/yr", category="energy"))
    row = lcc.compare([base, e], study, baseline="Base").to_dict()["alternatives"][1]
    for key in ("sir", "airr"):
        assert row[key]["value"] is None
        assert row[key]["reason"].startswith("SIR and AIRR of E are not defined: it adds no "
                                             "investment-related cost")
    # E is 500 SEK ahead at year 0 and falls 50 SEK behind a year: 500 − 50·10 = 0 at year 10,
    # never below 0 (simple payback 0); discounted it stays ahead (DESIGN §3)
    assert row["simple_payback"] == {"value": 0, "unit": "yr"}
    assert row["discounted_payback"] == {"value": 0, "unit": "yr"}


def test_best_is_the_first_of_alternatives_tied_for_the_lowest() -> None:
    """1 000 000.0001 and 1 000 000 SEK differ by 1e-10 relative: a tie, both rank 1, and
    best is the first (it was the second, by a plain argmin)."""
    a = lcc.Alternative("A", lcc.Investment("1000000.0001 SEK"))
    b = lcc.Alternative("B", lcc.Investment("1000000 SEK"))
    c = lcc.compare([a, b], lcc.Study("10 yr", 0.0), baseline="A")
    assert c.summary["rank"].to_list() == [1, 1]
    assert c.best == "A"


def test_the_continuous_nominal_twin_and_its_trace() -> None:
    """Continuous factors e^(−D·t) with inflation (1 + i)^t: the nominal twin of a real rate
    d is D = d + ln(1 + i), and the trace says so (it stated Fisher's discrete relation)."""
    alt = lcc.Alternative("A", lcc.Investment("1000 SEK"), lcc.Recurring("100 SEK/yr"))
    real = lcc.evaluate(alt, lcc.Study("10 yr", 0.04, timing="continuous"))
    twin = lcc.evaluate(alt, lcc.Study("10 yr", 0.04 + math.log1p(0.025), inflation=0.025,
                                       timing="continuous"))
    assert twin.value == pytest.approx(real.value, rel=1e-12)
    assert real.value == pytest.approx(1000 + 100 * sum(math.exp(-0.04 * k)
                                                        for k in range(1, 11)))
    assert "D = d + ln(1 + i)" in twin.explain()
    assert "(1 + D) = (1 + d)(1 + i)" not in twin.explain()
