"""Plan cells read as a procurement officer means them: every row of an Excel sheet whatever
size the file records, TOML arrays, and criteria IDs however they are separated."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

import lcc
import lcc.portfolio as P
from lcc.cli import main

HEADER = ["id", "title", "organisation", "year", "category", "value", "award_basis",
          "environmental", "reuse", "plastics", "climate", "lcc", "criteria", "status"]


def _stale(path: Path, ref: str) -> None:
    """Rewrite the sheet's recorded size (<dimension>) as a template-based export leaves it."""
    with zipfile.ZipFile(path) as z:
        parts = {i: z.read(i.filename) for i in z.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts.items():
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"\s*/>',
                              f'<dimension ref="{ref}"/>'.encode(), data)
                assert f'ref="{ref}"'.encode() in data
            z.writestr(info, data)


def test_an_excel_plan_is_read_to_its_last_row_whatever_size_it_records(tmp_path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([*HEADER, "tender", "awarded"])
    for i in range(1, 11):
        ws.append([f"A{i}", "Food", "Alby", 2025, "Food", "1 Mkr", "price", "ja",
                   "ja" if i <= 2 else "nej", "nej", "nej", "nej", "", "planerad", None,
                   None])
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    _stale(path, "A1:N3")  # says 3 rows and 14 columns; it has 11 rows and 16 columns
    plan = P.read_plan(path)
    assert len(plan.table) == 10
    share = plan.follow_up(by=None)["reuse_share"].iloc[0]
    assert share == pytest.approx(2 / 10)  # 2 of 10 procurements set reuse requirements
    assert "awarded" in plan.table.columns


TOML = """\
[[procurements]]
id = "1"
title = "Food"
organisation = "Alby"
year = 2025
category = "Food"
value = "100 kr"
award_basis = "price"
environmental = true
reuse = false
plastics = false
climate = false
lcc = false
criteria = {criteria}
status = "planned"
"""


def test_a_toml_array_of_criteria_is_a_list_of_ids(tmp_path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(TOML.format(criteria='["10234", 10551]'), encoding="utf-8")
    assert P.read_plan(path).table["criteria"].iloc[0] == ("10234", "10551")


@pytest.mark.parametrize(("line", "column", "words"), [
    ("reuse = false", "reuse", "got a table of values"),
    ('status = "planned"', "status", "got a list of values"),
])
def test_a_toml_array_or_table_in_any_other_column_is_refused(tmp_path, line, column,
                                                              words) -> None:
    other = "{ value = false }" if "table" in words else '["planned"]'
    text = TOML.format(criteria='""').replace(line, f"{line.split(' = ')[0]} = {other}")
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(P.PlanError) as info:
        P.read_plan(path)
    [err] = info.value.errors
    assert (err.column, err.code) == (column, "wrong-type")
    assert words in err.message
    assert main(["portfolio", str(path)]) == 2  # was an internal error, exit 1


@pytest.mark.parametrize("cell", ['"10234; 10551"', '"10234, 10551"', '"10234\n10551"',
                                  '"10234;10551;"'])
def test_criteria_ids_separated_by_semicolons_commas_or_line_breaks(tmp_path, cell) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(",".join(HEADER) + "\n" + "1,Cars,Alby,2025,Vehicles,5 Mkr,price,yes,no,no,"
                    f"no,no,{cell},planned\n", encoding="utf-8")
    assert P.read_plan(path).table["criteria"].iloc[0] == ("10234", "10551")


def test_ids_of_figures_separated_by_blanks_alone_are_refused(tmp_path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(",".join(HEADER) + "\n" + "1,Cars,Alby,2025,Vehicles,5 Mkr,price,yes,no,no,"
                    "no,no,10234 10551,planned\n", encoding="utf-8")
    with pytest.raises(P.PlanError) as info:
        P.read_plan(path)
    [err] = info.value.errors
    assert (err.row, err.column, err.code) == (2, "criteria", "invalid-value")
    assert "separate criteria IDs by ';' (such as '10234; 10551')" in err.message


CASES = """\
id,title,organisation,year,category,value,award_basis,environmental,reuse,plastics,climate,lcc,criteria,status
1,Cars,Alby kommun,2025,Fordon,5 Mkr,price,ja,ja,nej,nej,nej,,planned
2,Cars,Alby Kommun,2025,fordon,5 Mkr,price,ja,nej,nej,nej,nej,,planned
3,Food,Alby kommun,2025,Livsmedel,10 Mkr,price,ja,nej,nej,nej,nej,,planned
4,Food,ALBY KOMMUN,2025,Livsmedel,1 Mkr,price,ja,nej,nej,nej,nej,,planned
5,Food,Byn,2025,Livsmedel,1 Mkr,price,ja,nej,nej,nej,nej,,planned
"""


def _cases(tmp_path, targets: str) -> P.Plan:
    (tmp_path / "plan.csv").write_text(CASES, encoding="utf-8")
    (tmp_path / "targets.toml").write_text(targets, encoding="utf-8")
    return P.read_plan(tmp_path / "plan.csv", targets=tmp_path / "targets.toml")


def test_an_organisation_in_another_letter_case_is_one_organisation(tmp_path) -> None:
    plan = _cases(tmp_path, '[targets]\nreuse = "20 %"\n'
                            '[targets.organisation."alby KOMMUN"]\nreuse = "50 %"\n')
    fu = plan.follow_up(by="organisation")
    assert list(fu.index.astype(str)) == ["Alby kommun", "Byn"]
    alby = fu.loc["Alby kommun"]
    # 1 of Alby's 4 procurements sets reuse requirements: 25 %, against its own 50 %
    assert (alby["procurements"], alby["reuse_share"]) == (4, pytest.approx(0.25))
    assert alby["reuse_target"] == pytest.approx(0.5) and not alby["reuse_met"]
    assert fu.loc["Byn"]["reuse_target"] == pytest.approx(0.2)  # the overall target
    assert "'ALBY KOMMUN', 'Alby Kommun' read as the organisation 'Alby kommun'" in \
        " ".join(plan.notes)
    assert list(plan.follow_up(by="category").index.astype(str)) == ["Fordon", "Livsmedel"]


def test_targets_under_both_spellings_of_the_table_are_each_read(tmp_path) -> None:
    plan = _cases(tmp_path, '[targets]\nreuse = "20 %"\n'
                            '[targets.organisation."Alby kommun"]\nreuse = "50 %"\n'
                            '[targets.organisations.Byn]\nreuse = "100 %"\n')
    fu = plan.follow_up(by="organisation")
    assert fu.loc["Byn"]["reuse_target"] == pytest.approx(1.0)
    with pytest.raises(P.PlanError) as info:
        _cases(tmp_path, '[targets.organisation.Byn]\nreuse = "50 %"\n'
                         '[targets.organisations.byn]\nreuse = "100 %"\n')
    assert [(e.code, e.column) for e in info.value.errors] == [
        ("duplicate-column", "targets.organisations.byn")]


def test_climate_factors_match_categories_in_any_case_and_say_what_is_missing(
        tmp_path) -> None:
    plan = _cases(tmp_path, '[targets]\nreuse = "20 %"\n')
    factors_path = tmp_path / "factors.csv"
    factors_path.write_text("category,factor,unit,source\nFORDON,0.09,kg CO2e/SEK,x\n"
                            "Livsmedlen,0.25,kg CO2e/SEK,x\n", encoding="utf-8")
    pr = plan.priorities(P.read_factors(factors_path))
    # 5 000 000 SEK × 0.09 kg/SEK = 450 000 kg for each car procurement
    assert list(pr["kg_co2e"].iloc[:2]) == [pytest.approx(450_000)] * 2
    assert pr["kg_co2e"].iloc[2:].isna().all()
    [note] = pr.attrs["notes"]
    assert "No climate factor for the categories 'Livsmedel'" in note
    assert "no planned procurement has: 'Livsmedlen'" in note


@pytest.mark.parametrize("top", [0, -5])
def test_top_is_one_or_more(tmp_path, top) -> None:
    plan = _cases(tmp_path, '[targets]\nreuse = "20 %"\n')
    with pytest.raises(lcc.LCCError) as info:
        plan.priorities(top=top)
    assert info.value.field == "Plan.priorities.top"
    assert main(["portfolio", str(tmp_path / "plan.csv"), "priorities", "--top",
                 str(top)]) == 2


@pytest.mark.parametrize(("lang", "words"), [
    ("sv", ["planerad", "lägsta pris"]), ("en", ["planned", "lowest price"])])
def test_status_and_award_basis_are_shown_in_words(tmp_path, capsys, lang, words) -> None:
    (tmp_path / "plan.csv").write_text(CASES, encoding="utf-8")
    assert main(["portfolio", str(tmp_path / "plan.csv"), "--by", "status,award_basis",
                 "--lang", lang]) == 0
    row = capsys.readouterr().out.splitlines()[2].split()
    assert row[:len(" ".join(words).split())] == " ".join(words).split()


def test_the_report_names_the_spellings_read_as_one(tmp_path) -> None:
    plan = _cases(tmp_path, '[targets]\nreuse = "20 %"\n')
    html = plan.report(lang="sv").html()
    assert "läses som organisationen" in html and "ALBY KOMMUN" in html


def _sheet(tmp_path, headers: list[str], value) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers)
    ws.append(["A1", "Food", "Alby", 2025, "Food", value, "price", "yes", "no", "no", "no",
               "no", "", "planned"])
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("header", ["V\u0061\u0308rde", "Uppskattat\nvärde",
                                    "Uppskattat\u00a0värde", " VÄRDE "])
def test_a_header_is_read_as_it_shows(tmp_path, header) -> None:
    """'Värde' with a decomposed ä (as macOS writes it), a line break typed with Alt+Enter, a
    no-break space: each is the header it shows."""
    headers = [*HEADER[:5], header, *HEADER[6:]]
    plan = P.read_plan(_sheet(tmp_path, headers, "1 Mkr"))
    assert plan.table["value"].iloc[0] == pytest.approx(1_000_000)


def test_true_in_the_value_column_is_named_as_excel_shows_it(tmp_path) -> None:
    with pytest.raises(P.PlanError) as info:
        P.read_plan(_sheet(tmp_path, HEADER, True))
    [err] = info.value.errors
    assert (err.column, err.code) == ("value", "wrong-type")
    assert err.message.startswith("got TRUE; expected estimated or contract value")


def test_a_table_without_amounts_says_nothing_of_amounts(tmp_path, capsys) -> None:
    (tmp_path / "plan.csv").write_text(CASES, encoding="utf-8")
    assert main(["portfolio", str(tmp_path / "plan.csv"), "criteria"]) == 0
    assert "(Amounts in" not in capsys.readouterr().out
    assert main(["portfolio", str(tmp_path / "plan.csv")]) == 0
    assert "(Amounts in SEK)" in capsys.readouterr().out


def _plan_sheet(rows: int = 3) -> tuple[openpyxl.Workbook, object]:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for i in range(1, rows + 1):
        ws.append([f"A{i}", "Food", "Alby", 2025, "Food", "1 Mkr", "price", "ja", "nej",
                   "nej", "nej", "nej", "", "planerad"])
    return wb, ws


def _edit_sheet(path: Path, old: bytes, new: bytes) -> None:
    with zipfile.ZipFile(path) as z:
        parts = {i: z.read(i.filename) for i in z.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts.items():
            if info.filename == "xl/worksheets/sheet1.xml":
                assert old in data
                data = data.replace(old, new)
            z.writestr(info, data)


def test_a_formula_without_a_stored_result_is_refused_not_read_as_a_blank_cell(tmp_path) -> None:
    """A plan written by a script (openpyxl stores no results) read the formula's cell as
    blank: an optional column (criteria, status) then lost its value without a word."""
    wb, ws = _plan_sheet()
    ws["I2"] = '=IF(1=1,"ja","nej")'  # reuse, required
    ws["M3"] = '="EX-1; EX-2"'  # criteria, optional: was read as no criteria
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    with pytest.raises(P.PlanError) as err:
        P.read_plan(path)
    found = {(e.row, e.column, e.code, e.value) for e in err.value.errors}
    assert found == {(2, "reuse", "formula-without-value", '=IF(1=1,"ja","nej")'),
                     (3, "criteria", "formula-without-value", '="EX-1; EX-2"')}
    sv = "\n".join(err.value.lines_in("sv"))
    assert "formeln '=IF(1=1,\"ja\",\"nej\")' utan sparat resultat" in sv


def test_a_formula_whose_result_is_an_empty_text_is_a_blank_cell(tmp_path) -> None:
    """Excel and LibreOffice store an empty text result as <v></v> with t="str"; that is a
    result, and the cell is blank (an optional column may be)."""
    wb, ws = _plan_sheet()
    ws["M2"] = '=IF(1=0,"EX-1","")'
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    _edit_sheet(path, b'<c r="M2"><f>IF(1=0,"EX-1","")</f><v /></c>',
                b'<c r="M2" t="str"><f>IF(1=0,"EX-1","")</f><v></v></c>')
    plan = P.read_plan(path)
    assert len(plan.table) == 3
    assert plan.table["criteria"].iloc[0] == ()


def test_cells_inside_merged_cells_are_refused_with_the_range(tmp_path) -> None:
    """An organisation merged down three rows is held by the first cell only: the other rows
    were reported as blank cells, which they do not look like in Excel."""
    wb, ws = _plan_sheet(4)
    ws["C3"] = None
    ws["C4"] = None
    ws.merge_cells("C2:C4")
    ws["M4"] = None
    ws.merge_cells("L4:M5")  # across columns and rows: lcc (L4) holds the value
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    with pytest.raises(P.PlanError) as err:
        P.read_plan(path)
    found = {(e.row, e.column, e.code) for e in err.value.errors}
    assert found == {(3, "organisation", "merged-cell"), (4, "organisation", "merged-cell"),
                     (4, "criteria", "merged-cell"), (5, "lcc", "merged-cell"),
                     (5, "criteria", "merged-cell")}
    message = next(e for e in err.value.errors if e.row == 3).message
    assert "merged cells C2:C4" in str(message)


def test_a_merged_range_reaching_into_blank_rows_makes_no_procurement(tmp_path) -> None:
    """A '#' note merged down past the last procurement made the blank rows below count as
    procurements, each refused as blank (the plan had read fine)."""
    wb, ws = _plan_sheet(2)
    ws["O1"] = "# note"
    ws["O2"] = "see the board's decision"
    ws.merge_cells("O2:O6")
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    assert len(P.read_plan(path).table) == 2
