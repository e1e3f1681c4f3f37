"""Bid forms read each input by its one description (review 6).

- ``like``: a value is a bidder's row when the model reads it as a quantity, however it is
  spelt ('500kr', 'SEK 300', '€500', '50_000 kr');
- a row asked in another unit than the field's (a life in hours) is tried with a plausible
  value, not 1 of the unit;
- a rate row honours the tender's declared bounds (max = "150 %") in the note, the Excel
  validation and the import;
- ``like``: one bidder parameter is one row, and the bid keeps the parameter;
- calculator rows take their bounds and their units from the input's Field;
- choice cells are read by the model's rule (exact, with its suggestion).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

openpyxl = pytest.importorskip("openpyxl")

import lcc  # noqa: E402
from lcc.bidform import bid_form, read_bid_form, write_bid_form  # noqa: E402
from lcc.io import TenderError, loads_tender  # noqa: E402
from lcc.templates import street_lighting  # noqa: E402

HEAD = '''\
format = "lcc.tender/1"
name = "Review 6"
[study]
period = "10 yr"
discount_rate = 0.04
'''


def rows_of(xlsx: Path, sheet: str = "Bid") -> dict[str, int]:
    ws = openpyxl.load_workbook(xlsx)[sheet]
    return {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value}


def fill(xlsx: Path, values: dict[str, Any], sheet: str = "Bid") -> Path:
    wb = openpyxl.load_workbook(xlsx)
    ws = wb[sheet]
    rows = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
    for key, value in values.items():
        ws.cell(rows[key], 4).value = value
    out = xlsx.with_name(xlsx.stem + "-filled.xlsx")
    wb.save(out)
    return out


def lcc_of(alt: lcc.Alternative, tender: Any) -> float:
    return float(lcc.evaluate(alt, tender.study).total.magnitude)


def annuity(n: int, d: float = 0.04) -> float:
    return sum((1 + d) ** -k for k in range(1, n + 1))


# ---------------------------------------------------------------- 1. like: every spelling


LIKE = HEAD.replace('discount_rate = 0.04\n', '''discount_rate = 0.04
exchange_rates = { base = "SEK", rates = { EUR = 11.48 } }
''') + '''
[bid_form]
like = "Model bid"

[[alternatives]]
name = "Model bid"
[[alternatives.items]]
type = "Investment"
label = "Machine"
amount = "500kr"
life = "20 yr"
[[alternatives.items]]
type = "OneOff"
label = "Overhaul"
amount = "SEK 300"
at = 5
[[alternatives.items]]
type = "OneOff"
label = "Tools"
amount = "€500"
at = 0
[[alternatives.items]]
type = "OneOff"
label = "Training"
amount = "50_000 kr"
at = 1
[[alternatives.items]]
type = "Recurring"
label = "Service"
amount_per_year = "100 SEK/yr"
'''


def test_like_asks_every_amount_the_model_reads_as_a_quantity(tmp_path: Path) -> None:
    """'500kr', 'SEK 300', '€500' and '50_000 kr' are amounts to the model: each is a row
    (in the author's unit), and the bid is evaluated at the bidder's figures, not the
    model's 500 kr."""
    tender = loads_tender(LIKE)
    form = bid_form(tender)
    rows = {f.key: f.unit for f in form.fields[1:]}
    assert rows == {"items[0].amount": "kr", "items[0].life": "yr", "items[1].amount": "SEK",
                    "items[2].amount": "EUR", "items[3].amount": "kr",
                    "items[4].amount_per_year": "SEK/yr"}
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    bid = read_bid_form(tender, fill(xlsx, {
        "bidder": "Bidder AB", "items[0].amount": 90000, "items[0].life": 20,
        "items[1].amount": 5000, "items[2].amount": 100, "items[3].amount": 20000,
        "items[4].amount_per_year": 100}))
    # 90 000 at t=0, less the residual of half its 20-year life at t=10; 5 000 at t=5;
    # 100 EUR = 1 148 SEK at t=0; 20 000 at t=1; 100 a year for 10 years, all at 4 %:
    # 90000 − 45000·1.04^−10 + 5000·1.04^−5 + 1148 + 20000·1.04^−1 + 100·a(10) = 84 899.11
    expected = (90000 - 45000 * 1.04 ** -10 + 5000 * 1.04 ** -5 + 1148 + 20000 / 1.04
                + 100 * annuity(10))
    assert lcc_of(bid, tender) == pytest.approx(expected, rel=1e-12)
    assert lcc_of(bid, tender) == pytest.approx(84899.11, abs=0.01)


def test_a_default_spelt_without_a_space_is_read_as_the_model_reads_it() -> None:
    """default = "2500kr" on a row in SEK is 2 500 SEK (the model's reading), as "2 500 kr"
    is."""
    text = HEAD + '''
[bid_form]
[[bid_form.items]]
type = "OneOff"
at = 0
amount = { bidder = "Price", unit = "SEK", default = "2500kr" }
'''
    form = bid_form(loads_tender(text))
    assert form.field("items[0].amount").default == 2500.0


# ---------------------------------------------------------------- 3. a row in another unit

LIFE_IN_HOURS = HEAD + '''
[bid_form]
[[bid_form.items]]
type = "Investment"
amount = { bidder = "Price", unit = "SEK" }
life = { bidder = "Rated life (burning hours)", unit = "h" }
hours = "4000 h/yr"
'''


def test_a_life_asked_in_hours_without_min_makes_a_form(tmp_path: Path) -> None:
    """The trial bid takes the field's example in the row's unit (20 yr = 175 320 h, 43.8
    years at 4 000 h/yr), not 1 h (a life of 0.00025 years, 40 000 replacements), so the
    valid tender gets its form; a bid of 20 000 burning hours is a 5-year life."""
    tender = loads_tender(LIFE_IN_HOURS)
    form = bid_form(tender)
    assert form.trial["items[0].life"] == "175320 h"
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    bid = read_bid_form(tender, fill(xlsx, {"bidder": "B", "items[0].amount": 1000,
                                            "items[0].life": 20000}))
    # 20 000 h / 4 000 h/yr = 5 yr: bought at 0 and 5, the second used up at 10 (no residual)
    # 1000 + 1000·1.04^−5 = 1 821.93
    assert lcc_of(bid, tender) == pytest.approx(1000 + 1000 * 1.04 ** -5, rel=1e-12)
    assert lcc_of(bid, tender) == pytest.approx(1821.93, abs=0.005)


def test_a_trial_that_cannot_be_built_names_the_value_tried() -> None:
    """Where no plausible value builds the item (0.001 burning hours a year: any life in
    hours is centuries), the refusal names the value the form was tried with, not one the
    author is left to guess."""
    text = LIFE_IN_HOURS.replace('"4000 h/yr"', '"0.001 h/yr"')
    with pytest.raises(TenderError) as info:
        bid_form(loads_tender(text))
    [issue] = info.value.errors
    assert issue.path == "bid_form.items[0].life"
    assert str(issue.message).startswith(
        "the form is tried with 175320 h in the bidder's row 'Rated life (burning hours)'")
    assert "min = <value>" in str(issue.message)


# ---------------------------------------------------------------- 9, 11. calculator rows

CALC = HEAD + '''
[bid_form]
template = "street_lighting"
[bid_form.inputs]
operating_hours = "4000 h/yr"
electricity_price = "1.5 SEK/kWh"
'''


def test_a_calculator_count_row_has_the_bounds_of_the_inputs_field(tmp_path: Path) -> None:
    """The model's count is > 0 (none would give an LCC of 0, ranked best): the row says
    '> 0', Excel refuses 0, and the import refuses it at the cell, all three alike."""
    tender = loads_tender(CALC)
    f = bid_form(tender).field("luminaires")
    assert (f.minimum, f.exclusive) == (0.0, True)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    ws = openpyxl.load_workbook(xlsx)["Bid"]
    row = rows_of(xlsx)["luminaires"]
    assert str(ws.cell(row, 6).value).startswith("> 0; a whole number")
    [dv] = [d for d in ws.data_validations.dataValidation if f"D{row}" in str(d.sqref)]
    assert (dv.type, dv.operator, dv.formula1) == ("whole", "greaterThan", "0")


def test_a_calculator_form_takes_every_unit_its_input_takes(tmp_path: Path) -> None:
    """[bid_form.units] price = "tkr", power = "kW" (a tender file's inputs take them): the
    rows are in tkr and kW, and 3.2 tkr and 0.04 kW give the LCC of 3 200 SEK and 40 W."""
    tender = loads_tender(CALC + '[bid_form.units]\nprice = "tkr"\npower = "kW"\n')
    form = bid_form(tender)
    assert (form.field("price").unit, form.field("power").unit) == ("tkr", "kW")
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    values = {"luminaires": 10, "control_savings": 0.2, "maintenance": 50, "life": 20}
    bid = read_bid_form(tender, fill(xlsx, {"bidder": "B", "price": 3.2, "power": 0.04,
                                            **values}))
    same = street_lighting.alternative("Same", price="3200 SEK", power="40 W",
                                       operating_hours="4000 h/yr",
                                       electricity_price="1.5 SEK/kWh", luminaires=10,
                                       control_savings=0.2, maintenance="50 SEK/yr",
                                       life="20 yr")
    # per luminaire: 3 200 at t=0, half of it back at t=10 (half of the 20-year life left),
    # 40 W × 4 000 h/yr × 0.8 = 128 kWh/yr at 1.5 kr = 192 kr/yr, plus 50 kr/yr; × 10
    expected = 10 * (3200 - 1600 * 1.04 ** -10 + (192 + 50) * annuity(10))
    assert lcc_of(same, tender) == pytest.approx(expected, rel=1e-12)
    assert lcc_of(bid, tender) == pytest.approx(expected, rel=1e-12)
    with pytest.raises(TenderError) as info:
        bid_form(loads_tender(CALC + '[bid_form.units]\nprice = "kWh"\n'))
    assert [(e.path, e.code) for e in info.value.errors] == [
        ("bid_form.units.price", "invalid-value")]


# ---------------------------------------------------------------- 12. choices


CHOICE = HEAD + '''
[bid_form]
[[bid_form.items]]
type = "Recurring"
amount_per_year = { bidder = "Service per year", unit = "SEK/yr" }
category = { bidder = "Kind of cost" }
'''


def test_a_choice_cell_is_read_by_the_models_rule(tmp_path: Path) -> None:
    """'MAINTENANCE' is refused at the cell as a file and the model refuse it, with the
    suggestion; 'maintenance' is read (100 kr a year for 10 years at 4 %: 811.09)."""
    tender = loads_tender(CHOICE)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    loud = fill(xlsx, {"bidder": "B", "items[0].amount_per_year": 100,
                       "items[0].category": "MAINTENANCE"})
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, loud)
    [issue] = info.value.errors
    assert issue.code == "invalid-value"
    assert "got 'MAINTENANCE' (did you mean 'maintenance'?), expected one of" in str(issue)
    with pytest.raises(lcc.LCCError, match=r"did you mean 'maintenance'\?"):
        lcc.Recurring("100 SEK/yr", category="MAINTENANCE")
    bid = read_bid_form(tender, fill(xlsx, {"bidder": "B", "items[0].amount_per_year": 100,
                                            "items[0].category": "maintenance"}))
    assert bid.items[0].category == "maintenance"
    assert lcc_of(bid, tender) == pytest.approx(100 * annuity(10), rel=1e-12)  # 811.09
    assert lcc_of(bid, tender) == pytest.approx(811.09, abs=0.005)


# ---------------------------------------------------------------- 4. a rate's declared bounds

RATE_MAX = HEAD + '''
[bid_form]
[[bid_form.items]]
type = "Recurring"
amount_per_year = { bidder = "Service", unit = "SEK/yr" }
escalation = { bidder = "Yearly price change", max = "150 %" }
'''


def test_a_rate_rows_declared_max_is_honoured_everywhere(tmp_path: Path) -> None:
    """max = "150 %" is the row's bound in the note, in Excel and at the import (the model and
    files take a rate of 120 % as text); it was accepted and then capped at 100 %."""
    tender = loads_tender(RATE_MAX)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    ws = openpyxl.load_workbook(xlsx)["Bid"]
    row = rows_of(xlsx)["items[0].escalation"]
    assert "over -100\u00a0%, at most 150\u00a0%" in str(ws.cell(row, 6).value)
    [dv] = [d for d in ws.data_validations.dataValidation if f"D{row}" in str(d.sqref)]
    assert dv.formula1 == f"AND(ISNUMBER(D{row}),D{row}>-1,D{row}<=1.5)"
    bid = read_bid_form(tender, fill(xlsx, {"bidder": "B", "items[0].amount_per_year": 100,
                                            "items[0].escalation": 1.2}))
    # 100 kr growing by 120 % a year: Σ_{k=1..10} 100·2.2^k / 1.04^k = 340 107.33
    expected = sum(100 * 2.2 ** k / 1.04 ** k for k in range(1, 11))
    assert lcc_of(bid, tender) == pytest.approx(expected, rel=1e-12)
    assert lcc_of(bid, tender) == pytest.approx(340107.33, abs=0.01)
    over = fill(xlsx, {"bidder": "B", "items[0].amount_per_year": 100,
                       "items[0].escalation": 1.6})
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, over)
    [issue] = info.value.errors
    assert "got 1.6, which is 160 %; enter a percentage of at most 150 %" in str(issue)


def test_a_rate_rows_min_outside_what_a_rate_takes_is_refused() -> None:
    """min = "-150 %" (a rate is more than −100 %) or min = "120 %" without a max (a rate
    row is under 100 % unless max says more) is refused where it stands, not ignored."""
    for low in ('"-150 %"', '"120 %"'):
        text = RATE_MAX.replace('max = "150 %"', f"min = {low}")
        with pytest.raises(TenderError) as info:
            bid_form(loads_tender(text))
        assert [(e.path, e.code) for e in info.value.errors] == [
            ("bid_form.items[0].escalation.min", "invalid-value")]
    form = bid_form(loads_tender(RATE_MAX.replace('max = "150 %"',
                                                  'min = "120 %", max = "150 %"')))
    assert (form.field("items[0].escalation").minimum,
            form.field("items[0].escalation").maximum) == (1.2, 1.5)


# ---------------------------------------------------------------- 8. like: a bidder parameter

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
description = "System power"
[[alternatives.items]]
type = "Energy"
label = "Day"
power = { parameter = "power" }
hours = "2000 h/yr"
price = { parameter = "price" }
[[alternatives.items]]
type = "Energy"
label = "Night"
power = { parameter = "power" }
hours = "1000 h/yr"
price = { parameter = "price" }
'''


def test_like_asks_a_bidder_parameter_once_and_the_bid_keeps_it(tmp_path: Path) -> None:
    """'power', used by two items, is one row (bounded by its range 40..50 W), and the bid
    has the parameter with its low and high: one value for both items."""
    tender = loads_tender(LIKE_PARAMETER)
    form = bid_form(tender)
    assert [f.key for f in form.fields] == ["bidder", "parameters.power", "items[0].hours",
                                            "items[1].hours"]
    row = form.field("parameters.power")
    assert (row.label, row.unit, row.minimum, row.maximum) == ("System power", "W", 40.0, 50.0)
    assert "Day: power; Night: power" in row.note
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    bid = read_bid_form(tender, fill(xlsx, {"bidder": "B", "parameters.power": 42,
                                            "items[0].hours": 2000, "items[1].hours": 1000}))
    power = {p.name: p for p in bid.parameters()}["power_b"]  # one Parameter, in both items
    assert bid.items[0].power is bid.items[1].power
    assert (power.role, str(power.value), str(power.low), str(power.high)) == \
        ("bidder", "42 W", "40 W", "50 W")
    # 42 W × (2 000 + 1 000) h/yr = 126 kWh/yr at 1.5 kr = 189 kr/yr for 10 years at 4 %
    assert lcc_of(bid, tender) == pytest.approx(189 * annuity(10), rel=1e-12)
    assert lcc_of(bid, tender) == pytest.approx(1532.96, abs=0.005)
    low = fill(xlsx, {"bidder": "B", "parameters.power": 30, "items[0].hours": 2000,
                      "items[1].hours": 1000})
    with pytest.raises(TenderError, match=r"got 30; expected a value ≥ 40"):
        read_bid_form(tender, low)
