"""A rate a bidder gives on the form is a percentage cell.

The row of a bidder's rate (an annual price increase) had no unit, no explanation, a General
cell and a validation of ±1e300: a bidder who typed 0.5 for 0.5 % was read as 50 % a year
(an LCC of 133 750 SEK instead of 9 481 SEK), without a word. The cell now shows and takes a
percentage (typed '2 %', or 2 in Excel's percent cell), its unit column says '%', Excel
refuses values outside (−100 %, 100 %), and so does the import, naming the cell.
"""

from __future__ import annotations

from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

import lcc  # noqa: E402
from lcc.bidform import bid_form, read_bid_form, write_bid_form  # noqa: E402
from lcc.io import TenderError, load_tender  # noqa: E402

TENDER = """name = "Service"
[study]
period = "10 yr"
discount_rate = 0.03
[[alternatives]]
name = "Own"
[[alternatives.items]]
type = "Recurring"
amount_per_year = "1000 SEK/yr"
[bid_form]
[[bid_form.items]]
type = "Recurring"
amount_per_year = { bidder = "Annual service fee", unit = "SEK/yr" }
escalation = { bidder = "Annual price increase" }
"""


@pytest.fixture()
def tender(tmp_path: Path) -> lcc.io.Tender:
    path = tmp_path / "t.toml"
    path.write_text(TENDER, encoding="utf-8")
    return load_tender(path)


def _filled(tender: lcc.io.Tender, tmp_path: Path, rate: float, lang: str = "en") -> Path:
    form = write_bid_form(tender, tmp_path / f"form-{lang}.xlsx", lang=lang)
    wb = openpyxl.load_workbook(form)
    ws = wb["Bid" if lang == "en" else wb.sheetnames[1]]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    ws.cell(rows["bidder"], 4, "Firm AB")
    ws.cell(rows["items[0].amount_per_year"], 4, 1000)
    ws.cell(rows["items[0].escalation"], 4, rate)
    out = tmp_path / f"filled-{rate}-{lang}.xlsx"
    wb.save(out)
    return out


def test_the_rate_row_is_a_percentage(tender: lcc.io.Tender, tmp_path: Path) -> None:
    [field] = [f for f in bid_form(tender).fields if f.key == "items[0].escalation"]
    assert field.percent and field.exclusive and field.minimum == -1.0
    form = write_bid_form(tender, tmp_path / "form.xlsx")
    ws = openpyxl.load_workbook(form)["Bid"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value ==
               "items[0].escalation")
    assert ws.cell(row, 3).value == "%"
    assert ws.cell(row, 4).number_format == "0.0##%"
    assert ws.cell(row, 6).value == "a percentage per year, e.g. 2\u00a0%; over -100\u00a0%, " \
                                    "under 100\u00a0%"
    [dv] = [d for d in ws.data_validations.dataValidation if f"D{row}" in str(d.sqref)]
    assert (dv.type, dv.formula1) == ("custom", f"AND(ISNUMBER(D{row}),D{row}>-1,D{row}<1)")
    # the form's own LCC was tried at a rate of 1 and 2 (100 %, 200 %), and said so in the
    # model's words for a bare rate; it is tried at 1 % and 2 %
    live = openpyxl.load_workbook(form)["Your LCC"]["B3"].value
    assert live.startswith("Not computed on the form: the form's formulas cannot reproduce")
    sv = openpyxl.load_workbook(write_bid_form(tender, tmp_path / "sv.xlsx", lang="sv"))
    ws = sv[sv.sheetnames[1]]
    assert ws.cell(row, 6).value.startswith("en procentsats per år, t.ex. 2\u00a0%")


def test_a_percentage_is_read_as_its_fraction(tender: lcc.io.Tender, tmp_path: Path) -> None:
    """2 % a year on 1 000 SEK/yr over 10 years at 3 %:
    Σ_{k=1..10} 1 000 × 1.02^k × 1.03^−k = 9 481.27 SEK."""
    expected = sum(1000 * 1.02**k * 1.03**-k for k in range(1, 11))
    assert expected == pytest.approx(9481.27, abs=0.01)
    bid = read_bid_form(tender, _filled(tender, tmp_path, 0.02))
    assert lcc.evaluate(bid, tender.study).value == pytest.approx(expected, rel=1e-12)
    bid = read_bid_form(tender, _filled(tender, tmp_path, 0.02, "sv"))
    assert lcc.evaluate(bid, tender.study).value == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(("rate", "shown"), [(2, "200 %"), (-1, "-100 %"), (1, "100 %"),
                                             (35, "3500 %")])
def test_a_rate_outside_the_percentage_range_is_refused_at_its_cell(
        tender: lcc.io.Tender, tmp_path: Path, rate: float, shown: str) -> None:
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, _filled(tender, tmp_path, rate))
    [issue] = info.value.errors
    assert issue.code == "invalid-value"
    assert (issue.file, issue.path) == (str(tmp_path / f"filled-{rate}-en.xlsx"), "Bid!D8")
    assert f"got {rate!r}, which is {shown}; enter a percentage over −100 % and under 100 %" \
        in issue.message


@pytest.mark.parametrize(("rate", "en", "sv"), [
    (2.5, "got 2.5, which is 250 %", "fick 2,5, vilket är 250 %"),
    (-1.25, "got -1.25, which is -125 %", "fick -1,25, vilket är -125 %")])
def test_a_typed_number_is_quoted_as_the_readers_spreadsheet_shows_it(
        tender: lcc.io.Tender, tmp_path: Path, rate: float, en: str, sv: str) -> None:
    """A Swedish reader typed 2,5 and was told 'fick 2.5'; the figure is in the reader's
    format, as every figure lcc writes in Swedish."""
    from lcc._errors import in_lang

    with pytest.raises(TenderError) as info:
        read_bid_form(tender, _filled(tender, tmp_path, rate, "sv"))
    [issue] = info.value.errors
    assert en in issue.message
    assert sv in in_lang(issue.message, "sv")


SHOWN = """name = "Pumps"
[study]
period = "3 yr"
discount_rate = 0.03
[parameters.esc]
value = 0.02
low = 0.0
high = 0.04
[parameters.fleet_growth]
value = 3
description = "Pumps"
[parameters.service_esc]
value = 0.01
[[alternatives]]
name = "Ref"
quantity = { parameter = "fleet_growth" }
[[alternatives.items]]
type = "Recurring"
amount_per_year = "100 SEK/yr"
escalation = { parameter = "esc" }
[bid_form]
[[bid_form.items]]
type = "Recurring"
amount_per_year = { bidder = "Energy cost" }
escalation = { parameter = "service_esc" }
[[bid_form.items]]
type = "Recurring"
label = "Service"
amount_per_year = "50 SEK/yr"
escalation = 0.015
[[bid_form.items]]
type = "Recurring"
label = "Parts"
amount_per_year = "20 SEK/yr"
escalation = [0.01, 0.02, 0.02]
"""


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_tender_sheet_shows_what_the_model_reads_as_a_rate(tmp_path: Path,
                                                               lang: str) -> None:
    """The buyer's parameters and the items' values are percentages where the model reads a
    rate, whatever their names: a fleet of 3 pumps named ``fleet_growth`` was shown as
    300 %, an escalation named ``esc`` as 0.02, and escalations written in the items as
    0.015 and [0.01, 0.02, 0.02]."""
    path = tmp_path / "t.toml"
    path.write_text(SHOWN, encoding="utf-8")
    form = write_bid_form(load_tender(path), tmp_path / "f.xlsx", lang=lang)
    ws = openpyxl.load_workbook(form).worksheets[0]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    fmt = {name: ws.cell(rows[name], 2).number_format for name in ("Esc", "Pumps")}
    values = {name: ws.cell(rows[name], 2).value for name in ("Esc", "Pumps")}
    assert values == {"Esc": 0.02, "Pumps": 3}
    assert fmt["Esc"] == "0.0##%" and "%" not in fmt["Pumps"]
    assert [ws.cell(rows["Esc"], c).number_format for c in (4, 5)] == ["0.0##%"] * 2
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    pct = "\xa0%"
    sep = "," if lang == "sv" else "."
    assert any(t.endswith(f"Service esc (1{pct})") for t in texts), texts
    assert f"1{sep}5{pct}" in texts
    assert f"[1{pct}, 2{pct}, 2{pct}]" in texts


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_form_no_bid_of_which_can_be_evaluated_is_refused(tmp_path: Path, lang: str) -> None:
    """An escalation by year of 3 values for a 15-year study: the form was written and sent,
    and every bid was refused at the import, at the bidder's name. The form is refused where
    the buyer wrote the sequence."""
    path = tmp_path / "t.toml"
    path.write_text(SHOWN.replace('period = "3 yr"', 'period = "15 yr"'), encoding="utf-8")
    with pytest.raises(TenderError) as info:
        write_bid_form(load_tender(path), tmp_path / "f.xlsx", lang=lang)
    [issue] = info.value.errors
    assert (issue.code, issue.path, issue.line) == (
        "invalid-value", "bid_form.items[2].escalation", 35)
    assert "covers years 1..3 but years 1..15 are needed (missing: 4..15)" in issue.message
    assert not (tmp_path / "f.xlsx").exists()


def test_a_form_in_a_currency_without_an_exchange_rate_is_refused(tmp_path: Path) -> None:
    """An item of the form in EUR in a SEK study without exchange rates: refused at the item
    (the tender's own alternatives are checked when it is read, the form's items were not)."""
    path = tmp_path / "t.toml"
    path.write_text(SHOWN.replace('amount_per_year = "50 SEK/yr"',
                                  'amount_per_year = "50 EUR/yr"'), encoding="utf-8")
    with pytest.raises(TenderError) as info:
        write_bid_form(load_tender(path), tmp_path / "f.xlsx")
    assert [(i.code, i.path) for i in info.value.errors] == [
        ("currency-mix", "bid_form.items[1].amount_per_year")]


CALCULATOR = TENDER.split("[bid_form]")[0] + """[bid_form]
template = "street_lighting"
[bid_form.inputs]
electricity_price = "1 SEK/kWh"
operating_hours = "4000 h/yr"
[bid_form.defaults]
control_savings = {default}
"""


def test_a_calculators_rate_input_is_a_percentage_on_the_tender_sheet(tmp_path: Path) -> None:
    """The buyer's escalation of a calculator form, written 0.02, was shown as 0.02."""
    text = CALCULATOR.replace("[bid_form.defaults]\ncontrol_savings = {default}\n", "") \
        .replace('operating_hours = "4000 h/yr"\n', 'operating_hours = "4000 h/yr"\n'
                 'escalation = 0.02\n')
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    form = write_bid_form(load_tender(path), tmp_path / "f.xlsx", lang="sv")
    ws = openpyxl.load_workbook(form).worksheets[0]
    shown = {row[0].value: row[1].value for row in ws.iter_rows() if row[0].value}
    assert shown["Real förändring av elpriset"] == "2\xa0%"
    assert shown["Elpris"] == "1 kr/kWh"


def test_a_form_like_an_alternative_that_cannot_be_evaluated_is_refused(tmp_path: Path) -> None:
    """A tender made in Python is not evaluated when it is made: its first alternative, with
    a price path of 2 years for a 10-year study, gave a form every bid of which failed."""
    bid_price = lcc.Parameter("price", "1000 SEK", role="bidder")
    alt = lcc.Alternative("A", lcc.Investment(bid_price),
                          lcc.Recurring(lcc.ByYear([100, 110], unit="SEK/yr")))
    tender = lcc.io.Tender("T", lcc.Study("10 yr", 0.03), (alt,))
    with pytest.raises(TenderError) as info:
        write_bid_form(tender, tmp_path / "f.xlsx")
    [issue] = info.value.errors
    assert (issue.code, issue.path) == ("invalid-value", "alternatives[0].items[1].amount_per_year")
    assert "covers years 1..2 but years 1..10 are needed" in issue.message
    assert not (tmp_path / "f.xlsx").exists()


@pytest.mark.parametrize("default", ['"2 %"', '"2 procent"', '"2,0 %"', "0.02"])
def test_a_rate_rows_default_is_read_as_every_rate(tmp_path: Path, default: str) -> None:
    """``default = "2 %"`` for a rate row was refused ('got the text '2 %'; enter a number')
    by a message that asked for '2 %'. It is read by the rate field's rule, and a blank cell
    takes it: Σ_{k=1..10} 1 000 × 1.02^k × 1.03^−k = 9 481.27 SEK."""
    text = TENDER.replace('escalation = { bidder = "Annual price increase" }',
                          f'escalation = {{ bidder = "Annual price increase", '
                          f'default = {default} }}')
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    tender = load_tender(path)
    [field] = [f for f in bid_form(tender).fields if f.key == "items[0].escalation"]
    assert (field.default, field.required) == (pytest.approx(0.02, rel=1e-12), False)
    form = write_bid_form(tender, tmp_path / "form.xlsx")
    wb = openpyxl.load_workbook(form)
    ws = wb["Bid"]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    ws.cell(rows["bidder"], 4, "Firm AB")
    ws.cell(rows["items[0].amount_per_year"], 4, 1000)
    wb.save(tmp_path / "filled.xlsx")
    bid = read_bid_form(tender, tmp_path / "filled.xlsx")
    expected = sum(1000 * 1.02**k * 1.03**-k for k in range(1, 11))
    assert lcc.evaluate(bid, tender.study).value == pytest.approx(expected, rel=1e-12)
    # the bid's note says what the blank cell took, as a percentage (it said 0.02)
    assert "'Annual price increase' = 2 % (Bid!D8)" in (bid.description or "")


@pytest.mark.parametrize(("default", "message"), [
    ('"2"', "got the bare number 2; a rate is a fraction per year, so this would be 200 %"),
    ("2", "got 2, which is 200 %"),
    ('"200 %"', "got 2.0, which is 200 %")])
def test_a_rate_rows_default_out_of_range_is_refused(tmp_path: Path, default: str,
                                                       message: str) -> None:
    text = TENDER.replace('escalation = { bidder = "Annual price increase" }',
                          f'escalation = {{ bidder = "Annual price increase", '
                          f'default = {default} }}')
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TenderError) as info:
        bid_form(load_tender(path))
    [issue] = info.value.errors
    assert issue.path == "bid_form.items[0].escalation.default"
    assert message in issue.message




@pytest.mark.parametrize("default", ['"10 %"', '"10 procent"', '"0,1"', "0.1"])
def test_a_share_default_is_read_as_a_calculator_input_is(tmp_path: Path, default: str) -> None:
    """control_savings = "10 %" is read in a tender's calculator inputs; in [bid_form.defaults]
    it was refused as text, and a second message said the input was no row of the form."""
    path = tmp_path / "t.toml"
    path.write_text(CALCULATOR.replace("{default}", default), encoding="utf-8")
    [field] = [f for f in bid_form(load_tender(path)).fields if f.key == "control_savings"]
    assert (field.default, field.required) == (pytest.approx(0.1, rel=1e-12), False)


@pytest.mark.parametrize(("default", "message"), [
    ('"abc"', "could not read 'abc'"), ('"150 %"', "got 1.5; expected a value ≤ 1"),
    ('"0.1 kg"', "got the text '0.1 kg'; enter a number")])
def test_a_wrong_default_is_one_message(tmp_path: Path, default: str, message: str) -> None:
    path = tmp_path / "t.toml"
    path.write_text(CALCULATOR.replace("{default}", default) + '[bid_form.units]\nfoo = "W"\n',
                    encoding="utf-8")
    with pytest.raises(TenderError) as info:
        bid_form(load_tender(path))
    [default_issue, unit_issue] = info.value.errors
    assert default_issue.path == "bid_form.defaults.control_savings"
    assert message in default_issue.message
    assert unit_issue.path == "bid_form.units.foo"
    # the rows with a unit to choose, also the one whose default failed
    assert unit_issue.message.endswith("units apply to: power, price, maintenance, life")


YEARS = TENDER.split("[bid_form]")[0] + """[bid_form]
[[bid_form.items]]
type = "OneOff"
amount = { bidder = "Overhaul cost", default = AMOUNT }
at = { bidder = "Year of overhaul", default = AT }
"""


@pytest.mark.parametrize(("amount", "at"), [('"2 500 kr"', '"3 yr"'), ("2500", '"3 år"'),
                                             ('"2500 SEK"', '"3"'), ("2500", "3")])
def test_a_default_is_read_in_its_rows_unit_however_spelt(tmp_path: Path, amount: str,
                                                          at: str) -> None:
    """The form's own hint asked for "the text '<number> yr'" and refused '3 yr' for a year;
    '2 500 kr' was refused for a row in SEK."""
    path = tmp_path / "t.toml"
    path.write_text(YEARS.replace("AMOUNT", amount).replace("AT", at), encoding="utf-8")
    fields = {f.key: f for f in bid_form(load_tender(path)).fields}
    assert fields["items[0].amount"].default == 2500.0
    assert fields["items[0].at"].default == 3.0


@pytest.mark.parametrize("at", ['"3 h"', '"36 months"', '"3 %"', '"3 kg"'])
def test_a_default_in_another_unit_is_refused_not_converted(tmp_path: Path, at: str) -> None:
    """Hours are not years (a life in burning hours needs its basis), and a percentage of
    nothing is no year: refused, in the reader's words."""
    from lcc._errors import in_lang

    path = tmp_path / "t.toml"
    path.write_text(YEARS.replace("AMOUNT", "2500").replace("AT", at), encoding="utf-8")
    with pytest.raises(TenderError) as info:
        bid_form(load_tender(path))
    [issue] = info.value.errors
    assert issue.path == "bid_form.items[0].at.default"
    assert f"got the text {at[1:-1]!r}" in issue.message
    assert issue.message.endswith("(a number in yr, or the text '<number> yr')")
    assert in_lang(issue.message, "sv").endswith("(ett tal i år, eller texten '<tal> år')")


@pytest.mark.parametrize(("bounds", "text", "formula"), [
    ('max = "5 %"', "a percentage per year, e.g. 2\xa0%; over -100\xa0%, at most 5\xa0%",
     "AND(ISNUMBER(D8),D8>-1,D8<1,D8<=0.05)"),
    ("min = 0, max = 0.05", "a percentage per year, e.g. 2\xa0%; at least 0\xa0%, at most 5\xa0%",
     "AND(ISNUMBER(D8),D8>-1,D8<1,D8>=0,D8<=0.05)"),
    ("", "a percentage per year, e.g. 2\xa0%; over -100\xa0%, under 100\xa0%",
     "AND(ISNUMBER(D8),D8>-1,D8<1)")])
def test_a_rate_rows_bounds_are_rates_shown_and_checked(tmp_path: Path, bounds: str, text: str,
                                                        formula: str) -> None:
    """The buyer's max = "5 %" was refused as text and max = 0.05 was checked on import only:
    the form said "over −100 %, under 100 %" and Excel let 10 % in. The bounds are read as
    rates, shown on the form and checked by Excel and by the import."""
    marker = f'{{ bidder = "Annual price increase", {bounds} }}' if bounds else \
        '{ bidder = "Annual price increase" }'
    path = tmp_path / "t.toml"
    path.write_text(TENDER.replace('{ bidder = "Annual price increase" }', marker),
                    encoding="utf-8")
    tender = load_tender(path)
    form = write_bid_form(tender, tmp_path / "form.xlsx")
    ws = openpyxl.load_workbook(form)["Bid"]
    assert ws["F8"].value == text
    [dv] = [dv for dv in ws.data_validations.dataValidation if "D8" in str(dv.sqref)]
    assert dv.formula1 == formula
    if bounds:
        with pytest.raises(TenderError, match=r"Bid!D8: .*got 0.1, which is 10 %; enter a "
                           r"percentage of at most 5 %"):  # said as the row shows it
            read_bid_form(tender, _filled(tender, tmp_path, 0.1))


def test_a_bare_rate_bound_is_refused_with_the_percentage_offered(tmp_path: Path) -> None:
    """max = 5 for 5 % was 500 %: no bound at all on a row that takes less than 100 %."""
    path = tmp_path / "t.toml"
    path.write_text(TENDER.replace('{ bidder = "Annual price increase" }',
                                   '{ bidder = "Annual price increase", max = 5 }'),
                    encoding="utf-8")
    with pytest.raises(TenderError) as info:
        bid_form(load_tender(path))
    [issue] = info.value.errors
    assert issue.path == "bid_form.items[0].escalation.max"
    assert "got the bare number 5; a rate is a fraction per year, so this would be 500 %; " \
        "did you mean 5 % = 0.05?" in issue.message


LATER = TENDER.split("[bid_form]")[0].replace('period = "10 yr"', 'period = "20 yr"') + """
[bid_form]
[[bid_form.items]]
type = "Periodic"
amount = { bidder = "Service cost" }
every = "2 yr"
first = 5
last = { bidder = "Last service" }
[[bid_form.items]]
type = "Recurring"
amount_per_year = { bidder = "Fee" }
start = 3
end = { bidder = "Last year" }
"""


def test_a_bidders_last_year_after_the_buyers_first_makes_a_form(tmp_path: Path) -> None:
    """The buyer's first = 5 and the bidder's last: the form was refused ('items[0].last: got
    1.0, before first (5)'), since its rows were tried at the least they take. Years rows are
    tried at the study's last year too; a bid with last = 15 and end = 18 is then imported:
    500 × Σ_{t=5,7,…,15} 1.03^−t + 100 × Σ_{k=3..18} 1.03^−k = 2 243.68 + 1 184.00."""
    path = tmp_path / "t.toml"
    path.write_text(LATER, encoding="utf-8")
    tender = load_tender(path)
    form = write_bid_form(tender, tmp_path / "form.xlsx")
    assert bid_form(tender).trial["items[0].last"] == 20.0
    wb = openpyxl.load_workbook(form)
    ws = wb["Bid"]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    for key, value in {"bidder": "Firm AB", "items[0].amount": 500, "items[0].last": 15,
                       "items[1].amount_per_year": 100, "items[1].end": 18}.items():
        ws.cell(rows[key], 4, value)
    wb.save(tmp_path / "filled.xlsx")
    bid = read_bid_form(tender, tmp_path / "filled.xlsx")
    expected = sum(500 * 1.03**-t for t in range(5, 16, 2)) + \
        sum(100 * 1.03**-k for k in range(3, 19))
    assert expected == pytest.approx(2243.68 + 1184.00, abs=0.01)
    assert lcc.evaluate(bid, tender.study).value == pytest.approx(expected, rel=1e-12)


def test_a_form_whose_rows_enter_service_late_is_written(tmp_path: Path) -> None:
    """A trial bid at values inside the bounds but far from their least (a start of 185
    years) refused a good form: the trial takes each row's least value."""
    text = TENDER.split("[bid_form]")[0] + """[bid_form]
start = { bidder = "Start of service" }
[[bid_form.items]]
type = "OneOff"
amount = { bidder = "Overhaul cost" }
at = { bidder = "Year of overhaul" }
[[bid_form.items]]
type = "Investment"
amount = { bidder = "Price" }
life = { bidder = "Life" }
"""
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    assert write_bid_form(load_tender(path), tmp_path / "f.xlsx").exists()


@pytest.mark.parametrize("form", [
    '[bid_form]\ntemplate = "street_lighting"\n[bid_form.inputs]\noperating_hours = "4000 h/yr"\n'
    'electricity_price = "1.2 SEK/kWh"\nescalation = { parameter = "esc" }\n',
    '[[bid_form.items]]\ntype = "Recurring"\namount_per_year = { bidder = "Service" }\n'
    'escalation = { parameter = "esc" }\n'])
def test_a_buyer_parameter_a_form_refuses_is_reported_at_its_number(tmp_path: Path,
                                                                    form: str) -> None:
    """A bare 3 for an escalation parameter was reported at the form's reference to it; it
    stands at the parameter's value, naming the row that reads it."""
    path = tmp_path / "t.toml"
    path.write_text('name = "T"\n[study]\nperiod = "15 yr"\ndiscount_rate = "3 %"\n'
                    '[parameters.esc]\nvalue = 3\n' + form, encoding="utf-8")
    with pytest.raises(TenderError) as info:
        bid_form(load_tender(path))
    [issue] = info.value.errors
    where = "inputs.escalation" if "template" in form else "items[0].escalation"
    assert (issue.path, issue.line) == ("parameters.esc.value", 6)
    assert issue.message.startswith("the value of Parameter 'esc' holds the bare number 3; a "
                                    "rate is a fraction per year, so this would be 300 %")
    assert issue.message.endswith(f" (read by bid_form.{where})")
    path.write_text(path.read_text(encoding="utf-8").replace("value = 3", 'value = "3 %"'),
                    encoding="utf-8")
    assert bid_form(load_tender(path)).fields[1:]


@pytest.mark.parametrize(("fmt", "refused"), [("0%", True), ("0.0%", False), ("0.0##%", False),
                                              ("General", True)])
def test_a_rate_cell_rounded_or_made_plain_is_refused_with_the_format_to_restore(
        tender: lcc.io.Tender, tmp_path: Path, fmt: str, refused: bool) -> None:
    """3.4 % in a cell formatted '0%' shows '3%' (a bidder's increase read as 3.4 % while
    the form shows 3 %); in General it shows 0.034. The message says to set the cell back to
    a percentage — it said 'back to General' for a cell in General."""
    filled = _filled(tender, tmp_path, 0.034)
    wb = openpyxl.load_workbook(filled)
    ws = wb["Bid"]
    [row] = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "items[0].escalation"]
    ws.cell(row, 4).number_format = fmt
    wb.save(filled)
    if not refused:
        bid = read_bid_form(tender, filled)
        assert bid.items[0].escalation == pytest.approx(0.034)
        return
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, filled)
    [issue] = info.value.errors
    assert issue.code == "number-format"
    how = "rounded, as 3 %" if fmt == "0%" else "as the plain number 0.034, not as a percentage"
    assert f"shows 0.034 {how}; set the cell's format back to a percentage with its " \
           "decimals" in issue.message
