"""One rule for the separators of a number written as text, in every reader.

A Swedish, Danish, German or Dutch procurer writes ``1.500`` for one thousand
five hundred and ``1.000.000`` for a million; an English one writes ``1,500``
for the same and ``1.5`` for one and a half. lcc read ``"1.000.000 kr"`` as
0 kr and ``"1.234,50 kr"`` as 1.2345 kr (pint multiplied the dotted groups),
and ``"1.500 kr"`` as 1.5 kr while it refused ``"1,500 kr"`` as ambiguous. Every
reader now applies one rule (:func:`lcc.units._number_separators`):

- one separator used several times groups thousands: ``1.234.567``, ``1,234,567``;
- of two different separators the last is the decimal sign: ``1.234,50``, ``1,234.50``;
- a single separator is a decimal sign, except after 1 to 3 digits (not a lone
  ``0``) before exactly 3 digits: ``1,500`` and ``1.500`` are refused, both readings
  offered;
- any other grouping (``1.2.3``, ``1,23,456``) is refused.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import lcc
import lcc.io
from lcc import LCCError
from lcc.io._values import number_text
from lcc.portfolio._cells import CellError, read_money, read_share
from lcc.portfolio._columns import BY_NAME
from lcc.units import _number_separators, _parse_text

READ = [
    # text, value in SEK (the unit's base, 1 tkr = 1 000 SEK)
    ("1.000.000 kr", 1_000_000.0),      # was 0 kr
    ("1.234.567 kr", 1_234_567.0),      # was 0.699778 kr: 1.234 × .567
    ("1,234,567 kr", 1_234_567.0),
    ("1.234,50 kr", 1_234.5),           # was 1.2345 kr
    ("1,234.50 kr", 1_234.5),           # was refused
    ("1 234,50 kr", 1_234.5),
    ("0,125 kr", 0.125),                # was refused: a lone 0 groups no thousands
    ("0.125 kr", 0.125),
    ("1234,567 kr", 1234.567),          # four digits before: no thousands group
    ("1,5 kr", 1.5),
    ("12.5 kr", 12.5),
    (",5 kr", 0.5),                     # was 5 kr
    ("1.5000 kr", 1.5),
    ("1.500e3 kr", 1500.0),             # an exponent: a decimal point
    ("1,5 tkr", 1500.0),
    ("−1.234,5 kr", -1234.5),
]

AMBIGUOUS = [
    # text, the thousands reading offered, the decimal reading offered
    ("1.500 kr", "1 500 kr", "1.5 kr"),
    ("1,500 kr", "1 500 kr", "1.5 kr"),
    ("12.345 kr", "12 345 kr", "12.3450 kr"),
    ("100.000 kr", "100 000 kr", "100 kr"),
    ("2,125 %", "2 125 %", "2.1250 %"),
]

MALFORMED = ["1.2.3 kr", "1,23,456 kr", "12.34.567 kr", "1.234,5,6 kr", "0.5.3 kr"]


@pytest.mark.parametrize(("text", "value"), READ)
def test_every_reader_reads_separators_alike(text: str, value: float) -> None:
    q = lcc.Q_(text)
    assert q.to("SEK").magnitude == pytest.approx(value, rel=1e-15)
    assert lcc.units.parse_quantity(text, "CUR").to("SEK").magnitude == \
        pytest.approx(value, rel=1e-15)
    if value >= 0:
        item = lcc.Investment(text)
        result = lcc.evaluate(lcc.Alternative("A", item), lcc.Study("1 yr", 0.0))
        assert result.value == pytest.approx(value, rel=1e-12)
        amount = read_money(text.replace("−", "-"), BY_NAME["value"], {})
        assert amount == (pytest.approx(value, rel=1e-15), "SEK")


@pytest.mark.parametrize(("text", "thousands", "decimal"), AMBIGUOUS)
def test_an_ambiguous_number_is_refused_with_both_readings(text: str, thousands: str,
                                                           decimal: str) -> None:
    whole, decimals = re.split(r"[.,]", text.split()[0])
    for read in (lcc.Q_, lambda t: lcc.Investment(t) if "%" not in t else lcc.Study(
            "10 yr", t), lambda t: read_money(t, BY_NAME["value"], {})):
        with pytest.raises((LCCError, CellError)) as info:
            read(text)
        message = str(info.value)
        assert "is ambiguous" in message and repr(text) in message
        assert repr(thousands) in message and repr(decimal) in message
        assert getattr(info.value, "code", "invalid-value") == "invalid-value"
    # the readings offered are read, one way each
    assert lcc.Q_(thousands).magnitude == int(whole + decimals)
    assert lcc.Q_(decimal).magnitude == pytest.approx(float(f"{whole}.{decimals}"), rel=1e-15)


@pytest.mark.parametrize("text", MALFORMED)
def test_separators_that_group_no_thousands_are_refused(text: str) -> None:
    with pytest.raises(LCCError, match=r"cannot read the number") as info:
        lcc.Q_(text)
    assert info.value.code == "invalid-value"


def test_the_rule_in_swedish() -> None:
    with pytest.raises(LCCError) as info:
        lcc.Investment("1.500 kr")
    assert info.value.message_in("sv") == (
        "Investment.amount (belopp): '1.500 kr' är tvetydigt: är '.' decimaltecken eller "
        "tusentalsavgränsare? Skriv '1 500 kr' för tusental, eller '1.5 kr' för decimaltalet")


def test_a_tender_file_reads_a_million_written_with_dots(tmp_path: Path) -> None:
    """1 000 000 SEK at t = 0 in a one-year study: the LCC is the amount itself."""
    text = """name = "T"
[study]
period = "1 yr"
discount_rate = 0.0
currency = "SEK"
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Investment"
amount = "1.000.000 SEK"
"""
    tender = lcc.io.loads_tender(text)
    assert tender.evaluate()["A"].value == pytest.approx(1e6, rel=1e-15)
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(text.replace("1.000.000 SEK", "1.000 SEK"))
    [issue] = info.value.errors
    assert (issue.code, issue.path) == ("invalid-value", "alternatives[0].items[0].amount")
    assert "'1 000 SEK'" in issue.message and "'1 SEK'" in issue.message


def test_numbers_lcc_writes_read_back_exactly() -> None:
    """A number of three decimals after 1 to 3 digits gets a fourth; every written number
    reads back to the same float."""
    assert [number_text(x) for x in (1.234, -12.5, 100.125, 0.125, 1234.567, 1.5, 3.0)] == \
        ["1.2340", "-12.5", "100.1250", "0.125", "1234.567", "1.5", "3"]
    rng = random.Random(15)
    for _ in range(20_000):
        x = round(rng.uniform(-2000, 2000), rng.randint(0, 6)) if rng.random() < 0.7 \
            else 10 ** rng.uniform(-8, 18)
        assert _parse_text(f"{number_text(x)} SEK", "x").magnitude == x


def test_a_tender_with_three_decimal_prices_round_trips() -> None:
    """save/load of a price of 1.234 SEK/kWh (written '1.2340 SEK/kWh'); 1 000 kWh/yr for
    one year at 0 %: 1 234 SEK."""
    alt = lcc.Alternative("A", lcc.Energy(annual="1000 kWh/yr", price=lcc.Q_(1.234, "SEK/kWh")))
    tender = lcc.io.Tender("T", lcc.Study("1 yr", 0.0), (alt,))
    text = lcc.io.dumps_tender(tender)
    assert "1.2340 SEK/kWh" in text
    back = lcc.io.loads_tender(text)
    assert back.evaluate()["A"].value == pytest.approx(1234.0, rel=1e-15)


def test_scenario_quantities_are_written_in_full() -> None:
    """A scenario value given as a Quantity was written with 6 significant digits."""
    from lcc.io._sensitivity_io import scenarios_data
    from lcc.sensitivity import Scenario

    q = lcc.Q_(1.23456789, "SEK/kWh")
    data = scenarios_data({"high": Scenario({"price": q})})
    assert _parse_text(data["high"]["price"], "x").magnitude == 1.23456789


def test_a_blank_cell_default_reads_by_the_rule(tmp_path: Path) -> None:
    from lcc.bidform import bid_form
    from tests.test_bidform import BID_FORM_ITEMS, copy_tender

    text = BID_FORM_ITEMS.replace("default = 650 }", 'default = "1 500 SEK" }')
    form = bid_form(lcc.io.load_tender(copy_tender(tmp_path, text)))
    assert form.field("items[1].amount").default == 1500.0
    bad = BID_FORM_ITEMS.replace("default = 650 }", 'default = "1.500 SEK" }')
    with pytest.raises(lcc.io.TenderError) as info:
        bid_form(lcc.io.load_tender(copy_tender(tmp_path, bad)))
    [issue] = info.value.errors
    assert (issue.code, issue.path) == ("invalid-value", "bid_form.items[1].amount.default")
    assert "ambiguous" in issue.message


def test_plan_shares_read_by_the_rule() -> None:
    from fractions import Fraction

    assert read_share("12,5 %") == Fraction(1, 8)
    assert read_share("0,125") == Fraction(1, 8)
    with pytest.raises(CellError, match="ambiguous"):
        read_share("12,500 %")


def test_samples_on_the_command_line() -> None:
    from lcc.cli._main import _count
    from tests.test_cli import run

    assert _count("10 000") == _count("10_000") == _count("1e4") == 10_000
    assert _count("1.000.000") == 1_000_000
    street = Path(__file__).resolve().parents[1] / "examples" / "street-lighting.toml"
    for lang, words in (("en", "is ambiguous"), ("sv", "är tvetydigt")):
        out = run("sensitivity", street, "monte-carlo", "-n", "10.000", "--lang", lang)
        assert out.returncode == 2
        assert words in out.stderr and "'10 000'" in out.stderr
        assert "Traceback" not in out.stderr


def test_the_rule_itself() -> None:
    assert _number_separators("1.234,50 kr/kWh", "x") == "1234.50 kr/kWh"
    assert _number_separators("5 l/100km", "x") == "5 l/100km"
    assert _number_separators("CO2,5", "x") == "CO2,5"  # a unit's digits are no number


# ------------------------------------------------ one number and its unit, no arithmetic

@pytest.mark.parametrize(("text", "pint_alone"), [
    ("1:30 h", "30 h"),              # a clock time
    ("1 30 SEK", "30 SEK"),          # a stray space in 130
    ("2 3 SEK", "6 SEK"),
    ("1 1/2 SEK", "0.5 SEK"),        # a mixed number, 1½
    ("2–3 %", "−1 %"),               # a range, with an en dash
    ("10-15 SEK", "−5 SEK"),
    ("4950 SEK 2", "9 900 SEK"),     # a typo after the unit
    ("1;5 SEK", "5 SEK"),
    ("3*4 SEK", "12 SEK"),
    ("5 SEK + 3 SEK", "8 SEK"),
    ("1.5. SEK", "1.5 SEK"),
])
def test_more_than_one_number_is_refused(text: str, pint_alone: str) -> None:
    """pint evaluates a text as arithmetic; a procurer who wrote these meant something else
    (or nothing one can know), so lcc refuses them where pint read ``pint_alone``."""
    with pytest.raises(LCCError) as info:
        lcc.Q_(text)
    assert info.value.code == "invalid-value"
    assert repr(text) in str(info.value)
    assert "one number and its unit" in str(info.value)
    if text.endswith("SEK"):
        with pytest.raises(LCCError, match="one number and its unit"):
            lcc.Investment(text)  # a model field reads by the same rule
    if text.endswith("%"):
        with pytest.raises(LCCError, match="one number and its unit"):
            lcc.Study("10 yr", text)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("5 l/100km", 0.05, "l/km"),     # per so many units
    ("2.5 kWh/(48 h)", 2.5 / 48, "kWh/h"),
    ("45 SEK/m**3", 45.0, "SEK/m**3"),
    ("3 m**-1", 3.0, "1/m"),
    ("60000 1/yr", 60000.0, "1/yr"),
    ("100 SEK/3 yr", 100 / 3, "SEK/yr"),
    ("SEK 5 000", 5000.0, "SEK"),    # the currency first, as English texts write it
    ("kr 1,5", 1.5, "SEK"),
    ("– 3,5 %", -3.5, "%"),
    ("1.5e+3 SEK", 1500.0, "SEK"),
])
def test_one_number_with_a_unit_that_counts_per_is_read(text: str, value: float,
                                                        unit: str) -> None:
    assert lcc.Q_(text).to(unit).magnitude == pytest.approx(value, rel=1e-15)
