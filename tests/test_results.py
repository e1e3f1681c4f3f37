"""LCCResult: tables, annual value, trace and notebook display."""

from __future__ import annotations

import numpy as np
import pytest

import lcc
from lcc.discounting import crf


@pytest.fixture
def result() -> lcc.LCCResult:
    study = lcc.Study("10 yr", 0.04, timing="middle", carbon_price="1.2 SEK/kg")
    alt = lcc.Alternative(
        "LED",
        lcc.Investment("20000 SEK", life="4 yr", escalation=0.01, label="Luminaires"),
        lcc.Energy(annual="3000 kWh/yr", price=lcc.Parameter("el", "1.50 SEK/kWh"),
                   escalation=0.02, emission_factor="0.05 kg/kWh"),
        lcc.Disposal("1000 SEK"),
        quantity=2,
    )
    return lcc.evaluate(alt, study)


def test_total_is_a_quantity_in_the_study_currency(result: lcc.LCCResult) -> None:
    assert str(result.total.units) == "SEK"
    assert result.total.magnitude == pytest.approx(result.by_category.sum())


def test_annual_value_is_total_times_crf(result: lcc.LCCResult) -> None:
    av = result.annual_value
    assert av.to("SEK/yr").magnitude == pytest.approx(float(result.value) * crf(0.04, 10))


def test_cash_flow_table_layout(result: lcc.LCCResult) -> None:
    cf = result.cash_flows
    assert list(cf.index) == list(range(11))
    assert set(cf.columns.get_level_values(0)) == {"nominal", "present_value"}
    assert "total" in cf["nominal"].columns and "externality" in cf["nominal"].columns
    assert cf["present_value"]["total"].sum() == pytest.approx(float(result.value))
    assert cf.attrs["unit"] == "SEK"


def test_externalities_switched_off_keep_the_emissions_report() -> None:
    def run(include: bool) -> lcc.LCCResult:
        study = lcc.Study("5 yr", 0.03, carbon_price="2 SEK/kg", include_externalities=include)
        alt = lcc.Alternative("A", lcc.Energy(annual="1000 kWh/yr", price="1 SEK/kWh",
                                              emission_factor="0.1 kg/kWh"))
        return lcc.evaluate(alt, study)

    on, off = run(True), run(False)
    assert on.emissions["CO2e"] == off.emissions["CO2e"] == pytest.approx(500.0)
    assert "externality" in on.by_category.index
    assert "externality" not in off.by_category.index
    assert float(on.value) - float(off.value) == pytest.approx(
        on.externalities.magnitude, rel=1e-12)
    assert off.externalities.magnitude == pytest.approx(on.externalities.magnitude)
    assert off.cash_flows["present_value"]["total"].sum() == pytest.approx(float(off.value))


def test_explain_is_a_complete_trace(result: lcc.LCCResult) -> None:
    text = result.explain()
    for needle in (
        "Life-cycle cost of LED", f"lcc {lcc.__version__}", "NIST Handbook 135",
        "Study period: 10 years", "Discount rate: 4\xa0% per year, real",
        "middle of year", "included in the LCC; CO2e at 1.2\xa0SEK/kg",
        "El: 1.5\xa0SEK/kWh; set by the buyer", "Investment: Luminaires",
        "= 2 replacements at t = 4, 8", "residual",
        "years 1..10 at t = k − 0.5", "Emissions", "CO2e", "LCC",
    ):
        assert needle in text, needle
    assert f"{float(result.value):,.2f}".replace(",", " ") in text


def test_explain_with_samples_says_so() -> None:
    alt = lcc.Alternative("A", lcc.Recurring("100 SEK/yr"))
    r = lcc.evaluate(alt, lcc.Study("5 yr", np.array([0.01, 0.02, 0.03])))
    assert "Samples: 3; figures below are means over the samples" in r.explain()
    assert "3 samples" in repr(r)


def test_repr_html(result: lcc.LCCResult) -> None:
    page = result._repr_html_()
    assert page.startswith("<div>") and "<table" in page and "LCC of LED" in page
    assert "acquisition" in page


def test_emissions_tables(result: lcc.LCCResult) -> None:
    # 3 000 kWh/yr × 0.05 kg/kWh × 2 units × 10 years = 3 000 kg
    assert result.emissions["CO2e"] == pytest.approx(3000.0)
    assert result.emissions.attrs["unit"] == "kg"
    assert result.emissions_by_year["CO2e"].iloc[1] == pytest.approx(300.0)


def test_airr_reads_its_rate_as_every_rate() -> None:
    """AIRR = (1 + d)·SIR^(1/N) − 1 = 1.03 × 1.5^(1/20) − 1 = 0.051095; airr(1.5, 3, 20) was
    (1 + 3)·1.5^(1/20) − 1 = 3.08 (300 %) and '3 %' stopped with a ValueError."""
    from lcc.results import airr

    expected = 1.03 * 1.5 ** (1 / 20) - 1
    assert airr(1.5, 0.03, 20) == pytest.approx(expected, rel=1e-14)
    assert airr(1.5, "3 %", 20) == pytest.approx(expected, rel=1e-14)
    with pytest.raises(lcc.LCCError) as info:
        airr(1.5, 3, 20)
    assert (info.value.field, info.value.code) == ("airr.rate", "invalid-value")
    assert "did you mean 3 % = 0.03?" in str(info.value)
