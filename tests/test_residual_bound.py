"""A stated residual (resale) value is at most what the unit cost.

A residual given as a fraction of the cost was refused above 1 (100 %), but the same value
given as an amount was read whatever its size: ``Investment("1000 SEK", life="20 yr",
residual="5000 SEK")`` gave an LCC of −2 377.82 SEK over 10 years at 4 %, with no word, and a
bidder could win by stating a resale value above the price. One rule, in the model
(:func:`lcc.model._items.worth_more`), read by tender files, calculators and bid forms.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import lcc
from lcc.templates import it_equipment, refurbished_vs_new, vehicles


@pytest.mark.parametrize("make", [
    lambda r: lcc.Investment("1000 SEK", life="20 yr", residual=r),
    lambda r: lcc.Replacement("1000 SEK", every="4 yr", residual=r),
])
def test_a_residual_amount_above_the_cost_is_refused(make) -> None:
    with pytest.raises(lcc.LCCError) as info:
        make("5000 SEK")
    err = info.value
    assert err.code == "invalid-value" and err.field.endswith(".residual")
    assert "got 5000 SEK, more than the installation costs (1000 SEK)" in str(err)
    # in other units of the same currency: 1.5 kSEK = 1 500 SEK > 1 000 SEK
    with pytest.raises(lcc.LCCError, match="more than the installation costs"):
        make("1.5 kSEK")
    # a parameter's value is compared as well
    with pytest.raises(lcc.LCCError, match=r"got rv = 1500 SEK, more than"):
        make(lcc.Parameter("rv", "1500 SEK"))


def test_a_residual_up_to_the_cost_is_read() -> None:
    """Up to the cost, and in another currency (no rate to compare by): read as before. At 0 %
    over 10 years: 1 000 − 1 000 (residual equal to the cost) = 0; 1 000 − 999 = 1."""
    study = lcc.Study("10 yr", 0.0)
    for residual, total in (("1000 SEK", 0.0), ("999 SEK", 1.0), ("0.999 kSEK", 1.0)):
        alt = lcc.Alternative("A", lcc.Investment("1000 SEK", life="20 yr", residual=residual))
        assert float(lcc.evaluate(alt, study).value) == pytest.approx(total)
    lcc.Investment("1000 SEK", life="20 yr", residual="100 EUR")
    # a Residual item is the way to state a value above the cost (an appreciating asset)
    alt = lcc.Alternative("A", lcc.Investment("1000 SEK"), lcc.Residual("1500 SEK"))
    assert float(lcc.evaluate(alt, study).value) == pytest.approx(-500.0)


def test_a_tender_file_names_the_line(tmp_path: Path) -> None:
    text = ('format = "lcc.tender/1"\nname = "R"\n[study]\nperiod = "10 yr"\n'
            'discount_rate = "4 %"\n[[alternatives]]\nname = "A"\nitems = [\n'
            '  { type = "Investment", amount = "1000 SEK", life = "20 yr", '
            'residual = "5000 SEK" },\n]\n')
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(text, format="toml")
    (issue,) = info.value.errors
    assert (issue.code, issue.path, issue.line) == (
        "invalid-value", "alternatives[0].items[0].residual", 9)


def test_calculators_refuse_a_resale_value_above_the_price() -> None:
    with pytest.raises(lcc.LCCError) as info:
        it_equipment.alternative("PC", price="9000 SEK", tec="25 kWh/yr",
                                 electricity_price="2 SEK/kWh", resale_value="9500 SEK")
    assert info.value.field == "it_equipment.resale_value"
    assert "got 9500 SEK, more than the price (9000 SEK)" in str(info.value)
    with pytest.raises(lcc.LCCError) as info:
        refurbished_vs_new.alternative("Chair", condition="refurbished", price="1200 SEK",
                                       life="5 yr", resale_value="1300 SEK")
    assert info.value.field == "refurbished_vs_new.resale_value"
    with pytest.raises(lcc.LCCError) as info:
        vehicles.alternative("Car", price="300000 SEK", annual_mileage="15000 km/yr",
                             consumption="5 l/100km", fuel_price="18 SEK/l", life="8 yr",
                             residual="400000 SEK")
    assert info.value.field == "vehicles.residual"
    assert "got 400000 SEK, more than the installation costs (300000 SEK)" in str(info.value)
    # equal to the price: read; 9 000 + 4 × 25 × 2 − 9 000 over 4 years at 0 %
    pc = it_equipment.alternative("PC", price="9000 SEK", tec="25 kWh/yr",
                                  electricity_price="2 SEK/kWh", resale_value="9000 SEK")
    assert float(lcc.evaluate(pc, lcc.Study("4 yr", 0.0)).value) == pytest.approx(200.0)


def test_swedish_message() -> None:
    with pytest.raises(lcc.LCCError) as info:
        lcc.Investment("1000 SEK", life="20 yr", residual="5000 SEK")
    assert "fick 5000 SEK, mer än installationen kostar (1000 SEK)" in \
        info.value.message_in("sv")


def test_a_bid_form_refuses_a_resale_value_above_the_price_at_its_cell(tmp_path: Path) -> None:
    """The laptops' form: a bidder who offers to buy back at 9 000 SEK what it sells for
    8 300 SEK would lower its LCC by the difference; refused at the resale row's cell."""
    import io

    openpyxl = pytest.importorskip("openpyxl")
    from lcc.bidform import read_bid_forms, write_bid_form

    tender = lcc.load_tender(Path(__file__).resolve().parents[1] / "examples/it-equipment.toml")
    wb = openpyxl.load_workbook(io.BytesIO(write_bid_form(tender)))
    ws = wb["Bid"]
    rows = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
    values = {"bidder": "Firm AB", "price": 8300, "tec": 24, "resale_value": 9000,
              "maintenance": 320}
    for key, value in values.items():
        ws.cell(rows[key], 4).value = value
    wb.save(tmp_path / "filled.xlsx")
    with pytest.raises(lcc.LCCError) as info:
        read_bid_forms(tender, [tmp_path / "filled.xlsx"])
    (issue,) = info.value.errors
    assert issue.code == "invalid-value"
    assert f"Bid!D{rows['resale_value']}" in str(issue)
    assert "got 9000 SEK, more than the price (8300 SEK)" in str(issue)


def test_a_residual_in_another_currency_is_compared_by_the_studys_rates() -> None:
    """'5000 EUR' beside a cost of 1 000 SEK was read (LCC −37 777.38 SEK at EUR = 11.48):
    the item cannot compare two currencies, the study's rates can. 100 EUR = 1 148 SEK > 1 000
    is refused at compile (a file names its line); 50 EUR = 574 SEK is read: 1 000 − 574 ×
    1.04⁻¹⁰ = 1 000 − 387.77 = 612.23 SEK."""
    study = lcc.Study("10 yr", 0.04,
                      exchange_rates=lcc.ExchangeRates(base="SEK", rates={"EUR": 11.48}))
    ok = lcc.Alternative("A", lcc.Investment("1000 SEK", life="20 yr", residual="50 EUR"))
    assert float(lcc.evaluate(ok, study).value) == pytest.approx(1000 - 574 * 1.04 ** -10)
    dear = lcc.Alternative("A", lcc.Investment("1000 SEK", life="20 yr", residual="100 EUR"))
    with pytest.raises(lcc.LCCError) as info:
        lcc.evaluate(dear, study)
    assert (info.value.field, info.value.code) == ("Alternative.items[0].residual",
                                                   "invalid-value")
    assert "got 100 EUR, more than the installation costs (1000 SEK)" in str(info.value)
    text = ('format = "lcc.tender/1"\nname = "R"\n[study]\nperiod = "10 yr"\n'
            'discount_rate = "4 %"\nexchange_rates = { base = "SEK", rates = { EUR = 11.48 } }\n'
            '[[alternatives]]\nname = "A"\nitems = [\n'
            '  { type = "Investment", amount = "1000 SEK", life = "20 yr", '
            'residual = "5000 EUR" },\n]\n')
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(text, format="toml")
    (issue,) = info.value.errors
    assert (issue.code, issue.path, issue.line) == (
        "invalid-value", "alternatives[0].items[0].residual", 10)


def test_a_residual_parameters_range_is_held_to_the_cost_as_a_tornado_varies_it() -> None:
    """A residual of 500 SEK with high 5 000 SEK was read, and the tornado showed
    −2 377.82 SEK at the high end, the number refused as a value; as a fraction's high above
    1 is refused, an amount's high above the cost is. Against a cost parameter, the residual
    is held below the cost's low."""
    with pytest.raises(lcc.LCCError) as info:
        lcc.Investment("1000 SEK", life="20 yr",
                       residual=lcc.Parameter("rv", "500 SEK", low="200 SEK", high="5000 SEK"))
    assert ("got 5000 SEK, the high of Parameter 'rv', more than the installation costs "
            "(1000 SEK)") in str(info.value)
    with pytest.raises(lcc.LCCError, match=r"\(400 SEK, the low of Parameter 'p'\)"):
        lcc.Investment(lcc.Parameter("p", "1000 SEK", low="400 SEK", high="1200 SEK"),
                       life="20 yr", residual="500 SEK")
    lcc.Investment(lcc.Parameter("p", "1000 SEK", low="600 SEK", high="1200 SEK"),
                   life="20 yr", residual=lcc.Parameter("rv", "500 SEK", high="1000 SEK"))
