"""One input, one reading on every path (review 1 of the field descriptions).

Each case was read differently, or accepted on one path and refused on another: the
alternative's life in hours, a residual held by a parameter in percent, per mille in rate
parameters and per-year sequences, the base currency's own exchange rate, the JSON Schema
against the reader, and messages that named one field under another.
"""

from __future__ import annotations

import json

import pytest

import lcc
import lcc.io

jsonschema = pytest.importorskip("jsonschema")

STUDY = lcc.Study("10 yr", 0.04)


def tender(alternative: dict, **top: object) -> str:
    return json.dumps({"format": "lcc.tender/1", "name": "T",
                       "study": {"period": "10 yr", "discount_rate": 0.04},
                       "alternatives": [alternative], **top})


def issues(text: str) -> list[tuple[str, str, int | None]]:
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(text, "json")
    return [(e.code, e.path, e.line) for e in info.value.errors]


# ------------------------------------------------------------- an alternative's life in hours

def test_an_alternatives_life_in_hours_is_refused_not_read_as_calendar_hours() -> None:
    """'50000 h' on the alternative was 50 000 calendar hours, 5.70 years, with no word (the
    annuity of an LED bid 661.83 against 618.70 SEK/yr with its item's 12.5 years); on an
    item it is burning hours, counted with the item's operating hours."""
    item = lcc.Investment("100 SEK", life="50000 h", hours="4000 h/yr")
    assert float(item._life.value) == 12.5  # 50 000 h ÷ 4 000 h/yr
    for life in ("50000 h", "50 kh", lcc.Parameter("L", "50000 h")):
        with pytest.raises(lcc.LCCError) as info:
            lcc.Alternative("LED", item, life=life)
        assert (info.value.field, info.value.code) == ("Alternative.life", "invalid-value")
        assert "a life in burning hours, but nothing here gives the operating hours" in \
            str(info.value)
    assert lcc.Alternative("LED", item, life="12 yr").service_life() == 12.0
    text = tender({"name": "LED", "life": "50000 h", "items": [
        {"type": "Investment", "amount": "100 SEK", "life": "50000 h", "hours": "4000 h/yr"}]})
    assert issues(text) == [("invalid-value", "alternatives[0].life", 1)]


# ------------------------------------------------------------------- fractions in % and ‰

def test_a_residual_parameter_in_percent_is_a_fraction_as_the_text_is() -> None:
    """1 000 SEK, life 20, study 10 years at 4 %: a residual of 50 % is 500 SEK at t = 10,
    1 000 − 500 × 1.04⁻¹⁰ = 1 000 − 337.78 = 662.22 SEK, however the 50 % is written."""
    expected = 1000 - 500 * 1.04 ** -10
    for residual in ("50 %", 0.5, lcc.Parameter("r", 0.5), lcc.Parameter("r", "50 %"),
                     lcc.Parameter("r", "500 ‰")):
        alt = lcc.Alternative("A", lcc.Investment("1000 SEK", life="20 yr", residual=residual))
        assert float(lcc.evaluate(alt, STUDY).value) == pytest.approx(expected, abs=1e-9)
    with pytest.raises(lcc.LCCError, match="expected a fraction <= 1"):
        lcc.Investment("1000 SEK", life="20 yr", residual=lcc.Parameter("r", "150 %"))


def test_per_mille_reads_in_every_rate_as_in_its_text() -> None:
    """40 ‰ = 4 %: 1 000 SEK/yr over 10 years is 1 000 × (1 − 1.04⁻¹⁰)/0.04 = 8 110.90 SEK;
    a price rising 2 % a year (20 ‰, or 2 in 'procent'): Σ 1 000 × 1.02ᵏ/1.04ᵏ, k = 1..10
    = 9 001.04 SEK."""
    upv = (1 - 1.04 ** -10) / 0.04
    yearly = lcc.Alternative("A", lcc.Recurring("1000 SEK/yr"))
    for rate in ("40 ‰", lcc.Parameter("r", "40 ‰"), lcc.Parameter("r", "4 %")):
        study = lcc.Study("10 yr", rate)
        assert float(lcc.evaluate(yearly, study).value) == pytest.approx(1000 * upv)
    rising = sum(1000 * 1.02 ** k / 1.04 ** k for k in range(1, 11))
    for escalation in ("2 %", "20 ‰", lcc.ByYear([20] * 10, unit="‰"),
                       lcc.ByYear([2] * 10, unit="procent"), lcc.ByYear([2] * 10, unit="%"),
                       lcc.Parameter("e", "20 ‰")):
        alt = lcc.Alternative("A", lcc.Energy(annual="1000 kWh/yr", price="1 SEK/kWh",
                                              escalation=escalation))
        assert float(lcc.evaluate(alt, STUDY).value) == pytest.approx(rising)
    with pytest.raises(lcc.LCCError, match="the ByYear has the unit 'kWh'"):
        lcc.Energy(annual="1 kWh/yr", price="1 SEK/kWh", escalation=lcc.ByYear([2], unit="kWh"))
    text = tender({"name": "A", "items": [
        {"type": "Energy", "annual": "1000 kWh/yr", "price": "1 SEK/kWh",
         "escalation": {"by_year": [20] * 10, "unit": "‰"}}]})
    got = lcc.io.loads_tender(text, "json").evaluate()
    assert float(next(iter(got.values())).value) == pytest.approx(rising)


# ------------------------------------------------------------------ the base currency's rate

def test_the_base_currencys_own_rate_is_1_or_refused() -> None:
    """{'SEK': 2} beside base SEK was replaced by 1 without a word (and the writer dropped
    it)."""
    assert lcc.ExchangeRates(base="SEK", rates={"EUR": 11.48, "SEK": 1}).rates == \
        {"EUR": 11.48, "SEK": 1.0}
    with pytest.raises(lcc.LCCError) as info:
        lcc.ExchangeRates(base="SEK", rates={"EUR": 11.48, "SEK": 2})
    assert (info.value.field, info.value.code) == ("ExchangeRates.rates.SEK", "invalid-value")
    assert "SEK is the base currency: 1 SEK is 1 SEK" in str(info.value)
    assert "SEK är basvalutan" in info.value.message_in("sv")


# ------------------------------------------------------------------ schema against the reader

@pytest.mark.parametrize("case", [
    {"template": "street_lighting", "inputs": {"luminaires": 10.5}},
    {"template": "street_lighting", "inputs": {"dimming_profile": [["2000 h/yr", 1.5]]}},
    {"template": "street_lighting", "inputs": {"dimming_profile": [["2000 h/yr", 50]]}},
    {"items": [{"type": "Investment", "amount": "1 SEK", "label": "\u200b"}]},
    {"items": [{"type": "Investment", "amount": "1 SEK", "label": " \u202e\ufeff "}]},
    {"items": [{"type": "Investment", "amount": "1 SEK"}], "description": "x" * 20_001},
], ids=["whole count", "share above 1", "share as percent", "invisible label",
        "blank label", "long text"])
def test_the_schema_refuses_what_the_reader_refuses(case: dict) -> None:
    inputs = {"luminaires": 10, "power": "40 W", "price": "3000 SEK",
              "electricity_price": "1.5 SEK/kWh", "operating_hours": "4000 h/yr"}
    alternative = {"name": "A", **case}
    if "inputs" in case:
        alternative["inputs"] = {**inputs, **case["inputs"]}
    text = tender(alternative)
    validator = jsonschema.Draft202012Validator(lcc.io.json_schema("tender"))
    assert list(validator.iter_errors(json.loads(text)))
    assert issues(text)
    fine = tender({"name": "A", "template": "street_lighting", "inputs": inputs})
    assert not list(validator.iter_errors(json.loads(fine)))
    lcc.io.loads_tender(fine, "json")


def test_the_schemas_visible_text_pattern_is_the_readers_rule_on_every_bmp_character() -> None:
    import re

    from lcc._text import VISIBLE_PATTERN, is_blank

    pattern = re.compile(VISIBLE_PATTERN)
    assert [c for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF and
            bool(pattern.search(chr(c))) == is_blank(chr(c))] == []


# ------------------------------------------------------------ each message at its own field

def test_unreadable_operating_hours_are_said_once_at_the_hours() -> None:
    with pytest.raises(lcc.LCCError) as info:
        lcc.Investment("100 SEK", life="50000 h", hours="77 h/wk")
    assert [e.field for e in info.value.errors] == ["Investment.hours"]
    text = tender({"name": "A", "items": [
        {"type": "Investment", "amount": "100 SEK", "life": "50000 h", "hours": "77 h/wk"}]})
    assert [(code, path) for code, path, _ in issues(text)] == [
        ("invalid-value", "alternatives[0].items[0].hours")]


def test_a_residual_message_does_not_name_the_field_twice() -> None:
    with pytest.raises(lcc.LCCError) as info:
        lcc.Investment("100 SEK", life="5 yr", residual="-500 SEK")
    assert str(info.value) == (
        "Investment.residual: got '-500 SEK'; expected 'linear', 'none', a fraction of the "
        "installation's cost (0..1) or an amount of money (got '-500 SEK'; expected an "
        "amount >= 0)")


def test_the_message_of_a_calendar_year_as_a_position_gives_the_study_year() -> None:
    """It said '2030 with base year 2025 is 5'; study year k is calendar year 2025 + k − 1,
    so 2030 is study year 6: a Recurring(start=6, end=6) takes the 2030 price of a calendar
    ByYear (500 SEK/yr), at 0 % the LCC is 500."""
    with pytest.raises(lcc.LCCError) as info:
        lcc.OneOff("100 SEK", at=2030)
    assert "(2030 with base year 2025 is 6)" in str(info.value)
    assert "(2030 med basår 2025 är 6)" in info.value.message_in("sv")
    prices = lcc.ByYear([100, 200, 300, 400, 450, 500, 600], unit="SEK/yr", first_year=2025)
    alt = lcc.Alternative("A", lcc.Recurring(prices, start=6, end=6))
    study = lcc.Study("10 yr", 0.0, base_year=2025)
    assert float(lcc.evaluate(alt, study).value) == pytest.approx(500.0)


def test_a_residual_percentage_above_100_is_told_its_bound_not_a_currency() -> None:
    """'150 %' was explained as '… which has no currency' (it was tried as an amount after
    failing as a fraction); a percentage or a plain number is a fraction, and its bound is
    what it misses, as the same value held by a parameter is told."""
    for text in ("150 %", "1500 ‰"):
        with pytest.raises(lcc.LCCError) as info:
            lcc.Investment("1000 SEK", life="20 yr", residual=text)
        assert str(info.value) == f"Investment.residual: got {text!r}; expected a fraction <= 1"
    with pytest.raises(lcc.LCCError, match="which has no currency"):
        lcc.Investment("1000 SEK", life="20 yr", residual="5 kWh")


def test_the_swedish_burning_hours_example_is_in_years_as_swedish_writes_them() -> None:
    with pytest.raises(lcc.LCCError) as info:
        lcc.Alternative("A", lcc.Investment("1 SEK"), life="50000 h")
    assert "t.ex. '12 år'" in info.value.message_in("sv")


_TENDER_DOC = {"format": "lcc.tender/1", "name": "T",
               "study": {"period": "10 yr", "discount_rate": 0.04,
                         "exchange_rates": {"base": "SEK", "rates": {"EUR": 11.48},
                                            "date": "2025-01-01", "source": "Riksbanken"}},
               "parameters": {"p": {"value": "1 SEK", "low": "0.5 SEK", "high": "2 SEK"}},
               "scenarios": {"s1": {"description": "desc", "p": "1.5 SEK"}},
               "alternatives": [{"name": "A", "items": [
                   {"type": "OneOff", "amount": {"parameter": "p"}, "at": 1}]}]}


@pytest.mark.parametrize("where", [("study", "exchange_rates", "source"),
                                   ("study", "exchange_rates", "date"),
                                   ("scenarios", "s1", "description"),
                                   ("parameters", "p", "description"),
                                   ("comparison", "baseline")])
@pytest.mark.parametrize("bad", ["\u200b", " ", "x" * 20_001], ids=["invisible", "blank", "long"])
def test_every_free_text_is_refused_alike_by_the_schema_and_the_reader(
        where: tuple[str, ...], bad: str) -> None:
    """The schema let an exchange rate's source or date, a scenario's description and the
    comparison's baseline be blank, invisible or over 20 000 characters, which the reader
    refuses; an exchange rate's source of invisible characters alone was read."""
    import copy

    doc = copy.deepcopy(_TENDER_DOC)
    node = doc
    for key in where[:-1]:
        node = node.setdefault(key, {})
    node[where[-1]] = bad
    validator = jsonschema.Draft202012Validator(lcc.io.json_schema("tender"))
    assert list(validator.iter_errors(doc))
    assert issues(json.dumps(doc))
    assert not list(validator.iter_errors(_TENDER_DOC))
    lcc.io.loads_tender(json.dumps(_TENDER_DOC), "json")
