"""A bid form is read as it is shown, and its record of its words cannot be removed (review 5).

- a value cell, or the words of its row, shown otherwise than read — a conditional format
  ('5.2' shown as '5.2 tkr'), a number format on the unit or the question ('tSEK', '… in
  thousands'), a font in the colour of the background, rich text with a word struck out —
  is refused with ``number-format`` at the cell (finding 1);
- the record of the form's words in its very hidden sheet removed, or altered with its cell,
  is refused with ``changed-text``; a form whose tender's words the buyer edited since is
  still read (finding 6);
- a comment (note) on a cell is refused with ``changed-text`` at the cell (finding 8).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

openpyxl = pytest.importorskip("openpyxl")

from lcc._errors import in_lang  # noqa: E402
from lcc.bidform import read_bid_form, write_bid_form  # noqa: E402
from lcc.io import TenderError, load_tender  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "street-lighting.toml"
SWEDEN = ROOT / "examples" / "assumptions" / "sweden-2025.toml"
BID = {"bidder": "Ljus AB", "items[0].amount": 5200, "items[0].life": 20,
       "items[1].power": 38, "items[2].amount_per_year": 60}
PRICE = 7  # the row of the price (items[0].amount), in SEK


def _form(tmp_path: Path, lang: str = "en") -> tuple[Any, Path, str]:
    tender = load_tender(FIXTURE)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx", lang=lang, tender_file=FIXTURE)
    sheet = "Bid" if lang == "en" else "Anbud"
    wb = openpyxl.load_workbook(xlsx)
    ws = wb[sheet]
    rows = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
    assert rows["items[0].amount"] == PRICE
    for key, value in BID.items():
        ws.cell(rows[key], 4).value = value
    out = tmp_path / "filled.xlsx"
    wb.save(out)
    return tender, out, sheet


def _tampered(path: Path, change: Any, name: str = "tampered.xlsx") -> Path:
    wb = openpyxl.load_workbook(path)
    change(wb)
    out = path.with_name(name)
    wb.save(out)
    return out


def _refused(tender: Any, path: Path, tender_file: Path = FIXTURE) -> list[tuple[str, str]]:
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, path, tender_file=tender_file)
    return [(e.path, e.code) for e in info.value.errors]


def test_the_honest_form_is_read(tmp_path: Path) -> None:
    tender, filled, _ = _form(tmp_path)
    assert read_bid_form(tender, filled, tender_file=FIXTURE).name == "Ljus AB"


# ---------------------------------------------------------------- 1. shown as it is read


def test_a_conditional_format_showing_the_price_in_tkr_is_refused(tmp_path: Path) -> None:
    from openpyxl.formatting.rule import Rule
    from openpyxl.styles.differential import DifferentialStyle
    from openpyxl.styles.numbers import NumberFormat

    tender, filled, _ = _form(tmp_path)

    def tkr(wb: Any) -> None:
        wb["Bid"]["D7"].value = 5.2  # evaluated as 5.20 SEK, shown as '5.2 tkr'
        dxf = DifferentialStyle(numFmt=NumberFormat(numFmtId=200, formatCode='0.0" tkr"'))
        wb["Bid"].conditional_formatting.add(
            "D7", Rule(type="expression", formula=["TRUE"], dxf=dxf))

    assert _refused(tender, _tampered(filled, tkr)) == [("Bid!D7", "number-format")]


@pytest.mark.parametrize(("cell", "fmt"), [
    ("C7", '"t"@'),  # the unit 'SEK' shown as 'tSEK'
    ("B7", '@" — in thousands of SEK (tkr)"'),  # words added to the question
    ("B7", ";;;"),  # the question hidden
    ("B7", '0;0;0;"Price per luminaire excl. installation"'),  # the question replaced
    ("F7", "0.0%"),  # a number format on an explanation
])
def test_a_number_format_on_a_text_of_the_row_is_refused(tmp_path: Path, cell: str,
                                                         fmt: str) -> None:
    tender, filled, _ = _form(tmp_path)

    def text_format(wb: Any) -> None:
        wb["Bid"]["D7"].value = 5.2
        wb["Bid"][cell].number_format = fmt

    assert _refused(tender, _tampered(filled, text_format)) == [(f"Bid!{cell}",
                                                                 "number-format")]


def test_a_number_format_on_a_figure_of_the_tender_sheet_is_refused(tmp_path: Path) -> None:
    tender, filled, _ = _form(tmp_path)
    ws = openpyxl.load_workbook(filled)["Tender"]
    where = next(c.coordinate for row in ws.iter_rows() for c in row
                 if isinstance(c.value, (int, float)) and c.number_format == "General")

    def scaled(wb: Any) -> None:
        wb["Tender"][where].number_format = "#,##0,"  # in thousands

    assert _refused(tender, _tampered(filled, scaled)) == [(f"Tender!{where}",
                                                            "number-format")]


def test_a_value_cell_text_format_on_the_bidders_name_is_refused(tmp_path: Path) -> None:
    tender, filled, _ = _form(tmp_path)

    def name(wb: Any) -> None:
        wb["Bid"]["D6"].number_format = '@" (prices excl. installation)"'

    assert _refused(tender, _tampered(filled, name)) == [("Bid!D6", "number-format")]


@pytest.mark.parametrize("colour", ["FFF2CC", "FFFFFF"])
def test_a_value_in_the_colour_of_its_cell_is_refused(tmp_path: Path, colour: str) -> None:
    from openpyxl.styles import Font

    tender, filled, _ = _form(tmp_path)

    def hidden(wb: Any) -> None:
        wb["Bid"]["D7"].font = Font(color="FF" + colour)  # the yellow of the cell, or white

    assert _refused(tender, _tampered(filled, hidden)) == [("Bid!D7", "number-format")]


def test_a_question_struck_out_in_part_is_refused(tmp_path: Path) -> None:
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    tender, filled, _ = _form(tmp_path)
    label = openpyxl.load_workbook(filled)["Bid"]["B7"].value
    head, word, tail = label.partition("incl.")
    assert word

    def struck(wb: Any) -> None:  # the same words, 'incl.' struck out
        wb["Bid"]["B7"].value = CellRichText(head, TextBlock(InlineFont(strike=True), word),
                                             tail)

    out = _tampered(filled, struck)
    assert openpyxl.load_workbook(out)["Bid"]["B7"].value == label  # the words are the same
    assert _refused(tender, out) == [("Bid!B7", "number-format")]


def test_a_struck_out_question_is_refused(tmp_path: Path) -> None:
    from openpyxl.styles import Font

    tender, filled, _ = _form(tmp_path)

    def struck(wb: Any) -> None:
        wb["Bid"]["B7"].font = Font(strike=True)

    assert _refused(tender, _tampered(filled, struck)) == [("Bid!B7", "number-format")]


def test_the_refusals_are_said_in_swedish(tmp_path: Path) -> None:
    tender, filled, sheet = _form(tmp_path, lang="sv")

    def text_format(wb: Any) -> None:
        wb[sheet]["C7"].number_format = '"t"@'

    with pytest.raises(TenderError) as info:
        read_bid_form(tender, _tampered(filled, text_format), tender_file=FIXTURE)
    [error] = info.value.errors
    assert (error.path, error.code) == ("Anbud!C7", "number-format")
    swedish = str(in_lang(error.message, "sv"))
    assert "talformat" in swedish and "Allmänt" in swedish, swedish


# ---------------------------------------------------------------- 6. the form's records


def _records_removed(wb: Any) -> None:
    meta = wb["lcc"]
    for row in reversed(range(1, meta.max_row + 1)):
        if meta.cell(row, 1).value in ("shows", "formula"):
            meta.delete_rows(row)


def test_removing_the_record_of_the_words_is_refused(tmp_path: Path) -> None:
    tender, filled, _ = _form(tmp_path)

    def removed(wb: Any) -> None:
        _records_removed(wb)
        wb["Bid"]["B7"].value = "Price per luminaire EXCL. installation, excl. VAT"
        wb["Bid"]["B4"].value = "All prices exclude installation; reservation: see letter."
        wb["Bid"]["F2"].value = 999

    refused = _refused(tender, _tampered(filled, removed))
    assert ("lcc", "changed-text") in refused
    for cell in ("Bid!B7", "Bid!B4", "Bid!F2"):  # still checked against the tender's words
        assert (cell, "changed-text") in refused


def test_removing_only_the_record_is_refused(tmp_path: Path) -> None:
    tender, filled, _ = _form(tmp_path)
    assert _refused(tender, _tampered(filled, _records_removed)) == [("lcc", "changed-text")]


def test_a_record_altered_with_its_cell_is_refused(tmp_path: Path) -> None:
    tender, filled, _ = _form(tmp_path)
    new = "Price per luminaire EXCL. installation, excl. VAT"

    def altered(wb: Any) -> None:
        meta = wb["lcc"]
        [row] = [r for r in range(1, meta.max_row + 1)
                 if meta.cell(r, 1).value == "shows" and meta.cell(r, 2).value == "Bid!B7"]
        meta.cell(row, 3).value = new
        wb["Bid"]["B7"].value = new

    assert _refused(tender, _tampered(filled, altered)) == [("lcc", "changed-text"),
                                                            ("Bid!B7", "changed-text")]


def test_a_record_added_for_a_reservation_is_refused(tmp_path: Path) -> None:
    tender, filled, _ = _form(tmp_path)

    def added(wb: Any) -> None:
        meta = wb["lcc"]
        row = meta.max_row + 1
        meta.cell(row, 1).value = "shows"
        meta.cell(row, 2).value = "Bid!B4"
        meta.cell(row, 3).value = "Reservation: prices exclude installation."
        wb["Bid"]["B4"].value = "Reservation: prices exclude installation."

    assert _refused(tender, _tampered(filled, added)) == [("lcc", "changed-text"),
                                                          ("Bid!B4", "changed-text")]


def test_a_form_whose_tender_words_were_edited_since_is_read(tmp_path: Path) -> None:
    """The buyer edits the reference after the forms went out: the form's own records are
    what its cells are checked against, and removing them is still refused."""
    _, filled, _ = _form(tmp_path)
    text = FIXTURE.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^assumptions = ".*"$', f'assumptions = "{SWEDEN.as_posix()}"', text)
    edited = tmp_path / "street-lighting.toml"
    edited.write_text(text.replace('reference = "Dnr 2025/0042"',
                                   'reference = "Dnr 2025/0042 (rev. 1)"'), encoding="utf-8")
    now = load_tender(edited)
    assert read_bid_form(now, filled, tender_file=edited).name == "Ljus AB"
    assert _refused(now, _tampered(filled, _records_removed), edited) == [
        ("lcc", "changed-text")]


# ---------------------------------------------------------------- 8. comments


def test_a_comment_on_a_value_cell_is_refused(tmp_path: Path) -> None:
    from openpyxl.comments import Comment

    tender, filled, _ = _form(tmp_path)

    def noted(wb: Any) -> None:
        wb["Bid"]["D7"].comment = Comment("Reservation: price excludes installation and "
                                          "poles (+3 000 SEK each).", "Ljus AB")

    assert _refused(tender, _tampered(filled, noted)) == [("Bid!D7", "changed-text")]
