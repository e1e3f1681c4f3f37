"""Nothing given is never read as a default: a JSON null or a YAML key left empty in a
tender file, None for an alternative's quantity or start, a quantity of 0."""

from __future__ import annotations

import json

import pytest

import lcc
from lcc import LCCError
from lcc.io import loads_tender
from lcc.io._issues import TenderError

YAML = """\
name: x
study: {period: 10 yr, discount_rate: 0.04}
alternatives:
  - name: A
    quantity:
    items:
      - type: Recurring
        amount_per_year: 100 SEK/yr
        escalation:
      - type: Investment
        amount: 1000 SEK
        life:
        residual:
"""


def test_a_yaml_key_left_empty_is_refused_not_read_as_its_default() -> None:
    """`escalation:` left empty was read as 0, `life:` as no life and `residual:` as none;
    `quantity:` stopped with an internal error (exit 1)."""
    with pytest.raises(TenderError) as info:
        loads_tender(YAML, format="yaml")
    found = {(e.path, e.line, e.code) for e in info.value.errors}
    assert found == {("alternatives[0].quantity", 5, "wrong-type"),
                     ("alternatives[0].items[0].escalation", 9, "wrong-type"),
                     ("alternatives[0].items[1].life", 12, "wrong-type"),
                     ("alternatives[0].items[1].residual", 13, "wrong-type")}
    assert all("got nothing (null)" in str(e.message) and "leave the key out" in
               str(e.message) for e in info.value.errors)


@pytest.mark.parametrize("key", ["quantity", "start"])
def test_a_json_null_for_an_alternatives_key_is_refused(key) -> None:
    doc = {"name": "x", "study": {"period": "10 yr", "discount_rate": 0.04},
           "alternatives": [{"name": "A", key: None,
                             "items": [{"type": "Investment", "amount": "1000 SEK"}]}]}
    with pytest.raises(TenderError) as info:
        loads_tender(json.dumps(doc), format="json")
    (issue,) = info.value.errors
    assert (issue.path, issue.code) == (f"alternatives[0].{key}", "wrong-type")


@pytest.mark.parametrize("key", ["quantity", "start"])
def test_none_for_an_alternatives_quantity_or_start_is_refused(key) -> None:
    with pytest.raises(LCCError) as info:
        lcc.Alternative("A", lcc.Investment("1 SEK"), **{key: None})
    assert (info.value.field, info.value.code) == (f"Alternative.{key}", "missing-field")


def test_a_quantity_of_zero_is_refused() -> None:
    """A bid of 0 units had an LCC of 0 and ranked first."""
    with pytest.raises(LCCError) as info:
        lcc.Alternative("A", lcc.Investment("50000 SEK"), lcc.Recurring("9000 SEK/yr"),
                        quantity=0)
    assert (info.value.field, info.value.code) == ("Alternative.quantity", "invalid-value")
    assert "expected a quantity > 0" in str(info.value)
    with pytest.raises(LCCError, match="the low of Parameter 'q'"):
        lcc.Alternative("A", lcc.Investment("1 SEK"),
                        quantity=lcc.Parameter("q", 5, low=0, high=6))
