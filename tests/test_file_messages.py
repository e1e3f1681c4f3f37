"""Messages about a tender file's values in the file's words: no Python reprs or API names,
the choices a field takes, the form a per-year sequence takes in a file."""

from __future__ import annotations

import json

import pytest

from lcc.io import loads_tender
from lcc.io._issues import TenderError

BASE = """\
name = "x"
[study]
period = "10 yr"
discount_rate = 0.04
{study}
[parameters.t]
value = "1.2 SEK/kWh"
[[alternatives]]
name = "A"
{alternative}
[[alternatives.items]]
type = "{type}"
{item}
"""


def _issues(study: str = "", alternative: str = "", type: str = "Recurring",
            item: str = 'amount_per_year = "100 SEK/yr"') -> list:
    with pytest.raises(TenderError) as info:
        loads_tender(BASE.format(study=study, alternative=alternative, type=type, item=item))
    return info.value.errors


def test_a_choice_that_refers_to_a_parameter_names_its_choices() -> None:
    """'expected one of ' ended without the choices."""
    (e,) = _issues(study='timing = { parameter = "t" }', item='amount_per_year = "1 SEK/yr"\n'
                   'category = "energy"')
    assert e.path == "study.timing"
    assert e.message.endswith("expected one of 'end', 'middle', 'beginning', 'continuous'")


def test_a_list_where_a_per_year_sequence_is_written_with_by_year() -> None:
    """It said a per-year sequence was not accepted, for fields that accept one."""
    (e,) = _issues(item='amount_per_year = ["100 SEK/yr", "110 SEK/yr"]')
    assert e.path == "alternatives[0].items[0].amount_per_year"
    assert '{by_year = [100, 110], unit = "SEK/yr"} in a tender file' in e.message


def test_a_list_where_one_value_is_expected_names_no_numpy() -> None:
    """'a sequence of samples must be a numpy array (a per-year sequence is lcc.ByYear)'."""
    (e,) = _issues(alternative="quantity = [10, 12]")
    assert (e.path, e.code) == ("alternatives[0].quantity", "wrong-type")
    assert e.message.startswith("expected a number > 0, e.g. 12") and "got a list" in e.message
    assert "numpy" not in e.message and "ByYear" not in e.message


def test_a_parameter_of_the_wrong_unit_is_quoted_as_written() -> None:
    """'got <Quantity(1.2, 'SEK / kilowatt_hour')>'."""
    (e,) = _issues(type="Water", item='annual = "10 m3/yr"\nprice = { parameter = "t" }')
    assert "got '1.2 SEK/kWh' (units SEK/kWh)" in e.message
    assert "Quantity" not in e.message and "e.g. '45 SEK/m3'" in e.message


def test_a_truth_value_is_named_as_a_file_writes_it() -> None:
    (e,) = _issues(item='amount_per_year = "1 SEK/yr"\nindexed = "yes"')
    assert e.message == "expected true or false, got 'yes'"


@pytest.mark.parametrize(("where", "path"), [
    ({"comparison": {"policy": None}}, "comparison.policy"),
    ({"sensitivity": {"monte_carlo": {"n": None}}}, "sensitivity.monte_carlo.n"),
    ({"parameters": {"p": {"value": 1, "low": None}}}, "parameters.p.low"),
])
def test_a_null_anywhere_is_refused_where_it_stands(where, path) -> None:
    doc = {"name": "x", "study": {"period": "10 yr", "discount_rate": 0.04},
           "alternatives": [{"name": "A", "items": [{"type": "Investment",
                                                      "amount": "1000 SEK"}]}], **where}
    with pytest.raises(TenderError) as info:
        loads_tender(json.dumps(doc), "json")
    (e,) = info.value.errors
    assert (e.path, e.code) == (path, "wrong-type")
    assert e.message == "got nothing (null); give a value, or leave the key out"


@pytest.mark.parametrize("value", ["1e308", "-1.7e308"])
def test_a_rate_beyond_any_percentage_says_no_inf(value) -> None:
    """'this would be inf %; did you mean 1e+308 %?' printed a figure that is no number."""
    with pytest.raises(TenderError) as info:
        loads_tender(BASE.format(study="", alternative="", type="Recurring",
                                 item='amount_per_year = "1 SEK/yr"').replace(
            "discount_rate = 0.04", f"discount_rate = {value}"))
    (e,) = info.value.errors
    assert (e.path, e.code) == ("study.discount_rate", "invalid-value")
    assert "far beyond any rate" in e.message and "inf" not in e.message


def test_an_alternatives_own_keys_are_checked_with_its_bad_items() -> None:
    """quantity = -5 and start = 1.5 were reported only once the items were mended."""
    found = {(e.path, e.code) for e in _issues(alternative="quantity = -5\nstart = 1.5",
                                                item='amount_per_year = "100 SEK"')}
    assert found == {("alternatives[0].quantity", "invalid-value"),
                     ("alternatives[0].start", "invalid-value"),
                     ("alternatives[0].items[0].amount_per_year", "wrong-unit")}


@pytest.mark.parametrize(("rate", "read"), [(11.48, 11.48), ('"11,48"', 11.48),
                                            ('"11.48 SEK"', 11.48), ('"11.48 SEK/EUR"', 11.48)])
def test_an_exchange_rate_is_a_number_or_an_amount_of_the_base_currency(rate, read) -> None:
    text = BASE.format(study=f'exchange_rates = {{ base = "SEK", rates = {{ EUR = {rate} }} }}',
                       alternative="", type="Investment", item='amount = "100 EUR"')
    assert loads_tender(text).study.exchange_rates.rates["EUR"] == pytest.approx(read)


@pytest.mark.parametrize("rate", ['"1150 %"', '"11 kWh"', '"11.48 EUR"'])
def test_an_exchange_rate_that_is_no_price_of_the_currency_is_refused_alone(rate) -> None:
    """'1150 %' was read as 11.5 SEK per EUR; a refused rate was followed by 'no exchange
    rate for EUR is declared' at every amount in euros."""
    (e,) = _issues(study=f'exchange_rates = {{ base = "SEK", rates = {{ EUR = {rate} }} }}',
                   type="Investment", item='amount = "100 EUR"')
    assert (e.path, e.code) == ("study.exchange_rates.rates.EUR", "wrong-unit")
    assert "expected the value of 1 EUR in SEK" in e.message


def test_a_scenarios_per_year_discount_rate_is_refused_where_it_stands() -> None:
    """It loaded, and `lcc sensitivity … scenarios` stopped with "scenarios['x']: the discount
    rate takes one value", without a file or line."""
    text = BASE.format(study="", alternative="", type="Recurring",
                       item='amount_per_year = "100 SEK/yr"') + """
[scenarios.falling_rate]
discount_rate = { by_year = [0.04, 0.03, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02] }
"""
    with pytest.raises(TenderError) as info:
        loads_tender(text)
    (e,) = info.value.errors
    assert (e.path, e.code, e.line) == ("scenarios.falling_rate.discount_rate",
                                        "not-applicable", 16)
    assert e.message == "the discount rate takes one value, not a per-year path"
