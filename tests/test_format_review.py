"""Tender files as a format: findings of the format review (rev1), each with its test.

Every test fails on the code before its fix; the numbers are checked by hand in the
docstrings.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import lcc
import lcc.io
from lcc.io import TenderError, dumps_tender, loads_tender

SCENARIO_PARAMETERS = """\
name = "Scenario named parameters"
[study]
period = "10 yr"
discount_rate = 0.04
[parameters.price]
value = "1.5 SEK/kWh"
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Energy"
annual = "100 kWh/yr"
price = { parameter = "price" }
[scenarios.parameters]
description = "High price"
price = "3 SEK/kWh"
"""


def problems(text: str, fmt: str = "toml") -> list[tuple[int | None, str, str]]:
    """(line, path, code) of every error of a tender text."""
    with pytest.raises(TenderError) as info:
        loads_tender(textwrap.dedent(text), fmt, source=f"t.{fmt}")
    return [(e.line, e.path, e.code) for e in info.value.errors]


def messages(text: str, fmt: str = "toml") -> list[str]:
    with pytest.raises(TenderError) as info:
        loads_tender(textwrap.dedent(text), fmt, source=f"t.{fmt}")
    return [e.message for e in info.value.errors]


def lcc_of(t: lcc.io.Tender) -> dict[str, float]:
    return {name: round(float(r.total.magnitude), 6) for name, r in t.evaluate().items()}


# ------------------------------------------------------------------------------- F1


@pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
def test_a_scenario_named_parameters_is_written_and_read_back(fmt: str) -> None:
    """F1: only the tender's (and a bid's) ``parameters`` hold parameter tables; a scenario
    of that name is written as any other scenario.

    LCC of A, 100 kWh/yr at 1.5 SEK/kWh over 10 years at 4 %:
    150 × (1 − 1.04^−10)/0.04 = 150 × 8.110896 = 1216.63 SEK."""
    t = loads_tender(SCENARIO_PARAMETERS, "toml")
    text = dumps_tender(t, fmt)
    back = loads_tender(text, fmt)
    assert list(back.scenarios) == ["parameters"]
    assert back.scenarios["parameters"].description == "High price"
    assert lcc_of(back) == lcc_of(t)
    assert round(lcc_of(back)["A"], 2) == 1216.63
    if fmt == "toml":
        assert 'parameters = {description = "High price", price = "3 SEK/kWh"}' in text


# ------------------------------------------------------------------------------- F2


def _percent_escalation() -> lcc.io.Tender:
    energy = lcc.Energy(annual="100 kWh/yr", price="1.5 SEK/kWh",
                        escalation=lcc.ByYear([2] * 10, unit="%"))
    alt = lcc.Alternative("A", lcc.Investment("1000 SEK"), energy)
    return lcc.io.Tender("Escalation by year in percent",
                         lcc.Study(period="10 yr", discount_rate=0.04), (alt,))


@pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
def test_a_yearly_escalation_in_percent_is_written_as_the_reader_reads_it(fmt: str) -> None:
    """F2: ``ByYear([2]*10, unit="%")`` is written ``{by_year = [2, …], unit = "%"}``, which
    the reader takes as 2 % a year.

    LCC = 1000 + 150 × Σ_{k=1..10} (1.02/1.04)^k; q = 0.980769, Σ = q(1 − q^10)/(1 − q)
    = 0.980769 × 0.176780 / 0.019231 = 9.0011, so 1000 + 1350.16 = 2350.16 SEK."""
    t = _percent_escalation()
    text = dumps_tender(t, fmt)
    back = loads_tender(text, fmt)
    assert round(lcc_of(t)["A"], 2) == 2350.16
    assert lcc_of(back) == lcc_of(t)


def test_a_yearly_escalation_in_percent_reads_from_a_file() -> None:
    """F2: ``unit = "%"`` on a rate's by_year: [2, 2, 2] % is the list [0.02, 0.02, 0.02].

    100 × (1.02/1.04 + (1.02/1.04)² + (1.02/1.04)³) = 100 × (0.980769 + 0.961908
    + 0.943410) = 288.61 SEK."""
    head = """\
    name = "T"
    [study]
    period = "3 yr"
    discount_rate = 0.04
    [[alternatives]]
    name = "A"
    [[alternatives.items]]
    type = "Recurring"
    amount_per_year = "100 SEK/yr"
    """
    pct = loads_tender(textwrap.dedent(head) + 'escalation = { by_year = [2, 2, 2], '
                       'unit = "%" }\n', "toml")
    frac = loads_tender(textwrap.dedent(head) + "escalation = [0.02, 0.02, 0.02]\n", "toml")
    assert round(lcc_of(pct)["A"], 2) == 288.61
    assert lcc_of(pct) == lcc_of(frac)
    bad = textwrap.dedent(head) + 'escalation = { by_year = [2, 2, 2], unit = "kWh" }\n'
    assert problems(bad) == [(10, "alternatives[0].items[0].escalation.unit", "wrong-unit")]
    assert "percentages with unit = \"%\"" in messages(bad)[0]


# ------------------------------------------------------------------------------- F4


def test_a_name_ending_in_a_line_break_is_refused_as_the_schema_refuses_it() -> None:
    """F4: Python's ``$`` matches before a final line break; names are matched whole, as the
    schema's ECMA-262 pattern (where ``$`` is the end) matches them."""
    import re

    from lcc.io import json_schema

    pattern = json_schema()["$defs"]["parameters"]["propertyNames"]["pattern"]
    assert pattern.endswith("$")  # valid ECMA-262; the end of the text there
    with pytest.raises(lcc.LCCError) as info:
        lcc.Parameter("price\n", "1.5 SEK/kWh")
    assert (info.value.field, info.value.code) == ("Parameter.name", "invalid-value")
    assert lcc.Parameter("price", "1.5 SEK/kWh").name == "price"
    assert re.fullmatch(pattern, "price") and not re.fullmatch(pattern, "price\n")
    text = SCENARIO_PARAMETERS.replace("[parameters.price]", '[parameters."price\\n"]') \
        .replace('{ parameter = "price" }', '{ parameter = "price\\n" }') \
        .replace("[scenarios.parameters]", '[scenarios."high\\n"]') \
        .replace('price = "3 SEK/kWh"', '"price\\n" = "3 SEK/kWh"')
    found = problems(text)
    assert (5, "parameters.price\n", "invalid-value") in found
    assert (13, "scenarios.high\n", "invalid-value") in found


# ------------------------------------------------------------------------------- F5


def _json_by_year(first_year: object, scenario_first: object = 1) -> str:
    import json

    return json.dumps({
        "name": "T", "study": {"period": "3 yr", "discount_rate": 0.04, "base_year": 2025.0},
        "parameters": {"price": {"value": "1 SEK/kWh"}},
        "alternatives": [{"name": "A", "items": [
            {"type": "Energy", "annual": "100 kWh/yr",
             "price": {"by_year": [1, 2, 3], "unit": "SEK/kWh", "first_year": first_year}},
            {"type": "Energy", "annual": "100 kWh/yr", "price": {"parameter": "price"}}]}],
        "scenarios": {"path": {"price": {"by_year": [1, 2, 3], "unit": "SEK/kWh",
                                         "first_year": scenario_first}}},
    }, indent=1)


def test_a_whole_float_first_year_reads_as_the_whole_number() -> None:
    """F5: JSON's ``"first_year": 1.0`` is year 1, as ``"base_year": 2025.0`` is 2025; 1.5 is
    still refused.

    A: 100 kWh at 1, 2, 3 SEK/kWh in years 1..3 at 4 %: 100/1.04 + 200/1.04² + 300/1.04³
    = 96.15 + 184.91 + 266.70 = 547.76; the second Energy at 1 SEK/kWh: 100 × 2.775091
    = 277.51; together 825.27 SEK."""
    whole = loads_tender(_json_by_year(1.0, 1.0), "json")
    assert whole.scenarios["path"].values["price"].first_year == 1
    assert lcc_of(whole) == lcc_of(loads_tender(_json_by_year(1), "json"))
    assert round(lcc_of(whole)["A"], 2) == 825.27
    found = problems(_json_by_year(1.5, 2.5), "json")
    assert [(p, c) for _, p, c in found] == [
        ("alternatives[0].items[0].price.first_year", "wrong-type"),
        ("scenarios.path.price", "invalid-value")]


# ------------------------------------------------------------------------------- F9


def test_an_unquoted_equals_sign_in_yaml_is_the_text() -> None:
    """F9: YAML 1.2 reads ``name: =`` as the text '='; YAML 1.1's "value" tag is not kept.
    The writer still quotes it, for tools that read YAML 1.1.

    LCC: 100 SEK/yr over 3 years at 4 %: 100 × 2.775091 = 277.51 SEK."""
    text = """\
    name: =
    study: {period: 3 yr, discount_rate: 0.04}
    alternatives:
    - name: A
      items:
      - {type: Recurring, amount_per_year: 100 SEK/yr, label: =}
    """
    t = loads_tender(textwrap.dedent(text), "yaml")
    assert t.name == "=" and t.alternatives[0].items[0].label == "="
    assert round(lcc_of(t)["A"], 2) == 277.51
    written = dumps_tender(t, "yaml")
    assert "name: '='" in written
    assert loads_tender(written, "yaml").name == "="


# ------------------------------------------------------------------------------- F8

QUANTITY = """\
name = "T"
[study]
period = "3 yr"
discount_rate = 0.04
[[alternatives]]
name = "A"
quantity = QUANTITY
[[alternatives.items]]
type = "Recurring"
amount_per_year = "100 SEK/yr"
"""


@pytest.mark.parametrize(("fmt", "written", "said", "sv"), [
    ("toml", "true", "the boolean true", "det logiska värdet true"),
    ("toml", "2025-01-01", "the date/time 2025-01-01", "datumet/tiden 2025-01-01"),
    ("yaml", "!!binary aGVsbG8=", "binary data", "binärdata"),
    ("yaml", "!!set {a, b}", "a set of values", "en mängd värden"),
])
def test_a_value_of_the_wrong_kind_is_said_in_the_files_words(fmt: str, written: str,
                                                              said: str, sv: str) -> None:
    """F8: ``quantity = true`` is "the boolean true" (not Python's True), a date is said in
    Swedish under --lang sv, and YAML's binary data and sets are said in words (no
    ``b'hello'``, no ``set {...}``)."""
    from lcc._i18n import error_lines

    text = QUANTITY.replace("QUANTITY", written)
    if fmt == "yaml":
        text = ("name: T\nstudy: {period: 3 yr, discount_rate: 0.04}\nalternatives:\n"
                f"- name: A\n  quantity: {written}\n  items:\n"
                "  - {type: Recurring, amount_per_year: 100 SEK/yr}\n")
    line = 7 if fmt == "toml" else 5
    assert problems(text, fmt) == [(line, "alternatives[0].quantity", "wrong-type")]
    (message,) = messages(text, fmt)
    assert message.endswith(f", got {said}"), message
    with pytest.raises(TenderError) as info:
        loads_tender(text, fmt, source=f"t.{fmt}")
    (sv_line,) = error_lines(info.value, "sv")
    assert sv_line.endswith(f"fick {sv} [wrong-type]"), sv_line
    assert "True" not in sv_line and "date " not in sv_line


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
def test_a_number_of_5000_digits_is_refused_at_its_line(fmt: str) -> None:
    """F8: JSON and YAML read a 5000-digit whole number as far beyond any float and refuse it
    at its path and line, as they do a 400-digit one, without Python's int-limit text; TOML
    (whose parser converts it) gives its line."""
    big = "9" * 5000
    if fmt == "json":
        text = ('{\n "name": "T",\n "study": {"period": "3 yr", "discount_rate": 0.04},\n'
                ' "alternatives": [{"name": "A",\n  "quantity": ' + big + ',\n'
                '  "items": [{"type": "Recurring", "amount_per_year": "100 SEK/yr"}]}]\n}\n')
    elif fmt == "yaml":
        text = ("name: T\nstudy: {period: 3 yr, discount_rate: 0.04}\nalternatives:\n"
                f"- name: A\n  quantity: {big}\n  items:\n"
                "  - {type: Recurring, amount_per_year: 100 SEK/yr}\n")
    else:
        text = QUANTITY.replace("QUANTITY", big)
    (message,) = messages(text, fmt)
    assert "set_int_max_str_digits" not in message and "5000 digits" in message
    if fmt == "toml":
        assert problems(text, fmt) == [(7, "", "parse-error")]
    else:
        assert problems(text, fmt) == [(5, "alternatives[0].quantity", "invalid-value")]
        assert message.startswith("got a number of 5000 digits, larger than any number")


# ------------------------------------------------------------------------------- F10


def test_a_scenario_cannot_vary_a_parameter_named_description() -> None:
    """F10: ``description`` in a scenario is its text; with a parameter of that name the
    reader cannot tell which is meant, and says so at the key (not "a scenario needs at least
    one parameter = value"), from a file and from Python alike."""
    from lcc.sensitivity import Scenario

    text = SCENARIO_PARAMETERS.replace("[parameters.price]", "[parameters.description]") \
        .replace('{ parameter = "price" }', '{ parameter = "description" }') \
        .replace('[scenarios.parameters]\ndescription = "High price"\nprice = "3 SEK/kWh"',
                 '[scenarios.high]\ndescription = "3 SEK/kWh"')
    assert problems(text) == [(14, "scenarios.high.description", "invalid-value")]
    (message,) = messages(text)
    assert "the scenario's own text" in message and "give the parameter another name" in message
    base = loads_tender(text.split("[scenarios.high]")[0], "toml")
    with pytest.raises(TenderError) as info:
        lcc.io.Tender(base.name, base.study, base.alternatives, parameters=base.parameters,
                      scenarios={"high": Scenario({"description": "3 SEK/kWh"})})
    assert [(e.path, e.code) for e in info.value.errors] == [
        ("scenarios.high.description", "invalid-value")]
    # without such a parameter, a scenario's description is its text, as before
    plain = loads_tender(SCENARIO_PARAMETERS, "toml")
    assert plain.scenarios["parameters"].description == "High price"


# ------------------------------------------------------------------------------- F7

ANNUITY = """\
name = "Annuity policy, a bid without a life"
[study]
period = "10 yr"
discount_rate = 0.04
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Investment"
amount = "1000 SEK"
life = "10 yr"
[[alternatives]]
name = "B"
[[alternatives.items]]
type = "Recurring"
amount_per_year = "150 SEK/yr"
[comparison]
policy = "annuity"
"""


def test_a_policy_that_needs_lives_is_refused_at_its_line_when_the_tender_compares(
        tmp_path: Path) -> None:
    """F7: ``policy = "annuity"`` with a bid that has no service life (by the rule of
    lcc.compare, Alternative.service_life) stopped `lcc compare` without file or line. It is
    now refused at comparison.policy, line 17, naming the bid, when the tender compares by its
    own policy. Refusing it when the file was read (as first done) stopped every command —
    evaluate, explain, compare --policy study_period — though none of them needs a life."""
    import contextlib
    import io

    from lcc.cli import main

    tender = loads_tender(ANNUITY, "toml")
    assert tender.alternatives[1].service_life() is None
    with pytest.raises(lcc.LCCError) as info:
        tender.compare()
    assert (info.value.field, info.value.code) == ("comparison.policy", "invalid-value")
    assert "these have none: B (alternatives[1])" in str(info.value)
    assert tender.compare(policy="study_period").policy == "study_period"
    f = tmp_path / "t.toml"
    f.write_text(ANNUITY, "utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["compare", str(f)]) == 2
    assert f"{f}:17: comparison.policy: policy 'annuity' needs each alternative's service " \
           "life, and these have none: B (alternatives[1])" in err.getvalue()
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["compare", str(f), "--policy", "study_period"]) == 0
        assert main(["evaluate", str(f)]) == 0
    with_life = ANNUITY.replace('amount_per_year = "150 SEK/yr"',
                                'amount_per_year = "150 SEK/yr"\n[[alternatives.items]]\n'
                                'type = "Investment"\namount = "10 SEK"\nlife = "5 yr"')
    assert loads_tender(with_life, "toml").compare().policy == "annuity"


# ------------------------------------------------------------------------------- F6


def test_schema_descriptions_read_as_a_file_author_writes() -> None:
    """F6: no internal notation (``CUR``, ``m**3``) in the schema; a life says it may be in
    burning hours; the hours, the period and a parameter's description say their bounds."""
    import json

    from lcc.io import json_schema

    schema = json_schema()
    text = json.dumps(schema)
    assert "CUR" not in text and "**" not in text
    defs = schema["$defs"]
    price = defs["Energy"]["properties"]["price"]["anyOf"][0]["description"]
    assert "(SEK/kWh or SEK/m3 or SEK/kg), e.g. '1.2 SEK/kWh'" in price
    assert "SEK stands for any currency" in price and "EUR" in price
    life = defs["Investment"]["properties"]["life"]["anyOf"][0]["description"]
    assert life.startswith("a duration in years, e.g. '20 yr'") and "burning hours" in life
    alt_life = defs["alternative"]["properties"]["life"]["anyOf"][0]["description"]
    assert "burning hours" not in alt_life  # an alternative has no operating hours
    hours = defs["Investment"]["properties"]["hours"]["anyOf"][0]["description"]
    assert hours.endswith("at most 8784 h/yr")
    assert "whole number of years" in defs["study"]["properties"]["period"]["description"]
    assert defs["parameter"]["properties"]["description"]["minLength"] == 1


def test_schema_refuses_an_empty_parameter_description_as_the_reader_does() -> None:
    """F6: a parameter's ``description = ""`` is refused by both."""
    import json

    jsonschema = pytest.importorskip("jsonschema")
    from lcc.io import json_schema

    text = SCENARIO_PARAMETERS.replace('value = "1.5 SEK/kWh"',
                                       'value = "1.5 SEK/kWh"\ndescription = ""')
    assert problems(text) == [(7, "parameters.price.description", "invalid-value")]
    import tomllib

    data = json.loads(json.dumps(tomllib.loads(text)))
    errors = list(jsonschema.Draft202012Validator(json_schema()).iter_errors(data))
    assert errors and {tuple(e.absolute_path) for e in errors} == {
        ("parameters", "price", "description")}
    del data["parameters"]["price"]["description"]
    assert not list(jsonschema.Draft202012Validator(json_schema()).iter_errors(data))


def test_text_rates_in_a_yearly_list_are_read_as_a_single_text_rate_is(tmp_path: Path) -> None:
    """escalation = ["150 %", "2 %", "2 %"] was refused as 'the bare number 1.5' (the text was
    read first, then the whole list checked as bare numbers); "150 %" alone is accepted.
    100 SEK/yr, 4 %, 3 years: 100 × (2.5/1.04 + 2.5 × 1.02/1.04² + 2.5 × 1.02²/1.04³)."""
    f = tmp_path / "t.toml"
    f.write_text('name = "T"\n[study]\nperiod = "3 yr"\ndiscount_rate = 0.04\n'
                 '[[alternatives]]\nname = "A"\n[[alternatives.items]]\ntype = "Recurring"\n'
                 'amount_per_year = "100 SEK/yr"\nescalation = ["150 %", "2 %", "2 %"]\n',
                 "utf-8")
    expected = 100 * (2.5 / 1.04 + 2.5 * 1.02 / 1.04 ** 2 + 2.5 * 1.02 ** 2 / 1.04 ** 3)
    tender = lcc.load_tender(f)
    assert float(lcc.evaluate(tender.alternatives[0], tender.study).value) == \
        pytest.approx(expected)
    item = lcc.Recurring("100 SEK/yr", escalation=["150 %", "2 %", "2 %"])
    r = lcc.evaluate(lcc.Alternative("A", item), lcc.Study("3 yr", 0.04))
    assert float(r.value) == pytest.approx(expected)
    with pytest.raises(lcc.LCCError, match=r"bare number 1\.5"):  # a bare 1.5 beside text
        lcc.Recurring("100 SEK/yr", escalation=[1.5, "2 %", "2 %"])


def test_a_residual_word_offers_none_as_a_file_writes_it() -> None:
    """'None' for residual offered Python's None among the choices ('linear', None, …)."""
    with pytest.raises(lcc.LCCError) as info:
        lcc.Investment("1000 SEK", life="10 yr", residual="None")
    assert "expected 'linear', 'none', a fraction" in str(info.value)
