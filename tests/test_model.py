"""Validation of the model: every bad value raises LCCError naming field and value."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

import lcc
from lcc.model import CATEGORIES

Q_ = lcc.Q_


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: lcc.Investment("20000 SEK", life="-4 yr"), r"Investment\.life: got '-4 yr'"),
        (lambda: lcc.Investment("20000 SEK", life="0 yr"), r"Investment\.life.*> 0"),
        (lambda: lcc.Investment("20000 SEK", life=20), r"Investment\.life: got the bare number 20"),
        (lambda: lcc.Investment("-5 SEK"), r"Investment\.amount: got '-5 SEK'"),
        (lambda: lcc.Investment("nan SEK"), r"Investment\.amount.*finite"),
        (lambda: lcc.Investment("inf SEK"), r"Investment\.amount.*finite"),
        (lambda: lcc.Investment(20000), r"Investment\.amount: got the bare number 20000"),
        (lambda: lcc.Investment("20 kWh"), r"Investment\.amount.*no currency"),
        (lambda: lcc.Investment("1 SEK", residual=1.5),
         r"Investment\.residual: got the bare number 1\.5; .* this would be 150 %"),
        (lambda: lcc.Investment("1 SEK", residual=150), r"Investment\.residual: got 150; "
         r"expected a fraction <= 1"),
        (lambda: lcc.Investment("1 SEK", residual="bogus"), r"Investment\.residual"),
        (lambda: lcc.Investment("1 SEK", at=-1), r"Investment\.at: got -1"),
        (lambda: lcc.Investment("1 SEK", escalation=-1.0),
         r"Investment\.escalation: got the bare number -1"),
        (lambda: lcc.Investment("1 SEK", escalation=float("nan")), r"escalation.*finite"),
        (lambda: lcc.Investment("1 SEK", label=5), r"label"),
        (lambda: lcc.Periodic("1 SEK", every="0 yr"), r"Periodic\.every.*> 0"),
        (lambda: lcc.Periodic("1 SEK", every="2 yr", first=4, last=2), r"Periodic\.last"),
        (lambda: lcc.OneOff("1 SEK", at=1, category="fun"), r"OneOff\.category: got 'fun'"),
        (lambda: lcc.Recurring("100 SEK"), r"Recurring\.amount_per_year.*money per year"),
        (lambda: lcc.Recurring("100 SEK/yr", start=0), r"Recurring\.start"),
        (lambda: lcc.Recurring("100 SEK/yr", start=2.5), r"whole number"),
        (lambda: lcc.Recurring("100 SEK/yr", start=3, end=2), r"Recurring\.end"),
        (lambda: lcc.Energy(annual=3000, price="1 SEK/kWh"), r"Energy\.annual: got the bare"),
        (lambda: lcc.Energy(annual="3000 kWh/yr"), r"Energy\.price: missing"),
        (lambda: lcc.Energy(price="1 SEK/kWh"), r"Energy: missing the energy use"),
        (lambda: lcc.Energy(power="45 W", hours=4000, price="1 SEK/kWh"),
         r"Energy\.hours: got the bare number 4000"),
        (lambda: lcc.Energy(power="45 W", hours="40 %", price="1 SEK/kWh"), r"Energy\.hours"),
        (lambda: lcc.Energy(annual="3 kWh/yr", power="4 W", price="1 SEK/kWh"), r"not several"),
        (lambda: lcc.Energy(annual="3 kWh/yr", price="1 SEK/m**3"),
         r"Energy\.annual.*must match the price, which is per volume"),
        (lambda: lcc.Energy(annual="3 kWh/yr", price="1 SEK/h"), r"Energy\.price.*per energy"),
        (lambda: lcc.Water(annual="3 kWh/yr", price="1 SEK/m**3"), r"Water\.annual"),
        (lambda: lcc.Water(annual="3 m**3/yr"), r"Water\.price: missing"),
        (lambda: lcc.Emission(annual="3 kg"), r"Emission\.annual"),
        (lambda: lcc.Emission(annual="3 kg/yr", pollutant=""), r"pollutant"),
        (lambda: lcc.Study(15), r"Study\.period: got the bare number 15"),
        (lambda: lcc.Study("0 yr"), r"Study\.period"),
        (lambda: lcc.Study("10.5 yr"), r"whole number"),
        (lambda: lcc.Study("10 yr", -1.0), r"Study\.discount_rate: got the bare number -1;"),
        (lambda: lcc.Study("10 yr", "3 SEK"), r"Study\.discount_rate"),
        (lambda: lcc.Study("10 yr", 0.03, timing="later"), r"Study\.timing"),
        (lambda: lcc.Study("10 yr", 0.03, currency="XYZ"), r"Study\.currency"),
        (lambda: lcc.Study("10 yr", 0.03, base_year=25), r"Study\.base_year"),
        (lambda: lcc.Study("10 yr", 0.03, carbon_price="7 SEK"), r"Study\.carbon_price"),
        (lambda: lcc.Study("10 yr", 0.03, carbon_price=lcc.ByYear([1, 2], "SEK/kg",
                                                                  first_year=2024)),
         r"base_year"),
        (lambda: lcc.Alternative("", lcc.Investment("1 SEK")), r"Alternative\.name"),
        (lambda: lcc.Alternative("A", "not an item"), r"item 1 is str"),
        (lambda: lcc.Alternative("A", quantity=-2), r"quantity: got -2"),
        (lambda: lcc.Alternative("A", start=1.5), r"start.*whole number"),
        (lambda: lcc.ByYear([1.0, float("nan")]), r"ByYear\.values\[1\]: got nan"),
        (lambda: lcc.ByYear([]), r"ByYear\.values"),
        (lambda: lcc.ByYear([1.0], first_year=0), r"first_year"),
        (lambda: lcc.Parameter("", 1.0), r"Parameter\.name"),
        (lambda: lcc.Parameter("p", 1.0, role="seller"), r"role"),
        (lambda: lcc.Parameter("p", "1 SEK", low="2 SEK", high="1 SEK"), r"low .* greater"),
        (lambda: lcc.Parameter("p", "1 SEK", low=0.5), r"bare number"),
        (lambda: lcc.Parameter("p", "1 SEK/kWh", low="1 kWh"), r"dimension"),
        (lambda: lcc.Parameter("p", 1.0, distribution="normal"), r"scipy\.stats"),
    ],
)
def test_bad_values_raise_named_errors(build, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(lcc.LCCError, match=message):
        build()


def test_parameter_where_a_value_goes() -> None:
    price = lcc.Parameter("el_price", "1.2 SEK/kWh", low="0.8 SEK/kWh", high="2 SEK/kWh",
                          distribution=stats.norm(1.2, 0.1))
    life = lcc.Parameter("life", "12 yr", role="bidder")
    qty = lcc.Parameter("n", 30)
    alt = lcc.Alternative("A", lcc.Energy(annual="100 kWh/yr", price=price),
                          lcc.Investment("1000 SEK", life=life), quantity=qty)
    assert [p.name for p in alt.parameters()] == ["el_price", "life", "n"]
    assert price.low_magnitude == 0.8 and price.unit_text == "SEK/kWh"


def test_parameter_unit_mismatch_in_field() -> None:
    with pytest.raises(lcc.LCCError, match=r"Energy\.price \(Parameter 'p'\)"):
        lcc.Energy(annual="1 kWh/yr", price=lcc.Parameter("p", "1 SEK/h"))
    with pytest.raises(lcc.LCCError, match=r"Parameter 'r' has the unit"):
        lcc.Investment("1 SEK", escalation=lcc.Parameter("r", "1 SEK"))
    with pytest.raises(lcc.LCCError, match=r"Parameter 'x' is the bare number"):
        lcc.Investment(lcc.Parameter("x", 5.0))


def test_two_values_under_one_name_is_an_error() -> None:
    a = lcc.Parameter("price", "1.2 SEK/kWh")
    b = lcc.Parameter("price", "1.5 SEK/kWh")
    with pytest.raises(lcc.LCCError, match=r"two different Parameters are named 'price'"):
        lcc.Alternative("A", lcc.Energy(annual="1 kWh/yr", price=a),
                        lcc.Energy(annual="2 kWh/yr", price=b))
    same = lcc.Parameter("price", "1.2 SEK/kWh")
    lcc.Alternative("A", lcc.Energy(annual="1 kWh/yr", price=a),
                    lcc.Energy(annual="2 kWh/yr", price=same))


def test_samples_of_different_lengths() -> None:
    with pytest.raises(lcc.LCCError, match=r"different lengths"):
        lcc.Alternative("A", lcc.Investment(Q_(np.ones(3), "SEK")),
                        lcc.Investment(Q_(np.ones(4), "SEK")))


def test_items_are_frozen_and_compare_by_value() -> None:
    a = lcc.Investment("20000 SEK", life="4 yr")
    b = lcc.Investment(Q_(20000, "SEK"), life="4 yr")
    assert a == lcc.Investment("20000 SEK", life="4 yr")
    assert a != b  # given differently (string vs quantity): not the same input
    with pytest.raises(AttributeError):
        a.amount = "1 SEK"  # type: ignore[misc]
    assert a.replace(life="5 yr")._life is not None
    assert a.replace(life="5 yr")._life.value == 5.0  # type: ignore[union-attr]


def test_categories_are_the_article_68_set() -> None:
    assert CATEGORIES == ("acquisition", "replacement", "residual", "energy", "water",
                          "consumables", "maintenance", "end_of_life", "externality", "other")


def test_swedish_units_in_items() -> None:
    item = lcc.Investment("50 tkr", life="20 år")
    assert item._amount.value == 50000.0
    assert item._life is not None and item._life.value == 20.0
    energy = lcc.Energy(annual="3 MWh/yr", price="95 öre/kWh")
    assert energy._annual.value == pytest.approx(3000)  # type: ignore[union-attr]
    assert energy._price.value == pytest.approx(0.95)  # type: ignore[union-attr]


def test_a_residual_fraction_written_as_a_percentage_is_offered_its_reading() -> None:
    """``residual=20`` was refused with 'expected a fraction <= 1' and 'Linear' with a
    message about units; the likely reading is now offered: 20 % of the cost, 'linear'."""
    for value in (20, "20", lcc.Parameter("r", 20)):
        with pytest.raises(lcc.LCCError) as info:
            lcc.Investment("1000 SEK", life="20 yr", residual=value)
        assert (info.value.field, info.value.code) == ("Investment.residual", "invalid-value")
        assert str(info.value) == (
            "Investment.residual: got the bare number 20; a residual value given as a number "
            "is a fraction of the installation's cost, so this would be 2000 %; did you mean "
            "20 % = 0.2? Write '20 %' or 0.2")
    with pytest.raises(lcc.LCCError, match=r"^Replacement.residual: got 'Linear' \(did you "
                                           r"mean 'linear'\?\)"):
        lcc.Replacement("100 SEK", every="5 yr", residual="Linear")
    # 20 % of 1 000 SEK, recovered at the end of a 10-year study at 0 %: 1 000 − 200 SEK
    for value in (0.2, "20 %"):
        alt = lcc.Alternative("A", lcc.Investment("1000 SEK", life="20 yr", residual=value))
        assert float(lcc.evaluate(alt, lcc.Study("10 yr", 0.0)).value) == \
            pytest.approx(800.0, rel=1e-15)


@pytest.mark.parametrize("spelling", ["CO2e", "co2e", "CO₂e", "CO2-e", "CO2 eq", "CO2-ekv",
                                      "co2 ekvivalenter"])
def test_a_pollutant_is_held_in_its_usual_spelling(spelling: str) -> None:
    """``pollutant="co2e"`` (or ``"CO₂e"``, ``"CO2-ekv"``) was another pollutant than
    ``"CO2e"``: the study's carbon price did not apply (an LCC 1 500 SEK lower, with only a
    warning in the result), the emissions table had two rows and a follow-up found no CO2e.
    1 000 kg/yr × 1.5 SEK/kg over one year at 0 % = 1 500 SEK."""
    study = lcc.Study("1 yr", 0.0, carbon_price="1.5 SEK/kg")
    item = lcc.Emission(annual="1000 kg/yr", pollutant=spelling)
    assert item.pollutant == "CO2e"
    both = lcc.Alternative("A", item, lcc.Emission(annual="500 kg/yr"))
    result = lcc.evaluate(both, study)
    assert float(result.value) == pytest.approx(2250.0, rel=1e-15)
    assert dict(result.emissions) == {"CO2e": pytest.approx(1500.0, rel=1e-15)}
    assert result.warnings == []


def test_other_pollutants_keep_one_spelling() -> None:
    assert [lcc.Emission(annual="1 kg/yr", pollutant=p).pollutant
            for p in ("nox", "NOX", "pm2,5", "PM 10", "CO2", "Lead ", "bly  kvicksilver")] == \
        ["NOx", "NOx", "PM2.5", "PM10", "CO2", "Lead", "bly kvicksilver"]
