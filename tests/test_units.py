"""Tests of lcc.units: registry, currencies, notations, parsing and exchange rates."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pint
import pytest
from hypothesis import given

import lcc
from lcc import LCCError
from lcc.units import (
    ExchangeRates,
    currency_of,
    get_registry,
    magnitude_in,
    parse_number,
    parse_quantity,
)
from tests import strategies as S

Q_ = lcc.Q_


def test_registry_is_built_once_and_is_idempotent() -> None:
    reg = get_registry()
    assert get_registry() is reg
    assert lcc.ureg is reg
    assert lcc.Q_ is reg.Quantity


@pytest.mark.parametrize("code", ["SEK", "EUR", "USD", "NOK", "DKK", "GBP"])
def test_each_currency_is_its_own_dimension(code: str) -> None:
    q = Q_(1, code)
    assert currency_of(q) == code
    others = [c for c in ("SEK", "EUR", "USD", "NOK", "DKK", "GBP") if c != code]
    for other in others:
        with pytest.raises(pint.DimensionalityError):
            q.to(other)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("3 kSEK", "SEK", 3000),
        ("1.5 MSEK", "SEK", 1.5e6),
        ("2 kEUR", "EUR", 2000),
        ("30 öre", "SEK", 0.30),
        ("30 ore", "SEK", 0.30),
        ("5 kr", "SEK", 5),
        ("3 tkr", "SEK", 3000),
        ("2 Mkr", "SEK", 2e6),
        ("4 år", "yr", 4),
        ("4 year", "yr", 4),
        ("50 000 kr", "SEK", 50000),
        ("1 250 000 SEK", "SEK", 1.25e6),
        ("1,2 kr/kWh", "SEK/kWh", 1.2),
        ("3000 kWh/yr", "kWh/yr", 3000),
        ("1200 SEK/yr", "SEK/yr", 1200),
    ],
)
def test_currency_and_swedish_notations(text: str, unit: str, value: float) -> None:
    spec = "CUR" if unit in ("SEK", "EUR") else unit.replace("SEK", "CUR")
    q = parse_quantity(text, spec, name="x")
    assert q.to(unit).magnitude == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "spec", "target", "value"),
    [
        # 5 l per 100 km = 0.05 l/km, not 5·l·km/100
        ("5 l/100km", "l/km", "l/km", 0.05),
        ("5 l/100 km", "l/km", "l/km", 0.05),
        ("5 l/(100 km)", "l/km", "l/km", 0.05),
        ("18 kWh/100km", "kWh/km", "kWh/km", 0.18),
        ("20 Nm3/100km", "m**3/km", "m**3/km", 0.20),
        ("20 Nm³/100km", "m**3/km", "m**3/km", 0.20),
        ("1 Nm3", "m**3", "l", 1000.0),
        ("4000 h/yr", "h/yr", "h/yr", 4000),
        ("250 d/yr", "d/yr", "d/yr", 250),
        ("45 W", "kW", "kW", 0.045),
        ("2.5 kWh/(48 h)/m**3", "kWh/h/m**3", "kWh/h/m**3", 2.5 / 48),
    ],
)
def test_procurer_notations(text: str, spec: str, target: str, value: float) -> None:
    q = parse_quantity(text, spec, name="consumption")
    assert q.to(target).magnitude == pytest.approx(value, rel=1e-12)


def test_plain_pint_misreads_per_hundred_km() -> None:
    """The reason for the preprocessing: pint alone multiplies by km; lcc.Q_ and lcc.ureg
    do not."""
    import pint

    plain = pint.UnitRegistry(cache_folder=None)
    assert plain.parse_expression("5 l/100km").dimensionality != \
        plain.parse_expression("1 l/km").dimensionality
    assert plain("50 000 m").magnitude == 0  # and '50 000' is 50 × 000
    assert lcc.ureg("5 l/100km").to("l/km").magnitude == pytest.approx(0.05)
    assert lcc.ureg.parse_expression("50 000 kr").magnitude == 50_000
    assert lcc.ureg("1.000.000 kr").magnitude == 1_000_000
    assert Q_("5 l/100km").to("l/km").magnitude == pytest.approx(0.05)


@pytest.mark.parametrize(("text", "magnitude", "unit"), [
    ("50 000 kr", 50000.0, "kr"),           # was 0 kr: pint read "50 000" as 50 × 000
    ("1 200 SEK", 1200.0, "SEK"),           # was 200 SEK
    ("1,20 kr/kWh", 1.2, "kr/kWh"),         # was 120 kr/kWh
    ("\u2212500 SEK", -500.0, "SEK"),       # U+2212 MINUS SIGN, as word processors write it
    ("\u2013 3,5 %", -3.5, "%"),             # an en dash before a number
])
def test_the_public_constructor_reads_procurer_notations(text: str, magnitude: float,
                                                         unit: str) -> None:
    q = Q_(text)
    assert q.magnitude == pytest.approx(magnitude)
    assert q.units == get_registry().Unit(unit)
    assert Q_(3, "kWh").magnitude == 3  # numbers with units are pint's own


@pytest.mark.parametrize("text", ["9**9**9 SEK", "10^400 SEK", "2**2**2**2**2 kWh",
                                  "1" * 400 + " SEK", "m**99", "1 " + "x" * 300])
def test_hostile_unit_texts_are_refused_at_once(text: str) -> None:
    import time

    start = time.perf_counter()
    with pytest.raises(LCCError) as info:
        parse_quantity(text, "CUR", name="amount")
    assert info.value.code == "invalid-value"
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    ("value", "spec", "message"),
    [
        (4000, "h/yr", r"hours: got the bare number 4000; .*time per time, e\.g\. '1 h/yr'"),
        ("4000", "h/yr", r"hours: got '4000' without a unit"),
        ("40 %", "h/yr", r"hours: got '40 %'.*units of that shape"),
        (1.2, "CUR/kWh", r"hours: got the bare number 1\.2.*currency per energy"),
        ("1.2 SEK", "CUR/kWh", r"got '1\.2 SEK' \(units SEK\); expected currency per energy"),
        ("3 kWh", "CUR", r"hours: got '3 kWh', which has no currency; expected currency"),
        ("3 SEK", "kWh/yr", r"hours: got '3 SEK', a money amount; expected energy per time"),
        ("nan SEK", "CUR", r"values must be finite"),
        ("inf kWh/yr", "kWh/yr", r"values must be finite"),
        ("3 bananas", "CUR", r"could not read '3 bananas'"),
        ("", "CUR", r"empty string"),
        ("1,200 kr", "CUR", r"ambiguous"),
        (None, "CUR", r"hours: got None"),
        ([1, 2], "CUR", r"bare number"),
        ({"a": 1}, "CUR", r"got dict"),
    ],
)
def test_parse_errors_name_field_expectation_and_value(value, spec, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(lcc.LCCError, match=message):
        parse_quantity(value, spec, name="hours")


def test_lccerror_is_a_valueerror() -> None:
    assert issubclass(lcc.LCCError, ValueError)


def test_parse_accepts_quantities_and_sample_arrays() -> None:
    q = parse_quantity(Q_(np.array([1.0, 2.0]), "SEK/kWh"), "CUR/kWh", name="price")
    assert np.allclose(magnitude_in(q, "CUR/kWh"), [1.0, 2.0])
    assert magnitude_in(parse_quantity("30 öre/kWh", "CUR/kWh"), "CUR/kWh") == pytest.approx(0.3)
    assert magnitude_in(parse_quantity("2 MWh/yr", "kWh/yr"), "kWh/yr") == pytest.approx(2000)


def test_parse_number() -> None:
    assert parse_number("3 %") == pytest.approx(0.03)
    assert parse_number(0.03) == 0.03
    assert parse_number(Q_(5, "percent")) == pytest.approx(0.05)
    assert np.allclose(parse_number(np.array([0.01, 0.02])), [0.01, 0.02])
    for bad, msg in [("3 SEK", "plain number"), (float("nan"), "finite"), ([0.1], "ByYear"),
                     (True, "expected a number"), ("abc", "could not read")]:
        with pytest.raises(lcc.LCCError, match=msg):
            parse_number(bad, name="rate")


class TestExchangeRates:
    def test_compound_units(self) -> None:
        rates = ExchangeRates("SEK", {"EUR": 11.48}, date="2024", source="Riksbanken")
        q = rates.convert(Q_("0.1 EUR/kWh"))
        assert q.to("SEK/kWh").magnitude == pytest.approx(1.148)
        assert rates.convert("5 kEUR/yr").to("SEK/yr").magnitude == pytest.approx(57400)
        assert rates.convert("1 SEK", to="EUR").to("EUR").magnitude == pytest.approx(1 / 11.48)
        assert rates.convert("100 kWh").to("kWh").magnitude == 100

    def test_cross_rates(self) -> None:
        rates = ExchangeRates("SEK", {"EUR": 11.48, "NOK": 1.0})
        assert rates.rate("EUR", "NOK") == pytest.approx(11.48)
        assert rates.convert("1 EUR", to="NOK").to("NOK").magnitude == pytest.approx(11.48)

    def test_missing_rate_says_how_to_declare(self) -> None:
        rates = ExchangeRates("SEK", {"EUR": 11.48})
        with pytest.raises(lcc.LCCError, match=r"no exchange rate for USD.*rates=\{'USD'"):
            rates.convert("1 USD/kWh")

    @pytest.mark.parametrize(
        ("args", "msg"),
        [
            (("XYZ", {}), "base"),
            (("SEK", {"XYZ": 1.0}), "unknown currency"),
            (("SEK", {"EUR": -1.0}), "rate > 0"),
            (("SEK", {"EUR": float("nan")}), "finite"),
            (("SEK", {"EUR": "11 kWh"}), "the value of 1 EUR in SEK"),
        ],
    )
    def test_validation(self, args, msg) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(lcc.LCCError, match=msg):
            ExchangeRates(*args)

    @given(rate=S.fx_rates, amount=S.amounts)
    def test_round_trip(self, rate: float, amount: float) -> None:
        # NOK and SEK: any rate is read (EUR's would be refused where it looks inverted)
        rates = ExchangeRates("SEK", {"NOK": rate})
        there = rates.convert(Q_(amount, "NOK/kWh"))
        back = rates.convert(there, to="NOK")
        assert back.to("NOK/kWh").magnitude == pytest.approx(amount, rel=1e-12)


def test_adding_currencies_without_rates_is_an_error() -> None:
    with pytest.raises(pint.DimensionalityError):
        Q_("1 SEK") + Q_("1 EUR")


def test_exchange_rates_collect_every_error_with_its_field() -> None:
    """One rule for the API and files: ExchangeRates names each bad input (io maps the field
    to the file's path)."""
    with pytest.raises(LCCError) as info:
        ExchangeRates("XYZ", {"EUR": -1, "ABC": 2, "USD": "ten"}, date=5)
    got = [(e.field, e.code) for e in info.value.errors]
    assert got == [("ExchangeRates.base", "invalid-value"),
                   ("ExchangeRates.rates.EUR", "invalid-value"),
                   ("ExchangeRates.rates.ABC", "invalid-value"),
                   ("ExchangeRates.rates.USD", "invalid-value"),
                   ("ExchangeRates.date", "wrong-type")]
    assert [e.detail for e in info.value.errors][:2] == [
        "got 'XYZ', expected one of SEK, EUR, USD, NOK, DKK, GBP",
        "got -1, expected a rate > 0"]
    # a rate written as text is read as the number it says
    assert ExchangeRates("SEK", {"EUR": "11,48"}).rates["EUR"] == 11.48


def test_pints_definition_cache_is_per_installation_and_repairs_itself(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache entry written by a deleted environment made every start parse pint's
    definitions again (0.3 s); lcc keeps one folder per installation of pint and rewrites
    a cache it cannot read."""
    import types

    import platformdirs

    from lcc.units import _cache_folder, _new_registry

    monkeypatch.setattr(platformdirs, "user_cache_path", lambda **_: tmp_path)
    one = _cache_folder(types.SimpleNamespace(__file__="/env-a/pint/__init__.py"))
    other = _cache_folder(types.SimpleNamespace(__file__="/env-b/pint/__init__.py"))
    assert one != other and one.parent == other.parent == tmp_path
    folder = _cache_folder(pint)
    _new_registry(pint)
    written = sorted(folder.iterdir())
    assert written
    for entry in written:  # what a deleted environment's entries amount to: unreadable
        entry.write_bytes(b"\x80stale")
    reg = _new_registry(pint)
    assert reg.Quantity(1, "kWh").to("J").magnitude == 3.6e6
    pint.UnitRegistry(cache_folder=folder)  # the rewritten cache reads without error


def test_an_inverted_exchange_rate_is_refused_with_its_inverse() -> None:
    """``ExchangeRates("SEK", {"EUR": 0.087})`` (SEK per EUR written as EUR per SEK) made
    every euro amount 132 times too small without a word. Between currencies whose worth
    has long differed fourfold or more, a rate near the inverse of the usual one is refused
    with the inverse offered; currencies of about one worth (NOK and SEK) cannot be told."""
    with pytest.raises(lcc.LCCError) as info:
        lcc.ExchangeRates("SEK", {"EUR": 0.087})
    assert (info.value.field, info.value.code) == ("ExchangeRates.rates.EUR", "invalid-value")
    assert str(info.value) == (
        "ExchangeRates.rates['EUR']: got 0.087, but 1 EUR has long been worth about 10 SEK; "
        "the rate looks inverted: did you mean 11.4943, that is 1 EUR = 11.4943 SEK? A rate is "
        "the units of the base currency per unit of the currency")
    assert "kursen ser omvänd ut: menade du 11,4943" in info.value.message_in("sv")
    for base, rates in (("EUR", {"SEK": 11.48}), ("DKK", {"EUR": 0.134})):
        with pytest.raises(lcc.LCCError, match="the rate looks inverted"):
            lcc.ExchangeRates(base, rates)
    # the usual rates, and rates between currencies of about one worth, are read
    rates = lcc.ExchangeRates("SEK", {"EUR": 11.48, "USD": 10.5, "GBP": 13.2, "NOK": 0.98,
                                      "DKK": 1.54})
    assert rates.convert("1 EUR").magnitude == pytest.approx(11.48, rel=1e-15)
    assert lcc.ExchangeRates("EUR", {"SEK": 0.0871, "USD": 0.92}).rate("SEK", "EUR") == 0.0871
    assert lcc.ExchangeRates("SEK", {"NOK": 1.02}).rate("NOK", "SEK") == 1.02


@pytest.mark.parametrize(("value", "magnitude"), [("5", 5.0), (0.5, 0.5), ("50 %", 50.0),
                                                  ("2 kg/kg", 2.0)])
def test_a_quantity_without_dimension_takes_a_plain_number(value, magnitude) -> None:
    """parse_quantity(x, "1") said "got '5' without a unit; expected 1, e.g. '1 1'": a
    share or a factor is a number, or a percentage."""
    assert float(parse_quantity(value, "1", name="share").magnitude) == magnitude


def test_a_quantity_without_dimension_names_what_it_expects() -> None:
    with pytest.raises(LCCError) as info:
        parse_quantity("5 kg", "1", name="share")
    assert str(info.value) == ("share: got '5 kg' (units kg); expected a plain number or a "
                               "percentage, e.g. '0.5' or '50 %'")
    with pytest.raises(LCCError, match="expected a plain number or a percentage"):
        parse_quantity(True, "1", name="share")


@pytest.mark.parametrize(("make", "field", "text"), [
    (lambda: lcc.Investment("tkr"), "Investment.amount", "tkr"),
    (lambda: lcc.Investment("100 SEK", life="yr"), "Investment.life", "yr"),
    (lambda: lcc.Energy(annual="kWh/yr", price="1 SEK/kWh"), "Energy.annual", "kWh/yr"),
    (lambda: lcc.Parameter("p", "SEK/kWh"), "Parameter.value", "SEK/kWh"),
    (lambda: lcc.Q_("SEK"), "Q_", "SEK"),
    (lambda: lcc.Q_("kWh/100km"), "Q_", "kWh/100km"),  # a number of the unit only
    (lambda: lcc.Q_("SEK/m3"), "Q_", "SEK/m3"),
    (lambda: lcc.Water(annual="m3/yr", price="45 SEK/m3"), "Water.annual", "m3/yr"),
])
def test_a_unit_without_a_number_is_refused(make, field, text) -> None:
    """pint reads a unit alone as 1 of it: 'tkr' was 1 000 SEK and life = 'yr' a 1-year life
    (9 replacements in a 10-year study, 743.53 SEK), without a word. A word that is no unit
    is still 'could not read' (test_parse_number); '5 l/100km' and '1/yr' are read."""
    assert lcc.Q_("5 l/100km").to("l/km").magnitude == pytest.approx(0.05)
    with pytest.raises(lcc.LCCError, match="is not one number and its unit"):
        lcc.Q_("tkr 50")  # a number after its unit: said so, not 'no number'
    assert str(lcc.ureg("kWh")) == "1 kWh"  # pint's registry keeps its idiom: a unit alone
    with pytest.raises(lcc.LCCError) as info:
        make()
    assert (info.value.field, info.value.code) == (field, "invalid-value")
    assert str(info.value).endswith(f"{text!r} has no number; write the number and its unit, "
                                    "e.g. '1300 SEK' or '4.5 %'")
    assert info.value.message_in("sv").endswith(
        f"{text!r} har inget tal; skriv talet och dess enhet, t.ex. '1300 SEK' eller '4,5 %'")


@pytest.mark.parametrize(("make", "field"), [
    (lambda: lcc.Investment("900 SEK", life="50000 h", hours="0 h/yr"), "Investment.life"),
    (lambda: lcc.Investment("900 SEK", life="50000 h", hours=lcc.Parameter("op", "0 h/yr")),
     "Investment.life"),  # as a tender gives it: 'op = 0 h/yr
    (lambda: lcc.Periodic("900 SEK", every="5000 h", hours="0 h/yr"), "Periodic.every"),
])
def test_a_life_in_burning_hours_with_no_operating_hours(make, field) -> None:
    """It said 'Investment.life (factor 2): 1/x of zero (0 h/yr)', in the words of the
    product lcc makes of the life and the hours."""
    with pytest.raises(lcc.LCCError) as info:
        make()
    assert (info.value.field, info.value.code) == (field, "invalid-value")
    assert re.search(r"a life in burning hours, but the operating hours are '(op = )?0 h/yr': "
                     r"a year without operation never reaches it", str(info.value))
    assert "ett år utan drift når den aldrig" in info.value.message_in("sv")


def test_exact_numbers_ask_for_a_float_and_a_parameter_is_named_not_dumped() -> None:
    """Study('10 yr', Decimal('0.04')) said 'expected a number, got Decimal Decimal('0.04')'
    (and Decimal('sNaN') stopped on a ValueError); a Parameter given as an exchange rate was
    shown as its whole repr (name=…, low=None …)."""
    import decimal
    import fractions

    for value, example in ((decimal.Decimal("0.04"), "0.04"), (fractions.Fraction(1, 25), "0.04"),
                           (decimal.Decimal("sNaN"), "0.04")):
        with pytest.raises(lcc.LCCError) as info:  # kept, it could not be written to a file
            lcc.Study("10 yr", value)
        assert (info.value.field, info.value.code) == ("Study.discount_rate", "wrong-type")
        assert str(info.value) == (f"Study.discount_rate: got {value}, a {type(value).__name__};"
                                   f" give the number as a float, e.g. {example}")
    with pytest.raises(lcc.LCCError) as rates:
        lcc.ExchangeRates("SEK", {"EUR": lcc.Parameter("eur", 11.48)})
    assert str(rates.value) == ("ExchangeRates.rates['EUR']: got the Parameter 'eur'; this "
                                "input takes a number (it is not varied by name in "
                                "sensitivity analysis)")


def test_the_hours_that_count_a_life_are_named_in_its_messages() -> None:
    """'Investment.life (factor 2): this field divides by Parameter 'op' …': the factor is
    the item's operating hours, and the message now says so."""
    op = lcc.Parameter("op", "4000 h/yr", low="0 h/yr", high="5000 h/yr")
    with pytest.raises(lcc.LCCError) as info:
        lcc.Investment("100 SEK", life="16000 h", hours=op)
    assert info.value.field == "Investment.life"
    assert str(info.value).startswith("Investment.hours: this field divides by Parameter 'op', "
                                      "which reaches 0 h/yr (its low)")
    assert "factor" not in str(info.value)


@pytest.mark.parametrize("text", ["(900 000) kr", "(5) SEK", "(1.5 SEK/kWh)"])
def test_a_number_in_brackets_is_refused_as_accounting_writes_a_negative(text) -> None:
    """pint read '(900 000) kr' as +900 000 kr: in accounting, brackets mean a negative amount
    (the plan's money cells refused it already; every quantity text now does)."""
    with pytest.raises(lcc.LCCError) as info:
        lcc.Investment(text)
    assert (info.value.field, info.value.code) == ("Investment.amount", "invalid-value")
    assert "holds its number in brackets, which in accounting mean a negative amount" in \
        str(info.value)
    assert lcc.Q_("2 kWh/(48 h)").to("kWh/h").magnitude == pytest.approx(2 / 48)
