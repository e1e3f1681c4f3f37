"""The portfolio findings of the review of plans, factor tables and ``lcc portfolio``: each
test failed on the code before its fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import lcc.portfolio as P
from lcc._errors import in_lang
from lcc.cli import main

HEADER = ("id,title,organisation,year,category,value,award_basis,environmental,reuse,"
          "plastics,climate,lcc,criteria,status")


def _plan(tmp_path: Path, *rows: str, name: str = "plan.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _food_and_cars(tmp_path: Path) -> Path:
    return _plan(tmp_path,
                 "A1,Food a,Alby kommun,2026,Food,1 000 000 kr,price,yes,no,no,no,no,,planned",
                 "A2,Cars,Alby kommun,2026,Vehicles,2 000 000 kr,price,yes,no,no,no,no,,planned")


def _factors(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "factors.csv"
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- 1. categories in any case


def test_a_factor_for_a_category_in_another_letter_case_is_a_second_factor(tmp_path) -> None:
    """'Food' 0.25 then 'FOOD' 0.01: the priorities read the plan's 'Food' in any case, so both
    rows are factors for it. Before, the last (0.01) silently won: Food 1 000 000 × 0.01 =
    10 000 kg ranked under Vehicles 2 000 000 × 0.09 = 180 000 kg, though with its first
    factor it is 1 000 000 × 0.25 = 250 000 kg and ranks first. Now the table is refused."""
    path = _factors(tmp_path, "category,factor,unit,source\nFood,0.25,kg CO2e/SEK,A\n"
                              "FOOD,0.01,kg CO2e/SEK,B\nVehicles,0.09,kg CO2e/SEK,C\n")
    with pytest.raises(P.PlanError) as info:
        P.read_factors(path)
    [issue] = info.value.errors
    assert (issue.code, issue.row, issue.column, issue.value) == ("duplicate-id", 3, "category",
                                                                  "FOOD")
    assert str(issue.message) == ("a second factor for 'FOOD': the category 'Food' of row 2 in "
                                  "another letter case")
    assert in_lang(issue.message, "sv").startswith("en andra klimatfaktor för 'FOOD': kategorin")
    plan = P.read_plan(_food_and_cars(tmp_path))
    one = _factors(tmp_path, "category,factor,unit,source\nFood,0.25,kg CO2e/SEK,A\n"
                             "Vehicles,0.09,kg CO2e/SEK,C\n")
    ranked = plan.priorities(P.read_factors(one))
    assert list(ranked.index) == ["A1", "A2"]
    assert list(ranked["kg_co2e"]) == [250_000.0, 180_000.0]


# ---------------------------------------------------------------- 5. the factor table's cells


def test_a_factor_row_with_more_cells_than_the_header_is_refused_as_in_a_plan(tmp_path) -> None:
    """'Vehicles,0.09,kg CO2e/SEK,Source C,extra cell dropped' has 5 cells under 4 headers: the
    5th was dropped without a word; the plan reader's rule refuses it."""
    path = _factors(tmp_path, "category,factor,unit,source\nFood,0.25,kg CO2e/SEK,A\n"
                              "Vehicles,0.09,kg CO2e/SEK,Source C,extra cell dropped\n")
    with pytest.raises(P.PlanError) as info:
        P.read_factors(path)
    [issue] = info.value.errors
    assert (issue.code, issue.row) == ("invalid-value", 3)
    assert str(issue.message) == "the row has 5 cells but the header has 4"


def test_a_factor_column_given_twice_is_refused_as_in_a_plan(tmp_path) -> None:
    """'category,factor,unit,source,factor': the first factor (0.25) was used and the second
    (99) ignored; now the duplicated column is refused with the plan reader's message."""
    path = _factors(tmp_path, "category,factor,unit,source,Factor\nFood,0.25,kg CO2e/SEK,A,99\n")
    with pytest.raises(P.PlanError) as info:
        P.read_factors(path)
    [issue] = info.value.errors
    assert (issue.code, issue.row, issue.column, issue.value) == ("duplicate-column", 1,
                                                                  "factor", "Factor")
    assert str(issue.message) == "the columns 'factor' and 'Factor' both give factor"


def test_a_factor_table_still_reads_blank_rows_notes_and_semicolons(tmp_path) -> None:
    """A '#' note column, a blank row and ';' separators (Swedish Excel) are read as before:
    0,09 kg CO2e per kr is 0.09 kg per SEK; 1,5 t CO2e per Mkr is 1500 kg / 1 000 000 SEK =
    0.0015 kg per SEK."""
    path = _factors(tmp_path, "Category;factor;unit;source;# note\nFood;0,09;kg CO2e/kr;A;x\n"
                              ";;;;\nVehicles;1,5;t CO2e/Mkr;B;\n")
    table = P.read_factors(path).table
    assert table["factor"].to_dict() == {"Food": 0.09, "Vehicles": pytest.approx(0.0015)}


# ---------------------------------------------------------------- 2, 7. money cells


def _row(ident: str, value: str) -> str:
    return f"{ident};Chairs;Alby kommun;2025;Furniture;{value};price;ja;nej;nej;nej;nej;;planned"


def _semicolon_plan(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "plan.csv"
    path.write_text("\n".join([HEADER.replace(",", ";"), *rows]) + "\n", encoding="utf-8")
    return path


def test_a_value_in_accounting_brackets_is_refused_not_read_as_positive(tmp_path) -> None:
    """'(900 000) kr' is −900 000 in accounting notation; it was read as +900 000, so the plan
    summed 900 000 + 100 000 + 50 = 1 000 050 with an environmental value share of
    900 000 / 1 000 050 = 90 %. Now it is refused at its cell, as '-900 000 kr' is."""
    path = _semicolon_plan(tmp_path, _row("A1", "(900 000) kr"), _row("A2", "100 000 kr"))
    with pytest.raises(P.PlanError) as info:
        P.read_plan(path)
    [issue] = info.value.errors
    assert (issue.code, issue.row, issue.column, issue.value) == ("invalid-value", 2, "value",
                                                                  "(900 000) kr")
    assert str(issue.message) == (
        "got '(900 000) kr'; a value is not read in brackets: in accounting they mean a negative "
        "amount, and a value must be 0 or more; write the amount without brackets, e.g. "
        "'1 200 000 SEK'")
    assert in_lang(issue.message, "sv").startswith(
        "fick '(900 000) kr'; ett värde läses inte inom parentes: i redovisning betyder parentes "
        "ett negativt belopp")


@pytest.mark.parametrize("cell", ["50 kr/st", "50 SEK per st", "50 SEK*st", "5 kr/%"])
def test_a_price_per_piece_is_not_read_as_the_total_value(tmp_path, cell) -> None:
    """'50 kr/st' is a price per piece: it was read as a total of 50 kr (the 'per piece'
    dropped). A value is an amount of money alone."""
    path = _semicolon_plan(tmp_path, _row("A1", "100 000 kr"), _row("A3", cell))
    with pytest.raises(P.PlanError) as info:
        P.read_plan(path)
    [issue] = info.value.errors
    assert (issue.code, issue.row, issue.column, issue.value) == ("invalid-value", 3, "value",
                                                                  cell)
    assert str(issue.message) == (
        f"got {cell!r}, an amount per unit or times a unit; the value is the procurement's total "
        "in a currency, e.g. '1 200 000 SEK' (multiply a price per piece by the number of "
        "pieces)")


def test_the_same_money_rule_reads_toml_and_excel_values(tmp_path) -> None:
    """A TOML plan's value and an Excel cell formatted '#,##0 "kr/st"' (1200 shown as
    '1 200 kr/st') go through the one reading of a money cell."""
    import openpyxl

    toml = tmp_path / "plan.toml"
    toml.write_text('[[procurements]]\nid = "A1"\ntitle = "Chairs"\norganisation = "Alby"\n'
                    'year = 2025\ncategory = "Furniture"\nvalue = "(900 000) kr"\n'
                    'award_basis = "price"\nenvironmental = true\nreuse = false\n'
                    'plastics = false\nclimate = false\nlcc = false\ncriteria = []\n'
                    'status = "planned"\n', encoding="utf-8")
    with pytest.raises(P.PlanError) as info:
        P.read_plan(toml)
    assert [(e.row, e.column, e.value) for e in info.value.errors] == [(7, "value",
                                                                         "(900 000) kr")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER.split(","))
    ws.append(["A1", "Chairs", "Alby", 2025, "Furniture", 1200, "price", "ja", "nej", "nej",
               "nej", "nej", "", "planned"])
    ws.cell(row=2, column=6).number_format = '#,##0 "kr/st"'
    xlsx = tmp_path / "plan.xlsx"
    wb.save(xlsx)
    with pytest.raises(P.PlanError) as info:
        P.read_plan(xlsx)
    assert [(e.row, e.column, e.value) for e in info.value.errors] == [(2, "value",
                                                                         "1200.0 kr/st")]


@pytest.mark.parametrize("cell", ["1e308 MSEK", "1" + "0" * 320 + " SEK"])
def test_a_value_past_what_a_float_holds_is_refused_at_its_cell_as_written(tmp_path,
                                                                            cell) -> None:
    """1e308 MSEK = 1e314 SEK, more than a float holds (about 1.8e308): it was read as inf and
    the sum's message said 'the largest is inf SEK'. Now the cell is refused as written."""
    path = _semicolon_plan(tmp_path, _row("A1", cell), _row("A2", "100 000 kr"))
    with pytest.raises(P.PlanError) as info:
        P.read_plan(path)
    [issue] = info.value.errors
    assert (issue.code, issue.row, issue.column) == ("invalid-value", 2, "value")
    assert issue.value == cell
    assert "inf" not in str(issue.message) and "inf" not in in_lang(issue.message, "sv")
    assert str(issue.message).endswith("the value is more than lcc can compute with: check the "
                                       "value and its unit (kr, tkr, Mkr)")


# ---------------------------------------------------------------- 3. the sheet of a workbook

XLSX_ROWS = [["A1", "Chairs", "Alby kommun", 2025, "Furniture", "1 000 000 kr", "price", "yes",
              "no", "no", "no", "no", "", "planned"],
             ["A2", "Cars", "Alby kommun", 2025, "Vehicles", "1 000 000 kr", "cost", "no", "no",
              "no", "no", "no", "", "planned"],
             ["A3", "Cars old", "Alby kommun", 2025, "Vehicles", "1 000 000 kr", "cost", "no",
              "no", "no", "no", "no", "", "planned"]]


def _sheet(wb, title: str, rows: list[list[object]]):
    ws = wb.create_sheet(title)
    ws.append(HEADER.split(","))
    for r in rows:
        ws.append(r)
    return ws


def _active_tab(path: Path, n: int) -> None:
    """Make sheet ``n`` (from 0) the workbook's active sheet in its workbook.xml."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {i: z.read(i.filename) for i in z.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts.items():
            if info.filename == "xl/workbook.xml":
                data = re.sub(rb'\sactiveTab="\d+"', b"", data)
                data = data.replace(b"<workbookView ", f'<workbookView activeTab="{n}" '.encode())
                assert f'activeTab="{n}"'.encode() in data
            z.writestr(info, data)


def test_a_hidden_first_sheet_is_not_read_but_the_visible_active_one(tmp_path) -> None:
    """The hidden sheet 'old' holds 1 procurement, the visible active sheet 'Plan' 3 worth
    3 × 1 000 000 = 3 000 000 kr, 1 of them with environmental requirements: share 1/3.
    Before, 'old' was read: 1 procurement, 1 000 000 kr, share 1/1."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "old", XLSX_ROWS[:1]).sheet_state = "hidden"
    _sheet(wb, "Plan", XLSX_ROWS)
    wb.active = 1
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    plan = P.read_plan(path)
    row = plan.follow_up(by=None).iloc[0]
    assert (row["procurements"], row["value"]) == (3, 3_000_000.0)
    assert row["environmental_share"] == pytest.approx(1 / 3)
    assert plan.notes == ()  # one visible sheet: nothing to choose between


def test_of_several_visible_sheets_the_active_one_is_read_and_named(tmp_path) -> None:
    """Sheets 'Notes' (1 procurement) and 'Plan' (3), 'Plan' active: 3 procurements are read
    and the note names the sheet; with the active sheet hidden, the first visible one."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Notes", XLSX_ROWS[:1])
    _sheet(wb, "Plan", XLSX_ROWS)
    wb.active = 1
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    plan = P.read_plan(path)
    assert len(plan) == 3
    assert [str(n) for n in plan.notes] == [
        "The workbook has 2 visible sheets; the plan was read from the sheet 'Plan' (the active "
        "sheet)"]
    assert in_lang(plan.notes[0], "sv") == (
        "Arbetsboken har 2 synliga blad; planen lästes från bladet 'Plan' (det aktiva bladet)")
    _sheet(wb, "Old", XLSX_ROWS[:2]).sheet_state = "hidden"
    wb.save(path)
    _active_tab(path, 2)  # the hidden sheet is the active one (openpyxl would not write it)
    plan = P.read_plan(path)
    assert len(plan) == 1  # 'Notes', the first visible sheet
    assert "'Notes' (the first visible sheet)" in str(plan.notes[0])


@pytest.mark.parametrize("by_filter", [False, True])
def test_hidden_rows_are_counted_and_named_in_the_notes(tmp_path, by_filter) -> None:
    """Rows 3 and 4 hidden (by hand, or by an AutoFilter on the category Furniture): they are
    procurements of the plan and stay counted, 3 procurements; a note names them."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER.split(","))
    for r in XLSX_ROWS:
        ws.append(r)
    if by_filter:
        ws.auto_filter.ref = "A1:N4"
        ws.auto_filter.add_filter_column(4, ["Furniture"])
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions[4].hidden = True
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    plan = P.read_plan(path)
    assert len(plan) == 3
    assert [str(n) for n in plan.notes] == [
        "Rows hidden in the sheet (by hand or by a filter) are procurements of the plan and "
        "are counted like the others. Hidden rows: 3, 4 (2 of the 3 procurements)"]
    assert in_lang(plan.notes[0], "sv").endswith("Dolda rader: 3, 4 (2 av de 3 upphandlingarna)")


# ---------------------------------------------------------------- 4. options an action ignores

EXAMPLE_PLAN = Path(__file__).resolve().parents[1] / "examples" / "portfolio" / "plan.csv"


@pytest.mark.parametrize(("args", "message"), [
    (["priorities", "-o", "{tmp}/out.csv", "--top", "2"],
     "-o/--output is used only with 'report', not with 'priorities'"),
    (["--requirement", "reuse", "--by", "year"],
     "--requirement is used only with 'priorities', not with 'follow-up'"),
    (["--top", "1"], "--top is used only with 'priorities', not with 'follow-up'"),
    (["--title", "X", "--by", "year"], "--title is used only with 'report', not with 'follow-up'"),
    (["outcomes", "--force"], "--force is used only with 'report', not with 'outcomes'"),
    (["linked", "--by", "year"],
     "--by is used only with the actions 'follow-up', 'outcomes', 'report', not with 'linked'"),
    (["criteria", "--by", "plan"],
     "--by is used only with the actions 'follow-up', 'outcomes', 'report', not with "
     "'criteria'"),
    (["linked", "--factors", str(EXAMPLE_PLAN.parent / "factors.csv")],
     "--factors is used only with the actions 'priorities', 'report', not with 'linked'"),
    (["criteria", "--targets", str(EXAMPLE_PLAN.parent / "targets.toml")],
     "--targets is used only with the actions 'follow-up', 'priorities', 'report', not with "
     "'criteria'"),
    (["report", "-o", "{tmp}/r.html", "--format", "csv"],
     "--format is used only with the actions 'follow-up', 'outcomes', 'linked', 'priorities', "
     "'criteria', not with 'report'"),
])
def test_an_option_the_action_does_not_use_is_refused(tmp_path, capsys, args, message) -> None:
    """'priorities -o out.csv' printed the table and wrote no file; '--requirement', '--top',
    '--title' and '--by' were dropped by the actions that do not use them, with exit 0."""
    argv = ["portfolio", str(EXAMPLE_PLAN), *(a.format(tmp=tmp_path) for a in args)]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and message in err
    assert list(tmp_path.iterdir()) == []  # no file written


def test_the_refusal_of_an_unused_option_is_in_swedish(capsys) -> None:
    assert main(["portfolio", str(EXAMPLE_PLAN), "linked", "--by", "year", "--lang", "sv"]) == 2
    assert "--by används bara med åtgärderna 'follow-up', 'outcomes', 'report', inte med " \
        "'linked'" in capsys.readouterr().err


def test_the_options_an_action_uses_are_still_taken(tmp_path, capsys) -> None:
    """--by for follow-up and outcomes, --top with --requirement for priorities, and the
    report's -o, --title and --force: each still runs (exit 0)."""
    plan = str(EXAMPLE_PLAN)
    assert main(["portfolio", plan, "--by", "year", "--format", "csv"]) == 0
    assert main(["portfolio", plan, "outcomes", "--by", "plan"]) == 0
    assert main(["portfolio", plan, "priorities", "--requirement", "reuse", "--top", "2"]) == 0
    target = tmp_path / "r.html"
    target.write_text("old", encoding="utf-8")
    assert main(["portfolio", plan, "report", "-o", str(target), "--title", "T", "--force",
                 "--by", "year"]) == 0
    assert target.read_text(encoding="utf-8") != "old"
    capsys.readouterr()


# ---------------------------------------------------------------- 9a. whole counts


def test_the_whole_plan_counts_procurements_in_whole_numbers(tmp_path, capsys) -> None:
    """follow_up(by=None) gave procurements = 3.0 (the one-row frame of sums upcast the count
    to the value's float); by organisation it is 3. 2 of the 3 set environmental
    requirements: share 2/3."""
    path = _food_and_cars(tmp_path)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("A3,Pens,Alby kommun,2026,Office,50 kr,price,no,no,no,no,no,,planned\n")
    plan = P.read_plan(path)
    whole = plan.follow_up(by=None)
    assert str(whole["procurements"].dtype) == "int64"
    assert whole["procurements"].iloc[0] == 3
    assert whole["environmental_share"].iloc[0] == pytest.approx(2 / 3)
    assert main(["portfolio", str(path), "--by", "plan", "--format", "json"]) == 0
    assert '"procurements": 3,' in capsys.readouterr().out
    assert main(["portfolio", str(path), "--by", "plan", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("all,3,3000050.0,")


# ---------------------------------------------------------------- 8a. Swedish words of columns


def test_requirement_and_by_take_the_swedish_words_of_the_plans_headers(tmp_path, capsys) -> None:
    """'återbrukskrav' is the reuse column's header and a targets key, so it names reuse in
    --requirement too; 'år' and 'kommun' name year and organisation in --by. Of the 2 planned
    procurements none sets reuse requirements: both stay, ranked by value (2 000 000 first)."""
    plan = P.read_plan(_food_and_cars(tmp_path))
    assert list(plan.priorities(requirement="återbrukskrav").index) == ["A2", "A1"]
    assert list(plan.priorities(requirement="Reuse").index) == ["A2", "A1"]
    assert list(plan.follow_up(by="år,kommun").index.names) == ["year", "organisation"]
    assert main(["portfolio", str(tmp_path / "plan.csv"), "--by", "år", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("2026,2,3000000.0,1.0,1.0,")
    assert main(["portfolio", str(tmp_path / "plan.csv"), "priorities", "--requirement",
                 "återbrukskrav", "--format", "csv"]) == 0
    assert [r.split(",")[0] for r in capsys.readouterr().out.splitlines()[1:]] == ["A2", "A1"]


def test_the_swedish_refusal_lists_the_swedish_words(tmp_path, capsys) -> None:
    """The Swedish message listed English identifiers ('award_basis', 'environmental')."""
    plan = str(_food_and_cars(tmp_path))
    assert main(["portfolio", plan, "priorities", "--requirement", "återbruk", "--lang",
                 "sv"]) == 2
    assert capsys.readouterr().err == (
        "lcc: fel: krav: fick 'återbruk'; förväntade ett av miljökrav, återbrukskrav, plastkrav, "
        "klimatkrav, lcc-krav\n")
    assert main(["portfolio", plan, "--by", "region", "--lang", "sv"]) == 2
    assert capsys.readouterr().err == (
        "lcc: fel: gruppering: kan inte gruppera efter 'region'; förväntade en eller flera av "
        "organisation, år, kategori, status, tilldelningsgrund\n")
    assert main(["portfolio", plan, "--by", "region"]) == 2
    assert capsys.readouterr().err.endswith(
        "expected one or more of organisation, year, category, status, award_basis\n")
    with pytest.raises(P.PlanError) as info:  # the targets' keys: the same words
        P.read_plan(plan, targets={"återbruk": "20 %"})
    assert in_lang(info.value.errors[0].message, "sv").startswith(
        "okänt krav 'återbruk'; mål anges för miljökrav, återbrukskrav, plastkrav, klimatkrav, "
        "lcc-krav")


# ---------------------------------------------------------------- 8b, 8c. messages

TOML_ROW = ('[[procurements]]\nid = "A1"\ntitle = "Chairs"\norganisation = "Alby"\n'
            'year = {year}\ncategory = "Furniture"\nvalue = "1 Mkr"\naward_basis = "price"\n'
            'environmental = true\nreuse = false\nplastics = false\nclimate = false\n'
            'lcc = false\ncriteria = {criteria}\nstatus = "planned"\n')


@pytest.mark.parametrize(("criteria", "got"), [('[10234, "10551", true]', "true"),
                                               ('[10234, 1.5]', "1.5"),
                                               ('[10234, ["10551"]]', "a list")])
def test_a_toml_criterion_that_is_no_id_is_named(tmp_path, criteria, got) -> None:
    """A list of criteria is allowed; 'got a list of values; expected one value' blamed the
    list, not its element that is no ID (true, as TOML writes it, not Python's True)."""
    path = tmp_path / "plan.toml"
    path.write_text(TOML_ROW.format(year=2025, criteria=criteria), encoding="utf-8")
    with pytest.raises(P.PlanError) as info:
        P.read_plan(path)
    [issue] = info.value.errors
    assert (issue.code, issue.row, issue.column) == ("wrong-type", 14, "criteria")
    assert str(issue.message) == ("a criterion is a number or text, such as 10234 or '10234'; "
                                  f"got {got}")
    assert in_lang(issue.message, "sv").startswith("ett kriterium är ett tal eller en text")


def test_a_toml_date_as_the_year_asks_for_a_year(tmp_path) -> None:
    """year = 2025-01-01 said "expected text, e.g. '2025'"; a year is expected."""
    path = tmp_path / "plan.toml"
    path.write_text(TOML_ROW.format(year="2025-01-01", criteria="[]"), encoding="utf-8")
    with pytest.raises(P.PlanError) as info:
        P.read_plan(path)
    [issue] = info.value.errors
    assert (issue.code, issue.row, issue.column) == ("wrong-type", 5, "year")
    assert str(issue.message) == "got the date 2025-01-01; expected a year such as 2025"
    assert in_lang(issue.message, "sv") == ("fick datumet 2025-01-01; förväntade ett årtal, till "
                                            "exempel 2025")


def test_a_tab_in_a_cell_is_never_shown_as_an_escape(tmp_path) -> None:
    """'1<TAB>000 SEK' gave "value: '1\\t000 SEK' is not one number …", a Python escape. The
    tab is refused as such and shown as a blank; in another column too (award_basis)."""
    path = _plan(tmp_path, 'A1,Chairs,Alby,2025,Furniture,"1\t000 SEK",price,yes,no,no,no,no,,'
                           'planned',
                 'A2,Cars,Alby,2025,Vehicles,1 000 SEK,"pris\tx",yes,no,no,no,no,,planned')
    with pytest.raises(P.PlanError) as info:
        P.read_plan(path)
    value, basis = info.value.errors
    assert (value.row, value.column, basis.row, basis.column) == (2, "value", 3, "award_basis")
    assert str(value.message) == (
        "got '1 000 SEK', which holds a tab, a line break or another character that does not "
        "show; write the value on one line with blanks alone, e.g. '1 200 000 SEK'")
    assert str(basis.message).startswith("got 'pris x'; expected one of price, cost")
    for issue in (value, basis):
        assert "\\t" not in str(issue.message) and "\\t" not in in_lang(issue.message, "sv")
