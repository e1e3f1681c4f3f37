"""lcc.bidform: Excel bid forms written for a tender, filled as a bidder would, read back.

Round trips compare the LCC of an imported bid with the LCC of the bid it was
filled from (rel 1e-12); every broken form gives a TenderError naming the
form's file and the sheet and cell (``Bid!D9``) with a stable code, and the
command line exits with 2 and prints the location, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from lcc._i18n import percent

openpyxl = pytest.importorskip("openpyxl")

import lcc  # noqa: E402
import lcc.io  # noqa: E402
from lcc.bidform import (  # noqa: E402
    ERROR_CODES,
    bid_form,
    read_bid_form,
    read_bid_forms,
    save_with_bids,
    write_bid_form,
)
from lcc.io import TenderError, load_tender  # noqa: E402
from lcc.templates import refurbished_vs_new, street_lighting  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "street-lighting.toml"
SWEDEN = ROOT / "examples" / "assumptions" / "sweden-2025.toml"

# rows of the form of the fixture (the model is its first alternative, 'Bid A')
ROW = {"bidder": 6, "items[0].amount": 7, "items[0].life": 8, "items[1].power": 9,
       "items[2].amount_per_year": 10}
BID_A = {"bidder": "Acme AB", "items[0].amount": 4200, "items[0].life": 20,
         "items[1].power": 38, "items[2].amount_per_year": 60}


def lcc_of(alt: lcc.Alternative, tender: Any) -> float:
    return float(lcc.evaluate(alt, tender.study).total.magnitude)


def copy_tender(tmp_path: Path, extra: str = "", *, name: str = "tender.toml",
                replace: tuple[str, str] | None = None) -> Path:
    """The fixture in tmp_path (its assumption set by absolute path), with text added."""
    text = FIXTURE.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^assumptions = ".*"$', f'assumptions = "{SWEDEN.as_posix()}"', text)
    if replace is not None:
        text = text.replace(*replace)
    path = tmp_path / name
    path.write_text(text + extra, encoding="utf-8")
    return path


def fill(form: Path, values: dict[str, Any], out: Path | None = None,
         sheet: str = "Bid") -> Path:
    """Fill a form as a bidder would: the value cell (D) of each row, found by its key (A)."""
    wb = openpyxl.load_workbook(form)
    ws = wb[sheet]
    rows = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
    for key, value in values.items():
        ws.cell(rows[key], 4).value = value
    out = out or form.with_name(form.stem + "-filled.xlsx")
    wb.save(out)
    return out


def located(exc: TenderError) -> list[tuple[str, str, str]]:
    """(file name, path, code) of every error."""
    return [(Path(e.file or "").name, e.path, e.code) for e in exc.errors]


@pytest.fixture()
def tender() -> Any:
    return load_tender(FIXTURE)


@pytest.fixture()
def form(tmp_path: Path, tender: Any) -> Path:
    return write_bid_form(tender, tmp_path / "form.xlsx", tender_file=FIXTURE)


@pytest.fixture()
def filled(form: Path) -> Path:
    return fill(form, BID_A, form.with_name("acme.xlsx"))


# ---------------------------------------------------------------------------- round trips


def test_round_trip_of_the_fixture_gives_the_lcc_of_the_toml_bid(tender: Any,
                                                                 filled: Path) -> None:
    """Filled with Bid A's values, the form's bid has Bid A's LCC (every category)."""
    bid = read_bid_form(tender, filled)
    assert bid.name == "Acme AB"
    expected = lcc.evaluate(tender.alternative("Bid A"), tender.study)
    got = lcc.evaluate(bid, tender.study)
    assert float(got.total.magnitude) == pytest.approx(float(expected.total.magnitude),
                                                       rel=1e-12)
    for cat, value in expected.by_category.items():
        assert got.by_category[cat] == pytest.approx(value, rel=1e-12)
    # the buyer's values stay the buyer's: the same parameters, not copies
    assert {p.name for p in bid.parameters()} == {p.name for p in
                                                  tender.alternative("Bid A").parameters()}


def test_the_default_form_asks_for_the_values_written_in_the_first_alternative(
        tender: Any) -> None:
    form = bid_form(tender, tender_file=FIXTURE)
    assert form.kind == "items"
    assert "first alternative 'Bid A'" in form.origin
    assert [(f.key, f.kind, f.unit, f.required) for f in form.fields] == [
        ("bidder", "text", "", True),
        ("items[0].amount", "quantity", "SEK", True),
        ("items[0].life", "quantity", "yr", True),
        ("items[1].power", "quantity", "W", True),
        ("items[2].amount_per_year", "quantity", "SEK/yr", True),
    ]
    # references to buyer parameters stay in the template
    assert form.template is not None
    energy = form.template["items"][1]
    assert energy["hours"] == {"parameter": "operating_hours"}
    assert energy["price"] == {"parameter": "electricity_price"}


BID_FORM_ITEMS = '''
[bid_form]
title = "Anbudsformulär gatubelysning"
instructions = "One form per luminaire offered."
quantity = { parameter = "light_points" }

[[bid_form.items]]
type = "Investment"
label = "Luminaire incl. installation"
amount = { bidder = "Price per luminaire incl. installation, excl. VAT", unit = "SEK" }
life = { bidder = "Service life", unit = "yr", min = 5, max = 40 }

[[bid_form.items]]
type = "Replacement"
label = "LED driver"
amount = { bidder = "Price of a new driver incl. labour", default = 650 }
every = { bidder = "Driver replacement interval", unit = "yr", default = "10 yr" }

[[bid_form.items]]
type = "Energy"
power = { bidder = "System power per luminaire", unit = "W", note = "IEC 62722-2-1" }
hours = { parameter = "operating_hours" }
price = { parameter = "electricity_price" }
escalation = { parameter = "electricity_price_escalation" }
emission_factor = { parameter = "electricity_emission_factor" }

[[bid_form.items]]
type = "Recurring"
label = "Cleaning and inspection"
amount_per_year = { bidder = "Cleaning and inspection per luminaire and year", default = 0 }
'''


def test_round_trip_with_a_bid_template_and_declared_defaults(tmp_path: Path) -> None:
    """[[bid_form.items]] with { bidder = ... }: Bid B's values give Bid B's LCC; a blank
    cell takes the tender's declared default, and the bid says so."""
    path = copy_tender(tmp_path, BID_FORM_ITEMS)
    tender = load_tender(path)
    form = bid_form(tender)
    assert [f.key for f in form.fields] == [
        "bidder", "items[0].amount", "items[0].life", "items[1].amount", "items[1].every",
        "items[2].power", "items[3].amount_per_year"]
    life = form.field("items[0].life")
    assert (life.minimum, life.maximum) == (5.0, 40.0)
    assert form.field("items[1].amount").unit == "SEK"  # the field's unit, in the currency
    assert form.field("items[3].amount_per_year").unit == "SEK/yr"
    every = form.field("items[1].every")
    assert (every.required, every.default) == (False, 10.0)
    assert life.required and life.default is None
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    ws = openpyxl.load_workbook(xlsx)["Bid"]
    assert ws["B1"].value == "Anbudsformulär gatubelysning"
    assert ws["B4"].value == "One form per luminaire offered."
    assert "10" in ws["F10"].value and "blank" in ws["F10"].value  # the default is printed
    full = fill(xlsx, {"bidder": "Bravo AB", "items[0].amount": 3600, "items[0].life": 20,
                       "items[1].amount": 650, "items[1].every": 10, "items[2].power": 44,
                       "items[3].amount_per_year": 0}, tmp_path / "bravo.xlsx")
    lean = fill(xlsx, {"bidder": "Lean AB", "items[0].amount": 3600, "items[0].life": 20,
                       "items[2].power": 44}, tmp_path / "lean.xlsx")
    bravo, lean_bid = read_bid_forms(tender, [full, lean])
    bid_b = tender.alternative("Bid B")
    assert lcc_of(bravo, tender) == pytest.approx(lcc_of(bid_b, tender), rel=1e-12)
    # blank cells gain nothing: the defaults are the full bid's values
    assert lcc_of(lean_bid, tender) == pytest.approx(lcc_of(bravo, tender), rel=1e-12)
    assert bravo.description is None
    assert "'Driver replacement interval' = 10 yr (Bid!D10)" in lean_bid.description
    assert "Bid!D9" in lean_bid.description and "Bid!D12" in lean_bid.description
    notes = "\n".join(tender.with_alternatives(bravo, lean_bid).describe())
    assert "Lean AB" in notes and "Bid!D10" in notes and "Bravo AB" not in notes


def test_a_first_year_row_takes_whole_years_from_one(tmp_path: Path) -> None:
    """The row of an annual cost's first year follows its field (a whole year of service,
    1, 2, …): the form says so and Excel takes whole numbers; 0 and 2.5 are refused at the
    cell on import, 3 gives the bid with the contract from year 3."""
    text = BID_FORM_ITEMS.replace(
        'amount_per_year = { bidder = "Cleaning and inspection per luminaire and year", '
        'default = 0 }',
        'amount_per_year = { bidder = "Cleaning and inspection per luminaire and year", '
        'default = 0 }\nstart = { bidder = "First year of the cleaning contract" }')
    tender = load_tender(copy_tender(tmp_path, text))
    row = bid_form(tender).field("items[3].start")
    assert (row.kind, row.unit, row.minimum, row.whole, row.whole_number) == \
        ("years", "yr", 1.0, True, True)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    ws = openpyxl.load_workbook(xlsx)["Bid"]
    rules = {ws.cell(int(str(dv.sqref)[1:]), 1).value: dv
             for dv in ws.data_validations.dataValidation}
    start = rules["items[3].start"]
    # at most 500, the longest study: a calendar year (2030) is refused at the cell
    assert (start.type, start.operator, start.formula1, start.formula2) == \
        ("whole", "between", "1", "500")
    values = {"bidder": "Bravo AB", "items[0].amount": 3600, "items[0].life": 20,
              "items[1].amount": 650, "items[1].every": 10, "items[2].power": 44,
              "items[3].amount_per_year": 100}
    for bad, words in ((0, "expected a value ≥ 1"), (2.5, "enter a whole number"),
                       (2030, "expected a value ≤ 500")):
        filled = fill(xlsx, {**values, "items[3].start": bad}, tmp_path / f"bad-{bad}.xlsx")
        with pytest.raises(TenderError) as info:
            read_bid_forms(tender, [filled])
        [issue] = info.value.errors
        assert issue.code == "invalid-value" and words in issue.message
    [bid] = read_bid_forms(tender, [fill(xlsx, {**values, "items[3].start": 3},
                                         tmp_path / "ok.xlsx")])
    # 100 SEK a year from year 3 instead of year 1: the LCC differs by years 1 and 2, for
    # every luminaire (the bid's quantity)
    [bid1] = read_bid_forms(tender, [fill(xlsx, {**values, "items[3].start": 1},
                                          tmp_path / "one.xlsx")])
    early = lcc.Alternative("x", lcc.Recurring("100 SEK/yr", start=1, end=2),
                            quantity=bid1.quantity)
    assert lcc_of(bid1, tender) - lcc_of(bid, tender) == pytest.approx(lcc_of(early, tender),
                                                                        rel=1e-9)
    assert lcc_of(early, tender) > 0


def test_an_optional_value_without_a_default_is_refused_in_the_tender(tmp_path: Path) -> None:
    """required = false without a default would let a blank cell lower the LCC."""
    text = BID_FORM_ITEMS.replace('every = { bidder = "Driver replacement interval", unit = '
                                  '"yr", default = "10 yr" }', 'every = { bidder = "Driver '
                                  'replacement interval", unit = "yr", required = false }')
    path = copy_tender(tmp_path, text)
    with pytest.raises(TenderError) as info:
        bid_form(load_tender(path))
    assert [(e.code, e.path) for e in info.value.errors] == [
        ("invalid-value", "bid_form.items[1].every.required")]
    bad = BID_FORM_ITEMS.replace('default = "10 yr"', 'default = "10 h"')
    with pytest.raises(TenderError) as info:
        bid_form(load_tender(copy_tender(tmp_path, bad)))
    assert [(e.code, e.path) for e in info.value.errors] == [
        ("wrong-type", "bid_form.items[1].every.default")]


def test_like_another_alternative_asks_for_its_bidder_parameters(tmp_path: Path) -> None:
    """like = "Bid B": its own values and its bidder parameter are the bidder's rows."""
    path = copy_tender(tmp_path, '\n[bid_form]\nlike = "Bid B"\n')
    tender = load_tender(path)
    form = bid_form(tender)
    # the bidder parameter is one row of its own, bounded by its range (review 6, finding 8)
    assert [f.key for f in form.fields] == ["bidder", "items[0].amount", "items[0].life",
                                            "parameters.driver_replacement", "items[1].every",
                                            "items[2].power"]
    driver = form.field("parameters.driver_replacement")
    assert driver.unit == "SEK" and driver.label == "The bidder's price for a new driver"
    assert (driver.minimum, driver.maximum) == (500.0, 900.0)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    done = fill(xlsx, {"bidder": "B2", "items[0].amount": 3600, "items[0].life": 20,
                       "parameters.driver_replacement": 650, "items[1].every": 10,
                       "items[2].power": 44})
    bid = read_bid_form(tender, done)
    assert lcc_of(bid, tender) == pytest.approx(lcc_of(tender.alternative("Bid B"), tender),
                                                rel=1e-12)
    # the bid keeps Bid B's parameter under a name of its own (the parameter's and the
    # bid's, so the bids and Bid B stand in one tender), with the bidder's value and the
    # range the form allowed
    own = {p.name: p for p in bid.parameters() if p.role == "bidder"}
    assert list(own) == ["driver_replacement_b2"]
    assert (str(own["driver_replacement_b2"].low), str(own["driver_replacement_b2"].high)) == \
        ("500 SEK", "900 SEK")


CALCULATOR = '''\
name = "Street lighting, calculator"
reference = "Dnr 2025/0200"

[study]
period = "20 yr"
discount_rate = 0.035

[parameters.operating_hours]
value = "4100 h/yr"
description = "Drifttid"

[parameters.electricity_price]
value = "1.2 SEK/kWh"
description = "Elpris"

[[alternatives]]
name = "Existing HPS"
[[alternatives.items]]
type = "Energy"
power = "118 W"
hours = { parameter = "operating_hours" }
price = { parameter = "electricity_price" }

[bid_form]
template = "street_lighting"

[bid_form.inputs]
operating_hours = { parameter = "operating_hours" }
electricity_price = { parameter = "electricity_price" }
escalation = 0.01

[bid_form.units]
life = "h"
'''

CALC_BID = {"luminaires": 250, "power": "45 W", "price": "4950 SEK", "control_savings": 0.2,
            "maintenance": "40 SEK/yr", "life": "100000 h"}
CALC_FORM = {"bidder": "Lumen AB", "luminaires": 250, "power": 45, "price": 4950,
             "control_savings": 0.2, "maintenance": 40, "life": 100000}


@pytest.fixture()
def calc(tmp_path: Path) -> tuple[Any, Path]:
    path = tmp_path / "calc.toml"
    path.write_text(CALCULATOR, encoding="utf-8")
    tender = load_tender(path)
    return tender, write_bid_form(tender, tmp_path / "calc.xlsx")


def test_round_trip_of_a_calculator_tender(calc: tuple[Any, Path]) -> None:
    """template = "street_lighting": the calculator's bidder inputs are the rows; the bid
    read back has the LCC of the calculator's alternative with the same inputs."""
    tender, xlsx = calc
    form = bid_form(tender)
    assert form.kind == "calculator" and form.calculator == "street_lighting"
    assert [(f.key, f.kind, f.unit, f.required) for f in form.fields] == [
        ("bidder", "text", "", True), ("luminaires", "count", "", True),
        ("power", "quantity", "W", True), ("price", "quantity", "SEK", True),
        ("control_savings", "number", "", False), ("maintenance", "quantity", "SEK/yr", True),
        ("life", "quantity", "h", True)]
    # an optional input of the calculator keeps the calculator's documented default (printed
    # on the form); one without a default is required: a blank must not lower the LCC
    assert form.field("control_savings").default == 0.0
    bid = read_bid_form(tender, fill(xlsx, CALC_FORM))
    expected = street_lighting.alternative(
        "Lumen AB", **CALC_BID, operating_hours=tender.parameter("operating_hours"),
        electricity_price=tender.parameter("electricity_price"), escalation=0.01)
    assert bid.name == "Lumen AB"
    assert lcc_of(bid, tender) == pytest.approx(lcc_of(expected, tender), rel=1e-12)
    short = fill(xlsx, dict(CALC_FORM, bidder="Short AB", control_savings=None),
                 xlsx.with_name("short.xlsx"))
    plain = street_lighting.alternative(
        "Short AB", **dict(CALC_BID, control_savings=0.0),
        operating_hours=tender.parameter("operating_hours"),
        electricity_price=tender.parameter("electricity_price"), escalation=0.01)
    got = read_bid_form(tender, short)
    assert lcc_of(got, tender) == pytest.approx(lcc_of(plain, tender), rel=1e-12)
    assert "'Energy saved by controls' = 0" in got.description
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, fill(xlsx, dict(CALC_FORM, maintenance=None),
                                   xlsx.with_name("lean.xlsx")))
    assert [e.code for e in info.value.errors] == ["missing-value"]


def test_a_calculator_bid_in_the_tender_file_is_the_model_of_the_form(tmp_path: Path) -> None:
    """An alternative with template = "..." and inputs: its calculator's bidder inputs are
    asked; its buyer inputs (and inputs that refer to buyer parameters) are kept."""
    text = CALCULATOR.split("[[alternatives]]")[0] + '''
[[alternatives]]
name = "LED A"
template = "street_lighting"
[alternatives.inputs]
luminaires = 250
power = "45 W"
price = "4950 SEK"
control_savings = 0.2
maintenance = "40 SEK/yr"
life = "100000 h"
operating_hours = { parameter = "operating_hours" }
electricity_price = { parameter = "electricity_price" }
escalation = 0.01
'''
    path = tmp_path / "templated.toml"
    path.write_text(text, encoding="utf-8")
    try:
        tender = load_tender(path)
    except TenderError as exc:  # pragma: no cover - before template alternatives existed
        if "unknown-template" in exc.codes:
            pytest.skip("tender files do not take template alternatives yet")
        raise
    form = bid_form(tender)
    assert form.kind == "calculator" and "'LED A'" in form.origin
    # every bidder input of the calculator is a row, with a unit or without (the design's
    # luminaires, the controls' share); a value with a unit in the unit as written (life in h)
    assert [f.key for f in form.fields] == ["bidder", "luminaires", "power", "price",
                                            "control_savings", "maintenance", "life"]
    assert form.field("life").unit == "h"
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    bid = read_bid_form(tender, fill(xlsx, dict(CALC_FORM, life=90000)))
    expected = street_lighting.alternative(
        "x", **{**CALC_BID, "life": "90000 h"},
        operating_hours=tender.parameter("operating_hours"),
        electricity_price=tender.parameter("electricity_price"), escalation=0.01)
    assert lcc_of(bid, tender) == pytest.approx(lcc_of(expected, tender), rel=1e-12)


REFURBISHED = '''\
name = "Office chairs"
[study]
period = "10 yr"
discount_rate = 0.03
[[alternatives]]
name = "Budget"
[[alternatives.items]]
type = "Investment"
amount = "1000 SEK"
[bid_form]
template = "refurbished_vs_new"
[bid_form.inputs]
units = 40
'''


def test_a_calculator_choice_is_a_list_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "chairs.toml"
    path.write_text(REFURBISHED, encoding="utf-8")
    tender = load_tender(path)
    xlsx = write_bid_form(tender, tmp_path / "chairs.xlsx")
    ws = openpyxl.load_workbook(xlsx)["Bid"]
    keys = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1
    assert lists[0].formula1 == '"new,refurbished"'
    assert str(lists[0].sqref) == f"D{keys['condition']}"
    given = {"transport": 50, "embodied_co2e": 12, "maintenance": 30}
    done = fill(xlsx, {"bidder": "ReChair", "condition": "Refurbished", "price": 1800,
                       "life": 8, "resale_value": 200, **given})
    bid = read_bid_form(tender, done)
    expected = refurbished_vs_new.alternative("ReChair", condition="refurbished",
                                              price="1800 SEK", life="8 yr",
                                              resale_value="200 SEK", units=40,
                                              transport="50 SEK", embodied_co2e="12 kg",
                                              maintenance="30 SEK/yr")
    assert lcc_of(bid, tender) == pytest.approx(lcc_of(expected, tender), rel=1e-12)
    wrong = fill(xlsx, {"bidder": "X", "condition": "used", "price": 1800, "life": 8,
                        "resale_value": 0, **given}, tmp_path / "wrong.xlsx")
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, wrong)
    assert located(info.value) == [("wrong.xlsx", f"Bid!D{keys['condition']}",
                                    "invalid-value")]


def test_swedish_form_round_trip(tmp_path: Path, tender: Any) -> None:
    xlsx = write_bid_form(tender, tmp_path / "anbud.xlsx", lang="sv", tender_file=FIXTURE)
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["Upphandling", "Anbud", "Ert LCC", "lcc"]
    assert wb["Anbud"]["D5"].value == "Ert värde"
    assert "livslängd" in wb["Anbud"]["B8"].value
    done = fill(xlsx, BID_A, sheet="Anbud")
    bid = read_bid_form(tender, done, tender_file=FIXTURE)
    assert lcc_of(bid, tender) == pytest.approx(lcc_of(tender.alternative("Bid A"), tender),
                                                rel=1e-12)
    wb = openpyxl.load_workbook(done)
    wb["Anbud"]["D9"] = "38 W"
    wb.save(done)
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, done, tender_file=FIXTURE)
    assert located(info.value) == [(done.name, "Anbud!D9", "wrong-type")]


# ---------------------------------------------------------------------------- the workbook


def test_sheets_are_protected_and_only_the_bidders_cells_are_open(form: Path) -> None:
    wb = openpyxl.load_workbook(form)
    assert wb.sheetnames == ["Tender", "Bid", "Your LCC", "lcc"]
    assert wb.active.title == "Bid"
    assert wb.security.lockStructure
    for name in wb.sheetnames:
        assert wb[name].protection.sheet, name
    assert wb["lcc"].sheet_state == "veryHidden"
    ws = wb["Bid"]
    assert ws.column_dimensions["A"].hidden  # the row keys
    assert [ws.cell(5, c).value for c in range(1, 7)] == [
        "key", "Value to give", "Unit", "Your value", "Required", "Explanation"]
    open_cells = [c.coordinate for row in ws.iter_rows(min_row=1, max_row=ws.max_row,
                                                       max_col=8)
                  for c in row if not c.protection.locked]
    assert open_cells == ["D6", "D7", "D8", "D9", "D10"]
    for coordinate in open_cells:
        assert ws[coordinate].fill.fgColor.rgb.endswith("FFF2CC")  # highlighted
    assert [ws.cell(r, 3).value for r in range(7, 11)] == ["SEK", "yr", "W", "SEK/yr"]
    assert all(c.protection.locked for c in wb["Tender"]["A"])


def test_every_input_cell_is_validated(form: Path) -> None:
    ws = openpyxl.load_workbook(form)["Bid"]
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert set(rules) == {"D6", "D7", "D8", "D9", "D10"}
    name = rules["D6"]
    assert (name.type, name.operator, name.formula1, name.formula2) == \
        ("textLength", "between", "1", "200")
    for cell in ("D7", "D8", "D9", "D10"):
        dv = rules[cell]
        # a service life is more than 0 and at most 500 years, as Investment.life says (a
        # life in years above the longest study is hours typed into a field of years); a
        # price may be 0
        if cell == "D8":
            assert (dv.type, dv.formula1) == ("custom", "AND(ISNUMBER(D8),D8>0,D8<=500)")
        else:
            assert (dv.type, dv.operator, dv.formula1) == \
                ("decimal", "greaterThanOrEqual", "0")
        assert dv.showErrorMessage and dv.errorStyle == "stop"
        assert not dv.allow_blank
    assert "W" in rules["D9"].error and "≥ 0" in rules["D9"].prompt
    assert "over 0, at most 500" in rules["D8"].prompt
    assert "over 0, at most 500" in rules["D8"].error


def test_a_life_row_refuses_zero_as_the_model_does(tmp_path: Path, tender: Any,
                                                   form: Path) -> None:
    """The form's bound is the field's: Investment.life is more than 0 years, so the row
    says '> 0', Excel refuses 0, and an import of 0 names the bound at its cell."""
    row = bid_form(tender, tender_file=FIXTURE).field("items[0].life")
    assert (row.minimum, row.exclusive) == (0.0, True)
    assert bid_form(tender, tender_file=FIXTURE).field("items[0].amount").exclusive is False
    bad = fill(form, {**BID_A, "items[0].life": 0}, tmp_path / "zero-life.xlsx")
    with pytest.raises(TenderError) as info:
        read_bid_forms(tender, [bad], tender_file=FIXTURE)
    [issue] = info.value.errors
    assert (issue.path, issue.code) == ("Bid!D8", "invalid-value")
    assert "got 0; expected a value > 0" in issue.message
    ok = fill(form, {**BID_A, "items[0].life": 0.5}, tmp_path / "half-year.xlsx")
    [bid] = read_bid_forms(tender, [ok], tender_file=FIXTURE)
    assert bid.items[0].life == "0.5 yr"
    # a datasheet's rated life in hours typed into the row of years: 50 000 years would
    # credit back almost the whole price as residual value; refused at its cell
    assert bid_form(tender, tender_file=FIXTURE).field("items[0].life").maximum == 500.0
    hours = fill(form, {**BID_A, "items[0].life": 50000}, tmp_path / "hours.xlsx")
    with pytest.raises(TenderError) as info:
        read_bid_forms(tender, [hours], tender_file=FIXTURE)
    [issue] = info.value.errors
    assert (issue.path, issue.code) == ("Bid!D8", "invalid-value")
    assert "got 50000; expected a value ≤ 500" in issue.message


def test_bounds_and_whole_numbers_are_validated(calc: tuple[Any, Path]) -> None:
    ws = openpyxl.load_workbook(calc[1])["Bid"]
    rules = {ws.cell(int(str(dv.sqref)[1:]), 1).value: dv
             for dv in ws.data_validations.dataValidation}
    assert (rules["luminaires"].type, rules["luminaires"].operator) == \
        ("whole", "greaterThan")  # the model's count is > 0
    share = rules["control_savings"]
    assert (share.type, share.operator, share.formula1, share.formula2) == \
        ("decimal", "between", "0", "1")
    assert share.allow_blank  # optional


def test_metadata_ties_the_form_to_the_tender_file(form: Path, tender: Any) -> None:
    ws = openpyxl.load_workbook(form)["lcc"]
    meta = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)}
    assert meta["format"] == "lcc.bidform/2"
    assert meta["tender_name"] == tender.name == "Street lighting 2025"
    assert meta["tender_file"] == "street-lighting.toml"
    assert meta["tender_sha256"] == hashlib.sha256(FIXTURE.read_bytes()).hexdigest()
    assert meta["lcc_version"] == lcc.__version__
    assert meta["lang"] == "en"
    from lcc._i18n import document_date

    date = document_date()  # no wall-clock time: the date comes from SOURCE_DATE_EPOCH
    assert (meta["created"] or None) == (date.isoformat() if date else None)


def test_the_tender_sheet_states_parameters_assumptions_and_method(form: Path,
                                                                  tender: Any) -> None:
    ws = openpyxl.load_workbook(form)["Tender"]
    rows = [[c.value for c in row] for row in ws.iter_rows(max_col=8)]
    by_name = {r[0]: r for r in rows if isinstance(r[0], str)}
    first: dict[str, list[Any]] = {}
    for r in rows:  # a parameter's own row (an override below names it again)
        if isinstance(r[0], str):
            first.setdefault(r[0], r)
    text = "\n".join(str(v) for r in rows for v in r if v is not None)
    # the buyer's parameters with value, unit, range, description
    assert first["Operating hours"][1:5] == [4100, "h/yr", 3800, 4400]
    assert first["Operating hours"][5] == "Drifttid: dusk to dawn"
    assert first["Electricity price"][1:3] == [1.2, "SEK/kWh"]
    assert first["Discount rate"][1] == 0.035
    assert by_name["Study period"][1:3] == [20, "yr"]
    # the assumption set, its sources and the override with its reason
    assert by_name["Name"][1] == "sweden-2025" and by_name["Version"][1] == "1.0"
    assert "asek-7" in by_name and "uhm-parametrar" in by_name
    assert "Fixed-price electricity contract 2025–2029" in text
    # the method and what the bidder gives
    assert f"amount × (1 + d)^−t, where d = {percent(0.035, 'en')} is the real discount rate" \
        in text
    assert "study period of 20 years" in text
    assert "your value (Bid!D7)" in text and "your value (Bid!D9)" in text
    assert "the buyer's parameter Operating hours (4100 h/yr)" in text
    assert hashlib.sha256(FIXTURE.read_bytes()).hexdigest() in text


def test_write_refuses_other_suffixes_and_languages(tmp_path: Path, tender: Any) -> None:
    with pytest.raises(lcc.LCCError, match=r"\.xlsx"):
        write_bid_form(tender, tmp_path / "form.xls")
    with pytest.raises(lcc.LCCError, match="lang"):
        write_bid_form(tender, tmp_path / "form.xlsx", lang="de")


# ---------------------------------------------------------------------------- broken forms


def _edit(path: Path, change: Any, out: Path | None = None) -> Path:
    wb = openpyxl.load_workbook(path)
    change(wb)
    out = out or path
    wb.save(out)
    return out


def _set(cell: str, value: Any, sheet: str = "Bid") -> Any:
    def change(wb: Any) -> None:
        wb[sheet][cell].value = value
    return change


BROKEN: list[tuple[str, Any, list[tuple[str, str]]]] = [
    ("text with a unit", _set("D9", "38 W"), [("Bid!D9", "wrong-type")]),
    ("a number stored as text", _set("D7", "4200"), [("Bid!D7", "wrong-type")]),
    ("a date", _set("D7", dt.datetime(2025, 1, 1)), [("Bid!D7", "wrong-type")]),
    ("TRUE", _set("D7", True), [("Bid!D7", "wrong-type")]),
    ("an Excel error", _set("D7", "#DIV/0!"), [("Bid!D7", "wrong-type")]),
    ("a negative price", _set("D7", -1), [("Bid!D7", "invalid-value")]),
    ("an empty required cell", _set("D10", None), [("Bid!D10", "missing-value")]),
    ("an empty name", _set("D6", "  "), [("Bid!D6", "missing-value")]),
    ("a life the model refuses", _set("D8", 0), [("Bid!D8", "invalid-value")]),
    ("a formula without a value", _set("D9", "=19*2"), [("Bid!D9", "formula-without-value")]),
    ("a changed unit", _set("C9", "kW"), [("Bid!C9", "wrong-unit")]),
    # the hidden keys of two rows swapped: each value would be read as the other row's
    # while every label, unit and value stays where the bidder and the buyer see it
    ("keys swapped", lambda wb: [_set(cell, key)(wb) for cell, key in (
        ("A7", wb["Bid"]["A10"].value), ("A10", wb["Bid"]["A7"].value))],
     [("Bid!A7", "changed-text"), ("Bid!A10", "changed-text")]),
    ("a deleted row", lambda wb: wb["Bid"].delete_rows(8), [("Bid!A8", "missing-row")]),
    ("a row below the form", _set("B12", "Discount 5 %"), [("Bid!B12", "extra-row")]),
    ("a value beside the form", _set("H7", "incl. freight"), [("Bid!H7", "extra-cell")]),
    ("an extra sheet", lambda wb: wb.create_sheet("Attachment"),
     [("Attachment", "extra-sheet")]),
    ("the hidden sheet removed", lambda wb: wb.remove(wb["lcc"]), [("lcc", "missing-sheet")]),
    ("the bid sheet removed", lambda wb: wb.remove(wb["Bid"]), [("Bid", "missing-sheet")]),
    ("the own LCC sheet removed", lambda wb: wb.remove(wb["Your LCC"]),
     [("Your LCC", "missing-sheet")]),
    ("several problems at once",
     lambda wb: [_set("D9", "38 W")(wb), _set("D7", -5)(wb), _set("D10", None)(wb)],
     [("Bid!D7", "invalid-value"), ("Bid!D9", "wrong-type"), ("Bid!D10", "missing-value")]),
]


@pytest.mark.parametrize(("case", "change", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_form_names_file_sheet_and_cell(case: str, change: Any,
                                                 expected: list[tuple[str, str]],
                                                 tender: Any, filled: Path) -> None:
    _edit(filled, change)
    with pytest.raises(TenderError) as info:
        read_bid_forms(tender, [filled], tender_file=FIXTURE)
    assert located(info.value) == [("acme.xlsx", path, code) for path, code in expected]
    assert all(e.code in ERROR_CODES for e in info.value.errors)
    assert all(e.file == str(filled) for e in info.value.errors)
    assert all(e.path for e in info.value.errors)


def test_a_message_names_the_value_and_what_to_do(tender: Any, filled: Path) -> None:
    _edit(filled, _set("D9", "38 W"))
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, filled)
    text = str(info.value)
    assert text.startswith(f"{filled}: Bid!D9: 'Energy: power' [W]: got the text '38 W'")
    assert "write the number only" in text and text.endswith("[wrong-type]")


HARMLESS = [
    ('description = "LED luminaires for 400 light points; bidders give price, power and '
     'maintenance."', 'description = "LED luminaires; corrected after publication."'),
    ("# Buyer (internal) parameters", "# A new comment.\n# Buyer (internal) parameters"),
    ('value = "4100 h/yr"\nlow = "3800 h/yr"', 'low = "3800 h/yr"\nvalue = "4100 h/yr"'),
    ('description = "Drifttid: dusk to dawn"', 'description = "Drifttid, kväll till gryning"'),
    ('label = "Luminaire incl. installation"', 'label = "LED luminaire"'),
    ('name = "Street lighting 2025"', 'name = "Street lighting 2025 (rättad)"'),
]


@pytest.mark.parametrize(("old", "new"), HARMLESS)
def test_harmless_edits_of_the_tender_keep_returned_forms_importable(
        tmp_path: Path, old: str, new: str) -> None:
    """The form records what decides the evaluation, not the file's bytes."""
    path = copy_tender(tmp_path)
    xlsx = fill(write_bid_form(load_tender(path), tmp_path / "v1.xlsx"), BID_A)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    edited = load_tender(path)
    bid = read_bid_form(edited, xlsx)
    assert lcc_of(bid, edited) == pytest.approx(lcc_of(edited.alternative("Bid A"), edited),
                                                rel=1e-12)


@pytest.mark.parametrize(("old", "new", "named"), [
    ('value = "1.2 SEK/kWh"', 'value = "1.3 SEK/kWh"',
     'parameters.electricity_price.value: "1.2 SEK/kWh" → "1.3 SEK/kWh"'),
    ('period = "20 yr"', 'period = "25 yr"', 'study.period: "20 yr" → "25 yr"'),
    ('high = "4400 h/yr"', 'high = "4600 h/yr"', "parameters.operating_hours.high"),
    ('amount_per_year = "60 SEK/yr"', 'amount_per_year = "60 SEK/yr"\nescalation = 0.01',
     "bid_form.items[2].escalation: (none) → 0.01"),
])
def test_a_change_that_alters_the_evaluation_is_refused_and_named(
        tmp_path: Path, old: str, new: str, named: str) -> None:
    path = copy_tender(tmp_path)
    xlsx = fill(write_bid_form(load_tender(path), tmp_path / "v1.xlsx"), BID_A)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(TenderError) as info:
        read_bid_forms(load_tender(path), [xlsx])
    assert located(info.value) == [(xlsx.name, "lcc!B13", "other-tender")]
    assert named in info.value.errors[0].message


@pytest.mark.parametrize(("name", "content", "code"), [
    ("bid.csv", b"bidder;price\nAcme;4200\n", "unsupported-format"),
    ("bid.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "unsupported-format"),
    ("bid.ods", b"PK\x03\x04", "unsupported-format"),
    ("bid.xlsx", b"this is not a workbook", "parse-error"),
    ("bid.xlsx", b"", "parse-error"),
])
def test_files_that_are_not_xlsx_forms_are_refused(tmp_path: Path, tender: Any, name: str,
                                                    content: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TenderError) as info:
        read_bid_forms(tender, [path])
    assert located(info.value) == [(name, "", code)]


def test_truncated_and_damaged_workbooks_are_refused(tmp_path: Path, tender: Any,
                                                     filled: Path) -> None:
    data = filled.read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    zipped = tmp_path / "zip.xlsx"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(filled) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "xl/workbook.xml":
                body = body[:40]
            dst.writestr(item, body)
    with pytest.raises(TenderError) as info:
        read_bid_forms(tender, [cut, zipped, damaged, tmp_path / "missing.xlsx"])
    assert located(info.value) == [("cut.xlsx", "", "parse-error"),
                                   ("zip.xlsx", "", "parse-error"),
                                   ("damaged.xlsx", "", "parse-error"),
                                   ("missing.xlsx", "", "missing-file")]


def test_bid_names_must_be_unique(tmp_path: Path, tender: Any, form: Path) -> None:
    a = fill(form, BID_A, tmp_path / "a.xlsx")
    b = fill(form, BID_A, tmp_path / "b.xlsx")
    c = fill(form, dict(BID_A, bidder="Bid A"), tmp_path / "c.xlsx")
    with pytest.raises(TenderError) as info:
        read_bid_forms(tender, [a, b, c])
    assert located(info.value) == [("b.xlsx", "Bid!D6", "duplicate-name"),
                                   ("c.xlsx", "Bid!D6", "duplicate-name")]


def test_bid_names_alike_but_for_letter_case_or_lookalike_letters_are_one_name(
        tmp_path: Path, tender: Any, form: Path) -> None:
    """'ACME ab' and 'Аcme AB' (a Cyrillic А) were two bids beside 'Acme AB': the second
    reads as the first in every table of the award; a bid named like the tender's 'Bid A'
    in small letters was a bid of its own."""
    names = ["Acme AB", "ACME ab", "\u0410cme AB", "Αcme AB", "bid a", "Acme AB 2",
             "ООО РОМАШКА", "ооо ромашка", "ΜΗΤΡΟ ΑΕ", "Μητρο ΑΕ", "ВАNK"]
    paths = [fill(form, dict(BID_A, bidder=n), tmp_path / f"{i}.xlsx")
             for i, n in enumerate(names)]
    with pytest.raises(TenderError) as info:
        read_bid_forms(tender, paths)
    assert located(info.value) == [(f"{i}.xlsx", "Bid!D6", "duplicate-name")
                                   for i in (1, 2, 3, 4, 7, 9)]
    assert "the bid name 'ACME ab' is already used by the form " in info.value.errors[0].message
    assert "is already used by an alternative of the tender" in info.value.errors[3].message


def test_counts_must_be_whole_and_bounds_hold(calc: tuple[Any, Path]) -> None:
    tender, xlsx = calc
    bad = fill(xlsx, dict(CALC_FORM, luminaires=12.5, control_savings=1.5))
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, bad)
    assert located(info.value) == [(bad.name, "Bid!D7", "invalid-value"),
                                   (bad.name, "Bid!D10", "invalid-value")]
    assert "whole number" in info.value.errors[0].message
    assert "≤ 1" in info.value.errors[1].message


@pytest.mark.parametrize(("formula", "saved"), [("19*2", "38"), ("2*3000", "38")])
def test_a_formula_in_a_value_cell_is_refused_even_with_a_saved_value(
        tender: Any, filled: Path, tmp_path: Path, formula: str, saved: str) -> None:
    """lcc reads the value Excel saved with a cell and never calculates; a formula's saved
    value need not be what the buyer's spreadsheet shows (a workbook marked to calculate
    when opened shows 6000 for '=2*3000' saved as 38), so a value cell takes the value
    itself: a price the buyer sees and the price evaluated are one figure."""
    out = tmp_path / "formula.xlsx"
    with zipfile.ZipFile(filled) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "xl/worksheets/sheet2.xml":
                text = body.decode("utf-8")
                text, n = re.subn(r'<c r="D9"([^>]*)><v>38</v></c>',
                                  rf'<c r="D9"\1><f>{formula}</f><v>{saved}</v></c>', text)
                assert n == 1
                body = text.encode("utf-8")
            dst.writestr(item, body)
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, out)
    assert located(info.value) == [(out.name, "Bid!D9", "wrong-type")]
    assert f"holds the formula '={formula}' (saved as 38); a value cell takes the value " \
           "itself" in info.value.errors[0].message


def _as_xlsm(xlsx: Path, out: Path) -> Path:
    """A macro-enabled copy: the macro content type and a VBA project part."""
    with zipfile.ZipFile(xlsx) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "[Content_Types].xml":
                text = body.decode("utf-8").replace(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                text = text.replace("<Default ", '<Default Extension="bin" ContentType='
                                    '"application/vnd.ms-office.vbaProject"/><Default ', 1)
                body = text.encode("utf-8")
            if item.filename == "xl/_rels/workbook.xml.rels":
                body = body.replace(b"</Relationships>", b'<Relationship Id="rIdVBA" Type='
                                    b'"http://schemas.microsoft.com/office/2006/relationships/'
                                    b'vbaProject" Target="vbaProject.bin"/></Relationships>')
            dst.writestr(item, body)
        dst.writestr("xl/vbaProject.bin", b"Attribute VB_Name = \"Module1\"\nSub Auto_Open()\n"
                                          b"Shell \"rm -rf /\"\nEnd Sub\n")
    return out


def test_a_macro_enabled_form_is_read_for_its_values_only(tmp_path: Path, tender: Any,
                                                          filled: Path) -> None:
    xlsm = _as_xlsm(filled, tmp_path / "acme.xlsm")
    with zipfile.ZipFile(xlsm) as z:
        assert "xl/vbaProject.bin" in z.namelist()
    bid = read_bid_form(tender, xlsm)
    assert lcc_of(bid, tender) == pytest.approx(lcc_of(tender.alternative("Bid A"), tender),
                                                rel=1e-12)


# ---------------------------------------------------------------------------- the declaration


def _declaration_errors(tmp_path: Path, extra: str) -> list[tuple[int | None, str, str]]:
    path = copy_tender(tmp_path, extra)
    tender = load_tender(path)  # [bid_form] is part of the format
    with pytest.raises(TenderError) as info:
        bid_form(tender)
    assert all(e.file == str(path) for e in info.value.errors)
    return [(e.line, e.path, e.code) for e in info.value.errors]


def test_bid_form_declaration_errors_are_located_in_the_tender_file(tmp_path: Path) -> None:
    base = len(FIXTURE.read_text(encoding="utf-8").splitlines())
    assert _declaration_errors(tmp_path, '\n[bid_form]\nlike = "Bid C"\n') == [
        (base + 3, "bid_form.like", "invalid-value")]
    assert _declaration_errors(tmp_path, '\n[bid_form]\ntemplate = "toaster"\n') == [
        (base + 3, "bid_form.template", "unknown-template")]
    assert _declaration_errors(tmp_path, '\n[bid_form]\nlike = "Bid A"\ntemplate = "x"\n') == [
        (base + 4, "bid_form.template", "invalid-value")]
    assert _declaration_errors(tmp_path, '''
[bid_form]
[[bid_form.items]]
type = "Investment"
amount = { bidder = "Price", unit = "kWh" }
life = { bidder = "Life", colour = "red" }
indexed = { bidder = "Indexed?" }
''') == [(base + 5, "bid_form.items[0].amount.unit", "wrong-unit"),
         (base + 6, "bid_form.items[0].life.colour", "unknown-key"),
         (base + 7, "bid_form.items[0].indexed", "wrong-type")]
    assert _declaration_errors(tmp_path, '''
[bid_form]
template = "street_lighting"
[bid_form.inputs]
electricity_price = { parameter = "elpris" }
wattage = "3 W"
''') == [(base + 5, "bid_form.inputs.electricity_price.parameter", "unknown-parameter"),
         (base + 6, "bid_form.inputs.wattage", "unknown-key")]
    assert _declaration_errors(tmp_path, '''
[bid_form]
template = "street_lighting"
[bid_form.inputs]
operating_hours = { parameter = "operating_hours" }
''') == [(base + 4, "bid_form.inputs", "missing-field")]  # no electricity price


def test_a_form_that_asks_nothing_is_refused(tmp_path: Path) -> None:
    errors = _declaration_errors(tmp_path, '''
[bid_form]
[[bid_form.items]]
type = "Energy"
power = "40 W"
hours = { parameter = "operating_hours" }
price = { parameter = "electricity_price" }
''')
    assert [code for _, _, code in errors] == ["invalid-value"]


def test_the_schema_knows_bid_form() -> None:
    schema = lcc.io.json_schema()
    assert "bid_form" in schema["properties"]


# ---------------------------------------------------------------------------- saving bids


def test_save_with_bids_keeps_the_tender_file_and_adds_the_bids(tmp_path: Path) -> None:
    path = copy_tender(tmp_path, BID_FORM_ITEMS)
    tender = load_tender(path)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    done = fill(xlsx, {"bidder": "Bravo AB", "items[0].amount": 3600, "items[0].life": 20,
                       "items[2].power": 44})
    bids = read_bid_forms(tender, [done])
    out_dir = tmp_path / "evaluation"
    out_dir.mkdir()
    out = save_with_bids(tender, bids, out_dir / "with-bids.toml")
    text = out.read_text(encoding="utf-8")
    assert "# Example tender: street lighting luminaires" in text  # comments kept
    assert "[bid_form]" in text and 'name = "Bravo AB"' in text
    again = load_tender(out)
    assert [a.name for a in again.alternatives] == ["Bid A", "Bid B", "Bravo AB"]
    assert lcc_of(again.alternative("Bravo AB"), again) == pytest.approx(
        lcc_of(bids[0], tender), rel=1e-12)
    # the [bid_form] is still there: the saved tender makes the same form
    assert [f.key for f in bid_form(again).fields] == [f.key for f in bid_form(tender).fields]
    as_json = save_with_bids(tender, bids, tmp_path / "with-bids.json")
    assert [a.name for a in load_tender(as_json).alternatives][-1] == "Bravo AB"


# ---------------------------------------------------------------------------- command line


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lcc.cli", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def test_cli_bid_form_and_import_bids(tmp_path: Path, tender: Any) -> None:
    done = run("bid-form", str(FIXTURE), "-o", "form.xlsx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "form.xlsx"
    filled = fill(tmp_path / "form.xlsx", BID_A, tmp_path / "acme.xlsx")
    out = tmp_path / "with-bids.toml"
    done = run("import-bids", str(FIXTURE), str(filled), "-o", str(out), "--format", "json",
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Acme AB" in done.stdout
    expected = lcc_of(tender.alternative("Bid A"), tender)
    with_bids = load_tender(out)
    assert lcc_of(with_bids.alternative("Acme AB"), with_bids) == pytest.approx(expected,
                                                                                rel=1e-12)


def test_cli_import_bids_errors_exit_2_with_the_location(tmp_path: Path) -> None:
    assert run("bid-form", str(FIXTURE), "-o", "form.xlsx", cwd=tmp_path).returncode == 0
    bad = fill(tmp_path / "form.xlsx", dict(BID_A, **{"items[1].power": "38 W"}),
               tmp_path / "bad.xlsx")
    corrupt = tmp_path / "corrupt.xlsx"
    corrupt.write_bytes(b"PK\x03\x04 broken")
    csv = tmp_path / "bid.csv"
    csv.write_text("price;4200\n", encoding="utf-8")
    done = run("import-bids", str(FIXTURE), str(bad), str(corrupt), str(csv), cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith(f"lcc: {bad}: Bid!D9: 'Energy: power' [W]: got the text")
    assert lines[0].endswith("[wrong-type]")
    assert lines[1].startswith(f"lcc: {corrupt}: ") and lines[1].endswith("[parse-error]")
    assert lines[2].startswith(f"lcc: {csv}: ") and lines[2].endswith("[unsupported-format]")


def test_cli_bid_form_declaration_error_exits_2(tmp_path: Path) -> None:
    path = copy_tender(tmp_path, '\n[bid_form]\nlike = "Bid C"\n')
    done = run("bid-form", str(path), "-o", "form.xlsx", cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert re.search(r"tender\.toml:\d+: bid_form\.like: no alternative is named 'Bid C'",
                     done.stderr)
    done = run("bid-form", str(FIXTURE), "-o", "form.pdf", cwd=tmp_path)
    assert done.returncode == 2 and "xlsx" in done.stderr


def test_save_with_bids_of_a_calculator_tender(calc: tuple[Any, Path], tmp_path: Path) -> None:
    """An imported calculator bid is written as template + inputs and reads back the same."""
    tender, xlsx = calc
    bid = read_bid_form(tender, fill(xlsx, CALC_FORM))
    out = save_with_bids(tender, [bid], tmp_path / "out.toml")
    again = load_tender(out)
    assert 'template = "street_lighting"' in out.read_text(encoding="utf-8")
    assert lcc_of(again.alternative("Lumen AB"), again) == pytest.approx(lcc_of(bid, tender),
                                                                         rel=1e-12)


def test_like_keeps_a_bidder_parameter_that_no_row_can_hold_as_its_value(
        tmp_path: Path) -> None:
    """A residual fraction from the model bid's own parameter is kept as the bid's own
    parameter, with its value (review 6: the bid keeps the parameter, not only its value)."""
    path = copy_tender(tmp_path, '''
[[alternatives]]
name = "Bid R"
quantity = { parameter = "light_points" }
[alternatives.parameters.resale_share]
value = 0.1
[[alternatives.items]]
type = "Investment"
amount = "3000 SEK"
life = "30 yr"
residual = { parameter = "resale_share" }

[bid_form]
like = "Bid R"
''')
    tender = load_tender(path)
    form = bid_form(tender)
    assert [f.key for f in form.fields] == ["bidder", "items[0].amount", "items[0].life"]
    assert form.template is not None
    assert form.template["items"][0]["residual"] == {"parameter": "resale_share"}
    assert form.template["parameters"] == {"resale_share": {"value": 0.1}}
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    bid = read_bid_form(tender, fill(xlsx, {"bidder": "R2", "items[0].amount": 3000,
                                            "items[0].life": 30}))
    assert lcc_of(bid, tender) == pytest.approx(lcc_of(tender.alternative("Bid R"), tender),
                                                rel=1e-12)


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.toml")),
                         ids=lambda p: p.name)
def test_every_example_has_a_bid_form(tmp_path: Path, example: Path) -> None:
    """An optional bidder input that the buyer's choices make necessary (the reusable
    tableware's mass per item beside a waste fee per kg) becomes a required row."""
    tender = load_tender(example)
    out = lcc.bidform.write_bid_form(tender, tmp_path / "form.xlsx", tender_file=example)
    assert out.exists()
    form = lcc.bidform.bid_form(tender)
    if example.name == "reusable-tableware.toml":
        assert any(f.key == "mass" and f.required for f in form.fields)


def test_a_calculators_life_of_zero_is_refused_at_its_own_cell(tmp_path: Path) -> None:
    """A calculator's service life is more than 0 years, as the item it builds says: the
    row says '> 0', and a 0 is refused at the life's cell (it was reported at the bidder's
    name, from the luminaire item the calculator built)."""
    src = ROOT / "examples" / "street-lighting-calculator.toml"
    t = load_tender(src)
    row = bid_form(t, tender_file=src).field("life")
    assert (row.minimum, row.exclusive) == (0.0, True)
    xlsx = write_bid_form(t, tmp_path / "calc.xlsx", tender_file=src)
    values = {"bidder": "X AB", "luminaires": 100, "power": 30, "price": 3000,
              "maintenance": 50, "life": 0}
    filled = fill(xlsx, values, tmp_path / "zero.xlsx")
    with pytest.raises(TenderError) as info:
        read_bid_forms(t, [filled], tender_file=src)
    [issue] = info.value.errors
    ws = openpyxl.load_workbook(xlsx)["Bid"]
    life_row = next(r for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value == "life")
    assert (issue.path, issue.code) == (f"Bid!D{life_row}", "invalid-value")
    assert "expected a value > 0" in issue.message
    with pytest.raises(lcc.LCCError) as api:
        street_lighting.alternative("x", luminaires=1, power="30 W", price="3000 SEK",
                                    electricity_price="1 SEK/kWh", life="0 yr")
    assert (api.value.field, api.value.code) == ("street_lighting.life", "invalid-value")


# --------------------------------------------- the mutation rule for cells, as a property test

def test_mistyped_cells_exit_0_with_finite_figures_or_2_with_a_message(tmp_path: Path) -> None:
    """Any example's form with one cell mistyped by a bidder: exit 0 and finite figures, or
    exit 2 with a message; never exit 1, a traceback or a hidden character.

    ``python -m tests.bidform_mutation`` runs every case of every example (about 1 900)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from tests import bidform_mutation as B
    from tests import mutation as M

    @settings(max_examples=25, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def one(data: st.DataObject) -> None:
        example = data.draw(st.sampled_from(M.EXAMPLES))
        lang = data.draw(st.sampled_from(["en", "sv"]))
        key, value = data.draw(st.sampled_from(list(B.cases(example, tmp_path, lang))))
        code, out, err, seconds = B.run(example, key, value, tmp_path, lang)
        assert M.check(code, out, err, seconds) is None, (example.name, key, value, err)

    one()


#: (cell, number format, value): a format that shows another number than the cell holds.
MISSHOWN = [
    ("D7", '0" tkr"', 4, "shows 4 with 'tkr', while the row is in SEK"),
    ("D7", "#,##0,", 4200, "shows 4200 in thousands or millions (as 4.2)"),
    ("D7", '0.0,,"M"', 4200, "shows 4200 in thousands or millions (as 0.0042)"),
    ("D7", ";;;", 4200, "shows 4200 as a blank cell"),
    ("D7", '"4200"', 4, "shows 4 as the text '4200' alone"),
    ("D7", "0%", 4200, "shows 4200 as 420000 %"),
    ("D7", "[<1000]0;0", 4200, "shows 4200 by a condition of its own"),
    ("D7", "0" + "," * 400, 4200, "shows 4200 in thousands or millions (as 0)"),  # overflowed
    ("D8", '0" months"', 20, "shows 20 with 'months', while the row is in yr"),
    # digits made up or dropped: a fill of zeros (45 shown as 4500000…, as wide as the
    # column), an exponent of one figure (4450 as 4E+3) and decimals rounded away (60.4 SEK
    # a year as 60 is fine, 0.4 as 0 is not)
    ("D7", "0*0", 45, "shows 45 with a digit repeated to fill the cell"),
    ("D7", "0E+0", 4450, "shows 4450 rounded, as 4000"),
    ("D10", "0", 0.4, "shows 0.4 rounded, as 0"),
]


@pytest.mark.parametrize(("cell", "fmt", "value", "how"), MISSHOWN)
def test_a_number_format_that_shows_another_number_is_refused(
        tender: Any, form: Path, cell: str, fmt: str, value: float, how: str) -> None:
    """A bidder who formats the price cell '0" tkr"' and types 4 shows '4 tkr' to whoever
    reads the form, while lcc read 4 SEK: the bid ranked first on a price a thousand times
    too low."""
    wb = openpyxl.load_workbook(fill(form, BID_A))
    wb["Bid"][cell].number_format = fmt
    wb["Bid"][cell].value = value
    wb.save(form.with_name("gamed.xlsx"))
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, form.with_name("gamed.xlsx"))
    [issue] = info.value.errors
    assert (issue.path, issue.code) == (f"Bid!{cell}", "number-format")
    assert f"the cell's number format {fmt!r}"[:60] in issue.message  # a long one by its start
    assert f"' {how}" in issue.message and "; set the cell's format back to General" \
        in issue.message


@pytest.mark.parametrize(("cell", "fmt"), [
    ("D7", "#,##0"), ("D7", "0.00"), ("D7", '#,##0 "kr"'), ("D7", "[$SEK] #,##0"),
    ("D7", '_-* #,##0\\ "kr"_-;\\-* #,##0\\ "kr"_-;_-* "-"\\ "kr"_-;_-@_-'),  # Swedish Excel
    ("D8", '0" år"'), ("D8", "0.0E+00"), ("D7", "[Red]#,##0.00"), ("D7", "0.0E+0"),
    ("D7", "_(* #,##0_)")])  # 4 200 with a fill of blanks (accounting)
def test_a_number_format_that_shows_the_same_number_is_read(
        tender: Any, form: Path, cell: str, fmt: str) -> None:
    """The formats Excel gives a number typed as '4 200 kr' or '4 200,00', and the row's unit
    however spelt, show the number lcc reads: the bid is Bid A."""
    wb = openpyxl.load_workbook(fill(form, BID_A))
    wb["Bid"][cell].number_format = fmt
    wb.save(form.with_name("formatted.xlsx"))
    bid = read_bid_form(tender, form.with_name("formatted.xlsx"))
    assert lcc_of(bid, tender) == pytest.approx(lcc_of(tender.alternative("Bid A"), tender),
                                                rel=1e-12)


@pytest.mark.parametrize(("fmt", "refused"), [
    ('0" st"', False), ('#,##0" styck"', False), ('0" kr"', True), ('0" pcs"', True)])
def test_a_count_formatted_as_pieces_is_read(fmt: str, refused: bool) -> None:
    """Swedish Excel's '0 "st"' on a count of luminaires shows 12 pieces: the number lcc reads
    ('pcs' is the parsec to pint, and no unit of a count)."""
    from lcc.bidform._read import how_shown
    from lcc.bidform._spec import BidField

    row = BidField("quantity", "Number of luminaires", "count")
    assert (how_shown(row, fmt, 12.0) is not None) is refused


def _changed(tender: Any, form: Path, sheet: str, cell: str, value: Any) -> tuple[Any, Any]:
    """The filled form with one cell changed: (the cell's value before, the one issue)."""
    wb = openpyxl.load_workbook(fill(form, BID_A))
    was = wb[sheet][cell].value
    wb[sheet][cell].value = value
    wb.save(form.with_name("changed.xlsx"))
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, form.with_name("changed.xlsx"))
    [issue] = info.value.errors
    assert (issue.path, issue.code) == (f"{sheet}!{cell}", "changed-text")
    return was, issue


@pytest.mark.parametrize(("sheet", "cell", "value", "says"), [
    ("Bid", "A2", "All prices excl. installation", "a text was added to the form: 'All prices "
     "excl. installation'; the form's cells hold the tender's words, and the bidder's values "
     "only in the yellow cells: remove it"),
    ("Tender", "H3", "excl. installation", "a text was added to the form"),
    ("Bid", "F2", "1 000 kr", "the form's formula was replaced by '1 000 kr': restore it"),
    # typed over the bidder's own LCC, which the bid sheet shows as 'LCC (preliminary)'
    ("Your LCC", "B3", 999, "the form's formula was replaced by 999: restore it"),
    ("Your LCC", "A1", "Final LCC", "the form's text was changed to 'Final LCC'")])
def test_a_text_added_to_a_form_or_a_formula_replaced_is_refused(
        tender: Any, form: Path, sheet: str, cell: str, value: Any, says: str) -> None:
    """A reservation written into an empty cell ('All prices excl. installation'), or a
    preliminary LCC typed over its formula, is part of the bid as a reader sees it."""
    assert _changed(tender, form, sheet, cell, value)[1].message.startswith(says)


@pytest.mark.parametrize(("sheet", "cell", "value"), [
    ("Bid", "B7", "Luminaire excl. installation: price per unit, excl. VAT"),
    ("Bid", "F7", "≥ 0; installation is invoiced separately"),
    ("Bid", "B3", "Fill in what you like."),
    ("Bid", "B7", None),
    ("Tender", "B11", 0.07)])
def test_a_form_whose_words_were_changed_is_refused(tender: Any, form: Path, sheet: str,
                                                     cell: str, value: Any) -> None:
    """A bidder who made the price row read 'excl. installation' had their price evaluated as
    one incl. installation, without a word; the form's words and the tender sheet's figures
    are the tender's."""
    was, issue = _changed(tender, form, sheet, cell, value)
    said = f"'{was[:30]}" if isinstance(was, str) else repr(was)  # a long text by its start
    assert f"the tender's form says {said}" in issue.message
    assert issue.message.endswith(": restore it (a reservation or a remark goes in a letter "
                                  "beside the form, not in it)")
    # blanks and line breaks are not words: Excel or LibreOffice may rewrap a text
    if isinstance(was, str):
        wb = openpyxl.load_workbook(form.with_name("changed.xlsx"))
        wb[sheet][cell].value = "  " + was.replace(" ", "\n", 1) + " "
        wb.save(form.with_name("rewrapped.xlsx"))
        assert read_bid_form(tender, form.with_name("rewrapped.xlsx")).name == "Acme AB"


def test_a_blank_cell_with_a_number_format_takes_the_default(tmp_path: Path) -> None:
    """A cell of blanks (or of a zero-width space) takes the row's default whatever its number
    format: the format check stopped the import with a TypeError (found by
    tests/bidform_mutation.py)."""
    example = load_tender(ROOT / "examples" / "street-lighting.toml")
    form = write_bid_form(example, tmp_path / "form.xlsx")
    values = {"bidder": "Firm AB", "items[0].amount": 4000, "items[0].life": 20,
              "items[1].amount": 300, "items[3].power": 40, "items[4].amount_per_year": 50}
    full = fill(form, {**values, "items[2].amount": 900})
    for blank in (" ", "\u200b"):
        wb = openpyxl.load_workbook(fill(form, {**values, "items[2].amount": blank}))
        wb["Bid"]["D10"].number_format = '0" tkr"'
        wb.save(tmp_path / "blank.xlsx")
        bid = read_bid_form(example, tmp_path / "blank.xlsx")
        assert lcc_of(bid, example) == pytest.approx(lcc_of(read_bid_form(example, full),
                                                            example), rel=1e-12)


def test_a_form_that_unpacks_past_the_limit_is_refused_before_it_is_read(
        tender: Any, filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A few hundred kilobytes of zip can unpack to gigabytes: the package's sizes are read
    before the workbook (the limit is lowered here to keep the test small)."""
    import zipfile

    import lcc.bidform._read as R

    big = filled.with_name("big.xlsx")
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as out, zipfile.ZipFile(filled) as z:
        for part in z.infolist():
            data = z.read(part.filename)
            if part.filename == "xl/worksheets/sheet2.xml":
                data = data.replace(b"Acme AB", b"A" * 3_000_000, 1)
            out.writestr(part.filename, data)
    assert big.stat().st_size < 100_000
    monkeypatch.setattr(R, "MAX_UNPACKED_BYTES", 2_000_000)
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, big)
    [issue] = info.value.errors
    assert issue.code == "too-large"
    assert re.fullmatch(r"the workbook unpacks to \d+ parts and [\d ]+ bytes; the limit is 2000 "
                        r"parts and 2 000 000 bytes", issue.message)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_named_like_a_form_is_refused_not_waited_on(tender: Any, tmp_path: Path) -> None:
    """Reading a named pipe 'form.xlsx' waited forever."""
    import os

    os.mkfifo(tmp_path / "form.xlsx")
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, tmp_path / "form.xlsx")
    assert located(info.value) == [("form.xlsx", "", "unsupported-format")]


def test_any_number_format_is_read_without_an_error() -> None:
    """A format of 400 scaling commas raised OverflowError (exit 1); formats made of the
    characters of Excel's format codes, at random, are all read."""
    import random

    from lcc._xlsx import number_shown

    rng = random.Random(2025)
    codes = '0#?.,%;"\\_*[]$-+()/:EeymdhsAMP@ General kr'
    for _ in range(20_000):
        fmt = "".join(rng.choice(codes) for _ in range(rng.randint(0, 30)))
        for value in (0.0, -5.0, 1234.5, 2.25, 1e300, 1e-300, 5e-324, -1.7e308):
            shown = number_shown(fmt, value)
            assert shown.scale >= 0 and shown.thousands >= 0
    # the figure a format shows, as a spreadsheet rounds it (a half away from zero), for
    # decimals past Decimal's 28 digits and exponents past floats alike
    for fmt, value, figure in (("0.0", 2.25, 2.3), ("0", 0.5, 1.0), ("0.00", -2.675, -2.68),
                               ("0." + "0" * 40, 1.5, 1.5), ("0." + "0" * 5000, 1.5, 1.5),
                               ("0", 1e300, 1e300), ("0.0E+0", 5e-324, 5e-324),
                               ("# ?/?", 8.5, None)):
        assert number_shown(fmt, value).figure == figure, (fmt[:10], value)


def test_a_control_character_in_a_rows_words_never_breaks_the_workbook(tmp_path: Path) -> None:
    """A bidder row's words with ESC and BEL went raw into the cell's input message (a data
    validation attribute, not a cell): bid-form wrote a workbook that is not XML, and the
    filled form could not be imported. Every text of a validation is shown as cells are."""
    path = copy_tender(tmp_path, replace=(
        'label = "Luminaire incl. installation"',
        'label = "=Price \\u001b[31m<script>\\u0007 per luminaire"'))
    tender = load_tender(path)
    form = write_bid_form(tender, tmp_path / "form.xlsx")
    with zipfile.ZipFile(form) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                body = z.read(name)
                assert b"\x1b" not in body and b"\x07" not in body, name
    prompts = [dv.prompt for dv in openpyxl.load_workbook(form)["Bid"].data_validations
               .dataValidation]
    assert any(p.startswith("=Price <script> per luminaire: ") for p in prompts), prompts
    bid = read_bid_form(tender, fill(form, BID_A, tmp_path / "acme.xlsx"))
    assert lcc_of(bid, tender) == pytest.approx(lcc_of(tender.alternative("Bid A"), tender),
                                                rel=1e-12)


@pytest.mark.parametrize(("lang", "said"), [("en", "On this form it is given in SEK only."),
                                            ("sv", "I detta formulär anges det endast i kr.")])
def test_a_row_of_an_input_with_several_readings_says_the_one_it_takes(lang, said) -> None:
    """The vehicles' residual value takes a word, a share of the price (0–1) or an amount,
    and its meaning says so; its row is in SEK, so 0.4 typed as 40 % of the price was read
    as 0.4 SEK without a word. The row's explanation says the one reading it takes."""
    tender = load_tender(ROOT / "examples" / "vehicles.toml")
    field = bid_form(tender, lang=lang).field("residual")
    assert field.unit == "SEK"
    assert said in field.note
    assert field.note.index(said) < field.note.index("Source" if lang == "en" else "Källa")
    power = bid_form(tender, lang=lang).field("price")
    assert "only" not in power.note and "endast" not in power.note


def test_a_changed_figure_is_called_a_figure_in_the_readers_format(tender: Any,
                                                                   form: Path) -> None:
    """A figure of the tender sheet typed over was 'the form's text … 0.1' in Swedish too."""
    from lcc._errors import in_lang

    was, issue = _changed(tender, form, "Tender", "B11", 0.07)
    assert isinstance(was, float)
    assert issue.message.startswith(f"the form's figure was changed to 0.07; the tender's form "
                                    f"says {was}: restore it")
    assert in_lang(issue.message, "sv").startswith(
        f"formulärets tal har ändrats till 0,07; upphandlingens formulär säger "
        f"{str(was).replace('.', ',')}: återställ det")


def test_a_blank_cell_that_took_a_word_says_the_word_in_the_readers_language(
        tmp_path: Path) -> None:
    """The vehicles' residual left blank took 'linear': the bid's note said
    "'Restvärde' = linear" in Swedish while the form said 'linjärt'."""
    from lcc.bidform._read import defaults_note

    example = ROOT / "examples" / "vehicles.toml"
    tender = load_tender(example)
    values = {"bidder": "Car AB", "price": 350_000, "consumption": 5, "maintenance": 6000}
    for lang, said in (("en", "'Residual value' = linear (Bid!D9)"),
                       ("sv", "'Restvärde' = linjärt (Anbud!D9)")):
        form = write_bid_form(tender, tmp_path / f"{lang}.xlsx", lang=lang)
        bid = read_bid_form(tender, fill(form, values, tmp_path / f"f{lang}.xlsx",
                                         sheet=openpyxl.load_workbook(form).sheetnames[1]))
        assert defaults_note(bid, lang).endswith(said)


def test_a_form_of_another_tender_says_so_without_listing_its_inputs(tmp_path: Path,
                                                                     form: Path) -> None:
    """A street-lighting form given to the vehicles tender listed 127 changes in paths and
    '<the bidder's value items[0].amount>'; it is another tender, by name."""
    vehicles = load_tender(ROOT / "examples" / "vehicles.toml")
    with pytest.raises(TenderError) as info:
        read_bid_form(vehicles, fill(form, BID_A, tmp_path / "acme.xlsx"))
    [issue] = info.value.errors
    assert issue.code == "other-tender"
    assert issue.message.startswith(
        "the form was made for another tender, 'Street lighting 2025', not for 'Cars for the "
        "home-care service' (what decides the evaluation differs in ")
    assert "<the bidder's value" not in issue.message and "→" not in issue.message


@pytest.mark.parametrize("name", ["forms", "forms.xlsx"])
def test_a_folder_given_as_a_form_is_called_a_folder(tmp_path: Path, tender: Any,
                                                     name: str) -> None:
    """A folder without a suffix was 'not an Excel workbook: the file type is (no suffix)'."""
    (tmp_path / name).mkdir()
    with pytest.raises(TenderError) as info:
        read_bid_forms(tender, [tmp_path / name])
    [issue] = info.value.errors
    assert (issue.code, issue.message) == ("missing-file", "is a folder, not a bid form")
