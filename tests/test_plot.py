"""lcc.plot: every chart returns Axes, takes ax=, speaks Swedish and renders to SVG."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import lcc
from lcc import plot

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _close() -> object:
    yield
    plt.close("all")


def two_bids() -> tuple[lcc.Study, list[lcc.Alternative]]:
    """Old: 1 000 SEK/yr. New: 2 000 SEK now and 400 SEK/yr → pays back in year 4
    (cumulative −2 000, −1 400, −800, −200, +400)."""
    study = lcc.Study("6 yr", 0.0)
    price = lcc.Parameter("price", "1 SEK/kWh", low="0.1 SEK/kWh", high="2 SEK/kWh")
    old = lcc.Alternative("Old", lcc.Energy(annual="1000 kWh/yr", price=price))
    new = lcc.Alternative("New", lcc.Investment("2000 SEK"),
                          lcc.Energy(annual="400 kWh/yr", price=price))
    return study, [old, new]


def test_cumulative_marks_the_payback_year() -> None:
    study, alts = two_bids()
    ax = plot.cumulative(lcc.compare(alts, study))
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["New: discounted payback year 4"]
    assert ax.get_xlabel() == "Year" and "[SEK]" in ax.get_ylabel()
    # two curves, the end value of each (drawn past year N) and the payback's marker
    assert len(ax.get_lines()) == 5


def test_labels_of_one_year_stand_apart_and_inside_the_axes() -> None:
    """Two bids that pay back in the same late year: their labels stood on one another,
    beyond the right edge of the axes. New and Newer: 2 000 SEK now and 400 SEK/yr against
    1 000 SEK/yr, undiscounted: cumulative savings −2 000, −1 400, −800, −200, +400 → year 4
    of 6, in the right half: the labels end left of their marker, the second below the
    first."""
    study, (old, new) = two_bids()
    newer = lcc.Alternative("Newer", *new.items)
    ax = plot.cumulative(lcc.compare([old, new, newer], study, baseline="Old"))
    assert [t.get_text() for t in ax.texts] == ["New: discounted payback year 4",
                                                "Newer: discounted payback year 4"]
    # review 6: each label where it crosses no curve and no other label, inside the axes
    ax.figure.canvas.draw()
    boxes = [t.get_window_extent() for t in ax.texts]
    inside = ax.get_window_extent()
    assert not boxes[0].overlaps(boxes[1])
    assert all(inside.x0 <= b.x0 and b.x1 <= inside.x1 and inside.y0 <= b.y0 and
               b.y1 <= inside.y1 for b in boxes)


def test_swedish_labels_and_given_axes() -> None:
    study, alts = two_bids()
    _fig, ax = plt.subplots()
    out = plot.cumulative(lcc.compare(alts, study), ax=ax, lang="sv")
    assert out is ax
    assert out.get_xlabel() == "År"
    assert "diskonterad återbetalning år 4" in out.texts[0].get_text()
    with pytest.raises(lcc.LCCError, match="lang"):
        plot.cumulative(lcc.compare(alts, study), lang="de")


def test_breakdown_stacks_categories_and_totals() -> None:
    study, alts = two_bids()
    ax = plot.breakdown(lcc.compare(alts, study))
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["LCC", "Acquisition", "Energy"]
    # totals annotated: Old 6 000, New 2 000 + 2 400 = 4 400
    assert [t.get_text() for t in ax.texts] == ["6 000", "4 400"]


def test_break_even_curve_marks_the_crossing() -> None:
    # Old − New = 1000·6·p − (2000 + 400·6·p) = 3 600 p − 2 000 = 0 at p = 0.5556 SEK/kWh
    study, alts = two_bids()
    ax = plot.break_even(alts, study, "price")
    assert ax.texts[0].get_text() == "Break-even: 0.5556"
    assert ax.get_xlabel() == "Price [SEK/kWh]"  # the input named in words


def test_break_even_without_crossing_says_so() -> None:
    study, alts = two_bids()
    ax = plot.break_even(alts, study, "price", values=np.linspace(1, 2, 11))
    assert "do not cost the same" in ax.texts[0].get_text()


def test_tornado_and_distributions_from_tables() -> None:
    table = pd.DataFrame({
        "parameter": ["price", "rate"], "alternative": ["New", "New"], "low": [0.5, 0.01],
        "high": [1.5, 0.06], "lcc_low": [3200.0, 4500.0], "lcc_high": [5600.0, 4300.0],
        "swing": [2400.0, 200.0]})
    table["lcc_base"] = 4400.0
    ax = plot.tornado(table)
    assert [t.get_text().split("\n")[0] for t in ax.get_yticklabels()] == ["Rate", "Price"]
    assert ax.get_title() == "Sensitivity of the life-cycle cost: New"
    # bars start at the base case (4 400) and reach the LCC at each end of the range
    widths = sorted(round(p.get_width()) for p in ax.patches)
    assert widths == [-1200, -100, 100, 1200]
    assert {round(p.get_x()) for p in ax.patches} == {4400}

    class MC:
        lcc = pd.DataFrame({"A": np.arange(100.0), "B": np.arange(100.0) + 10})
        probability_best = pd.Series({"A": 1.0, "B": 0.0})

    ax = plot.distributions(MC(), kind="hist")
    assert "A (P(lowest) = 100\xa0%)" in [t.get_text() for t in ax.get_legend().get_texts()]
    ax = plot.distributions(MC(), kind="cdf", lang="sv")
    assert ax.get_ylabel() == "Kumulativ sannolikhet"


def test_svg_and_shortcuts() -> None:
    study, alts = two_bids()
    svg = plot.to_svg(lcc.evaluate(alts[1], study).plot())
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert lcc.compare(alts, study).plot("breakdown").get_title() == \
        "Life-cycle cost by cost category"
    with pytest.raises(lcc.LCCError, match="kind"):
        lcc.compare(alts, study).plot("pie")


def test_monte_carlo_plot_shortcut() -> None:
    from scipy import stats

    study, alts = two_bids()
    mc = lcc.sensitivity.monte_carlo(alts, study, {"price": stats.uniform(0.1, 1.9)}, n=2000,
                                     seed=3)
    ax = mc.plot("hist")
    # Old − New = 3 600 p − 2 000 < 0 for p < 0.5556: with p ~ U(0.1, 2.0), P(Old cheapest)
    # = (0.5556 − 0.1)/1.9 = 0.240
    p_old = float(mc.probability_best["Old"])
    exact = (5 / 9 - 0.1) / 1.9
    assert abs(p_old - exact) < 4 * (exact * (1 - exact) / 2000) ** 0.5
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[0] == f"Old (P(lowest) = {p_old * 100:.0f}\xa0%)"


def test_cumulative_marks_the_payback_the_comparison_gives() -> None:
    """A bid that costs more at first but less to keep (no replacement) has a payback although
    its added investment-related cost is not positive (DESIGN §3: payback is the cumulative
    difference of all flows); the chart marks the year the summary gives. At 0 %: A = 1 000
    + 100/yr, bought again at t = 5; B = 1 200 + 100/yr. Cumulative savings A − B: −200 in
    years 0..4, 1 000 − 200 = 800 from year 5 on → payback 5, simple and discounted (d = 0).
    Added investment of B: 1 200 − (1 000 + 1 000) = −800 ≤ 0, so SIR and AIRR are not
    defined."""
    study = lcc.Study("10 yr", 0.0)
    a = lcc.Alternative("A", lcc.Investment("1000 SEK", life="5 yr"),
                        lcc.Recurring("100 SEK/yr"))
    b = lcc.Alternative("B", lcc.Investment("1200 SEK", life="10 yr"),
                        lcc.Recurring("100 SEK/yr"))
    comparison = lcc.compare([a, b], study)
    assert comparison.baseline == "A"
    assert comparison.summary.loc["B", "discounted_payback"] == 5
    assert np.isnan(comparison.summary.loc["B", "sir"])
    texts = [t.get_text() for t in plot.cumulative(comparison).texts]
    assert texts == ["B: discounted payback year 5"]
    sv = [t.get_text() for t in plot.cumulative(comparison, lang="sv").texts]
    assert sv[0].startswith("B: ") and sv[0].endswith(" år 5") and "skärningspunkt" not in sv[0]


def test_cumulative_marks_the_payback_and_where_the_savings_fall_behind_again() -> None:
    """Cheap (no purchase, 500 SEK/yr) against Dear (1 000 SEK, 200 SEK/yr) at 0 %: cumulative
    savings Dear − Cheap = 1 000, 700, 400, 100, −200, … — ahead at year 0 (payback 0,
    DESIGN §3), behind from year 4 for good: the chart marks both, the crossing as such. A
    bid that never covers its added cost has no mark: Costly (2 000 SEK, 450 SEK/yr) against
    Cheap, −2 000 + 50·k < 0 in every year k ≤ 10."""
    study = lcc.Study("10 yr", 0.0)
    dear = lcc.Alternative("Dear", lcc.Investment("1000 SEK"), lcc.Recurring("200 SEK/yr"))
    cheap = lcc.Alternative("Cheap", lcc.Recurring("500 SEK/yr"))
    comparison = lcc.compare([dear, cheap], study, baseline="Dear")
    assert comparison.summary.loc["Cheap", "simple_payback"] == 0
    assert [t.get_text() for t in plot.cumulative(comparison, discounted=False).texts] == \
        ["Cheap: payback year 0", "Cheap: crossing year 4"]
    assert [t.get_text() for t in plot.cumulative(comparison, lang="sv").texts][1] == \
        "Cheap: skärningspunkt år 4"
    costly = lcc.Alternative("Costly", lcc.Investment("2000 SEK"), lcc.Recurring("450 SEK/yr"))
    comparison = lcc.compare([cheap, costly], study, baseline="Cheap")
    assert np.isnan(comparison.summary.loc["Costly", "simple_payback"])
    assert list(plot.cumulative(comparison).texts) == []


def test_a_very_long_name_is_cut_on_the_charts_not_the_charts_blanked(tmp_path) -> None:
    """A 10 000-character bid name made every chart of a report tens of thousands of points
    wide and blank, with matplotlib's warnings (and a path inside lcc) on the terminal; a
    chart shows the first 60 characters and '…' (the tables keep the whole name)."""
    import warnings

    import lcc
    from lcc.plot import breakdown, cumulative, to_svg

    study = lcc.Study("10 yr", 0.03)
    long = "LED " + "L" * 10_000
    alts = [lcc.Alternative(long, [lcc.Investment(amount="1000 SEK", life="20 yr")]),
            lcc.Alternative("Short", [lcc.Investment(amount="800 SEK", life="8 yr")])]
    comparison = lcc.compare(alts, study)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for chart in (cumulative(comparison), breakdown(comparison)):
            svg = to_svg(chart)
            width = float(re.search(r'width="([\d.]+)pt"', svg).group(1))
            assert width < 1500, width


def test_names_alike_stay_apart_and_on_one_line_on_the_charts() -> None:
    """Two bids whose names differ after the 60th character ('… alternativ 1' and '… 2')
    got the same legend entry, payback label and bar label; a line break in a name (shown on
    one line in the tables) split the chart's label and drew it over the next one."""
    import lcc
    from lcc.plot import breakdown, cumulative

    head = "Belysningsbolaget i Mellansverige AB, armatur LX-500 med styrning, alternativ "
    study = lcc.Study("10 yr", 0.03)
    alts = [lcc.Alternative(head + "1", lcc.Investment("1000 SEK"), lcc.Recurring("200 SEK/yr")),
            lcc.Alternative("Old", lcc.Investment("800 SEK"), lcc.Recurring("280 SEK/yr")),
            lcc.Alternative(head + "2", lcc.Investment("900 SEK"), lcc.Recurring("230 SEK/yr")),
            lcc.Alternative("Two\nlines", lcc.Investment("700 SEK"), lcc.Recurring("300 SEK/yr"))]
    c = lcc.compare(alts, study, baseline="Old")
    legend = [re.sub(r" \(LCC [^)]*\)$", "", t.get_text())  # the end value (review 6)
              for t in cumulative(c).get_legend().get_texts()]
    assert len(set(legend)) == 4 and all(len(t) <= 60 for t in legend), legend
    assert legend[0].endswith("alternativ 1") and legend[2].endswith("alternativ 2")
    assert legend[3] == "Two lines"
    ticks = [t.get_text().replace("\n", " ") for t in breakdown(c).get_xticklabels()]
    assert len(set(ticks)) == 4 and ticks[3] == "Two lines"
    paybacks = [t.get_text() for t in cumulative(c).texts]
    assert len(set(paybacks)) == len(paybacks) and all("\n" not in t for t in paybacks)
    twins = [lcc.Alternative("X" * 70, lcc.Investment("1 SEK")),
             lcc.Alternative("X" * 71, lcc.Investment("2 SEK"))]
    legend = [re.sub(r" \(LCC [^)]*\)$", "", t.get_text()) for t in
              cumulative(lcc.compare(twins, study)).get_legend().get_texts()]
    assert legend[0].endswith(" [1]") and legend[1].endswith(" [2]")

def test_a_png_into_a_folder_that_does_not_exist_is_refused_with_the_path(tmp_path) -> None:
    """lcc.plot.to_png raised FileNotFoundError for a path in a missing folder."""
    import lcc
    import lcc.plot

    c = lcc.compare([lcc.Alternative("A", lcc.Investment("1000 SEK"))], lcc.Study("5 yr", 0.03))
    target = tmp_path / "missing" / "x.png"
    with pytest.raises(lcc.LCCError) as info:
        lcc.plot.to_png(lcc.plot.cumulative(c), target)
    assert (info.value.field, info.value.code) == ("to_png.path", "invalid-value")
    assert str(info.value).startswith(f"to_png: cannot write {str(target)!r}: ")
    lcc.plot.to_png(lcc.plot.cumulative(c), tmp_path / "x.png")
    assert (tmp_path / "x.png").read_bytes()[:4] == b"\x89PNG"


def test_break_even_plot_reads_its_bracket_and_pair_as_the_break_even_does() -> None:
    """bracket=("5000 1/yr", "80000 1/yr") stopped the plot with numpy's DTypePromotionError
    (the analysis reads it); an unknown parameter is refused by name, as the analysis does.
    In the bundled tableware tender the reusable stock and single-use plastic cost the same
    at 42 125 servings a year: the plot marks that one crossing (to 4 digits, 42 120 from
    its 101-point grid and the analysis's Brent root)."""
    tender = lcc.load_tender(ROOT / "examples" / "reusable-tableware.toml")
    alts, study = list(tender.alternatives), tender.study
    pair = ("Reusable porcelain, glass and steel", "Single-use plastic")
    found = lcc.sensitivity.break_even(alts, study, "servings", pair=pair,
                                       bracket=("5000 1/yr", "80000 1/yr"))
    assert found == pytest.approx(42125, abs=1)
    ax = plot.break_even(alts, study, "servings", pair=pair,
                         bracket=("5000 1/yr", "80000 1/yr"))
    (mark,) = [t.get_text() for t in ax.texts]
    shown = float(re.sub(r"[^\d.]", "", mark.split(":")[1]))
    assert shown == pytest.approx(found, rel=5e-4)
    with pytest.raises(lcc.LCCError, match="servingz"):
        plot.break_even(alts, study, "servingz", bracket=(1, 2))
    with pytest.raises(lcc.LCCError) as info:
        plot.break_even(alts, study, "servings", values=["many"])
    assert (info.value.field, info.value.code) == ("break_even.values", "invalid-value")
    with pytest.raises(lcc.LCCError) as info:
        plot.break_even(alts, study, "servings", values=5)
    assert (info.value.field, info.value.code) == ("break_even.values", "wrong-type")


def test_break_even_plot_reads_values_as_the_analysis_reads_a_bracket() -> None:
    """values=[1, 8] for the discount rate drew 100 %..800 % (a bracket (1, 8) is refused as
    bare rates); values in öre/kWh were drawn as SEK/kWh (pint dropped the unit)."""
    tender = lcc.load_tender(ROOT / "examples" / "street-lighting.toml")
    alts, study = list(tender.alternatives), tender.study
    with pytest.raises(lcc.LCCError, match=r"did you mean 1 % = 0\.01"):
        plot.break_even(alts, study, "discount_rate", values=[1, 8])
    ax = plot.break_even(alts, study, "electricity_price", values=lcc.Q_([50, 400], "öre/kWh"))
    (line,) = ax.get_lines()[:1]
    assert list(line.get_xdata()) == pytest.approx([0.5, 4.0])
