"""Review 6 of the award documents: the charts, checksums, units, names, rounding, the
workbook's layout and the portfolio's print and wording."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _close() -> object:
    yield
    plt.close("all")


def _comparison(example: str):  # type: ignore[no-untyped-def]
    from lcc.cli._commands import _compared, _load

    tender = _load(str(ROOT / "examples" / f"{example}.toml"))
    return tender, _compared(tender)


# ----------------------------------------------------------------- 1, 2, 9: the charts


def test_cumulative_chart_ends_at_the_table_lcc_past_year_n() -> None:
    """The x-axis ended at N, so the last step (year-N costs, the residual value) lay on the
    axis line: in vehicles, Biogas looked cheapest although the table ranks it last."""
    from lcc.plot import cumulative

    _, c = _comparison("vehicles")
    ax = cumulative(c, lang="sv")
    n = c.study.years
    assert ax.get_xlim()[1] > n
    ends = {}
    for line in ax.get_lines():
        xs, ys = line.get_xdata(), line.get_ydata()
        if len(xs) > 2:  # a curve: its level past N
            ends[line.get_label()] = float(ys[-1])
            assert xs[-1] > n and ys[-1] == ys[-2]
    lcc = c.summary["lcc"].astype(float)
    for name, value in lcc.items():
        shown = [v for k, v in ends.items() if k.startswith(str(name) + " (")]
        assert shown and shown[0] == pytest.approx(float(value), abs=0.01)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Biogas (LCC 3\u00a0250\u00a0340\u00a0kr)" in legend


def test_chart_payback_labels_say_discounted() -> None:
    from lcc.plot import cumulative

    _, c = _comparison("street-lighting")
    sv = [t.get_text() for t in cumulative(c, lang="sv").texts]
    assert sv and all("diskonterad återbetalning år" in t for t in sv), sv
    assert "LED bid A: diskonterad återbetalning år 9" in sv
    en = [t.get_text() for t in cumulative(c, lang="en").texts]
    assert "LED bid A: discounted payback year 9" in en


@pytest.mark.parametrize("example", ["reusable-tableware", "street-lighting", "vehicles",
                                     "indoor-lighting"])
def test_chart_labels_stay_inside_the_axes_and_apart(example: str) -> None:
    """A label at year 0 was printed over the x tick labels; labels of one year on one
    another."""
    from lcc.plot import cumulative

    _, c = _comparison(example)
    ax = cumulative(c, lang="sv")
    ax.figure.canvas.draw()
    box = ax.get_window_extent()
    texts = [t.get_window_extent() for t in ax.texts]
    for b in texts:
        assert box.x0 <= b.x0 and b.x1 <= box.x1 and box.y0 <= b.y0 and b.y1 <= box.y1
    for i, a in enumerate(texts):
        assert not any(a.overlaps(b) for b in texts[i + 1:])


def test_cumulative_chart_is_the_same_svg_twice() -> None:
    from lcc.plot import cumulative, to_svg

    _, c = _comparison("reusable-tableware")
    assert to_svg(cumulative(c, lang="sv")) == to_svg(cumulative(c, lang="sv"))


def test_tornado_legend_covers_no_bar() -> None:
    from lcc.cli._commands import _tender_tornado
    from lcc.plot import tornado

    tender, c = _comparison("indoor-lighting")
    ax = tornado(_tender_tornado(tender), lang="sv", comparison=c)
    ax.figure.canvas.draw()
    legend = ax.get_legend().get_window_extent()
    bars = [p.get_window_extent() for p in ax.patches]
    assert bars and not any(legend.overlaps(b) for b in bars)
    assert legend.x0 >= ax.get_window_extent().x1  # beside the axes, never over a bar


# ----------------------------------------------------------------- 5: checksums


def test_report_prints_one_sha256_per_input_file(tmp_path: Path) -> None:
    import hashlib

    from lcc.cli import main

    tender = ROOT / "examples" / "street-lighting.toml"
    assumptions = ROOT / "examples" / "assumptions" / "sweden-2025.toml"
    out = tmp_path / "r.md"
    assert main(["report", str(tender), "-o", str(out), "--lang", "sv"]) == 0
    text = out.read_text(encoding="utf-8")
    for what, f in (("Upphandlingsfil", tender), ("Gemensamma kalkylförutsättningar",
                                                  assumptions)):
        digest = hashlib.sha256(f.read_bytes()).hexdigest()
        assert f"- {what}: SHA-256 {digest} (sha256sum av filen)" in text
    assert "Kontrollsumma för indata" not in text


def test_portfolio_prints_one_named_sha256_per_file() -> None:
    import hashlib

    import lcc.portfolio as pf

    d = ROOT / "examples" / "portfolio"
    plan = pf.read_plan(d / "plan.csv", targets=d / "targets.toml")
    factors = pf.read_factors(d / "factors.csv")
    html = plan.report(lang="en", factors=factors).html()
    for what, name in (("Plan", "plan.csv"), ("Targets", "targets.toml"),
                       ("Climate factors", "factors.csv")):
        digest = hashlib.sha256((d / name).read_bytes()).hexdigest()
        assert f"<li>{what} ({name}): SHA-256 {digest}</li>" in html


# ----------------------------------------------------------------- 12: one rounding rule


def test_a_half_is_rounded_as_the_workbook_shows_it() -> None:
    """P(lowest) = 5·10⁻⁵: 0,00 % in HTML/MD (half to even), 0,01 % in the XLSX (the
    spreadsheet rounds a half away from zero)."""
    from lcc._i18n import number, percent
    from lcc._i18n._tables import cell
    from lcc._xlsx import number_shown

    assert percent(5e-5, "sv", 2, fixed=True) == "0,01\u00a0%"
    assert cell("probability_best", 5e-5, "sv") == "0,01\u00a0%"
    assert number(0.125, "sv", 2) == "0,13" and number(2.5, "en", 0) == "3"
    assert number(-2.5, "sv", 0) == "\u22123"
    assert number_shown("0.00%", 5e-5).figure == 0.01  # what the workbook's cell shows


# ----------------------------------------------------------------- 10: a count per year


def test_a_count_per_year_in_swedish_and_no_factor_of_one_per_year(tmp_path: Path) -> None:
    from lcc._i18n import quantity, unit
    from lcc.cli import main

    assert unit("1/yr", "sv") == "per år" and quantity(75000, "1/yr", "sv") == \
        "75\u00a0000\u00a0per år"
    assert unit("h/yr", "sv") == "h/år" and unit("1/yr", "en") == "1/yr"
    tender = ROOT / "examples" / "reusable-tableware.toml"
    for lang in ("sv", "en"):
        out = tmp_path / f"r.{lang}.md"
        assert main(["report", str(tender), "-o", str(out), "--lang", lang]) == 0
        text = out.read_text(encoding="utf-8")
        assert "1/år" not in text and "× 1 1/yr ×" not in text and "× 1 per år ×" not in text
    assert "Servings per year that need a set 75\u00a0000\u00a0per år" in \
        (tmp_path / "r.sv.md").read_text(encoding="utf-8")
    assert "Breakage rate 0.15 × 115" in (tmp_path / "r.en.md").read_text(encoding="utf-8")


# ----------------------------------------------------------------- 11: parameter names


def test_a_description_headed_by_an_alternative_does_not_name_the_parameter(
        tmp_path: Path) -> None:
    """'Bid B: energy saved by …' gave a parameter called 'Bid B' (tornado, notes, trace)."""
    from lcc.cli import main
    from lcc.results._describe import parameter_name

    assert parameter_name("x", "sv", "Bid B: energy saved by dimming", ["Bid B"]) == \
        "Energy saved by dimming"
    assert parameter_name("x", "sv", "Drifttid: timmar per år", ["Bid B"]) == "Drifttid"
    out = tmp_path / "r.md"
    tender = ROOT / "examples" / "indoor-lighting.toml"
    assert main(["report", str(tender), "-o", str(out), "--lang", "sv"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "| Bid B |" not in text and "Bid B 0,45" not in text
    assert "| Energy saved by daylight dimming | Bid B: DALI" in text
    assert "(1 − Energy saved by daylight dimming 0,45)" in text
    assert "Känslighetsanalys av: Elpris, Kalkylränta, Drifttid, Real förändring av elpriset, " \
        "Energy saved by daylight dimming;" in text


def test_the_tornado_chart_does_not_call_a_parameter_by_an_alternative() -> None:
    from lcc.cli._commands import _tender_tornado
    from lcc.plot import tornado

    tender, c = _comparison("indoor-lighting")
    ticks = [t.get_text() for t in tornado(_tender_tornado(tender), lang="sv",
                                           comparison=c).get_yticklabels()]
    assert not any(t.startswith("Bid B\n") for t in ticks), ticks


# ----------------------------------------------------------------- 6: the portfolio in print


def test_the_portfolio_report_prints_every_column() -> None:
    """The wide tables sat in a box that scrolls: printed, columns were cut off."""
    import re

    import lcc.portfolio as pf

    d = ROOT / "examples" / "portfolio"
    html = pf.read_plan(d / "plan.csv", targets=d / "targets.toml").report(lang="sv").html()
    assert "@page { size: A4 landscape;" in html
    printed = html[html.index("@media print"):]
    assert re.search(r"\.scroll \{ overflow: visible; \}", printed)
    assert "white-space: normal" in printed


# ----------------------------------------------------------------- 4: 'LCC lönar sig'


def test_lcc_pays_says_why_and_the_rule_is_stated() -> None:
    """Furniture read 'LCC lönar sig: ja' with no winner changed and 0 kr saved (only the
    service lives differ), and the rule was stated nowhere."""
    import lcc.portfolio as pf

    d = ROOT / "examples" / "portfolio"
    plan = pf.read_plan(d / "plan.csv", targets=d / "targets.toml")
    html = plan.report(lang="sv").html()
    part = html[html.index('id="lcc_categories"'):html.index('id="criteria"')]
    assert "<td>ja: olika livslängd</td>" in part
    assert "<td>ja</td></tr>" not in part.split("Furniture", 1)[1].split("</tr>", 1)[0] + "</tr>"
    rule = "LCC-tilldelning kan löna sig: ja där kategorins kopplade upphandlingar"
    assert rule in part
    method = html[html.index('id="method"'):]
    assert rule in method
    en = plan.report(lang="en").html()
    assert "LCC award may pay: yes where" in en and "<td>yes: lives differ</td>" in en


# ----------------------------------------------------------------- 7, 8: the workbook


def test_report_workbook_headers_widths_page_setup_and_trace_font(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from lcc.cli import main

    out = tmp_path / "r.xlsx"
    tender = ROOT / "examples" / "street-lighting.toml"
    assert main(["report", str(tender), "-o", str(out), "--lang", "sv"]) == 0
    wb = load_workbook(out)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
    summary = wb["Sammanställning"]
    heads = {c.value: c for c in summary[3] if c.value}
    assert all(c.alignment.wrap_text for c in heads.values())
    disc = heads["Diskonterad återbetalningstid (år)"]
    assert disc.alignment.horizontal == "right"
    assert heads["Alternativ"].alignment.horizontal == "left"
    assert summary.column_dimensions[disc.column_letter].width >= len("återbetalningstid")
    assert summary.sheet_properties.pageSetUpPr.fitToPage
    assert summary.page_setup.fitToWidth == 1 and summary.page_setup.fitToHeight == 0
    trace = wb["Beräkningsspår"]
    fonts = {c.font.name for row in trace.iter_rows(min_row=5) for c in row if c.value}
    assert fonts == {"Courier New"}
    mc = wb["Osäkerhetsanalys (Monte Carlo)"] if "Osäkerhetsanalys (Monte Carlo)" in \
        wb.sheetnames else None
    if mc is not None:
        assert all(mc.column_dimensions[c].width >= 10 for c in "ABCDEFGH")
    out2 = tmp_path / "r2.xlsx"
    assert main(["report", str(tender), "-o", str(out2), "--lang", "sv"]) == 0
    assert out.read_bytes() == out2.read_bytes()
