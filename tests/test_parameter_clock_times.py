"""A parameter's name is the head of its description, and a clock time (22:00) does not end
the head (review finding 3: street-lighting-calculator.toml showed parameters '22' and 'Dusk to
22' in the tornado, the break-even table, the trace and the report)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lcc.cli import main
from lcc.results._describe import parameter_name

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "street-lighting-calculator.toml"


@pytest.mark.parametrize(("description", "expected"), [
    ("22:00 to 06:00 while it is dark", "22:00 to 06:00 while it is dark"),
    ("Drifttid: 4 000 h per år", "Drifttid"),
    ("Drifttid:4000 h", "Drifttid"),
    ("Natt 22:00–06:00; dimrad", "Natt 22:00–06:00"),
])
def test_a_clock_time_does_not_end_the_name(description: str, expected: str) -> None:
    assert parameter_name("dimmed_hours", "sv", description) == expected


def test_a_head_too_long_with_its_clock_times_gives_the_identifier_in_words() -> None:
    text = "Dusk to 22:00 and 06:00 to dawn, summed over the year (astronomical clock)"
    assert parameter_name("full_power_hours", "en", text) == "Full power hours"


@pytest.mark.parametrize(("lang", "row"), [
    ("en", ["22:00 to 06:00 while it is dark", "h/yr", "2 500"]),
    ("sv", ["22:00 to 06:00 while it is dark", "h/år", "2 500"]),
])
def test_break_even_table(capsys: pytest.CaptureFixture[str], lang: str, row: list[str]) -> None:
    import re

    assert main(["sensitivity", str(EXAMPLE), "break-even", "--lang", lang]) == 0
    lines = capsys.readouterr().out.replace("\xa0", " ").splitlines()
    assert any(re.split(r"\s{2,}", line)[:3] == row for line in lines)
    assert any(line.startswith("Full power hours ") for line in lines)
    assert not any(line.startswith(("22 ", "Dusk to 22 ")) for line in lines)


@pytest.mark.parametrize(("lang", "row", "trace"), [
    ("en", "| 22:00 to 06:00 while it is dark | Bid A | 2 300 h/yr | 2 700 h/yr |",
     "Night level 0.5 × 22:00 to 06:00 while it is dark 2 500 h/yr × Electricity price"),
    ("sv", "| 22:00 to 06:00 while it is dark | Bid A | 2 300 h/år | 2 700 h/år |",
     "Night level 0,5 × 22:00 to 06:00 while it is dark 2 500 h/år × Elpris"),
])
def test_report_tornado_and_trace(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  lang: str, row: str, trace: str) -> None:
    out = tmp_path / "r.md"
    assert main(["report", str(EXAMPLE), "-o", str(out), "--lang", lang, "--no-scenarios",
                 "--no-charts"]) == 0
    text = out.read_text(encoding="utf-8").replace("\xa0", " ")
    assert any(line.startswith(row) for line in text.splitlines())
    assert trace in text
    assert "Dusk to 22" not in text and "| 22 |" not in text
