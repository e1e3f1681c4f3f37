"""Product calculators reproduce hand-computed LCCs, one class per calculator.

Every expected value is worked out here, independently of the calculator's
code: the unit conversions (W → kW, litres → m³, days → hours, burning hours →
years, g → kg) are written out in the comments and the present values are
summed year by year (or with the UPV formula) in the test itself.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
import pytest

import lcc
from lcc.templates import (
    dishwasher,
    fridge_freezer,
    indoor_lighting,
    it_equipment,
    pump_motor,
    refurbished_vs_new,
    reusable_vs_single_use,
    street_lighting,
    vehicles,
)


def upv(d: float, n: int) -> float:
    """Σ_{k=1..n} (1+d)^−k, summed term by term."""
    return sum((1 + d) ** -k for k in range(1, n + 1))


def upv_esc(d: float, e: float, n: int) -> float:
    """Σ_{k=1..n} (1+e)^k / (1+d)^k, summed term by term."""
    return sum((1 + e) ** k / (1 + d) ** k for k in range(1, n + 1))


def cat(r: lcc.LCCResult, category: str) -> float:
    return float(r.by_category.get(category, 0.0))


class TestIndoorLighting:
    """120 LED luminaires of 36 W with 30 % control savings, 2 800 h/yr, 20 years at 4 %."""

    @pytest.fixture(scope="class")
    @staticmethod
    def result() -> lcc.LCCResult:
        bid = indoor_lighting.alternative(
            "LED A", luminaires=120, power="36 W", price="3500 SEK", control_savings=0.30,
            maintenance="50 SEK/yr", life="50000 h", operating_hours="2800 h/yr",
            electricity_price="1.20 SEK/kWh", escalation=0.02, emission_factor="0.05 kg/kWh")
        return lcc.evaluate(bid, lcc.Study("20 yr", 0.04))

    def test_energy(self, result: lcc.LCCResult) -> None:
        # 36 W = 0.036 kW × 2 800 h/yr = 100.8 kWh/yr per luminaire at full power;
        # × (1 − 0.30) = 70.56 kWh/yr; × 120 luminaires = 8 467.2 kWh/yr
        # × 1.20 SEK/kWh = 10 160.64 SEK in base-year prices, escalating 2 %/yr
        assert cat(result, "energy") == pytest.approx(10160.64 * upv_esc(0.04, 0.02, 20))

    def test_replacement_and_residual_from_burning_hours(self, result: lcc.LCCResult) -> None:
        # life 50 000 h / 2 800 h/yr = 17.857 yr: one replacement at t = 17.857 (< 20) of
        # 120 × 3 500 = 420 000 SEK; the second luminaire has 2 × 17.857 − 20 = 15.714 of
        # 17.857 years left at t = 20: residual 420 000 × 0.88 = 369 600 SEK
        life = 50000 / 2800
        assert cat(result, "acquisition") == pytest.approx(420000)
        assert cat(result, "replacement") == pytest.approx(420000 / 1.04**life)
        assert (2 * life - 20) / life == pytest.approx(0.88)
        assert cat(result, "residual") == pytest.approx(-369600 / 1.04**20)

    def test_maintenance_total_and_emissions(self, result: lcc.LCCResult) -> None:
        # 120 × 50 SEK/yr = 6 000 SEK/yr
        assert cat(result, "maintenance") == pytest.approx(6000 * upv(0.04, 20))
        life = 50000 / 2800
        total = (420000 + 420000 / 1.04**life - 369600 / 1.04**20
                 + 10160.64 * upv_esc(0.04, 0.02, 20) + 6000 * upv(0.04, 20))
        assert float(result.value) == pytest.approx(total)
        # 8 467.2 kWh/yr × 0.05 kg/kWh = 423.36 kg/yr × 20 years; not priced (no carbon price)
        assert result.emissions["CO2e"] == pytest.approx(8467.2)
        assert "externality" not in result.by_category.index

    def test_life_in_years_and_kilowatts(self) -> None:
        # the same luminaire written with a life in years and the power in kW
        a = indoor_lighting.alternative(
            "A", luminaires=1, power="0.036 kW", price="3500 SEK", life="10 yr",
            operating_hours="2800 h/yr", electricity_price="1.20 SEK/kWh")
        r = lcc.evaluate(a, lcc.Study("15 yr", 0.0))
        # 3 500 at t = 0 and at t = 10; residual 3 500 × 5/10 at t = 15;
        # 100.8 kWh/yr × 1.20 = 120.96 SEK/yr × 15 years
        assert float(r.value) == pytest.approx(3500 + 3500 - 1750 + 120.96 * 15)

    def test_samples_of_a_bidder_input(self) -> None:
        power = lcc.Q_(np.array([30.0, 40.0]), "W")
        a = indoor_lighting.alternative(
            "A", luminaires=10, power=power, price="0 SEK", control_savings=0.5,
            operating_hours="1000 h/yr", electricity_price="2 SEK/kWh")
        r = lcc.evaluate(a, lcc.Study("1 yr", 0.0))
        # 10 × 30 W × 0.5 × 1 000 h = 150 kWh × 2 SEK/kWh = 300 SEK; 40 W: 400 SEK
        assert np.asarray(r.value) == pytest.approx([300.0, 400.0])


class TestStreetLighting:
    """250 luminaires of 60 W, 10 % constant-light-output savings, dimmed half the night."""

    PROFILE: ClassVar[Any] = (("1500 h/yr", 1.0), ("2500 h/yr", 0.5))

    def bid(self, **kw: object) -> lcc.Alternative:
        args: dict[str, object] = dict(
            luminaires=250, power="60 W", price="6000 SEK", control_savings=0.1,
            life="100000 h", dimming_profile=self.PROFILE, electricity_price="1.00 SEK/kWh")
        args.update(kw)
        return street_lighting.alternative("Road LED", **args)  # type: ignore[arg-type]

    def test_energy_of_the_dimming_profile(self) -> None:
        r = lcc.evaluate(self.bid(), lcc.Study("20 yr", 0.03))
        # 60 W × 0.9 = 54 W. Step 1: 54 W × 1 500 h = 81 000 Wh = 81 kWh;
        # step 2: 54 W × 0.5 = 27 W × 2 500 h = 67.5 kWh; 148.5 kWh/yr per luminaire
        # (EN 13201-5: 60 W × (1 500 + 0.5 × 2 500) h × 0.9 = 148.5 kWh)
        # × 250 = 37 125 kWh/yr × 1.00 SEK/kWh
        assert cat(r, "energy") == pytest.approx(37125 * upv(0.03, 20))

    def test_life_from_the_profile_hours(self) -> None:
        r = lcc.evaluate(self.bid(), lcc.Study("20 yr", 0.03))
        # 100 000 h / (1 500 + 2 500) h/yr = 25 yr: no replacement within 20 years;
        # residual 250 × 6 000 × 5/25 = 300 000 SEK at t = 20
        assert cat(r, "replacement") == 0.0
        assert cat(r, "acquisition") == pytest.approx(1500000)
        assert cat(r, "residual") == pytest.approx(-300000 / 1.03**20)

    def test_operating_hours_is_one_step_at_full_power(self) -> None:
        study = lcc.Study("20 yr", 0.03)
        a = lcc.evaluate(self.bid(dimming_profile=None, operating_hours="4000 h/yr"), study)
        b = lcc.evaluate(self.bid(dimming_profile=[("4000 h/yr", 1.0)]), study)
        assert float(a.value) == pytest.approx(float(b.value))
        # 54 W × 4 000 h = 216 kWh/yr × 250 = 54 000 kWh/yr
        assert cat(a, "energy") == pytest.approx(54000 * upv(0.03, 20))

    def test_hours_in_a_step_as_a_parameter(self) -> None:
        night = lcc.Parameter("dimmed_hours", "2500 h/yr")
        bid = self.bid(dimming_profile=[("1500 h/yr", 1.0), (night, 0.5)])
        study = lcc.Study("1 yr", 0.0)
        # 3 000 dimmed hours: 250 × (81 + 27 W × 3 000 h = 81 kWh) = 40 500 kWh
        r = lcc.evaluate(bid, study, overrides={"dimmed_hours": 3000})
        assert cat(r, "energy") == pytest.approx(40500)

    def test_profile_errors(self) -> None:
        with pytest.raises(lcc.LCCError, match="street_lighting: got both"):
            self.bid(operating_hours="4000 h/yr")
        with pytest.raises(lcc.LCCError, match="street_lighting: missing input 'dimming_profile'"):
            self.bid(dimming_profile=None)
        with pytest.raises(lcc.LCCError, match="more than a year"):
            self.bid(dimming_profile=[("6000 h/yr", 1.0), ("3000 h/yr", 0.5)])
        with pytest.raises(lcc.LCCError, match=r"step 2 fraction.*<= 1"):
            self.bid(dimming_profile=[("1000 h/yr", 1.0), ("1000 h/yr", 1.5)])
        with pytest.raises(lcc.LCCError, match="step 1 hours: got the bare number"):
            self.bid(dimming_profile=[(1500, 1.0)])


class TestDishwasher:
    """12 dishwashers, 10 years at 3 %: LCC = units × (price + (E × p_el + W × p_w) × UPV)."""

    BID: ClassVar[Any] = dict(
        price="6500 SEK", energy="240 kWh/yr", water="2800 l/yr",
        electricity_price="1.50 SEK/kWh", water_price="45 SEK/m**3", units=12)

    def test_hand_computed(self) -> None:
        r = lcc.evaluate(dishwasher.alternative("A", **self.BID), lcc.Study("10 yr", 0.03))
        # energy 240 kWh/yr × 1.50 SEK/kWh = 360 SEK/yr
        # water 2 800 l/yr = 2.8 m³/yr (1 m³ = 1 000 l) × 45 SEK/m³ = 126 SEK/yr
        # UPV(3 %, 10) = 8.530203
        assert upv(0.03, 10) == pytest.approx(8.530203, abs=1e-6)
        assert cat(r, "energy") == pytest.approx(12 * 360 * upv(0.03, 10))
        assert cat(r, "water") == pytest.approx(12 * 126 * upv(0.03, 10))
        # 12 × (6 500 + 486 × 8.530203) = 12 × 10 645.68 = 127 748.1 SEK
        assert float(r.value) == pytest.approx(12 * (6500 + 486 * upv(0.03, 10)))
        assert float(r.value) == pytest.approx(127748.1, abs=0.1)

    def test_water_in_cubic_metres_and_price_per_litre(self) -> None:
        study = lcc.Study("10 yr", 0.03)
        a = lcc.evaluate(dishwasher.alternative("A", **self.BID), study)
        other = {**self.BID, "water": "2.8 m**3/yr", "water_price": "0.045 SEK/l"}
        b = lcc.evaluate(dishwasher.alternative("B", **other), study)
        assert float(b.value) == pytest.approx(float(a.value))

    def test_escalation_and_emissions(self) -> None:
        bid = dishwasher.alternative("A", **{**self.BID, "units": 1}, escalation=0.02,
                                     emission_factor="0.1 kg/kWh")
        r = lcc.evaluate(bid, lcc.Study("10 yr", 0.03, carbon_price="2 SEK/kg"))
        # electricity 360 SEK × 1.02^k; emissions 240 kWh × 0.1 kg/kWh = 24 kg/yr × 2 SEK/kg
        assert cat(r, "energy") == pytest.approx(360 * upv_esc(0.03, 0.02, 10))
        assert cat(r, "externality") == pytest.approx(48 * upv(0.03, 10))
        assert r.emissions["CO2e"] == pytest.approx(240.0)


class TestFridgeFreezer:
    """3 cabinets of 600 l at 2.5 kWh/(48 h)/m³, used 300 days a year, 12 years at 4 %."""

    BID: ClassVar[Any] = dict(
        price="28000 SEK", net_volume="600 l", energy_48h="2.5 kWh/(48 h)/m**3",
        usage_days="300 d/yr", electricity_price="1.20 SEK/kWh", units=3)

    def test_hand_computed(self) -> None:
        r = lcc.evaluate(fridge_freezer.alternative("A", **self.BID, escalation=0.01),
                         lcc.Study("12 yr", 0.04))
        # 600 l = 0.6 m³; 2.5 kWh per 48 h per m³ × 0.6 m³ = 1.5 kWh per 48 h
        # = 0.75 kWh per day (48 h = 2 days) × 300 d/yr = 225 kWh/yr
        # × 1.20 SEK/kWh = 270 SEK/yr per cabinet, escalating 1 %/yr; × 3 cabinets
        assert cat(r, "energy") == pytest.approx(3 * 270 * upv_esc(0.04, 0.01, 12))
        assert cat(r, "acquisition") == pytest.approx(84000)
        assert float(r.value) == pytest.approx(84000 + 810 * upv_esc(0.04, 0.01, 12))

    def test_net_volume_in_cubic_metres_and_default_days(self) -> None:
        bid = {**self.BID, "net_volume": "0.6 m**3", "units": 1}
        del bid["usage_days"]
        r = lcc.evaluate(fridge_freezer.alternative("A", **bid), lcc.Study("1 yr", 0.0))
        # default 365 d/yr: 0.75 kWh/d × 365 d = 273.75 kWh × 1.20 SEK/kWh = 328.50 SEK
        assert cat(r, "energy") == pytest.approx(328.50)

    def test_usage_days_as_a_parameter(self) -> None:
        days = lcc.Parameter("usage_days", "300 d/yr", low="200 d/yr", high="365 d/yr")
        bid = fridge_freezer.alternative("A", **{**self.BID, "usage_days": days, "units": 1})
        # 0.75 kWh/d × 200 d = 150 kWh × 1.20 SEK/kWh = 180 SEK
        r = lcc.evaluate(bid, lcc.Study("1 yr", 0.0), overrides={"usage_days": 200})
        assert cat(r, "energy") == pytest.approx(180.0)


class TestVehicles:
    """Both methods of the vehicles calculator."""

    RATES = lcc.ExchangeRates("SEK", {"EUR": 11.0}, date="example", source="test")
    CVD_CAR: ClassVar[Any] = dict(
        method="cvd", price="20000 EUR", category="M1", fuel="diesel",
        consumption="5.0 l/100km", petrol_price="0.55 EUR/l", diesel_price="0.50 EUR/l",
        co2="132 g/km", nox="0.08 g/km", nmhc="0.02 g/km", pm="0.0045 g/km")

    def test_cvd_reproduces_the_directive_example(self) -> None:
        """REFERENCE §2 item 6 (Directive 2009/33/EC constants, arithmetic derived)."""
        r = lcc.evaluate(vehicles.alternative("Diesel", **self.CVD_CAR),
                         lcc.Study("10 yr", 0.04, currency="EUR"))
        # 5.0 l/100 km × 36 MJ/l = 1.8 MJ/km; diesel 0.50/36 = 0.013889 EUR/MJ < petrol
        # 0.55/32 = 0.017188; 200 000 km × 1.8 MJ/km × 0.013889 EUR/MJ = 5 000 EUR
        assert cat(r, "energy") == pytest.approx(5000.0)
        # CO2 200 000 km × 132 g/km = 26 400 kg × 0.04 EUR/kg = 1 056; NOx 16 kg × 4.4 EUR/kg
        # = 70.40; NMHC 4 kg × 1 EUR/kg = 4.00; PM 0.9 kg × 87 EUR/kg = 78.30 → 1 208.70
        assert cat(r, "externality") == pytest.approx(1208.70)
        # at t = 0, undiscounted whatever the rate: 20 000 + 6 208.70
        assert float(r.value) == pytest.approx(26208.70)

    def test_cvd_in_sek_with_eur_emission_costs(self) -> None:
        car = {**self.CVD_CAR, "price": "250000 SEK", "petrol_price": "6.05 SEK/l",
               "diesel_price": "5.50 SEK/l", "units": 2}
        r = lcc.evaluate(vehicles.alternative("Diesel", **car),
                         lcc.Study("10 yr", 0.04, exchange_rates=self.RATES))
        # 5.50 SEK/l / 36 MJ/l = 0.152778 SEK/MJ < 6.05/32 = 0.189063; 360 000 MJ
        # × 0.152778 = 55 000 SEK per car; emissions 1 208.70 EUR × 11 SEK/EUR = 13 295.70
        assert cat(r, "energy") == pytest.approx(2 * 55000.0)
        assert cat(r, "externality") == pytest.approx(2 * 13295.70)
        assert cat(r, "acquisition") == pytest.approx(500000.0)

    def test_lcc_method_is_vehicle_alternative(self) -> None:
        args = dict(price="300000 SEK", annual_mileage="15000 km/yr",
                    consumption="5 l/100km", fuel_price="18 SEK/l", life="8 yr",
                    maintenance="5000 SEK/yr", co2="132 g/km")
        study = lcc.Study("10 yr", 0.03, exchange_rates=self.RATES)
        r = lcc.evaluate(vehicles.alternative("Car", **args, units=4), study)
        # 15 000 km/yr × 5 l/100 km = 750 l/yr × 18 SEK/l = 13 500 SEK/yr per car × 4
        assert cat(r, "energy") == pytest.approx(4 * 13500 * upv(0.03, 10))
        # CO2 15 000 × 132 g = 1 980 kg/yr × 0.04 EUR/kg × 11 SEK/EUR = 871.20 SEK/yr per car
        assert cat(r, "externality") == pytest.approx(4 * 871.20 * upv(0.03, 10))
        direct = lcc.evaluate(vehicles.vehicle_alternative("Car", **args, quantity=4), study)
        assert float(r.value) == pytest.approx(float(direct.value))

    def test_emission_prices_none(self) -> None:
        car = vehicles.alternative("Car", price="300000 SEK", annual_mileage="15000 km/yr",
                                   consumption="5 l/100km", fuel_price="18 SEK/l",
                                   co2="132 g/km", emission_prices="none")
        r = lcc.evaluate(car, lcc.Study("10 yr", 0.03))
        assert "externality" not in r.by_category.index
        assert r.emissions["CO2"] == pytest.approx(19800.0)  # 1 980 kg/yr × 10


class TestITEquipment:
    """50 computers: 9 000 SEK, 25 kWh/yr TEC, used 4 years and resold for 800 SEK."""

    BID: ClassVar[Any] = dict(
        price="9000 SEK", tec="25 kWh/yr", resale_value="800 SEK",
        maintenance="150 SEK/yr", electricity_price="2 SEK/kWh", units=50)

    def test_replaced_and_resold_every_four_years(self) -> None:
        r = lcc.evaluate(it_equipment.alternative("PC", **self.BID, life="4 yr"),
                         lcc.Study("8 yr", 0.03))
        # 50 × 9 000 = 450 000 at t = 0 and again at t = 4; the second generation is at the
        # end of its life at t = 8 (linear residual 0); resold at t = 4 and t = 8:
        # 50 × 800 = 40 000 each time
        assert cat(r, "acquisition") == pytest.approx(450000)
        assert cat(r, "replacement") == pytest.approx(450000 / 1.03**4)
        assert cat(r, "residual") == pytest.approx(-40000 / 1.03**4 - 40000 / 1.03**8)
        # TEC 25 kWh/yr × 2 SEK/kWh = 50 SEK/yr; maintenance 150 SEK/yr; × 50 units
        assert cat(r, "energy") == pytest.approx(2500 * upv(0.03, 8))
        assert cat(r, "maintenance") == pytest.approx(7500 * upv(0.03, 8))

    def test_without_life_resold_at_the_end(self) -> None:
        r = lcc.evaluate(it_equipment.alternative("PC", **self.BID), lcc.Study("5 yr", 0.03))
        # one generation for the whole study, resold at t = 5
        assert cat(r, "residual") == pytest.approx(-40000 / 1.03**5)
        assert cat(r, "replacement") == 0.0


class TestPumpMotor:
    """2 pumps of 7.5 kW shaft power at 92 % efficiency on a three-step load profile."""

    PROFILE: ClassVar[Any] = [("2000 h/yr", 1.0), ("4000 h/yr", 0.6), ("1000 h/yr", 0.3)]

    def bid(self, **kw: object) -> lcc.Alternative:
        args: dict[str, object] = dict(
            shaft_power="7.5 kW", efficiency=0.92, price="60000 SEK",
            maintenance="2000 SEK/yr", life="15 yr", load_profile=self.PROFILE,
            electricity_price="1.10 SEK/kWh", units=2)
        args.update(kw)
        return pump_motor.alternative("Pump", **args)  # type: ignore[arg-type]

    def test_hand_computed(self) -> None:
        r = lcc.evaluate(self.bid(), lcc.Study("20 yr", 0.05))
        # shaft energy: 2 000 h × 7.5 kW × 1.0 = 15 000 kWh; 4 000 h × 7.5 × 0.6 = 18 000;
        # 1 000 h × 7.5 × 0.3 = 2 250; Σ = 35 250 kWh/yr at the shaft
        # / 0.92 = 38 315.22 kWh/yr from the grid × 1.10 SEK/kWh = 42 146.74 SEK/yr per pump
        electrical = 35250 / 0.92
        assert electrical == pytest.approx(38315.217, abs=1e-3)
        assert cat(r, "energy") == pytest.approx(2 * electrical * 1.10 * upv(0.05, 20))
        # replaced at t = 15; residual 60 000 × 10/15 = 40 000 per pump at t = 20
        assert cat(r, "replacement") == pytest.approx(2 * 60000 / 1.05**15)
        assert cat(r, "residual") == pytest.approx(-2 * 40000 / 1.05**20)
        assert cat(r, "maintenance") == pytest.approx(2 * 2000 * upv(0.05, 20))

    def test_watts_and_kilowatts(self) -> None:
        study = lcc.Study("20 yr", 0.05)
        a = lcc.evaluate(self.bid(), study)
        b = lcc.evaluate(self.bid(shaft_power="7500 W"), study)
        assert float(b.value) == pytest.approx(float(a.value))

    def test_bad_efficiency(self) -> None:
        with pytest.raises(lcc.LCCError, match=r"pump_motor: input 'efficiency'.*greater than 0"):
            self.bid(efficiency=0)
        with pytest.raises(lcc.LCCError, match=r"pump_motor: input 'efficiency'.*<= 1"):
            self.bid(efficiency=92)


class TestReusableVsSingleUse:
    """60 000 servings a year for 5 years at 4 %: single-use cups or a washed stock."""

    STUDY = lcc.Study("5 yr", 0.04)

    def test_single_use(self) -> None:
        alt = reusable_vs_single_use.alternative(
            "Single-use", kind="single_use", items_per_year="60000 /yr", price="0.45 SEK",
            mass="5 g", waste_fee="2.5 SEK/kg", co2e="0.01 kg")
        r = lcc.evaluate(alt, self.STUDY)
        # purchases 60 000 × 0.45 SEK = 27 000 SEK/yr
        assert cat(r, "consumables") == pytest.approx(27000 * upv(0.04, 5))
        # waste 60 000 × 5 g = 300 000 g = 300 kg (1 kg = 1 000 g) × 2.5 SEK/kg = 750 SEK/yr
        assert cat(r, "end_of_life") == pytest.approx(750 * upv(0.04, 5))
        # 60 000 × 0.01 kg = 600 kg CO2e a year × 5 years
        assert r.emissions["CO2e"] == pytest.approx(3000.0)
        assert float(r.value) == pytest.approx(27750 * upv(0.04, 5))

    def test_reusable(self) -> None:
        alt = reusable_vs_single_use.alternative(
            "Reusable", kind="reusable", stock=500, price="25 SEK", breakage_rate=0.1,
            uses_per_year="60000 /yr", energy_per_use="0.01 kWh", water_per_use="0.05 l",
            detergent_per_use="0.02 SEK", labour_per_use="0.15 SEK", end_of_life_fee="1 SEK",
            electricity_price="1.20 SEK/kWh", water_price="45 SEK/m**3", co2e="0.2 kg")
        r = lcc.evaluate(alt, self.STUDY)
        u = upv(0.04, 5)
        # initial stock 500 × 25 SEK = 12 500 SEK at t = 0
        assert cat(r, "acquisition") == pytest.approx(12500)
        # 10 % of 500 = 50 items broken a year: 50 × 25 = 1 250 SEK/yr bought, 50 × 1 SEK
        # disposed of
        assert cat(r, "replacement") == pytest.approx(1250 * u)
        assert cat(r, "end_of_life") == pytest.approx(50 * u)
        # washing energy 60 000 × 0.01 kWh = 600 kWh/yr × 1.20 SEK/kWh = 720 SEK/yr
        assert cat(r, "energy") == pytest.approx(720 * u)
        # water 60 000 × 0.05 l = 3 000 l = 3 m³/yr × 45 SEK/m³ = 135 SEK/yr
        assert cat(r, "water") == pytest.approx(135 * u)
        # detergent 60 000 × 0.02 = 1 200 SEK/yr; labour 60 000 × 0.15 = 9 000 SEK/yr
        assert cat(r, "consumables") == pytest.approx(1200 * u)
        assert cat(r, "other") == pytest.approx(9000 * u)
        assert float(r.value) == pytest.approx(12500 + 12355 * u)
        # CO2e: initial stock 500 × 0.2 kg = 100 kg (year 1) + 50 × 0.2 = 10 kg/yr × 5
        assert r.emissions["CO2e"] == pytest.approx(150.0)
        by_year = r.emissions_by_year["CO2e"]
        assert float(by_year.iloc[1]) == pytest.approx(110.0)
        assert float(by_year.iloc[2]) == pytest.approx(10.0)

    def test_inputs_of_the_other_kind_are_refused(self) -> None:
        with pytest.raises(lcc.LCCError, match=r"'stock' applies to kind='reusable' only"):
            reusable_vs_single_use.alternative(
                "S", kind="single_use", items_per_year="1 /yr", price="1 SEK", stock=10)
        with pytest.raises(lcc.LCCError, match="missing input 'water_price'"):
            reusable_vs_single_use.alternative(
                "R", kind="reusable", stock=1, price="1 SEK", uses_per_year="1 /yr",
                water_per_use="1 l")
        with pytest.raises(lcc.LCCError, match="missing input 'mass'"):
            reusable_vs_single_use.alternative(
                "S", kind="single_use", items_per_year="1 /yr", price="1 SEK",
                waste_fee="1 SEK/kg")


class TestRefurbishedVsNew:
    """20 desks, 10 years at 3 %, carbon priced at 1.5 SEK/kg."""

    STUDY = lcc.Study("10 yr", 0.03, carbon_price="1.5 SEK/kg")

    def test_new(self) -> None:
        new = refurbished_vs_new.alternative(
            "New", price="4000 SEK", life="10 yr", transport="200 SEK", resale_value="500 SEK",
            embodied_co2e="120 kg", units=20)
        r = lcc.evaluate(new, self.STUDY)
        # (4 000 + 200) × 20 = 84 000 at t = 0; life 10 = study: no replacement, residual 0
        assert cat(r, "acquisition") == pytest.approx(84000)
        assert cat(r, "replacement") == 0.0
        # resold at the end of its life, t = 10: 20 × 500 = 10 000
        assert cat(r, "residual") == pytest.approx(-10000 / 1.03**10)
        # 120 kg / 10 yr = 12 kg/yr × 20 = 240 kg/yr × 1.5 SEK/kg = 360 SEK/yr
        assert r.emissions["CO2e"] == pytest.approx(2400.0)
        assert cat(r, "externality") == pytest.approx(360 * upv(0.03, 10))

    def test_refurbished(self) -> None:
        used = refurbished_vs_new.alternative(
            "Refurbished", condition="refurbished", price="1800 SEK", life="5 yr",
            transport="300 SEK", resale_value="200 SEK", embodied_co2e="15 kg", units=20)
        r = lcc.evaluate(used, self.STUDY)
        # (1 800 + 300) × 20 = 42 000 at t = 0 and again at t = 5 (remaining life 5 years)
        assert cat(r, "acquisition") == pytest.approx(42000)
        assert cat(r, "replacement") == pytest.approx(42000 / 1.03**5)
        # resold at t = 5 and t = 10: 20 × 200 = 4 000 each time
        assert cat(r, "residual") == pytest.approx(-4000 / 1.03**5 - 4000 / 1.03**10)
        # 15 kg / 5 yr = 3 kg/yr × 20 = 60 kg/yr: 600 kg (two items' worth each) × 1.5 SEK/kg
        assert r.emissions["CO2e"] == pytest.approx(600.0)
        assert cat(r, "externality") == pytest.approx(90 * upv(0.03, 10))
        new = refurbished_vs_new.alternative(
            "New", price="4000 SEK", life="10 yr", transport="200 SEK", resale_value="500 SEK",
            embodied_co2e="120 kg", units=20)
        assert lcc.compare([new, used], self.STUDY).best == "Refurbished"

    def test_life_not_a_multiple_keeps_a_linear_residual(self) -> None:
        item = refurbished_vs_new.alternative("R", price="1000 SEK", life="4 yr")
        r = lcc.evaluate(item, lcc.Study("10 yr", 0.0))
        # bought at 0, 4, 8; the third has 2 of 4 years left at t = 10: residual 500
        assert cat(r, "replacement") == pytest.approx(2000)
        assert cat(r, "residual") == pytest.approx(-500)


@pytest.mark.parametrize("module, args", [
    (dishwasher, TestDishwasher.BID),
    (fridge_freezer, TestFridgeFreezer.BID),
    (it_equipment, {**TestITEquipment.BID, "life": "4 yr"}),
])
def test_units_multiply_every_flow(module: object, args: dict[str, object]) -> None:
    study = lcc.Study("10 yr", 0.03)
    one = lcc.evaluate(module.alternative("A", **{**args, "units": 1}), study)  # type: ignore[attr-defined]
    many = lcc.evaluate(module.alternative("A", **{**args, "units": 7}), study)  # type: ignore[attr-defined]
    assert float(many.value) == pytest.approx(7 * float(one.value))
