"""The description of a bid built by the refurbished-or-new and the reusable-or-single-use
calculators is in the reader's words (review finding 4: the Swedish trace said 'Refurbished or
new: … (new)' and '… (single-use)', the title in English and the input's code word after it)."""

from __future__ import annotations

from pathlib import Path

import pytest

import lcc
from lcc.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

FURNITURE = {
    "en": ["Refurbished or new: price, remaining life, transport, resale and embodied CO2e "
           "(new item)",
           "Refurbished or new: price, remaining life, transport, resale and embodied CO2e "
           "(refurbished item)"],
    "sv": ["Återbrukat eller nytt: pris, återstående livslängd, transport, andrahandsvärde och "
           "inbyggd CO2e (ny artikel)",
           "Återbrukat eller nytt: pris, återstående livslängd, transport, andrahandsvärde och "
           "inbyggd CO2e (renoverad artikel)"],
}
TABLEWARE = {
    "en": ["Reusable or single-use items: purchases, washing, waste and CO2e (single-use items)",
           "Reusable or single-use items: purchases, washing, waste and CO2e (reusable items)"],
    "sv": ["Flergångs- eller engångsartiklar: inköp, diskning, avfall och CO2e "
           "(engångsartiklar)",
           "Flergångs- eller engångsartiklar: inköp, diskning, avfall och CO2e "
           "(flergångsartiklar)"],
}


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize(("example", "expected"), [("refurbished-furniture.toml", FURNITURE),
                                                   ("reusable-tableware.toml", TABLEWARE)])
def test_explain(capsys: pytest.CaptureFixture[str], lang: str, example: str,
                 expected: dict[str, list[str]]) -> None:
    assert main(["explain", str(EXAMPLES / example), "--lang", lang]) == 0
    lines = {line.strip() for line in capsys.readouterr().out.splitlines()}
    assert set(expected[lang]) <= lines
    assert not any(line.endswith(("(new)", "(refurbished)", "(single-use)", "(reusable)"))
                   for line in lines)


def test_report_trace_in_swedish() -> None:
    tender = lcc.load_tender(EXAMPLES / "refurbished-furniture.toml")
    report = lcc.report.build(tender.compare(), lang="sv", charts=False)
    trace = report.section("trace").pre or ""
    assert f"  {FURNITURE['sv'][1]}" in trace.splitlines()
    assert "Refurbished or new" not in trace
