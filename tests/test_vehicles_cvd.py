"""Clean Vehicles Directive 2009/33/EC: operational lifetime cost of road vehicles.

Constants (Annex, 2007 prices): CO2 0.03–0.04 EUR/kg, NOx 0.0044 EUR/g, NMHC
0.001 EUR/g, PM 0.087 EUR/g; diesel 36 MJ/l, petrol 32 MJ/l; lifetime mileage M1
200 000 km, N1 250 000 km, N2/N3 1 000 000 km, M2/M3 800 000 km. Energy priced at
the lower pre-tax petrol or diesel price per MJ; nothing discounted.
"""

from __future__ import annotations

from typing import Any

import pytest

import lcc
import lcc.data
from lcc.templates import vehicles
from lcc.templates.vehicles import clean_vehicles_directive

COMPONENTS = ["energy", "CO2", "NOx", "NMHC", "PM", "total"]

CAR: dict[str, Any] = dict(
    petrol_price="0.55 EUR/l", diesel_price="0.50 EUR/l",
    co2="132 g/km", nox="0.08 g/km", nmhc="0.02 g/km", pm="0.0045 g/km",
)


def test_reference_passenger_car() -> None:
    """REFERENCE §2 item 6: M1, 200 000 km, diesel 5.0 l/100 km = 0.05 l/km × 36 MJ/l
    = 1.8 MJ/km; diesel 0.50/36 = 0.013889 EUR/MJ < petrol 0.55/32 = 0.017188 EUR/MJ.
    energy 200 000 × 1.8 × 0.50/36 = 5 000.00; CO2 200 000 × 0.132 kg × 0.04 = 1 056.00;
    NOx 200 000 × 0.08 × 0.0044 = 70.40; NMHC 200 000 × 0.02 × 0.001 = 4.00;
    PM 200 000 × 0.0045 × 0.087 = 78.30; total 6 208.70 EUR (undiscounted)."""
    s = clean_vehicles_directive("M1", "diesel", "5.0 l/100km", **CAR)
    assert list(s.index) == COMPONENTS
    expected = [5000.00, 1056.00, 70.40, 4.00, 78.30, 6208.70]
    assert s.tolist() == pytest.approx(expected, rel=1e-12)
    assert s.attrs["currency"] == s.attrs["unit"] == "EUR"
    assert s.attrs["mileage"] == 200_000
    assert s.attrs["energy_per_km"] == pytest.approx(1.8, rel=1e-12)
    assert round(s.attrs["diesel_price_per_mj"], 6) == 0.013889
    assert round(s.attrs["petrol_price_per_mj"], 6) == 0.017188
    assert s.attrs["energy_price_per_mj"] == pytest.approx(0.50 / 36, rel=1e-12)
    assert s.attrs["energy_price_set_by"] == "diesel"
    assert s.attrs["co2_price"] == pytest.approx(0.04)
    assert s.attrs["units"]["energy_price_per_mj"] == "EUR/MJ"


def test_petrol_cheaper_light_commercial_low_co2_price() -> None:
    """N1 petrol van, 8.0 l/100 km = 0.08 l/km × 32 MJ/l = 2.56 MJ/km.
    Petrol 0.45 EUR/l / 32 = 0.0140625 EUR/MJ < diesel 0.52 / 36 = 0.014444 EUR/MJ, so
    petrol sets the price. Mileage N1 = 250 000 km.
    energy 250 000 × 2.56 × 0.0140625 = 9 000.00
    CO2    250 000 × 0.180 kg × 0.03 (low) = 1 350.00
    NOx    250 000 × 0.06 g × 0.0044 = 66.00
    NMHC   250 000 × 0.05 g × 0.001 = 12.50
    PM     250 000 × 0.002 g × 0.087 = 43.50
    total  9 000 + 1 350 + 66 + 12.5 + 43.5 = 10 472.00 EUR"""
    s = clean_vehicles_directive(
        "N1", "petrol", "8.0 l/100km", petrol_price="0.45 EUR/l", diesel_price="0.52 EUR/l",
        co2="180 g/km", nox="0.06 g/km", nmhc="0.05 g/km", pm="0.002 g/km", co2_price="low",
    )
    assert s.tolist() == pytest.approx([9000.0, 1350.0, 66.0, 12.5, 43.5, 10472.0], rel=1e-12)
    assert s.attrs["energy_price_set_by"] == "petrol"
    assert s.attrs["energy_price_per_mj"] == pytest.approx(0.0140625, rel=1e-12)
    assert s.attrs["energy_per_km"] == pytest.approx(2.56, rel=1e-12)
    assert s.attrs["mileage"] == 250_000


def test_diesel_cheaper_bus_in_sek_with_double_emission_costs() -> None:
    """M2 diesel bus, prices in SEK, 1 EUR = 11.48 SEK, emission cost factor 2.
    30 l/100 km = 0.3 l/km × 36 = 10.8 MJ/km. Diesel 8.64 SEK/l / 36 = 0.24 SEK/MJ <
    petrol 8.00 / 32 = 0.25 SEK/MJ. Mileage M2 = 800 000 km.
    energy 800 000 × 10.8 × 0.24 = 2 073 600.00
    CO2    800 000 × 0.8 kg × (0.04 × 11.48 × 2 = 0.9184 SEK/kg) = 587 776.00
    NOx    800 000 × 2.0 g × (0.0044 × 11.48 × 2 = 0.101024 SEK/g) = 161 638.40
    NMHC   800 000 × 0.1 g × (0.001 × 11.48 × 2 = 0.02296 SEK/g) = 1 836.80
    PM     800 000 × 0.01 g × (0.087 × 11.48 × 2 = 1.99752 SEK/g) = 15 980.16
    total  2 840 831.36 SEK"""
    rates = lcc.ExchangeRates("SEK", {"EUR": 11.48})
    s = clean_vehicles_directive(
        "M2", "diesel", "30 l/100km", petrol_price="8.00 SEK/l", diesel_price="8.64 SEK/l",
        co2="800 g/km", nox="2.0 g/km", nmhc="0.1 g/km", pm="0.01 g/km",
        emission_cost_factor=2, exchange_rates=rates,
    )
    expected = [2_073_600.0, 587_776.0, 161_638.4, 1_836.8, 15_980.16, 2_840_831.36]
    assert s.tolist() == pytest.approx(expected, rel=1e-12)
    assert s.attrs["currency"] == "SEK"
    assert s.attrs["energy_price_set_by"] == "diesel"
    assert s.attrs["energy_price_per_mj"] == pytest.approx(0.24, rel=1e-12)
    assert s.attrs["nox_price"] == pytest.approx(0.0044 * 11.48, rel=1e-12)
    assert s.attrs["emission_cost_factor"] == 2.0
    assert "11.48" in s.attrs["exchange_rates"]


def test_electric_car_in_kwh() -> None:
    """Electricity counts 3.6 MJ/kWh: 18 kWh/100 km = 0.18 kWh/km × 3.6 = 0.648 MJ/km.
    Energy 200 000 × 0.648 × (0.50/36) = 1 800.00 EUR; no tailpipe emissions."""
    s = clean_vehicles_directive(
        "m1", "Electricity", "18 kWh/100km", petrol_price="0.55 EUR/l",
        diesel_price="0.50 EUR/l", co2="0 g/km", nox="0 g/km", nmhc="0 g/km", pm="0 g/km",
    )
    assert s.attrs["energy_per_km"] == pytest.approx(0.648, rel=1e-12)
    assert s["energy"] == pytest.approx(1800.0, rel=1e-12)
    assert s["total"] == pytest.approx(1800.0, rel=1e-12)
    assert s.attrs["category"] == "M1" and s.attrs["fuel"] == "electricity"


def test_gas_bus_needs_and_uses_an_energy_content() -> None:
    """M3 biogas bus, 40 Nm3/100 km; the Directive gives 33–38 MJ/Nm3, so the buyer states
    35 MJ/Nm3: 0.4 Nm3/km × 35 = 14 MJ/km. Own mileage 600 000 km, own CO2 price
    0.035 EUR/kg. energy 600 000 × 14 × 0.50/36 = 116 666.67; CO2 600 000 × 0.5 kg
    × 0.035 = 10 500.00; NOx 600 000 × 1.0 × 0.0044 = 2 640.00; NMHC 600 000 × 0.2 ×
    0.001 = 120.00; PM 600 000 × 0.005 × 0.087 = 261.00."""
    kwargs: dict[str, Any] = dict(
        petrol_price="0.55 EUR/l", diesel_price="0.50 EUR/l", co2="500 g/km",
        nox="1.0 g/km", nmhc="0.2 g/km", pm="0.005 g/km",
    )
    with pytest.raises(lcc.LCCError, match="range of 33–38 MJ/Nm3"):
        clean_vehicles_directive("M3", "biogas", "40 Nm3/100km", **kwargs)
    s = clean_vehicles_directive(
        "M3", "biogas", "40 Nm3/100km", energy_content="35 MJ/Nm3", mileage="600000 km",
        co2_price="0.035 EUR/kg", **kwargs,
    )
    energy = 600_000 * 14 * 0.50 / 36
    assert round(energy, 2) == 116_666.67
    expected = [energy, 10_500.0, 2_640.0, 120.0, 261.0]
    assert s.tolist() == pytest.approx([*expected, sum(expected)], rel=1e-12)
    assert s.attrs["mileage"] == 600_000
    assert "35 MJ/Nm3" in s.attrs["energy_content_note"]


def test_constants_come_from_the_shipped_tables_loaded_once(monkeypatch: Any) -> None:
    calls: list[str] = []
    real_load = lcc.data.load

    def counting_load(name: str) -> Any:
        calls.append(name)
        return real_load(name)

    monkeypatch.setattr(lcc.data, "load", counting_load)
    vehicles._constants.cache_clear()
    try:
        for _ in range(3):
            clean_vehicles_directive("M1", "diesel", "5.0 l/100km", **CAR)
    finally:
        vehicles._constants.cache_clear()
    assert sorted(calls) == ["cvd_emission_costs", "cvd_fuel_energy_content",
                             "cvd_lifetime_mileage"]


def test_errors_name_field_value_and_expectation() -> None:
    with pytest.raises(lcc.LCCError, match=r"category: got 'M4'; expected one of M1, N1, N2"):
        clean_vehicles_directive("M4", "diesel", "5.0 l/100km", **CAR)
    with pytest.raises(lcc.LCCError, match=r"fuel: got 'kerosene'; expected one of diesel"):
        clean_vehicles_directive("M1", "kerosene", "5.0 l/100km", **CAR)
    with pytest.raises(lcc.LCCError, match=r"emission_cost_factor: got 2.5; .*from 1 to 2"):
        clean_vehicles_directive("M1", "diesel", "5.0 l/100km", emission_cost_factor=2.5,
                                 **CAR)
    with pytest.raises(lcc.LCCError, match=r"emission_cost_factor: got 0.5"):
        clean_vehicles_directive("M1", "diesel", "5.0 l/100km", emission_cost_factor=0.5,
                                 **CAR)
    sek = {**CAR, "petrol_price": "6.0 SEK/l", "diesel_price": "6.5 SEK/l"}
    with pytest.raises(lcc.LCCError, match=r"in EUR but the fuel prices are in SEK.*exchange_r"):
        clean_vehicles_directive("M1", "diesel", "5.0 l/100km", **sek)
    with pytest.raises(lcc.LCCError, match=r"petrol_price: .*same currency"):
        clean_vehicles_directive("M1", "diesel", "5.0 l/100km",
                                 **{**CAR, "petrol_price": "6.0 SEK/l"})
    with pytest.raises(lcc.LCCError, match=r"consumption: got 5.0; expected energy, volume"):
        clean_vehicles_directive("M1", "diesel", 5.0, **CAR)
    with pytest.raises(lcc.LCCError, match=r"co2: got the bare number 132"):
        clean_vehicles_directive("M1", "diesel", "5.0 l/100km", **{**CAR, "co2": 132})
    with pytest.raises(lcc.LCCError, match=r"nox: got '-0.1 g/km'; expected a value ≥ 0"):
        clean_vehicles_directive("M1", "diesel", "5.0 l/100km", **{**CAR, "nox": "-0.1 g/km"})
    with pytest.raises(lcc.LCCError, match=r"co2_price: got 'medium'"):
        clean_vehicles_directive("M1", "diesel", "5.0 l/100km", co2_price="medium", **CAR)
    with pytest.raises(lcc.LCCError, match=r"consumption: .*fuel 'electricity'"):
        clean_vehicles_directive("M1", "electricity", "5.0 l/100km", **CAR)
    with pytest.raises(lcc.LCCError, match=r"consumption: .*mass per distance"):
        clean_vehicles_directive("M1", "hydrogen", "1 kg/100km", **CAR)
    with pytest.raises(lcc.LCCError, match=r"energy_content: .*already energy per distance"):
        clean_vehicles_directive("M1", "diesel", "1.8 MJ/km", energy_content="36 MJ/l", **CAR)


def test_hydrogen_per_mass_and_own_co2_price_in_another_currency() -> None:
    """Hydrogen car, 1.0 kg/100 km with a stated 120 MJ/kg: 0.01 kg/km × 120 = 1.2 MJ/km;
    energy 200 000 × 1.2 × 0.50/36 = 3 333.33 EUR. Own CO2 price 0.5 SEK/kg at
    1 EUR = 11.48 SEK = 0.5/11.48 = 0.043554 EUR/kg; CO2 0 g/km costs 0; NOx 0.01 g/km:
    200 000 × 0.01 × 0.0044 = 8.80 EUR. In the Directive's Nm3 (11 MJ/Nm3, Annex Table 1):
    10 Nm3/100 km = 0.1 × 11 = 1.1 MJ/km."""
    rates = lcc.ExchangeRates("SEK", {"EUR": 11.48})
    zero: dict[str, Any] = dict(co2="0 g/km", nox="0.01 g/km", nmhc="0 g/km", pm="0 g/km")
    s = clean_vehicles_directive(
        "M1", "hydrogen", "1.0 kg/100km", energy_content="120 MJ/kg",
        petrol_price="0.55 EUR/l", diesel_price="0.50 EUR/l", co2_price="0.5 SEK/kg",
        exchange_rates=rates, **zero,
    )
    assert s.attrs["energy_per_km"] == pytest.approx(1.2, rel=1e-12)
    assert round(s["energy"], 2) == 3333.33
    assert s.attrs["co2_price"] == pytest.approx(0.5 / 11.48, rel=1e-12)
    assert s["CO2"] == 0.0
    assert s["NOx"] == pytest.approx(8.80, rel=1e-12)
    nm3 = clean_vehicles_directive(
        "M1", "hydrogen", "10 Nm3/100km", petrol_price="0.55 EUR/l",
        diesel_price="0.50 EUR/l", **zero,
    )
    assert nm3.attrs["energy_per_km"] == pytest.approx(1.1, rel=1e-12)
    with pytest.raises(lcc.LCCError, match=r"co2_price: the amount is in SEK"):
        clean_vehicles_directive(
            "M1", "hydrogen", "10 Nm3/100km", petrol_price="0.55 EUR/l",
            diesel_price="0.50 EUR/l", co2_price="0.5 SEK/kg", **zero,
        )
