"""An organisation may not be called by a label of the criteria table.

The criteria table has one column per organisation beside its index levels (category,
criterion) and its summary columns (organisations, differs). An organisation called 'differs'
had its column replaced by the summary, without a word; one called 'criterion' or 'category'
stopped ``lcc portfolio … report`` with exit 1 (pandas: cannot insert criterion, already
exists). They are refused at their cell.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import lcc
from lcc.cli import main

HEAD = ("id,title,organisation,year,category,value,award_basis,environmental,reuse,plastics,"
        "climate,lcc,status,criteria\n")


def plan(tmp_path: Path, second: str) -> Path:
    path = tmp_path / "plan.csv"
    rows = ["1,Chairs,Alby kommun,2025,Furniture,100 tkr,price,yes,no,no,no,no,planned,K-1",
            f"2,Tables,{second},2025,Furniture,200 tkr,price,no,no,no,no,no,planned,K-2"]
    path.write_text(HEAD + "\n".join(rows) + "\n", "utf-8")
    return path


@pytest.mark.parametrize("name", ["category", "criterion", "organisations", "differs",
                                  "Differs", "Skiljer sig", "Kategori", "KRITERIUM",
                                  "Organisations using it"])
def test_a_label_of_the_criteria_table_is_refused_as_an_organisation(
        tmp_path: Path, name: str) -> None:
    with pytest.raises(lcc.LCCError) as info:
        lcc.portfolio.read_plan(plan(tmp_path, name))
    (issue,) = info.value.errors
    assert (issue.code, issue.column, issue.row) == ("invalid-value", "organisation", 3)
    assert f"got {name!r}, a name the criteria table gives one of its own columns" in str(issue)


def test_the_cli_exits_2_naming_the_cell(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = plan(tmp_path, "criterion")
    assert main(["portfolio", str(path), "report", "-o", str(tmp_path / "r.html")]) == 2
    assert "plan.csv:3: organisation: got 'criterion'" in capsys.readouterr().err
    assert main(["portfolio", str(path), "criteria", "--lang", "sv"]) == 2
    assert "fick 'criterion', ett namn som kriterietabellen ger" in capsys.readouterr().err


def test_other_names_make_their_own_columns(tmp_path: Path) -> None:
    """'Differs kommun' is a name like any other: K-1 is used by Alby only, K-2 by 'Differs
    kommun' only; both procure furniture, so both differ."""
    table = lcc.portfolio.read_plan(plan(tmp_path, "Differs kommun")).criteria()
    assert list(table.columns) == ["Alby kommun", "Differs kommun", "organisations", "differs"]
    assert table.loc[("Furniture", "K-1"), "Alby kommun"]
    assert not table.loc[("Furniture", "K-1"), "Differs kommun"]
    assert table.loc[("Furniture", "K-2"), "Differs kommun"]
    assert list(table["organisations"]) == [1, 1] and list(table["differs"]) == [True, True]


def test_the_tender_column_is_read_under_its_swedish_name_upphandlingsfil(
        tmp_path: Path) -> None:
    """The Swedish output calls the buyer's file 'upphandlingsfil' ('anbudsfil' is a bid's);
    the plan's column is read under that name too, and under the older ones."""
    from lcc.portfolio._columns import header_map

    assert {h: header_map()[h] for h in ("upphandlingsfil", "anbudsfil", "lcc-fil")} == \
        dict.fromkeys(("upphandlingsfil", "anbudsfil", "lcc-fil"), "tender")
