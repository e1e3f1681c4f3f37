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
