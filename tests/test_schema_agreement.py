"""The published JSON Schema and the reader agree on a tender file: what one accepts the
other does, for values whose rule a schema can state (bounds, whole numbers, texts that say
something, yearly rates as texts, a tender whose bids come on bid forms)."""

from __future__ import annotations

import copy
import json

import pytest

jsonschema = pytest.importorskip("jsonschema")

from lcc.io import json_schema, loads_tender  # noqa: E402
from lcc.io._issues import TenderError  # noqa: E402

BASE = {"name": "x", "study": {"period": "10 yr", "discount_rate": 0.04},
        "alternatives": [{"name": "A", "items": [{"type": "Investment", "amount": "1000 SEK",
                                                   "life": "15 yr"}]}]}


def _with(path: tuple, value: object) -> dict:
    doc = copy.deepcopy(BASE)
    here: dict = doc
    for key in path[:-1]:
        here = here[key]  # type: ignore[index]
    if value is _DROP:
        del here[path[-1]]
    else:
        here[path[-1]] = value
    return doc


_DROP = object()
ITEM = ("alternatives", 0, "items", 0)
CASES = [
    (("alternatives", 0, "quantity"), "250", True),
    (("alternatives", 0, "quantity"), 0, False),
    (("alternatives", 0, "quantity"), -5, False),
    (("alternatives", 0, "start"), 1.5, False),
    (("alternatives", 0, "start"), -1, False),
    (("alternatives", 0, "start"), 2, True),
    ((*ITEM, "at"), -1, False),
    ((*ITEM, "escalation"), ["2 %", "3 %"] + ["2 %"] * 8, True),
    ((*ITEM, "escalation"), None, False),
    ((*ITEM, "residual"), None, False),
    (("study", "base_year"), 2025.0, True),
    (("study", "exchange_rates"), {"base": "SEK", "rates": {"EUR": "11.48 SEK"}}, True),
    (("description",), "", False),
    (("description",), "   ", False),
    (("reference",), "Dnr 2025/1", True),
    (("sensitivity",), {"monte_carlo": {"n": 1000.0}}, True),
    (("sensitivity",), {"monte_carlo": {"seed": 2**63}}, False),
    (("sensitivity",), {"monte_carlo": {"seed": 7}}, True),
]


@pytest.mark.parametrize(("path", "value", "valid"), CASES,
                         ids=[f"{'.'.join(map(str, p))}={v!r}" for p, v, _ in CASES])
def test_the_schema_and_the_reader_agree(path, value, valid) -> None:
    doc = _with(path, value)
    schema_ok = not list(jsonschema.Draft202012Validator(json_schema()).iter_errors(doc))
    try:
        loads_tender(json.dumps(doc), "json")
        reader_ok = True
    except TenderError:
        reader_ok = False
    assert (schema_ok, reader_ok) == (valid, valid)


def test_a_tender_whose_bids_come_on_bid_forms_needs_no_alternatives() -> None:
    doc = _with(("alternatives",), _DROP)
    validator = jsonschema.Draft202012Validator(json_schema())
    assert list(validator.iter_errors(doc))  # no bids and no bid form: refused
    doc["bid_form"] = {"like": "A"}
    assert not list(validator.iter_errors(doc))


def test_calculator_choices_in_any_letter_case() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    doc = copy.deepcopy(BASE)
    doc["alternatives"] = [{"name": "Car", "template": "vehicles", "inputs": {
        "method": "CVD", "category": "m1", "fuel": "Diesel", "price": "20000 EUR",
        "consumption": "5 l/100km", "petrol_price": "0.55 EUR/l",
        "diesel_price": "0.50 EUR/l"}}]
    errors = [e.message for e in validator.iter_errors(doc) if "CVD" in e.message
              or "'m1'" in e.message or "Diesel" in e.message]
    assert errors == []
