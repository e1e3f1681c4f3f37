"""The calculation trace after the review of the Python API (findings 5, 6, 7, 8 and 11):
every printed equation holds to the digits shown, with samples too; each figure is in its own
unit when a per-year input carries the money; the warnings of the result are in the trace;
Swedish words and number formats."""

from __future__ import annotations

import re

import numpy as np
import pytest

import lcc

_N = r"(-?−?[\d\u00a0 ]*\d(?:[.,]\d+)?)"


def _n(text: str) -> float:
    return float(text.replace("\u00a0", "").replace(" ", "").replace("−", "-").replace(",", "."))


def _products_hold(text: str) -> int:
    """Re-multiply every 'A × B = C' and 'A × growth g × discount factor f = C' and
    'A at t = N × discount factor f = C' of a trace; return how many were checked."""
    checked = 0
    for line in text.splitlines():
        for m in re.finditer(r"= " + _N + r"\u00a0?[^\d=×]* × " + _N + r"\u00a0?[^\d=×]* = "
                             + _N, line):
            a, b, c = (_n(g) for g in m.groups())
            assert abs(a * b - c) <= 0.0051 * max(1.0, abs(b)) + 0.006, line
            checked += 1
        for m in re.finditer(_N + r"\u00a0?(?:SEK|kr) × (?:growth|tillväxt) " + _N
                             + r" × (?:discount factor|diskonteringsfaktor) " + _N + " = "
                             + _N, line):
            a, g, d, c = (_n(x) for x in m.groups())
            assert abs(a * g * d - c) <= 0.006 + abs(a) * 1e-7, line
            checked += 1
        for m in re.finditer(r"= " + _N + r"\u00a0?(?:SEK|kr) (?:at|vid) t = \d+ × "
                             r"(?:discount factor|diskonteringsfaktor) " + _N + " = " + _N,
                             line):
            a, d, c = (_n(x) for x in m.groups())
            assert abs(a * d - c) <= 0.006 + abs(a) * 1e-7, line
            checked += 1
    return checked


SAMPLED = lcc.Alternative(
    "D", lcc.Investment("1000 SEK", life=np.array([3.0, 4.0, 5.0]) * lcc.ureg.year),
    lcc.Recurring("100 SEK/yr"))
SAMPLED_STUDY = lcc.Study("10 yr", np.array([0.02, 0.04, 0.06]))


def test_with_samples_no_equation_of_means_that_does_not_hold() -> None:
    """Lives 3, 4, 5 yr and rates 2, 4, 6 % in a 10-year study (one sample each).

    Replacements ⌈10/L⌉ − 1 = 3, 2, 1: mean 2, from 1 to 3. The last unit is bought at
    t = 9, 8, 5 and leaves 2/3, 1/2 and 0 of its life: residual 666.67, 500, 0 SEK, discounted
    by 1.02^−10 = 0.820348, 1.04^−10 = 0.675564, 1.06^−10 = 0.558395: 546.90, 337.78, 0;
    mean −(546.90 + 337.78 + 0)/3 = −294.89 SEK. The old trace wrote the means as an equation,
    '−388.89 SEK × 0.68476908 = −294.89 SEK' (which is −266.30), and 'L = 4 yr' (no sample
    has it) and '2 replacements 2 on average over the samples'.
    """
    r = lcc.evaluate(SAMPLED, SAMPLED_STUDY)
    en, sv = r.explain(), r.explain("sv")
    assert "service life L = 3–5 yr" in en and "L = 4 yr" not in en
    assert ("⌈(10 − 0)/L⌉ − 1: 2 replacements on average over the samples, from 1 to 3: "
            "1 666.60 SEK") in en
    line = next(x for x in en.splitlines() if x.strip().startswith("Residual value"))
    assert "remaining 0–2 of 3–5 yr" in line
    assert line.endswith("at t = 10 × discount factor, mean over the 3 samples: -294.89 SEK")
    assert "388.89" not in en and "0.68476908" not in line
    assert "on average over the samples: " not in en.replace("from 1 to 3: ", "")
    line = next(x for x in sv.splitlines() if x.strip().startswith("Restvärde"))
    assert line.endswith("medelvärde över de 3 utfallen: −294,89\u00a0kr")
    assert "2 utbyten i genomsnitt över utfallen, från 1 till 3" in sv
    # one factor varies (the UPV of the rate), the amount does not: the equation holds
    # 100 × mean(8.982585, 8.110896, 7.360087) = 100 × 8.1511893 = 815.12
    assert "= 100.00 SEK × 8.1511893 = 815.12 SEK" in en
    assert _products_hold(en) >= 1 and _products_hold(sv) >= 1


def test_with_samples_in_two_factors_the_line_gives_the_mean_present_value() -> None:
    """Power 40, 45, 50 W × 4000 h/yr × price 1, 1.5, 2 SEK/kWh: 160, 270, 400 SEK/yr, mean
    276.67 SEK/yr (the product of the means, 45 W × 4000 h × 1.5 SEK/kWh = 270, is no sample's
    amount). A one-off of 100, 200, 300 SEK at t = 3 with rates 2, 4, 6 %: 100 × 1.02^−3 +
    200 × 1.04^−3 + 300 × 1.06^−3 = 94.23 + 177.80 + 251.89 = 523.92; mean 174.64 SEK."""
    alt = lcc.Alternative(
        "E", lcc.Energy(power=np.array([40.0, 45.0, 50.0]) * lcc.ureg.W, hours="4000 h/yr",
                        price=np.array([1.0, 1.5, 2.0]) * lcc.Q_(1, "SEK/kWh")),
        lcc.OneOff(np.array([100.0, 200.0, 300.0]) * lcc.ureg.SEK, at=3))
    r = lcc.evaluate(alt, SAMPLED_STUDY)
    en, sv = r.explain(), r.explain("sv")
    assert "mean over the 3 samples: 276.67 SEK/yr" in en
    assert "PV = amount × Σ_k c_k·df(t_k), mean over the 3 samples: " in en
    assert ("at t = 3, no escalation: amount × growth × discount factor, mean over the 3 "
            "samples: 174.64 SEK") in en
    assert "[3 utfall, medelvärde 45 W]" in sv and "samples" not in sv
    assert _products_hold(en) == 0 and _products_hold(sv) == 0


CARBON = lcc.Study("10 yr", 0.04, carbon_price=lcc.ByYear(list(range(2, 12)), "SEK/kg"))


def test_a_per_year_carbon_price_prints_the_mass_in_kg_and_the_factor_in_money_per_kg() -> None:
    """c_k = k + 1 SEK/kg in years 1..10 at 4 %: Σ (k+1)·1.04^−k = 50.103144 SEK/kg;
    50 kg × 50.103144 SEK/kg = 2 505.16 SEK (it printed '50.00 SEK × 50.103144')."""
    r = lcc.evaluate(lcc.Alternative("C", lcc.Emission(annual="50 kg/yr")), CARBON)
    en, sv = r.explain(), r.explain("sv")
    assert "the per-year values c_k, 2\u00a0SEK/kg in year 1 to 11\u00a0SEK/kg in year 10" in en
    assert ("PV = amount × Σ_k c_k·df(t_k) = 50.00\u00a0kg × 50.103144\u00a0SEK/kg = "
            "2 505.16 SEK") in en
    assert "= 50,00\u00a0kg × 50,103144\u00a0kr/kg = 2\u00a0505,16\u00a0kr" in sv
    assert "50.00 SEK" not in en


def test_an_energy_emission_factor_under_a_per_year_carbon_price() -> None:
    """45 W × 4000 h/yr = 180 kWh/yr; × 50 g/kWh = 9 kg/yr; 9 × 50.103144 = 450.93 SEK.
    The energy itself: 180 SEK/yr × UPV(4 %, 10) 8.1108958 = 1 459.96 SEK."""
    r = lcc.evaluate(lcc.Alternative("C", lcc.Energy(
        power="45 W", hours="4000 h/yr", price="1 SEK/kWh", emission_factor="50 g/kWh")), CARBON)
    en, sv = r.explain(), r.explain("sv")
    assert "= 9.00\u00a0kg × 50.103144\u00a0SEK/kg = 450.93 SEK" in en
    assert "= 9,00\u00a0kg × 50,103144\u00a0kr/kg = 450,93\u00a0kr" in sv
    assert "= 180.00 SEK × 8.1108958 = 1 459.96 SEK" in en


def test_a_per_year_use_prints_the_price_per_unit_and_the_use_in_its_unit() -> None:
    """1000 kWh/yr in each year at 1.5 SEK/kWh: Σ 1000·1.04^−k = 8 110.8958 kWh;
    × 1.50 SEK/kWh = 12 166.34 SEK (Swedish too: '8 110,90' would give 12 166,35).
    A maintenance cost of 100 SEK/yr given per year: 1 × 811.08958 SEK."""
    r = lcc.evaluate(lcc.Alternative("E", lcc.Energy(
        annual=lcc.ByYear([1000] * 10, "kWh/yr"), price="1.5 SEK/kWh"),
        lcc.Recurring(lcc.ByYear([100] * 10, "SEK/yr"))), CARBON)
    en, sv = r.explain(), r.explain("sv")
    assert "= 1.50\u00a0SEK/kWh × 8110.8958\u00a0kWh = 12 166.34 SEK" in en
    assert "= 1,50\u00a0kr/kWh × 8\u00a0110,8958\u00a0kWh = 12\u00a0166,34\u00a0kr" in sv
    assert "= 1 × 811.08958\u00a0SEK = 811.09 SEK" in en
    assert _products_hold(en) >= 2 and _products_hold(sv) >= 2


def test_the_trace_lists_every_warning_of_the_result_in_the_readers_language() -> None:
    """A 9-year life in a 10-year study buys a unit at t = 9, 1 year before the end:
    1500 × 1.04^−9 = 1 053.88 SEK, which leaves 8/9 of its life: 1500 × 8/9 × 1.04^−10 =
    900.75 SEK back. r.warnings said so, the trace did not; and it said '1 years'."""
    r = lcc.evaluate(lcc.Alternative("B", lcc.Investment("1500 SEK", life="9 yr")),
                     lcc.Study("10 yr", 0.04))
    assert r.warnings == ["B: Investment is bought again at t = 9, 1 year before the end of "
                          "the study (present value 1 053.88\u00a0SEK); its residual value at "
                          "t = 10 credits back 900.75\u00a0SEK (present value)"]
    en, sv = r.explain(), r.explain("sv")
    warned = en[en.index("\nWarnings\n"):]
    assert all(f"  - {w}" in warned for w in r.warnings)
    assert "  - B: Investering köps på nytt vid t = 9, 1 år före kalkylperiodens slut " \
           "(nuvärde 1\u00a0053,88\u00a0kr)" in sv[sv.index("\nVarningar\n"):]
    two = lcc.evaluate(lcc.Alternative("B", lcc.Investment("1500 SEK", life="8 yr")),
                       lcc.Study("10 yr", 0.04))
    assert "at t = 8, 2 years before the end" in two.explain()


def test_every_warning_of_a_result_with_cut_sequences_and_late_purchases_is_in_its_trace() -> None:
    """A too-long escalation list is cut (a compiled warning) and a unit bought at t = 9 of
    10 (a late purchase): both are in r.warnings and in the trace, in English and Swedish."""
    r = lcc.evaluate(lcc.Alternative("B", lcc.Investment("1500 SEK", life="9 yr"),
                                     lcc.Recurring("10 SEK/yr", escalation=[0.01] * 12)),
                     lcc.Study("10 yr", 0.04))
    assert len(r.warnings) == 2
    en = r.explain()
    assert all(w in en[en.index("\nWarnings\n"):] for w in r.warnings)
    sv = r.explain("sv")
    assert sv[sv.index("\nVarningar\n"):].count("\n  - ") == 2


def test_break_even_chart_in_swedish_words_units_and_numbers() -> None:
    """The break-even chart in Swedish: the tornado's 'Skillnad: A − B', the input named in
    words with its unit in Swedish (kr/kWh), the y axis in kr, and a range with decimal
    commas and its unit. A's energy costs 1000 × p a year, B's 500 × p; A's investment
    (1000 SEK, life 4) is cheaper than B's 3000 SEK; between 0.1 and 0.3 SEK/kWh A stays the
    cheaper (no crossing)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import lcc.plot as P

    price = lcc.Parameter("electricity_price", "1.5 SEK/kWh", low="0.8 SEK/kWh",
                          high="3 SEK/kWh")
    a = lcc.Alternative("A", lcc.Investment("1000 SEK", life="4 yr"),
                        lcc.Energy(annual="1000 kWh/yr", price=price))
    b = lcc.Alternative("B", lcc.Investment("3000 SEK", life="15 yr"),
                        lcc.Energy(annual="500 kWh/yr", price=price))
    ax = P.break_even([a, b], lcc.Study("10 yr", 0.04), "electricity_price", lang="sv",
                      values=[0.1, 0.2, 0.3])
    assert ax.get_title() == "Skillnad: A − B"
    assert ax.get_xlabel() == "Elpris [kr/kWh]"
    assert ax.get_ylabel() == "Skillnad i livscykelkostnad [kr]"
    assert [t.get_text() for t in ax.texts] == [
        "Alternativen kostar inte lika mycket någonstans i 0,1\u00a0kr/kWh … 0,3\u00a0kr/kWh"]
    plt.close(ax.figure)


def test_the_hours_to_years_life_in_the_readers_words() -> None:
    """50 000 h ÷ 4 000 h/yr = 12.5 yr; the Swedish trace wrote the input's 'h/yr'."""
    r = lcc.evaluate(lcc.Alternative("L", lcc.Investment("900 SEK", life="50000 h",
                                                         hours="4000 h/yr")),
                     lcc.Study("10 yr", 0.04))
    assert "livslängd L = 50\u00a0000 h ÷ 4\u00a0000 h/år = 12,5 år" in r.explain("sv")
    assert "service life L = 50000 h ÷ 4000 h/yr = 12.5 yr" in r.explain()
    assert "h/yr" not in r.explain("sv")


def test_emissions_grouped_and_exchange_rates_with_their_date_and_source() -> None:
    """580 kg/yr × 10 years = 5 800 kg, grouped as the other figures ('5800 kg' before).
    The rates line had '1 SEK = 1 SEK' and left out the user's date and source."""
    study = lcc.Study("10 yr", 0.04, exchange_rates=lcc.ExchangeRates(
        "SEK", {"EUR": 11.48}, date="2024", source="Riksbanken"))
    r = lcc.evaluate(lcc.Alternative("E", lcc.Investment("100 EUR"),
                                     lcc.Emission(annual="580 kg/yr", pollutant="NOx")), study)
    en, sv = r.explain(), r.explain("sv")
    assert "in years 1..10 = 5 800 kg" in en
    assert "under år 1–10 = 5\u00a0800 kg" in sv or "= 5\u00a0800 kg" in sv
    assert "Exchange rates: 1 EUR = 11.48\u00a0SEK; rates of 2024; source: Riksbanken" in en
    assert "Växelkurser: 1 EUR = 11,48\u00a0kr; kurser per 2024; källa: Riksbanken" in sv
    assert "1 SEK = 1" not in en and "1 kr = 1" not in sv


def test_a_nominal_trace_says_which_items_follow_inflation() -> None:
    """D = 6 %, i = 2 %, end timing, N = 10. Maintenance 200 SEK/yr fixed in current money
    (indexed=False): factor Σ 1.06⁻ᵏ = UPV(6 %, 10) = 7.3600871 — no inflation in it. A
    disposal of 100 SEK at t = 10 (indexed) grows by 1.02¹⁰ = 1.2189944. Both said "no
    escalation", and nothing told the reader which one carries the inflation."""
    study = lcc.Study("10 yr", 0.06, inflation=0.02)
    alt = lcc.Alternative("A", lcc.Recurring("200 SEK/yr", indexed=False),
                          lcc.Disposal("100 SEK", at=10))
    text = lcc.evaluate(alt, study).explain()
    fixed = next(line for line in text.splitlines() if "200 SEK/yr" in line)
    assert fixed.endswith("no escalation, not indexed: a fixed price in current money, "
                          "without inflation")
    assert "7.3600871" in text and f"{(1 - 1.06 ** -10) / 0.06:.7f}" == "7.3600871"
    assert "100 SEK at t = 10, no escalation, and general inflation 2\u00a0% per year" in text
    assert "growth 1.2189944" in text
    sv = lcc.evaluate(alt, study).explain(lang="sv")
    assert "ej indexerad: fast pris i löpande penningvärde, utan inflation" in sv
    assert "och allmän inflation 2\u00a0% per år" in sv
    real = lcc.evaluate(alt, lcc.Study("10 yr", 0.04)).explain()
    items = real.split("Alternative A")[1].split("Present value by category")[0]
    assert "general inflation" not in items and "not indexed" not in items


def test_a_consumption_cut_for_its_energy_and_its_emissions_is_said_once() -> None:
    """A per-year consumption of 8 years in an alternative that starts at t = 2 serves years
    3..8: its energy and its CO2e both read it, and the warning stood twice (also in the
    comparison's notes). Energy, 4 %, end timing: Σ_{k=3..8} (1 000 + 100k) × 1.04⁻ᵏ."""
    study = lcc.Study("8 yr", 0.04)
    alt = lcc.Alternative("A", lcc.Energy(
        annual=lcc.ByYear([1000 + 100 * k for k in range(1, 9)], "kWh/yr"),
        price="1 SEK/kWh", emission_factor="0.2 kg/kWh"), start=2)
    r = lcc.evaluate(alt, study)
    cut = [w for w in r.warnings if "per-year sequence cut" in w]
    assert cut == ["A: Energy: per-year sequence cut to years 3..8 (it covers 1..8)"]
    expected = sum((1000 + 100 * k) * 1.04 ** -k for k in range(3, 9))
    assert float(r.by_category["energy"]) == pytest.approx(expected)
    assert float(r.emissions["CO2e"]) == pytest.approx(sum((1000 + 100 * k) * 0.2
                                                           for k in range(3, 9)))


def test_two_items_left_out_alike_each_have_their_warning() -> None:
    """Noting a warning once per text merged two unlabelled one-off costs at t = 12 of a
    10-year study into one warning: the 90 000 SEK left out had no warning of its own."""
    alt = lcc.Alternative("A", lcc.OneOff("300 SEK", at=12),
                          lcc.OneOff("90000 SEK", at=12, category="replacement"))
    r = lcc.evaluate(alt, lcc.Study("10 yr", 0.03))
    assert r.warnings == ["A: OneOff: at t = 12, after the end of the study (t = 10); "
                          "left out"] * 2


def test_emission_totals_are_whole_kg_and_input_values_keep_their_decimals() -> None:
    """In one block '= 324 162,00 kg' stood beside '= 475 437,60 kg' and '540 270 kg' beside
    '368 365,91 kg': whether a total showed decimals depended on its float being whole. Totals
    of 1 000 kg or more are whole kg (as the comparison's kg column); a value the user wrote,
    12 345.67 SEK, keeps its öre. 1 000 kWh/yr × 0.2 kg/kWh × 10 years = 2 000 kg;
    1 234.567 kWh/yr × 0.2 × 10 = 2 469.134 kg, shown 2 469."""
    study = lcc.Study("10 yr", 0.04)
    alt = lcc.Alternative("A", lcc.Investment("12345.67 SEK"),
                          lcc.Energy(annual="1000 kWh/yr", price="1 SEK/kWh",
                                     emission_factor="0.2 kg/kWh"),
                          lcc.Energy(annual="1234.567 kWh/yr", price="1 SEK/kWh",
                                     emission_factor="0.2 kg/kWh", label="Heat"))
    text = lcc.evaluate(alt, study).explain(lang="sv")
    assert re.search(r"= 2\u00a0000 kg$", text, re.M) and re.search(r"= 2\u00a0469 kg$", text,
                                                                        re.M)
    assert "12\u00a0345,67 kr vid t = 0" in text
