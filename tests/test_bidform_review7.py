"""Bid forms, review 7 (reviews 4 and 5 of the bid forms).

- ``like`` with a bidder parameter: each imported bid names the parameter its own
  (``power_firm_a``), keeps the bidder's value, its low/high are the row's bounds, and the
  model's distribution is left out; two bids import and merge into one tender;
- calculator forms, ``[bid_form.units]``: a unit that is none is refused at its line, a life
  in hours without operating hours when the form is made; a life has the model's bound of
  500 years on the form, in hours 500 × the operating hours;
- ``[bid_form.bounds]``: the buyer bounds any numeric row of a calculator or like form;
- ``like``: rows are the values written with a unit and the bidder parameters, and the form
  notes them (and the bidder inputs it keeps as the buyer's);
- a resale value is at most the price on the form: note, Excel validation, the LCC sheet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

openpyxl = pytest.importorskip("openpyxl")

import lcc  # noqa: E402
import lcc.bidform._read as reading  # noqa: E402
from lcc._errors import in_lang  # noqa: E402
from lcc.bidform import (  # noqa: E402
    bid_form,
    read_bid_form,
    read_bid_forms,
    with_bids,
    write_bid_form,
)
from lcc.bidform._live import evaluate_sheet  # noqa: E402
from lcc.bidform._spec import bid_parameter_name, own_parameters  # noqa: E402
from lcc.bidform._write import note_lines  # noqa: E402
from lcc.io import TenderError, load_tender, loads_tender  # noqa: E402
from lcc.templates import street_lighting  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

HEAD = '''\
format = "lcc.tender/1"
name = "Review 7"
[study]
period = "10 yr"
discount_rate = 0.04
'''


def rows_of(xlsx: Path) -> dict[str, int]:
    wb = openpyxl.load_workbook(xlsx)
    ws = wb[wb.sheetnames[1]]
    return {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value}


def fill(xlsx: Path, values: dict[str, Any], name: str) -> Path:
    wb = openpyxl.load_workbook(xlsx)
    ws = wb[wb.sheetnames[1]]
    rows = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
    for key, value in values.items():
        ws.cell(rows[key], 4).value = value
    out = xlsx.with_name(name)
    wb.save(out)
    return out


def lcc_of(alt: lcc.Alternative, tender: Any) -> float:
    return float(lcc.evaluate(alt, tender.study).total.magnitude)


def annuity(n: int, d: float = 0.04) -> float:
    return sum((1 + d) ** -k for k in range(1, n + 1))


# ------------------------------------------------------------ like with a bidder parameter

LIKE_PARAMETER = HEAD + '''
[parameters.price]
value = "1.5 SEK/kWh"

[bid_form]
like = "Model bid"

[[alternatives]]
name = "Model bid"
[alternatives.parameters.power]
value = "45 W"
low = "40 W"
high = "50 W"
distribution = { name = "uniform", loc = 40, scale = 10 }
description = "System power"
[[alternatives.items]]
type = "Energy"
label = "Day"
power = { parameter = "power" }
hours = { parameter = "day_hours" }
price = { parameter = "price" }
[[alternatives.items]]
type = "Energy"
label = "Night"
power = { parameter = "power" }
hours = { parameter = "night_hours" }
price = { parameter = "price" }

[parameters.day_hours]
value = "2000 h/yr"
[parameters.night_hours]
value = "1000 h/yr"
'''


def test_a_bid_parameter_is_named_for_its_bid() -> None:
    assert bid_parameter_name("power", "Firm A") == "power_firm_a"
    assert bid_parameter_name("power", "Ljus  AB") == "power_ljus_ab"
    odd = bid_parameter_name("power", "Ljus & Co")  # '&': six hex digits tell it apart
    assert odd.startswith("power_ljus_co_") and len(odd) == len("power_ljus_co_") + 6
    assert odd != bid_parameter_name("power", "Ljus / Co")
    assert lcc.Parameter(bid_parameter_name("x" * 99, "Firm A"), 1.0).name  # a valid name


def _bids(tender: Any, tmp_path: Path) -> list[lcc.Alternative]:
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    assert list(rows_of(xlsx)) == ["bidder", "parameters.power"]
    a = fill(xlsx, {"bidder": "Firm A", "parameters.power": 41}, "a.xlsx")
    b = fill(xlsx, {"bidder": "Firm B", "parameters.power": 49}, "b.xlsx")
    return read_bid_forms(tender, [a, b])


def _check_merged(tender: Any, bids: list[lcc.Alternative]) -> None:
    merged = with_bids(tender, bids)
    names = {a.name: {p.name: p for p in a.parameters() if p.role == "bidder"}
             for a in merged.alternatives}
    assert set(names["Firm A"]) == {"power_firm_a"} and set(names["Firm B"]) == {"power_firm_b"}
    power = names["Firm A"]["power_firm_a"]
    # the bidder's value; low and high the row's bounds; no distribution of the model's
    assert (str(power.value), str(power.low), str(power.high), power.distribution) == \
        ("41 W", "40 W", "50 W", None)
    assert names["Model bid"]["power"].distribution is not None  # the model keeps its own
    # 41 W × (2 000 + 1 000) h/yr = 123 kWh/yr × 1.5 kr = 184.50 kr/yr, 10 years at 4 %:
    # 184.50 × 8.110896 = 1 496.46; 49 W: 220.50 kr/yr, 1 788.45; the model's 45 W: 1 642.46
    summary = lcc.compare(list(merged.alternatives), merged.study).summary
    assert summary.loc["Firm A", "lcc"] == pytest.approx(184.5 * annuity(10), rel=1e-12)
    assert summary.loc["Firm A", "lcc"] == pytest.approx(1496.46, abs=0.005)
    assert summary.loc["Firm B", "lcc"] == pytest.approx(1788.45, abs=0.005)
    assert summary.loc["Model bid", "lcc"] == pytest.approx(1642.46, abs=0.005)


def test_like_with_a_bidder_parameter_imports_two_bids_into_one_tender(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Review 4 #1, #2 and review 5 #4: every bid kept the model's parameter name ('power'),
    so the tender with the bids refused them all (duplicate-name), and kept the model's
    distribution, so Monte Carlo gave 41 W and 49 W the same mean. Each bid is read as
    :func:`own_parameters` makes it (the reader's bid data, named for the bid)."""
    tender = loads_tender(LIKE_PARAMETER)
    made = reading.bid_data
    monkeypatch.setattr(reading, "bid_data", lambda form, name, given: own_parameters(
        form, made(form, name, given)))
    _check_merged(tender, _bids(tender, tmp_path))


def test_like_with_a_bidder_parameter_imports_through_the_reader_as_it_is(
        tmp_path: Path) -> None:
    tender = loads_tender(LIKE_PARAMETER)
    _check_merged(tender, _bids(tender, tmp_path))


def test_a_like_bid_parameter_has_no_distribution_of_the_models(tmp_path: Path) -> None:
    """The bid's parameter table (before it is named for the bid): the bidder's value, the
    row's bounds, no distribution."""
    form = bid_form(loads_tender(LIKE_PARAMETER))
    table = form.template["parameters"]["power"]  # type: ignore[index]
    assert set(table) == {"value", "low", "high", "description"}
    assert (table["low"], table["high"]) == ("40 W", "50 W")


# ------------------------------------------------------------ calculator units

CALC = HEAD + '''
[bid_form]
template = "{calculator}"
[bid_form.inputs]
{inputs}
[bid_form.units]
{units}
'''
CHAIRS = "units = 40"
LIGHTS = ('luminaires = 100\noperating_hours = "4100 h/yr"\n'
          'electricity_price = "1.5 SEK/kWh"')


def _calc(calculator: str, inputs: str, units: str, extra: str = "") -> Any:
    return loads_tender(CALC.format(calculator=calculator, inputs=inputs, units=units) + extra,
                        source="calc.toml")


@pytest.mark.parametrize("unit", ["xyz", "mo", "SEK/"])
def test_a_unit_that_is_none_is_refused_at_its_line(unit: str) -> None:
    """Review 4 #5: 'xyz' gave 'Q_: could not read ...' without a file or line."""
    key = "price" if unit.startswith(("xyz", "SEK")) else "life"
    tender = _calc("refurbished_vs_new", CHAIRS, f'{key} = "{unit}"')
    with pytest.raises(TenderError) as info:
        bid_form(tender)
    [issue] = info.value.errors
    assert (issue.path, issue.line, issue.code) == (f"bid_form.units.{key}", 12, "invalid-value")
    assert issue.message.startswith(f"got '{unit}', which is not a unit lcc knows")


def test_a_life_in_hours_without_operating_hours_is_refused_when_the_form_is_made() -> None:
    """Review 4 #6: refurbished_vs_new has no operating hours; a life asked in h went out and
    every bid was refused at the bidder's name."""
    tender = _calc("refurbished_vs_new", CHAIRS, 'life = "h"')
    with pytest.raises(TenderError) as info:
        bid_form(tender)
    [issue] = info.value.errors
    assert (issue.path, issue.line) == ("bid_form.units.life", 12)
    assert "a life in hours is burning hours" in issue.message
    assert "brinntimmar" in in_lang(issue.message, "sv")


def test_a_calculators_life_has_the_models_bound_in_its_rows_unit(tmp_path: Path) -> None:
    """Review 5 #7: a life of 1 000 000 yr (or 1e14 h) was refused at Bid!D6, the bidder's
    name, in years. The row holds the model's 500 years: 2 050 000 h at 4 100 h/yr."""
    years = bid_form(_calc("street_lighting", LIGHTS, "")).field("life")
    assert (years.unit, years.minimum, years.maximum) == ("yr", 0.0, 500.0)
    tender = _calc("street_lighting", LIGHTS, 'life = "h"')
    hours = bid_form(tender).field("life")
    assert (hours.unit, hours.maximum) == ("h", 2_050_000.0)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx", lang="sv")
    row = rows_of(xlsx)["life"]
    values = {"bidder": "Lång AB", "power": 40, "price": 3000, "maintenance": 50,
              "life": 3_000_000}
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, fill(xlsx, values, "long.xlsx"))
    [issue] = info.value.errors
    assert issue.path == f"Anbud!D{row}"
    assert "≤ 2050000" in issue.message
    # at the bound: 2 050 000 h / 4 100 h/yr = 500 years, accepted as the model takes it
    bid = read_bid_form(tender, fill(xlsx, dict(values, life=2_050_000), "edge.xlsx"))
    same = street_lighting.alternative("x", luminaires=100, power="40 W", price="3000 SEK",
                                       maintenance="50 SEK/yr", life="2050000 h",
                                       operating_hours="4100 h/yr",
                                       electricity_price="1.5 SEK/kWh")
    assert lcc_of(bid, tender) == pytest.approx(lcc_of(same, tender), rel=1e-12)


# ------------------------------------------------------------ the buyer's bounds

def test_the_buyer_bounds_a_calculator_row(tmp_path: Path) -> None:
    """Review 5 #3: [bid_form.inputs] refused a bounded row, so a 100 % saving by controls
    and a 500-year life were taken."""
    tender = _calc("street_lighting", LIGHTS, "", extra='''
[bid_form.bounds]
control_savings = { max = 0.4 }
life = { min = 5, max = 40 }
''')
    form = bid_form(tender)
    saving, life = form.field("control_savings"), form.field("life")
    assert (saving.minimum, saving.maximum) == (0.0, 0.4)
    assert (life.minimum, life.maximum, life.exclusive) == (5.0, 40.0, False)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    ws = openpyxl.load_workbook(xlsx)["Bid"]
    rows = rows_of(xlsx)
    assert ws.cell(rows["life"], 6).value.startswith("5 to 40; ")
    rules = {str(dv.sqref): (dv.operator, dv.formula1, dv.formula2)
             for dv in ws.data_validations.dataValidation}
    assert rules[f"D{rows['life']}"] == ("between", "5", "40")
    assert rules[f"D{rows['control_savings']}"] == ("between", "0", "0.4")
    good = {"bidder": "Ok AB", "power": 40, "price": 3000, "control_savings": 0.2,
            "maintenance": 50, "life": 25}
    bid = read_bid_form(tender, fill(xlsx, good, "good.xlsx"))
    same = street_lighting.alternative("x", luminaires=100, power="40 W", price="3000 SEK",
                                       control_savings=0.2, maintenance="50 SEK/yr",
                                       life="25 yr", operating_hours="4100 h/yr",
                                       electricity_price="1.5 SEK/kWh")
    assert lcc_of(bid, tender) == pytest.approx(lcc_of(same, tender), rel=1e-12)
    bad = fill(xlsx, dict(good, control_savings=1, life=500), "bad.xlsx")
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, bad)
    assert [(i.path, i.message) for i in info.value.errors] == [
        (f"Bid!D{rows['control_savings']}", "'Energy saved by controls': got 1; expected a "
                                            "value ≤ 0.4"),
        (f"Bid!D{rows['life']}", "'Service life of the luminaire' [yr]: got 500; expected a "
                                 "value ≤ 40 in yr")]


def test_the_buyer_bounds_a_like_row_and_a_bound_outside_is_refused(tmp_path: Path) -> None:
    like = HEAD + '''
[bid_form]
like = "Model"
[bid_form.bounds]
"items[0].life" = { min = 10, max = 30 }
[[alternatives]]
name = "Model"
[[alternatives.items]]
type = "Investment"
amount = "250000 SEK"
life = "15 yr"
'''
    tender = loads_tender(like)
    life = bid_form(tender).field("items[0].life")
    assert (life.minimum, life.maximum) == (10.0, 30.0)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    with pytest.raises(TenderError, match=r"got 500; expected a value ≤ 30"):
        read_bid_form(tender, fill(xlsx, {"bidder": "X", "items[0].amount": 250_000,
                                          "items[0].life": 500}, "x.xlsx"))
    # 250 000 kr, life 10 years over a 10-year study: 250 000 with no residual
    bid = read_bid_form(tender, fill(xlsx, {"bidder": "Y", "items[0].amount": 250_000,
                                            "items[0].life": 10}, "y.xlsx"))
    assert lcc_of(bid, tender) == pytest.approx(250_000.0, rel=1e-12)
    for bounds, said in (
            ('"items[0].life" = { max = 600 }', "max = 600 is above what the row takes"),
            ('"items[0].life" = { min = -1 }', "min = -1 is below what the row takes"),
            ('"items[0].lfe" = { max = 30 }', "not a number the bidder gives"),
            ('"items[0].life" = { min = 30, max = 10 }', "max = 10 is below min = 30")):
        text = like.replace('"items[0].life" = { min = 10, max = 30 }', bounds)
        with pytest.raises(TenderError, match=said):
            bid_form(loads_tender(text))


# ------------------------------------------------------------ like: literal values

def test_like_asks_every_bidder_input_of_a_calculator_and_the_buyer_bounds_them(
        tmp_path: Path) -> None:
    """Review 5 #2: the street-lighting calculator's model writes luminaires = 180, and a bid
    of 1 luminaire won at 7 048 kr against 1.27 M. The calculator says the luminaires are the
    bidder's (its lighting design), as a pump's efficiency is: every bidder input is a row,
    with a unit or without (keeping them the buyer's evaluated every pump at the model's
    efficiency); the buyer bounds a row with [bid_form.bounds], and 1 luminaire is refused at
    its cell. The life is asked in h, as the model writes it."""
    src = EXAMPLES / "street-lighting-calculator.toml"
    tender = load_tender(src)
    form = bid_form(tender)
    assert [f.key for f in form.fields] == ["bidder", "luminaires", "power", "price",
                                            "control_savings", "maintenance", "life"]
    assert form.field("life").unit == "h"
    assert note_lines(form, "en") == []  # the calculator's roles say who gives what
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx", tender_file=src)
    values = {"bidder": "Full AB", "luminaires": 180, "power": 42, "price": 4600,
              "control_savings": 0.1, "maintenance": 40, "life": 100_000}
    bid = read_bid_form(tender, fill(xlsx, values, "a.xlsx"))
    # Bid A's own values: the same LCC as the tender's Bid A
    assert lcc_of(bid, tender) == pytest.approx(lcc_of(tender.alternative("Bid A"), tender),
                                                rel=1e-12)
    assert lcc_of(bid, tender) == pytest.approx(1_268_824.48, abs=0.005)
    text = src.read_text(encoding="utf-8").replace(
        "[bid_form]", "[bid_form]\nbounds = { luminaires = { min = 150, max = 220 } }", 1) \
        if "[bid_form]" in src.read_text(encoding="utf-8") else \
        src.read_text(encoding="utf-8") + \
        '\n[bid_form]\nlike = "Bid A"\n[bid_form.bounds]\nluminaires = { min = 150, max = 220 }\n'
    bounded = loads_tender(text, source=src.name, base_dir=EXAMPLES)
    row = bid_form(bounded).field("luminaires")
    assert (row.minimum, row.maximum) == (150, 220)
    xlsx = write_bid_form(bounded, tmp_path / "bounded.xlsx")
    with pytest.raises(TenderError) as info:
        read_bid_form(bounded, fill(xlsx, dict(values, luminaires=1), "one.xlsx"))
    assert "Bid!D7: 'Number of luminaires': got 1; expected a value ≥ 150" in str(info.value)


def test_like_items_note_the_literal_hours_and_price() -> None:
    """Review 5 #5: operating hours and an electricity price written literally became rows
    without a word."""
    tender = loads_tender(HEAD + '''
[bid_form]
like = "Fans"
[[alternatives]]
name = "Fans"
[[alternatives.items]]
type = "Energy"
label = "Electricity"
power = "1.2 kW"
hours = "6000 h/yr"
price = "1.5 SEK/kWh"
''')
    [note] = note_lines(bid_form(tender), "en")
    assert "Electricity: operating hours per year = 6000 h/yr" in note
    assert "Electricity: energy price = 1.5 SEK/kWh" in note
    buyer = loads_tender(HEAD + '''
[parameters.hours]
value = "6000 h/yr"
[bid_form]
like = "Fans"
[[alternatives]]
name = "Fans"
[[alternatives.items]]
type = "Energy"
label = "Electricity"
power = "1.2 kW"
hours = { parameter = "hours" }
price = { parameter = "electricity_price" }
[parameters.electricity_price]
value = "1.5 SEK/kWh"
''')
    form = bid_form(buyer)  # written as buyer parameters: the buyer's, and no row
    assert [f.key for f in form.fields] == ["bidder", "items[0].power"]


# ------------------------------------------------------------ resale at most the price

def test_a_resale_value_is_at_most_the_price_on_the_form(tmp_path: Path) -> None:
    """Review 4 #10: the resale row said '≥ 0', Excel took 9 000 beside a price of 8 300 and
    the preliminary LCC counted it."""
    src = EXAMPLES / "it-equipment.toml"
    tender = load_tender(src)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx", tender_file=src)
    rows = rows_of(xlsx)
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Bid"]
    resale, price = rows["resale_value"], rows["price"]
    assert ws.cell(resale, 6).value.startswith("≥ 0; at most the price; ")
    rules = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert rules[f"D{resale}"] == (f"AND(ISNUMBER(D{resale}),D{resale}>=0,"
                                   f"OR(NOT(ISNUMBER(D{price})),D{resale}<=D{price}))")
    live = wb["Your LCC"]
    cells = {c.coordinate: c.value for row in live.iter_rows() for c in row
             if c.data_type == "f"}
    refs = {k: f"Bid!$D${r}" for k, r in rows.items()}
    values = {"price": 8300.0, "tec": 18.0, "resale_value": 9000.0, "maintenance": 250.0}
    shown = evaluate_sheet(cells, "B3", values, refs)
    assert isinstance(shown, str) and shown.startswith("not computed: 'Resale value per unit' is "
                                                       "more than the price")
    honest = dict(values, resale_value=1400.0)
    bid = read_bid_form(tender, fill(xlsx, {"bidder": "B", **honest}, "b.xlsx"))
    assert evaluate_sheet(cells, "B3", honest, refs) == pytest.approx(lcc_of(bid, tender),
                                                                      abs=1.0)


def test_a_resale_in_tkr_beside_a_price_in_sek_is_compared_in_one_unit() -> None:
    tender = _calc("it_equipment", 'units = 10\nlife = "4 yr"\n'
                   'electricity_price = "1.5 SEK/kWh"', 'resale_value = "tkr"')
    form = bid_form(tender)
    resale = form.field("resale_value")
    assert (resale.unit, resale.at_most, resale.at_most_scale) == ("tkr", "price", 1000.0)


def test_like_asks_an_input_written_as_the_alternatives_parameter_within_its_range(
        tmp_path: Path) -> None:
    """The pumps' efficiency = 0.88 (no unit) is a bidder's row, bounded by the calculator;
    written as a parameter of the model alternative, its row is bounded by the parameter's low
    and high."""
    text = (EXAMPLES / "pumps.toml").read_text(encoding="utf-8")
    assert "\nefficiency = 0.88" in text
    text = text.replace("\nefficiency = 0.88", '\nefficiency = { parameter = "eff" }', 1)
    at = text.index("[alternatives.inputs]")
    text = text[:at] + "[alternatives.parameters.eff]\nvalue = 0.88\nlow = 0.8\nhigh = 0.95\n\n" \
        + text[at:]
    tender = loads_tender(text, source="pumps.toml", base_dir=EXAMPLES)
    plain = bid_form(load_tender(EXAMPLES / "pumps.toml")).field("efficiency")
    assert (plain.minimum, plain.maximum) == (0.0, 1.0)  # the calculator's own bounds
    row = bid_form(tender).field("efficiency")
    assert (row.minimum, row.maximum) == (0.8, 0.95)


def test_a_calculators_refusal_is_placed_at_the_row_it_comes_from() -> None:
    """Review 4 #6, review 5 #7: the reader placed a calculator's refusal (its field names the
    calculator, not the input) at the bidder's name. rows_of_error finds the input's row: the
    one whose value, put back to the form's trial value, lets the bid build."""
    from lcc.bidform._spec import rows_of_error

    tender = _calc("refurbished_vs_new", CHAIRS, "")
    form = bid_form(tender)
    bid = {"condition": "refurbished", "price": "2500 SEK", "life": "8 yr",
           "transport": "100 SEK", "resale_value": "100 SEK", "embodied_co2e": "90 kg",
           "maintenance": "50 SEK/yr", "units": 40}
    assert rows_of_error(form, bid) == [f.key for f in form.fields[1:]]  # builds anyway
    with pytest.raises(lcc.LCCError) as info:  # the model's field: the calculator's name
        lcc.templates.get("refurbished_vs_new").alternative("x", **dict(bid, life="40000 h"))
    assert info.value.field == "refurbished_vs_new"
    assert rows_of_error(form, dict(bid, life="40000 h")) == ["life"]


def test_lcc_bid_form_prints_the_forms_notes(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """The notes were in the API only (``bid_form(tender).notes``): the buyer who runs the
    command now sees which rows come from literal values of the model alternative."""
    from lcc.cli import main

    src = tmp_path / "fans.toml"
    src.write_text(HEAD + '''
[bid_form]
like = "Fans"
[[alternatives]]
name = "Fans"
[[alternatives.items]]
type = "Energy"
label = "Electricity"
power = "1.2 kW"
hours = "6000 h/yr"
price = "1.5 SEK/kWh"
''', encoding="utf-8")
    assert main(["bid-form", str(src), "-o", str(tmp_path / "f.xlsx")]) == 0
    err = capsys.readouterr().err
    assert err.startswith("lcc: note: the form asks every bidder for 3 values that the "
                          "alternative 'Fans' writes as literal values with a unit: ")
    assert "Electricity: operating hours per year = 6000 h/yr" in err


def test_the_reader_places_a_calculators_refusal_at_the_row_it_comes_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A refusal from inside a calculator's items names the calculator, not an input; the
    reader put it at the bidder's name (Bid!D6). It now goes to the row whose value, put back
    to the form's trial value, lets the bid build (rows_of_error): here a life of 7 years,
    which this stand-in calculator refuses by its own name."""
    tender = _calc("refurbished_vs_new", CHAIRS, "")
    form = bid_form(tender)
    module = lcc.templates.get("refurbished_vs_new")
    real = module.alternative

    def refusing(name: str, **inputs: Any) -> Any:
        if str(inputs.get("life")).startswith("7"):
            raise lcc.LCCError("refurbished_vs_new: no seven-year lives", field=module.NAME,
                               code="invalid-value")
        return real(name, **inputs)

    monkeypatch.setattr(module, "alternative", refusing)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    values = {"bidder": "Chairs AB", "condition": "refurbished", "price": 2500, "life": 7,
              "transport": 100, "resale_value": 100, "embodied_co2e": 90, "maintenance": 50}
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, fill(xlsx, {k: v for k, v in values.items()
                                          if k in [f.key for f in form.fields]}, "seven.xlsx"))
    [issue] = info.value.errors
    row = [f.key for f in form.fields].index("life") + 6  # the rows start at 6 (the bidder)
    assert f"Bid!D{row}" in str(issue) and "no seven-year lives" in str(issue)


def test_the_forms_parameter_names_never_take_an_alternatives_name(tmp_path: Path) -> None:
    """A description 'Bid A: operating hours of the hall' named the buyer's parameter 'Bid A'
    on the Tender sheet (the head before the colon), which reads like a bid; the head is
    skipped where it names an alternative, as the reports do."""
    import openpyxl

    tender = loads_tender(HEAD + '''
[parameters.hall_hours]
value = "3000 h/yr"
description = "Bid A: operating hours of the hall"
[bid_form]
like = "Bid A"
[[alternatives]]
name = "Bid A"
[[alternatives.items]]
type = "Energy"
power = "1.2 kW"
hours = { parameter = "hall_hours" }
price = "1.5 SEK/kWh"
''')
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    names = [c.value for row in openpyxl.load_workbook(xlsx)["Tender"].iter_rows()
             for c in row[:1] if isinstance(c.value, str)]
    assert "Bid A" not in names
    assert "Operating hours of the hall" in names
