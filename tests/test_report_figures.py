"""A report never shows two different LCCs as one figure, and a tie names every winner."""

from __future__ import annotations

import re

import pytest

import lcc

STUDY = lcc.Study("10 yr", 0.035)


def _pumps(b_price: str) -> lcc.Comparison:
    def pump(name: str, price: str) -> lcc.Alternative:
        return lcc.Alternative(name, lcc.Investment(price, life="10 yr"),
                               lcc.Recurring("1000 SEK/yr"))
    return lcc.compare([pump("Pump A", "52000 SEK"), pump("Pump B", b_price)], STUDY)


#: 52 000 + 1 000 × (1 − 1.035^−10) / 0.035 = 52 000 + 8 316.61 = 60 316.61 SEK
A = 52000 + 1000 * (1 - 1.035 ** -10) / 0.035


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_two_lccs_forty_ore_apart_are_shown_apart(lang) -> None:
    c = _pumps("52000.4 SEK")
    assert c.summary["lcc"].tolist() == pytest.approx([A, A + 0.4])
    md = lcc.report.build(c, lang=lang).markdown()
    sep = "," if lang == "sv" else "."
    rows = [line for line in md.splitlines() if line.startswith("| Pump")]
    assert re.search(rf"\| Pump A \| 60\s316{sep}61 \| 1 \|", rows[0])
    assert re.search(rf"\| Pump B \| 60\s317{sep}01 \| 2 \| [-−]0{sep}40 \|", rows[1])


def test_amounts_stay_whole_when_whole_amounts_tell_the_lccs_apart() -> None:
    md = lcc.report.build(_pumps("53000 SEK"), lang="en").markdown()
    assert re.search(r"\| Pump B \| 61\s317 \| 2 \| -1\s000 \|", md)


@pytest.mark.parametrize(("lang", "lead"), [
    ("en", "Pump A, Pump B tie for the lowest life-cycle cost: 60\u00a0317\u00a0SEK"),
    ("sv", "Pump A, Pump B har samma, lägsta livscykelkostnad: 60\u00a0317\u00a0kr")])
def test_a_tie_names_every_winner_and_marks_each_row(lang, lead) -> None:
    report = lcc.report.build(_pumps("52000 SEK"), lang=lang)
    assert lead.replace("\u00a0", " ") in report.markdown().replace("\u00a0", " ")
    html = report.html()
    assert html.count('<tr class="best">') == 2


@pytest.mark.parametrize(("lang", "lines"), [
    ("sv", ["- Elpris, värde: 1,1\u00a0kr/kWh (kalkylförutsättningarna: 1,5\u00a0kr/kWh)",
            "- Elpris, lågt värde: 0,6\u00a0kr/kWh (kalkylförutsättningarna: 0,75\u00a0kr/kWh)",
            "- Elpris, fördelning: triangelfördelning, lägst 0,6\u00a0kr/kWh, troligast "
            "1,1\u00a0kr/kWh, högst 2,2\u00a0kr/kWh (kalkylförutsättningarna: "
            "triangelfördelning, lägst 0,75\u00a0kr/kWh, troligast 1,5\u00a0kr/kWh, högst "
            "3\u00a0kr/kWh)"]),
    ("en", ["- Electricity price, high value: 2.2\u00a0SEK/kWh (assumption set: "
            "3\u00a0SEK/kWh)"])])
def test_departures_from_the_assumption_set_are_in_the_readers_words(lang, lines,
                                                                     tmp_path) -> None:
    from pathlib import Path

    from lcc.cli import main

    out = tmp_path / "r.md"
    pumps = Path(__file__).parents[1] / "examples" / "pumps.toml"
    assert main(["report", str(pumps), "-o", str(out), "--lang", lang, "--no-charts"]) == 0
    md = out.read_text(encoding="utf-8")
    for line in lines:
        assert line in md.splitlines()
    assert "{'name'" not in md and '"1.1 SEK/kWh"' not in md


def test_codes_and_python_numbers_stay_out_of_swedish_words() -> None:
    from scipy import stats

    from lcc.results._comparison import _tie_text
    from lcc.results._describe import distribution_text
    from lcc.sensitivity import switching_values

    assert _tie_text("sv") == "1·10⁻⁹" and _tie_text("en") == "1e-9"
    text = distribution_text(stats.gumbel_r(loc=4000, scale=200), "h/yr", "sv")
    assert text == "scipy.stats-fördelningen gumbel_r (läge 4\u00a0000\u00a0h/år, skala " \
        "200\u00a0h/år)"
    rate = lcc.Parameter("discount_rate", 0.035, low=0.02, high=0.05)
    pumps = [lcc.Alternative(n, lcc.Investment(f"{p} SEK"), lcc.Recurring("1000 SEK/yr"))
             for n, p in (("A", 52000), ("B", 53000))]
    reason = switching_values(pumps, lcc.Study("10 yr", rate)).attrs["reasons"][0]
    assert "'Discount rate' (the two depend on it alike, or not at all)" in str(reason)
    assert "ändras inte med 'Kalkylränta'" in reason.in_lang("sv")


@pytest.mark.parametrize("title", ["\x1b\x07", "\u200b \u202e", "   "])
def test_a_title_of_nothing_visible_is_the_default(title) -> None:
    md = lcc.report.build(_pumps("53000 SEK"), title=title, lang="sv").markdown()
    assert md.splitlines()[0] == "# Livscykelkostnadsanalys"
