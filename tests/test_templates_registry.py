"""The calculator registry, the INPUTS descriptions, Parameters and input errors."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np
import pandas as pd
import pytest

import lcc
from lcc import templates
from lcc.templates import Input

NAMES = ("indoor_lighting", "street_lighting", "dishwasher", "fridge_freezer", "vehicles",
         "it_equipment", "pump_motor", "reusable_vs_single_use", "refurbished_vs_new")

RATES = lcc.ExchangeRates("SEK", {"EUR": 11.0}, date="example", source="test")
STUDY = lcc.Study("12 yr", 0.03, exchange_rates=RATES, carbon_price="1.5 SEK/kg")

#: Per calculator and selector value: the inputs that are needed beyond the required ones
#: (one of two alternatives, or needed by one method only).
SETUPS: dict[str, list[dict[str, Any]]] = {
    "indoor_lighting": [{}],
    "street_lighting": [{"dimming_profile": [("1500 h/yr", 1.0), ("2500 h/yr", 0.5)]}],
    "dishwasher": [{}],
    "fridge_freezer": [{}],
    "vehicles": [{"method": "lcc"},
                 {"method": "cvd", "co2": "132 g/km", "nox": "0.08 g/km", "nmhc": "0.02 g/km",
                  "pm": "0.0045 g/km"}],
    "it_equipment": [{}],
    "pump_motor": [{}],
    "reusable_vs_single_use": [{"kind": "single_use"}, {"kind": "reusable"}],
    "refurbished_vs_new": [{}],
}

#: Values for the Parameter test where the example cannot be a Parameter.
PARAMETER_VALUE: dict[tuple[str, str], Any] = {
    ("indoor_lighting", "life"): "20 yr",  # a life in burning hours is converted: a value
    ("street_lighting", "life"): "20 yr",
    ("vehicles", "residual"): 0.2,  # the example is the word 'linear'
    ("vehicles", "co2_price"): "0.04 EUR/kg",  # the example is the word 'high'
    ("vehicles", "emission_cost_factor"): 1.2,  # × 1.5 stays within 1–2
    ("pump_motor", "efficiency"): 0.6,  # × 1.5 stays ≤ 1
}

#: Optional inputs whose example cannot be added alone to a setup (they need a partner,
#: or exclude another example).
NEEDS: dict[tuple[str, str], dict[str, Any]] = {
    ("reusable_vs_single_use", "waste_fee"): {"mass": "5 g"},
    ("reusable_vs_single_use", "energy_per_use"): {"electricity_price": "1.2 SEK/kWh"},
    ("reusable_vs_single_use", "water_per_use"): {"water_price": "45 SEK/m**3"},
    ("street_lighting", "operating_hours"): {"dimming_profile": None},
    ("reusable_vs_single_use", "mass"): {"waste_fee": "2.5 SEK/kg"},
    ("reusable_vs_single_use", "electricity_price"): {"energy_per_use": "0.01 kWh"},
    ("reusable_vs_single_use", "escalation"): {"energy_per_use": "0.01 kWh",
                                              "electricity_price": "1.2 SEK/kWh"},
    ("reusable_vs_single_use", "emission_factor"): {"energy_per_use": "0.01 kWh",
                                                   "electricity_price": "1.2 SEK/kWh"},
    ("reusable_vs_single_use", "water_price"): {"water_per_use": "0.05 l"},
    ("vehicles", "residual"): {"life": "8 yr"},
    # the Directive's emission costs apply to exhaust emissions per km
    ("vehicles", "co2_price"): {"co2": "132 g/km"},
    ("vehicles", "emission_cost_factor"): {"co2": "132 g/km", "nox": "0.08 g/km"},
    # inputs that count only together with another optional one
    ("reusable_vs_single_use", "end_of_life_fee"): {"breakage_rate": 0.1},
    ("reusable_vs_single_use", "uses_per_year"): {"labour_per_use": "0.15 SEK"},
}

#: The only inputs (besides choices) that refuse a Parameter, and why.
NO_PARAMETER: dict[tuple[str, str], str] = {
    ("vehicles", "petrol_price"): "the lower of the petrol and diesel price per MJ",
    ("vehicles", "diesel_price"): "the lower of the petrol and diesel price per MJ",
}


def applies(inp: Input, setup: dict[str, Any]) -> bool:
    selected = setup.get("kind", setup.get("method"))
    return not inp.applies_to or selected in inp.applies_to


def base_inputs(module: ModuleType, setup: dict[str, Any]) -> dict[str, Any]:
    """The examples of the required inputs that apply, plus the setup."""
    out = {inp.name: inp.example for inp in module.INPUTS
           if inp.required and applies(inp, setup)}
    out.update(setup)
    return out


def cases() -> list[tuple[str, dict[str, Any]]]:
    return [(name, setup) for name in NAMES for setup in SETUPS[name]]


def value_of(result: lcc.LCCResult) -> float:
    return float(result.value)


# ---------------------------------------------------------------- registry


def test_the_binding_names() -> None:
    assert tuple(templates.CALCULATORS) == NAMES
    for name, module in templates.CALCULATORS.items():
        assert templates.get(name) is module
        assert name == module.NAME
        assert isinstance(module.TITLE, str) and module.TITLE
        assert callable(module.alternative)
        assert isinstance(module.INPUTS, tuple) and module.INPUTS
        assert all(isinstance(inp, Input) for inp in module.INPUTS)
        assert module.__doc__ and "Reference" in module.__doc__
    assert lcc.templates.CALCULATORS["vehicles"] is lcc.templates.vehicles


def test_get_reads_dashes_and_refuses_unknown_names() -> None:
    assert templates.get("Indoor-Lighting") is templates.CALCULATORS["indoor_lighting"]
    with pytest.raises(lcc.LCCError, match=r"unknown calculator 'toaster'.*dishwasher"):
        templates.get("toaster")


def test_list_calculators() -> None:
    table = templates.list_calculators()
    assert isinstance(table, pd.DataFrame)
    assert tuple(table.columns) == templates.COLUMNS
    assert len(table) == sum(len(m.INPUTS) for m in templates.CALCULATORS.values())
    assert list(dict.fromkeys(table["calculator"])) == list(NAMES)
    row = table[(table.calculator == "fridge_freezer") & (table.input == "energy_48h")].iloc[0]
    assert row.role == "bidder"
    assert row.unit == "kWh/(48 h)/m**3"
    assert row.parameter
    one = templates.list_calculators("dishwasher")
    assert set(one["calculator"]) == {"dishwasher"}
    assert {"price", "energy", "water", "electricity_price", "water_price", "units"} <= \
        set(one["input"])
    bidder = one[one.role == "bidder"]["input"].tolist()
    assert bidder == ["price", "energy", "water"]  # one bid-form row each


# ---------------------------------------------------------------- the INPUTS descriptions


@pytest.mark.parametrize("name", NAMES)
def test_every_input_is_described(name: str) -> None:
    module = templates.get(name)
    names = [inp.name for inp in module.INPUTS]
    assert len(names) == len(set(names)), "input names are unique"
    for inp in module.INPUTS:
        assert inp.role in ("buyer", "bidder")
        assert inp.meaning.strip() and inp.source.strip()
        assert inp.example is not None, f"{name}.{inp.name} has an example"
        assert not (inp.required and inp.default is not None)
        for unit in inp.units:
            if unit in ("", "1"):
                assert inp.kind in ("choice", "number", "count") or unit == "1"
                continue
            # the unit reads with lcc's registry (as a Parameter value: lcc's parser; a
            # ratio of like units such as kg/kg reads as a plain number)
            lcc.Parameter("u", f"1 {unit}")
        if inp.kind == "choice":
            assert inp.unit == "" and inp.choices
            assert inp.example in inp.choices
        if inp.kind in ("number", "count"):
            assert inp.unit == "1"
    # every keyword the calculator reads is described: the examples build an alternative
    assert set(names) >= {"units"} or name in ("indoor_lighting", "street_lighting",
                                               "reusable_vs_single_use")


@pytest.mark.parametrize(("name", "setup"), cases())
def test_the_examples_build_a_valid_alternative(name: str, setup: dict[str, Any]) -> None:
    module = templates.get(name)
    alt = module.alternative("example", **base_inputs(module, setup))
    assert value_of(lcc.evaluate(alt, STUDY)) > 0
    for inp in module.INPUTS:
        if inp.required or not applies(inp, setup) or inp.name in setup:
            continue
        args = {**base_inputs(module, setup), inp.name: inp.example,
                **NEEDS.get((name, inp.name), {})}
        if name == "vehicles" and inp.name == "emission_factor":
            args["co2"] = None  # the lifecycle factor replaces the exhaust CO2
        alt = module.alternative("example", **args)
        assert np.all(np.isfinite(np.asarray(lcc.evaluate(alt, STUDY).value)))


@pytest.mark.parametrize(("name", "setup"), cases())
def test_defaults_equal_leaving_the_input_out(name: str, setup: dict[str, Any]) -> None:
    module = templates.get(name)
    args = base_inputs(module, setup)
    plain = value_of(lcc.evaluate(module.alternative("a", **args), STUDY))
    for inp in module.INPUTS:
        if inp.default is None or inp.name in setup or not applies(inp, setup):
            continue
        given = module.alternative("a", **{**args, inp.name: inp.default})
        assert value_of(lcc.evaluate(given, STUDY)) == pytest.approx(plain), inp.name


# ---------------------------------------------------------------- Parameters


def scaled(value: Any, factor: float) -> Any:
    """A value × factor in its own unit (a string example is read first)."""
    p = lcc.Parameter("x", value)
    return p.value * factor


def parameter_cases() -> list[tuple[str, dict[str, Any], str]]:
    out = []
    for name, setup in cases():
        module = templates.get(name)
        for inp in module.INPUTS:
            if not inp.parameter or not applies(inp, setup) or inp.kind in ("choice",
                                                                             "profile"):
                continue
            if isinstance(inp.example, str) and inp.example in inp.choices and \
                    (name, inp.name) not in PARAMETER_VALUE:
                continue
            out.append((name, setup, inp.name))
    return out


@pytest.mark.parametrize(("name", "setup", "key"), parameter_cases())
def test_parameters_reach_overrides(name: str, setup: dict[str, Any], key: str) -> None:
    """Every input that accepts a Parameter: overriding it equals building with the value."""
    module = templates.get(name)
    inp = next(i for i in module.INPUTS if i.name == key)
    args = {**base_inputs(module, setup), **NEEDS.get((name, key), {})}
    if name == "vehicles" and key == "emission_factor":
        args["co2"] = None
    example = PARAMETER_VALUE.get((name, key), inp.example)
    param = lcc.Parameter(key, example, role=inp.role)
    # 1.5 × the example, or 0.8 × where that passes the input's bound (300 days a year of
    # use × 1.5 is more days than a year has), or 2 × a count
    factor = 0.8 if inp.field.maximum is not None and \
        float(param.magnitude) * 1.5 > inp.field.maximum else 1.5
    if inp.kind == "count":  # a count stays whole: 5 vehicles × 2
        factor = 2
    changed = scaled(example, factor)
    with_param = module.alternative("p", **{**args, key: param})
    with_value = module.alternative("v", **{**args, key: changed})
    base = module.alternative("b", **{**args, key: example})
    magnitude = param.magnitude * factor
    overridden = lcc.evaluate(with_param, STUDY, overrides={key: magnitude})
    assert value_of(overridden) == pytest.approx(value_of(lcc.evaluate(with_value, STUDY)))
    assert value_of(lcc.evaluate(with_param, STUDY)) == pytest.approx(
        value_of(lcc.evaluate(base, STUDY)))
    assert value_of(overridden) != pytest.approx(value_of(lcc.evaluate(base, STUDY))), \
        f"{name}.{key} changes the LCC"


def test_every_input_but_choices_and_two_fuel_prices_accepts_a_parameter() -> None:
    """Inputs multiplied together reach the model as an lcc.Product, so each stays a
    Parameter: every buyer and bidder input of every calculator accepts one, except a
    choice and the documented exceptions."""
    refused = {(name, inp.name) for name in NAMES for inp in templates.get(name).INPUTS
               if not inp.parameter and inp.kind != "choice"}
    assert refused == set(NO_PARAMETER)
    for (name, key), why in NO_PARAMETER.items():
        inp = next(i for i in templates.get(name).INPUTS if i.name == key)
        assert "not a Parameter" in inp.meaning, (name, key, why)


def profile_cases() -> list[tuple[str, dict[str, Any], str]]:
    return [(name, setup, inp.name) for name, setup in cases()
            for inp in templates.get(name).INPUTS if inp.kind == "profile"]


@pytest.mark.parametrize(("name", "setup", "key"), profile_cases())
def test_the_hours_and_fractions_of_a_profile_reach_overrides(
        name: str, setup: dict[str, Any], key: str) -> None:
    """A profile step's hours and its fraction as Parameters: overriding each equals building
    with the value."""
    module = templates.get(name)
    inp = next(i for i in module.INPUTS if i.name == key)
    assert inp.parameter
    args = {**base_inputs(module, setup), **NEEDS.get((name, key), {})}
    (h1, f1), (h2, f2) = inp.example
    hours, level = lcc.Parameter("step_hours", h2), lcc.Parameter("step_level", f2)
    with_param = module.alternative("p", **{**args, key: [(h1, f1), (hours, level)]})
    assert {"step_hours", "step_level"} <= {p.name for p in with_param.parameters()}
    base = module.alternative("b", **{**args, key: [(h1, f1), (h2, f2)]})
    assert value_of(lcc.evaluate(with_param, STUDY)) == pytest.approx(
        value_of(lcc.evaluate(base, STUDY)))
    for moved, override in (([(h1, f1), (scaled(h2, 1.5), f2)], {"step_hours": 1.5 *
                                                                   hours.magnitude}),
                            ([(h1, f1), (h2, f2 * 0.5)], {"step_level": f2 * 0.5})):
        expected = value_of(lcc.evaluate(module.alternative("v", **{**args, key: moved}),
                                         STUDY))
        got = value_of(lcc.evaluate(with_param, STUDY, overrides=override))
        assert got == pytest.approx(expected)
        assert got != pytest.approx(value_of(lcc.evaluate(base, STUDY)))


@pytest.mark.parametrize("name", ["it_equipment", "refurbished_vs_new"])
def test_a_resale_value_parameter_with_a_life(name: str) -> None:
    """With a life the resale recurs at each end of life (−1 × resale_value, a Product):
    the resale value may still be a Parameter; the life then may not."""
    module = templates.get(name)
    args = {**base_inputs(module, {}), "life": "4 yr"}
    study = lcc.Study("12 yr", 0.03)
    resale = lcc.Parameter("resale_value", "800 SEK", role="bidder")
    with_param = module.alternative("p", **args, resale_value=resale)
    base = module.alternative("b", **args, resale_value="800 SEK")
    moved = module.alternative("v", **args, resale_value="1200 SEK")
    assert value_of(lcc.evaluate(with_param, study)) == pytest.approx(
        value_of(lcc.evaluate(base, study)))
    assert value_of(lcc.evaluate(with_param, study, overrides={"resale_value": 1200})) == \
        pytest.approx(value_of(lcc.evaluate(moved, study)))
    with pytest.raises(lcc.LCCError, match=rf"^{name}: input 'life': got Parameter 'life', "
                                           rf"but with a resale_value"):
        module.alternative("x", **{**args, "life": lcc.Parameter("life", "4 yr")},
                           resale_value="800 SEK")


@pytest.mark.parametrize(("name", "key"), [
    (name, inp.name) for name in NAMES for inp in templates.get(name).INPUTS
    if not inp.parameter and inp.kind != "choice"
])
def test_a_parameter_is_refused_where_it_could_not_be_varied(name: str, key: str) -> None:
    module = templates.get(name)
    inp = next(i for i in module.INPUTS if i.name == key)
    setup = next(s for s in SETUPS[name] if applies(inp, s))
    example = f"1 {inp.unit}" if inp.example in inp.choices else inp.example
    args = {**base_inputs(module, setup), **NEEDS.get((name, key), {}),
            key: lcc.Parameter(key, example)}
    with pytest.raises(lcc.LCCError, match=rf"^{name}: input '{key}': got Parameter"):
        module.alternative("p", **args)


def test_life_in_burning_hours_uses_the_base_operating_hours() -> None:
    hours = lcc.Parameter("operating_hours", "4000 h/yr")
    bid = templates.get("indoor_lighting").alternative(
        "A", luminaires=1, power="50 W", price="1000 SEK", life="20000 h",
        operating_hours=hours, electricity_price="1 SEK/kWh")
    # life 20 000 h / 4 000 h/yr = 5 yr: replaced at t = 5 in a 6-year study, residual
    # 1 000 × 4/5 = 800 at t = 6; the override moves the energy (50 W × 2 000 h = 100 kWh
    # × 6 years), not the converted life
    r = lcc.evaluate(bid, lcc.Study("6 yr", 0.0), overrides={"operating_hours": 2000})
    assert float(r.value) == pytest.approx(1000 + 1000 - 800 + 600)


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize(("name", "setup"), cases())
def test_unknown_and_missing_inputs(name: str, setup: dict[str, Any]) -> None:
    module = templates.get(name)
    args = base_inputs(module, setup)
    with pytest.raises(lcc.LCCError, match=rf"^{name}: unknown input 'colour'.*Expected inputs"):
        module.alternative("x", **args, colour="red")
    for inp in module.INPUTS:
        if inp.required and applies(inp, setup) and inp.name not in setup:
            partial = {k: v for k, v in args.items() if k != inp.name}
            with pytest.raises(lcc.LCCError,
                               match=rf"^{name}: missing input '{inp.name}' \({inp.role}\)"):
                module.alternative("x", **partial)


def test_a_misspelt_input_gets_a_suggestion() -> None:
    with pytest.raises(lcc.LCCError, match="dishwasher: unknown input 'electricty_price'; did "
                                           "you mean 'electricity_price'"):
        templates.get("dishwasher").alternative("x", electricty_price="1 SEK/kWh")


@pytest.mark.parametrize(("name", "setup"), cases())
def test_bare_numbers_and_wrong_units_are_refused(name: str, setup: dict[str, Any]) -> None:
    module = templates.get(name)
    args = base_inputs(module, setup)
    for inp in module.INPUTS:
        if inp.kind != "quantity" or not applies(inp, setup) or "1" in inp.units:
            continue
        with pytest.raises(lcc.LCCError, match=rf"^{name}: input '{inp.name}': .*bare number"):
            module.alternative("x", **{**args, inp.name: 12.5})
        with pytest.raises(lcc.LCCError, match=rf"^{name}: input '{inp.name}'"):
            module.alternative("x", **{**args, inp.name: "12 A"})  # no input is a current


def test_choices_bounds_and_model_errors_name_the_calculator() -> None:
    with pytest.raises(lcc.LCCError, match="reusable_vs_single_use: input 'kind': got 'paper'; "
                                           "expected one of 'single_use', 'reusable'"):
        templates.get("reusable_vs_single_use").alternative("x", kind="paper")
    with pytest.raises(lcc.LCCError, match=r"indoor_lighting: input 'control_savings'.*<= 1"):
        templates.get("indoor_lighting").alternative(
            "x", luminaires=1, power="1 W", price="1 SEK", operating_hours="1 h/yr",
            electricity_price="1 SEK/kWh", control_savings=1.2)
    with pytest.raises(lcc.LCCError, match=r"dishwasher: input 'units'.*> 0"):
        templates.get("dishwasher").alternative(
            "x", price="1 SEK", energy="1 kWh/yr", water="1 l/yr",
            electricity_price="1 SEK/kWh", water_price="1 SEK/m**3", units=-2)
    # an error found by the model still names the calculator
    with pytest.raises(lcc.LCCError, match=r"^vehicles: .*consumption.*must match the price"):
        templates.get("vehicles").alternative(
            "x", price="1 SEK", annual_mileage="1 km/yr", consumption="5 l/100km",
            fuel_price="1 SEK/kWh")
    with pytest.raises(lcc.LCCError, match=r"^vehicles: input 'category' applies to "
                                           r"method='cvd' only"):
        templates.get("vehicles").alternative(
            "x", price="1 SEK", annual_mileage="1 km/yr", consumption="5 l/100km",
            fuel_price="1 SEK/l", category="M1")
    with pytest.raises(lcc.LCCError, match=r"^it_equipment: input 'life': got Parameter "
                                           r"'life', but with a resale_value"):
        templates.get("it_equipment").alternative(
            "x", price="1 SEK", tec="1 kWh/yr", electricity_price="1 SEK/kWh",
            life=lcc.Parameter("life", "4 yr"), resale_value="1 SEK")


def test_per_year_sequences() -> None:
    dish = templates.get("dishwasher").alternative
    args = dict(price="0 SEK", energy="100 kWh/yr", water="0 l/yr", water_price="1 SEK/m**3")
    path = lcc.ByYear([1.0, 2.0, 3.0], unit="SEK/kWh")
    r = lcc.evaluate(dish("x", **args, electricity_price=path), lcc.Study("3 yr", 0.0))
    assert float(r.value) == pytest.approx(600.0)  # 100 kWh × (1 + 2 + 3) SEK/kWh
    r = lcc.evaluate(dish("x", **args, electricity_price="1 SEK/kWh", escalation=[0.1, 0.0]),
                     lcc.Study("2 yr", 0.0))
    assert float(r.value) == pytest.approx(100 * 1.1 + 100 * 1.1)
    with pytest.raises(lcc.LCCError, match="dishwasher: input 'energy': got a per-year"):
        dish("x", **{**args, "energy": lcc.ByYear([1.0], unit="kWh/yr")},
             electricity_price="1 SEK/kWh")
    with pytest.raises(lcc.LCCError,
                       match=r"dishwasher: input 'electricity_price' \(ByYear unit\)"):
        dish("x", **args, electricity_price=lcc.ByYear([1.0], unit="SEK/l"))


def test_input_records_validate_themselves() -> None:
    with pytest.raises(lcc.LCCError, match="role"):
        Input("x", "seller", "W", "m", "s")
    with pytest.raises(lcc.LCCError, match=r"could not read|expected"):
        Input("x", "buyer", "bogons", "m", "s")
    with pytest.raises(lcc.LCCError, match="required input has no default"):
        Input("x", "buyer", "W", "m", "s", default="1 W")
    inp = Input("x", "buyer", "W", "power", "data sheet", required=False, default="1 W")
    assert "x [W] (buyer, optional" in inp.describe()
    assert inp.as_dict()["unit"] == "W"


def test_inputs_that_would_be_ignored_are_refused() -> None:
    alt = templates.get("reusable_vs_single_use").alternative
    reusable = dict(kind="reusable", stock=10, price="20 SEK", uses_per_year="1000 /yr")
    with pytest.raises(lcc.LCCError, match="'electricity_price' is given, but it is used only "
                                           "with 'energy_per_use'"):
        alt("R", **reusable, electricity_price="1 SEK/kWh")
    with pytest.raises(lcc.LCCError, match="'escalation' is given"):
        alt("R", **reusable, escalation=0.02)
    with pytest.raises(lcc.LCCError, match="'water_price' is given"):
        alt("R", **reusable, water_price="40 SEK/m**3")
    with pytest.raises(lcc.LCCError, match="'mass' is given, but it is used only with "
                                           "'waste_fee'"):
        alt("S", kind="single_use", items_per_year="1000 /yr", price="1 SEK", mass="5 g")


def test_a_life_in_burning_hours_cannot_be_a_parameter() -> None:
    with pytest.raises(lcc.LCCError, match="indoor_lighting: input 'life': got Parameter "
                                           "'life' in hours"):
        templates.get("indoor_lighting").alternative(
            "A", luminaires=1, power="50 W", price="1000 SEK", operating_hours="4000 h/yr",
            electricity_price="1 SEK/kWh", life=lcc.Parameter("life", "50000 h"))


@pytest.mark.parametrize(("name", "setup"), cases())
def test_the_alternative_records_its_calculator_and_inputs(name: str,
                                                          setup: dict[str, Any]) -> None:
    """Alternative.calculator: the calculator and the inputs as given (for tender files)."""
    module = templates.get(name)
    args = base_inputs(module, setup)
    if any(inp.name == "emission_factor" and applies(inp, setup) for inp in module.INPUTS):
        args["emission_factor"] = None  # None is left out of the record
    alt = module.alternative("x", **args)
    assert alt.calculator is not None and alt.calculator.name == name
    assert dict(alt.calculator.inputs) == {k: v for k, v in args.items() if v is not None}
    assert module.alternative("x", **alt.calculator.inputs) == alt
    assert alt.with_items(*alt.items).calculator is None
    assert lcc.Alternative("y", lcc.Investment("1 SEK")).calculator is None
