"""lcc.bidform as a bid portal calls it: tenders read from text, forms held in memory,
hostile forms refused quickly and in words (review 5, findings 1, 2, 3, 9 and 10)."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

openpyxl = pytest.importorskip("openpyxl")

import lcc  # noqa: E402
import lcc.io  # noqa: E402
from lcc.bidform import (  # noqa: E402
    bid_form,
    read_bid_form,
    read_bid_forms,
    save_with_bids,
    with_bids,
    write_bid_form,
)
from lcc.io import TenderError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SWEDEN = ROOT / "examples" / "assumptions" / "sweden-2025.toml"

#: The tender of docs/howto/bid-forms.md: bids come from forms, no alternatives yet.
LIGHTING = f'''\
format = "lcc.tender/1"
name = "Street lighting 2026"
reference = "Dnr 2026/0007"
assumptions = "{SWEDEN.as_posix()}"

[study]
period = "20 yr"

[parameters.operating_hours]
value = "4100 h/yr"
low = "3800 h/yr"
high = "4400 h/yr"

[parameters.light_points]
value = 250

[bid_form]
title = "Anbudsformulär gatubelysning"
quantity = {{ parameter = "light_points" }}

[[bid_form.items]]
type = "Investment"
label = "LED luminaire incl. installation"
amount = {{ bidder = "Price per luminaire incl. installation, excl. VAT", unit = "SEK" }}
life = {{ bidder = "Service life (L80B10)", unit = "yr", min = 5, max = 40 }}

[[bid_form.items]]
type = "Replacement"
label = "LED driver"
amount = {{ bidder = "Price of a new driver incl. labour", unit = "SEK", default = 900 }}
every = {{ bidder = "Driver replacement interval", unit = "yr", min = 1, default = 10 }}

[[bid_form.items]]
type = "Energy"
power = {{ bidder = "System power per luminaire incl. driver", unit = "W", min = 1, max = 500 }}
hours = {{ parameter = "operating_hours" }}
price = {{ parameter = "electricity_price" }}
escalation = {{ parameter = "electricity_price_escalation" }}

[[bid_form.items]]
type = "Recurring"
label = "Cleaning and inspection"
amount_per_year = {{ bidder = "Maintenance per luminaire and year", unit = "SEK/yr" }}
'''

LABELS = ["Bidder: company name (names the bid)",
          "Price per luminaire incl. installation, excl. VAT", "Service life (L80B10)",
          "Price of a new driver incl. labour", "Driver replacement interval",
          "System power per luminaire incl. driver", "Maintenance per luminaire and year"]

EXISTING = '''
[[alternatives]]
name = "Existing HPS"

[[alternatives.items]]
type = "Energy"
power = "150 W"
hours = { parameter = "operating_hours" }
price = { parameter = "electricity_price" }
'''

BID = {"bidder": "LED AB", "items[0].amount": 4950, "items[0].life": 25,
       "items[2].power": 45, "items[3].amount_per_year": 50}


def labels(form: Any) -> list[str]:
    return [f.label for f in form.fields]


def fill(form: Path | bytes, values: dict[str, Any], out: Path) -> Path:
    """Fill a form as a bidder would: the value cell (D) of each row, found by its key (A)."""
    wb = openpyxl.load_workbook(io.BytesIO(form) if isinstance(form, bytes) else form)
    ws = wb["Bid"]
    rows = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
    for key, value in values.items():
        ws.cell(rows[key], 4).value = value
    wb.save(out)
    return out


# ---------------------------------------------------------------------------- 1, 2: from text


def test_a_tender_read_from_text_never_reads_its_source_name_from_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding 1: ``source`` is a name to show. Another tender file of that name in the
    current folder must not become the form (its rows, its checksum)."""
    monkeypatch.chdir(tmp_path)
    other = LIGHTING.replace("System power per luminaire incl. driver",
                             "Number of spare luminaires delivered")
    (tmp_path / "lighting-2026.toml").write_text(other, encoding="utf-8")
    t = lcc.io.loads_tender(LIGHTING, source="lighting-2026.toml")
    form = bid_form(t)
    assert labels(form) == LABELS
    out = write_bid_form(t, tmp_path / "form.xlsx")
    sheets = openpyxl.load_workbook(out)
    meta = {r[0]: r[1] for r in sheets["lcc"].iter_rows(values_only=True) if r[0]}
    assert meta["tender_sha256"] == hashlib.sha256(LIGHTING.encode("utf-8")).hexdigest()
    assert sheets["Bid"]["B11"].value == "System power per luminaire incl. driver"


def test_a_tender_file_keeps_the_checksum_of_its_bytes(tmp_path: Path) -> None:
    """The SHA-256 a form records for a tender file is still that of the file's bytes, and
    the file is not read again (a later change on disk does not alter the form)."""
    path = tmp_path / "lighting-2026.toml"
    path.write_bytes(LIGHTING.encode("utf-8"))
    t = lcc.io.load_tender(path)
    path.write_text(LIGHTING.replace("Service life (L80B10)", "Something else"),
                    encoding="utf-8")
    out = write_bid_form(t, tmp_path / "form.xlsx")
    meta = {r[0]: r[1] for r in openpyxl.load_workbook(out)["lcc"].iter_rows(values_only=True)
            if r[0]}
    assert meta["tender_sha256"] == hashlib.sha256(LIGHTING.encode("utf-8")).hexdigest()
    assert meta["tender_file"] == "lighting-2026.toml"
    assert labels(bid_form(t)) == LABELS


def test_a_tender_from_text_gives_the_form_of_its_bid_form_table(tmp_path: Path) -> None:
    """Finding 2: the same form from text as from a file (no IndexError), and bids read."""
    path = tmp_path / "lighting-2026.toml"
    path.write_text(LIGHTING, encoding="utf-8")
    from_file = bid_form(lcc.io.load_tender(path))
    t = lcc.io.loads_tender(LIGHTING.encode("utf-8"))
    from_text = bid_form(t)
    assert labels(from_text) == labels(from_file) == LABELS
    assert from_text.origin.startswith("[bid_form] items")
    filled = fill(write_bid_form(t, tmp_path / "form.xlsx"), BID, tmp_path / "led.xlsx")
    bid = read_bid_form(t, filled)
    assert bid.name == "LED AB"
    assert lcc.evaluate(bid, t.study).total.magnitude == pytest.approx(
        lcc.evaluate(read_bid_form(lcc.io.load_tender(path), filled),
                     t.study).total.magnitude, rel=1e-12)


def test_a_reference_alternative_does_not_replace_the_bid_form_table() -> None:
    """Finding 2: with the existing installation as an alternative, a tender from text still
    gives its [bid_form] rows, not the alternative's (which had one row)."""
    t = lcc.io.loads_tender(LIGHTING + EXISTING)
    form = bid_form(t)
    assert labels(form) == LABELS
    assert "no [bid_form]" not in str(form.origin)
    # ... and the tender built with bids keeps it
    assert labels(bid_form(t.with_alternatives(*t.alternatives))) == LABELS


def test_a_tender_with_neither_bid_form_nor_alternative_is_refused_in_words() -> None:
    t = lcc.io.loads_tender(LIGHTING)
    bare = lcc.io.Tender(t.name, t.study, (), bid_form={})  # nothing to ask
    with pytest.raises(TenderError) as exc:
        bid_form(bare)
    assert [(e.code, e.path) for e in exc.value.errors] == [("missing-field", "bid_form")]
    assert "IndexError" not in str(exc.value)


def test_save_with_bids_keeps_the_text_read_not_a_file_of_its_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lighting-2026.toml").write_text(LIGHTING.replace(
        'name = "Street lighting 2026"', 'name = "Another tender"'), encoding="utf-8")
    t = lcc.io.loads_tender(LIGHTING, source="lighting-2026.toml")
    filled = fill(write_bid_form(t, tmp_path / "form.xlsx"), BID, tmp_path / "led.xlsx")
    out = save_with_bids(t, read_bid_forms(t, [filled]), tmp_path / "with-bids.toml")
    again = lcc.io.load_tender(out)
    assert again.name == "Street lighting 2026"
    assert [a.name for a in again.alternatives] == ["LED AB"]


# ---------------------------------------------------------------------------- 9: in memory


@pytest.fixture()
def lighting() -> Any:
    return lcc.io.loads_tender(LIGHTING, source="lighting-2026.toml")


@pytest.fixture()
def filled_bytes(tmp_path: Path, lighting: Any) -> bytes:
    data = write_bid_form(lighting)
    assert isinstance(data, bytes) and data[:2] == b"PK"
    return fill(data, BID, tmp_path / "led.xlsx").read_bytes()


def test_forms_are_written_and_read_in_memory(lighting: Any, filled_bytes: bytes,
                                              tmp_path: Path) -> None:
    """Finding 9: bytes, BytesIO and (name, bytes) are forms; write_bid_form without a path
    gives the same bytes it writes to a file or into a BytesIO."""
    on_disk = write_bid_form(lighting, tmp_path / "form.xlsx").read_bytes()
    buf = io.BytesIO()
    assert write_bid_form(lighting, buf) == on_disk == write_bid_form(lighting)
    assert buf.getvalue() == on_disk
    for given in (filled_bytes, io.BytesIO(filled_bytes), [filled_bytes],
                  [io.BytesIO(filled_bytes)], ("led.xlsx", filled_bytes)):
        assert [b.name for b in read_bid_forms(lighting, given)] == ["LED AB"]
    assert read_bid_form(lighting, filled_bytes).name == "LED AB"


def test_a_form_in_memory_is_named_as_given_in_messages(lighting: Any,
                                                        filled_bytes: bytes) -> None:
    with pytest.raises(TenderError) as exc:
        read_bid_forms(lighting, [filled_bytes, ("Anbud LED AB.xlsx", filled_bytes)])
    assert [(e.file, e.code) for e in exc.value.errors] == [
        ("Anbud LED AB.xlsx", "duplicate-name")]
    with pytest.raises(TenderError) as exc:
        read_bid_forms(lighting, [b"not a workbook", ("anbud.xls", filled_bytes)])
    assert [(e.file, e.code) for e in exc.value.errors] == [
        ("forms[0]", "parse-error"), ("anbud.xls", "unsupported-format")]


@pytest.mark.parametrize(("call", "field", "words"), [
    (lambda t: read_bid_forms(t, 5), "forms", "the argument forms is int"),
    (lambda t: read_bid_forms(t, [object()]), "forms[0]", "forms[0] is object"),
    (lambda t: read_bid_forms(t, [io.StringIO("x")]), "forms[0]", "forms[0] is StringIO"),
    (lambda t: read_bid_forms("tender.toml", []), "tender", "tender is str"),
    (lambda t: write_bid_form(t, 5), "output", "output is int"),
    (lambda t: write_bid_form(t, io.StringIO()), "output", "output is StringIO"),
    (lambda t: with_bids(t, ["x"]), "bids[0]", "bids[0] is str"),
    (lambda t: with_bids(None, []), "tender", "tender is NoneType"),
])
def test_another_type_is_refused_naming_the_argument(lighting: Any, call: Any, field: str,
                                                     words: str) -> None:
    with pytest.raises(lcc.LCCError) as exc:
        call(lighting)
    assert (exc.value.field, exc.value.code) == (field, "wrong-type")
    assert words in str(exc.value)
    assert "expected" in str(exc.value)


# ---------------------------------------------------------------------------- 10: in words


def _damaged(filled: bytes) -> bytes:
    """A form whose value cell holds <v>NaN</v>: openpyxl raises a ValueError naming the
    path it read."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(filled)) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = re.sub(rb'(<c r="D7"[^>]*>)<v>[^<]*</v>', rb'\1<v>NaN</v>', data)
            z.writestr(info.filename, data)
    return out.getvalue()


def test_a_damaged_workbook_is_said_in_words(lighting: Any, filled_bytes: bytes,
                                             tmp_path: Path) -> None:
    path = tmp_path / "upload-8f3a.xlsx"
    path.write_bytes(_damaged(filled_bytes))
    with pytest.raises(TenderError) as exc:
        read_bid_forms(lighting, [path])
    (e,) = exc.value.errors
    assert (e.code, e.file) == ("parse-error", str(path))
    for lang in ("en", "sv"):
        text = e.message.in_lang(lang) if hasattr(e.message, "in_lang") else str(e.message)
        assert not re.search(r"Error\b|Exception|/tmp|" + re.escape(str(tmp_path)), text), text
    assert str(e.message).startswith("the workbook cannot be read: it is damaged, or not a "
                                     "valid .xlsx workbook")
    assert e.message.in_lang("sv").startswith("arbetsboken kan inte läsas: den är skadad")


# ---------------------------------------------------------------------------- 3: bounded


def _with_rows(filled: bytes, rows: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(filled)) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = data.replace(b"</sheetData>", rows + b"</sheetData>")
            z.writestr(info.filename, data)
    return out.getvalue()


def test_many_stray_cells_stop_at_the_limit_of_problems(lighting: Any,
                                                         filled_bytes: bytes) -> None:
    """Finding 3: 1 000 stray cells give 200 problems and one that says the rest are not
    listed (as tender files do), not 1 000 records."""
    rows = b"".join(b'<row r="%d"><c r="G%d"><v>1</v></c></row>' % (i, i)
                    for i in range(20, 1020))
    with pytest.raises(TenderError) as exc:
        read_bid_forms(lighting, [("big.xlsx", _with_rows(filled_bytes, rows))] * 3)
    codes = [e.code for e in exc.value.errors]
    assert len(codes) == 201
    assert codes[:200] == ["extra-cell"] * 200 and codes[200] == "too-many"
    assert "more than 200 problems" in str(exc.value.errors[200].message)


def test_a_sheet_far_beyond_the_form_is_refused_before_it_is_read(
        lighting: Any, filled_bytes: bytes) -> None:
    """A million empty styled cells (25 s and 1.1 GB before) are refused by the size of
    the sheet, before openpyxl reads it."""
    from lcc.bidform._read import MAX_SHEET_BYTES

    n = MAX_SHEET_BYTES // 20 + 10
    rows = b"".join(b'<row r="%d"><c r="A%d" s="1"/></row>' % (i, i) for i in range(20, n))
    with pytest.raises(TenderError) as exc:
        read_bid_forms(lighting, [("empty.xlsx", _with_rows(filled_bytes, rows))])
    (e,) = exc.value.errors
    assert (e.code, e.file) == ("too-large", "empty.xlsx")
    assert str(e.message).startswith("the part xl/worksheets/sheet2.xml of the workbook "
                                     "unpacks to ")
