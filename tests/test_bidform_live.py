"""Bid forms for real tenders (issue 18) and bidder text as data (issue 16).

- the bidder's own LCC on the form, evaluated three ways against ``lcc.compare``:
  the ``formulas`` package (an Excel evaluator, in the test extra: always run),
  lcc's own evaluator of the written formulas (pure Python) and, where
  ``soffice`` is installed, LibreOffice's recalculation;
- forms before bids, replacing bids, the CLI's refusal to write over its inputs;
- text cells written as text, never formulas; absurd numbers refused at their cell.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

openpyxl = pytest.importorskip("openpyxl")

import lcc  # noqa: E402
from lcc.bidform import bid_form, read_bid_form, read_bid_forms, write_bid_form  # noqa: E402
from lcc.bidform._live import check_points, evaluate_sheet  # noqa: E402
from lcc.io import TenderError, load_tender  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
STREET = ROOT / "examples" / "street-lighting.toml"
#: Examples whose bids the form's formulas cannot follow, and why (the cell says so).
NOT_ON_THE_FORM = {
    "pumps.toml": "cannot reproduce",  # the efficiency divides the shaft power
    "refurbished-furniture.toml": "'New or refurbished' is a choice among words",
}
#: LED bid A and B of examples/street-lighting.toml, as a bidder fills them in.
LED_A = {"bidder": "LED A AB", "items[0].amount": 4950, "items[0].life": 25,
         "items[1].amount": 120, "items[3].power": 45, "items[4].amount_per_year": 40}


def fill(form: Path, values: dict[str, Any], out: Path, sheet: str | None = None) -> Path:
    wb = openpyxl.load_workbook(form)
    ws = wb[sheet or wb.sheetnames[1]]
    rows = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
    for key, value in values.items():
        ws.cell(rows[key], 4).value = value
    wb.save(out)
    return out


def excel_lcc(path: Path) -> Any:
    """The form's LCC cell as an Excel evaluator computes it (the ``formulas`` package)."""
    formulas = pytest.importorskip("formulas")
    solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    sheet = openpyxl.load_workbook(path).sheetnames[2].upper()
    for key, value in solution.items():
        if key.upper().endswith(f"]{sheet}'!B3"):
            return value.value[0][0]
    raise AssertionError("no LCC cell")


def python_lcc(path: Path, values: dict[str, Any]) -> Any:
    """The LCC cell by lcc's own evaluator of the formulas as written in the workbook."""
    wb = openpyxl.load_workbook(path)
    live = wb[wb.sheetnames[2]]
    bid = wb.sheetnames[1]
    ws = wb[bid]
    cells = {ws.cell(r, 1).value: f"{bid}!$D${r}" for r in range(6, ws.max_row + 1)
             if ws.cell(r, 1).value}
    content = {c.coordinate: c.value for row in live.iter_rows() for c in row
               if c.data_type == "f"}
    return evaluate_sheet(content, "B3", values, cells)


def compared(tender: Any, path: Path) -> float:
    bid = read_bid_form(tender, path)
    return float(lcc.compare([bid], tender.study).summary.loc[bid.name, "lcc"])


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_the_forms_own_lcc_agrees_with_lcc_to_1_kr(tmp_path: Path, example: Path) -> None:
    tender = load_tender(example)
    form = bid_form(tender)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx", tender_file=example)
    live = openpyxl.load_workbook(xlsx)[openpyxl.load_workbook(xlsx).sheetnames[2]]
    if example.name in NOT_ON_THE_FORM:
        assert live["B3"].data_type == "s"
        assert live["B3"].value.startswith("Not computed on the form: ")
        assert NOT_ON_THE_FORM[example.name] in live["B3"].value
        return
    sets = [dict(v, bidder=f"Bid {i}") for i, v in enumerate(check_points(form))]
    if example == STREET:
        sets.append(LED_A)
    for i, values in enumerate(sets):
        filled = fill(xlsx, values, tmp_path / f"bid{i}.xlsx")
        want = compared(tender, filled)
        assert excel_lcc(filled) == pytest.approx(want, abs=1.0)
        assert python_lcc(filled, values) == pytest.approx(want, abs=1.0)


def test_the_live_lcc_follows_the_inputs_and_waits_for_required_ones(tmp_path: Path) -> None:
    tender = load_tender(STREET)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    base = excel_lcc(fill(xlsx, LED_A, tmp_path / "a.xlsx"))
    lower = excel_lcc(fill(xlsx, dict(LED_A, **{"items[3].power": 30}), tmp_path / "b.xlsx"))
    longer = excel_lcc(fill(xlsx, dict(LED_A, **{"items[0].life": 12}), tmp_path / "c.xlsx"))
    assert lower < base < longer  # less power: cheaper; a shorter life: a replacement
    blank = fill(xlsx, {k: v for k, v in LED_A.items() if k != "items[3].power"},
                 tmp_path / "d.xlsx")
    assert excel_lcc(blank) == "fill in every required value"
    wb = openpyxl.load_workbook(xlsx)
    assert wb["Bid"]["F2"].value == "='Your LCC'!B3"  # shown beside the title too
    assert "preliminary" in wb["Your LCC"]["A1"].value
    assert wb["Your LCC"].protection.sheet


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed; the formulas are checked "
                           "with the formulas package and lcc's own evaluator instead")
def test_libreoffice_recalculates_the_forms_lcc(tmp_path: Path) -> None:
    tender = load_tender(STREET)
    filled = fill(write_bid_form(tender, tmp_path / "form.xlsx"), LED_A, tmp_path / "a.xlsx")
    out = tmp_path / "out"
    subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir",
                    str(out), str(filled)], check=True, capture_output=True, timeout=180)
    value = openpyxl.load_workbook(out / "a.xlsx", data_only=True)["Your LCC"]["B3"].value
    assert value == pytest.approx(compared(tender, filled), abs=1.0)


# ---------------------------------------------------------------------------- forms before bids


def _without_bids(tmp_path: Path) -> Path:
    text = STREET.read_text(encoding="utf-8")
    head, rest = text.split("[[alternatives]]", 1)
    tail = rest[rest.index("[bid_form]"):]
    path = tmp_path / "tender.toml"
    assumptions = (ROOT / "examples" / "assumptions" / "sweden-2025.toml").as_posix()
    path.write_text(head.replace('"assumptions/sweden-2025.toml"', f'"{assumptions}"') + tail,
                    encoding="utf-8")
    return path


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lcc.cli", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def test_forms_before_bids_then_import_then_compare(tmp_path: Path) -> None:
    tender_file = _without_bids(tmp_path)
    tender = load_tender(tender_file)
    assert tender.alternatives == ()
    done = run("compare", str(tender_file), cwd=tmp_path)
    assert done.returncode == 2 and "no alternatives yet" in done.stderr
    assert run("bid-form", str(tender_file), "-o", "form.xlsx", cwd=tmp_path).returncode == 0
    a = fill(tmp_path / "form.xlsx", LED_A, tmp_path / "a.xlsx")
    b = fill(tmp_path / "form.xlsx", dict(LED_A, bidder="LED B AB", **{"items[0].life": 20}),
             tmp_path / "b.xlsx")
    done = run("import-bids", str(tender_file), str(a), str(b), "-o", "with.toml",
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with_bids = load_tender(tmp_path / "with.toml")
    assert [x.name for x in with_bids.alternatives] == ["LED A AB", "LED B AB"]
    assert with_bids.compare().best == "LED A AB"
    # the same bid again: an error, unless replacing is asked for
    again = fill(tmp_path / "form.xlsx", dict(LED_A, **{"items[3].power": 40}),
                 tmp_path / "a2.xlsx")
    with pytest.raises(TenderError) as info:
        read_bid_forms(with_bids, [again])
    assert [(e.code, e.path) for e in info.value.errors] == [("duplicate-name", "Bid!D6")]
    done = run("import-bids", "with.toml", str(again), "-o", "with.toml", cwd=tmp_path)
    assert done.returncode == 2 and "input" in done.stderr  # never over its own input
    done = run("import-bids", "with.toml", str(again), "-o", "v2.toml", "--replace",
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    v2 = load_tender(tmp_path / "v2.toml")
    assert [x.name for x in v2.alternatives] == ["LED B AB", "LED A AB"]
    assert lcc.evaluate(v2.alternative("LED A AB"), v2.study).total < \
        lcc.evaluate(with_bids.alternative("LED A AB"), with_bids.study).total


def test_the_cli_never_writes_over_its_inputs_and_asks_before_overwriting(
        tmp_path: Path) -> None:
    tender_file = _without_bids(tmp_path)
    original = tender_file.read_bytes()
    assert run("bid-form", str(tender_file), "-o", "form.xlsx", cwd=tmp_path).returncode == 0
    form = fill(tmp_path / "form.xlsx", LED_A, tmp_path / "a.xlsx")
    for target in (str(tender_file), "tender.toml", "./tender.toml", str(form)):
        done = run("import-bids", str(tender_file), str(form), "-o", target, "--force",
                   cwd=tmp_path)
        assert done.returncode == 2, target
        assert "writes over its own input" in done.stderr and "Traceback" not in done.stderr
    assert tender_file.read_bytes() == original
    done = run("bid-form", str(tender_file), "-o", "tender.toml", "--force", cwd=tmp_path)
    assert done.returncode == 2 and tender_file.read_bytes() == original
    (tmp_path / "out.toml").write_text("keep", encoding="utf-8")
    done = run("import-bids", str(tender_file), str(form), "-o", "out.toml", cwd=tmp_path)
    assert done.returncode == 2 and "--force" in done.stderr
    assert (tmp_path / "out.toml").read_text(encoding="utf-8") == "keep"
    done = run("bid-form", str(tender_file), "-o", "form.xlsx", cwd=tmp_path)
    assert done.returncode == 2 and "--force" in done.stderr
    done = run("import-bids", str(tender_file), str(form), "-o", "out.toml", "--force",
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert load_tender(tmp_path / "out.toml").alternatives[0].name == "LED A AB"


# ---------------------------------------------------------------------------- text is data

EVIL = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")']


def test_texts_from_the_tender_are_written_as_text_never_formulas(tmp_path: Path) -> None:
    text = _without_bids(tmp_path).read_text(encoding="utf-8")
    text = text.replace('label = "LED luminaire incl. installation"',
                        f"label = '''{EVIL[0]}'''", 1)
    text = text.replace('amount = { bidder = "Price per luminaire incl. installation, excl. VAT"',
                        f"amount = {{ bidder = '{EVIL[1]}'", 1)
    text = text.replace('description = "Antal ljuspunkter"', f"description = '{EVIL[1]}'", 1)
    text = text.replace('reference = "Dnr 2025/0117"', f'reference = "{EVIL[0]}"', 1)
    path = tmp_path / "evil.toml"
    path.write_text(text, encoding="utf-8")
    tender = load_tender(path)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    wb = openpyxl.load_workbook(xlsx)
    found = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value in EVIL:
                    assert c.data_type == "s", (ws.title, c.coordinate)
                    found.add(c.value)
                elif c.data_type == "f":  # the only formulas: the bidder's own LCC
                    assert ws.title == "Your LCC" or (ws.title, c.coordinate) == ("Bid", "F2")
                    assert "HYPERLINK" not in c.value and "cmd" not in c.value
    assert found == set(EVIL)
    # a bidder's name that looks like a formula, typed as text, is read as that text
    filled = fill(xlsx, dict(LED_A, bidder=EVIL[0]), tmp_path / "a.xlsx")
    wb = openpyxl.load_workbook(filled)
    wb["Bid"]["D6"].data_type = "s"
    wb.save(filled)
    assert read_bid_form(tender, filled).name == EVIL[0]
    # a formula in a cell is never evaluated: without a saved value it is refused
    formula = fill(xlsx, dict(LED_A, bidder=EVIL[1]), tmp_path / "b.xlsx")
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, formula)
    assert [(e.code, e.path) for e in info.value.errors] == [("formula-without-value",
                                                              "Bid!D6")]


@pytest.mark.parametrize("value", [1e308, -1e308, 1e16])
def test_an_absurd_price_is_refused_at_its_cell_never_ranked_best(tmp_path: Path,
                                                                   value: float) -> None:
    tender = load_tender(STREET)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    filled = fill(xlsx, dict(LED_A, **{"items[0].amount": value}), tmp_path / "a.xlsx")
    with pytest.raises(TenderError) as info:
        read_bid_form(tender, filled)
    assert [(Path(e.file or "").name, e.path, e.code) for e in info.value.errors] == [
        ("a.xlsx", "Bid!D7", "invalid-value")]


def test_a_replacement_interval_longer_than_the_study_credits_nothing(tmp_path: Path) -> None:
    """A bidder who states a driver interval longer than the study gained a residual value
    for a driver never bought (lcc credited the first driver, which the luminaire's price
    pays for, again). The form's own LCC and lcc now agree that a longer interval than
    the study only removes the replacements: the LCC at 40 years equals the LCC at the
    study's length, and both exceed nothing of the luminaire's own value."""
    from tests.test_bidform import BID_FORM_ITEMS, copy_tender

    tender = load_tender(copy_tender(tmp_path, BID_FORM_ITEMS))
    years = tender.study.years
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    base = {"bidder": "Lumen AB", "items[0].amount": 4950, "items[0].life": 30,
            "items[1].amount": 650, "items[2].power": 45,
            "items[3].amount_per_year": 40}
    got = {}
    for every in (7, years, years + 1, 40):
        values = dict(base, **{"items[1].every": every})
        filled = fill(xlsx, values, tmp_path / f"bid{every}.xlsx")
        got[every] = compared(tender, filled)
        assert excel_lcc(filled) == pytest.approx(got[every], abs=1.0)
        assert python_lcc(filled, values) == pytest.approx(got[every], abs=1.0)
    assert got[years + 1] == pytest.approx(got[years], rel=1e-12)
    assert got[40] == pytest.approx(got[years], rel=1e-12)
    assert got[7] > got[years]


# ------------------------------------------------------- what the formulas cannot follow

def _tender(tmp_path: Path, text: str) -> Any:
    shutil.copytree(ROOT / "examples" / "assumptions", tmp_path / "assumptions")
    path = tmp_path / "t.toml"
    path.write_text('format = "lcc.tender/1"\nname = "T"\nassumptions = '
                    '"assumptions/sweden-2025.toml"\n' + text, encoding="utf-8")
    return load_tender(path)


def test_a_blank_cell_whose_default_is_a_word_is_not_computed_as_0(tmp_path: Path) -> None:
    """The vehicles' residual value left blank takes 'linear'; the form read the blank as
    0 SEK and showed 5 389 333.03 where lcc gives 4 535 157.36 (12 cars × 350 000 × 2/8 ×
    1.035^−6 = 854 175.68 of residual value left out). The form waits for a figure there."""
    example = ROOT / "examples" / "vehicles.toml"
    tender = load_tender(example)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx", tender_file=example)
    values = {"bidder": "Car AB", "price": 350_000, "consumption": 5, "maintenance": 6000}
    blank = fill(xlsx, values, tmp_path / "blank.xlsx")
    words = ("computed by the buyer: the default of 'Residual value' is not a figure these "
             "formulas take; give a value there to see it here")
    assert excel_lcc(blank) == words and python_lcc(blank, values) == words
    assert compared(tender, blank) == pytest.approx(4_535_157.36, abs=0.01)
    given = dict(values, residual=50_000)
    filled = fill(xlsx, given, tmp_path / "given.xlsx")
    assert excel_lcc(filled) == pytest.approx(compared(tender, filled), abs=1.0)
    assert python_lcc(filled, given) == pytest.approx(4_901_232.65, abs=0.01)


def test_a_bidders_interval_of_a_periodic_cost_is_not_written_as_a_constant(
        tmp_path: Path) -> None:
    """Overhauls every P years from t = 1 over 20 years: the form held the count of its
    first corners (one overhaul for P = 20 or 40) and showed 14 830.92 for P = 10, where
    lcc gives 10 000 + 5 000 × (1.035^−1 + 1.035^−11) = 18 255.65."""
    tender = _tender(tmp_path, '[study]\nperiod = "20 yr"\n[bid_form]\ntitle = "Test"\n'
                     '[[bid_form.items]]\ntype = "Investment"\nlabel = "Pump"\n'
                     'amount = { bidder = "Price", unit = "SEK" }\n'
                     '[[bid_form.items]]\ntype = "Periodic"\nlabel = "Overhaul"\n'
                     'amount = { bidder = "Overhaul price", unit = "SEK" }\n'
                     'every = { bidder = "Overhaul interval", unit = "yr", min = 10, max = 40 }\n'
                     'first = 1\n')
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx")
    live = openpyxl.load_workbook(xlsx)[openpyxl.load_workbook(xlsx).sheetnames[2]]
    assert live["B3"].value == ("Not computed on the form: 'Overhaul interval' is a time that "
                                "these formulas do not follow. The buyer computes your LCC "
                                "with lcc from the values you give.")
    filled = fill(xlsx, {"bidder": "P AB", "items[0].amount": 10_000,
                         "items[1].amount": 5_000, "items[1].every": 10}, tmp_path / "p.xlsx")
    assert compared(tender, filled) == pytest.approx(
        10_000 + 5_000 * (1.035**-1 + 1.035**-11), abs=1e-6)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_life_in_burning_hours_is_computed_on_the_form(tmp_path: Path, lang: str) -> None:
    """A luminaire's life asked in hours ([bid_form.units] life = "h") over the buyer's
    2 800 h/yr: the form tried lives of 1 and 2 hours (42 000 replacements, refused by the
    model) and showed the model's message in its place; it now follows the life in closed
    form, as for years, and agrees with lcc."""
    tender = _tender(tmp_path, '[study]\nperiod = "15 yr"\n[parameters.operating_hours]\n'
                     'value = "2800 h/yr"\n[bid_form]\ntemplate = "indoor_lighting"\n'
                     '[bid_form.inputs]\noperating_hours = { parameter = "operating_hours" }\n'
                     'electricity_price = { parameter = "electricity_price" }\n'
                     'escalation = 0.01\n[bid_form.units]\nlife = "h"\n')
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx", lang=lang)
    for i, life in enumerate((50_000, 20_000, 8_000)):  # 17.9, 7.1 and 2.9 years
        values = {"bidder": "L AB", "luminaires": 100, "power": 30, "price": 2000,
                  "life": life, "maintenance": 20, "control_savings": 0.2}
        filled = fill(xlsx, values, tmp_path / f"l{i}.xlsx")
        want = compared(tender, filled)
        assert excel_lcc(filled) == pytest.approx(want, abs=1.0)
        assert python_lcc(filled, values) == pytest.approx(want, abs=1.0)
