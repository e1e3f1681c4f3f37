"""``lcc import-bids --format json`` says the tender and the currency of its LCCs, as every
other command's JSON does (it had only command, rows and notes)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import lcc
from lcc.cli import main
from lcc.cli._output_schema import output_schema

openpyxl = pytest.importorskip("openpyxl")
jsonschema = pytest.importorskip("jsonschema")

LAPTOPS = Path(__file__).resolve().parents[1] / "examples" / "it-equipment.toml"


def test_the_json_of_imported_bids_names_tender_and_currency(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lcc.bidform import write_bid_form

    wb = openpyxl.load_workbook(io.BytesIO(write_bid_form(lcc.load_tender(LAPTOPS))))
    ws = wb["Bid"]
    rows = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
    for key, value in {"bidder": "Firm AB", "price": 8300, "tec": 24, "resale_value": 1000,
                       "maintenance": 320}.items():
        ws.cell(rows[key], 4).value = value
    wb.save(tmp_path / "form.xlsx")
    assert main(["import-bids", str(LAPTOPS), str(tmp_path / "form.xlsx"),
                 "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["tender"], doc["currency"]) == ("Laptops for administration", "SEK")
    assert [row["alternative"] for row in doc["rows"]] == ["Firm AB"]
    jsonschema.validate(doc, output_schema("import-bids"))
