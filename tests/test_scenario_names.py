"""``lcc sensitivity X scenarios`` shows the scenarios as the report does (review finding 8:
the command showed the identifiers 'rate_2_percent' … and called the base row 'Grundvärde'
where the report shows the descriptions and 'Grundfall')."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import lcc
import lcc.report
import lcc.sensitivity as sens
from lcc.cli import main

STREET = Path(__file__).resolve().parents[1] / "examples" / "street-lighting.toml"

NAMES = {"en": ["Base case", "Kalkylränta 2 % (EN 15459: a second discount rate)",
                "Kalkylränta 5 %",
                "Electricity price rising from 1.5 to 3.4 SEK/kWh over the 20 years",
                "Electricity price 0.8 SEK/kWh throughout"]}
NAMES["sv"] = ["Grundfall", *NAMES["en"][1:]]


def _report_names(lang: str) -> list[str]:
    tender = lcc.load_tender(STREET)
    alts = list(tender.alternatives)
    table = sens.scenarios(alts, tender.study, dict(tender.scenarios))
    report = lcc.report.build(tender.compare(), lang=lang, charts=False, scenarios=table)
    shown = report.section("scenarios").table
    assert shown is not None
    return [str(i) for i in shown.index]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_command_shows_the_scenarios_as_the_report(capsys: pytest.CaptureFixture[str],
                                                       lang: str) -> None:
    assert _report_names(lang) == NAMES[lang]
    assert main(["sensitivity", str(STREET), "scenarios", "--lang", lang]) == 0
    lines = capsys.readouterr().out.replace("\xa0", " ").splitlines()
    rows = lines[3:3 + 4 * len(NAMES[lang])]  # four alternatives per scenario
    shown = list(dict.fromkeys(row.split("  ")[0] for row in rows))
    assert shown == NAMES[lang]
    winner = "lowest life-cycle cost" if lang == "en" else "lägst livscykelkostnad har"
    assert f"{NAMES[lang][1]}: {winner} LED bid A" in lines
    assert not any("rate_2_percent" in line or "Grundvärde" in line or "Base value" in line
                   for line in lines)


def test_json_keeps_the_identifiers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sensitivity", str(STREET), "scenarios", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [r["scenario"] for r in payload["rows"]][::4] == [
        "base", "rate_2_percent", "rate_5_percent", "high_electricity_price",
        "low_electricity_price"]
