"""lcc.io: tender files and assumption sets — round trips, validation, roles, overrides.

Every validation rule is checked with the exact file, line, path and code of the
error it gives (paths count alternatives and items from 0).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import textwrap
import tomllib
from pathlib import Path

import numpy as np
import pytest

import lcc
import lcc.io
from lcc.io import TenderError, load_assumptions, load_tender, loads_tender, save_tender
from lcc.io._fields import ITEMS

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "street-lighting.toml"
SWEDEN = ROOT / "examples" / "assumptions" / "sweden-2025.toml"

BASE = """\
name = "Pumps"
[study]
period = "10 yr"
discount_rate = 0.04
[parameters.electricity_price]
value = "1.5 SEK/kWh"
[[alternatives]]
name = "Pump A"
[[alternatives.items]]
type = "Investment"
amount = "20000 SEK"
[[alternatives.items]]
type = "Energy"
annual = "3000 kWh/yr"
price = { parameter = "electricity_price" }
"""


def problems(text: str, fmt: str = "toml", tmp_path: Path | None = None,
             name: str = "t") -> list[tuple[int | None, str, str]]:
    """(line, path, code) of every error of a tender text (written to a file if tmp_path)."""
    text = textwrap.dedent(text)
    with pytest.raises(TenderError) as info:
        if tmp_path is None:
            loads_tender(text, fmt, source=f"{name}.{fmt}")
        else:
            path = tmp_path / f"{name}.{fmt}"
            path.write_text(text, encoding="utf-8")
            load_tender(path)
    return [(e.line, e.path, e.code) for e in info.value.errors]


def one_error(text: str, fmt: str = "toml") -> lcc.io.TenderIssue:
    with pytest.raises(TenderError) as info:
        loads_tender(textwrap.dedent(text), fmt, source=f"t.{fmt}")
    assert len(info.value.errors) == 1, str(info.value)
    return info.value.errors[0]


# ---------------------------------------------------------------------------- reading


def test_load_minimal_tender_evaluates() -> None:
    tender = loads_tender(BASE, source="pumps.toml")
    assert tender.name == "Pumps"
    assert tender.source == Path("pumps.toml")
    assert tender.study == lcc.Study("10 yr", 0.04)
    price = lcc.Parameter("electricity_price", "1.5 SEK/kWh")
    assert tender.parameters == (price,)
    alt = lcc.Alternative("Pump A", lcc.Investment("20000 SEK"),
                          lcc.Energy(annual="3000 kWh/yr", price=price))
    assert tender.alternatives == (alt,)
    results = tender.evaluate()
    assert list(results) == ["Pump A"]
    expected = lcc.evaluate(alt, lcc.Study("10 yr", 0.04)).value
    assert float(results["Pump A"].value) == pytest.approx(float(expected), rel=1e-15)
    # 20 000 + 4 500 × UPV(4 %, 10) = 20 000 + 4 500 × 8.110896
    assert float(results["Pump A"].value) == pytest.approx(56499.03, abs=0.01)


def test_fixture_loads_with_assumption_set() -> None:
    tender = load_tender(FIXTURE)
    assert tender.assumptions is not None
    assert (tender.assumptions.name, tender.assumptions.version) == ("sweden-2025", "1.0")
    assert tender.study.years == 20
    assert tender.study.timing == "end"
    assert tender.study.base_year == 2025
    assert tender.study.include_externalities is False
    rate = tender.parameter("discount_rate")
    assert rate is not None and rate.value == 0.035 and rate.role == "buyer"
    assert tender.study.discount_rate == rate
    price = tender.parameter("electricity_price")
    assert price is not None
    assert str(price.value) == "1.2 SEK/kWh"
    assert (str(price.low), str(price.high)) == ("0.75 SEK/kWh", "3.0 SEK/kWh")  # from the set
    assert [a.name for a in tender.alternatives] == ["Bid A", "Bid B"]
    bidder = [p for p in tender.alternative("Bid B").parameters() if p.role == "bidder"]
    assert [p.name for p in bidder] == ["driver_replacement"]
    assert tender.sensitivity == lcc.io.SensitivitySettings(
        ("discount_rate", "electricity_price", "operating_hours"), 2000, 2025)
    assert tender.comparison == lcc.io.ComparisonSettings("study_period", None)
    assert tender.overrides == (lcc.io.Override(
        "parameters.electricity_price.value",
        "Fixed-price electricity contract 2025–2029 (decision 2025-02-11)",
        (lcc.io.Change("parameters.electricity_price.value", '"1.5 SEK/kWh"',
                       '"1.2 SEK/kWh"'),)),)


def test_every_result_names_the_assumption_set_and_the_override() -> None:
    tender = load_tender(FIXTURE)
    results = tender.evaluate()
    assert isinstance(results, lcc.io.TenderResults)
    assert results.notes == tender.describe()
    assert "Assumption set: 'sweden-2025' version 1.0 (valid from 2025-01-01, owner: Example " \
           "organisation (replace with the authority or group of regions that decides the " \
           "set))" in results.notes
    assert "Override of parameters.electricity_price.value: Fixed-price electricity contract " \
           "2025–2029 (decision 2025-02-11)" in results.notes
    assert '  parameters.electricity_price.value: "1.2 SEK/kWh" (assumption set: ' \
           '"1.5 SEK/kWh")' in results.notes
    for name in results:
        text = results.explain(name)
        assert text.startswith("Tender: Street lighting 2025 (Dnr 2025/0042)\n")
        assert "'sweden-2025' version 1.0" in text
        assert f"Life-cycle cost of {name}" in text


def test_compare_uses_the_comparison_settings() -> None:
    tender = load_tender(FIXTURE)
    c = tender.compare()
    assert c.best == "Bid B"
    results = tender.evaluate()
    assert float(c.summary.loc["Bid A", "lcc"]) == pytest.approx(float(results["Bid A"].value))


def test_with_alternatives_validates_again() -> None:
    tender = loads_tender(BASE)
    extra = lcc.Alternative("Pump B", lcc.Investment("25000 SEK"))
    both = tender.with_alternatives(*tender.alternatives, extra)
    assert [a.name for a in both.alternatives] == ["Pump A", "Pump B"]
    assert both.with_alternatives([extra]).alternatives == (extra,)
    with pytest.raises(TenderError) as info:
        tender.with_alternatives(extra, extra)
    assert str(info.value) == ("<string>: alternatives[1].name: 'Pump B' is also the name of "
                               "alternatives[0]; every alternative needs its own name "
                               "[duplicate-name]")


# ---------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", ["toml", "yaml", "yml", "json"])
def test_round_trip_fixture(tmp_path: Path, fmt: str) -> None:
    tender = load_tender(FIXTURE)
    out = tmp_path / "deeper" / f"copy.{fmt}"
    out.parent.mkdir()
    save_tender(tender, out)
    again = load_tender(out)
    assert again == tender
    assert again.source == out
    # the reference to the set is rewritten relative to the new file
    text = out.read_text(encoding="utf-8")
    rel = Path(os.path.relpath(SWEDEN.resolve(), out.parent.resolve()))
    assert rel.as_posix() in text
    save_tender(again, tmp_path / f"second.{fmt}")
    assert load_tender(tmp_path / f"second.{fmt}") == tender
    a, b = tender.evaluate(), again.evaluate()
    assert {k: float(v.value) for k, v in a.items()} == {k: float(v.value) for k, v in b.items()}


def test_saved_toml_is_readable(tmp_path: Path) -> None:
    out = save_tender(load_tender(FIXTURE), tmp_path / "t.toml")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Tender file (lcc.tender/1), written by lcc ")
    assert 'price = {parameter = "electricity_price"}' in text
    assert '[alternatives.parameters.driver_replacement]\nvalue = "650 SEK"' in text
    assert '"parameters.electricity_price.value" = "Fixed-price electricity contract' in text
    # values of the assumption set are not repeated, the override is
    data = tomllib.loads(text)
    assert set(data["parameters"]) == {"electricity_price", "operating_hours", "light_points"}
    assert data["parameters"]["electricity_price"] == {"value": "1.2 SEK/kWh"}
    assert data["study"] == {"period": "20 yr"}


@pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
def test_round_trip_every_item_type_and_value_kind(fmt: str) -> None:
    text = """\
    name = "All kinds"
    description = "line one\\nline two"
    [study]
    period = "12 yr"
    discount_rate = "3.5 %"
    inflation = 0.02
    timing = "middle"
    base_year = 2025
    currency = "SEK"
    include_externalities = false
    exchange_rates = { base = "SEK", rates = { EUR = 11.48 }, date = "2024", source = "Riksbanken" }
    [study.carbon_price]
    by_year = [1.0, 1.5, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]
    unit = "SEK/kg"
    first_year = 2025
    [parameters.elpris]
    value = "120 öre/kWh"
    low = "0.8 SEK/kWh"
    high = "2 SEK/kWh"
    distribution = { name = "triang", c = 0.5, loc = 80, scale = 120 }  # in öre/kWh
    description = "Elpris"
    source = "own contract"
    [parameters.rate]
    value = 0.01
    [[alternatives]]
    name = "A"
    description = "Everything"
    start = 1
    quantity = 3
    life = "15 yr"
    [alternatives.parameters.kwh]
    value = "2500 kWh/yr"
    [[alternatives.items]]
    type = "Investment"
    amount = "1 kEUR"
    at = 0
    life = "6 yr"
    residual = 0.25
    disposal = "100 SEK"
    label = "Machine"
    escalation = [0.01, 0.02, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    indexed = false
    [[alternatives.items]]
    type = "Replacement"
    amount = "300 SEK"
    every = "4 yr"
    residual = "none"
    [[alternatives.items]]
    type = "OneOff"
    amount = "-50 SEK"
    at = "2 yr"
    category = "other"
    [[alternatives.items]]
    type = "Periodic"
    amount = "200 SEK"
    every = "3 yr"
    first = 2
    last = 8
    [[alternatives.items]]
    type = "Recurring"
    amount_per_year = { by_year = [100, 110, 120], unit = "SEK/yr" }
    start = 1
    end = 2
    category = "consumables"
    [[alternatives.items]]
    type = "Energy"
    annual = { parameter = "kwh" }
    price = { parameter = "elpris" }
    emission_factor = "0.05 kg/kWh"
    escalation = { parameter = "rate" }
    [[alternatives.items]]
    type = "Energy"
    power = "45 W"
    hours = "4000 h/yr"
    price = { by_year = [1.0, 1.1, 1.2], unit = "SEK/kWh", first_year = 2025 }
    end = 2
    [[alternatives.items]]
    type = "Water"
    annual = "12 m**3/yr"
    price = "45 SEK/m**3"
    [[alternatives.items]]
    type = "Emission"
    annual = "10 kg/yr"
    pollutant = "NOx"
    price = "0.05 EUR/kg"
    [[alternatives.items]]
    type = "Residual"
    amount = "500 SEK"
    at = 10
    [[alternatives.items]]
    type = "Disposal"
    amount = "250 SEK"
    [sensitivity]
    parameters = ["elpris"]
    monte_carlo = { n = 100, seed = 7 }
    [comparison]
    policy = "annuity"
    baseline = "A"
    """
    tender = loads_tender(textwrap.dedent(text))
    assert {type(i).__name__ for i in tender.alternatives[0].items} == set(ITEMS)
    written = lcc.io.dumps_tender(tender, fmt)
    again = loads_tender(written, fmt)
    assert again == tender
    assert lcc.io.dumps_tender(again, fmt) == written
    assert float(again.evaluate()["A"].value) == float(tender.evaluate()["A"].value)


def test_programmatic_tender_round_trip(tmp_path: Path) -> None:
    price = lcc.Parameter("price", "1.2 SEK/kWh", low="1 SEK/kWh", high="2 SEK/kWh")
    kwh = lcc.Parameter("kwh", "3000 kWh/yr", role="bidder")
    study = lcc.Study("15 yr", 0.03)
    alt = lcc.Alternative("A", lcc.Investment("10000 SEK", life="10 yr"),
                          lcc.Energy(annual=kwh, price=price))
    tender = lcc.io.Tender("Prog", study, (alt,))
    assert tender.parameters == (price,)  # used buyer parameters are collected
    save_tender(tender, tmp_path / "p.json")
    assert load_tender(tmp_path / "p.json") == tender


def test_samples_cannot_be_written() -> None:
    alt = lcc.Alternative("A", lcc.Investment(np.array([1.0, 2.0]) * lcc.ureg.SEK))
    tender = lcc.io.Tender("S", lcc.Study("5 yr", 0.03), (alt,))
    with pytest.raises(lcc.LCCError, match=r"alternatives\[0\]\.items\[0\]\.amount: holds "
                                            r"samples"):
        lcc.io.dumps_tender(tender)


# ---------------------------------------------------------------------------- validation


def test_every_error_at_once_with_file_line_path_and_code(tmp_path: Path) -> None:
    text = """\
    name = "Bad tender"
    colour = "blue"

    [study]
    period = 20
    discount_rate = "3 SEK"
    timing = "midle"

    [parameters.electricity_price]
    value = "1.2 SEK/kWh"

    [parameters.hours]
    value = 4000

    [[alternatives]]
    name = "A"
    template = "lighting"

    [alternatives.parameters.electricity_price]
    value = "1.0 SEK/kWh"

    [alternatives.parameters.unused]
    value = "3 SEK"

    [[alternatives.items]]
    type = "Investment"
    amout = "2500 SEK"

    [[alternatives.items]]
    type = "Energy"
    power = "45 W"
    hours = 4000
    price = { parameter = "elpris" }

    [[alternatives.items]]
    type = "Energy"
    power = "45 kWh"
    hours = { parameter = "hours" }
    price = "0.1 EUR/kWh"

    [[alternatives.items]]
    type = "Investment"
    amount = "-5 SEK"

    [[alternatives.items]]
    type = "Lamp"

    [[alternatives]]
    name = "A"
    items = []
    """
    path = tmp_path / "bad.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(TenderError) as info:
        load_tender(path)
    err = info.value
    assert isinstance(err, lcc.LCCError) and isinstance(err, ValueError)
    assert [(e.line, e.path, e.code) for e in err.errors] == [
        (2, "colour", "unknown-key"),
        (5, "study.period", "bare-number"),
        (6, "study.discount_rate", "wrong-unit"),
        (7, "study.timing", "invalid-value"),
        (17, "alternatives[0].template", "unknown-template"),
        (19, "alternatives[0].parameters.electricity_price", "parameter-override"),
        (22, "alternatives[0].parameters.unused", "unused-parameter"),
        (25, "alternatives[0].items[0].amount", "missing-field"),
        (27, "alternatives[0].items[0].amout", "unknown-key"),
        (32, "alternatives[0].items[1].hours", "bare-number"),
        (33, "alternatives[0].items[1].price.parameter", "unknown-parameter"),
        (37, "alternatives[0].items[2].power", "wrong-unit"),
        (38, "alternatives[0].items[2].hours", "bare-number"),
        (39, "alternatives[0].items[2].price", "currency-mix"),
        (43, "alternatives[0].items[3].amount", "invalid-value"),
        (46, "alternatives[0].items[4].type", "unknown-type"),
        (49, "alternatives[1].name", "duplicate-name"),
        (50, "alternatives[1].items", "missing-field"),
    ]
    lines = str(err).splitlines()
    assert len(lines) == 18
    f = str(path)
    assert lines[1] == (f"{f}:5: study.period: got the bare number 20; write it with a unit, "
                        f"e.g. '20 yr' [bare-number]")
    assert lines[5] == (
        f"{f}:19: alternatives[0].parameters.electricity_price: a bid cannot override the "
        f"buyer parameter 'electricity_price' (defined at {f}:9 parameters.electricity_price); "
        f"refer to it with {{parameter = \"electricity_price\"}}, or give the bid's own value "
        f"another name [parameter-override]")
    assert lines[8] == (
        f"{f}:27: alternatives[0].items[0].amout: unknown key 'amout' (did you mean 'amount'?); "
        f"an Investment item: the keys are: type, amount, at, life, residual, disposal, hours, "
        f"label, escalation, indexed [unknown-key]")
    assert lines[9] == (f"{f}:32: alternatives[0].items[1].hours: got the bare number 4000; "
                        f"this field has a unit, so write it with one; expected hours per year, "
                        f"e.g. '4000 h/yr' [bare-number]")
    assert lines[11] == (f"{f}:37: alternatives[0].items[2].power: got '45 kWh' (units kWh); "
                         f"expected a power, e.g. '45 W' — the use must match the price, which "
                         f"is per energy (priced per kWh) [wrong-unit]")
    assert lines[13] == (
        f"{f}:39: alternatives[0].items[2].price: the amount is in EUR but the study currency "
        f"is SEK, and no exchange rate for EUR is declared; add to [study]: exchange_rates = "
        f"{{base = \"SEK\", rates = {{EUR = <SEK per EUR>}}, date = \"...\", source = "
        f"\"...\"}} [currency-mix]")
    # the model's own message, located at the field it names
    assert lines[14] == (f"{f}:43: alternatives[0].items[3].amount: got '-5 SEK'; expected an "
                         f"amount >= 0 [invalid-value]")
    data = json.loads(err.to_json())
    assert data["errors"][0] == {"code": "unknown-key", "message": err.errors[0].message,
                                 "path": "colour", "file": f, "line": 2}
    assert len(data["errors"]) == 18
    assert set(err.codes) <= set(lcc.io.ERROR_CODES)


def test_missing_top_level_fields() -> None:
    assert problems("description = 'x'\n") == [
        (None, "name", "missing-field"),
        (None, "alternatives", "missing-field"),
        (None, "study.period", "missing-field"),
        (None, "study.discount_rate", "missing-field"),
    ]
    e = one_error(BASE.replace('period = "10 yr"\n', ""))
    assert (e.line, e.path, e.code, e.message) == (
        2, "study.period", "missing-field", "missing; period must be set in the tender's "
                                            "[study] table")


@pytest.mark.parametrize(("line", "value", "path", "code"), [
    ("name = 3", None, "name", "wrong-type"),
    ("name = ''", None, "name", "invalid-value"),
    ("study = 5", None, "study", "wrong-type"),
])
def test_wrong_types_at_top(line: str, value: None, path: str, code: str) -> None:
    text = BASE.replace('name = "Pumps"\n', "") if line.startswith("name") else BASE
    if line.startswith("study"):
        text = text.replace('[study]\nperiod = "10 yr"\ndiscount_rate = 0.04\n', "")
    found = problems(line + "\n" + text)
    assert (1, path, code) in found


@pytest.mark.parametrize(("field", "value", "where", "code"), [
    ("annual", "3000", "annual", "bare-number"),
    ("annual", "'3000'", "annual", "bare-number"),
    ("annual", "'3000 kWh'", "annual", "wrong-unit"),
    ("annual", "'3000 kg'", "annual", "wrong-unit"),
    ("annual", "'300 l/yr'", "annual", "wrong-unit"),  # the price is per kWh
    ("annual", "'lots'", "annual", "invalid-value"),
    ("annual", "true", "annual", "wrong-type"),
    ("annual", "[1, 2]", "annual", "wrong-type"),
    ("annual", "{ by_year = [1, 2] }", "annual.unit", "missing-field"),
    ("annual", "{ by_year = [1, 2], unit = 'kg' }", "annual.unit", "wrong-unit"),
    ("annual", "{ by_year = [1, 2], unit = 'kWh/yr' }", "annual", "invalid-value"),  # short
    ("annual", "{ by_year = [], unit = 'kWh/yr' }", "annual.by_year", "invalid-value"),
    ("annual", "{ by_year = [1], unit = 'kWh/yr', first_year = 0 }", "annual.first_year",
     "invalid-value"),
    ("annual", "{ parameter = 'electricity_price' }", "annual", "wrong-unit"),
    ("annual", "{ parameter = 3 }", "annual.parameter", "wrong-type"),
    ("annual", "{ parameter = 'x', unit = 'kWh' }", "annual.unit", "unknown-key"),
    ("annual", "{ foo = 1 }", "annual", "wrong-type"),
    ("escalation", "'3 SEK'", "escalation", "wrong-unit"),
    ("escalation", "'x'", "escalation", "invalid-value"),
    ("escalation", "{ parameter = 'electricity_price' }", "escalation", "wrong-unit"),
    ("escalation", "nan", "escalation", "invalid-value"),
    ("escalation", "[]", "escalation", "invalid-value"),
    ("start", "'2'", "start", "wrong-type"),
    ("start", "'2 kg'", "start", "wrong-unit"),
    ("start", "{ parameter = 'electricity_price' }", "start", "wrong-type"),
    ("label", "5", "label", "wrong-type"),
    ("indexed", "'yes'", "indexed", "wrong-type"),
    ("pollutant", "'NOx'", "pollutant", "unknown-key"),
])
def test_value_rules_with_exact_path(field: str, value: str, where: str, code: str) -> None:
    text = BASE.replace('annual = "3000 kWh/yr"\n', "") if field == "annual" else BASE
    text += f"{field} = {value}\n"
    line = text.count("\n") if where else 12
    path = f"alternatives[0].items[1].{where}".rstrip(".")
    assert problems(text) == [(line, path, code)]


def test_range_errors_from_the_model_are_located() -> None:
    e = one_error(BASE + 'start = 0\nend = 1\n')
    assert (e.line, e.path, e.code) == (16, "alternatives[0].items[1].start", "invalid-value")
    assert e.message == "got 0; expected a number of years >= 1"
    with pytest.raises(TenderError) as info:  # every invalid field of an item, at once
        loads_tender(textwrap.dedent(BASE) + "start = 0\nend = 0\n", "toml")
    assert [(e.line, e.path) for e in info.value.errors] == [
        (16, "alternatives[0].items[1].start"), (17, "alternatives[0].items[1].end")]
    e = one_error(BASE.replace('amount = "20000 SEK"', 'amount = "20000 SEK"\nresidual = 1.5'))
    assert (e.line, e.path, e.code) == (12, "alternatives[0].items[0].residual",
                                        "invalid-value")
    e = one_error(BASE.replace('discount_rate = 0.04', 'discount_rate = "-200 %"'))
    assert (e.line, e.path, e.code) == (4, "study.discount_rate", "invalid-value")
    assert e.message == "got '-200 %'; expected a rate > -1"


def test_item_level_model_error_is_located_at_the_item() -> None:
    e = one_error(BASE + 'power = "45 W"\nhours = "4000 h/yr"\n')
    assert (e.line, e.path, e.code) == (12, "alternatives[0].items[1]", "invalid-value")
    assert e.message == ("give one of annual, power and hours, or distance and consumption "
                         "— not several")


def test_unknown_parameter_suggests_a_name() -> None:
    e = one_error(BASE.replace('{ parameter = "electricity_price" }',
                               '{ parameter = "electricity_prise" }'))
    assert (e.line, e.path, e.code) == (15, "alternatives[0].items[1].price.parameter",
                                        "unknown-parameter")
    assert e.message == ("no parameter is named 'electricity_prise' (did you mean "
                         "'electricity_price'?); defined: electricity_price")


def test_a_misspelt_name_looked_up_is_a_key_error_naming_the_closest() -> None:
    import lcc.report

    tender = load_tender(ROOT / "examples" / "street-lighting.toml")
    with pytest.raises(KeyError) as err:
        tender.alternative("LED bid a")
    assert err.value.args == ("LED bid a",)
    assert str(err.value) == ("no alternative named 'LED bid a' (did you mean 'LED bid A'?); "
                              "the alternatives are 'Existing HPS', 'LED bid A', 'LED bid B', "
                              "'LED bid C'")
    report = lcc.report.build(tender.compare(), charts=False)
    with pytest.raises(KeyError, match=r"no section named 'sumary' \(did you mean 'summary'"):
        report.section("sumary")
    assert report.section("summary").key == "summary"


def test_a_parameter_number_a_field_refuses_is_reported_where_it_is_written() -> None:
    """A bare 2 for an escalation parameter was reported at each item that reads it; it stands
    at the parameter's value, once for each field that reads it, in the buyer's table and in
    a bid's own."""
    text = textwrap.dedent("""\
        name = "T"
        [study]
        period = "10 yr"
        discount_rate = "3 %"
        [parameters.esc]
        value = 2
        [[alternatives]]
        name = "A"
        [[alternatives.items]]
        type = "Recurring"
        amount_per_year = "100 SEK/yr"
        escalation = { parameter = "esc" }
        [[alternatives]]
        name = "B"
        [alternatives.parameters.own]
        value = 0.01
        high = 1.5
        [[alternatives.items]]
        type = "Recurring"
        amount_per_year = "90 SEK/yr"
        escalation = { parameter = "esc" }
        [[alternatives.items]]
        type = "Recurring"
        amount_per_year = "10 SEK/yr"
        escalation = { parameter = "own" }
        """)
    with pytest.raises(TenderError) as err:
        loads_tender(text)
    got = [(e.line, e.path, e.message.rpartition(" (read by ")[2]) for e in err.value.errors]
    assert got == [(6, "parameters.esc.value", "alternatives[0].items[0].escalation)"),
                   (6, "parameters.esc.value", "alternatives[1].items[0].escalation)"),
                   (17, "alternatives[1].parameters.own.high",
                    "alternatives[1].items[1].escalation)")]
    assert err.value.errors[0].message.startswith(
        "the value of Parameter 'esc' holds the bare number 2; a rate is a fraction per year, "
        "so this would be 200 %; did you mean 2 % = 0.02?")
    fixed = text.replace("value = 2", 'value = "2 %"').replace("high = 1.5", "high = 0.015")
    # A: Σ_{k=1..10} 100 × (1.02 / 1.03)^k = 948.13 SEK
    assert loads_tender(fixed).compare().summary.loc["A", "lcc"] == pytest.approx(948.1274318)


def test_a_rate_the_study_reads_from_a_parameter_is_reported_where_the_tender_sets_it(
        tmp_path: Path) -> None:
    """The assumption set's study reads discount_rate = { parameter = "discount_rate" }; a
    tender's value = 4 for it was reported in the set, at its [study] line, a file the
    procurer did not write."""
    shutil.copytree(ROOT / "examples" / "assumptions", tmp_path / "assumptions")
    text = (ROOT / "examples" / "street-lighting.toml").read_text(encoding="utf-8")
    text = text.replace("[study]\n", "[parameters.discount_rate]\nvalue = 4\nlow = 3\n"
                        "high = 5\n\n[study]\n", 1)
    line = text.splitlines().index("value = 4") + 1
    (tmp_path / "t.toml").write_text(text, encoding="utf-8")
    with pytest.raises(TenderError) as err:
        load_tender(tmp_path / "t.toml")
    [issue] = err.value.errors
    assert (Path(issue.file or "").name, issue.line, issue.path) == (
        "t.toml", line, "parameters.discount_rate.value")
    # the set's distribution, uniform(0.01, 0.06), stays with the tender's value: 4 is a
    # percentage among fractions, said of the value where the parameter is read
    assert issue.message == ("got the bare number 4, but its distribution draws 0.01 to 0.06; "
                             "a bare number is a fraction (0.01 is 1 %), so this would be "
                             "400 %; did you mean 4 % = 0.04? Write '4 %' or 0.04")
    aset = tmp_path / "assumptions" / "sweden-2025.toml"
    plain = aset.read_text(encoding="utf-8").replace(
        'distribution = { name = "uniform", loc = 0.01, scale = 0.05 }\n', "", 1)
    aset.write_text(plain, encoding="utf-8")
    with pytest.raises(TenderError) as err:  # without it, the rate's own rule says it
        load_tender(tmp_path / "t.toml")
    [issue] = err.value.errors
    assert (issue.line, issue.path) == (line, "parameters.discount_rate.value")
    assert issue.message.startswith("the value of Parameter 'discount_rate' holds the bare "
                                    "number 4; a rate is a fraction per year, so this would "
                                    "be 400 %; did you mean 4 % = 0.04?")
    assert issue.message.endswith(" (read by study.discount_rate)")


def test_parameter_rules() -> None:
    base = BASE.replace('[parameters.electricity_price]\nvalue = "1.5 SEK/kWh"\n', "")
    body = base.replace('{ parameter = "electricity_price" }', '"1 SEK/kWh"')
    text = body + textwrap.dedent("""\
    [parameters.a]
    low = 1
    [parameters.b]
    value = "1 SEK"
    low = 2
    [parameters.c]
    value = 1
    high = "2 SEK"
    [parameters.d]
    value = 1
    low = 3
    high = 2
    [parameters.e]
    value = [1, 2]
    role = "bidder"
    [parameters."not a name"]
    value = 1
    """)
    assert problems(text) == [
        (14, "parameters.a.value", "missing-field"),
        (18, "parameters.b.low", "bare-number"),
        (21, "parameters.c.high", "invalid-value"),
        (22, "parameters.d", "invalid-value"),
        (27, "parameters.e.value", "wrong-type"),
        (28, "parameters.e.role", "unknown-key"),
        (29, 'parameters["not a name"]', "invalid-value"),
    ]


def test_distributions() -> None:
    good = BASE.replace('value = "1.5 SEK/kWh"',
                        'value = "1.5 SEK/kWh"\n'
                        'distribution = { name = "norm", loc = 1.5, scale = 0.2 }')
    tender = loads_tender(good)
    dist = tender.parameters[0].distribution
    assert dist.dist.name == "norm" and dist.kwds == {"loc": 1.5, "scale": 0.2}
    assert float(dist.mean()) == 1.5

    def bad(spec: str) -> list[tuple[int | None, str, str]]:
        return problems(BASE.replace('value = "1.5 SEK/kWh"',
                                     f'value = "1.5 SEK/kWh"\ndistribution = {spec}'))

    p = "parameters.electricity_price.distribution"
    assert bad('{ name = "nrom", loc = 1 }') == [(7, f"{p}.name", "invalid-value")]
    assert bad('{ loc = 1 }') == [(7, f"{p}.name", "missing-field")]
    assert bad('{ name = "norm", loc = 1, scale = -1 }') == [(7, p, "invalid-value")]
    assert bad('{ name = "norm", mu = 1 }') == [(7, f"{p}.mu", "unknown-key")]
    assert bad('{ name = "triang", loc = 1 }') == [(7, f"{p}.c", "missing-field")]
    assert bad('{ name = "norm", loc = "1" }') == [(7, f"{p}.loc", "wrong-type")]
    assert bad('{ name = "__import__" }') == [(7, f"{p}.name", "invalid-value")]
    assert bad('"norm"') == [(7, p, "wrong-type")]


def test_duplicate_alternative_names_name_both_lines() -> None:
    text = BASE + '[[alternatives]]\nname = "Pump A"\n[[alternatives.items]]\n' \
                  'type = "Investment"\namount = "1 SEK"\n'
    e = one_error(text)
    assert (e.line, e.path, e.code) == (17, "alternatives[1].name", "duplicate-name")
    assert e.message == ("'Pump A' is also the name of alternatives[0] (line 8); every "
                         "alternative needs its own name")


def test_currency_mix_needs_exchange_rates() -> None:
    text = BASE.replace('"20000 SEK"', '"2000 EUR"')
    assert problems(text) == [(11, "alternatives[0].items[0].amount", "currency-mix")]
    ok = text.replace("discount_rate = 0.04",
                      'discount_rate = 0.04\nexchange_rates = { base = "SEK", rates = '
                      '{ EUR = 11.48 } }')
    tender = loads_tender(ok)
    assert tender.study.exchange_rates == lcc.ExchangeRates("SEK", {"EUR": 11.48})
    # a parameter in another currency: reported where it is used
    param = BASE.replace('"1.5 SEK/kWh"', '"0.15 EUR/kWh"')
    assert problems(param) == [(15, "alternatives[0].items[1].price", "currency-mix")]
    e = one_error(ok.replace("EUR = 11.48", "NOK = 1.0"))
    assert (e.path, e.code) == ("alternatives[0].items[0].amount", "currency-mix")


def test_exchange_rates_rules() -> None:
    text = BASE.replace("discount_rate = 0.04",
                        'discount_rate = 0.04\nexchange_rates = { base = "XYZ", rates = '
                        '{ EUR = -1, ABC = 2 }, note = 1 }')
    assert problems(text) == [
        (5, "study.exchange_rates.note", "unknown-key"),
        (5, "study.exchange_rates.base", "invalid-value"),
        (5, "study.exchange_rates.rates.EUR", "invalid-value"),
        (5, "study.exchange_rates.rates.ABC", "invalid-value"),
    ]


def test_roles_buyer_and_bidder() -> None:
    text = BASE.replace('annual = "3000 kWh/yr"', 'annual = { parameter = "use" }').replace(
        '[[alternatives.items]]\ntype = "Investment"',
        '[alternatives.parameters.use]\nvalue = "2800 kWh/yr"\n'
        '[[alternatives.items]]\ntype = "Investment"')
    tender = loads_tender(text)
    roles = {p.name: p.role for p in tender.alternatives[0].parameters()}
    assert roles == {"use": "bidder", "electricity_price": "buyer"}
    assert [p.name for p in tender.parameters] == ["electricity_price"]
    # another bid cannot use this bid's parameter
    other = text + '[[alternatives]]\nname = "B"\n[[alternatives.items]]\ntype = "Energy"\n' \
                   'annual = { parameter = "use" }\nprice = "1 SEK/kWh"\n'
    assert problems(other) == [(22, "alternatives[1].items[0].annual.parameter",
                                "unknown-parameter")]


def test_bidder_parameters_of_one_name_must_agree_across_bids() -> None:
    bid = textwrap.dedent("""\
    [[alternatives]]
    name = "{name}"
    [alternatives.parameters.kwh]
    value = "{kwh}"
    [[alternatives.items]]
    type = "Energy"
    annual = {{ parameter = "kwh" }}
    price = "1 SEK/kWh"
    """)
    head = 'name = "T"\n[study]\nperiod = "5 yr"\ndiscount_rate = 0.03\n'
    same = head + bid.format(name="A", kwh="100 kWh/yr") + bid.format(name="B", kwh="100 kWh/yr")
    assert len(loads_tender(same).alternatives) == 2
    differ = head + bid.format(name="A", kwh="100 kWh/yr") + \
        bid.format(name="B", kwh="200 kWh/yr")
    e = one_error(differ)
    assert (e.line, e.path, e.code) == (15, "alternatives[1].parameters.kwh", "duplicate-name")
    assert e.message.startswith("alternatives[0] (t.toml:7) has another parameter named 'kwh'")


def test_bid_may_not_override_a_parameter_of_the_assumption_set(tmp_path: Path) -> None:
    set_path = tmp_path / "sets" / "s.toml"
    set_path.parent.mkdir()
    shutil.copy(SWEDEN, set_path)
    text = BASE.replace('name = "Pumps"', 'name = "Pumps"\nassumptions = "sets/s.toml"').replace(
        '[[alternatives.items]]\ntype = "Investment"',
        '[alternatives.parameters.discount_rate]\nvalue = 0.1\n'
        '[[alternatives.items]]\ntype = "Investment"')
    (tmp_path / "t.toml").write_text(text, encoding="utf-8")
    with pytest.raises(TenderError) as info:
        load_tender(tmp_path / "t.toml")
    errs = [e for e in info.value.errors if e.code == "parameter-override"]
    assert len(errs) == 1
    assert errs[0].path == "alternatives[0].parameters.discount_rate"
    assert f"(defined at {set_path}:" in errs[0].message


# ---------------------------------------------------------------------------- parsing


def test_parse_errors(tmp_path: Path) -> None:
    assert problems("name = \n") == [(1, "", "parse-error")]
    assert problems("name = 'x'\n[study\n") == [(2, "", "parse-error")]
    e = one_error("a = 1\nb = \"unterminated\n")
    assert str(e) == ("t.toml:2: not valid TOML: a line ends inside a text: its closing quote is "
                      "missing; the parser says \"Illegal character '\\n'\" (column 18) "
                      "[parse-error]")
    assert problems("", tmp_path=tmp_path) == [(None, "", "parse-error")]
    assert problems("   \n\n# only a comment?\n".replace("# only a comment?", "")) == [
        (None, "", "parse-error")]
    path = tmp_path / "latin1.toml"
    path.write_bytes('name = "Lyktstolpar"\nreference = "Dnr åäö"\n'.encode("latin-1"))
    with pytest.raises(TenderError) as info:
        load_tender(path)
    assert str(info.value) == (f"{path}:2: the file is not UTF-8 text: byte 0xe5 at byte offset "
                               f"38 cannot be decoded; save the file as UTF-8 [parse-error]")
    garbage = tmp_path / "garbage.toml"
    garbage.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(TenderError) as info:
        load_tender(garbage)
    assert info.value.codes == ["parse-error"]
    nul = tmp_path / "nul.json"
    nul.write_bytes(b'{"name": "x"}\n\x00\x01')
    with pytest.raises(TenderError) as info:
        load_tender(nul)
    assert [(e.line, e.code) for e in info.value.errors] == [(2, "parse-error")]


def test_file_types_and_formats(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(BASE, encoding="utf-8")
    with pytest.raises(TenderError) as info:
        load_tender(path)
    assert str(info.value) == (f"{path}: unknown file type '.txt'; expected .toml, .yaml, .yml "
                               f"or .json [unsupported-format]")
    with pytest.raises(TenderError) as info:
        load_tender(tmp_path / "missing.toml")
    assert info.value.codes == ["missing-file"]
    assert problems('format = "lcc.tender/9"\n' + BASE) == [(1, "format", "unsupported-format")]
    e = one_error('format = "lcc.assumptions/1"\n' + BASE)
    assert e.message.startswith("this file is 'lcc.assumptions/1': load it with "
                                "lcc.io.load_assumptions")
    assert loads_tender('format = "lcc.tender/1"\n' + BASE).name == "Pumps"


def test_json_and_yaml_give_lines() -> None:
    data = {"name": "J", "study": {"period": "10 yr", "discount_rate": 0.03},
            "alternatives": [{"name": "A", "items": [{"type": "Energy",
                                                      "annual": "3000 kWh/yr",
                                                      "price": "3 SEK"}]}]}
    e = one_error(json.dumps(data, indent=2), "json")
    assert (e.line, e.path, e.code) == (14, "alternatives[0].items[0].price", "wrong-unit")
    assert e.message == ("got '3 SEK'; expected a price per unit of what is used: per energy "
                         "('1.2 SEK/kWh'), per volume ('18 SEK/l', '4 SEK/Nm3') or per mass "
                         "('25 SEK/kg')")
    yaml_text = """\
    name: Y
    study:
      period: 10 yr
      discount_rate: 0.03
    alternatives:
      - name: A
        items:
          - type: Energy
            annual: 3000 kWh/yr
            price: 5
    """
    e = one_error(yaml_text, "yaml")
    assert (e.line, e.path, e.code) == (10, "alternatives[0].items[0].price", "bare-number")
    assert problems("{\"name\": 1,\n \"x\": NaN}", "json") == [(2, "", "parse-error")]
    assert problems("[1, 2]", "json") == [(1, "", "wrong-type")]
    assert problems("- a\n- b\n", "yaml") == [(1, "", "wrong-type")]
    assert problems("name: [unclosed\n", "yaml") == [(2, "", "parse-error")]


def test_yaml_is_safe(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"""\
    name: Y
    study: {{period: 10 yr, discount_rate: !!python/object/apply:os.system ["touch {marker}"]}}
    """
    e = one_error(text, "yaml")
    assert (e.line, e.code) == (2, "parse-error")
    assert "tags such as !!python/... are refused" in e.message
    assert not marker.exists()
    aliases = """\
    name: Y
    a: &x [1, 2]
    b: *x
    """
    e = one_error(aliases, "yaml")
    assert (e.line, e.code, e.message) == (
        3, "parse-error", "YAML aliases (*name) are not accepted in tender files; write the "
                          "value out")
    bomb = "a: &a [x, x]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, "
                                      f"*{chr(97 + i)}]\n" for i in range(20))
    assert problems(bomb, "yaml") == [(2, "", "parse-error")]
    e = one_error("name: Y\ntrue: 1\n", "yaml")  # a key that is no text (YAML 1.1: NO too)
    assert (e.line, e.path, e.code) == (None, "", "wrong-type")


YAML_BID = """\
name: Y
study: {{period: 10 yr, discount_rate: 0.04}}
alternatives:
  - name: A
    items:
      - type: Recurring
        amount_per_year: 100 SEK/yr
        {extra}
"""


@pytest.mark.parametrize("value", ["0x_", "0o_", "0b_", "1_", "1__0", "!!int 2.5"])
def test_yaml_integers_without_digits_are_refused_with_a_line(value: str) -> None:
    """'0x_' and '!!int 2.5' stopped with a ValueError (exit 1); '1_' was read as 1."""
    text = YAML_BID.format(extra="escalation: 0.02").replace(
        "    items:", f"    quantity: {value}\n    items:")
    e = one_error(text, "yaml")
    assert e.line == 5
    assert e.code in ("parse-error", "invalid-value")


def test_yaml_integers_read_as_toml_reads_them() -> None:
    text = YAML_BID.format(extra="escalation: 0.02").replace(
        "    items:", "    quantity: 1_000\n    items:")
    assert loads_tender(text, "yaml").alternatives[0].quantity == 1000
    assert loads_tender(text.replace("1_000", "0x1_0"), "yaml").alternatives[0].quantity == 16


def test_a_yaml_merge_key_is_refused() -> None:
    """`<<: {amount_per_year: 999 SEK/yr, escalation: 0.02}` beside amount_per_year took the
    escalation and dropped 999 SEK/yr without a word, around the rule of keys given twice."""
    text = YAML_BID.format(extra="<<: {amount_per_year: 999 SEK/yr, escalation: 0.02}")
    e = one_error(text, "yaml")
    assert (e.line, e.code) == (8, "parse-error")
    assert "merge keys (<<)" in e.message


def test_size_depth_and_count_limits(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"# " + b"x" * (5 * 1024 * 1024) + b"\n")
    with pytest.raises(TenderError) as info:
        load_tender(big)
    assert info.value.codes == ["too-large"]
    with pytest.raises(TenderError) as info:
        loads_tender("a = " + "[" * 40 + "]" * 40)
    assert info.value.codes == ["too-deep"]
    with pytest.raises(TenderError) as info:
        loads_tender("a = " + "[" * 5000 + "]" * 5000)
    assert info.value.codes == ["too-deep"]
    with pytest.raises(TenderError) as info:
        loads_tender("[" * 20000 + "]" * 20000, "json")
    assert info.value.codes == ["too-deep"]
    with pytest.raises(TenderError) as info:
        loads_tender("a." * 100 + "b = 1")
    assert info.value.codes == ["too-deep"]
    with pytest.raises(TenderError) as info:
        loads_tender("a = [" + "0," * 200_001 + "]")
    assert info.value.codes == ["too-many"]
    text = BASE + 'escalation = [' + "0.0, " * 1001 + ']\n'
    assert problems(text) == [(16, "alternatives[0].items[1].escalation", "too-many")]
    long = BASE.replace('name = "Pumps"', f'name = "{"x" * 20_001}"')
    assert problems(long) == [(1, "name", "too-large")]
    many = 'name = "M"\n[study]\nperiod = "1 yr"\ndiscount_rate = 0\n' + \
        '[[alternatives]]\nname = "A"\n' + '[[alternatives.items]]\ntype = "Disposal"\n' \
        'amount = "1 SEK"\n' * 501
    assert problems(many) == [(7, "alternatives[0].items", "too-many")]
    mc = BASE + '[sensitivity]\nmonte_carlo = { n = 1_000_001 }\n'
    assert problems(mc) == [(17, "sensitivity.monte_carlo.n", "too-many")]


# ---------------------------------------------------------------------------- assumption sets


def test_example_assumption_set() -> None:
    s = load_assumptions(SWEDEN)
    assert (s.name, s.version, s.valid_from) == ("sweden-2025", "1.0", dt.date(2025, 1, 1))
    assert s.path == SWEDEN
    values = {p.name: p.value for p in s.parameters}
    assert values["discount_rate"] == 0.035
    # ASEK 7.0: 7 SEK/kg in 2017 prices; KPI 2023/2017 = 403.70/322.11 (REFERENCE §2 item 7)
    assert values["co2e_value"].magnitude == pytest.approx(7 * 403.70 / 322.11, abs=5e-5)
    assert float(lcc.inflate("7 SEK/kg", 2017, 2023).magnitude) == pytest.approx(
        values["co2e_value"].magnitude, abs=5e-5)
    assert str(values["co2e_value"].units) == "SEK/kg"
    # Nordic consumption mix 2022 (Ei approach): 66.7 g/MJ × 3.6 MJ/kWh
    assert values["electricity_emission_factor"].magnitude == pytest.approx(0.0667 * 3.6)
    assert dict(s.study) == {
        "discount_rate": s.parameter("discount_rate"), "timing": "end", "base_year": 2025,
        "carbon_price": s.parameter("co2e_value"), "include_externalities": False,
        "currency": "SEK"}
    assert "parameters.discount_rate" in s.policy_choices
    assert "parameters.co2e_value" not in s.policy_choices
    assert {src.id for src in s.sources} >= {"asek-7", "scb-kpi", "uhm-parametrar"}
    for p in s.parameters:
        assert p.source, p.name
        assert p.description and ("POLICY" in p.description or "DATA" in p.description)


def write_set(tmp_path: Path, extra: str = "", name: str = "set.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent("""\
    name = "test-set"
    version = "2.1"
    valid_from = 2025-03-01
    owner = "Region Test"
    [study]
    period = "10 yr"
    discount_rate = { parameter = "discount_rate" }
    timing = "end"
    [parameters.discount_rate]
    value = 0.04
    low = 0.02
    high = 0.06
    [parameters.electricity_price]
    value = "1.5 SEK/kWh"
    """) + textwrap.dedent(extra), encoding="utf-8")
    return path


TENDER_WITH_SET = """\
name = "Pumps"
assumptions = "set.toml"
[[alternatives]]
name = "Pump A"
[[alternatives.items]]
type = "Energy"
annual = "3000 kWh/yr"
price = { parameter = "electricity_price" }
"""


def test_tender_takes_values_from_the_set(tmp_path: Path) -> None:
    write_set(tmp_path)
    path = tmp_path / "t.toml"
    path.write_text(TENDER_WITH_SET, encoding="utf-8")
    tender = load_tender(path)
    assert tender.study.years == 10 and tender.study.rate.value == 0.04
    assert tender.overrides == ()
    assert "Overrides of the assumption set: none" in tender.describe()
    assert "Assumption set: 'test-set' version 2.1 (valid from 2025-03-01, owner: Region " \
           "Test)" in tender.describe()
    # repeating a value of the set is no conflict (same meaning, other spelling)
    same = TENDER_WITH_SET + '[study]\ntiming = "end"\ndiscount_rate = { parameter = ' \
                             '"discount_rate" }\n[parameters.electricity_price]\nvalue = ' \
                             '"150 öre/kWh"\n'
    path.write_text(same, encoding="utf-8")
    assert load_tender(path).overrides == ()


def test_conflicts_with_the_set_need_overrides(tmp_path: Path) -> None:
    set_path = write_set(tmp_path)
    text = TENDER_WITH_SET + textwrap.dedent("""\
    [study]
    period = "12 yr"
    timing = "middle"
    [parameters.discount_rate]
    value = 0.05
    high = 0.08
    """)
    t = tmp_path / "t.toml"
    t.write_text(text, encoding="utf-8")
    with pytest.raises(TenderError) as info:
        load_tender(t)
    assert [(e.line, e.path, e.code) for e in info.value.errors] == [
        (10, "study.period", "assumption-override"),
        (11, "study.timing", "assumption-override"),
        (13, "parameters.discount_rate.value", "assumption-override"),
        (14, "parameters.discount_rate.high", "assumption-override"),
    ]
    assert info.value.errors[0].message == (
        f"\"12 yr\" conflicts with the assumption set 'test-set' version 2.1, which says "
        f"\"10 yr\" ({set_path}:6 study.period); follow the set, or declare the departure "
        f"with a reason under [overrides]: \"study.period\" = \"<reason>\"")
    declared = text + textwrap.dedent("""\
    [overrides]
    "study.period" = "The contract runs 12 years"
    "study.timing" = "Monthly payments"
    "parameters.discount_rate" = "The board's decision 2025-04-01"
    """)
    t.write_text(declared, encoding="utf-8")
    tender = load_tender(t)
    assert [o.path for o in tender.overrides] == ["study.period", "study.timing",
                                                  "parameters.discount_rate"]
    assert tender.overrides[2].changes == (
        lcc.io.Change("parameters.discount_rate.value", "0.04", "0.05"),
        lcc.io.Change("parameters.discount_rate.high", "0.06", "0.08"))
    notes = tender.evaluate().notes
    assert "Override of study.period: The contract runs 12 years" in notes
    assert '  study.period: "12 yr" (assumption set: "10 yr")' in notes
    # round trip keeps the overrides and leaves the set's values out
    out = tmp_path / "sub" / "copy.yaml"
    out.parent.mkdir()
    save_tender(tender, out)
    assert load_tender(out) == tender
    assert "assumptions: ../set.toml" in out.read_text(encoding="utf-8")


def test_unused_and_invalid_overrides(tmp_path: Path) -> None:
    write_set(tmp_path)
    text = TENDER_WITH_SET + textwrap.dedent("""\
    [overrides]
    "study.period" = "not changed"
    "study.colour" = "no such field"
    "parameters.electricity_price.value" = ""
    """)
    assert problems(text, tmp_path=tmp_path) == [
        (10, 'overrides["study.period"]', "unused-override"),
        (11, 'overrides["study.colour"]', "invalid-value"),
        (12, 'overrides["parameters.electricity_price.value"]', "invalid-value"),
    ]
    no_set = BASE + '[overrides]\n"study.period" = "why"\n'
    assert problems(no_set) == [(17, 'overrides["study.period"]', "unused-override")]


def test_missing_or_broken_assumption_set(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text(TENDER_WITH_SET.replace("set.toml", "nowhere/set.toml"), encoding="utf-8")
    with pytest.raises(TenderError) as info:
        load_tender(path)
    assert str(info.value).splitlines()[0] == (
        f"{path}:2: assumptions: cannot read the assumption set 'nowhere/set.toml' (looked for "
        f"{tmp_path}/nowhere/set.toml); the path is relative to the tender file [missing-file]")
    set_path = write_set(tmp_path, '[parameters.co2]\nvalue = 7\nlow = "x"\n')
    path.write_text(TENDER_WITH_SET, encoding="utf-8")
    with pytest.raises(TenderError) as info:
        load_tender(path)
    assert [(e.file, e.line, e.path, e.code) for e in info.value.errors] == [
        (str(set_path), 17, "parameters.co2.low", "invalid-value")]


def test_assumption_set_rules(tmp_path: Path) -> None:
    text = """\
    version = 1.0
    valid_from = "2025-13-01"
    colour = "red"
    policy_choices = ["parameters.nothing", "study.timing"]
    [[sources]]
    id = "a"
    [study]
    discount_rate = { parameter = "missing" }
    """
    path = tmp_path / "s.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(TenderError) as info:
        load_assumptions(path)
    assert [(e.line, e.path, e.code) for e in info.value.errors] == [
        (1, "version", "wrong-type"),
        (2, "valid_from", "invalid-value"),
        (3, "colour", "unknown-key"),
        (4, "policy_choices[0]", "invalid-value"),
        (4, "policy_choices[1]", "invalid-value"),
        (5, "sources[0].title", "missing-field"),
        (8, "study.discount_rate.parameter", "unknown-parameter"),
        (None, "name", "missing-field"),
        (None, "owner", "missing-field"),
    ]
    e = info.value.errors[0]
    assert e.message == "got the number 1.0; write the version as text, e.g. version = \"1.0\""


def test_tender_file_is_not_an_assumption_set() -> None:
    with pytest.raises(TenderError) as info:
        lcc.io.loads_assumptions('format = "lcc.tender/1"\nname = "x"\nversion = "1"\n'
                                 'valid_from = 2025-01-01\nowner = "o"\n')
    assert info.value.codes == ["unsupported-format"]


# ---------------------------------------------------------------------------- schema


def test_field_tables_match_the_model() -> None:
    import dataclasses

    for name, spec in ITEMS.items():
        init = [f.name for f in dataclasses.fields(spec.cls) if f.init]
        assert sorted(init) == sorted(spec.fields), name
        assert spec.cls.kind == name
    assert set(lcc.io._fields.STUDY) == {
        f.name for f in dataclasses.fields(lcc.Study) if f.init}


def _as_json(path: Path) -> object:
    return json.loads(json.dumps(tomllib.loads(path.read_text(encoding="utf-8")),
                                 default=lambda o: o.isoformat()))


def test_json_schema_validates_the_examples() -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed")
    tender_schema = lcc.io.json_schema()
    set_schema = lcc.io.json_schema("assumptions")
    for schema in (tender_schema, set_schema):
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)
    check = jsonschema.Draft202012Validator(tender_schema,
                                            format_checker=jsonschema.FormatChecker())
    check.validate(_as_json(FIXTURE))
    check.validate(json.loads(lcc.io.dumps_tender(load_tender(FIXTURE), "json")))
    jsonschema.Draft202012Validator(set_schema, format_checker=jsonschema.FormatChecker()
                                    ).validate(_as_json(SWEDEN))
    bad = json.loads(lcc.io.dumps_tender(load_tender(FIXTURE), "json"))
    bad["alternatives"][0]["items"][0]["amout"] = "1 SEK"
    assert not check.is_valid(bad)
    bad = json.loads(lcc.io.dumps_tender(load_tender(FIXTURE), "json"))
    bad["alternatives"][0]["items"][0]["type"] = "Lamp"
    assert not check.is_valid(bad)
    with pytest.raises(lcc.LCCError):
        lcc.io.json_schema("other")


def test_programmatic_tender_checks_the_assumption_set() -> None:
    s = load_assumptions(SWEDEN)
    rate = s.parameter("discount_rate")
    study = lcc.Study("20 yr", rate, timing="middle", base_year=2025, currency="SEK",
                      carbon_price=s.parameter("co2e_value"), include_externalities=False)
    alt = lcc.Alternative("A", lcc.Investment("100 SEK"))
    with pytest.raises(TenderError) as info:
        lcc.io.Tender("P", study, (alt,), assumptions=s)
    assert [(e.path, e.code) for e in info.value.errors] == [
        ("study.timing", "assumption-override")]
    tender = lcc.io.Tender("P", study, (alt,), assumptions=s,
                           overrides={"study.timing": "Monthly payments"})
    assert tender.overrides == (lcc.io.Override(
        "study.timing", "Monthly payments",
        (lcc.io.Change("study.timing", '"end"', '"middle"'),)),)
    assert {p.name for p in tender.parameters} == {p.name for p in s.parameters}
    text = lcc.io.dumps_tender(tender, base_dir=SWEDEN.parent)
    assert 'assumptions = "sweden-2025.toml"' in text
    assert loads_tender(text, base_dir=SWEDEN.parent) == tender
    with pytest.raises(TenderError) as info:
        lcc.io.Tender("P", study, (alt,), assumptions=s,
                      overrides={"study.timing": "x", "study.period": "y"})
    assert [(e.path, e.code) for e in info.value.errors] == [
        ('overrides["study.period"]', "unused-override")]


def test_bounds_of_a_ratio_need_its_shape() -> None:
    text = BASE + '[parameters.hours]\nvalue = "4000 h/yr"\nlow = "40 %"\n'
    assert problems(text) == [(18, "parameters.hours.low", "wrong-unit")]


def test_bid_form_table_survives_save_and_load(tmp_path: Path) -> None:
    tender = load_tender(ROOT / "examples" / "street-lighting.toml")
    assert tender.bid_form is not None and tender.bid_form["items"][0]["type"] == "Investment"
    for fmt in ("toml", "json", "yaml"):
        out = tmp_path / f"copy.{fmt}"
        save_tender(tender, out)
        again = load_tender(out)
        assert again.bid_form == tender.bid_form
        assert again == tender


def test_tender_evaluate_with_overrides_of_a_parameter_some_bids_use() -> None:
    tender = load_tender(ROOT / "tests" / "fixtures" / "street-lighting.toml")
    base = tender.evaluate()
    # driver_replacement is a parameter of Bid B only
    moved = tender.evaluate(overrides={"driver_replacement": 900})
    assert float(moved["Bid A"].value) == float(base["Bid A"].value)
    assert float(moved["Bid B"].value) > float(base["Bid B"].value)
    with pytest.raises(lcc.LCCError, match="unknown parameter 'gas'; the tender's"):
        tender.evaluate(overrides={"gas": 1.0})
    with pytest.raises(lcc.LCCError, match=r"unknown parameter 'driver-replacement' \(did you "
                                           r"mean 'driver_replacement'\?\)"):
        tender.evaluate(overrides={"driver-replacement": 1.0})


def test_a_per_year_sequence_is_read_by_byyears_own_rules_with_every_error_at_once() -> None:
    """One rule for the API and files (issue 15): ByYear checks each value, the first year and
    the unit; the file reader locates each at its own path, the unit's dimension by the field."""
    text = BASE.replace('annual = "3000 kWh/yr"',
                        'annual = { by_year = ["1.5", 2, nan], unit = "kg", first_year = 0 }')
    assert problems(text) == [
        (14, "alternatives[0].items[1].annual.by_year[0]", "wrong-type"),
        (14, "alternatives[0].items[1].annual.by_year[2]", "invalid-value"),
        (14, "alternatives[0].items[1].annual.first_year", "invalid-value"),
        (14, "alternatives[0].items[1].annual.unit", "wrong-unit"),
    ]
    # the API follows the same rule: a first year after 9999 was accepted there, refused in files
    with pytest.raises(lcc.LCCError) as info:
        lcc.ByYear([1.0], first_year=20000)
    assert info.value.field == "ByYear.first_year" and info.value.code == "invalid-value"


def test_a_parameter_is_read_by_parameters_own_rules_with_every_error_at_once() -> None:
    """One rule (issue 15): Parameter checks its value, bounds and texts and names each; the
    file reader adds only the form of the table (a value is a number or a text)."""
    text = BASE.replace('value = "1.5 SEK/kWh"',
                        'value = "lots"\nlow = true\nhigh = [1]\ndescription = 5')
    assert problems(text) == [
        (6, "parameters.electricity_price.value", "invalid-value"),
        (7, "parameters.electricity_price.low", "wrong-type"),
        (8, "parameters.electricity_price.high", "wrong-type"),
        (9, "parameters.electricity_price.description", "wrong-type"),
    ]
    text = BASE.replace('value = "1.5 SEK/kWh"',
                        'value = "lots"\nlow = true\ndescription = 5\nsource = ""')
    assert problems(text) == [
        (6, "parameters.electricity_price.value", "invalid-value"),
        (7, "parameters.electricity_price.low", "wrong-type"),
        (8, "parameters.electricity_price.description", "wrong-type"),
        (9, "parameters.electricity_price.source", "invalid-value"),
    ]


def test_a_value_outside_one_bound_names_that_bound_and_a_misspelt_reference_is_suggested() -> None:
    """Seen as a user: 'low = 2, high = None' for a parameter with only a low bound, and no
    suggestion for a misspelt name of a parameter that had failed."""
    text = BASE.replace('value = "1.5 SEK/kWh"', 'value = "1.5 SEK/kWh"\nlow = "2 SEK/kWh"') \
        .replace('{ parameter = "electricity_price" }', '{ parameter = "electricity_prize" }')
    with pytest.raises(TenderError) as info:
        loads_tender(text)
    messages = {e.path: str(e.message) for e in info.value.errors}
    assert messages["parameters.electricity_price.value"] == (
        "1.5 SEK/kWh is below the parameter's own low = 2.0 SEK/kWh; the value must not be "
        "below it")
    assert "(did you mean 'electricity_price'?)" in \
        messages["alternatives[0].items[1].price.parameter"]
    with pytest.raises(lcc.LCCError, match=r"is above the parameter's own high = 1.0 SEK/kWh"):
        lcc.Parameter("p", "1.5 SEK/kWh", high="1 SEK/kWh")


@pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
def test_no_residual_value_survives_a_round_trip(fmt: str) -> None:
    """residual=None (no residual value) was written as no key, read back as 'linear':
    1 000 − 1 000 × 5/15 / 1.04^10 = 774.81 SEK instead of 1 000 SEK, and the best bid
    changed."""
    from lcc.io import Tender, dumps_tender, loads_tender

    study = lcc.Study("10 yr", 0.04)
    alts = [lcc.Alternative("A", lcc.Investment("1000 SEK", life="15 yr", residual=None)),
            lcc.Alternative("B", lcc.Replacement("100 SEK", every="15 yr", residual=None),
                            lcc.Investment("500 SEK"))]
    again = loads_tender(dumps_tender(Tender("T", study, alts), format=fmt), fmt)
    values = {a.name: lcc.evaluate(a, again.study).value for a in again.alternatives}
    assert values == pytest.approx({"A": 1000.0, "B": 500.0})


def test_a_seed_without_a_sample_count_is_written_and_read() -> None:
    """SensitivitySettings(seed=42) without n was written as an empty [sensitivity] table
    (the file format required n), so a reloaded tender drew other samples."""
    from lcc.io import SensitivitySettings, Tender, dumps_tender

    settings = SensitivitySettings(None, None, 42)
    t = Tender("T", lcc.Study("5 yr", 0.03), [lcc.Alternative("A", lcc.Investment("1 SEK"))],
               sensitivity=settings)
    text = dumps_tender(t)
    assert "[sensitivity.monte_carlo]\nseed = 42" in text
    assert loads_tender(text).sensitivity == settings
    e = one_error(text.replace("seed = 42", f"seed = {2**63}"))
    assert (e.path, e.code) == ("sensitivity.monte_carlo.seed", "invalid-value")
    assert "from 0 to 9223372036854775807" in e.message


@pytest.mark.parametrize("blank", ["", " ", "\u200e", "\x7f", "\x0b\x0c"])
def test_a_blank_text_is_refused_by_the_model_as_by_a_file(blank: str) -> None:
    """The API took a blank label or description that save_tender wrote and load_tender
    then refused: a tender saved from code could not be opened again."""
    from lcc.io import Tender

    with pytest.raises(lcc.LCCError) as info:
        lcc.Investment("1 SEK", label=blank)
    assert (info.value.field, info.value.code) == ("Investment.label", "invalid-value")
    with pytest.raises(lcc.LCCError):
        lcc.Alternative("A", lcc.Investment("1 SEK"), description=blank)
    for key in ("description", "reference"):
        with pytest.raises(TenderError) as err:
            Tender("T", lcc.Study("5 yr", 0.0), [lcc.Alternative("A", lcc.Investment("1 SEK"))],
                   **{key: blank})
        assert [(e.path, e.code) for e in err.value.errors] == [(key, "invalid-value")]
