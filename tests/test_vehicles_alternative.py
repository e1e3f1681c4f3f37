"""vehicle_alternative(): a vehicle as a discounted Alternative, and fuel/distance inputs."""

from __future__ import annotations

import pytest

import lcc
from lcc.templates.vehicles import vehicle_alternative

UPV = (1 - 1.03**-10) / 0.03  # 8.530203, 10 years at 3 %
RATES = lcc.ExchangeRates("SEK", {"EUR": 11.0}, date="example", source="test")


def diesel(**kw: object) -> lcc.Alternative:
    args: dict[str, object] = dict(
        price="300000 SEK", annual_mileage="15000 km/yr", consumption="5 l/100km",
        fuel_price="18 SEK/l", life="8 yr", maintenance="5000 SEK/yr", co2="132 g/km",
        nox="0.08 g/km", nmhc="0.02 g/km", pm="0.0045 g/km")
    args.update(kw)
    return vehicle_alternative("Diesel car", **args)  # type: ignore[arg-type]


def test_hand_computed_diesel_car() -> None:
    r = lcc.evaluate(diesel(), lcc.Study("10 yr", 0.03, exchange_rates=RATES))
    # fuel: 15 000 km/yr × 5 l/100 km = 750 l/yr × 18 SEK/l = 13 500 SEK/yr
    assert r.by_category["energy"] == pytest.approx(13500 * UPV)
    # purchase 300 000 at t = 0, replaced at t = 8 (⌈10/8⌉ − 1 = 1), the second car has
    # 8 + 8 − 10 = 6 of 8 years left: residual 300 000 × 6/8 = 225 000 at t = 10
    assert r.by_category["replacement"] == pytest.approx(300000 / 1.03**8)
    assert r.by_category["residual"] == pytest.approx(-225000 / 1.03**10)
    assert r.by_category["maintenance"] == pytest.approx(5000 * UPV)
    # emissions per year: CO2 15 000 × 132 g = 1 980 kg × 0.04 EUR/kg = 79.2 EUR;
    # NOx 1.2 kg × 4.4 EUR/kg = 5.28; NMHC 0.3 kg × 1 EUR/kg = 0.30; PM 0.0675 kg × 87 EUR/kg
    # = 5.8725; in all 90.6525 EUR/yr × 11 SEK/EUR = 997.1775 SEK/yr
    assert r.by_category["externality"] == pytest.approx(997.1775 * UPV)
    assert r.emissions["CO2"] == pytest.approx(19800.0)
    assert r.emissions["PM"] == pytest.approx(0.675)


def test_emission_factor_and_co2_are_exclusive() -> None:
    with pytest.raises(lcc.LCCError, match="not both"):
        diesel(emission_factor="2.6 kg/l")


def test_lifecycle_emission_factor_priced_with_the_study_carbon_price() -> None:
    car = diesel(co2=None, nox=None, nmhc=None, pm=None, emission_factor="2.6 kg/l")
    r = lcc.evaluate(car, lcc.Study("10 yr", 0.03, carbon_price="1.2 SEK/kg"))
    # 750 l/yr × 2.6 kg/l = 1 950 kg/yr × 1.2 SEK/kg = 2 340 SEK/yr
    assert r.by_category["externality"] == pytest.approx(2340 * UPV)
    assert r.emissions["CO2e"] == pytest.approx(19500.0)


def test_electric_car_and_emission_cost_factor() -> None:
    ev = vehicle_alternative("EV", price="400000 SEK", annual_mileage="15000 km/yr",
                             consumption="18 kWh/100km", fuel_price="2 SEK/kWh", pm="0.002 g/km",
                             emission_cost_factor=2.0, quantity=3)
    r = lcc.evaluate(ev, lcc.Study("10 yr", 0.03, exchange_rates=RATES))
    # 2 700 kWh/yr × 2 SEK/kWh × 3 cars = 16 200 SEK/yr
    assert r.by_category["energy"] == pytest.approx(16200 * UPV)
    # PM 0.03 kg/yr × 87 EUR/kg × 2 × 11 SEK/EUR × 3 cars = 172.26 SEK/yr
    assert r.by_category["externality"] == pytest.approx(0.03 * 87 * 2 * 11 * 3 * UPV)
    assert "residual" not in r.by_category.index  # no life given: no residual


def test_emission_prices_in_eur_need_exchange_rates() -> None:
    with pytest.raises(lcc.LCCError, match="in EUR but the study currency is SEK"):
        lcc.evaluate(diesel(), lcc.Study("10 yr", 0.03))
    r = lcc.evaluate(diesel(emission_prices=None), lcc.Study("10 yr", 0.03))
    assert "externality" not in r.by_category.index
    assert r.emissions["NOx"] == pytest.approx(12.0)


def test_bad_inputs() -> None:
    with pytest.raises(lcc.LCCError, match="emission_cost_factor"):
        diesel(emission_cost_factor=3)
    with pytest.raises(lcc.LCCError, match=r"Energy 'Fuel'\.consumption.*must match the price"):
        diesel(consumption="18 kWh/100km")
    with pytest.raises(lcc.LCCError, match="emission_prices"):
        diesel(emission_prices="asek")


def test_energy_priced_per_volume_and_per_mass() -> None:
    study = lcc.Study("1 yr", 0.0)
    # 1 200 l/yr of fuel at 18 SEK/l = 21 600 SEK
    fuel = lcc.Alternative("F", lcc.Energy(annual="1200 l/yr", price="18 SEK/l"))
    assert float(lcc.evaluate(fuel, study).value) == pytest.approx(21600)
    # 500 kg/yr of pellets at 3 SEK/kg, 0.02 kg CO2e per kg
    pellets = lcc.Alternative("P", lcc.Energy(annual="500 kg/yr", price="3 SEK/kg",
                                              emission_factor="0.02 kg/kg"))
    r = lcc.evaluate(pellets, study)
    assert float(r.value) == pytest.approx(1500)
    assert r.emissions["CO2e"] == pytest.approx(10.0)
    # biogas: 6 Nm3/100 km × 20 000 km/yr = 1 200 Nm3/yr × 25 SEK/Nm3 = 30 000 SEK
    gas = lcc.Alternative("G", lcc.Energy(distance="20000 km/yr", consumption="6 Nm3/100km",
                                          price="25 SEK/Nm3"))
    assert float(lcc.evaluate(gas, study).value) == pytest.approx(30000)


def test_emission_from_distance_and_intensity() -> None:
    item = lcc.Emission(distance="10000 km/yr", intensity="100 g/km", pollutant="CO2",
                        price="2 SEK/kg")
    r = lcc.evaluate(lcc.Alternative("E", item), lcc.Study("2 yr", 0.0))
    # 1 000 kg/yr × 2 SEK/kg × 2 years
    assert float(r.value) == pytest.approx(4000)
    with pytest.raises(lcc.LCCError, match="not both"):
        lcc.Emission(annual="1 kg/yr", distance="1 km/yr", intensity="1 g/km")
