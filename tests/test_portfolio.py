"""Follow-up of a procurement plan: shares, targets and missing counts computed by hand,
located errors, linked tenders, priorities, criteria, hostile text, CLI and reports."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import subprocess
import sys
import zipfile
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest

import lcc
import lcc.io
import lcc.portfolio as P
from lcc.portfolio._cells import CellError, read_share

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "portfolio"
STREET = ROOT / "examples" / "street-lighting.toml"

HEADER = ("id,title,organisation,year,category,value,award_basis,environmental,reuse,"
          "plastics,climate,lcc,criteria,status,tender,awarded")

# The small plan of the hand calculations below.
#   P1 Alby  2025  1 000 000  env reuse         lcc
#   P2 Alby  2025    500 000  env        climate
#   P3 Alby  2026          0             plastics
#   P4 Borby 2025  2 000 000  env
#   P5 Borby 2026          0      reuse
SMALL = f"""{HEADER}
P1,Lighting,Alby,2025,Lighting,1 000 000 SEK,cost,yes,yes,no,no,yes,K1; K2,awarded,,
P2,Food,Alby,2025,Food,500 tkr,price_quality,yes,no,no,yes,no,K3,advertised,,
P3,Cups,Alby,2026,Tableware,0 kr,price,no,no,yes,no,no,,planned,,
P4,Food,Borby,2025,Food,"2 Mkr",price_quality,yes,no,no,no,no,K4,awarded,,
P5,Chairs,Borby,2026,Furniture,0 SEK,price,no,yes,no,no,no,,planned,,
"""

TARGETS = """[targets]
reuse = "20 %"
environmental = "80 %"

[targets.organisation.Borby]
reuse = "50 %"
"""


def write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def small(tmp_path: Path) -> P.Plan:
    return P.read_plan(write(tmp_path, "plan.csv", SMALL),
                       targets=write(tmp_path, "targets.toml", TARGETS))


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lcc", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


# --------------------------------------------------------------------------- by hand


def test_follow_up_by_organisation_by_hand(small: P.Plan) -> None:
    fu = small.follow_up("organisation")
    alby, borby = fu.loc["Alby"], fu.loc["Borby"]
    # Alby: P1, P2, P3 -> n = 3, value 1 000 000 + 500 000 + 0 = 1 500 000
    assert alby["procurements"] == 3 and alby["value"] == 1_500_000
    # environmental: P1, P2 -> 2/3; their value 1 500 000 / 1 500 000 = 1
    assert alby["environmental_share"] == pytest.approx(2 / 3)
    assert alby["environmental_value_share"] == pytest.approx(1.0)
    # target 80 %: 0.8·3 = 2.4 -> ⌈2.4 − 2⌉ = 1 missing, not met
    assert alby["environmental_target"] == 0.8
    assert not alby["environmental_met"] and alby["environmental_missing"] == 1
    # reuse: P1 -> 1/3, value 1 000 000 / 1 500 000 = 2/3; Alby has no own target ->
    # overall 20 %: 0.2·3 = 0.6 ≤ 1 -> met, 0 missing
    assert alby["reuse_share"] == pytest.approx(1 / 3)
    assert alby["reuse_value_share"] == pytest.approx(2 / 3)
    assert alby["reuse_target"] == 0.2 and alby["reuse_met"] and alby["reuse_missing"] == 0
    # plastics: P3 (value 0) -> 1/3 of the procurements, 0 of the value
    assert alby["plastics_share"] == pytest.approx(1 / 3)
    assert alby["plastics_value_share"] == 0.0
    # Borby: P4, P5 -> n = 2, value 2 000 000 ("2 Mkr")
    assert borby["procurements"] == 2 and borby["value"] == 2_000_000
    # environmental: P4 -> 1/2; value 2 000 000 / 2 000 000 = 1; 0.8·2 = 1.6 -> 1 missing
    assert borby["environmental_share"] == 0.5 and borby["environmental_value_share"] == 1.0
    assert borby["environmental_missing"] == 1 and not borby["environmental_met"]
    # reuse: P5 (value 0) -> 1/2, value share 0; Borby's own target 50 %: 0.5·2 = 1 -> met
    assert borby["reuse_share"] == 0.5 and borby["reuse_value_share"] == 0.0
    assert borby["reuse_target"] == 0.5 and borby["reuse_met"] and borby["reuse_missing"] == 0
    # no target for plastics, climate, lcc: no target columns
    assert "plastics_target" not in fu.columns and "lcc_missing" not in fu.columns
    assert list(fu.columns[:2]) == ["procurements", "value"]


def test_follow_up_by_year_with_a_zero_value_group(small: P.Plan) -> None:
    fu = small.follow_up("year")
    y25, y26 = fu.loc[2025], fu.loc[2026]
    # 2025: P1, P2, P4 -> n = 3, value 3 500 000; environmental 3/3 -> met
    assert y25["procurements"] == 3 and y25["value"] == 3_500_000
    assert y25["environmental_share"] == 1.0 and y25["environmental_met"]
    # reuse: P1 -> 1/3, value 1 000 000 / 3 500 000 = 2/7; grouped by year the overall
    # 20 % applies (Borby's own target only to Borby's groups): 0.6 ≤ 1 -> met
    assert y25["reuse_value_share"] == pytest.approx(2 / 7)
    assert y25["reuse_target"] == 0.2 and y25["reuse_met"]
    # 2026: P3, P5, both value 0 -> the value share falls back to the share of procurements
    assert y26["value"] == 0
    assert y26["reuse_share"] == 0.5 and y26["reuse_value_share"] == 0.5
    assert y26["plastics_value_share"] == 0.5
    # environmental 0/2 -> ⌈0.8·2 − 0⌉ = ⌈1.6⌉ = 2 missing
    assert y26["environmental_missing"] == 2
    assert "2026" in " ".join(fu.attrs["notes"])
    for col in fu.columns:
        if col.endswith("share"):
            assert fu[col].notna().all()


def test_follow_up_whole_plan_and_combined_groups(small: P.Plan) -> None:
    whole = small.follow_up(None)
    assert list(whole.index) == ["all"]
    row = whole.iloc[0]
    # 5 procurements, 3 500 000; environmental 3/5 = 0.6: 0.8·5 = 4 -> 1 missing
    assert row["procurements"] == 5 and row["value"] == 3_500_000
    assert row["environmental_share"] == 0.6 and row["environmental_missing"] == 1
    # reuse 2/5 = 0.4 ≥ 0.2
    assert row["reuse_share"] == 0.4 and row["reuse_met"]
    both = small.follow_up(["organisation", "year"])
    assert list(both.index) == [("Alby", 2025), ("Alby", 2026), ("Borby", 2025),
                                ("Borby", 2026)]
    # Borby 2026: P5 only: reuse 1/1 against Borby's 50 % -> met; environmental 0/1 ->
    # ⌈0.8⌉ = 1 missing
    assert both.loc[("Borby", 2026), "reuse_target"] == 0.5
    assert both.loc[("Borby", 2026), "environmental_missing"] == 1
    # the comma form of the CLI works too
    assert small.follow_up("organisation, year").equals(both)


def test_missing_count_is_exact() -> None:
    # in floats 0.14·50 = 7.000000000000001, so ⌈0.14·50 − 7⌉ would be 1; with fractions 0
    assert 0.14 * 50 != 7
    assert P.missing_count(7, 50, read_share("14 %")) == 0
    assert P.missing_count(7, 50, read_share(0.14)) == 0
    target = read_share("20 %")
    assert target == Fraction(1, 5)
    assert P.missing_count(1, 5, target) == 0
    assert P.missing_count(0, 5, target) == 1
    assert P.missing_count(0, 7, Fraction(4, 5)) == 6     # ⌈5.6⌉
    assert P.missing_count(3, 3, Fraction(4, 5)) == 0
    assert read_share(0.2) == Fraction(1, 5) and read_share("0.2") == Fraction(1, 5)
    assert read_share("20%") == Fraction(1, 5) and read_share("100 %") == 1
    with pytest.raises(CellError, match="did you mean '20 %'"):
        read_share(20)
    with pytest.raises(CellError, match="did you mean"):
        read_share("20")
    with pytest.raises(CellError):
        read_share("120 %")


def test_unknown_group_is_an_error(small: P.Plan) -> None:
    with pytest.raises(lcc.LCCError, match="cannot group by 'region'"):
        small.follow_up("region")  # 'kommun', a header of organisation, groups by it


# --------------------------------------------------------------------------- reading


SWEDISH = """Id;Titel;Kommun;År;Kategori;Värde;Tilldelningsgrund;Miljökrav;Återbrukskrav;\
Plastkrav;Klimatkrav;LCC-krav;KravID;Status;#anteckning
S1;Belysning;Alby;2025;Belysning;1 000 000 SEK;kostnad;ja;ja;nej;nej;ja;K1;tilldelad;x
S2;Mat;Alby;2025;Livsmedel;500 tkr;pris och kvalitet;JA;Nej;nej;ja;nej;;annonserad;
S3;Muggar;Borby;2026;Måltid;0 kr;pris;nej;nej;ja;nej;nej;;planerad;
"""


def test_swedish_headers_and_values(tmp_path: Path) -> None:
    plan = P.read_plan(write(tmp_path, "plan.csv", SWEDISH), targets={"återbrukskrav": "20 %"})
    t = plan.table
    assert list(t["id"]) == ["S1", "S2", "S3"]
    assert list(t["award_basis"]) == ["cost", "price_quality", "price"]
    assert list(t["status"]) == ["awarded", "advertised", "planned"]
    assert list(t["environmental"]) == [True, True, False]
    assert t["criteria"].iloc[0] == ("K1",) and t["criteria"].iloc[1] == ()
    fu = plan.follow_up("organisation")
    # Alby: S1, S2 -> reuse 1/2 against 20 %; Borby: S3 -> 0/1: ⌈0.2⌉ = 1 missing
    assert fu.loc["Alby", "reuse_share"] == 0.5 and fu.loc["Borby", "reuse_missing"] == 1


def test_excel_plan(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER.split(","))
    ws.append(["X1", "Vans", "Alby", 2025, "Vehicles", "1,2 Mkr", "cost", True, False, False,
               True, True, "K1;K2", "planned", None, None])
    ws.append(["X2", "Desks", "Alby", 2025.0, "Furniture", "80 000 kr", "price", "yes", "yes",
               "no", "no", "no", None, "planned", None, None])
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    plan = P.read_plan(path)
    assert list(plan.table["value"]) == [1_200_000, 80_000]
    assert list(plan.table["year"]) == [2025, 2025]
    ws.append(["X3", "Cars", "Alby", 2025.5, "Vehicles", 5000, "cost", "yes", "no", "no",
               "no", "no", None, "planned", None, None])
    wb.save(path)
    with pytest.raises(P.PlanError) as info:
        P.read_plan(path)
    errs = {(e.row, e.column, e.code) for e in info.value.errors}
    assert errs == {(4, "year", "wrong-type"), (4, "value", "bare-number")}


TOML_PLAN = """[plan]
currency = "SEK"

[targets]
reuse = "20 %"

[[procurements]]
id = "T1"
title = "Lighting"
organisation = "Alby"
year = 2025
category = "Lighting"
value = "1 000 000 SEK"
award_basis = "cost"
environmental = "yes"
reuse = "no"
plastics = "no"
climate = "no"
lcc = "yes"
criteria = ""
status = "awarded"
tender = "{street}"
awarded = "LED bid A"

[[procurements]]
id = "T2"
title = "Food"
organisation = "Alby"
year = 2025
category = "Food"
value = "12 apples"
award_basis = "price"
environmental = "yes"
reuse = "yes"
plastics = "no"
climate = "no"
lcc = "no"
criteria = "K1"
status = "planned"
"""


def test_toml_plan_with_lines_and_a_linked_tender(tmp_path: Path) -> None:
    text = TOML_PLAN.replace("{street}", STREET.as_posix())
    path = write(tmp_path, "plan.toml", text)
    with pytest.raises(P.PlanError) as info:
        P.read_plan(path)
    (err,) = info.value.errors
    assert (err.row, err.column, err.code) == (31, "value", "invalid-value")
    assert str(err).startswith(f"{path}:31: value:")
    path.write_text(text.replace("12 apples", "50 000 kr"), encoding="utf-8")
    plan = P.read_plan(path)
    assert plan.linked().loc["T1", "awarded"] == "LED bid A"
    assert plan.targets.overall == {"reuse": Fraction(1, 5)}
    # both targets in the plan and given: refused
    with pytest.raises(P.PlanError, match="keep one of them"):
        P.read_plan(path, targets={"reuse": "10 %"})


def test_bad_plan_reports_every_problem_located(tmp_path: Path) -> None:
    bad = f"""{HEADER},comment
B1,Lights,Alby,2025,Lighting,1 000 000,cost,yes,no,no,no,yes,,planned,,,
B1,Food,Alby,25,Food,5 000 SEK,pris,maybe,no,,no,no,,planerad,,,
B3,Cars,Borby,2025,Vehicles,-5 SEK,priz,yes,no,no,no,no,,done,,LED bid A,
B4,Cars,Borby,2025,,"1,2 kEUR",cost,yes,no,no,no,no,,awarded,missing.toml,X,
"""
    path = write(tmp_path, "bad.csv", bad)
    with pytest.raises(P.PlanError) as info:
        P.read_plan(path)
    found = {(e.row, e.column, e.code) for e in info.value.errors}
    assert found == {
        (1, "comment", "unknown-column"),
        (2, "value", "bare-number"),
        (3, "id", "duplicate-id"),
        (3, "year", "wrong-type"),
        (3, "environmental", "invalid-value"),
        (3, "plastics", "missing-value"),
        (4, "value", "invalid-value"),
        (4, "award_basis", "invalid-value"),
        (4, "status", "invalid-value"),
        (4, "awarded", "invalid-value"),
        (5, "category", "missing-value"),
        (5, "value", "currency-mix"),  # EUR where the first currency (row 3) is SEK
        (5, "tender", "tender-error"),
    }
    assert all(e.file == str(path) for e in info.value.errors)
    text = str(info.value)
    assert f"{path}:2: value: got '1 000 000' without a currency" in text
    assert "did you mean 'pris'?" in text
    payload = json.loads(info.value.to_json())
    assert {"code", "message", "file", "row", "column", "value"} <= set(payload["errors"][0])


def test_missing_columns_currency_mix_and_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", "id,title,organisation\n1,a,b\n")
    with pytest.raises(P.PlanError) as info:
        P.read_plan(path)
    assert set(info.value.codes) == {"missing-column"}
    assert "year" in {e.column for e in info.value.errors}
    mixed = SMALL.replace("500 tkr", "50 000 EUR")
    with pytest.raises(P.PlanError) as info:
        P.read_plan(write(tmp_path, "m.csv", mixed))
    assert [(e.row, e.column, e.code) for e in info.value.errors] == [
        (3, "value", "currency-mix")]
    with pytest.raises(P.PlanError, match="empty"):
        P.read_plan(write(tmp_path, "e.csv", ""))
    with pytest.raises(P.PlanError, match="no procurements"):
        P.read_plan(write(tmp_path, "h.csv", HEADER + "\n"))
    with pytest.raises(P.PlanError, match="unknown file type"):
        P.read_plan(write(tmp_path, "p.txt", SMALL))
    with pytest.raises(P.PlanError, match="cannot read"):
        P.read_plan(tmp_path / "nope.csv")


def test_targets_errors_and_unknown_organisation(tmp_path: Path) -> None:
    plan = write(tmp_path, "plan.csv", SMALL)
    targets = write(tmp_path, "t.toml", """[targets]
reuse = 20
enviromental = "80 %"

[targets.organisation.Corby]
reuse = "30 %"
""")
    with pytest.raises(P.PlanError) as info:
        P.read_plan(plan, targets=targets)
    found = {(e.row, e.column, e.code) for e in info.value.errors}
    assert found == {(2, "targets.reuse", "bare-number"),
                     (3, "targets.enviromental", "unknown-key"),
                     (5, "targets.organisation.Corby", "unknown-organisation")}
    text = str(info.value)
    assert "did you mean '20 %'" in text and "did you mean 'environmental'" in text
    assert "Borby" in text  # the message lists the plan's organisations


def test_organisations_without_own_targets_follow_the_overall_ones(small: P.Plan) -> None:
    assert any("Alby" in n for n in small.notes)
    assert small.targets.target("reuse", "Alby") == Fraction(1, 5)
    assert small.targets.target("reuse", "Borby") == Fraction(1, 2)


# --------------------------------------------------------------------------- tenders


def _linked_plan(tmp_path: Path) -> Path:
    text = f"""{HEADER}
L1,Lights,Alby,2025,Street lighting,2 Mkr,cost,yes,no,no,no,yes,,awarded,\
{STREET.as_posix()},LED bid A
L2,Lights,Borby,2025,Street lighting,2 Mkr,cost,yes,no,no,no,yes,,awarded,\
{STREET.as_posix()},LED bid B
L3,Lights,Borby,2026,Street lighting,2 Mkr,cost,yes,no,no,no,yes,,planned,,
"""
    return write(tmp_path, "linked.csv", text)


def test_outcomes_of_linked_tenders(tmp_path: Path) -> None:
    plan = P.read_plan(_linked_plan(tmp_path))
    assert len(plan.tenders) == 1  # loaded once for both rows
    results = lcc.io.load_tender(STREET).evaluate()
    lcc_of = {n: float(r.value) for n, r in results.items()}
    co2e = {n: float(r.emissions["CO2e"]) for n, r in results.items()}
    # "Existing HPS" has no acquisition cost: it is the lowest-acquisition alternative
    linked = plan.linked()
    assert list(linked["lowest_acquisition"]) == ["Existing HPS", "Existing HPS"]
    assert linked.loc["L1", "lcc_saving"] == pytest.approx(
        lcc_of["Existing HPS"] - lcc_of["LED bid A"])
    assert linked.loc["L2", "co2e_saving_kg"] == pytest.approx(
        co2e["Existing HPS"] - co2e["LED bid B"])
    by_org = plan.outcomes("organisation")
    assert list(by_org["linked"]) == [1, 1]
    whole = plan.outcomes(None).iloc[0]
    assert whole["lcc_saving"] == pytest.approx(
        2 * lcc_of["Existing HPS"] - lcc_of["LED bid A"] - lcc_of["LED bid B"])
    assert whole["co2e_awarded_kg"] == pytest.approx(co2e["LED bid A"] + co2e["LED bid B"])
    cats = plan.lcc_categories()
    assert bool(cats.loc["Street lighting", "lcc_pays"])
    assert cats.loc["Street lighting", "winner_changes"] == 1


def test_unknown_awarded_alternative(tmp_path: Path) -> None:
    text = _linked_plan(tmp_path).read_text(encoding="utf-8").replace("LED bid B", "LED bid Z")
    with pytest.raises(P.PlanError) as info:
        P.read_plan(write(tmp_path, "z.csv", text))
    (err,) = info.value.errors
    assert (err.row, err.column, err.code) == (3, "awarded", "unknown-alternative")
    assert "LED bid A" in err.message  # the alternatives are listed


# --------------------------------------------------------------------------- priorities


def test_priorities_and_factors(tmp_path: Path, small: P.Plan) -> None:
    factors = P.read_factors(write(tmp_path, "f.csv", """category,factor,unit,source
Tableware,0.5,kg CO2e/kSEK,test figure
Furniture,0.002,t CO2e/MSEK,test figure
""")
    )
    # 0.5 kg per 1000 SEK = 0.0005 kg/SEK; 0.002 t per 1e6 SEK = 2e-6 kg/SEK
    assert factors.factor("Tableware") == pytest.approx(0.0005)
    assert factors.factor("Furniture") == pytest.approx(2e-6)
    pri = small.priorities(factors)
    assert list(pri.index) == ["P3", "P5"]  # both planned, both value 0: by id
    assert list(pri["rank"]) == [1, 2]
    # P3 (Alby 2026, alone in its group) lacks environmental and reuse, which Alby 2026
    # misses (0/1 < 80 %, 0/1 < 20 %); P5 (Borby 2026) has reuse (1/1 ≥ 50 %) and lacks
    # environmental (0/1 < 80 %)
    assert pri.loc["P3", "behind"] == "environmental; reuse"
    assert pri.loc["P5", "behind"] == "environmental"
    assert small.priorities(factors, requirement="reuse").index.tolist() == ["P3"]
    with pytest.raises(P.PlanError) as info:
        P.read_factors(write(tmp_path, "g.csv", """category,factor,unit,source
Food,-1,kg CO2e/SEK,x
Food,0.1,kg CO2e/SEK,
Cars,0.1,kg/litre,x
"""))
    found = {(e.row, e.column, e.code) for e in info.value.errors}
    assert found == {(2, "factor", "invalid-value"), (3, "source", "missing-value"),
                     (4, "unit", "invalid-value")}


def test_priorities_rank_by_climate_weight(tmp_path: Path) -> None:
    text = f"""{HEADER}
A,Food,Alby,2026,Food,1 000 000 SEK,price,no,no,no,no,no,,planned,,
B,Cars,Alby,2026,Vehicles,5 000 000 SEK,price,no,no,no,no,no,,planned,,
C,Cons,Alby,2026,Consulting,9 000 000 SEK,price,no,no,no,no,no,,planned,,
"""
    plan = P.read_plan(write(tmp_path, "p.csv", text))
    factors = P.read_factors(write(tmp_path, "f.csv", """category,factor,unit,source
Food,0.3,kg CO2e/SEK,illustrative
Vehicles,0.05,kg CO2e/SEK,illustrative
"""))
    pri = plan.priorities(factors)
    # Food 1e6·0.3 = 300 000 kg > Vehicles 5e6·0.05 = 250 000 kg; Consulting has no factor
    assert list(pri.index) == ["A", "B", "C"]
    assert pri.loc["A", "kg_co2e"] == pytest.approx(300_000)
    assert pd.isna(pri.loc["C", "kg_co2e"])


def test_a_factor_is_read_by_the_one_rule_of_separators(tmp_path: Path) -> None:
    """'25,000 kg CO2e/MSEK' (25 000 kg per million kronor) was read as 25, a thousand times
    too small, which moved the procurement down the priorities; the plan's values refused
    it as ambiguous. Every number of the factor table is now read by the one rule."""
    with pytest.raises(P.PlanError) as info:
        P.read_factors(write(tmp_path, "f.csv", """category,factor,unit,source
Vehicles,"25,000",kg CO2e/MSEK,x
Food,1.250,kg CO2e/MSEK,x
Paper,2 %,kg CO2e/SEK,x
Steel,1e306,t CO2e/öre,x
"""))
    assert [(e.row, e.column, e.code) for e in info.value.errors] == [
        (2, "factor", "invalid-value"), (3, "factor", "invalid-value"),
        (4, "factor", "wrong-type"), (5, "factor", "invalid-value")]
    assert info.value.errors[0].message == (
        "'25,000' is ambiguous: is ',' a decimal sign or a thousands separator? Write "
        "'25 000' for the thousands, or '25' for the decimal number")
    # 1e306 t per öre = 1e306 × 1000 kg × 100 per SEK, more than a float holds
    assert info.value.errors[3].message.startswith("got '1e306' in 't CO2e/öre': more kg CO2e "
                                                   "per SEK than lcc can compute with")
    factors = P.read_factors(write(tmp_path, "g.csv", """category,factor,unit,source
Vehicles,25 000,kg CO2e/MSEK,x
Food,"1.234,5",kg CO2e/MSEK,x
Paper,"0,02",kg CO2e/SEK,x
"""))
    # 25 000 kg / 1e6 SEK = 0.025 kg/SEK; 1 234.5 kg / 1e6 SEK = 0.0012345 kg/SEK
    assert factors.factor("Vehicles") == pytest.approx(0.025)
    assert factors.factor("Food") == pytest.approx(0.0012345)
    assert factors.factor("Paper") == pytest.approx(0.02)


def test_values_past_what_a_float_holds_are_refused_not_shown_as_a_dash(tmp_path: Path) -> None:
    """Two values of 1e308 and 1.7e308 kr summed to inf: the follow-up showed '—' for the
    value and its shares, and the JSON output held 'Infinity', which is not JSON."""
    text = f"""{HEADER}
A,Cars,Alby,2026,Vehicles,1e308 kr,price,yes,no,no,no,no,,planned,,
B,Cars,Alby,2026,Vehicles,1.7e308 kr,price,no,no,no,no,no,,planned,,
"""
    with pytest.raises(P.PlanError) as info:
        P.read_plan(write(tmp_path, "p.csv", text))
    [issue] = info.value.errors
    assert (issue.row, issue.column, issue.code) == (3, "value", "invalid-value")
    assert "the largest is 1.7e+308 SEK" in issue.message
    plan = P.read_plan(write(tmp_path, "q.csv", text.replace("1.7e308 kr", "1 kr")))
    huge = P.read_factors(write(tmp_path, "f.csv", "category,factor,unit,source\n"
                                                    "Vehicles,10,kg CO2e/SEK,x\n"))
    with pytest.raises(lcc.LCCError, match="the climate factor of 'Vehicles' times the value "
                                           "of procurement 'A' is more kg CO2e") as err:
        plan.priorities(huge)
    assert (err.value.field, err.value.code) == ("Plan.priorities.factors", "invalid-value")
    out = subprocess.run([sys.executable, "-m", "lcc", "portfolio", str(tmp_path / "q.csv"),
                          "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout, parse_constant=lambda c: pytest.fail(c))["table"][0][
        "value"] == pytest.approx(1e308 + 1)


# --------------------------------------------------------------------------- criteria


def test_criteria_matrix(small: P.Plan) -> None:
    crit = small.criteria()
    # Food: Alby uses K3, Borby uses K4 -> both differ; Lighting: only Alby procures
    assert bool(crit.loc[("Food", "K3"), "Alby"]) is True
    assert bool(crit.loc[("Food", "K3"), "Borby"]) is False
    assert crit.loc[("Food", "K3"), "differs"] and crit.loc[("Food", "K4"), "differs"]
    assert crit.loc[("Lighting", "K1"), "Borby"] is pd.NA
    assert not crit.loc[("Lighting", "K1"), "differs"]
    assert set(small.criteria(differences_only=True).index) == {("Food", "K3"), ("Food", "K4")}


# --------------------------------------------------------------------------- hostile text

HOSTILE = f"""{HEADER}
H1,"=cmd|' /C calc'!A0",<script>alert(1)</script>,2025,"@SUM(1+1)\x1b[31m",1 000 SEK,price,\
yes,no,no,no,no,"=1+1; <b>x</b>",planned,,
H2,"$\\frac{{a}}{{b}}$ +tricky",Bolag $x$,2025,Food,2 000 SEK,price,no,no,no,no,no,,planned,,
"""


def test_hostile_text_is_data_everywhere(tmp_path: Path) -> None:
    path = write(tmp_path, "hostile.csv", HOSTILE)
    plan = P.read_plan(path)
    html = plan.report(lang="en").html()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<b>x</b>" not in html and "\x1b" not in html
    report = plan.report(lang="sv")
    out = tmp_path / "h.xlsx"
    report.save(out)
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(out)
    texts = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith(("=", "@"))]
    assert texts and all(c.data_type == "s" for c in texts)
    with zipfile.ZipFile(out) as z:
        assert not any("<f>" in z.read(n).decode() for n in z.namelist()
                       if n.startswith("xl/worksheets/"))
    csv_out = run("portfolio", path, "priorities", "--format", "csv")
    assert csv_out.returncode == 0, csv_out.stderr
    assert "'=cmd" in csv_out.stdout and "'@SUM" in csv_out.stdout
    assert not re.search(r"(^|,)[=+@-]", csv_out.stdout.replace("\n", ",\n"), re.M)
    table = run("portfolio", path, "priorities")
    assert table.returncode == 0, table.stderr
    assert "\x1b" not in table.stdout


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_organisation_names_heading_the_criteria_csv_are_text(tmp_path: Path, lang) -> None:
    """The criteria matrix has a column per organisation: its name heads a CSV column."""
    text = (f"{HEADER}\n"
            'C1,Food,"=HYPERLINK(""http://x"",""y"")",2025,Food,1 000 SEK,price,yes,no,no,no,'
            "no,K1,planned,,\n"
            "C2,Food,+Org B,2025,Food,1 000 SEK,price,yes,no,no,no,no,K2,planned,,\n")
    out = run("portfolio", write(tmp_path, "plan.csv", text), "criteria", "--format", "csv",
              "--lang", lang)
    assert out.returncode == 0, out.stderr
    header = next(csv.reader(io.StringIO(out.stdout), delimiter=";" if lang == "sv" else ","))
    assert "'=HYPERLINK(\"http://x\",\"y\")" in header and "'+Org B" in header
    assert not any(h.startswith(("=", "+", "-", "@")) for h in header)


# --------------------------------------------------------------------------- CLI


def test_cli_follow_up_formats(tmp_path: Path) -> None:
    plan = write(tmp_path, "plan.csv", SMALL)
    targets = write(tmp_path, "t.toml", TARGETS)
    out = run("portfolio", plan, "--targets", targets, "--by", "organisation,year",
              "--format", "json")
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    first = payload["table"][0]
    assert (first["organisation"], first["year"]) == ("Alby", 2025)
    assert first["environmental_missing"] == 0 and payload["currency"] == "SEK"
    out = run("portfolio", plan, "--targets", targets, "--lang", "sv")
    assert out.returncode == 0 and "Återbrukskrav, mål" in out.stdout
    assert "66,7\u00a0%" in out.stdout
    out = run("portfolio", plan, "--by", "plan", "--format", "csv")
    assert out.returncode == 0 and out.stdout.startswith("plan,procurements,value")
    for action in ("outcomes", "linked", "criteria", "priorities"):
        res = run("portfolio", plan, action)
        assert res.returncode == 0, (action, res.stderr)


def test_cli_bad_plan_exits_2_with_located_errors(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.csv", SMALL.replace("500 tkr", "500").replace("2026,Fu", "26,Fu"))
    out = run("portfolio", bad)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert lines == [
        f"lcc: {bad}:3: value: got '500' without a currency; write the value with its "
        f"currency, e.g. '500 SEK' or '1 200 000 SEK' [bare-number]",
        f"lcc: {bad}:6: year: got '26'; expected a year such as 2025 [wrong-type]",
    ]
    out = run("portfolio", tmp_path / "none.csv")
    assert out.returncode == 2 and "no such file" in out.stderr
    out = run("portfolio", write(tmp_path, "ok.csv", SMALL), "--by", "region")
    assert out.returncode == 2 and "cannot group by 'region'" in out.stderr  # 'kommun' reads
    out = run("portfolio", tmp_path / "ok.csv", "report", "-o", tmp_path / "r.pdf")
    assert out.returncode == 2 and ".html or .xlsx" in out.stderr


# --------------------------------------------------------------------------- reports


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_report_html_and_xlsx_are_complete_and_reproducible(tmp_path: Path, lang: str) -> None:
    plan = P.read_plan(EXAMPLE / "plan.csv", targets=EXAMPLE / "targets.toml")
    factors = P.read_factors(EXAMPLE / "factors.csv")
    first = tmp_path / "a"
    second = tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        out = run("portfolio", EXAMPLE / "plan.csv", "report", "-o", folder / "f.html",
                  "--targets", EXAMPLE / "targets.toml", "--factors", EXAMPLE / "factors.csv",
                  "--lang", lang)
        assert out.returncode == 0, out.stderr
        plan.report(lang=lang, factors=factors).save(folder / "f.xlsx")
    for name in ("f.html", "f.xlsx"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    html = (first / "f.html").read_text(encoding="utf-8")
    assert html.count("<svg") >= 4  # shares by organisation and year, by year, outcomes
    # nothing fetched from the network: no external src/href, stylesheet or import
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html)
    assert "<link" not in html and "@import" not in html and "<metadata>" not in html
    assert "<script" not in html
    words = (["Uppföljning av upphandlingsplanen", "Återbrukskrav", "Per organisation och år",
              "Besparing", "Kriterier mellan organisationer", "mål 20,0\u00a0%"] if lang == "sv"
             else ["Follow-up of the procurement plan", "Reuse", "By organisation and year",
                   "LCC saved", "Criteria across organisations", "target 20.0\u00a0%"])
    for w in words:
        assert w in html, w
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(first / "f.xlsx")
    assert len(wb.sheetnames) >= 8


# --------------------------------------------------------------------------- example


def _make_plan() -> object:
    spec = importlib.util.spec_from_file_location("make_plan", EXAMPLE / "make_plan.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_plan_is_what_its_script_writes() -> None:
    module = _make_plan()
    assert module.text() == (EXAMPLE / "plan.csv").read_text(encoding="utf-8")  # type: ignore[attr-defined]
    plan = P.read_plan(EXAMPLE / "plan.csv", targets=EXAMPLE / "targets.toml")
    assert len(plan.organisations) == 7 and plan.years == [2024, 2025, 2026]
    per_year = plan.table.groupby("year").size()
    assert all(180 <= n <= 220 for n in per_year)
    tenders = {Path(p).name for p in plan.tenders}
    assert tenders == {"street-lighting.toml", "reusable-tableware.toml",
                       "refurbished-furniture.toml"}
    assert plan.outcomes(None)["lcc_saving"].iloc[0] > 0


# --------------------------------------------------------------------------- docs, API


def test_docs_table_matches_the_column_descriptions() -> None:
    page = (ROOT / "docs" / "howto" / "portfolio.md").read_text(encoding="utf-8")
    assert P.columns_markdown() in page
    for col in P.COLUMNS:
        for alias in col.aliases:
            assert alias in page


def test_public_surface() -> None:
    assert "portfolio" in lcc.__all__ and lcc.portfolio is P
    for name in P.__all__:
        assert getattr(P, name) is not None
    assert sorted(P.__all__) == sorted(set(P.__all__))


# ------------------------------------------------------- names that look the same are one name

def test_spellings_that_look_the_same_are_one_organisation_and_category(
        tmp_path: Path, small: P.Plan) -> None:
    """Before, 'Alby\u00a0kommun' (a no-break space from a copied cell) and 'Alby kommun' were
    two rows of the follow-up that look the same, each with its own shares."""
    variants = (SMALL.replace("P2,Food,Alby,", "P2,Food,Alby\u200b ,")
                .replace("P3,Cups,Alby,", "P3,Cups,\u00a0Al\u200bby,")
                .replace("P4,Food,Borby,2025,Food,", "P4,Food,Borby,2025,Food\u00a0 ,"))
    targets = TARGETS.replace("[targets.organisation.Borby]",
                              '[targets.organisation."Borby\u00a0"]')
    plan = P.read_plan(write(tmp_path, "v.csv", variants),
                       targets=write(tmp_path, "v.toml", targets))
    pd.testing.assert_frame_equal(plan.follow_up("organisation"), small.follow_up("organisation"))
    pd.testing.assert_frame_equal(plan.follow_up("category"), small.follow_up("category"))
    assert list(plan.follow_up("organisation").index) == ["Alby", "Borby"]
    # Borby's own reuse target (50 %) still applies
    assert plan.follow_up("organisation").loc["Borby", "reuse_target"] == 0.5
    factors = P.read_factors(write(tmp_path, "f.csv", "category,factor,unit,source\n"
                                                      "Food\u200b,0.25,kg CO2e/SEK,test\n"))
    assert factors.factor("Food") == 0.25 and factors.factor(" Food\u00a0") == 0.25


def test_an_awarded_name_is_matched_as_it_shows(tmp_path: Path) -> None:
    tender = (ROOT / "examples" / "street-lighting.toml").as_posix()
    plan = write(tmp_path, "p.csv", f"{HEADER}\nP1,Lights,Alby,2025,Lighting,1 Mkr,cost,"
                                    f"yes,no,no,no,yes,,awarded,{tender},LED\u00a0bid  A \n")
    out = P.read_plan(plan).outcomes("organisation")
    assert out.loc["Alby", "linked"] == 1
    detail = P.read_plan(plan).linked()
    assert list(detail["awarded"]) == ["LED bid A"]


@pytest.mark.parametrize(("text", "share"), [("20 %", Fraction(1, 5)),
                                             ("20 procent", Fraction(1, 5)),
                                             ("12,5 percent", Fraction(1, 8)),
                                             ("0,2", Fraction(1, 5))])
def test_a_share_takes_the_percent_words_of_every_rate(text: str, share: Fraction) -> None:
    """The words a tender's rate takes for percent (lcc.units.PERCENT_WORDS)."""
    assert read_share(text) == share
    word = text.split()[-1]
    if word in ("procent", "percent"):  # the same words in a tender's rate: 4 procent = 0.04
        alt = lcc.Alternative("A", lcc.Recurring("100 SEK/yr"))
        assert (lcc.evaluate(alt, lcc.Study("10 yr", f"4 {word}")).total.magnitude
                == pytest.approx(lcc.evaluate(alt, lcc.Study("10 yr", 0.04)).total.magnitude))


def test_an_excel_plan_that_unpacks_past_the_limit_is_refused_before_it_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 400 KB workbook whose title unpacked to 400 million characters took 866 MB of memory
    to read (a 'zip bomb'); what a workbook unpacks to is known from its package first, as
    the bid-form reader does. The limit is lowered here to keep the test small."""
    import zipfile

    import lcc.portfolio._read as R

    openpyxl = pytest.importorskip("openpyxl")
    import csv

    wb = openpyxl.Workbook()
    for row in csv.reader(SMALL.splitlines()):
        wb.active.append(row)
    wb.save(tmp_path / "plan.xlsx")
    assert len(P.read_plan(tmp_path / "plan.xlsx").table) == 5
    with zipfile.ZipFile(tmp_path / "big.xlsx", "w", zipfile.ZIP_DEFLATED) as out, \
            zipfile.ZipFile(tmp_path / "plan.xlsx") as z:
        for part in z.infolist():
            data = z.read(part.filename)
            if part.filename.startswith("xl/worksheets/"):
                data = data.replace(b"Food", b"F" * 3_000_000, 1)
            out.writestr(part.filename, data)
    monkeypatch.setattr(R, "MAX_UNPACKED_BYTES", 2_000_000)
    with pytest.raises(P.PlanError) as info:
        P.read_plan(tmp_path / "big.xlsx")
    [issue] = info.value.errors
    assert issue.code == "too-large"
    assert issue.message.startswith("the workbook unpacks to ")
    assert issue.message.endswith(" bytes; the limit is 2000000 bytes (a larger plan can be "
                                  "read as CSV)")


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_or_a_device_is_no_plan_targets_or_factor_table(tmp_path: Path) -> None:
    """'--factors /dev/zero' filled 5 GB of memory in 5 seconds, and a plan or targets file
    that is a named pipe waited forever; each is refused before it is read."""
    import os

    plan = write(tmp_path, "plan.csv", SMALL)
    for name in ("pipe.csv", "pipe.toml"):
        os.mkfifo(tmp_path / name)
    cases = [(lambda: P.read_plan(tmp_path / "pipe.csv"), "the plan"),
             (lambda: P.read_plan(plan, targets=tmp_path / "pipe.toml"), "the targets"),
             (lambda: P.read_factors("/dev/zero"), "the factor table"),
             (lambda: P.read_factors(tmp_path), "the factor table")]
    for read, what in cases:
        with pytest.raises(P.PlanError) as info:
            read()
        [issue] = info.value.errors
        assert (issue.code, issue.message) == (
            "unsupported-format", "not a regular file (a folder, a pipe or a device); give the "
            f"path of {what}")


def test_an_excel_plans_value_is_read_as_its_number_format_shows_it(tmp_path: Path) -> None:
    """A value column formatted as currency (Excel's 'Valuta', '#,##0 "kr"') holds numbers: it
    was refused as bare numbers, a whole column at a time. A number whose format shows its
    currency is read as shown; one without (General) is still a bare number."""
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER.split(","))
    formats = ['#,##0 "kr"', '#,##0 "tkr"', '#,##0, "tkr"',
               '_-* #,##0\\ "kr"_-;\\-* #,##0\\ "kr"_-;_-* "-"\\ "kr"_-;_-@_-', "General",
               '0' + ',' * 400 + ' "kr"']  # 400 scaling commas overflowed
    for i, (value, fmt) in enumerate(zip([1_200_000, 1200, 1_250_000, 0, 7, 9], formats,
                                         strict=True)):
        ws.append([f"P{i}", "Cars", "Alby", 2026, "Vehicles", value, "price", "no", "no",
                   "no", "no", "no", "", "planned", "", ""])
        ws.cell(i + 2, 6).number_format = fmt
    wb.save(tmp_path / "plan.xlsx")
    with pytest.raises(P.PlanError) as info:
        P.read_plan(tmp_path / "plan.xlsx")
    assert [(e.row, e.column, e.code) for e in info.value.errors] == [
        (6, "value", "bare-number"), (7, "value", "bare-number")]
    ws.delete_rows(6, 2)
    wb.save(tmp_path / "plan.xlsx")
    # 1 200 000 kr; 1 200 tkr = 1 200 000 kr; 1 250 000 shown in thousands as '1 250 tkr'
    # = 1 250 000 kr; the accounting format's zero '- kr' = 0 kr
    values = P.read_plan(tmp_path / "plan.xlsx").table["value"].tolist()
    assert values == [1_200_000.0, 1_200_000.0, 1_250_000.0, 0.0]
