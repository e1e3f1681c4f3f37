"""Price-year conversion with the SCB KPI series (and user-supplied indices)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

import lcc
import lcc.data
from lcc.data import inflate


def test_reference_kpi_rebasing_asek_value() -> None:
    """REFERENCE §2 item 7 (SCB KPI 1980 = 100, annual means 2017 = 322.11, 2023 = 403.70):
    7 SEK at 2017 prices in 2023 prices = 7 × 403.70 / 322.11 = 8.7731 SEK."""
    expected = 7 * 403.70 / 322.11
    assert round(expected, 4) == 8.7731

    q = inflate("7 SEK", 2017, 2023)
    assert q.units == lcc.ureg.Unit("SEK")
    assert q.magnitude == pytest.approx(expected, rel=1e-12)
    assert round(q.magnitude, 4) == 8.7731

    per_kg = inflate(lcc.Q_(7, "SEK/kg"), 2017, 2023)  # ASEK 7.0's CO2e value
    assert per_kg.units == lcc.ureg.Unit("SEK/kg")
    assert per_kg.magnitude == pytest.approx(expected, rel=1e-12)

    assert inflate(7, 2017, 2023) == pytest.approx(expected, rel=1e-12)
    assert isinstance(inflate(7, 2017, 2023), float)


def test_back_to_the_earlier_year_and_same_year() -> None:
    """8.7731 SEK at 2023 prices is 8.7731 × 322.11 / 403.70 = 7.0000 SEK at 2017 prices."""
    assert inflate(7 * 403.70 / 322.11, 2023, 2017) == pytest.approx(7.0, rel=1e-12)
    assert inflate("120 SEK/t", 2019, 2019).magnitude == 120


def test_an_amount_in_another_currency_needs_the_index_of_its_prices() -> None:
    """KPI measures Swedish prices: 120 EUR/t at 2017 prices came out as 120 × 403.70 /
    322.11 = 150.40 EUR/t at 2023 prices, by Swedish inflation, without a word. Without an
    index it is refused, naming the index to give; with one (the EU's HICP rates 2018–2023,
    1.9, 1.5, 0.7, 2.9, 9.2 and 6.4 %) it is scaled by it, and index='KPI' says the Swedish
    index is meant."""
    with pytest.raises(lcc.LCCError) as info:
        inflate("120 EUR/t", 2017, 2023)
    assert (info.value.field, info.value.code) == ("inflate.index", "missing-field")
    assert "an amount in EUR; the default index, SCB's KPI, measures Swedish prices" in \
        str(info.value)
    with pytest.raises(lcc.LCCError, match="an amount in NOK"):
        inflate(lcc.Q_(5, "NOK"), 2020, 2021)
    hicp = {2017: 100.0}
    for year, rate in zip(range(2018, 2024), (1.9, 1.5, 0.7, 2.9, 9.2, 6.4), strict=True):
        hicp[year] = hicp[year - 1] * (1 + rate / 100)
    expected = 120 * 1.019 * 1.015 * 1.007 * 1.029 * 1.092 * 1.064
    assert inflate("120 EUR/t", 2017, 2023, index=hicp).magnitude == pytest.approx(
        expected, rel=1e-12)
    assert inflate("120 EUR/t", 2017, 2023, index="KPI").magnitude == pytest.approx(
        120 * 403.70 / 322.11, rel=1e-12)
    # kronor in every unit of them take KPI: 7 kSEK and 7 öre as 7 SEK
    for unit in ("kSEK", "MSEK", "öre"):
        assert inflate(f"7 {unit}", 2017, 2023).magnitude == pytest.approx(
            7 * 403.70 / 322.11, rel=1e-12)


def test_latest_means_the_last_shipped_year() -> None:
    """DESIGN/REFERENCE §3: 'today's price level' is the latest year shipped (2023):
    100 SEK at 2022 prices = 100 × 403.70 / 371.91 = 108.5478 SEK."""
    assert inflate(100.0, 2022, "latest") == pytest.approx(100 * 403.70 / 371.91, rel=1e-12)
    assert round(inflate(100.0, 2022, "latest"), 4) == 108.5478


def test_array_of_samples() -> None:
    samples = np.array([1.0, 2.0, 7.0])
    out = inflate(samples, 2017, 2023)
    np.testing.assert_allclose(out, samples * 403.70 / 322.11, rtol=1e-12)
    q = inflate(lcc.Q_(samples, "SEK"), 2017, 2023)
    np.testing.assert_allclose(q.magnitude, samples * 403.70 / 322.11, rtol=1e-12)


def test_user_index_series_from_eu_hicp_rates() -> None:
    """Eurostat EU HICP annual average rates: 2022 9.2 %, 2023 6.4 %. Chained into an
    index (2021 = 100): 2022 = 109.2, 2023 = 109.2 × 1.064 = 116.1888. 100 EUR at 2021
    prices in 2023 prices = 100 × 116.1888 / 100 = 116.1888 EUR."""
    hicp = lcc.data.load("eu_hicp_annual_rate").set_index("year")["annual_rate"]
    index = pd.Series({2021: 100.0})
    for year in (2022, 2023):
        index[year] = index[year - 1] * (1 + hicp[year] / 100)
    assert index[2023] == pytest.approx(116.1888, rel=1e-12)
    out = inflate("100 EUR", 2021, 2023, index=index)
    assert out.magnitude == pytest.approx(116.1888, rel=1e-12)
    assert inflate(50.0, 2021, 2022, index={2021: 100.0, 2022: 109.2}) == pytest.approx(54.6)


def test_year_outside_the_series_names_the_available_years() -> None:
    with pytest.raises(lcc.LCCError, match=r"from_year: 2030 .*available years: 2006–2023"):
        inflate("7 SEK", 2030, 2023)
    with pytest.raises(lcc.LCCError, match=r"to_year: 2005 .*available years: 2006–2023"):
        inflate("7 SEK", 2017, 2005)
    with pytest.raises(lcc.LCCError, match=r"to_year: 2012 .*available years: 2010, 2011, 2013"):
        inflate(1.0, 2010, 2012, index={2010: 1.0, 2011: 1.1, 2013: 1.2})


def test_invalid_inputs() -> None:
    with pytest.raises(lcc.LCCError, match=r"amount: .*'3 kWh'.*no currency"):
        inflate("3 kWh", 2017, 2023)
    with pytest.raises(lcc.LCCError, match="index: got 'HICP'"):
        inflate(1.0, 2017, 2023, index="HICP")
    half_year: Any = 2017.5
    with pytest.raises(lcc.LCCError, match=r"from_year: got 2017\.5"):
        inflate(1.0, half_year, 2023)
    with pytest.raises(lcc.LCCError, match="from_year: got True"):
        inflate(1.0, True, 2023)
    with pytest.raises(lcc.LCCError, match="to_year: got 'today'"):
        inflate(1.0, 2017, "today")
    with pytest.raises(lcc.LCCError, match=r"index\[2011\]: got -1"):
        inflate(1.0, 2010, 2011, index={2010: 1.0, 2011: -1.0})
    with pytest.raises(lcc.LCCError, match="amount: got None"):
        inflate(None, 2017, 2023)
    with pytest.raises(lcc.LCCError, match="index: the series is empty"):
        inflate(1.0, 2017, 2023, index=pd.Series(dtype=float))


def test_inflate_lives_in_the_data_layer() -> None:
    """DESIGN §2: price indices belong to ``lcc.data``; ``lcc.inflate`` is the same function."""
    import lcc.data._price_index as module

    assert lcc.inflate is lcc.data.inflate is module.inflate
    assert "inflate" in lcc.data.__all__


def test_yearly_rates_are_refused_as_an_index_and_their_chain_is_one() -> None:
    """The shipped HICP table holds yearly rates (2021 2.9 %, 2022 9.2 %): read as index
    levels they moved 100 EUR from 2020 to 2022 to 100 × 9.2 / 0.7 = 1 314.29 EUR. Chained,
    100 × 1.029 × 1.092 = 112.37 EUR."""
    hicp = lcc.data.load("eu_hicp_annual_rate").set_index("year")["annual_rate"]
    with pytest.raises(lcc.LCCError, match="holds yearly rates of change, not index levels"):
        inflate("100 EUR", 2020, 2022, index=hicp)
    chained = (1 + hicp / 100).cumprod().rename("hicp_index")
    chained.attrs = {}
    out = inflate("100 EUR", 2020, 2022, index=chained)
    assert out.magnitude == pytest.approx(100 * 1.029 * 1.092, rel=1e-12)
    assert round(out.magnitude, 2) == 112.37


def test_money_in_the_denominator_moves_the_other_way() -> None:
    """50 kg CO2e per kSEK at 2017 prices is 50 / (403.70 / 322.11) = 39.89 kg per kSEK at
    2023 prices (it was multiplied, 62.66); SEK² moves by the ratio squared."""
    ratio = 403.70 / 322.11
    assert inflate("50 kg/kSEK", 2017, 2023).magnitude == pytest.approx(50 / ratio)
    assert inflate("4 SEK**2", 2017, 2023).magnitude == pytest.approx(4 * ratio ** 2)


def test_a_year_given_twice_in_an_index_is_refused() -> None:
    """Monthly values keyed by year: the last month of each year won by row order."""
    with pytest.raises(lcc.LCCError, match="the year 2023 is given twice"):
        inflate(100.0, 2023, 2024, index=pd.Series([410.0, 413.34, 414.26],
                                                   index=[2023, 2023, 2024]))


def test_a_tables_price_base_is_a_year_inflate_reads() -> None:
    asek = lcc.data.load("asek_co2e_value")
    assert inflate("7 SEK/kg", asek.attrs["price_base"], 2023).magnitude == pytest.approx(
        7 * 403.70 / 322.11)


@pytest.mark.parametrize("amount", [float("nan"), float("inf"), "nan SEK",
                                    np.array([1.0, np.nan])])
def test_an_amount_that_is_no_finite_number_is_refused(amount: Any) -> None:
    with pytest.raises(lcc.LCCError, match="expected finite numbers"):
        inflate(amount, 2017, 2023)


def test_an_index_whose_name_holds_the_letters_rate_is_an_index() -> None:
    """'Corporate services price index' was refused as a series of rates."""
    index = pd.Series({2020: 100.0, 2021: 110.0}, name="Corporate services price index")
    assert inflate(100.0, 2020, 2021, index=index) == pytest.approx(110.0)
