"""Issue 15: a calculator input is a Field plus its role, meaning and source (DESIGN §6), so a
calculator reads a value by the same rule as a model field: a wrong unit, a bare rate ≥ 1, a
Unicode minus or "4 %" are treated exactly as in the model."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import lcc
from lcc import templates
from lcc.io._templates import input_kind
from lcc.model._fields import RATE, Field
from lcc.templates import indoor_lighting, pump_motor, street_lighting

BASE = dict(luminaires=10, power="30 W", price="2000 SEK", operating_hours="3000 h/yr",
            electricity_price="1.5 SEK/kWh")


def _error(fn: Any, *args: Any, **kwargs: Any) -> lcc.LCCError:
    with pytest.raises(lcc.LCCError) as info:
        fn(*args, **kwargs)
    return info.value


def _model_error(fld: Field, value: Any) -> lcc.LCCError:
    return _error(fld.read, value, "x")


def test_every_input_carries_its_field_and_the_tender_reader_uses_it() -> None:
    for module in templates.CALCULATORS.values():
        for inp in module.INPUTS:
            assert isinstance(inp.field, Field)
            assert input_kind(inp) is inp.field
            assert inp.field.ref == inp.parameter
            if inp.kind == "choice":
                assert inp.field.kind == "choice" and inp.field.choices == inp.choices
            elif inp.kind in ("quantity", "profile"):
                assert inp.field.kind == "quantity"
                assert len(inp.field.units) == len([u for u in inp.units if u != "1"])
    power = next(i for i in indoor_lighting.INPUTS if i.name == "power")
    assert power.field.unit == "W" and power.field.minimum == 0.0
    price = next(i for i in indoor_lighting.INPUTS if i.name == "price")
    assert price.field.unit == "CUR"  # any currency
    escalation = next(i for i in indoor_lighting.INPUTS if i.name == "escalation")
    assert escalation.field.kind == "rate" and escalation.field.by_year
    share = next(i for i in indoor_lighting.INPUTS if i.name == "control_savings")
    assert share.field.kind == "number" and share.field.maximum == 1.0
    assert "field" not in templates.list_calculators().columns
    assert power == next(i for i in indoor_lighting.INPUTS if i.name == "power")


@pytest.mark.parametrize("value", [4, -1.0, [0.01, 3]])
def test_a_bare_rate_of_one_or_more_is_refused_with_the_model_fields_message(value: Any) -> None:
    err = _error(indoor_lighting.alternative, "A", escalation=value, **BASE)
    bare = value[1] if isinstance(value, list) else value
    model = _model_error(RATE, bare)
    assert err.code == model.code == "invalid-value"
    assert err.field == "indoor_lighting.escalation"  # the input, not a cost item of it
    assert str(err) == f"indoor_lighting: input 'escalation'{str(model)[1:]}"


@pytest.mark.parametrize(("value", "expected"), [("4 %", 0.04), ("−0.01", -0.01),
                                                 ("2,5 %", 0.025), (0.02, 0.02)])
def test_a_rate_reads_like_a_model_rate(value: Any, expected: float) -> None:
    alt = indoor_lighting.alternative("A", escalation=value, **BASE)
    study = lcc.Study("3 yr", 0.0)
    ref = indoor_lighting.alternative("B", escalation=expected, **BASE)
    assert float(lcc.evaluate(alt, study).value) == pytest.approx(
        float(lcc.evaluate(ref, study).value))


@pytest.mark.parametrize(("value", "code"), [("36 kWh", "wrong-unit"), (36, "bare-number"),
                                             ("−36 W", "invalid-value"),
                                             (np.array([30.0, -1.0]), "bare-number")])
def test_a_quantity_is_refused_as_the_model_field_refuses_it(value: Any, code: str) -> None:
    power = next(i for i in indoor_lighting.INPUTS if i.name == "power")
    err = _error(indoor_lighting.alternative, "A", **{**BASE, "power": value})
    assert err.code == _model_error(power.field, value).code == code
    assert err.field == "indoor_lighting.power"


def test_a_share_reads_percent_text_and_unicode_minus_like_a_model_number() -> None:
    share = "30 %"
    a = indoor_lighting.alternative("A", control_savings=share, **BASE)
    b = indoor_lighting.alternative("B", control_savings=0.3, **BASE)
    study = lcc.Study("2 yr", 0.0)
    assert float(lcc.evaluate(a, study).value) == pytest.approx(float(lcc.evaluate(b, study).value))
    err = _error(indoor_lighting.alternative, "A", control_savings="−0.1", **BASE)
    assert err.code == "invalid-value" and ">= 0" in str(err)
    err = _error(pump_motor.alternative, "P", shaft_power="7 kW", efficiency="120 %",
                 price="1 SEK", load_profile=[("1000 h/yr", 1.0)],
                 electricity_price="1 SEK/kWh")
    assert err.field == "pump_motor.efficiency" and "<= 1" in str(err)


def test_a_profile_reads_its_hours_and_fractions_by_the_inputs_fields() -> None:
    inp = next(i for i in street_lighting.INPUTS if i.name == "dimming_profile")
    base = {k: v for k, v in BASE.items() if k != "operating_hours"}
    for hours, code in (("1500 kWh", "wrong-unit"), (1500, "bare-number"),
                        ("−10 h/yr", "invalid-value")):
        err = _error(street_lighting.alternative, "S", dimming_profile=[(hours, 1.0)], **base)
        assert err.code == _model_error(inp.field, hours).code == code
    err = _error(street_lighting.alternative, "S", dimming_profile=[("1000 h/yr", "150 %")],
                 **base)
    assert err.code == _model_error(inp.fraction, "150 %").code == "invalid-value"
    ok = street_lighting.alternative("S", dimming_profile=[("1000 h/yr", "50 %")], **base)
    assert ok.calculator is not None


def test_a_tender_file_reads_a_share_by_its_bounds_not_as_a_rate(tmp_path) -> None:
    from lcc.io import TenderError, load_tender

    path = tmp_path / "t.toml"
    path.write_text(
        'format = "lcc.tender/1"\nname = "T"\n[study]\nperiod = "10 yr"\n'
        'discount_rate = 0.03\n[[alternatives]]\nname = "A"\ntemplate = "indoor_lighting"\n'
        '[alternatives.inputs]\nluminaires = 10\npower = "30 W"\nprice = "2000 SEK"\n'
        'operating_hours = "3000 h/yr"\nelectricity_price = "1.5 SEK/kWh"\n'
        'control_savings = 1.5\n', encoding="utf-8")
    with pytest.raises(TenderError) as info:
        load_tender(path)
    (err,) = info.value.errors
    assert err.path == "alternatives[0].inputs.control_savings" and err.code == "invalid-value"
    assert "<= 1" in str(err) and "%" not in str(err)  # a share of 0–1, not a rate per year
