"""The portfolio's outputs as a reader meets them (review 2, D3-D8): the currency in the
reader's word, the climate factor's header with its unit, the JSON shape of every action,
the criteria sheet's legend and cells, the report's sheet names."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest

import lcc.portfolio as P

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "portfolio"
PLAN = EXAMPLE / "plan.csv"
TARGETS = EXAMPLE / "targets.toml"
FACTORS = EXAMPLE / "factors.csv"


@pytest.fixture(scope="module")
def reports() -> dict[str, Any]:
    plan = P.read_plan(PLAN, targets=TARGETS)
    factors = P.read_factors(FACTORS)
    return {lang: plan.report(lang=lang, factors=factors) for lang in ("en", "sv")}


def _cells(xlsx: bytes) -> list[tuple[str, str]]:
    """(sheet title, text) of every text cell of a workbook."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(xlsx))
    return [(ws.title, c.value) for ws in wb.worksheets for row in ws.iter_rows()
            for c in row if isinstance(c.value, str)]


# --------------------------------------------------------------------------- D3


def test_swedish_report_writes_kr_where_the_tender_reports_do(reports: dict[str, Any]) -> None:
    """The Swedish report wrote 'Belopp i SEK', '(SEK)', 'kg CO2e/SEK', '(nuvärde, SEK)'
    where the terminal and the tender reports write 'kr'. The currency code stays only where
    the summary names the plan's currency ('valuta SEK')."""
    html = reports["sv"].html()
    assert re.findall(r"[^>]{0,20}\bSEK\b", html) == [" 2025, 2026; valuta SEK"], \
        re.findall(r"[^>]{0,40}\bSEK\b.{0,20}", html)
    for needle in ("Belopp i kr; kg CO2e.", "Besparing genom tilldelning på LCC (kr)",
                   "kg CO2e/kr", "(nuvärde, kr)", "Uppföljning av upphandlingsplanen — "
                   "Belopp i kr</footer>"):
        assert needle in html, needle
    texts = [t for _, t in _cells(reports["sv"].xlsx())]
    assert [t for t in texts if re.search(r"\bSEK\b", t)] == \
        [t for t in texts if t.endswith("valuta SEK.")], [t for t in texts if "SEK" in t]
    assert "Belopp i kr; kg CO2e." in texts
    en = reports["en"].html()  # English keeps the code
    assert "Amounts in SEK; kg CO2e." in en and "Amounts in SEK</footer>" in en
    assert "(present value, SEK)" in en and "LCC saved by awarding on LCC (SEK)" in en


# --------------------------------------------------------------------------- D4


def _cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> str:
    from lcc.cli._main import main

    assert main(["portfolio", *map(str, args)]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(("lang", "header"), [("en", "kg CO2e/SEK"), ("sv", "kg CO2e/kr")])
def test_the_climate_factor_header_names_its_currency(capsys: pytest.CaptureFixture[str],
                                                      reports: dict[str, Any], lang: str,
                                                      header: str) -> None:
    """The priorities' factor column read 'kg CO2e per' (no unit) in the table, the CSV and
    the workbook, and 'kg CO2e/SEK' in the HTML: one header with the currency everywhere, in
    the reader's unit word."""
    table = _cli(capsys, PLAN, "priorities", "--factors", FACTORS, "--top", "2", "--lang", lang)
    assert f"  {header}  " in table.splitlines()[0]
    html = reports[lang].html()
    assert f"<th>{header}</th>" in html
    sheet = [t for title, t in _cells(reports[lang].xlsx()) if t == header]
    assert sheet, "the workbook's priorities sheet names the factor's unit"
    if lang == "sv":  # the Swedish CSV has the labels; the English one the column keys
        csv = _cli(capsys, PLAN, "priorities", "--factors", FACTORS, "--top", "2", "--lang",
                   lang, "--format", "csv")
        assert f";{header};" in csv.splitlines()[0]
    texts = [table, html, *(t for _, t in _cells(reports[lang].xlsx()))]
    assert not [t for t in texts if re.search(r"kg CO2e per\b(?! (krona|valutaenhet|unit))", t)]


def test_the_factor_label_without_a_currency_says_per_unit_of_money() -> None:
    from lcc.portfolio._text import label

    assert label("factor", "en", "EUR") == "kg CO2e/EUR"
    assert label("factor", "sv", "MSEK") == "kg CO2e/Mkr"
    assert label("factor", "sv") == "kg CO2e per valutaenhet"


# --------------------------------------------------------------------------- D6

SMALL = """id,title,organisation,year,category,value,award_basis,environmental,reuse,plastics,\
climate,lcc,criteria,status
A1,Chairs,Alby,2025,Furniture,100 kr,price,no,no,no,no,no,K1; K2,planned
B1,Desks,Borby,2025,Furniture,100 kr,price,no,no,no,no,no,K1,planned
A2,Food,Alby,2025,Food,100 kr,price,no,no,no,no,no,K3,planned
"""


@pytest.mark.parametrize(("lang", "legend"), [
    ("en", "(✓ = used, – = procures in the category without it, blank = no procurement"),
    ("sv", "(✓ = används, – = upphandlar i kategorin utan det, tomt = ingen upphandling")])
def test_the_criteria_sheet_shows_the_marks_its_legend_promises(tmp_path: Path, lang: str,
                                                               legend: str) -> None:
    """The workbook's criteria sheet promised '✓ = används, – = …' but its cells said
    'ja'/'nej': each organisation's cell is ✓, – or empty, as the legend and the HTML say;
    the lead names the 'Differs' column the sheet has beside them."""
    from openpyxl import load_workbook

    path = tmp_path / "plan.csv"
    path.write_text(SMALL, encoding="utf-8")
    report = P.read_plan(path).report(lang=lang)
    wb = load_workbook(io.BytesIO(report.xlsx()))
    [title] = [b.title for b in report.blocks if b.key == "criteria"]
    [ws] = [ws for ws in wb.worksheets if ws["A1"].value == title]
    rows = list(ws.iter_rows(values_only=True))
    lead = rows[2][0]
    assert legend in lead and ("Differs" if lang == "en" else "Skiljer sig") in lead
    header = list(rows[4])
    body = {(r[0], r[1]): r for r in rows[5:]}
    alby, borby = header.index("Alby"), header.index("Borby")
    assert [(k, body[k][alby], body[k][borby]) for k in sorted(body)] == [
        (("Food", "K3"), "✓", None), (("Furniture", "K1"), "✓", "✓"),
        (("Furniture", "K2"), "✓", "–")]
    html = report.html()  # the page: the criteria that differ, with the same marks
    assert "<td>✓</td><td>–</td>" in html


# --------------------------------------------------------------------------- D8


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_sheet_names_are_short_whole_words_and_distinct(lang: str) -> None:
    """Excel's 31 characters cut the Swedish sheet names mid-word and numbered a collision
    ('Andel av värdet med respektive', 'Andel av värdet med respektiv 2'): a part whose
    title is longer has a short name of its own, distinct from every other sheet."""
    from openpyxl import load_workbook

    plan = P.read_plan(PLAN, targets=TARGETS)
    report = plan.report(lang=lang, by=["organisation", "year", "category"],
                         factors=P.read_factors(FACTORS))
    wb = load_workbook(io.BytesIO(report.xlsx()))
    names = [ws.title for ws in wb.worksheets]
    assert all(len(n) <= 31 for n in names) and len({n.lower() for n in names}) == len(names)
    for ws in wb.worksheets:  # the part's title on the sheet; the name is it or its own
        title = ws["A1"].value
        assert ws.title == title or not title.startswith(ws.title), (ws.title, title)
        assert not re.search(r" \d+$", ws.title), ws.title
    if lang == "sv":
        assert names == [
            "Sammanfattning", "Hela planen", "Per organisation", "Värdeandelar per organisation",
            "Per år", "Värdeandelar per år", "Per kategori", "Värdeandelar per kategori",
            "Per organisation och år", "Utfall, kopplade upphandlingar",
            "Kopplade upphandlingar", "Var insatser gör mest nytta",
            "Där LCC kan löna sig", "Kriterier mellan organisationer", "Metod",
            "Versioner och kontrollsumma"]


def test_a_long_sheet_title_is_cut_at_a_words_end() -> None:
    """One rule for every workbook's sheet names (lcc._xlsx.sheet_name): cut at a word's
    end where that keeps at least half of the 31 characters, numbered after a whole word."""
    from lcc._xlsx import sheet_name

    used: set[str] = set()
    assert sheet_name("Skillnad mot jämförelsealternativet (kr)", used) == \
        "Skillnad mot jämförelsealternat"  # 'Skillnad mot' would say less
    assert sheet_name("Känslighetsanalys (tornadodiagram)", used) == "Känslighetsanalys"
    assert sheet_name("Känslighetsanalys (tornadodiagram)", used) == "Känslighetsanalys 2"
    assert sheet_name("x" * 40, used) == "x" * 31  # one word: cut where it must be


# --------------------------------------------------------------------------- D5

RUNS: dict[str, tuple[str | Path, ...]] = {
    "follow-up": ("--targets", TARGETS, "--by", "organisation,year"),
    "outcomes": ("--by", "category"),
    "linked": (),
    "priorities": ("--factors", FACTORS, "--targets", TARGETS, "--top", "30"),
    "criteria": (),
}


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("action", sorted(RUNS))
def test_portfolio_json_has_the_documented_shape_and_the_readers_notes(
        capsys: pytest.CaptureFixture[str], action: str, lang: str) -> None:
    """'lcc portfolio … --format json' printed {"currency", "table", "notes"}, with no
    "command" and "table" for "rows", and its notes in English under --lang sv while the
    table printed them in Swedish. Now {"command": "portfolio-ACTION", "plan", "currency",
    "rows", "notes"} (and "table", the rows' old name, for one release), valid against
    output_schema("portfolio-ACTION"), the notes as the table prints them."""
    import json

    import jsonschema

    from lcc.cli._output_schema import output_schema

    args = (PLAN, action, *RUNS[action], "--lang", lang)
    payload = json.loads(_cli(capsys, *args, "--format", "json"))
    schema = output_schema(f"portfolio-{action}")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(payload, schema)
    assert list(payload)[:5] == ["command", "plan", "currency", "rows", "notes"]
    assert payload["command"] == f"portfolio-{action}" and payload["table"] == payload["rows"]
    csv = _cli(capsys, *args, "--format", "csv")
    assert len(payload["rows"]) == len(csv.strip().splitlines()) - 1
    table = _cli(capsys, *args).splitlines()
    if payload["notes"]:
        assert table[-len(payload["notes"]):] == payload["notes"]
    if action == "priorities" and lang == "sv":
        assert any(n.startswith("Ingen klimatfaktor för kategorierna")
                   for n in payload["notes"]), payload["notes"]


def test_portfolio_json_of_a_plan_of_hostile_names_matches_its_schema(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Organisations named like formulas or markup, a whole-plan follow-up and a plan
    without targets: still the documented shape."""
    import json

    import jsonschema

    from lcc.cli._output_schema import output_schema

    path = tmp_path / "plan.csv"
    path.write_text(SMALL.replace("Borby", '"=HYPERLINK(""http://x"",""y"")"'),
                    encoding="utf-8")
    for action, extra in (("follow-up", ("--by", "plan")), ("follow-up", ("--by", "status")),
                          ("outcomes", ()), ("linked", ()), ("priorities", ()),
                          ("criteria", ())):
        payload = json.loads(_cli(capsys, path, action, *extra, "--format", "json"))
        jsonschema.validate(payload, output_schema(f"portfolio-{action}"))
