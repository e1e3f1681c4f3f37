"""Tender files: alternatives built by a product calculator (``template`` + ``inputs``)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import lcc
import lcc.io
from lcc import templates
from lcc.io import TenderError, load_tender, loads_tender, save_tender

HEAD = """\
name = "Template tender"

[study]
period = "12 yr"
discount_rate = 0.035
carbon_price = "1.5 SEK/kg"
exchange_rates = { base = "SEK", rates = { EUR = 11.0 }, date = "2025-01-02", source = "test" }
"""

#: Per calculator: inputs beyond the required examples, so every selector value is covered.
EXTRA: dict[str, list[dict[str, Any]]] = {
    "street_lighting": [{"dimming_profile": [["1500 h/yr", 1.0], ["2500 h/yr", 0.5]]}],
    "vehicles": [{"method": "lcc"},
                 {"method": "cvd", "category": "M1", "fuel": "diesel",
                  "petrol_price": "0.55 EUR/l", "diesel_price": "0.50 EUR/l",
                  "co2": "132 g/km", "nox": "0.08 g/km", "nmhc": "0.02 g/km",
                  "pm": "0.0045 g/km"}],
    "reusable_vs_single_use": [{"kind": "single_use"}, {"kind": "reusable"}],
}


def example_inputs(name: str, extra: dict[str, Any]) -> dict[str, Any]:
    """The calculator's required inputs (their examples) that apply, plus ``extra``."""
    module = templates.get(name)
    chosen = extra.get("kind", extra.get("method"))
    out: dict[str, Any] = {}
    for inp in module.INPUTS:
        if inp.required and (not inp.applies_to or chosen in inp.applies_to):
            out[inp.name] = [list(p) for p in inp.example] if inp.kind == "profile" \
                else inp.example
    out.update(extra)
    return out


def every_calculator() -> list[tuple[str, dict[str, Any]]]:
    return [(name, extra) for name in templates.CALCULATORS for extra in EXTRA.get(name, [{}])]


def tender_text(inputs_by_alt: list[tuple[str, str, dict[str, Any]]]) -> str:
    """A tender (JSON) with one template alternative per (name, calculator, inputs)."""
    data = {"name": "All calculators", "study": {
        "period": "12 yr", "discount_rate": 0.035, "carbon_price": "1.5 SEK/kg",
        "exchange_rates": {"base": "SEK", "rates": {"EUR": 11.0}}},
        "alternatives": [{"name": alt, "template": calc, "inputs": inputs}
                         for alt, calc, inputs in inputs_by_alt]}
    return json.dumps(data)


def load(text: str) -> lcc.io.Tender:
    return loads_tender(textwrap.dedent(text))


def issues(text: str) -> list[tuple[int | None, str, str]]:
    with pytest.raises(TenderError) as info:
        load(text)
    return [(e.line, e.path, e.code) for e in info.value.errors]


# ---------------------------------------------------------------------------- building


def test_every_calculator_from_a_file_equals_the_python_call() -> None:
    cases = every_calculator()
    rows = [(f"{name} {i}", name, example_inputs(name, extra))
            for i, (name, extra) in enumerate(cases)]
    tender = loads_tender(tender_text(rows), "json")
    assert [a.name for a in tender.alternatives] == [r[0] for r in rows]
    for (alt_name, name, inputs), alt in zip(rows, tender.alternatives, strict=True):
        args = {k: [tuple(p) for p in v] if isinstance(v, list) else v
                for k, v in inputs.items()}
        direct = templates.get(name).alternative(alt_name, **args)
        assert alt == direct, name
        assert alt.calculator is not None and alt.calculator.name == name
        got = float(lcc.evaluate(alt, tender.study).value)
        assert got == pytest.approx(float(lcc.evaluate(direct, tender.study).value))
        assert got > 0


@pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
def test_load_save_load_is_equal(tmp_path: Path, fmt: str) -> None:
    if fmt == "yaml":
        pytest.importorskip("yaml")
    rows = [(f"{name} {i}", name, example_inputs(name, extra))
            for i, (name, extra) in enumerate(every_calculator())]
    tender = loads_tender(tender_text(rows), "json")
    path = save_tender(tender, tmp_path / f"t.{fmt}")
    again = load_tender(path)
    assert again == tender
    for a, b in zip(tender.alternatives, again.alternatives, strict=True):
        assert b.calculator is not None and a.calculator is not None
        assert b.calculator.name == a.calculator.name
        assert dict(b.calculator.inputs) == dict(a.calculator.inputs)
    assert lcc.io.dumps_tender(again, fmt) == lcc.io.dumps_tender(tender, fmt)


TENDER = HEAD + """
# buyer (internal) parameters
[parameters.operating_hours]
value = "2800 h/yr"
low = "2000 h/yr"
high = "3500 h/yr"

[parameters.electricity_price]
value = "1.5 SEK/kWh"
low = "1 SEK/kWh"
high = "2.5 SEK/kWh"

[parameters.dimmed_level]
value = 0.5
low = 0.3
high = 0.7

[[alternatives]]
name = "Indoor A"
template = "indoor_lighting"
description = "LED panels with presence detection"

[alternatives.parameters.power_a]
value = "36 W"
low = "34 W"
high = "40 W"

[alternatives.inputs]
luminaires = 120
power = { parameter = "power_a" }
price = "3500 SEK"
control_savings = "30 %"
life = "50000 h"
operating_hours = { parameter = "operating_hours" }
electricity_price = { parameter = "electricity_price" }
escalation = [0.02, 0.02, 0.01, 0.01, 0.01, 0.01, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]

[[alternatives]]
name = "Street B"
template = "street_lighting"

[alternatives.inputs]
luminaires = 120
power = "30 W"
price = "3900 SEK"
dimming_profile = [
    ["1500 h/yr", 1.0],
    [{ parameter = "operating_hours" }, { parameter = "dimmed_level" }],
]
electricity_price = { by_year = [1.5, 1.6, 1.7, 1.8, 1.9, 2, 2, 2, 2, 2, 2, 2], unit = "SEK/kWh" }
"""


def test_references_profiles_and_per_year_values() -> None:
    tender = load(TENDER)
    a, b = tender.alternatives
    assert a.description == "LED panels with presence detection"
    hours = tender.parameter("operating_hours")
    power = next(p for p in a.parameters() if p.name == "power_a")
    assert power.role == "bidder" and hours is not None and hours.role == "buyer"
    direct = templates.get("indoor_lighting").alternative(
        "Indoor A", luminaires=120, power=power, price="3500 SEK", control_savings="30 %",
        life="50000 h", operating_hours=hours,
        electricity_price=tender.parameter("electricity_price"),
        escalation=[0.02, 0.02, *[0.01] * 4, *[0.0] * 6])
    assert a.items == direct.items
    level = tender.parameter("dimmed_level")
    assert level is not None
    direct_b = templates.get("street_lighting").alternative(
        "Street B", luminaires=120, power="30 W", price="3900 SEK",
        dimming_profile=[("1500 h/yr", 1.0), (hours, level)],
        electricity_price=lcc.ByYear([1.5, 1.6, 1.7, 1.8, 1.9, *[2.0] * 7], unit="SEK/kWh"))
    assert b == direct_b
    # every referenced parameter reaches the evaluation: 36 W → 40 W for bid A
    moved = lcc.evaluate(a, tender.study, overrides={"power_a": 40.0})
    with_40 = templates.get("indoor_lighting").alternative(
        "x", **{**dict(a.calculator.inputs), "power": "40 W"})  # type: ignore[union-attr]
    assert float(moved.value) == pytest.approx(float(lcc.evaluate(with_40, tender.study).value))
    # the dimming level of the street lighting: 0.5 → 0.7
    moved_b = lcc.evaluate(b, tender.study, overrides={"dimmed_level": 0.7})
    with_07 = templates.get("street_lighting").alternative(
        "x", **{**dict(b.calculator.inputs),  # type: ignore[union-attr]
                "dimming_profile": [("1500 h/yr", 1.0), (hours, 0.7)]})
    assert float(moved_b.value) == pytest.approx(float(lcc.evaluate(with_07,
                                                                    tender.study).value))
    # the tender's sensitivity analysis sees the parameters of the template inputs
    import lcc.sensitivity as sens

    table = sens.tornado(list(tender.alternatives), tender.study)
    assert {"operating_hours", "electricity_price", "dimmed_level", "power_a"} <= \
        set(table["parameter"])


def test_the_written_file_keeps_template_inputs_and_parameters(tmp_path: Path) -> None:
    tender = load(TENDER)
    text = lcc.io.dumps_tender(tender)
    assert 'template = "indoor_lighting"' in text
    assert "[alternatives.inputs]" in text and "[[alternatives.items]]" not in text
    assert "[alternatives.parameters.power_a]" in text
    assert 'description = "LED panels with presence detection"' in text
    assert "description" not in text.split("Street B")[1]  # the calculator's own description
    assert loads_tender(text) == tender
    assert load_tender(save_tender(tender, tmp_path / "t.toml")) == tender


def test_a_programmatic_tender_with_calculator_alternatives_is_written_as_templates() -> None:
    rate = lcc.Parameter("water_price", "45 SEK/m**3", low="35 SEK/m**3", high="60 SEK/m**3")
    bids = [templates.get("dishwasher").alternative(
        f"Bid {k}", price=price, energy=energy, water=water, electricity_price="1.5 SEK/kWh",
        water_price=rate, units=12) for k, price, energy, water in
        (("A", "6500 SEK", "240 kWh/yr", "2800 l/yr"), ("B", "7400 SEK", "200 kWh/yr",
                                                        "2600 l/yr"))]
    tender = lcc.io.Tender("Dishwashers", lcc.Study("10 yr", 0.03), tuple(bids))
    text = lcc.io.dumps_tender(tender)
    assert text.count('template = "dishwasher"') == 2
    assert 'water_price = {parameter = "water_price"}' in text
    again = loads_tender(text)
    assert again == tender
    assert again.parameter("water_price") == rate
    # a copy with other items is no longer the calculator's: written as items
    changed = bids[0].with_items(*bids[0].items[:1])
    text = lcc.io.dumps_tender(tender.with_alternatives(changed))
    assert "template" not in text and "[[alternatives.items]]" in text


def test_samples_cannot_be_written() -> None:
    bid = templates.get("dishwasher").alternative(
        "A", price="6500 SEK", energy=lcc.Q_(np.array([200.0, 240.0]), "kWh/yr"),
        water="2800 l/yr", electricity_price="1.5 SEK/kWh", water_price="45 SEK/m**3")
    tender = lcc.io.Tender("x", lcc.Study("10 yr", 0.03), (bid,))
    with pytest.raises(lcc.LCCError, match=r"alternatives\[0\]\.inputs\.energy: holds samples"):
        lcc.io.dumps_tender(tender)


def test_an_input_that_takes_a_quantity_or_a_share() -> None:
    """The vehicles' residual: 'linear', 'none', a share of the price or an amount — and a
    parameter holding a share or an amount."""
    text = HEAD + """
    [parameters.share]
    value = 0.35

    [parameters.resale]
    value = "120000 SEK"

    [[alternatives]]
    name = "Car"
    template = "vehicles"

    [alternatives.inputs]
    price = "284000 SEK"
    consumption = "17 kWh/100km"
    annual_mileage = "18000 km/yr"
    fuel_price = "1.5 SEK/kWh"
    life = "8 yr"
    residual = { parameter = "share" }
    """
    tender = load(text)
    (alt,) = tender.alternatives
    share = tender.parameter("share")
    direct = templates.get("vehicles").alternative(
        "Car", price="284000 SEK", consumption="17 kWh/100km", annual_mileage="18000 km/yr",
        fuel_price="1.5 SEK/kWh", life="8 yr", residual=share)
    assert alt == direct
    assert share in alt.parameters()
    amount = text.replace('residual = { parameter = "share" }',
                          'residual = { parameter = "resale" }')
    assert float(lcc.evaluate(load(amount).alternatives[0], tender.study).value) < \
        float(lcc.evaluate(alt, tender.study).value)  # 120 000 SEK > 35 % of 284 000
    for value in ("0.35", '"linear"', '"none"', '"90000 SEK"'):
        load(text.replace('{ parameter = "share" }', value))
    assert issues(text.replace('{ parameter = "share" }', '"90 kWh"')) == [
        (25, "alternatives[0].inputs.residual", "wrong-unit")]


# ---------------------------------------------------------------------------- errors


def test_template_errors_with_line_path_and_code() -> None:
    text = HEAD + """
    [parameters.hours]
    value = 4000

    [[alternatives]]
    name = "A"
    template = "indoor_lightning"

    [[alternatives]]
    name = "B"
    template = "indoor_lighting"
    quantity = 3

    [[alternatives.items]]
    type = "Investment"
    amount = "1 SEK"

    [alternatives.inputs]
    luminaires = 10
    power = 36
    price = "3500 kWh"
    colour = "red"
    life = "20 m"
    operating_hours = { parameter = "nope" }
    electricity_price = "1 SEK/kWh"

    [[alternatives]]
    name = "C"
    template = "reusable_vs_single_use"

    [alternatives.inputs]
    kind = "single_use"
    price = "0.5 SEK"
    items_per_year = "10000 /yr"
    stock = 30

    [[alternatives]]
    name = "D"
    template = "street_lighting"

    [alternatives.inputs]
    luminaires = 10
    power = "50 W"
    price = "5000 SEK"
    electricity_price = "1 SEK/kWh"
    dimming_profile = [["1500 h/yr", 1.0], ["3000", 0.5], [1, 2, 3]]

    [[alternatives]]
    name = "E"
    template = 7

    [[alternatives]]
    name = "F"
    inputs = { price = "1 SEK" }

    [[alternatives]]
    name = "G"
    template = "vehicles"

    [alternatives.inputs]
    method = "cvd"
    price = "20000 EUR"
    category = "M1"
    fuel = "diesel"
    consumption = "5.0 l/100km"
    petrol_price = "0.55 EUR/l"
    diesel_price = { parameter = "hours" }
    co2 = "132 g/km"
    nox = "0.08 g/km"
    nmhc = "0.02 g/km"
    pm = "0.0045 g/km"
    annual_mileage = "15000 km/yr"
    """
    assert issues(text) == [
        (14, "alternatives[0].template", "unknown-template"),
        (19, "alternatives[1].quantity", "not-applicable"),
        (21, "alternatives[1].items", "not-applicable"),
        (27, "alternatives[1].inputs.power", "bare-number"),
        (28, "alternatives[1].inputs.price", "wrong-unit"),
        (29, "alternatives[1].inputs.colour", "unknown-key"),
        (30, "alternatives[1].inputs.life", "wrong-unit"),
        (31, "alternatives[1].inputs.operating_hours.parameter", "unknown-parameter"),
        (42, "alternatives[2].inputs.stock", "not-applicable"),
        (53, "alternatives[3].inputs.dimming_profile[1][0]", "bare-number"),
        (53, "alternatives[3].inputs.dimming_profile[2]", "wrong-type"),
        (57, "alternatives[4].template", "wrong-type"),
        (59, "alternatives[5].template", "missing-field"),
        (74, "alternatives[6].inputs.diesel_price", "wrong-type"),
        (79, "alternatives[6].inputs.annual_mileage", "not-applicable"),
    ]


def test_messages_name_the_calculator_and_what_is_expected() -> None:
    text = HEAD + """
    [[alternatives]]
    name = "B"
    template = "indoor_lighting"

    [alternatives.inputs]
    luminaires = 10
    power = 36
    price = "3500 SEK"
    colr = "red"
    """
    with pytest.raises(TenderError) as info:
        load(text)
    assert str(info.value).splitlines() == [
        "<string>:13: alternatives[0].inputs.operating_hours: missing; the calculator "
        "'indoor_lighting' needs operating_hours (buyer): Operating (burning) hours per year "
        "of the lighting, e.g. '2800 h/yr' [missing-field]",
        "<string>:13: alternatives[0].inputs.electricity_price: missing; the calculator "
        "'indoor_lighting' needs electricity_price (buyer): Electricity price per kWh, "
        "excluding VAT, in base-year prices, e.g. '1.20 SEK/kWh' [missing-field]",
        "<string>:15: alternatives[0].inputs.power: got the bare number 36; this field has a "
        "unit, so write it with one; expected power per luminaire, e.g. '36 W' [bare-number]",
        "<string>:17: alternatives[0].inputs.colr: the calculator 'indoor_lighting' has no "
        "input 'colr'; its inputs are: luminaires, power, price, control_savings, maintenance, "
        "life, operating_hours, electricity_price, escalation, emission_factor [unknown-key]",
    ]


def test_errors_of_the_calculator_are_located_at_their_input() -> None:
    street = HEAD + """
    [[alternatives]]
    name = "D"
    template = "street_lighting"

    [alternatives.inputs]
    luminaires = 10
    power = "50 W"
    price = "5000 SEK"
    electricity_price = "1 SEK/kWh"
    control_savings = 1.5
    operating_hours = "4000 h/yr"
    """
    assert issues(street) == [(18, "alternatives[0].inputs.control_savings", "invalid-value")]
    both = street.replace("control_savings = 1.5",
                          'dimming_profile = [["4000 h/yr", 1.0]]')
    assert issues(both) == [(13, "alternatives[0].inputs", "invalid-value")]
    neither = street.replace("control_savings = 1.5\n", "").replace(
        'operating_hours = "4000 h/yr"\n', "")
    assert issues(neither) == [(13, "alternatives[0].inputs.dimming_profile", "missing-field")]
    dishes = HEAD + """
    [[alternatives]]
    name = "E"
    template = "dishwasher"

    [alternatives.inputs]
    price = "6000 SEK"
    energy = "200 kWh/yr"
    water = "2000 l/yr"
    electricity_price = "1.5 SEK/kWh"
    water_price = "40 SEK/m**3"
    units = -2
    """
    assert issues(dishes) == [(19, "alternatives[0].inputs.units", "invalid-value")]
    cups = HEAD + """
    [[alternatives]]
    name = "Cups"
    template = "reusable_vs_single_use"

    [alternatives.inputs]
    kind = "single_use"
    price = "0.5 SEK"
    items_per_year = "10000 /yr"
    mass = "4 g"
    """
    with pytest.raises(TenderError) as info:
        load(cups)
    (err,) = info.value.errors
    assert (err.line, err.path, err.code) == (17, "alternatives[0].inputs.mass",
                                              "not-applicable")
    assert err.message == "mass is given, but it is used only with 'waste_fee'; give " \
                          "waste_fee too, or leave mass out"
    pump = HEAD + """
    [[alternatives]]
    name = "P"
    template = "pump_motor"

    [alternatives.inputs]
    shaft_power = "7.5 kW"
    efficiency = 0
    price = "60000 SEK"
    load_profile = [["2000 h/yr", 1.0]]
    electricity_price = "1.5 SEK/kWh"
    """
    with pytest.raises(TenderError) as info:
        load(pump)
    (err,) = info.value.errors
    assert (err.path, err.code) == ("alternatives[0].inputs.efficiency", "invalid-value")
    assert "greater than 0" in err.message


def test_a_study_too_long_for_a_per_year_input_is_located_at_the_inputs() -> None:
    """At the input that holds the sequence: it stood at 'inputs', which did not say which of
    the calculator's inputs was too short."""
    text = HEAD + """
    [[alternatives]]
    name = "E"
    template = "dishwasher"

    [alternatives.inputs]
    price = "6000 SEK"
    energy = "200 kWh/yr"
    water = "2000 l/yr"
    electricity_price = { by_year = [1.5, 1.6], unit = "SEK/kWh" }
    water_price = "40 SEK/m**3"
    """
    assert issues(text) == [(17, "alternatives[0].inputs.electricity_price", "invalid-value")]
    # a list of yearly rates, which the calculator makes a ByYear of, is found too
    text = text.replace('{ by_year = [1.5, 1.6], unit = "SEK/kWh" }', '"1.5 SEK/kWh"\n    '
                        'escalation = [0.01, 0.02, 0.03]')
    assert issues(text) == [(18, "alternatives[0].inputs.escalation", "invalid-value")]


def test_a_parameter_number_a_calculator_input_refuses_is_reported_where_it_is_written(
        ) -> None:
    """The dimming level 1.5 of a parameter was reported at each alternative's profile as
    'got 1.5', not naming the parameter; a bid's own power too."""
    text = TENDER.replace("value = 0.5\nlow = 0.3\nhigh = 0.7", "value = 1.5").replace(
        'value = "36 W"\nlow = "34 W"', 'value = "-36 W"\nlow = "-40 W"')
    with pytest.raises(TenderError) as info:
        load(text)
    got = [(e.line, e.path, e.message) for e in info.value.errors]
    assert got == [
        (21, "parameters.dimmed_level.value", "got 1.5; expected a fraction <= 1 (read by "
         "alternatives[1].inputs.dimming_profile)"),
        (29, "alternatives[0].parameters.power_a.value", "got -36 W; expected power per "
         "luminaire >= 0 (read by alternatives[0].inputs.power)")]


def test_a_reference_where_no_parameter_is_accepted() -> None:
    text = HEAD + """
    [parameters.petrol]
    value = "0.55 EUR/l"

    [[alternatives]]
    name = "Car"
    template = "vehicles"

    [alternatives.inputs]
    method = "cvd"
    price = "20000 EUR"
    category = "M1"
    fuel = "diesel"
    consumption = "5.0 l/100km"
    petrol_price = { parameter = "petrol" }
    diesel_price = "0.50 EUR/l"
    co2 = "132 g/km"
    nox = "0.08 g/km"
    nmhc = "0.02 g/km"
    pm = "0.0045 g/km"
    """
    with pytest.raises(TenderError) as info:
        load(text)
    (err,) = info.value.errors
    assert (err.path, err.code) == ("alternatives[0].inputs.petrol_price", "wrong-type")
    assert "lower of the two prices" in err.message


# ---------------------------------------------------------------------------- schema


def test_the_schema_describes_template_alternatives() -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed")
    schema = lcc.io.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    check = jsonschema.Draft202012Validator(schema)
    rows = [(f"{name} {i}", name, example_inputs(name, extra))
            for i, (name, extra) in enumerate(every_calculator())]
    good = json.loads(tender_text(rows))
    check.validate(good)
    check.validate(json.loads(lcc.io.dumps_tender(load(TENDER), "json")))
    assert set(schema["$defs"]["alternative"]["properties"]["template"]["enum"]) == \
        set(templates.CALCULATORS)

    def bad(change: Any) -> bool:
        data = json.loads(json.dumps(good))
        change(data["alternatives"][0])
        return not check.is_valid(data)

    assert bad(lambda a: a["inputs"].update(colour="red"))          # unknown input
    assert bad(lambda a: a["inputs"].pop("price"))                  # missing input
    assert bad(lambda a: a.update(items=[{"type": "Investment", "amount": "1 SEK"}]))
    assert bad(lambda a: a.update(quantity=3))                      # set by the calculator
    assert bad(lambda a: a.update(template="toaster"))
    assert bad(lambda a: a.pop("inputs"))
    assert bad(lambda a: a["inputs"].update(power=36))              # a bare number
    reusable = next(i for i, r in enumerate(rows) if r[2].get("kind") == "single_use")

    def stock(a: Any) -> None:
        a["inputs"]["stock"] = 30

    data = json.loads(json.dumps(good))
    stock(data["alternatives"][reusable])
    assert not check.is_valid(data)                                 # input of the other kind


def test_an_input_in_a_currency_without_an_exchange_rate_is_located_at_the_input() -> None:
    """A calculator's price in NOK in a SEK study that declares only EUR was refused at the
    ``inputs`` table with the Python call to make (``lcc.Study(..., exchange_rates=…)``); it
    is refused at the input, with the file's table to add, as an item's amount is."""
    from lcc._errors import in_lang

    text = HEAD + """
    [[alternatives]]
    name = "E"
    template = "dishwasher"

    [alternatives.inputs]
    price = "6000 NOK"
    energy = "200 kWh/yr"
    water = "2000 l/yr"
    electricity_price = { parameter = "el" }
    water_price = "40 SEK/m**3"

    [parameters.el]
    value = "0.12 EUR/kWh"
    """
    assert issues(text) == [(14, "alternatives[0].inputs.price", "currency-mix")]
    with pytest.raises(TenderError) as info:
        load(text)
    message = info.value.errors[0].message
    for lang in ("en", "sv"):
        shown = in_lang(message, lang)
        assert "lcc.Study" not in shown
        assert "exchange_rates = {base = \"SEK\", rates = {NOK = <SEK per NOK>}" in shown
    # EUR has its rate: a price of 600 × 11 = 6600 SEK; energy 200 kWh × 0.12 × 11 = 264 SEK
    flows = load(text.replace("6000 NOK", "600 EUR")).evaluate()["E"].cash_flows["nominal"]
    assert flows.loc[0, "acquisition"] == pytest.approx(6600.0, rel=1e-12)
    assert flows.loc[1, "energy"] == pytest.approx(264.0, rel=1e-12)
