"""The bundled example tender files: every one loads, evaluates, compares and runs its
sensitivity analysis; the product-calculator examples are reproduced independently.

For each calculator example the lowest LCC is computed by hand below (the formula of the
calculator's docstring written out, with the buyer's values read from the tender, so the
test follows the assumption set if its placeholders change), and every alternative is
rebuilt with the Python calculator from the same inputs, read from the file.
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import lcc
import lcc.io
from lcc import templates
from lcc.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FILES = sorted(p.name for p in EXAMPLES.glob("*.toml"))

#: One example per product calculator.
CALCULATOR_EXAMPLES: dict[str, str] = {
    "indoor_lighting": "indoor-lighting.toml",
    "street_lighting": "street-lighting-calculator.toml",
    "dishwasher": "dishwashers.toml",
    "fridge_freezer": "professional-fridges.toml",
    "vehicles": "vehicles.toml",
    "it_equipment": "it-equipment.toml",
    "pump_motor": "pumps.toml",
    "reusable_vs_single_use": "reusable-tableware.toml",
    "refurbished_vs_new": "refurbished-furniture.toml",
}


def load(name: str) -> lcc.io.Tender:
    return lcc.io.load_tender(EXAMPLES / name)


def lccs(tender: lcc.io.Tender) -> dict[str, float]:
    return {name: float(r.value) for name, r in tender.evaluate().items()}


# ---------------------------------------------------------------- every example


def test_the_calculator_examples_are_there() -> None:
    assert set(CALCULATOR_EXAMPLES) == set(templates.CALCULATORS)
    assert set(CALCULATOR_EXAMPLES.values()) <= set(FILES)
    for calc, name in CALCULATOR_EXAMPLES.items():
        tender = load(name)
        assert {a.calculator.name for a in tender.alternatives  # type: ignore[union-attr]
                if a.calculator is not None} == {calc}


@pytest.mark.parametrize("name", FILES)
def test_every_example_evaluates_and_compares(name: str) -> None:
    tender = load(name)
    values = lccs(tender)
    assert len(values) == len(tender.alternatives) >= 2
    assert all(math.isfinite(v) and v > 0 for v in values.values())
    c = tender.compare()
    assert c.best == min(values, key=values.__getitem__)
    assert c.summary.loc[c.best, "rank"] == 1


@pytest.mark.parametrize("name", FILES)
def test_every_example_runs_its_sensitivity_analysis(
        name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / name)
    assert main(["compare", path]) == 0
    assert main(["sensitivity", path, "tornado"]) == 0
    assert main(["sensitivity", path, "monte-carlo", "-n", "200", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "Lowest life-cycle cost" in out


@pytest.mark.parametrize("name", sorted(CALCULATOR_EXAMPLES.values()))
def test_the_main_buyer_parameters_have_ranges_and_distributions(name: str) -> None:
    tender = load(name)
    assert tender.sensitivity is not None and tender.sensitivity.parameters
    assert tender.assumptions is not None and tender.assumptions.name == "sweden-2025"
    known = {p.name: p for p in tender.parameters}
    for alt in tender.alternatives:
        known.update({p.name: p for p in alt.parameters()})
    for pname in tender.sensitivity.parameters:
        p = known[pname]
        assert p.low is not None and p.high is not None, pname
        assert p.distribution is not None, pname
        assert p.low_magnitude <= float(np.mean(p.magnitude)) <= p.high_magnitude, pname


@pytest.mark.parametrize("name", sorted(CALCULATOR_EXAMPLES.values()))
def test_load_save_load(name: str, tmp_path: Path) -> None:
    tender = load(name)
    path = tmp_path / name  # the reference to the assumption set is written relative to it
    lcc.io.save_tender(tender, path)
    assert "[alternatives.inputs]" in path.read_text(encoding="utf-8")
    again = lcc.io.load_tender(path)
    assert again == tender
    assert lccs(again) == pytest.approx(lccs(tender))


# ---------------------------------------------------------------- the Python calculators


def _resolve(value: Any, scope: dict[str, lcc.Parameter], plain: bool) -> Any:
    """A file value as a calculator takes it: references by their Parameter (or its value)."""
    if isinstance(value, dict) and "parameter" in value:
        p = scope[value["parameter"]]
        return p.value if plain else p
    if isinstance(value, dict) and "by_year" in value:
        return lcc.ByYear(value["by_year"], unit=value.get("unit"),
                          first_year=value.get("first_year", 1))
    if isinstance(value, list) and value and isinstance(value[0], list):  # a profile
        return [tuple(_resolve(v, scope, plain) for v in pair) for pair in value]
    return value


@pytest.mark.parametrize("name", sorted(CALCULATOR_EXAMPLES.values()))
def test_every_alternative_is_the_python_calculator_call(name: str) -> None:
    """Each template alternative equals ``templates.get(t).alternative(name, **inputs)``
    with the file's inputs: with the referenced Parameters the alternatives are equal; with
    their values instead, the LCC is the same."""
    tender = load(name)
    raw = tomllib.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    for alt, data in zip(tender.alternatives, raw["alternatives"], strict=True):
        scope = {p.name: p for p in tender.parameters}
        scope.update({p.name: p for p in alt.parameters()})
        module = templates.get(data["template"])
        with_params = module.alternative(
            alt.name, **{k: _resolve(v, scope, False) for k, v in data["inputs"].items()})
        assert with_params.items == alt.items, alt.name
        plain = module.alternative(
            alt.name, **{k: _resolve(v, scope, True) for k, v in data["inputs"].items()})
        assert plain.parameters() == []
        assert float(lcc.evaluate(plain, tender.study).value) == pytest.approx(
            float(lcc.evaluate(alt, tender.study).value), rel=1e-12)


# ---------------------------------------------------------------- the lowest LCC by hand


def upv(d: float, n: int) -> float:
    """Uniform present value factor, amounts at the end of years 1..n (NIST Handbook 135)."""
    return (1 - (1 + d) ** -n) / d


def upv_star(d: float, e: float, n: int) -> float:
    """UPV* for an amount escalating at e per year (= upv at e = 0)."""
    return sum(((1 + e) / (1 + d)) ** k for k in range(1, n + 1))


def spv(d: float, t: float) -> float:
    return (1 + d) ** -t


def buyer(tender: lcc.io.Tender, name: str, unit: str | None = None) -> float:
    p = tender.parameter(name)
    assert p is not None, name
    return float(p.value.to(unit).magnitude) if unit else float(p.value)


def common(tender: lcc.io.Tender) -> tuple[float, float, float]:
    """(discount rate, electricity price SEK/kWh, its escalation) of the tender."""
    assert tender.study.timing == "end" and tender.study.inflation is None
    return (buyer(tender, "discount_rate"), buyer(tender, "electricity_price", "SEK/kWh"),
            buyer(tender, "electricity_price_escalation"))


def best_is(tender: lcc.io.Tender, name: str, expected: float) -> None:
    values = lccs(tender)
    assert values[name] == pytest.approx(expected, rel=1e-9)
    assert tender.compare().best == name


def test_indoor_lighting_by_hand() -> None:
    """Bid B, per luminaire over 15 years: 2 950 SEK at t = 0; life 60 000 h / 2 800 h/yr =
    21.43 yr, so no replacement and a linear residual 2 950 × (21.43 − 15)/21.43 at t = 15;
    energy 30 W × (1 − 0.45) × 2 800 h = 46.2 kWh/yr; maintenance 35 SEK/yr; × 220."""
    t = load("indoor-lighting.toml")
    d, p, e = common(t)
    hours = buyer(t, "operating_hours", "h/yr")
    life = 60000 / hours
    per = (2950 - 2950 * (life - 15) / life * spv(d, 15)
           + 30 / 1000 * (1 - 0.45) * hours * p * upv_star(d, e, 15) + 35 * upv(d, 15))
    best_is(t, "Bid B: DALI, daylight and presence control", 220 * per)


def test_street_lighting_calculator_by_hand() -> None:
    """Bid A, per luminaire over 20 years: 4 600 SEK; life 100 000 h / (1 600 + 2 500) h/yr
    = 24.39 yr, linear residual at t = 20; energy 42 W × (1 − 0.10) × (1 600 h × 1 +
    2 500 h × 0.5) = 107.73 kWh/yr (EN 13201-5); maintenance 40 SEK/yr; × 180."""
    t = load("street-lighting-calculator.toml")
    d, p, e = common(t)
    full, dimmed = buyer(t, "full_power_hours", "h/yr"), buyer(t, "dimmed_hours", "h/yr")
    level = buyer(t, "night_level")
    life = 100000 / (full + dimmed)
    kwh = 42 / 1000 * (1 - 0.10) * (full * 1.0 + dimmed * level)
    per = (4600 - 4600 * (life - 20) / life * spv(d, 20) + kwh * p * upv_star(d, e, 20)
           + 40 * upv(d, 20))
    best_is(t, "Bid A", 180 * per)


def test_dishwashers_by_hand() -> None:
    """Bid C: LCC = units × (price + energy × p_el × UPV* + water × p_water × UPV)
    = 40 × (5 900 + 263 kWh/yr × p_el × UPV* + 3.080 m³/yr × 48 SEK/m³ × UPV), 10 years."""
    t = load("dishwashers.toml")
    d, p, e = common(t)
    water = buyer(t, "water_price", "SEK/m**3")
    units = buyer(t, "dishwashers")
    per = 5900 + 263 * p * upv_star(d, e, 10) + 3080 / 1000 * water * upv(d, 10)
    best_is(t, "Bid C (energy class E)", units * per)


def test_professional_fridges_by_hand() -> None:
    """Bid A: 9.5 kWh/(48 h)/m³ × 0.61 m³ = 5.795 kWh per 48 h; × 320 days / 2 days per
    48 h = 927.2 kWh/yr; LCC = 12 × (31 500 + 927.2 × p_el × UPV*(12 years))."""
    t = load("professional-fridges.toml")
    d, p, e = common(t)
    days = buyer(t, "usage_days", "d/yr")
    kwh = 9.5 * 0.610 * days / 2
    best_is(t, "Bid A", buyer(t, "cabinets") * (31500 + kwh * p * upv_star(d, e, 12)))


def test_vehicles_by_hand() -> None:
    """Battery electric, per car over 6 years: 284 000 SEK at t = 0, resold for 32 % of the
    price at t = 6 (the residual of the car still in service, life 8 years); 18 000 km/yr ×
    17.0 kWh/100 km = 3 060 kWh/yr × p_el (UPV*); service 3 000 SEK/yr (UPV); × 12 cars."""
    t = load("vehicles.toml")
    d, p, e = common(t)
    km = buyer(t, "annual_mileage", "km/yr")
    per = (284000 - 0.32 * 284000 * spv(d, 6) + km * 0.17 * p * upv_star(d, e, 6)
           + 3000 * upv(d, 6))
    best_is(t, "Battery electric", buyer(t, "cars") * per)


def test_it_equipment_by_hand() -> None:
    """Bid B, per laptop over 8 years with a 4-year life: bought at t = 0 and t = 4, resold
    for 1 000 SEK at t = 4 and t = 8 (the laptop in service at 8 has no life left, so no
    linear residual); TEC 24 kWh/yr × p_el (UPV*); support 320 SEK/yr (UPV); × 400."""
    t = load("it-equipment.toml")
    d, p, e = common(t)
    resale = 1000.0
    per = (8300 * (1 + spv(d, 4)) - resale * (spv(d, 4) + spv(d, 8))
           + 24 * p * upv_star(d, e, 8) + 320 * upv(d, 8))
    best_is(t, "Bid B", buyer(t, "laptops") * per)


def test_pumps_by_hand() -> None:
    """Bid B, per pump over 20 years (life 20: no replacement, no residual): 224 000 SEK;
    energy (1 500 h × 13.8 kW + 4 000 h × 13.8 kW × 0.55) / 0.92 = 55 500 kWh/yr at the
    utility's own price (the declared override, 1.1 SEK/kWh); maintenance 5 500 SEK/yr;
    × 3 pumps (Europump/Hydraulic Institute 2001)."""
    t = load("pumps.toml")
    d, p, e = common(t)
    assert p == pytest.approx(1.1)
    full, part = buyer(t, "full_load_hours", "h/yr"), buyer(t, "part_load_hours", "h/yr")
    kwh = (full * 13.8 + part * 13.8 * buyer(t, "part_load")) / 0.92
    per = 224000 + kwh * p * upv_star(d, e, 20) + 5500 * upv(d, 20)
    best_is(t, "Bid B (IE4 motor, better hydraulics)", buyer(t, "pumps") * per)


def test_reusable_tableware_by_hand() -> None:
    """Reusable, 10 years: the stock 1 000 × 115 SEK at t = 0; per year: breakage 1 000 ×
    0.15 × 115 = 17 250 SEK and its disposal 1 000 × 0.15 × 0.8 = 120 SEK; washing 75 000
    uses × 0.03 kWh = 2 250 kWh × p_el (UPV*), 75 000 × 0.4 l = 30 m³ × 48 SEK/m³, detergent
    75 000 × 0.04 SEK, labour 75 000 × 0.55 SEK (UPV)."""
    t = load("reusable-tableware.toml")
    d, p, e = common(t)
    uses = buyer(t, "servings", "1/yr")
    stock, b = buyer(t, "stock"), buyer(t, "breakage_rate")
    yearly = (stock * b * 115 + stock * b * 0.8 + uses * 0.4 / 1000 * buyer(
        t, "water_price", "SEK/m**3") + uses * 0.04 + uses * buyer(t, "labour_per_set", "SEK"))
    lcc_value = stock * 115 + yearly * upv(d, 10) + uses * 0.03 * p * upv_star(d, e, 10)
    best_is(t, "Reusable porcelain, glass and steel", lcc_value)
    # the single-use plastic alternative: 75 000 × (1.35 SEK + 28 g × 1.6 SEK/kg) a year
    plastic = uses * (1.35 + 0.028 * buyer(t, "waste_fee", "SEK/kg")) * upv(d, 10)
    assert lccs(t)["Single-use plastic"] == pytest.approx(plastic, rel=1e-9)


def test_refurbished_furniture_by_hand() -> None:
    """Refurbished chair, 12 years with a 6-year remaining life: (2 350 + 250) SEK at t = 0
    and t = 6, no residual at 12; maintenance 90 SEK/yr; × 120 chairs. Its embodied CO2e:
    11 kg / 6 yr × 12 yr = 22 kg per chair (2 640 kg), reported, not in the LCC."""
    t = load("refurbished-furniture.toml")
    d = buyer(t, "discount_rate")
    chairs = buyer(t, "chairs")
    per = 2600 * (1 + spv(d, 6)) + 90 * upv(d, 12)
    best_is(t, "Refurbished chair, same model", chairs * per)
    r = t.evaluate()["Refurbished chair, same model"]
    assert float(r.emissions["CO2e"]) == pytest.approx(chairs * 11 / 6 * 12)


@pytest.mark.parametrize("name", FILES)
def test_every_example_follows_the_json_schema(name: str) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed")
    data = tomllib.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(lcc.io.json_schema()).validate(data)
