"""The note on emission columns stands only where there are emission columns (review finding
11: 'Emissions in kg over the study period …' was printed for a tender without emissions)."""

from __future__ import annotations

from pathlib import Path

import pytest

import lcc
import lcc.report
from lcc.cli import main

STREET = Path(__file__).resolve().parents[1] / "examples" / "street-lighting.toml"
NO_EMISSIONS = """format = "lcc.tender/1"
name = "No emissions"
[study]
period = "10 yr"
discount_rate = 0.04

[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Investment"
amount = "10000 SEK"

[[alternatives]]
name = "B"
[[alternatives.items]]
type = "Investment"
amount = "9000 SEK"
[[alternatives.items]]
type = "Recurring"
amount_per_year = "200 SEK/yr"
"""
NOTE = {"en": "Emissions in kg over the study period; difference: the alternative minus",
        "sv": "Utsläpp i kg under kalkylperioden; skillnad: alternativet minus"}
FOOTNOTE = {"en": "Emissions: kg over the study period; difference: the alternative minus the "
                  "baseline.",
            "sv": "Utsläpp: kg under kalkylperioden; skillnad: alternativet minus "
                  "jämförelsealternativet."}


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    path = tmp_path / "plain.toml"
    path.write_text(NO_EMISSIONS, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("command", ["compare", "evaluate"])
def test_the_command_line(plain: Path, capsys: pytest.CaptureFixture[str], lang: str,
                          command: str) -> None:
    assert main([command, str(plain), "--lang", lang]) == 0
    assert NOTE[lang] not in capsys.readouterr().out
    assert main([command, str(STREET), "--lang", lang]) == 0
    assert f"{NOTE[lang]} Existing HPS" in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_report_summary(plain: Path, lang: str) -> None:
    without = lcc.report.build(lcc.load_tender(plain).compare(), lang=lang, charts=False)
    lines = without.section("summary").lines
    assert lines[2] == ("Net savings: the baseline's life-cycle cost minus the alternative's. "
                        "AIRR: adjusted internal rate of return per year. Payback in years."
                        if lang == "en" else
                        "Nettobesparing: jämförelsealternativets livscykelkostnad minus "
                        "alternativets. AIRR: justerad internränta per år. Återbetalningstid i "
                        "år.")
    with_ = lcc.report.build(lcc.load_tender(STREET).compare(), lang=lang, charts=False)
    assert with_.section("summary").lines[2].endswith(" " + FOOTNOTE[lang])
