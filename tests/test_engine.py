"""The engine through the model API: hand-computed cases, published examples, properties.

Each hand-computed case writes its year-by-year flows out and checks their
present value with numpy_financial.npv (values[0] at t = 0), independently
of lcc's closed forms.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lcc
from tests import strategies as S

Q_ = lcc.Q_


def flows_of(result: lcc.LCCResult, kind: str = "nominal", column: str = "total") -> list[float]:
    return [float(x) for x in result.cash_flows[kind][column]]


# ---------------------------------------------------------------- published examples


def test_reference_led_retrofit_through_the_model() -> None:
    """Energimyndigheten EKL handbook, Exempel 3: 50 000 kr LED retrofit, 20 years, 6 %
    real, saving 6 500 kr/yr → PV of savings 74 554.49 kr, NPV +24 554.49 kr (the LCC of
    the retrofit relative to doing nothing is −24 554.49)."""
    study = lcc.Study("20 yr", 0.06)
    alt = lcc.Alternative(
        "LED retrofit",
        lcc.Investment("50000 kr"),
        lcc.Recurring("-6500 kr/yr", category="energy"),
    )
    r = lcc.evaluate(alt, study)
    assert r.by_category["energy"] == pytest.approx(-74554.49, abs=0.005)
    assert r.total.to("SEK").magnitude == pytest.approx(-24554.49, abs=0.005)


class TestReferenceYearByYear:
    """REFERENCE §2 item 8 (computed outside the library from DESIGN §3): real study,
    N = 10, d = 4 %, timing "middle"."""

    @pytest.fixture(scope="class")
    @staticmethod
    def result() -> lcc.LCCResult:
        study = lcc.Study("10 yr", 0.04, timing="middle")
        alt = lcc.Alternative(
            "Reference",
            lcc.Investment("20000 SEK", life="4 yr", escalation=0.01),
            lcc.Energy(annual="3000 kWh/yr", price="1.50 SEK/kWh", escalation=0.02),
            lcc.Recurring("800 SEK/yr"),
            lcc.Periodic("2500 SEK", every="3 yr"),
            lcc.Disposal("1000 SEK"),
        )
        return lcc.evaluate(alt, study)

    def test_undiscounted_flows_by_year(self, result: lcc.LCCResult) -> None:
        # 0: 20 000 investment; 1: 4 500·1.02 + 800 = 5 390; 3: 4 500·1.02³ + 800 + 2 500;
        # 4: replacement 20 000·1.01⁴ = 20 812.08 + 4 500·1.02⁴ + 800; 10: residual
        # −2/4·20 000·1.01¹⁰ = −11 046.22 + 4 500·1.02¹⁰ + 800 + disposal 1 000
        expected = [20000.00, 5390.00, 5481.80, 8075.44, 26483.02, 5768.36, 8367.73,
                    5969.09, 27729.60, 8677.92, -3760.75]
        got = flows_of(result)
        assert got == pytest.approx(expected, abs=0.005)

    def test_replacement_and_residual_flows(self, result: lcc.LCCResult) -> None:
        repl = flows_of(result, column="replacement")
        assert repl[4] == pytest.approx(20812.08, abs=0.005)
        assert repl[8] == pytest.approx(21657.13, abs=0.005)
        assert sum(1 for x in repl if x) == 2
        assert flows_of(result, column="residual")[10] == pytest.approx(-11046.22, abs=0.005)

    def test_present_values_by_category(self, result: lcc.LCCResult) -> None:
        expected = {"acquisition": 20000.00, "replacement": 33614.91, "residual": -7462.43,
                    "energy": 41306.85, "maintenance": 12571.96, "end_of_life": 675.56}
        assert list(result.by_category.index) == list(expected)
        for cat, value in expected.items():
            assert result.by_category[cat] == pytest.approx(value, abs=0.005), cat
        assert float(result.value) == pytest.approx(100706.85, abs=0.005)

    def test_present_value_columns_sum_to_the_closed_form(self, result: lcc.LCCResult) -> None:
        pv = result.cash_flows["present_value"]
        for cat in result.by_category.index:
            assert pv[cat].sum() == pytest.approx(result.by_category[cat], rel=1e-12)


# ---------------------------------------------------------------- one case per item type

D = 0.05
STUDY5 = lcc.Study("5 yr", D)


def pv_end(flows: list[float]) -> float:
    return float(npf.npv(D, flows))


def test_oneoff_escalated_to_its_year() -> None:
    # 1 000 at t = 2 escalated 3 %/yr: 1 000·1.03² = 1 060.90 in year 2
    alt = lcc.Alternative("A", lcc.OneOff("1000 SEK", at=2, escalation=0.03))
    r = lcc.evaluate(alt, STUDY5)
    flows = [0, 0, 1060.90, 0, 0, 0]
    assert flows_of(r) == pytest.approx(flows)
    assert float(r.value) == pytest.approx(pv_end(flows), rel=1e-12)
    assert list(r.by_category.index) == ["maintenance"]


def test_periodic_occurrences() -> None:
    # every 2 years from t = 2 up to N = 5: t = 2 and 4
    r = lcc.evaluate(lcc.Alternative("A", lcc.Periodic("500 SEK", every="2 yr")), STUDY5)
    flows = [0, 0, 500, 0, 500, 0]
    assert flows_of(r) == pytest.approx(flows)
    assert float(r.value) == pytest.approx(pv_end(flows), rel=1e-12)


def test_periodic_includes_an_occurrence_at_n() -> None:
    # every 5 years, N = 10: t = 5 and 10 (last defaults to N, included)
    study = lcc.Study("10 yr", D)
    r = lcc.evaluate(lcc.Alternative("A", lcc.Periodic("500 SEK", every="5 yr")), study)
    flows = [0.0] * 11
    flows[5] = flows[10] = 500.0
    assert flows_of(r) == pytest.approx(flows)
    assert float(r.value) == pytest.approx(float(npf.npv(D, flows)), rel=1e-12)


def test_recurring_window() -> None:
    # 100 SEK/yr in years 2..4, end of year
    r = lcc.evaluate(lcc.Alternative("A", lcc.Recurring("100 SEK/yr", start=2, end=4)), STUDY5)
    flows = [0, 0, 100, 100, 100, 0]
    assert flows_of(r) == pytest.approx(flows)
    assert float(r.value) == pytest.approx(pv_end(flows), rel=1e-12)


def test_energy_from_power_and_hours() -> None:
    # 45 W × 4 000 h/yr = 180 kWh/yr; × 1.20 SEK/kWh = 216 SEK/yr for 5 years
    energy = lcc.Energy(power="45 W", hours="4000 h/yr", price="1.20 SEK/kWh")
    r = lcc.evaluate(lcc.Alternative("A", energy), STUDY5)
    flows = [0] + [216.0] * 5
    assert flows_of(r) == pytest.approx(flows)
    assert r.by_category["energy"] == pytest.approx(pv_end(flows), rel=1e-12)


def test_water_litres_priced_per_cubic_metre() -> None:
    # 2 800 l/yr = 2.8 m³/yr; × 45 SEK/m³ = 126 SEK/yr
    water = lcc.Water(annual="2800 l/yr", price="45 SEK/m**3")
    r = lcc.evaluate(lcc.Alternative("A", water), STUDY5)
    flows = [0] + [126.0] * 5
    assert flows_of(r) == pytest.approx(flows)
    assert r.by_category["water"] == pytest.approx(pv_end(flows), rel=1e-12)


def test_replacement_component_and_its_residual() -> None:
    # 300 SEK every 2 years, N = 5: replacements at t = 2, 4; the last (t = 4) has
    # 4 + 2 − 5 = 1 of 2 years left → residual 300 × 1/2 = 150 at t = 5
    r = lcc.evaluate(lcc.Alternative("A", lcc.Replacement("300 SEK", every="2 yr")), STUDY5)
    flows = [0, 0, 300, 0, 300, -150]
    assert flows_of(r) == pytest.approx(flows)
    assert float(r.value) == pytest.approx(pv_end(flows), rel=1e-12)
    assert set(r.by_category.index) == {"replacement", "residual"}


def test_residual_and_disposal_items() -> None:
    # resale 1 000 at N = 5 (negative cost) and disposal 200 at N; disposal at t = 3 too
    alt = lcc.Alternative("A", lcc.Residual("1000 SEK"), lcc.Disposal("200 SEK"),
                          lcc.Disposal("50 SEK", at=3))
    r = lcc.evaluate(alt, STUDY5)
    flows = [0, 0, 0, 50, 0, -800]
    assert flows_of(r) == pytest.approx(flows)
    assert r.by_category["residual"] == pytest.approx(-1000 / 1.05**5)
    assert r.by_category["end_of_life"] == pytest.approx(200 / 1.05**5 + 50 / 1.05**3)


def test_investment_with_disposal_at_each_replacement() -> None:
    # 1 000 SEK, life 2 yr, N = 5: replacements at 2 and 4, disposal 100 at each; the unit in
    # service at 5 is not disposed of by this item; residual 1 000 × (4 + 2 − 5)/2 = 500
    alt = lcc.Alternative("A", lcc.Investment("1000 SEK", life="2 yr", disposal="100 SEK"))
    r = lcc.evaluate(alt, STUDY5)
    flows = [1000, 0, 1100, 0, 1100, -500]
    assert flows_of(r) == pytest.approx(flows)
    assert float(r.value) == pytest.approx(pv_end(flows), rel=1e-12)
    assert r.by_category["end_of_life"] == pytest.approx(100 / 1.05**2 + 100 / 1.05**4)


def test_residual_fraction_and_amount() -> None:
    # life 8 yr, N = 5: no replacement; fraction 0.3 → 300 at t = 5; amount 250 SEK → 250
    frac = lcc.Alternative("A", lcc.Investment("1000 SEK", life="8 yr", residual=0.3))
    amount = lcc.Alternative("B", lcc.Investment("1000 SEK", life="8 yr", residual="250 SEK"))
    none = lcc.Alternative("C", lcc.Investment("1000 SEK", life="8 yr", residual=None))
    linear = lcc.Alternative("D", lcc.Investment("1000 SEK", life="8 yr"))
    assert flows_of(lcc.evaluate(frac, STUDY5))[5] == pytest.approx(-300)
    assert flows_of(lcc.evaluate(amount, STUDY5))[5] == pytest.approx(-250)
    assert "residual" not in lcc.evaluate(none, STUDY5).by_category.index
    # linear: 3 of 8 years left → 1 000 × 3/8 = 375
    assert flows_of(lcc.evaluate(linear, STUDY5))[5] == pytest.approx(-375)


def test_replacement_with_escalation_and_at() -> None:
    # bought at t = 1, life 3, N = 10, escalation 2 %: replacements at 4 and 7 (10 is not
    # strictly before N); residual: last at 7, 7 + 3 − 10 = 0 years left → 0
    alt = lcc.Alternative("A", lcc.Investment("1000 SEK", at=1, life="3 yr", escalation=0.02))
    study = lcc.Study("10 yr", D)
    r = lcc.evaluate(alt, study)
    flows = [0.0] * 11
    flows[1] = 1000 * 1.02
    flows[4] = 1000 * 1.02**4
    flows[7] = 1000 * 1.02**7
    assert flows_of(r) == pytest.approx(flows)
    assert float(r.value) == pytest.approx(float(npf.npv(D, flows)), rel=1e-12)


def test_fractional_life() -> None:
    # life 2.5 yr, N = 5: ⌈5/2.5⌉ − 1 = 1 replacement at t = 2.5 (year 3), residual 0
    alt = lcc.Alternative("A", lcc.Investment("1000 SEK", life="2.5 yr"))
    r = lcc.evaluate(alt, STUDY5)
    assert flows_of(r) == pytest.approx([1000, 0, 0, 1000, 0, 0])
    assert r.by_category["replacement"] == pytest.approx(1000 / 1.05**2.5)


def test_emission_priced_with_the_study_carbon_price() -> None:
    # 100 kg/yr CO2e at 1.5 SEK/kg: 150 SEK/yr in category externality; 500 kg in 5 years
    study = lcc.Study("5 yr", D, carbon_price="1.5 SEK/kg")
    energy = lcc.Energy(annual="1000 kWh/yr", price="1 SEK/kWh", emission_factor="0.1 kg/kWh")
    r = lcc.evaluate(lcc.Alternative("A", energy), study)
    assert r.by_category["externality"] == pytest.approx(pv_end([0] + [150.0] * 5))
    assert r.emissions["CO2e"] == pytest.approx(500.0)
    assert r.emissions_by_year["CO2e"].tolist() == pytest.approx([0] + [100.0] * 5)


def test_emission_item_with_own_price_and_unpriced_pollutant() -> None:
    nox = lcc.Emission(annual="2 kg/yr", pollutant="NOx", price="50 SEK/kg")
    pm = lcc.Emission(annual="0.1 kg/yr", pollutant="PM")
    r = lcc.evaluate(lcc.Alternative("A", nox, pm), STUDY5)
    assert r.by_category["externality"] == pytest.approx(pv_end([0] + [100.0] * 5))
    assert r.emissions["PM"] == pytest.approx(0.5)
    assert any("no price for PM" in w for w in r.warnings)


# ---------------------------------------------------------------- timing conventions


@pytest.mark.parametrize(
    ("timing", "expected"),
    [
        # 100/yr for 3 years at 5 %, placed at t = k, k − 0.5, k − 1
        ("end", 100 / 1.05 + 100 / 1.05**2 + 100 / 1.05**3),
        ("middle", 100 / 1.05**0.5 + 100 / 1.05**1.5 + 100 / 1.05**2.5),
        ("beginning", 100 + 100 / 1.05 + 100 / 1.05**2),
        ("continuous", 100 * (math.exp(-0.05) + math.exp(-0.10) + math.exp(-0.15))),
    ],
)
def test_timing_conventions(timing: str, expected: float) -> None:
    study = lcc.Study("3 yr", 0.05, timing=timing)
    r = lcc.evaluate(lcc.Alternative("A", lcc.Recurring("100 SEK/yr")), study)
    assert float(r.value) == pytest.approx(expected, rel=1e-12)
    # the cash-flow table puts a flow at t into year ⌈t⌉
    years = {"end": [0, 1, 1, 1], "middle": [0, 1, 1, 1], "beginning": [1, 1, 1, 0],
             "continuous": [0, 1, 1, 1]}[timing]
    assert flows_of(r) == pytest.approx([100.0 * y for y in years])


def test_middle_timing_checked_with_numpy_financial() -> None:
    # mid-year: PV = (1 + d)^0.5 × npv of the same amounts at year ends
    study = lcc.Study("4 yr", 0.07, timing="middle")
    r = lcc.evaluate(lcc.Alternative("A", lcc.Recurring("250 SEK/yr", escalation=0.03)), study)
    amounts = [0] + [250 * 1.03**k for k in range(1, 5)]
    assert float(r.value) == pytest.approx(1.07**0.5 * float(npf.npv(0.07, amounts)), rel=1e-12)


def test_one_offs_are_not_shifted_by_timing() -> None:
    for timing in ("end", "middle", "beginning"):
        study = lcc.Study("5 yr", 0.05, timing=timing)
        r = lcc.evaluate(lcc.Alternative("A", lcc.OneOff("1000 SEK", at=3)), study)
        assert float(r.value) == pytest.approx(1000 / 1.05**3, rel=1e-12)


# ---------------------------------------------------------------- start, quantity, currency


def test_service_start_offsets_everything_but_the_end() -> None:
    # enters service at s = 2 of N = 6: investment at t = 2, life 3 → replacement at 5,
    # residual (5 + 3 − 6)/3 = 2/3 at t = 6; recurring 100/yr in years 3..6; disposal at 6
    alt = lcc.Alternative(
        "Later", lcc.Investment("900 SEK", life="3 yr"), lcc.Recurring("100 SEK/yr"),
        lcc.Disposal("50 SEK"), lcc.OneOff("10 SEK", at=1), start=2,
    )
    r = lcc.evaluate(alt, lcc.Study("6 yr", D))
    flows = [0, 0, 900, 110, 100, 1000, 100 - 600 + 50]
    assert flows_of(r) == pytest.approx(flows)
    assert float(r.value) == pytest.approx(float(npf.npv(D, flows)), rel=1e-12)


def test_quantity_multiplies_flows_and_emissions() -> None:
    study = lcc.Study("5 yr", D, carbon_price="1 SEK/kg")
    items = (lcc.Investment("1000 SEK", life="2 yr"),
             lcc.Energy(annual="10 kWh/yr", price="2 SEK/kWh", emission_factor="1 kg/kWh"))
    one = lcc.evaluate(lcc.Alternative("one", *items), study)
    three = lcc.evaluate(lcc.Alternative("three", *items, quantity=3), study)
    assert float(three.value) == pytest.approx(3 * float(one.value), rel=1e-14)
    assert three.emissions["CO2e"] == pytest.approx(150.0)
    assert flows_of(three) == pytest.approx([3 * x for x in flows_of(one)])


def test_currencies_with_exchange_rates() -> None:
    # 0.1 EUR/kWh at 11.48 SEK/EUR = 1.148 SEK/kWh; 1 000 kWh/yr → 1 148 SEK/yr
    rates = lcc.ExchangeRates("SEK", {"EUR": 11.48}, date="2024", source="Riksbanken")
    study = lcc.Study("5 yr", D, exchange_rates=rates)
    alt = lcc.Alternative("A", lcc.Energy(annual="1000 kWh/yr", price="0.1 EUR/kWh"),
                          lcc.Investment("2 kEUR"))
    r = lcc.evaluate(alt, study)
    assert r.by_category["energy"] == pytest.approx(pv_end([0] + [1148.0] * 5))
    assert r.by_category["acquisition"] == pytest.approx(22960.0)
    assert "1 EUR = 11.48\xa0SEK" in r.explain()


def test_currency_mix_without_rates_says_how_to_declare_them() -> None:
    alt = lcc.Alternative("A", lcc.Investment("2 kEUR"))
    with pytest.raises(lcc.LCCError, match=r"in EUR but the study currency is SEK.*"
                                           r"exchange_rates=lcc\.ExchangeRates"):
        lcc.evaluate(alt, STUDY5)


def test_study_in_euros() -> None:
    rates = lcc.ExchangeRates("SEK", {"EUR": 11.48})
    study = lcc.Study("5 yr", D, currency="EUR", exchange_rates=rates)
    r = lcc.evaluate(lcc.Alternative("A", lcc.Investment("11480 SEK")), study)
    assert r.total.to("EUR").magnitude == pytest.approx(1000.0)


# ---------------------------------------------------------------- per-year sequences


def test_per_year_sequence_too_short_names_missing_years() -> None:
    alt = lcc.Alternative("A", lcc.Recurring(lcc.ByYear([100, 110, 120], "SEK/yr")))
    with pytest.raises(lcc.LCCError, match=r"missing: 4, 5"):
        lcc.evaluate(alt, STUDY5)


def test_per_year_sequence_too_long_is_cut_with_a_warning() -> None:
    alt = lcc.Alternative("A", lcc.Recurring(lcc.ByYear([100, 110, 120, 130, 140, 150, 160],
                                                       "SEK/yr")))
    r = lcc.evaluate(alt, STUDY5)
    assert flows_of(r) == pytest.approx([0, 100, 110, 120, 130, 140])
    assert any("cut to years 1..5" in w for w in r.warnings)


def test_escalation_sequence_and_calendar_carbon_path() -> None:
    # escalation 10 % in year 1, 0 % after: the amount of year k ≥ 1 is 110
    alt = lcc.Alternative("A", lcc.Recurring("100 SEK/yr", escalation=[0.10, 0, 0, 0, 0]))
    assert flows_of(lcc.evaluate(alt, STUDY5)) == pytest.approx([0] + [110.0] * 5)
    # a carbon price path by calendar year: study year k is calendar year 2025 + k − 1
    path = lcc.ByYear([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "SEK/kg", first_year=2024)
    study = lcc.Study("5 yr", 0.0, base_year=2025, carbon_price=path)
    em = lcc.Alternative("E", lcc.Emission(annual="10 kg/yr"))
    r = lcc.evaluate(em, study)
    assert flows_of(r) == pytest.approx([0, 20, 30, 40, 50, 60])
    assert any("cut" in w and "2025..2029" in w for w in r.warnings)


def test_flows_outside_the_period_are_warned_not_dropped_silently() -> None:
    alt = lcc.Alternative("A", lcc.OneOff("100 SEK", at=7), lcc.Recurring("1 SEK/yr", end=9))
    r = lcc.evaluate(alt, STUDY5)
    assert any("at t = 7, after the end of the study" in w for w in r.warnings)
    assert any("years 6..9 left out" in w for w in r.warnings)


# ---------------------------------------------------------------- real and nominal


def test_real_study_and_its_nominal_twin() -> None:
    # real d = 3 %, inflation 2 %: the nominal twin has D = 1.03·1.02 − 1 = 5.06 %
    items = (lcc.Investment("1000 SEK", life="4 yr", escalation=0.01),
             lcc.Recurring("100 SEK/yr", escalation=0.02), lcc.Disposal("80 SEK"))
    real = lcc.evaluate(lcc.Alternative("A", *items), lcc.Study("10 yr", 0.03))
    nominal = lcc.evaluate(lcc.Alternative("A", *items),
                           lcc.Study("10 yr", 1.03 * 1.02 - 1, inflation=0.02))
    assert float(nominal.value) == pytest.approx(float(real.value), rel=1e-12)
    # year 1 of the nominal table is inflated: 100·1.02 (escalation) · 1.02 (inflation)
    assert flows_of(nominal, column="maintenance")[1] == pytest.approx(100 * 1.02 * 1.02)


def test_fixed_price_contract_is_not_inflated_in_a_nominal_study() -> None:
    # 100 SEK/yr fixed in current money, 3 years, D = 5.06 %: PV = 100·UPV(5.06 %, 3)
    rate = 1.03 * 1.02 - 1
    study = lcc.Study("3 yr", rate, inflation=0.02)
    alt = lcc.Alternative("A", lcc.Recurring("100 SEK/yr", indexed=False))
    r = lcc.evaluate(alt, study)
    assert flows_of(r) == pytest.approx([0, 100, 100, 100])
    assert float(r.value) == pytest.approx(sum(100 / (1 + rate) ** k for k in (1, 2, 3)))


def test_indexed_false_in_a_real_study_is_noted() -> None:
    r = lcc.evaluate(lcc.Alternative("A", lcc.Recurring("1 SEK/yr", indexed=False)), STUDY5)
    assert any("indexed=False has no effect" in w for w in r.warnings)


# ---------------------------------------------------------------- samples


def test_samples_of_discount_rate_and_life() -> None:
    rates = np.array([0.0, 0.03, 0.06])
    lives = Q_(np.array([3.0, 4.0, 7.0]), "yr")
    alt = lcc.Alternative("A", lcc.Investment("1000 SEK", life=lives),
                          lcc.Recurring("100 SEK/yr"))
    r = lcc.evaluate(alt, lcc.Study("10 yr", rates))
    assert r.total.magnitude.shape == (3,)
    for i in range(3):
        single = lcc.evaluate(
            lcc.Alternative("A", lcc.Investment("1000 SEK", life=Q_(float(lives[i].magnitude),
                                                                    "yr")),
                            lcc.Recurring("100 SEK/yr")),
            lcc.Study("10 yr", float(rates[i])))
        assert r.value[i] == pytest.approx(float(single.value), rel=1e-12)
    # d = 0, L = 3: 3 replacements (3, 6, 9), residual (9 + 3 − 10)/3 = 2/3 of 1 000
    assert r.value[0] == pytest.approx(1000 + 3000 - 2000 / 3 + 1000)
    assert set(r.by_category.columns) == {"mean", "std", "p5", "p50", "p95"}
    # acquisition, replacement, residual, maintenance
    assert r.samples_by_category.shape == (3, 4)


def test_overrides_by_parameter_name() -> None:
    price = lcc.Parameter("el", "1.2 SEK/kWh")
    alt = lcc.Alternative("A", lcc.Energy(annual="1000 kWh/yr", price=price))
    base = lcc.evaluate(alt, STUDY5)
    hi = lcc.evaluate(alt, STUDY5, overrides={"el": 2.4})
    assert float(hi.value) == pytest.approx(2 * float(base.value))
    both = lcc.evaluate(alt, STUDY5, overrides={"el": np.array([1.2, 2.4]),
                                                "discount_rate": 0.0})
    assert both.value.tolist() == pytest.approx([6000.0, 12000.0])
    with pytest.raises(lcc.LCCError, match=r"unknown parameter 'gas'; known parameters: "
                                           r"discount_rate, el$"):
        lcc.evaluate(alt, STUDY5, overrides={"gas": 1.0})
    with pytest.raises(lcc.LCCError, match=r"unknown parameter 'El' \(did you mean 'el'\?\)"):
        lcc.evaluate(alt, STUDY5, overrides={"El": 1.0})


def test_override_in_another_unit_scale() -> None:
    # a parameter declared in öre/kWh is overridden in öre/kWh
    price = lcc.Parameter("el", "120 öre/kWh")
    alt = lcc.Alternative("A", lcc.Energy(annual="1000 kWh/yr", price=price))
    r = lcc.evaluate(alt, lcc.Study("1 yr", 0.0), overrides={"el": 60})
    assert float(r.value) == pytest.approx(600.0)


# ---------------------------------------------------------------- properties


@settings(max_examples=150, deadline=None)
@given(n=st.integers(1, 40), a=st.integers(0, 10), life=st.floats(0.5, 30))
def test_replacement_count_property(n: int, a: int, life: float) -> None:
    """Replacements fall at a + mL strictly before N: ⌈(N − a)/L⌉ − 1 of them
    (counted here by stepping, not by the formula)."""
    if a >= n:
        return
    alt = lcc.Alternative("A", lcc.Investment("1 SEK", at=a, life=Q_(life, "yr")))
    r = lcc.evaluate(alt, lcc.Study(Q_(n, "yr"), 0.0))
    steps, t = 0, a + life
    while t < n - 1e-9:
        steps += 1
        t += life
    assert r.by_category["replacement"] == pytest.approx(steps)


@settings(max_examples=150, deadline=None)
@given(n=st.integers(1, 40), a=st.integers(0, 10), life=st.floats(0.5, 30),
       e=S.escalation_rates)
def test_residual_is_between_zero_and_the_cost_at_year_n_prices(n: int, a: int, life: float,
                                                               e: float) -> None:
    if a > n:
        return
    alt = lcc.Alternative("A", lcc.Investment("1000 SEK", at=a, life=Q_(life, "yr"),
                                              escalation=e))
    r = lcc.evaluate(alt, lcc.Study(Q_(n, "yr"), 0.0))
    residual = -r.by_category["residual"]
    assert -1e-9 <= residual <= 1000 * (1 + e) ** n * (1 + 1e-12)


def _random_alternative(draw: st.DrawFn) -> lcc.Alternative:
    items = [
        lcc.Investment(Q_(draw(S.amounts), "SEK"), at=draw(st.integers(0, 3)),
                       life=Q_(draw(st.floats(1, 25)), "yr"), escalation=draw(S.escalation_rates),
                       disposal=Q_(draw(S.amounts), "SEK")),
        lcc.Energy(annual=Q_(draw(S.amounts), "kWh/yr"), price="1.1 SEK/kWh",
                   escalation=draw(S.escalation_rates)),
        lcc.Recurring(Q_(draw(S.amounts), "SEK/yr"), start=draw(st.integers(1, 3))),
        lcc.Periodic(Q_(draw(S.amounts), "SEK"), every=Q_(draw(st.integers(1, 6)), "yr"),
                     escalation=draw(S.escalation_rates)),
        lcc.Disposal(Q_(draw(S.amounts), "SEK")),
        lcc.Residual(Q_(draw(S.amounts), "SEK"), escalation=draw(S.escalation_rates)),
    ]
    return lcc.Alternative("R", *items, start=draw(st.integers(0, 3)))


@st.composite
def alternatives(draw: st.DrawFn) -> lcc.Alternative:
    return _random_alternative(draw)


@settings(max_examples=60, deadline=None)
@given(alt=alternatives(), n=st.integers(5, 40), timing=S.timings)
def test_zero_rate_is_the_undiscounted_sum(alt: lcc.Alternative, n: int, timing: str) -> None:
    r = lcc.evaluate(alt, lcc.Study(Q_(n, "yr"), 0.0, timing=timing))
    assert float(r.value) == pytest.approx(r.cash_flows["nominal"]["total"].sum(), rel=1e-9)


@settings(max_examples=60, deadline=None)
@given(alt=alternatives(), n=st.integers(5, 40), d=S.discount_rates, timing=S.timings)
def test_closed_forms_equal_the_per_year_sum(alt: lcc.Alternative, n: int, d: float,
                                             timing: str) -> None:
    r = lcc.evaluate(alt, lcc.Study(Q_(n, "yr"), d, timing=timing))
    pv = r.cash_flows["present_value"]
    for cat in r.by_category.index:
        assert pv[cat].sum() == pytest.approx(r.by_category[cat], rel=1e-9, abs=1e-6)


@settings(max_examples=60, deadline=None)
@given(alt=alternatives(), n=st.integers(5, 40), d=S.discount_rates, i=S.inflation_rates,
       timing=S.discrete_timings)
def test_real_equals_nominal(alt: lcc.Alternative, n: int, d: float, i: float,
                             timing: str) -> None:
    real = lcc.evaluate(alt, lcc.Study(Q_(n, "yr"), d, timing=timing))
    nominal = lcc.evaluate(alt, lcc.Study(Q_(n, "yr"), (1 + d) * (1 + i) - 1, inflation=i,
                                          timing=timing))
    assert float(nominal.value) == pytest.approx(float(real.value), rel=1e-9, abs=1e-6)


@settings(max_examples=30, deadline=None)
@given(d=S.discount_rates, i=S.inflation_rates, n=st.integers(2, 30))
def test_real_equals_nominal_continuous(d: float, i: float, n: int) -> None:
    """With continuous discounting the twin's rate is continuously compounded:
    D = d + ln(1 + i)."""
    alt = lcc.Alternative("A", lcc.Recurring("100 SEK/yr", escalation=0.01),
                          lcc.Investment("500 SEK", life="3 yr"))
    real = lcc.evaluate(alt, lcc.Study(Q_(n, "yr"), d, timing="continuous"))
    nominal = lcc.evaluate(alt, lcc.Study(Q_(n, "yr"), d + math.log1p(i), inflation=i,
                                          timing="continuous"))
    assert float(nominal.value) == pytest.approx(float(real.value), rel=1e-9)


@settings(max_examples=25, deadline=None)
@given(rates=st.lists(S.discount_rates, min_size=2, max_size=6),
       data=st.data())
def test_array_inputs_equal_a_loop_over_scalars(rates: list[float], data: st.DataObject) -> None:
    k = len(rates)
    lives = data.draw(st.lists(st.floats(1, 20), min_size=k, max_size=k))
    prices = data.draw(st.lists(st.floats(0.1, 3), min_size=k, max_size=k))
    escal = data.draw(st.lists(S.escalation_rates, min_size=k, max_size=k))

    def build(life: object, price: object, e: object) -> lcc.Alternative:
        return lcc.Alternative(
            "A", lcc.Investment("1000 SEK", life=life, escalation=e),
            lcc.Energy(annual="500 kWh/yr", price=price, escalation=e),
            lcc.Periodic("200 SEK", every="3 yr"),
        )

    vec = lcc.evaluate(build(Q_(np.array(lives), "yr"), Q_(np.array(prices), "SEK/kWh"),
                             np.array(escal)), lcc.Study("25 yr", np.array(rates)))
    for j in range(k):
        one = lcc.evaluate(build(Q_(lives[j], "yr"), Q_(prices[j], "SEK/kWh"), escal[j]),
                           lcc.Study("25 yr", rates[j]))
        assert vec.value[j] == pytest.approx(float(one.value), rel=1e-10)
    flows = vec.cash_flows["present_value"]["total"].sum()
    assert flows == pytest.approx(float(np.mean(vec.value)), rel=1e-9)


def test_eu_cost_optimal_carbon_floor_path_by_calendar_year() -> None:
    """Regulation 244/2012 floors from the shipped table (20 EUR/t until 2025, 35 until
    2030, 50 after; 2008 prices) as a ByYear by calendar year, aligned with base_year."""
    table = lcc.data.load("eu_cost_optimal_carbon_price_floor")
    years = list(range(2024, 2036))

    def floor(year: int) -> float:
        for row in table.itertuples():
            lo = -math.inf if np.isnan(row.first_year) else row.first_year
            hi = math.inf if np.isnan(row.last_year) else row.last_year
            if lo <= year <= hi:
                return float(row.price_floor)
        raise AssertionError(year)

    unit = table.attrs["units"]["price_floor"]
    path = lcc.ByYear([floor(y) for y in years], unit, first_year=2024)
    rates = lcc.ExchangeRates("SEK", {"EUR": 10.0})
    study = lcc.Study("10 yr", 0.0, base_year=2025, carbon_price=path, exchange_rates=rates)
    r = lcc.evaluate(lcc.Alternative("A", lcc.Emission(annual="1000 kg/yr")), study)
    # study years 1..10 = 2025..2034: 1 t/yr × (20 + 5·35 + 4·50) EUR/t × 10 SEK/EUR
    assert float(r.value) == pytest.approx((20 + 5 * 35 + 4 * 50) * 10)
    assert r.cash_flows["nominal"]["externality"].tolist()[1:3] == pytest.approx([200, 350])


def test_product_of_parameters_reaches_sensitivity() -> None:
    """Energy/yr = 45 W × 4 000 h/yr × (1 − 0.2) / 0.9 = 160 kWh/yr (45 × 4 000 = 180 kWh,
    × 0.8 = 144, / 0.9 = 160); every factor is a Parameter that an override can move."""
    hours = lcc.Parameter("operating_hours", "4000 h/yr")
    savings = lcc.Parameter("savings", 0.2)
    efficiency = lcc.Parameter("efficiency", "90 %")
    annual = lcc.Product("45 W", hours, lcc.one_minus(savings), lcc.reciprocal(efficiency))
    alt = lcc.Alternative("A", lcc.Energy(annual=annual, price="1 SEK/kWh"))
    assert [p.name for p in alt.parameters()] == ["operating_hours", "savings", "efficiency"]
    study = lcc.Study("1 yr", 0.0)
    assert float(lcc.evaluate(alt, study).value) == pytest.approx(160.0)
    # 45 W × [1 000, 2 000] h/yr × (1 − 0.5) / 1.00 = [22.5, 45] kWh/yr (efficiency in %)
    moved = lcc.evaluate(alt, study, overrides={"savings": 0.5, "efficiency": "100 %",
                                                "operating_hours": np.array([1000., 2000.])})
    assert moved.value.tolist() == pytest.approx([22.5, 45.0])
    # one value for a parameter in percent is read as an analysis reads it: a bare number is
    # a fraction (0.8 is 80 %: 45 W × 4 000 h/yr × 0.8 / 0.8 = 180 kWh/yr), and 100 would
    # be 10 000 %
    assert float(lcc.evaluate(alt, study, overrides={"efficiency": 0.8}).value) == \
        pytest.approx(180.0, rel=1e-12)
    with pytest.raises(lcc.LCCError, match=r"^overrides\['efficiency'\]: got the bare number "
                                           r"100 for a value in %; .* did you mean 100 %\? "
                                           r"Write it as text, '100 %'$"):
        lcc.evaluate(alt, study, overrides={"efficiency": 100})
    assert "45 W × Operating hours 4 000\xa0h/yr × (1 − Savings 0.2) × 1/Efficiency 90\xa0%" \
        in lcc.evaluate(alt, study).explain()


def test_product_dimension_is_checked() -> None:
    with pytest.raises(lcc.LCCError, match=r"Energy\.annual: got .*energy per time"):
        lcc.Energy(annual=lcc.Product("45 W", "4000 h"), price="1 SEK/kWh")
    with pytest.raises(lcc.LCCError, match=r"1 − x needs a plain number"):
        lcc.Energy(annual=lcc.Product("45 W", lcc.one_minus("3 h")), price="1 SEK/kWh")
    # a product for a count: 3 stations × 12 units each
    alt = lcc.Alternative("A", lcc.Investment("100 SEK"), quantity=lcc.Product(3, 12))
    assert float(lcc.evaluate(alt, lcc.Study("1 yr", 0.0)).value) == pytest.approx(3600)


def test_reciprocal_of_a_quantity() -> None:
    """Embodied CO2e spread over a life: 90 kg × 1/(8 yr) = 11.25 kg/yr, 90 kg over 8 years;
    the life is a Parameter in its own unit (months here: 96 month = 8 yr; an override of 48
    months doubles the yearly emission)."""
    life = lcc.Parameter("life", "96 month")
    alt = lcc.Alternative("A", lcc.Emission(annual=lcc.Product("90 kg", lcc.reciprocal(life))))
    study = lcc.Study("8 yr", 0.0, carbon_price="1 SEK/kg")
    assert float(lcc.evaluate(alt, study).value) == pytest.approx(90.0)
    moved = lcc.evaluate(alt, study, overrides={"life": np.array([48.0, 192.0])})
    assert moved.value.tolist() == pytest.approx([180.0, 45.0])
    with pytest.raises(lcc.LCCError, match=r"1/x of zero"):
        lcc.Emission(annual=lcc.Product("90 kg", lcc.reciprocal("0 yr")))


@pytest.mark.parametrize("every", ["10 yr", "11 yr", "30 yr"])
def test_a_replacement_never_made_in_the_study_credits_no_residual(every: str) -> None:
    """Replacement 1 000 SEK every ≥ 10 years, 10-year study at 3 %: no replacement falls
    strictly before t = 10, so the item bought nothing; its first unit is another item's
    (an Investment's, whose residual value counts it). The LCC was −496.06 SEK at 30 years
    (1 000 × 20/30 × 1.03^−10 credited for a unit never bought) and −67.64 at 11."""
    r = lcc.evaluate(lcc.Alternative("A", lcc.Replacement("1000 SEK", every=every)),
                     lcc.Study("10 yr", "3 %"))
    assert r.value == 0.0
    assert "no replacement within the study, so this item bought no unit to credit" in \
        r.explain()


def test_a_replacement_made_in_the_study_leaves_its_residual_value() -> None:
    """Every 9 years in a 10-year study at 3 %: bought at t = 9, 8 of 9 years left at
    t = 10: 1 000 × 1.03^−9 − 1 000 × 8/9 × 1.03^−10 = 766.4167 − 661.4168 = 105.00 SEK;
    with samples of the interval (30 and 9 years) each sample follows its own rule."""
    r = lcc.evaluate(lcc.Alternative("A", lcc.Replacement("1000 SEK", every="9 yr")),
                     lcc.Study("10 yr", "3 %"))
    assert r.value == pytest.approx(1000 * 1.03**-9 - 1000 * 8 / 9 * 1.03**-10, rel=1e-12)
    assert float(r.value) == pytest.approx(105.00, abs=0.005)
    samples = lcc.Replacement("1000 SEK", every=lcc.Q_(np.array([30.0, 9.0]), "yr"))
    both = lcc.evaluate(lcc.Alternative("A", samples), lcc.Study("10 yr", "3 %")).value
    assert both[0] == 0.0 and both[1] == pytest.approx(float(r.value), rel=1e-12)


@pytest.mark.parametrize(("item", "field"), [
    (lambda: lcc.Investment("5000 SEK", life="50000 yr"), "Investment.life"),
    (lambda: lcc.Replacement("650 SEK", every="501 yr"), "Replacement.every"),
    (lambda: lcc.Investment("5000 SEK", life=lcc.Q_(np.array([20.0, 50000.0]), "yr")),
     "Investment.life"),
])
def test_a_life_longer_than_the_longest_study_is_refused(item: Callable[[], object],
                                                         field: str) -> None:
    """A life of 50 000 years is a datasheet's 50 000 h typed as years: in a 20-year study at
    3 % it credited 5 000 × 49 980/50 000 × 1.03^−20 = 2 767 SEK of a 5 000 SEK price back.
    The bound is the longest study lcc evaluates (Study.period: at most 500 years)."""
    with pytest.raises(lcc.LCCError) as info:
        item()
    assert (info.value.field, info.value.code) == (field, "invalid-value")
    assert "expected at most 500 years" in str(info.value) and "'50000 h'" in str(info.value)
    assert lcc.Investment("5000 SEK", life="500 yr").life == "500 yr"
    # the hours themselves, with the operating hours: 50 000 h ÷ 4 000 h/yr = 12.5 years
    r = lcc.evaluate(lcc.Alternative("A", lcc.Investment("5000 SEK", life="50000 h",
                                                         hours="4000 h/yr")),
                     lcc.Study("20 yr", "3 %"))
    assert "12.5 yr" in r.explain()


def test_a_calculators_life_in_years_has_the_same_bound() -> None:
    from lcc.templates import pump_motor

    with pytest.raises(lcc.LCCError, match="expected at most 500 years") as info:
        pump_motor.alternative("P", shaft_power="10 kW", efficiency=0.8, price="50000 SEK",
                               life="50000 yr", load_profile=[("1000 h/yr", 1.0)],
                               electricity_price="1 SEK/kWh")
    assert info.value.field == "pump_motor.life"
