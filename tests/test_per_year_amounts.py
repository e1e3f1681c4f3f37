"""An amount per year is written per a calendar period, never per hour of use.

pint converts '50 kr/h' to kr/yr over every hour of the year (× 8 766), and reads an annual
energy of '45 W' as 45 W all year round (394.47 kWh/yr): a cost per operating hour or a
luminaire's power typed into a yearly field became a yearly amount without a word. A yearly
field now takes amounts per year, month, week or day; per hour, minute or second (and
powers and flows) are refused with the all-year reading shown.
"""

from __future__ import annotations

import pytest

import lcc
from lcc import LCCError

STUDY = lcc.Study("1 yr", 0.0)


@pytest.mark.parametrize(("build", "field", "yearly"), [
    (lambda: lcc.Recurring("50 kr/h"), "Recurring.amount_per_year", "438300 SEK/yr"),
    (lambda: lcc.Recurring("2 kr/min"), "Recurring.amount_per_year", "1051920 SEK/yr"),
    (lambda: lcc.Energy(annual="45 W", price="1 SEK/kWh"), "Energy.annual", "394.47 kWh/yr"),
    (lambda: lcc.Energy(annual="5 kWh/h", price="1 SEK/kWh"), "Energy.annual",
     "43830 kWh/yr"),
    (lambda: lcc.Water(annual="0.1 l/s", price="40 kr/m3"), "Water.annual", "3155.76 m³/yr"),
    (lambda: lcc.Emission(annual="2 g/h"), "Emission.annual", "17.532 kg/yr"),
    (lambda: lcc.Energy(distance="50 km/h", consumption="0.5 l/(10 km)", price="20 kr/l"),
     "Energy.distance", "438300 km/yr"),
    (lambda: lcc.Recurring(lcc.Parameter("fee", "50 kr/h")), "Recurring.amount_per_year",
     "438300 SEK/yr"),
    (lambda: lcc.Energy(annual=lcc.Q_(45, "W"), price="1 SEK/kWh"), "Energy.annual",
     "394.47 kWh/yr"),
])
def test_an_amount_per_hour_or_second_is_refused(build, field: str, yearly: str) -> None:
    # 50 kr/h × 8 766 h/yr = 438 300 kr/yr; 45 W × 8 766 h = 394.47 kWh
    with pytest.raises(LCCError) as info:
        build()
    assert info.value.field == field and info.value.code == "wrong-unit"
    assert "which is not per year, month, week or day: counted all year round it is " \
        f"{yearly!r}" in str(info.value)
    assert "räknat året runt blir det" in info.value.message_in("sv")


@pytest.mark.parametrize(("text", "sek"), [
    ("500 kr/mån", 500 * 12),            # 12 months a year
    ("500 kr/vecka", 500 * 365.25 / 7),  # 52.18 weeks: pint's week of the 365.25-day year
    ("50 kr/dygn", 50 * 365.25),
    ("50 kr/d", 50 * 365.25),
    ("50 tkr/år", 50_000),
    ("100 kr/(2 yr)", 50),
])
def test_an_amount_per_calendar_period_is_read(text: str, sek: float) -> None:
    result = lcc.evaluate(lcc.Alternative("A", lcc.Recurring(text)), STUDY)
    assert result.value == pytest.approx(sek, rel=1e-12)


def test_power_and_hours_and_products_still_give_energy_per_year() -> None:
    # 45 W × 4 000 h/yr = 180 kWh/yr at 1 SEK/kWh; 8 h/dygn = 2 922 h/yr: 131.49 kWh
    energy = lcc.Energy(power="45 W", hours="4000 h/yr", price="1 SEK/kWh")
    assert lcc.evaluate(lcc.Alternative("A", energy), STUDY).value == pytest.approx(180.0)
    daily = lcc.Energy(power="45 W", hours="8 h/dygn", price="1 SEK/kWh")
    assert lcc.evaluate(lcc.Alternative("A", daily), STUDY).value == \
        pytest.approx(45 * 8 * 365.25 / 1000)
    product = lcc.Energy(annual=lcc.Product("45 W", "4000 h/yr"), price="1 SEK/kWh")
    assert lcc.evaluate(lcc.Alternative("A", product), STUDY).value == pytest.approx(180.0)


def test_in_a_tender_file() -> None:
    text = """name = "T"
[study]
period = "1 yr"
discount_rate = 0.0
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Energy"
annual = "45 W"
price = "1 SEK/kWh"
"""
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(text)
    [issue] = info.value.errors
    assert (issue.code, issue.path, issue.line) == ("wrong-unit", "alternatives[0].items[0].annual",
                                                    9)
    text = text.replace('annual = "45 W"', 'annual = "180 kWh/yr"')
    assert lcc.io.loads_tender(text).evaluate()["A"].value == pytest.approx(180.0)


@pytest.mark.parametrize(("build", "field"), [
    (lambda: lcc.Energy(power="1 kW", hours="9000 h/yr", price="1 SEK/kWh"), "Energy.hours"),
    (lambda: lcc.Energy(power="1 kW", hours="25 h/dygn", price="1 SEK/kWh"), "Energy.hours"),
    (lambda: lcc.Investment("100 SEK", life="50000 h", hours="9000 h/yr"), "Investment.hours"),
])
def test_more_operating_hours_than_a_year_has_are_refused(build, field: str) -> None:
    """A year has at most 24 × 366 = 8 784 hours; 25 h/dygn is 9 131.25 h/yr."""
    with pytest.raises(LCCError) as info:
        build()
    assert str(info.value) == f"{field}: got {info.value.message.values['value']}; expected " \
                              "hours per year <= 8784"  # one message, not the same one twice
    assert info.value.field == field


def test_a_calculators_operating_hours_keep_the_same_bound() -> None:
    from lcc.templates import street_lighting
    [hours] = [i for i in street_lighting.INPUTS if i.name == "operating_hours"]
    assert hours.field.maximum == 8784.0
    # 1 kW all year round, 24 × 366 = 8 784 h: 8 784 kWh at 1 SEK/kWh
    energy = lcc.Energy(power="1 kW", hours="8784 h/yr", price="1 SEK/kWh")
    assert lcc.evaluate(lcc.Alternative("A", energy), STUDY).value == pytest.approx(8784.0)


def test_a_calculators_days_of_use_are_at_most_a_years() -> None:
    from lcc.templates import fridge_freezer
    [days] = [i for i in fridge_freezer.INPUTS if i.name == "usage_days"]
    assert days.field.maximum == 366.0  # 8 784 h / 24
    with pytest.raises(LCCError, match=r"usage_days.*got '450 d/yr'; expected .* <= 366") as e:
        fridge_freezer.alternative("A", price="20000 SEK", energy_48h="0.5 kWh/(48 h)/m**3",
                                   net_volume="1.2 m**3", usage_days="450 d/yr",
                                   electricity_price="1.5 SEK/kWh")
    assert e.value.field.endswith("usage_days")
