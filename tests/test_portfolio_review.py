"""The portfolio findings of the review of plans, factor tables and ``lcc portfolio``: each
test failed on the code before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

import lcc.portfolio as P
from lcc._errors import in_lang

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
