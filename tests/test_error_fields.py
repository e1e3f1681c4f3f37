"""Every input error names its field and carries a stable code (issue 15, point 1).

``LCCError.field`` is the dotted path of the input inside the object and ``.code`` one of
the codes of ``docs/errors.md``; a reader of files, a bid portal or a test uses them
instead of parsing the message.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import lcc
from lcc._errors import LCCError

SRC = Path(lcc.__file__).resolve().parent
DOCS = Path(__file__).resolve().parents[1] / "docs" / "errors.md"

#: The packages whose every raise sets a code (the issue names model, templates, units and
#: io; bid forms were part of io, and the engine's errors reach files through io).
PACKAGES = ["model", "templates", "units.py", "io", "bidform", "engine"]


def _documented_codes() -> set[str]:
    """The codes of the table in docs/errors.md."""
    return set(re.findall(r"^\| `([a-z-]+)` \|", DOCS.read_text(encoding="utf-8"), re.M))


def _codes_given(file: Path) -> set[str]:
    """The codes a module gives: ``code="..."``, ``add("...", ...)``, ``TenderIssue("...")``,
    ``Problem("...")`` and ``_fail(..., "...")``."""
    text = file.read_text(encoding="utf-8")
    return set(re.findall(r'\bcode="([a-z]+(?:-[a-z]+)*)"', text)) | set(re.findall(
        r'\b(?:add|TenderIssue|Problem|_issue)\(\s*"([a-z]+(?:-[a-z]+)+)"', text))


def _raises_without_code() -> list[str]:
    bad = []
    for name in PACKAGES:
        path = SRC / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
                f = node.func if isinstance(node, ast.Call) else None
                called = f.id if isinstance(f, ast.Name) else \
                    f.attr if isinstance(f, ast.Attribute) else None
                if called == "LCCError" and "code" not in {k.arg for k in node.keywords}:
                    bad.append(f"{file.relative_to(SRC)}:{node.lineno}")
    return bad


def test_every_error_of_the_input_packages_has_a_code() -> None:
    bad = _raises_without_code()
    assert not bad, "LCCError raised without code=:\n" + "\n".join(bad)


def test_the_documented_codes_are_the_codes_of_the_package() -> None:
    from lcc.io._issues import ERROR_CODES

    assert _documented_codes() == set(ERROR_CODES)


def test_every_code_given_in_the_source_is_documented() -> None:
    from lcc.bidform._api import ERROR_CODES as BID_FORM_CODES
    from lcc.io._issues import ERROR_CODES

    for name in PACKAGES:
        path = SRC / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            known = set(ERROR_CODES) | (set(BID_FORM_CODES) if name == "bidform" else set())
            assert _codes_given(file) <= known, (file.name, _codes_given(file) - known)
    assert {"invalid-value", "wrong-type", "currency-mix", "unknown-key"} <= set().union(
        *(_codes_given(f) for f in (SRC / "io").glob("*.py")))


def _factor_nested() -> Any:
    from lcc.model import Factor

    return Factor(Factor(1.0, "reciprocal"), "reciprocal")


def _input(**kw: Any) -> Any:
    from lcc.templates import Input

    base = {"name": "power", "kind": "quantity", "unit": "W", "role": "bidder",
            "meaning": "the rated power", "source": "EN 13201-5"}
    return Input(**{**base, **kw})


def _two_parameters() -> Any:
    a = lcc.Parameter("price", "1 SEK/kWh")
    b = lcc.Parameter("price", "2 SEK/kWh")
    return lcc.Alternative("A", lcc.Energy(annual="10 kWh/yr", price=a),
                           lcc.Energy(annual="10 kWh/yr", price=b))


def _rates() -> Any:
    return lcc.ExchangeRates("SEK", {"EUR": 11.48})


CASES: list[tuple[str, Callable[[], Any], str, str]] = [
    ("a transform that does not exist", lambda: __import__("lcc.model", fromlist=["Factor"])
     .Factor(1.0, "cube"), "Factor.transform", "invalid-value"),
    ("a factor of a factor", _factor_nested, "Factor.value", "wrong-type"),
    ("an empty product", lambda: __import__("lcc.model", fromlist=["Product"]).Product(),
     "Product.factors", "missing-field"),
    ("two different parameters of one name", _two_parameters, "Alternative", "duplicate-name"),
    ("a calculator input named with a space", lambda: _input(name="rated power"),
     "Input.name", "invalid-value"),
    ("a role that does not exist", lambda: _input(role="seller"), "Input.role",
     "invalid-value"),
    ("a kind that does not exist", lambda: _input(kind="money"), "Input.kind",
     "invalid-value"),
    ("an input without a source", lambda: _input(source=" "), "Input.source",
     "missing-field"),
    ("a choice without words", lambda: _input(kind="choice", unit=""), "Input.choices",
     "missing-field"),
    ("a count with a unit", lambda: _input(kind="count"), "Input.unit", "invalid-value"),
    ("a unit that is no unit", lambda: _input(unit="blorp"), "Input.unit", "invalid-value"),
    ("a required input with a default", lambda: _input(default="10 W"), "Input.default",
     "invalid-value"),
    ("a rate that is not declared", lambda: _rates().rate("USD", "SEK"), "ExchangeRates.rates",
     "currency-mix"),
    ("a conversion to no currency", lambda: _rates().convert("1 EUR", to="XYZ"),
     "ExchangeRates.convert.to", "invalid-value"),
    ("a conversion of a number", lambda: _rates().convert(3.0), "ExchangeRates.convert.quantity",
     "wrong-type"),
    ("an unknown override", lambda: lcc.evaluate(
        lcc.Alternative("A", lcc.OneOff("1 SEK", at=1)),
        lcc.Study("5 yr", 0.03), overrides={"gas": 1.0}), "overrides.gas", "unknown-parameter"),
    ("an override that is not finite", lambda: lcc.evaluate(
        lcc.Alternative("A", lcc.OneOff("1 SEK", at=1)),
        lcc.Study("5 yr", 0.03), overrides={"discount_rate": float("nan")}),
     "overrides.discount_rate", "invalid-value"),
    ("a study period in days", lambda: lcc.Study("3 d", 0.03), "Study.period",
     "invalid-value"),
    ("a negative life", lambda: lcc.Investment("100 SEK", life="-3 yr"), "Investment.life",
     "invalid-value"),
]


@pytest.mark.parametrize(("what", "make", "field", "code"), CASES, ids=[c[0] for c in CASES])
def test_an_error_names_its_field_and_code(what: str, make: Callable[[], Any], field: str,
                                           code: str) -> None:
    with pytest.raises(LCCError) as info:
        make()
    errors = info.value.errors
    assert any(e.field == field and e.code == code for e in errors), \
        [(e.field, e.code, str(e)) for e in errors]
    assert all(e.code in _documented_codes() for e in errors)


# -- a tender's settings: one rule for objects and files -------------------------------------

def _tender(**kw: Any) -> Any:
    from lcc.io import Tender

    price = lcc.Parameter("price", "1.2 SEK/kWh", low="1 SEK/kWh", high="2 SEK/kWh")
    flat = lcc.Parameter("flat", "10 SEK")
    alts = (lcc.Alternative("Old", lcc.Energy(annual="100 kWh/yr", price=price),
                            lcc.OneOff(flat, at=1)),
            lcc.Alternative("New", lcc.Investment("50 SEK"),
                            lcc.Energy(annual="60 kWh/yr", price=price)))
    return Tender("T", lcc.Study("10 yr", 0.03), alts, **kw)


SETTINGS_CASES: list[tuple[str, Callable[[], Any], list[tuple[str, str]]]] = [
    ("no samples", lambda: __import__("lcc.io", fromlist=["x"]).SensitivitySettings(
        monte_carlo_n=0), [("SensitivitySettings.monte_carlo_n", "invalid-value")]),
    ("too many samples", lambda: __import__("lcc.io", fromlist=["x"]).SensitivitySettings(
        monte_carlo_n=10**7), [("SensitivitySettings.monte_carlo_n", "too-many")]),
    ("samples as text and a negative seed", lambda: __import__(
        "lcc.io", fromlist=["x"]).SensitivitySettings(monte_carlo_n="100", seed=-1),
     [("SensitivitySettings.monte_carlo_n", "wrong-type"),
      ("SensitivitySettings.seed", "invalid-value")]),
    ("a number among the names", lambda: __import__(
        "lcc.io", fromlist=["x"]).SensitivitySettings(("price", 3)),
     [("SensitivitySettings.parameters[1]", "wrong-type")]),
    ("a policy that does not exist and a baseline that is no name", lambda: __import__(
        "lcc.io", fromlist=["x"]).ComparisonSettings("cheapest", 2),
     [("ComparisonSettings.policy", "invalid-value"),
      ("ComparisonSettings.baseline", "wrong-type")]),
]


@pytest.mark.parametrize(("what", "make", "expected"), SETTINGS_CASES,
                         ids=[c[0] for c in SETTINGS_CASES])
def test_settings_check_their_values(what: str, make: Callable[[], Any],
                                     expected: list[tuple[str, str]]) -> None:
    with pytest.raises(LCCError) as info:
        make()
    assert [(e.field, e.code) for e in info.value.errors] == expected


@pytest.mark.parametrize(("settings", "path", "code", "words"), [
    ({"sensitivity": ("flat",)}, "sensitivity.parameters[0]", "invalid-value",
     "neither a range"),
    ({"sensitivity": ("prize",)}, "sensitivity.parameters[0]", "unknown-parameter",
     "did you mean 'price'?"),
    ({"comparison": ("study_period", "Nwe")}, "comparison.baseline", "invalid-value",
     "did you mean 'New'?"),
])
def test_a_tender_object_is_refused_where_its_file_is(settings: dict[str, Any], path: str,
                                                       code: str, words: str,
                                                       tmp_path: Path) -> None:
    """The rule is one: a Tender built in Python is refused as its file is (a Tender with a
    sensitivity parameter that has no range used to be accepted, and its file refused)."""
    from lcc.io import ComparisonSettings, SensitivitySettings, TenderError, loads_tender

    with pytest.raises(TenderError) as info:
        if "sensitivity" in settings:
            _tender(sensitivity=SensitivitySettings(settings["sensitivity"]))
        else:
            _tender(comparison=ComparisonSettings(*settings["comparison"]))
    [issue] = info.value.errors
    assert (issue.path, issue.code) == (path, code) and words in issue.message
    good = _tender(sensitivity=SensitivitySettings(("price",), 100, 1),
                   comparison=ComparisonSettings("study_period", "New"))
    text = lcc.io.dumps_tender(good)
    assert loads_tender(text).sensitivity == good.sensitivity
    section, key = path.split(".")[0], path.split(".")[1].split("[")[0]
    bad_value = '["' + settings["sensitivity"][0] + '"]' if section == "sensitivity" \
        else '"' + settings["comparison"][1] + '"'
    lines = text.splitlines()
    start = lines.index(f"[{section}]")
    at = next(i for i in range(start, len(lines)) if lines[i].startswith(f"{key} ="))
    lines[at] = f"{key} = {bad_value}"
    with pytest.raises(TenderError) as from_file:
        loads_tender("\n".join(lines))
    [file_issue] = from_file.value.errors
    assert (file_issue.path, file_issue.code, file_issue.message) == \
        (issue.path, issue.code, issue.message)
    assert file_issue.line == at + 1


@pytest.mark.parametrize(("kw", "toml", "path", "code"), [
    ({"sources": "twice"}, '[[sources]]\nid = "a"\ntitle = "T1"\n\n[[sources]]\nid = "a"\n'
     'title = "T2"\n', "sources[1].id", "duplicate-name"),
    ({"study": {"discount_rate": 7}}, "[study]\ndiscount_rate = 7\n", "study.discount_rate",
     "invalid-value"),
    ({"study": {"period": "banana"}}, '[study]\nperiod = "banana"\n', "study.period",
     "invalid-value"),
])
def test_an_assumption_set_object_is_refused_where_its_file_is(
        kw: dict[str, Any], toml: str, path: str, code: str) -> None:
    """An assumption set built in Python follows the rules of its file: a source id used
    twice and a study value the study refuses (both used to be accepted)."""
    import datetime as dt

    from lcc.io import AssumptionSet, Source, TenderError, loads_assumptions

    if kw.get("sources") == "twice":
        kw = {"sources": (Source("a", "T1"), Source("a", "T2"))}
    with pytest.raises(TenderError) as info:
        AssumptionSet("s", "1", dt.date(2025, 1, 1), "me", **kw)
    [issue] = info.value.errors
    head = 'name = "s"\nversion = "1"\nvalid_from = 2025-01-01\nowner = "me"\n\n'
    with pytest.raises(TenderError) as from_file:
        loads_assumptions(head + toml)
    [file_issue] = from_file.value.errors
    assert (issue.path, issue.code) == (file_issue.path, file_issue.code) == (path, code)
    assert issue.message == file_issue.message
    assert file_issue.line is not None and file_issue.line > 4


@pytest.mark.parametrize("name", ["el price", "el-pris", "3rd_price", "p" * 101, "pris€"])
def test_a_parameter_name_follows_one_rule(name: str) -> None:
    """A name a tender file refuses is refused by Parameter too: a tender built in Python
    with 'el price' was saved as a file that could not be read back."""
    with pytest.raises(LCCError) as info:
        lcc.Parameter(name, "1 SEK/kWh")
    assert (info.value.field, info.value.code) == ("Parameter.name", "invalid-value")
    assert "is not a valid parameter name" in str(info.value)


@pytest.mark.parametrize("name", ["elpris", "Elpris_2025", "_x", "växelkurs", "p" * 100])
def test_a_good_parameter_name_reads_back_from_its_file(name: str) -> None:
    from lcc.io import Tender, dumps_tender, loads_tender

    p = lcc.Parameter(name, "1 SEK/kWh", low="0.5 SEK/kWh", high="2 SEK/kWh")
    t = Tender("T", lcc.Study("10 yr", 0.03),
               (lcc.Alternative("A", lcc.Energy(annual="10 kWh/yr", price=p)),))
    assert loads_tender(dumps_tender(t)).parameter(name) == p


def _scenario_tender(scenarios: Any) -> Any:
    from lcc.io import Tender

    price = lcc.Parameter("price", "1 SEK/kWh", low="0.5 SEK/kWh", high="2 SEK/kWh")
    esc = lcc.Parameter("esc", 0.01)
    alt = lcc.Alternative("A", lcc.Energy(annual="100 kWh/yr", price=price, escalation=esc))
    return Tender("T", lcc.Study("10 yr", 0.03), (alt,), scenarios=scenarios)


@pytest.mark.parametrize(("scenarios", "path", "code"), [
    ({"high price": {"price": 1.5}}, 'scenarios["high price"]', "invalid-value"),
    ({"base": {"price": 1.5}}, "scenarios.base", "invalid-value"),
    ({"high": {"prize": 1.5}}, "scenarios.high.prize", "unknown-parameter"),
    ({"high": {"price": "1.5 SEK"}}, "scenarios.high.price", "wrong-unit"),
    ({"high": {"esc": 4}}, "scenarios.high.esc", "invalid-value"),
    ({"high": {"discount_rate": 5}}, "scenarios.high.discount_rate", "invalid-value"),
    ({"high": 3}, "scenarios.high", "wrong-type"),
    ([{"price": 1.5}], "scenarios", "wrong-type"),
])
def test_a_tenders_scenarios_follow_the_rules_of_its_file(scenarios: Any, path: str,
                                                          code: str) -> None:
    """Tender(scenarios=...) was not checked at all: a name with a space, an unknown
    parameter or a bare 4 for a rate were accepted, and the file save_tender wrote could not
    be read back (or writing it failed)."""
    from lcc.io import TenderError

    with pytest.raises(TenderError) as info:
        _scenario_tender(scenarios)
    assert [(e.path, e.code) for e in info.value.errors] == [(path, code)]


def test_a_scenario_number_in_the_parameters_unit_is_written_with_it() -> None:
    """``{"price": 1.5}`` is 1.5 in the parameter's own unit (SEK/kWh), as
    lcc.sensitivity.scenarios reads it; the file says so, and gives the same LCC."""
    from lcc.io import dumps_tender, loads_tender
    from lcc.sensitivity import Scenario, scenarios

    t = _scenario_tender({"high": {"price": 1.5}, "path": Scenario(
        {"price": lcc.ByYear([1.0 + 0.05 * k for k in range(10)], unit="SEK/kWh"),
         "esc": [0.02] * 10}, "rising")})
    text = dumps_tender(t)
    assert 'price = "1.5 SEK/kWh"' in text
    back = loads_tender(text)
    assert back.scenarios["high"].values == {"price": "1.5 SEK/kWh"}
    assert back.scenarios["path"].description == "rising"
    study = t.study
    a = scenarios(list(t.alternatives), study, t.scenarios)["lcc"]["A"]
    b = scenarios(list(back.alternatives), study, back.scenarios)["lcc"]["A"]
    # 100 kWh/yr × 1.5 SEK/kWh with 1 % escalation over 10 years at 3 %: the same either way
    assert a["high"] == pytest.approx(b["high"], rel=1e-12)
    assert a["high"] == pytest.approx(1.5 / 1.0 * a["base"], rel=1e-12)
    assert a["path"] == pytest.approx(b["path"], rel=1e-12)


@pytest.mark.parametrize(("make", "field", "code"), [
    (lambda: lcc.Alternative("A", *[lcc.OneOff("1 SEK", at=1) for _ in range(501)]),
     "Alternative.items", "too-many"),
    (lambda: lcc.ByYear([1.0] * 1001, unit="SEK/yr"), "ByYear.values", "too-many"),
    (lambda: lcc.Parameter("p", "1 SEK/kWh", description="d" * 20_001),
     "Parameter.description", "too-large"),
    (lambda: lcc.OneOff("1 SEK", at=1, label="x" * 20_001), "OneOff.label", "too-large"),
    (lambda: lcc.Alternative("A" * 20_001, lcc.OneOff("1 SEK", at=1)), "Alternative.name",
     "too-large"),
])
def test_an_object_keeps_the_limits_of_a_file(make: Callable[[], Any], field: str,
                                              code: str) -> None:
    """What a file may not hold, an object may not either (an alternative of 600 items was
    built, saved, and refused when read back): the limits live in lcc.model._limits."""
    with pytest.raises(LCCError) as info:
        make()
    assert [(e.field, e.code) for e in info.value.errors] == [(field, code)]


def test_objects_at_the_limits_read_back_from_their_file() -> None:
    from lcc.io import Tender, dumps_tender, loads_tender
    from lcc.model._limits import MAX_ITEMS, MAX_SEQUENCE, MAX_TEXT

    alt = lcc.Alternative("A" * 100, *[lcc.OneOff("1 SEK", at=1) for _ in range(MAX_ITEMS - 1)],
                          lcc.Recurring(lcc.ByYear([1.0] * MAX_SEQUENCE, unit="SEK/yr")),
                          description="d" * MAX_TEXT)
    t = Tender("T", lcc.Study("10 yr", 0.03), (alt,), description="x" * MAX_TEXT)
    back = loads_tender(dumps_tender(t))
    assert len(back.alternatives[0].items) == MAX_ITEMS
    # 499 one-off costs of 1 SEK at t = 1 and 1 SEK a year for 10 years (the sequence is cut)
    expected = 499 / 1.03 + sum(1.03 ** -k for k in range(1, 11))
    assert float(back.evaluate()[alt.name].total.magnitude) == pytest.approx(expected, rel=1e-12)


def test_scenarios_read_from_a_file_are_read_again_for_other_bids() -> None:
    """A loaded tender's scenarios are not read twice, but a copy with other bids checks
    them again: a scenario of a bid's own parameter fails once that bid is gone."""
    from lcc.io import TenderError, loads_tender

    text = '''name = "T"
[study]
period = "10 yr"
discount_rate = 0.03
[parameters.price]
value = "1 SEK/kWh"
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Energy"
annual = "100 kWh/yr"
price = { parameter = "price" }
[[alternatives]]
name = "B"
[alternatives.parameters.b_life]
value = "12 yr"
[[alternatives.items]]
type = "Investment"
amount = "100 SEK"
life = { parameter = "b_life" }
[scenarios.short]
b_life = "8 yr"
'''
    t = loads_tender(text)
    assert t.scenarios is not None and set(t.scenarios) == {"short"}
    assert t.with_alternatives(*t.alternatives).scenarios == t.scenarios
    with pytest.raises(TenderError) as info:
        t.with_alternatives(t.alternatives[0])
    assert [(e.path, e.code) for e in info.value.errors] == [
        ("scenarios.short.b_life", "unknown-parameter")]


def test_every_problem_of_the_settings_is_listed_at_once() -> None:
    """The settings' own rules and the tender's (names, baseline) report together: a bad
    policy used to hide a bad baseline once the settings checked themselves."""
    from lcc.io import TenderError, loads_tender

    text = '''name = "T"
[study]
period = "10 yr"
discount_rate = 0.03
[parameters.price]
value = "1 SEK/kWh"
low = "0.5 SEK/kWh"
high = "2 SEK/kWh"
[[alternatives]]
name = "Old"
[[alternatives.items]]
type = "Energy"
annual = "100 kWh/yr"
price = { parameter = "price" }
[sensitivity]
parameters = ["prise", 3]
monte_carlo = { n = 0, seed = -3 }
[comparison]
policy = "studyperiod"
baseline = "Odl"
'''
    with pytest.raises(TenderError) as info:
        loads_tender(text)
    assert [(e.line, e.path, e.code) for e in info.value.errors] == [
        (16, "sensitivity.parameters[0]", "unknown-parameter"),
        (16, "sensitivity.parameters[1]", "wrong-type"),
        (17, "sensitivity.monte_carlo.n", "invalid-value"),
        (17, "sensitivity.monte_carlo.seed", "invalid-value"),
        (19, "comparison.policy", "invalid-value"),
        (20, "comparison.baseline", "invalid-value"),
    ]
    assert "did you mean 'price'?" in info.value.errors[0].message
    assert "did you mean 'Old'?" in info.value.errors[5].message


_TEXT_METHODS = {"removeprefix", "removesuffix", "startswith", "endswith", "split", "partition",
                 "find", "index", "replace", "splitlines", "strip"}


def _message_parsing(tree: ast.AST) -> list[int]:
    """Lines where a caught LCCError's text is searched or cut (``"x" in str(exc)``,
    ``exc.message.startswith(...)``): its field and code say what it is."""
    found = []
    for handler in ast.walk(tree):
        if not isinstance(handler, ast.ExceptHandler) or handler.name is None:
            continue
        caught = handler.type
        names = [caught] if not isinstance(caught, ast.Tuple) else list(caught.elts)
        if not any(isinstance(n, ast.Name) and n.id.endswith("Error") and n.id != "Exception"
                   and "LCC" in n.id for n in names):
            continue

        def is_text(node: ast.AST, exc: str = handler.name) -> bool:
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                    node.func.id == "str" and node.args and isinstance(node.args[0], ast.Name):
                return node.args[0].id == exc
            return isinstance(node, ast.Attribute) and node.attr in ("message", "detail") and \
                isinstance(node.value, ast.Name) and node.value.id == exc

        for node in (n for stmt in handler.body for n in ast.walk(stmt)):
            if isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn))
                                                     for op in node.ops):
                if any(is_text(c) for c in node.comparators):
                    found.append(node.lineno)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in _TEXT_METHODS and is_text(node.func.value):
                found.append(node.lineno)
    return found


def test_nothing_parses_the_text_of_an_lccerror() -> None:
    bad = [f"{path.relative_to(SRC)}:{line}" for path in sorted(SRC.rglob("*.py"))
           for line in _message_parsing(ast.parse(path.read_text(encoding="utf-8")))]
    assert not bad, "an LCCError's message is parsed:\n" + "\n".join(bad)


def test_the_parsing_rule_catches_what_it_should() -> None:
    tree = ast.parse("try:\n    f()\nexcept LCCError as exc:\n"
                     "    if 'finite' not in exc.detail:\n        pass\n"
                     "    m = str(exc).removeprefix('x: ')\n")
    assert _message_parsing(tree) == [4, 6]


def test_a_bid_form_row_is_named_by_its_fields_own_label() -> None:
    """The words of a row come from the field's one description (Field.label), not from a
    table of the bid form: an Energy item's first year is its own 'first year' (the table
    gave it the words of the alternative's start, 'Years from the base date …')."""
    from lcc.bidform._words import field_message
    from lcc.io import _fields as F

    assert field_message("Investment", "amount") == \
        "price per unit incl. delivery and installation, excl. VAT"
    assert field_message("Energy", "start") == "first year"
    assert field_message(None, "start") == "Years from the base date until service starts"
    assert field_message("Investment", "hours") == "hours"  # no label: the key in words
    labelled = {(name, key) for name, spec in F.ITEMS.items()
                for key, field in spec.fields.items() if field.label}
    assert ("Replacement", "every") in labelled and ("Recurring", "escalation") in labelled
    assert len(labelled) >= 45


def test_two_bids_parameters_of_one_name_are_one_rule() -> None:
    """Objects and files share the rule (and now the advice) on two bids' different
    parameters of one name."""
    from lcc.io import Tender, TenderError

    def bid(name: str, kwh: str) -> Any:
        p = lcc.Parameter("kwh", kwh, role="bidder")
        return lcc.Alternative(name, lcc.Energy(annual=p, price="1 SEK/kWh"))

    with pytest.raises(TenderError) as info:
        Tender("T", lcc.Study("10 yr", 0.03), (bid("A", "100 kWh/yr"), bid("B", "200 kWh/yr")))
    [e] = info.value.errors
    assert (e.path, e.code) == ("alternatives[1].parameters.kwh", "duplicate-name")
    assert e.message == ("alternatives[0] has another parameter named 'kwh'; sensitivity "
                         "analysis addresses parameters by name across all bids, so give each "
                         "bid's parameter its own name (e.g. 'kwh_2')")
    same = Tender("T", lcc.Study("10 yr", 0.03), (bid("A", "100 kWh/yr"),
                                                  bid("B", "100 kWh/yr")))
    assert len(same.alternatives) == 2


def test_overrides_follow_one_rule_for_objects_and_files() -> None:
    """A path that names no value, a reason that is no text, an override without an
    assumption set: the same issues, in the same words, from Python and from a file."""
    from lcc.io import Tender, TenderError, loads_tender

    alt = lcc.Alternative("A", lcc.OneOff("1 SEK", at=1))
    with pytest.raises(TenderError) as api:
        Tender("T", lcc.Study("10 yr", 0.03), (alt,),
               overrides={"study": "why", "study.period": "", "study.timing": 3,
                          "study.currency": "because"})
    text = ('name = "T"\n[study]\nperiod = "10 yr"\ndiscount_rate = 0.03\n[[alternatives]]\n'
            'name = "A"\n[[alternatives.items]]\ntype = "OneOff"\namount = "1 SEK"\nat = 1\n'
            '[overrides]\nstudy = "why"\n"study.period" = ""\n"study.timing" = 3\n'
            '"study.currency" = "because"\n')
    with pytest.raises(TenderError) as file:
        loads_tender(text)
    found = [(e.path, e.code, e.message) for e in api.value.errors]
    assert found == [(e.path, e.code, e.message) for e in file.value.errors]
    assert [(path, code) for path, code, _ in found] == [
        ("overrides.study", "invalid-value"), ('overrides["study.period"]', "invalid-value"),
        ('overrides["study.timing"]', "wrong-type"),
        ('overrides["study.currency"]', "unused-override")]
    assert [e.line for e in file.value.errors] == [12, 13, 14, 15]


def test_an_error_of_a_file_has_the_code_and_field_of_its_first_problem() -> None:
    """A TenderError is an LCCError like any other: ``code`` and ``field`` are its first
    problem's (they were None), and survive pickling."""
    import pickle

    from lcc.io import TenderError, loads_tender

    with pytest.raises(TenderError) as info:
        loads_tender('name = "T"\n[study]\nperiod = "10 yr"\ndiscount_rate = 7\n'
                     '[[alternatives]]\nname = "A"\n[[alternatives.items]]\ntype = "OneOf"\n')
    e = info.value
    assert [(x.path, x.code) for x in e.errors] == [
        ("study.discount_rate", "invalid-value"), ("alternatives[0].items[0].type",
                                                   "unknown-type")]
    assert (e.field, e.code) == ("study.discount_rate", "invalid-value")
    back = pickle.loads(pickle.dumps(e))
    assert (back.field, back.code, len(back.errors)) == (e.field, e.code, 2)


def test_a_distribution_in_another_unit_is_refused_by_the_parameter() -> None:
    """A distribution written in units that do not convert to the value's is refused when
    the Parameter is built (files refused it; Python found out only when sampling), with
    the same code and path from a file, and without the parameter's name twice."""
    from lcc.io import TenderError, loads_tender
    from lcc.sensitivity import Normal, Triangular

    with pytest.raises(LCCError) as info:
        lcc.Parameter("price", "1 SEK/kWh", distribution=Normal.of("1 SEK", "0.1 SEK"))
    assert (info.value.field, info.value.code) == ("Parameter.distribution", "wrong-unit")
    ok = lcc.Parameter("price", "1 SEK/kWh",
                       distribution=Triangular.of("80 öre/kWh", "1 SEK/kWh", "2 SEK/kWh"))
    assert ok.distribution.unit == "öre/kWh"
    text = ('name = "T"\n[study]\nperiod = "10 yr"\ndiscount_rate = 0.03\n'
            '[parameters.price]\nvalue = "1 SEK/kWh"\n'
            'distribution = { name = "normal", mean = "1 SEK", sd = "0.1 SEK" }\n'
            '[[alternatives]]\nname = "A"\n[[alternatives.items]]\ntype = "Energy"\n'
            'annual = "10 kWh/yr"\nprice = { parameter = "price" }\n')
    with pytest.raises(TenderError) as file:
        loads_tender(text)
    [e] = file.value.errors
    assert (e.path, e.code, e.line) == ("parameters.price.distribution", "wrong-unit", 7)
    assert e.message == "got '1 SEK', which does not have the dimension of the value (SEK/kWh)"


def test_an_empty_sensitivity_name_is_reported() -> None:
    """'' in [sensitivity] parameters is an unknown name (it gave a TenderError that listed
    nothing while the settings were being unified)."""
    from lcc.io import TenderError, loads_tender

    text = ('name = "T"\n[study]\nperiod = "10 yr"\ndiscount_rate = 0.03\n'
            '[[alternatives]]\nname = "A"\n[[alternatives.items]]\ntype = "OneOff"\n'
            'amount = "1 SEK"\nat = 1\n[sensitivity]\nparameters = [""]\n')
    with pytest.raises(TenderError) as info:
        loads_tender(text)
    assert [(e.path, e.code) for e in info.value.errors] == [
        ("sensitivity.parameters[0]", "unknown-parameter")]
