"""A value a user gives counts as given, or is refused: an emission's fixed price and its
escalation, a residual value or a disposal cost of an installation never replaced."""

from __future__ import annotations

import pytest

import lcc
from lcc import LCCError


def test_an_emissions_fixed_price_is_not_inflated_in_a_nominal_study() -> None:
    """1 kg/yr NOx at a fixed 1 SEK/kg (indexed=False) for 3 years, D = 3 %, i = 2 %:
    Σ 1 × 1.03^−k over k = 1..3 = 0.970874 + 0.942596 + 0.915142 = 2.828611 SEK, as a
    Recurring cost with indexed=False. It was inflated to 2.9421 when its escalation was a
    constant (and not when it was a list of zeros)."""
    study = lcc.Study("3 yr", 0.03, inflation=0.02)
    hand = sum(1.03 ** -k for k in (1, 2, 3))
    for escalation in (0.0, [0.0, 0.0, 0.0]):
        item = lcc.Emission(annual="1 kg/yr", pollutant="NOx", price="1 SEK/kg",
                            indexed=False, escalation=escalation)
        assert lcc.evaluate(lcc.Alternative("A", item), study).value == pytest.approx(hand)
    recurring = lcc.Recurring("1 SEK/yr", indexed=False)
    assert lcc.evaluate(lcc.Alternative("B", recurring), study).value == pytest.approx(hand)


def test_an_emissions_escalation_applies_to_its_own_price() -> None:
    """100 kg/yr CO2e at 1 SEK/kg rising 5 %/yr, d = 3 %, 5 years:
    Σ 100 × 1.05^k × 1.03^−k over k = 1..5 = 529.89 SEK."""
    study = lcc.Study("5 yr", 0.03)
    item = lcc.Emission(annual="100 kg/yr", price="1 SEK/kg", escalation=0.05)
    hand = sum(100 * 1.05 ** k / 1.03 ** k for k in range(1, 6))
    assert hand == pytest.approx(529.89, abs=0.005)
    assert lcc.evaluate(lcc.Alternative("A", item), study).value == pytest.approx(hand)


@pytest.mark.parametrize(("given", "field"), [
    (dict(escalation=0.05), "Emission.escalation"),
    (dict(escalation=[0.05] * 5), "Emission.escalation"),
    (dict(indexed=False), "Emission.indexed"),
])
def test_an_escalation_of_an_emission_without_a_price_is_refused(given, field) -> None:
    """Priced by the study's carbon price, the item's escalation was dropped without a word
    (457.97 SEK instead of 529.89 SEK); the study's carbon price has its own path."""
    with pytest.raises(LCCError) as info:
        lcc.Emission(annual="100 kg/yr", **given)
    assert (info.value.field, info.value.code) == (field, "invalid-value")
    assert "carbon_price" in str(info.value)
    with pytest.raises(LCCError, match="give the emission a price"):
        lcc.Emission(annual="1 kg/yr", pollutant="NOx", **given)


def test_an_emission_without_a_price_and_no_escalation_is_read() -> None:
    study = lcc.Study("2 yr", 0.0, carbon_price="2 SEK/kg")
    item = lcc.Emission(annual="10 kg/yr", escalation=0)
    assert lcc.evaluate(lcc.Alternative("A", item), study).value == pytest.approx(40.0)


@pytest.mark.parametrize("residual", [0.3, "30 %", "300 SEK"])
def test_a_stated_residual_of_an_installation_never_replaced_is_refused(residual) -> None:
    """life=None means no replacement and no residual (DESIGN §3): a stated residual value was
    dropped without a word (1 000 SEK for a bid whose resale value is 300 SEK)."""
    with pytest.raises(LCCError) as info:
        lcc.Investment("1000 SEK", residual=residual)
    assert (info.value.field, info.value.code) == ("Investment.residual", "not-applicable")
    assert "a Residual item for a resale value" in str(info.value)


def test_a_stated_residual_with_a_life_counts_at_the_end() -> None:
    """0.5 × 1 000 SEK, life 20 years, 5 years, 2 %/yr, d = 0: −500 × 1.02^5 = −552.04 SEK."""
    item = lcc.Investment("1000 SEK", life="20 yr", residual=0.5, escalation=0.02)
    result = lcc.evaluate(lcc.Alternative("A", item), lcc.Study("5 yr", 0.0))
    assert result.by_category["residual"] == pytest.approx(-500 * 1.02 ** 5)


@pytest.mark.parametrize("residual", ["linear", None, "none"])
def test_a_linear_or_no_residual_of_an_installation_never_replaced_is_none(residual) -> None:
    result = lcc.evaluate(lcc.Alternative("A", lcc.Investment("1000 SEK", residual=residual)),
                          lcc.Study("10 yr", 0.04))
    assert result.value == pytest.approx(1000)


def test_a_disposal_cost_of_an_installation_never_replaced_is_refused() -> None:
    """Disposal is paid at each replacement; without a life there is none, and 50 SEK was
    dropped without a word."""
    with pytest.raises(LCCError) as info:
        lcc.Investment("1000 SEK", disposal="50 SEK")
    assert (info.value.field, info.value.code) == ("Investment.disposal", "invalid-value")
    assert "a Disposal item" in str(info.value)


@pytest.mark.parametrize("kind", ["life", "every"])
def test_a_sampled_life_with_a_per_year_escalation_is_each_samples_own(kind) -> None:
    """Lives of 3 and 7 years as samples with an escalation list stopped with an IndexError
    (the chain of the 3-year sample reached past the 10 years of the path); each sample is
    the LCC of that life alone."""
    import numpy as np

    study = lcc.Study("10 yr", 0.04)
    esc = [0.01] * 10

    def item(life):
        if kind == "life":
            return lcc.Investment("1000 SEK", life=life, escalation=esc)
        return lcc.Periodic("1000 SEK", every=life, first=2, escalation=esc)

    both = lcc.evaluate(lcc.Alternative("A", item(lcc.Q_(np.array([3.0, 7.0]), "yr"))), study)
    alone = [lcc.evaluate(lcc.Alternative("A", item(f"{v} yr")), study).value for v in (3, 7)]
    assert np.asarray(both.value) == pytest.approx(alone)


@pytest.mark.parametrize("item", [
    lambda: lcc.Investment("100 SEK", life="12 yr", hours="4000 h/yr"),
    lambda: lcc.Investment("100 SEK", hours="4000 h/yr"),
    lambda: lcc.Periodic("100 SEK", every="2 yr", hours="4000 h/yr"),
])
def test_operating_hours_that_convert_no_life_are_refused(item) -> None:
    """hours convert a life in burning hours into years; beside a life in years they were
    dropped without a word."""
    with pytest.raises(LCCError) as info:
        item()
    assert info.value.code == "not-applicable"
    assert info.value.field.endswith(".hours")


def test_operating_hours_convert_a_life_in_burning_hours() -> None:
    """50 000 h at 4 000 h/yr is a life of 12.5 years: bought at t = 0 and 12.5 in 20 years,
    at d = 0 with a linear residual of 5/12.5 of 100 SEK: 100 + 100 − 40 = 160 SEK."""
    item = lcc.Investment("100 SEK", life="50000 h", hours="4000 h/yr")
    assert lcc.evaluate(lcc.Alternative("A", item), lcc.Study("20 yr", 0.0)).value == \
        pytest.approx(160.0)
