"""Outputs name the measure a comparison ranks by (review finding 1): under the annuity and
cost-per-service-year bases the summary's ``lcc`` is the present value over each own life and
``net_savings``/``annual_value`` are per year, while the category tables, charts, analyses and
the first traces stay on the common study period; every renderer says which is which.

The tender: study period 10 years, d = 4 %. 'Short life' costs 10 000 SEK with a life of 5
years, 'Long life' 19 000 SEK with a life of 12 years, both 1 000 SEK a year. Own-life LCC:
10 000 + 1 000 × UPV(4 %, 5) = 14 451.82 and 19 000 + 1 000 × UPV(4 %, 12) = 28 385.07;
annuity: × CRF → 3 246.27 and 3 024.49 SEK/yr (Long life lower, by 221.78); per service year:
/ 5 → 2 890.36 and / 12 → 2 365.42 (by 524.94). Over the common study period: 26 330 and 24 972.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import lcc
import lcc.report
from lcc.cli import main

TENDER = """format = "lcc.tender/1"
name = "Policy test"
[study]
period = "10 yr"
discount_rate = 0.04
{comparison}
[[alternatives]]
name = "Short life"
[[alternatives.items]]
type = "Investment"
amount = "10000 SEK"
life = "5 yr"
[[alternatives.items]]
type = "Recurring"
amount_per_year = "1000 SEK/yr"

[[alternatives]]
name = "Long life"
[[alternatives.items]]
type = "Investment"
amount = "19000 SEK"
life = "12 yr"
[[alternatives.items]]
type = "Recurring"
amount_per_year = "1000 SEK/yr"
"""


def _tender(tmp_path: Path, policy: str | None = None) -> Path:
    path = tmp_path / "pol.toml"
    comparison = f'[comparison]\npolicy = "{policy}"\n' if policy else ""
    path.write_text(TENDER.format(comparison=comparison), encoding="utf-8")
    return path


def _out(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(list(args)) == 0
    return capsys.readouterr().out.replace("\xa0", " ").splitlines()  # spaces in numbers


def test_the_numbers_behind_the_words(tmp_path: Path) -> None:
    c = lcc.load_tender(_tender(tmp_path, "annuity")).compare()
    assert c.summary["lcc"].to_list() == pytest.approx([14451.82, 28385.07], abs=0.005)
    assert c.summary["annual_value"].to_list() == pytest.approx([3246.27, 3024.49], abs=0.005)
    assert c.summary.at["Long life", "net_savings"] == pytest.approx(221.78, abs=0.005)
    assert c.best == "Long life"


@pytest.mark.parametrize(("lang", "head", "lowest", "amounts"), [
    ("en", "Alternative  LCC over own service life  Rank  Net savings in annual cost (SEK/yr)",
     "Lowest annual cost: Long life: 3 024.49 SEK/yr",
     "(Amounts in SEK, excluding VAT; life-cycle cost: present value over each alternative's "
     "own service life)"),
    ("sv", "Alternativ  Livscykelkostnad över egen livslängd  Rang  Nettobesparing i "
     "årskostnad (kr/år)", "Lägst årskostnad: Long life: 3 024,49 kr/år",
     "(Belopp i kr, exklusive moms; livscykelkostnad: nuvärde över varje alternativs egen "
     "livslängd)"),
])
def test_compare_names_the_annual_cost(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       lang: str, head: str, lowest: str, amounts: str) -> None:
    lines = _out(capsys, "compare", str(_tender(tmp_path)), "--policy", "annuity",
                 "--lang", lang)
    assert lines[1].startswith(head)
    assert lines[1].endswith("Annual cost (SEK/yr)" if lang == "en" else "Årskostnad (kr/år)")
    assert lowest in lines and amounts in lines
    assert not any(line.startswith(("Lowest life-cycle cost", "Lägst livscykelkostnad"))
                   for line in lines)


@pytest.mark.parametrize(("lang", "lowest", "header"), [
    ("en", "Lowest cost per service year: Long life: 2 365.42 SEK/yr",
     "Cost per service year (SEK/yr)"),
    ("sv", "Lägst kostnad per användningsår: Long life: 2 365,42 kr/år",
     "Kostnad per användningsår (kr/år)"),
])
def test_compare_names_the_cost_per_service_year(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str], lang: str,
                                                 lowest: str, header: str) -> None:
    lines = _out(capsys, "compare", str(_tender(tmp_path)), "--policy", "per_service_year",
                 "--lang", lang)
    assert lowest in lines and lines[1].endswith(header)


def test_compare_json_keeps_its_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    lines = _out(capsys, "compare", str(_tender(tmp_path)), "--policy", "annuity",
                 "--format", "json")
    row = json.loads("\n".join(lines))["rows"][1]
    assert row["alternative"] == "Long life"
    assert row["net_savings"] == pytest.approx(221.78, abs=0.005)


def test_compare_on_the_study_period_is_unchanged(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    lines = _out(capsys, "compare", str(_tender(tmp_path)))
    assert lines[1].startswith("Alternative        LCC  Rank  Net savings")
    assert "Lowest life-cycle cost: Long life" in lines
    assert "(Amounts in SEK, present values, excluding VAT)" in lines


BASIS = {"en": "On the common study period of 10 years (replacements within it, residual value "
               "at its end); the summary compares the equivalent annual cost over each "
               "alternative's own service life (annuity method).",
         "sv": "Avser den gemensamma kalkylperioden på 10 år (utbyten inom den, restvärde vid "
               "dess slut); sammanställningen jämför årskostnad över varje alternativs egen "
               "livslängd (annuitetsmetoden)."}


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["| Alternative | LCC over own service life | Rank | Net savings in annual cost "
            "(SEK/yr) | SIR | AIRR | Simple payback (yr) | Discounted payback (yr) | Annual cost "
            "(SEK/yr) |",
            "| Long life | 28 385 | 1 | 222 | — | — | — | — | 3 024 |",
            "_Amounts in SEK, excluding VAT; life-cycle cost: present value over each "
            "alternative's own service life_",
            "- Long life has the lowest annual cost: 3 024 SEK/yr",
            "- Net savings in annual cost: the baseline's annual cost minus the alternative's, "
            "per year."]),
    ("sv", ["| Alternativ | Livscykelkostnad över egen livslängd | Rang | Nettobesparing i "
            "årskostnad (kr/år) | SIR | AIRR | Återbetalningstid (år) | Diskonterad "
            "återbetalningstid (år) | Årskostnad (kr/år) |",
            "| Long life | 28 385 | 1 | 222 | — | — | — | — | 3 024 |",
            "_Belopp i kr, exklusive moms; livscykelkostnad: nuvärde över varje alternativs "
            "egen livslängd_",
            "- Lägst årskostnad har Long life: 3 024 kr/år",
            "- Nettobesparing i årskostnad: jämförelsealternativets årskostnad minus "
            "alternativets, per år."]),
])
def test_report_names_the_annual_cost_and_the_basis_of_each_table(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str,
        expected: list[str]) -> None:
    out = tmp_path / "r.md"
    _out(capsys, "report", str(_tender(tmp_path, "annuity")), "-o", str(out), "--lang", lang)
    lines = out.read_text(encoding="utf-8").replace("\xa0", " ").splitlines()
    for line in expected:
        assert line in lines
    assert not any("lowest life-cycle cost" in line or "Lägst livscykelkostnad" in line
                   for line in lines)
    # the category tables (26 330 / 24 972 over the 10 study years) say their basis
    total = lines.index("| Totalt | 26 330 | 24 972 |" if lang == "sv"
                        else "| Total | 26 330 | 24 972 |")
    assert lines[total + 4] == f"- {BASIS[lang]}"
    assert lines.count(f"- {BASIS[lang]}") == 2  # by category and the differences


def test_per_service_year_report_lead(tmp_path: Path) -> None:
    c = lcc.load_tender(_tender(tmp_path, "per_service_year")).compare()
    for lang, lead in (("en", "Long life has the lowest cost per service year: 2 365 SEK/yr"),
                       ("sv", "Lägst kostnad per användningsår har Long life: 2 365 kr/år")):
        summary = lcc.report.build(c, lang=lang, charts=False).sections[0]
        assert summary.lines[0].replace("\xa0", " ") == lead


def test_html_and_excel_use_the_same_headers(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    c = lcc.load_tender(_tender(tmp_path, "annuity")).compare()
    report = lcc.report.build(c, lang="sv", charts=False)
    html = report.html().replace("\xa0", " ")
    assert "<th>Nettobesparing i årskostnad (kr/år)</th>" in html
    assert '<p class="lead">Lägst årskostnad har Long life: 3 024 kr/år</p>' in html
    report.save(tmp_path / "r.xlsx")
    ws = load_workbook(tmp_path / "r.xlsx").worksheets[0]
    assert [cell.value for cell in ws[3]][1:4] == [
        "Livscykelkostnad över egen livslängd", "Rang", "Nettobesparing i årskostnad (kr/år)"]


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["Measures: NS = annual cost of the baseline − annual cost of the alternative, per "
            "year; SIR, AIRR and payback are not computed on this basis",
            "Lowest annual cost: Long life: 3 024.49 SEK/yr",
            "The first traces below are on the common study period of 10 years (replacements "
            "within it, residual value at its end), as the tables by cost category; the "
            "summary's values come from the traces over each alternative's own service life "
            "that follow them."]),
    ("sv", ["Mått: nettobesparing NS = jämförelsealternativets årskostnad − alternativets "
            "årskostnad, per år; SIR, AIRR och återbetalningstid beräknas inte på denna grund",
            "Lägst årskostnad: Long life: 3 024,49 kr/år",
            "De första beräkningsspåren nedan avser den gemensamma kalkylperioden på 10 år "
            "(utbyten inom den, restvärde vid dess slut), liksom tabellerna per kostnadsslag; "
            "sammanställningens värden kommer från beräkningsspåren över varje alternativs "
            "egen livslängd som följer efter dem."]),
])
def test_trace_says_which_basis_each_part_is_on(tmp_path: Path, lang: str,
                                                expected: list[str]) -> None:
    text = lcc.load_tender(_tender(tmp_path, "annuity")).compare().explain(lang).replace(
        "\xa0", " ")
    lines = text.splitlines()
    for line in expected:
        assert line in lines
    assert "NS = LCC_base − LCC_alt" not in text


@pytest.mark.parametrize(("lang", "header"), [("en", "Annual value (SEK/yr)"),
                                              ("sv", "Årskostnad (kr/år)")])
def test_the_annual_value_under_the_study_period_is_headed_with_its_unit(
        lang: str, header: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Under the common study period too, the annual value is a figure per year standing
    beside present values: its header says so."""
    from pathlib import Path

    from lcc.cli import main

    example = str(Path(__file__).parents[1] / "examples" / "street-lighting.toml")
    assert main(["compare", example, "--lang", lang]) == 0
    assert header in capsys.readouterr().out
    assert main(["compare", example, "--format", "json"]) == 0
    assert '"annual_value"' in capsys.readouterr().out
