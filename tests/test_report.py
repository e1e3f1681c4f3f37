"""Reports: every section present, numbers equal the library's, nothing fetched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from scipy import stats

import lcc
import lcc.report
from lcc.demo import alternatives


@pytest.fixture(scope="module")
def built() -> tuple[lcc.Comparison, lcc.report.Report]:
    study, alts = alternatives()
    c = lcc.compare(alts, study)
    t = lcc.sensitivity.tornado(alts, study, ranges={"discount_rate": (0.01, 0.06)})
    mc = lcc.sensitivity.monte_carlo(alts, study, {"electricity_price": stats.uniform(0.8, 1.2)},
                                     n=2000, seed=7)
    return c, lcc.report.build(c, tornado=t, monte_carlo=mc, title="Street lighting",
                               inputs=[b"tender file bytes"])


SECTIONS = ["summary", "by_category", "differences", "emissions", "cumulative", "breakdown",
            "tornado", "monte_carlo", "assumptions", "method", "versions", "trace"]


def test_every_section_is_present(built: tuple[lcc.Comparison, lcc.report.Report]) -> None:
    _, report = built
    assert [s.key for s in report.sections] == SECTIONS
    page = report.html()
    for key in SECTIONS:
        assert f'<section id="{key}">' in page


def test_html_is_self_contained(built: tuple[lcc.Comparison, lcc.report.Report]) -> None:
    page = built[1].html()
    assert page.count("<svg") == 4  # cumulative, breakdown, tornado, Monte Carlo
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "<script" not in page and "@import" not in page


def test_numbers_equal_the_library(built: tuple[lcc.Comparison, lcc.report.Report]) -> None:
    c, report = built
    page = report.html()
    for name, row in c.summary.iterrows():
        shown = f"{round(row['lcc']):,}".replace(",", " ")  # documents: whole currency units
        assert shown in page, name
    md = report.markdown()
    led = c.results["LED bid"].by_category
    assert f"{round(led['acquisition']):,}".replace(",", " ") in md
    assert f"| Existing HPS | {round(c.summary.loc['Existing HPS', 'lcc']):,}".replace(
        ",", " ") in md


def test_method_versions_hash_and_trace(built: tuple[lcc.Comparison, lcc.report.Report]) -> None:
    c, report = built
    page = report.html()
    import hashlib

    # review 6: the file's own SHA-256, as sha256sum gives it, named
    digest = hashlib.sha256(b"tender file bytes").hexdigest()
    assert f"Tender file: SHA-256 {digest} (sha256sum of the file)" in page
    assert f"lcc (openlcc) {lcc.__version__}" in page
    assert f"Reference data: fingerprint {lcc.data.fingerprint()}" in page
    assert "NIST Handbook 135" in page and "2014/24/EU" in page
    assert "Discount rate: 3.5\xa0% per year, real" in page
    trace = report.section("trace").pre
    assert trace == c.explain()


def test_swedish_labels() -> None:
    study, alts = alternatives()
    report = lcc.report.build(lcc.compare(alts, study), lang="sv", charts=False)
    page = report.html()
    for word in ("Sammanställning", "Livscykelkostnad", "Nettobesparing", "Beräkningsspår",
                 "Metod och källor", "Kalkylförutsättningar"):
        assert word in page
    assert '<html lang="sv">' in page
    # Swedish number format: space as thousands separator, decimal comma
    lcc_value = lcc.compare(alts, study).summary.loc["LED bid", "lcc"]
    assert f"{lcc_value:,.2f}".replace(",", "\u00a0").replace(".", ",") in page


def test_save_formats(tmp_path: Path, built: tuple[lcc.Comparison, lcc.report.Report]) -> None:
    from openpyxl import load_workbook

    _, report = built
    for suffix in ("html", "md", "xlsx"):
        out = report.save(tmp_path / f"report.{suffix}")
        assert out.stat().st_size > 1000
    wb = load_workbook(tmp_path / "report.xlsx")
    assert wb.sheetnames[:3] == ["Summary", "Present value by cost category",
                                 "Difference from the baseline"]  # cut at a word
    ws = wb["Summary"]
    assert ws["B3"].value == "LCC"
    assert ws["A4"].value == "Existing HPS"
    assert isinstance(ws["B4"].value, float)
    with pytest.raises(lcc.LCCError, match=r"\.html, \.xlsx or \.md"):
        report.save(tmp_path / "report.pdf")


def test_samples_are_refused() -> None:
    import numpy as np

    study = lcc.Study("5 yr", np.array([0.01, 0.02]))
    c = lcc.compare([lcc.Alternative("A", lcc.Investment("1 SEK"))], study)
    with pytest.raises(lcc.LCCError, match="sample inputs"):
        lcc.report.build(c)
