"""Outputs after the review of what a procurer reads (review 2): parameters that would read
alike are told apart in every table, chart and report; a break-even's reason is in the
reader's language in JSON too."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from lcc.cli import main
from lcc.results._describe import parameter_name, parameter_names

TENDER = """
format = "lcc.tender/1"
name = "Gatubelysning med nattsänkning"
[study]
period = "10 yr"
discount_rate = "4 %"
[parameters.price_day]
value = "1.5 SEK/kWh"
low = "1.0 SEK/kWh"
high = "2.0 SEK/kWh"
description = "Elpris: dagtid, 06-22"
[parameters.price_night]
value = "0.8 SEK/kWh"
low = "0.2 SEK/kWh"
high = "3.0 SEK/kWh"
description = "Elpris: natt, 22-06"
[[alternatives]]
name = "Anbud A"
[[alternatives.items]]
type = "Investment"
amount = "3000 SEK"
[[alternatives.items]]
type = "Energy"
annual = "100 kWh/yr"
price = { parameter = "price_day" }
[[alternatives.items]]
type = "Energy"
annual = "100 kWh/yr"
price = { parameter = "price_night" }
[[alternatives]]
name = "Anbud B"
[[alternatives.items]]
type = "Investment"
amount = "2500 SEK"
[[alternatives.items]]
type = "Energy"
annual = "120 kWh/yr"
price = { parameter = "price_day" }
[[alternatives.items]]
type = "Energy"
annual = "160 kWh/yr"
price = { parameter = "price_night" }
"""


def _run(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(args)) == 0
    return out.getvalue()


def test_a_description_in_brackets_keeps_its_bracket() -> None:
    """'Elpris (dagtid, 06-22)' and 'Elpris (natt, 22-06)' both read 'Elpris'; '@SUM(1)'
    read '@SUM'. A bracket ends the head only where the head is too long with it."""
    assert parameter_name("a", "sv", "Elpris (dagtid, 06-22)") == "Elpris (dagtid, 06-22)"
    assert parameter_name("a", "en", "@SUM(1)") == "@SUM(1)"
    # 71 characters, and 50 before its bracket: longer than a head (40), so the identifier
    long = "Electricity price at the public lighting cabinets (night tariff, 22-06)"
    assert parameter_name("price_night", "en", long) == "Price night"


def test_parameters_that_read_alike_are_told_apart_everywhere(tmp_path: Path) -> None:
    """Both heads are 'Elpris': each gets its identifier, in the terminal table, the
    break-even table, the report's tornado and Monte Carlo lines and the tornado chart."""
    assert parameter_names({"price_day": "Elpris: dagtid", "price_night": "Elpris: natt"},
                           "sv") == {"price_day": "Elpris (price_day)",
                                     "price_night": "Elpris (price_night)"}
    f = tmp_path / "t.toml"
    f.write_text(TENDER, "utf-8")
    for command in ("tornado", "break-even"):
        text = _run("sensitivity", str(f), command, "--lang", "sv")
        assert "Elpris (price_day)" in text and "Elpris (price_night)" in text, text
    out = tmp_path / "r.html"
    assert main(["report", str(f), "-o", str(out), "--lang", "sv"]) == 0
    html = out.read_text("utf-8")
    assert html.count("Elpris (price_night)") >= 2  # the tornado table and its chart
    assert ">Elpris<" not in html
    md = tmp_path / "r.md"
    assert main(["report", str(f), "-o", str(md), "--lang", "sv"]) == 0
    text = md.read_text("utf-8")
    # the assumptions, the trace's parameters and the tender's notes name them as the tables
    assert "Parameter: Elpris (price\\_night): 0,8\u00a0kr/kWh" in text
    assert "  Elpris (price_night): 0,8\u00a0kr/kWh" in text
    assert "Känslighetsanalys av: Elpris (price\\_night), Elpris (price\\_day)" in text
    assert "Elpris:" not in text


def test_a_bracket_with_a_full_stop_in_it_is_not_cut_open() -> None:
    """'Anbudspris (exkl. moms) enligt anbudsformulär' was named 'Anbudspris (exkl': the full
    stop of the abbreviation ended the head inside its bracket."""
    assert parameter_name("p", "sv", "Anbudspris (exkl. moms) enligt anbudsformulär") == \
        "Anbudspris"
    assert parameter_name("p", "sv", "Drifttid (t.ex. gatubelysning): timmar per år") == \
        "Drifttid"
    assert parameter_name("p", "sv", "Pris per år (se bilaga 3: prislista)") == "Pris per år"


def test_a_break_even_reason_is_in_the_readers_language_in_json(tmp_path: Path) -> None:
    """--lang sv --format json: the notes were Swedish, each row's reason English."""
    f = tmp_path / "t.toml"
    f.write_text(TENDER, "utf-8")
    doc = json.loads(_run("sensitivity", str(f), "break-even", "--lang", "sv",
                          "--format", "json"))
    reasons = [r["reason"] for r in doc["rows"] if r["reason"]]
    assert reasons and all("är billigare än" in r for r in reasons), reasons
    doc = json.loads(_run("sensitivity", str(f), "break-even", "--format", "json"))
    assert all("is cheaper than" in r["reason"] for r in doc["rows"] if r["reason"])


def test_calculators_show_cubes_as_written_and_start_with_their_first_table() -> None:
    """`lcc calculators --lang sv` showed 'kr/m^3' beside descriptions in m³, CSV examples
    '45 SEK/m**3' and '60000 /yr', and the table began with an empty line."""
    for lang in ("en", "sv"):
        text = _run("calculators", "--lang", lang)
        assert text.startswith("indoor_lighting: ")
        assert "^" not in text and "**" not in text
        assert ("kr/m³" if lang == "sv" else "SEK/m³") in text and "kWh/(48 h)/m³" in text
    csv_text = _run("calculators", "--format", "csv")
    assert "**" not in csv_text and "^" not in csv_text and " /yr" not in csv_text
    assert "45 SEK/m³" in csv_text and "60000/yr" in csv_text


def test_markdown_tables_align_text_left_and_figures_right(tmp_path: Path) -> None:
    """Every column but the first was right-aligned ('---:'), the tornado's 'Alternativ'
    (names) too; the HTML aligns by what a cell holds."""
    out = tmp_path / "r.md"
    tender = Path(__file__).resolve().parents[1] / "examples" / "street-lighting.toml"
    assert main(["report", str(tender), "-o", str(out), "--lang", "sv"]) == 0
    lines = out.read_text("utf-8").splitlines()
    at = lines.index(next(line for line in lines if line.startswith("| Parameter | Alternativ")))
    assert lines[at + 1] == "| --- | --- | --- | --- | ---: | ---: | ---: |"
    summary = next(i for i, line in enumerate(lines) if line.startswith("| Alternativ |"))
    assert lines[summary + 1].startswith("| --- | ---: |")


def test_an_excel_report_shows_kg_whole_on_every_sheet(tmp_path: Path) -> None:
    """The summary's kg CO2e had '#,##0', the same figures on the emissions sheet '#,##0.00'
    (the HTML shows both whole)."""
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    tender = Path(__file__).resolve().parents[1] / "examples" / "pumps.toml"
    assert main(["report", str(tender), "-o", str(out), "--no-monte-carlo"]) == 0
    wb = load_workbook(out)
    sheet = next(ws for ws in wb.worksheets if ws.title.startswith("Emissions"))
    formats = {c.number_format for row in sheet.iter_rows() for c in row
               if isinstance(c.value, float)}
    assert formats == {"#,##0"}
    summary = wb.worksheets[0]
    header = [c.value for c in summary[3]]
    kg = header.index("kg CO2e") + 1
    assert summary.cell(row=4, column=kg).number_format == "#,##0"
