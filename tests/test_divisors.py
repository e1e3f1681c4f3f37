"""Inputs an LCC divides by: an efficiency, the operating hours a life in burning hours is
counted with. Each keeps clear of 0 over every value an analysis gives it, and a calculator
that divides by one says so at the input instead of raising ZeroDivisionError."""

from __future__ import annotations

import math

import pytest
import scipy.stats as st

import lcc
from lcc import LCCError
from lcc.io import load_tender
from lcc.io._issues import TenderError
from lcc.sensitivity import tornado
from lcc.templates import indoor_lighting, pump_motor

STUDY = lcc.Study("20 yr", 0.03)
#: UPV(20 yr, 3 %) = (1 − 1.03^−20) / 0.03
UPV = (1 - 1.03 ** -20) / 0.03


def _energy(efficiency: lcc.Parameter) -> lcc.Alternative:
    annual = lcc.Product("1000 kWh/yr", lcc.reciprocal(efficiency))
    return lcc.Alternative("a", lcc.Energy(annual=annual, price="1 SEK/kWh"))


@pytest.mark.parametrize(("parameter", "which", "reaches"), [
    (lcc.Parameter("eff", 0.8, low=0.0, high=0.9), "low", "reaches 0 (its low)"),
    (lcc.Parameter("eff", "80 %", low="-5 %", high="90 %"), "low", "reaches -5 % (its low)"),
    (lcc.Parameter("eff", -0.8, low=-0.9, high=0.1), "high", "reaches 0.1 (its high)"),
    (lcc.Parameter("eff", 0.8, distribution=st.uniform(0, 1)), "distribution",
     "reaches 0 (an end of its distribution)"),
])
def test_a_divisor_whose_range_reaches_zero_is_refused(parameter, which, reaches) -> None:
    with pytest.raises(LCCError) as info:
        _energy(parameter)
    assert info.value.field == "Energy.annual"
    assert info.value.code == "invalid-value"
    assert info.value.parameter == ("eff", which)
    assert f"divides by Parameter 'eff', which {reaches}" in str(info.value)


def test_a_divisor_clear_of_zero_gives_finite_tornado_figures() -> None:
    # a normal distribution whose 1e-9 quantile is 0.8 − 6.0 × 0.05 = 0.5 > 0 is accepted
    _energy(lcc.Parameter("eff", 0.8, distribution=st.norm(0.8, 0.05)))
    row = tornado([_energy(lcc.Parameter("eff", 0.8, low=0.5, high=1.0))], STUDY).iloc[0]
    # 1000 kWh / 0.5 × 1 SEK/kWh × UPV = 2000 × 14.877475 = 29 754.95 SEK
    assert row["lcc_low"] == pytest.approx(2000 * UPV)
    assert row["lcc_high"] == pytest.approx(1000 * UPV)
    assert math.isfinite(row["swing"])


def test_operating_hours_reaching_zero_for_a_life_in_burning_hours() -> None:
    hours = lcc.Parameter("hours", "4000 h/yr", low="0 h/yr", high="5000 h/yr")
    with pytest.raises(LCCError) as info:
        lcc.Alternative("a", lcc.Investment("1000 SEK", life="50000 h", hours=hours))
    assert info.value.parameter == ("hours", "low")
    assert "reaches 0 h/yr (its low)" in str(info.value)


PUMP = """\
format = "lcc.tender/1"
name = "Pumps"
[study]
period = "10 yr"
discount_rate = 0.035

[[alternatives]]
name = "Pump A"
template = "pump_motor"
[alternatives.parameters.eff_a]
value = 0.88
low = 0.0
high = 0.95
[alternatives.inputs]
shaft_power = "7.5 kW"
efficiency = { parameter = "eff_a" }
price = "60000 SEK"
load_profile = [["2000 h/yr", 1.0]]
electricity_price = "1.1 SEK/kWh"
"""


def test_a_calculator_input_reaching_zero_stands_at_the_parameter(tmp_path) -> None:
    path = tmp_path / "t.toml"
    path.write_text(PUMP, encoding="utf-8")
    with pytest.raises(TenderError) as info:
        load_tender(path)
    [issue] = info.value.errors
    assert (issue.path, issue.line) == ("alternatives[0].parameters.eff_a.low", 12)
    assert "(read by alternatives[0].inputs.efficiency)" in issue.message
    assert "which reaches 0 (its low)" in issue.message
    with pytest.raises(LCCError) as api:
        pump_motor.alternative("A", shaft_power="7.5 kW", price="60000 SEK",
                               efficiency=lcc.Parameter("eff_a", 0.88, low=0.0, high=0.95),
                               load_profile=[("2000 h/yr", 1.0)],
                               electricity_price="1.1 SEK/kWh")
    assert api.value.field == "pump_motor.efficiency"
    assert api.value.parameter == ("eff_a", "low")


LIGHT = dict(luminaires=10, power="40 W", price="1000 SEK", electricity_price="1.5 SEK/kWh")


@pytest.mark.parametrize("hours", ["0 h/yr", 0 * lcc.Q_(1, "h/yr")])
def test_a_life_in_burning_hours_with_no_operating_hours_is_refused_at_the_life(hours) -> None:
    with pytest.raises(LCCError) as info:
        indoor_lighting.alternative("LED", life="50000 h", operating_hours=hours, **LIGHT)
    assert info.value.field == "indoor_lighting.life"
    assert "a life in hours needs operating hours above 0" in str(info.value)


def test_a_life_in_kilohours_is_burning_hours() -> None:
    # 50 kh = 50 000 h of operation ÷ 4 000 h/yr = 12.5 years
    values = [lcc.evaluate(indoor_lighting.alternative(
        "LED", life=life, operating_hours="4000 h/yr", **LIGHT), STUDY).value
        for life in ("50 kh", "50000 h", "12.5 yr")]
    assert values[0] == pytest.approx(values[2])
    assert values[1] == pytest.approx(values[2])


def test_no_operating_hours_in_a_tender_file_is_exit_2(tmp_path, capsys) -> None:
    from lcc.cli import main

    path = tmp_path / "t.toml"
    path.write_text(
        'format = "lcc.tender/1"\nname = "L"\n[study]\nperiod = "20 yr"\n'
        'discount_rate = 0.035\n[[alternatives]]\nname = "LED"\n'
        'template = "indoor_lighting"\n[alternatives.inputs]\nluminaires = 10\n'
        'power = "40 W"\nprice = "1000 SEK"\nlife = "50000 h"\n'
        'operating_hours = "0 h/yr"\nelectricity_price = "1.5 SEK/kWh"\n', encoding="utf-8")
    assert main(["evaluate", str(path), "--lang", "sv"]) == 2
    err = capsys.readouterr().err
    assert "t.toml:13: alternatives[0].inputs.life (livslängd): fick '50000 h'" in err
    assert "drifttid" in err
